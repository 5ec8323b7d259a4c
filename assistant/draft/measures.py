"""改进措施: measures for a problem, one move per theme, in 一是……；二是……；三是……。 form.

The moves and their phrasings are the measure bank in lexicons/measures.yaml (every theme of
TAXONOMY §3).  A seed picks the phrasings, so a draft is the same for the same seed, and
`n` alternatives differ from each other.  With a corpus, the measures earlier reports
paired with the most similar problems are added as cited precedents.
"""
from __future__ import annotations

import re
from decimal import Decimal

from assistant.draft.corpus import load_corpus
from assistant.draft.sentences import (Draft, Provenance, Sentence, drafting, fill, has_foreign_numbers,
                                       numbers_in, render, rng_for)
from assistant.extract.themes import tag_themes
from assistant.lexicon import builtin


def draft_measures(problem: str, themes: list[str] | None = None, project: str = "", seed: int = 0,
                   n: int = 1, corpus=None, *, figure: str = "", indicator: str = "",
                   exclude_doc: str = "", known_numbers: set[Decimal] | None = None,
                   avoid: set[str] | None = None) -> list[Draft]:
    """`n` alternative drafts of 改进措施 for `problem`, each covering every one of its themes.

    `themes` are TAXONOMY §3 codes; when None they are tagged from the text.  `figure` and
    `indicator` fill the slots of moves that name them (a figure is otherwise taken from the
    problem text).  Precedents are quoted only when every number they print is in the problem
    or in `known_numbers` (the numbers of the report the problem comes from).  `avoid` holds
    wording the surrounding draft already uses; moves are phrased differently where the bank
    allows.
    """
    codes = problem_themes(problem, themes)
    slots = {"project": project or drafting("slot_defaults.project"),
             "figure": figure or stated_figure(problem), "indicator": indicator}
    known = numbers_in(" ".join([problem, project, figure, indicator])) | (known_numbers or set())
    avoid = avoid if avoid is not None else set()
    precedents = _precedents(problem, project, load_corpus(corpus), exclude_doc, known, seed, avoid)
    retries = drafting("measures.retries")
    drafts: list[Draft] = []
    seen: set[str] = set()
    for alt in range(max(1, n)):
        for attempt in range(retries):
            sentences, clauses = _compose(codes, slots, rng_for(seed, problem, alt, attempt), avoid)
            draft = Draft(sentences, list(codes), list(precedents), seed, clauses)
            if draft.text not in seen:
                break
        seen.add(draft.text)
        drafts.append(draft)
    return drafts


def problem_themes(text: str, themes: list[str] | None = None) -> list[str]:
    """The theme codes of a problem: the given ones (checked), else tagged, else OTHER."""
    bank = _bank()
    if themes is None:
        themes = tag(text)
    codes: list[str] = []
    for code in themes:
        code = code.strip().upper()
        if code not in bank:
            raise ValueError(f"unknown theme {code!r}; known: {', '.join(bank)}")
        if code not in codes:
            codes.append(code)
    # OTHER stands in only when no real theme is known
    return [c for c in codes if c != "OTHER"] or ["OTHER"]


def tag(text: str) -> list[str]:
    """Themes of a text by `assistant.extract.themes.tag_themes`; [] for no text.  OTHER is
    left out: it only means that nothing fitted."""
    if not (text or "").strip():
        return []
    return [code for code in tag_themes(text) if code != "OTHER"]


def theme_codes() -> list[str]:
    """All theme codes the measure bank covers."""
    return list(_bank())


# -------------------------------------------------------------------------------- helpers
def _compose(codes: list[str], slots: dict, rng, avoid: set[str]) -> tuple[list[Sentence], list[str]]:
    bank, lex = _bank(), drafting("measures")
    plan = list(codes)
    for i in range(max(0, lex["min_items"] - len(codes))):    # more moves of the same themes
        plan.append(codes[i % len(codes)])
    clauses: list[tuple[str, str]] = []
    used: set[tuple[str, str]] = set()
    for code in plan:
        moves = [m for m in bank[code]["moves"] if (code, m["id"]) not in used]
        picked = _pick(moves, slots, rng, avoid, {t for t, _ in clauses})
        if picked:
            move, i, text = picked
            used.add((code, move["id"]))
            clauses.append((text, f"measures.{code}.{move['id']}.{i}"))
    ordinals = drafting("ordinals")
    out = []
    for k, (text, template) in enumerate(clauses):
        end = lex["last_end"] if k == len(clauses) - 1 else lex["clause_end"]
        out.append(Sentence(f"{ordinals[k]}{text}{end}", Provenance(template=template)))
    return out, [text for text, _ in clauses]


def _pick(moves: list[dict], slots: dict, rng, avoid: set[str], taken: set[str]):
    """A (move, variant index, text): wording not yet used in the draft when there is any."""
    options = []
    for move in rng.sample(moves, len(moves)):
        texts = [(i, fill(v, slots)) for i, v in enumerate(move["variants"])]
        texts = [(i, t) for i, t in texts if t and t not in taken]
        rng.shuffle(texts)
        options += [(move, i, t) for i, t in texts]
    fresh = [o for o in options if o[2] not in avoid]
    return (fresh or options or [None])[0]


def _precedents(problem: str, project: str, corpus, exclude_doc: str, known: set[Decimal],
                seed: int, avoid: set[str]) -> list[Sentence]:
    if corpus is None:
        return []
    out = []
    for match in corpus.precedents(problem, project, exclude_doc=exclude_doc):
        e = match.entry
        if has_foreign_numbers(e.text, known):
            continue
        quoted = e.text.rstrip("；;，,") + ("" if e.text.endswith(("。", "！")) else "。")
        made = render("precedent", {"reason": quoted}, rng_for(seed, "precedent", e.text))
        if made and made[0] not in avoid:
            out.append(Sentence(made[0], Provenance(template=made[1], doc=e.doc, project=e.project,
                                                    start=e.start, end=e.end, score=match.score)))
    return out


# a figure the problem states as a fact (执行率为79.44%), not a bar it missed (未达90%)
_FIGURE = re.compile(r"(?:为|是|仅|只有|达到了)\s*(\d+(?:\.\d+)?\s*(?:%|‰|万元|亿元|元))")


def stated_figure(text: str) -> str:
    """The first figure a text states as a fact (「执行率为79.44%」 → 79.44%), or ""."""
    m = _FIGURE.search(text or "")
    return m.group(1).replace(" ", "") if m else ""


def _bank() -> dict:
    return builtin("measures.yaml")["themes"]
