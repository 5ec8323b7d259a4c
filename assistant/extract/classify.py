"""Indicator classification: a 三级指标 name (+ target, + printed label) → canonical category.

`classify_indicator("完成时间", "2023年底完成", printed="质量指标")` → 时效, overridden, with
evidence naming the deadline in the target and the cue 时间 in the name.

Evidence, strongest first (weights and thresholds in lexicons/indicators.yaml):
  1. the name is itself a label (经济效益指标 → 经济效益), whatever is printed beside it;
  2. a printed second-level label (TAXONOMY §1: kept even where wording suggests another
     category), overridden only when the target's unit and the name's cue agree against it,
     or, for a label filled down from a merged cell, when a framework indicator's name
     clearly says otherwise (合同管理完备性 under a filled-down 财务管理 → 项目管理);
  3. without a label: cue words in the name, the target's unit and wording, and rapidfuzz
     similarity to exemplar names; too little evidence gives category None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from assistant.extract.classify_lexicon import CompiledLexicon, compile_lexicon, merged_data
from assistant.extract.labels import lookup_label, normalise, parent_of
from assistant.nlp import segment

_CLEAN = re.compile(r"[\s“”\"'‘’「」『』]+")
_EDGE = re.compile(r"^(?:[（(]?\d{1,2}[)）.、．]|[一二三四五六七八九十]+[、.．])|[。；;，,:：]+$")
_MEMO_SIZE = 20_000          # memoised names and targets per lexicon, before starting afresh


@dataclass
class Classification:
    """The category of one indicator and why."""

    category: str | None
    level1: str | None
    level2: str | None
    confidence: float
    evidence: str
    overridden: bool = False
    printed_category: str | None = None

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in (
            "category", "level1", "level2", "confidence", "evidence", "overridden",
            "printed_category")}


def classify_indicator(name: str, target: str | None = None, printed: str | None = None,
                       printed_on_row: bool = False,
                       lexicon: CompiledLexicon | None = None) -> Classification:
    """Classify one indicator.

    `printed` is the second-level label the table shows for the row: printed in the row
    itself (`printed_on_row=True`) or filled down from a merged cell above (False).
    """
    lex = lexicon or default_lexicon()
    clean = clean_name(name)
    printed_label = lookup_label(printed) if printed else None
    printed_cat = printed_label.category if printed_label else None

    own = _name_label(clean, lex)
    if own is not None:
        return _result(lex, own.category, own.text, lex.conf["name_is_label"],
                       f"name is the label 「{own.text}」", printed_cat)

    ev = _evidence(clean, target, lex)
    if printed_cat is None:
        note = f"printed 「{printed}」 is not a category label; " if printed else ""
        return _from_name(lex, ev, note)

    plabel = printed_label.text
    if ev.best == printed_cat:
        return _result(lex, printed_cat, plabel, lex.conf["printed_agrees"],
                       f"printed 「{plabel}」 agrees with {ev.describe(printed_cat)}", printed_cat)

    strong = _unit_and_cue_override(ev, printed_cat, lex)
    if strong:
        return _result(lex, strong, None, lex.conf["override_unit_and_cue"],
                       f"printed 「{plabel}」 overridden: {ev.unit_note} and "
                       f"{ev.cue_note(strong)} both say {strong}", printed_cat)
    if not printed_on_row:
        framework = _framework_override(ev, printed_cat, lex)
        if framework:
            return _result(lex, framework, None, lex.conf["override_filled_down"],
                           f"filled-down 「{plabel}」 overridden: {ev.describe(framework)}",
                           printed_cat)
    keep = lex.conf["printed_on_row" if printed_on_row else "printed_filled_down"]
    where = "printed on the row" if printed_on_row else "filled down"
    hint = f"; wording suggests {ev.best} ({ev.describe(ev.best)})" if ev.best else ""
    return _result(lex, printed_cat, plabel, keep, f"kept 「{plabel}」 ({where}){hint}",
                   printed_cat)


def load_lexicon(extra: list[str | Path] | None = None) -> CompiledLexicon:
    """The built-in indicator lexicon with analyst lexicons (same schema) merged over it.

    A malformed file raises `assistant.lexicon.LexiconError` naming the file and the line.
    """
    if not extra:
        return default_lexicon()
    return compile_lexicon(merged_data([Path(p) for p in extra]))


@lru_cache(maxsize=1)
def default_lexicon() -> CompiledLexicon:
    """The built-in lexicon, compiled once per process (exemplar words segmented once)."""
    return compile_lexicon(merged_data([]))


def clean_name(name: str) -> str:
    """The name as matched: no white space, quotes, list numbering or trailing punctuation."""
    return _EDGE.sub("", _CLEAN.sub("", name or ""))


# --- evidence ----------------------------------------------------------------------------

@dataclass
class Evidence:
    """Everything the name and target say, per category (scores 0–1 before weighting)."""

    scores: dict[str, float]
    cues: dict[str, tuple[str, float, bool]] = field(default_factory=dict)  # cat → cue, score, strong
    exemplars: dict[str, tuple[str, float]] = field(default_factory=dict)   # cat → name, sim
    unit: tuple[str, bool, str] | None = None                               # cat, strong, text
    target_words: dict[str, str] = field(default_factory=dict)
    best: str | None = None
    margin: float = 0.0

    @property
    def unit_note(self) -> str:
        return f"target 「{self.unit[2]}」" if self.unit else "no target unit"

    def cue_note(self, cat: str) -> str:
        cue = self.cues.get(cat)
        return f"name cue 「{cue[0]}」" if cue else "no name cue"

    def describe(self, cat: str | None) -> str:
        parts = []
        if cat in self.cues:
            word, _, strong = self.cues[cat]
            parts.append(f"cue 「{word}」{'' if strong else ' (weak)'}")
        if self.unit and self.unit[0] == cat:
            parts.append(f"target 「{self.unit[2]}」")
        if cat in self.target_words:
            parts.append(f"target says 「{self.target_words[cat]}」")
        if cat in self.exemplars:
            word, sim = self.exemplars[cat]
            parts.append(f"like exemplar 「{word}」 ({sim:.0f})")
        return " + ".join(parts) or "no evidence"


def _evidence(name: str, target: str | None, lex: CompiledLexicon) -> Evidence:
    """What the name and target say, memoised per (name, target) (read-only, shared)."""
    target = None if target is None else str(target)
    hit = lex.memo.get(("evidence", name, target))
    if hit is None:
        hit = _remember(lex, ("evidence", name, target), _weigh(name, target, lex))
    return hit


def _weigh(name: str, target: str | None, lex: CompiledLexicon) -> Evidence:
    cues, exemplars = _name_evidence(name, lex)
    unit, words = _target_evidence(target, lex)
    w = lex.weights
    scores = dict.fromkeys(lex.categories, 0.0)
    for cat, (_, s, _) in cues.items():
        scores[cat] += w["cue"] * s
    cutoff = lex.thresholds["exemplar_cutoff"]
    for cat, (_, sim) in exemplars.items():
        scores[cat] += w["exemplar"] * (sim - cutoff) / (100.0 - cutoff)
    if unit:
        scores[unit[0]] += w["unit"] * (1.0 if unit[1] else 0.5)
    for cat in words:
        scores[cat] += w["target_word"]
    for cat, boost in lex.boosts.items():
        if cat in cues and cues[cat][2]:
            scores[cat] += boost
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], lex.order[kv[0]]))
    (top, s1), (_, s2) = ranked[0], ranked[1]
    ok = s1 >= lex.thresholds["min_score"] and s1 - s2 >= lex.thresholds["min_margin"]
    return Evidence(scores, cues, exemplars, unit, words, top if ok else None, s1 - s2)


def _name_evidence(name: str, lex: CompiledLexicon) -> tuple[dict, dict]:
    """Cue matches and exemplar scores of a name, memoised on the lexicon (read-only: they
    are shared by every indicator of that name)."""
    hit = lex.memo.get(("name", name))
    if hit is None:
        hit = _remember(lex, ("name", name), (lex.match_cues(name), _exemplar_scores(name, lex)))
    return hit


def _target_evidence(target: str | None, lex: CompiledLexicon) -> tuple[tuple | None, dict]:
    """The target's unit and wording, memoised like `_name_evidence`."""
    if target is None:
        return None, {}
    hit = lex.memo.get(("target", target))
    if hit is None:
        hit = _remember(lex, ("target", target), (lex.target_unit(target), lex.target_words(target)))
    return hit


