"""Indicators a report lists in its prose instead of a table.

A self-evaluation report often prints no indicator table and lists each indicator's result
as an item of its own:

    1.群体免疫密度,年初目标值≥90%,实际完成值≥90%,自评得分20分;
    (2)培训人次，目标值为300人次，实际完成值为326人次。

Each item names the indicator, then pairs a column heading of the published forms with its
value (the heading vocabulary of lexicons/tables.yaml § columns: 年初目标值, 实际完成值,
分值, 自评得分 …). An item is read when it pairs two roles or more, one of them the target or
the actual value, and its name is parted from the first heading by a comma or colon, or runs
straight into a target's heading when the item gives the actual value too, as the indicator
section of a transfer-payment self-evaluation report words it (the name is then no
sentence's subject: 本项目, 该资金 …, tables.yaml § prose_subject_re):

    1、产出数量指标：第一，救助人数年初指标值为不低于1200人,全年实际完成值1236人。第二，…

Items are lines, ；-clauses, or sentences a numbering follows (。第二，); the label printed
before an item in its line (产出数量指标：, 数量指标。) is its label.

A page announcing a project's targets copies the template's wording instead, each name
with the placeholder the template printed for its target and the value set after it, under
the second-level labels:

    数量指标：培训农户人数(≥**人)≥120人；时效指标：完成及时率(≥**%)≥100%。

(tables.yaml § template_mark_re).  Under a label's own line, an item is a line holding a
name and its value after a comparator or a comma (「培训人员≥300人；」), or a short line of
names with their numbers glued on (「放流苗种规格≥3cm,体质健壮,检验检疫合格率≥95%；」, half
its pieces such names at least).  Project notices and target tables also run the items on
after their label, in one line or cell, each name with its number glued on:

    产出指标 | 开展巡查频次8次;编制宣传资料数量3个;验收合格率≥86% |
    1、数量指标:资助家庭经济困难学生850人次,资助金额85.2万元。

A target table published as a tree prints every cell on a line of its own, the first column
indenting project › 一级 › 二级 › 三级; under a label's line an item is then a name's line
with its value alone on the next, and the project is the root above the first labels, its
amount alone on the line after it (「  某某项目 ⏎ 850000 ⏎   产出指标 ⏎    数量指标 ⏎ …」).

Items of any kind are read only in a document whose forms gave no indicator row, and only
where the document lists two such items or more: one sentence quoting a target is no list.
"""
from __future__ import annotations

import re

from assistant.extract.classify_lexicon import CompiledLexicon
from assistant.extract.formvocab import FormVocab, vocab
from assistant.extract.grammar import as_number, as_weight
from assistant.extract.labels import Label, lookup_label, printed_label
from assistant.extract.layout import Cell, stripped_cell
from assistant.extract.stream import COMPARATORS
from assistant.extract.tables import build_indicator, declared_unit, FilledLabels, ParsedCells, tables_lexicon
from assistant.model import Budget, Indicator, Project

ROLES = ("target", "actual", "weight", "score")
ITEMS_MIN = 2           # items a document must list before any is taken for an indicator
ITEM_MAX = 200          # characters of one item
NAME_MAX = 40
GAP_MAX = 2             # characters between the name's comma and the first heading (年初 …)

_ITEM = re.compile(r"[^\n；;]+")                        # lines, or clauses parted by ；
# an item's numbering: 1. · (1) · 1) · （一） · 一、 · ① · 第一， · 一是
_MARKER = (r"(?:\d{1,2}\s*[.、．]|[（(]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]"
           r"|\d{1,2}\s*[)）](?=\s*[\u4e00-\u9fff])"
           r"|[一二三四五六七八九十]{1,3}\s*、|[①-⑳]|第[一二三四五六七八九十]{1,3}\s*[,，、]"
           r"|[一二三四五六七八九十]{1,3}是)")
