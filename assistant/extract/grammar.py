"""Indicator rows from atoms, by the column schema the table's header prints.

A row of an indicator table is `[一级] [二级] 名称 v1 v2 … vn`, where v1…vn are the value
columns in the header's order (指标值, 完成值, 分值, 得分, 原因 …).  Labels are printed once
for a group (merged cells), so they are optional; a value cell may be empty, and in a
flattened layout an empty cell leaves no trace.

`read_rows` finds the cheapest reading of a sequence of atoms as such rows — dynamic
programming over (atom, column), every choice priced:

* what a piece of text is as each kind of cell: a value (≥95%, 2370人, 合格, 2021年12月),
  a score (a number up to 100), a name (words, not a label, not a value), a label
  (lexicons/labels.yaml, also with OCR damage or its characters reordered);
* where the cells are cut: free at a TAB or line break, dear inside a run of digits
  (stream.py);
* what rows usually look like: a score is no larger than its weight, a target met is
  printed again as the actual value (「15万元15万元」), a column left empty costs a little.

Template placeholders (指标2：, ……) and stray numbers between rows are skipped at a price.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from typing import Any

from assistant.extract.formvocab import FormVocab, vocab
from assistant.extract.labels import Label, damaged_label, label_words, lookup_label, normalise, party_label
from assistant.extract.stream import _PERCENT, CELL, COMPARATORS, UNIT_RATIO, GLUE_BRACKET, GLUE_CLASS, GLUE_DIGIT, GLUE_VOCAB, LINE, SPACE, Atom
from assistant.lexicon import derived

INF = math.inf

ROW_COST = 0.4           # each row read: fewer, fuller rows are better
JUNK_COST = 2.0          # an atom read as no cell at all
JUNK_NUMBER_COST = 1.0   # a stray number (a row number, a group's weight)
JUNK_PLACEHOLDER = 0.1   # 指标2：, ……
JUNK_ROW_NUMBER = 0.3    # a 序号 / 行次 column before the name
JUNK_NAMED = 8.0         # a numbered name (指标4.…): it opens a row, even one whose cells are empty
OPEN_CLAUSE = 1.5        # a cell cut right after a comma, the text running on
SHORT_NAME = 1.0         # a name of two characters (「滞后」 is a predicate's rest)
SHORT_TEXT = 1.5         # a reason or problem cell of fewer than four characters
TEXT_CELL = 0.5          # a reason, problem or measure cell
ANY_CELL = 1.2            # a note, or a column the vocabulary does not know
# what an indicator means or how it is scored (指标解释, 扣分标准 …): templates fill these
# columns on every row, so a cell there is as likely as the name opening another row
EXPLAIN_CELL = 0.5
LABEL_FUZZY_COST = 0.6
LABEL_WEIGHTED = 0.3     # a label with its group's weight glued on
EQUAL_BONUS = 0.8        # target and actual printed alike
SCORE_OVER_WEIGHT = 3.0  # a score above its weight
FULL_MARKS = 0.9         # a score equal to its weight: the commonest pair of a self-evaluation
SCORE_UNDER_WEIGHT = 0.2  # a score below its weight
GLUED_PAIR = 0.5         # a weight and a score no larger, one run of digits: a cut there is likely
DELIMITED_SPACE = 2.5    # joining across a space costs this many times more there
DELIMITED_EVIDENCE = 0.2
GLUED_VALUES = 2         # values run together this often: the table's cells are not parted
GLUED_LABELS = 3         # … or a line's second-level label and its row's name this often
GLUED_LABEL_REACH = 12   # atoms of such a line searched for the row's number
GLUED_WRAP = 0.5         # where cells run together, a space between two 汉字 is a cell's line wrapped
LINE_JOIN = 1.5          # a cell going on in the next line (see line_join)
BARRED_WRAP = 0.3
ONE_PER_LINE = 3.0
DELIMITED_CUT = 1.5      # the least a cut inside a run of text costs there
DELIMITED_GLUE = 4.0     # cutting glued text costs this many times more where cells are parted
EMBEDDED_LABEL = 3.0     # a cell holding a label inside it: two cells read as one
EMBEDDED_OTHER = 1.5
EMBEDDED_IN_TEXT = 1.5   # a framework label inside a reason or a note
STRUCT_JOIN = 0.45       # words and numbers run together inside a name or a text cell
SKIP = {"value": 1.6, "number": 1.5, "text": 0.0, "any": 0.0, "explain": 0.3, "desc": 0.0, "nature": 0.0, "unit": 0.0, "label": 0.0,
        "ratio": 0.0}
SKIP_AT_END = 0.5
# a form always states the target; the actual value is the cell left empty more often; under
# a 指标描述 heading every row says what it measures
SKIP_ROLE = {"target": 0.05, "describe": 0.5}
JOIN_CAP = 3.2           # a cell whose joins cost more is never the cheapest reading
ROW_EMPTY = 1.5          # a row with a name and no value at all
NAME_SENTENCE = 1.0      # a name ending in 。 or cut into clauses reads as a sentence (a value)
MID_NUMBER = 1.5
DESCRIPTION_NAME = 2.0   # a name or a value opening with 反映 / 该指标: the indicator's description
FIELD_KEY = 2.0          # a name ending in a colon
LABEL_NAME = 0.0         # a second second-level label read as the name of the row its values follow
LABEL_DESCRIBED = 0.5    # a second-level label in the name column of a table that describes each row
# a framework's label word as a row's own name where every level prints its weight: a label
# is followed by its one weight, a row by its weight and score (「财务管理 3 3」 after
# 「资金管理 10 资金使用 7 7」), which the reading then prices
LABEL_ROW = 1.0
KEY_MARKS = "★☆"         # marks of a key indicator, printed before its name
_KEY_MARK = re.compile(f"[{KEY_MARKS}]")
MAX_ATOMS = {"name": 24, "value": 20, "number": 3, "share": 3, "text": 40, "any": 30, "explain": 30, "desc": 30, "nature": 3, "unit": 3,
             "label": 6, "ratio": 1}

KIND_OF_ROLE = {"target": "value", "actual": "value", "target_mid": "value", "weight": "number",
                "score": "number", "reason": "text", "problem": "text", "measure": "text",
                "problem_measure": "text", "note": "any", "explain": "explain", "past": "value", "describe": "any", "nature": "nature", "unit": "unit",
                "l2": "label", "name_mid": "any", None: "any"}

_COMPARISONS = "不低于|不少于|不高于|不超过|不大于|不小于|大于|小于|低于|高于|超过"
_VALUE = re.compile(
    rf"^(?:[{COMPARATORS}]{{1,2}}|" + _COMPARISONS + r"|达到|约|≈|±"
    r"|(?:较上年|比上年|超上年)?(?:增加|增长|增收|增|减少|减|提高|提升|下降|降低|超))?"
    r"[-+]?\d+(?:\.\d+)?(?:[-~～至]\d+(?:\.\d+)?)?"
    r"(?:%|％|‰|[\u4e00-\u9fffA-Za-z/／㎡²³·]{1,8})?(?:[（(][^）)]{1,8}[）)])?(?:以上|以下|以内|及以上|左右)?$")
# a target of several parts (「3000人次以上，上门随访800人次以上」): a value whose comparison is
# closed (以上, 以下, 以内), then each further part's few words and value
_PART_VALUE = _VALUE.pattern[1:-1]
_COMPOUND_VALUE = re.compile(rf"^(?:{_PART_VALUE})(?<=以上|以下|以内)(?:[，,、；;][\u4e00-\u9fff]{{1,12}}?(?:{_PART_VALUE}))+$")
# a date, perhaps with a few words after it (2023年8月底前完成, 2023年9月开学前)
_DATE = re.compile(r"^(?:每年|每月|每季度?|每周|当月|次月|当年|年内|年底前?)?(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月(?:\d{1,2}日)?|\d{1,2}日)"
                   r"(?:[前后内底末]|以前|之前|以内|开学前|年底|中旬|上旬|下旬)*"
                   r"(?:已?完成|完工|竣工|办结|到位|发放|开工|实施|启动|交付|上线|验收)?$")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_OPEN_COMPARISON = re.compile(f"(?:{_COMPARISONS})$")
_UNIT_WORDS = re.compile(r"(?<=\d)[\u4e00-\u9fff]+")
LONE_UNIT = 3.0
LONG_UNIT = 0.3          # each character of a value's unit past the third
# 「2适当性」: a number and then words ending as a name ends (…性, …率) — a score and the next
# row's name, not a quantity and its unit
_NAME_AFTER_NUMBER = re.compile(r"\d[\u4e00-\u9fff]{2,}[性率]$")
NAME_AFTER_NUMBER = 2.0
_LEADING_NUMBER = re.compile(r"^\d{1,3}(?:\.\d+)?")
_OCR_DIGITS = str.maketrans({"I": "1", "l": "1", "|": "1", "O": "0", "o": "0"})
# (and a comparator printed in words, a column of its own: 「大于等于 | 1 | 次」, the words a
# value may open with too)
_NATURE_WORDS = "定性|定量|正向|反向|区间|大于等于|小于等于|等于|不多于|" + _COMPARISONS
_NATURE = re.compile(rf"^(?:[{COMPARATORS}]{{1,2}}|{_NATURE_WORDS})$")
_NATURE_WORD = re.compile(rf"^(?:{_NATURE_WORDS})$")
_UNIT = re.compile(r"^[%％‰]?[\u4e00-\u9fffA-Za-z/／㎡²³()（）]{0,8}$")
_IN_NAME_VALUE = re.compile(r"[≥≤＞＜≧≦═]|[<>=]\s*\d|\d\s*[%％]")   # a value inside a name
_WEIGHT_AFTER = re.compile(r"\d{1,3}(?:\.\d+)?\s*分?$")
_GLUED_NUMBER = re.compile(r"[\u4e00-\u9fff]\d+(?:\.\d+)?(?=[\u4e00-\u9fff:：%])")   # 管理2可行性
# a small number glued between words, not a count (3个, 2人次): a weight or score run into the text
_INNER_NUMBER = re.compile(r"[\u4e00-\u9fff]\d{1,3}(?:\.\d)?(?=[\u4e00-\u9fff])"
                           r"(?![个人次项件台套所家户名元万亿吨米年月日天份批场期类条座处间])")
INNER_NUMBER = 1.0
_CLAUSE_MARKS = frozenset("，,、")
_CLAUSE = re.compile(r"[，,]")
_CLAUSE_PARTS = re.compile(r"[，,、；;]")
_ROW_NUMBER = re.compile(r"^[1-9]\d{0,2}$")
_WEIGHT_PIECE = re.compile(r"^分[)）]$")
_CUT_SHORT = re.compile(r"(?:\.{3,}|…+)$")
_BARE_UNIT = re.compile(f"^{UNIT_RATIO}$")
_BARE_UNIT_END = re.compile(f"(?<![（(]){UNIT_RATIO}$")
# a number and its unit per unit (180元/人、天, 5.5万元/公里): a value, never the start of a name
_RATIO_VALUE_START = re.compile(rf"^\d+(?:\.\d+)?\s*{UNIT_RATIO}")
# the end of a value's comparison (「3000人次以上」) opens no name: what follows it in the same
# run is more of that value (「……以上，上门随访800人次以上」, a target of several parts)
_QUALIFIER_START = re.compile(r"^(?:及|或)?以[上下内](?![\u4e00-\u9fff]{2,}(?:指标|情况|标准))"
                              r"|^[\u4e00-\u9fff]{1,3}?(?:及|或)?以[上下内][，,、；;]"
                              r"|\d[^\d，,；;]{0,4}?(?:及|或)?以[上下内][，,、；;]")
_LEADING_ZERO = re.compile(r"^[^\d]*0\d")                  # 「0100%」: digits of two cells
_HAN = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_HAN_EDGE = re.compile(r"[\u4e00-\u9fff]")
_SPACES = re.compile(r"\s+")
_BARS = re.compile(r"\s*[|｜]\s*")


@dataclass
class Slot:
    role: str
    kind: str


@dataclass
class Cellish:
    """A cell read from atoms: its text and where it stands."""

    text: str
    start: int
    end: int


@dataclass
class ParsedRow:
    labels: list[tuple[Label, Cellish]]      # labels printed before the name (in this row)
    name: Cellish
    values: dict[str, Cellish] = field(default_factory=dict)
    first_atom: int = 0


@dataclass
class Reading:
    rows: list[ParsedRow]
    cost: float
    trailing_labels: list[tuple[Label, Cellish]] = field(default_factory=list)


def line_join(atoms: list[Atom], source: str) -> float:
    """What joining two lines into one cell costs in this table:
    * where cells end in a bar (`… |`), a line without one goes on in the next line: cheap;
    * where each line holds one piece of text (one cell, or one glued row), a line is a cell
      or a row: dear;
    * where lines hold several cells (text laid out with spaces), a cell may wrap: between."""
    breaks = [k for k, a in enumerate(atoms) if k and a.gap >= LINE and "\n" in source[atoms[k - 1].end:a.start]]
    if not breaks:
        return LINE_JOIN
    barred = sum(1 for k in breaks if "|" in source[atoms[k - 1].end:a_start(atoms, k)] or
                 "｜" in source[atoms[k - 1].end:a_start(atoms, k)])
    if barred * 10 >= len(breaks) * 3:
        return BARRED_WRAP
    bounds = [0] + breaks + [len(atoms)]
    single = sum(1 for a, b in zip(bounds, bounds[1:]) if all(x.gap < SPACE for x in atoms[a + 1:b]))
    return ONE_PER_LINE if single * 10 >= (len(bounds) - 1) * 7 else LINE_JOIN


def a_start(atoms: list[Atom], k: int) -> int:
    return atoms[k].start


def delimited(atoms: list[Atom], glued: bool | None = None) -> bool:
    """Whether the cells of a table are parted by separators: many short pieces of text
    between bars, line breaks or spaces, rather than a few long glued runs."""
    lengths, run = [], 0
    for a in atoms:
        if a.gap >= SPACE and run:
            lengths.append(run)
            run = 0
        run += a.end - a.start
    if run:
        lengths.append(run)
    if len(lengths) < 12 or (glued_values(atoms) if glued is None else glued):
        return False
    lengths.sort()
    return lengths[len(lengths) // 2] <= 16


def glued_values(atoms: list[Atom]) -> bool:
    """Whether values run together (「100%100%」), or a second-level label opening a line runs
    on into its row's name (「数量指标建设…公里2020」), which happens only where a table's
    cells are not parted, however many spaces or blank lines part its rows (「成 品粮」)."""
    glued = labels = 0
    for k, (a, b) in enumerate(zip(atoms, atoms[1:])):
        glued += b.gap < SPACE and a.text.endswith("%") and b.text[:1].isdigit()
        if b.gap == GLUE_VOCAB and a.gap >= LINE and a.text.endswith("指标") and _HAN_EDGE.match(b.text[:1]):
            label = lookup_label(a.text)
            # (the line holds a number too: a name opening with a label's words, 「绩效目标明确性」,
            # is no label run on into its row)
            if label is not None and label.level == 2:
                rest = atoms[k + 2:k + 2 + GLUED_LABEL_REACH]
                piece = rest[:next((n for n, x in enumerate(rest) if x.gap >= SPACE), len(rest))]
                labels += any(x.text[:1].isdigit() for x in piece)
    return glued >= GLUED_VALUES or labels >= GLUED_LABELS


EMPTY_FILL = 0.0         # an empty cell printed as a bar, read as the column it stands in
# … as a weight or a score: a scoring table prints those on every row, and the cell left
# empty at a row's end is its reason or note (「3 | 8.5 | 8.5 | |」: no actual value, full marks)
EMPTY_NUMBER = 1.0
EMPTY_JOIN = 100.0       # never part of another cell
MAX_EMPTIES = 8          # a row of bars (「||||||」) says no more than that many


def _with_empty_cells(atoms: list[Atom]) -> tuple[list[Atom], list[bool]]:
    """The atoms with an empty atom for each empty cell the bars print before one
    (「= | 100 | % | | 60 |」: the actual value left empty, 60 the weight), and which of
    them are such empty cells."""
    if not any(a.empties for a in atoms):
        return atoms, [False] * len(atoms)
    out: list[Atom] = []
    empty: list[bool] = []
    for a in atoms:
        for _ in range(min(a.empties, MAX_EMPTIES)):
            out.append(Atom("", a.start, a.start, CELL, 0.0, EMPTY_JOIN))
            empty.append(True)
        out.append(a)
        empty.append(False)
    return out, empty


def _coalesce(atoms: list[Atom]) -> list[Atom]:
    """Where separators part the cells, a change of script inside a piece of text (2370人,
    (10分)保障) never ends a cell: such atoms are read as one, which also makes the
    reading several times faster."""
    out: list[Atom] = []
    for a in atoms:
        if out and a.gap in (GLUE_DIGIT, GLUE_CLASS, GLUE_BRACKET):
            last = out[-1]
            out[-1] = Atom(last.text + a.text, last.start, a.end, last.gap, last.split, last.merge,
                           empties=last.empties)
        else:
            out.append(a)
    return out


def slots_for(roles: tuple[str | None, ...]) -> list[Slot]:
    """The slots after the name for the value roles a header prints, in its order; a
    description of the indicator may stand right after its name even where the header
    names no such column (a sentence, never a value), and so may a unit of measure per unit
    (元/册) where it names no 度量单位 column."""
    slots = [Slot(r or "any", KIND_OF_ROLE.get(r, "any")) for r in roles]
    described = bool(slots) and slots[0].kind == "any"
    if "unit" not in roles:
        slots.insert(0, Slot("unit_left", "ratio"))   # 「…印制成本元/册≤3元」: a unit before the target
    if not described:
        slots.insert(0, Slot("note", "desc"))
    return slots


def read_rows(atoms: list[Atom], source: str, roles: tuple[str | None, ...], vocab: FormVocab,
              cells: Cells | None = None) -> Reading:
    """The cheapest reading of `atoms` as indicator rows with the given value roles; `cells`
    (`Cells(atoms, source, vocab)`) carries what the atoms alone say from one reading of a
    table to the next, under other column orders."""
    return _Parser(cells or Cells(atoms, source, vocab), slots_for(roles)).run()


class Cells:
    """What a table's atoms say whatever its columns are: the price of every cell each run
    of atoms could be, as each kind of cell. Computed once per table, as the readings under
    the header's columns and the published column orders ask for them."""

    def __init__(self, atoms: list[Atom], source: str, vocab: FormVocab):
        run_together = glued_values(atoms)
        parted = delimited(atoms, run_together)
        if parted:
            atoms = _coalesce(atoms)
        wrap = line_join(atoms, source)
        atoms, self.empty = _with_empty_cells(atoms)
        self.atoms, self.source, self.vocab = atoms, source, vocab
        self.n = len(atoms)
        glue = DELIMITED_GLUE if parted else 1.0
        wrapped = run_together          # then parted is False
        # what a cell's words say about cells run together counts for less where the
        # separators already say where cells end
        self.evidence = DELIMITED_EVIDENCE if parted else 1.0
        # prefix sums of join costs: joining atoms i..j-1 costs merge[j-1] - merge[i]
        self.merge = [0.0]
        self.struct = [0.0]         # the same for words, which do not usually hold numbers
        # empty cells printed as bars (stream.Atom.empties), also as a prefix count
        self.empties = [0]
        for is_empty in self.empty:
            self.empties.append(self.empties[-1] + is_empty)
        for k, a in enumerate(atoms):
            # where cells are parted, joining two across a space is as unlikely as cutting glued text
            merge = a.merge * (DELIMITED_SPACE if glue > 1 and a.gap == SPACE and a.merge >= 1.0 else 1.0)
            if a.gap == LINE and a.merge >= 1.0:
                merge = wrap
            elif wrap == BARRED_WRAP and a.gap == SPACE and a.merge >= 1.0:
                merge = BARRED_WRAP     # 「| 基础信息 完整性 |」: where bars part the cells, a space is inside one
            elif wrapped and a.gap == SPACE and a.merge >= 1.0 and k and _HAN_EDGE.match(atoms[k - 1].text[-1:]) \
                    and _HAN_EDGE.match(a.text[:1]):
                merge = GLUED_WRAP      # 「储备到位率100%质量 指标县级储备粮管理制 度严格…」: a wrapped cell
            self.merge.append(self.merge[-1] + (merge if k else 0.0))
            glued = k and a.gap in (GLUE_CLASS, GLUE_DIGIT)
            self.struct.append(self.struct[-1] + (STRUCT_JOIN * self.evidence if glued else 0.0))
        # in a layout whose cells are all parted (by bars, lines, spaces), a cell is rarely
        # cut where its text merely changes script
        # — except beside a framework label: PDF text glues a merged label cell to the
        # row's first cell (「项目管理(7分)资金管理资金分配」) however the rest is parted
        self.split = [max(a.split * glue, DELIMITED_CUT) if parted and a.gap < SPACE
                      and not _label_edge(atoms, k) else a.split
                      for k, a in enumerate(atoms)]
        # the atoms' texts without white space or bars, end to end: a span's text is a slice
        # (atoms may stand out of source order: stream.unwrap)
        pieces = [_SPACES.sub("", _BARS.sub("", a.text[a.page:])) for a in atoms]
        self.flat = "".join(pieces)
        self.offset = [0]
        for piece in pieces:
            self.offset.append(self.offset[-1] + len(piece))
        self._costs: dict[tuple[str, int, int], float] = {}
        self._spans: dict[tuple[str, int], list[tuple[int, float]]] = {}

    # ------------------------------------------------------------------ text and costs

    def text(self, i: int, j: int) -> str:
        return self.flat[self.offset[i]:self.offset[j]]

    def spans(self, kind: str, i: int) -> list[tuple[int, float]]:
        """(end, cost) of every cell of a kind that can start at atom i, cheapest ends only
        within the atoms a cell may hold and the joins it may afford."""
        key = (kind, i)
        found = self._spans.get(key)
        if found is None:
            found = []
            merge, base = self.merge, self.merge[i + 1] if i + 1 <= self.n else 0.0
            for j in range(i + 1, min(self.n, i + MAX_ATOMS[kind]) + 1):
                if merge[j] - base > JOIN_CAP:
                    break           # joins only add up: nothing longer can be cheap
                c = self.cost(kind, i, j)
                if c < INF:
                    found.append((j, c))
            self._spans[key] = found
        return found

    def join(self, i: int, j: int, words: bool = False) -> float:
        if j <= i + 1:
            return 0.0
        cost = self.merge[j] - self.merge[i + 1]
        return cost + (self.struct[j] - self.struct[i + 1] if words else 0.0)

    def cost(self, kind: str, i: int, j: int) -> float:
        key = (kind, i, j)
        c = self._costs.get(key)
        if c is None:
            if self.empties[j] > self.empties[i]:
                # an empty cell fills one column of any kind but a name or a label, alone
                c = INF if j > i + 1 or kind in ("name", "label") else EMPTY_NUMBER if kind == "number" else EMPTY_FILL
                self._costs[key] = c
                return c
            t = self.text(i, j)
            if not t:                    # white space the separators do not know (U+2028 …)
                self._costs[key] = INF
                return INF
            words = kind in _WORDS or kind == "value" and not (is_value(t, self.vocab) or _COMPOUND_VALUE.match(t))
            if t[-1] in _CLAUSE_MARKS and j < self.n and self.atoms[j].gap < SPACE:
                t_cost = OPEN_CLAUSE     # 「…较晚，」: a cell does not stop after a comma in running text
            else:
                t_cost = 0.0
            c = _text_cost(kind, t, self.evidence) + self.join(i, j, words) + (self.split[i] if i else 0.0) + t_cost
            if i and self.atoms[i].gap == GLUE_DIGIT and t[0] == "0" and t[1:2] != ".":
                c += MID_NUMBER         # 「10一」 cut as 1 | 0一: no cell starts with a zero
            self._costs[key] = c
        return c