def _remember(lex: CompiledLexicon, key: tuple, value):
    if len(lex.memo) >= _MEMO_SIZE:      # a corpus of endless new texts: start afresh
        lex.memo.clear()
    lex.memo[key] = value
    return value


def _exemplar_scores(name: str, lex: CompiledLexicon) -> dict[str, tuple[str, float]]:
    """Best exemplar per category: token_set_ratio on jieba words, tempered by plain ratio.

    token_set_ratio scores a name whose words are a subset of an exemplar's at 100 (逾期率 vs
    贷款逾期率), which is right for a head word but too generous for short names, so it is
    averaged with fuzz.ratio on the characters.  Only exemplars sharing a character pair
    with the name are scored (see `exemplar_candidates`).
    """
    ids = lex.exemplar_candidates(name)
    if not ids:
        return {}
    cutoff = lex.thresholds["exemplar_cutoff"]
    words = " ".join(segment(name))
    scored: list[tuple[float, int]] = []
    # A couple of dozen candidates: scored one by one (a numpy matrix per name cost more
    # than the comparisons).  Scores are whole numbers, rounded half up.
    for i in ids:
        token = fuzz.token_set_ratio(words, lex.exemplar_words[i], score_cutoff=cutoff)
        if not token:
            continue
        sim = (int(token + 0.5) + int(fuzz.ratio(name, lex.exemplar_names[i]) + 0.5)) / 2.0
        if sim >= cutoff:
            scored.append((-sim, i))
    scored.sort()                  # best first; equal scores in exemplar order
    out: dict[str, tuple[str, float]] = {}
    for neg, i in scored:
        out.setdefault(lex.categories[lex.exemplar_category[i]], (lex.exemplar_names[i], -neg))
    return out


