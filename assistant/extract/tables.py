"""A form's rows → Project: budget block, indicator rows, total score.

Indicator rows are read against the table's own header.  PDF extraction drops the cells of
merged labels and sometimes shifts a label one row up or down, so a row is anchored from
the right, where the columns are dependable:

* self-evaluation tables: the rightmost pair of numbers is 分值/得分 (weight, score); the
  cells before it are the value columns the header names (完成值, 指标值 …), then the name,
  and whatever is left of the name are labels;
* target tables without scores: the last cell is the target, the one before the name;
* two-column application forms (中期/年度): the annual half is read from the right and the
  midterm half is found by the repeated name.

Labels are filled down; a label printed in a row applies to that row and the rows below.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, replace

from assistant.extract.classify import classify_indicator
from assistant.extract.classify_lexicon import CompiledLexicon
from assistant.extract.formvocab import builtin_column_role, heading_key, settle_roles, vocab
from assistant.extract.grammar import is_value
from assistant.extract.labels import Label, label_book, lookup_label, parent_of, party_label
from assistant.extract.layout import Cell, Form, Row, squash
from assistant.extract.stream import SPLIT_LABEL_REACH, label_halves
from assistant.lexicon import builtin, derived
from assistant.model import Budget, Indicator, Project

_NUM = re.compile(r"^[-+]?\d+(?:\.\d+)?$")      # 分值 and 得分 are bare numbers
_BRACKET = re.compile(r"[（(][^）)]*[）)]")
_SPACE = re.compile(r"\s+")
_NORM = re.compile(r"[\s:：]")
_SPACE_OR_BRACKET = re.compile(r"[\s（(]")
_WEIGHTED = re.compile(r"\d+\s*分")      # 「满意度指标(10分)」: a first level prints its weight


def read_form(form: Form, text: str, lexicon: CompiledLexicon | None = None) -> Project:
    """The Project one form describes; `lexicon` classifies its indicators (default: the
    built-in one, see assistant.extract.classify.load_lexicon)."""
    lex = tables_lexicon()
    project = Project(name=form.name, form=form.form, start=form.start, end=form.end,
                      aliases=list(form.aliases), name_start=form.name_cell.start,
                      name_end=form.name_cell.end)
    project.budget = _read_budget(form.rows, lex)
    if project.budget and not project.budget.unit:
        project.budget.unit = declared_unit(text[:form.start])
    header_at = _find_header(form.rows, lex)
    if header_at is not None:
        project.indicators = _read_indicators(form.rows, header_at, lex, lexicon)
    project.total_score, project.grade = _read_total(form.rows, lex)
    return project


# ---------------------------------------------------------------------------- header

@dataclass(frozen=True)
class Header:
    roles: list[str | None]          # role of each column, by index
    value_roles: list[str]           # roles between the name and the weight (or the end)
    scored: bool                     # has 分值/权重 and 得分
    dual: bool                       # 中期 + 年度 halves
    noted: bool                      # has an explanation column (指标值说明)
    described: bool = False          # has a 指标描述 column (浙江 项目库)
    # of a scored header: every column between the name and the weight (a 指标解释 or 历史值
    # among the values), the columns after the weight and the score, and how far from the
    # row's end the weight stands
    spanned: tuple[str | None, ...] = ()
    after_score: tuple[str | None, ...] = ()
    weight_from_end: int = 0


def _find_header(rows: list[Row], lex: dict) -> int | None:
    anchor = lex["_name_anchor"]
    for idx, row in enumerate(rows):
        if not anchor.search(row.squashed):
            continue                # no name heading can be in it: most rows of a form
        roles = settle_roles([_column_role(t) for t in row.texts], row.texts.__getitem__)
        if sum(r in ("l1", "l2", "name") for r in roles) >= lex["header_min_levels"] and "name" in roles:
            return idx
    return None


def _header(row: Row, lex: dict, texts: list[str] | None = None) -> Header:
    texts = row.texts if texts is None else texts
    roles = settle_roles([_column_role(t) for t in texts], texts.__getitem__)
    dual = roles.count("name") >= 2
    if dual:   # the second half is the annual one
        first, second = [i for i, r in enumerate(roles) if r == "name"][:2]
        cut = max(second - 1, first + 1)      # the second half's label column, if it has one
        roles = roles[:cut] + [(r and r + "_annual") for r in roles[cut:]]
    scored = "weight" in roles and "score" in roles
    name_at = roles.index("name")
    stop = roles.index("weight") if scored else len(roles)
    value_roles = [r for r in roles[name_at + 1:stop] if r and not r.endswith("_annual")
                   and r not in _NOTES + ("reason", "l2", "describe")]
    return Header(roles=roles, value_roles=value_roles, scored=scored, dual=dual,
                  noted=any(r in _NOTES for r in roles), described="describe" in roles,
                  spanned=tuple(roles[name_at + 1:stop]) if scored else (),
                  after_score=tuple(roles[max(stop, roles.index("score")) + 1:]) if scored else (),
                  weight_from_end=len(roles) - stop if scored else 0)


# columns beside the indicator that are none of its parts: a note, what the indicator means
# and how it is scored, a figure of another period
_NOTES = ("note", "explain", "past")


def _column_role(text: str) -> str | None:
    """A cell's column role: the vocabulary the stream reader uses (formvocab), exact."""
    return builtin_column_role(text, False)


