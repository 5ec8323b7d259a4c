"""Forms in text of any layout: where each one is, what it is about, and its tables.

A form is found by what every template prints, whatever the layout:

* its **fields** — 项目名称, 主管部门, 实施单位 … — each followed by its value, which ends
  where the next field, a heading or a table begins (lexicons/forms.yaml `fields`);
* its **title** a little above (…项目支出绩效自评表, 绩效目标申报表 …), which says which form
  it is; a form whose name field is missing is named by its title;
* its **budget block** (年初预算数 / 全年预算数 / 全年执行数 / 执行率 … and the row of
  年度资金总额);
* its **indicator table**: the header's column headings give the schema, and the rows are
  read by that schema from atoms (stream.py, grammar.py), so a table reads the same whether
  its cells were parted by TABs, bars, line breaks, spaces or nothing at all.

`read_forms(text)` returns the Projects of a document; a report titled after one project
(…项目绩效自评报告（XX项目）) gives that project even when none of its forms is printed.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from itertools import accumulate, chain, combinations, islice, pairwise

from assistant.extract.classify_lexicon import CompiledLexicon
from assistant.extract.formvocab import FormVocab, heading_key, settle_roles, vocab
from assistant.extract.grammar import Cells, Cellish, ParsedRow, Reading, as_number, as_weight, compound_value, is_value, read_rows
from assistant.extract.labels import Label, label_words, lookup_label, normalise, printed_label
from assistant.extract.layout import Cell, squash
from assistant.extract.stream import (CELL, GLUE_DIGIT, GLUED_SECTION, LINE, LOOK_BEHIND, SPACE, Atom, atomize, iter_atoms, open_bracket, rejoin_split_labels,
                                      unwrap)
from assistant.extract.tables import (OTHER_RATE, PASSED_OVER, ROW_NUMBER, build_indicator, declared_unit, FilledLabels, ParsedCells,
                                      tables_lexicon, numbers_columns, template_instruction)
from assistant.model import Budget, Indicator, Project

_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?%?$")
_YEAR_PREFIX = re.compile(r"^.*?(?:19|20)\d{2}\s*年度?\s*")
_SENTENCE_MARKS = re.compile(r"[，,。？?！!]")
_LEADING_TAG = re.compile(r"^[（(【\[][^（）()【】\[\]]{1,8}[)）】\]](?=.{4})")
_TITLE_BRACKET = re.compile(r"[（(]([^（）()]{2,40})[）)]\s*$")
_VALUE_STOPS = "。；;，,"
_YEAR_SUFFIX = re.compile(r"(?:19|20)\d{2}\s*年度?\s*$")
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．]\s*")
_EDGE = " \t:：|｜*#“”\"'‘’《》【】[]"
_EDGE_OR_STOP = _EDGE + _VALUE_STOPS
_WEIGHT_IN_NAME = re.compile(r"[（(](\d+(?:\.\d+)?)分[)）]$")
_NOTE = re.compile(r"^[（(][^（）()]{0,12}[)）]$")
_TITLE_WORD = re.compile(r"[^\s|｜:：，,。；;]*")
# a numbered line ending a sentence: the report's next heading (「2.部门绩效评价结果。」)
_NUMBERED_SENTENCE = re.compile(r"\s*\d{1,2}\s*[.．、]\s*[\u4e00-\u9fff][^|｜]{2,}[。：:]\s*$")
_TITLE_GLUED = re.compile(r"(?:表|报告)")
_TITLE_END = re.compile(r"(?:表|报告|自评结果)(?:[（(][^（）()]*[)）])?$")
_SECTION_LINE = re.compile(r"^(?:#+|[一二三四五六七八九十]{1,3}[、．]|[（(][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]+[部章节])")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_LEVEL_ROLES = frozenset({"l1", "l2", "name"})
_ROW_AFTER = re.compile(r"[^|｜\t]*[|｜\t][^\n]*\d")      # a bar or TAB, then a figure, on the same line
_SENTENCE = re.compile(r"[，,。；;！？]")
_WORDLIKE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_CELL_PIECE = re.compile(r"(?<![^\s|｜:：])[^\s|｜:：]+(?![^\s|｜:：])")
TITLE_WINDOW = 240          # characters above a name field searched for the form's title
TITLE_LEAD = 24             # characters before a title's form word searched for its opening words
BOILERPLATE_ROWS = 3        # rows printing the same text with no value: a column's boilerplate
PAIRED_HEADER_SCAN = 12     # atoms before a header's end searched for a second name column
DECLARED_UNIT_WINDOW = 120  # characters above a form searched for its 「单位：万元」
DISPLACED_WINDOW = 600      # characters after a name field searched for its moved value
LEAD_MIN = 4                # the shortest heading of an indicator block (绩效指标)
LEAD_REST_MAX = 6           # the most characters of a cut label after it on a page's last row
MEMO_MAX = 2000             # stretches of text after name fields remembered at once
NAME_MAX = 80               # a field's value is at most this long
STATEMENT_ROLES = ("reason", "problem", "measure", "problem_measure")
HEADER_PRIOR = 3.0          # how much better a published column order must explain the rows
POOR_READING = 3.5          # cost per row above which the header's reading is doubted
HEADER_PRIOR_ROW = 1.2      # … and for each row the header reads
CONTINUED_MIN_ROWS = 3      # rows a page must open with to be read as a table continued from the page before
PROSE_MIN = 12               # characters of a line of prose after a table
BARRED_MIN = 6              # line breaks a table shows before its bars say where it ends
CONTINUED_WINDOW = 2000     # characters of a page searched for them
_CELL_END = re.compile(r"[\n\t]")
_SOURCE_PREFIX = re.compile(r"^其中[:：]?")
_PROSE_VALUE = ("为", "是", "详见", "见附")
_PROSE_COMPARED = ("基本", "完全", "一致", "相同", "相似", "雷同", "不符", "不一致", "重复")
_BRACKETED_WORDS = re.compile(r"^[（(][\u4e00-\u9fff]{2,30}[)）]$")
PROSE_CHARS = 300           # text with a full stop in fewer characters than this is narrative
HEADER_ROLES_MAX = 40       # headings of one header row; more are one header printed again and again
HEADER_GAP = 8              # characters between two headings of one header row ((A), (B/A×100%) …)
NEXT_TITLE_NAME_MIN = 4     # characters of a name before a heading's 项目绩效目标 that make it the next project's


@dataclass
class _Anchor:
    key_start: int
    key_end: int
    kind: str               # "project" or "unit"
    name_at: tuple[int, int] | None = None   # the name's cell where the layout moved it away


def read_forms(text: str, lexicon: CompiledLexicon | None = None) -> list[Project]:
    """Every form of `text`, read by the stream reader."""
    v = vocab()
    anchors = _anchors(text, v)
    projects: list[Project] = []
    bounds = [_form_start(text, a, v, prev.key_end if prev else 0)
              for prev, a in zip([None, *anchors[:-1]], anchors)]
    if anchors:
        projects.extend(continued_form(text, anchors[0].key_start, lexicon))
    for n, anchor in enumerate(anchors):
        start = bounds[n]
        end = bounds[n + 1] if n + 1 < len(anchors) else len(text)
        project = _read_form(text, start, end, anchor, v, lexicon)
        if project is not None:
            projects.append(project)
    if not projects:
        project = _titled_form(text, v, lexicon)
        if project is not None:
            projects.append(project)
    if not projects:
        projects = _headed_projects(text, v)
    if not projects:
        projects = _evaluated_money(text, v)
    if not projects:
        projects = _scored_projects(text, v)
    return [listed for project in projects for listed in _listed_projects(project, text)]


def _headed_projects(text: str, v: FormVocab) -> list[Project]:
    """The projects a report on several gives numbered headings of their own (forms.yaml §
    headed_project_re), one each, when their words name more than a kind of money."""
    out: list[Project] = []
    for m in v.headed_project.finditer(text):
        name = m.group("name")
        core = _own_words(name)
        # (a works may end with a unit's word: 「整治提灌站项目」 names no 站)
        if _names_more_than_money(core, v, units=True) and not v.headed_project_not.search(name) \
                and lookup_label(name) is None and all(p.name != name for p in out):
            out.append(Project(name=name, form="self_evaluation", start=m.start(), end=len(text),
                               name_start=m.start("name"), name_end=m.end("name")))
    for here, after in zip(out, out[1:]):
        here.end = after.start              # a project's part of the report runs to the next heading
    return out


def _evaluated_money(text: str, v: FormVocab) -> list[Project]:
    """The money news of an evaluation names, one project each (forms.yaml §
    evaluated_money_re): a document with no form, title or sentence naming its project."""
    head = text[:v.evaluated_money_chars]
    out: list[Project] = []
    for m in v.evaluated_money.finditer(head):
        name = m.group("name")
        core = _MONEY_TAIL.sub("", name)        # (what the money is for: 司法援助, 中医药)
        # (a kind of money is no name: 「2023年度财政资金绩效评价报告」)
        if _names_more_than_money(core, v, shortest=2) and all(p.name != name for p in out):
            out.append(Project(name=name, form="self_evaluation", start=0, end=len(text),
                               name_start=m.start("name"), name_end=m.end("name")))
    return out


def _scored_projects(text: str, v: FormVocab) -> list[Project]:
    """The projects a notice of evaluation results lists with their scores (forms.yaml §
    scored_item_re): runs of scored_list_min items or more parted only by ；、，, one
    project each; none whose name is part of a form or of a score's reckoning."""
    out: list[Project] = []
    run: list[re.Match] = []
    for m in [*v.scored_item.finditer(text), None]:
        if m is not None and run and _LIST_GAP.fullmatch(text, run[-1].end(), m.start("name")):
            run.append(m)
            continue
        if len(run) >= v.scored_list_min:
            for item in run:
                name = item.group("name")       # (no white space in it: scored_item_re)
                if not any(w in name for w in v.scored_list_not) and lookup_label(name) is None \
                        and all(p.name != name for p in out):
                    out.append(Project(name=name, form="self_evaluation", start=item.start(), end=item.end(),
                                       name_start=item.start("name"), name_end=item.end("name")))
        run = [m] if m is not None else []
    return out


def _own_words(name: str) -> str:
    """A project's name without its 项目/工程 and the kind of money it ends with (「……创建专项
    资金项目」 → 「……创建」): the words that name it."""
    return _MONEY_TAIL.sub("", _PROJECT_TAIL.sub("", name)).strip("“”\"'")


_LIST_GAP = re.compile(r"[ \t]{0,2}[；;、，,][ \t]{0,2}")
_PROJECT_TAIL = re.compile(r"(?:[（(][^（）()]*[)）])?(?:项目|工程)?$")
_MONEY_TAIL = re.compile(r"(?:专项|补助|补贴|转移支付|扶持)*(?:资金|基金|经费)$")


_AMOUNT = re.compile(r"^\d{1,3}(?:,\d{3})+\.\d{2}$|^\d+\.\d{2}$")
_LINE = re.compile(r"[^\n]+")
_ROW_SPACES = re.compile(r"[ \t|｜\u3000]+")
_ROW_CELL = re.compile(r"[^|｜\t\s](?:[^|｜\t\n]*[^|｜\t\s])?")        # a cell of a row, its spaces left out
_LABEL_WEIGHT_RANGE = re.compile(r"[（(][\d.\-–~～]+[)）]\s*分?$")     # 「产出指标(40-50)分」
NAME_BEFORE_WINDOW = 60     # characters before a name field searched for a name printed before it
_BEFORE_STOP = re.compile(r"[)）|｜\t:：。；;]")
UNIT_CELLS_MAX = 20         # 「部门」 cells tried as a unit's name field (a hostile page prints thousands)
_CELL_GAPS = re.compile(r"[|｜\t\s]+")
LISTING_LOOK_BEHIND = 40    # characters before a name field searched for 序号
LISTING_CELLS = 3           # … in this many cells before it
LISTING_LOOK_AHEAD = 60     # characters after it (its header row) searched for an indicator column's heading
_QUOTED_VALUE = re.compile(r"[ \t\u3000]*[“\"「『]")
_LISTING_HEADER = re.compile(r"项目名称[^\n]{0,80}?[一二三]级指标")


