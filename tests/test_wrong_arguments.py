"""Every command with the mistakes people make: never a traceback, always a short message and a
non-zero exit code, and nothing already there destroyed."""
from __future__ import annotations

import sys

import pytest

from assistant.cli import main
from tests.conftest import ROOT

SAMPLE = ROOT / "corpora" / "samples" / "01_tab_selfeval_education.txt"


@pytest.fixture
def place(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JIXIAO_LANG", raising=False)
    (tmp_path / "adir").mkdir()
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.bin").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "notdb.sqlite").write_text("not a database", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("categories: [unclosed\n", encoding="utf-8")
    (tmp_path / "keep.jsonl").write_text('{"doc": "kept"}\n', encoding="utf-8")
    return tmp_path


# (arguments, words the message must hold); 21 kinds of mistakes over every command
MISTAKES = [
    (["extract", "nosuch/"], "nosuch"),                                        # a missing folder
    (["extract", str(SAMPLE), "-o", "adir"], "adir"),                          # output onto a folder
    (["extract", str(SAMPLE), "-o", "nodir/out.jsonl"], "nodir"),              # into a missing folder
    (["extract", str(SAMPLE), "--format", "csv", "-o", "x"], "--format"),      # a format it has not
    (["extract", str(SAMPLE), "-j", "0"], "-j"),                               # no workers
    (["extract", str(SAMPLE), "--lexicon", "bad.yaml"], "bad.yaml"),           # a broken lexicon
    (["extract", str(SAMPLE), "--db", "notdb.sqlite"], "notdb.sqlite"),        # a file that is no store
    (["extract", "empty.txt", "-o", "out.jsonl"], "empty.txt"),                # an empty report
    (["classify", "--file", "nosuch.tsv"], "nosuch.tsv"),                      # a missing names file
    (["classify", "--file", "junk.bin"], "junk.bin"),                          # names that are bytes
    (["classify", "x", "--lexicon", "bad.yaml"], "bad.yaml"),
    (["review", "--db", "notdb.sqlite"], "notdb.sqlite"),
    (["review", "--db", "new.sqlite", "--lexicon", "bad.yaml"], "bad.yaml"),     # before the app starts
    (["export", "--db", "nosuch.sqlite", "-o", "x.xlsx"], "nosuch.sqlite"),    # a missing store
    (["export", "--db", "notdb.sqlite", "-o", "x.csv"], "--db"),
    (["stats", "bad.jsonl"], "bad.jsonl"),                                     # a damaged JSON Lines
    (["stats", "adir"], "adir"),                                               # a folder for a file
    (["draft", "report", "nosuch.txt"], "nosuch.txt"),
    (["draft", "report", str(SAMPLE), "-o", "x.pdf"], "x.pdf"),
    (["draft", "measures", "加快进度", "--corpus", "notdb.sqlite"], "notdb.sqlite"),
    (["show", "junk.bin"], "junk.bin"),
]


@pytest.mark.parametrize("args, words", MISTAKES, ids=[" ".join(a[:3]) for a, _ in MISTAKES])
def test_a_wrong_argument_gets_a_message_not_a_traceback(place, capsys, monkeypatch, args, words):
    monkeypatch.setattr(sys, "argv", ["jixiao", *args])
    with pytest.raises(SystemExit) as done:
        main()
    out = capsys.readouterr()
    said = out.err + out.out
    assert done.value.code not in (0, None), said
    assert "Traceback" not in said, said
    assert words in said, said
    assert (place / "keep.jsonl").read_text(encoding="utf-8") == '{"doc": "kept"}\n'
    assert (place / "notdb.sqlite").read_text(encoding="utf-8") == "not a database"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_missing_corpus_store_and_a_broken_lexicon_are_said_in_the_language(place, capsys, monkeypatch, lang):
    """`draft --corpus nosuch.sqlite` and `classify --lexicon` with a wrong type: one line each,
    Chinese by default, English under JIXIAO_LANG=en."""
    import re

    cjk = re.compile(r"[\u4e00-\u9fff]")
    monkeypatch.setenv("JIXIAO_LANG", lang)
    (place / "typo.yaml").write_text("thresholds:\n  min_score: abc\n", encoding="utf-8")
    said = {}
    for args in (["draft", "measures", "加快进度", "--corpus", "nosuch.sqlite"],
                 ["classify", "x", "--lexicon", "typo.yaml"]):
        monkeypatch.setattr(sys, "argv", ["jixiao", *args])
        with pytest.raises(SystemExit) as done:
            main()
        out = capsys.readouterr()
        assert done.value.code == 2 and out.out == "" and "Traceback" not in out.err, out
        [said[args[0]]] = out.err.strip().splitlines()
    if lang == "zh":
        assert said["draft"].startswith("错误：--corpus: nosuch.sqlite：没有这个审核库文件"), said
        assert said["classify"] == "错误：typo.yaml：第 2 行：'thresholds.min_score' 应是数字，而不是 'abc'", said
    else:
        assert said["draft"] == "error: --corpus: nosuch.sqlite: no such store", said
        assert said["classify"] == "error: typo.yaml: line 2: 'thresholds.min_score' should be a number, not 'abc'", said
        assert not any(cjk.search(line) for line in said.values()), said