@lru_cache(maxsize=65536)
def _heading_key(text: str) -> str:
    """A cell as a column heading: no white space or bracketed note.  Every cell of every
    row is tried as a heading, and most hold neither."""
    if not _SPACE_OR_BRACKET.search(text):
        return text
    return _BRACKET.sub("", _SPACE.sub("", text))


# ---------------------------------------------------------------------------- indicators

@dataclass
class ParsedCells:
    labels: list[Cell]
    name: Cell
    values: dict[str, Cell]
    weight: float | None = None
    score: float | None = None
    reason: list[Cell] | None = None
    target_midterm: Cell | None = None
    # under a 中期 · 年度 header: the row's annual half printed its second-level label and
    # nothing else after the row's value
    annual_label_only: bool = False


# budget columns the readers pass over (tables.yaml § budget.columns): 行次, amounts other
# than the budget and its execution (统筹整合资金数, 全年到位资金 …) and rates other than the
# execution rate (预算到位)
ROW_NUMBER, OTHER_AMOUNT, OTHER_RATE = "row_no", "other_amount", "other_rate"
PASSED_OVER = (ROW_NUMBER, OTHER_AMOUNT, OTHER_RATE)


class FilledLabels:
    """The current first/second level, filled down as merged cells are."""

    def __init__(self) -> None:
        self.l1 = ""
        self.l2 = ""
        self.l2_row = -1
        self.seen: dict[str, str] = {}        # category → label text printed in this table

    def apply(self, label: Label, row_no: int, followed: bool) -> None:
        as_l1 = label.level == 1 or (label.level == 0 and followed)
        if as_l1:
            self.l1, self.l2 = label.text, ""
            return
        self.l2, self.l2_row = label.text, row_no
        if label.category:
            self.seen.setdefault(label.category, label.text)
        parent = parent_of(label.category)
        current = lookup_label(self.l1) if self.l1 else None
        if parent and (current is None or current.level1 not in _parents_allowed(label.category)):
            self.l1 = parent


