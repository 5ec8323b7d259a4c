"""Cutting a section body or a cell into single points (lexicons/statements.yaml).

`split_points(text, start, end)` → [(start, end), …]: offsets into `text` of each point.

* An enumeration (一、二、 · 一是…二是 · 1. 2. · （1）（2）…) cuts the body into its items;
  an item keeps its full text, its marker left out, minus leading clauses that only
  restate a figure (「1.预算执行率89.18%；因…」 → 「因…」).  What stands before the first
  marker is kept only when it is more than an announcement (「从三方面改进：」 is dropped).
* Otherwise the body is cut into sentences at 。；！？ and line ends; in a measure or a
  reason a sentence shorter than `short_sentence` leads into the one after it and stays
  with it (a clause cut at ；, or a problem's sentence, only when it is a mere fragment,
  shorter than `short_clause`).
* Points saying only 已完成 / 无 / 不涉及, or restating a figure, are dropped.

Also the boundaries prose statements are cut at (`clause_start`, `sentence_start`,
`reason_end`, `trim`) and merged spans for quick look-ups (`merge_spans`, `touches`).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from assistant.extract.formvocab import builtin_column_role
from assistant.extract.labels import lookup_label
from assistant.extract.statement_vocab import CN_DIGITS, PUNCT, Points, statement_vocab

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
SENTENCE_END = "。！？!?；;\n"   # what ends a sentence (a line break too)
_BROKEN_OFF_NOT = SENTENCE_END + "。.，,：:、)）"   # a line ending in none of these stops mid-sentence
_TRIM = " \t\r\n　，,、；;：:|｜"     # a table's bars are never part of a statement
WRAP_LINE = 30          # a line this long that stops mid-sentence was wrapped
NARROW_LINE = 20        # … or this long, as wide as the line before, which stopped so too
WIDTH_SLACK = 3
_ITEM_START = re.compile(r"[（(]?[一二三四五六七八九十\d]{1,2}[、.．)）是]|[①②③④⑤⑥⑦⑧⑨⑩]|[#*•·\-]")
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万元|亿元|元|%|％|个百分点)")


def split_points(text: str, start: int, end: int, kind: str | None = None) -> list[tuple[int, int]]:
    """The single points of `text[start:end]`, as offsets into `text`.  Lead-in sentences
    are kept with what follows in measures and reasons (「加强预算管理，确保项目的科学性。
    在编制年度预算时…」); problems are stated one per sentence however short."""
    return [(s, e) for s, e, _ in split_led_points(text, start, end, kind)]


def split_led_points(text: str, start: int, end: int, kind: str | None = None) -> list[tuple[int, int, bool]]:
    """`split_points`, each point with whether it is an item of an enumeration announced
    as causes (「……调整率较大，主要原因是：1.…；2.…」, statements.yaml § reason_lead_re):
    those items are reasons; the sentences before the announcement keep their kind, the
    announcement itself left out.  An item that is itself an enumeration from its first
    word on (「1.一是……，二是……。三是……」) is cut into its items."""
    start, end = _trim(text, start, end)
    if start >= end:
        return []
    run = _enumeration(text, start, end)
    if run:
        points: list[tuple[int, int, bool]] = []
        first = run[0][0]
        lead = _lex().reason_lead.search(text, start, first)
        if lead is not None:
            points += [(s, e, False) for s, e in _sentences(text, _past_first_marker(text, start, lead.start()),
                                                           lead.start(), kind)]
        elif not is_preamble(text[start:first]):
            points += [(s, e, False) for s, e in _sentences(text, start, first, kind)]
        for n, (_, body) in enumerate(run):
            stop = run[n + 1][0] if n + 1 < len(run) else _run_in_end(text, run, end)
            b, e = _trim(text, body, stop)
            # (an item that opens with no marker holds no list from its first word on)
            inner = _enumeration(text, b, e) if _ITEM_START.match(text, b, e) else []
            under = _list_under_title(text, b, e) if not inner else None
            if inner and inner[0][0] == b:
                points += [(s, t, led or lead is not None) for s, t, led in split_led_points(text, b, e, kind)]
            elif under is not None:
                # 「（一）资金管理还需加强 ⏎ 1.资金拨付不及时。2.……」: the title line is a point,
                # and so is each item of the list under it
                points += [(s, t, lead is not None) for s, t in _item(text, b, under)]
                points += [(s, t, led or lead is not None) for s, t, led in split_led_points(text, under, e, kind)]
            else:
                points += [(s, t, lead is not None) for s, t in _item(text, body, stop)]
        return points
    # 「1、…」 with no 2: a list cut off after its first item, perhaps a title over a list
    first = _past_first_marker(text, start, end)
    under = _list_under_title(text, first, end) if first > start else None
    if under is not None:
        return [(s, e, False) for s, e in _item(text, first, under)] + split_led_points(text, under, end, kind)
    return [(s, e, False) for s, e in _sentences(text, first, end, kind)]


def _list_under_title(text: str, start: int, end: int) -> int | None:
    """Where a list begins under an item's title line: the item's first line is unnumbered
    and the next line opens an enumeration 1, 2, … (一是, 二是 …) that runs to the item's end."""
    nl = text.find("\n", start, end)
    if nl < 0:
        # 「（一）绩效管理制度不健全。一是……二是……」: the title is the item's first sentence and
        # the list runs on after its full stop, on the same line
        stop = _TITLE_STOP.search(text, start, end)
        if stop is None:
            return None
        after = _NON_BLANK.search(text, stop.end(), end)
        if after is None:
            return None
        run = _enumeration(text, after.start(), end)
        return after.start() if run and run[0][0] == after.start() else None
    first = _NON_BLANK.search(text, nl, end)
    if first is None:
        return None
    run = _enumeration(text, first.start(), end)
    if run and run[0][0] == first.start():
        return first.start()
    # a list the page cut off after its first item (「1.资金拨付不及时。」 and nothing more)
    body = _past_first_marker(text, first.start(), end)
    return first.start() if body > first.start() and not _enumeration(text, body, end) else None


