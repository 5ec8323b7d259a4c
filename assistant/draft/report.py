"""The narrative sections of a report, drafted together: 一、评价结论 二、主要问题及原因
三、未完成原因分析 四、改进建议 — as Markdown or as a Word document (python-docx).

主要问题及原因 groups the problems of all projects by their primary cause (3–6 groups, each
quoting its problems with their evidence and saying the cause once); 改进建议 answers each
group under the same heading, cause first.

The title names the unit and the year; an appendix defines every 〔F…〕 marker; statements
that are no shortcoming (within checks.yaml § materiality) are not listed as problems; a
figure is never quoted as a reason; sentences holding a phone number or a contact person
never reach the draft.

`draft_report(report, text)` runs the checks, drafts each section and keeps every sentence's
provenance; `DraftReport.audit()` re-checks the promises of `audit_sentences` against the
report's own numbers.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from assistant.draft.conclusion import draft_conclusion, stated_conclusion
from assistant.draft.corpus import load_corpus
from assistant.draft.measures import draft_measures
from assistant.draft.polish import Endpoint
from assistant.draft.problems import Problem, draft_problems
from assistant.draft.reasons import draft_reasons
from assistant.draft.sentences import (Paragraph, Provenance, Sentence, audit_sentences, drafting, fmt_number,
                                       list_names, numbers_in, render, rng_for, short_name)
from assistant.extract.checks import Finding, find_issues
from assistant.extract.metadata import document_unit
from assistant.lexicon import Lexicons, builtin, install
from assistant.model import Report
from assistant.textsafe import printable

SECTION_KEYS = ("conclusion", "problems", "reasons", "measures")   # 评价结论 first (财预〔2020〕10号 outline)


@dataclass
class Section:
    key: str                                    # problems / reasons / measures / conclusion
    title: str                                  # 存在问题 …
    number: str                                 # 一、…
    groups: list[tuple[str | None, list[Paragraph]]] = field(default_factory=list)   # (project, paragraphs)

    def sentences(self) -> list[Sentence]:
        return [s for _, paras in self.groups for para in paras for s in para.sentences]


@dataclass
class DraftReport:
    doc: str
    sections: list[Section]
    findings: list[Finding] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)    # texts whose numbers a draft may cite
    seed: int = 0
    title: str = ""
    notes: list[str] = field(default_factory=list)      # what polishing left as drafted (--polish)

    def cited_findings(self) -> list[Finding]:
        """The findings a 〔F…〕 marker of the draft names, in their order."""
        ids = {i for s in self.sentences() for i in s.provenance.findings}
        return [f for f in self.findings if f.id in ids]

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def sentences(self) -> list[Sentence]:
        return [s for sec in self.sections for s in sec.sentences()]

    def audit(self) -> list[str]:
        """Repeated sentences, unfilled slots and foreign numbers (empty when all is well)."""
        return audit_sentences(self.sentences(), self.sources)

    def to_markdown(self, sources: bool = True) -> str:
        """Markdown with 一、二、三、四、 headings; `sources` adds a 〔citation〕 after cited sentences."""
        lines = [f"# {self.title or _title(self.doc)}", ""]
        for sec in self.sections:
            lines += [f"## {sec.number}{sec.title}", ""]
            for g, (project, paras) in enumerate(sec.groups):
                if project is not None:
                    lines += [f"### {_sub(g)}{_heading(project)}", ""]
                for para in paras:
                    lines += _markdown_paragraph(para, sources) + [""]
        cited = self.cited_findings() if sources else []
        if cited:
            lines += [f"## {drafting('findings_appendix')}", ""]
            lines += [f"- 〔{f.id}〕{f.message}" for f in cited] + [""]
        # quoted report text is data: no escape or control character reaches a file or a terminal
        return printable("\n".join(lines).rstrip() + "\n")

    def to_docx(self, path: str | Path, sources: bool = True) -> Path:
        """Write a Word document (headings 一、二、三、四、) and return its path."""
        return write_docx([self], path, sources)

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "seed": self.seed,
                "findings": [f.to_dict() for f in self.findings],
                "sections": [{"key": s.key, "title": s.title, "number": s.number,
                              "groups": [{"project": project, "paragraphs": [
                                  {"heading": p.heading, "style": p.style,
                                   "sentences": [x.to_dict() for x in p.sentences]} for p in paras]}
                                  for project, paras in s.groups]}
                             for s in self.sections]}


def draft_report(report: Report, text: str, corpus=None, seed: int = 0, polish: Endpoint | None = None,
                 lexicons: Lexicons | None = None) -> DraftReport:
    """Draft 存在问题, 未完成原因分析, 改进措施 and 评价结论 for one extracted report; with
    `polish` (draft/polish.py) the suggestions' points may be reworded by the analyst's model;
    `lexicons` are the process's from then on (`assistant.lexicon.install`)."""
    if lexicons is not None:
        install(lexicons)
    corpus = load_corpus(corpus)
    findings = report.findings or find_issues(report, text)
    sources = [text or "", _report_strings(report)]
    known: set[Decimal] = set()
    for source in sources:
        known |= numbers_in(source)
    seen: set[str] = set()      # every sentence so far: the draft says each thing once
    notes: list[str] = []
    problems = [p for p in draft_problems(report, findings, seed, seen)
                if _is_shortcoming(p, findings) and not _PRIVATE.search(p.text)]
    reasons = draft_reasons(report, findings, corpus, seed, known, seen)
    numbers, titles = drafting("section_numbers"), drafting("sections")
    sections = [Section(key, titles[key], numbers[i]) for i, key in enumerate(SECTION_KEYS)]
    by_key = {s.key: s for s in sections}
    # 主要问题及原因 across projects, by cause; 建议 numbered one-to-one with them
    rng = rng_for(seed, report.doc, "across")
    for k, (title, cause, items) in enumerate(_synthesise(problems)):
        heading = f"{_sub(k)}{title}"
        body = _across(items, findings, rng, seen)
        said = _cause_sentence(title, cause, items, seen)
        if said is not None:
            body.append(said)
        by_key["problems"].groups.append((None, [Paragraph(heading, body, "list")]))
        projects = list(dict.fromkeys(i.project for i in items))
        slot = projects[0] if len(projects) == 1 else drafting("slot_defaults.projects")
        measures = _measures(report, slot, items, corpus, seed, known, seen, polish, notes)
        for para in measures:
            para.heading = heading
        by_key["measures"].groups.append((None, measures))
    for project, paras in reasons.items():
        by_key["reasons"].groups.append((project, paras))
    for para in draft_conclusion(report, findings, seed, seen):
        if para.sentences:
            by_key["conclusion"].groups.append((para.heading, [Paragraph("", para.sentences)]))
    if not report.projects:
        stated = stated_conclusion(report.doc, text or "", seed, seen)
        if stated:
            by_key["conclusion"].groups.append((None, [Paragraph("", stated)]))
    for sec in sections:
        for _, paras in sec.groups:
            for para in paras:
                para.sentences = [x for x in para.sentences if not _PRIVATE.search(x.text)]
        if not any(para.sentences for _, paras in sec.groups for para in paras):
            key = "reasons_unstated" if sec.key == "reasons" and problems else sec.key
            made = drafting(f"empty.{key}")
            sec.groups = [(None, [Paragraph("", [Sentence(made, Provenance(template=f"drafting.empty.{key}"))])])]
    return DraftReport(report.doc, sections, findings, sources, seed, _report_title(report, text), notes)


