"""Theme tagging of reasons, problems and measures (TAXONOMY.md §3, lexicons/themes.yaml).

`tag_themes("部分项目支付进度缓慢")` → {"BUDGET_EXECUTION": "支付进度缓慢"}: every theme whose
cue weights reach the threshold, with the cue that decided it as evidence.  Multi-label;
{"OTHER": ""} only when nothing fits.  A measure is tagged with the themes it answers,
which the same topic words name (加快支付进度 → 预算执行).

No segmentation is needed: cues are regular expressions over the text with white space
removed, compiled once per process; fuzzy phrases (rapidfuzz partial_ratio) catch close
paraphrases of typical wordings.  Results are cached per text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from assistant.extract.causes import read_cause
from assistant.lexicon import builtin, derived, lexicon_dir, LexiconError
from assistant.messages import say
from assistant.sieve import Sieved, sieved

OTHER = "OTHER"
_SPACE = re.compile(r"\s+")
_QUOTED = re.compile(r"“[^”]{0,40}”|「[^」]{0,40}」|《[^》]{0,40}》|\"[^\"]{0,40}\"")
_SENTENCE_END = re.compile(r"[。；;！？!?]|(?<=[\u4e00-\u9fff])\.")
# an example a statement gives of itself (「……不明确。如“XX经费”项目，年度目标为全区教师队伍
# 建设。」): the case's own words, not what the statement is about
_EXAMPLE = re.compile(r"(?:^|(?<=[。；;]))\s*(?:例如|比如|譬如|如(?=[“\"「：:，,某]))[^。]*。?")


def tag_themes(text: str, kind: str | None = None) -> dict[str, str]:
    """Theme code → the cue or phrase that decided it, strongest first.

    `kind` ("reason", "problem", "measure") lets cues restricted to some kinds apply (the
    lexicon's topic words mostly serve all three); None reads every cue.
    """
    return dict(_tag(_SPACE.sub("", text or ""), kind))


def theme_codes() -> list[str]:
    """Every theme code the lexicon defines, in lexicon order, OTHER last."""
    return [t.code for t in _lexicon().themes] + [OTHER]


def theme_names() -> dict[str, str]:
    """Theme code → its Chinese name (lexicons/themes.yaml)."""
    themes = (builtin("themes.yaml") or {}).get("themes") or {}
    return {code: (entry or {}).get("name", code) for code, entry in themes.items()}


# ---------------------------------------------------------------------------- helpers

@dataclass(frozen=True)
class _Theme:
    code: str
    cues: tuple[tuple[re.Pattern, float, frozenset | None], ...]    # pattern, weight, kinds
    phrases: tuple[str, ...]
    threshold: float
    any_cue: re.Pattern | Sieved | None = None  # matches where any cue does: themes with none are skipped


def _any_of(cues) -> re.Pattern | Sieved | None:
    """One pattern that matches wherever one of the cues matches (None: every cue must be
    tried, when they cannot be joined).  The cues are joined as they are written, not each
    in a group: a cue's own alternatives become alternatives of the whole, which re looks
    for only where their first character stands; behind a sieve of the words its every
    match holds (`assistant.sieve`), as cues opening with a look-behind have no such
    character."""
    try:
        return sieved(re.compile("|".join(rx.pattern for rx, _, _ in cues))) if cues else None
    except re.error:
        return None


@dataclass(frozen=True)
class _Lexicon:
    themes: tuple[_Theme, ...]
    phrase_weight: float
    phrase_cutoff: float
    phrase_min_chars: int
    phrase_owner: dict          # phrase → theme code
    body_weight: float          # cues after a statement's first sentence count this much


@derived(maxsize=1)
def _lexicon() -> _Lexicon:
    path = lexicon_dir() / "themes.yaml"
    data = builtin("themes.yaml")
    if not isinstance(data, dict) or not isinstance(data.get("themes"), dict):
        raise LexiconError(say(f"{path}：缺少顶层映射 'themes'；请照内置的 themes.yaml 补上",
                               f"{path}: missing top-level mapping 'themes'"))
    default_threshold = float(data.get("threshold", 1.0))
    weak_weight = float(data.get("weak_weight", 0.5))
    themes: list[_Theme] = []
    owner: dict[str, str] = {}
    for code, spec in data["themes"].items():
        spec = spec or {}
        cues = [_cue(path, code, c, 1.0) for c in spec.get("cues", [])]
        cues += [_cue(path, code, c, weak_weight) for c in spec.get("weak", [])]
        phrases = tuple(_SPACE.sub("", p) for p in spec.get("phrases", []))
        for p in phrases:
            owner.setdefault(p, code)
        themes.append(_Theme(code, tuple(cues), phrases, float(spec.get("threshold", default_threshold)),
                             _any_of(cues)))
    return _Lexicon(tuple(themes), float(data.get("phrase_weight", 1.0)),
                    float(data.get("phrase_cutoff", 90)), int(data.get("phrase_min_chars", 6)), owner,
                    float(data.get("body_weight", 1.0)))


def _cue(path, code: str, entry, weight: float) -> tuple[re.Pattern, float, frozenset | None]:
    kinds = None
    if isinstance(entry, dict):
        pattern, weight = entry.get("re", ""), float(entry.get("weight", weight))
        kinds = frozenset(entry["kinds"]) if entry.get("kinds") else None
    else:
        pattern = str(entry)
    try:
        return re.compile(pattern), weight, kinds
    except re.error as exc:
        raise LexiconError(say(f"{path}：主题 {code} 的线索 {pattern!r} 不是有效的正则表达式（{exc}）；请改正这一条",
                               f"{path}: theme {code}: bad cue {pattern!r}: {exc}")) from None


@derived(maxsize=16384)
def _tag(text: str, kind: str | None) -> tuple[tuple[str, str], ...]:
    lex = _lexicon()
    text = _QUOTED.sub("", _EXAMPLE.sub("", text))   # 《…管理办法》, “宣传培训”: names, not what is said
    if not text:
        return ((OTHER, ""),)
    # the first sentence says what a statement of several is about
    first = _SENTENCE_END.search(text)
    head = first.end() if first and len(text) - first.end() >= 6 else len(text)
    hits = []                           # (length, weight, start, end, code, cue, cue id)
    for theme in lex.themes:
        if theme.any_cue is not None and theme.any_cue.search(text) is None:
            continue                    # none of its cues is in the text (most themes)
        for n, (rx, weight, kinds) in enumerate(theme.cues):
            if kinds is not None and kind is not None and kind not in kinds:
                continue
            for m in rx.finditer(text):
                if m.end() > m.start():
                    w = weight if m.start() < head else weight * lex.body_weight
                    hits.append((m.end() - m.start(), w, m.start(), m.end(), theme.code, m.group(),
                                 (theme.code, n)))
    # overlapping hits keep only the longest: a long cue is the more specific reading
    hits.sort(key=lambda h: (-h[0], -h[1], h[2]))
    taken: list[tuple[int, int]] = []
    counted: set = set()                # a cue counts once however often it recurs
    score: dict[str, float] = {}
    evidence: dict[str, str] = {}
    for _, weight, start, end, code, cue, cue_id in hits:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        if cue_id in counted:
            continue
        counted.add(cue_id)
        score[code] = score.get(code, 0.0) + weight
        evidence.setdefault(code, cue)
    if len(text) >= lex.phrase_min_chars and lex.phrase_owner:
        for phrase, _ratio, _ in process.extract(text, list(lex.phrase_owner), scorer=fuzz.partial_ratio,
                                                score_cutoff=lex.phrase_cutoff, limit=None):
            code = lex.phrase_owner[phrase]
            score[code] = score.get(code, 0.0) + lex.phrase_weight
            evidence.setdefault(code, phrase)
    order = {t.code: i for i, t in enumerate(lex.themes)}
    chosen = [t for t in lex.themes if score.get(t.code, 0.0) >= t.threshold]
    chosen.sort(key=lambda t: (-score[t.code], order[t.code]))
    if not chosen:
        return _by_causes(text) if kind != "measure" else ((OTHER, ""),)
    return tuple((t.code, evidence[t.code]) for t in chosen)


def _by_causes(text: str) -> tuple[tuple[str, str], ...]:
    """Where no theme cue decides, the themes of the causes the statement names
    (lexicons/causes.yaml: 「项目尚在实施中」 is the work's progress, 「先施工后招标」
    irregular procurement), primary cause first; OTHER when it names none either, or only
    causes of no theme of their own (a finding made year after year, 屡审屡犯, is OTHER's
    beside nothing else)."""
    out: dict[str, str] = {}
    for found in read_cause(text).causes:
        out.setdefault(found.cause.theme, found.cue)
    return tuple((code, cue) for code, cue in out.items() if code != OTHER) \
        or tuple(out.items()) or ((OTHER, ""),)
