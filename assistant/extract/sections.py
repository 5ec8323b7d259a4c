"""Where reasons, problems and measures stand: headed sections and table cells.

`find_regions(text, rows)` → [Region]: each region is a body (a section's text or one
cell) that holds statements of the kinds its heading names, with its offsets in `text`.
Splitting a body into points is `splitting.split_points`; prose outside any region is read
by `statements.py`.

Recognised, from lexicons/statements.yaml:
* headed sections: 「（二）存在问题。对…；对…。」 inline, or a heading line (numbered （二）,
  二、, 2., (2) or bare) followed by body lines up to the next heading, a title line, a
  table, or a numbered line of the same or a higher level;
* heading cells: 「存在问题⇥<text>」 in a tab row, or a cell-per-line block whose cell
  「存在问题」 is followed by the text cell;
* statement columns: a table header naming 未完成原因分析 / 偏差原因 / 扣分原因 / 原因 …
  (or 存在问题 / 整改措施 in a problem list), and in each row below it the text cell of
  that column (shifted columns are tolerated for a last reason column: the text cell
  after the score counts);
* markdown tables (| … |) of text converted from HTML count as tab rows.

Also here: where statements are *not* read — plan forms and rows describing the plan
(`plan_spans`), and sections describing the unit or project (`descriptive_spans`), where
only strong cues count.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from assistant.extract.formvocab import vocab
from assistant.extract.splitting import list_run, marker_number
from assistant.extract.statement_vocab import CN_DIGITS, NUMBERING, Headings, label_text, statement_vocab
from assistant.lexicon import derived

_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[。！？]\s*")
_NON_SPACE = re.compile(r"\S")
NUMBERING_SPAN = 12         # characters after a sentence's end looked at for a list number
_NUMERIC = re.compile(r"^[\s\d.,，%％‰≥≤<>=＝/\-—+*×万亿元个分年月日天次人户条%]*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
PLAN_FORMS = ("target_application", "budget_target")


@dataclass
class Region:
    """A body of statements: `kinds` names what its heading announces (problem, measure,
    reason; two when the heading joins them), `cue` the heading or column as printed."""

    kinds: tuple[str, ...]
    start: int
    end: int
    cue: str
    source: str                 # "section" or "cell"
    budget: bool = False        # the 原因 cell of 预算执行情况
    head: int | None = None     # where the heading starts, when it stands in the text


def find_regions(text: str, rows, columns: bool = True,
                 described: list[tuple[int, int]] | None = None) -> list[Region]:
    """Headed sections, heading cells and reason-column cells of a document, in order.
    `rows` are `layout.split_rows(text)`; `described` its `descriptive_spans` where the
    caller has them; `columns=False` leaves statement columns to the
    stream reader (forms.py), which has read them cell by cell already."""
    # whether a table row may hold a heading, and a header's statement columns: asked of
    # each row several times
    headed = [_is_table(row) and _holds_heading(row) for row in rows]
    headers = [_column_labels(row) if h else {} for row, h in zip(rows, headed)]
    regions = _section_regions(text, rows) + _cell_regions(rows, headers, headed)
    regions += _listed_measures(text, rows, regions, described)
    if columns:
        regions += _column_regions(rows, headers)
    regions.sort(key=lambda r: (r.start, r.end))
    return regions


_FIRST_ITEM = re.compile(r"一[是要]")


def _list_firsts(text: str):
    """Where a list of 一是 (一要) … may begin: its first words at a line's start or after
    。：；, white space between.  The words are looked for first, then what stands before
    them: a pattern opening with that look-behind was tried at every place of the text."""
    for m in _FIRST_ITEM.finditer(text):
        at = m.start()
        while at > 0 and text[at - 1] in " \t　":
            at -= 1
        if at == 0 or text[at - 1] in "。：:；;\n":
            yield m.start()


def _listed_measures(text: str, rows, regions: list[Region],
                     described: list[tuple[int, int]] | None = None) -> list[Region]:
    """Lists of 一是/二是 … under no heading whose every item opens with a measure verb
    (statements.yaml § listed_measure_starts_re): a section of measures from the first item
    to the end of the last item's paragraph.  Not inside a section or cell already found, nor
    in a section describing the project."""
    if "一是" not in text and "一要" not in text:
        return []
    lex = _lex()
    taken = [(r.head if r.head is not None else r.start, r.end) for r in regions]
    starts = [row.start for row in rows]
    out: list[Region] = []
    pos = 0
    for first in _list_firsts(text):
        if first < pos or any(s <= first < e for s, e in taken):
            continue
        if described is None:
            described = descriptive_spans(text, rows)
        if any(s <= first < e for s, e in described):
            continue
        row = rows[max(bisect_right(starts, first) - 1, 0)]
        if _is_table(row):
            continue            # (a form's cell: 年度绩效目标 lists what is planned)
        stop = _list_stop(text, first)
        run = list_run(text, first, stop)
        if len(run) < 2 or run[0][0] != first:
            continue
        last = text.find("\n", run[-1][1])
        end = stop if last < 0 else min(last, stop)
        bodies = [text[b:(run[n + 1][0] if n + 1 < len(run) else end)] for n, (_, b) in enumerate(run)]
        if not all(lex.listed_measure.match(b.lstrip()) for b in bodies):
            continue
        out.append(Region(("measure",), first, end, text[first:first + 2], "section", head=first))
        pos = end
    return out


def _list_stop(text: str, first: int) -> int:
    """Where a list run from `first` can reach: the first line after it that opens with
    neither the list's next marker nor a blank, nor goes on a line not ended."""
    pos = text.find("\n", first)
    while pos >= 0:
        nxt = text.find("\n", pos + 1)
        line = text[pos + 1:nxt if nxt >= 0 else len(text)].strip()
        if line and not _RUN_IN_LIST.match(line) and _ends_sentence(text, pos):
            return pos
        pos = nxt
    return len(text)


