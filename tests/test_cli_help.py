"""`jixiao --help` in Chinese by default, English on request, and every option translated."""
from __future__ import annotations

import os
import subprocess
import sys

import typer.main

from assistant.cli import app, register
from assistant.lexicon import builtin
from tests.conftest import ROOT

register()       # every command on `app`, as `jixiao` has them


def _help(*args: str, lang: str | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("JIXIAO_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    env.update({"PYTHONPATH": str(ROOT), "COLUMNS": "200"})
    if lang:
        env["JIXIAO_LANG"] = lang
    done = subprocess.run([sys.executable, "-m", "assistant", *args, "--help"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_help_is_chinese_by_default_and_english_on_request():
    top = _help()
    assert "把预算绩效报告读成可审核的结构化数据" in top and "从报告中抽取项目" in top
    extract = _help("extract")
    assert "报告文件或文件夹" in extract and "不显示进度条" in extract
    english = _help("extract", lang="en")
    assert "Report files or folders" in english and "报告文件或文件夹" not in english
    assert "同样的种子，同样的稿子" in _help("draft", "report")
    for command in ((), ("extract",), ("draft", "report")):     # --help's own line too
        assert "显示本帮助并退出" in _help(*command) and "Show this message" not in _help(*command)
    assert "Show this message" in english
    # typer's own words around the page: panel titles, defaults, required
    assert "选项" in extract and "[默认：" in extract and "Options" not in extract
    assert "Options" in _help("extract", lang="en") and "[default:" in _help("extract", lang="en")


def test_every_command_and_option_has_its_chinese_help():
    register()
    texts = builtin("cli_help.yaml")
    missing = []

    def walk(command, key):
        if key not in texts:
            missing.append(key)
        for param in command.params:
            if getattr(param, "help", None) is not None and f"{key}.{param.name}" not in texts:
                missing.append(f"{key}.{param.name}")
        for name, sub in (getattr(command, "commands", None) or {}).items():
            walk(sub, name if key == "jixiao" else f"{key}.{name}")

    walk(typer.main.get_command(app), "jixiao")
    assert not missing, f"lexicons/cli_help.yaml lacks {missing}"


def test_lang_anywhere_on_the_line_switches_help_and_messages(capsys, monkeypatch):
    from assistant.cli import main, take_lang

    monkeypatch.delenv("JIXIAO_LANG", raising=False)
    assert take_lang(["extract", "--lang", "en", "a.txt"]) == ["extract", "a.txt"]
    assert os.environ["JIXIAO_LANG"] == "en"
    assert take_lang(["--lang=zh", "show", "--", "--lang"]) == ["show", "--", "--lang"]
    assert os.environ["JIXIAO_LANG"] == "zh"
    assert "Extract projects" in _help("extract", "--lang", "en")
    assert "从报告中抽取项目" in _help("extract", "--lang", "zh", lang="en")
    monkeypatch.setattr(sys, "argv", ["jixiao", "classify", "满意度", "--lang", "fr"])
    try:
        main()
    except SystemExit as done:
        assert done.code == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "--lang" in err and len(err.strip().splitlines()) == 1


# name, target, printed second-level label, first-level label: rows that take every path of
# the classifier (label agrees, is overruled, is no label; name only; first level as context)
CLASSIFY_ROWS = """\
图书借阅率
道路养护合格率\t≥95%
群众满意度\t≥90%
项目完成及时率\t100%\t时效指标
设备采购数量\t50台\t质量指标
培训覆盖人次\t≥500人次\t质量指标
成本指标
资金使用合规性\t合规\t\t项目管理
春耕物资到位情况\t\t\t产出指标
宣传工作开展\t\t工作开展情况
农户增收带动作用\t明显提高\t社会效益指标
项目单位成本\t≤20万元\t数量指标
办理时限\t≤5个工作日
社区服务补贴兑付情况
其他事项
"""


def _classify(tmp_path, lang: str, *extra: str) -> list[dict]:
    import json

    from typer.testing import CliRunner

    rows = tmp_path / "names.tsv"
    rows.write_text(CLASSIFY_ROWS, encoding="utf-8")
    result = CliRunner().invoke(app, ["classify", "--file", str(rows), *extra], env={"JIXIAO_LANG": lang})
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_classify_evidence_is_english_under_lang_en(tmp_path):
    import re

    for extra in ((), ("--on-row",)):
        chinese = _classify(tmp_path, "zh", *extra)
        english = _classify(tmp_path, "en", *extra)
        assert len(chinese) == len(english) == CLASSIFY_ROWS.count("\n")
        assert all(c["category"] == e["category"] for c, e in zip(chinese, english))   # the data stays
        assert sum("依据：" in c["evidence"] for c in chinese) >= 10
        for row in english:
            outside_quotes = re.sub(r"「[^」]*」", "", row["evidence"])
            assert not re.search(r"[\u4e00-\u9fff\uff08-\uff1b]", outside_quotes), row["evidence"]
    said = {row["evidence"] for row in _classify(tmp_path, "en")}
    assert any(e.startswith("basis: level-2 label「时效指标」") for e in said), said
    assert any(e.startswith("overruled: ") for e in said), said
    assert any(e.startswith("unsure: closest to ") for e in said), said


def test_classify_mistakes_are_one_chinese_line(tmp_path):
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, ["classify", "--file", str(tmp_path / "none.tsv")], env={"JIXIAO_LANG": "zh"})
    assert result.exit_code == 2 and "没有这个文件" in result.stderr and "Traceback" not in result.output
    result = CliRunner().invoke(app, ["classify", "x", "--file", str(tmp_path / "none.tsv")], env={"JIXIAO_LANG": "en"})
    assert result.exit_code == 2 and "not both" in result.stderr
