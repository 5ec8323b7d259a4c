"""The review store survives a batch killed in the middle: `jixiao extract DIR --db` is
SIGKILLed (no handler runs, no connection is closed) while it adds reports, twice, at
different points; after each kill the store opens, passes SQLite's integrity check, holds
every document the batch reported done, each of them whole; a last run completes the batch
without storing any document twice.

A process killed during a review decision is covered by test_store.py
(`test_a_killed_process_loses_no_decision_it_reported_saved`).
"""
from __future__ import annotations

import os
import queue
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from assistant.extract import extract_path
from assistant.store import Store
from tests.conftest import ROOT, SAMPLES

COPIES = 10                 # of each sample: 60 documents, some seconds of work for one process
DONE = re.compile(r"^(?P<doc>.+?)：项目 \d+，指标 \d+，语句 \d+$")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Copies of the samples, each made distinct by a note of its own at the end."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for sample in sorted(SAMPLES.glob("*.txt")):
        text = sample.read_text(encoding="utf-8")
        for i in range(COPIES):
            note = f"\n备注：本表为第{i + 1}份归档副本，共{COPIES}份，编号{1000 + 7 * i}。\n"
            (folder / f"{sample.stem}_{i:02d}.txt").write_text(text + note, encoding="utf-8")
    return folder


def test_a_batch_killed_twice_leaves_a_sound_store_that_a_rerun_completes(corpus, tmp_path):
    db = tmp_path / "store.sqlite"
    files = sorted(corpus.glob("*.txt"))
    rng = random.Random(8)
    names = [f.name for f in files]
    reported: list[str] = []
    near_kills: list[str] = []  # the documents stored last before a kill, and the one after
    stored = 0                  # documents in the store: those reported, and perhaps one more
    for wanted in (4, 9):
        done, returncode, skipped = _run_and_kill(corpus, db, wanted, delay=rng.uniform(0.0, 0.15))
        assert returncode == -signal.SIGKILL, "the batch ended before it was killed: give it more work"
        assert skipped == stored                 # what was stored before is not extracted again
        assert not set(done) & set(reported)
        reported += done
        near_kills += done[-2:] + names[names.index(done[-1]) + 1:][:1]   # one worker: file order
        stored = _check_store(db, reported, near_kills, corpus)
    assert len(reported) == len(set(reported)) and stored < len(files)

    finished = subprocess.run(_command(corpus, db), cwd=ROOT, env=_env(), capture_output=True, text=True,
                              timeout=180)
    assert finished.returncode == 0, finished.stderr
    assert finished.stderr.count("跳过（已入库）") == stored
    _check_store(db, names, near_kills + names[-2:], corpus)
    with Store(db) as store:
        documents = store.documents()
    assert sorted(d.name for d in documents) == [f.name for f in files]
    assert len({d.sha256 for d in documents}) == len(files)
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == len(files)


# ---------------------------------------------------------------------------- helpers

def _command(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "assistant", "extract", str(corpus), "--db", str(db), "--workers", "1",
            "--no-progress", "-v"]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def _run_and_kill(corpus: Path, db: Path, wanted: int, delay: float) -> tuple[list[str], int, int]:
    """Start the batch, wait until it reports `wanted` documents stored, SIGKILL it a moment
    later (mid-extraction or mid-write); the documents reported, its return code and the
    number of documents it skipped as stored already."""
    proc = subprocess.Popen(_command(corpus, db), cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8")
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        for line in proc.stderr:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    done, skipped, seen = [], 0, []
    deadline = time.monotonic() + 120
    try:
        while len(done) < wanted:
            line = lines.get(timeout=max(deadline - time.monotonic(), 0.1))
            if line is None:
                break
            seen.append(line)
            if line.endswith("跳过（已入库）"):
                skipped += 1
            elif DONE.match(line):
                done.append(DONE.match(line).group("doc"))
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert len(done) >= wanted, "\n".join(seen)
    return done, proc.returncode, skipped


def _check_store(db: Path, names: list[str], whole: list[str], corpus: Path) -> int:
    """The store opens, is intact and holds the documents `names`; those of `whole` that it
    holds are whole: their review items and projects are those the same report gives in a
    fresh store.  Returns how many documents it holds."""
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    with Store(db) as store:
        stored = {d.name: d for d in store.documents()}
        assert set(names) <= set(stored), sorted(set(names) - set(stored))
        for name in dict.fromkeys(n for n in whole if n in stored):
            path = corpus / name
            with Store(db.with_name(f"fresh-{name}.sqlite")) as fresh:
                fresh_id = fresh.add_report(extract_path(path), path.read_text(encoding="utf-8"))
                want = [(i.key, i.kind, i.text, i.start, i.end) for i in fresh.items(fresh_id)]
                want_projects = fresh.documents()[0].projects
            have = [(i.key, i.kind, i.text, i.start, i.end) for i in store.items(stored[name].id)]
            assert have == want, name
            assert stored[name].projects == want_projects
    return len(stored)


# --- a store of a newer version: one line, Chinese by default, English on request -------------

CJK = re.compile(r"[\u4e00-\u9fff]")


def _future_store(path: Path) -> Path:
    from assistant.store.schema import MIGRATIONS

    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    db.commit()
    db.close()
    return path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_migrating_a_newer_store_says_so_in_the_language_in_force(tmp_path, monkeypatch, lang):
    """`migrate` itself (the step after the open's own check) names the file in Chinese."""
    from assistant.store.schema import MIGRATIONS, SchemaError, migrate

    path = _future_store(tmp_path / "future.sqlite")
    monkeypatch.setenv("JIXIAO_LANG", lang)
    db = sqlite3.connect(path, isolation_level=None)
    try:
        with pytest.raises(SchemaError) as err:
            migrate(db)
    finally:
        db.close()
    message, newer, known = str(err.value), len(MIGRATIONS) + 1, len(MIGRATIONS)
    assert "\n" not in message
    if lang == "zh":
        assert CJK.search(message) and str(path) in message, message
        assert f"审核库的版本 {newer} 比本工具认识的（{known}）新" in message and "升级 jixiao-assistant" in message
    else:
        assert message == (f"store schema version {newer} is newer than this tool knows ({known}); "
                           "upgrade jixiao-assistant"), message


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_command_on_a_newer_store_says_one_line_in_the_language(tmp_path, lang):
    path = _future_store(tmp_path / "future.sqlite")
    run = subprocess.run([sys.executable, "-m", "assistant.cli", "stats", "--db", str(path)], capture_output=True,
                         text=True, timeout=120, cwd=ROOT, env={**_env(), "JIXIAO_LANG": lang})
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    [line] = run.stderr.strip().splitlines()
    assert str(path) in line
    if lang == "zh":
        assert line.startswith("错误：") and "审核库的版本" in line and "升级 jixiao-assistant" in line, line
    else:
        assert line.startswith("error: ") and "is newer than this tool knows" in line and not CJK.search(line), line
