"""Issue 8's figure: the seed reports as PDF, DOCX and XLSX, extracted and scored.

The seeds are text that a converter drew out of PDFs.  Here each is laid back out at test
time as the documents it came from would look — tables where the text has table rows,
paragraphs for the prose — rendered into a PDF (reportlab, the built-in STSong-Light CID
font), a Word document (python-docx, real tables) and a workbook (openpyxl, one cell per
table cell), read back by the readers, extracted, and scored with ../shared/eval/score.py.
Nothing of the seeds is copied into the repository: every rendering is built in a temporary
folder.  Indicator rows must be found as well as from the text (F1 ≥ 0.95 per format), and
the projects found must be the ones the text version gives.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from assistant.extract import extract_path
from assistant.extract.read import read_document
from assistant.extract.layout import split_rows
from tests.conftest import GOLD, SEEDS, SHARED, needs_shared

pytestmark = needs_shared

FORMATS = ("pdf", "docx", "xlsx")
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?")
_PERCENT = re.compile(r"(-?(?:0|[1-9]\d*)(?:\.(\d+))?)%")


# ---------------------------------------------------------------------------- the layout

@dataclass
class Block:
    """A paragraph (`text`, a heading when `heading`), a blank line, or a table (`rows`)."""

    text: str = ""
    heading: bool = False
    rows: list[list[str]] = field(default_factory=list)

    @property
    def is_table(self) -> bool:
        return bool(self.rows)


def layout(text: str) -> list[Block]:
    """The seed as the document it was converted from: a run of table rows becomes one table.

    Table rows are lines of TAB-separated cells (seeds 000, 003, 004) or, in seed 001, blocks
    of one-cell-per-line rows separated by blank lines.  Seed 001 is read through the row
    structure `layout.split_rows` finds rather than printed line by line, because the PDF it
    came from had ruled tables: the converter printed each cell on a line of its own, but
    the source document had rows of cells, and a real DOCX or XLSX of that report would too.
    A run's first and last rows that hold a single cell are the title or the signature line
    printed outside the table.  Blank lines inside a run only separated rows (or pages).
    A markdown heading (## …) the converter added is a heading paragraph.
    """
    blocks: list[Block] = []
    run: list[list[str]] = []
    for row in split_rows(text):
        raw = text[row.start:row.end]
        if row.cell_per_line or "\t" in raw:
            run.append(row.texts)
        elif not raw.strip():
            if not run and not (blocks and not blocks[-1].text and not blocks[-1].is_table):
                blocks.append(Block())
        else:
            _flush(run, blocks)
            run = []
            heading = raw.lstrip().startswith("#")
            blocks.append(Block(text=raw.strip().lstrip("#").strip() if heading else raw.strip(),
                                heading=heading))
    _flush(run, blocks)
    return blocks


def _flush(run: list[list[str]], blocks: list[Block]) -> None:
    def single(row: list[str]) -> bool:
        return sum(1 for c in row if c) <= 1

    head = 0
    while head < len(run) and single(run[head]):
        head += 1
    tail = len(run)
    while tail > head and single(run[tail - 1]):
        tail -= 1
    for row in run[:head]:
        if any(row):
            blocks.append(Block(text=next(c for c in row if c)))
    if head < tail:
        width = max(len(r) for r in run[head:tail])
        blocks.append(Block(rows=[r + [""] * (width - len(r)) for r in run[head:tail]]))
    for row in run[tail:]:
        if any(row):
            blocks.append(Block(text=next(c for c in row if c)))
    run.clear()


def spans(row: list[str]) -> list[tuple[int, int]]:
    """Merged cells of a label row (项目名称 | name, 主管部门 | …, 其他: …): with two filled
    cells or fewer, each filled cell spans the empty ones after it, as forms print them.
    Rows with more (indicator rows) keep every cell: their empty cells are real columns."""
    filled = [i for i, c in enumerate(row) if c]
    if len(filled) > 2:
        return []
    out = []
    for n, i in enumerate(filled):
        last = (filled[n + 1] if n + 1 < len(filled) else len(row)) - 1
        if last > i:
            out.append((i, last))
    return out


# ---------------------------------------------------------------------------- renderers

def render_docx(blocks: list[Block], path: Path) -> Path:
    import docx

    document = docx.Document()
    for block in blocks:
        if block.is_table:
            table = document.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            table.style = "Table Grid"
            for row, values in zip(table.rows, block.rows):
                cells = row.cells
                for cell, value in zip(cells, values):
                    if value:
                        cell.text = value
                for first, last in spans(values):
                    merged = cells[first].merge(cells[last])
                    merged.text = values[first]          # merge() joins the cells' paragraphs
        elif block.heading:
            document.add_heading(block.text, level=2)
        else:
            document.add_paragraph(block.text)
    document.save(str(path))
    return path


def render_xlsx(blocks: list[Block], path: Path) -> Path:
    """One sheet: a paragraph is a row with its text in column A, a blank line an empty row,
    a table's rows are rows of cells — figures as numbers (percentages with a percent
    format), label rows merged as the form prints them."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "报告"
    r = 0
    for block in blocks:
        if not block.is_table:
            r += 1
            if block.text:
                sheet.cell(row=r, column=1, value=block.text)
            continue
        for values in block.rows:
            r += 1
            for c, value in enumerate(values, 1):
                if value:
                    cell = sheet.cell(row=r, column=c)
                    cell.value, fmt = _cell_value(value)
                    if fmt:
                        cell.number_format = fmt
                    elif isinstance(cell.value, str):
                        cell.data_type = "s"     # 「=100%」 is a target as typed, not a formula
            for first, last in spans(values):
                sheet.merge_cells(start_row=r, start_column=first + 1, end_row=r, end_column=last + 1)
    book.save(str(path))
    return path


