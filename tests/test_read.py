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
                 ".git/x.txt", "~$lock.docx", "noext", "c/m.XLSM"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_inputs([tmp_path])]
    # an old .doc is listed too: reading it says how to convert it (never skipped in silence)
    assert found == ["a.txt", "b/1.docx", "b/2.pdf", "c/d/e.xlsx", "c/m.XLSM", "c/old.doc"]


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
