"""改进措施: measures for a problem, cause first, in 一是……；二是……；三是……。 form.

The causes are read by assistant/draft/causes.py (lexicons/causes.yaml); the moves and their
phrasings are the measure bank in lexicons/measures.yaml (every theme of TAXONOMY §3).
Moves and phrasings are ranked — the primary cause's fix first, then BM25 (bm25s) over jieba
words of the problem against the bank — never sampled, so identical problems get identical
measures; `seed` and `n` alternatives take the next-ranked phrasings. With a corpus, the
measure an earlier report paired with the most similar problem is blended in as a numbered
point citing its document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from assistant.draft.corpus import load_corpus
from assistant.draft.causes import Cause, Found, Reading, cause_book, needs_measure, read_cause, rule_broken, unnamed
from assistant.draft.corrections import Correction, cause_said_before, corrections, puts_right
from assistant.draft.polish import Endpoint, polish_draft
from assistant.draft.sentences import (Draft, Provenance, Sentence, drafting, drafting_pattern, fill,
                                       has_foreign_numbers, numbers_in, render, rng_for, words)
from assistant.extract.sections import heading_kinds
from assistant.extract.themes import tag_themes
from assistant.extract.script import simplified_short
from assistant.extract.splitting import unwrapped
from assistant.lexicon import Lexicons, builtin, derived, install
from assistant.nlp import segment


def draft_measures(problem: str, themes: list[str] | None = None, project: str = "", seed: int = 0,
                   n: int = 1, corpus=None, *, figure: str = "", indicator: str = "",
                   exclude_doc: str = "", known_numbers: set[Decimal] | None = None,
                   avoid: set[str] | None = None, reasons: list[str] | None = None,
                   polish: Endpoint | None = None, lexicons: Lexicons | None = None) -> list[Draft]:
    """`n` alternative drafts of 改进措施 for `problem`, cause first.

    The problem (with `reasons`, the project's 未完成原因 cells) is read into its causes
    (lexicons/causes.yaml): 一是 answers the primary cause, 二是 the next cause or controls
    the first, 三是 follows up where the cause names a follow-up; every theme of the problem
    is covered. Moves and their phrasings are ranked — by cause, then by BM25 over jieba words
    of the problem against the measure bank — never sampled: the same input gives the same
    draft. `seed` and the alternatives (`n`) take the next-ranked phrasings. Measures that
    earlier reports paired with the most similar problems (`corpus`, e.g. the review store)
    are blended in as numbered points, citing their document, when every number they print
    is in the problem or in `known_numbers`. A statement that is no shortcoming (savings, a
    planned budget change, an execution rate within checks.yaml § materiality) gets one
    sentence saying that no measure is needed.  With `polish` (an analyst's model endpoint,
    draft/polish.py) each point may be reworded where the rewording passes the same audit.
    `lexicons` (causes, measures, drafting …) are the process's from then on (`install`).
    """
    if lexicons is not None:
        install(lexicons)
    # a statement from a page in traditional characters is read, and quoted, in simplified ones
    # (and without the line breaks that only wrap it: 「公共资源和\n财政资金管理」 is one clause)
    problem = unwrapped(simplified_short(problem))
    reasons = [unwrapped(simplified_short(r)) for r in reasons] if reasons else reasons
    reading = read_cause(problem, reasons)
    if rule_broken(problem):
        # (a rule broken is no saving: 「违反中央八项规定」 names the rule, not thrift)
        reading = replace(reading, causes=[f for f in reading.causes if not f.cause.no_measure and not f.cause.benign])
    # no cause worded as causes.yaml knows it: the cause whose words the problem shares most,
    # for choosing the moves only (a report never states it as the cause)
    likely, likeness = (None, 0.0) if reading.causes else _likely_scored(" ".join([problem, *(reasons or [])]))
    likely = likely if likeness >= drafting("measures.likely_cause.min_score") else None
    codes = problem_themes(problem, themes)
    if themes is None and reading.causes and reading.causes[0].cause.theme in drafting("measures.measured_by_words"):
        # a statement about indicators: the themes of its other words are what they measure
        read = {f.cause.theme for f in reading.causes}
        codes = [c for c in codes if c in read] or codes
    # (a statement of a school's, a unit's or a region's whole budget that names no project
    # is not of one, nor is one that counts several: 「该项目」 would presume one — the
    # projects concerned)
    slots = {"project": project or _subject(problem)
             or drafting("slot_defaults.unnamed" if _unit_wide(problem) or _several(problem)
                         else "slot_defaults.project"),
             "figure": figure or stated_figure(problem), "indicator": indicator,
             "rate": stated_rate(problem)}
    needed, why = needs_measure(reading)
    if not needed:
        return [Draft([Sentence(why, Provenance(template="causes.no_measure"))], list(codes), [], seed, [why])
                for _ in range(max(1, n))]
    known = numbers_in(" ".join([problem, project, figure, indicator, *(reasons or [])])) | (known_numbers or set())
    avoid = avoid if avoid is not None else set()
    precedents = _precedents(problem, project, load_corpus(corpus), exclude_doc, known, seed, avoid)
    # what the statement found, put right in its own words, leads (draft/corrections.py)
    # (one that only says the act again, done right, where no cause is read — nor one its
    # words are plainly about, drafting.yaml § corrections.likely_min_score — and it is the
    # shortfall the statement names first)
    plainly = not reading.causes and likeness >= drafting("corrections.likely_min_score")
    # (a shortfall said again, put right, leads also where the nearest cause is plain: that
    # cause's fix follows it — the guess may be wrong, the shortfall's own words are not)
    # (a verdict put right may stand in any clause of the first sentence where no cause is
    # read: 「培训覆盖面不宽，课程设置较为单一」 names two shortfalls side by side)
    fixes = [f for f in corrections(problem)
             if not f.yields or not (reading.causes or plainly and not f.guess_follows)
             and (problem[f.start:f.end] in reading.deviation
                  or f.guess_follows and not reading.causes and not _SENTENCE_END.search(problem, 0, f.start))]
    # a cause read in the words a correction puts right is that finding itself: a cause read
    # beyond them (「擅自变更项目内容和未足额筹集到位配套资金」: the matching money) answers next
    reading = _beyond_first(reading, fixes)
    listed = _listed_causes(problem, reading)
    # a tagged OTHER only says that no theme fitted: the causes' moves answer the problem
    plan = _plan(problem, [c for c in codes if c != "OTHER" or themes is not None
                           or not (reading.causes or likely)], reading, listed, likely, tagged=themes is None)
    # after the corrections: a cause read beyond them (or plainly the problem's), else their
    # control; before them: a cause the statement gives (由于……)
    cause_read = plainly or _cause_beyond(reading, fixes)
    cause_first = bool(reading.primary and reading.primary.marked
                       or fixes and cause_said_before(problem, fixes[0]))
    lead = _lead(reading, indicator)
    if len(listed) >= 2 and listed[0].cue not in reading.deviation:
        lead = ""       # (the deviation read is one part of the list; the first point answers another)
    elif not listed and (part := _another_part(reading)):
        # shortfalls side by side (「……渠道单一，……规则不明确，社会资本参与积极性不高」): the first
        # point answers the cause read, so the lead names the part it stands in
        lead = _lead(replace(reading, deviation=part), indicator)
    # (the nearest cause close enough for its fix to follow a shortfall put right)
    close = likeness >= drafting("corrections.guess_follows_min_score")
    drafts: list[Draft] = []
    seen: set[str] = set()
    for alt in range(max(1, n)):
        for attempt in range(drafting("measures.retries")):
            sentences, clauses = _compose(plan, problem, slots, seed + alt + attempt, avoid,
                                          precedents[:1] if alt == 0 else precedents[alt:alt + 1],
                                          lead, fixes, cause_read, cause_first, guessed=close)
            draft = Draft(sentences, list(codes), list(precedents), seed, clauses)
            if draft.text not in seen:
                break
        seen.add(draft.text)
        drafts.append(draft)
    if polish is not None:
        drafts = [polish_draft(d, problem, polish, known) for d in drafts]
    return drafts


def problem_themes(text: str, themes: list[str] | None = None) -> list[str]:
    """The theme codes of a problem: the given ones (checked), else tagged, else OTHER."""
    bank = _bank()
    if themes is None:
        themes = tag(text)
    codes: list[str] = []
    for code in themes:
        code = code.strip().upper()
        if code not in bank:
            raise ValueError(f"unknown theme {code!r}; known: {', '.join(bank)}")
        if code not in codes:
            codes.append(code)
    # OTHER stands in only when no real theme is known
    return [c for c in codes if c != "OTHER"] or ["OTHER"]


def tag(text: str) -> list[str]:
    """Themes of a text by `assistant.extract.themes.tag_themes`; [] for no text.  OTHER is
    left out: it only means that nothing fitted."""
    if not (text or "").strip():
        return []
    return [code for code in tag_themes(text) if code != "OTHER"]


def theme_codes() -> list[str]:
    """All theme codes the measure bank covers."""
    return list(_bank())


# -------------------------------------------------------------------------------- helpers
def _plan(problem: str, codes: list[str], reading, listed: list[Found], likely: Cause | None = None,
          tagged: bool = False) -> list[tuple[str, str]]:
    """The moves (theme, move id) of a draft, best first: the primary cause's fix, then the
    next cause's fix or the primary cause's control, its follow-up when there is room within
    `max_items`, and a move for every theme of the problem not yet answered (which may take
    the points past max_items, never the follow-up's place); at least `min_items`.  With no
    cause read, the `likely` cause's moves lead, except those that presume a cause.
    Themes the caller gave are each answered; themes only `tagged` from the problem's words
    get a point of their own past the causes' only where it is grounded (drafting.yaml §
    theme_point_min_match)."""
    plan: list[str] = []

    def add(ref: str | None) -> None:
        if ref and ref not in plan and _move(ref) is not None:
            plan.append(ref)

    causes = [f.cause for f in reading.causes if not f.cause.no_measure] or [f.cause for f in reading.causes]
    own_fixes = {f.cause.moves[0] for f in reading.causes if f.cause.moves}
    read = {f.cause.code for f in reading.causes}
    follow = None
    listed_causes = [f.cause for f in listed]      # (`_listed_causes`, found by the caller)
    if len(listed_causes) >= 2:
        # 「A、B、C等问题」: each part's cause its fix, in the order the parts stand
        for cause in listed_causes[:drafting("measures.max_items")]:
            add(cause.moves[0])
        follow = listed_causes[0].follow_up
    elif causes:
        primary = causes[0]
        add(primary.moves[0] if primary.moves else None)
        # the next root cause's fix; the late work, unspent money or missed target a root
        # cause explains (causes.yaml § effect, a cause that only stands for a shortfall)
        # gets no point of its own while the primary has its control
        # (what made a target be exceeded is no fault to fix: 「受灾情影响，实际改造数超任务」
        # asks for targets set on what the work can do, and their control)
        exceeded = primary is cause_book().favourable_cause
        later = [] if exceeded else [c for c in causes[1:] if c.moves and c.moves[0] not in plan]
        nxt = next((c.moves[0] for c in later if (c.effect == 0 and c.cues) or primary.effect != 0), None)
        control = primary.moves[1] if len(primary.moves) > 1 else None
        add(nxt or control or (later[0].moves[0] if later else None))
        follow = primary.follow_up
    elif likely is not None:
        # (a cause whose moves all presume it is read: its theme's closest general move)
        general = [m for m in likely.moves if not _premise(m)][:2] \
            or [f"{likely.theme}.{_scored_moves(problem, likely.theme, read)[0][0]}"]
        for ref in general:
            add(ref)
        follow = likely.follow_up
    lex = drafting("measures")
    if re.search(lex["problem_list_re"], reading.text or problem):
        # a list of findings of one cause, each of a kind its fix has a phrasing written for
        # (「扩大开支范围、多付工程款、违规使用结余资金等问题」: money used beyond its scope,
        # paid twice, used against the rules): that fix once for each, in the list's place
        # (in place of the control that followed it, never of another cause's fix)
        for ref in list(plan):
            kinds = len(_written_for(_move(ref) or {}, problem))
            while plan.count(ref) < kinds:
                if len(plan) >= lex["max_items"]:
                    if plan[-1] in own_fixes:
                        break
                    plan.pop()
                plan.insert(plan.index(ref) + plan.count(ref), ref)
    core = list(plan)
    # a theme is answered by its moves, and by the cause it was tagged for: the weather
    # (EXTERNAL) is answered by planning the work around the season (IMPLEMENTATION.season)
    answered = {ref.split(".")[0] for ref in plan} | {f.cause.theme for f in reading.causes
                                                      if set(f.cause.moves) & set(plan)}
    asked: set[str] = set()         # the points of themes the caller gave: each is answered
    for code in codes:
        if code not in answered:
            point = _shortfall_move(problem, code, plan)
            if point is None:
                best, match = _scored_moves(problem, code, read)[0]
                grounded = match >= lex["theme_point_min_match"]
                if grounded or not tagged or len(plan) < lex["min_items"] or not causes:
                    point = f"{code}.{best}"
            add(point)
            answered.add(code)
            if point and not tagged:
                asked.add(point)
    room = max(lex["max_items"], len(codes))
    if len(plan) > room and len(core) > 1:
        plan.remove(core[1])       # every theme its own point: the second fix or control yields
    # the follow-up takes the third place when every theme is answered within max_items
    if follow and follow not in plan and len(plan) < room:
        plan.insert(len(core), follow)
    for code in (codes + [ref.split(".")[0] for ref in plan]):
        if len(plan) >= lex["min_items"]:
            break
        for move, _ in _scored_moves(problem, code, read):
            if f"{code}.{move}" not in plan:
                add(f"{code}.{move}")
                break
    # general advice, and a control that answers one kind of its cause only (drafting.yaml §
    # measures.grounded_moves), past the first point only where the statement speaks of what
    # it addresses; a cause's own fix, or the point of a theme the caller asked for, is kept
    grounds = lex["grounded_moves"]
    kept = own_fixes | asked
    plan = plan[:1] + [ref for ref in plan[1:]
                       if ref not in grounds or ref in kept or _grounded(ref, problem, grounds[ref])]
    return [(ref.split(".", 1)[0], ref.split(".", 1)[1]) for ref in plan]


def _grounded(ref: str, problem: str, words: list[str]) -> bool:
    """Whether a move that needs ground answers something the problem says: one of its
    `words` stands in the problem (「资金安全风险」 for internal control), or a phrasing of it
    shares as much of the problem's wording as a theme's own point must
    (§ theme_point_min_match)."""
    move = _move(ref)
    if move is None:
        return False
    if any(w in problem for w in words) or _written_for(move, problem):
        return True
    return _match(move, problem, _variant_scores(problem, True)) >= drafting("measures.theme_point_min_match")


def _match(move: dict, problem: str, scores: dict[tuple[str, int], float]) -> float:
    """How much of the problem's wording the move's best fitting phrasing shares (BM25)."""
    return max((scores.get((move["id"], i), 0.0) for i in _fitting(move, problem)), default=0.0)


def _listed_causes(problem: str, reading) -> list[Found]:
    """The causes found in a statement listing several problems (drafting.yaml § measures.
    problem_list_re), one per part in the order the parts stand, each part's first cause
    read; [] for any other statement."""
    lex = drafting("measures")
    text = reading.text or problem
    if not re.search(lex["problem_list_re"], text):
        return []
    bounds = [m.start() for m in re.finditer(lex["problem_list_parts"], text)]
    out: list[Found] = []
    parts: set[int] = set()
    for found in sorted(reading.causes, key=lambda f: f.start):
        if found.cause.no_measure or not found.cause.moves or found.marked:
            continue
        part = sum(1 for b in bounds if b < found.start)
        if part in parts or any(f.cause.code == found.cause.code for f in out):
            continue
        parts.add(part)
        out.append(found)
    return out


def _compose(plan: list[tuple[str, str]], problem: str, slots: dict, shift: int, avoid: set[str],
             blended: list[Sentence], lead: str = "", fixes: list[Correction] | None = None,
             cause_read: bool = True, marked: bool = False, guessed: bool = False) -> tuple[list[Sentence], list[str]]:
    """The numbered points of `plan`'s moves.  With `fixes` (what the statement found, put
    right: draft/corrections.py), they lead unless the first move already puts it right, and
    one point follows them: the fix of a cause read beyond them, or plainly the problem's
    (`cause_read`), or of the nearest cause `guessed` closely enough where the fix is a
    shortfall said again, put right (its shape's guess_follows), else the first fix's control
    — a theme's general advice is left out; shortfalls side by side, each put right where no
    cause is read, stand alone.
    A cause the statement gives as its cause (`marked`: 由于……) is answered before them."""
    bank, lex = _bank(), drafting("measures")
    clauses: list[tuple[str, str, Provenance | None]] = []
    for code, move_id in plan:
        move = next(m for m in bank[code]["moves"] if m["id"] == move_id)
        picked = _pick(move, problem, slots, shift, avoid, {t for t, _, _ in clauses})
        if picked:
            i, text = picked
            clauses.append((text, f"measures.{code}.{move_id}.{i}", None))
    if fixes and not (clauses and puts_right(clauses[0][0])):
        put_right: list[tuple[str, str, Provenance | None]] = [
            (f.text, f"corrections.{f.shape}", None) for f in fixes]
        if marked and clauses:
            clauses = clauses[:1] + put_right       # a cause the statement gives answers first
        else:
            control: list[tuple[str, str, Provenance | None]] = [
                (fixes[0].control, f"corrections.{fixes[0].shape}.control", None)]
            then = clauses[:1] if cause_read or guessed and fixes[0].guess_follows and clauses else control
            if not cause_read and len(fixes) > 1 and all(f.guess_follows for f in fixes):
                then = []       # (shortfalls side by side, each put right: no control pads them)
            clauses = put_right + then
            lead = ""           # (the correction names the finding itself)
    else:
        fixes = []
    for s in blended:                      # a precedent becomes the point after the first fix
        text = _as_clause(s.text)
        if text and text not in {t for t, _, _ in clauses}:
            clauses.insert(min(max(1, len(fixes or ())), len(clauses)), (text, s.provenance.template, s.provenance))
    if lead and clauses and not clauses[0][0].startswith(("针对", lead)):
        clauses[0] = (lead + clauses[0][0], *clauses[0][1:])
    # 一是、二是 … number two points or more; one point stands as a sentence of its own
    ordinals = drafting("ordinals") if len(clauses) > 1 else [""]
    out = []
    for k, (text, template, prov) in enumerate(clauses):
        end = lex["last_end"] if k == len(clauses) - 1 else lex["clause_end"]
        out.append(Sentence(f"{ordinals[k]}{text}{end}", prov or Provenance(template=template)))
    return out, [text for text, _, _ in clauses]


def _beyond_first(reading: Reading, fixes: list[Correction]) -> Reading:
    """`reading` with the causes read beyond the corrections' words first, where its primary
    cause stands in them and another does not; else `reading` itself."""
    if not fixes or reading.primary is None or not any(_in_words(reading.primary, f) for f in fixes):
        return reading
    beyond = [c for c in reading.causes if not any(_in_words(c, f) for f in fixes)]
    if not beyond:
        return reading
    return replace(reading, causes=beyond + [c for c in reading.causes if c not in beyond])


def _cause_beyond(reading, fixes: list[Correction]) -> bool:
    """Whether a cause is read beyond what the corrections put right: a primary cause whose
    words stand in a correction's (「未按照……标准进行修订」 read as a policy change, 「不符合条件」
    as loose eligibility) is the finding itself, and the correction's control follows it."""
    primary = reading.primary
    return primary is not None and not any(_in_words(primary, f) for f in fixes)


