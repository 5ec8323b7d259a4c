"""The pieces every draft is made of: sentences with provenance, templates with slots.

Every `Sentence` says where it came from — a template id, the findings it reports, or the
document and offsets it quotes — so an analyst can check each line of a draft.
`audit_sentences` checks the three promises a draft keeps: no sentence repeated, no
`{slot}` left unfilled, no number that its source does not print.
"""
from __future__ import annotations

import random
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable

from assistant.extract.script import FULL_WIDTH_DIGITS, half_width
from assistant.lexicon import builtin, derived


@dataclass
class Provenance:
    """Where a sentence comes from; any combination of the fields may be set."""

    template: str = ""                  # e.g. "measures.BUDGET_EXECUTION.schedule_payments.1"
    findings: list[str] = field(default_factory=list)   # finding ids (F3 …)
    doc: str = ""                       # quoted or cited document
    project: str = ""
    start: int | None = None            # offsets of the quoted words in `doc`
    end: int | None = None
    score: float | None = None          # similarity that brought a historical item in
    polished_by: str = ""               # the model that reworded the sentence (draft/polish.py)

    def label(self) -> str:
        """A short human-readable citation (「模板 …」「F3」「doc · project [s–e]」)."""
        parts = []
        if self.findings:
            parts.append("、".join(self.findings))
        if self.doc:
            where = f"{self.doc}" + (f"·{self.project}" if self.project else "")
            if self.start is not None and self.end is not None and self.end > self.start:
                where += f"[{self.start}–{self.end}]"
            parts.append(where)
        if self.template and not parts:
            parts.append(template_words(self.template))
        if self.polished_by:
            parts.append(f"经「{self.polished_by}」润色")
        return "；".join(parts)


@dataclass
class Sentence:
    text: str
    provenance: Provenance = field(default_factory=Provenance)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Draft:
    """One alternative of a drafted passage: its text and the sentences it is made of."""

    sentences: list[Sentence] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    precedents: list[Sentence] = field(default_factory=list)   # cited measures of earlier reports
    seed: int = 0
    clauses: list[str] = field(default_factory=list)           # the moves' wording, without 一是/；
    notes: list[str] = field(default_factory=list)             # what polishing left as drafted, and why

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.sentences)

    def covered_themes(self) -> set[str]:
        """The theme codes whose moves the draft's clauses come from."""
        return {t.split(".")[1] for t in (s.provenance.template for s in self.sentences)
                if t.startswith("measures.")}

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "themes": list(self.themes), "seed": self.seed,
                "sentences": [s.to_dict() for s in self.sentences],
                "precedents": [s.to_dict() for s in self.precedents]} | ({"notes": list(self.notes)} if self.notes else {})


@dataclass
class Paragraph:
    """A block of a section: a heading (project, indicator …) and its sentences.

    `style` is "list" (one numbered item per sentence) or "prose" (sentences run on).
    """

    heading: str
    sentences: list[Sentence] = field(default_factory=list)
    style: str = "prose"

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.sentences)


def fill(template: str, slots: dict[str, Any]) -> str | None:
    """Fill `{name}` slots; None when a slot the template needs is missing or empty.  A
    value that says 「……为」 itself (「完成时间为2022年12月30日」) after a template's 为
    (「年度指标值为{target}」) drops its own words: 「年度指标值为2022年12月30日」."""
    needed = set(_SLOT.findall(template))
    values = {k: _as_text(slots.get(k)) for k in needed}
    if any(not v for v in values.values()):
        return None
    for name in _AFTER_WEI.findall(template):
        values[name] = _OWN_WEI.sub("", values[name]) or values[name]
    # a value that opens with the word the template puts before it (「实际完成{actual}」 with
    # 「完成时间为……」) says it once: 「实际完成时间为……」
    for m in _SLOT.finditer(template):
        lead = template[max(0, m.start() - 2):m.start()]
        value = values[m.group(1)]
        if len(lead) == 2 and _HAN2.fullmatch(lead) and value.startswith(lead) and len(value) > 2:
            values[m.group(1)] = value[2:]
    return _SLOT.sub(lambda m: values[m.group(1)], template)


_AFTER_WEI = re.compile(r"为\{(\w+)\}")
_HAN2 = re.compile(r"[\u4e00-\u9fff]{2}")
# a value's own 「……为」 before its figure: a few 汉字 and 为, then a digit or comparator
_OWN_WEI = re.compile(r"^[\u4e00-\u9fff]{1,8}为(?=[\d≥≤<>=＞＜＝])")


def render(key: str, slots: dict[str, Any], rng: random.Random,
           avoid: set[str] | None = None) -> tuple[str, str] | None:
    """A variant of drafting.yaml's template `key` (dotted path) → (text, template id).

    A variant whose text is in `avoid` (sentences the draft already has) is used only when
    no other fits; the chosen text is added to `avoid`.
    """
    variants = drafting(key)
    order = list(range(len(variants)))
    rng.shuffle(order)
    made = [(text, i) for i in order if (text := fill(variants[i], slots)) is not None]
    if not made:
        return None
    fresh = [(text, i) for text, i in made if avoid is None or text not in avoid]
    text, i = (fresh or made)[0]
    if avoid is not None:
        avoid.add(text)
    return text, f"drafting.{key}.{i}"


