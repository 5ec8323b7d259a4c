"""The vocabulary of report language, from lexicons/statements.yaml, compiled once.

`statement_vocab()` is one typed object in three parts, one for each reader of statements:
* `headings`: section headings, stop headings, statement columns (`sections`);
* `points`: enumerations and what a point leaves out (`splitting`);
* `cues`: reason and admission cues, negations, document kinds, project attribution
  (`statements`).
It is built once per set of lexicons (`derived`).  The loader has checked each key's type and
compiled every `*_re` pattern already; a key the built-in file has and a replacement lacks is
a LexiconError naming the file and the key.  `forms.yaml` and `tables.yaml` are compiled the
same way in `formvocab`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.lexicon import Section, builtin, derived, words_pattern
from assistant.sieve import Sieved, sieved

CN_DIGITS = "一二三四五六七八九十"
# line numbering styles, outermost first: 第一部分 · 一、 · （一） · 1. · （1） · ①
LEVELS = (
    rf"第[{CN_DIGITS}]+(?:部分|章|节)",
    rf"[{CN_DIGITS}]{{1,3}}[、．]",
    rf"[（(][{CN_DIGITS}]{{1,3}}[)）]",
    r"\d{1,2}[.、．](?!\d)",
    r"[（(]\d{1,2}[)）]|\d{1,2}[)）]",
    r"[①②③④⑤⑥⑦⑧⑨⑩]",
)
NUMBERING = re.compile("|".join(f"(?P<l{n}>{p})" for n, p in enumerate(LEVELS)))
PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)
_SPACE = re.compile(r"\s+")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=8192)
def label_text(label: str) -> str:
    """A label as compared: no white space, numbering, decoration or bracketed suffix."""
    label = _SPACE.sub("", label or "").strip("#*|>•·-")
    m = NUMBERING.match(label)
    if m:
        label = label[m.end():]
    return re.sub(r"[（(][^）)]*[)）]$", "", label).strip("：:。.")


@dataclass(frozen=True)
class StatementVocab:
    headings: Headings
    points: Points
    cues: Cues


@derived(maxsize=1)
def statement_vocab() -> StatementVocab:
    data = builtin("statements.yaml")
    # one pattern serves two readers: a sentence opening a measure (加强…, 完善…)
    measure_starts = re.compile(data["measure_starts_re"])
    return StatementVocab(_headings(data), _points(data, measure_starts), _cues(data, measure_starts))


# ---------------------------------------------------------------------------- headings

@dataclass(frozen=True)
class Headings:
    """Section headings, stop headings and statement columns (read by `sections`)."""

    word_kind: dict              # heading word → the kinds it announces
    # (tried at every line, trying a line's decoration, numbering and the prefixes before
    # its words at each place: behind a sieve of the words, a third of the time)
    heading_at: re.Pattern | Sieved  # a heading at a line start (numbering optional)
    heading_mid: re.Pattern      # a numbered heading after 。/；inside a line
    heading_word: re.Pattern     # any heading word: no line without one holds a heading
    heading_glued: re.Pattern    # a heading's words where a numbered heading runs on into its body
    heading_full: re.Pattern     # a cell that is a heading, nothing else
    stop_at: re.Pattern          # a stop heading at a line start
    descriptive_at: re.Pattern   # a heading of a section describing the unit or project
    stop_lines: tuple[re.Pattern, ...]
    measure_lead_line: re.Pattern  # a line opening the next steps: ends a problem section
    # (both searched in every line of prose: behind a sieve, `assistant.sieve`)
    measure_run_in: re.Pattern | Sieved  # a sentence announcing a list of measures (「提出了几点建议：」)
    problem_run_in: re.Pattern | Sieved  # … or of problems (「仍存在一些不容忽视的问题：」)
    title_max: int
    reason_columns: frozenset
    table_end: tuple[str, ...]
    descriptive_labels: frozenset
    chinese_headings: bool       # every heading word and statement column has a Chinese character
    listed_measure: re.Pattern   # a verb opening each item of an unheaded list of measures
    any_heading: re.Pattern      # any heading word or statement column, anywhere


def _headings(data: Section) -> Headings:
    word_kind: dict[str, tuple[str, ...]] = {}
    for kinds, words in data["headings"].items():
        for w in words:
            word_kind.setdefault(w, tuple(kinds.split("+")))
    words = words_pattern(word_kind)
    joiners = "|".join(map(re.escape, data.get("heading_joiners", ["及", "和"])))
    # (not the object of 「尚有……」: statements.yaml § heading_not_after)
    not_after = "".join(f"(?<!{re.escape(w)})" for w in data.get("heading_not_after", []))
    head = rf"{not_after}(?:{words})(?:(?:{joiners})(?:{words}))?"
    prefix = rf"[^\s，,。；;：:（）()“”]{{0,{int(data.get('heading_prefix_max', 10))}}}?"
    long_prefix = rf"[^\s，,。；;：:（）()“”]{{{int(data.get('heading_prefix_max', 10)) + 1},{int(data.get('heading_prefix_max_numbered', 10))}}}"
    num = "|".join(LEVELS)
    # markdown and list decoration around headings, taken whole (possessive): the white space
    # after it could otherwise share a long run of TABs with it, tried at every split (quadratic)
    decor = r"[\s#*>•·\-–—|]*+"
    after = r"[\s*|]*(?:[。：:．.]|$)"
    # …or its first item's number right after it (「2、改进建议(1)增加…」, flattened PDF text)
    item = r"(?=\d{1,2}[、．](?!\d)|[（(]\d{1,2}[)）]|[①②③④⑤⑥⑦⑧⑨⑩])"
    # …or a comma and the first of an 一是 list (「审计发现的主要问题，一是……二是……」)
    listed = r"[，,]\s*(?=一是|其一[，,、])"
    stops = words_pattern(data.get("stop_headings", []))
    described = words_pattern(data.get("descriptive_headings", []))
    return Headings(
        word_kind=word_kind,
        # (numbered and alone on its line, a heading's qualifier may be longer)
        heading_at=sieved(re.compile(rf"^{decor}(?P<num>{num})?\s*(?P<head>(?(num)(?:{long_prefix}(?={head}[\s*|]*$)|{prefix})"
                                     rf"|{prefix}){head})(?:{after}|{item}|{listed})")),
        # inside a line (web pages and PDF text run sections together): a numbered heading
        # after a sentence, or a heading and a colon after any stop or space
        # (its body may follow on the line after white space: 「…。五、存在的问题和建议 无」)
        # — or, where flattened PDF text ran it on without a stop, a numbered heading whose
        # first item's number follows it at once (「…办学条件(3)存在的问题和改进建议1、存在的
        # 问题(1)大部分…」): the number, the heading words and the next number are the shape
        heading_mid=re.compile(rf"(?:(?:(?<=[。；;])\s*|(?=[(（\d])(?<=[\u4e00-\u9fff)）])(?=(?:{num})\s*{prefix}{head}{item}))"
                               rf"(?P<num>{num})\s*(?P<head>{prefix}{head})(?:{after}|{item}|[ \t\u3000]+(?=\S))"
                               # after white space only where it ends: a start inside a run of
                               # spaces or TABs would scan the rest of the run (quadratic)
                               rf"|(?:(?<=[。；;，,.．！？!?])|(?<=\s)(?!\s)|(?<=[\u4e00-\u9fff]\.))\s*"
                               rf"(?P<bare>{prefix}{head})(?:\s*[：:]|{listed}))"),
        # (a search for the words alone is a twentieth of a heading_mid scan, and most lines
        # of a report hold none of them)
        heading_word=re.compile(words),
        # (a page flattened with no stops: 「…正常运转五、存在的问题及原因分析我校…」, read where
        # numbered headings run in sequence, sections._glued_headings)
        heading_glued=re.compile(rf"{prefix}{head}"),
        heading_full=re.compile(rf"{head}$"),
        stop_at=re.compile(rf"^{decor}(?:{num})?\s*(?:{stops})[\s*]*(?:[。：:．.及和与、]|$)"),
        descriptive_at=re.compile(rf"^{decor}(?:{num})?\s*(?:{described})[\s*]*(?:[。：:．.]|$)"),
        stop_lines=tuple(re.compile(p) for p in data.get("stop_lines_re", [])),
        measure_lead_line=re.compile(data.get("measure_lead_line_re") or r"(?!)"),
        measure_run_in=sieved(re.compile(data.get("measure_run_in_re") or r"(?!)")),
        problem_run_in=sieved(re.compile(data.get("problem_run_in_re") or r"(?!)")),
        title_max=int(data.get("title_line_max", 30)),
        reason_columns=frozenset(label_text(c) for c in data.get("reason_columns", [])),
        table_end=tuple(data.get("table_end", [])),
        descriptive_labels=frozenset(label_text(x) for x in data.get("descriptive_labels", [])),
        listed_measure=re.compile(data.get("listed_measure_starts_re") or r"(?!)"),
        chinese_headings=all(_CJK.search(w) for w in [*word_kind, *data.get("reason_columns", [])]),
        any_heading=re.compile(words_pattern({label_text(w) for w in [*word_kind, *data.get("reason_columns", [])]
                                              if label_text(w)})),
    )


# ---------------------------------------------------------------------------- points

@dataclass(frozen=True)
class Points:
    """Enumerations and what a point leaves out (read by `splitting`)."""

    enumerations: tuple[tuple[re.Pattern, bool], ...]    # pattern, uses Chinese numerals
    # where any of them matches (None when they do not combine): most bodies hold no marker,
    # and one search says so for all of them
    any_enumeration: re.Pattern | None
    short_sentence: int
    short_clause: int
    preamble: tuple[re.Pattern, ...]
    skip_exact: frozenset
    figure_max_rest: int
    units: re.Pattern
    negation: re.Pattern
    lone_marker: re.Pattern
    not_statement: re.Pattern | Sieved  # scoring rules, form instructions, contact lines (behind a sieve: asked of every point)
    announcement: re.Pattern        # 「仍存在部分问题需整改完善」 names no problem
    measure_start: re.Pattern       # a sentence opening a new measure (加强…, 完善…)
    reason_lead: re.Pattern         # 「主要原因是：」 announcing an enumeration of reasons
    category_heading: re.Pattern    # 「预算管理方面存在的问题。」 over a field's findings


def _points(data: Section, measure_start: re.Pattern) -> Points:
    # a marker opens the text, a line, a sentence or a clause
    opens = r"(?:^|(?<=[\s。；;：:，,！？!?])|(?<=[\u4e00-\u9fff]\.))"
    enums = []
    for pattern in data["enumerations"]:
        chinese = "{n}" in pattern
        body = pattern.replace("{n}", f"(?P<n>[{CN_DIGITS}]{{1,2}})").replace("{d}", r"(?P<n>\d{1,2})")
        if "(?P<n>" not in body:       # a marker that is its own number: ① ②
            body = f"(?P<n>{body})"
        enums.append((re.compile(opens + body), chinese))
    markers = [p.replace("{n}", f"[{CN_DIGITS}]{{1,2}}").replace("{d}", r"\d{1,2}") for p in data["enumerations"]]
    lone = "|".join(markers)
    any_marker = _alternation(markers)
    return Points(
        enumerations=tuple(enums),
        any_enumeration=re.compile(f"{opens}(?:{any_marker.pattern})") if any_marker is not None else None,
        short_sentence=int(data.get("short_sentence", 20)),
        short_clause=int(data.get("short_clause", 6)),
        preamble=tuple(re.compile(p) for p in data.get("preamble_re", [])),
        skip_exact=frozenset(PUNCT.sub("", s) for s in data.get("skip_exact", [])),
        figure_max_rest=int(data.get("figure_only_max_rest", 8)),
        units=re.compile(data["figure_units_re"]),
        negation=re.compile(data["figure_negations_re"]),
        # (matched at a span's start, not only the text's: no ^, which `match` with a start
        # position never finds past 0)
        lone_marker=re.compile(rf"\s*(?:{lone})\s*"),
        not_statement=sieved(re.compile("|".join(f"(?:{p})" for p in data.get("not_statement_re", [])) or "(?!)")),
        announcement=re.compile(data.get("announcement_re", "(?!)")),
        measure_start=measure_start,
        reason_lead=re.compile(data.get("reason_lead_re", "(?!)")),
        category_heading=re.compile(data.get("category_heading_re", "(?!)")),
    )


# ---------------------------------------------------------------------------- cues

@dataclass(frozen=True)
class Cues:
    """Reason and problem cues, document kinds and project attribution (read by `statements`)."""

    reason_cues: tuple[re.Pattern, ...]
    weak_reason_cues: tuple[re.Pattern, ...]      # the effect cues among them too
    effect_reason_cues: tuple[re.Pattern, ...]    # 「，拉低了……率」: the cause is the clause before
    admission_cues: tuple[re.Pattern, ...]
    weak_admission_cues: tuple[re.Pattern, ...]
    reason_skip: tuple[re.Pattern, ...]
    comparison: re.Pattern
    deviation: re.Pattern
    attributive: re.Pattern
    empty_admission: re.Pattern     # 「存在的问题」, 「存在诸多问题」: an admission cue that names nothing
    negation: re.Pattern
    zero_after: re.Pattern
    not_applicable: re.Pattern
    definition: re.Pattern
    turn: re.Pattern
    measure_starts: re.Pattern
    reason_cell_measure_starts: re.Pattern
    reason_then_measure: re.Pattern    # the clause of a reason that turns to a measure
    named_problem: re.Pattern
    named_problem_lead: re.Pattern
    named_problem_not: re.Pattern
    reason_in_item: re.Pattern
    finding_in_measure: re.Pattern
    measure_in_problem: re.Pattern
    prose_measure: re.Pattern | Sieved     # (searched in every line: behind a sieve)
    prose_measure_more: re.Pattern
    scoped_measures: re.Pattern     # 「从A；B等方面提出建议」: A and B are measures
    statement_note: re.Pattern      # 「（备注：…）」, 「（…供稿）」: where a statement ends
    finder: re.Pattern              # 「审计组发现」: a problem starts after who found it
    outcome: re.Pattern             # 「已追回……」: a rectification's outcome admits nothing
    inline_labels: dict
    inline_label: re.Pattern
    # each list of cues as one alternation: most lines hold no cue at all, and one search
    # says so for all of them (None when the patterns do not combine); behind a sieve,
    # which says it sooner still (`assistant.sieve`)
    any_reason: re.Pattern | Sieved | None
    any_weak_reason: re.Pattern | Sieved | None
    any_admission: re.Pattern | Sieved | None
    any_weak_admission: re.Pattern | Sieved | None
    # a 部门预算说明 (explains changes from last year), told from a 决算 by its head
    plan_document: re.Pattern
    final_document: re.Pattern
    plan_document_chars: int
    # attribution of a span to a project
    project_code: re.Pattern
    department_titles: re.Pattern
    project_name_min: int
    project_title_max: int
    project_mention_cutoff: float


_SINGLE_PATTERNS = ("comparison", "deviation", "attributive", "empty_admission", "negation", "zero_after", "not_applicable",
                    "definition", "turn", "reason_cell_measure_starts", "reason_then_measure", "named_problem", "named_problem_lead", "named_problem_not",
                    "reason_in_item", "finding_in_measure", "measure_in_problem", "prose_measure_more",
                    "scoped_measures", "statement_note", "finder", "outcome", "plan_document", "final_document",
                    "project_code", "department_titles")


def _cues(d: Section, measure_starts: re.Pattern) -> Cues:
    compile_all = lambda key: tuple(re.compile(p) for p in d.get(key, []))  # noqa: E731
    reasons, admissions = d.get("reason_cues_re", []), d.get("admission_cues_re", [])
    # one pattern each, the field named as its key without 「_re」
    single = {key: re.compile(d[key + "_re"]) for key in _SINGLE_PATTERNS}
    effects = compile_all("effect_reason_cues_re")
    return Cues(
        **single,
        reason_cues=compile_all("reason_cues_re"),
        weak_reason_cues=compile_all("weak_reason_cues_re") + effects,
        effect_reason_cues=effects,
        admission_cues=compile_all("admission_cues_re"),
        weak_admission_cues=compile_all("weak_admission_cues_re"),
        reason_skip=compile_all("reason_skip_re"),
        measure_starts=measure_starts,
        prose_measure=sieved(re.compile(d["prose_measure_re"])),      # (searched in every line of prose)
        inline_labels=dict(d.get("inline_labels", {})),
        inline_label=re.compile(r"\s*([^：:，,。；;\s]{1,10})\s*[：:]\s*"),
        any_reason=sieved(_alternation(reasons)),
        any_weak_reason=sieved(_alternation(reasons + d.get("weak_reason_cues_re", [])
                                             + d.get("effect_reason_cues_re", []))),
        any_admission=sieved(_alternation(admissions)),
        any_weak_admission=sieved(_alternation(admissions + d.get("weak_admission_cues_re", []))),
        plan_document_chars=int(d["plan_document_chars"]),
        project_name_min=int(d["project_name_min"]),
        project_title_max=int(d["project_title_max"]),
        project_mention_cutoff=float(d["project_mention_cutoff"]),
    )


def _alternation(patterns: list[str]) -> re.Pattern | None:
    """One pattern that matches where any of `patterns` does (None when they do not combine).
    They are joined as they are, not each in a group: a pattern's own alternatives (「挤占|挪用」)
    become alternatives of the whole, the same words, and re looks at a place for an
    alternative opening with a character only where that character stands."""
    if any(re.search(r"\\\d|\(\?P=", p) for p in patterns):
        return None             # a back-reference would point elsewhere once combined
    try:
        return re.compile("|".join(patterns) or "(?!)")
    except re.error:            # e.g. a pattern with its own inline flags
        return None
