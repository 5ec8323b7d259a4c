"""The language the command line speaks: Chinese by default, English on request.

English when `JIXIAO_LANG`, else `LC_ALL`, `LC_MESSAGES` or `LANG`, names an English
locale (en, en_US.UTF-8 …); a Chinese locale, C, POSIX or nothing at all gives Chinese —
the analysts this tool is for.  (`JIXIAO_LANG=zh` keeps Chinese under an English locale.)
"""
from __future__ import annotations

import os

_VARIABLES = ("JIXIAO_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def english() -> bool:
    for name in _VARIABLES:
        value = os.environ.get(name, "").strip().lower()
        if value.startswith("en"):
            return True
        if value.startswith("zh") or (name == "JIXIAO_LANG" and value):
            return False
    return False


def say(zh: str, en: str) -> str:
    """`zh` or `en`, by the language in force."""
    return en if english() else zh


def error_prefix() -> str:
    """What starts every error line: 「错误：」 or "error: "."""
    return say("错误：", "error: ")
