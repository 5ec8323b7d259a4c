"""Properties of the text → rows → forms → Report steps, for any text whatever.

However odd the text — report material cut and spliced, tabs and line breaks in odd places,
numbering, table labels and statement headings out of context, arbitrary unicode — the
layout, the table reader, the statement finder and the whole pipeline never raise, and
every offset they return lies within the text and points at the words it claims: a cell's
text is `text[start:end]`; an indicator's span holds its name, its actual value and its
reason; a statement's text is its span with white space removed.
"""
from __future__ import annotations

import re
from functools import lru_cache

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assistant.extract import extract_text
from assistant.extract.layout import find_forms, split_rows
from assistant.extract.sections import find_regions
from assistant.extract.splitting import split_points
from assistant.extract.statements import extract_statements
from assistant.extract.tables import read_form
from assistant.lexicon import builtin
from assistant.model import Document, Report
from tests.conftest import SAMPLES

PROPERTY = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FEWER = settings(PROPERTY, max_examples=120)      # the whole pipeline is the slow one


def squash(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


def in_order(part: str, whole: str) -> bool:
    """Whether every character of `part` stands in `whole`, in order."""
    rest = iter(whole)
    return all(ch in rest for ch in part)


# ---------------------------------------------------------------------------- strategies

@lru_cache(maxsize=1)
def vocabulary() -> tuple[str, ...]:
    """Report words from the lexicons: table labels, column heads, form fields, headings."""
    labels = builtin("labels.yaml")
    tables = builtin("tables.yaml")
    words = {*labels["level1"], *labels["level2"], *builtin("forms.yaml")["name_fields"],
             *tables["total_score_rows"], *tables["grade_rows"], *tables["table_end"]}
    words |= {h for rule in tables["indicator_columns"] for h in rule["match"]}
    words |= {h for rule in tables["budget"]["columns"] for h in rule["match"]}
    words |= {w for group in builtin("statements.yaml")["headings"].values() for w in group}
    words |= {"项目支出绩效自评表", "绩效目标申报表", "部门整体绩效目标表", "（2023年度）", "单位：万元",
              "主要原因是", "原因为：", "由于", "仍存在", "有待提高", "不够", "滞后", "下一步将", "一是", "二是",
              "发放条数", "群众满意率", "≥150万条", "162万条", "≥95%", "93%", "优", "良"}
    return tuple(sorted(words))


@lru_cache(maxsize=1)
def samples() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))


NUMBERING = ("一、", "二、", "十一、", "（一）", "（二）", "(三)", "1.", "2、", "3．", "（1）", "(2)", "3)",
             "①", "②", "第一部分", "第二章", "一是", "二是", "第一，", "第二，")
SEPARATORS = ("\t", "\t\t", "\n", "\n\n", "\n\t", "\r\n", " ", "　", "：", ":", "。", "；", "，", "|", "、",
              "\u2028", "\x0b", "\x0c", "\x85", "\x1c", "\ufeff")
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)

fragment = st.one_of(
    st.sampled_from(vocabulary()),
    st.sampled_from(NUMBERING),
    st.sampled_from(SEPARATORS),
    st.text(HAN, min_size=1, max_size=12),
    st.builds(lambda n, unit: f"{n}{unit}", st.integers(-5, 10**7),
              st.sampled_from(["", "%", "分", "万元", "万条", "人", ".5", "%以上"])),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False).map(str),
    st.text(max_size=6),                                  # anything at all
)
loose_text = st.lists(fragment, max_size=60).map("".join)


@st.composite
def table_text(draw) -> str:
    """Rows of cells as the seeds print them — TAB-joined lines, or one cell per line with
    blank lines between rows — around a 项目名称 row and an indicator header, filled with
    labels, names, numbers and stray fragments."""
    cell = st.one_of(st.just(""), fragment, st.sampled_from(vocabulary()),
                     st.integers(0, 100).map(str), st.text(HAN, min_size=2, max_size=10))
    width = draw(st.integers(2, 10))
    rows = [["项目名称", "", draw(st.text(HAN, min_size=1, max_size=12))],
            ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
             "未完成原因分析"][:max(width, 4)]]
    scored = st.tuples(st.sampled_from(["", "产出指标", "效益指标", "满意度指标"]),
                       st.sampled_from(["", "数量指标", "质量指标", "时效指标", "社会效益指标"]),
                       st.text(HAN, min_size=1, max_size=10), cell, cell,
                       st.integers(0, 30).map(str), st.integers(0, 30).map(str), cell)
    row = st.one_of(st.lists(cell, min_size=1, max_size=width), scored.map(lambda t: ["", *t]))
    rows += draw(st.lists(row, max_size=12))
    if draw(st.booleans()):
        rows.insert(0, [draw(st.sampled_from(["项目支出绩效自评表", "绩效目标申报表", "部门整体绩效目标表"]))])
    cell_per_line = draw(st.booleans())
    lines = []
    for row in rows:
        if cell_per_line:
            lines.append("\n".join("\t" + c for c in row) + "\n")
        else:
            lines.append("\t".join(row))
    prose = draw(loose_text)
    return draw(st.sampled_from(["", "\n"])) + "\n".join(lines) + "\n" + prose


