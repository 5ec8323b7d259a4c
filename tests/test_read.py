"""Readers: text encodings, and PDF/DOCX/XLSX laid out as the seeds print tables."""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from assistant.extract.read import ReadError, ReadWarning, iter_inputs, read_document
from assistant.extract.readers.xlsx import format_value
from conftest import SEEDS
from fixtures_build import (CONTACT, PAGE2_HEADING, PAGE2_TEXT, REASON, TITLE, build_docx, build_html,
                            build_pdf, build_xlsx, form_lines, pdf_bytes)

SAMPLE = "项目名称\t\t12345热线运行经费\n数量指标\t发放条数\t≥150万条\n"


@pytest.fixture
def english(monkeypatch):
    """Reasons and warnings in English, the words these tests match (Chinese is the default)."""
    monkeypatch.setenv("JIXIAO_LANG", "en")


def read_quietly(path: Path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        doc = read_document(path)
    return doc, [w.message for w in caught if issubclass(w.category, ReadWarning)]


# -- text ---------------------------------------------------------------------------------

@pytest.mark.parametrize("codec, data_codec, expected", [
    ("utf-8", "utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig", "utf-8-sig"),
    ("gbk", "gbk", "gb18030"),
    ("gb18030", "gb18030", "gb18030"),
    ("utf-16", "utf-16", "utf-16-le"),          # BOM written by Python
    ("utf-16-be-bom", "utf-16-be", "utf-16-be"),
    ("utf-16-le", "utf-16-le", "utf-16-le"),    # no BOM: found from the NUL pattern
    ("utf-16-be", "utf-16-be", "utf-16-be"),
])
def test_text_encodings(tmp_path, codec, data_codec, expected):
    data = SAMPLE.encode(data_codec)
    if codec == "utf-16-be-bom":
        data = b"\xfe\xff" + data
    path = tmp_path / f"{codec}.txt"
    path.write_bytes(data)
    doc, warned = read_quietly(path)
    assert doc.text == SAMPLE           # no BOM in the text offsets point into
    assert doc.encoding == expected
    assert warned == []


def test_gbk_report_with_little_chinese_is_detected(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes("得分：98.5\n".encode("gbk"))
    assert read_document(path).text == "得分：98.5\n"


def test_utf8_needs_no_detection(tmp_path, monkeypatch):
    import charset_normalizer

    def refuse(*args, **kwargs):
        raise AssertionError("charset detection ran on a UTF-8 file")

    monkeypatch.setattr(charset_normalizer, "from_bytes", refuse)
    path = tmp_path / "r.txt"
    path.write_text(SAMPLE * 1000, encoding="utf-8")
    assert read_document(path).encoding == "utf-8"


def test_seeds_read_as_utf8_unchanged():
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not seeds:
        pytest.skip("../shared/corpora/seeds is not beside the checkout")
    for seed in seeds:
        doc = read_document(seed)
        assert doc.encoding == "utf-8"
        assert doc.text == seed.read_text(encoding="utf-8")


# -- PDF, DOCX, XLSX ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("forms")
    return {
        "pdf": build_pdf(folder / "form.pdf"),
        "docx": build_docx(folder / "form.docx"),
        "xlsx": build_xlsx(folder / "form.xlsx"),
        "html": build_html(folder / "form.html", encoding="gb18030"),
    }


@pytest.mark.parametrize("kind", ["pdf", "docx", "xlsx", "html"])
def test_table_rows_are_tab_joined_in_order(rendered, kind):
    doc, warned = read_quietly(rendered[kind])
    assert doc.encoding.split("/")[0] == kind
    assert warned == []
    lines = doc.text.split("\n")
    assert "\t产出指标\t数量指标\t发放条数\t≥150万条\t162万条\t20\t20\t" in lines
    assert "数量指标\t发放条数\t≥150万条" in doc.text
    positions = [lines.index(line) for line in form_lines()]
    assert positions == sorted(positions)
    assert positions == list(range(positions[0], positions[0] + len(positions)))


@pytest.mark.parametrize("kind", ["pdf", "docx", "xlsx", "html"])
def test_same_table_text_from_every_format(rendered, kind):
    doc = read_document(rendered[kind])
    table = [line for line in doc.text.split("\n") if "\t" in line]
    assert table == form_lines()


@pytest.mark.parametrize("kind", ["pdf", "docx", "html"])
def test_text_around_tables_keeps_document_order(rendered, kind):
    text = read_document(rendered[kind]).text
    order = [text.index(s) for s in (TITLE, "项目名称\t", "总分\t", CONTACT, PAGE2_HEADING,
                                     PAGE2_TEXT)]
    assert order == sorted(order)


def test_pdf_pages_are_separated_by_a_blank_line(rendered):
    text = read_document(rendered["pdf"]).text
    assert f"{CONTACT}\n\n{PAGE2_HEADING}" in text


def test_pdf_wrapped_cell_is_one_cell(rendered):
    text = read_document(rendered["pdf"]).text
    assert f"\t18\t{REASON}\n" in text


def test_merged_cells_print_once(rendered):
    for kind in ("pdf", "docx", "xlsx", "html"):
        text = read_document(rendered[kind]).text
        assert text.count("产出指标") == 1
        assert text.count("12345政务服务便民热线运行经费") == 1


def test_xlsx_sheets_separated_and_title_unpadded(rendered):
    text = read_document(rendered["xlsx"]).text
    assert text.startswith(TITLE + "\n")
    assert f"\n\n{PAGE2_HEADING}\n{PAGE2_TEXT}" in text


@pytest.mark.parametrize("value, fmt, shown", [
    (100, "General", "100"),
    (100.0, "General", "100"),
    (118.5, "General", "118.5"),
    (1980298.62, "General", "1980298.62"),
    (0.1 + 0.2, "General", "0.3"),
    (0.9875, "0.00%", "98.75%"),
    (0.9, "0%", "90%"),
    (1234.5, "#,##0.00", "1234.50"),
    (12.0, '0.00_);[Red]\\(0.00\\)', "12.00"),
    (None, "General", ""),
    ("≥150万条", "General", "≥150万条"),
    ("多行\n文本", "General", "多行文本"),
])
def test_xlsx_values_print_as_in_the_sheet(value, fmt, shown):
    assert format_value(value, fmt) == shown


def test_content_decides_not_the_suffix(tmp_path, english):
    path = tmp_path / "report.txt"
    path.write_bytes(pdf_bytes(second_page=False))
    with pytest.warns(ReadWarning, match=r"report\.txt: named \.txt but the content is pdf"):
        doc = read_document(path)
    assert doc.encoding == "pdf"
    assert "数量指标\t发放条数\t≥150万条" in doc.text


def test_text_named_pdf_is_read_as_text(tmp_path, english):
    path = tmp_path / "report.pdf"
    path.write_text(SAMPLE, encoding="utf-8")
    with pytest.warns(ReadWarning, match="content is text"):
        assert read_document(path).text == SAMPLE


# -- iter_inputs --------------------------------------------------------------------------

def test_iter_inputs_expands_folders_sorted_and_filtered(tmp_path):
    for name in ["b/2.pdf", "b/1.docx", "a.txt", "c/d/e.xlsx", "c/old.doc", ".hidden.txt",
                 ".git/x.txt", "~$lock.docx", "noext", "c/m.XLSM", "c/t.csv", "out.jsonl"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_inputs([tmp_path])]
    # an old .doc is listed too: reading it says how to convert it (never skipped in silence)
    assert found == ["a.txt", "b/1.docx", "b/2.pdf", "c/d/e.xlsx", "c/m.XLSM", "c/old.doc", "c/t.csv"]


def test_iter_inputs_explicit_files_any_suffix_and_no_duplicates(tmp_path):
    (tmp_path / "noext").write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    found = list(iter_inputs([tmp_path / "noext", tmp_path, tmp_path / "a.txt", tmp_path]))
    assert [p.name for p in found] == ["noext", "a.txt"]


def test_iter_inputs_custom_suffixes(tmp_path):
    (tmp_path / "a.csv").write_text("x", encoding="utf-8")
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    assert [p.name for p in iter_inputs(tmp_path, suffixes=["csv"])] == ["a.csv"]


def test_iter_inputs_follows_folder_links(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "r.txt").write_text("x", encoding="utf-8")
    top = tmp_path / "top"
    top.mkdir()
    (top / "linked").symlink_to(real, target_is_directory=True)
    assert [p.name for p in iter_inputs([top])] == ["r.txt"]


def test_a_page_without_text_is_refused_in_one_line(tmp_path, english):
    page = tmp_path / "blank.html"
    page.write_text("<!DOCTYPE html><html><head><script>var a = 1;</script></head><body> </body></html>",
                    encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read_document(page)
    assert str(err.value) == f"{page}: an HTML page with no text in it"


def test_a_text_report_quoting_a_tag_stays_text(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text("项目支出绩效自评表\n网站栏目使用<table>标签发布。\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.encoding == "utf-8" and "<table>" in doc.text


# -- delimited text (CSV exports) ----------------------------------------------------------

# A form as Excel saves it 「CSV（逗号分隔）」: every row padded to the sheet's width, a cell
# holding a comma or a line break (Alt+Enter) in quotes.
EXPORT_CSV = (
    "县级项目支出绩效自评表,,,,,,,\r\n"
    "项目名称,乡村公路日常养护,,,,,,\r\n"
    "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施\r\n"
    "产出指标,数量指标,养护里程,≥120公里,126公里,20,20,\r\n"
    ",质量指标,路面完好率,≥92%,90.5%,20,18,\"雨季持续时间长，\r\n部分路段返修\"\r\n"
    ",时效指标,养护完成时间,\"2024年11月底前\",2024年11月,10,10,\r\n"
    "效益指标,社会效益指标,群众出行条件,\"明显改善，事故减少\",改善,20,18,\r\n"
)
EXPORT_ROWS = [
    "县级项目支出绩效自评表",
    "项目名称\t乡村公路日常养护\t\t\t\t\t\t",
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    "产出指标\t数量指标\t养护里程\t≥120公里\t126公里\t20\t20\t",
    "\t质量指标\t路面完好率\t≥92%\t90.5%\t20\t18\t雨季持续时间长，部分路段返修",
    "\t时效指标\t养护完成时间\t2024年11月底前\t2024年11月\t10\t10\t",
    "效益指标\t社会效益指标\t群众出行条件\t明显改善，事故减少\t改善\t20\t18\t",
]


def test_an_excel_csv_export_reads_as_tab_rows(tmp_path):
    path = tmp_path / "自评表.csv"
    path.write_bytes(EXPORT_CSV.encode("gbk"))            # what Excel writes on a Chinese system
    doc, warned = read_quietly(path)
    assert doc.text.split("\n") == EXPORT_ROWS
    assert doc.encoding.lower() in {"gb18030", "gbk", "cp936"} and not warned


def test_a_csv_export_saved_as_txt_is_known_by_its_aligned_rows(tmp_path):
    path = tmp_path / "自评表.txt"
    path.write_text(EXPORT_CSV, encoding="utf-8")
    assert read_document(path).text.split("\n") == EXPORT_ROWS


def test_unicode_text_export_with_a_quoted_line_break_is_one_row(tmp_path):
    path = tmp_path / "自评表.txt"                         # Excel 「Unicode 文本」: UTF-16, TABs
    rows = EXPORT_CSV.replace(",", "\t").replace("雨季持续时间长，", "雨季持续时间长")
    path.write_bytes(rows.encode("utf-16"))
    lines = read_document(path).text.split("\n")
    assert lines[4] == "\t质量指标\t路面完好率\t≥92%\t90.5%\t20\t18\t雨季持续时间长部分路段返修"
    assert len(lines) == len(EXPORT_ROWS)


def test_an_extracted_csv_form_gives_its_rows(tmp_path):
    from assistant.extract.pipeline import extract_path

    path = tmp_path / "自评表.csv"
    path.write_bytes(EXPORT_CSV.encode("gbk"))
    [project] = extract_path(path).projects
    assert project.name == "乡村公路日常养护"
    rows = {i.name: (i.target, i.actual, i.reason) for i in project.indicators}
    assert rows["路面完好率"] == ("≥92%", "90.5%", "雨季持续时间长，部分路段返修")
    assert rows["群众出行条件"][0] == "明显改善，事故减少"


@pytest.mark.parametrize("text", [
    # prose with ASCII commas, as PDF and OCR text print them: no aligned records, no gaps
    "一、项目基本情况\n本项目总投资120万元,其中财政资金100万元,自筹20万元.\n"
    "二、绩效目标完成情况\n完成道路养护126公里,路面完好率90.5%,群众满意度95%.\n"
    "三、存在问题\n雨季持续时间长,部分路段返修,工期延后,资金支付滞后.\n"
    "四、改进措施\n合理安排工期,加强质量监管,及时支付资金,做好绩效监控.\n",
    # prose lines that happen to hold three commas each: aligned, but no cell is empty
    "".join(f"{n}.第{n}季度完成养护{n * 30}公里,路面完好率9{n}%,支付资金{n * 20}万元,群众满意.\n"
            for n in range(1, 9)),
    # TAB rows whose cell starts with a quote mark stay as they are
    "项目名称\t\t\"十四五\"规划编制\n数量指标\t编制规划\t1部\n",
])
def test_text_that_is_no_export_is_left_alone(tmp_path, text):
    path = tmp_path / "报告.txt"
    path.write_text(text, encoding="utf-8")
    assert read_document(path).text == text
