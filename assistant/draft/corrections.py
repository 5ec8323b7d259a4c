"""A finding put right in its own words: the first points of a measure draft that correct
what an audit or an evaluation found, before the cause's fix and control.

「向3户不符合条件的农户发放补贴1.2万元」 is answered first by recovering that money,
「投资收益未纳入统一核算」 by putting the income into the accounts, 「未按协议兑付……」 by
paying as the agreement says — points an evaluator expects before any rule is tightened.
The shapes of such clauses (paid to the ineligible, paid or charged against a rule, left
out, not done as a rule says, papers never obtained …) and what each says are data:
lexicons/drafting.yaml § corrections.  So are the verdict families (§ verdicts): a thing
and how it falls short at the end of its clause (「培训覆盖面较窄」, 「设备利用率不高」), or
an act not done before its object (「未建立……制度」), reversed in the statement's own words
where no cause is read.  The words a point copies are the statement's own, so every number
in it is the statement's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.draft.sentences import drafting, fill
from assistant.lexicon import derived


@dataclass(frozen=True)
class Shape:
    id: str
    pattern: re.Pattern
    say: str                # the point, from the shape's groups ('' where a subject is needed)
    say_subject: str        # the point where the clause names a subject before the shape
    say_agent: str          # … where that subject acts (a unit, a place, people)
    say_money: str          # … where it names the money (its group `money`)
    not_what: re.Pattern | None     # a `what` that says nothing done: no point
    before: re.Pattern | None       # words the 40 characters before it must hold, unless it names `money`
    control: str            # what keeps it from happening again (where no cause is read)
    control_plain: str      # … where the control's slots are not filled
    yields: bool            # it only says the act again, done right: a cause read in its words answers instead
    guess_follows: bool = False     # the nearest cause's fix, where guessed closely enough, follows it (not the control)
    not_match: re.Pattern | None = None     # words of the whole match that say it is another thing: no point
    say_else: tuple[str, ...] = ()  # more ways to say it, where `say`'s slots are not filled


@dataclass(frozen=True)
class Correction:
    shape: str              # the id of the shape that read it
    text: str               # the point, without ordinal or stop
    start: int              # where the shape's words stand in the statement
    end: int
    control: str            # the shape's control point
    yields: bool            # gives way to a cause read in its words
    guess_follows: bool = False     # a guessed cause's fix follows it rather than the control


@dataclass(frozen=True)
class _Rules:
    """drafting.yaml § corrections, compiled: every `…_re` key a pattern of that name."""

    shapes: tuple[Shape, ...]
    subject_chars: tuple[int, int]
    max_points: int
    clause: re.Pattern
    subject_drop: re.Pattern
    subject_not: re.Pattern
    agent: re.Pattern
    put_right: re.Pattern
    done: re.Pattern
    cause_said: re.Pattern
    group_drop: re.Pattern
    group_tail: re.Pattern
    figures: re.Pattern
    listed: re.Pattern | None       # a verdict's word and 、: another shortfall listed before a verdict's thing


@derived(maxsize=1)
def _rules() -> _Rules:
    lex = drafting("corrections")
    # every `…_re` key a pattern of that name (verdict_not, the verdicts' own, goes to them)
    patterns = {k.removesuffix("_re"): re.compile(v) for k, v in lex.items() if k.endswith("_re")}
    shapes = tuple(Shape(id=s["id"], pattern=re.compile(s["re"]), say=s.get("say", ""),
                         say_subject=s.get("say_subject", ""), say_agent=s.get("say_agent", ""),
                         say_money=s.get("say_money", ""),
                         not_what=re.compile(s["not_re"]) if s.get("not_re") else None,
                         before=re.compile(s["before_re"]) if s.get("before_re") else None,
                         control=s["control"], control_plain=s.get("control_plain", s["control"]),
                         yields=bool(s.get("yields")), guess_follows=bool(s.get("guess_follows")))
                   for s in lex["shapes"]) + _verdicts(lex, patterns.pop("verdict_not"))
    low, high = lex["subject_chars"]
    every = {w for v in lex.get("verdicts", ()) for w in v.get("words", ())}
    return _Rules(shapes=shapes, subject_chars=(int(low), int(high)), max_points=int(lex["max_points"]),
                  listed=re.compile(_either(every) + "、") if every else None, **patterns)


def _verdicts(lex: dict, not_what: re.Pattern) -> tuple[Shape, ...]:
    """drafting.yaml § corrections.verdicts as shapes: a family's words in its frame (after
    the thing, or before it for `order: act`), or its own `re`; each yields to a cause read
    and is followed by the nearest cause's fix where that is close enough, as the verdict
    shapes are (unless the family says `guess_follows: false`: its control follows)."""
    out = []
    for v in lex.get("verdicts", ()):
        if "re" in v:
            pattern = v["re"]
        else:
            frame = lex["verdict_act_frame"] if v.get("order") == "act" else lex["verdict_frame"]
            pattern = frame.replace("{words}", _either(v["words"]))
        says = [v["say"]] if isinstance(v["say"], str) else list(v["say"])
        out.append(Shape(id=v["id"], pattern=re.compile(pattern), say=says[0], say_else=tuple(says[1:]), say_subject="",
                         say_agent="", say_money="", not_what=not_what, before=None,
                         control=v["control"], control_plain=v.get("control_plain", v["control"]),
                         yields=True, guess_follows=bool(v.get("guess_follows", True)),
                         not_match=re.compile(v["not_re"]) if v.get("not_re") else None))
    return tuple(out)


def _either(words) -> str:
    """An alternation of `words`, the longest first."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def corrections(statement: str) -> list[Correction]:
    """The points that put right what `statement` found, in the order its clauses stand, one
    per shape and at most drafting.yaml § corrections.max_points; [] where no clause has a
    shape whose template its words fill, or where the statement says it was put right
    already (§ done_re)."""
    rules = _rules()
    out: list[Correction] = []
    text = statement or ""
    if rules.done.search(text):
        return out              # (「现已责令退回」: put right already)
    clauses = [c.span() for c in rules.clause.finditer(text)]
    for start, end in clauses:
        if any(c.start < end and c.end > start for c in out):
            continue            # (a point's words ran on into this clause: 「违规将……资金，用于……」)
        for shape in rules.shapes:
            if any(c.shape == shape.id for c in out):
                continue
            # a shape reads from its clause on: most stop at the clause's end, one that
            # says where misused money went runs on to the sentence's
            m = shape.pattern.search(text, start)
            if m is None or m.start() >= end:
                continue
            slots = {k: _tidy(v) for k, v in m.groupdict().items() if v}
            if shape.guess_follows and rules.listed is not None and "what" in slots:
                # (「年龄偏大、专业结构不合理」: the last shortfall listed is this one's)
                cut = [x.end() for x in rules.listed.finditer(slots["what"])]
                slots["what"] = _tidy(slots["what"][cut[-1]:]) if cut else slots["what"]
            if shape.not_what is not None and shape.not_what.search(slots.get("what", "")):
                continue
            if shape.not_match is not None and shape.not_match.search(m.group(0)):
                continue
            if shape.before is not None and "money" not in slots \
                    and not shape.before.search(text, max(0, m.start() - 40), m.start()):
                continue        # (「住房被违规用于拆迁周转」: no money to recover)
            subject = _subject(text[start:m.start()], rules)
            plain = {k: rules.figures.sub("", v).strip("、，, ") for k, v in slots.items()}
            said = [shape.say_agent if subject and rules.agent.search(subject) else "",
                    shape.say_subject if subject else "", shape.say_money, shape.say, *shape.say_else]
            filled = {**{f"{k}_plain": v for k, v in plain.items()}, **slots, "subject": subject}
            point = next((t for t in (fill(x, filled) for x in said if x) if t), None)
            if point:
                # the control names the same act where its template asks for it, its figures
                # left out (「对出售保障性住房等事项……」)
                control = fill(shape.control, filled) or shape.control_plain
                out.append(Correction(shape.id, point, m.start(), m.end(), control, shape.yields,
                                      shape.guess_follows))
                break           # one point per clause: its first shape says what it found
        if len(out) >= rules.max_points:
            break
    return out