@st.composite
def spliced_sample(draw) -> str:
    """A sample report with pieces cut out and fragments spliced in."""
    text = draw(st.sampled_from(samples()))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 200))
        text = text[:at] + draw(loose_text) + text[at + cut:]
    start = draw(st.integers(0, len(text)))
    return text[start:start + draw(st.integers(0, 3000))]


@st.composite
def sectioned_text(draw) -> str:
    """Headed sections (一、存在问题 · （二）改进措施：…) with enumerated or plain bodies."""
    headings = sorted({w for g in builtin("statements.yaml")["headings"].values() for w in g})
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        head = draw(st.sampled_from(NUMBERING + ("",))) + draw(st.sampled_from(headings))
        parts.append(head + draw(st.sampled_from(["", "：", "。", "\n", "\n\n", ":"])))
        for n in range(draw(st.integers(0, 4))):
            marker = draw(st.sampled_from(["", f"{n + 1}.", f"（{n + 1}）", "一是", "①②③④"[n % 4], "\n"]))
            parts.append(marker + draw(st.text(HAN, min_size=0, max_size=30)) + draw(fragment)
                         + draw(st.sampled_from(["。", "；", "\n", "", "，"])))
        parts.append(draw(st.sampled_from(["\n", "\n\n", ""])))
    return "".join(parts)


any_text = st.one_of(sectioned_text(), loose_text, table_text(), spliced_sample(), st.text(max_size=200))


# ---------------------------------------------------------------------------- checks

def check_span(text: str, start: int | None, end: int | None, what: str) -> None:
    assert start is not None and end is not None, what
    assert 0 <= start <= end <= len(text), (what, start, end, len(text))


def check_rows(text: str, rows) -> None:
    previous = 0
    for row in rows:
        check_span(text, row.start, row.end, "row")
        assert row.start >= previous, "rows are in text order"
        previous = row.start
        for cell in row.cells:
            check_span(text, cell.start, cell.end, "cell")
            assert row.start <= cell.start and cell.end <= row.end, (cell, row.start, row.end)
            if "\n" in cell.text:       # a cell continued on the next line is joined by \n
                assert squash(text[cell.start:cell.end]) == squash(cell.text)
            else:
                assert text[cell.start:cell.end] == cell.text, cell


def check_project(text: str, project) -> None:
    check_span(text, project.start, project.end, "project")
    if project.name_start is not None:
        check_span(text, project.name_start, project.name_end, "project name")
        assert squash(text[project.name_start:project.name_end]) == squash(project.name)
    budget = project.budget
    if budget is not None:
        if budget.start is not None:
            check_span(text, budget.start, budget.end, "budget")
        if budget.reason:
            check_span(text, budget.reason_start, budget.reason_end, "budget reason")
            assert squash(text[budget.reason_start:budget.reason_end]) == squash(budget.reason)
    for ind in project.indicators:
        check_span(text, ind.start, ind.end, "indicator")
        assert ind.start < ind.end
        # A cell wrapped over several lines stands in pieces with other cells between them
        # (the stream reader puts the pieces back together), and a name loses its
        # numbering and marks: what the offsets guarantee is that every character of the
        # name, the actual value and the reason stands in their span, in order.
        span = squash(text[ind.start:ind.end])
        assert in_order(squash(ind.name), span), (ind.name, text[ind.start:ind.end])
        if ind.actual:
            assert in_order(squash(ind.actual), span), (ind.actual, text[ind.start:ind.end])
        if ind.reason:
            check_span(text, ind.reason_start, ind.reason_end, "indicator reason")
            assert in_order(squash(ind.reason), squash(text[ind.reason_start:ind.reason_end])), ind.reason
            assert ind.start <= ind.reason_start and ind.reason_end <= ind.end