def _read_indicators(rows: list[Row], header_at: int, lex: dict,
                     lexicon: CompiledLexicon | None = None) -> list[Indicator]:
    header = _header(rows[header_at], lex)
    body_at = header_at + 1
    wrapped = _wrapped_header(rows[header_at], rows[body_at]) if body_at < len(rows) else None
    if wrapped is not None:
        header, body_at = _header(rows[header_at], lex, wrapped), body_at + 1
    elif header_at and (stacked := _stacked_header(rows[header_at], rows[header_at - 1])) is not None:
        header = _header(rows[header_at], lex, stacked)
    elif body_at < len(rows) and (stacked := _stacked_header(rows[header_at], rows[body_at])) is not None:
        header, body_at = _header(rows[header_at], lex, stacked), body_at + 1
    rows = rows[:body_at] + _split_labels_rejoined(rows[body_at:])
    labels = FilledLabels()
    out: list[Indicator] = []
    label_only = joined = False
    v = vocab()
    for row_no in range(body_at, len(rows)):
        row = rows[row_no]
        first = squash(row.nonempty[0].text) if row.nonempty else ""
        if first and (first.startswith(lex["_table_end"]) or v.approval.match(first)
                      or v.furniture.search(row.joined)
                      or any(v.unit_declaration.fullmatch(c.text) for c in row.nonempty)):
            break                 # 总分 …; 「财务科(盖章)」, 「…审核意见」, a web page's footer below the
            #                       table; 「单位：万元」 in a cell of its own: the next form's head
        if first in v.other_table_openers and not {"name", "l1", "l2"} & {_column_role(t) for t in row.texts}:
            break                 # 「序号 | 学校性质 | 培训机构 | …」: the header of another table
        if not row.nonempty:
            continue
        if _find_header([row], lex) == 0:
            header = _header(row, lex)
            continue
        if len(row.nonempty) >= 2 and all(_column_role(c.text) for c in row.nonempty):
            continue              # 「2021年实际实现值 | 预期2022年实现值」: headings under a merged one
        if numbers_columns([c.text for c in row.nonempty]):
            continue              # 「列次 1 2 3 …」
        parsed = _parse_row(row.cells, header)
        if parsed is None:
            _apply_labels([c for c in row.cells if c.text], labels, row_no)
            continue
        orphans = _apply_labels(parsed.labels, labels, row_no)
        for cell in orphans:      # text in a label column: an indicator name the PDF split off
            out.append(build_indicator(cell, ParsedCells([], cell, {}), labels, row_no, lex, lexicon))
        out.append(build_indicator(parsed.name, parsed, labels, row_no, lex, lexicon))
        label_only |= parsed.annual_label_only
        joined |= parsed.target_midterm is not None
    if header.dual and label_only and not joined:
        # the annual half prints its labels and nothing else: the values are the midterm's
        # (the key's convention: target from the annual column, target_midterm the other)
        for ind in out:
            if ind.target:
                ind.target_midterm, ind.target = ind.target, None
    return out


def _split_labels_rejoined(rows: list[Row]) -> list[Row]:
    """A merged label cell that PDF text prints in two halves, each alone in its row, around
    the rows it spans (「社会公众或服务」 … 「对象满意度指标」 in the same column): the first half's
    row gets the whole label, the second half's row is dropped (stream.label_halves)."""
    out = list(rows)
    i = 0
    while i < len(out):
        only = out[i].nonempty
        if len(only) == 1:
            col = out[i].cells.index(only[0])
            for j in range(i + 2, min(len(out), i + 2 + SPLIT_LABEL_REACH)):
                other = out[j].nonempty
                if len(other) != 1 or out[j].cells.index(other[0]) != col:
                    continue
                if label_halves(only[0].text, other[0].text, out[j - 1].nonempty[-1].text if out[j - 1].nonempty else ""):
                    cells = list(out[i].cells)
                    cells[col] = Cell(only[0].text + other[0].text, only[0].start, only[0].end)
                    out[i] = replace(out[i], cells=cells)
                    del out[j]
                break
        i += 1
    return out


def _wrapped_header(header: Row, below: Row) -> list[str] | None:
    """The header's cells with the line below joined on, where that line holds only the
    rest of headings wrapped in their cells (「绩效 | 实际」 over 「目标值 | 完成值」: 绩效目标值,
    实际完成值); None when it is no such line."""
    texts = list(header.texts)
    parts = [(k, t) for k, t in enumerate(below.texts) if t.strip()]
    if not parts or len(below.texts) > len(texts):
        return None
    for k, t in parts:
        if _column_role(t) is None or _column_role(texts[k]) is not None \
                or _column_role(texts[k] + t) != _column_role(t):
            return None
        texts[k] = texts[k] + t
    return texts


def _stacked_header(header: Row, other: Row) -> list[str] | None:
    """The header's cells with the headings of the row above or below (`other`) where the
    header's own are empty or name no column, the two rows being one header of merged
    cells: 「绩效指标 | | | 年度指标值 | 实际完成值 | 分值 | 得分」 over 「一级指标 | 二级指标 |
    三级指标 | | | | 」, or 「… | 三级指标 | 绩效目标完成情况 | | 分值」 over 「| | | 年度指标值 |
    实际完成值 |」; None when it is no such pair."""
    texts = list(header.texts)
    if len(other.texts) != len(texts):
        return None
    filled = 0
    for k, (t, more) in enumerate(zip(texts, other.texts)):
        if not more.strip() or t.strip() and _column_role(t) is not None:
            continue
        role = _column_role(more)
        if role is None or role in ("name", "l1", "l2"):
            return None
        texts[k] = more
        filled += 1
    return texts if filled >= 2 else None


