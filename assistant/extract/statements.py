"""Reasons, problems and measures of a document (TAXONOMY.md §2), with project and themes.

`extract_statements(doc, projects)` is called by the pipeline after the tables are read.
It collects, in this order of trust:

1. the reason cells the table reader located (Indicator.reason, Budget.reason);
2. headed sections, heading cells and statement columns (`sections.find_regions`);
3. prose cues in the remaining text: reasons (主要原因是, 原因为, 由于…, 因…) and admissions
   (仍存在…问题, 有待提高, 不够, 滞后, 偏低, 未达到 …), never in plan forms (申报表,
   绩效目标表), in rows describing the plan (立项依据 …) or in table data rows; in sections
   describing the unit or project (项目概况 …) only the strong cues.  An explanation of a
   change from last year is a reason only in a budget statement (部门预算说明).

Each body is cut into single points (`splitting.split_points`); each point is attributed
to a project (inside a form: that form's project; in a narrative part after a line naming
a project: that project; elsewhere the department, "") and tagged with themes
(`themes.tag_themes`).
`Statement.text` is `doc.text[start:end]` with line breaks and tabs removed.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import cast

from rapidfuzz import fuzz, process

from assistant.extract.formvocab import vocab
from assistant.extract.layout import Row, split_rows, squash, tab_rows
from assistant.extract.sections import (Region, descriptive_spans, find_regions, heading_kinds, is_heading_line,
                                        numbering_level, plan_spans)
from assistant.extract.splitting import (clause_start, content_length, is_preamble, is_skippable, merge_spans,
                                         reason_end, sentence_start, split_led_points, touches, trim)
from assistant.extract.themes import OTHER, tag_themes
from assistant.extract.statement_vocab import NUMBERING, Cues, statement_vocab
from assistant.model import Document, Project, Statement, StatementKind

_BREAKS = re.compile(r"\s*[\n\t\r]\s*")
_STOPS = "。；;！!？?：:，,、.．"
_SPACE = re.compile(r"\s+")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LABEL_NUMBER = re.compile(r"[\d一二三四五六七八九十]+$")
_LABEL_TAIL = re.compile(r"(?:主要)?(?:有|是|为|包括|如下)$")
FREE_PIECE_MIN = 12         # characters of a line's free piece worth reading (a sentence or more)
# (「过大.二是」: . for 。; a quotation's closing mark after its stop ends the sentence with it)
_SENTENCE_STOP = re.compile(r"[。！？!?；;][”’」』]?|(?<=[\u4e00-\u9fff])\.(?!\d)")
# six characters that carry content (splitting.content_length: punctuation and white space aside)
_SIX_CONTENT = re.compile(r"(?:[\s\W_]*[^\s\W_]){6}")


def _join(m: re.Match) -> str:
    """A line break inside a statement: nothing where a line wrapped, an ideographic space
    where a title line without a stop stands over its paragraph (a blank line between):
    「部门中长期规划不完善　评价组通过实地调研……」 reads as two sentences, not one run
    together, and the cause reader (causes._CLAUSE) parts them there."""
    if m.group().count("\n") >= 2 and m.start() > 0 and m.string[m.start() - 1] not in _STOPS:
        return "\u3000"
    return ""


def extract_statements(doc: Document, projects: list[Project], rows: list[Row] | None = None) -> list[Statement]:
    """Every reason, problem and measure of `doc`, in document order; `rows` are
    `layout.split_rows(doc.text)` when the caller has them already."""
    text = doc.text
    rows = split_rows(text) if rows is None else rows
    described = descriptive_spans(text, rows)       # (for the prose reader and unheaded lists)
    found = find_regions(text, rows, columns=tab_rows(rows), described=described)
    cells = sorted((f for f in found if f.source == "cell" and "reason" in f.kinds), key=lambda f: (f.start, f.end))
    cell_starts, cell_reach = _reach(cells)
    given = [_labelled(g, cells, cell_starts, cell_reach) for g in _given_regions(text, projects)]
    starts, reach = _reach(sorted(given, key=lambda g: (g.start, g.end)))
    regions = _drop_nested(given + [r for r in found if not _overlaps_any(r, starts, reach)])
    attributor = _Attributor(text, rows, projects)
    out: list[Statement] = []
    claimed: list[tuple[int, int]] = []
    for region in regions:
        claimed.append((region.head if region.head is not None else region.start, region.end))
        for b_start, b_end, labelled in _blocks(text, region.start, region.end):
            split_kind = labelled or (region.kinds[0] if len(region.kinds) == 1 else None)
            for start, end, led in split_led_points(text, b_start, b_end, split_kind):
                if labelled:
                    kind = labelled
                elif led:
                    kind = "reason"
                else:
                    kind, start = _point_kind(region, text, start, end)
                # a cell of a TAB row ends where its cell does: an export's last row is no page
                # cut off mid-sentence
                whole = end if region.source == "cell" and _in_tab_row(rows, end) \
                    else _complete(text, start, end)
                if whole is None:
                    continue
                *held, (kind, start, end) = _parts(text, kind, start, whole)
                for held_kind, held_start, held_end in held:
                    out.append(_statement(text, held_kind, held_start, held_end, region.source, region.cue, attributor))
                default = "BUDGET_EXECUTION" if region.budget and kind == "reason" else None
                out.append(_statement(text, kind, start, end, region.source, region.cue, attributor, default=default))
    # no prose is read inside an indicator table (its statement cells are read as cells)
    tables = [(p.indicators[0].start, max(i.end for i in p.indicators)) for p in projects if p.indicators]
    skip = claimed + plan_spans(text, rows, projects) + tables + _title(text)
    yearly = _is_budget_statement(text)
    for kind, start, end, cue, theme_from in _prose(text, skip, described, yearly):
        whole = _complete(text, start, end)
        if whole is None:
            continue
        end = whole
        cut = _reason_after(text, kind, start, end)
        if cut is not None:
            out.append(_statement(text, kind, start, cut, "prose", cue, attributor, theme_from=theme_from))
            kind, start, theme_from = "reason", cut + 1, None
        # in a budget statement a change from last year's budget is a matter of planning
        default = "BUDGET_PLANNING" if yearly and kind == "reason" else None
        out.append(_statement(text, kind, start, end, "prose", cue, attributor, theme_from=theme_from,
                              default=default))
    out.sort(key=lambda s: (s.start, s.end))
    return _dedupe(out)


_CLAUSE_OPEN = "，,、：:"
_CLAUSE_BREAK = re.compile(r"[，,；;]")
_AT_TEXT_END = re.compile(r"[\s，,、：:]*\Z")     # only white space or a clause's comma left


_LINE = re.compile(r"[^\n]*")
_SENTENCE_MARK = re.compile(r"[。，,；;！？!?]")


def _title(text: str) -> list[tuple[int, int]]:
    """The lines over a document's first sentence, none with a stop or a comma: a page's
    name, 「分享到：」, the source line and the title — a news headline (「……审计结果
    1.97亿元涉农资金滞留闲置」) states no problem of its own.  None when no sentence follows."""
    spans: list[tuple[int, int]] = []
    for m in _LINE.finditer(text, 0, _TITLE_REACH):
        line = m.group()
        if _SENTENCE_MARK.search(line):
            return spans
        if len(line) > 80 or "\t" in line:
            return []       # (a form's row, or a long line of no sentence: no page's head)
        if line.strip():
            spans.append(m.span())
    return []


_TITLE_REACH = 600      # characters of a page's head searched for its first sentence


def _reason_after(text: str, kind: str, start: int, end: int) -> int | None:
    """Where a problem's own cause begins, at the stop before it (statements.yaml §
    reason_in_item_re: 「一是……征收不足，主要原因是征收力度不足」, 「……进度不理想，究其原因既
    有……」): the problem ends there and the reason starts after it; None for no such cut."""
    if kind != "problem":
        return None
    cut = _lex().reason_in_item.search(text, start, end)
    return cut.start() if cut is not None and text[start:cut.start()].strip() else None


def _parts(text: str, kind: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """A point as the statements it holds, in order: a measure that goes on to the finding
    it answers (`_finding_in_measure`), a finding then what was decided about it
    (statements.yaml § measure_in_problem_re), a problem then its cause (`_reason_after`),
    and, after the cause of a finding inside a measure point, measures again."""
    out: list[tuple[str, int, int]] = []
    finding = _finding_in_measure(text, kind, start, end)
    if finding is not None:
        out.append((kind, start, finding[0]))
        kind, start = "problem", finding[1]
    decided = _lex().measure_in_problem.search(text, start, end) if kind == "problem" else None
    if decided is not None and decided.end() < end:
        if text[start:decided.start()].strip():
            out.append((kind, start, decided.start()))
        kind, start = "measure", decided.end()
    cut = _reason_after(text, kind, start, end)
    if cut is not None:
        out.append((kind, start, cut))
        kind, start = "reason", cut + 1
        again = _measure_again(text, start, end) if finding is not None else None
        if again is not None:
            out.append((kind, start, again))
            kind, start = "measure", again
    if kind == "reason":
        turn = _lex().reason_then_measure.search(text, start, end)
        if turn is not None and text[start:turn.start()].strip() and text[turn.end():end].strip():
            out.append((kind, start, turn.start()))
            kind, start = "measure", turn.end()
    return out + [(kind, start, end)]


def _finding_in_measure(text: str, kind: str, start: int, end: int) -> tuple[int, int] | None:
    """(where a measure ends, where the finding it answers starts) when a later sentence of
    the measure point says what was found (statements.yaml § finding_in_measure_re); None
    for a measure that is only a measure, or any other kind."""
    if kind != "measure":
        return None
    for stop in _FULL_STOP.finditer(text, start, end):
        m = _lex().finding_in_measure.match(text, stop.end(), end)
        if m is not None and text[start:stop.end()].strip():
            return stop.end(), m.start("body")
    return None


_FULL_STOP = re.compile(r"。")


def _measure_again(text: str, start: int, end: int) -> int | None:
    """Where measures start again after a finding's cause: the first sentence after it that
    opens as a measure does (「……监督不力、监管不严。建议资金主管部门，一是……」)."""
    for stop in _FULL_STOP.finditer(text, start, end):
        rest = text[stop.end():end].lstrip()
        if rest and _lex().measure_starts.search(rest):
            return end - len(rest)
    return None


def _in_tab_row(rows: list[Row], at: int) -> bool:
    """Whether offset `at` ends a cell of a row whose cells TABs part."""
    k = bisect_right(rows, at, key=lambda r: r.start) - 1
    return k >= 0 and rows[k].tabbed and rows[k].start <= at <= rows[k].end


def _complete(text: str, start: int, end: int) -> int | None:
    """Where a statement ends once the sentence a cut-off text breaks off is left out: a
    statement that runs to the very end of a text that stops mid-sentence (a passage, a
    page export: 「三是审核监管机制不健全。绩效目标编制与审核流程存在漏洞,未建立针对指」) keeps
    its whole sentences; one with no whole sentence, broken off after a comma or in a clause
    after one (「增加配套器材选择的灵活性,建设标准篮球场占地面积较大,……根据地方实际灵活选」),
    is none (None). Anywhere else, and where the last piece could be a whole unpunctuated
    item (one clause: 「二是加强工程维护资料管理」), `end` as it was."""
    if _AT_TEXT_END.match(text, end) is None:
        return end                      # (text follows: no slice of the rest, however long)
    rest = text[end:].strip()
    body = text[start:end].rstrip() + rest
    if not body or _SENTENCE_STOP.match(body, len(body) - 1) or body[-1] in "”」』）)":
        return end
    stops = [m.end() for m in _SENTENCE_STOP.finditer(body)]
    if stops:
        return start + stops[-1]
    # (「……配套制度不完善、有」: broken off in a list of words)
    return None if body[-1] in _CLAUSE_OPEN or _CLAUSE_BREAK.search(body) or _LIST_BROKEN.search(body) else end


_LIST_BROKEN = re.compile(r"、[^、，,；;。：:]{0,2}$")


def _lex() -> Cues:
    return statement_vocab().cues


# ---------------------------------------------------------------------------- regions

def _given_regions(text: str, projects: list[Project]) -> list[Region]:
    """The statement cells the table reader already located: reasons (and measures, under
    a 偏差原因分析及改进措施 heading), problems and measures of a 存在问题 / 改进措施 column."""
    regions = []
    for p in projects:
        columns = p.statement_columns
        reason_cue = columns.get("reason") or "未完成原因分析"
        reason_kinds = heading_kinds(reason_cue) or ("reason",)
        if "reason" not in reason_kinds:
            reason_kinds = ("reason",)
        problem_cue = columns.get("problem_measure") or columns.get("problem") or "存在问题"
        problem_kinds = ("problem", "measure") if "problem_measure" in columns else ("problem",)
        for ind in p.indicators:
            for kinds, cue, value, start, end in (
                    (reason_kinds, reason_cue, ind.reason, ind.reason_start, ind.reason_end),
                    (problem_kinds, problem_cue, ind.problem, ind.problem_start, ind.problem_end),
                    (("measure",), columns.get("measure") or "改进措施", ind.measure, ind.measure_start,
                     ind.measure_end)):
                span = _locate(text, value, start, end, p)
                # a statement says something (a cell printing its row's value again was cleared
                # in pipeline.read_page)
                if span and len(_HAN.findall(value)) >= 3:
                    regions.append(Region(kinds, *span, cue=cue, source="cell"))
        b = p.budget
        if b is not None:
            span = _locate(text, b.reason, b.reason_start, b.reason_end, p)
            if span:
                regions.append(Region(("reason",), *span, cue="原因", source="cell", budget=True))
    return regions


def _locate(text: str, value: str, start: int | None, end: int | None, p: Project) -> tuple[int, int] | None:
    """The span of a cell the table reader gave: its offsets when they hold its text, else
    the text's first occurrence in the form."""
    if not value or not value.strip():
        return None
    if start is not None and end is not None and 0 <= start < end <= len(text) \
            and _SPACE.sub("", text[start:end]) == _SPACE.sub("", value):
        return start, end
    lo = p.start or 0
    hi = p.end if p.end and p.end > lo else len(text)
    at = text.find(value.strip(), lo, hi)
    return (at, at + len(value.strip())) if at >= 0 else None


