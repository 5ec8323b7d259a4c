"""Report text is data: what may not reach a terminal, a spreadsheet or a Word file as is.

`printable(text)` replaces control and escape characters (ESC, NUL, …; TAB and line breaks
are kept) with a visible placeholder, so an exported file or a docx cannot be broken and a
terminal cannot be driven by a report. `spreadsheet_text(text)` also neutralises formulas
per OWASP: a text cell that begins with = + - @, TAB or CR is written as text.
"""
from __future__ import annotations

import codecs
import re

PLACEHOLDER = "\ufffd"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def printable(text: str) -> str:
    """`text` with control and escape characters replaced by U+FFFD."""
    return _CONTROL.sub(PLACEHOLDER, text) if text else text


def is_formula_like(text: str) -> bool:
    return bool(text) and text.startswith(FORMULA_STARTS)


def spreadsheet_text(text: str) -> str:
    """For CSV: printable, and a leading ' before what a spreadsheet would run as a formula."""
    text = printable(text)
    return "'" + text if is_formula_like(text) else text


def path_text(path: str) -> str:
    """A file name as text that can be written anywhere: a name that is not valid UTF-8
    (Python keeps its bytes as lone surrogates) shows those bytes as %XX (r%E9port.txt)."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "jixiao_percent")


def _percent(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    return "".join(f"%{b:02X}" for b in error.object[error.start:error.end]), error.end


codecs.register_error("jixiao_percent", _percent)
