"""One pure function per document: `extract_document(Document) -> Report` (projects,
statements and 核查发现 findings).

The batch runner maps it over files; the CLI, the store and the review app call it.
Nothing here knows which runner called it.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import replace
from pathlib import Path

from assistant.extract.checks import find_issues
from assistant.extract.classify_lexicon import CompiledLexicon
from assistant.extract.forms import CONTINUED_WINDOW, complete_identity, continued_form, read_forms
from assistant.extract.formvocab import heading_key, vocab
from assistant.extract.layout import Row, blank_site_lines, find_forms, split_rows, tab_rows
from assistant.extract.read import ReadError, ReadWarning, read_document
from assistant.extract.prose_rows import listed_in_prose
from assistant.extract.script import simplified
from assistant.extract.statements import extract_statements
from assistant.extract.stated import stated_totals
from assistant.extract.tables import read_form
from assistant.messages import say
from assistant.model import Budget, Document, Project, Report


class NoFormError(ReadError):
    """A readable file in which no report form or statement was recognised."""


def extract_document(doc: Document, lexicon: CompiledLexicon | None = None) -> Report:
    """Projects, indicators and statements of one decoded document; `lexicon` (from
    `assistant.extract.classify.load_lexicon`) adds an analyst's indicator terms."""
    script = simplified(doc.text)           # a page in traditional characters: read as simplified
    text, rows, projects = read_page(doc.text if script is None else script.text, lexicon)
    source = doc if text is doc.text else replace(doc, text=text)
    report = Report(doc=doc.name, path=doc.path, sha256=doc.sha256, projects=projects)
    report.statements = extract_statements(source, projects, rows)
    report.findings = find_issues(report, source.text)
    if script is not None:
        script.restore(report)              # offsets and strings as the page prints them
    return report


def read_page(text: str, lexicon: CompiledLexicon | None = None) -> tuple[str, list[Row], list[Project]]:
    """(the text the later steps read, its rows, its projects): a document-sharing site's
    captions and prompts blanked (the same length, so every offset stays), the forms read
    (`read_projects`), a form repeated empty left out, the indicators a report lists in its
    prose given where no form gave any, a reason cell that only prints its row's value again
    cleared, and rates printed as fractions made per cent.
    `extract_document` and the spaCy pipeline's form reader both read a page with it."""
    text = blank_site_lines(text)
    rows = split_rows(text)
    projects = listed_in_prose(text, _repeats_dropped(read_projects(text, rows, lexicon)), lexicon)
    _page_cut(text, projects)
    _value_reasons(projects)
    stated_totals(text, projects)
    for p in projects:
        if p.budget is not None:
            rate_in_percent(p.budget)
    return text, rows, projects


def read_projects(text: str, rows: list[Row], lexicon: CompiledLexicon | None = None) -> list:
    """The forms of a document.  Rows parted by TABs (PDF and office readers, TAB exports)
    are read row by row against the header; any other layout — one cell per line, bars,
    spaces, cells run together — by the stream reader (forms.py)."""
    if tab_rows(rows):
        projects = [complete_identity(read_form(form, text, lexicon), text) for form in find_forms(rows, text)]
        if projects and all(p.indicators for p in projects):
            if not _table_rows_before(rows, projects[0].start):
                return projects
            return continued_form(text, projects[0].start, lexicon) + projects
        # a form the row reader could not place (「项目名称：…」 in one cell, a header it does
        # not know): the stream reader's reading, where it finds more
        stream = read_forms(text, lexicon)
        if _size(stream) > _size(projects):
            return stream
        return projects
    return read_forms(text, lexicon)


_CUT_TAIL = re.compile(r"[\s|｜]*")


def _page_cut(text: str, projects: list[Project]) -> None:
    """A page cut off inside a form (an excerpt, a document-sharing site's first pages): a
    row ending the text with nothing but the start of a column heading (「未完成原」) is the
    header cut off, no row — a row cut off after its name stays, as the page shows it — and a
    single character after the last row (「可」, the start of the next label) is no reason."""
    for p in projects:
        if not p.indicators:
            continue
        last = p.indicators[-1]
        if _CUT_TAIL.fullmatch(text, last.end) and last.target is None and last.actual is None \
                and last.weight is None and last.score is None and not last.reason \
                and _heading_start(last.name):
            p.indicators.pop()
            continue
        for ind in p.indicators:
            if ind.reason_end is not None and len(ind.reason.strip()) == 1 and _CUT_TAIL.fullmatch(text, ind.reason_end):
                ind.reason, ind.reason_start, ind.reason_end = "", None, None


_SPACE = re.compile(r"\s+")


def _value_reasons(projects: list[Project]) -> None:
    """A reason cell that only prints the row's target or actual value again (「显著提高 |
    显著提高」 run on into the reason column) is no reason: the row keeps none."""
    for p in projects:
        for ind in p.indicators:
            cell = _SPACE.sub("", ind.reason or "")
            if cell and any(cell == _SPACE.sub("", v or "") for v in (ind.target, ind.actual)):
                ind.reason, ind.reason_start, ind.reason_end = "", None, None