def write_docx(drafts: list[DraftReport], path: str | Path, sources: bool = True) -> Path:
    """One Word document holding the drafts of one or more reports, one title each."""
    import docx

    document = docx.Document()
    _official_style(document)
    for d in drafts:
        document.add_heading(printable(d.title or _title(d.doc)), level=0)
        for sec in d.sections:
            document.add_heading(f"{sec.number}{sec.title}", level=1)
            for g, (project, paras) in enumerate(sec.groups):
                if project is not None:
                    document.add_heading(printable(f"{_sub(g)}{_heading(project)}"), level=2)
                for para in paras:
                    _docx_paragraph(document, para, sources)
        cited = d.cited_findings() if sources else []
        if cited:
            document.add_heading(drafting("findings_appendix"), level=1)
            for f in cited:
                document.add_paragraph(printable(f"〔{f.id}〕{f.message}"))
    path = Path(path)
    document.save(str(path))
    return path


def _official_style(document) -> None:
    """GB/T 9704 conventions: A4, margins 37/35/28/26 mm, body 仿宋 三号 (16 pt), headings 黑体."""
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)

    def font(style, name: str, size: float) -> None:
        style.font.name = name
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        rpr = style.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(rfonts)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
            rfonts.set(qn(attr), name)

    styles = document.styles
    font(styles["Normal"], "仿宋", 16)
    font(styles["Title"], "方正小标宋简体", 22)
    font(styles["Heading 1"], "黑体", 16)
    font(styles["Heading 2"], "楷体", 16)


