"""Cause-first reading of a problem or reason: object, deviation and causes.

`read_cause("由于上级资金下达较晚，项目支付进度缓慢，执行率为79.44%")` →
Reading(object="项目", deviation="支付进度缓慢", causes=[FUNDS_LATE, PAYMENT_SLOW], figure="79.44%").

Causes and their cue words are data (lexicons/causes.yaml); the cause a marker introduces
(由于、因、主要原因是 …) comes first, then the others in the order the text names them.
Extraction tags a statement's themes with them where its own theme cues find none
(themes.py); drafting answers each cause with its moves (assistant/draft/measures.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from assistant.extract.script import FULL_WIDTH_DIGITS, half_width
from assistant.extract.splitting import SENTENCE_END
from assistant.lexicon import LexiconError, built_from, builtin, derived
from assistant.messages import say


@dataclass(frozen=True)
class Cause:
    code: str
    label: str
    theme: str
    cues: tuple[str, ...]
    moves: tuple[str, ...]            # THEME.move_id, best first
    follow_up: str | None = None
    no_measure: str | None = None
    effect: int = 0                   # 0 a root cause, 1 the work's progress, 2 the spending
    subjects: tuple[str, ...] = ()    # what it is about (资金下达 …), read with its predicate
    generic: bool = False             # only how the work was regarded (重视不够): yields to a concrete cause
    benign: bool = False              # no fault (a saving): within the materiality bounds no measure
    guess: bool = True                # a problem's nearest cause when none is read (false: read only)
    held_by: tuple[str, ...] = ()     # causes whose step it waits on: read with it, they answer first
    background: bool = False          # the scene (an epidemic): yields to a concrete cause said to lead to the shortfall


@dataclass(frozen=True)
class Found:
    cause: Cause
    cue: str
    start: int                        # offset of the cue in the statement
    marked: bool                      # introduced by a cause marker (由于、因 …)
    consequent: bool = False          # in a clause that says it followed (「尾款支付相应滞后」)
    main: bool = False                # a root cause said to be the main one (根本原因在于、关键是 …)
    verdict: bool = False             # in a clause that only judges (「预算编制不够科学」)


@dataclass
class Reading:
    text: str
    causes: list[Found] = field(default_factory=list)     # primary first
    object: str = ""                  # what fell short (项目、资金、指标 …)
    deviation: str = ""               # the clause that states the shortfall
    figure: str = ""                  # the first figure stated (79.44%)

    @property
    def primary(self) -> Found | None:
        return self.causes[0] if self.causes else None


@dataclass(frozen=True)
class CauseBook:
    causes: tuple[Cause, ...]
    markers: tuple[str, ...]
    effect_markers: tuple[str, ...]
    finder: re.Pattern
    by_cue: dict
    phrases: tuple[tuple[re.Pattern, Cause], ...] = ()    # subject … predicate, per cause
    deviations: tuple[tuple[re.Pattern, Cause], ...] = ()  # a shortfall a cause stands for
    marker_words: tuple[str, ...] = ()   # words holding a marker's character that are no marker (系统)
    consequence_markers: tuple[str, ...] = ()   # words saying a clause followed from another (相应、随之)
    quoted_names: re.Pattern = re.compile("(?!)")   # names a statement quotes (blanked before reading)
    label: re.Pattern = re.compile("(?!)")          # a label before the statement (「未完成原因：」)
    primary_markers: tuple[str, ...] = ()       # words saying the cause after them is the main one
    side_clause: re.Pattern = re.compile("(?!)")    # a clause naming a side cause (「一方面……」)
    shortfall: re.Pattern = re.compile("(?!)")      # words of a clause that states a shortfall
    list_markers: tuple[str, ...] = ()          # markers that name every cause to the sentence's end
    denial: re.Pattern = re.compile("(?!)")         # words before a cause the sentence denies (并非)
    postfix_primary: re.Pattern = re.compile("(?!)")  # words after a cause saying it was the main one
    verdict: re.Pattern = re.compile("(?!)")        # a clause that only judges (「预算编制不够科学」)
    change_framing: frozenset[str] = frozenset()       # causes that frame a yearly change (较上年增加)
    change_explained_by: frozenset[str] = frozenset()  # causes that only explain such a change
    colloquial: re.Pattern = re.compile("(?!)")     # spoken negations (还没, 没法 …), read as written ones
    formal_of: dict = field(default_factory=dict)   # each spoken form → its written form, same length
    favourable: re.Pattern = re.compile("(?!)")     # a target exceeded, work ahead of time, cost below plan
    unfavourable: re.Pattern = re.compile("(?!)")   # … unless the statement also says something fell short
    favourable_cause: Cause | None = None           # what such a statement is read as (causes.yaml)
    favourable_yields_to: frozenset[str] = frozenset()  # causes that keep the lead over it (a task added)
    done_clause: re.Pattern = re.compile("(?!)")    # a clause saying what was done (「已使用……支付」)
    work_done: re.Pattern = re.compile("(?!)")      # a clause listing work carried out (「开展了……等工作」)

    @property
    def marker_word_re(self) -> re.Pattern:
        return _marker_word_re(self.marker_words)

    def matches(self, source: str) -> list[tuple[int, str, Cause]]:
        """(start, words, cause) of every cue and phrase in `source`, left to right, none
        overlapping another (at one place the longest wins, as the cue finder does alone).

        Spoken negations are read as the written ones they stand for (「还没下达」 as 「尚未下达」,
        「没法拨付」 as 「无法拨付」: causes.yaml § colloquial); the words returned are the
        statement's own."""
        written = self.colloquial.sub(lambda m: self.formal_of[m.group(0)], source) \
            if self.formal_of else source
        written = written.translate(_HALF_WIDTH)    # 「１１月下旬才下达」: full-width digits, as OCR gives
        found = [(m.start(), m.end(), source[m.start():m.end()], self.by_cue[m.group(0)])
                 for m in self.finder.finditer(written)]
        if self.phrases:
            for rx, cause in self.phrases:
                found += [(m.start(), m.end(), source[m.start():m.end()], cause) for m in rx.finditer(written)]
            found.sort(key=lambda f: (f[0], f[0] - f[1]))
            kept, end = [], -1
            for f in found:
                if f[0] >= end:
                    kept.append(f)
                    end = f[1]
            found = kept
        return [(start, words, cause) for start, _, words, cause in found]