def numbers_columns(texts: list[str]) -> bool:
    """A row numbering the columns (列次 1 2 3 …): a word of tables.yaml § column_numbering,
    then nothing but numbers (both readers skip it)."""
    texts = [t for t in texts if t.strip()]
    if not texts or heading_key(texts[0]) not in vocab().column_numbering:    # (most rows)
        return False
    return all(squash(t).isdigit() for t in texts[1:])


def _parse_row(cells: list[Cell], header: Header) -> ParsedCells | None:
    if not header.dual and len(cells) == len(header.roles) and not header.scored \
            and {"actual", "score", "nature", "unit"} & set(header.roles):
        grid = _anchor_grid(cells, header)
        if grid is not None:
            return grid
    if header.scored:
        if header.noted and not header.dual and len(cells) == len(header.roles):
            # a note column (评分标准) between the values and the weight: a full row is read
            # by its columns
            grid = _anchor_grid(cells, header)
            if grid is not None and grid.weight is not None and grid.score is not None:
                return grid
        return _anchor_scored(cells, header)
    if all(lookup_label(c.text) is not None for c in cells if c.text):
        return None               # a row of labels only (a group with no indicator)
    if header.dual:
        return _anchor_dual(cells)
    return _anchor_plain(cells, header)


def _anchor_scored(cells: list[Cell], header: Header) -> ParsedCells | None:
    k = len(header.value_roles)
    texts = [c.text for c in cells]
    # a weight printed as a share (「20%」) only where the header's 权重 column stands
    share_at = len(texts) - header.weight_from_end
    # every column the header prints between the name and the weight, where the row prints
    # them all
    spanned = header.spanned
    for i in range(len(cells) - 2, k, -1):
        if not ((_is_number(texts[i]) or i == share_at and _is_weight(texts[i])) and _is_number(texts[i + 1])):
            continue
        if not header.dual and len(spanned) > k and i - len(spanned) - 1 >= 0 and _names(texts[i - len(spanned) - 1]):
            name_at = i - len(spanned) - 1
            values = {r: c for r, c in zip(spanned, cells[name_at + 1:i]) if r in header.value_roles}
        else:
            name_at = i - k - 1
            while name_at >= 0 and not texts[name_at]:
                name_at -= 1          # merged cells left the name further left
            if name_at < 0 or (name_at < i - k - 1 and lookup_label(texts[name_at]) is not None):
                continue
            values = dict(zip(header.value_roles, cells[i - k:i]))
        # the cells after the score, but a note's (评分标准 before 偏差原因)
        after = header.after_score
        reason = [c for n, c in enumerate(cells[i + 2:]) if c.text and (n >= len(after) or after[n] not in _NOTES)]
        return ParsedCells(labels=cells[:name_at], name=cells[name_at], values=values,
                       weight=_number(texts[i]), score=float(texts[i + 1]), reason=reason)
    return None


def _names(text: str) -> bool:
    """Whether a cell can hold an indicator's name: words, not a label or a number."""
    return bool(text.strip()) and lookup_label(text) is None and not _is_number(text)


_GRID_VALUES = ("nature", "target", "unit", "actual")


def _anchor_grid(cells: list[Cell], header: Header) -> ParsedCells | None:
    """A row of a grid as wide as its header (HTML, DOCX and XLSX tables keep every column,
    merged places empty): each cell is what its column's heading says.  For headers the
    anchored readers do not cover — values after the name without a 分值 column
    (年度指标值 · 实际完成值 · 得分)."""
    roles = header.roles
    name_at = roles.index("name")
    name = cells[name_at]
    if not _names(name.text):
        return None
    values: dict[str, Cell] = {}
    score = weight = None
    reason: list[Cell] = []
    for role, cell in zip(roles[name_at + 1:], cells[name_at + 1:]):
        text = cell.text.strip()
        if not text or role is None:
            continue
        if role == "nature" and role in values:     # 指标性质 and 指标方向 both printed: 正向 · =
            values[role] = Cell(values[role].text + text, values[role].start, cell.end)
        elif role in _GRID_VALUES and role not in values:
            values[role] = cell
        elif role in ("score", "weight"):
            if not _is_number(text):
                return None         # the row is not aligned with its header
            if role == "score":
                score = float(text)
            else:
                weight = float(text)
        elif role == "reason":
            reason.append(cell)
    return ParsedCells(labels=[c for c in cells[:name_at] if c.text], name=name, values=values,
                   weight=weight, score=score, reason=reason)