class _Parser(Cells):
    """One reading of a table's cells under one column order (the DP and its trace)."""

    def __init__(self, cells: Cells, slots: list[Slot]):
        self.__dict__.update(cells.__dict__)     # the same cost caches, shared
        self.slots = slots
        self.keep_tables = False            # keep the DP's tables (for inspecting a reading)
        self.lead = next((k for k, s in enumerate(slots) if s.role not in _LEADING), len(slots))
        # a 指标描述 column: the label printed where the name goes may stand for the name
        self.described = any(s.role == "describe" for s in slots)
        # a score column: a row is told from a label by the numbers after it (a label word as a
        # row's own name, LABEL_ROW: 「财务管理（3分） | 3」 under a scoring sheet's 自评分)
        self.scored = any(s.role == "score" for s in slots)

    # ------------------------------------------------------------------ the table

    def run(self) -> Reading:
        """Viterbi over (atom, column, whether the row has a value yet)."""
        n, slots = self.n, self.slots
        S = len(slots) + 1          # column k: about to fill slot k-1 (after the name); S: row done
        bnd = [INF] * (n + 1)       # at a row boundary
        st = [[[INF] * (S + 1) for _ in range(2)] for _ in range(n + 1)]
        back_b: list[tuple | None] = [None] * (n + 1)
        after_l2 = [INF] * (n + 1)  # at a boundary right after a second-level label
        back_l2: list[int | None] = [None] * (n + 1)
        back_s: list[list[list[tuple | None]]] = \
            [[[None] * (S + 1) for _ in range(2)] for _ in range(n + 1)]
        bnd[0] = 0.0
        for i in range(n + 1):
            for f in (0, 1):        # increasing k, so skips chain within i
                row, back = st[i][f], back_s[i][f]
                for k in range(1, S):
                    c0 = row[k]
                    if c0 == INF:
                        continue
                    slot = slots[k - 1]
                    skip = c0 + SKIP[slot.kind] + SKIP_ROLE.get(slot.role, 0.0)
                    if skip < row[k + 1]:
                        row[k + 1] = skip
                        back[k + 1] = ("skip", i, f, k)
                    g = 1 if f or slot.kind in _VALUE_KINDS else 0
                    prev = back[k]
                    paired = k >= 2 and prev is not None and prev[0] == "fill"
                    for j, c in self.spans(slot.kind, i):
                        c += c0 + (self._pair(k, i, j, back[k]) if paired else 0.0)
                        if c < st[j][g][k + 1]:
                            st[j][g][k + 1] = c
                            back_s[j][g][k + 1] = ("fill", i, f, k)
                    if k + 1 < S and slot.kind == "value" and slots[k].kind == "value":
                        self._equal_pair(i, f, k, c0, back[k] if paired else None, st, back_s)
                    elif k + 1 < S and slot.role == "weight" and slots[k].role == "score":
                        self._weight_and_score(i, f, k, c0, st, back_s)
            if i == n:              # a passage may stop mid-row: the row read so far counts
                for f in (0, 1):
                    for k in range(2, S):
                        if f == 0 and k <= self.lead + 1 and len(self._name_before(back_s[i][0], i, k)) < 4:
                            continue        # a name cut short (「总建」) is no row
                        if st[i][f][k] + SKIP_AT_END < st[i][1][S]:
                            st[i][1][S], back_s[i][1][S] = st[i][f][k] + SKIP_AT_END, ("skip", i, f, k)
            for f, extra in ((1, 0.0), (0, ROW_EMPTY)):
                if st[i][f][S] + extra < bnd[i]:
                    bnd[i] = st[i][f][S] + extra
                    back_b[i] = ("row", f)
            c0 = bnd[i]
            if c0 == INF or i == n:
                continue
            for j in range(i + 1, min(n, i + 4) + 1):
                if j > i + 1 and self.atoms[j - 1].gap >= SPACE:
                    break
                junk = c0 + (0.0 if self.empty[i] else
                             _junk_cost(self.text(i, j), self.vocab, self.atoms[i].gap >= SPACE))
                if junk < bnd[j]:
                    bnd[j], back_b[j] = junk, ("junk", i)
            for j, c in self.spans("label", i):
                if c0 + c < bnd[j]:
                    bnd[j], back_b[j] = c0 + c, ("label", i)
                if after_l2[i] + c + LABEL_NAME + ROW_COST < st[j][0][1]:
                    # a row prints one second level: a second one is the row's name, worded
                    # like a label (「资金管理 资金分配 3 3」, 「服务对象满意度 10 10」)
                    st[j][0][1] = after_l2[i] + c + LABEL_NAME + ROW_COST
                    back_s[j][0][1] = ("label_name", i, 0, 0)
                if self.scored and c0 + c + LABEL_ROW + ROW_COST < st[j][0][1]:
                    st[j][0][1] = c0 + c + LABEL_ROW + ROW_COST
                    back_s[j][0][1] = ("name", i, 0, 0)
                if self._level(i, j) == 2 and c0 + c < after_l2[j]:
                    after_l2[j], back_l2[j] = c0 + c, i
                    if self.described and c0 + c + LABEL_DESCRIBED + ROW_COST < st[j][0][1]:
                        # 「数量指标 | 375万平方米 | 完成全市375万平方米的绿地养护」: the label in the
                        # name column, what is measured in the description (see forms._described)
                        st[j][0][1] = c0 + c + LABEL_DESCRIBED + ROW_COST
                        back_s[j][0][1] = ("label_named", i, 0, 0)
            for j, c in self.spans("name", i):
                if c0 + c + ROW_COST < st[j][0][1]:
                    st[j][0][1] = c0 + c + ROW_COST
                    back_s[j][0][1] = ("name", i, 0, 0)
        if self.keep_tables:
            self.tables = (bnd, st, back_b, back_s)
        self.back_l2 = back_l2
        return self._trace(bnd, back_b, back_s, S)

    def _weight_and_score(self, i: int, f: int, k: int, c0: float, st: list, back_s: list) -> None:
        """A weight and its score filled in one step from column k, priced as a pair (a score
        above its weight, full marks, the two run together): as for `_equal_pair`, a column
        state does not remember the cell before it, and where a row reaches the score column
        as cheaply without a weight (「工程质量合格 10 10」 under 年度指标值 · 实际完成值 · 分值 ·
        得分, read as target 10 with no weight), the pair would go unpriced."""
        for m, c1 in self.spans("number", i):
            for j, c2 in self.spans("number", m):
                self._reach_by_pair(st, back_s, c0 + c1 + c2 + self._weight_score(i, m, j), i, f, k, m, j)
        for m, c1 in self.spans("share", i):
            # 「115.25%20%20」 under 权重 · 得分: a weight printed as a share, its score run on
            # after it (full marks) — read so only where the two are glued, the score a whole
            # number and equal to the share (a 得分系数 column prints 100% before a weight in points)
            if m >= self.n or self.atoms[m].gap >= SPACE:
                continue
            for j, c2 in self.spans("number", m):
                if j < self.n and self.atoms[j].gap == GLUE_DIGIT:
                    continue            # the score no part of a longer run of digits
                score = as_number(self.text(m, j))
                if score is not None and score == as_weight(self.text(i, m)):
                    self._reach_by_pair(st, back_s, c0 + c1 + c2 + self._weight_score(i, m, j), i, f, k, m, j)

    def _equal_pair(self, i: int, f: int, k: int, c0: float, prev: tuple | None, st: list, back_s: list) -> None:
        """Two value cells alike (「合格合格」, 「15万元15万元」) filled in one step from column k.

        The bonus for a target printed again as the actual value depends on the cell before,
        which a column state does not remember: where two readings reach the end of the
        target at the same price (「服装 | 质量等合格」 against 「服装质量等 | 合格」), the state
        may keep the one whose target differs, and the pair is never priced. This step
        prices every target followed by its double directly."""
        for m, c1 in self.spans("value", i):
            length = self.offset[m] - self.offset[i]
            if not length:
                continue                # an empty cell: nothing printed twice
            j = bisect.bisect_left(self.offset, self.offset[m] + length, lo=m + 1)
            if j > self.n or self.offset[j] != self.offset[m] + length or self.text(m, j) != self.text(i, m):
                continue
            c2 = next((c for end, c in self.spans("value", m) if end == j), None)
            if c2 is None:
                continue
            total = c0 + c1 + c2 - EQUAL_BONUS + (self._pair(k, i, m, prev) if prev is not None else 0.0)
            self._reach_by_pair(st, back_s, total, i, f, k, m, j)

    @staticmethod
    def _reach_by_pair(st: list, back_s: list, total: float, i: int, f: int, k: int, m: int, j: int) -> None:
        """Columns k and k+1 filled in one step by the cells i..m-1 and m..j-1, if cheapest."""
        if total < st[j][1][k + 2]:
            st[j][1][k + 2] = total
            back_s[j][1][k + 2] = ("pair", i, f, k, m)

    def _level(self, i: int, j: int) -> int | None:
        label = _read_label(self.text(i, j))
        return label.level if label is not None else None

    def _name_before(self, back: list, i: int, k: int) -> str:
        """The name of a row whose slots before k were all skipped (else "")."""
        step = back[k]
        while step is not None and step[0] == "skip":
            step = back[step[3]]
        return self.text(step[1], i) if step is not None and step[0] == "name" else ""

    def _pair(self, k: int, i: int, j: int, prev: tuple | None) -> float:
        """Pairwise evidence when slot k-1 follows the filled slot k-2 (`prev`, the step into
        the current state): equal target and actual; a score above its weight."""
        if k < 2 or prev is None or prev[0] != "fill":
            return 0.0
        pi = prev[1]
        a, b = self.slots[k - 2], self.slots[k - 1]
        if a.kind == "value" and b.kind == "value":
            return -EQUAL_BONUS if self.text(pi, i) == self.text(i, j) and not self.empty[i] else 0.0
        if a.role == "weight" and b.role == "score":
            return self._weight_score(pi, i, j)
        return 0.0

    def _weight_score(self, pi: int, i: int, j: int) -> float:
        """What a weight (atoms pi..i-1) and its score (i..j-1) say of each other."""
        w, s = as_weight(self.text(pi, i)), as_number(self.text(i, j))
        if w is None or s is None:
            return 0.0
        if s > w + 1e-9:
            return SCORE_OVER_WEIGHT
        if self.atoms[i].gap == GLUE_DIGIT:
            return -GLUED_PAIR          # 「…43个别人未及时完成」: OCR runs a row's weight and score together
        if s == w:
            return -FULL_MARKS          # 「工程质量合格 10 10」: full marks, the row's usual ending
        return -SCORE_UNDER_WEIGHT      # 「按规定时限 4 3」: a weight and a lower score, not an actual value and a score

    def _trace(self, bnd, back_b, back_s, S) -> Reading:
        rows: list[ParsedRow] = []
        pending: list[tuple[Label, Cellish]] = []
        events: list[tuple] = []
        i = self.n
        state: tuple[Any, ...] = ("b",)
        while True:
            if state[0] == "b":
                step = back_b[i] if i else None
                if step is None:
                    break
                if step[0] == "row":
                    state = ("s", step[1], S)
                    continue
                events.append((step[0], step[1], i))
                i = step[1]
            else:
                _, f, k = state
                step = back_s[i][f][k]
                if step is None:
                    break
                kind, prev_i, prev_f, prev_k = step[:4]
                if kind == "name":
                    events.append(("name", prev_i, i))
                    i, state = prev_i, ("b",)
                elif kind == "label_named":
                    events.append(("name", prev_i, i))
                    i, state = prev_i, ("b",)
                elif kind == "label_name":
                    events.append(("name", prev_i, i))
                    events.append(("label", self.back_l2[prev_i], prev_i))
                    i, state = self.back_l2[prev_i], ("b",)
                elif kind == "fill":
                    events.append(("slot", prev_i, i, self.slots[prev_k - 1].role))
                    i, state = prev_i, ("s", prev_f, prev_k)
                elif kind == "pair":
                    mid = step[4]
                    events.append(("slot", mid, i, self.slots[prev_k].role))
                    events.append(("slot", prev_i, mid, self.slots[prev_k - 1].role))
                    i, state = prev_i, ("s", prev_f, prev_k)
                else:
                    state = ("s", prev_f, prev_k)
        events.reverse()
        current: ParsedRow | None = None
        for ev in events:
            kind, i, j = ev[0], ev[1], ev[2]
            cell = self.cellish(i, j)
            if kind == "label":
                label = _read_label(self.text(i, j))
                if label is not None:
                    pending.append((label, cell))
                current = None
            elif kind == "name":
                current = ParsedRow(labels=pending, name=cell, first_atom=i)
                pending = []
                rows.append(current)
            elif kind == "slot" and current is not None and cell.text:     # an empty cell: no value
                current.values[ev[3]] = cell
            elif kind == "junk":
                current = None
        return Reading(rows=rows, cost=bnd[self.n], trailing_labels=pending)

    def cellish(self, i: int, j: int) -> Cellish:
        """Atoms i..j-1 as one cell: joined as printed, a single space kept where one stood."""
        first = self.atoms[i]
        parts = [first.text[first.page:]]
        for a in self.atoms[i + 1:j]:
            spaced = a.gap == SPACE and self.source[a.start - 1:a.start].isspace()
            parts.append((" " if spaced else "") + a.text[a.page:])
        span = self.atoms[i:j]
        return Cellish(text="".join(parts), start=min(a.start + a.page for a in span), end=max(a.end for a in span))