_HALF_WIDTH = half_width(FULL_WIDTH_DIGITS)


@built_from("causes.yaml")
@derived(maxsize=1)
def cause_book() -> CauseBook:
    data = builtin("causes.yaml")
    causes = []
    by_cue: dict[str, Cause] = {}
    for c in data["causes"]:
        cause = Cause(code=c["code"], label=c["label"], theme=c["theme"],
                      cues=tuple(str(x) for x in c.get("cues") or ()),
                      moves=tuple(c.get("moves") or ()), follow_up=c.get("follow_up"),
                      no_measure=c.get("no_measure"), effect=_effect(c),
                      subjects=tuple(str(x) for x in c.get("subjects") or ()),
                      generic=bool(c.get("generic")), benign=bool(c.get("benign")),
                      guess=bool(c.get("guess", True)),
                      held_by=tuple(str(x) for x in c.get("held_by") or ()),
                      background=bool(c.get("background")))
        causes.append(cause)
        for cue in cause.cues:
            by_cue.setdefault(cue, cause)        # a cue listed twice: the first cause keeps it
    words = sorted(by_cue, key=len, reverse=True)
    # no cue at all (a lexicon of patterns only, or of no causes): a finder that finds none
    finder = re.compile("|".join(re.escape(w) for w in words) if words else "(?!)")
    markers = tuple(sorted(data.get("markers") or (), key=len, reverse=True))
    effects = tuple(data.get("effect_markers") or ())
    predicates = data.get("predicates") or {}
    gap = int(data.get("subject_gap", 6))
    adverbs = _alternation(data.get("subject_adverbs") or ()) + "?" if data.get("subject_adverbs") else ""
    phrases = []
    deviations = []
    # the head of a Chinese noun phrase is its last noun: in 「工程结算资料报送不及时」 what is
    # late is the 报送, not the 工程. A subject's phrase may not reach its late word over
    # another cause's subject.
    owners: dict[str, set[str]] = {}
    for cause in causes:
        for subject in cause.subjects:
            owners.setdefault(subject, set()).add(cause.code)
    for c, cause in zip(data["causes"], causes):
        deviations += [(rx, cause) for rx in _compiled(c, "deviations", cause.code)]
        phrases += [(rx, cause) for rx in _compiled(c, "patterns", cause.code)]
        subjects, named = cause.subjects, c.get("predicate")
        if subjects and named:
            said: list[str] = []
            for predicate in [named] if isinstance(named, str) else named:
                if predicate not in predicates:
                    raise LexiconError(say(f"causes.yaml：原因 {cause.code} 的 predicate '{predicate}' 不在 predicates 下；"
                                           "请在 predicates 里补上它，或改用其中已有的名称",
                                           f"causes.yaml: {cause.code}: predicate '{predicate}' is not under predicates"))
                said += predicates[predicate]
            # (a subject this cause shares with another is still its own: 「统计数据上报不及时」)
            others = [w for w, codes in owners.items() if cause.code not in codes]
            # (nor over 后: 「资金拨付后未及时组织实施」 — what follows the payment is late, not it)
            step = (f"(?:(?!{_alternation(others)})[^，,；;。！？!?\n后])" if others else "[^，,；;。！？!?\n后]")
            # a subject right after 与/和/同 is what the real subject is compared with:
            # in 「目标设置偏低，与预算资金规模不匹配」 the 预算资金 is not what is off
            phrases.append((re.compile("(?<![与和同跟])" + _subject_alternation(subjects, adverbs) + rf"{step}{{0,{gap}}}?"
                                       + _alternation(dict.fromkeys(said))), cause))
    colloquial, formal_of = _colloquial(data.get("colloquial") or [])
    favourable_code = data.get("favourable_cause")
    favourable_cause = next((c for c in causes if c.code == favourable_code), None)
    if favourable_code and favourable_cause is None:
        raise LexiconError(say(f"causes.yaml：favourable_cause '{favourable_code}' 不在 causes 中；请补上这一原因或改用已有代码",
                               f"causes.yaml: favourable_cause '{favourable_code}' is not under causes"))
    return CauseBook(tuple(causes), markers, effects, finder, by_cue, tuple(phrases), tuple(deviations),
                     tuple(sorted(data.get("marker_words") or (), key=len, reverse=True)),
                     tuple(data.get("consequence_markers") or ()),
                     re.compile(data.get("quoted_names_re") or "(?!)"), re.compile(data.get("label_re") or "(?!)"),
                     tuple(data.get("primary_markers") or ()), re.compile(data.get("side_clause_re") or "(?!)"),
                     re.compile(data.get("shortfall_re") or "(?!)"),
                     tuple(data.get("list_markers") or ()), re.compile(data.get("denial_re") or "(?!)"),
                     re.compile(data.get("postfix_primary_re") or "(?!)"),
                     re.compile(data.get("verdict_re") or "(?!)"),
                     frozenset(str(c) for c in data.get("change_framing") or ()),
                     frozenset(str(c) for c in data.get("change_explained_by") or ()),
                     colloquial=colloquial, formal_of=formal_of,
                     favourable=re.compile(data.get("favourable_re") or "(?!)"),
                     unfavourable=re.compile(data.get("unfavourable_re") or "(?!)"),
                     favourable_cause=favourable_cause,
                     favourable_yields_to=frozenset(str(c) for c in data.get("favourable_yields_to") or ()),
                     done_clause=re.compile(data.get("done_clause_re") or "(?!)"),
                     work_done=re.compile(data.get("work_done_re") or "(?!)"))