def _in_words(found, fix: Correction) -> bool:
    """Whether a cause was read in words a correction put right (their spans overlap)."""
    return found.start < fix.end and found.start + len(found.cue) > fix.start


def _lead(reading, indicator: str = "") -> str:
    """「针对……的问题，」 naming what fell short in the problem's own words (drafting.yaml §
    measures.lead), or '' when its deviation clause is too short, too long or is a cause
    (由于…, 受…影响, …导致) or has no subject (「未达到100%」 names nothing) — unless the
    problem is an indicator's, which is then the subject (measures.lead_indicator).  Of a
    heading and its detail (parted by a colon, or by white space in PDF text) the heading leads
    where it states the shortfall itself and is no section's label (「配套措施不足：……」, not
    「不足之处：……」)."""
    lex = drafting("measures")
    clause = (reading.deviation or "").strip()
    shortfall = cause_book().shortfall
    colon = _COLON.search(clause)
    if colon:
        # a label (「存在问题：」, 「问题一：」, 「不足之处：」) or a finding's heading, then its detail
        # (「目标设定不合理：为……」, 「配套措施不足：部分项目……」): the heading where it states the
        # shortfall itself, else the detail
        head, detail = clause[:colon.start()].strip(), clause[colon.end():].strip()
        stated = bool(shortfall.search(head)) and not heading_kinds(head)
        clause = head if stated or not detail else detail
    gap = _HEADING_GAP.match(clause)
    if gap and shortfall.search(gap.group(1)):
        clause = gap.group(1)       # a finding's heading, a space, its detail (PDF text)
    rules = _lead_rules()
    clause = rules.tail.sub("", rules.number.sub("", clause).strip())
    # as a clause of ours: no spaces a PDF put between two 汉字, no stop of its own, and no
    # preposition or conjunction of its own (「针对对部门预算……」, 「针对但结算……」)
    clause = rules.conjunction.sub("", _HAN_GAP.sub("", clause).rstrip("。．.；;，,、 "))
    clause = rules.adverb.sub("", clause)
    first = segment(clause[:8])[:1]
    if first and first[0] in rules.openers:
        clause = clause[len(first[0]):].lstrip()
    low, high = lex["lead_chars"]
    if not low <= len(clause) <= high or rules.cause.search(clause) or rules.how_found.match(clause) \
            or rules.person.search(clause) \
            or (rules.done.search(clause) and not rules.lacking.search(clause)):
        return ""
    if not numbers_in(clause) <= numbers_in(reading.text or reading.deviation or ""):
        return ""           # (a figure cut by the rules above: every number the problem's own)
    primary = reading.primary
    if primary is not None and primary.cue in clause and not rules.faulted.search(clause):
        return ""           # (the clause is the cause itself, nothing wrong in it: 「特困人员实行动态管理」)
    if rules.no_subject.match(clause):
        if not indicator or len(indicator) + len(clause) > high:
            return ""
        return fill(lex["lead_indicator"], {"deviation": clause, "indicator": indicator}) or ""
    return fill(lex["lead"], {"deviation": clause}) or ""