# ---------------------------------------------------------------------------- cell kinds

def as_number(text: str) -> float | None:
    t = text.rstrip("分")
    if not _NUMBER.match(t):
        t = t.translate(_OCR_DIGITS)
        if not _NUMBER.match(t):
            return None
    try:
        return float(t)
    except ValueError:
        return None


def as_weight(text: str) -> float | None:
    """A weight's number, also where it is printed as a share (20% → 20)."""
    t = text.strip()
    return as_number(t[:-1] if t.endswith(("%", "％")) else t)


def compound_value(t: str) -> bool:
    """Whether `t` is a target of several parts (「3000人次以上，上门随访800人次以上」)."""
    return bool(_COMPOUND_VALUE.match(t))


def is_value(t: str, vocab: FormVocab) -> bool:
    return bool(_VALUE.match(t)) or t in vocab.qualitative or bool(_DATE.match(t) and any(c.isdigit() for c in t))


@derived(maxsize=1)
def _label_finder() -> re.Pattern:
    words = sorted(label_words(), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def _embedded(t: str, other: float = 0.0) -> float:
    """The price of labels standing inside a cell's text (「管理指标30预算编审管理完整…」):
    a label of the 「…指标」 kind is never part of a cell; another (可持续影响 in
    「项目建成后可持续影响年限」) may be."""
    if len(t) < 6:
        return 0.0
    cost = 0.0
    for m in _label_finder().finditer(t):
        if m.end() - m.start() < len(t):
            cost += EMBEDDED_LABEL if m.group().endswith("指标") else (other or EMBEDDED_OTHER)
    return cost


def _vocab_word(t: str, vocab: FormVocab) -> bool:
    # (a cell weighing its points, 「立项依据（5分）」, is a scoring sheet's indicator, never a
    # form's field of that name)
    return _is_vocab_word(t) and not _POINTS_NOTE.search(t)


_POINTS_NOTE = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]$")


