"""The language the command line speaks: Chinese by default, English on request.

English when `JIXIAO_LANG`, else `LC_ALL`, `LC_MESSAGES` or `LANG`, names an English
locale (en, en_US.UTF-8 …); a Chinese locale, C, POSIX or nothing at all gives Chinese —
the analysts this tool is for.  (`JIXIAO_LANG=zh` keeps Chinese under an English locale.)
"""
from __future__ import annotations

import re

# `english` and `say` are defined in assistant.lexicon, the lowest room whose messages reach
# the user (it cannot import this module, which stands above it); they are offered here to
# the rest of the package.
from assistant.lexicon import derived, english, say

__all__ = ["english", "say", "error_prefix", "localize", "english_evidence"]


def error_prefix() -> str:
    """What starts every error line: 「错误：」 or "error: "."""
    return say("错误：", "error: ")


def localize(command, path: str = "") -> None:
    """Put the Chinese help of lexicons/cli_help.yaml on a click command tree (a Typer app
    made into a command), unless the language is English; keys are command paths
    (`draft.report`) and `command.parameter`."""
    if english():
        return
    from assistant.lexicon import LexiconError, builtin

    try:
        texts = builtin("cli_help.yaml") or {}
    except LexiconError:            # a damaged help file leaves the English help, never a crash
        return
    _localize(command, path or "jixiao", texts, top=not path)


def _localize(command, key: str, texts: dict, top: bool = False) -> None:
    if key in texts:
        command.help = str(texts[key])
    if texts.get("help_option") and hasattr(command, "get_help_option"):
        _localize_help_option(command, str(texts["help_option"]))
    for param in getattr(command, "params", []):
        text = texts.get(f"{key}.{param.name}")
        if text and hasattr(param, "help"):
            param.help = str(text)
    for name, sub in (getattr(command, "commands", None) or {}).items():
        _localize(sub, name if top else f"{key}.{name}", texts)


def _localize_help_option(command, text: str) -> None:
    """--help's own line (「Show this message and exit.」): the option is made on first use,
    so its help is set as it is made."""
    made = command.get_help_option

    def get_help_option(ctx):
        option = made(ctx)
        if option is not None:
            option.help = text
        return option
    command.get_help_option = get_help_option


def english_evidence(text: str) -> str:
    """Classification evidence in English: the phrases of lexicons/evidence_en.yaml replaced,
    longest first, everywhere but inside 「」 (the report's own words stay as printed)."""
    pattern, phrases = _evidence_phrases()
    parts = _QUOTED.split(text)
    return "".join(part if part.startswith("「") else pattern.sub(lambda m: phrases[m.group(0)], part)
                   for part in parts)


_QUOTED = re.compile(r"(「[^」]*」)")


@derived(maxsize=1)
def _evidence_phrases() -> tuple[re.Pattern, dict[str, str]]:
    from assistant.lexicon import LexiconError, builtin

    phrases = (builtin("evidence_en.yaml") or {}).get("phrases") or {}
    if not isinstance(phrases, dict) or not all(isinstance(v, str) for v in phrases.values()):
        raise LexiconError(say("evidence_en.yaml：'phrases' 应把每个中文短语对应到它的英文（中文短语: English）",
                               "evidence_en.yaml: 'phrases' should map each Chinese phrase to its English"))
    keys = sorted(phrases, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), dict(phrases)