def _another_part(reading) -> str:
    """The clause of the cause the first point answers, where that cause, read without a
    marker, is a shortfall of its own beside the one read as the deviation, in the same
    sentence (「……规则不明确，社会资本参与积极性不高」), not what explains it (「……未开工建设。
    ……正在进行招投标」); '' otherwise."""
    first = reading.primary
    if first is None or first.marked or not reading.deviation or first.cue in reading.deviation:
        return ""
    clause = _clause_at(reading.text, first.start)
    at = reading.text.find(reading.deviation.strip())
    beside = clause != reading.deviation.strip() and at >= 0 and bool(cause_book().shortfall.search(clause)) \
        and "。" not in reading.text[min(at, first.start):max(at, first.start)]
    return clause if beside else ""


def _clause_at(text: str, at: int) -> str:
    """The clause of `text` (between ，；。) holding offset `at`."""
    starts = [m.end() for m in _CLAUSE_STOP.finditer(text, 0, at)]
    stop = _CLAUSE_STOP.search(text, at)
    return text[starts[-1] if starts else 0:stop.start() if stop else len(text)].strip()


_CLAUSE_STOP = re.compile(r"[，,；;。]")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


# a heading of six or more characters, white space, and a sentence of its own after it
# (「部分措施落实不到位 县民政局存在……」); a gap inside a word (「专项资 金」) leaves less before it
_HEADING_GAP = re.compile(r"^(\S{6,24}?)[ \t\u3000]+(?=\S{6})")
_COLON = re.compile(r"[：:](?!\d)")
_HAN_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def _subject(problem: str) -> str:
    """「相关学校」 for a problem of 「部分学校……」 (drafting.yaml § subject_re), else ''."""
    m = drafting_pattern("subject_re").match(problem.strip())
    return (fill(drafting("subject_slot"), {"noun": m.group("noun")}) or "") if m else ""