def _reach(regions: list[Region]) -> tuple[list[int], list[int]]:
    """The starts of regions sorted by them, and the furthest end of those up to each:
    enough to tell whether a span overlaps any of them in a binary search (a long document
    has tens of thousands of found regions and hundreds of given ones)."""
    reach, far = [], -1
    for r in regions:
        far = max(far, r.end)
        reach.append(far)
    return [r.start for r in regions], reach


def _overlaps_any(region: Region, starts: list[int], reach: list[int]) -> bool:
    k = bisect_left(starts, region.end)         # the regions starting before `region` ends
    return k > 0 and reach[k - 1] > region.start


def _labelled(given: Region, cells: list[Region], starts: list[int], reach: list[int]) -> Region:
    """A reason cell the table reader gave, with the column label printed above it (偏差原因,
    扣分原因 …) and its kinds (偏差原因分析及改进措施 holds measures too) when found among
    `cells` (the reason cells found, in order of their starts; `_reach` of them): the first
    that overlaps it is the first whose reach passes its start, if that one starts before
    it ends."""
    k = bisect_right(reach, given.start)
    if k < len(cells) and starts[k] < given.end:
        f = cells[k]
        return Region(f.kinds, given.start, given.end, f.cue, "cell", given.budget or f.budget)
    return given