# -------------------------------------------------------------------------------- helpers
def _measures(report: Report, project: str, items: list[Problem], corpus, seed: int,
              known: set[Decimal], seen: set[str], polish: Endpoint | None = None,
              notes: list[str] | None = None) -> list[Paragraph]:
    themes = list(dict.fromkeys(t for i in items for t in i.themes)) or None
    if len({i.project for i in items}) > 1:
        # points for several projects: the problem as it stands without the name of the
        # first (「针对绩效指标设置不够细化量化的问题」, not 「针对A绩效指标……」)
        problem = "".join(_without_project(i.text, i.project) for i in items)
    else:
        problem = "".join(i.text for i in items)
    figure = next((i.figure for i in items if i.figure), "")
    # the indicator is the problem's subject only when every statement answered is about it
    named = {i.indicator for i in items}
    indicator = named.pop() if len(named) == 1 else ""
    draft = draft_measures(problem, themes=themes, project=short_name(project), seed=seed, n=1,
                           corpus=corpus, figure=figure, indicator=indicator,
                           exclude_doc=report.doc, known_numbers=known, avoid=seen, polish=polish,
                           reasons=list(dict.fromkeys(r for i in items for r in i.reasons)))[0]
    if notes is not None:
        notes.extend(f"{short_name(project)}：{n}" for n in draft.notes)
    seen.update(draft.clauses)
    seen.update(s.text for s in draft.sentences + draft.precedents)
    for s in draft.sentences:              # a clause answers the problems of its theme
        if not s.provenance.template.startswith("measures."):
            continue                       # a precedent keeps the project it came from
        code = s.provenance.template.split(".")[1]
        s.provenance.project = project
        # the problems of its theme; a move answering the group's cause (grouped by it) none
        # of them is tagged with: the whole group's
        answered = [i for i in items if code in i.themes] or items
        s.provenance.findings = list(dict.fromkeys(f for i in answered for f in i.sentence.provenance.findings))
    return [Paragraph("", draft.sentences)]    # a precedent is blended into the points


def _without_project(text: str, project: str) -> str:
    name = short_name(project)
    return re.sub(rf"^{re.escape(name)}的?", "", text) if name else text


MAX_PROBLEMS = 6      # 主要问题: three to six, as evaluators write them