@derived(maxsize=50_000)
def _is_vocab_word(t: str) -> bool:
    """A heading or a field name: never the content of a cell."""
    v = vocab()
    return v.column_role(t, fuzzy=False) is not None or v.field_kind(t) is not None or t.startswith(v.table_end)


def _cost_name(t: str, vocab: FormVocab, g: float) -> float:
    if len(t) < 2 or len(_HAN.findall(t)) < 2 or _vocab_word(t, vocab) or _numbered(t, vocab, name=True):
        return INF
    if t[0] in COMPARATORS + "%％,，、。；;:：)）" or _CUT_SHORT.search(t) or _RATIO_VALUE_START.match(t) \
            or _QUALIFIER_START.search(t):
        return INF                      # 「中央专款分配合规........」: a site cut the text short
    if vocab.placeholder.match(t) or vocab.not_name.match(t):
        return INF
    cost = 0.2 + g * (0.03 * max(0, len(t) - 30) + _embedded(t) + 2.0 * len(_IN_NAME_VALUE.findall(t))
                      + INNER_NUMBER * 1.5 * len(_INNER_NUMBER.findall(t)))
    if len(t) <= 2 or len(normalise(t)) <= 2:
        cost += SHORT_NAME              # 「指标(选填)」: the end of a label and its mark
    cost += NAME_SENTENCE * (t[-1] in "。；;" ) + 0.5 * NAME_SENTENCE * min(2, len(_CLAUSE.findall(t)))
    if t[-1] in ":：":
        cost += FIELD_KEY               # 「编辑:」: the key of a field, not an indicator
    if _BARE_UNIT_END.search(t):
        cost += 1.0                     # 「宣传册印制成本元/册」: the unit of the target after it
    if t[-1].isdigit() or vocab.value_end.search(t):
        cost += 1.0                     # a name does not end in a number or 「小于」: a value was glued on
    if vocab.description_opener.match(t):
        cost += DESCRIPTION_NAME        # 「反映驿站上门服务情况」: an indicator's description, not its name
    if damaged_label(t) is not None:
        cost += 2.0 + 3.0 * g           # a label in the name column: only where nothing else fits
    if is_value(t, vocab):
        cost += 2.5
    return cost


