"""Text → rows of cells → forms, each with offsets into the original text.

PDF-extracted reports print tables in two ways, and this module turns both into `Row`s:

* one row per line, cells separated by TAB (seeds 000, 003, 004);
* one cell per line, each line starting with a TAB, rows separated by blank lines
  (seed 001); a line without the leading TAB continues the cell above.

A *form* (自评表, 申报表, 绩效目标表 …) is found by its name row (项目名称 / 部门(单位)名称)
and extends to the next form; its title a few rows above tells which form it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.lexicon import builtin, derived

_NORM = re.compile(r"[\s:：*]")
_SPACE_GAP = re.compile(r"[ \u3000\xa0]{2,}")        # parts columns in text with no TAB
_PROSE_STOP = frozenset("，,。；;：:、！？!?")          # a gap after these is prose spacing
_RULE = re.compile(r"[:\-\s]*")                      # a markdown |---|---| rule cell


class _once:
    """A property computed on first use and kept on the instance (functools.cached_property
    without its per-access lock, which cost more than the lists it saved)."""

    def __init__(self, compute):
        self.compute, self.name = compute, compute.__name__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.compute(obj)
        return value


@dataclass(slots=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass
class Row:
    cells: list[Cell]
    start: int
    end: int
    line: int                  # 0-based line number of the row's first line
    cell_per_line: bool = False
    tabbed: bool = False       # its cells were parted by TABs

    # Computed once: every step asks for these, row by row, many times over.  A row's
    # cells are not changed once it is built (build a new Row instead).
    @_once
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]

    @_once
    def nonempty(self) -> list[Cell]:
        return [c for c in self.cells if c.text]

    @_once
    def joined(self) -> str:
        return "".join(self.texts)

    @_once
    def squashed(self) -> str:
        """`joined` without white space (PDF text breaks headings anywhere: 「分 值」)."""
        return squash(self.joined)


def squash(text: str) -> str:
    """`text` without white space.  (str.split parts at the very characters \\s matches:
    re.sub(r"\\s+", "", …) in a third of the time, on every row of every document.)"""
    return "".join(text.split())


@dataclass
class Form:
    """One form's rows and what identifies it."""

    name: str
    form: str
    rows: list[Row]
    start: int
    end: int
    name_cell: Cell
    title: str = ""
    aliases: list[str] = field(default_factory=list)


def split_rows(text: str) -> list[Row]:
    """Every line (or cell-per-line block) of `text` as a Row of stripped cells: cells
    parted by TABs, by markdown bars, or, in text with no TAB at all, by runs of spaces."""
    lines = _lines(text)
    rows: list[Row] = []
    # Text with no TAB at all was laid out with spaces (pdftotext -layout, a fixed-width
    # export): there, a run of two or more spaces parts the cells of a row.
    spaced = "\t" not in text
    i = 0
    refused = -1        # a block holding a TAB row there is no cell block for any line up to it
    while i < len(lines):
        start, end, raw = lines[i]
        if i > refused and _is_cell_line(raw):
            j = i
            block = []
            while j < len(lines) and not _is_blank(lines[j][2]):
                block.append(lines[j])
                j += 1
            tabbed = next((k for k, b in enumerate(block) if not _is_cell_line(b[2]) and b[2].startswith("\t")), None)
            if tabbed is None and _looks_cellular(lines, i, j):
                rows.append(_cell_block(block, i))
                i = j
                continue
            if tabbed is not None:
                refused = i + tabbed    # (each later start would scan the same block again)
        row = _space_row(start, raw, i) if spaced and not raw.lstrip().startswith("|") \
            else _tab_row(start, raw, i)
        if raw.count("|") >= 2 and len(row.nonempty) == 1:
            row = _pipe_row(start, raw, i)
        rows.append(row)
        i += 1
    return rows


def tab_rows(rows: list[Row]) -> bool:
    """Whether a document's tables come as TAB rows (PDF and office readers, TAB exports):
    several rows of three cells or more parted by TABs, or one cell per line behind a TAB.
    Their columns can be trusted; other layouts are read by the stream reader."""
    found = 0
    for r in rows:
        if r.cell_per_line or len(r.cells) >= 3 and r.tabbed:
            found += 1
            if found == 3:
                return True             # (no need to count the rest)
    return False