_NON_BLANK = re.compile(r"\S")
_TITLE_STOP = re.compile(r"[。！!？?]")
_DIGIT = re.compile(r"\d")


def _past_first_marker(text: str, start: int, end: int) -> int:
    """Where the text of a point opening with the marker of a first item (1、 一是) begins."""
    for rx, chinese in _lex().enumerations:
        m = rx.match(text, start, end)
        if m and m.end() < end and marker_number(m.group("n"), chinese) == 1:
            return m.end()
    return start


def is_skippable(point: str) -> bool:
    """A point that is no statement: 已完成, 无, 不涉及 … or only a figure restated."""
    lex = _lex()
    body = _strip_marker(point).strip()
    bare = PUNCT.sub("", body)
    if len(bare) < 2 or bare in lex.skip_exact or lookup_label(bare) is not None \
            or builtin_column_role(bare, False) is not None:
        return True                     # 「产出指标」, 「完成目标可能性」: a table's label or heading, read
                                        # after a column heading
    if lex.not_statement.search(body) or lex.announcement.search(body) and len(bare) <= 16:
        return True
    return is_figure_only(point)


def is_figure_only(point: str) -> bool:
    """「预算执行率96.57%。」 restates a figure; 「执行率79.44%，未达到100%」 does not."""
    lex = _lex()
    body = _strip_marker(point)
    if not _DIGIT.search(body) or lex.negation.search(body):
        return False
    rest = PUNCT.sub("", lex.units.sub("", body))
    return len(rest) <= lex.figure_max_rest


def is_preamble(sentence: str) -> bool:
    """An opening that only announces what follows (针对…问题，提出以下建议：)."""
    s = sentence.strip(" \t\r\n　")
    if not s:
        return True
    return any(rx.search(s) for rx in _lex().preamble)


def content_length(s: str) -> int:
    """Characters that carry content (punctuation and white space aside)."""
    return len(PUNCT.sub("", s))


def clause_start(s: str, pos: int) -> int:
    """Where the clause holding `pos` begins (after the last ，；。：before it)."""
    i = pos
    while i > 0 and s[i - 1] not in "，,；;。：:！？!?":
        i -= 1
    while i < pos and s[i] in " 　":
        i += 1
    return i


def sentence_start(s: str, pos: int) -> int:
    """Where the sentence holding `pos` begins (after the last 。！？ before it)."""
    i = max(pos, 0)
    while i > 0 and s[i - 1] not in "。！？!?":
        i -= 1
    return i


def reason_end(s: str, pos: int) -> int:
    """The end of the sentence holding `pos`, running on across ；while the clauses after
    it start no new figure (「原因为：A；B。」 is one reason, 「原因是A；公务用车费0.8万元…」 not)."""
    i = pos
    while i < len(s):
        ch = s[i]
        if ch in "。！？!?":
            return i + 1
        if ch in "；;":
            nxt = re.search(r"[。！？!?；;]", s[i + 1:])
            following = s[i + 1:i + 1 + nxt.start()] if nxt else s[i + 1:]
            if _FIGURE.search(following):
                return i
        i += 1
    return len(s)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without white space, a leading list marker or trailing ，；：."""
    start, end = _trim(text, start, end)
    m = _lex().lone_marker.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    return start, end


def merge_spans(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, merged spans as parallel lists of starts and ends (for bisection)."""
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
        if ends and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def touches(start: int, end: int, merged: tuple[list[int], list[int]]) -> bool:
    """Whether [start, end) touches any of the merged spans."""
    starts, ends = merged
    i = bisect_right(starts, end - 1) - 1
    return i >= 0 and ends[i] > start


