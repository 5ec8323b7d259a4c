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