def _colloquial(entries: list) -> tuple[re.Pattern, dict[str, str]]:
    """The spoken negations of causes.yaml § colloquial as one pattern, longest first, and
    the written form of each.  A written form must be as long as the spoken one: every
    offset read in the written text must stand for the same words in the statement."""
    formal_of: dict[str, str] = {}
    alternatives = []
    for entry in entries:
        spoken, written = str(entry.get("say", "")), str(entry.get("as", ""))
        if not spoken or len(spoken) != len(written):
            raise LexiconError(say(f"causes.yaml：colloquial 中「{spoken}」→「{written}」两边字数不同；"
                                   "书面说法须与口语说法字数相同（偏移量要对得上）",
                                   f"causes.yaml: colloquial '{spoken}' -> '{written}' must have as many "
                                   "characters on each side"))
        formal_of[spoken] = written
        before = "".join(entry.get("not_after") or "")
        after = "".join(entry.get("not_before") or "")
        alternatives.append((len(spoken), (f"(?<![{re.escape(before)}])" if before else "") + re.escape(spoken)
                             + (f"(?![{re.escape(after)}])" if after else "")))
    if not alternatives:
        return re.compile("(?!)"), {}
    return re.compile("|".join(a for _, a in sorted(alternatives, key=lambda a: -a[0]))), formal_of