def _drop_nested(regions: list[Region]) -> list[Region]:
    """A region inside another (a heading cell inside a section body) is read once."""
    regions = sorted(regions, key=lambda r: (r.start, -r.end))
    out: list[Region] = []
    for r in regions:
        if out and r.start < out[-1].end:
            if r.end <= out[-1].end:
                continue
            r = Region(r.kinds, out[-1].end, r.end, r.cue, r.source, r.budget, r.head)
        out.append(r)
    return out


_LINE_START = re.compile(r"^[ \t　]*", re.M)


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int, str | None]]:
    """A body whose lines open with labels (「存在的问题：一是…」 then 「原因：一是…；二是…」)
    cut at them: each block from after its label, with the label's kind, so that every
    point of it is of that kind and one block's 一是 never pairs with the next block's 二是;
    the lines before the first label, with None.  A body with no such line is one block."""
    lex = _lex()
    cuts: list[tuple[int, int, str]] = []
    for m in _LINE_START.finditer(text, start, end):
        if m.end() >= end:
            break
        lm = lex.inline_label.match(text, m.end(), end)
        if lm is None or lm.end() >= end:
            continue
        kind = _label_kind(lm.group(1))
        if kind:
            cuts.append((m.end(), lm.end(), kind))
    if not cuts:
        return [(start, end, None)]
    out: list[tuple[int, int, str | None]] = []
    if text[start:cuts[0][0]].strip():
        out.append((start, cuts[0][0], None))
    for n, (_, body, kind) in enumerate(cuts):
        out.append((body, cuts[n + 1][0] if n + 1 < len(cuts) else end, kind))
    return out