def _ends_sentence(text: str, pos: int) -> bool:
    """Whether the text before `pos` (white space aside) ends with a stop; true at its start."""
    i = pos
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i == 0 or text[i - 1] in "。！？!?；;"


def descriptive_spans(text: str, rows) -> list[tuple[int, int]]:
    """Sections describing the unit or the project (项目概况, 立项依据, 部门职能 …): from the
    heading to the next line numbered at its level or above, a table or a title line."""
    lex = _lex()
    spans = []
    for i, row in enumerate(rows):
        if _is_table(row) or not row.nonempty:
            continue
        line = text[row.start:row.end]
        m = lex.descriptive_at.match(line)
        if not m:
            continue
        level = numbering_level(line)
        limit = level if level is not None else 1
        end = len(text)
        for later in rows[i + 1:]:
            if not later.nonempty:
                continue
            body = text[later.start:later.end].strip()
            here = numbering_level(body)
            if _is_table(later) or (here is not None and here <= limit) or lex.heading_at.match(body) \
                    or any(rx.search(body) for rx in lex.stop_lines) \
                    or (here is None and len(body) <= lex.title_max and not re.search(r"[。，,；;！？]", body)):
                end = later.start
                break
        spans.append((row.start, end))
    return spans


def plan_spans(text: str, rows, projects) -> list[tuple[int, int]]:
    """Where no prose is read: forms stating plans (申报表, 绩效目标表, an 整体绩效目标表
    without results), rows describing the plan (立项依据, 年度绩效目标 …) and the data rows
    of tables (their statement columns are read as cells)."""
    spans = []
    for p in projects:
        if p.form in PLAN_FORMS or (p.form == "department_overall"
                                    and not re.search(r"完成值|实际完成|得分|自评|评价结论", text[p.start:p.end])):
            spans.append((p.start, p.end))
    labels = _lex().descriptive_labels
    for row in rows:
        cells = row.nonempty
        # data rows of a table (indicator name, values, score …) hold no prose either
        if len(cells) >= 4 or len(cells) >= 2 and label_text(cells[0].text) in labels:
            spans.append((row.start, row.end))
    return spans + _form_notes(text, rows, projects)


FORM_NOTES_REACH = 400      # how far below a form's last row its notes may start