def _anchor_plain(cells: list[Cell], header: Header) -> ParsedCells | None:
    roles = header.roles
    packed = _strip_trailing(cells)
    gapped = any(not c.text for c in packed)      # left-packed rows were shifted: read from the right
    if header.noted and len(cells) == len(roles) and "target" in roles and \
            (len(packed) > roles.index("target") or gapped):
        name_at, target_at = roles.index("name"), roles.index("target")
        name, target = cells[name_at], cells[target_at]
        labels = cells[:name_at]
        if not target.text and name.text and any(c.text for c in labels):
            target = name          # the PDF pushed the row one column left
            name = [c for c in labels if c.text][-1]
            labels = labels[:labels.index(name)]
        if not name.text:
            return None
        return ParsedCells(labels=labels, name=name, values={"target": target})
    nonempty = [c for c in _strip_trailing(cells) if c.text]
    if header.described and len(nonempty) >= 3 and is_value(nonempty[-2].text, vocab()):
        # 「数量指标 | 375万平方米 | 完成全市375万平方米的绿地养护」: the target, then what is
        # measured; where the name column holds a label, the description is the name
        *labels, name, target, described = nonempty
        if (label := lookup_label(name.text)) is not None and label.level != 1:
            return ParsedCells(labels=[*labels, name], name=described, values={"target": target})
        return ParsedCells(labels=labels, name=name, values={"target": target})
    if header.noted and len(nonempty) >= 3 and len(nonempty[-1].text) >= 20:
        nonempty = nonempty[:-1]           # the explanation column
    if len(nonempty) < 2:
        if len(nonempty) == 1 and lookup_label(nonempty[0].text) is None and _is_name(nonempty[0].text):
            return ParsedCells(labels=[], name=nonempty[0], values={})
        return None
    name, target = nonempty[-2], nonempty[-1]
    return ParsedCells(labels=nonempty[:-2], name=name, values={"target": target})


def _anchor_dual(cells: list[Cell]) -> ParsedCells | None:
    nonempty = [c for c in _strip_trailing(cells) if c.text]
    trailing = 0                  # the annual half's label after the row's value, alone
    while len(nonempty) - trailing > 2 and lookup_label(nonempty[-1 - trailing].text) is not None \
            and lookup_label(nonempty[-2 - trailing].text) is None:
        trailing += 1
    if trailing:
        nonempty = nonempty[:-trailing]
    if len(nonempty) < 2:
        return None
    name, target = nonempty[-2], nonempty[-1]
    rest = nonempty[:-2]
    squashed = _SPACE.sub("", name.text)
    for j in range(len(rest) - 1, -1, -1):
        if _SPACE.sub("", rest[j].text) == squashed:
            midterm = rest[j + 1] if j + 1 < len(rest) and lookup_label(rest[j + 1].text) is None else None
            labels = rest[:j] + [c for c in rest[j + 2 if midterm else j + 1:] if lookup_label(c.text)]
            return ParsedCells(labels=labels, name=name, values={"target": target}, target_midterm=midterm)
    return ParsedCells(labels=rest, name=name, values={"target": target}, annual_label_only=bool(trailing))


def _apply_labels(cells: list[Cell], labels: FilledLabels, row_no: int) -> list[Cell]:
    """Update the filled-down labels from a row's label cells; return the cells that are
    not labels but indicator text."""
    found = [(c, lookup_label(c.text)) for c in cells if c.text]
    orphans = []
    # whether a label below the first level stands after each cell (read from the right)
    followed, later = [False] * len(found), False
    for n in range(len(found) - 1, -1, -1):
        followed[n] = later
        lab = found[n][1]
        later = later or lab is not None and lab.level != 1
    for n, (cell, label) in enumerate(found):
        if label is None and any(other is None for _, other in found[n + 1:]):
            label = party_label(cell.text)      # 「群众满意度指标」 before the indicator's name
        if label is None:
            if _is_name(cell.text):
                orphans.append(cell)
            continue
        labels.apply(label, row_no, followed[n] or bool(_WEIGHTED.search(cell.text)))
    return orphans


