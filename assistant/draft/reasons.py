"""未完成原因分析: for each shortfall, the figures as printed, the reason the report gives,
and candidate causes from what earlier reports said about similar indicators.

Shortfalls are budgets executed below 100% and indicators that missed their target or lost
points.  Candidates come from the corpus (`assistant.draft.corpus`), each citing its
document and project, and are quoted only when every number they print is in this report.
"""
from __future__ import annotations

from decimal import Decimal

from assistant.draft.causes import within_materiality
from assistant.draft.corpus import is_reason
from assistant.draft.sentences import (Paragraph, Provenance, Sentence, as_printed, bare, drafting,
                                       has_foreign_numbers, render, rng_for, short_name)
from assistant.extract.checks import Finding
from assistant.model import Budget, Indicator, Project, Report

SHORTFALL_KINDS = ("BUDGET_BELOW_100", "BUDGET_BELOW_90", "TARGET_MISSED", "SCORE_DEDUCTED")


def draft_reasons(report: Report, findings: list[Finding], corpus=None, seed: int = 0,
                  known: set[Decimal] | None = None, avoid: set[str] | None = None) -> dict[str, list[Paragraph]]:
    """Paragraphs of 未完成原因分析 per project name, one per shortfall.

    `known`: the numbers of the report (a candidate printing another is left out);
    `avoid`: the sentences the draft already has (a candidate is cited once).
    """
    known = known or set()
    avoid = avoid if avoid is not None else set()
    out: dict[str, list[Paragraph]] = {}
    for p in report.projects:
        mine = [f for f in findings if f.project == p.name and f.kind in SHORTFALL_KINDS]
        if not mine:
            continue
        rng = rng_for(seed, report.doc, p.name, "reasons")
        paragraphs = []
        budget = [f for f in mine if f.kind.startswith("BUDGET")]
        # a deviation within materiality (98.74% executed, half a point deducted) is no
        # shortfall to analyse: it has a paragraph only where the report explains it
        stated = _budget_reasons(report, p) if budget else []
        if budget and (not all(within_materiality(f) for f in budget) or any(is_reason(t) for t, _, _ in stated)):
            paragraphs.append(_budget_paragraph(report, p, budget, stated, corpus, rng, known, avoid))
        rows: dict[str, list[Finding]] = {}
        for f in mine:
            if not f.kind.startswith("BUDGET"):
                rows.setdefault(f.indicator, []).append(f)
        for name, group in rows.items():
            ind = next((i for i in p.indicators if i.name == name), Indicator(name=name))
            if all(within_materiality(f) for f in group) and not is_reason(ind.reason):
                continue
            paragraphs.append(_indicator_paragraph(report, p, ind, group, corpus, rng, known, avoid))
        if paragraphs:
            out[p.name] = paragraphs
    return out or _reasons_in_text(report, avoid)


def _reasons_in_text(report: Report, avoid: set[str]) -> dict[str, list[Paragraph]]:
    """Where no shortfall of a form has a paragraph: the reasons the report states in its
    text (a narrative report: 「原因：一是……；二是……」), quoted with their source, so that
    未完成原因分析 never says the report gives none when it does."""
    out: dict[str, list[Paragraph]] = {}
    for s in report.statements:
        text = _sentence(s.text)
        if s.kind != "reason" or text == "。" or text in avoid:
            continue
        avoid.add(text)
        paras = out.setdefault(s.project, [Paragraph(drafting("reasons_stated"), [], "list")])
        paras[0].sentences.append(Sentence(text, Provenance(doc=report.doc, project=s.project,
                                                            start=s.start, end=s.end)))
    return out


def _budget_reasons(report: Report, p: Project) -> list[tuple[str, int | None, int | None]]:
    """What the report says of why a project's budget was not all spent: its 原因 cell and
    the reason statements about budget execution attributed to it."""
    b = p.budget if p.budget is not None else Budget()
    stated = [(b.reason, b.reason_start, b.reason_end)] if b.reason.strip() else []
    stated += [(s.text, s.start, s.end) for s in report.statements
               if s.kind == "reason" and s.project == p.name and "BUDGET_EXECUTION" in s.themes]
    return stated