def template_words(template: str) -> str:
    """A template id in words an analyst reads: measures.BUDGET_PLANNING.evidence_based.0 →
    措施库「预算编制」第1条（写法1）; drafting.reasons.… → 报告句式「未完成原因分析」."""
    parts = template.split(".")
    if parts[0] == "measures" and len(parts) >= 3:
        theme = (builtin("measures.yaml").get("themes") or {}).get(parts[1]) or {}
        moves = [m.get("id") for m in theme.get("moves") or []]
        where = f"第{moves.index(parts[2]) + 1}条" if parts[2] in moves else parts[2]
        variant = f"（写法{int(parts[3]) + 1}）" if len(parts) > 3 and parts[3].isdigit() else ""
        return f"措施库「{theme.get('label', parts[1])}」{where}{variant}"
    if parts[0] == "causes":
        return "成因库：无需整改的情形" if parts[-1] == "no_measure" else f"成因库「{parts[-1]}」"
    if parts[0] == "drafting" and len(parts) >= 2:
        sections = drafting("sections")
        key = parts[2] if parts[1] == "empty" and len(parts) > 2 else parts[1]
        name = (sections.get(key) or next((v for k, v in sections.items() if key.startswith(k)), None)
                or {"problems_cause": "主要问题及原因", "precedent": "历史先例", "title": "标题"}.get(key, key))
        return f"报告句式「{name}」"
    return f"模板 {template}"


def drafting(key: str) -> Any:
    """A value of lexicons/drafting.yaml by dotted path ('reasons.stated')."""
    node: Any = builtin("drafting.yaml")
    for part in key.split("."):
        node = node[part]
    return node


@derived(maxsize=64)
def drafting_pattern(key: str) -> re.Pattern:
    """The regular expression at `key` of lexicons/drafting.yaml, compiled once."""
    return re.compile(drafting(key))


def rng_for(seed: int, *parts: Any) -> random.Random:
    """A generator that depends only on the seed and the parts (not on hash randomisation)."""
    return random.Random("/".join(str(p) for p in (seed, *parts)))


def fmt_number(x: float | int | None) -> str:
    """A number as reports print it: 100.0 → 100, 86.56 → 86.56."""
    if x is None:
        return ""
    x = float(x)
    return str(int(x)) if x.is_integer() else repr(x)


def numbers_in(text: str) -> set[Decimal]:
    """The numbers a text prints (thousand separators and full-width digits allowed)."""
    text = (text or "").translate(_WIDE)
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    out = set()
    for m in _NUMBER.finditer(text):
        try:
            out.add(Decimal(m.group()).normalize())
        except InvalidOperation:
            pass
    return out


def audit_sentences(sentences: Iterable[Sentence], sources: Iterable[str]) -> list[str]:
    """Problems with a draft: repeated sentences, unfilled slots, numbers not in `sources`."""
    known: set[Decimal] = set()
    for source in sources:
        known |= numbers_in(source)
    seen: set[str] = set()
    problems = []
    for s in sentences:
        key = s.text.strip()
        if key in seen:
            problems.append(f"repeated: {key}")
        seen.add(key)
        if _SLOT.search(s.text) or "{" in s.text or "}" in s.text:
            problems.append(f"unfilled slot: {key}")
        foreign = sorted(str(n) for n in numbers_in(s.text) - known)
        if foreign:
            problems.append(f"numbers not in source ({', '.join(foreign)}): {key}")
    return problems


def has_foreign_numbers(text: str, known: set[Decimal]) -> bool:
    return bool(numbers_in(text) - known)


def list_names(names: list[str]) -> str:
    """「A」「B」「C」等 — at most `similarity.list_limit` names, 等 when some are left out."""
    limit = drafting("similarity.list_limit")
    unique = list(dict.fromkeys(n for n in names if n))
    return "".join(f"「{n}」" for n in unique[:limit]) + ("等" if len(unique) > limit else "")


def as_printed(value: str | None) -> str:
    """A target or actual for a sentence: 「＝1套」 → 「1套」 (a ≥ or ≤ stays: it is the target)."""
    return bare((value or "").strip().lstrip("=＝"))


def bare(text: str | None) -> str:
    """A cell's words without the closing punctuation, to sit inside a sentence."""
    return " ".join((text or "").split()).rstrip("。；;，,、.： :")


def short_name(project: str) -> str:
    """A project name without its budget code: 「51050023T000008161532-聘用人员经费」 → 「聘用人员经费」."""
    return _CODE.sub("", project or "").strip() or (project or "")


@derived(maxsize=8192)
def words(text: str) -> str:
    """Words joined by spaces, punctuation dropped: the input of token_set_ratio and BM25.
    The project's one segmenter (assistant.nlp.segment, with its user dictionary)."""
    from assistant.nlp import segment

    return " ".join(w for w in segment(text or "") if _WORD.search(w))


_SLOT = re.compile(r"\{(\w+)\}")
_CODE = re.compile(r"^[0-9A-Za-z]{6,}\s*[-—－_]\s*")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_WORD = re.compile(r"[\w\u4e00-\u9fff]")
_WIDE = half_width(FULL_WIDTH_DIGITS + "．")


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return fmt_number(value)
    return str(value).strip()