def _unit_wide(problem: str) -> bool:
    """Whether `problem` is of a unit's or a region's whole budget and names no project
    (drafting.yaml § unit_wide_re: 「我校……」, 「全省……」, 「各地……」)."""
    return "项目" not in problem and bool(drafting_pattern("unit_wide_re").search(problem))


def _several(problem: str) -> bool:
    """Whether `problem` speaks of several projects anywhere in it (drafting.yaml §
    several_projects_re: 「我县较多项目……，目前有18个项目受此影响」)."""
    return bool(drafting_pattern("several_projects_re").search(problem))


@dataclass(frozen=True)
class _LeadRules:
    """drafting.yaml § measures.lead_rules, compiled."""

    number: re.Pattern
    tail: re.Pattern
    conjunction: re.Pattern
    openers: frozenset
    no_subject: re.Pattern
    adverb: re.Pattern
    cause: re.Pattern
    done: re.Pattern
    lacking: re.Pattern
    how_found: re.Pattern
    faulted: re.Pattern
    person: re.Pattern


@derived(maxsize=1)
def _lead_rules() -> _LeadRules:
    rules = drafting("measures.lead_rules")
    return _LeadRules(openers=frozenset(rules["openers"]),
                      **{k: re.compile(v) for k, v in rules.items() if k != "openers"})