def _synthesise(problems: list[Problem]) -> list[tuple[str, Any, list[Problem]]]:
    """The problems of all projects grouped by the primary cause they state (lexicons/causes.yaml),
    else by their first theme: (title, cause or None, problems), the most shared first, at
    most MAX_PROBLEMS (the rest joined to the last as 其他方面)."""
    from assistant.draft.causes import read_cause

    bank = builtin("measures.yaml")["themes"]
    groups: dict[str, tuple[str, Any, list[Problem]]] = {}
    for p in problems:
        primary = read_cause(p.text).primary
        # a cause the text only restates (「指标不够细化量化」 is the problem, not why) would
        # say 「主要原因是指标不细化不量化」: group by cause only where the text gives one
        # (由于…, …导致…) or the table's 未完成原因 cells do (that column states causes)
        if primary is not None and not primary.marked:
            primary = None
        if primary is None and p.reasons:
            given = read_cause("；".join(p.reasons)).primary
            # a root cause only: 「主要原因是实施进度滞后」 would restate the shortfall
            primary = given if given is not None and not given.cause.no_measure and not given.cause.effect else None
        if primary is not None:
            key, title, cause = primary.cause.code, primary.cause.label, primary.cause
        else:
            theme = next((t for t in p.themes if t in bank and t != "OTHER"), "OTHER")
            key, title, cause = theme, f"{bank[theme]['label']}方面" if theme != "OTHER" else "其他方面", None
        groups.setdefault(key, (title, cause, []))[2].append(p)
    order = sorted(groups.values(), key=lambda g: -len({i.project for i in g[2]}))
    if len(order) > MAX_PROBLEMS:
        rest = [i for g in order[MAX_PROBLEMS - 1:] for i in g[2]]
        order = order[:MAX_PROBLEMS - 1] + [("其他方面", None, rest)]
    return order


ACROSS_MIN = 3          # projects with the same finding before it is said once for all


def _across(items: list[Problem], findings: list[Finding], rng, seen: set[str]) -> list[Sentence]:
    """The sentences of one group of 主要问题: a finding of the same kind in ACROSS_MIN
    projects or more (vague targets, scores that do not add up, execution under 90%) said
    once for all of them (drafting.yaml § problems.across), in the place of the first; the
    other items as they are."""
    kinds: dict[str, list[Problem]] = {}
    for item in items:
        template = item.sentence.provenance.template.split(".")
        if len(template) == 4 and template[:2] == ["drafting", "problems"] and not item.quoted:
            kinds.setdefault(template[2], []).append(item)
    by_id = {f.id: f for f in findings}
    merged: dict[int, Sentence | None] = {}         # id of an item → its replacement (None: dropped)
    for kind, same in kinds.items():
        projects = list(dict.fromkeys(i.project for i in same))
        if len(projects) < ACROSS_MIN or kind not in drafting("problems.across"):
            continue
        ids = list(dict.fromkeys(f for i in same for f in i.sentence.provenance.findings))
        cited = [by_id[f] for f in ids if f in by_id]
        names = [short_name(p) for p in projects]
        rates = [f"{_rate(f)}%" for p in projects[:3] for f in cited if f.project == p and _rate(f)][:3]
        if kind.startswith("BUDGET") and len(rates) != min(3, len(projects)):
            continue                # 「分别为」 needs a rate for every project it names
        slots = {"projects": "、".join(names[:3]) + ("等项目" if len(names) > 3 else ""),
                 "examples": list_names([f.indicator for f in cited if f.indicator]),
                 "rates": "、".join(rates) + ("等" if len(names) > 3 else "")}
        made = render(f"problems.across.{kind}", slots, rng, seen)
        if made is None:
            continue
        merged[id(same[0])] = Sentence(made[0], Provenance(template=made[1], findings=ids))
        merged.update((id(i), None) for i in same[1:])
    return [s for i in items if (s := merged.get(id(i), i.sentence)) is not None]


def _rate(f: Finding) -> str:
    rate = f.figures.get("rate")
    return fmt_number(rate) if rate is not None else ""


def _cause_sentence(title: str, cause, items: list[Problem], seen: set[str]) -> Sentence | None:
    """「上述问题涉及A、B等2个项目，主要原因是……」: the group's cause, said once."""
    if cause is None:
        return None
    projects = [short_name(p) or drafting("department") for p in dict.fromkeys(i.project for i in items)]
    where = "、".join(projects[:3]) + ("等项目" if len(projects) > 3 else "")   # no count: every digit comes from the report
    text = drafting("problems_cause").format(projects=where, cause=cause.label)
    if text in seen:
        return None
    seen.add(text)
    return Sentence(text, Provenance(template="drafting.problems_cause",
                                     findings=list(dict.fromkeys(f for i in items for f in i.sentence.provenance.findings))))