# ---------------------------------------------------------------------------- helpers

def _lex() -> Points:
    return statement_vocab().points


def marker_number(token: str, chinese: bool) -> int:
    """The number a list marker's numeral says (「三」 → 3, 「12」 → 12, 「②」 → 2); 0 when it
    says none."""
    if len(token) == 1 and token in _CIRCLED:
        return _CIRCLED.index(token) + 1
    if not chinese:
        return int(token) if token.isdecimal() else 0
    if token == "十":
        return 10
    if len(token) == 2 and token[0] == "十":
        return 10 + CN_DIGITS.index(token[1]) + 1
    return CN_DIGITS.index(token[0]) + 1 if len(token) == 1 else 0


def list_run(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The earliest run of list markers numbered 1, 2, … in text[start:end] (two at least):
    (marker start, body start) of each item."""
    return _enumeration(text, start, end)


def _enumeration(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The earliest run of markers numbered 1, 2, … (two at least): (marker start, body start)."""
    best: list[tuple[int, int]] = []
    body = text[start:end]      # (a marker opening the body opens an item, whatever stands before it)
    lex = _lex()
    if lex.any_enumeration is not None and lex.any_enumeration.search(body) is None:
        return best             # no marker of any kind (most bodies)
    for rx, chinese in lex.enumerations:
        run: list[tuple[int, int]] = []
        want = 1
        for m in rx.finditer(body):
            if marker_number(m.group("n"), chinese) == want:
                run.append((start + m.start(), start + m.end()))
                want += 1
        if len(run) >= 2 and (not best or run[0][0] < best[0][0]
                              or (run[0][0] == best[0][0] and len(run) > len(best))):
            best = run
    return best


def _run_in_end(text: str, run: list[tuple[int, int]], end: int) -> int:
    """Where the last item of a list run into one line ends: at that line's end when the
    line ends a sentence there (「……一是……。二是……社会效益。⏎ XX项目的《自评表》。」 —
    the next line is the page's, not the item's); `end` otherwise (an item wrapped on)."""
    if "\n" in text[run[0][0]:run[-1][0]]:
        return end
    brk = text.find("\n", run[-1][1], end)
    if brk < 0 or not text[brk:end].strip():
        return end
    return brk if text[:brk].rstrip().endswith(("。", "！", "？")) else end


def _item(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """One enumerated item as one point, leading figure-only clauses left out; an item
    opening with the field its findings belong to (「预算管理方面存在的问题。」) is its
    sentences, each a point, the heading none."""
    start, end = _trim(text, start, end)
    field = _lex().category_heading.match(text, start, end)
    if field is not None and text[field.end():end].strip():
        points = _sentences(text, field.end(), end, None)
        # (a page that stops after its findings, in the first words of the next: none)
        if len(points) > 1 and not text[points[-1][1]:].strip() and text[points[-1][1] - 1] not in "。；;！？!?":
            points.pop()
        return points
    while start < end:
        cut = _next_boundary(text, start, end)
        clause = text[start:cut]
        if cut < end and (is_figure_only(clause) or is_skippable(clause)):
            start, end = _trim(text, cut + 1, end)
            continue
        break
    if start >= end or is_skippable(text[start:end]):
        return []
    return [(start, end)]


def _sentences(text: str, start: int, end: int, kind: str | None) -> list[tuple[int, int]]:
    """Sentence points: skip non-statements and preambles, keep lead-ins with what follows."""
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        cut = _next_boundary(text, pos, end)
        s, e = trim(text, pos, min(cut + 1, end))
        if s < e:
            spans.append((s, e))
        pos = cut + 1
    kept = [(s, e) for n, (s, e) in enumerate(spans)
            if not is_skippable(text[s:e] + _bracket_after(text, e, end))
            and not (n == 0 and len(spans) > 1 and is_preamble(text[s:e]))]
    points: list[tuple[int, int]] = []
    lead: int | None = None
    for s, e in kept:
        if lead is not None:
            s, lead = lead, None
        # a short full sentence leads into the next; clauses cut at ；are parallel points
        clause = _at_semicolon(text, start, s, e, end)
        short = _lex().short_sentence if kind in ("measure", "reason") and not clause else _lex().short_clause
        if content_length(text[s:e]) < short and not _opens_measure(text, e, kind):
            lead = s
            continue
        points.append((s, e))
    if lead is not None:        # a short closing sentence stays with the one before it …
        if points and not _opens_measure(text, lead, kind):    # … unless it is a measure of its own
            points[-1] = (points[-1][0], kept[-1][1])
        else:
            points.append((lead, kept[-1][1]))
    return points


_BRACKET_AFTER = re.compile(r"[ \t　]*[（(][^（()）\n]{1,16}[)）]")


def _bracket_after(text: str, e: int, end: int) -> str:
    """A bracket printed right after a sentence, which says what the sentence is: a form's
    instruction ends in one (「分析存在的问题及原因。（200字以内）」)."""
    m = _BRACKET_AFTER.match(text, e, end)
    return m.group() if m else ""


def _opens_measure(text: str, e: int, kind: str | None) -> bool:
    """Whether the sentence after `e` opens a measure of its own (「完善考评体系，使考评有据
    可依。加强专项资金管理…」): then a short sentence before it is a measure, not a lead-in."""
    if kind != "measure":
        return False
    return bool(_lex().measure_start.match(text[e:e + 12].lstrip(" \t\r\n　。.；;")))


def _at_semicolon(text: str, lo: int, s: int, e: int, hi: int) -> bool:
    """Whether the span [s, e) is one of several clauses cut at ；."""
    before = s - 1
    while before >= lo and text[before] in " \t\r\n　":
        before -= 1
    return (e < hi and text[e] in "；;") or (before >= lo and text[before] in "；;")


def _next_boundary(text: str, pos: int, end: int) -> int:
    for i in range(pos, end):
        ch = text[i]
        if ch in SENTENCE_END and not (ch == "\n" and _wrapped(text, i)):
            return i
        if ch == "." and _half_width_stop(text, i):
            return i
    return end


def _half_width_stop(text: str, i: int) -> bool:
    """「…过大.二是…」: a half-width full stop after Chinese ends a sentence (web pages and
    OCR text print 。 as .); between digits it is a decimal point."""
    return i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff" and not text[i + 1:i + 2].isdigit()


def _wrapped(text: str, i: int) -> bool:
    """Whether the line break at `i` only wraps a sentence (PDF text): the line before is
    long and ends in the middle of a sentence, and the next does not open a numbered item."""
    line_start = text.rfind("\n", 0, i) + 1
    line = text[line_start:i].rstrip()
    if not line or line[-1] in _BROKEN_OFF_NOT:
        return False
    if len(line) < WRAP_LINE and not _same_width(text, line_start, line):
        return False
    nxt = text[i + 1:i + 8].lstrip()
    return bool(nxt) and not _ITEM_START.match(nxt)


# a line ending in one of these words stops inside its clause (「公共资源和」), and a line
# opening with one of these continues the one before (「…1781.86 万」 then 「元，…」)
_OPEN_END = "和与及或、的在对并将把被从向由"
_CONTINUES = "，,、；;。）)元万亿%％"


def unwrapped(text: str) -> str:
    """A statement's own text without the line breaks that only wrap it (PDF text, a wrapped
    table cell): a break after a line that stops mid-sentence goes where that line is long
    (WRAP_LINE), ends in a word that opens a clause (「和」, 「的」, 「、」) or the next line
    goes on with the clause's mark or a figure's unit — not before a numbered item, nor after
    a sentence's end or a colon (「存在问题：」).  (`_wrapped` judges a break inside a whole
    page by the lines around it; a statement's text is all there is to read.)"""
    if "\n" not in text:
        return text
    out: list[str] = []
    before = ""                     # the line above as printed (not what it was joined to)
    for raw in text.split("\n"):
        line = raw.strip()
        joins = bool(out) and bool(before) and bool(line) and before[-1] not in SENTENCE_END + "：:" \
            and not _ITEM_START.match(line) \
            and (len(before) >= WRAP_LINE or before[-1] in _OPEN_END or line[0] in _CONTINUES)
        if joins:
            out[-1] += line
        else:
            out.append(line)
        before = line
    return "\n".join(out)


def _same_width(text: str, line_start: int, line: str) -> bool:
    """A line of a narrow column (PDF text of a page in two columns wraps near 30
    characters, often fewer): as wide as the line before it within WIDTH_SLACK characters,
    that line also broken off mid-sentence."""
    if len(line) < NARROW_LINE or line_start == 0:
        return False
    prev_start = text.rfind("\n", 0, line_start - 1) + 1
    prev = text[prev_start:line_start - 1].rstrip()
    return bool(prev) and prev[-1] not in _BROKEN_OFF_NOT + "|｜" \
        and abs(len(prev) - len(line)) <= WIDTH_SLACK


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _strip_marker(point: str) -> str:
    m = _lex().lone_marker.match(point)
    return point[m.end():] if m else point