def _form_notes(text: str, rows, projects) -> list[tuple[int, int]]:
    """A form's notes on filling it in, below it (「备注：1.预算执行情况口径：……3.定性指标计分
    原则：……未达成预期指标且效果较差……」): the note line and the lines after it, up to a blank
    line, a heading or a table row.  They quote the words of shortfalls and causes, and state
    none."""
    spans: list[tuple[int, int]] = []
    forms = [(p.start, p.end) for p in projects if p.indicators or p.budget is not None]
    if not forms:
        return spans
    k = 0
    while k < len(rows):
        row = rows[k]
        line = text[row.start:row.end]
        if _is_table(row) or not _NOTE_LINE.match(line) \
                or not any(start <= row.start <= end + FORM_NOTES_REACH for start, end in forms):
            k += 1
            continue
        end = row.end
        k += 1
        while k < len(rows):
            nxt = rows[k]
            body = text[nxt.start:nxt.end].strip()
            if not nxt.nonempty or _is_table(nxt) or is_heading_line(body):
                break
            end = nxt.end
            k += 1
        spans.append((row.start, end))
    return spans


def is_heading_line(line: str) -> bool:
    """Whether `line` is a heading (of a statement section, a stop or a description)."""
    lex = _lex()
    return bool(lex.heading_at.match(line) or lex.stop_at.match(line) or lex.descriptive_at.match(line))


@derived(maxsize=8192)
def heading_kinds(label: str) -> tuple[str, ...]:
    """The statement kinds a heading or cell label announces: 「存在的问题」 → ("problem",),
    「存在问题及改进措施」 → ("problem", "measure"); () when it is no such heading."""
    m = _lex().heading_full.match(label_text(label))
    return _kinds_of(m.group(0)) if m else ()


def numbering_level(line: str) -> int | None:
    """0 for 第一部分, 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）, 5 for ①; None if unnumbered."""
    m = NUMBERING.match(line.lstrip())
    if not m:
        return None
    return next(int(k[1:]) for k, v in m.groupdict().items() if v)


def _lex() -> Headings:
    return statement_vocab().headings


@derived(maxsize=1024)
def _kinds_of(head: str) -> tuple[str, ...]:
    """Kinds of the heading words in `head`, in order of appearance."""
    lex = _lex()
    words = sorted(lex.word_kind, key=len, reverse=True)
    kinds: list[str] = []
    pos = 0
    while pos < len(head):
        for w in words:
            if head.startswith(w, pos):
                kinds += [k for k in lex.word_kind[w] if k not in kinds]
                pos += len(w)
                break
        else:
            pos += 1
    return tuple(kinds)


# ---------------------------------------------------------------------------- sections

@dataclass
class _Hit:
    pos: int
    body: int
    row: int
    level: int | None
    kinds: tuple[str, ...]
    cue: str
    announced: bool = False     # a sentence announcing a list (「提出了以下几点要求：」), no heading


def _opens_table(line: str) -> bool:
    """A line printing a table's header (three column headings or more: 一级指标 二级指标
    三级指标 …), as flattened text prints one: a section ends there.  A heading counts where
    it stands as a column's: beside another heading, or at the line's edge or a cell border —
    not inside a sentence that names it (「…申报表》中的三级指标“…”指标值均为…」)."""
    from assistant.extract.formvocab import vocab
    flat = _SPACE.sub("", line)
    found = [(m.start(), m.end(), vocab().columns[m.group()]) for m in vocab().heading_terms.finditer(flat)]
    hits = set()
    for n, (start, end, role) in enumerate(found):
        before = start == 0 or flat[start - 1] in _CELL_EDGE or (n > 0 and found[n - 1][1] == start)
        after = end == len(flat) or flat[end] in _CELL_EDGE or (n + 1 < len(found) and found[n + 1][0] == end)
        if before or after:
            hits.add(role)
    return len(hits - {"lead"}) >= 3


_CELL_EDGE = "|｜\t"


def _is_table(row) -> bool:
    return row.cell_per_line or len(row.nonempty) >= 2