def cause_said_before(statement: str, fix: Correction) -> bool:
    """Whether `statement` gives a cause (drafting.yaml § corrections.cause_said_re: 由于,
    原因是 …) before the words `fix` puts right: that cause is answered first."""
    return bool(_rules().cause_said.search(statement, 0, fix.start))


def puts_right(point: str) -> bool:
    """Whether a drafted point already puts a finding right (drafting.yaml § corrections.
    put_right_re: the cause's own correcting move): then it leads, and no correction is
    drafted before it."""
    return bool(_rules().put_right.search(point))


def _tidy(words: str) -> str:
    """A group's words as a point quotes them: without how they were found (「抽查发现存在」),
    「……等问题」「……的情况」 or a dangling 的/等 (drafting.yaml § corrections.group_drop_re,
    group_tail_re)."""
    rules = _rules()
    words = rules.group_drop.sub("", words.strip())
    return rules.group_tail.sub("", words).strip() or words


def _subject(before: str, rules: _Rules) -> str:
    """The clause's words before a shape, as the point's subject: cause markers, times, the
    writer itself and quantities taken off the front; '' where what is left is too short or
    too long, or is no noun phrase (it ends in a particle or an act's word)."""
    words = rules.subject_drop.sub("", before.strip()).strip()
    low, high = rules.subject_chars
    if not low <= len(words) <= high or rules.subject_not.search(words) or re.search(r"\d", words):
        return ""
    return words