def find_forms(rows: list[Row], text: str) -> list[Form]:
    """The forms in document order; rows outside any form are not returned."""
    lex = _forms_lexicon()
    anchors: list[tuple[int, Cell, str, str]] = []   # row index, name cell, form, title
    previous = -1                                      # the last name row: a title is below it
    for idx, row in enumerate(rows):
        cell = _name_cell(row, rows, idx, lex)
        if cell is None:
            continue
        title_idx, title, form = _find_title(rows, idx, lex, stop=previous)
        anchors.append((title_idx if title_idx is not None else idx, cell, form, title))
        previous = idx
    forms: list[Form] = []
    for n, (first, cell, form, title) in enumerate(anchors):
        last = anchors[n + 1][0] if n + 1 < len(anchors) else len(rows)
        name_at = next(k for k, r in enumerate(rows[first:last]) if r.start <= cell.start <= r.end)
        frows = _until_prose(rows[first:last], name_at)
        if not form:
            form = _form_from_header(frows, lex)
        start = frows[0].start
        end = min(frows[-1].end, len(text))
        aliases = _aliases_from_title(title, cell.text, lex)
        forms.append(Form(name=squash(cell.text), form=form, rows=frows, start=start, end=end,
                          name_cell=cell, title=title, aliases=aliases))
    _drop_unit_aliases(forms)
    return forms


def _drop_unit_aliases(forms: list[Form]) -> None:
    """A title printed above several project forms (「XX中心支出项目绩效目标表」) names the
    unit, not any one project; only a department-wide form is the unit itself."""
    seen: dict[str, int] = {}
    for form in forms:
        for alias in form.aliases:
            seen[alias] = seen.get(alias, 0) + 1
    for form in forms:
        if form.form != "department_overall":
            form.aliases = [a for a in form.aliases if seen[a] == 1]


# ---------------------------------------------------------------------------- helpers

def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        out.append((pos, pos + len(body), body))
        pos += len(raw)
    return out


def _is_blank(raw: str) -> bool:
    """A row separator: nothing but spaces (a lone TAB is an empty cell, not a separator)."""
    return "\t" not in raw and not raw.strip()


def _is_cell_line(raw: str) -> bool:
    return raw.startswith("\t") and "\t" not in raw[1:]


def _looks_cellular(lines, i: int, j: int) -> bool:
    """A block of single-cell lines belongs to a cell-per-line table when it has several
    cells, or its neighbours (across blank lines) are cell lines too."""
    if j - i >= 2:
        return True
    for k in (i - 2, j + 1):
        if 0 <= k < len(lines) and _is_cell_line(lines[k][2]):
            return True
    return False


def stripped_cell(raw: str, offset: int) -> Cell:
    body = raw.strip()
    if len(body) == len(raw):        # most cells: nothing to strip
        return Cell(raw, offset, offset + len(raw))
    left = len(raw) - len(raw.lstrip())
    return Cell(body, offset + left, offset + left + len(body))


def _tab_row(start: int, raw: str, line: int) -> Row:
    if "\t" not in raw:                    # a line of prose: one cell (most lines of a report)
        return Row(cells=[stripped_cell(raw, start)], start=start, end=start + len(raw), line=line)
    cells, pos = [], start
    for part in raw.split("\t"):
        body = part.strip()
        n = len(part)
        if body is part:                    # `stripped_cell`, inline: every cell of every row
            cells.append(Cell(part, pos, pos + n))   # (strip gives the string itself back)
        else:
            left = pos + n - len(part.lstrip())
            cells.append(Cell(body, left, left + len(body)))
        pos += n + 1
    return Row(cells=cells, start=start, end=start + len(raw), line=line, tabbed=len(cells) > 1)


def _space_row(start: int, raw: str, line: int) -> Row:
    """A row whose cells are parted by runs of spaces (leading spaces are indentation).

    A line whose gaps mostly follow a comma or a full stop is justified prose, not columns:
    it stays one cell."""
    body_at = len(raw) - len(raw.lstrip(" \u3000\xa0"))
    gaps = list(_SPACE_GAP.finditer(raw, body_at))
    if sum(raw[g.start() - 1] in _PROSE_STOP for g in gaps) * 2 > len(gaps):
        gaps = []
    cells, pos = [], 0
    for gap in gaps:
        cells.append(stripped_cell(raw[pos:gap.start()], start + pos))
        pos = gap.end()
    cells.append(stripped_cell(raw[pos:], start + pos))
    return Row(cells=cells, start=start, end=start + len(raw), line=line)


def _pipe_row(start: int, raw: str, line: int) -> Row:
    """A markdown-style table line (| 存在问题 | … |), as text converted from HTML prints
    them: cells parted by the bars, empty inner cells kept so that columns align; a
    |---|---| rule has no cells."""
    parts, cells, pos = raw.split("|"), [], start
    for n, part in enumerate(parts):
        if part.strip() or 0 < n < len(parts) - 1:
            cells.append(stripped_cell(part, pos))
        pos += len(part) + 1
    if all(_RULE.fullmatch(c.text) for c in cells):
        cells = []
    return Row(cells=cells, start=start, end=start + len(raw), line=line)


