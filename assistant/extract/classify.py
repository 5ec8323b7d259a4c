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
from pathlib import Path

from rapidfuzz import fuzz

from assistant.extract.classify_lexicon import CompiledLexicon, compile_lexicon, merged_data
from assistant.extract.labels import (level1_categories, listed_categories, lookup_label, normalise, pair_category,
                                      parent_of, printed_label)
from assistant.nlp import segment
from assistant.lexicon import derived

_CLEAN = re.compile(r"[\s“”\"'‘’「」『』]+")
_EDGE = re.compile(r"^(?:[（(]?\d{1,2}[)）.、．]|[一二三四五六七八九十]+[、.．])|[。；;，,:：]+$")
_MEMO_SIZE = 60_000          # memoised names, targets and answers per lexicon, before starting afresh
_NOTHING = object()          # a memo entry that is None


@dataclass(frozen=True)
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
                       lexicon: CompiledLexicon | None = None,
                       level1: str | None = None) -> Classification:
    """Classify one indicator.

    `printed` is the second-level label the table shows for the row: printed in the row
    itself (`printed_on_row=True`) or filled down from a merged cell above (False).
    `level1` is the first-level label above it: context when `printed` is absent or says
    no category (项目决策 → 投入管理; 产出指标 → one of 数量/质量/时效/成本).

    Memoised per lexicon on all its arguments, the target on what it says — its unit and
    wording (`_target_evidence`), all the answer depends on: the same indicator is printed in
    report after report, with targets that differ in their figures; the result is frozen, so
    the one answer can be shared.
    """
    lex = lexicon or default_lexicon()
    said = _target_evidence(None if target is None else str(target), lex)
    key = ("classified", name, said[0], tuple(said[1].items()), printed, printed_on_row, level1)
    hit = lex.memo.get(key)
    if hit is None:
        hit = _remember(lex, key, _classify(name, said, printed, printed_on_row, lex, level1))
    return hit


def _classify(name: str, said: tuple[tuple | None, dict], printed: str | None, printed_on_row: bool,
              lex: CompiledLexicon, level1: str | None) -> Classification:
    clean = clean_name(name)
    printed_lbl = printed_label(printed) if printed else None
    first = printed_label(level1) if level1 else None
    if printed_lbl is not None and printed_lbl.category is None and printed_lbl.level1:
        first = first or printed_lbl        # 「项目产出」 printed where a second level would be
    printed_cat = printed_lbl.category if printed_lbl else None
    pair = pair_category(first.text if first else level1, printed_lbl.text if printed_lbl else None)
    if pair and printed_lbl is not None:    # a pair needs the printed second level
        return _result(lex, pair, printed_lbl.text, lex.conf["printed_on_row"],
                       f"依据：一级指标「{first.text if first else level1}」下的二级指标「{printed_lbl.text}」",
                       pair)

    own = _name_label(clean, lex)
    # 「成本指标」 as a name is a label whatever is printed beside it; a bare word that only
    # happens to spell a label (「资金分配」 under 资金管理) yields to the printed one
    if own is not None and (printed_cat is None or clean.endswith("指标")):
        return _result(lex, own.category, own.text, lex.conf["name_is_label"],
                       f"依据：名称即类别标签「{own.text}」", printed_cat)

    ev = _evidence(clean, said, lex)
    if printed_cat is None:
        note = f"印出的「{printed}」不是类别标签；" if printed and printed_lbl is None else ""
        allowed = level1_categories(first.level1) if first is not None else ()
        context = f"一级指标「{first.text}」" if first is not None else None
        listed = listed_categories(printed_lbl.text) if printed_lbl is not None else ()
        if printed_lbl is not None and listed:      # 「社会、经济、生态效益指标」: one of those it names
            allowed = tuple(c for c in allowed if c in listed) or listed
            context = f"二级指标「{printed_lbl.text}」所列类别"
        if allowed and ev.best not in allowed:
            ev = _evidence(clean, said, lex, with_model=True)
        return _from_name(lex, ev, note, allowed, context, strict=bool(listed))

    assert printed_lbl is not None          # printed_cat came from it
    plabel = printed_lbl.text
    if ev.best == printed_cat:
        return _result(lex, printed_cat, plabel, lex.conf["printed_agrees"],
                       f"依据：二级指标「{plabel}」，与名称相符（{ev.describe(printed_cat)}）", printed_cat)

    strong = _unit_and_cue_override(ev, printed_cat, lex)
    if strong:
        return _result(lex, strong, None, lex.conf["override_unit_and_cue"],
                       f"改判：印出的二级指标「{plabel}」与{ev.unit_note}及{ev.cue_note(strong)}"
                       f"不符，二者都指向{strong}", printed_cat)
    if not printed_on_row:
        framework = _framework_override(ev, printed_cat, lex)
        allowed = level1_categories(first.level1) if first is not None else ()
        if framework and (not allowed or framework in allowed):
            return _result(lex, framework, None, lex.conf["override_filled_down"],
                           f"改判：向下填充的二级指标「{plabel}」让位于名称（{ev.describe(framework)}）",
                           printed_cat)
    keep = lex.conf["printed_on_row" if printed_on_row else "printed_filled_down"]
    where = "本行印出" if printed_on_row else "合并单元格向下填充"
    hint = f"；名称更像{ev.best}（{ev.describe(ev.best)}）" if ev.best else ""
    return _result(lex, printed_cat, plabel, keep, f"依据：二级指标「{plabel}」（{where}）{hint}",
                   printed_cat)


