"""Text of any layout → atoms: the smallest pieces a table cell can be made of.

A form reaches us as TAB rows, as one cell per line (with or without a trailing ` |`, with or
without blank lines between), as markdown rows with or without their outer bars, with cells
parted by single spaces (a web page's text flattened onto one line), or with no separator at
all (OCR and PDF text that ran the cells together: 「保障人数102370人2370人10」).  Instead
of guessing the layout, every place where a cell *may* end becomes a boundary between two
atoms, weighed by how sure it is:

* a TAB, a bar or a blank line certainly parts cells (CELL);
* a line break (LINE) or a run of spaces (COLUMN) almost certainly does;
* a closing bracket before words may (GLUE_BRACKET: 「(10分)保障人数」);
* a single space usually does (SPACE);
* in glued text, the edge of a known word (a label, a heading, a field name, a value such
  as 合格) probably does (VOCAB); a change of script (汉字 ↔ digits, a comparator, a
  per-cent sign) may (CLASS); a place inside a run of digits rarely does (DIGIT).

Each boundary has a cost of cutting there and a cost of joining across it; the grammar
(grammar.py) chooses the cuts that explain the rows best.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.extract.formvocab import YEAR, FormVocab
from assistant.extract.labels import lookup_label

GLUE_DIGIT, GLUE_CLASS, GLUE_BRACKET, GLUE_VOCAB, SPACE, COLUMN, LINE, CELL = range(8)

# (cost of starting a new cell at the boundary, cost of joining the atoms on either side)
COSTS: dict[int, tuple[float, float]] = {
    CELL: (0.0, 3.0),
    LINE: (0.0, 1.5),       # priced again per table (grammar.line_join)
    COLUMN: (0.0, 2.0),
    SPACE: (0.15, 1.0),
    GLUE_VOCAB: (0.1, 0.15),
    GLUE_BRACKET: (0.3, 0.05),
    GLUE_CLASS: (0.45, 0.0),
    GLUE_DIGIT: (1.0, 0.0),
}

_SEPARATOR = re.compile(r"[ \t\u3000\xa0\r\n|｜]+")
# the comparators a target opens with; 「═」 is a converter's ＝ (a box-drawing double line)
COMPARATORS = "≥≤<>=＞＜＝≧≦═"
_PERCENT = "%％‰"
_DASHES = "一—－-"
# a unit of measure per unit (元/册, 万元/块, 件/套) standing before a number
UNIT_RATIO = r"(?:万元|[\u4e00-\u9fff])[/／][\u4e00-\u9fff]{1,3}"
_UNIT_RATIO = re.compile(UNIT_RATIO + rf"(?=[\d{COMPARATORS}])")


# Across a space, a comparator and its number, or a number and its unit, are one value
# (「>= 98 %(百分比)」, 「300 公里」).
_BARE_COMPARATOR = re.compile(rf"^[{COMPARATORS}]{{1,2}}$")
_ONE_SPACE = " \u3000"
_UNIT_AFTER_NUMBER = re.compile(r"^(?:[%％‰]|[\u4e00-\u9fff]{1,3}$)")
VALUE_JOIN = 0.2
# Document sites cut a document into pages numbered 「1、」「2、」 at the start of a line,
# wherever the page ended — often inside a cell.
_PAGE_MARK = re.compile(r"\d{1,2}、")       # used with match: at the start of an atom or a run
_CLOSERS = "。；;！？!?"
PAGE_MARK = (1.0, 0.1)
# a target met is printed again as the actual value; run together, the same words twice
# before a number or the end (「合格合格2020」, 「改善办学条件改善办学条件13」)
_DOUBLE_STOP = re.compile(r"[^\u4e00-\u9fff]")        # a place doubled words may end before
_DOUBLE_RUN = re.compile(r"[^\d\s，,。；;:：|｜]{4,}")   # what doubled words may be made of
DOUBLE_MAX = 40
DESCRIPTION_JOIN = 1.5
DASH_CELL = 1.0                         # joining a dash after a weight to the words after it
_STEM = re.compile(r"[\u4e00-\u9fff]{2,8}$")
_PROSE_STOP = frozenset("，,、")
PROSE_SPACE = (1.0, 0.2)
SCORE_RULE = (3.0, 0.0)
LABEL_WRAP = (1.0, 0.1)
BARRED_GLUE = 3.0                       # the split cost of a glued boundary inside a barred table
WRAP = (1.5, 0.1)                       # a wrapped cell's rest, moved under its head
WRAP_MIN = 8                            # display columns a cell fills before it wraps
# a whole value (a number, a per cent, a comparator and a quantity): a cell of its own,
# never the rest of a wrapped one
_NUMBER_PIECE = re.compile(rf"^(?:[{COMPARATORS}]{{1,2}})?[-+]?(?:0|[1-9]\d*)(?:\.\d+)?(?:%|[\u4e00-\u9fff/]{{1,4}})?$")
# a section heading (（二）) run on after a value, in a page flattened to one line
# (here and below the character a match opens with comes first and what must stand before it
# after, as a lookbehind: re then tries only the places where that character stands)
GLUED_SECTION = re.compile(r"[（(](?<=[\d%％][（(])[一二三四五六七八九十]{1,3}[)）](?=[\u4e00-\u9fff])")
_ELLIPSIS_AFTER_DIGIT = re.compile(r"…(?<=\d…)…*|\.(?<=\d\.)\.{2,}")      # …+ or .{3,} after a digit


@dataclass(slots=True)
class Atom:
    text: str
    start: int
    end: int
    gap: int            # the boundary before this atom (GLUE_* … CELL)
    split: float = 0.0  # cost of starting a cell at this atom
    merge: float = 0.0  # cost of joining it to the atom before in one cell
    page: int = 0       # characters of a document site's page number it opens with (「3、」)
    empties: int = 0    # empty cells the bars before it print (「% |\n|\n60 |」: one)


def atomize(text: str, start: int, end: int, vocab: FormVocab) -> list[Atom]:
    """The atoms of `text[start:end]`, each with the kind of boundary before it."""
    atoms = list(iter_atoms(text, start, end, vocab))
    prev = None
    chunk_end = [0] * len(atoms)          # where the glued run an atom starts ends
    for k in range(len(atoms) - 1, -1, -1):
        nxt = k + 1 < len(atoms) and atoms[k + 1].gap < SPACE
        chunk_end[k] = chunk_end[k + 1] if nxt else atoms[k].end
    for k, a in enumerate(atoms):
        a.split, a.merge = COSTS[a.gap]
        if a.gap == SPACE and prev is not None and (
                _BARE_COMPARATOR.match(prev.text)
                or prev.text[-1:].isdigit() and _UNIT_AFTER_NUMBER.match(a.text)
                or open_bracket(text, a.start)
                or a.text[:1] in "(（" and _cls(prev.text[-1]) == "h"):
            a.merge = VALUE_JOIN            # 「>= 98」, 「300 公里」, 「相关性(5 分)」, 「必要性 (政策依据)」
        elif a.gap == SPACE and prev is not None and prev.text[-1] in _PROSE_STOP:
            a.split, a.merge = PROSE_SPACE  # 「…催收, 保证…」: a space after a comma is prose
        elif prev is not None and a.gap >= SPACE and (vocab.wrapped_label_suffix.match(text[a.start:chunk_end[k]])
                                                      or a.text == "标" and prev.text.endswith("指")):
            a.merge = VALUE_JOIN            # 「质量 指标」, 「经济效益\n\n指标」: a label's cell wrapped
        elif a.gap == SPACE and prev is not None and a.text == "指标" and lookup_label(prev.text + "指标") is not None:
            a.split, a.merge = LABEL_WRAP   # 「质量 指标县级储备…」: a label's cell wrapped in glued text
        elif a.gap == SPACE and prev is not None and prev.gap >= SPACE and _split_label(prev.text, text[a.start:chunk_end[k]]):
            a.split, a.merge = LABEL_WRAP   # 「决策 过程（8分）」: a second-level label, a space inside it
        elif a.gap == GLUE_CLASS and k >= 2 and prev is not None and len(prev.text) == 1 and prev.text in _DASHES \
                and atoms[k - 2].text[-1:].isdigit():
            a.merge = DASH_CELL             # 「2一按照…」: the dash after a weight is a cell (—, not applicable)
        elif a.gap == GLUE_VOCAB and vocab.description_opener.match(a.text):
            a.merge = DESCRIPTION_JOIN      # 「…维修次数反映全年维修情况」: a name does not run on into its description
        elif a.gap == LINE and prev is not None and (mark := _PAGE_MARK.match(a.text)) \
                and prev.text[-1:] not in _CLOSERS:
            a.split, a.merge = PAGE_MARK    # 「…音响、\n2、灯光…」: a document site's page number
            a.page = mark.end()             # no part of any cell's text
        prev = a
    rules = list(vocab.score_rule.finditer(text, start, end))
    if rules:
        # 「…印制宣传手册,得 1 分;举办…」: the points of a scoring rule, inside its sentence —
        # no weight or score cell, and no row begins there
        at = {a.start: k for k, a in enumerate(atoms)}
        for m in rules:
            n = at.get(m.start(1))
            if n is None or n + 1 >= len(atoms) or atoms[n].text != m.group(1):
                continue
            a, after = atoms[n], atoms[n + 1]
            if a.gap <= SPACE and after.gap <= SPACE and after.text[:1] == "分":
                a.split, a.merge = SCORE_RULE
                after.split, after.merge = SCORE_RULE
    if atoms and _barred(text[start:end]):
        # bars part the cells: a cell's own glued boundaries (「…在校生:小学600人,初中…」)
        # are less likely to part two cells than in text where nothing parts them
        for a in atoms:
            if a.gap <= GLUE_VOCAB and a.split < 1.0:
                a.split *= BARRED_GLUE
    return atoms


def iter_atoms(text: str, start: int, end: int, vocab: FormVocab) -> Iterator[Atom]:
    """The atoms of `text[start:end]` one run of text at a time, their `gap` set but not
    their costs (`atomize` prices them): for a reader that stops after the first few."""
    pos, gap, empties = start, CELL, 0
    for sep in _SEPARATOR.finditer(text, start, end):
        if sep.start() > pos:
            run: list[Atom] = []
            _chunk(text, pos, sep.start(), gap, vocab, run)
            run[0].empties = empties
            yield from run
        gap = _gap_kind(sep.group())
        empties = _empty_cells(sep.group()) if pos > start else 0
        pos = sep.end()
    if pos < end:
        run = []
        _chunk(text, pos, end, gap, vocab, run)
        run[0].empties = empties
        yield from run


def _empty_cells(sep: str) -> int:
    """The empty cells bars print between two cells: each cell ends in one bar (「a |」 on
    its line, or 「|」 on the line after it), so the bars past the first are empty cells
    (「% |\n|\n60 |」, 「| a |  | b |」); a markdown row also opens with a bar, which
    a row boundary (「b |\n| c」) does not count."""
    bars = sep.count("|") + sep.count("｜")
    if bars < 2:
        return 0
    last = sep[sep.rfind("\n") + 1:] if "\n" in sep else ""
    opened = "|" in last or "｜" in last
    return max(0, bars - 1 - opened)


def unwrap(text: str, atoms: list[Atom]) -> list[Atom]:
    """Atoms in reading order where a table laid out with spaces wraps its cells: a line
    whose pieces all stand under pieces of the row above (pdftotext -layout prints a long
    cell's rest there) continues those cells, so each piece is moved after the cell it
    continues, joined to it cheaply.  Text without such lines comes back as it was."""
    lines: list[list[list[Atom]]] = []          # line → pieces → atoms
    for a in atoms:
        if not lines or a.gap == LINE or a.gap == CELL and "\n" in text[lines[-1][-1][-1].end:a.start]:
            lines.append([[a]])
        elif a.gap >= COLUMN:
            lines[-1].append([a])
        else:
            lines[-1][-1].append(a)
    if sum(1 for line in lines if len(line) >= 3) < 2:
        return atoms
    if atoms and _barred(text[atoms[0].start:atoms[-1].end]):
        return atoms                # bars part the cells: a wrapped cell stays between its bars
    out: list[list[list[Atom]]] = []            # rows → pieces → atoms
    row_cols: list[int] = []
    moved = False
    for line in lines:
        cols = [_column(text, piece[0].start) for piece in line]
        nearest = [_nearest(c, row_cols) for c in cols] if out else []
        targets = [t for t in nearest if t is not None]
        if out and len(line) < len(row_cols) and len(targets) == len(nearest) \
                and len(set(targets)) == len(targets) \
                and not any(_NUMBER_PIECE.match("".join(a.text for a in piece)) for piece in line) \
                and all((_width("".join(a.text for a in out[-1][t])) >= WRAP_MIN
                         and not _whole_label(out[-1][t], piece))
                        or _label_when_joined(out[-1][t], piece) for piece, t in zip(line, targets)):
            for piece, t in zip(line, targets):
                piece[0].gap = LINE
                piece[0].split, piece[0].merge = WRAP
                out[-1][t].extend(piece)
            moved = True
            continue
        out.append([list(p) for p in line])
        row_cols = cols
    if not moved:
        return atoms
    return [a for row in out for piece in row for a in piece]


_HAN_ONLY = re.compile(r"^[\u4e00-\u9fff（）()、]+$")
SPLIT_LABEL_REACH = 8        # pieces (runs of glued atoms, or rows) a label's second half may stand after its first


def label_halves(first: str, second: str, before_second: str = "") -> bool:
    """Whether `first` and `second` are the two halves of one label printed apart: neither
    is a label, both are 汉字, together they are one, and `second` does not simply finish
    the text printed just before it (`before_second`)."""
    return bool(_HAN_ONLY.match(first) and _HAN_ONLY.match(second)) and lookup_label(first) is None \
        and lookup_label(second) is None and lookup_label(first + second) is not None \
        and (not before_second or lookup_label(before_second + second) is None)


def rejoin_split_labels(atoms: list[Atom]) -> list[Atom]:
    """A long label of a merged cell that PDF text prints in two lines around the rows it
    spans (「社会公众或服务」 · 政策满意度 · ≥90% · 「对象满意度指标」) is put back together at
    its first half (`label_halves`). The second half's atoms are dropped; the label's
    evidence stays its first half."""
    runs: list[list[Atom]] = []                 # atoms glued into one piece of text
    for a in atoms:
        if runs and a.gap < SPACE:
            runs[-1].append(a)
        else:
            runs.append([a])
    texts = ["".join(a.text for a in run) for run in runs]
    moved = False
    i = 0
    while i < len(runs):
        if _HAN_ONLY.match(texts[i]) and lookup_label(texts[i]) is None \
                and not _whole_across_space(runs, texts, i):
            for j in range(i + 2, min(len(runs), i + 2 + SPLIT_LABEL_REACH)):
                if lookup_label(texts[j]) is not None:
                    break                       # another label first: no split of this one
                if label_halves(texts[i], texts[j], texts[j - 1]):
                    a = runs[i][0]
                    runs[i] = [Atom(texts[i] + texts[j], a.start, runs[i][-1].end, a.gap, a.split, a.merge,
                                    a.page, a.empties)]
                    texts[i] += texts[j]
                    del runs[j], texts[j]
                    moved = True
                    break
        i += 1
    return [a for run in runs for a in run] if moved else atoms


def _split_label(head: str, rest: str) -> bool:
    """Whether 「head rest」 is one second-level label printed with a space inside it
    (「决策 过程（8分）」, 「资金 到位」) rather than two cells: together they make the label,
    and `rest` alone is no second level (「产出 数量指标」 is a first level and a second)."""
    whole = lookup_label(head + rest) if _HAN_ONLY.match(head) else None
    if whole is None or whole.level != 2:
        return False
    alone = lookup_label(rest)
    return alone is None or alone.level == 1


def _whole_across_space(runs: list[list[Atom]], texts: list[str], i: int) -> bool:
    """Whether the run after the i-th, a space away, completes its label (`_split_label`:
    「资金 分配 (7分)」): the label is whole where it stands, and no later piece (「分配 办法」)
    is its half."""
    return i + 1 < len(runs) and runs[i + 1][0].gap == SPACE and _split_label(texts[i], texts[i + 1])


def _barred(text: str) -> bool:
    """Whether most lines of a table's text hold a bar (markdown rows, cells ending in ` |`)."""
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and sum(1 for line in lines if "|" in line or "｜" in line) * 2 > len(lines)


def _whole_label(head: list[Atom], rest: list[Atom]) -> bool:
    """Whether a cell is a whole label that the piece under it cannot continue: 「可持续影响
    指标」 over 「社会公众或服务」 (the first half of the next, merged label)."""
    return lookup_label("".join(a.text for a in head)) is not None \
        and lookup_label("".join(a.text for a in head + rest)) is None


def _label_when_joined(head: list[Atom], rest: list[Atom]) -> bool:
    """Whether a short cell and the piece under it make a table label (「满意度」 over
    「指标」): label columns are narrow, so their cells wrap early."""
    return lookup_label("".join(a.text for a in head + rest)) is not None


def _column(text: str, pos: int) -> int:
    """The display column of `pos` on its line (汉字 two columns wide)."""
    return _width(text[text.rfind("\n", 0, pos) + 1:pos])


def _width(s: str) -> int:
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in s)