def _cost_value(t: str, vocab: FormVocab, g: float) -> float:
    if not t or _vocab_word(t, vocab) or vocab.placeholder.match(t) and len(t) > 1 or _numbered(t, vocab):
        return INF
    if t[-1] in "于过" and _OPEN_COMPARISON.search(t):
        return INF                      # 「6小时内扑灭率不低于 | 95%」: a comparison opens the next value
    if vocab.not_name.match(t) or _NATURE_WORD.match(t):
        return INF                      # 「定量」, 「正向指标」, 「计划标准」: what a column beside the target says
    if t in vocab.qualitative:
        return 0.1
    if len(t) == 1 and t in _PERCENT or t in vocab.units:
        return LONE_UNIT                # 「= | 100 | % |」: the unit of the target, never a value of its own
    lead = _LEADING_NUMBER.match(t)
    if lead and lead.end() < len(t) and lookup_label(t[lead.end():]) is not None:
        return 0.9 + NAME_AFTER_NUMBER  # 「44部门预算管理」: a weight and score, then the next row's label
    if _VALUE.match(t) and not _NAME_AFTER_NUMBER.search(t):
        if _LEADING_ZERO.match(t):
            return 1.0
        words = _UNIT_WORDS.search(t)
        # a quantity's unit is short (人, 万元, 平方米): a long one is more likely words run on
        return 0.1 + (LONG_UNIT * (len(words.group()) - 3) if words and len(words.group()) > 3 else 0.0)
    if _COMPOUND_VALUE.match(t):        # (never a _VALUE: its parts are parted by commas)
        return 0.1 + 0.1 * len(_CLAUSE_PARTS.findall(t))
    if t == "一" or len(t) == 1 and vocab.placeholder.match(t):
        return 0.1                      # 「—」 (OCR: 「一」): a value the form says does not apply
    if _DATE.match(t) and any(c.isdigit() for c in t):
        return 0.2
    if damaged_label(t) is not None:
        return 5.0
    if vocab.description_opener.match(t):
        return 0.9 + DESCRIPTION_NAME   # 「反映全年…个数」: the description before a target, not the target
    return 0.9 + g * (0.04 * max(0, len(t) - 12) + _embedded(t) + len(_IN_NAME_VALUE.findall(t))
                      + INNER_NUMBER * len(_INNER_NUMBER.findall(t))
                      + NAME_AFTER_NUMBER * bool(_NAME_AFTER_NUMBER.search(t)))