def _pick(move: dict, problem: str, slots: dict, shift: int, avoid: set[str], taken: set[str]):
    """(variant index, text): a phrasing written for the problem's kind first where the
    problem names that kind plainly (`_written_for`: 「对应计未计……的资产……补记入账」 for
    「应计未计固定资产」), then the phrasing closest to the problem's words (BM25), the
    `shift`-th next one for alternatives; wording the draft already has only when no other
    fits."""
    scores = _variant_scores(problem)
    texts = [(i, fill(move["variants"][i], slots)) for i in _fitting(move, problem)]
    texts = [(i, t) for i, t in texts if t and t not in taken]
    if not texts:
        return None
    written_for = _written_for(move, problem)
    ranked = sorted(texts, key=lambda it: (it[0] not in written_for, -scores.get((move["id"], it[0]), 0.0), it[0]))
    fresh = [o for o in ranked if o[1] not in avoid] or ranked
    return fresh[shift % len(fresh)]


def _written_for(move: dict, problem: str) -> set[int]:
    """The phrasings of a move whose kind (measures.yaml § variant_needs) the problem names
    plainly: one of its words of three characters or more (应计未计, 专款专用, 超标准), or
    two of its words (申报 and 材料); a single short word (申报 alone) only lets the
    phrasing be drafted, as `_fitting` says, without putting it first."""
    out = set()
    for i, needed in (move.get("variant_needs") or {}).items():
        said = [w for w in needed if w in problem]
        if any(len(w) >= 3 for w in said) or len(said) >= 2:
            out.add(i)
    return out