def _nearest(col: int, cols: list[int]) -> int | None:
    for k, c in enumerate(cols):
        if abs(c - col) <= 2:
            return k
    return None


def open_bracket(text: str, pos: int) -> bool:
    """Whether a bracket opened shortly before `pos` on its line is still open there."""
    lo = max(text.rfind("\n", 0, pos) + 1, pos - 12)
    before = text[lo:pos]
    opened = max(before.rfind("("), before.rfind("（"))
    return opened >= 0 and ")" not in before[opened:] and "）" not in before[opened:]


def _gap_kind(sep: str) -> int:
    if "\t" in sep or "|" in sep or "｜" in sep or sep.count("\n") >= 2:
        return CELL
    if "\n" in sep:
        return LINE
    return COLUMN if len(sep) >= 2 else SPACE


def _cls(ch: str) -> str:
    if "0" <= ch <= "9":
        return "d"
    if ch == ".":
        return "."
    if ch in _PERCENT:
        return "%"
    if ch in COMPARATORS:
        return "<"
    if "\u4e00" <= ch <= "\u9fff":
        return "h"
    if ch.isascii() and ch.isalpha():
        return "a"
    return "p"


def _chunk(text: str, start: int, end: int, gap: int, vocab: FormVocab, out: list[Atom]) -> None:
    """Part one run of text without separators at its glued boundaries."""
    if text.find("年", start, end) >= 0 and YEAR.search(text, start, end) \
            and vocab.column_role(text[start:end], fuzzy=False) is not None:
        out.append(Atom(text[start:end], start, end, gap))
        return                          # 「预期2024年实现值」: a heading with a year inside, one cell
    cuts: dict[int, int] = {}
    for m in vocab.terms.finditer(text, start, end):
        for at in (m.start(), m.end()):
            if start < at < end:
                cuts[at] = GLUE_VOCAB
    for places in _doubled(text, start, end):
        for at in places:
            if start < at < end:
                cuts[at] = GLUE_VOCAB   # 「…质量等合格合格」: target and actual, the same words twice
    if text[start] == "标" and end - start > 1 and _before(text, start).endswith("指"):
        cuts[start + 1] = SPACE         # 「满意度指 标演出人员满意度」: a wrapped label's last character, then a cell
    if text.startswith("指标", start) and end - start > 2 and _label_stem(_before(text, start)):
        cuts[start + 2] = SPACE         # 「质量 指标县级储备…」: a label wrapped before its 指标, then a cell
    page = _PAGE_MARK.match(text, start, end)
    if page and text.startswith("指标", page.end()) and page.end() + 2 < end and _label_stem(_before(text, start)):
        cuts[page.end() + 2] = SPACE    # 「社会效益\n3、指标办学条件…」: a page cut the label before its 指标
    for m in _UNIT_RATIO.finditer(text, start, end):
        if m.start() > start and _cls(text[m.start() - 1]) == "h":
            cuts.setdefault(m.start(), GLUE_CLASS)    # 「…印制成本元/册≤3元」: a unit left before the target
    for m in GLUED_SECTION.finditer(text, start, end):
        cuts.setdefault(m.start(), GLUE_BRACKET)      # 「…100%(二)项目财务管理状况」: the next section
    for m in _ELLIPSIS_AFTER_DIGIT.finditer(text, start, end):
        cuts.setdefault(m.start(), GLUE_CLASS)        # 「≥95%10……总分」: a score, then a template's placeholder
    for m in vocab.unit_end.finditer(text, start, end):
        if m.end() < end:
            cuts.setdefault(m.end(), GLUE_CLASS)      # 「2280次大楼…」: a quantity ends after its unit
    if start >= 2 and text[start - 1] in _ONE_SPACE and text[start - 2].isdigit() \
            and (lead := vocab.unit_lead.match(text, start, end)) and lead.end() < end:
        cuts.setdefault(lead.end(), SPACE)            # 「4 次|趋势会商…」: PDF text spaced the number from its
        #                                               unit, not the unit from the next cell
    marked = _name_marks(text, start, end, vocab, cuts)
    for k, kind in _class_cuts(text, start, end):
        if k not in cuts and k not in marked:
            cuts[k] = kind
    pos = start
    for at in sorted(cuts):
        out.append(Atom(text[pos:at], pos, at, gap))
        pos, gap = at, cuts[at]
    out.append(Atom(text[pos:end], pos, end, gap))