def build_indicator(name: Cell, parsed: ParsedCells, labels: FilledLabels, row_no: int, lex: dict,
                    lexicon: CompiledLexicon | None = None) -> Indicator:
    values = parsed.values
    target = _join_values(values, ("nature", "target", "unit")) if values else None
    actual = values["actual"].text if "actual" in values else None
    cells = [name, *values.values(), *(parsed.reason or [])]
    reason_text, r_start, r_end = _reason(parsed.reason or [], lex)
    printed = _SPACE.sub("", name.text) if "\n" in name.text else name.text
    for label, rest in _glued_labels(printed):
        labels.apply(label, row_no, False)      # 「质量指标机关事务正常运转率」: the row's label, run on
        printed = rest
    bare, key = clean_name(printed, lex)
    ind = Indicator(level1=labels.l1, level2=labels.l2, name=bare, key=key,
                    target=target, actual=actual, weight=parsed.weight, score=parsed.score,
                    reason=reason_text, reason_start=r_start, reason_end=r_end,
                    target_midterm=parsed.target_midterm.text if parsed.target_midterm else None,
                    start=min(c.start for c in cells), end=max(c.end for c in cells))
    result = classify_indicator(ind.name, target=target, printed=labels.l2 or None,
                                printed_on_row=labels.l2_row == row_no, lexicon=lexicon,
                                level1=labels.l1 or None)
    ind.category, ind.confidence, ind.evidence = result.category, result.confidence, result.evidence
    if result.overridden and labels.l2:
        ind.as_printed = labels.l2
        ind.level2 = labels.seen.get(result.category or "", result.level2 or labels.l2)
        ind.level1 = result.level1 or ind.level1
    elif not ind.level2 and result.level2:
        ind.level2 = result.level2
        ind.level1 = ind.level1 or (result.level1 or "")
    return ind


_LABEL_PREFIX = re.compile(r"^([^:：]{2,14})[:：]\s*(\S.*)$")


_GLUED_LABEL_MAX = 10      # (the longest label looked for at a name's start: 服务对象满意度指标)
_LABEL_COLON = ":： \t"      # (「数量指标：……」 is a label printed in the name: clean_name's)


def _glued_labels(text: str) -> list[tuple[Label, str]]:
    """The labels a name cell opens with where text run together lost the cells between
    them (「产出指标数量指标研究培育品种数量」): each a known label ending in 指标 and run on
    with no colon, with four or more characters of name after it, and the rest after each."""
    out: list[tuple[Label, str]] = []
    while True:
        found = next(((lab, text[k:]) for k in range(min(_GLUED_LABEL_MAX, len(text) - 4), 3, -1)
                      if text[k - 2:k] == "指标" and text[k] not in _LABEL_COLON
                      and (lab := lookup_label(text[:k])) is not None), None)
        if found is None or len(out) >= 2:
            return out
        out.append(found)
        text = found[1]


def clean_name(text: str, lex: dict | None = None) -> tuple[str, bool]:
    """(name, key) of a name cell as printed: without its number (1. / 指标1： / (1)), the
    其中： of a sub-row, a label printed before it (数量指标：…) and the ★ of a key indicator
    (tables.yaml § name_numbering_re)."""
    lex = lex or tables_lexicon()
    name = text.strip()
    key = False
    for _ in range(2):                  # 「★1.…」, 「1.★…」
        marked = lex["_key_mark"].match(name)
        if marked:
            key, name = True, name[marked.end():]
        name = lex["_name_numbering"].sub("", name)
        labelled = _LABEL_PREFIX.match(name)
        if labelled and lookup_label(labelled.group(1)) is not None:
            name = labelled.group(2)        # 「数量指标：建设示范村个数」: the row's label printed in the name
    name = name.strip()
    half = len(name) // 2
    if half >= 3 and len(name) % 2 == 0 and name[:half] == name[half:]:
        name = name[:half]          # 「培育品种数量培育品种数量」: the name and a column repeating it, run together
    return (name or text.strip()), key