def load_lexicon(extra: list[str | Path] | None = None) -> CompiledLexicon:
    """The built-in indicator lexicon with analyst lexicons (same schema) merged over it.

    A malformed file raises `assistant.lexicon.LexiconError` naming the file and the line.
    """
    if not extra:
        return default_lexicon()
    return compile_lexicon(merged_data([Path(p) for p in extra]))


@derived(maxsize=1)
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
    model: dict[str, float] = field(default_factory=dict)                  # cat → probability
    name: str = ""
    best: str | None = None
    margin: float = 0.0
    unit_source: str = "目标值"       # where the unit was printed: the target, or the name

    @property
    def unit_note(self) -> str:
        return f"{self.unit_source}「{self.unit[2]}」" if self.unit else "目标值无单位"

    def cue_note(self, cat: str) -> str:
        cue = self.cues.get(cat)
        return f"名称关键词「{cue[0]}」" if cue else "名称无关键词"

    def describe(self, cat: str | None) -> str:
        if cat is None:
            return "无证据"
        parts = []
        if cat in self.cues:
            word, _, strong = self.cues[cat]
            kind = "名称中心词" if _is_head(self.name, word) else "名称关键词"
            parts.append(f"{kind}「{word}」{'' if strong else '（弱）'}")
        if self.unit and self.unit[0] == cat:
            parts.append(self.unit_note)
        if cat in self.target_words:
            parts.append(f"目标值措辞「{self.target_words[cat]}」")
        if cat in self.exemplars:
            word, sim = self.exemplars[cat]
            parts.append(f"近似范例「{word}」（{sim:.0f}）")
        if self.model.get(cat, 0.0) >= 0.3:
            parts.append(f"字符模型 {self.model[cat]:.0%}")
        return "＋".join(parts) or "无证据"


def _evidence(name: str, said: tuple[tuple | None, dict], lex: CompiledLexicon,
              with_model: bool = False) -> Evidence:
    """What the name and its target say (`said`: the target's unit and wording,
    `_target_evidence`), memoised per name and `said` (read-only, shared)."""
    unit, words = said
    key = ("evidence", name, unit, tuple(words.items()), with_model)
    hit = lex.memo.get(key)
    if hit is None:
        hit = _remember(lex, key, _weigh(name, unit, words, lex, with_model))
    return hit


def _weigh(name: str, unit: tuple[str, bool, str] | None, words: dict[str, str], lex: CompiledLexicon,
           with_model: bool = False) -> Evidence:
    """Combined scores of a name and its target's unit and wording (`_target_evidence`).
    The n-gram model's vote is asked for only where it could change the
    decision (it adds at most `weights.model` to a category) or where `with_model` asks for
    it: the lead of a clear winner is larger than anything it could add."""
    cues, exemplars = _name_evidence(name, lex)
    unit_source = "目标值"
    if unit is None and (unit := _name_unit(name, lex)) is not None:
        unit_source = "名称所注单位"
    w = lex.weights
    scores = dict.fromkeys(lex.categories, 0.0)
    for cat, (_, s, _) in cues.items():
        scores[cat] += w["cue"] * s
    cutoff = lex.thresholds["exemplar_cutoff"]
    for cat, (_, sim) in exemplars.items():
        scores[cat] += w["exemplar"] * (sim - cutoff) / (100.0 - cutoff)
    if unit:
        scores[unit[0]] += w["unit"] * (1.0 if unit[1] else 0.5)
        # a count of things (辆, 米, 公顷 …) whose only pull elsewhere is the field a topic word
        # names, not the name's head word (「生活垃圾运输车辆」 283辆, 「绿化美化公路」 3500米):
        # an effect tolerating that unit (§ tolerated) yields to the count
        rival = max((c for c in cues if c != unit[0]), key=lambda c: cues[c][1], default=None)
        # (people, households, incidents and money are what effects are counted in: § effect_units)
        if unit[1] and rival is not None and unit[0] in lex.tolerated.get(rival, ()) \
                and not _is_head(name, cues[rival][0]) \
                and not any(u in unit[2] for u in lex.target.get("effect_units", ())):
            scores[unit[0]] += w.get("count_over_topic", 0.0)
    for cat in words:
        scores[cat] += w["target_word"]
    for cat, boost in lex.boosts.items():
        if cat in cues and cues[cat][2]:
            scores[cat] += boost
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], lex.order[kv[0]]))
    (top, s1), (_, s2) = ranked[0], ranked[1]
    th, wm = lex.thresholds, w.get("model", 0.0)
    model: dict[str, float] = {}
    if wm and (with_model or s1 < th["min_score"] or s1 - s2 < th["min_margin"] + wm):
        model = _model_votes(name, lex)
        for cat, p in model.items():
            scores[cat] += wm * p
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], lex.order[kv[0]]))
        (top, s1), (_, s2) = ranked[0], ranked[1]
    ok = s1 >= th["min_score"] and s1 - s2 >= th["min_margin"]
    return Evidence(scores, cues, exemplars, unit, words, model=model, best=top if ok else None,
                    margin=s1 - s2, name=name, unit_source=unit_source)