def _listed_projects(project: Project, text: str) -> list[Project]:
    """A table that lists several projects (四川's 部门预算项目绩效目标表: 单位名称 · 项目名称 ·
    预算数 · 年度目标 before the indicator columns, each project's cells merged down its
    rows) gives one project per 项目名称 cell. In rows printed one per line, the line that
    prints a name and then an amount (「村组干部报酬 | 3,309,840.00 | 按时发放… |」) opens a
    project; the cells up to its 年度目标 are no indicator, and the rows after them are the
    project's. A name with no indicator after it (a department's subtotal) is none."""
    rows = project.indicators
    if not rows:
        return [project]
    header = None
    for m in _LINE.finditer(text, project.start, rows[0].start):
        if _LISTING_HEADER.search(_ROW_SPACES.sub("", m.group())):
            header = m.end()
    if header is None:
        return [project]
    opened: list[tuple[int, int, Project]] = []       # line start, end of its project cells, project
    for line in _LINE.finditer(text, header, rows[-1].end):
        cells = list(_ROW_CELL.finditer(text, line.start(), line.end()))
        at = next((k for k, c in enumerate(cells) if _AMOUNT.match(c.group())), None)
        if at is None or at == 0 or len(_HAN_CHAR.findall(cells[at - 1].group())) < 2:
            continue
        name, amount = cells[at - 1], cells[at]
        last = at + 1 if at + 1 < len(cells) and lookup_label(cells[at + 1].group()) is None else at
        listed = Project(name=_SPACES.sub("", name.group()), form=project.form, start=line.start(), end=line.end(),
                         name_start=name.start(), name_end=name.end(),
                         department=project.department, unit=project.unit)
        listed.budget = Budget(adjusted=_as_float(amount.group().replace(",", "")), start=amount.start(),
                               end=amount.end())
        listed.statement_columns = project.statement_columns
        opened.append((line.start(), cells[last].end(), listed))
    if not opened:
        return [project]
    project.indicators = []
    for ind in rows:
        owner = None
        for base, cells_end, listed in opened:
            if base <= ind.start:
                owner = (cells_end, listed)
        if owner is None:
            project.indicators.append(ind)
        elif ind.start >= owner[0]:
            owner[1].indicators.append(ind)
            owner[1].end = max(owner[1].end, ind.end)
    out = [project] if project.indicators else []
    return out + [listed for _, _, listed in opened if listed.indicators]


# ---------------------------------------------------------------------------- where forms are

def _anchors(text: str, v: FormVocab) -> list[_Anchor]:
    """Name fields that open a form: a project's name; a unit's name only where no project
    name is printed (a 部门整体 form)."""
    found = []
    memo: dict[tuple[str, int, str], tuple[bool, tuple[int, int] | None]] = {}
    for m in v.field_terms.finditer(text):
        key = heading_key(m.group())
        if key not in v.name_fields:
            continue
        if text.endswith(v.name_field_not_after, 0, m.start()):
            continue                # 「审计项目名称：……绩效审计」 names the audit, no project
        if _QUOTED_VALUE.match(text, m.end()) or text.startswith(_PROSE_VALUE, m.end()) \
                or text.startswith(_PROSE_COMPARED, m.end()):
            continue                # 「…项目名称“某某成果”。」, 「…及项目名称详见附件1。」: a sentence, no field
                                    # (「绩效目标与项目名称基本一致」: what a target is compared with)
        if _listing_column(text, m.start(), m.end(), v):
            continue
        kind = "unit" if key in v.unit_name_fields else "project"
        valued, moved = _name_after(text, m.end(), kind, v, memo)
        if valued:
            found.append(_Anchor(m.start(), m.end(), kind))
        elif moved is not None:
            found.append(_Anchor(m.start(), m.end(), kind, moved))
        elif kind == "project" and (before := _name_before(text, m.start(), v)) is not None:
            found.append(_Anchor(m.start(), m.end(), kind, before))
    if not found:
        # 「部门 | 某某中心 |」: a 部门整体 form names its unit in a cell of its own
        for m in islice(v.unit_cell.finditer(text), UNIT_CELLS_MAX):
            if _name_after(text, m.end(1), "unit", v, memo)[0]:
                found.append(_Anchor(m.start(1), m.end(1), "unit"))
    if any(a.kind == "project" for a in found):
        found = [a for a in found if a.kind == "project"]
    return found


def _listing_column(text: str, start: int, end: int, v: FormVocab) -> bool:
    """Whether the name field at text[start:end] heads a column of a listing table
    (「序号 | 乡镇名称 | 项目名称 | 金额 | 备注」, a 资金安排表): a numbering column's heading
    stands a cell or two before it, and no indicator column's heading follows (四川's listing
    of projects with their indicators keeps its 项目名称 fields)."""
    before = [c for c in _CELL_GAPS.split(text[max(0, start - LISTING_LOOK_BEHIND):start]) if c]
    after = [c for c in _CELL_GAPS.split(text[end:end + LISTING_LOOK_AHEAD]) if c]
    # (or a result's column a few cells on: 「项目名称 ⏎ 债券性质 ⏎ … ⏎ 自评分数 ⏎ 自评等级」)
    if not any(heading_key(c) in v.other_table_openers for c in before[-LISTING_CELLS:]) \
            and not any(heading_key(c) in v.listing_columns for c in after[:LISTING_CELLS + 1]):
        return False
    return not v.names_indicator_column(_SPACES.sub("", text[end:end + LISTING_LOOK_AHEAD]))


def _name_after(text: str, pos: int, kind: str, v: FormVocab,
                memo: dict[tuple[str, int, str], tuple[bool, tuple[int, int] | None]]
                ) -> tuple[bool, tuple[int, int] | None]:
    """Whether a value follows the name field ending at `pos`, else (for a project's name)
    where its moved value stands. Both read only the text from LOOK_BEHIND characters
    before `pos` to a little past DISPLACED_WINDOW after it, so the answer is kept by that
    stretch of text: a broken export printing 「项目名称」 fifty thousand times is read once,
    not fifty thousand times (8 s of a 10 s budget)."""
    lo = max(0, pos - LOOK_BEHIND)
    key = (kind, pos - lo, text[lo:pos + DISPLACED_WINDOW + LOOK_BEHIND])
    hit = memo.get(key)
    if hit is None:
        if _has_value(text, pos, v):
            hit = (True, None)
        else:
            moved = _displaced_name(text, pos, v) if kind == "project" else None
            hit = (False, None if moved is None else (moved[0] - pos, moved[1] - pos))
        if len(memo) > MEMO_MAX:
            memo.clear()                    # distinct stretches: nothing to gain, memory to lose
        memo[key] = hit
    valued, moved = hit
    return valued, None if moved is None else (moved[0] + pos, moved[1] + pos)


def _displaced_name(text: str, pos: int, v: FormVocab) -> tuple[int, int] | None:
    """Where a PDF's text runs the cells of a form's head in another order, 项目名称 stands
    beside another field and its value further on: the first cell of its own (parted by
    spaces or lines) shaped as a project's name — words ending in 项目, 经费, 资金, 工程 —
    that is no field, heading or label."""
    end = min(len(text), pos + DISPLACED_WINDOW)
    for f in v.field_terms.finditer(text, pos, end):
        if heading_key(f.group()) in v.name_fields:
            end = f.start()             # the next form's name field: its name is no longer ours
            break
    for m in _CELL_PIECE.finditer(text, pos, end):
        piece = m.group()
        if len(piece) < 4 or not v.project_report_words.search(piece) or _SENTENCE.search(piece):
            continue
        key = heading_key(piece)
        if v.field_kind(key) is not None or v.column_role(key) is not None or v.budget_role(key) is not None \
                or v.title_generic.search(key) or lookup_label(key) is not None \
                or _budget_source(key, v):
            continue
        return m.start(), m.end()
    return None


def _budget_source(key: str, v: FormVocab) -> bool:
    """Whether a heading key is a row under a budget's total (其中：上年结转资金 …)."""
    return _SOURCE_PREFIX.sub("", key) in v.budget_sources


def _name_before(text: str, pos: int, v: FormVocab) -> tuple[int, int] | None:
    """Where a PDF's text prints a merged name cell before its field (「…自评表 (2022 年度)
    某某中心与运营方结 算费用 项目名称 主管部门 …」): the words between the form's title and
    the field, a line's wrap spaces inside them, when they are no field, heading or label."""
    lo = max(0, pos - NAME_BEFORE_WINDOW)
    line = text.rfind("\n", lo, pos)
    lo = line + 1 if line >= 0 else lo
    stops = [lo] + [m.end() for m in _BEFORE_STOP.finditer(text, lo, pos)]
    segment = text[stops[-1]:pos]
    piece = segment.strip()
    words = _SPACES.sub("", piece)
    if not 4 <= len(words) <= NAME_MAX or len(_HAN_CHAR.findall(words)) < 4 or _SENTENCE.search(words):
        return None
    if v.field_terms.search(piece) or v.column_role(words) is not None or lookup_label(words) is not None \
            or any(p.search(words) for p, _ in v.titles) or v.title_generic.search(words):
        return None
    at = stops[-1] + len(segment) - len(segment.lstrip())
    return at, at + len(piece)


def _has_value(text: str, pos: int, v: FormVocab) -> bool:
    value, _, _ = _field_value(text, pos, v)
    # 「…纳入管理的项目1个,项目名称为某某补贴,…」, 「…及项目名称详见附件1。该项资金…」:
    # a sentence naming a project (or pointing to where it is named), not a form; one
    # character glued to the field (「专项名称金 |」, a damaged heading) names nothing
    return len(value) >= 2 and not value.startswith(_PROSE_VALUE) and "。" not in value


def _form_start(text: str, anchor: _Anchor, v: FormVocab, floor: int) -> int:
    """Where a form begins: its title when one stands a little above the name field."""
    lo = max(floor, anchor.key_start - TITLE_WINDOW)
    best = anchor.key_start
    for pattern, _ in v.titles:
        for m in pattern.finditer(text, lo, anchor.key_start):
            line_start = text.rfind("\n", 0, m.start()) + 1
            # a title inside a run of text that began above the window (one flattened line of
            # several forms: 「…=99百分比省级…绩效目标表…项目名称」) starts at its opening words
            # (forms.yaml title_lead_re) or its form word: cutting at the window's edge would
            # cut the form before it mid-row
            if line_start < lo:
                lead = v.title_lead.search(text, max(lo, m.start() - TITLE_LEAD), m.start())
                line_start = lead.start() if lead is not None else m.start()
            best = min(best, line_start)
    return best


def _title_near(text: str, start: int, end: int, v: FormVocab) -> tuple[str, str]:
    """(title, form code) of the first title line in text[start:end]."""
    for line in re.finditer(r"[^\n]+", text[start:end]):
        body = line.group().strip()
        for pattern, form in v.titles:
            m = pattern.search(body)
            if m:
                word = _TITLE_WORD.match(body, m.end())
                assert word is not None         # the pattern matches the empty string too
                end = word.end()
                if not _TITLE_END.search(body[:end]):
                    # a flattened page runs the title into the form's first field
                    # (「…绩效自评表主管部门…」): the title ends where a field begins
                    glued = _TITLE_GLUED.search(body, m.end(), end)
                    if glued is None or not (
                            v.field_terms.match(body, glued.end())
                            or _ends_form_word(body[m.start():glued.end()], v)
                            and not v.title_verb.match(body, glued.end())):
                        continue            # 「部门整体支出绩效自评开展情况」: not a form's title
                    end = glued.end()
                head = body[:end]
                # a title in a flattened line: from the last separator before the form's name
                head = re.split(r"[|｜]|\s{2,}|:|：", head)[-1].strip()
                # 「附件:1.某某项目绩效目标自评表」: a list's numbering is no part of it
                head = _TITLE_NUMBER.sub("", head)
                if len(head) > 60 or _SENTENCE.search(head):
                    continue                # a sentence mentioning a form, not a title
                return head, form
    return "", ""


# ---------------------------------------------------------------------------- one form

def _read_form(text: str, start: int, end: int, anchor: _Anchor, v: FormVocab,
               lexicon: CompiledLexicon | None) -> Project | None:
    if anchor.name_at is not None:
        n_start, n_end = anchor.name_at
        name = text[n_start:n_end]
    else:
        name, n_start, n_end = _field_value(text, anchor.key_end, v)
    title, form = _title_near(text, start, anchor.key_start, v)
    name, code = _split_code(name, v)
    if not name or name[0] in _CHOICE_BOXES:
        return None                 # 「□自由探索类 口科技创新基地建设」: a template's choice, no name
    atoms = atomize(text, start, end, v)
    header = _header(atoms, v)
    project = Project(name=name, form=form, start=start, end=end, name_start=n_start, name_end=n_end)
    project.code = code
    project.department, project.unit = _org_fields(text, start, end, v)
    if anchor.kind == "unit" and not form:
        project.form = "department_overall"
    alias = _title_alias(title, name, v)
    if alias:
        project.aliases.append(alias)
    fund = _name_from_title(title, v) if anchor.kind == "unit" else ""
    if fund and _REPORTED_WORD.search(fund) and fund not in name and name not in fund:
        # 「……经费236.25万元部门整体支出绩效自评表」 over 单位名称: the form is of the money its
        # title names, filled in by the unit
        project.name, project.unit = fund, project.unit or name
    project.budget = _budget(atoms, text, v, header[0] if header else len(atoms))
    if header is not None:
        first, last, roles, project.statement_columns = header
        project.indicators = _indicators(atoms, last, roles, text, v, lexicon)
        if not project.form:
            project.form = _form_from_roles(roles, v)
        project.end = max(project.end, project.indicators[-1].end) if project.indicators else project.end
    else:
        after = next((k for k, a in enumerate(atoms) if a.start >= n_end), len(atoms))
        project.indicators = _headerless_rows(atoms[after:], text, v, lexicon)
    project.total_score = _total(atoms, text, v)
    if not project.form:
        project.form = v.default_form
    return project