def _cost_number(t: str, vocab: FormVocab, g: float) -> float:
    if _NUMBER.match(t):
        v = float(t)
        if v > 100:
            return INF
        return 0.8 if len(t) > 1 and t[0] == "0" and t[1] != "." else 0.0
    if t.endswith("分") and _NUMBER.match(t[:-1]) and float(t[:-1]) <= 100:
        return 0.2
    if len(t) <= 3:
        fixed = t.translate(_OCR_DIGITS)
        if _NUMBER.match(fixed) and float(fixed) <= 100:
            return 0.5
    return INF


PERCENT_WEIGHT = 0.3     # a weight printed as a share (权重 20%): a bare number is likelier


def _cost_share(t: str, vocab: FormVocab, g: float) -> float:
    """A 权重 cell printed as a share of the total (「20%」, as 区域绩效自评表 may print it)."""
    if t.endswith(("%", "％")) and _NUMBER.match(t[:-1]) and float(t[:-1]) <= 100:
        return PERCENT_WEIGHT
    return INF


def _cost_text(t: str, vocab: FormVocab, g: float) -> float:
    if not t or _vocab_word(t, vocab) or _NUMBER.match(t) or _numbered(t, vocab) or _numbered_placeholder(t, vocab):
        return INF
    if t in ("无", "无。", "已完成", "完成"):
        return 0.0
    if _read_label(t) is not None:
        return 5.0                      # 「项目产出30」: the next group's label, never a reason
    cost = TEXT_CELL + 0.005 * len(t) + g * (_embedded(t, EMBEDDED_IN_TEXT) + len(_IN_NAME_VALUE.findall(t))
                                             + len(_GLUED_NUMBER.findall(t)))
    if len(_HAN.findall(t)) < 4:
        cost += SHORT_TEXT              # 「总建」, 「指标L」: a piece of a name, not a reason
    return cost