def _label_kind(label: str) -> str | None:
    """The kind a label before a colon gives what follows: one of statements.yaml §
    inline_labels, numbered or not (问题1, 措施二), or a heading word of one kind with the
    words that announce a list after it (「存在的问题主要有：」, 「改进措施如下：」)."""
    lex = _lex()
    label = _LABEL_NUMBER.sub("", label)
    kind = lex.inline_labels.get(label)
    if kind is None:
        bare = _LABEL_TAIL.sub("", label)
        kinds = statement_vocab().headings.word_kind.get(bare, ())
        kind = lex.inline_labels.get(bare) or (kinds[0] if len(kinds) == 1 else None)
    return kind


def _point_kind(region: Region, text: str, start: int, end: int) -> tuple[str, int]:
    """The kind of one point of a region, and where its text starts: a label such as
    「措施：」 decides and is left out; in a section joining two headings (存在问题及改进措施)
    a point opening with a measure verb is a measure; in a reason cell, a point opening
    with 今后 / 下一步 / 将 … is the measure written beside the reason."""
    lex, kinds = _lex(), region.kinds
    m = lex.inline_label.match(text, start, end)
    labelled = _label_kind(m.group(1)) if m else None    # 问题1：, 措施二：, 存在的问题主要有：
    if m and m.end() < end and labelled:
        return labelled, m.end()
    point = text[start:end]
    if kinds == ("reason",) and region.source == "cell" and lex.reason_cell_measure_starts.search(point):
        return "measure", start
    named = lex.named_problem.match(point) if "measure" in kinds and "problem" not in kinds else None
    if named:
        return "problem", start + named.start("body")   # 「(2)……的问题。」 between the 整改措施
    if len(kinds) == 1:
        return kinds[0], start
    if "measure" in kinds and lex.measure_starts.search(point):
        return "measure", start
    if "reason" in kinds and "problem" in kinds:
        # 存在的问题及原因: a point opening 「主要原因是……」 is a reason, the rest are problems —
        # 「因受疫情影响，部分项目未能……」 states the shortfall with its cause: a problem
        opens = point.lstrip()[:8]
        return ("reason" if any(rx.match(opens) for rx in lex.reason_cues) else "problem"), start
    return next(k for k in kinds if k != "measure"), start