def _join_values(values: dict[str, Cell], roles: tuple[str, ...]) -> str | None:
    """The target from its cells: 指标性质, 指标值 and 度量单位 (≥ · 120 · 座 → ≥120座;
    定性 · 优 → 定性优, as the seeds' answer keys write it)."""
    lex = tables_lexicon()
    values = {r: c for r, c in values.items()
              if not (r == "nature" and lex["_nature_not_target"].search(c.text)
                      or r == "unit" and lex["_unit_not"].search(c.text.strip()))}
    parts = [values[r].text for r in roles if r in values]
    if not parts:
        return None
    if "nature" in values and roles[0] == "nature":
        parts[0] = lex["_direction"].sub("", parts[0])     # 正向= · 8 → =8
        if len(parts) > 1 and parts[0] and parts[1].startswith(parts[0]):
            parts[0] = ""               # the value prints its comparator too: ≥ · ≥95 → ≥95
    if "unit" in values and roles[-1] == "unit" and len(parts) > 1 and parts[-1]:
        value = "".join(parts[:-1])
        if value.endswith(parts[-1]) or _UNIT_ALREADY.search(value):
            # the value prints its unit too (≥95% · % → ≥95%), a unit of its own or no figure
            # (28.8万元 · % → 28.8万元, 应保尽保 · % → 应保尽保)
            parts.pop()
    return "".join(parts)


# a value that needs no unit cell after it: a figure with a unit of its own (not only a
# magnitude: 100万 · 元 is 100万元), or words with no figure at all
_UNIT_ALREADY = re.compile(r"\d.*[^\d\s万亿千百十.:：/\-~～—]$|^\D+$")


def _reason(cells: list[Cell], lex: dict) -> tuple[str, int | None, int | None]:
    if not cells:
        return "", None, None
    text = " ".join(c.text for c in cells)
    if _SPACE.sub("", text).strip("。.") in lex["reason_empty"] or template_instruction(text):
        return "", None, None
    return text, cells[0].start, cells[-1].end


def template_instruction(text: str) -> bool:
    """Whether a cell still holds the template's instruction (「…需说明原因(100字以内)」):
    a cell left unfilled (tables.yaml § template_instruction_re)."""
    return bool(tables_lexicon()["_template_instruction"].search(text or ""))


# ---------------------------------------------------------------------------- budget, totals

def _read_budget(rows: list[Row], lex: dict) -> Budget | None:
    blex = lex["budget"]
    for idx, row in enumerate(rows):
        if len(row.nonempty) < 2:
            continue              # (two budget headings at least)
        roles = [_budget_role(t, blex) for t in row.texts]
        if sum(r in ("initial", "adjusted", "executed", "rate") for r in roles) < 2:
            continue
        unit = _unit(row.texts, blex)
        for data in rows[idx + 1: idx + 4]:
            first = _norm(data.nonempty[0].text) if data.nonempty else ""
            if first not in blex["total_rows"]:
                continue
            budget = Budget(unit=unit, start=data.start, end=data.end)
            # the header's first cell (项目资金（万元）) may stand over both the row's blank
            # first cell and its label: the roles then start one column further right
            label_at = data.cells.index(data.nonempty[0])
            first_role = next(k for k, r in enumerate(roles) if r)
            shift = max(0, label_at + 1 - first_role)
            for role, cell in zip([None] * shift + roles, data.cells):
                if role == "reason" and cell.text and not template_instruction(cell.text):
                    budget.reason, budget.reason_start, budget.reason_end = cell.text, cell.start, cell.end
                elif role and role != "reason" and role not in PASSED_OVER:
                    setattr(budget, role, _number(cell.text) if role in ("rate", "weight", "score")
                            else _amount(cell.text))
            return budget
    return _budget_amounts(rows, blex)


def _budget_amounts(rows: list[Row], blex: dict) -> Budget | None:
    for row in rows:
        cells = row.nonempty
        for n, cell in enumerate(cells):
            if _BRACKET.sub("", _norm(cell.text)) in blex["amount_fields"]["adjusted"]:
                for later in cells[n + 1:]:
                    value = _amount(later.text)
                    if value is not None:
                        unit = _unit([c.text for c in cells] + [c.text for r in rows[:3] for c in r.cells], blex)
                        return Budget(adjusted=value, unit=unit, start=row.start, end=row.end)
    return None