_NUMBERING = re.compile(rf"\s*{_MARKER}\s*")
# a sentence's end where the next item's numbering follows (「…100%。第二，…」): items of one line
_NEXT_ITEM = re.compile(rf"。(?=\s*{_MARKER})")
_PARTING = re.compile(r"[,，:：]")
_GLUED_START = re.compile(r"[,，:：。]")               # where a name run into its heading begins
_CELL_BREAK = re.compile(r"[\t|｜]|\s{2}")                # cells parted: no name runs on across them
_VALUE_LEAD = re.compile(r"\s*(?:[:：]|为|是|达到|达)?\s*")
_QUOTED = re.compile(r"[“\"「『‘']([^“”\"「」『』‘’']+)[”\"」』’']")
# an item's reason after its values: a clause opening with a cause's marker, to the item's end
_ROW_REASON = re.compile(r"[,，]\s*(?P<reason>(?:因为?|由于|主要原因(?:是|为)?|原因(?:是|为))[^\n]*)")
_ITEM_TAIL = " \t；;。.，,"
_VALUE_END = re.compile(r"[,，;；。]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# after a template's placeholder: the value set for the indicator, a comparator or a number first
_MARKED_VALUE = re.compile(r"\s*[≥≤<>=＞＜＝]{0,2}\s*\d[^,，;；。\n、]{0,20}")
# a marked name begins after the last separator before its placeholder
_NAME_START = re.compile(r"(?:^|[,，;；:：。\n])([^,，;；:：。\n]+)$")
_LABEL_PIECE = re.compile(r"[,，;；:：。\n]")
_LINE = re.compile(r"[^\n]+")
_COLON = re.compile(r"[:：]")
# a listed item: a name, then a comparator and a number, or a comma and a short value
_CMP = COMPARATORS
_LISTED = re.compile(rf"(?P<name>[^,，;；:：。{_CMP}\n]{{2,40}}?)\s*(?:"
                     rf"(?P<value>[{_CMP}]{{1,2}}\s*\d[^,，;；。\n]{{0,20}})"
                     r"|[,，](?P<value2>[^,，;；:：。\n]{1,12}))\s*[;；。]?$")
_KEY_MARKS = " ★☆*＊\u3000"
# a line holding an amount and nothing else (「3000000」, 「12.5万元」)
_AMOUNT_LINE = re.compile(r"\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)?\s*")
# a line holding a value and nothing else: a comparator, a number and a short unit (「≥95%」, 「300人次」)
_VALUE_LINE = re.compile(rf"\s*(?P<value>[{_CMP}]{{0,2}}\s*\d+(?:\.\d+)?\s*(?:%|‰|[\u4e00-\u9fff]{{1,3}}"
                         r"(?:/[\u4e00-\u9fff]{1,2})?)?)\s*")
# a label printed before items on its own line or cell: 「产出指标 |」, 「1、数量指标:」
_INLINE_LABEL = re.compile(r"(?:^|(?<=[|｜、.．]))\s*(?P<label>[\u4e00-\u9fff]{2,10})\s*(?:[:：]|(?=[|｜]))")
_CELL_GAP = re.compile(r"[\s|｜]*")
_CELL_END = re.compile(r"\s*[|｜]")
_INLINE_ITEM = re.compile(r"[^;；,，。|｜\n]+")
# a name, then the value that ends the item: comparator, number, a unit of three characters at most
_GLUED_VALUE = re.compile(rf"(?P<name>[^{_CMP}\d]{{2,40}}?)(?:为|达到|达)?"
                          rf"(?P<value>[{_CMP}]{{0,2}}\s*\d+(?:\.\d+)?\s*(?:%|‰|[A-Za-z]{{1,3}}\b|[\u4e00-\u9fff]{{1,3}}"
                          r"(?:/[\u4e00-\u9fff]{1,2})?)?)$")
_NAME_DIGIT = re.compile(r"\d")
# a line of a label, a name and how it stands: 「数量指标：完成道路建设491米，已完成；」
_STATUS_LINE = re.compile(r"^[ \t\u3000]*(?:\d{1,2}[.、．][ \t]*)?(?P<label>[\u4e00-\u9fff]{2,10})[:：][ \t]*"
                          r"(?P<body>[^，,；;。:：\n]{2,40}?)[，,][ \t]*(?P<status>[^，,；;。:：\n]{2,12}?)"
                          r"[ \t]*[；;。.]?[ \t]*$", re.M)
_STATUS_DONE = re.compile(r"完成|达到|达成|实现")
_YEAR = re.compile(r"(?:19|20)\d{2}年度?")


def listed_in_prose(text: str, projects: list[Project],
                    lexicon: CompiledLexicon | None = None) -> list[Project]:
    """`projects` with the indicators the report lists in its prose given to them, where no
    form of the document gave a row: to the project whose form the item stands in or
    follows (the first one before any form), or to a form with no name when there is none."""
    if any(p.indicators for p in projects):
        return projects
    rows = prose_rows(text, lexicon)
    if not rows:
        return projects
    if not projects:
        form = "self_evaluation" if any(r.actual or r.score is not None for r in rows) else "budget_target"
        project = Project(name="", form=form, start=0, end=len(text), indicators=rows)
        node = _tree_node(text, rows[0].start, vocab())
        if node is not None:
            name, amount, unit = node
            project.name, project.name_start, project.name_end = name.text, name.start, name.end
            # (in the unit its own line prints, else the one the page declared: 「单位：元」)
            project.budget = Budget(adjusted=amount, unit=unit or declared_unit(text[:name.start]))
        return [project]
    for row in rows:
        owner = next((p for p in reversed(projects) if p.start <= row.start), projects[0])
        owner.indicators.append(row)
    return projects


# (name, role → value, the label printed before it where the item tells one)
_Item = tuple[Cell, dict[str, Cell], Label | None]


def prose_rows(text: str, lexicon: CompiledLexicon | None = None) -> list[Indicator]:
    """The indicator items of a report's prose, in document order: those of the first kind
    the document lists ITEMS_MIN of or more (heading-paired, marked, listed under labels,
    run on after labels)."""
    v = vocab()
    items: list[_Item] = []
    for reader in (_paired_items, _marked_items, _labelled_items, _inline_items, _status_items):
        items = reader(text, v)
        if len(items) >= ITEMS_MIN:
            break
    else:
        return []
    lex = tables_lexicon()
    labels = FilledLabels()
    out = []
    for row_no, (name, cells, label) in enumerate(items):
        if label is not None:
            labels.apply(label, row_no, False)
        values = {r: c for r, c in cells.items() if r in ("target", "actual")}
        parsed = ParsedCells(labels=[], name=name, values=values,
                         weight=as_weight(cells["weight"].text) if "weight" in cells else None,
                         score=as_number(cells["score"].text) if "score" in cells else None,
                         reason=[cells["reason"]] if "reason" in cells else None)
        out.append(build_indicator(name, parsed, labels, row_no, lex, lexicon))
    return out


def _paired_items(text: str, v: FormVocab) -> list[_Item]:
    """The items pairing column headings with values, a line or a ；-clause each."""
    if v.heading_terms.search(text) is None:
        return []
    out: list[_Item] = []
    last = line_start = previous = 0
    for m in _ITEM.finditer(text):
        # (the start of m's line, found in the text since the clause before: linear in the text)
        line_start = max(line_start, text.rfind("\n", previous, m.start()) + 1)
        previous = start = m.start()
        for stop in [*(s.end() for s in _NEXT_ITEM.finditer(text, m.start(), m.end())), m.end()]:
            item = _item(text, start, stop, v) if stop - start <= ITEM_MAX else None
            if item is not None:
                # the label printed since the last item (「1、产出数量指标：第一，…」, 「数量指标。…」),
                # in its line or on lines of its own above it (「2、质量指标 ⏎ 1)…」)
                out.append((*item, _last_label(text[last if out else line_start:item[0].start])))
                last = stop
            start = stop
    return out


def _marked_items(text: str, v: FormVocab) -> list[_Item]:
    """(name, {"target": value}, the label printed before it) of every name a template's
    placeholder follows (「种植数量(≥**株)≥17600株」), where a value with a number follows it."""
    out: list[_Item] = []
    last = 0
    for mark in v.template_mark.finditer(text):
        value = _MARKED_VALUE.match(text, mark.end())
        before = _NAME_START.search(text, max(last, mark.start() - NAME_MAX), mark.start())
        if value is None or before is None:
            continue
        n_start = before.start(1) + len(before.group(1)) - len(before.group(1).lstrip(_KEY_MARKS))
        name = stripped_cell(text[n_start:mark.start()], n_start)
        if len(_CJK.findall(name.text)) < 2 or lookup_label(name.text) is not None:
            continue
        label = _last_label(text[last:before.start(1)])
        out.append((name, {"target": stripped_cell(value.group(), value.start())}, label))
        last = value.end()
    return out


def _labelled_items(text: str, v: FormVocab) -> list[_Item]:
    """Items listed a line each under a label's own line (「（一）数量指标」 /
    「培训人员≥300人；」 / 「完成时限，2025年10月底前；」): the name, then a comparator
    and a number, or a comma and a short value; or, as a tree table prints a cell a line, the
    name's line with its value alone on the next (「疫苗提供及时率 ⏎ 100%」).  A line that is
    neither a label nor an item ends the list."""
    out: list[_Item] = []
    label: Label | None = None
    fresh = False                   # the label has not been given to an item yet
    lines = list(_LINE.finditer(text))
    taken = -1                      # the last line read as an item's value
    for k, line in enumerate(lines):
        if k <= taken:
            continue
        numbered = _NUMBERING.match(line.group())
        skip = numbered.end() if numbered else 0
        body = stripped_cell(line.group()[skip:], line.start() + skip)
        found = _label_of(body.text.rstrip(":："), v)
        # a tree table rendered a cell a line (a 批复表 whose first column indents 一级 ›
        # 二级 › 三级): the name on its own line, its value alone on the next; a name may
        # repeat its label's words (「服务对象满意度」 under 服务对象满意度指标)
        lone = _VALUE_LINE.fullmatch(lines[k + 1].group()) if label is not None and k + 1 < len(lines) else None
        if found is not None and not (lone is not None and _repeats(found, label)):
            label, fresh = found, True
            continue
        if lone is not None and (found is not None or _tree_name(body.text)):
            at = lines[k + 1].start() + lone.start("value")
            out.append((body, {"target": Cell(lone.group("value"), at, at + len(lone.group("value")))},
                        label if fresh else None))
            fresh, taken = False, k + 1
            continue
        item = _LISTED.match(body.text) if label is not None and len(body.text) <= NAME_MAX + 30 else None
        if item is not None and len(_CJK.findall(item.group("name"))) >= 2 \
                and (not lookup_label(item.group("name")) or _repeats(_label_of(item.group("name"), v), label)):
            group = "value" if item.group("value") else "value2"
            name = stripped_cell(item.group("name"), body.start + item.start("name"))
            value = stripped_cell(item.group(group), body.start + item.start(group))
            if name.text.endswith(("(", "（")) and value.text.endswith((")", "）")):
                # 「支出控制在批复预算范围内(≥100%)」: the value in brackets after its name
                name = stripped_cell(name.text[:-1], name.start)
                value = Cell(value.text[:-1], value.start, value.end - 1)
            out.append((name, {"target": value}, label if fresh else None))
            fresh = False
            continue
        # 「渔业增殖放流规模150万尾；」, 「放流苗种规格≥3cm,优质健康,检验检疫≥90%」: names with
        # their numbers glued on, one or more to a short line (a long one, or one of several
        # sentences, is a narrative quoting its figures)
        # (a line holding a colon runs its items on after a label: _inline_items reads it)
        listed = label is not None and len(body.text) <= NAME_MAX + 30 and "。" not in body.text.rstrip("。") \
            and not _COLON.search(body.text)
        glued = _glued_items(text, body.start, body.end) if listed else []
        if 2 * len(glued) < len(_INLINE_ITEM.findall(body.text)):
            glued = []              # 「全年共组织培训5期，…达到预期，…推迟培训，…」: a sentence
        if not glued:
            label = None
            continue
        for name, value in glued:
            out.append((name, {"target": value}, label if fresh else None))
            fresh = False
    return out


def _repeats(name_label: Label | None, label: Label | None) -> bool:
    """Whether a name that reads as a label repeats the words of the second-level label it
    stands under (「服务对象满意度」 under 服务对象满意度指标): a row, not a new label."""
    return (name_label is not None and label is not None and label.level == 2
            and name_label.category == label.category)


def _tree_node(text: str, first: int, v: FormVocab) -> tuple[Cell, float, str] | None:
    """(name, amount, the amount's own unit or "") of the project a tree table's rows hang from, where the table prints
    it as their root: the line above the first row's labels, its amount alone on the line
    after it (「  某某项目 ⏎ 3000000 ⏎   产出指标 ⏎    数量指标 ⏎     …」)."""
    lines = [m for m in _LINE.finditer(text, 0, first) if m.group().strip()]
    k = len(lines) - 1
    while k >= 0 and _label_of(lines[k].group().strip().rstrip(":："), v) is not None:
        k -= 1
    if k < 1 or k == len(lines) - 1:
        return None                 # (no label between the root and the rows: no tree)
    amount = _AMOUNT_LINE.fullmatch(lines[k].group())
    name = stripped_cell(lines[k - 1].group(), lines[k - 1].start())
    if amount is None or not _tree_name(name.text) or v.heading_terms.fullmatch(name.text):
        return None
    return name, float(amount.group(1).replace(",", "")), amount.group(2) or ""


def _tree_name(text: str) -> bool:
    """Whether a line alone can be a tree table's indicator name: two Chinese characters or
    more, no label, no sentence's end within it."""
    return (len(text) <= NAME_MAX + 30 and len(_CJK.findall(text)) >= 2 and "。" not in text.rstrip("。")
            and lookup_label(text) is None)


def _inline_items(text: str, v: FormVocab) -> list[_Item]:
    """Items run on after their label in one line or cell, parted by ；or ，, each a name
    with its number glued on (「产出指标 | 开展巡查频次8次;编制宣传资料数量3个;验收合格率
    ≥86%」, 「数量指标:资助困难学生1606人次,资助金额160.77万元。」): the name, then an
    optional comparator, a number and a short unit, ending the item.  An item whose number
    stands inside it (「资助标准100%达标」) or whose name holds a number of its own is none."""
    out: list[_Item] = []
    for line in _LINE.finditer(text):
        for head in _INLINE_LABEL.finditer(line.group()):
            label = _label_of(head.group("label"), v)
            if label is None:
                continue
            after = _CELL_GAP.match(line.group(), head.end())
            start = line.start() + (after.end() if after else head.end())
            cell_end = _CELL_END.search(line.group(), start - line.start())
            end = line.start() + cell_end.start() if cell_end else line.end()
            fresh = True
            for name, value in _glued_items(text, start, end):
                out.append((name, {"target": value}, label if fresh else None))
                fresh = False
    return out


def _status_items(text: str, v: FormVocab) -> list[_Item]:
    """Lines that print a label, what was set under it and, after a comma, how it stands
    (「数量指标：完成道路建设491米，已完成；」, 「质量指标：确保工程质量，已完成；」), as the
    indicator section of a directly allocated fund's self-evaluation report words them: the
    name (a number glued to its end is the target) and the standing as the actual value."""
    out: list[_Item] = []
    for line in _STATUS_LINE.finditer(text):
        label = _label_of(line.group("label"), v)
        if label is None:
            continue
        body_at, status_at = line.start("body"), line.start("status")
        glued = _GLUED_VALUE.match(line.group("body").strip())
        cells: dict[str, Cell] = {"actual": stripped_cell(line.group("status"), status_at)}
        if glued is not None and len(_CJK.findall(glued.group("name"))) >= 2:
            name = stripped_cell(glued.group("name"), body_at)
            cells["target"] = stripped_cell(glued.group("value"), body_at + glued.start("value"))
        else:
            name = stripped_cell(line.group("body"), body_at)
        if len(_CJK.findall(name.text)) < 2 or lookup_label(name.text) is not None:
            continue
        out.append((name, cells, label))
    # (a page of labelled sentences is no list of results unless one says a target was met)
    return out if any(_STATUS_DONE.search(c["actual"].text) for _, c, _ in out) else []


def _glued_items(text: str, start: int, end: int) -> list[tuple[Cell, Cell]]:
    """(name, value) of each piece of text[start:end] (parted by ；or ，) that is a name with
    its number glued on: an optional comparator, a number and a short unit, ending the piece.
    A piece whose number stands inside it (「资助标准100%达标」) or whose name holds a number
    of its own is none."""
    out = []
    for piece in _INLINE_ITEM.finditer(text, start, end):
        item = _GLUED_VALUE.match(piece.group().strip())
        if item is None:
            continue
        lead = len(piece.group()) - len(piece.group().lstrip())
        name_text = item.group("name").strip()
        if len(_CJK.findall(name_text)) < 2 or _NAME_DIGIT.search(_YEAR.sub("", name_text)) \
                or lookup_label(name_text) is not None:
            continue
        at = piece.start() + lead
        out.append((stripped_cell(item.group("name"), at), stripped_cell(item.group("value"), at + item.start("value"))))
    return out


def _last_label(gap: str) -> Label | None:
    """The last second- (or first-) level label printed in `gap` (「…。时效指标：」)."""
    for piece in reversed(_LABEL_PIECE.split(gap)):
        numbered = _NUMBERING.match(piece)
        label = _label_of(piece[numbered.end() if numbered else 0:].strip().lstrip(_KEY_MARKS), vocab())
        if label is not None:
            return label
    return None


def _label_of(text: str, v: FormVocab) -> Label | None:
    """The label `text` prints, as printed (「社会效益目标」 for 社会效益指标 too), if it is one."""
    return printed_label(text) if 2 <= len(text) <= v.max_label_chars else None


def _item(text: str, start: int, end: int, v: FormVocab) -> tuple[Cell, dict[str, Cell]] | None:
    """(name, role → value) of one item, or None when it is no indicator item."""
    item = text[start:end]
    heads = [(h, v.columns[h.group()]) for h in v.heading_terms.finditer(item)
             if v.columns.get(h.group()) in ROLES]
    roles = {role for _, role in heads}
    if len(roles) < 2 or not roles & {"target", "actual"}:
        return None
    numbered = _NUMBERING.match(item)
    begin = numbered.end() if numbered else len(item) - len(item.lstrip())
    first = heads[0][0]
    partings = list(_PARTING.finditer(item, begin, first.start()))
    if partings and first.start() - partings[-1].end() <= GAP_MAX:
        name = item[begin:partings[-1].start()].strip()
    else:
        # the name runs into the heading: an item when it is a target's heading and the
        # item gives the actual value too (「…比例年初指标值为不低于85%，全年实际完成值100%」),
        # and the name no sentence's subject (「本项目年初目标值为…」)
        if heads[0][1] != "target" or "actual" not in roles:
            return None
        glued = list(_GLUED_START.finditer(item, begin, first.start()))
        begin = glued[-1].end() if glued else begin
        name = item[begin:first.start()].strip()
        if v.prose_subject.match(name) or _CELL_BREAK.search(name):
            return None             # (「一级指标⇥二级指标⇥…指标值」: a header's cells, no sentence)
    if not 2 <= len(name) <= NAME_MAX or len(_CJK.findall(name)) < 2 or "。" in name \
            or lookup_label(name) is not None:
        return None
    n_start = start + begin + (len(item[begin:]) - len(item[begin:].lstrip()))
    cells: dict[str, Cell] = {}
    for k, (head, role) in enumerate(heads):
        stop = heads[k + 1][0].start() if k + 1 < len(heads) else len(item)
        lead = _VALUE_LEAD.match(item, head.end(), stop)
        v_start = lead.end() if lead else head.end()
        cut = _VALUE_END.search(item, v_start, stop)
        v_end = cut.start() if cut else stop
        value = item[v_start:v_end].strip()
        at = start + v_start + (len(item[v_start:v_end]) - len(item[v_start:v_end].lstrip()))
        quoted = _QUOTED.fullmatch(value)
        if quoted:                  # 「指标值为“约12000平方米”」: the value, not its quotation marks
            value, at = quoted.group(1), at + 1
        if value and role not in cells:
            cells[role] = Cell(value, at, at + len(value))
    if not {"target", "actual"} & set(cells):
        return None
    # 「…，全年实际完成值为0，因项目尚在建设工期内，未到竣工验收环节」: why it fell short
    last = max(cells.values(), key=lambda c: c.end)
    why = _ROW_REASON.match(text, last.end, start + len(item.rstrip(_ITEM_TAIL)))
    if why is not None and why.end("reason") > why.start("reason"):
        cells["reason"] = Cell(why.group("reason"), why.start("reason"), why.end("reason"))
    return Cell(name, n_start, n_start + len(name)), cells