# ---------------------------------------------------------------------------- prose

def _is_budget_statement(text: str) -> bool:
    """A 部门预算说明: what it explains is how the budget differs from last year's."""
    lex = _lex()
    head = text[:lex.plan_document_chars]
    return bool(lex.plan_document.search(head)) and not lex.final_document.search(head)


def _prose(text: str, skip: list[tuple[int, int]], descriptive: list[tuple[int, int]], yearly: bool):
    """(kind, start, end, cue, theme start) of reasons and admissions in running text;
    in descriptive sections only the strong cues count; explanations of a change from last
    year count only when `yearly` (a budget statement)."""
    lex = _lex()
    skipped, described = merge_spans(skip), merge_spans(descriptive)
    for seg_start, seg_end, whole in _free_segments(text, skipped):
        if not _SIX_CONTENT.match(text, seg_start, seg_end):
            continue            # (a cell of figures and punctuation: no statement in it)
        strong = touches(seg_start, seg_end, described)
        reason_cues = lex.reason_cues + (() if strong else lex.weak_reason_cues)
        admission_cues = lex.admission_cues + (() if strong else lex.weak_admission_cues)
        any_reason = lex.any_reason if strong else lex.any_weak_reason
        any_admission = lex.any_admission if strong else lex.any_weak_admission
        taken: list[tuple[int, int]] = []
        named = _named_problem(text, seg_start, seg_end) if whole else None
        if named is not None:       # 「1、预算指标下达不及时的问题」: a line naming a problem
            yield named
            if named[2] + 1 >= seg_end:
                continue
            seg_start = named[2] + 1     # 「关于……的问题。对……」: what was done about it is read on
        if any_reason is None or any_reason.search(text[seg_start:seg_end]):   # as _reasons sees it
            for found in _reasons(text, seg_start, seg_end, reason_cues, yearly):
                taken.append(found[1:3])
                yield found
        if whole:
            for found in _scoped_measures(text, seg_start, seg_end):
                taken.append(found[1:3])
                yield found
            for found in _prose_measures(text, seg_start, seg_end, taken):
                taken.append(found[1:3])
                yield found
        if not whole or any_admission is not None and not any_admission.search(text[seg_start:seg_end]):
            continue            # no cue in the segment, so none in any of its sentences; a
            #                     piece of a line that runs on from a claimed span (a form's
            #                     cells, a section) holds a reason but no admission
        for s_start, s_end in _sentences(text, seg_start, seg_end):
            for s, e in taken:      # the admission ends where a reason begins
                if s <= s_start < e:
                    s_start = s_end
                elif s_start < s < s_end:
                    s_end = s
            if s_end <= s_start or any_admission is not None and not any_admission.search(text[s_start:s_end]):
                continue
            for c_start, c_end in _findings(text, s_start, s_end, any_admission):
                found = _admission(text, c_start, c_end, admission_cues)
                if found:
                    yield found


def _findings(text: str, start: int, end: int, any_admission):
    """The parts of a sentence read for an admission each: its clauses parted by ； where two
    or more of them admit something (an audit's findings strung in one sentence: 「……被挤占
    挪用；有些地方虚假申报……；地方配套资金落实不理想……」), else the whole sentence."""
    cuts = [m.end() for m in _FINDING_BREAK.finditer(text, start, end)]
    if not cuts or any_admission is None:
        return [(start, end)]
    parts = list(zip([start, *cuts], [*cuts, end]))
    if sum(1 for s, e in parts if any_admission.search(text, s, e)) < 2:
        return [(start, end)]
    return parts


_FINDING_BREAK = re.compile(r"[；;]")


def _named_problem(text: str, seg_start: int, seg_end: int):
    """A line that is nothing but a problem's name (statements.yaml § named_problem_re:
    「(一)专项资金拨付和使用时效性不强的问题」, a rectification report's heading of what it
    dealt with), as a problem; not a heading of problems (「三、存在的问题」)."""
    line = text[seg_start:seg_end]
    lex = _lex()
    m = lex.named_problem.match(line)
    if m is None:
        m = lex.named_problem_lead.match(line)     # 「(一)关于……的问题。对……」
        if m is None or heading_kinds(line[:m.end()]):
            return None
    elif heading_kinds(line) or is_heading_line(line):
        return None
    body = m.group("body").rstrip("。.")
    if lex.named_problem_not.search(body):
        return None                 # 「五、其他需要说明的问题」
    if lex.negation.search(body[:-3]):
        return None                 # 「不存在执行数偏离预算数较多的问题」
    start = seg_start + m.start("body")
    return "problem", start, start + len(body), "的问题", start