def complete_identity(project: Project, text: str) -> Project:
    """A form read by the row reader given the fields the stream reader reads from its head:
    the budget code before its name, 主管部门 and 实施单位."""
    v = vocab()
    if not project.code:
        project.code = _split_code(project.name, v)[1]
    if not (project.department and project.unit):
        department, unit = _org_fields(text, project.start, project.end, v)
        project.department = project.department or department
        project.unit = project.unit or unit
    return project


def _titled_form(text: str, v: FormVocab, lexicon: CompiledLexicon | None) -> Project | None:
    """A document with no name field: a form named by its title when it has an indicator
    table or a budget block (a title naming no project — 部门整体支出绩效评价得分表 — gives
    a form with an empty name), or a report titled after one project.  A page that opens
    inside a table begun on the page before gives its rows to a form with an empty name."""
    head = text[:1500]
    title, form = _title_near(text, 0, len(head), v)
    reported = _report_line(head, v)
    headed = False
    whole: list[Atom] | None = None
    if not title:
        # untitled: only a table the page opens inside, or an indicator table whose header
        # stands at the page's top (a page cut from a report below its 项目名称), can make a
        # form, and they are looked for at the top — a sheet of 300,000 cells is not read
        # whole to learn so (a report naming its project in its lines still names it)
        cut = _CELL_END.search(text, 2 * CONTINUED_WINDOW)
        top = atomize(text, 0, cut.start() if cut is not None else len(text), v)
        headed = _header(top, v) is not None
        if cut is None:
            whole = top                 # the top is the whole text
        elif not headed and reported is None and not _continued_rows(top, len(top), text, v, lexicon):
            return None
    atoms = whole if whole is not None else atomize(text, 0, len(text), v)
    header = _header(atoms, v)
    budget = _budget(atoms, text, v, header[0] if header else len(atoms))
    continued = _continued_rows(atoms, header[0] if header else len(atoms), text, v, lexicon)
    if title and (header is not None or budget is not None) or continued or headed and header is not None:
        # (a report's title names its project before the year: 「…经费项目2017年度绩效自评报告」)
        name = _name_from_title(title, v) or (reported[1] if reported is not None else "")
        unit = _unit_from_title(title, v) if not name and form == "department_overall" else ""
        name = name or unit
        project = Project(name=name, form=form, start=0, end=len(text))
        project.budget = budget
        project.indicators = continued
        if header is not None:
            first, last, roles, project.statement_columns = header
            project.indicators += _indicators(atoms, last, roles, text, v, lexicon)
            project.form = project.form or _form_from_roles(roles, v)
        project.form = project.form or v.default_form
        project.total_score = _total(atoms, text, v)
        at = text.find(title)
        alias = _strip_form_words(title, v)
        project.aliases = [alias] if alias and name and alias != name and not unit else []
        project.unit = unit
        if at >= 0 and name:
            project.name_start, project.name_end = at, at + len(title)
        if name or project.indicators:
            return project
    if reported is not None:
        line, name = reported
        # a report evaluates the project; a notice of its targets (…绩效目标设定的公示) sets them
        form = "target_application" if "目标" in _report_kind(line.group(), v) else "self_evaluation"
        project = Project(name=name, form=form, start=0, end=len(text),
                          name_start=line.start(), name_end=line.end())
        project.total_score = _total(atoms, text, v)
        project.budget = budget
        return project
    return None


def _report_line(head: str, v: FormVocab) -> tuple[re.Match, str] | None:
    """The first line of a document's head that is a report's title naming one project, and
    that project; else the first sentence saying which project the report evaluates
    (forms.yaml § project_evaluated_re), or that says it had one project and names it (§
    project_declared_re), or, failing that, the first that refers back to it by name (§
    project_mentioned_re), and that project."""
    for line in re.finditer(r"[^\n]+", head):
        name = _report_title(line.group(), v)
        if name:
            return line, name
    said = v.project_evaluated.search(head)
    if said is not None:
        name = said.group("name")
        # (not a kind of money: 「对本年度专项资金进行了绩效评价」)
        if _names_more_than_money(_REPORTED_WORD.sub("", name), v):
            return said, name
    said = v.project_declared.search(head)
    if said is not None and _names_more_than_money(_own_words(said.group("name")), v):
        return said, said.group("name")
    said = v.project_mentioned.search(head)
    if said is not None:
        name = said.group("name")
        # (a fund's own words before its kind are its name: 「该……创建专项资金项目」; a year and
        # a kind of money are none)
        own = _own_words(name)
        if len(_HAN_CHAR.findall(own)) >= 4 and _names_more_than_money(own, v):
            return said, name
    return None


def _report_kind(line: str, v: FormVocab) -> str:
    """The words of a title line that make it a report's or a notice's title."""
    m = v.project_report_title.search(_SPACES.sub("", line))
    return m.group() if m else ""


def _report_title(line: str, v: FormVocab) -> str | None:
    """The project a report's title line names (「…项目绩效自评报告」), if it is one."""
    body = _SPACES.sub("", line)
    named = v.project_report_title.search(body)
    if named is None or named.end() > 80:
        return None
    # (a page that runs the title on into the report's first section: 「1、设备购置项目绩效
    # 自评报告一、项目概况……」 — the title is what stands before the match's end)
    return _project_of_report(body if len(body) <= 80 else body[:named.end()], v) or None


def continued_form(text: str, end: int, lexicon: CompiledLexicon | None = None) -> list[Project]:
    """The form whose table the page opens inside, above the first form that begins on it
    (at `end`): its name and header were on the page before, so it has rows only."""
    v = vocab()
    if end <= 0:
        return []
    # only the page's first CONTINUED_WINDOW characters are searched (_page_top_table): the
    # text up to the end of that line is all that needs reading, however far the form begins
    line_end = text.find("\n", CONTINUED_WINDOW)
    atoms = atomize(text, 0, min(end, line_end if line_end >= 0 else end), v)
    header = _header(atoms, v)
    if header is not None:      # the page repeats the table's header: its rows, however few
        rows = _indicators(atoms, header[1], header[2], text, v, lexicon)
    else:
        rows = _continued_rows(atoms, len(atoms), text, v, lexicon)
    if not rows:
        return []
    project = Project(name="", form=v.default_form, start=0, end=end)
    project.indicators = rows
    return [project]


def _project_of_report(title: str, v: FormVocab) -> str:
    """「…2022年度项目绩效自评报告（春节慰问经费项目）」 → 春节慰问经费项目."""
    m = _TITLE_BRACKET.search(title)
    if m and v.project_report_words.search(m.group(1)):
        return m.group(1).strip()
    named = v.project_report_title.search(title)
    assert named is not None                # called only for titles it matched
    # (a web page prints the title in a field of its own: 「标题: | 关于…的公示 |」, or quotes
    # it in a sentence: 「…为您整理的《…项目绩效自评报告》」)
    before = re.split(r"[|｜:：《]", title[:named.start()])[-1]
    core = _YEAR_PREFIX.sub("", before).strip(_EDGE)
    # (a tag in brackets before the name says what money it is: 「（直达资金）某某工程项目…」)
    core = _LEADING_TAG.sub("", re.sub(r"^关于", "", _TITLE_NUMBER.sub("", core)))
    if _SENTENCE_MARKS.search(core):
        return ""           # (a sentence before the words, 「……下面是小编收集整理的补助资金」: no name)
    word = named.group("word") or named.group("done")
    if word is None:
        # 「……基本状况调查2021年预算绩效自评」: the words before the year are the name
        return core if _names_more_than_money(core, v) else ""
    if word != "项目":
        # 「…民生工程绩效自评报告」: the fund's or the works' own word ends the name; what
        # stands before it must say more than a unit or a kind of money (「某局专项资金…」)
        # (「…九山河治理工程监理费专项资金…」: a name stands before the kind of money too)
        kind = next((k for k in _MONEY_KINDS_LONGEST_FIRST if core.endswith(k)), "")
        return core + word if _names_more_than_money(core[:len(core) - len(kind)], v) else ""
    if core and v.project_report_words.search(core + "项目") and len(core) >= 4:
        return core if core.endswith(("项目", "经费", "资金", "工程")) else core + "项目"
    return ""


def _name_from_title(title: str, v: FormVocab) -> str:
    """「****2024年度林业草原改革发展资金绩效评价表」 → 林业草原改革发展资金."""
    core = _strip_form_words(title, v)
    core = re.sub(r"^关于", "", _YEAR_PREFIX.sub("", core)).strip(_EDGE)
    core = re.sub(r"[（(][^）)]*[）)]$", "", core).strip(_EDGE)
    core = _TITLE_AMOUNT.sub("", core).strip(_EDGE)     # 「……经费236.25万元」: the sum is no part of the name
    if len(core) < 4 or v.title_generic.search(core):
        return ""
    if re.search(re.escape(core) + "项目(?!支出)", re.sub(r"\s+", "", title)) \
            and not v.project_report_words.search(core) and not v.unit_name_end.search(core):
        return core + "项目"    # 「服务贸易项目绩效自评表」: 项目 is the name's, 项目支出 the form's
    return core


def _names_more_than_money(own: str, v: FormVocab, shortest: int = 4, units: bool = False) -> bool:
    """Whether the words before a report's 项目/资金 (or a kind of money) name something of
    their own: `shortest` characters or more, no unit (某局; allowed with `units`, where the
    words are a works' own: 「整治提灌站」), no generic title word, no kind of money (专项,
    财政 …) at their end and no count (14个支出…)."""
    return len(own) >= shortest and (units or not v.unit_name_end.search(own)) \
        and not v.title_generic.search(own) and not own.endswith(_MONEY_KINDS) and not _COUNTED.match(own)


_TITLE_AMOUNT = re.compile(r"(?<=[\u4e00-\u9fff])\d[\d.,，]*\s*(?:(?:万|亿)元?|元)$")
_COUNTED = re.compile(r"[\d一二三四五六七八九十百两几多]+\s*(?:个|项|家|类|批|大类)")   # 「14个支出项目」: a count


def _ends_form_word(piece: str, v: FormVocab) -> bool:
    """Whether a piece of a title ends with a form's name (…绩效自评表)."""
    return any(m.end() == len(piece) for m in v.title_strip.finditer(piece))


def _unit_from_title(title: str, v: FormVocab) -> str:
    """「某县林业局2023年度部门整体绩效自评表」 → 某县林业局: a 部门整体 form is about the unit
    its title names before the year."""
    core = _strip_form_words(title, v)
    m = _YEAR_PREFIX.match(core)
    if m is None:
        return ""
    unit = _NUMBERING.sub("", _YEAR_SUFFIX.sub("", core[:m.end()])).strip(_EDGE)
    return unit if len(unit) >= 4 and v.unit_name_end.search(unit) else ""


def _strip_form_words(title: str, v: FormVocab) -> str:
    core = v.title_strip.sub("", re.sub(r"\s+", "", title)).strip(_EDGE)
    return re.sub(r"[（(][^）)]*[）)]$", "", core).strip(_EDGE)


def _title_alias(title: str, name: str, v: FormVocab) -> str:
    core = _strip_form_words(title, v)
    if core and len(core) >= 4 and core != name and not v.title_generic.search(core) \
            and (core in name or name in core):
        return core
    return ""


def _split_code(name: str, v: FormVocab) -> tuple[str, str]:
    """A budget code printed before a name: kept apart in `code`.  A project's name keeps it
    as printed (the budget system's own spelling); see `_org_fields` for units."""
    m = v.name_code.match(name)
    if not m:
        return name, ""
    return name, (m.group(1) or m.group(2) or "")


