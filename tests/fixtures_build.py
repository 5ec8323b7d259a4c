"""Fixtures built in code: one 项目支出绩效自评表 rendered as PDF, DOCX and XLSX, and bad inputs.

`FORM` is the table as the seeds print it (one list per row, "" for empty or merged-away
cells); `SPANS` are its merged regions as (first_col, first_row, last_col, last_row).  Each
builder renders the same form, so the readers' text can be compared with `form_lines()`.
"""
from __future__ import annotations

import io
import tempfile
import struct
from pathlib import Path

TITLE = "项目支出绩效自评表"
YEAR = "（2023年度）"
CONTACT = "联系人：张三"
PAGE2_HEADING = "二、存在问题及改进措施"
PAGE2_TEXT = "部分诉求办理时限较长，下一步将完善督办机制。"
REASON = "部分诉求涉及多个部门，协调办理时限较长，群众满意率略低于年度目标"

FORM: list[list[str]] = [
    ["项目名称", "12345政务服务便民热线运行经费", "", "", "", "", "", "", ""],
    ["主管部门", "某市政务服务管理局", "", "", "实施单位", "某市12345热线中心", "", "", ""],
    ["项目资金(万元)", "资金来源", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
    ["", "年度资金总额", "120", "120", "118.5", "10", "98.75%", "9.88", ""],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
     "未完成原因分析"],
    ["", "产出指标", "数量指标", "发放条数", "≥150万条", "162万条", "20", "20", ""],
    ["", "", "质量指标", "群众满意率", "≥95%", "93%", "20", "18", REASON],
    ["", "效益指标", "社会效益指标", "热线接通率", "≥90%", "96%", "30", "30", ""],
    ["总分", "", "", "", "", "", "100", "97.88", ""],
]
SPANS = [(1, 0, 8, 0), (1, 1, 3, 1), (5, 1, 8, 1), (0, 2, 0, 3), (0, 4, 0, 7), (1, 5, 1, 6),
         (0, 8, 5, 8)]


def form_lines() -> list[str]:
    """The form's rows as the readers should print them."""
    return ["\t".join(row) for row in FORM]


