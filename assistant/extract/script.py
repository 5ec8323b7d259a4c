"""Reports printed in traditional characters, read with the simplified vocabulary.

Some sites serve their pages converted to traditional characters (a 繁體 switch), and some
converters print the reading of a character after it (「項(xiàng)目」).  Every cue, label and
heading of the lexicons is written in simplified characters, so such a page would read as no
form at all.  `simplified(text)` gives the text the rules read — converted with OpenCC's
t2s tables, the readings dropped, the small forms of comparators (﹦) made full-width, an
asterisk OCR put inside a word (「一*级」) and the second copy of a list marker a converter
printed twice (「(1)(1)」) dropped — and a `Script` that brings what was read
back to the page: offsets into the original text, and the strings (names, values,
statements) as the page prints them, since an analyst compares them with the page.

Text already in simplified characters comes back as None (looked at in a sample: no cost
for the great majority of documents).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from assistant.extract.formvocab import vocab

SAMPLE = 4000            # characters looked at to tell the script
TRADITIONAL_SHARE = 0.04  # of the 汉字 in the sample that t2s would change: a traditional page
MIN_CHANGED = 8
READINGS_MIN = 3         # readings printed after characters before they are dropped
DOUBLED_MARKERS_MIN = 2  # list markers printed twice that show a page printed its bold type twice

_HAN = re.compile(r"[\u4e00-\u9fff]")
# the full-width digits OCR and some exports print (１１月), read as ASCII ones: `half_width`
FULL_WIDTH_DIGITS = "０１２３４５６７８９"


def half_width(chars: str) -> dict[int, int]:
    """A `str.translate` table taking each of the full-width forms `chars` (U+FF01–U+FF5E) to
    its ASCII form, one character for one: offsets read in the result stand for the same
    characters of the original."""
    return {ord(c): ord(c) - 0xFEE0 for c in chars}


# the small forms of the comparators (﹦100, ﹥90%), which no rule reads, as their full-width forms
_SMALL_FORMS = str.maketrans("﹦﹤﹥", "＝＜＞")
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
# 「一*级项目名称」: an asterisk OCR read between two 汉字 (a required field's mark stands
# before its label, never inside it), dropped as a reading is
# (the asterisk or bracket first, the 汉字 before it a lookbehind: re looks only where one stands)
_NOISE = re.compile(r"[*＊](?<=[\u4e00-\u9fff][*＊])(?=[\u4e00-\u9fff])")
# 「項(xiàng)」: a syllable with a tone mark, in brackets, right after a 汉字
_READING = re.compile(rf"[(（](?<=[\u4e00-\u9fff][(（])(?=[a-z{_TONED}]*[{_TONED}])[a-z{_TONED}]{{1,7}}[)）]")


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc     # a C++ converter with OpenCC's own tables: loaded on the first traditional page

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _traditional() -> re.Pattern:
    """The characters t2s changes (about 3,500 of the 20,992 unified ideographs): telling a
    traditional page is counting them, with no conversion (16 ms, once a process)."""
    block = "".join(chr(c) for c in range(0x4E00, 0xA000))
    converted = _converter().convert(block)
    changed = "".join(a for a, b in zip(block, converted) if a != b) if len(converted) == len(block) else ""
    return re.compile(f"[{re.escape(changed)}]" if changed else r"(?!)")


def _t2s(text: str) -> str:
    """Converted line by line; a line whose length a phrase table changed is converted
    character by character, so that offsets stay one to one."""
    convert = _converter().convert
    out = convert(text)
    if len(out) == len(text):
        return out
    lines = []
    for line in text.splitlines(keepends=True):
        converted = convert(line)
        if len(converted) != len(line):
            converted = "".join(c if len(d := convert(c)) != 1 else d for c in line)
        lines.append(converted)
    return "".join(lines)


@dataclass
class Script:
    """The simplified text and how to go back: a reading dropped after the character
    `text[cuts[n] - 1]` takes the original `shifts[n]` characters further on than the text
    (shifts are cumulative); `forms` is the original form of each simplified character whose
    form differs (「项」 → 「項(xiàng)」)."""

    text: str
    original: str
    cuts: list[int]
    shifts: list[int]
    forms: dict[str, str]

    def offset(self, k: int | None) -> int | None:
        if k is None:
            return None
        k = max(0, min(k, len(self.text)))
        n = bisect.bisect_right(self.cuts, k)
        return k + (self.shifts[n - 1] if n else 0)

    def printed(self, s: str, start: int | None = None, end: int | None = None) -> str:
        """A string read from the simplified text, as the page prints it: the page's own
        characters where the string stands in the text (between `start` and `end` when
        they are known), else each character in its commonest printed form."""
        if not s:
            return s
        at = self.text.find(s, start or 0, len(self.text) if end is None else end)
        if at >= 0:
            return self.original[self.offset(at) or 0:self.offset(at + len(s))]
        return "".join(self.forms.get(c, c) for c in s) if self.forms else s

    def restore(self, report: Any) -> None:
        """Bring a Report read from `text` back to the original: the strings taken from the
        page (not the vocabulary's: category, kind, themes, messages), then every offset."""
        for p in report.projects:
            _strings(self, p, ("name",), p.name_start, p.name_end)
            _strings(self, p, ("code", "department", "unit"), p.start, None)
            _offsets(self, p, ("start", "end", "name_start", "name_end"))
            if p.budget is not None:
                _strings(self, p.budget, ("reason",), p.budget.reason_start, p.budget.reason_end)
                _offsets(self, p.budget, ("start", "end", "reason_start", "reason_end"))
            for i in p.indicators:
                _strings(self, i, ("level1", "level2"), None, i.end)
                _strings(self, i, ("name", "target", "actual", "as_printed"), i.start, i.end)
                for cell in ("reason", "problem", "measure"):
                    _strings(self, i, (cell,), getattr(i, f"{cell}_start"), getattr(i, f"{cell}_end"))
                _offsets(self, i, ("start", "end", "reason_start", "reason_end", "problem_start", "problem_end",
                                   "measure_start", "measure_end"))
        for s in report.statements:
            _strings(self, s, ("text",), s.start, s.end)
            _strings(self, s, ("project",), None, None)
            _offsets(self, s, ("start", "end"))
        for f in report.findings:
            _strings(self, f, ("project", "indicator"), None, None)
            _offsets(self, f, ("start", "end"))


def _strings(script: Script, obj: Any, names: tuple[str, ...], start: int | None, end: int | None) -> None:
    for name in names:
        value = getattr(obj, name, None)
        if isinstance(value, str):
            setattr(obj, name, script.printed(value, start, end))


def _offsets(script: Script, obj: Any, names: tuple[str, ...]) -> None:
    for name in names:
        value = getattr(obj, name, None)
        if isinstance(value, int) and not isinstance(value, bool):
            setattr(obj, name, script.offset(value))


def simplified_short(text: str) -> str:
    """A short text — an indicator name, a label, a row of them — in simplified characters
    without printed readings: converted when a reading or two characters that t2s changes say
    it is traditional (too few characters for a page's test), else as given."""
    if not _READING.search(text) and len(_traditional().findall(text)) < 2:
        return text
    return _t2s(_READING.sub("", text))


def _doubled_markers(text: str) -> list[tuple[int, int]]:
    """The second copies of the list markers of a page whose bold type a converter printed
    twice (「(1)(1) 宣传范围不够广」, 「2 2、改进建议」: tables.yaml § doubled_marker_re), where
    the page shows DOUBLED_MARKERS_MIN of them; the first copy is what is read, and the
    second is printed with it."""
    # (such a page doubles its bracketed markers too: a page without 「)(」 is not looked at)
    hint = ")(" in text or "）（" in text or ")（" in text or "）(" in text
    found = list(vocab().doubled_marker.finditer(text)) if hint else []
    if len(found) < DOUBLED_MARKERS_MIN:
        return []
    return [(m.end("b") if m.group("b") else m.end("n"), m.end()) for m in found]


def simplified(text: str) -> Script | None:
    """The text in simplified characters without printed readings (and without the second
    copies of doubled list markers), or None when it is so already."""
    sample = text[:SAMPLE]
    changed = len(_traditional().findall(sample))
    traditional = changed >= MIN_CHANGED and changed >= len(_HAN.findall(sample)) * TRADITIONAL_SHARE
    readings = list(_READING.finditer(text)) if traditional or _READING.search(sample) else []
    if len(readings) < READINGS_MIN:
        readings = []
    drops = [m.span() for m in readings]
    if "*" in text or "＊" in text:
        drops += [m.span() for m in _NOISE.finditer(text)]
    drops += _doubled_markers(text)
    drops.sort()
    small = any(c in text for c in "﹦﹤﹥")
    if not traditional and not drops and not small:
        return None
    # drop the readings (the asterisks, the second copies): each is kept with the character before it
    kept, cuts, shifts, last, removed = [], [], [], 0, 0
    for start, end in drops:
        kept.append(text[last:start])
        removed += end - start
        cuts.append(start - (removed - (end - start)))
        shifts.append(removed)
        last = end
    kept.append(text[last:])
    plain = "".join(kept)
    out = _t2s(plain) if traditional else plain
    if small:
        out = out.translate(_SMALL_FORMS)
    # how each character of `out` that is not printed as itself is printed
    printed: dict[int, str] = {n - 1: text[start - 1:end] for n, (start, end) in zip(cuts, drops)}
    if out is not plain:
        printed.update((n, a) for n, (a, b) in enumerate(zip(plain, out)) if a != b and n not in printed)
    tally: dict[str, Counter] = {}
    for n, form in printed.items():
        tally.setdefault(out[n], Counter())[form] += 1
    forms = {}
    for c, counts in tally.items():
        form, times = counts.most_common(1)[0]
        if times * 2 > out.count(c) or times >= out.count(c) - sum(counts.values()):
            forms[c] = form
    return Script(text=out, original=text, cuts=cuts, shifts=shifts, forms=forms)