def _org_fields(text: str, start: int, end: int, v: FormVocab) -> tuple[str, str]:
    """主管部门 and 实施单位 of a form, without their budget codes."""
    department = unit = ""
    for m in v.field_terms.finditer(text, start, min(end, start + 1500)):
        kind = v.field_kind(m.group())
        if kind not in ("department", "unit"):
            continue
        value, _, _ = _field_value(text, m.end(), v)
        value = v.name_code.sub("", value).strip(_EDGE)
        value = v.name_code.sub("", value).strip(_EDGE)
        half = len(value) // 2
        if half >= 2 and len(value) % 2 == 0 and value[:half] == value[half:]:
            value = value[:half]    # two fields' values run together in a PDF's text: 「某局某局」
        if kind == "department" and not department:
            department = value
        elif kind == "unit" and not unit:
            unit = value
    return department, unit


_CHOICE_BOXES = "□☐☑■√"
_MARK_PAIRS = (("【", "】"), ("《", "》"), ("“", "”"), ("‘", "’"), ("[", "]"))


def _edges_stripped(value: str) -> str:
    """`value` without the bars, colons and quotes around it, but keeping a bracket or
    quote whose other half it keeps (「【体制】自管道路保洁经费」, 「《县志》编纂经费」)."""
    out = value.strip(_EDGE)
    if not out:
        return out
    head, tail = value[:value.index(out)], value[value.index(out) + len(out):]
    for opener, closer in _MARK_PAIRS:
        if head.endswith(opener) and closer in out and out.count(opener) < out.count(closer):
            out = opener + out
        if tail.startswith(closer) and opener in out and out.count(closer) < out.count(opener):
            out += closer
    return out


_KEY_NOTE = re.compile(r"[（(][\u4e00-\u9fff]{1,4}[)）]\s*[:：]\s*")


def _field_value(text: str, pos: int, v: FormVocab) -> tuple[str, int, int]:
    """The value printed after a field name at `pos`: up to the next field, heading or
    「键：」, at most NAME_MAX characters."""
    limit = min(len(text), pos + NAME_MAX + 40)
    taken: list[Atom] = []
    # atoms are made as far as the value goes, no further; each is read with the one after it
    for a, after in pairwise(chain(iter_atoms(text, pos, limit, v), [None])):
        assert a is not None
        t = heading_key(a.text)
        if not _WORDLIKE.search(t) and not (taken and _BRACKETED_WORDS.match(a.text)):
            # (a bracket of words after the value is the value's: 「某工程 (南湖街道)」)
            if taken and a.gap >= CELL:
                break                     # a value is one cell: a rule or an empty cell ends it
            continue
        if taken and a.gap >= CELL:
            break
        # a heading ends the value only standing as a piece of its own (单位 in
        # 「事业\n单位在职人员」 does not)
        whole = a.gap >= SPACE and (after is None or after.gap >= SPACE)
        if _stops_value(t, a.text, v, glued=not whole) or _opens_field(text, a, v):
            if v.column_role(t) is not None or v.budget_role(t) is not None:
                taken = _before_row(text, taken, a)
            break
        taken.append(a)
        if taken[-1].end - taken[0].start > NAME_MAX:
            break
    if not taken:
        return "", pos, pos
    s, e = taken[0].start, taken[-1].end
    note = _KEY_NOTE.match(text, s, e)
    if note is not None and note.end() < e:
        s = note.end()                      # 「项目单位(盖章):某馆」: the field's note, then its value
    value = _SPACES.sub("", text[s:e])
    code = v.name_code.match(value)
    value = value[:code.end()] + _edges_stripped(value[code.end():]) if code else _edges_stripped(value)
    value = value.rstrip(_VALUE_STOPS)      # 「项目名称：某某项目。」: prose closing the value
    while e > s and (text[e - 1] in _EDGE_OR_STOP or text[e - 1].isspace()) \
            and not value.endswith(text[e - 1]):
        e -= 1                              # the offsets hold the value, not its closing colon
    while s < e and (text[s] in _EDGE or text[s].isspace()) and not value.startswith(text[s]):
        s += 1
    return value, s, e


def _before_row(text: str, taken: list[Atom], heading: Atom) -> list[Atom]:
    """The value's pieces without those on the line a column heading ends it on: that line
    is the table's header row, and what opens it labels the table (「部门整体支出」 before
    「年度绩效指标一级指标……」), not a wrapped end of the value — which is kept whole where
    every piece stands on that line."""
    line = text.rfind("\n", taken[0].start, heading.start) if taken else -1
    kept = [a for a in taken if a.start < line]
    return kept or taken


def _opens_field(text: str, atom: Atom, v: FormVocab) -> bool:
    """Whether the piece an atom opens starts with a field as printed, spaces and
    brackets included (「项目主管单 位」, 「实施(主管)单位」)."""
    if atom.gap < SPACE:
        return False
    m = v.field_terms.match(text, atom.start)
    return m is not None and v.field_kind(m.group()) is not None


def _stops_value(key: str, raw: str, v: FormVocab, glued: bool = False) -> bool:
    """Whether a piece of text after a field's value starts something else: another field,
    or — standing as a cell of its own — a column heading (单位 inside 「事业单位在职人员」
    is no heading)."""
    if not key:
        return False
    if v.field_kind(key) is not None:
        return True
    if not glued and (v.column_role(key) is not None or v.budget_role(key) is not None):
        return True
    if glued and v.column_role(key) in _LEVEL_ROLES and len(key) >= 4:
        return True                 # 「…旅游局一级指标二级指标」: the indicator header, even run on
    if key in v.budget_totals or _budget_source(key, v):
        return True
    return raw.rstrip().endswith((":", "：")) and len(key) <= 10 and not any(c.isdigit() for c in key)


# ---------------------------------------------------------------------------- header and rows

# a heading a year stands inside: words, the year, words (never a year opening it: 「2023年
# 度目标值」 reads as 年度目标值 without help)
_YEAR_HEAD = re.compile(r"[\u4e00-\u9fff]{1,8}((?:19|20)\d{2}年度?)[\u4e00-\u9fff]{1,8}")
# what a fund is before 资金 / 经费 when the title names no fund (某局2020年度专项资金…)
_MONEY_KINDS = ("专项", "财政", "部门", "预算", "整体", "项目", "专项转移支付", "转移支付")
_MONEY_KINDS_LONGEST_FIRST = tuple(sorted(_MONEY_KINDS, key=len, reverse=True))
# the word a name that a report says it evaluates ends with, and a bracket after it
_REPORTED_WORD = re.compile(r"(?:项目|工程|经费|资金)(?:[（(][^（）()]*[)）])?$")
# a list's numbering before a title (附件:1.…表), never a name's number (1.5万亩…)
_TITLE_NUMBER = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.．](?!\d)\s*")
# a heading with a bracketed note inside it (「半年(程)指标值」, 「全年(程)指标值」): the heading
# the words make without the note names the column, not the shorter heading after the note
_NOTE_HEAD = re.compile(r"[\u4e00-\u9fff]{1,8}([（(][\u4e00-\u9fff]{1,3}[)）])[\u4e00-\u9fff]{1,8}")
# a note printed after a heading: brackets, or the weights of the families (数量(20)、质量(10));
# one naming a year is a period, which parts a header's halves (中期目标(2024年—2026年))
_NOTE_YEAR = re.compile(r"(?:19|20)\d{2}")
_HEADING_NOTE = re.compile(r"[（(][^（()）\n]{1,60}[)）]|(?:[\u4e00-\u9fff]{1,4}[（(]\d{1,3}%?[)）][、，,]?){2,}")


def _header(atoms: list[Atom], v: FormVocab) -> tuple[int, int, tuple[str | None, ...], dict] | None:
    """(first atom, atom after the header, roles in order, headings of its statement
    columns) of the first indicator header:
    at least three kinds of column heading in a row, among them the indicator's name
    (三级指标, 指标名称 …) or both label levels.  Headings are found in the text with its
    white space removed, since PDF text breaks them anywhere (「分 值得 分」), and single
    cells are also matched with OCR damage (考值参分)."""
    pieces = [squash(a.text) for a in atoms]
    owner = [k for k, piece in enumerate(pieces) for _ in piece]
    flat = "".join(pieces)
    hits: list[tuple[int, int, str]] = []          # squashed start, end, role
    for m in v.heading_terms.finditer(flat):
        hits.append((m.start(), m.end(), v.columns[heading_key(m.group())]))
    noted: list[tuple[int, int, str]] = []
    for pattern, found in ((_YEAR_HEAD, hits), (_NOTE_HEAD, noted)):
        for m in pattern.finditer(flat):
            # a heading naming its year (「预期2023年实现值」) or a note inside it: found with
            # the year or the note left out
            inner = m.span(1)
            stripped = flat[m.start():inner[0]] + flat[inner[1]:m.end()]
            cut = inner[0] - m.start()
            for h in v.heading_terms.finditer(stripped):
                if h.start() < cut < h.end():
                    found.append((m.start() + h.start(), m.start() + h.end() + inner[1] - inner[0],
                                  v.columns[heading_key(h.group())]))
    if noted:
        hits = _outside(hits, noted) + noted
    # a heading's note after it is part of it (「实际完成值（定量填数字……）」, 「分值 数量(20)、
    # 质量(10)」): no gap between it and the next heading
    # (the heading's own words end where they did: plain_end)
    plain_end: dict[tuple[int, int], int] = {}
    for k, (s, e, r) in enumerate(hits):
        note = _HEADING_NOTE.match(flat, e)
        if note is not None and not _NOTE_YEAR.search(note.group()):      # (a period: 中期目标(2024年—2026年))
            hits[k] = (s, note.end(), r)
            plain_end[(s, note.end())] = e
    taken = {p for s, e, _ in hits for p in range(s, e)}
    pos = 0
    for a, piece in zip(atoms, pieces):
        n = len(piece)
        if n and taken.isdisjoint(range(pos, pos + n)):
            role = v.column_role(a.text)
            if role is not None:
                hits.append((pos, pos + n, role))
        pos += n
    hits.sort()
    run: list[tuple[int, int, str]] = []
    for hit in hits + [(len(flat) + 99, 0, "")]:
        if run and hit[0] - run[-1][1] > HEADER_GAP:
            roles = settle_roles([r for _, _, r in run], partial(_run_heading, flat, run))
            distinct = set(roles) - {"lead"}
            # the name column is named, or both label levels are; a 转移支付 table names
            # only 情况说明 · 存在问题 · 改进措施 and leaves the name's column unnamed
            headed = len(distinct) >= 3 and ("name" in roles or {"l1", "l2"} <= set(roles)
                                             or {"problem", "measure"} <= distinct and "actual" in distinct)
            if not headed and roles[-2:] == ["name", "target"]:
                # 「指标 | 指标内容 | 指标值」 of the older 申报表: two kinds of heading only, so
                # a framework label must open the row after them — or a numbering column stand
                # before them (「序号 | 三级指标 | 年度指标值」, a report's table of its targets)
                after = owner[run[-1][1] - 1] + 1
                before = owner[run[0][0]] - 1
                headed = after < len(atoms) and (
                    lookup_label(atoms[after].text) is not None
                    or before >= 0 and heading_key(atoms[before].text) in v.other_table_openers)
            if headed:
                first, last = owner[run[0][0]], owner[run[-1][1] - 1] + 1
                while last < len(atoms) and _NOTE.match(atoms[last].text):
                    last += 1               # 指标值(年度), 实际完成值(B): a heading's note
                headings = {r: flat[s:plain_end.get((s, e), e)] for s, e, r in run if r in STATEMENT_ROLES}
                wrapped = _wrapped_headings(run, atoms, owner, v)
                columns: list[str | None] = list(wrapped) if wrapped else \
                    _unknown_columns(run, roles, atoms, pieces, owner, first, last)
                return first, last, _value_roles(columns), headings
            run = []
        run.append(hit)
    return None


def _run_heading(flat: str, run: list[tuple[int, int, str]], k: int) -> str:
    """The text of a run's k-th heading (white space removed)."""
    return flat[run[k][0]:run[k][1]]


def _unknown_columns(run: list[tuple[int, int, str]], roles: list[str | None], atoms: list[Atom],
                     pieces: list[str], owner: list[int], first: int, last: int) -> list[str | None]:
    """The header's roles with a column of no known role (None) where a cell of its own
    between two headings holds words the vocabulary does not know (序号 · 绩效指标 · 指标值 ·
    完成值 · 完成率 · 情况说明: 完成率 is also an indicator's name, so no heading word), so
    that the rows' cells keep their columns."""
    covered = {owner[p] for s, e, _ in run for p in range(s, e)}
    at = {owner[s]: k for k, (s, _, _) in enumerate(run)}
    out: list[str | None] = []
    for k in range(first, last):
        if k in at:
            out.append(roles[at[k]])
        elif k not in covered and atoms[k].gap >= SPACE and (k + 1 >= len(atoms) or atoms[k + 1].gap >= SPACE) \
                and len(_HAN_CHAR.findall(pieces[k])) >= 2 and not _NOTE.match(atoms[k].text):
            out.append(None)
    return out if len(out) == len(roles) + out.count(None) else roles