_PARTS = re.compile(r"[^；;]+")


def _scoped_measures(text: str, seg_start: int, seg_end: int):
    """(kind, start, end, cue, theme start) of measures named as the fields a recommendation
    covers (statements.yaml § scoped_measures_re), one for each part cut at ；."""
    if text.find("方面", seg_start, seg_end) < 0:
        return              # (most segments: one find says there is none)
    for m in _lex().scoped_measures.finditer(text, seg_start, seg_end):
        for part in _PARTS.finditer(text, m.start("body"), m.end("body")):
            s, e = trim(text, part.start(), part.end())
            if content_length(text[s:e]) >= 4:
                yield "measure", s, e, "等方面提出建议", s


def _prose_measures(text: str, seg_start: int, seg_end: int, taken: list[tuple[int, int]]):
    """(kind, start, end, cue, theme start) of measures in running text: what follows a cue
    of next steps or a recommendation to the sentence's end, and a sentence after it that
    opens with 「同时，」 (statements.yaml § prose_measure_re)."""
    lex = _lex()
    if not lex.prose_measure.search(text, seg_start, seg_end):
        return
    follows = False
    for s_start, s_end in _sentences(text, seg_start, seg_end):
        if any(s < s_end and s_start < e for s, e in taken):
            follows = False
            continue
        cue = lex.prose_measure.search(text, s_start, s_end)
        if cue is None and follows:
            cue = lex.prose_measure_more.match(text, s_start, s_end)
        follows = False
        if cue is None:
            continue
        s, e = trim(text, cue.end(), s_end)
        if e - s < 6 or is_skippable(text[s:e]) or is_preamble(text[s:e]) \
                or statement_vocab().points.not_statement.search(text, s_start, s_end):
            continue            # (「针对上述问题，提出以下建议：」 announces, it is none; nor
            #                     does 「审核组针对部门存在的问题，提出了核查意见」 state one)
        follows = True
        problem = _framed_problem(text, cue)
        if problem is not None:
            yield problem
        # (a measure answering what its sentence names first is about that: its themes too)
        framed = "针对" in cue.group()[:16]
        yield "measure", s, e, cue.group().strip(), s_start if framed else s


_QUOTES = re.compile(r"[“”「」\"]")
_FRAME = re.compile(r"针对(?:[^，,。；;]{0,16}?发现的)?(?P<x>[^，,。；;]{6,80}?)(?:的|等)?问题[，,]\s*$")


def _framed_problem(text: str, cue: re.Match):
    """「县财政局针对督导中发现的部分债券资金拨付进度较慢的问题，提出整改意见……」: the
    shortfall the frame names is a problem (kind, start, end, cue, theme start), when it
    admits one."""
    m = _FRAME.search(cue.group())
    if m is None:
        return None
    start, end = cue.start() + m.start("x"), cue.start() + m.end("x")
    if _QUOTES.search(text, start, end):
        return None         # 「针对“资金拨付不及时”等两个问题，……」 names the problems, admits none
    lex = _lex()
    if lex.any_weak_admission is None or not lex.any_weak_admission.search(text, start, end):
        return None
    return "problem", start, end, "针对……问题", start


# lines and cells long enough to hold a statement (six characters or more; most cells of a
# table are shorter, and are not even looked at): text between line breaks, tabs and rules (|)
_SEGMENT = re.compile(r"[^\n\t|]{6,}")


def _free_segments(text: str, skipped: tuple[list[int], list[int]]):
    """(start, end, whole) of the lines and cells of `text` (six characters or more) that
    touch no skipped span; of a line that does — a flattened page running a section's heading and body on with the
    report's prose — the sentences (pieces holding a 。) before and after the skipped spans,
    not whole."""
    starts, ends = skipped
    for seg in _SEGMENT.finditer(text):
        seg_start, seg_end = seg.span()
        i = bisect_right(starts, seg_end - 1) - 1
        if i < 0 or ends[i] <= seg_start:           # (touches nothing skipped: most segments)
            yield seg_start, seg_end, True
            continue
        if seg_end - seg_start < FREE_PIECE_MIN:
            continue
        at = seg_start
        k = bisect_right(ends, seg_start)
        while at < seg_end:
            stop = min(starts[k], seg_end) if k < len(starts) else seg_end
            if stop - at >= FREE_PIECE_MIN and "。" in text[at:stop]:
                yield at, stop, False
            if k >= len(starts) or starts[k] >= seg_end:
                break
            at, k = ends[k], k + 1


def _sentences(text: str, start: int, end: int):
    pos = start
    for m in _SENTENCE_STOP.finditer(text[start:end]):
        yield pos, start + m.end()
        pos = start + m.end()
    if pos < end:
        yield pos, end