def _is_head(name: str, word: str) -> bool:
    """Whether cue `word` is the name's head word (what the evidence calls 名称中心词)."""
    return name.endswith(word)


def _name_evidence(name: str, lex: CompiledLexicon) -> tuple[dict, dict]:
    """Cue matches and exemplar scores of a name, memoised on the lexicon (read-only: they
    are shared by every indicator of that name)."""
    hit = lex.memo.get(("name", name))
    if hit is None:
        hit = _remember(lex, ("name", name), (lex.match_cues(name), _exemplar_scores(name, lex)))
    return hit


def _model_votes(name: str, lex: CompiledLexicon) -> dict[str, float]:
    hit = lex.memo.get(("model", name))
    if hit is None:
        hit = _remember(lex, ("model", name), lex.model.probabilities(name))
    return hit


def _name_unit(name: str, lex: CompiledLexicon) -> tuple[str, bool, str] | None:
    hit = lex.memo.get(("name_unit", name), _NOTHING)
    if hit is _NOTHING:
        hit = _remember(lex, ("name_unit", name), lex.name_unit(name))
    return hit      # type: ignore[return-value]


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


def _from_name(lex: CompiledLexicon, ev: Evidence, note: str, allowed: tuple[str, ...] = (),
               context: str | None = None, strict: bool = False) -> Classification:
    """The category from the name and target alone; under a first-level label (`context`
    says which), one of the categories that sit there where the name leans to one (项目决策 →
    投入管理); under a label that lists several (`strict`), always one of those."""
    if allowed and ev.best not in allowed:
        ranked = sorted(allowed, key=lambda c: (-ev.scores.get(c, 0.0), lex.order[c]))
        top = ranked[0]
        if ev.scores.get(top, 0.0) > 0 or len(allowed) == 1 or strict:
            conf = min(lex.conf["name_cap"], 0.5 + 0.3 * min(1.0, ev.scores.get(top, 0.0)) + 0.2 * (len(allowed) == 1))
            why = ev.describe(top)
            if why == "无证据":
                why = f"字符模型 {ev.model[top]:.0%}" if ev.model.get(top) else "该一级指标下只有此类"
            return _result(lex, top, None, conf, f"{note}依据：{context}＋{why}", None)
    if ev.best is None:
        guess: str | None
        guess, p = max(ev.model.items(), key=lambda kv: kv[1]) if ev.model else (None, 0.0)
        if guess is not None and p >= lex.thresholds.get("model_alone", 0.6):
            return _result(lex, guess, None, round(p * 0.8, 2),
                           f"{note}依据：字符模型 {p:.0%}（名称无明确关键词）", None)
        closest, weight = max(ev.scores.items(), key=lambda kv: (kv[1], -lex.order[kv[0]]))
        said = ev.describe(closest)
        conf = round(min(0.3, weight * 0.3), 2)
        # what the name's words, the target and the exemplars say, the model's vote aside
        worded = weight - lex.weights.get("model", 0.0) * ev.model.get(closest, 0.0)
        if worded > 0 and said != "无证据":
            # a weak lean on the name's own words is still the best guess an analyst can
            # check; its confidence and its evidence say how weak it is
            return _result(lex, closest, None, conf, f"{note}把握不大：最接近{closest}（{said}）", None)
        hint = f"；最接近{closest}（{said}）" if weight > 0 and said != "无证据" else ""
        return Classification(None, None, None, conf, f"{note}证据不足{hint}")
    where = f"{context}＋" if allowed else ""
    return _result(lex, ev.best, None, _name_confidence(ev, lex),
                   f"{note}依据：{where}名称（{ev.describe(ev.best)}）", None)


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