def _wrapped_headings(run: list[tuple[int, int, str]], atoms: list[Atom], owner: list[int],
                      v: FormVocab) -> list[str] | None:
    """The roles of a header whose headings wrapped onto a second line, in the order of the
    first: 「三级指标 绩效 实际 评分标准 指标分值 … ⏎ 目标值 完成值」 — the words left alone
    on the first line (绩效, 实际) and the headings of the second (目标值, 完成值) make the
    headings 绩效目标值 and 实际完成值, in that order, where the first words stand.  None
    when the header is no such pair of lines (or a header run on over and over, longer
    than HEADER_ROLES_MAX headings)."""
    if len(run) > HEADER_ROLES_MAX:
        return None
    start, end = owner[run[0][0]], owner[run[-1][1] - 1] + 1
    breaks = [k for k in range(start + 1, end) if atoms[k].gap >= LINE]
    if not breaks:
        return None
    wrap = breaks[-1]
    line = breaks[-2] if len(breaks) > 1 else start      # where the header's first line starts
    lower = [(s, r) for s, _, r in run if owner[s] >= wrap]
    upper = [(s, r) for s, _, r in run if owner[s] < wrap]
    covered = {owner[s] for s, _, _ in run} | {owner[e - 1] for _, e, _ in run}
    alone = [k for k in range(line, wrap) if k not in covered and atoms[k].text.strip()]
    if not lower or len(alone) != len(lower) or not upper:
        return None
    completions = [v.column_role(atoms[k].text + atoms[owner[s]].text) for k, (s, _) in zip(alone, lower)]
    if any(c is None or c != r for c, (_, r) in zip(completions, lower)):
        return None
    placed = sorted([(owner[s], r) for s, r in upper] + [(k, r) for k, (_, r) in zip(alone, lower)])
    return [r for _, r in placed]