def check_statements(text: str, statements) -> None:
    for s in statements:
        check_span(text, s.start, s.end, "statement")
        assert s.start < s.end and s.text, s
        assert squash(s.text) == squash(text[s.start:s.end]), (s.text, text[s.start:s.end])
        assert s.kind in ("reason", "problem", "measure")
    keys = [(s.kind, s.start, s.end) for s in statements]
    assert len(keys) == len(set(keys)), "a statement is listed once"
    assert [s.start for s in statements] == sorted(s.start for s in statements)


# ---------------------------------------------------------------------------- properties

@PROPERTY
@given(any_text)
@example("a\u2028b\tc\n\td\n")
@example("\t项目名称\n续行\n\n\t名称\n")
def test_rows_and_cells_point_at_their_text(text):
    check_rows(text, split_rows(text))


@PROPERTY
@given(any_text)
# two name rows under one title: the second form claimed the first one's title row and
# the first was left no rows (StopIteration in find_forms)
@example("自评表\r项目名\t0\r预算单位名称\t0")
def test_forms_lie_within_the_text_and_name_their_project(text):
    rows = split_rows(text)
    for form in find_forms(rows, text):
        check_span(text, form.start, form.end, "form")
        assert form.rows and all(form.start <= r.start and r.end <= form.end for r in form.rows)
        assert text[form.name_cell.start:form.name_cell.end] == form.name_cell.text or \
            squash(text[form.name_cell.start:form.name_cell.end]) == squash(form.name_cell.text)
        assert form.name == squash(form.name_cell.text)


@PROPERTY
@given(st.one_of(table_text(), spliced_sample()))
def test_indicators_and_budgets_point_at_their_cells(text):
    rows = split_rows(text)
    for form in find_forms(rows, text):
        check_project(text, read_form(form, text))


@PROPERTY
@given(any_text)
def test_regions_and_points_lie_within_the_text(text):
    rows = split_rows(text)
    for region in find_regions(text, rows):
        check_span(text, region.start, region.end, "region")
        for kind in (None, *region.kinds):
            previous = region.start
            for start, end in split_points(text, region.start, region.end, kind):
                assert previous <= start < end <= region.end, (start, end, region)
                previous = start


@PROPERTY
@given(any_text)
# a ① ② enumeration: its pattern had no number group (IndexError in splitting._enumeration)
@example("下步工作\r①")
@example("存在问题：\n①资金拨付进度较慢，影响项目实施；②绩效目标设置不够细化，难以考核。")
def test_statements_are_verbatim_spans(text):
    doc = Document(path="<text>", text=text)
    rows = split_rows(text)
    projects = [read_form(form, text) for form in find_forms(rows, text)]
    check_statements(text, extract_statements(doc, projects))


@FEWER
@given(any_text)
@example("")
@example("\n\n\t\n")
@example("自评表\r项目名\t0\r预算单位名称\t0")
def test_the_whole_pipeline_never_raises_and_every_offset_holds(text):
    report = extract_text(text, "prop.txt")
    for project in report.projects:
        check_project(text, project)
    check_statements(text, report.statements)
    assert Report.from_dict(report.to_dict()).to_dict() == report.to_dict()


HTML_PARTS = st.sampled_from(["<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th colspan=\"3\">",
                              "<td rowspan=\"2\">", "<td colspan=\"x\">", "<td rowspan=\"999\">", "<br>", "<p>",
                              "</p>", "<div>", "<script>", "</script>", "<style>", "&nbsp;", "&lt;", "&#x4e00;",
                              "\t", "\n", "项目名称", "产出指标", "数量指标", "≥95%", "100"])


@PROPERTY
@given(st.lists(st.one_of(HTML_PARTS, st.text(max_size=8)), max_size=60))
def test_html_pages_never_crash_the_reader(parts):
    from assistant.extract.readers import Unreadable
    from assistant.extract.readers.html import read_html

    page = "<!DOCTYPE html><html><body>" + "".join(parts)
    try:
        decoded = read_html(page.encode("utf-8"))
    except Unreadable:
        return
    assert decoded.text.endswith("\n")
    report = extract_text(decoded.text)
    for project in report.projects:
        for ind in project.indicators:
            assert 0 <= ind.start <= ind.end <= len(decoded.text)