def _by_project(problems: list[Problem]) -> dict[str, list[Problem]]:
    out: dict[str, list[Problem]] = {}
    for p in problems:
        out.setdefault(p.project, []).append(p)
    return out


def _report_strings(report: Report) -> str:
    """Every printed value of the report as one text (a JSONL input has no source text)."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key not in ("start", "end", "name_start", "name_end", "reason_start", "reason_end",
                               "confidence", "sha256", "path"):
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, float | int) and not isinstance(node, bool):
            parts.append(repr(float(node)))
        elif isinstance(node, str):
            parts.append(node)

    walk(report.to_dict())
    return "\n".join(parts)


def _markdown_paragraph(para: Paragraph, sources: bool) -> list[str]:
    def cite(s: Sentence) -> str:
        label = s.provenance.label() if sources else ""
        return f"{s.text}〔{label}〕" if label and (s.provenance.findings or s.provenance.doc) else s.text

    if para.style == "list":
        head = [f"**{para.heading}**", ""] if para.heading else []
        return head + [f"{n}. {cite(s)}" for n, s in enumerate(para.sentences, 1)]
    body = "".join(cite(s) for s in para.sentences)
    return [f"**{para.heading}**：{body}" if para.heading else body]


def _docx_paragraph(document, para: Paragraph, sources: bool) -> None:
    from docx.shared import Pt, RGBColor

    def add(out, s: Sentence) -> None:
        out.add_run(printable(s.text))
        label = s.provenance.label() if sources else ""
        if label and (s.provenance.findings or s.provenance.doc):
            run = out.add_run(printable(f"〔{label}〕"))
            run.font.size = Pt(8)
            run.font.color.rgb = RGBColor(0x80, 0x80, 0x80)

    if para.style == "list":
        if para.heading:
            document.add_paragraph().add_run(printable(para.heading)).bold = True
        for n, s in enumerate(para.sentences, 1):
            out = document.add_paragraph()
            out.add_run(f"{n}. ")
            add(out, s)
        return
    out = document.add_paragraph()
    if para.heading:
        out.add_run(printable(f"{para.heading}：")).bold = True
    for s in para.sentences:
        add(out, s)


def _title(doc: str) -> str:
    stem = Path(doc).stem if doc else ""
    return drafting("title_fallback").format(doc=stem)


_YEAR = re.compile(r"(20\d{2})\s*年度?")


def _report_title(report: Report, text: str) -> str:
    """「某某局2024年度绩效评价报告（初稿）」: the unit printed on the forms (else the one the
    document names itself after, assistant.extract.metadata.document_unit) and the year
    most often named in the report (on a tie, the one printed first); the file name only
    when neither is known."""
    units = Counter(u for p in report.projects for u in (p.department, p.unit) if u)
    unit = units.most_common(1)[0][0] if units else document_unit(text or "")
    years = Counter(_YEAR.findall(text or ""))
    year = f"{years.most_common(1)[0][0]}年度" if years else ""
    if not unit and not year:
        return _title(report.doc)
    return drafting("title").format(unit=unit, year=year)


# a phone number or a contact person: personal details never reach a draft
_PRIVATE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)0\d{2,3}[-－—]\d{7,8}(?!\d)|联系人|联系电话|手机号?[:：]|电话[:：]")


def _is_shortcoming(problem: Problem, findings: list[Finding]) -> bool:
    """Whether a listed problem is one (checks.yaml § materiality): an execution rate at or
    above the threshold, a deduction below a point, savings or a planned budget change are not."""
    from assistant.draft.causes import needs_measure, read_cause, within_materiality

    cited = [f for f in findings if f.id in problem.sentence.provenance.findings]
    if cited and all(within_materiality(f) for f in cited):
        return False
    if problem.quoted:
        return needs_measure(read_cause(problem.text))[0]
    return True


def _heading(project: str) -> str:
    return short_name(project) if project else drafting("department")


def _sub(i: int) -> str:
    subs = drafting("sub_numbers")
    return subs[i] if i < len(subs) else f"（{i + 1}）"
