"""XLSX → text with openpyxl (read-only, cached values): each visible sheet's rows as lines.

A row is its cells joined by TAB, padded to the sheet's width so a table's rows line up as
in the seeds; merged cells hold their value in the first cell only, so they print once.
A title row above a table (only its first cell filled) prints without padding.  Numbers are
printed as the sheet shows them: 100 not "100.0", a percent format as "98.75%", the format's
decimals kept; thousands separators are left out so numbers read the same as in text.
Sheets are separated by a blank line, as are runs of rows separated by empty rows.
"""
from __future__ import annotations

import datetime as dt
import io
import re

from assistant.extract import readers
from assistant.extract.readers import Decoded, Unreadable, cell_text, check_zip, message, table_lines
from assistant.messages import say

_DECIMALS = re.compile(r"\.([0#?]+)")
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def read_xlsx(data: bytes, name: str = "FILE") -> Decoded:
    """The text of a workbook's visible sheets; `Unreadable` when openpyxl cannot open it."""
    import openpyxl

    check_zip(data, say("Excel 工作簿", "Excel workbook"))
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        cause = f"{type(exc).__name__}: {message(exc)}"
        raise Unreadable(say(f"Excel 工作簿已损坏（{cause}）；请用 Excel 或 WPS 打开后重新保存",
                             f"damaged Excel workbook ({cause}); "
                             "open it in Excel or WPS and save it again")) from None
    sheets, warnings = [], []
    budget = [int(readers.limits()["max_cells"])]
    try:
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible":
                title = repr(sheet.title)
                warnings.append(say(f"已跳过隐藏工作表「{title[1:-1]}」", f"hidden sheet {title} skipped"))
                continue
            sheet.reset_dimensions()   # a stale <dimension> would pad every row to it
            lines = sheet_lines(_counted(sheet.iter_rows(), budget))
            if lines:
                sheets.append("\n".join(lines))
    finally:
        book.close()
    if not sheets:
        raise Unreadable(say("Excel 工作簿的可见工作表里没有任何填了内容的单元格",
                             "an Excel workbook without any filled cell in its visible sheets"))
    return Decoded("\n\n".join(sheets), "xlsx", warnings)


def _counted(rows, budget: list[int]):
    """The rows, counting their cells against the workbook's budget (padding included: a
    single cell at XFD1048576 makes every row sixteen thousand cells wide)."""
    for row in rows:
        budget[0] -= max(1, len(row))      # an empty row costs a step too
        if budget[0] < 0:
            cells = f"{int(readers.limits()['max_cells']):,}"
            raise Unreadable(say(f"Excel 工作簿超过 {cells} 个单元格（超出 lexicons/limits.yaml 的上限）；"
                                 "请删除表格以外远处的空行和空列，或调高 max_cells",
                                 f"an Excel workbook of more than {cells} cells "
                                 "(over the limit of lexicons/limits.yaml); delete the empty columns "
                                 "and rows far from the table, or raise max_cells"))
        yield row


def sheet_lines(rows) -> list[str]:
    """One sheet's rows (openpyxl cells) as TAB-joined lines, blocks split by a blank line."""
    return table_lines([format_value(c.value, getattr(c, "number_format", None)) for c in row] for row in rows)


def format_value(value: object, number_format: str | None = None) -> str:
    """A cell value as the sheet shows it (within reason: no grouping, no currency signs)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return _number(value, number_format or "General")
    return cell_text(value)


def _number(value: int | float, number_format: str) -> str:
    fmt = _QUOTED.sub("", number_format.split(";")[0])
    if "%" in fmt:
        return f"{value * 100:.{_decimals(fmt)}f}%"
    if number_format != "General" and any(ch in fmt for ch in "0#"):
        return f"{value:.{_decimals(fmt)}f}"
    if isinstance(value, int) or (value.is_integer() and abs(value) < 1e15):
        return str(int(value))
    return f"{value:.15g}"


def _decimals(fmt: str) -> int:
    found = _DECIMALS.search(fmt)
    return len(found.group(1)) if found else 0
