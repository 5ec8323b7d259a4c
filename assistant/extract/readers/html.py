"""HTML pages (reports published on a bureau's website, saved as .html) → text in the seeds' layout.

Paragraphs, headings, list items and line breaks become lines; every table row becomes one
line of TAB-joined cells, a cell spanning several columns or rows printed once with empty
cells where it spans (as merged cells come out of the PDFs), so the same table logic reads
them.  Scripts, styles and comments are dropped.  The standard library's `html.parser` is
enough here: it is forgiving of the unclosed tags such pages are full of.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from assistant.extract.readers import Decoded, Unreadable, cell_text
from assistant.extract.readers.text import decode
from assistant.messages import say

_BLOCKS = frozenset({"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
                     "dd", "section", "article", "header", "footer", "blockquote", "pre", "hr",
                     "title", "caption", "center", "form", "main", "nav", "aside"})
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head"})
_SPACE = re.compile(r"[ \t\r\n\f\v]+")     # HTML white space (not the ideographic space)
# Tables nested deeper than this are read as blocks of lines: a page of unclosed <table>
# tags nests thousands deep, and each level would copy all the text inside it.
MAX_NESTING = 8


def read_html(data: bytes, name: str = "FILE") -> Decoded:
    text = decode(data)
    layout = _Layout()
    layout.feed(text.text)
    layout.close()
    out = layout.result()
    if not out.strip():
        raise Unreadable(say("网页（HTML）里没有文字", "an HTML page with no text in it"))
    return Decoded(out, f"html/{text.encoding}", list(text.warnings))


@dataclass
class _Table:
    rows: list[list[tuple[str, int, int]]] = field(default_factory=list)   # (text, colspan, rowspan)
    cell: list[str] | None = None
    span: tuple[int, int] = (1, 1)


class _Layout(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.words: list[str] = []         # text of the current line, outside tables
        self.tables: list[_Table] = []
        self.hidden = 0
        self.flattened = 0                 # <table> levels past MAX_NESTING still open

    # -- parser callbacks -------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
            return
        if tag == "table" and len(self.tables) >= MAX_NESTING:
            self.flattened += 1
            self._block()
        elif tag == "table":
            self._break()
            self.tables.append(_Table())
        elif self.tables and tag == "tr":
            self._end_cell()
            self.tables[-1].rows.append([])
        elif self.tables and tag in ("td", "th"):
            self._end_cell()
            table = self.tables[-1]
            if not table.rows:
                table.rows.append([])
            table.cell = []
            values = dict(attrs)
            table.span = (_int(values.get("colspan")), _int(values.get("rowspan")))
        elif tag in _BLOCKS:
            self._block()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
            return
        if tag == "table" and self.flattened:
            self.flattened -= 1
            self._block()
        elif tag == "table" and self.tables:
            self._end_cell()
            lines = _lay_out(self.tables.pop().rows)
            if self.tables and self.tables[-1].cell is not None:   # a table inside a cell
                self.tables[-1].cell.append("\n".join(line.replace("\t", " ") for line in lines))
            else:
                self.lines.extend(lines)
        elif self.tables and tag in ("td", "th"):
            self._end_cell()
        elif tag in _BLOCKS:
            self._block()

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if self.tables:
            table = self.tables[-1]
            if table.cell is not None:
                table.cell.append(data)
            return                          # stray text between cells
        self.words.append(data)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)

    # -- helpers ------------------------------------------------------------------------

    def result(self) -> str:
        while self.tables:                  # unclosed tables at the end of the page
            self.handle_endtag("table")
        self._break()
        return "\n".join(self.lines) + "\n"

    def _block(self) -> None:
        """A paragraph or line break: a new line, inside a table cell as outside."""
        if self.tables and self.tables[-1].cell is not None:
            self.tables[-1].cell.append("\n")
        else:
            self._break()

    def _break(self) -> None:
        line = _SPACE.sub(" ", "".join(self.words)).strip()
        self.words = []
        if line:
            self.lines.append(line)

    def _end_cell(self) -> None:
        table = self.tables[-1] if self.tables else None
        if table is None or table.cell is None:
            return
        lines = [_SPACE.sub(" ", part).strip() for part in "".join(table.cell).split("\n")]
        table.rows[-1].append((cell_text("\n".join(lines)), *table.span))
        table.cell = None


def _lay_out(rows: list[list[tuple[str, int, int]]]) -> list[str]:
    """Rows of (text, colspan, rowspan) → TAB-joined lines; spanned places are empty."""
    pending: dict[int, int] = {}           # column → rows it is still covered for
    lines = []
    for row in rows:
        cells: list[str] = []
        col = 0
        covered = max(pending, default=-1)  # the last column a cell above still covers
        queue = iter(row)
        left = len(row)
        while left or col <= covered:
            if pending.get(col, 0) > 0:
                pending[col] -= 1
                cells.append("")
                col += 1
                continue
            if not left:
                break
            text, colspan, rowspan = next(queue)
            left -= 1
            for k in range(colspan):
                cells.append(text if k == 0 else "")
                if rowspan > 1:
                    pending[col] = rowspan - 1
                col += 1
        pending = {c: n for c, n in pending.items() if n > 0}
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def _int(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 50))
    except ValueError:
        return 1
