"""First- and second-level table labels (lexicons/labels.yaml).

`lookup_label("产出指标 (50分)")` → Label(level=1, text="产出指标", canonical="产出指标").
`lookup_label("社会效益 指标")` → Label(level=2, text="社会效益指标", canonical="社会效益").
A text that is both (满意度指标) reports level 0: the row's position decides.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.lexicon import builtin

_WEIGHT = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Label:
    text: str                 # normalised label as printed
    level: int                # 1, 2, or 0 when it may be either
    level1: str | None        # canonical first level when it can be one
    category: str | None      # canonical category when it can be a second level


def normalise(text: str) -> str:
    """Remove white space and printed weights: 「产出指标 (50分)」 → 「产出指标」."""
    return _SPACE.sub("", _WEIGHT.sub("", text or "")).strip("：:")


@lru_cache(maxsize=4096)
def lookup_label(text: str) -> Label | None:
    """The label `text` stands for, or None when it is not a known label."""
    lex = builtin("labels.yaml")
    norm = normalise(text)
    if not norm or len(norm) > lex.get("max_label_chars", 14):
        return None
    l1 = lex["level1"].get(norm)
    in_l2 = norm in lex["level2"]
    if l1 is None and not in_l2:
        return None
    level = 0 if (l1 is not None and in_l2) else (1 if l1 is not None else 2)
    return Label(text=norm, level=level, level1=l1, category=lex["level2"].get(norm))


def parent_of(category: str | None) -> str | None:
    """The first level a category sits under when the table prints none."""
    return builtin("labels.yaml")["parents"].get(category) if category else None


def category_labels() -> dict[str, str]:
    """Every second-level label with its category (for the classifier's exact lookup)."""
    return {k: v for k, v in builtin("labels.yaml")["level2"].items() if v}