# -------------------------------------------------------------------------------- helpers
def _budget_paragraph(report: Report, p: Project, group: list[Finding],
                      stated: list[tuple[str, int | None, int | None]], corpus, rng,
                      known: set[Decimal], avoid: set[str]) -> Paragraph:
    b = p.budget if p.budget is not None else Budget()      # budget findings come with a budget
    ids = [f.id for f in group]
    out: list[Sentence] = []
    slots = {"project": short_name(p.name), "rate": b.rate, "adjusted": b.adjusted,
             "executed": b.executed, "unit": b.unit}
    made = render("reasons.budget", slots, rng, avoid) or render("reasons.budget_rate_only", slots, rng, avoid)
    if made:
        out.append(Sentence(made[0], Provenance(template=made[1], findings=ids, project=p.name,
                                                start=group[0].start, end=group[0].end)))
    subject = f"{short_name(p.name)}预算执行"
    out += _stated(report, p, subject, stated, rng, avoid)
    if corpus is not None:
        matches = corpus.budget_reasons_for(p.name, exclude_doc=report.doc)
        out += _candidates(matches, subject, [t for t, _, _ in stated], rng, known, avoid)
    return Paragraph("预算执行", out)


def _indicator_paragraph(report: Report, p: Project, ind: Indicator, group: list[Finding], corpus,
                         rng, known: set[Decimal], avoid: set[str]) -> Paragraph:
    ids = [f.id for f in group]
    kinds = {f.kind for f in group}
    out: list[Sentence] = []
    subject = f"{short_name(p.name)}「{bare(ind.name)}」"
    slots = {"subject": subject, "target": as_printed(ind.target), "actual": as_printed(ind.actual),
             "weight": ind.weight, "score": ind.score}
    keys = ["reasons.indicator_full", "reasons.indicator_score"] if "SCORE_DEDUCTED" in kinds \
        else ["reasons.indicator"]
    made = next((m for m in (render(k, slots, rng, avoid) for k in keys) if m), None)
    if made:
        out.append(Sentence(made[0], Provenance(template=made[1], findings=ids, project=p.name,
                                                start=group[0].start, end=group[0].end)))
    stated = [(ind.reason, ind.reason_start, ind.reason_end)] if ind.reason.strip() else []
    # (a target met and points taken off all the same: the report owes why they were taken)
    missing = "reasons.missing_deduction" if kinds == {"SCORE_DEDUCTED"} else "reasons.missing"
    out += _stated(report, p, subject, stated, rng, avoid, missing)
    if corpus is not None:
        matches = corpus.similar_reasons(ind.name, exclude_doc=report.doc)
        out += _candidates(matches, subject, [t for t, _, _ in stated], rng, known, avoid)
    return Paragraph(f"「{bare(ind.name)}」", out)


def _stated(report: Report, p: Project, subject: str, stated: list[tuple[str, int | None, int | None]],
            rng, avoid: set[str], missing: str = "reasons.missing") -> list[Sentence]:
    if not stated:
        made = render(missing, {"subject": subject}, rng, avoid)
        return [Sentence(made[0], Provenance(template=made[1], project=p.name))] if made else []
    stated = [(t, a, b) for t, a, b in stated if is_reason(t)]    # 「预算执行率94.84%」 is a figure, no reason
    if not stated:
        made = render(missing, {"subject": subject}, rng, avoid)
        return [Sentence(made[0], Provenance(template=made[1], project=p.name))] if made else []
    out, seen = [], set()
    for text, start, end in _finest(stated):
        if _sentence(text) in seen:
            continue
        seen.add(_sentence(text))
        made = render("reasons.stated", {"subject": subject, "reason": _sentence(text)}, rng, avoid)
        if made:
            out.append(Sentence(made[0], Provenance(template=made[1], doc=report.doc, project=p.name,
                                                    start=start, end=end)))
    return out


def _finest(stated: list[tuple[str, int | None, int | None]]) -> list[tuple[str, int | None, int | None]]:
    """The stated reasons without those that hold another one: a 原因 cell split into its
    points is quoted point by point, not once whole and again in parts."""
    spans = [(s, e) for _, s, e in stated if s is not None and e is not None]
    return [item for item in stated
            if item[1] is None or item[2] is None
            or not any(item[1] <= s and e <= item[2] and (s, e) != (item[1], item[2]) for s, e in spans)]


def _candidates(matches, subject: str, stated: list[str], rng, known: set[Decimal],
                avoid: set[str]) -> list[Sentence]:
    own = {_sentence(t) for t in stated}
    out = []
    for m in matches:
        e = m.entry
        quoted = _sentence(e.text)
        if quoted in own or quoted in avoid or has_foreign_numbers(e.text, known):
            continue
        made = render("reasons.candidate", {"subject": subject, "reason": quoted}, rng, avoid)
        if made:
            avoid.add(quoted)
            out.append(Sentence(made[0], Provenance(template=made[1], doc=e.doc, project=e.project,
                                                    start=e.start, end=e.end, score=m.score)))
    return out


def _sentence(text: str) -> str:
    text = " ".join(text.split()).rstrip("；;，,")
    return text + ("" if text.endswith(("。", "！", "？")) else "。")