def _outside(hits: list[tuple[int, int, str]], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The hits lying inside none of `spans`, by bisection over the spans' starts and the
    furthest end reached so far (a page printing a noted heading thousands of times costs
    no more than one that prints it once)."""
    spans = sorted(spans)
    starts = [s for s, _, _ in spans]
    reach = list(accumulate((e for _, e, _ in spans), max))
    out = []
    for hit in hits:
        k = bisect_right(starts, hit[0]) - 1
        if k < 0 or reach[k] < hit[1]:
            out.append(hit)
    return out


def _value_roles(roles: list[str | None]) -> tuple[str | None, ...]:
    """The roles after the indicator name; of a table with 中期 and 年度 halves, the annual
    half (the last name column)."""
    if len(roles) > HEADER_ROLES_MAX:
        roles = list(dict.fromkeys(roles))  # a header run on over and over (a broken export): its columns once
    names = [k for k, r in enumerate(roles) if r == "name"]
    after = roles[names[-1] + 1:] if names else [r for r in roles if r not in ("l1", "l2", "lead")]
    levels = [k for k, r in enumerate(roles) if r in ("l1", "l2", "name")]
    before = [r for r in roles[:levels[0]] if r != "lead"] if levels else []
    if names and "target" in before and after and set(after) <= {"nature", "target", "unit"}:
        # a header of two lines run into one: 「年度指标值 | 实际完成值 | 分值 | 得分 | 一级指标 |
        # … | 指标性质 | 指标值 | 度量单位」 — the parts of 年度指标值 printed on the line below
        at = before.index("target")
        after = before[:at] + after + before[at + 1:]
    out: list[str | None] = []
    for r in after:
        if r in ("l1", "l2", "lead", "nature", "unit"):
            continue
        if r in out and r in ("target", "actual", "weight", "score"):
            prior_at = len(out) - 1 - out[::-1].index(r)     # where the role stood last
            if set(out[prior_at + 1:]) <= {"explain", "note", None}:
                continue                  # 计分表's 自评分 · 具体指标 · 评价标准 · 得分: the first is read
            out.remove(r)                 # a second header line prints the sub-columns in order
        out.append(r)
    # 指标性质 (=, ≥ …) and 度量单位 are the parts of the target printed in cells of their own:
    # the comparator before the value and the unit after it, unless the header prints them
    # right before the value in another order (计量单位 · 指标性质 · 指标值)
    if "target" in out:
        at = out.index("target")
        lead: list[str | None] = []
        k = after.index("target") if "target" in after else 0
        # (指标性质 and 指标方向 may both print a part: 正向 · 大于等于 · 1 · 次)
        while k > 0 and after[k - 1] in ("nature", "unit") and (after[k - 1] not in lead or after[k - 1] == lead[0] == "nature"):
            k -= 1
            lead.insert(0, after[k])
        first = lead + ["nature"] * ("nature" in after and "nature" not in lead)
        # the unit after the actual value where the header prints it there (指标值 · 实际完成值
        # · 计量单位): the unit of both, read as the target's
        late = "unit" in after and "unit" not in lead and "actual" in out \
            and after.index("actual") > after.index("target") and after.index("unit") == after.index("actual") + 1
        last = ["unit"] * ("unit" in after and "unit" not in lead and not late)
        out[at:at + 1] = [*first, "target", *last]
        if late:
            out.insert(out.index("actual") + 1, "unit")
    return tuple(out)


_CELL_STOP = re.compile(r"[|｜\t\n]")


def _declares_unit(text: str, at: int, v: FormVocab) -> bool:
    """Whether the cell starting at `at` says only 「单位：万元」."""
    stop = _CELL_STOP.search(text, at)
    return v.unit_declaration.fullmatch(text, at, stop.start() if stop else len(text)) is not None


def _table_atoms(atoms: list[Atom], start: int, v: FormVocab, text: str = "") -> list[Atom]:
    """The atoms of an indicator table: from its header to the first row that ends it
    (总分, 合计, 注：…, the next form's field, a section heading opening a line: 三、…), or,
    in a table whose cells end in bars, the first blank line that none ends (the report's
    prose after a table a web page printed 「cell |」 per line)."""
    lines = barred = 0
    for k in range(start, len(atoms)):
        a = atoms[k]
        if k > start and text:
            gap = text[atoms[k - 1].end:a.start]
            if "\n" in gap:
                if _SECTION_LINE.match(a.text) and not _numbered_row(text, a) \
                        or v.approval.match(text, a.start, min(len(text), a.start + 40)) \
                        or _other_header(a, text, v):
                    return atoms[start:k]       # 三、…; 「区财政局审核意见 (盖章)」 below the table
                bar = "|" in gap or "｜" in gap
                if lines >= BARRED_MIN and barred * 10 >= lines * 9 and _unbarred_paragraph(atoms, k, text):
                    return atoms[start:k]
                lines += 1
                barred += bar
            elif a.gap < SPACE and GLUED_SECTION.match(text, a.start):
                return atoms[start:k]           # 「…100%(二)项目财务管理状况…」: a flattened page's next section
        t = heading_key(a.text + (atoms[k + 1].text if k + 1 < len(atoms) else ""))
        if k > start and t.startswith(v.table_end_keys):
            return atoms[start:k]
        if k > start and (v.furniture.search(a.text)
                          or text and a.text.startswith(("单位", "金额", "资金")) and _declares_unit(text, a.start, v)):
            # the footer's whole line goes (「内容保障 | 公务邮箱」), and the next form's head
            # with its 「单位：万元」 (「207101某区法院 | 单位:万元 |」)
            while text and k > start + 1 and "\n" not in text[atoms[k - 1].end:atoms[k].start]:
                k -= 1
            return atoms[start:k]
        if v.field_kind(a.text) == "name":
            return atoms[start:k]
    return atoms[start:]


def _other_header(a: Atom, text: str, v: FormVocab) -> bool:
    """Whether the line atom `a` opens is the header of another table (「序号 | 学校性质 |
    培训机构 | …」 below the indicators): a numbering column's heading, and no indicator's
    name or label column after it."""
    if heading_key(a.text) not in v.other_table_openers:
        return False
    end = text.find("\n", a.end)
    return not v.names_indicator_column(_SPACES.sub("", text[a.end:end if end >= 0 else len(text)]))


def _numbered_row(text: str, a: Atom) -> bool:
    """Whether a line opening like a section heading (二、…) is a table row whose first cell
    is numbered (「二、田间试验 | ≧15组 | 15组 | 15.0 |」): its line goes on past a bar or a
    TAB to a cell with a figure in it.  A heading's line holds no such cell."""
    end = text.find("\n", a.end)
    rest = text[a.end:end if end >= 0 else len(text)]
    return bool(_ROW_AFTER.match(rest))


def _unbarred_paragraph(atoms: list[Atom], k: int, text: str) -> bool:
    """Whether the line atom k opens is a sentence holding no bar with a blank line after it:
    prose, not a row, where a table's cells are parted by bars."""
    m = k + 1
    while m < len(atoms) and "\n" not in text[atoms[m - 1].end:atoms[m].start]:
        m += 1
    start = text.rfind("\n", 0, atoms[k].start) + 1
    end = text.find("\n", atoms[m - 1].end)
    line = text[start:end if end >= 0 else len(text)]
    if "|" in line or "｜" in line or not _SENTENCE.search(line) \
            or len(line.strip()) < PROSE_MIN and not _NUMBERED_SENTENCE.match(line):
        return False                # a value or a name that lost its bar (「≥36%」 last on a page)
    if m == len(atoms):
        return True
    after = text[atoms[m - 1].end:atoms[m].start]
    return "|" not in after and "｜" not in after and after.count("\n") >= 2


def _indicators(atoms: list[Atom], header_end: int, roles: tuple[str | None, ...], text: str,
                v: FormVocab, lexicon: CompiledLexicon | None) -> list[Indicator]:
    table = rejoin_split_labels(unwrap(text, _table_atoms(atoms, header_end, v, text)))
    if not table:
        return []
    cells = Cells(table, text, v)
    reading = read_rows(table, text, roles, v, cells)
    if len(reading.rows) < 2 or reading.cost > POOR_READING * len(reading.rows):
        # the header misleads (or was misread): try the published column orders
        reading.cost -= HEADER_PRIOR + HEADER_PRIOR_ROW * len(reading.rows)
        for schema in v.schemas:
            candidate = read_rows(table, text, tuple(schema[1:]), v, cells)
            if candidate.cost < reading.cost:
                reading = candidate
    paired = _paired_header(atoms, header_end, v)
    rows = _halves_joined(_boilerplate_dropped(_notes_dropped(_indicators_of(reading, lexicon), text)), text,
                          paired=paired)
    if paired and _annual_half_empty(reading) and not any(r.target_midterm for r in rows):
        # the 年度 half prints its labels and nothing else: the values are the 中期 half's
        for r in rows:
            if r.target:
                r.target_midterm, r.target = r.target, None
    return rows


def _annual_half_empty(reading: Reading) -> bool:
    """Under a 中期 · 年度 header, whether each row's annual half prints only its second-level
    label: read in order, that label comes after the row's value, so the next row opens with
    the label of the row before (「数量指标 | 完成…数量 | ≥90辆 | 数量指标 | | |」). A row whose
    midterm half is the empty one prints its label twice before its name instead (「数量指标 |
    数量指标 | 重点建设工程安排数量 | 2」), and the values are the annual ones."""
    echoes = doubled = 0
    before: str | None = None
    for row in reading.rows:
        seconds = [label.text for label, _ in row.labels if label.category is not None]
        if len(seconds) >= 2 and seconds[-1] == seconds[-2]:
            doubled += 1
        if seconds and before is not None and seconds[0] == before and len(seconds) >= 2:
            echoes += 1
        if seconds:
            before = seconds[-1]
    trailing = [label.text for label, _ in reading.trailing_labels if label.category is not None]
    if trailing and trailing[0] == before:
        echoes += 1                     # the last row's annual label, after its value
    return echoes >= 2 and not doubled


def _paired_header(atoms: list[Atom], header_end: int, v: FormVocab) -> bool:
    """Whether the header ending at `header_end` prints the name column twice (中期 and 年度
    halves: 二级指标 · 三级指标 · 指标值 · 二级指标 · 三级指标 · 指标值)."""
    names: list[str] = []
    for a in atoms[max(0, header_end - PAIRED_HEADER_SCAN):header_end]:
        names += [heading_key(m.group()) for m in v.heading_terms.finditer(_SPACES.sub("", a.text))
                  if v.columns[heading_key(m.group())] == "name"]
    # (the same heading twice: a name column under another heading says what the first
    # measures — 计分表's 三级指标 · 自评分 · 具体指标, formvocab.settle_roles)
    return len(names) >= 2 and names[0] in names[1:]


def _notes_dropped(rows: list[Indicator], text: str) -> list[Indicator]:
    """Without the bare rows that are the last cell of the row before (a 备注 or 指标标准或依据
    column the reading left over): where each row has a line of its own, a row with nothing
    but a name, on the line of the row before, is that row's trailing cell."""
    def same_line(k: int) -> bool:
        return "\n" not in text[rows[k - 1].end:rows[k].start]

    if len(rows) < 3 or sum(not same_line(k) for k in range(1, len(rows))) * 3 < (len(rows) - 1) * 2:
        return rows
    return [r for k, r in enumerate(rows) if not (k and _bare(r) and same_line(k))]


def _boilerplate_dropped(rows: list[Indicator]) -> list[Indicator]:
    """Without the rows that are a column's boilerplate: a text with no value beside it printed
    on BOILERPLATE_ROWS rows or more (「未达指标值酌情扣分」 in a 评(扣)分标准 column read as a
    row of its own) is no indicator — an indicator's name is printed once."""
    printed = Counter(r.name for r in rows if _bare(r))
    return [r for r in rows if not _bare(r) or printed[r.name] < BOILERPLATE_ROWS]


def _bare(r: Indicator) -> bool:
    """A row with a name and nothing else."""
    return r.target is None and r.actual is None and r.weight is None and r.score is None


def _halves_joined(rows: list[Indicator], text: str, paired: bool = False) -> list[Indicator]:
    """One indicator for a row printed in two halves, 中期 then 年度 (「数量指标 | 完成结算项目数 |
    3 | 数量指标 | 完成结算项目数 | 3 |」: the header prints 二级 · 三级 · 指标值 twice): two
    indicators of the same name on one line are one, its annual target the second's and its
    midterm target the first's.  Under a header that prints the name column twice (`paired`)
    the halves may stand on lines of their own, as one cell per line prints them."""
    out: list[Indicator] = []
    for row in rows:
        before = out[-1] if out else None
        if before is not None and row.name == before.name and before.end <= row.start \
                and (paired or "\n" not in text[before.start:row.start]):
            midterm = before.target
            out[-1] = row
            row.start, row.level1 = before.start, row.level1 or before.level1
            if midterm and midterm != row.target and not row.target_midterm:
                row.target_midterm = midterm
            continue
        out.append(row)
    return out


def _continued_rows(atoms: list[Atom], stop: int, text: str, v: FormVocab,
                    lexicon: CompiledLexicon | None) -> list[Indicator]:
    """The rows a page opens with when its table began on the page before: no header above
    them, so they are read by the published column orders (tables.yaml § schemas), and kept
    only when they read as a scored table."""
    table = _page_top_table(atoms[:stop], text, v)
    if not table:
        return []
    for schemas in (v.schemas, v.fallback_schemas):
        if not schemas:
            continue
        reading = _by_schemas(table, text, v, schemas)
        first = next((n for n, r in enumerate(reading.rows) if r.labels), len(reading.rows))
        while first < len(reading.rows) and first > 0 and _quantified_row(reading.rows[first - 1], v):
            first -= 1        # the group's first label on the page before, its rows on this one
        # above the first label and those rows: the page's head (a site's byline …)
        reading = Reading(rows=reading.rows[first:], cost=reading.cost, trailing_labels=reading.trailing_labels)
        if _trusted_table(reading, v):
            return _indicators_of(reading, lexicon)
    return []


def _headerless_rows(atoms: list[Atom], text: str, v: FormVocab,
                     lexicon: CompiledLexicon | None) -> list[Indicator]:
    """The rows of a form whose header the text scrambled (a spreadsheet or PDF printed as
    one run, its heading cells scattered among the first rows): read by the published column
    orders, and kept only when they read as a scored table."""
    table = _rows_table(atoms, text, v)
    if not table:
        return []
    reading = _by_schemas(table, text, v)
    fitted = [n for n, r in enumerate(reading.rows) if _fits_row(r)]
    if len(fitted) < CONTINUED_MIN_ROWS or len(fitted) * 3 < (fitted[-1] - fitted[0] + 1) * 2:
        return []
    # the scattered header and the form's head before the first scored row are no rows
    rows = reading.rows[fitted[0]:fitted[-1] + 1]
    return _indicators_of(Reading(rows=rows, cost=reading.cost, trailing_labels=[]), lexicon)


def _page_top_table(atoms: list[Atom], text: str, v: FormVocab) -> list[Atom]:
    """The atoms a table may occupy at the top of a page: in its first CONTINUED_WINDOW
    characters, up to the table's end, with framework labels among them and no narrative
    (else none, and no reading is paid for)."""
    page = [a for a in atoms if a.start < CONTINUED_WINDOW]
    if sum(1 for a in page if lookup_label(a.text) is not None) < 2:
        return []
    return _rows_table(page, text, v)


def _rows_table(atoms: list[Atom], text: str, v: FormVocab) -> list[Atom]:
    """The table the atoms open with, when it may hold a few rows and reads as no narrative
    (else none, and no reading is paid for)."""
    table = rejoin_split_labels(unwrap(text, _table_atoms(atoms, 0, v, text)))
    return [] if len(table) < CONTINUED_MIN_ROWS * 2 or _prose(table) else table


def _by_schemas(table: list[Atom], text: str, v: FormVocab,
                schemas: tuple[tuple[str, ...], ...] | None = None) -> Reading:
    """The cheapest reading of a table with no header by the published column orders
    (tables.yaml § schemas)."""
    cells = Cells(table, text, v)
    schemas = schemas or v.schemas
    if not _nature_cells(table):
        # a 指标性质 column (= | 100 | % |) only where the table prints comparators as cells
        schemas = tuple(s for s in schemas if "nature" not in s) or schemas
    return min((read_rows(table, text, tuple(schema[1:]), v, cells) for schema in schemas),
               key=lambda r: r.cost)


def _nature_cells(table: list[Atom]) -> bool:
    """Whether a table prints its comparators (or 定性) as cells of their own, on three rows
    or more."""
    nature = vocab().nature_cell
    return sum(1 for a in table if a.gap >= SPACE and nature.match(a.text)) >= CONTINUED_MIN_ROWS


def _fits_row(row: ParsedRow) -> bool:
    """A weight and a score within it."""
    if "weight" not in row.values or "score" not in row.values:
        return False
    w, s = as_weight(row.values["weight"].text), as_number(row.values["score"].text)
    return w is not None and s is not None and 0 <= s <= w


def _trusted_table(reading: Reading, v: FormVocab) -> bool:
    """Several rows, framework labels printed beside them, on most of them a score (a
    self-evaluation) or a quantified target (≤10次, =100%: a 绩效目标表, which prints no
    score), and a reading no dearer than a header's is trusted at."""
    rows = reading.rows
    scored = sum(1 for r in rows if "score" in r.values)
    valued = sum(1 for r in rows if _valued(r, v))
    labelled = sum(1 for r in rows if r.labels)
    return len(rows) >= CONTINUED_MIN_ROWS and max(scored, valued) * 3 >= len(rows) * 2 and labelled >= 2 \
        and reading.cost <= POOR_READING * len(rows)


def _valued(row: ParsedRow, v: FormVocab) -> bool:
    """A quantified target (≤10次, =100%), or a target and its outcome where either reads as
    a value (「有所提升 | 养老服务提升」: a table of outcomes that prints no score)."""
    target, actual = row.values.get("target"), row.values.get("actual")
    if target is None:
        return False
    return _quantified(target.text, v) or actual is not None and bool(actual.text.strip()) \
        and (is_value(target.text, v) or is_value(actual.text, v))


def _quantified_row(row: ParsedRow, v: FormVocab) -> bool:
    """A row with a name and a quantified target (=100%, ≤10次): no page head reads so — a
    field of the page's head (「发布时间：2023-06-18」, 「浏览次数 120」) is no name."""
    name, target = row.name.text.strip(), row.values.get("target")
    return len(_HAN_CHAR.findall(name)) >= 2 and not name.endswith((":", "：")) and v.field_kind(name) is None \
        and not v.page_counter.match(name) and target is not None and _quantified(target.text, v)


def _quantified(text: str, v: FormVocab) -> bool:
    return any(c.isdigit() for c in text) and is_value(text, v)


def _prose(atoms: list[Atom]) -> bool:
    """Whether text reads as sentences (a report's narrative) rather than a table's cells:
    more than one full stop in every PROSE_CHARS characters."""
    chars = sum(a.end - a.start for a in atoms)
    return sum(a.text.count("。") for a in atoms) * PROSE_CHARS > chars


def _indicators_of(reading, lexicon: CompiledLexicon | None) -> list[Indicator]:
    """Indicators of the rows read, their labels filled down as merged cells are."""
    labels = FilledLabels()
    lex = tables_lexicon()
    out: list[Indicator] = []
    for row_no, row in enumerate(reading.rows):
        _label_as_name(row)
        _described(row)
        _parent_by_weight(row)
        _label_twice(row)
        _ocr_label_before(row)
        _compound_first_part(row, lex)
        for n, (label, cell) in enumerate(row.labels):
            followed = any(lab.level != 1 for lab, _ in row.labels[n + 1:])
            labels.apply(label, row_no, followed or bool(re.search(r"\d+\s*分", cell.text)))
        if _repeats_its_name(row):
            continue            # 「预算执行率 预算执行率」: the form's execution row, its cells left empty
        if _cut_label_row(row):
            continue            # 「产出指标 数量指」: labels a page cut short, no indicator
        if numbers_columns([row.name.text, *(c.text for c in row.values.values())]):
            continue            # 「列次 8 9 10」
        if _placeholder_name(row):
            continue            # 「经济成本指标 | 0 | 0.00% | 0」: a group the form says has no indicator
        if _header_again(row):
            continue            # 「年度绩效目标2(40分) 一级指标 二级指标 三级指标 …」: the next block's header
        if _lead_heading(row):
            continue            # 「绩 | 效 指 | 标」: the form's 绩效指标 cell printed down its rows
        if _next_title(row):
            continue            # 「……经费项目绩效目标」: the next project's heading, where the page goes on
        out.append(_indicator_of(row, labels, row_no, lex, lexicon))
    return out


def _next_title(row: ParsedRow) -> bool:
    """A row with nothing but a name that is a project's heading (「……项目绩效目标」,
    「……项目绩效自评报告」, forms.yaml § project_report_title_re ending the name): the page
    goes on to the next project's targets, not to another row of this table."""
    if any(c.text.strip() for c in row.values.values()):
        return False
    name = _SPACES.sub("", row.name.text)
    named = vocab().project_report_title.search(name)
    return named is not None and named.end() == len(name) and named.start() >= NEXT_TITLE_NAME_MIN


def _lead_heading(row: ParsedRow) -> bool:
    """A row whose cells together spell the heading of the form's indicator block (绩效指标,
    printed a character or two a line down a merged cell) and nothing else — or that heading
    and a label cut short where the page stops (「绩 效 指 标 | 效益」): no figure, no row."""
    words = _SPACES.sub("", row.name.text + "".join(c.text for c in row.values.values()))
    columns = vocab().columns
    if columns.get(words) == "lead":
        return True
    return any(columns.get(words[:n]) == "lead" and not any(ch.isdigit() for ch in words[n:])
               for n in range(max(LEAD_MIN, len(words) - LEAD_REST_MAX), len(words)))


def _header_again(row: ParsedRow) -> bool:
    """A row whose cells print three column headings or more (一级指标, 三级指标, 年初目标值 …)
    and little else, in its value cells or run together in its name (「年度绩效指标一级指标
    二级指标指标内容指标值」): a header repeated over the next block of a form."""
    v = vocab()
    return _header_run(_SPACES.sub("", row.name.text), v) \
        or _header_run(_SPACES.sub("", "".join(c.text for c in row.values.values())), v)


def _header_run(values: str, v: FormVocab) -> bool:
    """Three kinds of column heading or more, making up two thirds of `values` at least."""
    heads = list(v.heading_terms.finditer(values))
    # (headings, not a scoring note quoting them: 「未达到指标值,按B/A*该指标分值记分」)
    return len({v.columns[m.group()] for m in heads}) >= 3 \
        and sum(m.end() - m.start() for m in heads) * 3 >= len(values) * 2


def _placeholder_name(row: ParsedRow) -> bool:
    """A row whose name is a second-level label with 0 or 无 where its indicator would be:
    the 2021 templates print every cost group, and 0 in the rows of those that do not apply."""
    name = _SPACES.sub("", row.name.text)
    m = vocab().label_placeholder.search(name)
    return m is not None and m.start() >= 2 and lookup_label(name[:m.start()]) is not None


def _label_as_name(row: ParsedRow) -> None:
    """「服务对象满意度指标 服务对象满意度 享受津贴的对象对…的满意程度」: a row cannot print two
    second-level labels of one category; the second is the indicator's name (worded like its
    label), and what was read as the name is the description printed after it."""
    if len(row.labels) < 2:
        return
    (first, _), (second, cell) = row.labels[-2], row.labels[-1]
    if first.level == 1 or second.level == 1 or not second.category or first.category != second.category \
            or second.text.endswith("指标") or len(_SPACES.sub("", row.name.text)) < 8:
        return
    row.values.setdefault("note", row.name)
    row.name = cell
    row.labels = row.labels[:-1]


def _described(row: ParsedRow) -> None:
    """「产出指标 | 数量指标 | 375万平方米 | 完成全市375万平方米的绿地养护」 under 指标类型 · 指标名称 ·
    指标值 · 指标描述: where the name column holds a second-level label, the label is the
    row's group and its description names the indicator."""
    described = row.values.get("describe")
    if described is None or not described.text.strip():
        return
    label = lookup_label(row.name.text)
    if label is None or label.level == 1:
        return
    row.labels.append((label, row.name))
    row.name = described
    del row.values["describe"]


def _parent_by_weight(row: ParsedRow) -> None:
    """「专项资金分配时限(2 分) 省级财力专项预算分配时限(1 分) 1」: where every level prints its
    weight in its cell, a name followed by a second weighted name of a smaller weight (and
    a score within it) is the second level above the indicator, not the indicator."""
    note = row.values.get("note")
    if note is None:
        return
    parent = _WEIGHT_IN_NAME.search(_SPACES.sub("", row.name.text))
    child = _WEIGHT_IN_NAME.search(_SPACES.sub("", note.text))
    score = as_number(row.values["score"].text) if "score" in row.values else None
    if parent is None or child is None or float(child.group(1)) >= float(parent.group(1)) \
            or score is not None and score > float(child.group(1)):
        return
    row.labels.append((Label(normalise(row.name.text), 2, None, None), row.name))
    row.name = note
    del row.values["note"]


def _label_twice(row: ParsedRow) -> None:
    """「财务管理财务管理制度有效性」: a row never prints one label twice; the second, run
    together with the name after it, is the name's first words."""
    if len(row.labels) < 2:
        return
    (first, _), (second, cell) = row.labels[-2], row.labels[-1]
    if first.text != second.text or cell.end != row.name.start:
        return
    row.name = Cellish(cell.text + row.name.text, cell.start, row.name.end)
    row.labels = row.labels[:-1]


_LATIN_IN_HAN = re.compile(r"[\u4e00-\u9fff][A-Za-z]{1,2}[\u4e00-\u9fff]")


def _ocr_label_before(row: ParsedRow) -> None:
    """「项Fl实施绩效监控有效性」: OCR read a label's characters as Latin letters (项目 → 项Fl),
    which the reading of cells does not take for a label (it allows Han damage only), so
    the label and the name came out as one name. A first stretch of four to eight
    characters holding such letters, which `printed_label` reads as a second-level label,
    is that label; the rest (four characters or more) is the name. An undamaged label
    before the name (资金管理制度…) is left alone: names do begin with label words."""
    text = row.name.text
    if not _LATIN_IN_HAN.search(text[:9]):
        return
    for n in range(4, 9):
        prefix, rest = text[:n], text[n:]
        if len(rest) < 4 or " " in prefix or not _LATIN_IN_HAN.search(prefix) or lookup_label(prefix):
            continue
        label = printed_label(prefix)
        if label is not None and label.level == 2:
            start = row.name.start
            row.labels.append((label, Cellish(prefix, start, start + n)))
            row.name = Cellish(rest, start + n, row.name.end)
            return


def _compound_first_part(row: ParsedRow, lex: dict) -> None:
    """「全年服务人次门诊服务 | 3000人次以上，上门随访800人次以上」: where a target of several
    parts, each but the first led by its own words, was read off a row run together, the
    first part's words stand at the end of the name, after its head word (tables.yaml §
    compound_name_head_re); they go back to the target."""
    target = row.values.get("target")
    if target is None or not compound_value(_SPACES.sub("", target.text)):
        return
    text = row.name.text
    head = max(lex["_compound_name_head"].finditer(text), key=lambda m: m.start(), default=None)
    if head is None or head.start() < 2 or any(c.isspace() for c in text[head.end():]):
        return
    cut = row.name.start + head.end()
    row.values["target"] = Cellish(text[head.end():] + target.text, cut, target.end)
    row.name = Cellish(text[:head.end()], row.name.start, cut)


def _cut_label_row(row: ParsedRow) -> bool:
    """A row whose name is a label and whose one value is the start of another label (a
    page cut inside the label column: 「产出指标 数量指」)."""
    name = _LABEL_WEIGHT_RANGE.sub("", _SPACES.sub("", row.name.text))
    values = [c for r, c in row.values.items() if r in ("target", "actual") and c.text.strip()]
    if lookup_label(name) is None or len(values) != 1 or "weight" in row.values or "score" in row.values:
        return False
    value = _SPACES.sub("", values[0].text)
    return len(value) >= 2 and any(w.startswith(value) and w != value for w in label_words())


def _repeats_its_name(row: ParsedRow) -> bool:
    """A row whose only values repeat its name is a heading row printed across the cells."""
    name = _SPACES.sub("", row.name.text)
    values = [_SPACES.sub("", c.text) for c in row.values.values() if c.text.strip()]
    return bool(values) and all(v == name for v in values)


def _indicator_of(row: ParsedRow, labels: FilledLabels, row_no: int, lex: dict,
                  lexicon: CompiledLexicon | None) -> Indicator:
    name_text = _SPACES.sub("", row.name.text) or row.name.text
    name = Cell(name_text, row.name.start, row.name.end)
    values = {r: _cell(c) for r, c in row.values.items()
              if r in ("target", "actual", "nature", "unit") and c.text}
    weight = as_weight(row.values["weight"].text) if "weight" in row.values else None
    if weight is None:                 # 「相关性(5分)」: a scoring table prints the weight in the name
        m = _WEIGHT_IN_NAME.search(name_text)
        weight = float(m.group(1)) if m else None
    score = as_number(row.values["score"].text) if "score" in row.values else None
    reason = [_cell(row.values["reason"])] if "reason" in row.values else []
    parsed = ParsedCells(labels=[], name=name, values=values, weight=weight, score=score, reason=reason)
    mid = row.values.get("target_mid")
    if mid is not None and mid.text.strip():
        parsed.target_midterm = _cell(mid)     # 中期指标值 beside 年度指标值
    ind = build_indicator(name, parsed, labels, row_no, lex, lexicon)
    for role in ("problem", "measure", "problem_measure"):
        cell = row.values.get(role)
        if cell is not None and cell.text.strip() and _SPACES.sub("", cell.text).strip("。.") not in lex["reason_empty"]:
            kind = "problem" if role == "problem_measure" else role
            setattr(ind, kind, cell.text)
            setattr(ind, f"{kind}_start", cell.start)
            setattr(ind, f"{kind}_end", cell.end)
            ind.end = max(ind.end, cell.end)
    return ind


def _cell(c: Cellish) -> Cell:
    return Cell(c.text, c.start, c.end)


def _form_from_roles(roles: tuple[str | None, ...], v: FormVocab) -> str:
    if "actual" in roles or "score" in roles:
        return "self_evaluation"
    return "budget_target"


# ---------------------------------------------------------------------------- budget, total

def _budget(atoms: list[Atom], text: str, v: FormVocab, stop: int) -> Budget | None:
    """The budget block: its header's columns, then the numbers of the 年度资金总额 row,
    matched to the columns by what they are (a rate is a per cent; the amounts come first)."""
    roles: list[str] = []
    at = None
    for k in range(min(stop, len(atoms))):
        role = v.budget_role(atoms[k].text)
        if role is not None and (role not in roles or at is not None and k - at <= len(roles) + 1
                                 and not open_bracket(text, atoms[k].start)):
            if role in roles:
                # 「年度预算数(万元) | 年初预算 | 调整后预算数 …」: a heading over a group of
                # columns names a role that one of them names again, where it stands (but not
                # a note in brackets on a column: 「得分(20分*执行率)」)
                roles.remove(role)
            roles.append(role)
            at = k
        elif heading_key(atoms[k].text) in v.budget_totals and at is not None and len(roles) >= 2:
            values = _numbers_after(atoms, k + 1)
            if 0 < len(values) < len([r for r in roles if r != "reason"]):
                # fewer numbers than columns: one of them may be a glued run (「40004000100%」)
                glued = _glued_budget(atoms, k + 1, roles, text)
                if glued is not None:
                    glued.unit = _money_unit(text, atoms, k)
                    glued.start = atoms[k].start
                    return glued
            if values:
                b = _assign(roles, values, atoms, k, text, v)
                reason = _budget_reason(atoms, k, values, roles, text, v)
                if reason is not None and not template_instruction(reason[0]):
                    b.reason, b.reason_start, b.reason_end = reason
                return _first_part_if_empty(b, roles, atoms, k, text, v)
            glued = _glued_budget(atoms, k + 1, roles, text)
            if glued is not None:
                glued.unit = _money_unit(text, atoms, k)
                glued.start = atoms[k].start
                return glued
    for k in range(min(stop, len(atoms))):
        if heading_key(atoms[k].text) in v.budget_totals:
            values = _numbers_after(atoms, k + 1)
            if values:
                b = Budget(adjusted=_as_float(values[0][0]), start=atoms[k].start, end=values[0][2])
                b.unit = _money_unit(text, atoms, k)
                return b
    return _labelled_amounts(atoms, text, v, stop)


def _budget_reason(atoms: list[Atom], k: int, values: list[tuple[str, int, int]], roles: list[str], text: str,
                   v: FormVocab) -> tuple[str, int, int] | None:
    """The 原因 cell of the total row: the cell right after its numbers, where the header's
    last column is 原因 and every number before it is printed (「… | 10 | 9 | 部分路段养护工程
    尾款未到结算期。 |」); an empty cell printed as a bar leaves none."""
    if not roles or roles[-1] != "reason" or len(values) != len(roles) - 1:
        return None
    n = next((m for m in range(k + 1, min(len(atoms), k + 60)) if atoms[m].start >= values[-1][2]), None)
    if n is None or atoms[n].gap < SPACE or atoms[n].empties:
        return None
    m = n + 1
    while m < len(atoms) and atoms[m].gap < SPACE:
        m += 1
    cell = text[atoms[n].start:atoms[m - 1].end]
    key = heading_key(cell)
    if len(_HAN_CHAR.findall(cell)) < 4 or v.budget_role(cell) is not None or v.field_kind(cell) is not None \
            or key in v.budget_totals or key.startswith("其中"):
        return None
    return cell, atoms[n].start, atoms[m - 1].end


def _first_part_if_empty(b: Budget, roles: list[str], atoms: list[Atom], k: int, text: str, v: FormVocab) -> Budget:
    """A 年度资金总额 row left at zero above a filled 其中：财政拨款 row (the form's own sum was
    not kept up): the amounts of that row, its rate executed / adjusted when none is printed."""
    if any(getattr(b, r) for r in ("initial", "adjusted", "executed")):
        return b
    for n in range(k + 1, min(len(atoms), k + 16)):
        if not heading_key(atoms[n].text).startswith("其中"):
            continue
        values = _numbers_after(atoms, n + 1)
        amounts = [r for r in roles if r in ("initial", "adjusted", "executed")]
        if len(values) < 2 or not all(_as_float(x) for x, _, _ in values[:len(amounts)]):
            return b
        part = Budget(start=atoms[n].start, end=values[min(len(values), len(amounts)) - 1][2],
                      weight=b.weight, score=b.score, unit=b.unit)
        for role, (value, _, _) in zip(amounts, values):
            setattr(part, role, _as_float(value))
        part.rate = _derived_rate(part.adjusted, part.executed)
        return part
    return b


def _derived_rate(adjusted: float | None, executed: float | None) -> float | None:
    """执行率 from the amounts, for a form that prints none: executed / adjusted, in per cent."""
    return _rate_of(adjusted, executed) if adjusted and executed is not None else None


def _rate_of(adjusted: float, executed: float) -> float:
    return round(executed / adjusted * 100, 2)


def _labelled_amounts(atoms: list[Atom], text: str, v: FormVocab, stop: int) -> Budget | None:
    """「预算数 6.84 到位数 6.84 执行数 6.84」: each amount printed after its own label.  The
    rate, when the form prints none beside a label, is executed / adjusted.  A target table
    (「预算规模及资金用途 | 预算数 | 24.00 |」, no execution anywhere) gives its budget alone."""
    found: dict[str, tuple[float | None, int, int]] = {}
    for k in range(min(stop, len(atoms)) - 1):
        role = v.budget_role(atoms[k].text)
        if role not in ("initial", "adjusted", "executed", "rate") or role in found or atoms[k + 1].gap < SPACE:
            continue
        values = _numbers_after(atoms, k + 1)
        if values and values[0][0]:
            found[role] = (_as_float(values[0][0]), atoms[k].start, values[0][2])
    if "adjusted" not in found:
        return None
    if "executed" not in found and any(v.budget_role(a.text) == "executed" for a in atoms[:stop]):
        return None                 # a self-evaluation's execution left unread: no half budget
    b = Budget(start=min(s for _, s, _ in found.values()), end=max(e for _, _, e in found.values()))
    for role, (value, _, _) in found.items():
        setattr(b, role, value)
    if b.rate is None:
        b.rate = _derived_rate(b.adjusted, b.executed)
    first = next(k for k, a in enumerate(atoms) if a.start == b.start)
    b.unit = _money_unit(text, atoms, first)
    return b


def _numbers_after(atoms: list[Atom], k: int) -> list[tuple[str, int, int]]:
    """The numbers (and per cents) printed after a total's label, up to the next word;
    digits run together with nothing between them cannot be told apart and give none."""
    pieces: list[list[Atom]] = []
    for a in atoms[k:k + 40]:
        if pieces and a.gap < SPACE:
            pieces[-1].append(a)
        else:
            pieces.append([a])
        if len(pieces) > 12:
            break
    out: list[tuple[str, int, int]] = []
    for piece in pieces:
        t = "".join(a.text for a in piece).strip(":：").replace(",", "")
        if not t:
            continue
        if t in ("-", "—", "/"):
            out.append(("", piece[0].start, piece[-1].end))
            continue
        m = re.match(r"^([-+]?\d+(?:\.\d+)?%?)(万元|元|万)?(?=$|[（(])", t)
        if not m:
            break
        out.append((m.group(1), piece[0].start, piece[-1].end))
    while out and not out[-1][0]:
        out.pop()
    return out


_GLUED_RUN = re.compile(r"[:：]?\s*([\d.]+%[\d.]*|[\d.]+)")
GLUED_RATE_TOLERANCE = 0.6      # per cent points between a printed rate and executed / adjusted


def _glued_budget(atoms: list[Atom], k: int, roles: list[str], text: str) -> Budget | None:
    """The 年度资金总额 row where OCR ran its numbers together (「202010100.00%10」 under
    全年预算数 · 全年执行数 · 分值 · 执行率 · 得分): the way of cutting the digits into the
    columns' numbers in which the rate is executed / adjusted, a score is no more than its
    weight and no number has a leading zero — the best-fitting one, and only when no other
    fits as well."""
    if k >= len(atoms):
        return None
    m = _GLUED_RUN.match(text, atoms[k].start)
    if m is None or "%" not in m.group(1):
        return None
    roles = [r for r in roles if r != "reason"]
    if "rate" not in roles:
        return None
    left, right = m.group(1).split("%", 1)
    before, after = roles[:roles.index("rate")], roles[roles.index("rate") + 1:]
    found = []
    for cut in _cuts(left, len(before) + 1):
        *amounts, rate = cut
        for tail in ([right] if not after else _cuts(right, len(after)) if right else [[]]):
            values = dict(zip(before, amounts)) | {"rate": rate} | dict(zip(after, tail))
            if _plausible_budget(values):
                found.append(values)
    # nothing spent is a reading of last resort; of the rest, the rate that fits best
    ranked = sorted(found, key=_budget_misfit)
    if not ranked or len(ranked) > 1 and _budget_misfit(ranked[0]) == _budget_misfit(ranked[1]):
        return None
    b = Budget(end=m.end(1))
    for role, value in ranked[0].items():
        if role not in PASSED_OVER:
            setattr(b, role, value)
    return b


def _budget_misfit(values: dict[str, float]) -> tuple[bool, float]:
    executed = values.get("executed", 0.0)
    return executed == 0, round(abs(_rate_of(_budget_base(values) or 1.0, executed) - values["rate"]), 2)


def _budget_base(values: Mapping[str, float | None]) -> float | None:
    """The amount a rate is taken of: the adjusted budget, else the initial one."""
    return values.get("adjusted") or values.get("initial")


def _cuts(digits: str, n: int) -> list[list[float]]:
    """Every way of cutting a run of digits into n numbers without a leading zero."""
    if n == 0:
        return [[]] if not digits else []
    out = []
    for size in range(1, len(digits) - n + 2):
        head, rest = digits[:size], digits[size:]
        if not re.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", head) or rest[:1] == ".":
            continue
        for tail in _cuts(rest, n - 1):
            out.append([float(head), *tail])
    return out


def _plausible_budget(values: dict[str, float]) -> bool:
    rate, adjusted, executed = values.get("rate"), _budget_base(values), values.get("executed")
    if rate is None or rate < 0 or adjusted is None or executed is None:
        return False
    if adjusted <= 0 or executed > adjusted * 2 or (rate == 0) != (executed == 0):
        return False
    return _column_misfit(values) == 0


def _assign(roles: list[str], values: list[tuple[str, int, int]], atoms, k, text, v) -> Budget:
    b = Budget(start=atoms[k].start, end=values[-1][2])
    roles = [r for r in roles if r != "reason"]
    if any(r in PASSED_OVER for r in roles):
        _assign_around_rates(b, roles, values)
        b.unit = _money_unit(text, atoms, k)
        return b
    rate_at = next((n for n, (t, _, _) in enumerate(values) if t.endswith("%")), None)
    if rate_at is not None and "rate" in roles:
        b.rate = _as_float(values[rate_at][0])
        before = roles[:roles.index("rate")]
        after = roles[roles.index("rate") + 1:]
        left, right = values[:rate_at], values[rate_at + 1:]
    else:
        before, after, left, right = roles, [], values, []
        if 0 < len(values) < len(roles):
            before = _fitting_columns(roles, values)
    for role, value in zip(reversed(before[-len(left):] if left else []), reversed(left)):
        setattr(b, role, _as_float(value[0]))
    for role, value in zip(after, right):
        setattr(b, role, _as_float(value[0]))
    if b.rate is None and "rate" in roles:
        b.rate = _derived_rate(b.adjusted or b.initial, b.executed)
    b.unit = _money_unit(text, atoms, k)
    return b


def _assign_around_rates(b: Budget, roles: list[str], values: list[tuple[str, int, int]]) -> None:
    """Numbers under a header with columns the reader passes over (行次 · 全年预算数 ·
    统筹整合资金数 · … · 预算到位 · 全年执行资金 · 预算执行): a leading 行次 number dropped, the
    per cents matched to the rate columns in order, and the amounts between two rates to the
    columns between them — where a row prints fewer amounts than there are columns, the
    columns the reader keeps are the ones filled (an optional 统筹整合资金数 is what stays
    empty)."""
    vals = list(values)
    if roles and roles[0] == ROW_NUMBER:
        roles = roles[1:]
        if vals and re.fullmatch(r"\d{1,3}", vals[0][0]):
            vals = vals[1:]
    rates = [n for n, r in enumerate(roles) if r in ("rate", OTHER_RATE)]
    percents = [n for n, (t, _, _) in enumerate(vals) if t.endswith("%")]
    if len(rates) != len(percents):
        rates = percents = []                  # rates and per cents do not pair: amounts only
    role_cuts = [-1, *rates, len(roles)]
    value_cuts = [-1, *percents, len(vals)]
    for r, p in zip(rates, percents):
        if roles[r] == "rate":
            b.rate = _as_float(vals[p][0])
    for (r0, r1), (v0, v1) in zip(pairwise(role_cuts), pairwise(value_cuts)):
        columns = [r for r in roles[r0 + 1:r1] if r not in ("rate", OTHER_RATE)]
        amounts = [t for t, _, _ in vals[v0 + 1:v1]]
        if len(amounts) > len(columns):
            amounts = amounts[len(amounts) - len(columns):] if columns else []
        # fewer amounts than columns: the columns the reader keeps first, then the first ones
        chosen = max(combinations(range(len(columns)), len(amounts)),
                     key=lambda c: (sum(columns[i] not in PASSED_OVER for i in c), [-i for i in c]))
        for i, t in zip(chosen, amounts):
            if columns[i] not in PASSED_OVER:
                setattr(b, columns[i], _as_float(t))
    if b.rate is None and "rate" in roles:
        b.rate = _derived_rate(b.adjusted or b.initial, b.executed)


def _fitting_columns(roles: list[str], values: list[tuple[str, int, int]]) -> list[str]:
    """The columns a row printing fewer numbers than its header has columns filled, in
    order (「880 880 880 10 10」 under 年初预算数 · 全年预算数 · 全年执行数 · 分值 · 执行率 ·
    得分: the rate left empty): the choice in which a weight is at most 100, a score no more
    than its weight and a rate executed / adjusted; among equals, the last columns."""
    numbers = [_as_float(t) for t, _, _ in values]
    choices = list(combinations(range(len(roles)), len(values)))     # in order: the last columns last
    best = min(reversed(choices), key=lambda chosen: _column_misfit({roles[c]: x for c, x in zip(chosen, numbers)}))
    return [roles[c] for c in best]


def _column_misfit(got: Mapping[str, float | None]) -> int:
    """How far numbers put under budget columns are from what such columns hold: a weight at
    most 100, a score no more than its weight, a rate of at most 200 that is executed /
    adjusted (0: all fit)."""
    weight, score, rate = got.get("weight"), got.get("score"), got.get("rate")
    base, executed = _budget_base(got), got.get("executed")
    cost = 0
    if weight is not None and weight > 100:
        cost += 2
    if score is not None and (score > 100 or weight is not None and score > weight):
        cost += 2
    if rate is not None and (rate > 200 or base and executed is not None
                             and abs(_rate_of(base, executed) - rate) > GLUED_RATE_TOLERANCE):
        cost += 1
    return cost


def _money_unit(text: str, atoms: list[Atom], k: int) -> str:
    """The money unit near the budget's label, else the one the line above the form
    declares (「207101某区法院 | 单位:万元 |」 heads the next form of a page)."""
    lo = atoms[max(0, k - 40)].start
    window = text[lo:atoms[min(len(atoms) - 1, k + 8)].end]
    m = re.findall(r"万元|万兀|元", window)
    if not m:
        return declared_unit(text[max(0, atoms[0].start - DECLARED_UNIT_WINDOW):atoms[0].start])
    return "万元" if any(u.startswith("万") for u in m) else "元"


def _as_float(t: str) -> float | None:
    if not t:
        return None
    try:
        return float(t.rstrip("%").replace(",", ""))
    except ValueError:
        return None


def _total(atoms: list[Atom], text: str, v: FormVocab) -> float | None:
    """总分 / 自评得分 / 自评总分: the last number printed after it."""
    for k, a in enumerate(atoms):
        key = heading_key(a.text)
        if key.startswith(("总分", "自评得分", "自评总分", "综合得分")) and len(key) <= 8:
            nums: list[str] = []
            for b in atoms[k + 1:k + 13]:      # digits come in pieces: 「100」 is 1 · 0 · 0
                t = b.text.strip(":：()（）分")
                if b.gap == GLUE_DIGIT and nums:
                    nums[-1] += t
                    continue
                if _NUMBER.match(t) and not t.endswith("%"):
                    nums.append(t)
                elif t and not _NUMBER.match(t):
                    break
                if len(nums) >= 3 and b.gap >= SPACE:
                    break
            values = [float(n) for n in nums if float(n) <= 100]
            if not values and len(nums) == 1:
                # 「总分100100」: 分值 and 得分 run together; the one cut into a full mark
                # and a score no larger than it
                pairs = [(a, b) for a, b in _cuts(nums[0], 2) if b <= a <= 100]
                values = [pairs[0][1]] if len(pairs) == 1 else []
            if values:
                return values[-1]
    return None