def _numbered_placeholder(t: str, vocab: FormVocab) -> bool:
    """「目标2」, 「指标1：」: a template's row numbering, which stands before a row's name."""
    return bool(vocab.placeholder.match(t)) and any(c.isdigit() for c in t)


def _numbered(t: str, vocab: FormVocab, name: bool = False) -> bool:
    """Whether a cell holds a numbered name it cannot hold: a name's number (指标1：, 任务2：)
    inside it is the next row run into it (「…完成任务2:健康档案更新率」); at its start, the
    cell is a name with its number — never a value, a reason or a note."""
    if vocab.name_mark.search(t, 1) or _KEY_MARK.search(t, max(1, len(t) - len(t.lstrip(KEY_MARKS)))):
        return True                     # (「★★★」: one mark, printed thrice)
    if not name and len(t) > 1 and t[0] in KEY_MARKS:
        return True                     # 「★补助…面积」: a key indicator's name
    m = None if name else vocab.name_mark.match(t)
    return m is not None and m.end() < len(t)


def _cost_explain(t: str, vocab: FormVocab, g: float) -> float:
    """A cell saying what an indicator means or how it is scored: a phrase at least, else
    as dear as a note."""
    return _cost_any(t, vocab, g, EXPLAIN_CELL if len(_HAN.findall(t)) >= 4 else ANY_CELL)