def render_pdf(blocks: list[Block], path: Path, cramped: bool = False) -> Path:
    """Ruled tables (reportlab Table, wrapped cells, merged label rows) between paragraphs,
    on landscape A3 pages: the widest seed tables have 19 columns.  `cramped` narrows the
    figure columns so that their figures wrap, as forms squeezed onto a page print them."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A3, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from fixtures_build import _cid_font

    font = _cid_font()
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    cell_style = ParagraphStyle("cell", parent=body, fontSize=8, leading=10)
    title = ParagraphStyle("title", parent=body, fontSize=14, leading=20)
    page_width = landscape(A3)[0] - 72 * 2
    story = []
    for block in blocks:
        if not block.is_table:
            story.append(Paragraph(escape(block.text), title if block.heading else body)
                         if block.text else Spacer(1, 6))
            continue
        widths = _column_widths(block.rows, page_width, font, 8, cramped)
        rows = [[Paragraph(escape(v).replace("\n", "<br/>"), cell_style) if v else "" for v in values]
                for values in block.rows]
        style = [("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 8),
                 ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        style += [("SPAN", (first, r), (last, r)) for r, values in enumerate(block.rows)
                  for first, last in spans(values)]
        table = Table(rows, colWidths=widths)
        table.setStyle(TableStyle(style))
        story.append(table)
    doc = SimpleDocTemplate(str(path), pagesize=landscape(A3), leftMargin=72, rightMargin=72)
    doc.build(story)
    return path


def _column_widths(rows: list[list[str]], total: float, font: str, size: float,
                   cramped: bool = False) -> list[float]:
    """Widths as a form designer sets them: every column as wide as its longest line (merged
    label rows aside), then the wide text columns narrowed until the table fits the page.
    `cramped`: the figure columns too narrow for their figures, which wrap (98.8|7)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pad = 14.0
    natural = [24.0] * len(rows[0])
    figures = [0] * len(rows[0])
    for values in rows:
        merged = {i for first, last in spans(values) for i in range(first, last + 1)}
        for i, value in enumerate(values):
            if value and i not in merged:
                line = max(stringWidth(part, font, size) for part in value.split("\n"))
                natural[i] = max(natural[i], min(line, 220.0) + pad)
                figures[i] += 1 if _NUMBER.fullmatch(value) else -1
    if cramped:
        natural = [pad + 2.2 * size if n > 0 else w for w, n in zip(natural, figures)]
    while sum(natural) > total:
        widest = max(natural)
        narrower = [w for w in natural if w < widest]
        floor = max(max(narrower, default=0.0), 60.0)
        excess = sum(natural) - total
        wide = [i for i, w in enumerate(natural) if w == widest]
        cut = min((widest - floor), excess / len(wide))
        if cut <= 0:
            break
        for i in wide:
            natural[i] -= cut
    return natural