def _section_regions(text: str, rows) -> list[Region]:
    lex = _lex()
    hits: list[_Hit] = []
    for i, row in enumerate(rows):
        if _is_table(row) or not row.nonempty:
            continue
        line = text[row.start:row.end]
        if _NOTE_LINE.match(line):
            continue            # 「注：1.……3.偏差原因分析：针对……」: how to fill the form in
        found = []
        m = lex.heading_at.match(line) or _despaced_heading(line)
        if m:
            found.append(m)
        if m or lex.heading_word.search(line):
            found += [mm for mm in lex.heading_mid.finditer(line) if not m or mm.start() >= m.end()]
        if not m and lex.stop_at.match(line):
            hits.append(_Hit(row.start, row.start, i, numbering_level(line), (), ""))
        row_hits = []
        for mm in found:
            head = mm.group("head") or mm.group("bare")
            # (the words at its end, past a qualifier; all of them where the whole head is
            # heading words: 「偏离绩效目标的原因和改进措施」)
            kinds = (heading_kinds(head) or _kinds_of(head[-12:])) if not lex.stop_at.match(head) else ()
            level = numbering_level(mm.group("num") or "")
            row_hits.append(_Hit(row.start + mm.start(), row.start + mm.end(), i, level, kinds, head.strip()))
        # 「……提出了几点建议：一是……」: a sentence announcing the measures, not a heading
        # (the sentence it opens ends what came before: 「……深化。最后，……提出了几点建议：」)
        # (and 「……仍然存在一些不容忽视的问题：一是……」: a sentence announcing the problems)
        for kind, run_in in (("measure", lex.measure_run_in), ("problem", lex.problem_run_in)):
            for mm in run_in.finditer(line):
                if not any(h.pos - row.start < mm.end() and mm.start() < h.body - row.start for h in row_hits):
                    opens = max((m.end() for m in _SENTENCE_END.finditer(line, 0, mm.start())), default=0)
                    row_hits.append(_Hit(row.start + opens, row.start + mm.end(), i, None, (kind,),
                                         line[opens:mm.end()].strip().rstrip("：:。"), announced=True))
        row_hits += _glued_headings(line, row.start, i, row_hits)
        hits += sorted(row_hits, key=lambda h: h.pos)
    hits = _items_are_no_headings(hits, text, rows)
    regions = []
    for n, hit in enumerate(hits):
        if not hit.kinds:
            continue
        end = hits[n + 1].pos if n + 1 < len(hits) else len(text)
        end = min(end, _body_end(text, rows, hit, end))
        body, kinds = hit.body, hit.kinds
        sub = lex.heading_at.match(text[body:end])
        if sub is not None and len(kinds) > 1 and text[body + sub.end():end].strip():
            # 「存在的问题和改进建议1、存在问题(1)…」: the body opens with the heading of its first
            # part, whose kinds it has
            narrow = _kinds_of(sub.group("head")[-12:])
            if narrow and set(narrow) < set(kinds):
                body, kinds = body + sub.end(), narrow
        if end > body:
            regions.append(Region(kinds, body, end, hit.cue, "section", head=hit.pos))
    return regions


# a chapter number run on after the text before it (「…正常运转五、存在的问题…」)
_GLUED_NUMBER = re.compile(rf"(?<=[\u4e00-\u9fff\d%％)）])([{CN_DIGITS}]{{1,2}})、(?=[\u4e00-\u9fff])")
GLUED_RUN_MIN = 3           # chapter numbers in sequence on one line: its headings, run together
GLUED_LINE_MIN = 60         # characters a line holds before its headings can be run together
GLUED_HEAD_CHARS = 40       # characters after such a number read for a stop heading (no slice of the whole line each)


def _glued_headings(line: str, start: int, row: int, found: list[_Hit]) -> list[_Hit]:
    """The headings of a document flattened onto one line with no stops between them (a
    document site's text of a Word file: 「…三、预算支出组织实施情况我校…四、…五、存在的问题
    及原因分析我校…六、几点建议拨款…七、其他需要说明的问题暂无」): chapter numbers run on
    after text, GLUED_RUN_MIN or more in sequence, each a heading — of the kinds its words
    announce, or, where they announce none, only the end of the section before."""
    if len(line) < GLUED_LINE_MIN:
        return []
    run: list[tuple[re.Match, int]] = []        # (a number's match, the number it says)
    best: list[tuple[re.Match, int]] = []
    for m in _GLUED_NUMBER.finditer(line):
        n = marker_number(m.group(1), True)
        if run and n == run[-1][1] + 1:
            run.append((m, n))
        else:
            run = [(m, n)] if n > 0 else []
        if len(run) > len(best):
            best = list(run)
    if len(best) < GLUED_RUN_MIN:
        return []
    lex = _lex()
    taken = {h.pos - start for h in found}
    out: list[_Hit] = []
    for m, _ in best:
        if m.start() in taken:
            continue
        words = lex.heading_glued.match(line, m.end())
        stop = lex.stop_at.match(line[m.start():m.start() + GLUED_HEAD_CHARS])
        kinds = _kinds_of(words.group()) if words and not stop else ()
        body = m.end() + (len(words.group()) if words and kinds else 0)
        out.append(_Hit(start + m.start(), start + body, row, 1, kinds, words.group() if kinds and words else ""))
    return out