def _cost_any(t: str, vocab: FormVocab, g: float, base: float = ANY_CELL) -> float:
    if not t or _vocab_word(t, vocab) or _numbered(t, vocab) or _numbered_placeholder(t, vocab):
        return INF                      # 「目标2」 opens the next row: never a note
    if damaged_label(t) is not None:
        return 5.0
    if _NUMBER.match(t):
        return 0.8
    return base + 0.005 * len(t) + g * (_embedded(t, EMBEDDED_IN_TEXT) + len(_IN_NAME_VALUE.findall(t))
                                       + INNER_NUMBER * len(_INNER_NUMBER.findall(t)))


def _cost_desc(t: str, vocab: FormVocab, g: float) -> float:
    if len(t) < 8 or is_value(t, vocab) or _vocab_word(t, vocab) or _numbered(t, vocab):
        return INF
    return 2.0 + 0.005 * len(t) + g * (_embedded(t, EMBEDDED_IN_TEXT) + len(_IN_NAME_VALUE.findall(t)))


def _cost_nature(t: str, vocab: FormVocab, g: float) -> float:
    return 0.0 if _NATURE.match(t) else INF


def _cost_unit(t: str, vocab: FormVocab, g: float) -> float:
    if len(t) == 1 and t in _PERCENT:
        return 0.0                      # a per cent sign in the 度量单位 column is no stray mark
    if not (t and len(t) <= 8 and _UNIT.match(t) and not _NUMBER.match(t)) or lookup_label(t) is not None:
        return INF                      # 「质量指标」 is the next row's label, never a unit
    return 0.3


def _cost_ratio(t: str, vocab: FormVocab, g: float) -> float:
    return 0.0 if _BARE_UNIT.match(t) else INF


def _cost_label(t: str, vocab: FormVocab, g: float) -> float:
    label = damaged_label(t)
    if label is not None:
        return 0.0 if lookup_label(t) is not None else LABEL_FUZZY_COST
    bare = _WEIGHT_AFTER.sub("", t)         # 「管理指标30」: a group's weight printed after it
    if bare != t and damaged_label(bare) is not None:
        return LABEL_WEIGHTED + (0.0 if lookup_label(bare) is not None else LABEL_FUZZY_COST)
    if party_label(t) is not None:
        return LABEL_FUZZY_COST             # 「群众满意度指标」: a label when a name follows it
    return INF


def _read_label(t: str) -> Label | None:
    """The label a label cell stands for, also with its group's weight glued on."""
    return damaged_label(t) or damaged_label(_WEIGHT_AFTER.sub("", t)) or party_label(t)


def _label_edge(atoms: list[Atom], k: int) -> bool:
    """Whether a glued boundary ends or starts a label of a chain of merged label cells
    (「(10 分)科学决策必要性」, 「(7分)资金管理资金分配」): a label after another label
    or after a weight's closing bracket.  A label word alone inside running text
    (「资金分配规范性」) is no such chain."""
    if atoms[k].gap != GLUE_VOCAB or k < 2:
        return False
    before, prev, cur = atoms[k - 2].text, atoms[k - 1].text, atoms[k].text
    closed = before.endswith((")", "）")) or atoms[k - 1].gap < SPACE and lookup_label(before) is not None
    return lookup_label(prev) is not None and (lookup_label(cur) is not None or closed) \
        or lookup_label(cur) is not None and prev.endswith((")", "）"))


def _junk_cost(t: str, vocab: FormVocab, parted: bool = False) -> float:
    """What reading `t` as no cell costs; `parted`: a separator stands before it."""
    if len(t) == 1 and t in _PERCENT:
        return JUNK_COST                # a per cent sign belongs to the number before it
    if parted and _WEIGHT_PIECE.match(t):
        return JUNK_ROW_NUMBER          # 「10 分)」: the rest of a label's weight broken over lines
    if vocab.placeholder.match(t) or not _HAN.search(t) and not any(c.isdigit() for c in t):
        return JUNK_PLACEHOLDER
    if _ROW_NUMBER.match(t):
        return JUNK_ROW_NUMBER
    if (m := vocab.name_mark.match(t)) and len(_HAN.findall(t, m.end())) >= 2 \
            and lookup_label(t[m.end():].strip()) is None and damaged_label(t[m.end():].strip()) is None:
        return JUNK_NAMED         # 「指标4.不合格产品处置率」 with its cells left empty: still a row
    if _NUMBER.match(t) or re.fullmatch(r"[（(]?\d+(?:\.\d+)?\s*分?[)）]?", t):
        return JUNK_NUMBER_COST
    return JUNK_COST + 0.1 * min(len(t), 20)


@derived(maxsize=200_000)
def _text_cost(kind: str, t: str, g: float) -> float:
    """What a piece of text costs as a cell of a kind (the same text recurs in every
    reading of a table, and in every table of a batch)."""
    return _COST[kind](t, vocab(), g)


_WORDS = frozenset({"name", "text", "any", "explain", "desc"})
_LEADING = frozenset({"note", "unit_left"})      # slots slots_for puts before the header's own
_VALUE_KINDS = frozenset({"value", "number", "nature", "unit"})
_COST = {"name": _cost_name, "value": _cost_value, "number": _cost_number, "share": _cost_share, "text": _cost_text,
         "any": _cost_any, "explain": _cost_explain, "desc": _cost_desc, "nature": _cost_nature, "unit": _cost_unit, "label": _cost_label,
         "ratio": _cost_ratio}
