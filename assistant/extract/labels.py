"""First- and second-level table labels (lexicons/labels.yaml).

`lookup_label("产出指标 (50分)")` → Label(level=1, text="产出指标", canonical="产出指标").
`lookup_label("社会效益 指标")` → Label(level=2, text="社会效益指标", canonical="社会效益").
A text that is both (满意度指标) reports level 0: the row's position decides.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from assistant.lexicon import builtin, derived

_WEIGHT = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]")
_SPACE = re.compile(r"\s+")
_LATIN = re.compile(r"[A-Za-z]{1,2}")      # OCR reads 目 as 「Fl」, 日 as 「H」


@dataclass(frozen=True)
class Label:
    text: str                 # normalised label as printed
    level: int                # 1, 2, or 0 when it may be either
    level1: str | None        # canonical first level when it can be one
    category: str | None      # canonical category when it can be a second level


@dataclass(frozen=True)
class LabelBook:
    """lexicons/labels.yaml, read once per set of lexicons into typed fields."""

    level1: dict[str, str]                      # a printed first level → its canonical one
    level2: dict[str, str | None]               # a printed second level → its category (None: a group)
    pairs: dict[str, str]                       # 「一级/二级」 → the category the pair means
    parents: dict[str, str]                     # a category → the first level it sits under
    alternate_parents: dict[str, tuple[str, ...]]
    notes: re.Pattern                           # a framework's notes in brackets (「(可选项)」)
    marks: re.Pattern                           # marks in brackets (「(必填)」)
    max_chars: int                              # a longer cell is no label
    party: dict[str, str]                       # 「满意度指标」 → 满意度: 「群众满意度指标」 too
    max_party_chars: int


@derived(maxsize=1)
def label_book() -> LabelBook:
    lex = builtin("labels.yaml")
    return LabelBook(level1=dict(lex["level1"]), level2=dict(lex["level2"]), pairs=dict(lex.get("pairs") or {}),
                     parents=dict(lex["parents"]),
                     alternate_parents={c: tuple(v) for c, v in (lex.get("alternate_parents") or {}).items()},
                     notes=_bracketed(lex.get("label_notes") or []), marks=_bracketed(lex.get("label_marks") or []),
                     max_chars=int(lex.get("max_label_chars", 14)),
                     party=dict(lex.get("party_labels") or {}), max_party_chars=int(lex.get("max_party_chars", 6)))


@derived(maxsize=4096)
def party_label(text: str) -> Label | None:
    """A second-level label naming who is asked (「群众满意度指标」: labels.yaml § party_labels),
    or None.  Only a label where a name follows it in the row: alone it is a name."""
    book = label_book()
    norm = normalise(text)
    for suffix, category in book.party.items():
        if norm.endswith(suffix) and 1 <= len(norm) - len(suffix) <= book.max_party_chars:
            return Label(text=norm, level=2, level1=None, category=category)
    return None


def normalise(text: str) -> str:
    """Remove white space, printed weights and a framework's notes and marks on a label
    (labels.yaml § label_notes, label_marks): 「产出指标 (50分)」 → 「产出指标」,
    「经济效益(可选项)」 → 「经济效益」, 「数量指标 (必填)」 → 「数量指标」, 「时效指标指标」 → 「时效指标」."""
    book = label_book()
    norm = _SPACE.sub("", book.marks.sub("", book.notes.sub("", _WEIGHT.sub("", text or "")))).strip("：:")
    # (the header's 指标 run on below a label cut at the page's end: 「时效指标 | 指标」)
    return norm[:-2] if norm.endswith("指标指标") else norm


def _bracketed(words: list[str]) -> re.Pattern:
    """Any of `words` in brackets (a pattern that never matches for none)."""
    if not words:
        return re.compile(r"(?!)")
    return re.compile(r"[（(]\s*(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\s*[)）]")


@derived(maxsize=4096)
def lookup_label(text: str) -> Label | None:
    """The label `text` stands for, or None when it is not a known label."""
    book = label_book()
    norm = normalise(text)
    if not norm or len(norm) > book.max_chars:
        return None
    l1 = book.level1.get(norm)
    in_l2 = norm in book.level2
    if l1 is None and not in_l2:
        if book.notes.search(text or "") and len(norm) >= 2:
            return Label(text=norm, level=2, level1=None, category=None)   # 「公平效率(可选项)」: a group all the same
        return None
    level = 0 if (l1 is not None and in_l2) else (1 if l1 is not None else 2)
    return Label(text=norm, level=level, level1=l1, category=book.level2.get(norm))


def parent_of(category: str | None) -> str | None:
    """The first level a category sits under when the table prints none."""
    return label_book().parents.get(category) if category else None


def category_labels() -> dict[str, str]:
    """Every second-level label with its category (for the classifier's exact lookup)."""
    return {k: v for k, v in label_book().level2.items() if v}


@derived(maxsize=8192)
def damaged_label(text: str) -> Label | None:
    """A label also when OCR damaged or reordered its characters (「出标产指」, 「资金管埋」).

    Strict enough for text whose place in the table is not yet known: OCR damage changes a
    character, it adds none, so 「预算执行率」 (a name that starts with a label) and 「资金已到位」
    (a value) are no labels."""
    found = lookup_label(text)
    if found is not None:
        return found
    norm = normalise(text)
    if len(norm) < 4 or len(norm) > 16:
        return None
    words = _label_words()
    chars = sorted(norm)
    for word in words.get(len(norm), ()):
        if sorted(word) == chars and not _swapped_words(norm, word):
            return lookup_label(word)
    best = process.extractOne(norm, words.get(len(norm), ()), scorer=fuzz.ratio, score_cutoff=80)
    return lookup_label(best[0]) if best is not None else None


def _swapped_words(text: str, word: str) -> bool:
    """Whether `text` is a bare label `word` with two words of two characters or more swapped
    (「影响可持续」 for 可持续影响): language, a value's wording, not a label's characters
    scrambled by OCR or a PDF (「出标产指」)."""
    if "指标" in word or "目标" in word:
        return False                # 「指标产出」: a wrapped 产出/指标 cell printed bottom line first
    return any(text == word[k:] + word[:k] for k in range(2, len(word) - 1))


@derived(maxsize=8192)
def printed_label(text: str) -> Label | None:
    """The label a cell printed in a label column stands for, however damaged.

    Beyond `damaged_label`: a 指标 suffix cut off by a line or page break (「服务对象满意度指」)
    or added to a label known without it (「产出数量指标」), and one character in four misread
    (「顼目产出」, 「项Fl实施」 → 项目产出, 项目实施)."""
    found = damaged_label(text)
    if found is not None:
        return found
    norm = normalise(text)
    for tail in ("标", "指标"):
        found = lookup_label(norm + tail)
        if found is not None and len(norm) >= 3:
            return found
    if norm.endswith("指标") and len(norm) >= 6:
        found = lookup_label(norm[:-2])
        if found is not None:
            return found            # 「产出数量指标」: a label printed with a 指标 it is known without
    norm = _LATIN.sub("?", norm)
    if len(norm) < 4 or len(norm) > 16:
        return None
    allowed = 1 if len(norm) < 8 else 2
    for word in _label_words().get(len(norm), ()):
        if sum(a != b for a, b in zip(word, norm)) <= allowed:
            return lookup_label(word)
    return None


@derived(maxsize=1)
def _label_words() -> dict:
    book = label_book()
    words = [w for w in list(book.level1) + list(book.level2) if len(w) >= 4]
    out: dict = {"all": words}
    for w in words:
        out.setdefault(len(w), []).append(w)
    return out


def label_words() -> list[str]:
    """Every label of four characters or more (for finding labels inside a cell's text)."""
    return _label_words()["all"]


@derived(maxsize=4096)
def pair_category(level1: str | None, level2: str | None) -> str | None:
    """The category a second-level label has under one first level only (部门决策/目标任务:
    a department's targets, 部门整体; 项目决策/项目目标: a project's, 投入管理)."""
    if not level1 or not level2:
        return None
    return label_book().pairs.get(f"{normalise(level1)}/{normalise(level2)}")


@derived(maxsize=1024)
def listed_categories(label: str | None) -> tuple[str, ...]:
    """The categories a second-level label names when it names several and is none of them
    (「社会、经济、生态效益指标」 → 经济效益, 社会效益, 生态效益): each by its code, or by the
    code's stem before 效益.  () for a label that names fewer than two."""
    if not label:
        return ()
    text = normalise(label)
    found = [c for c in label_book().parents
             if c in text or c.endswith("效益") and len(c) > 2 and c[:-2] in text]
    return tuple(found) if len(found) >= 2 else ()


@derived(maxsize=256)
def level1_categories(level1: str | None) -> tuple[str, ...]:
    """The categories that sit under a canonical first level (产出指标 → 数量, 质量, 时效, 成本)."""
    if not level1:
        return ()
    book = label_book()
    out = [c for c, parent in book.parents.items() if parent == level1]
    out += [c for c, alts in book.alternate_parents.items() if level1 in alts and c not in out]
    return tuple(out)