_INNER_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000\xa0]+(?=[\u4e00-\u9fff])")
SPACED_HEADING_MAX = 40     # a longer line with spaces between words is justified prose


class _Despaced:
    """A heading matched in its line read without the spaces a PDF or a web table put inside
    a wrapped label cell (「偏差大或 目标未完成 原因分析 |」), with the offsets of the line."""

    def __init__(self, m: re.Match, where: list[int]):
        self.m, self.where = m, where

    def group(self, name):
        return self.m.group(name)

    def start(self) -> int:
        return self.where[self.m.start()]

    def end(self) -> int:
        return self.where[self.m.end() - 1] + 1 if self.m.end() > self.m.start() else self.start()


def _despaced_heading(line: str):
    if len(line.strip()) > SPACED_HEADING_MAX or not _INNER_SPACE.search(line):
        return None
    kept = [k for k in range(len(line)) if not _in_inner_space(line, k)]
    m = _lex().heading_at.match("".join(line[k] for k in kept))
    return _Despaced(m, kept + [len(line)]) if m else None


def _in_inner_space(line: str, k: int) -> bool:
    return line[k] in " \u3000\xa0" and any(g.start() <= k < g.end() for g in _INNER_SPACE.finditer(line))


def _items_are_no_headings(hits: list[_Hit], text: str, rows) -> list[_Hit]:
    """「（一）主要问题 ⏎ 1.可持续影响指标设置存在问题。现有…」: a numbered line inside a
    section, deeper than its heading, naming the same kind and going on after it, is one of
    its items — a problem ending in 存在问题 — not a heading of its own."""
    out: list[_Hit] = []
    open_: _Hit | None = None
    for hit in hits:
        if hit.kinds and open_ is not None and open_.level is not None and hit.level is not None \
                and hit.level > open_.level and set(hit.kinds) <= set(open_.kinds) \
                and not (len(open_.kinds) > 1 and set(hit.kinds) < set(open_.kinds)) \
                and text[hit.body:rows[hit.row].end].strip():
            continue            # (「存在的问题和改进建议 … 2、改进建议」: the heading of one of its parts)
        if hit.kinds or hit.level is None or open_ is None or open_.level is None or hit.level <= open_.level:
            open_ = hit if hit.kinds else None
        out.append(hit)
    return out


_MARKER_NUMBER = re.compile(rf"[{CN_DIGITS}]{{1,3}}|\d{{1,2}}")
OUTER_LIST_LOOK_BEHIND = 2000   # characters before a heading searched for its list's earlier number


def _continues_outer_list(text: str, hit: _Hit, at: int, limit: int) -> bool:
    """Whether the list number opening text[at:] is at the heading's level or above and
    follows a number printed before the heading, not one inside its body."""
    head = text[at:at + NUMBERING_SPAN]
    level = numbering_level(head)
    if level is None or level > limit:
        return False
    m = NUMBERING.match(head)
    marker = m.group() if m else ""
    num = _MARKER_NUMBER.search(marker)
    if num is None:
        return False
    value = marker_number(num.group(), not num.group().isdigit())
    if value < 2:
        return False
    written = _written(value - 1, num.group())
    if not written:
        return False
    before = marker[:num.start()] + written + marker[num.end():]
    return text.find(before, hit.body, at) < 0 \
        and text.find(before, max(0, hit.pos - OUTER_LIST_LOOK_BEHIND), hit.pos + 1) >= 0


def _written(value: int, like: str) -> str:
    """`value` written as `like` is (Arabic or Chinese numerals)."""
    if like.isdigit():
        return str(value)
    if value <= 10:
        return CN_DIGITS[value - 1]
    if value <= 19:
        return "十" + CN_DIGITS[value - 11]
    return ""


_RUN_IN_LIST = re.compile(r"\s*(?:[一二三四五六七八九十]是|其[一二三四五六七八九十][，,、])")


