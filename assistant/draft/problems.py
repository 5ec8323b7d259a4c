"""存在问题: the report's findings and its own admitted problems, merged and de-duplicated.

Findings become sentences through the templates of lexicons/drafting.yaml (`problems`),
grouped so that one indicator or one kind says its piece once; problem statements the
extractor found are quoted verbatim with their offsets.  Two items about the same thing
(rapidfuzz `token_set_ratio` on jieba words, or the same printed figure under the same
theme) are kept once — the author's own words first — carrying both provenances.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from assistant.draft.measures import problem_themes, stated_figure, tag
from assistant.draft.sentences import (Provenance, Sentence, as_printed, bare, drafting, fmt_number, list_names,
                                       render, rng_for, short_name, words)
from assistant.extract.checks import Finding
from assistant.model import Report


@dataclass
class Problem:
    """One item of 存在问题, with what 改进措施 needs to answer it."""

    project: str
    sentence: Sentence
    themes: list[str] = field(default_factory=list)
    indicator: str = ""
    figure: str = ""
    quoted: bool = False            # the author's own words (a problem statement)
    reasons: list[str] = field(default_factory=list)   # the table's 未完成原因 cells it rests on

    @property
    def text(self) -> str:
        return self.sentence.text


def draft_problems(report: Report, findings: list[Finding], seed: int = 0,
                   avoid: set[str] | None = None) -> list[Problem]:
    """存在问题 of every project (and of the department, project ""), in report order.

    `avoid` collects the sentences of the whole draft: a problem the report admits word for
    word for several projects is quoted once and referred to after that.
    """
    avoid = avoid if avoid is not None else set()
    order = [p.name for p in report.projects]
    order += [s.project for s in report.statements if s.project not in order]
    out: list[Problem] = []
    first: dict[str, str] = {}              # quoted text → the project it was first quoted for
    for project in dict.fromkeys(order):
        rng = rng_for(seed, report.doc, project, "problems")
        items = _from_findings(report, project, [f for f in findings if f.project == project], rng, avoid)
        items += _from_statements(report, project)
        for item in _merge(items):
            if item.quoted and item.text in first:
                made = render("problems.same_as", {"project": short_name(project) or drafting("department"),
                                                   "other": short_name(first[item.text]) or drafting("department")},
                              rng, avoid)
                if made:
                    item.sentence = Sentence(made[0], Provenance(
                        template=made[1], findings=item.sentence.provenance.findings, doc=report.doc,
                        project=project, start=item.sentence.provenance.start,
                        end=item.sentence.provenance.end))
            elif item.quoted:
                first[item.text] = project
                avoid.add(item.text)
            out.append(item)
    return out


# -------------------------------------------------------------------------------- helpers
def _from_findings(report: Report, project: str, findings: list[Finding], rng,
                   avoid: set[str]) -> list[Problem]:
    name = short_name(project)
    out: list[Problem] = []

    def add(key: str, slots: dict, group: list[Finding], themes: list[str], indicator: str = "",
            figure: str = "", shortfall: bool = False) -> None:
        made = render(f"problems.{key}", {"project": name, **slots}, rng, avoid)
        if made is None:
            return
        prov = Provenance(template=made[1], findings=[f.id for f in group], project=project,
                          start=group[0].start, end=group[0].end)
        # the 未完成原因 cells explain a shortfall, not a vague target or a missing family
        reasons = list(dict.fromkeys(r for f in group if (r := str(f.figures.get("reason") or "").strip()))) \
            if shortfall else []
        out.append(Problem(project, Sentence(made[0], prov), _ordered(themes), indicator, figure,
                           reasons=reasons))

    by_kind: dict[str, list[Finding]] = {}
    for f in findings:
        by_kind.setdefault(f.kind, []).append(f)
    for f in by_kind.get("BUDGET_BELOW_90", []) + by_kind.get("BUDGET_BELOW_100", []):
        printed = not f.figures.get("rate_computed")
        rate = f.figures.get("rate") if printed else None
        key: str = f.kind if printed else "BUDGET_NO_RATE"     # drafting.yaml § problems
        add(key, {"rate": rate}, [f], f.themes + tag(f.figures.get("reason", "")),
            figure=f"{fmt_number(rate)}%" if printed else "", shortfall=True)
    per_indicator: dict[str, list[Finding]] = {}
    for f in by_kind.get("TARGET_MISSED", []) + by_kind.get("SCORE_DEDUCTED", []):
        per_indicator.setdefault(f.indicator, []).append(f)
    for indicator, group in sorted(per_indicator.items(), key=lambda kv: _fid(kv[1][0])):
        group.sort(key=_fid)
        kinds = {f.kind for f in group}
        key = "TARGET_AND_SCORE" if len(kinds) == 2 else str(group[0].kind)
        fig = dict(group[0].figures, target=as_printed(group[0].figures.get("target")),
                   actual=as_printed(group[0].figures.get("actual")))
        # the reason the table gives says more about the theme than the kind of shortfall
        themes = tag(fig.get("reason", "")) or [t for f in group for t in f.themes]
        add(key, {**fig, "indicator": bare(indicator)}, group, themes, bare(indicator), shortfall=True)
    vague = by_kind.get("VAGUE_TARGET", [])
    if vague:
        add("VAGUE_TARGET", {"indicators": list_names([bare(f.indicator) for f in vague])}, vague,
            vague[0].themes)
    for f in by_kind.get("MISSING_FAMILY", []):
        add("MISSING_FAMILY", {"family": f.figures.get("family")}, [f], f.themes)
    arithmetic = by_kind.get("ARITHMETIC", [])
    if arithmetic:
        add("ARITHMETIC", {}, arithmetic, arithmetic[0].themes)
    return out


def _from_statements(report: Report, project: str) -> list[Problem]:
    """The problems a report states, each with the reasons stated right after it and before
    the next problem or measure (「存在的问题：……。原因：一是……；二是……」): the causes its
    measures answer first."""
    out: list[Problem] = []
    current: Problem | None = None
    for s in sorted(report.statements, key=lambda x: (x.start if x.start is not None else -1)):
        if s.project != project or not s.text.strip():
            continue
        if s.kind == "reason" and current is not None:
            current.reasons.append(s.text.strip())
            continue
        current = None
        if s.kind != "problem":
            continue
        text = s.text.strip()
        text += "" if text.endswith(("。", "！", "？")) else "。"
        prov = Provenance(doc=report.doc, project=project, start=s.start, end=s.end)
        themes = problem_themes(s.text, s.themes or None)
        current = Problem(project, Sentence(text, prov), themes, figure=stated_figure(s.text), quoted=True)
        out.append(current)
    return out


def _merge(items: list[Problem]) -> list[Problem]:
    """Keep one item per problem; a quoted statement replaces a templated finding it repeats."""
    kept: list[Problem] = []
    for item in sorted(items, key=lambda p: not p.quoted):
        twin = next((k for k in kept if _same(k, item)), None)
        if twin is None:
            kept.append(item)
            continue
        twin.themes = _ordered(twin.themes + item.themes)
        twin.sentence.provenance.findings = list(dict.fromkeys(
            twin.sentence.provenance.findings + item.sentence.provenance.findings))
        twin.indicator = twin.indicator or item.indicator
        twin.figure = twin.figure or item.figure
    # findings first in their own order, then the author's statements, as the text runs
    return sorted(kept, key=lambda p: (p.quoted, _position(p)))


def _same(a: Problem, b: Problem) -> bool:
    if not (a.quoted or b.quoted):          # findings are grouped already; never merge two
        return False
    if a.indicator and b.indicator and a.indicator != b.indicator:
        return False
    sim = drafting("similarity")
    ta, tb = a.text, b.text
    if ta == tb:
        return True
    shorter, longer = sorted((len(ta), len(tb)))
    if shorter / max(longer, 1) >= sim["dedup_min_length_ratio"] and \
            fuzz.token_set_ratio(words(ta), words(tb)) >= sim["dedup_cutoff"]:
        return True
    shared = set(_DECIMAL.findall(ta)) & set(_DECIMAL.findall(tb))
    return bool(shared and set(a.themes) & set(b.themes))


def _position(p: Problem) -> tuple[int, int]:
    prov = p.sentence.provenance
    if prov.findings:
        return 0, min(int(f[1:]) for f in prov.findings)
    return 1, prov.start or 0


def _fid(f: Finding) -> int:
    return int(f.id[1:]) if f.id[1:].isdigit() else 0


def _ordered(themes: list[str]) -> list[str]:
    return list(dict.fromkeys(t for t in themes if t))


_DECIMAL = re.compile(r"\d+\.\d+")
