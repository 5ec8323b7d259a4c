"""Format readers: the bytes of one kind of file → text laid out like the seed reports.

Every reader returns a `Decoded(text, encoding, warnings)` or raises `Unreadable(reason)`;
`assistant.extract.read` adds the path and turns them into a `Document` or a `ReadError`.
Tables come out the way the seeds print them: one line per row, cells joined by TAB, an
empty string for an empty or merged-away cell, so the same table logic reads every format.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from assistant.messages import say


class Unreadable(Exception):
    """The bytes are not a report this program can read; `reason` says why and what to do."""

    def __init__(self, reason: str):
        self.reason = " ".join(reason.split())
        super().__init__(self.reason)


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def cell_text(value: object) -> str:
    """One table cell as one line: wrapped lines rejoined, tabs turned into spaces.

    Chinese wraps without a space, so lines are joined directly, except where the break
    stood for a space: between two Latin letters or digits, and after an ASCII , ; : ! ?
    (unless a digit follows it, as in a number wrapped at its thousands comma).
    """
    if value is None:
        return ""
    lines = [line.strip() for line in str(value).replace("\t", " ").splitlines()]
    parts: list[str] = []
    for line in lines:
        if not line:
            continue
        if parts:                   # the last character only: a cell may have thousands of lines
            last = parts[-1][-1]
            if _LATIN_END.search(last) and _LATIN_START.match(line) or _PUNCT_END.search(last) \
                    and not line[0].isdigit():
                parts.append(" ")
        parts.append(line)
    return "".join(parts)


def join_row(cells: list[object]) -> str:
    """A table row as the seeds print it: cells joined by TAB."""
    return "\t".join(cell_text(c) for c in cells)


def message(exc: BaseException, limit: int = 160) -> str:
    """An exception as a short single line, for a reason shown to the user."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def table_lines(rows: Iterable[list[str]]) -> list[str]:
    """A table's rows (cells as text) as the seeds print them: TAB-joined, padded to the
    table's width, trailing empty cells dropped first; a run of rows whose single cell is
    filled (titles above a table) printed alone; empty rows make one blank line between
    blocks.  The XLSX and CSV readers lay out their sheets with it."""
    blocks: list[list[list[str]]] = [[]]
    for row in rows:
        cells = list(row)
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            blocks[-1].append(cells)
        elif blocks[-1]:
            blocks.append([])
    width = max((len(cells) for block in blocks for cells in block), default=0)
    lines: list[str] = []
    for block in blocks:
        if not block:
            continue
        if lines:
            lines.append("")
        titles = True
        for cells in block:
            titles = titles and len(cells) == 1
            lines.append(cells[0] if titles else "\t".join(cells + [""] * (width - len(cells))))
    return lines


_LATIN_END = re.compile(r"[A-Za-z0-9]$")
_LATIN_START = re.compile(r"[A-Za-z0-9]")
_PUNCT_END = re.compile(r"[,;:!?]$")


def limits() -> dict:
    """Per-document budgets (lexicons/limits.yaml)."""
    from assistant.lexicon import builtin

    return builtin("limits.yaml")


def check_zip(data: bytes, what: str) -> None:
    """`Unreadable` when a DOCX/XLSX archive would unpack beyond `max_unzipped_mb`; `what`
    names the document in the language in force (say("Word 文档", "Word document"))."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return                          # the reader itself will say what is wrong
    cap = float(limits()["max_unzipped_mb"])
    if size > cap * 1024 * 1024:
        mb = f"{size / 1048576:.0f}"
        raise Unreadable(say(f"{what}解压后有 {mb} MB，超过 lexicons/limits.yaml 规定的 {cap:g} MB 上限"
                             "（可能是 zip 炸弹；确属正常文件可调高 max_unzipped_mb）",
                             f"a {what} that unpacks to {mb} MB, over the {cap:g} MB "
                             "limit of lexicons/limits.yaml (a zip bomb, or raise max_unzipped_mb)"))


def check_text(text: str) -> None:
    """`Unreadable` when a document's text is beyond `max_text_mchars` million characters."""
    cap = float(limits()["max_text_mchars"]) * 1_000_000
    if len(text) > cap:
        size, most = f"{len(text) / 1e6:.0f}", f"{cap / 1e6:g}"
        raise Unreadable(say(f"文本有 {size} 百万字符，超过 lexicons/limits.yaml 规定的 {most} 百万字符上限；"
                             "请拆分文件，或调高 max_text_mchars",
                             f"{size} million characters of text, over the "
                             f"{most} million limit of lexicons/limits.yaml; split the file "
                             "or raise max_text_mchars"))