def _heading_start(name: str) -> bool:
    """Whether `name` is the start of a column heading the form vocabulary knows."""
    key = heading_key(name)
    return len(key) >= 2 and any(k.startswith(key) and k != key for k in vocab().columns)


def _repeats_dropped(projects: list[Project]) -> list[Project]:
    """One project of each name: a form printed again with nothing in it — a web page's
    summary field (内容概述) repeating the document's opening, cut off before its rows —
    is left out where a form of that name gives rows or a budget, and only the first of
    several empty ones is kept.  Forms without a name, and forms of one name that each
    give something (a project's 申报表 and its 自评表), all stay."""
    given = {p.name for p in projects if p.indicators or p.budget is not None}
    seen: set[str] = set()
    out = []
    for n, p in enumerate(projects):
        if p.name and not p.indicators and p.budget is None and (p.name in given or p.name in seen):
            continue
        if n + 1 < len(projects) and _short_name_of(p, projects[n + 1]):
            projects[n + 1].aliases.append(p.name)
            continue
        seen.add(p.name)
        out.append(p)
    return out


SHORT_NAME_GAP = 200           # characters between a page's header line and the form below it


def _short_name_of(empty: Project, form: Project) -> bool:
    """Whether `empty` is the short name of the `form` right below it: a page's header line
    (「单位名称：XX镇政府 填报日期：…」) above the form that prints the full name (XX镇人民政府),
    with nothing of its own — its characters in order inside the full name."""
    if empty.indicators or empty.budget is not None or not (form.indicators or form.budget is not None):
        return False
    if not empty.name or empty.name == form.name or not 0 <= form.start - empty.end <= SHORT_NAME_GAP:
        return False
    rest = iter(form.name)
    return all(ch in rest for ch in empty.name) and len(empty.name) * 2 >= len(form.name)


RATE_FRACTION_SLACK = 0.005     # how closely executed / budget must equal a rate printed as a fraction


def rate_in_percent(budget: Budget) -> None:
    """A rate printed as a fraction (0.958 for 95.8%: a spreadsheet cell shown without its
    per-cent format) turned into per cent, where executed / budget says that is what it is."""
    base = budget.adjusted or budget.initial
    rate, executed = budget.rate, budget.executed
    if rate is not None and 0 < rate <= 1 and base and executed is not None \
            and abs(executed / base - rate) <= RATE_FRACTION_SLACK:
        budget.rate = round(rate * 100, 6)


def _table_rows_before(rows: list[Row], end: int) -> bool:
    """Whether a table's rows stand above the first form: in a document whose tables come as
    TAB rows, a table the page opens inside comes as TAB rows too (and without one there is
    nothing for `continued_form` to read, or to pay for)."""
    for r in rows:
        if r.start >= min(end, CONTINUED_WINDOW):
            return False
        if r.cell_per_line or r.tabbed and len(r.cells) >= 3:
            return True
    return False


def _size(projects: list) -> tuple[int, int]:
    return sum(len(p.indicators) for p in projects), len(projects)


def extract_text(text: str, name: str = "<text>", lexicon: CompiledLexicon | None = None) -> Report:
    """Extract from a string (tests, the conversational pane, notebooks)."""
    return extract_document(Document(path=name, text=text), lexicon)


def extract_path(path: str | Path, lexicon: CompiledLexicon | None = None) -> Report:
    """Read and extract one file; raises ReadError (one line: file and reason)."""
    doc, noticed = read_noting(path)
    return extract_read(doc, noticed, lexicon)


def read_noting(path: str | Path) -> tuple[Document, list[str]]:
    """Read one file; what the reader noticed but could live with (mixed encodings, a name
    that disagrees with the content, skipped scanned pages) comes back beside it."""
    with warnings.catch_warnings(record=True) as noticed:
        warnings.simplefilter("always", ReadWarning)
        doc = read_document(path)
    return doc, [str(w.message) for w in noticed if issubclass(w.category, ReadWarning)]


def extract_read(doc: Document, noticed: list[str], lexicon: CompiledLexicon | None = None) -> Report:
    """Extract a document read by `read_noting`, its warnings kept in `Report.warnings`;
    NoFormError when neither a form nor a statement is in it."""
    report = extract_document(doc, lexicon)
    report.warnings.extend(noticed)
    if not report.projects and not report.statements:
        raise NoFormError(doc.path, say("没有可识别的报告表单，也没有问题、原因或措施的语句；"
                                        "如果它是报告，请确认文字可以复制（扫描件需先做 OCR）",
                                        "no recognisable report form or statement in it; if it is a "
                                        "report, check that its text can be copied (run OCR on a scan)"))
    return report