# a form's notes on how to fill it in (注：, 填表说明：), whose items name its columns
_NOTE_LINE = re.compile(r"[\s|]*(?:注|备注|填表说明|填报说明)\s*[：:]")
_SENTENCE_CLOSE = re.compile(r"[。！？!?；;]\s*$")


def _announced_level(text: str, rows, hit: _Hit) -> int | None:
    """The numbering level of the list a sentence announces, when its first item opens the
    next line (numbered 1, 一 …); None otherwise."""
    for row in rows[hit.row + 1:]:
        if not row.nonempty:
            continue
        line = text[row.start:row.end].strip()
        m = NUMBERING.match(line)
        if _is_table(row) or m is None:
            return None
        number = _MARKER_NUMBER.search(m.group())
        if number is None or marker_number(number.group(), not number.group().isdigit()) != 1:
            return None
        return numbering_level(line)
    return None


def _body_end(text: str, rows, hit: _Hit, until: int) -> int:
    """Where the body of a heading ends, `until` (the next heading) at the latest: a table,
    a stop line, a title line, or a line numbered at the heading's level or above.  Its own
    line is searched up to `until` only: a flattened page prints thousands of headings on
    one line."""
    lex = _lex()
    limit = hit.level if hit.level is not None else 1
    started = _NON_SPACE.search(text, hit.body, rows[hit.row].end) is not None
    for stop in _SENTENCE_END.finditer(text, hit.body, min(rows[hit.row].end, until)):
        # a flattened page runs on in the heading's own line: a sentence opening the next
        # number of a list the heading belongs to ends it (「(二) … 存在的问题和改进建议 … 影响力。
        # (三)绩效自评指标完成情况…」) — not its own items, however numbered (「（三）改进建议。…
        # 一、加强管理…。二、健全制度…」)
        if _continues_outer_list(text, hit, stop.end(), limit):
            return stop.end()
    # a list run into its heading's paragraph (「审计发现的主要问题，一是……四是……。」) is that
    # paragraph: after a blank line, what does not go on with the list is no item of it
    run_in = started and _RUN_IN_LIST.match(text, hit.body) is not None
    # a sentence announcing a list on lines of their own takes the list at whatever level it
    # is numbered (「提出了以下几点要求：⏎一、……⏎二、……」), and ends with the first paragraph
    # that is none of its items
    items = _announced_level(text, rows, hit) if hit.announced and not started else None
    if items is not None:
        limit = items - 1
    blank, ended = False, False
    for row in rows[hit.row + 1:]:
        if not row.nonempty:
            blank = True
            continue
        if _is_table(row):
            return row.start
        line = text[row.start:row.end].strip()
        if _NOTE_LINE.match(line):
            return row.start        # the form's notes on filling it in
        if run_in and blank and not _RUN_IN_LIST.match(line):
            return rows[hit.row].end
        run_in = False
        level = numbering_level(line)
        if level is not None and level <= limit:
            return row.start
        if items is not None and level is None and ended:
            return row.start
        ended = bool(_SENTENCE_CLOSE.search(line))
        m = lex.heading_at.match(line)
        if m and not (level is not None and hit.level is not None and level > hit.level
                      and set(_kinds_of(m.group("head")[-12:])) <= set(hit.kinds) and line[m.end():].strip()):
            return row.start                # (an item of this section ending in 存在问题 goes on)
        if lex.stop_at.match(line) or any(rx.search(line) for rx in lex.stop_lines):
            return row.start
        if "measure" not in hit.kinds and lex.measure_lead_line.match(line):
            return row.start                # 「下一步，……」 after the problems: the measures
        if _opens_table(line):
            return row.start
        if started and level is None and len(line) <= lex.title_max and not re.search(r"[。，,；;！？]", line) \
                and not statement_vocab().points.lone_marker.match(line):
            return row.start                # a title line; an item the author left unpunctuated
            #                                 (「二是加强工程维护资料管理」) goes on
        started = True
    return len(text)


# ---------------------------------------------------------------------------- cells

