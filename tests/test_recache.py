"""The regular-expression cache (assistant/recache.py): a second process gets from the file
the very patterns a first one compiled, matching alike; a stale or damaged file is ignored.
Each case runs in processes of its own (install() replaces `re`'s compiler process-wide)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# patterns of the kinds the lexicons hold: groups, look-arounds, classes, lazy gaps, names
PATTERNS = [
    r"(?:资金|经费)(?:下达|拨付)[^，,；;。\n]{0,6}?(?:滞后|较晚|不及时)",
    r"(?<![与和同])(?P<subject>预算)执行率(?:仅为?|为)(\d+(?:\.\d+)?)%",
    r"^\s*[一二三四五六七八九十]+、(?=存在)",
]
TEXTS = ["由于上级资金下达时间较晚，导致支付进度滞后。", "部门预算执行率仅为62.5%，低于序时进度。",
         "  三、存在的主要问题", "与预算执行率为80%相比"]

_PROBE = r"""
import json, re, sys
from assistant import recache
recache.install()
from re import _compiler
served = []
original = recache._state["original"]
recache._state["original"] = lambda p, f=0: served.append(p) or original(p, f)
patterns = json.loads(sys.argv[1]); texts = json.loads(sys.argv[2])
out = []
for p in patterns:
    rx = re.compile(p, re.M)
    out.append([[m.span(), m.groups(), m.groupdict()] for t in texts for m in rx.finditer(t)])
recache.save()
print(json.dumps({"found": out, "parsed": [p for p in served if p in patterns]}, ensure_ascii=False))
"""


def _run(cache: Path, **env) -> dict:
    run = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(PATTERNS), json.dumps(TEXTS)],
                         capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "JIXIAO_CACHE": str(cache), **env})
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_a_second_process_takes_the_patterns_from_the_file_and_matches_alike(tmp_path):
    first = _run(tmp_path)
    assert first["parsed"] == PATTERNS                # nothing on file yet: each one parsed
    assert list(tmp_path.glob("regex-*.marshal"))
    second = _run(tmp_path)
    assert second["parsed"] == []                     # every one served from the file
    assert second["found"] == first["found"]
    assert first["found"][1][0][1] == ["预算", "62.5"]  # (the probe does match something)


def test_a_damaged_or_foreign_file_is_ignored_and_replaced(tmp_path):
    _run(tmp_path)
    (path,) = tmp_path.glob("regex-*.marshal")
    reference = _run(tmp_path)["found"]
    path.write_bytes(b"\x00not a cache")
    damaged = _run(tmp_path)
    assert damaged["parsed"] == PATTERNS and damaged["found"] == reference
    assert _run(tmp_path)["parsed"] == []             # rewritten whole by the damaged run


def test_it_can_be_turned_off(tmp_path):
    run = subprocess.run([sys.executable, "-c", "from assistant import recache; recache.install(); "
                          "print(recache.installed())"], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "JIXIAO_CACHE": str(tmp_path), "JIXIAO_REGEX_CACHE": "0"})
    assert run.stdout.strip() == "False"
    assert not list(tmp_path.glob("regex-*"))


def test_the_file_keeps_packed_opcodes_and_past_its_bound_only_what_the_last_run_used(tmp_path):
    _run(tmp_path)
    (path,) = tmp_path.glob("regex-*.marshal")
    probe = ("import marshal, sys; v, items = marshal.loads(open(sys.argv[1], 'rb').read()); "
             "print(all(isinstance(args[at], bytes) for _, (at, args) in items), len(items))")
    packed = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True)
    assert packed.stdout.split()[0] == "True"
    # a run over other patterns with a bound of one byte: the file keeps that run's alone
    other = ("from assistant import recache; recache.install(); recache.MAX_CODE_BYTES = 1; "
             "import re; re.compile('(?:结余|结转)资金[^，。]{0,6}?未上缴'); recache.save()")
    subprocess.run([sys.executable, "-c", other], check=True, cwd=ROOT,
                   env={**os.environ, "JIXIAO_CACHE": str(tmp_path)})
    kept = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True)
    assert kept.stdout.split()[1] == "1"
    assert _run(tmp_path)["parsed"] == PATTERNS          # (the first run's patterns parsed again)
