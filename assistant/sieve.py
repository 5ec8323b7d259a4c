"""A quick test in front of a costly pattern: the literal text every match of it holds.

Most cue alternations of the lexicons open with a lookbehind, `\\s*`, `.` or a group of
their own, where Python's re has no first character to look for: it then tries the whole
alternation at every place of the text — 3 to 9 µs a line, for the thousands of lines of a
report, nearly all of which hold no cue.  Yet every match of such a pattern holds one of a
few literal strings (any_reason: 原因, 由于, 因素 …; prose_measure: 建议, 下一步, 针对 …).
One search for those — plain words, which re looks for only where their first characters
stand — says in a fraction of that time that a line holds none, and then the pattern
cannot match there either.

`sieved(pattern)` is the pattern with that test in front (a `Sieved`), or the pattern
itself when no literal can be told (a match made only of `\\d`, `.`, …).  The strings are
read from the pattern's parse (re._parser, as re itself reads it), so a lexicon edit
brings its own strings: nothing is kept by hand.
"""
from __future__ import annotations

import importlib
import itertools
import re
import sys
from typing import Any, Iterator, overload

from assistant.lexicon import words_pattern

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

MAX_STRINGS = 64        # the most strings a group spelt out in full may stand for
MAX_SPELT_REPEATS = 4   # the most repeats of a group spelt out ((?:ab){1,4}); more: not spelt out
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)     # they consume nothing: "" as far as text goes
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT)


class Sieved:
    """A compiled pattern (`regex`) tried only where `sieve` finds one of its literal
    `strings` in the same span; its matches are the pattern's own.  It answers `search`,
    `finditer`, `match` and `fullmatch` as a pattern does, and `pattern` is the pattern's
    source."""

    __slots__ = ("regex", "sieve", "strings")

    def __init__(self, regex: re.Pattern, strings: tuple[str, ...]):
        self.regex, self.strings = regex, strings
        self.sieve = re.compile(words_pattern(strings))

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        if self.sieve.search(string, pos, endpos) is None:
            return None             # (every match holds one of the strings, all inside the span)
        return self.regex.search(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        if self.sieve.search(string, pos, endpos) is None:
            return iter(())
        return self.regex.finditer(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        # (a match at `pos` lies inside the span as well: a pattern costly to try even at one
        # place — a heading's decoration, numbering and prefix before its words — is sieved too)
        if self.sieve.search(string, pos, endpos) is None:
            return None
        return self.regex.match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        if self.sieve.search(string, pos, endpos) is None:
            return None
        return self.regex.fullmatch(string, pos, endpos)

    def __repr__(self) -> str:
        return f"Sieved({self.regex!r}, {self.strings!r})"


@overload
def sieved(pattern: re.Pattern) -> re.Pattern | Sieved: ...
@overload
def sieved(pattern: None) -> None: ...


def sieved(pattern: re.Pattern | None) -> re.Pattern | Sieved | None:
    """`pattern` behind a test for the literal strings its every match holds; the pattern
    itself when it has none to tell (or is a bytes or case-blind pattern); None for None
    (a lexicon's alternation that could not be joined)."""
    if pattern is None:
        return None
    strings = needed_strings(pattern)
    return Sieved(pattern, strings) if strings else pattern


def needed_strings(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` holds (None: none can be told).  Where
    a pattern's parts offer several such sets, the first of those whose shortest string is
    the longest is taken: two characters are far rarer in a text than one, and a cue names
    what it is first, what it is about after (「未完成…(目标|计划)」: 未完成, not 目标)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:               # (the pattern compiled; a parser that differs: no sieve)
        return None
    found = _needed(parsed.data)
    if not found:
        return None
    # a string holding another one of the set adds nothing: where it stands, so does the other
    return tuple(sorted(s for s in found if not any(o != s and o in s for o in found)))


def _needed(items) -> set[str] | None:
    """Strings one of which every match of the sequence `items` holds."""
    candidates: list[set[str]] = []
    run: set[str] = {""}            # what the items since the last unspellable one consume
    for op, av in items:
        exact = _spelt(op, av)
        if exact is not None and len(run) * len(exact) <= MAX_STRINGS:
            run = {a + b for a in run for b in exact}
            continue
        candidates.append(run)
        run = exact if exact is not None else {""}
        if exact is None:
            candidates.append(_needed_in(op, av) or {""})
    candidates.append(run)
    useful = [c for c in candidates if "" not in c]
    return max(useful, key=lambda c: min(map(len, c))) if useful else None


def _needed_in(op, av) -> set[str] | None:
    """Strings one of which every match of one item holds, for an item not spelt out."""
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if (add_flags | del_flags) & re.IGNORECASE else _needed(sub.data)
    if op is _c.ATOMIC_GROUP:
        return _needed(av.data)
    if op is _c.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            found = _needed(alternative.data)
            if not found:
                return None         # (one alternative without a string: the branch has none)
            out |= found
        return out
    if op in _REPEATS and av[0] >= 1:
        return _needed(av[2].data)
    return None


def _spelt(op, av) -> set[str] | None:
    """Every string one item can consume, when they are few (None otherwise)."""
    if op is _c.LITERAL:
        return {chr(av)}
    if op in _ZERO_WIDTH:
        return {""}
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE and value[1] - value[0] < MAX_STRINGS:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return None         # NEGATE, CATEGORY (\d, \s …)
        return chars if len(chars) <= MAX_STRINGS else None
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        return None if (add_flags | del_flags) & re.IGNORECASE else _spelt_all(sub.data)
    if op is _c.ATOMIC_GROUP:
        return _spelt_all(av.data)
    if op is _c.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            found = _spelt_all(alternative.data)
            if found is None:
                return None
            out |= found
        return out if len(out) <= MAX_STRINGS else None
    if op in _REPEATS:
        low, high, sub = av
        inner = _spelt_all(sub.data)
        if inner is None or high > MAX_SPELT_REPEATS or len(inner) ** high > MAX_STRINGS:
            return None
        return {"".join(p) for n in range(low, high + 1) for p in itertools.product(inner, repeat=n)}
    return None


def _spelt_all(items) -> set[str] | None:
    """Every string the sequence `items` can consume, when they are few."""
    out = {""}
    for op, av in items:
        exact = _spelt(op, av)
        if exact is None or len(out) * len(exact) > MAX_STRINGS:
            return None
        out = {a + b for a in out for b in exact}
    return out