def _cell_value(text: str) -> tuple[object, str | None]:
    if _NUMBER.fullmatch(text):
        return (float(text) if "." in text else int(text)), ("0." + "0" * len(text.split(".")[1])
                                                            if "." in text else None)
    m = _PERCENT.fullmatch(text)
    if m:
        decimals = len(m.group(2) or "")
        return float(m.group(1)) / 100, "0" + ("." + "0" * decimals if decimals else "") + "%"
    return text, None


RENDERERS = {"pdf": render_pdf, "docx": render_docx, "xlsx": render_xlsx}


# ---------------------------------------------------------------------------- fixtures

def _seeds() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


@pytest.fixture(scope="module")
def text_projects() -> dict[str, list[str]]:
    return {seed.name: [p.name for p in extract_path(seed).projects] for seed in _seeds()}


@pytest.fixture(scope="module", params=FORMATS)
def rendered(request, tmp_path_factory):
    """(format, {seed name: Report of its rendering}, the score summary)."""
    kind = request.param
    folder = tmp_path_factory.mktemp(f"seeds_{kind}")
    reports = {}
    for seed in _seeds():
        path = RENDERERS[kind](layout(seed.read_text(encoding="utf-8")), folder / f"{seed.stem}.{kind}")
        report = extract_path(path)
        report.doc = seed.name          # score.py matches predictions to gold by the seed's name
        reports[seed.name] = report
    pred = folder / "pred.jsonl"
    pred.write_text("".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in reports.values()),
                    encoding="utf-8")
    summary = folder / "summary.json"
    done = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(pred), str(GOLD), str(SEEDS),
                           "--json", str(summary)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    print(f"\n{kind}:\n{done.stdout}")
    return kind, reports, json.loads(summary.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------- tests

def test_the_layout_keeps_every_word_of_the_seed():
    for seed in _seeds():
        text = seed.read_text(encoding="utf-8")
        blocks = layout(text)
        laid = "".join(b.text + "".join(c for row in b.rows for c in row) for b in blocks)
        assert re.sub(r"[\s#]", "", laid) == re.sub(r"[\s#]", "", text), seed.name
        assert any(b.is_table for b in blocks)


def test_indicator_rows_are_found_as_well_as_from_the_text(rendered):
    kind, _, summary = rendered
    per_doc = {name: round(s["indicators"]["f1"], 3) for name, s in summary["documents"].items()}
    assert summary["overall"]["indicators"]["f1"] >= 0.95, (kind, per_doc)


def test_the_projects_are_those_of_the_text_version(rendered, text_projects):
    kind, reports, _ = rendered
    for name, report in reports.items():
        assert [p.name for p in report.projects] == text_projects[name], (kind, name)


def test_figures_wrapped_in_narrow_pdf_cells_read_whole(tmp_path):
    """A 得分 column two characters wide prints 98.87 on two lines; the reader joins it."""
    seed = _seeds()[0]
    path = render_pdf(layout(seed.read_text(encoding="utf-8")), tmp_path / "cramped.pdf", cramped=True)
    split = re.compile(r"\d +\d")        # a figure cut in two by the line break
    assert len(split.findall(read_document(path).text)) == len(split.findall(seed.read_text(encoding="utf-8")))
    want = [(i.name, i.weight, i.score) for p in extract_path(seed).projects for i in p.indicators]
    have = [(i.name, i.weight, i.score) for p in extract_path(path).projects for i in p.indicators]
    assert have == want