def _read_total(rows: list[Row], lex: dict) -> tuple[float | None, str]:
    total, grade = None, ""
    for row in rows:
        first = _norm(row.nonempty[0].text) if row.nonempty else ""
        if first in lex["total_score_rows"] and total is None:
            numbers = [_number(c.text) for c in row.nonempty[1:]]
            numbers = [n for n in numbers if n is not None]
            if numbers:
                total = numbers[-1]
        elif first in lex["grade_rows"] and len(row.nonempty) > 1 and len(row.nonempty[1].text) <= 4:
            grade = row.nonempty[1].text
    return total, grade


# ---------------------------------------------------------------------------- small helpers

@derived(maxsize=1)
def tables_lexicon() -> dict:
    lex = dict(builtin("tables.yaml"))
    lex["budget"] = dict(lex["budget"])
    lex["budget"]["_roles"] = {h: r["role"] for r in lex["budget"]["columns"] for h in r["match"]}
    # the least of what the name column's headings hold (指标名称, 三级 …): a row holding
    # none of them is no header
    lex["_name_anchor"] = _anchors([h for h, role in vocab().columns.items() if role == "name"])
    lex["_name_numbering"] = re.compile(lex["name_numbering_re"])
    lex["_template_instruction"] = re.compile(lex["template_instruction_re"])
    lex["_key_mark"] = re.compile(lex["key_mark_re"])
    lex["_compound_name_head"] = re.compile(lex["compound_name_head_re"])
    lex["_direction"] = re.compile(r"^\s*(?:" + lex["direction_re"] + r")\s*")
    lex["_nature_not_target"] = re.compile(lex["nature_not_target_re"])
    lex["_unit_not"] = re.compile(lex["unit_not_re"])
    lex["_table_end"] = tuple(lex["table_end"])     # (str.startswith takes them all at once)
    lex["_prose_score"] = re.compile(lex["prose_score_re"])      # totals stated in prose (stated.py)
    lex["_prose_rate"] = re.compile(lex["prose_rate_re"])
    return lex


def _anchors(words: list[str]) -> re.Pattern:
    """A regex for the words that hold no other of them (三级 stands for 三级指标 and
    三级指标名称): any of `words` holds one of these."""
    least = sorted({w for w in words if not any(o != w and o in w for o in words)})
    return re.compile("|".join(map(re.escape, least)) or "(?!)")


def _budget_role(text: str, blex: dict) -> str | None:
    return blex["_roles"].get(_heading_key(text or ""))


def _unit(texts: list[str], blex: dict) -> str:
    for text in texts:
        for match in _BRACKET.findall(text or ""):
            for word, unit in blex["units"].items():
                if word in match:
                    return unit
    return ""


def declared_unit(before: str) -> str:
    """The money unit the document last declared (「单位：万元」) before a form."""
    found = re.findall(tables_lexicon()["budget"]["declared_unit"], before)
    return found[-1] if found else ""


def _norm(text: str) -> str:
    return _NORM.sub("", text or "")


def _number(text: str) -> float | None:
    cleaned = (text or "").replace(",", "").strip().rstrip("%％")
    try:
        return float(cleaned)
    except ValueError:
        return None


_MONEY_UNIT = re.compile(r"\s*(?:万元|元|万)$")


def _amount(text: str) -> float | None:
    """A budget cell's amount, printed bare or with its money unit (「189.8万」, 「52万元」)."""
    return _number(_MONEY_UNIT.sub("", text or ""))


def _is_number(text: str) -> bool:
    return bool(_NUM.match((text or "").strip()))


def _is_weight(text: str) -> bool:
    """A 分值/权重 cell: a number, or a share of the total (「20%」)."""
    t = (text or "").strip()
    return bool(_NUM.match(t[:-1] if t.endswith(("%", "％")) else t))


def _is_name(text: str) -> bool:
    """Indicator text rather than stray numbers or punctuation."""
    return bool(re.search(r"[\u4e00-\u9fff]{2}", text or ""))


def _strip_trailing(cells: list[Cell]) -> list[Cell]:
    end = len(cells)
    while end and not cells[end - 1].text:
        end -= 1
    return cells[:end]


def _parents_allowed(category: str | None) -> tuple[str | None, ...]:
    return label_book().alternate_parents.get(category or "", ()) + ((parent_of(category),) if category else ())