def _cell_regions(rows, headers: list[dict], headed: list[bool]) -> list[Region]:
    """「存在问题⇥<text>」: a label cell and the text cells after it in its row (or, when the
    label stands alone, in the next row; `headed`: the table rows that may hold a heading).
    Header rows are left to `_column_regions`."""
    regions = []
    for i, row in enumerate(rows):
        if not headed[i] or headers[i]:
            continue
        cells = row.nonempty
        for j, cell in enumerate(cells):
            kinds = heading_kinds(cell.text) if _may_head(cell.text) else ()
            if not kinds or len(label_text(cell.text)) > 20:
                continue
            body = []
            for other in cells[j + 1:]:
                if heading_kinds(other.text) or _column_heading(other.text):
                    break               # 「偏差原因分析 | 一级指标 | 二级指标 …」: a header's cells, no text
                body.append(other)
            if not body and len(cells) == 1 and i + 1 < len(rows):
                nxt = next((r for r in rows[i + 1:i + 3] if r.nonempty), None)
                if nxt is not None and _is_table(nxt) and not heading_kinds(nxt.nonempty[0].text):
                    body = nxt.nonempty
            regions += [Region(kinds, c.start, c.end, label_text(cell.text), "cell") for c in body]
    return regions


def _column_regions(rows, headers: list[dict]) -> list[Region]:
    """Cells under a statement column: 未完成原因分析, 偏差原因, 扣分原因, the 原因 of
    预算执行情况, or 存在问题 / 整改措施 columns of a problem list."""
    lex = _lex()
    regions = []
    i = 0
    while i < len(rows):
        header = rows[i]
        columns = headers[i]
        if not columns:
            i += 1
            continue
        budget = any(k in header.joined for k in ("执行率", "预算数", "预算执行"))
        i += 1
        while i < len(rows):
            row = rows[i]
            if not row.nonempty:
                i += 1
                continue
            first = _SPACE.sub("", row.nonempty[0].text)
            if not _is_table(row) or headers[i] or first.startswith(lex.table_end):
                break
            for idx, (label, kinds) in columns.items():
                cell = _column_cell(row, header, idx, "reason" in kinds)
                if cell is not None:
                    regions.append(Region(kinds, cell.start, cell.end, label, "cell",
                                          budget and "reason" in kinds))
            i += 1
    return regions


def _column_labels(row) -> dict[int, tuple[str, tuple[str, ...]]]:
    """For a table header row: cell index → (label, kinds) of its statement columns (asked of
    the table rows that may hold a heading, `_holds_heading`)."""
    cells = row.nonempty
    if len(cells) < 3:
        return {}
    lex = _lex()
    out = {}
    for n, cell in enumerate(row.cells):
        if not _may_head(cell.text):
            continue
        label = label_text(cell.text)
        if not label or len(label) > 14:
            continue
        kinds = heading_kinds(label)
        if label in lex.reason_columns and "reason" not in kinds:
            kinds = ("reason",)
        if kinds:
            out[n] = (label, kinds)
    # a header's cells are short labels (one long cell allowed)
    if out and sum(1 for c in cells if len(label_text(c.text)) <= 14) < len(cells) - 1:
        return {}
    return out


def _column_heading(text: str) -> bool:
    """Whether a cell is a column heading of an indicator table (一级指标, 指标值, 度量单位 …)."""
    return vocab().column_role(text, fuzzy=False) is not None


def _holds_heading(row) -> bool:
    """Whether any cell of a row may be a statement heading: one search of the row's text
    (white space aside) for a heading word, before any cell is looked at — most rows of a
    form hold none."""
    return _lex().any_heading.search(row.squashed) is not None


def _may_head(text: str) -> bool:
    """Whether a cell may be a heading: with Chinese heading words (the usual lexicon), one
    without a Chinese character (a number, a date) cannot, and is not looked up."""
    return not _lex().chinese_headings or bool(_CJK.search(text))


def _column_cell(row, header, idx: int, trailing: bool):
    """The cell of column `idx` in `row`; for the last column of a reason table, shifted
    rows give it as the text cell that follows the score."""
    if len(row.cells) == len(header.cells):
        if _is_text(row.cells[idx].text):
            return row.cells[idx]
        if any(not c.text for c in row.cells[:idx]):
            return None         # a row as wide as its header, gaps kept: its column is empty
    cells = row.nonempty
    if trailing and len(cells) >= 2 and idx >= len(header.cells) - 2 and _is_text(cells[-1].text) \
            and _NUMERIC.match(cells[-2].text):
        return cells[-1]
    return None


def _is_text(s: str) -> bool:
    return bool(s) and len(_CJK.findall(s)) >= 2 and not _NUMERIC.match(s)