@lru_cache(maxsize=4)
def _marker_word_re(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(_alternation(words))


def _compiled(entry: dict, key: str, code: str) -> list[re.Pattern]:
    """The regular expressions a cause lists under `key`; a LexiconError names a bad one."""
    out = []
    for pattern in entry.get(key) or ():
        try:
            out.append(re.compile(str(pattern)))
        except re.error as exc:
            raise LexiconError(say(f"causes.yaml：原因 {code} 的 {key} 中的正则表达式写法有误（{exc}）；请改正这一条",
                                   f"causes.yaml: {code}: bad regular expression in {key}: {exc}")) from None
    return out


_EFFECTS = {"progress": 1, "spending": 2}
SPENDING_EFFECT = _EFFECTS["spending"]      # a cue that only says the money went unspent


def _effect(entry: dict) -> int:
    name = entry.get("effect")
    if name is None:
        return 0
    if name not in _EFFECTS:
        raise LexiconError(say(f"causes.yaml：原因 {entry['code']} 的 effect '{name}' 只能是 progress 或 spending；请改正",
                               f"causes.yaml: {entry['code']}: effect '{name}' must be progress or spending"))
    return _EFFECTS[name]


def _alternation(words) -> str:
    return "(?:" + "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True)) + ")"


def _subject_alternation(subjects, adverbs: str) -> str:
    """Subjects as an alternation where an adverb (causes.yaml § subject_adverbs) may stand
    before each one's last two characters: 「资金都下达」 is 资金下达."""
    if not adverbs:
        return _alternation(subjects)
    ordered = sorted((str(w) for w in subjects), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w[:-2]) + adverbs + re.escape(w[-2:]) if len(w) >= 4 else re.escape(w)
                            for w in ordered) + ")"


def _blank(m: re.Match) -> str:
    return " " * len(m.group())      # (offsets kept)


def unnamed(text: str) -> str:
    """`text` with the names it quotes and a leading label blanked out, offsets kept: the
    words that can say what went wrong (「「演出设备成本」低于分值」 says nothing of equipment).
    Names say what a thing is called: an indicator 「服务水平和效能」, a document 《……管理办法》,
    a quoted indicator or project (“绩效监控完成率”指标); a quoted phrase of the statement
    itself (存在“重分配、轻管理”倾向) is read (causes.yaml § quoted_names_re, label_re)."""
    book = cause_book()
    return book.label.sub(_blank, book.quoted_names.sub(_blank, text or ""), count=1)


# clauses part at commas, except the comma of a thousands group (「实际支出仅2,914万元」)
DIRECT_LOOK = 8     # characters after a cause searched for the effect marker that says it led to the shortfall
_CLAUSE = re.compile(r"[；;。！!？?\n\u3000]|(?<!\d)[，,]|[，,](?!\d{3}(?!\d))")     # (U+3000: a title parted from its paragraph)
_FIGURE = re.compile(r"\d+(?:[,，]\d{3}(?!\d))*(?:\.\d+)?\s*(?:%|‰|万元|亿元|元|分)")
_DIGIT = re.compile(r"\d")        # with no shortfall word, a clause of figures (分值12分) names none
_OBJECT = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:资金|项目|指标|工作|任务|进度|执行率)")


_SENTENCE_END = re.compile(f"[{SENTENCE_END}]")    # (splitting: what ends a sentence)


def _main_over_attitude(found: list[Found], text: str) -> list[Found]:
    """Where the main cause a marker names is a mere attitude (§ generic) and the same
    sentence goes on to a concrete root cause with no marker of its own, that cause is the
    main one."""
    lead = next((f for f in found if f.main and f.cause.generic and f.start < len(text)), None)
    if lead is None:
        return found
    end = _SENTENCE_END.search(text, lead.start)
    stop = end.start() if end else len(text)
    after = lead.start + len(lead.cue)
    # (read again in the rest of the sentence: the cause may have been named before the marker
    # too, as the problem itself — 「问题整改不到位，主要原因是……，整改责任未落实」)
    for start, words, cause in cause_book().matches(unnamed(text[after:stop])):
        if cause.effect == 0 and not cause.generic and not cause.no_measure:
            found = [f for f in found if f.cause.code != cause.code]
            found[found.index(lead)] = Found(lead.cause, lead.cue, lead.start, True, lead.consequent, False)
            return found + [Found(cause, words, after + start, True, False, True)]
    return found