def _cell_block(block, line: int) -> Row:
    cells: list[Cell] = []
    for start, _end, raw in block:
        if raw.startswith("\t") or not cells:
            cells.append(stripped_cell(raw[1:] if raw.startswith("\t") else raw,
                                   start + (1 if raw.startswith("\t") else 0)))
        else:   # a continuation line of the cell above
            prev = cells[-1]
            cont = stripped_cell(raw, start)
            if cont.text:
                text = prev.text + "\n" + cont.text if prev.text else cont.text
                cells[-1] = Cell(text, prev.start if prev.text else cont.start, cont.end)
    return Row(cells=cells, start=block[0][0], end=block[-1][1], line=line, cell_per_line=True)


@dataclass(frozen=True)
class _SiteLines:
    pattern: re.Pattern
    words: tuple[str, ...]
    max_chars: int


@derived(maxsize=1)
def _site_lines() -> _SiteLines:
    lex = builtin("tables.yaml")
    return _SiteLines(re.compile(lex["site_line_re"], re.M), tuple(lex["site_line_words"]),
                      int(lex["site_line_max"]))


def blank_site_lines(text: str) -> str:
    """`text` with the short lines a document-sharing site prints around a document (page
    captions, reading and download prompts: tables.yaml § site_line_re; never a sentence
    ending in 。) turned into spaces of the same length, so that every offset stays; `text`
    itself when it has none."""
    lex = _site_lines()
    if not any(w in text for w in lex.words):
        return text
    spans: list[tuple[int, int]] = []
    for m in lex.pattern.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        # a short line, and no sentence of a report's prose (which ends in 。)
        if end - start <= lex.max_chars and "。" not in text[start:end] \
                and (not spans or start >= spans[-1][1]):
            spans.append((start, end))
    if not spans:
        return text
    parts, at = [], 0
    for start, end in spans:
        parts += [text[at:start], " " * (end - start)]
        at = end
    return "".join(parts) + text[at:]


@derived(maxsize=1)
def _forms_lexicon() -> dict:
    lex = builtin("forms.yaml")
    lex["_titles"] = [(re.compile(t["pattern"]), t["form"]) for t in lex["titles"]]
    return lex


def _name_cell(row: Row, rows: list[Row], idx: int, lex: dict) -> Cell | None:
    """The project name when `row` is a 项目名称 row (the name is the next nonempty cell,
    or the next row's first cell in cell-per-line tables)."""
    cells = row.nonempty
    if not cells or _norm(cells[0].text) not in lex["name_fields"]:
        return None
    if len(cells) >= 2:
        return cells[1]
    if row.cell_per_line and idx + 1 < len(rows):
        nxt = rows[idx + 1].nonempty
        if nxt and _norm(nxt[0].text) not in lex["name_fields"]:
            return nxt[0]
    return None


def _find_title(rows: list[Row], idx: int, lex: dict, stop: int = -1) -> tuple[int | None, str, str]:
    for k in range(idx - 1, max(stop, idx - lex["title_lookback"]), -1):
        joined = rows[k].joined
        if not joined or len(joined) > 80:
            continue
        for pattern, form in lex["_titles"]:
            if pattern.search(joined):
                return k, joined, form
    return None, "", ""


def _form_from_header(rows: list[Row], lex: dict) -> str:
    for row in rows:
        joined = row.joined
        for cue, form in lex["header_forms"].items():
            if cue in joined:
                return form
    return lex["default_form"]


def _until_prose(rows: list[Row], name_at: int) -> list[Row]:
    """A form ends at its last table row before two lines of running prose: what follows
    (annexes, narrative reports) is not part of it."""
    last, prose = name_at, 0
    for k in range(name_at, len(rows)):
        row = rows[k]
        if not row.nonempty:
            continue
        if row.cell_per_line or len(row.cells) > 1:
            last, prose = k, 0
            continue
        prose += 1
        if prose >= 2:
            break
    return rows[:last + 1]


def _aliases_from_title(title: str, name: str, lex: dict) -> list[str]:
    """「XX中心整体绩效目标表」 names the department too: keep it as an alias."""
    core = re.sub(lex["title_strip"], "", title).strip("*# ")
    core = re.sub(r"[（(][^）)]*[）)]$", "", core).strip()
    if core and core != squash(name) and len(core) >= 4 and not re.search(lex["title_generic"], core):
        return [core]
    return []


def _norm(text: str) -> str:
    return _NORM.sub("", text)
