"""DOCX → text with python-docx: paragraphs and tables in document order.

The body's children are walked in order (content controls opened), so a table sits between
the paragraphs around it.  A table row is one line of TAB-joined cells.  python-docx repeats
a merged cell in every grid position it covers; here it is printed once, in its first row
and column, and "" elsewhere — as the seeds print merged cells.
"""
from __future__ import annotations

import io
from collections.abc import Iterator

from assistant.extract.readers import Decoded, Unreadable, cell_text, check_zip, message
from assistant.messages import say


def read_docx(data: bytes, name: str = "FILE") -> Decoded:
    """The text of a Word document; `Unreadable` when python-docx cannot open it."""
    import docx

    check_zip(data, say("Word 文档", "Word document"))
    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as exc:
        if "macroEnabled" in str(exc):
            raise Unreadable(say("启用宏的 Word 文档（.docm）；请另存为 .docx",
                                 "a macro-enabled Word document (.docm); save it as .docx")) from None
        raise Unreadable(_damaged(exc)) from None
    except Exception as exc:
        raise Unreadable(_damaged(exc)) from None
    lines = list(_blocks(document.element.body, document))
    text = "\n".join(_squeeze_blank(lines)).strip("\n")
    if not text.strip():
        raise Unreadable(say("Word 文档里没有文字（可能只有图片）；如果是扫描件，请先对图片做 OCR 文字识别",
                             "a Word document without text (images only?); "
                             "if it is a scan, run OCR on the images first"))
    return Decoded(text, "docx")


def table_lines(tbl, parent) -> list[str]:
    """One line per row: TAB-joined cells, each merged cell printed once."""
    from docx.table import Table

    table = Table(tbl, parent)
    width = len(table.columns)
    seen = set()     # the <w:tc> elements printed already
    lines = []
    for row in table.rows:
        cells = [""] * row.grid_cols_before
        for cell in row.cells:
            if cell._tc in seen:
                cells.append("")
            else:
                seen.add(cell._tc)
                cells.append(cell_text("\n".join(_cell_lines(cell._tc, parent))))
        cells += [""] * row.grid_cols_after
        cells += [""] * (width - len(cells))
        lines.append("\t".join(cells))
    return lines


def _blocks(element, parent) -> Iterator[str]:
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent).text
        elif child.tag == qn("w:tbl"):
            yield from table_lines(child, parent)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content, parent)


def _cell_lines(tc, parent) -> Iterator[str]:
    # A nested table inside a cell is flattened into the cell's text, row by row.
    for line in _blocks(tc, parent):
        yield line.replace("\t", " ")


def _squeeze_blank(lines: list[str]) -> Iterator[str]:
    blank = False
    for line in lines:
        if line.strip():
            blank = False
            yield line
        elif not blank:
            blank = True
            yield ""


def _damaged(exc: Exception) -> str:
    cause = f"{type(exc).__name__}: {message(exc)}"
    return say(f"Word 文档已损坏（{cause}）；请用 Word 或 WPS 打开后重新保存",
               f"damaged Word document ({cause}); open it in Word or WPS and save it again")