def _said_main_after(book: CauseBook, text: str, found: list[Found]) -> list[Found]:
    """A root cause that the words after it call the main one (「……，其中设计变更增加投资
    1.1亿元，是超概算的主要原因」): the clause before those words names it, wherever the
    statement named it first (§ postfix_primary_re)."""
    if not found or "原因" not in text:
        return found
    for said in book.postfix_primary.finditer(text):
        clause_start = max((x.end() for x in _CLAUSE.finditer(text, 0, said.start())), default=0)
        for _, _, cause in book.matches(unnamed(text[clause_start:said.start()])):
            if cause.effect or cause.generic or cause.no_measure:
                continue
            for i, f in enumerate(found):
                if f.cause.code == cause.code:
                    found[i] = replace(f, marked=True, consequent=False, main=True)
    return found


def _listed(book: CauseBook, plain: str, start: int) -> bool:
    """Whether a cause stands in the list a marker opens earlier in its sentence (「原因是装备
    采购时未结合本地灾种特点，配置与实际需求不匹配」: the mismatch too), with no effect marker
    between (「主要是……，导致……」 names what followed)."""
    sentence = max((m.end() for m in _SENTENCE_END.finditer(plain, 0, start)), default=0)
    lead = plain[sentence:start]
    at = max((lead.rfind(k) for k in book.list_markers), default=-1)
    return at >= 0 and not any(k in lead[at:] for k in book.effect_markers)


def _favourable(book: CauseBook, text: str, found: list[Found]) -> Found | None:
    """The reading of a statement that reports a target exceeded, work done ahead of time or
    cost below plan (causes.yaml § favourable_re) and nothing that fell short (§
    unfavourable_re): its favourable_cause, said to be the main one.  A saving that is a
    cause of its own (厉行节约, 采购节约: benign or needing no measure) keeps its reading, and so
    does a cause the number grew with (§ favourable_yields_to: a task added from above)."""
    if book.favourable_cause is None or book.unfavourable.search(text):
        return None
    m = book.favourable.search(text)
    if m is None or any(f.cause.benign or f.cause.no_measure or f.cause.code in book.favourable_yields_to
                        for f in found):
        return None
    return Found(book.favourable_cause, m.group(0), m.start(), True, False, True)


def _held_first(found: list[Found]) -> list[Found]:
    """The primary cause's `held_by` (lexicons/causes.yaml): money held until a step is done
    (尾款 until the settlement audit) answers to that step where the statement names it too."""
    if not found or not found[0].cause.held_by:
        return found
    step = next((k for k, f in enumerate(found) if f.cause.code in found[0].cause.held_by), None)
    return found if step is None else [found[step]] + found[:step] + found[step + 1:]


def _direct_over_background(book: CauseBook, text: str, found: list[Found]) -> list[Found]:
    """Where the primary cause only sets the scene (causes.yaml § background: 「受疫情影响，
    财政收入下滑……」) and the statement goes on to a concrete root cause that it says led to
    the shortfall (an effect marker right after it: 「因库款不足导致4个项目……未能支付」), that
    cause answers first."""
    if not found or not found[0].cause.background or found[0].start >= len(text):
        return found
    for k, f in enumerate(found[1:], 1):
        if f.cause.effect or f.cause.background or f.cause.generic or f.cause.no_measure or f.start >= len(text):
            continue
        after = text[f.start + len(f.cue):f.start + len(f.cue) + DIRECT_LOOK].lstrip("，, ")
        if any(after.startswith(m) for m in book.effect_markers):
            return [f] + found[:k] + found[k + 1:]
    return found