def _reasons(text: str, seg_start: int, seg_end: int, cues, yearly: bool):
    lex = _lex()
    seg = text[seg_start:seg_end]
    done = 0
    # in the order they stand (a cue later in the list may find an earlier reason)
    found = sorted(((m.start(), n, rx, m) for n, rx in enumerate(cues) for m in rx.finditer(seg)),
                   key=lambda f: f[:2])
    for _, _, rx, m in found:
        if m.start() < done:
            continue
        clause = _cause_start(seg, m, rx)
        turn = lex.turn.match(seg, clause, m.start())
        if turn:
            clause = turn.end()
        end = reason_end(seg, m.end())
        stmt = seg[clause:end]
        if any(r.search(stmt) for r in lex.reason_skip) or is_skippable(stmt):
            continue
        if rx not in lex.effect_reason_cues and not _SIX_CONTENT.match(seg, m.end(), end):
            continue            # 「二、资金支出滞后主要原因」: a heading, no cause after its cue
        if not yearly and not lex.deviation.search(seg[clause:m.end()]) \
                and _compares_years(text, seg_start + m.end()):
            continue
        done = end
        # the clause that turns to what will be done ends the reason (statements.yaml §
        # reason_then_measure_re: 「……属于预留的质保金，待质保期满后支付」); the rest of the
        # sentence is a measure
        turn = lex.reason_then_measure.search(seg, m.end(), end)
        if turn is not None and not _SIX_CONTENT.match(seg, turn.end(), end):
            turn = None
        s, e = trim(seg, clause, turn.start() if turn else end)
        cause = seg_start + (s if rx in lex.effect_reason_cues else m.end())
        yield "reason", seg_start + s, seg_start + e, m.group().strip(), cause
        if turn is not None:
            s, e = trim(seg, turn.end(), end)
            yield "measure", seg_start + s, seg_start + e, "", seg_start + s


def _cause_start(s: str, m: re.Match, rx: re.Pattern) -> int:
    """Where a reason whose cue `m` found in `s` begins: its clause — or the clause before,
    where the cue opening its clause names the effect (statements.yaml § effect_reason_cues_re)."""
    clause = clause_start(s, m.start())
    if rx in _lex().effect_reason_cues and clause == m.start() and clause > 0 and s[clause - 1] in "，,":
        clause = clause_start(s, clause - 1)
    return clause


def _compares_years(text: str, pos: int) -> bool:
    """Whether the sentence before `pos`, or the one before it, compares with a past year:
    the reason then explains a year-on-year change, not a deviation from budget or target."""
    begin = sentence_start(text, sentence_start(text, pos) - 1)
    return bool(_lex().comparison.search(_BREAKS.sub("", text[begin:pos])))


def _admission(text: str, start: int, end: int, cues):
    lex = _lex()
    sentence = text[start:end]
    # (a heading cell wrapped over lines keeps its wrap spaces: 「偏差大或 目标未完成 原因分析」)
    if lex.definition.search(sentence) or lex.not_applicable.search(sentence) or is_heading_line(sentence) \
            or heading_kinds(sentence) or _header_row(sentence) or lex.outcome.search(sentence) \
            or _names_causes(sentence):
        return None
    empty: list[tuple[int, int]] | None = None
    for rx in cues:
        for m in rx.finditer(sentence):
            after = sentence[m.end():]
            if lex.attributive.match(after) or lex.zero_after.match(after) or lex.empty_admission.match(m.group()):
                continue
            if empty is None:       # (「……也存在一些不足」: its 不足 names none either)
                empty = [(e.start(), e.end()) for r in cues for e in r.finditer(sentence)
                         if lex.empty_admission.match(e.group())]
            if any(s <= m.start() and m.end() <= e for s, e in empty):
                continue
            if _quoted(sentence, m.start()):
                continue                # 「针对“…设置存在问题”…」 names a problem, admits none here
            if lex.negation.search(sentence[clause_start(sentence, m.start()):m.start()]):
                continue
            s = 0
            for t in lex.turn.finditer(sentence, 0, m.start()):
                s = t.end()
            found = lex.finder.search(sentence, s, m.end())
            if found is not None:       # 「审计组发现存在……」: what was found
                lead = _FOUND.match(sentence, found.end())
                s = lead.end() if lead else found.end()
            e = len(sentence)
            for r in lex.reason_cues + lex.weak_reason_cues:   # a reason later on is no problem
                rm = r.search(sentence, m.end())
                if rm:
                    e = min(e, max(_cause_start(sentence, rm, r), m.end()))
            s, e = trim(sentence, s, e)
            if e <= s or is_skippable(sentence[s:e]):
                continue
            return "problem", start + s, start + e, m.group(), start + s
    return None


# ---------------------------------------------------------------------------- statements