# --- decisions ---------------------------------------------------------------------------

def _name_label(name: str, lex: CompiledLexicon):
    if name in lex.not_category_names:
        return None
    for text in (name, name + "指标"):
        label = lookup_label(text)
        if label is not None and label.category:
            return label
    return None


def _unit_and_cue_override(ev: Evidence, printed: str, lex: CompiledLexicon) -> str | None:
    """The category that a strong target unit and a strong name cue agree on, if any."""
    if not ev.unit or not ev.unit[1]:
        return None
    cat = ev.unit[0]
    cue = ev.cues.get(cat)
    if cat == printed or not cue or not cue[2] or cat in lex.tolerated.get(printed, ()):
        return None
    best_cue = max(ev.cues.items(), key=lambda kv: kv[1][1])[0]
    return cat if best_cue == cat else None


def _framework_override(ev: Evidence, printed: str, lex: CompiledLexicon) -> str | None:
    """Within the common-indicator framework, a clear name match beats a filled-down label."""
    fw = lex.standard_framework
    if ev.best is None or printed not in fw or ev.best not in fw:
        return None
    conf = _name_confidence(ev, lex)
    lead = ev.scores[ev.best] - ev.scores.get(printed, 0.0)
    if conf >= lex.thresholds["filled_down_confidence"] and lead >= lex.thresholds["override_margin"]:
        return ev.best
    return None


def _from_name(lex: CompiledLexicon, ev: Evidence, note: str) -> Classification:
    if ev.best is None:
        top = max(ev.scores.items(), key=lambda kv: kv[1])
        hint = f"; closest {top[0]} ({ev.describe(top[0])})" if top[1] > 0 else ""
        conf = round(min(0.3, top[1] * 0.3), 2)
        return Classification(None, None, None, conf, f"{note}no decisive evidence{hint}")
    return _result(lex, ev.best, None, _name_confidence(ev, lex),
                   f"{note}from the name: {ev.describe(ev.best)}", None)


def _name_confidence(ev: Evidence, lex: CompiledLexicon) -> float:
    c = lex.conf
    score = ev.scores[ev.best] if ev.best else 0.0
    value = c["name_base"] + c["name_per_score"] * score + c["name_per_margin"] * ev.margin
    return max(0.0, min(c["name_cap"], value))


def _result(lex: CompiledLexicon, category: str, printed_text: str | None, confidence: float,
            evidence: str, printed_cat: str | None) -> Classification:
    level2 = printed_text if printed_text and category == printed_cat else None
    if level2 is None and printed_text and lookup_label(printed_text):
        level2 = normalise(printed_text)   # the name itself is the label
    return Classification(
        category=category,
        level1=parent_of(category),
        level2=level2 or lex.level2_names.get(category, category),
        confidence=round(float(confidence), 3),
        evidence=evidence,
        overridden=printed_cat is not None and category != printed_cat,
        printed_category=printed_cat,
    )
