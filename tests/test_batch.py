"""`jixiao extract` at scale: workers, resuming, Parquet, Dask, and bad input in a batch."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.batch import Outcome, _drive, run_batch
from assistant.cli import app, register
from assistant.extract import extract_path
from tests.conftest import SAMPLES

register()       # every command on `app`, as `jixiao` has them

# A small tab-layout 自评表 written for these tests: one project, three indicators, a reason.
SELF_EVALUATION = """\
## 项目支出绩效自评表

(2023年度)

单位(盖章): 清河县农业农村局

项目名称\t\t{project}\t\t\t\t\t\t
主管部门及代码\t\t[301]清河县农业农村局\t\t实施单位\t清河县农业技术推广中心\t\t\t
项目资金 (万元)\t资金来源\t年初预算数\t全年预算数(A)\t全年执行数(B)\t分值\t执行率\t得分\t
\t年度资金总额:\t{budget}\t{budget}\t{executed}\t10\t{rate}\t9\t
绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t未完成原因分析
\t产出指标 (50分)\t数量指标\t测土配方施肥推广面积\t≥{area}万亩\t{area}万亩\t20\t20\t
\t\t时效指标\t补贴资金拨付时间\t2023年10月底前\t2023年12月底\t20\t15\t资金到位较晚，拨付进度滞后；下一步将加快资金拨付进度。
\t满意度指标 (10分)\t满意度指标\t种植户满意度\t≥90%\t93%\t10\t10\t
总分\t\t\t\t\t\t100\t94\t
自评结论\t优\t\t\t\t\t\t\t
"""


def _self_evaluation(i: int) -> str:
    return SELF_EVALUATION.format(project=f"耕地质量提升项目{i}", budget=100 + i, executed=90 + i,
                                  rate=f"{(90 + i) / (100 + i) * 100:.2f}", area=10 + i)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Six reports in two folders: four samples and two written here."""
    folder = tmp_path / "corpus"
    (folder / "b").mkdir(parents=True)
    for name in ("01_tab_selfeval_education.txt", "02_cells_selfeval_health.txt",
                 "05_narrative_department_agriculture.txt", "06_tab_deviation_transport.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    for i in (1, 2):
        (folder / "b" / f"自评表_{i}.txt").write_text(_self_evaluation(i), encoding="utf-8")
    return folder


def run(*args: str) -> "object":
    return CliRunner().invoke(app, ["extract", *args], catch_exceptions=False)


def lines(path: Path) -> list[str]:
    return sorted(path.read_text(encoding="utf-8").splitlines())


def files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


# --- workers ---------------------------------------------------------------------------------

def test_two_workers_write_what_one_does_in_the_unchanged_format(corpus, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    result = run(str(corpus), "-o", str(one), "-j", "1")
    assert result.exit_code == 0, result.stderr
    result = run(str(corpus), "-o", str(two), "-j", "2", "--chunksize", "1", "-v")
    assert result.exit_code == 0, result.stderr
    assert lines(one) == lines(two)
    reports = [extract_path(p).to_dict() for p in files(corpus)]
    assert sorted(json.loads(line)["path"] for line in lines(one)) == sorted(r["path"] for r in reports)
    by_path = {r["path"]: r for r in reports}
    assert all(json.loads(line) == by_path[json.loads(line)["path"]] for line in lines(one))
    # compact UTF-8 JSON, one document per line
    assert all(line.startswith('{"doc":"') and "\\u" not in line for line in lines(one))
    # with -v one line per document, and the closing table
    for p in files(corpus):
        assert f"{p.name}：项目 " in result.stderr
    assert "已抽取文档" in result.stderr


def test_stdout_by_default_and_quiet_prints_only_the_closing_table(corpus):
    result = run(str(corpus), "-j", "2", "--quiet")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 6
    assert "抽取汇总" in result.stderr and "已抽取文档" in result.stderr
    assert "项目 " not in result.stderr.split("抽取汇总")[0]       # no line per document


def test_the_progress_bar_shows_the_total_percentage_and_time_left(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    result = run(str(corpus), "-j", "1", "--progress", "-o", str(tmp_path / "o.jsonl"))
    assert result.exit_code == 0
    assert "6/6" in result.stderr and "100%" in result.stderr and "剩余" in result.stderr
    assert "份/秒" in result.stderr and "抽取汇总" in result.stderr


def test_english_on_request(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("JIXIAO_LANG", "en")
    result = run(str(corpus), "-j", "1", "-v", "-o", str(tmp_path / "o.jsonl"))
    assert "documents extracted" in result.stderr and "projects, " in result.stderr
    result = run(str(corpus), "-o", str(tmp_path))
    assert result.stderr.startswith(f"error: {tmp_path}")


def test_the_loop_keeps_a_bounded_number_of_tasks_in_flight():
    consumed = []

    def source():
        for i in range(1000):
            consumed.append(i)
            yield [f"f{i}"]

    class Runner:
        inflight = 3

        def __init__(self):
            self.running = set()
            self.peak = 0

        def submit(self, chunk):
            self.running.add(chunk[0])
            self.peak = max(self.peak, len(self.running))
            return chunk[0]

        def collect(self, running):
            first = sorted(running)[0]
            self.running.discard(first)
            return [(first, [Outcome(path=first)])]

    runner = Runner()
    stream = _drive(source(), runner)
    for _ in range(10):
        next(stream)
    assert len(consumed) <= 10 + runner.inflight      # the input is read lazily
    assert sum(1 for _ in stream) == 990
    assert runner.peak == 3


# --- bad input ----------------------------------------------------------------------------------

def test_bad_files_are_one_line_each_and_the_good_ones_are_written(corpus, tmp_path):
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02garbage" * 50)
    (corpus / "empty.txt").touch()
    (corpus / "shopping.txt").write_text("买菜：白菜两颗，豆腐一块。\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run(str(corpus), str(tmp_path / "missing"), "-o", str(out), "-j", "2")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("错误：")]
    assert len(errors) == 4
    for name in ("binary.txt", "empty.txt", "shopping.txt", "missing"):
        assert sum(name in e for e in errors) == 1, errors
    assert all(e.startswith(f"错误：{tmp_path}") for e in errors)
    assert len(lines(out)) == 6


def test_an_exception_in_extraction_fails_that_file_only(corpus, tmp_path, monkeypatch):
    import assistant.extract.pipeline as pipeline

    real = pipeline.extract_document

    def flaky(doc, lexicon=None):
        if "耕地质量提升项目1" in doc.text:
            raise RuntimeError("boom\non two lines")
        return real(doc, lexicon)

    monkeypatch.setattr(pipeline, "extract_document", flaky)
    for workers in ("1", "2"):         # the pool's workers are forked with the patch in place
        out = tmp_path / f"out{workers}.jsonl"
        result = run(str(corpus), "-o", str(out), "-j", workers)
        assert result.exit_code == 1
        errors = [line for line in result.stderr.splitlines() if line.startswith("错误：")]
        assert errors == [f"错误：{corpus / 'b' / '自评表_1.txt'}: unexpected error in extraction "
                          f"(RuntimeError: boom on two lines)"]
        assert len(lines(out)) == 5


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the patch reaches workers only when forked")
def test_a_worker_that_dies_fails_that_file_only(corpus, tmp_path, monkeypatch):
    import assistant.extract.pipeline as pipeline

    real = pipeline.extract_document

    def deadly(doc, lexicon=None):
        if "耕地质量提升项目2" in doc.text:
            os._exit(3)              # as a segfault in a reader library would
        return real(doc, lexicon)

    monkeypatch.setattr(pipeline, "extract_document", deadly)
    out = tmp_path / "out.jsonl"
    result = run(str(corpus), "-o", str(out), "-j", "2", "--chunksize", "2")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("错误：")]
    assert errors == [f"错误：{corpus / 'b' / '自评表_2.txt'}: the worker process died while "
                      f"extracting it (a crash in a reader library, or out of memory)"]
    assert len(lines(out)) == 5


# --- resuming -----------------------------------------------------------------------------------

def test_appending_twice_writes_each_document_once(corpus, tmp_path):
    out = tmp_path / "out.jsonl"
    assert run(str(corpus), "-o", str(out), "--append", "-j", "2").exit_code == 0
    first = lines(out)
    result = run(str(corpus), "-o", str(out), "--append", "-j", "2", "-v")
    assert result.exit_code == 0
    assert lines(out) == first
    assert result.stderr.count("跳过（已写出）") == 6
    # a document added since is the only one extracted
    (corpus / "b" / "自评表_3.txt").write_text(_self_evaluation(3), encoding="utf-8")
    result = run(str(corpus), "-o", str(out), "--resume", "-j", "1", "-v")
    assert len(lines(out)) == 7 and result.stderr.count("跳过（已写出）") == 6


def test_an_output_written_by_an_older_version_is_resumed(corpus, tmp_path):
    """Outputs of earlier versions have a space after each colon (json.dumps): appending to
    one still skips the documents it holds."""
    out = tmp_path / "old.jsonl"
    assert run(str(corpus), "-o", str(out), "-j", "1").exit_code == 0
    spaced = [json.dumps(json.loads(line), ensure_ascii=False) for line in lines(out)]
    out.write_text("\n".join(spaced) + "\n", encoding="utf-8")
    result = run(str(corpus), "-o", str(out), "--append", "-j", "1", "-v")
    assert result.exit_code == 0 and result.stderr.count("跳过（已写出）") == 6
    assert lines(out) == sorted(spaced)


def test_a_report_orjson_refuses_is_still_one_valid_line():
    from assistant.batch.sinks import report_line
    from assistant.model import Report, Statement

    report = Report(doc="坏字符.txt", statements=[Statement(kind="problem", text="资金\ud800结余较大")])
    line = report_line(report)
    assert "\n" not in line and json.loads(line)["statements"][0]["text"] == "资金\ud800结余较大"


def test_an_item_s_dict_holds_its_fields_in_order_and_nothing_else():
    from dataclasses import fields

    from assistant.model import Statement

    plain = Statement(kind="problem", text="验收滞后", start=3, end=7)
    marked = Statement(kind="problem", text="验收滞后", start=3, end=7)
    marked.note = "审阅备注"  # type: ignore[attr-defined]  # an attribute that is no field
    names = [f.name for f in fields(Statement)]
    assert list(plain.to_dict()) == names == list(marked.to_dict())
    assert plain.to_dict() == marked.to_dict()


def test_a_dataclass_with_slots_gives_its_fields_too():
    from dataclasses import dataclass

    from assistant.model import _shallow

    @dataclass(slots=True)
    class Cell:
        text: str = "资金结余"
        start: int = 3

    assert _shallow(Cell()) == {"text": "资金结余", "start": 3}


def test_an_interrupted_run_keeps_what_it_wrote_and_a_rerun_completes_it(corpus, tmp_path, monkeypatch):
    import assistant.cli.extract as command

    full = tmp_path / "full.jsonl"
    run(str(corpus), "-o", str(full), "-j", "1")
    out = tmp_path / "out.jsonl"
    real, calls = command._take, []

    def stop_after_three(outcome, *args):
        calls.append(outcome.path)
        if len(calls) > 3:
            raise KeyboardInterrupt        # Ctrl-C in the middle of the batch
        return real(outcome, *args)

    monkeypatch.setattr(command, "_take", stop_after_three)
    result = run(str(corpus), "-o", str(out), "-j", "2")
    assert result.exit_code == 130 and "--append" in result.stderr
    assert len(lines(out)) == 3 and set(lines(out)) <= set(lines(full))
    monkeypatch.setattr(command, "_take", real)
    # a crash in the middle of a write leaves half a line: it is cut, the document redone
    with open(out, "a", encoding="utf-8") as fh:
        fh.write(lines(full)[-1][:40])
    assert run(str(corpus), "-o", str(out), "--append", "-j", "2").exit_code == 0
    assert lines(out) == lines(full)


def test_the_store_skips_documents_it_holds_unless_forced(corpus, tmp_path):
    from assistant.store import Store

    db = tmp_path / "store.sqlite"
    result = run(str(corpus), "--db", str(db), "-j", "2")
    assert result.exit_code == 0 and result.stdout == ""
    with Store(db) as store:
        assert len(store.documents()) == 6
    result = run(str(corpus), "--db", str(db), "-j", "2", "-v")
    assert result.stderr.count("跳过（已入库）") == 6
    result = run(str(corpus), "--db", str(db), "-j", "1", "--force", "-o", str(tmp_path / "o.jsonl"), "-v")
    assert "跳过（已入库）" not in result.stderr and len(lines(tmp_path / "o.jsonl")) == 6
    with Store(db) as store:
        assert len(store.documents()) == 6


# --- Parquet --------------------------------------------------------------------------------------

def test_parquet_tables_are_readable_and_match_the_json_lines(corpus, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    jsonl, folder = tmp_path / "out.jsonl", tmp_path / "tables"
    run(str(corpus), "-o", str(jsonl), "-j", "1")
    result = run(str(corpus), "--format", "parquet", "-o", str(folder), "-j", "2")
    assert result.exit_code == 0, result.stderr
    reports = [json.loads(line) for line in lines(jsonl)]
    tables = {t: pq.read_table(folder / t) for t in ("documents", "projects", "indicators", "statements")}
    assert sorted(tables["documents"].column("sha256").to_pylist()) == sorted(r["sha256"] for r in reports)
    assert tables["projects"].num_rows == sum(len(r["projects"]) for r in reports)
    assert tables["indicators"].num_rows == sum(len(p["indicators"]) for r in reports for p in r["projects"])
    assert tables["statements"].num_rows == sum(len(r["statements"]) for r in reports)
    names = set(tables["indicators"].column("name").to_pylist())
    assert "测土配方施肥推广面积" in names
    themes = tables["statements"].column("themes").to_pylist()
    assert all(isinstance(t, list) for t in themes)
    # appending adds nothing new; an unfinished part left by a crash is dropped
    (folder / "indicators" / "part-dead-00000.parquet.tmp").write_bytes(b"PAR1")
    assert run(str(corpus), "--format", "parquet", "-o", str(folder), "--append").exit_code == 0
    assert pq.read_table(folder / "documents").num_rows == 6
    assert not list(folder.rglob("*.tmp"))


# --- Dask -----------------------------------------------------------------------------------------

def test_dask_local_cluster_writes_what_the_pool_does(corpus, tmp_path):
    pytest.importorskip("distributed")
    pool, dask = tmp_path / "pool.jsonl", tmp_path / "dask.jsonl"
    run(str(corpus), "-o", str(pool), "-j", "2")
    # In its own process: a Dask client leaves threads behind, and the pool forks.
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-c", "from assistant.cli import main; main()", "extract",
                             str(corpus), "-o", str(dask), "-j", "2", "--engine", "dask", "--chunksize", "2",
                             "--quiet"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - start < 60
    assert lines(dask) == lines(pool)


# --- options --------------------------------------------------------------------------------------

@pytest.mark.parametrize("args, words, zh", [
    (["--format", "parquet"], "needs -o", "需要 -o"),
    (["--append"], "needs -o", "需要 -o"),
    (["--format", "csv", "-o", "x"], "jsonl, parquet", "jsonl、parquet"),
    (["--engine", "spark"], "pool, dask", "pool、dask"),
])
def test_option_mistakes_exit_2(corpus, args, words, zh, monkeypatch):
    for lang, said in (("en", words), ("zh", zh)):
        monkeypatch.setenv("JIXIAO_LANG", lang)
        result = CliRunner().invoke(app, ["extract", str(corpus), *args])
        assert result.exit_code == 2
        assert said in result.stderr


def test_an_output_that_cannot_be_opened_is_one_line_and_exit_2(corpus, tmp_path):
    for args in (["-o", str(tmp_path)], ["--db", str(tmp_path / "no" / "such" / "store.sqlite")]):
        result = run(str(corpus), *args)
        assert result.exit_code == 2
        assert result.stderr.startswith(f"错误：{tmp_path}") and result.stderr.count("\n") == 1


# --- stopping ---------------------------------------------------------------------------------------

def _big_corpus(folder: Path, copies: int) -> int:
    """The samples many times over, each copy a different document (a number changed)."""
    n = 0
    for k in range(copies):
        for sample in sorted(SAMPLES.glob("*.txt")):
            text = sample.read_text(encoding="utf-8").replace("2023", str(1900 + k), 1)
            (folder / f"{k:04d}_{sample.name}").write_text(text, encoding="utf-8")
            n += 1
    return n


def _children(pid: int) -> set[int]:
    """Processes whose parent is `pid` (Linux /proc)."""
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start(corpus: Path, out: Path) -> subprocess.Popen:
    import signal

    # as from a terminal: Ctrl-C raises KeyboardInterrupt even when this test runs where
    # SIGINT is ignored (a shell's background job passes SIG_IGN on)
    return subprocess.Popen([sys.executable, "-m", "assistant", "extract",       # as `jixiao` runs
                             str(corpus), "-o", str(out), "-j", "2", "--chunksize", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _wait_for_lines(out: Path, proc: subprocess.Popen, n: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and len(out.read_bytes().splitlines()) >= n:
            return
        time.sleep(0.05)
    raise AssertionError("the batch wrote nothing in time")


@pytest.mark.parametrize("how", ["SIGTERM", "SIGINT", "SIGKILL"])
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_a_stopped_batch_leaves_no_worker_and_a_resumable_output(tmp_path, how):
    import signal

    folder = tmp_path / "many"
    folder.mkdir()
    total = _big_corpus(folder, 120)
    out = tmp_path / "out.jsonl"
    proc = _start(folder, out)
    _wait_for_lines(out, proc, 5)
    workers = _children(proc.pid)
    assert workers, "the pool has worker processes"
    proc.send_signal(getattr(signal, how))
    proc.wait(timeout=30)
    if how != "SIGKILL":
        assert proc.returncode == 130 and "--append" in proc.stderr.read()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(p) for p in workers):
        time.sleep(0.1)
    assert not [p for p in workers if _alive(p)], "a worker outlived its batch"
    written = len(out.read_bytes().splitlines())
    assert 0 < written < total
    result = run(str(folder), "-o", str(out), "--append", "-j", "2")
    assert result.exit_code == 0
    done = out.read_text(encoding="utf-8").splitlines()
    assert len(done) == total and len({json.loads(line)["path"] for line in done}) == total


def test_a_file_name_that_is_not_utf8_is_written_everywhere(tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    name = os.fsdecode(b"r\xe9port.txt")           # a Latin-1 name from an old share
    try:
        shutil.copy(sorted(SAMPLES.glob("*.txt"))[0], folder / name)
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system refuses such names")
    out = tmp_path / "out.jsonl"
    assert run(str(folder), "-o", str(out)).exit_code == 0
    [line] = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["doc"] == "r%E9port.txt"
    again = run(str(folder), "-o", str(out), "--append", "-v")
    assert again.exit_code == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 1
    assert run(str(folder), "--format", "parquet", "-o", str(tmp_path / "pq")).exit_code == 0
    assert run(str(folder), "--db", str(tmp_path / "s.sqlite")).exit_code == 0


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_over_its_time_budget_is_one_failed_line_and_the_batch_goes_on(tmp_path, monkeypatch, workers):
    import assistant.batch.jobs as jobs
    import assistant.extract.readers as readers

    slow, quick = tmp_path / "slow.txt", tmp_path / "quick.txt"
    slow.write_text("项目名称\t慢的项目\n", encoding="utf-8")
    quick.write_text("项目名称\t快的项目\n", encoding="utf-8")
    real = jobs.extract_read

    def extract_read(doc, warnings, lexicon):
        if "慢" in doc.text:
            while True:                      # a document that never finishes
                time.sleep(0.01)
        return real(doc, warnings, lexicon)

    monkeypatch.setattr(jobs, "extract_read", extract_read)
    budgets = {**readers.limits(), "max_seconds": 0.3}
    monkeypatch.setattr(readers, "limits", lambda: budgets)
    monkeypatch.delenv("JIXIAO_LANG", raising=False)
    started = time.monotonic()
    outcomes = {Path(o.path).name: o for o in run_batch([slow, quick], workers=workers)}
    assert time.monotonic() - started < 10
    assert "处理超过 0.3 秒" in outcomes["slow.txt"].error and "max_seconds" in outcomes["slow.txt"].error
    assert outcomes["quick.txt"].ok and outcomes["quick.txt"].counts["projects"] == 1
    assert signal_is_free()


def test_reading_and_extracting_have_budgets_of_their_own(tmp_path, monkeypatch):
    """Decoding a long PDF may take longer than extracting from its text: a file whose
    reading overruns `max_read_seconds` is one failed line that names that key, and the
    extraction budget does not count the reading."""
    import assistant.batch.jobs as jobs
    import assistant.extract.readers as readers

    stuck, slow_read = tmp_path / "stuck.txt", tmp_path / "slow_read.txt"
    stuck.write_text("项目名称\t读不完的项目\n", encoding="utf-8")
    slow_read.write_text("项目名称\t读得慢的项目\n", encoding="utf-8")
    real = jobs.read_noting

    def read_noting(path):
        if "stuck" in str(path):
            while True:
                time.sleep(0.01)
        if "slow_read" in str(path):
            time.sleep(0.6)              # over the extraction budget, within the reading one
        return real(path)

    monkeypatch.setattr(jobs, "read_noting", read_noting)
    budgets = {**readers.limits(), "max_read_seconds": 1.0, "max_seconds": 0.5}
    monkeypatch.setattr(readers, "limits", lambda: budgets)
    monkeypatch.delenv("JIXIAO_LANG", raising=False)
    outcomes = {Path(o.path).name: o for o in run_batch([stuck, slow_read], workers=1)}
    assert "读取超过 1 秒" in outcomes["stuck.txt"].error and "max_read_seconds" in outcomes["stuck.txt"].error
    assert outcomes["slow_read.txt"].ok and outcomes["slow_read.txt"].counts["projects"] == 1
    assert signal_is_free()


def signal_is_free() -> bool:
    import signal

    return signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