# what a numbered line naming the causes of what it says ends with (「二、资金支出滞后主要原因」):
# a heading, no admission
_CAUSES_HEADING_TAIL = re.compile(r"[^，,。；;：:\n]{2,24}?(?:的)?(?:主要|具体)?原因(?:分析)?\s*$")
def _names_causes(sentence: str) -> bool:
    """A numbered line naming the causes of what it says (「二、资金支出滞后主要原因」)."""
    line = sentence.lstrip()
    m = NUMBERING.match(line)
    return m is not None and _CAUSES_HEADING_TAIL.match(line, m.end()) is not None


_FOUND = re.compile(r"[，,：:\s]*(?:了|还|也)?(?:存在着?)?")


def _header_row(sentence: str) -> bool:
    """A table's header printed as a line of text (「情况说明 存在问题 改进措施」): every piece
    between spaces a column heading — it names columns, it states nothing."""
    pieces = sentence.split()
    return len(pieces) >= 2 and all(vocab().column_role(p) is not None for p in pieces)


def _quoted(sentence: str, pos: int) -> bool:
    """Whether `pos` stands inside “…” (or 「…」) quotation marks."""
    before = sentence[:pos]
    return before.count("“") > before.count("”") or before.count("「") > before.count("」")


def _statement(text: str, kind: str, start: int, end: int, source: str, cue: str, attributor: "_Attributor",
               theme_from: int | None = None, default: str | None = None) -> Statement:
    """A Statement of `text[start:end]`; `default` is the theme when no cue names one (the
    原因 of 预算执行情况 is about budget execution)."""
    note = _lex().statement_note.search(text, start, end)
    if note is not None and note.start() - start >= 4:
        end = note.start()
    body = _BREAKS.sub(_join, text[start:end])
    # a reason's themes are those of the cause, not of the cue's own clause
    subject = _BREAKS.sub("", text[theme_from:end]) if theme_from is not None and theme_from < end else body
    themes = tag_themes(subject or body, kind)
    if default and OTHER in themes:
        themes = {default: cue}
    return Statement(kind=cast(StatementKind, kind), text=body, project=attributor.attribute(start, end), themes=list(themes),
                     start=start, end=end, source=source, cue=cue, theme_evidence=themes)


def _dedupe(statements: list[Statement]) -> list[Statement]:
    seen = set()
    out = []
    for s in statements:
        key = (s.kind, s.start, s.end)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


# ---------------------------------------------------------------------------- attribution

class _Attributor:
    """Which project a span belongs to: its form, else the narrative part it stands in."""

    def __init__(self, text: str, rows, projects: list[Project]):
        lex = _lex()
        self.forms = sorted(((p.start, p.end, p.name) for p in projects if p.end > p.start), reverse=True)
        code = lex.project_code
        names: dict[str, str] = {}
        shared = {a for a in {a for p in projects for a in p.aliases}
                  if sum(a in p.aliases for p in projects) > 1}
        for p in projects:
            if p.form == "department_overall":
                continue
            # an alias that several projects share, or a form title, names none of them
            aliases = [a for a in p.aliases if a not in shared and not re.search(r"(表|报告)$", a)]
            for n in [p.name, *aliases]:
                core = code.sub("", re.sub(r"\s+", "", n))
                if len(core) >= lex.project_name_min:
                    names.setdefault(core, p.name)
        # a document about one project (its 自评报告, its form and the narrative after it):
        # what it says outside the form is about that project too
        named = [p for p in projects if p.name and p.form != "department_overall"]
        self.default = named[0].name if len(named) == 1 and len(projects) == 1 else ""
        department = lex.department_titles
        self.anchors: list[tuple[int, str]] = []
        level: int | None = None            # numbering level of the current project anchor
        known = list(names)
        for row in rows:
            if row.cell_per_line or len(row.nonempty) != 1:
                continue
            line = squash(text[row.start:row.end])
            if not line:
                continue
            titled = len(line) <= lex.project_title_max and department.search(line) is not None
            best = None
            if known and not titled and len(line) <= lex.project_title_max:
                best = process.extractOne(line, known, scorer=fuzz.partial_ratio,
                                          score_cutoff=lex.project_mention_cutoff)
            if best is not None:
                self.anchors.append((row.start, names[best[0]]))
                level = numbering_level(line)
            elif titled or level is not None and (here := numbering_level(line)) is not None and here <= level:
                # a department title, or a heading at the project heading's level or above
                self.anchors.append((row.start, ""))
                level = None

    def attribute(self, start: int, end: int) -> str:
        form = next(((s, name) for s, e, name in self.forms if s <= start < e), None)
        anchor = None
        for pos, name in self.anchors:
            if pos > start:
                break
            anchor = (pos, name)
        if form is not None and (anchor is None or anchor[0] < form[0]):
            return form[1]
        return anchor[1] if anchor is not None else self.default