def read_cause(text: str, extra: list[str] | None = None) -> Reading:
    """The causes named in `text` (and in `extra`: the project's 未完成原因 cells), primary
    first, with the clause that states the deviation and the first figure."""
    book = cause_book()
    reading = Reading(text=text or "")
    found: list[Found] = []
    at: dict[str, int] = {}             # where each cause read stands in `found`
    for source_no, source in enumerate([text or ""] + list(extra or [])):
        # 「数字档案管理系统未开展……」: 系 of 系统 is no 系 (words blanked, offsets kept)
        plain = book.marker_word_re.sub(_blank, source) if book.marker_words else source
        for start, words, cause in book.matches(unnamed(source)):
            # a root cause named again, unmarked so far: only where it is now said to be the
            # cause (below)
            again = at.get(cause.code)
            if again is not None and (cause.effect or found[again].marked):
                continue
            clause_start = max((x.end() for x in _CLAUSE.finditer(source, 0, start)), default=0)
            lead = plain[clause_start:start]
            if book.denial.search(lead):
                continue                   # 「原因并非人员缺乏，而是……」: a cause denied is none
            after = source[start + len(words):start + len(words) + 16]
            if any(k in lead for k in book.effect_markers):
                marked = False             # 「……导致执行率未达」: the effect, not the cause
            else:
                marked = any(k in lead for k in book.markers) or any(k in after for k in book.effect_markers)
            # 「……，尾款支付相应滞后」: what followed from the cause before it, not a cause
            end = _CLAUSE.search(source, start + len(words))
            clause = source[clause_start:end.start() if end else len(source)]
            if not marked and book.work_done.search(clause.strip()):
                continue                   # 「开展了选址、规划调整……等工作」: work carried out, no cause
            consequent = not marked and any(k in clause for k in book.consequence_markers)
            verdict = not marked and bool(book.verdict.search(clause.strip()))
            # 「……，关键是……」: a root cause said to be the main one, marked however it is put
            main = cause.effect == 0 and any(k in lead for k in book.primary_markers) \
                and not any(k in lead for k in book.effect_markers)
            marked = marked or main or cause.effect == 0 and _listed(book, plain, start)
            if again is not None:
                # 「项目库建设滞后……原因是未建立常态化项目储备机制」: named first as the
                # problem, then as the cause — it is read where it is the cause
                if marked:
                    found[again] = Found(cause, words, start + 10_000 * source_no, True, False, main)
                continue
            at[cause.code] = len(found)
            # a cause in the statement itself outranks one only in the joined cells
            found.append(Found(cause, words, start + 10_000 * source_no, marked, consequent, main, verdict))
    found = _said_main_after(book, text or "", found)
    if not found:
        # no cause named: the shortfall itself, when a cause stands for it (a low execution
        # rate is slow payment as far as the statement says), so that the draft answers it
        hit = next(((m, cause) for rx, cause in book.deviations if (m := rx.search(text or ""))), None)
        if hit is not None:
            found.append(Found(hit[1], hit[0].group(0), hit[0].start(), False))
    # 「主要原因是单位认识不足，整改责任未落实」: the marker covers the list that follows it,
    # and a concrete root cause in it leads over the attitude named first
    found = _main_over_attitude(found, text or "")
    # a root cause said to be the main one first (§ primary_markers); then one a marker
    # introduces; then, of the rest, those not in a clause that says
    # it followed from another (§ consequence_markers); then root causes (a concrete one before a mere
    # attitude, lexicons/causes.yaml § generic, or a clause that only judges, § verdict_re)
    # before the late work and the unspent money they explain (§ effect), each in the text's
    # order; last, money held for a step yields to that step (§ held_by)
    found.sort(key=lambda f: (not f.main, not f.marked, f.consequent,
                              (0, False) if f.marked else (f.cause.effect, f.cause.generic or f.verdict), f.start))
    reading.causes = _direct_over_background(book, text or "", _held_first(found))
    ahead = _favourable(book, text or "", found)
    if ahead is not None:
        # 「气候适宜……亩均增产高于预期」: no shortfall to answer, but a target set below what the
        # work could do (the conditions that helped follow it); and no 「针对……的问题」
        reading.causes = [ahead] + [f for f in reading.causes if f.cause is not ahead.cause]
    else:
        clauses = [c.strip() for c in _CLAUSE.split(text or "") if c.strip()]
        clauses = [c for c in clauses if not book.side_clause.search(c)] or clauses
        # with no clause stating a shortfall, the first without figures, unless it only says
        # what was done (causes.yaml § done_clause_re)
        reading.deviation = next((c for c in clauses if book.shortfall.search(c)),
                                 next((c for c in clauses if not _DIGIT.search(c) and not book.done_clause.search(c)), ""))
    obj = _OBJECT.search(reading.deviation)
    reading.object = obj.group(0) if obj else ""
    fig = _FIGURE.search(text or "")
    reading.figure = fig.group(0).replace(" ", "") if fig else ""
    return reading
