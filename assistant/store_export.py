"""Writing reviewed items out: JSON Lines, CSV (UTF-8 with BOM, so Excel reads the Chinese)
and Excel workbooks through openpyxl."""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, Iterable

from assistant.store_rows import ReviewItem
from assistant.textsafe import printable, spreadsheet_text

FORMATS = ("jsonl", "csv", "xlsx")
# Column order of csv and xlsx, with the Chinese header an analyst sees.
COLUMNS = (
    ("document", "文档"), ("project", "项目"), ("kind", "类型"), ("themes", "主题"),
    ("category", "指标分类"), ("text", "内容"), ("original_text", "原文"), ("target", "目标值"),
    ("actual", "实际值"), ("status", "审核状态"), ("who", "审核人"), ("at", "审核时间"),
    ("start", "起始位置"), ("end", "结束位置"), ("draft", "改进措施草稿"), ("key", "键"),
)


def export_record(item: ReviewItem, draft: str | None) -> dict[str, Any]:
    """The exported form of one reviewed item."""
    return {
        "document": item.doc_name, "project": item.project, "kind": item.kind,
        "themes": list(item.themes), "category": item.category, "text": item.text,
        "original_text": item.original_text, "target": item.detail.get("target"),
        "actual": item.detail.get("actual"), "status": item.status, "who": item.who,
        "at": item.at, "start": item.start, "end": item.end, "draft": draft, "key": item.key,
    }


def write_records(records: Iterable[dict[str, Any]], fmt: str, path: str | Path) -> int:
    """Write records to `path` in `fmt`; return how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    records = list(records)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([title for _, title in COLUMNS])
            for rec in records:
                writer.writerow([_csv_cell(_cell(rec[name])) for name, _ in COLUMNS])
    else:
        from openpyxl import Workbook  # only exports need it

        book = Workbook()
        sheet = book.active
        sheet.title = "审核结果"
        sheet.append([title for _, title in COLUMNS])
        for row_no, rec in enumerate(records, 2):
            sheet.append([_xlsx_value(_cell(rec[name])) for name, _ in COLUMNS])
            for cell in sheet[row_no]:
                if cell.data_type == "f":      # report text, never a live formula (=100%, =HYPERLINK…)
                    cell.data_type = "s"
        sheet.freeze_panes = "A2"
        book.save(path)
    return len(records)


def _csv_cell(value: Any) -> Any:
    return spreadsheet_text(value) if isinstance(value, str) else value


def _xlsx_value(value: Any) -> Any:
    return printable(value) if isinstance(value, str) else value


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return "" if value is None else value