def build_pdf(path: Path | io.BytesIO, *, second_page: bool = True,
              encrypt: str | None = None) -> Path:
    """The form as a PDF (STSong-Light CID font, ruled reportlab Table)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import (PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table,
                                    TableStyle)

    font = _cid_font()
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=22)
    rows = [[Paragraph(cell, body) if cell == REASON else cell for cell in row] for row in FORM]
    widths = [82, 130, 62, 70, 70, 62, 48, 40, 110]
    table = Table(rows, colWidths=widths)
    style = [("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 9),
             ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    style += [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in SPANS]
    table.setStyle(TableStyle(style))
    story = [Paragraph(TITLE, title), Paragraph(YEAR, body), Spacer(1, 8), table,
             Spacer(1, 8), Paragraph(CONTACT, body)]
    if second_page:
        story += [PageBreak(), Paragraph(PAGE2_HEADING, body), Paragraph(PAGE2_TEXT, body)]
    target = str(path) if isinstance(path, Path) else path
    doc = SimpleDocTemplate(target, pagesize=landscape(A4), encrypt=encrypt)
    doc.build(story)
    return path


def build_docx(path: Path) -> Path:
    """The form as a Word document: title paragraphs, merged-cell table, contact line."""
    import docx

    document = docx.Document()
    document.add_heading(TITLE, level=1)
    document.add_paragraph(YEAR)
    table = document.add_table(rows=len(FORM), cols=len(FORM[0]))
    for r, row in enumerate(FORM):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for c0, r0, c1, r1 in SPANS:
        merged = table.cell(r0, c0).merge(table.cell(r1, c1))
        merged.text = FORM[r0][c0]      # merge() concatenates the cells' paragraphs
    document.add_paragraph(CONTACT)
    document.add_paragraph(PAGE2_HEADING)
    document.add_paragraph(PAGE2_TEXT)
    document.save(str(path))
    return path


def build_html(path: Path, encoding: str = "utf-8") -> Path:
    """The form as a web page: merged cells as colspan/rowspan, a <br> inside the reason cell,
    entities, a script and a style that must not show, the second page as paragraphs."""
    from html import escape

    covered = {(r, c) for c0, r0, c1, r1 in SPANS for r in range(r0, r1 + 1)
               for c in range(c0, c1 + 1) if (r, c) != (r0, c0)}
    spans = {(r0, c0): (c1 - c0 + 1, r1 - r0 + 1) for c0, r0, c1, r1 in SPANS}
    rows = []
    for r, row in enumerate(FORM):
        cells = []
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            cols, span_rows = spans.get((r, c), (1, 1))
            attrs = (f' colspan="{cols}"' if cols > 1 else "") + (f' rowspan="{span_rows}"' if span_rows > 1 else "")
            body = escape(text).replace("，", "，<br/>", 1) if text == REASON else escape(text)
            cells.append(f"<td{attrs}>{body}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    page = (f'<!DOCTYPE html>\n<html><head><meta charset="{encoding}"><title>{TITLE}</title>'
            "<style>td { border: 1px solid }</style><script>var x = '<td>';</script></head>\n<body>"
            f"<h2>{TITLE}</h2><p>{YEAR}</p>\n<table>\n" + "\n".join(rows) + "\n</table>\n"
            f"<p>{CONTACT}</p><h3>{PAGE2_HEADING}</h3><p>{PAGE2_TEXT}&nbsp;</p></body></html>\n")
    path.write_bytes(page.encode(encoding))
    return path


def build_xlsx(path: Path) -> Path:
    """The form as a workbook: numbers as numbers (a percent format for 执行率), merged cells,
    a second sheet with the page-2 text."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "自评表"
    sheet.append([TITLE])
    for row in FORM:
        sheet.append([_number(cell) for cell in row])
    sheet.cell(row=5, column=7).number_format = "0.00%"
    for c0, r0, c1, r1 in SPANS:
        sheet.merge_cells(start_row=r0 + 2, start_column=c0 + 1, end_row=r1 + 2, end_column=c1 + 1)
    second = book.create_sheet("问题")
    second.append([PAGE2_HEADING])
    second.append([PAGE2_TEXT])
    book.save(str(path))
    return path


def build_scanned_pdf(path: Path, *, text_first_page: bool = False) -> Path:
    """A PDF whose page is a picture, no text layer (after a page of text if asked)."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("RGB", (200, 100), "white")
    for x in range(20, 180):
        image.putpixel((x, 50), (0, 0, 0))
    pdf = canvas.Canvas(str(path))
    if text_first_page:
        pdf.setFont(_cid_font(), 12)
        pdf.drawString(72, 720, "项目名称：12345热线运行经费")
        pdf.showPage()
    pdf.drawImage(ImageReader(image), 50, 500, width=400, height=200)
    pdf.showPage()
    pdf.save()
    return path


def build_png(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (8, 8), "white").save(path, format="PNG")
    return path


def build_ole(path: Path, stream: str) -> Path:
    """A minimal OLE2 compound file whose directory names `stream` (WordDocument → .doc,
    Workbook → .xls): enough for a reader that goes by magic bytes and stream names."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)
    struct.pack_into("<I", header, 48, 0)           # first directory sector
    entry = bytearray(128)
    name = stream.encode("utf-16-le") + b"\x00\x00"
    entry[: len(name)] = name
    struct.pack_into("<H", entry, 64, len(name))
    entry[66] = 2                                    # stream object
    path.write_bytes(bytes(header) + bytes(entry) * 4)
    return path


def pdf_bytes(**kwargs) -> bytes:
    """The PDF's bytes, built in a temporary folder (given a file object, reportlab also
    leaves a file named after the object's repr in the working directory)."""
    with tempfile.TemporaryDirectory() as folder:
        return build_pdf(Path(folder) / "form.pdf", **kwargs).read_bytes()


def _number(cell: str) -> object:
    if cell == "98.75%":
        return 0.9875
    try:
        return int(cell)
    except ValueError:
        pass
    try:
        return float(cell)
    except ValueError:
        return cell


def _cid_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"