def _doubled(text: str, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """(start, middle, end) of the same words printed twice (2 to DOUBLE_MAX characters,
    no digit, space or stop) ending before a character that is no Han character or at the
    run's end, the shortest at each end, left to right and apart.  Only the places such a
    pair can end at are tried, inside runs of the characters it may hold: a pattern with a
    back reference tried at every place of a long run of repeated words was quadratic."""
    last = start
    for run in _DOUBLE_RUN.finditer(text, start, end):
        first, stop = run.span()
        for e in [m.start() for m in _DOUBLE_STOP.finditer(text, first + 4, stop)] + [stop]:
            lo = max(first, last)
            for n in range(2, min(DOUBLE_MAX, (e - lo) // 2) + 1):
                a = e - 2 * n
                if text[a:a + n] == text[a + n:e]:
                    yield a, a + n, e
                    last = e
                    break


LOOK_BEHIND = 24           # characters before a run that atomizing it may read


def _before(text: str, start: int) -> str:
    """The text just before a run, white space left out."""
    return text[max(0, start - LOOK_BEHIND):start].rstrip()


def _label_stem(before: str) -> bool:
    """Whether text ends with a label that lacks its 指标 (「社会效益」 of 社会效益指标)."""
    stem = _STEM.search(before)
    return stem is not None and any(lookup_label(stem.group()[k:] + "指标") is not None
                                    for k in range(len(stem.group()) - 1))


def _name_marks(text: str, start: int, end: int, vocab: FormVocab, cuts: dict[int, int]) -> set[int]:
    """「…未及时完成任务2:健康…」: a name's number (指标1：, 任务2：) opens a cell and is
    never cut itself; the places inside the marks are returned."""
    inside: set[int] = set()
    for m in vocab.name_mark.finditer(text, start, end):
        if m.start() > start:
            cuts[m.start()] = GLUE_VOCAB
        inside.update(range(m.start() + 1, m.end()))
    for at in inside & cuts.keys():
        del cuts[at]
    return inside


def _class_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Every place inside `text[start:end]` where `_class_cut` cuts, with its kind.

    The same rules, found without a Python step per character: the run's classes are one
    string (str.translate), the cuts that depend on classes alone are a regex over it, and
    only the places beside a dash or a closing bracket are asked of `_class_cut`."""
    classes = _NOT_CLASS.sub("p", text[start:end].translate(_CLASS_TABLE))
    found = {start + m.start(): GLUE_DIGIT if m.group() == "d" and classes[m.start() - 1] == "d" else GLUE_CLASS
             for m in _CLASS_CHANGE.finditer(classes, 1)}
    for m in _DASH_OR_CLOSER.finditer(text, start, end):
        for k in (m.start(), m.end()):
            if start < k < end and k not in found:
                kind = _class_cut(classes[k - 1 - start], classes[k - start], text, k)
                if kind is not None:
                    found[k] = kind
    return sorted(found.items())


def _class_table() -> dict[int, str]:
    table = {ord(ch): "d" for ch in "0123456789"}
    table[ord(".")] = "."
    table.update({ord(ch): "%" for ch in _PERCENT})
    table.update({ord(ch): "<" for ch in COMPARATORS})
    table.update({c: "h" for c in range(0x4E00, 0xA000)})
    table.update({ord(ch): "a" for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"})
    return table


_CLASS_TABLE = _class_table()          # a character → its class (`_cls`); the rest are "p"
_NOT_CLASS = re.compile(r"[^dha.%<]")
# the class-only rules of `_class_cut`, as the place each one cuts before, by the class that
# stands there: a digit after a digit, 汉字 or per cent; 汉字 after a per cent, digit or Latin;
# Latin after a per cent, digit or 汉字; a comparator after anything but a comparator
_CLASS_CHANGE = re.compile(r"d(?<=[dh%]d)|h(?<=[%da]h)|a(?<=[%dh]a)|<(?<=[^<]<)")
_DASH_OR_CLOSER = re.compile("[" + re.escape(_DASHES) + ")）]")


def _class_cut(prev: str, cur: str, text: str, k: int) -> int | None:
    if prev == "d" and cur == "d":
        return GLUE_DIGIT
    if cur == "<" and prev != "<":
        return GLUE_CLASS                       # a comparator opens a value
    if prev == "%" and cur in "dh<a":
        return GLUE_CLASS                       # a per-cent value ends
    if cur == "d" and prev in "h%":
        return GLUE_CLASS
    if prev == "d" and cur in "ha":
        return GLUE_CLASS
    if (prev == "h") != (cur == "h") and "a" in (prev, cur):
        return GLUE_CLASS                       # 汉字 ↔ Latin (OCR: 「IO」 for 10)
    if cur in "ha" and text[k - 1] in _DASHES and k >= 2 and _cls(text[k - 2]) == "d":
        return GLUE_CLASS                       # 「4一目标明确」, 「6-严格执行」: a dash after a number
    if prev == "d" and text[k] in _DASHES and cur != "h" and k + 1 < len(text) and _cls(text[k + 1]) in "ha":
        return GLUE_CLASS                       # 「6-严格」: the number ends before the dash
    if text[k - 1] in ")）" and cur in "ha":
        return GLUE_BRACKET                     # 「(10分)保障人数」: a bracket closes a cell
    return None