def _fitting(move: dict, problem: str) -> list[int]:
    """The phrasings of a move that may answer `problem`: a phrasing for one kind of problem
    only (measures.yaml § variant_needs: 「培训和活动时间避开农忙」 of the season move, the
    SPV's capital of secure_matching) where the problem says one of its words; all of them
    where none fits."""
    needs = move.get("variant_needs") or {}
    every = range(len(move["variants"]))
    fit = [i for i in every if not needs.get(i) or any(w in problem for w in needs[i])]
    return fit or list(every)


def likely_cause(text: str) -> Cause | None:
    """The cause whose words `text` shares most (BM25 over jieba words of each cause's label,
    cues, subjects and the phrasings of its moves), when its score reaches
    drafting.yaml § measures.likely_cause.min_score; causes that need no measure or are no
    fault (a saving), those read only where worded (causes.yaml § guess: false), and those
    that only stand for a shortfall, are never guessed."""
    cause, score = _likely_scored(text)
    return cause if score >= drafting("measures.likely_cause.min_score") else None


def _likely_scored(text: str) -> tuple[Cause | None, float]:
    """The cause whose words `text` shares most, and its BM25 score (None, 0 where it
    shares none), as `likely_cause` reads it."""
    index, causes, vocabulary = _cause_index()
    # (a quoted name is no cause here either: causes.unnamed)
    # (a unit is no cause's word: 分 of 「低于分值2分」 would meet 分 of 分年度)
    units = frozenset(drafting("measures.likely_cause.unit_words"))     # one character each
    # (nor is a column of the form or how far the figure fell: 分值, 低于)
    form = frozenset(drafting("measures.likely_cause.form_words"))
    query = [w for w in words(unnamed(text)).split() if w in vocabulary and w not in units and w not in form]
    if not query or not causes:
        return None, 0.0
    scores = index.get_scores(query)
    best = max(range(len(causes)), key=lambda i: (scores[i], -i))
    return causes[best], float(scores[best])


