"""评价结论: score and grade, budget execution, and which indicators were met or missed.

The grade follows the score (lexicons/drafting.yaml `grades`: 90分及以上优, 80–90良, 60–80中,
below 60差); a printed 自评结论 that disagrees is pointed out.  Every figure is quoted as the
report prints it; nothing is computed into the text.
"""
from __future__ import annotations

from assistant.draft.sentences import (Paragraph, Provenance, Sentence, bare, drafting, drafting_pattern, list_names,
                                       render, rng_for, short_name)
from assistant.extract.checks import Finding, assess_indicator
from assistant.model import Project, Report


def grade_for(score: float) -> str:
    """优 / 良 / 中 / 差 for a total score."""
    for band in drafting("grades"):
        if score >= band["min"]:
            return band["grade"]
    return drafting("grades")[-1]["grade"]


def stated_conclusion(doc: str, text: str, seed: int = 0, avoid: set[str] | None = None) -> list[Sentence]:
    """The conclusion a report with no project read states of itself (drafting.yaml §
    stated_conclusion_re), quoted with its offsets; and a note where the score's grade band
    is not the grade it prints (`avoid`: sentences the draft already has)."""
    m = drafting_pattern("stated_conclusion_re").search(text)
    if m is None:
        return []
    rng = rng_for(seed, doc, "stated")
    out: list[Sentence] = []
    made = render("conclusion.stated", {"stated": bare(m.group("stated"))}, rng, avoid)
    if made:
        out.append(Sentence(made[0], Provenance(template=made[1], doc=doc, start=m.start("stated"), end=m.end())))
    grade, expected = m.group("grade"), grade_for(float(m.group("score")))
    # (合格/不合格 belong to another scale: nothing to compare)
    if grade[:1] in _BAND_INITIALS and grade[:1] != expected[:1]:
        made = render("conclusion.stated_grade_differs",
                      {"score": m.group("score"), "expected": expected, "grade": grade}, rng, avoid)
        if made:
            out.append(Sentence(made[0], Provenance(template=made[1], doc=doc,
                                                    start=m.start("grade"), end=m.end("grade"))))
    return out


_BAND_INITIALS = "优良中差"


def draft_conclusion(report: Report, findings: list[Finding], seed: int = 0,
                     avoid: set[str] | None = None) -> list[Paragraph]:
    """One paragraph of 评价结论 per project (`avoid`: sentences the draft already has)."""
    avoid = avoid if avoid is not None else set()
    return [_project(report, p, [f for f in findings if f.project == p.name], seed, avoid)
            for p in report.projects]


def _project(report: Report, p: Project, findings: list[Finding], seed: int, avoid: set[str]) -> Paragraph:
    rng = rng_for(seed, report.doc, p.name, "conclusion")
    out: list[Sentence] = []

    def add(key: str, slots: dict, ids: list[str] | None = None) -> bool:
        made = render(f"conclusion.{key}", {"project": short_name(p.name), **slots}, rng, avoid)
        if made:
            out.append(Sentence(made[0], Provenance(template=made[1], findings=ids or [], project=p.name)))
        return made is not None

    statuses = [(i, assess_indicator(i).status) for i in p.indicators]
    rate = p.budget.rate if p.budget is not None else None
    budget_ids = [f.id for f in findings if f.kind.startswith("BUDGET")]
    if p.total_score is None and p.indicators and all(s == "open" or not i.actual for i, s in statuses):
        add("targets_only", {"indicators": list_names([i.name for i in p.indicators])})
        return Paragraph(p.name, out)
    if p.total_score is not None:
        grade = grade_for(p.total_score)
        slots = {"score": p.total_score, "grade": grade, "rate": rate}
        if not add("score_rate", slots, budget_ids):
            add("score", slots)
        if p.grade and p.grade.strip() not in (grade, grade + "秀"):
            add("printed_grade", {"grade": p.grade.strip()})
        arithmetic = [f.id for f in findings if f.kind == "ARITHMETIC"]
        if arithmetic:                     # a score the form's own figures do not support
            add("caveat", {}, arithmetic)
    elif rate is not None:
        add("rate", {"rate": rate}, budget_ids)
    elif p.budget is not None and p.budget.executed is not None:
        add("amounts", {"adjusted": p.budget.adjusted if p.budget.adjusted is not None else p.budget.initial,
                        "executed": p.budget.executed, "unit": p.budget.unit}, budget_ids)
    missed = [bare(i.name) for i, s in statuses if s == "missed"]
    met = [bare(i.name) for i, s in statuses if s == "met"]
    vague = [bare(i.name) for i, s in statuses if s == "vague"]
    if missed:
        add("missed", {"missed": list_names(missed)}, [f.id for f in findings if f.kind == "TARGET_MISSED"])
    elif met:
        add("all_met", {"met": list_names(met)})
    deducted = [f for f in findings if f.kind == "SCORE_DEDUCTED" and bare(f.indicator) not in missed]
    if deducted:
        add("deducted", {"indicators": list_names([bare(f.indicator) for f in deducted])},
            [f.id for f in deducted])
    if vague:
        add("vague", {"indicators": list_names(vague)}, [f.id for f in findings if f.kind == "VAGUE_TARGET"])
    if not (missed or met or vague):
        reported = [bare(i.name) for i in p.indicators if i.actual and not i.target]
        if reported:
            add("actuals_only", {"indicators": list_names(reported)})
    if not out:         # named, but nothing to judge it by: said, not left for 「未识别到项目」
        add("no_figures", {})
    return Paragraph(p.name, out)