@derived(maxsize=1)
def _cause_index() -> tuple[Any, list[Cause], frozenset[str]]:
    """BM25 (bm25s) over each cause's words, the causes, and the words they know."""
    import bm25s

    causes: list[Cause] = []
    docs: list[list[str]] = []
    for cause in cause_book().causes:
        if cause.no_measure or cause.benign or not cause.guess or not cause.cues:
            continue                    # (a saving is said, never guessed)
        parts = [cause.label, *cause.cues, *cause.subjects]
        for ref in cause.moves:
            move = _move(ref)
            if move is not None and not move.get("premise"):
                parts += [_SLOTS.sub("", v) for v in move["variants"]]
        causes.append(cause)
        docs.append(words(" ".join(parts)).split())
    index = bm25s.BM25()
    if docs:
        index.index(docs, show_progress=False)
    return index, causes, frozenset(w for d in docs for w in d)


def _move(ref: str) -> dict | None:
    theme, _, move_id = ref.partition(".")
    return next((m for m in _bank().get(theme, {}).get("moves", ()) if m["id"] == move_id), None)


def _premise(ref: str) -> str | None:
    move = _move(ref)
    return move.get("premise") if move else None


def _shortfall_move(problem: str, code: str, plan: list[str]) -> str | None:
    """A theme's point for the shortfall the problem states (causes.yaml § deviations: a low
    execution rate is slow payment, a rate below a hundred a target missed) when the theme
    is the shortfall's and the causes read answered another theme: in 「受疫情影响……资金执行
    率仅为56%」 the budget's point speeds up payment, rather than the theme's words' nearest."""
    for rx, cause in cause_book().deviations:
        if cause.theme == code and rx.search(problem):
            return next((m for m in cause.moves if m.startswith(code + ".") and m not in plan
                         and _move(m) is not None and not _premise(m)), None)
    return None


def _scored_moves(problem: str, code: str, read: set[str] | None = None) -> list[tuple[str, float]]:
    """A theme's move ids with how much of the problem's wording their best phrasing shares
    (BM25), closest first (ties: the bank's order); with `read` (the causes read in the
    problem), a move whose `premise` is another cause is left out, unless the theme has
    nothing else.  These are a theme's general points: a move that answers one cause only
    (measures.yaml § cause_only) is no candidate."""
    general = [m for m in _bank()[code]["moves"] if not m.get("cause_only")]
    scores = _variant_scores(problem, bool(general))
    moves = general or _bank()[code]["moves"]
    if read is not None:
        moves = [m for m in moves if not m.get("premise") or m["premise"] in read] or moves
    best = {m["id"]: _match(m, problem, scores) for m in moves}
    return [(m["id"], best[m["id"]]) for m in sorted(moves, key=lambda m: -best[m["id"]])]


@derived(maxsize=64)
def _variant_scores(problem: str, general: bool = False) -> dict[tuple[str, int], float]:
    """BM25 score of every phrasing in the bank against the problem (read-only: shared);
    `general`: of the general moves' phrasings only, scored among themselves, so that the
    moves answering one cause, which the bank gains batch by batch, leave a theme's general
    points and their grounding (drafting.yaml § theme_point_min_match) as they were."""
    index, keys, vocabulary = _bm25(general)
    query = [w for w in words(problem).split() if w in vocabulary]
    if not query:
        return {}
    scores = index.get_scores(query)
    return {keys[k]: float(v) for k, v in enumerate(scores) if v > 0}


@derived(maxsize=2)
def _bm25(general: bool = False):
    """BM25 (bm25s) over the jieba words of every phrasing in the measure bank (`general`:
    of the moves that are no cause's only), with the words it knows."""
    import bm25s

    keys, docs = [], []
    for theme in _bank().values():
        for move in theme["moves"]:
            if general and move.get("cause_only"):
                continue
            for i, v in enumerate(move["variants"]):
                keys.append((move["id"], i))
                docs.append(words(_SLOTS.sub("", v)).split())
    index = bm25s.BM25()
    index.index(docs, show_progress=False)
    return index, keys, frozenset(w for doc in docs for w in doc)


_SLOTS = re.compile(r"\{\w+\}")
_LEAD = re.compile(r"^(?:参照|借鉴)[^，,：:]{0,20}[，,：:]|^(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[)）、.．])")


def _as_clause(text: str) -> str:
    """A precedent as a numbered point: no ordinal, no closing mark, one sentence."""
    t = _LEAD.sub("", text.strip()).strip()
    t = re.sub(r"[。；;]+(?=.)", "，", t)
    return t.rstrip("。；;，, ")


def _precedents(problem: str, project: str, corpus, exclude_doc: str, known: set[Decimal],
                seed: int, avoid: set[str]) -> list[Sentence]:
    if corpus is None:
        return []
    out = []
    for match in corpus.precedents(problem, project, exclude_doc=exclude_doc):
        e = match.entry
        if has_foreign_numbers(e.text, known):
            continue
        quoted = e.text.rstrip("；;，,") + ("" if e.text.endswith(("。", "！")) else "。")
        made = render("precedent", {"reason": quoted}, rng_for(seed, "precedent", e.text))
        if made and made[0] not in avoid:
            out.append(Sentence(made[0], Provenance(template=made[1], doc=e.doc, project=e.project,
                                                    start=e.start, end=e.end, score=match.score)))
    return out


# a figure the problem states as a fact (执行率为79.44%), not a bar it missed (未达90%)
_FIGURE = re.compile(r"(?:为|是|仅|只有|达到了)\s*(\d+(?:\.\d+)?\s*(?:%|‰|万元|亿元|元))")


def stated_figure(text: str) -> str:
    """The first figure a text states as a fact (「执行率为79.44%」 → 79.44%), or ""."""
    return _first_figure(_FIGURE, text)


_RATE = re.compile(r"(?:执行率|支出率|支付率|执行数|支出数|支付数|执行|支出|支付)[^，,；;。\d]{0,6}?"
                   r"(?:为|是|仅为?|只有|达到了?)\s*(\d+(?:\.\d+)?\s*(?:%|‰|万元|亿元|元))")


def stated_rate(text: str) -> str:
    """The execution rate or the amount spent a text states (「执行率为79.44%」,
    「全年执行数33.78万元」), or "": the figure a sentence on execution may quote."""
    return _first_figure(_RATE, text)


def _first_figure(pattern: re.Pattern, text: str) -> str:
    """The figure (group 1, spaces left out) of the first match of `pattern` in `text`, or ""."""
    m = pattern.search(text or "")
    return m.group(1).replace(" ", "") if m else ""


def _bank() -> dict:
    return builtin("measures.yaml")["themes"]
