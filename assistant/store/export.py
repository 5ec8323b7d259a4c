"""Writing reviewed items out: JSON Lines, CSV (UTF-8 with BOM, so Excel reads the Chinese)
and Excel workbooks through openpyxl."""
from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any, Iterable

from assistant.store.rows import ReviewItem
from assistant.textsafe import printable, spreadsheet_text

FORMATS = ("jsonl", "csv", "xlsx", "spacy")   # spacy: a DocBin (assistant.language.reviewed_docbin)
# Column order of csv and xlsx, with the Chinese header an analyst sees.
COLUMNS = (
    ("document", "文档"), ("unit", "单位"), ("year", "年度"), ("project", "项目"), ("kind", "类型"),
    ("themes", "主题"), ("level1", "一级指标"), ("level2", "二级指标"), ("category", "指标分类"),
    ("text", "内容"), ("original_text", "原文"), ("target", "目标值"), ("actual", "实际值"),
    ("weight", "分值"), ("score", "得分"), ("adjusted", "预算数"), ("executed", "执行数"),
    ("rate", "执行率(%)"), ("status", "审核状态"), ("who", "审核人"), ("at", "审核时间"),
    ("start", "起始位置"), ("end", "结束位置"), ("draft", "改进措施草稿"), ("key", "键"),
)


def export_record(item: ReviewItem, draft: str | None, facts: dict[str, Any] | None = None) -> dict[str, Any]:
    """The exported form of one reviewed item; `facts` adds what an analyst files beside it
    (单位, 年度, and the project's 预算数 / 执行数 / 执行率)."""
    facts = facts or {}
    return {
        "document": item.doc_name, "unit": facts.get("unit", ""), "year": facts.get("year", ""),
        "project": item.project, "kind": item.kind, "themes": list(item.themes),
        "level1": item.detail.get("level1"), "level2": item.detail.get("level2"),
        "category": item.category, "text": item.text, "original_text": item.original_text,
        "target": item.detail.get("target"), "actual": item.detail.get("actual"),
        "weight": item.detail.get("weight"), "score": item.detail.get("score"),
        "adjusted": facts.get("adjusted"), "executed": facts.get("executed"), "rate": facts.get("rate"),
        "status": item.status, "who": item.who, "at": item.at, "start": item.start, "end": item.end,
        "draft": draft, "key": item.key,
    }


def write_records(records: Iterable[dict[str, Any]], fmt: str, path: str | Path) -> int:
    """Write records to `path` in `fmt`; return how many were written."""
    if fmt not in FORMATS or fmt == "spacy":
        raise ValueError(f"unknown record format {fmt!r}; use one of jsonl, csv, xlsx")
    from assistant.extract.themes import theme_names

    records = list(records)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    themes = theme_names()
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([title for _, title in COLUMNS])
            for rec in records:
                rec = _for_people(rec, themes)
                writer.writerow([_csv_cell(_cell(rec.get(name))) for name, _ in COLUMNS])
    else:
        _write_xlsx(records, path, themes)
    return len(records)


def _write_xlsx(records: list[dict[str, Any]], path: Path, themes: dict[str, str]) -> None:
    """A workbook streamed to disk (openpyxl write-only: memory stays flat however many rows):
    「审核结果」 with every row, then one sheet per kind (问题, 原因, 措施, 指标, 发现) that has
    rows; each with Chinese headers, widths, a frozen header and an autofilter."""
    from openpyxl import Workbook  # only exports need it

    from assistant.lexicon import builtin

    kinds = builtin("export.yaml")["kinds"]
    book = Workbook(write_only=True)
    sheets = [("审核结果", records)]
    for kind, title in kinds.items():
        rows = [r for r in records if r.get("kind") == kind]
        if rows:
            sheets.append((title, rows))
    tmp = path.with_name(path.name + ".tmp")
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        _layout(sheet, len(rows))
        sheet.freeze_panes = "A2"
        sheet.append([title for _, title in COLUMNS])
        for rec in rows:
            people = _for_people(rec, themes)
            # an empty value is no cell at all (streaming writes every cell it is given)
            sheet.append([None if (v := people.get(name)) is None or v == "" or v == []
                          else _xlsx_cell(sheet, _xlsx_value(_cell(v))) for name, _ in COLUMNS])
    book.save(tmp)
    os.replace(tmp, path)


def _xlsx_cell(sheet, value: Any) -> Any:
    """Report text is never a live formula (=100%, =HYPERLINK…): such a cell is typed text."""
    if isinstance(value, str) and value.startswith("="):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def _for_people(rec: dict[str, Any], themes: dict[str, str]) -> dict[str, Any]:
    """csv and Excel read by people: kinds, statuses and themes (`themes`: code → name, read
    once per export) in Chinese, times local."""
    from assistant.lexicon import builtin

    names = builtin("export.yaml")
    out = dict(rec)
    out["kind"] = names["kinds"].get(rec.get("kind"), rec.get("kind"))
    out["status"] = names["statuses"].get(rec.get("status"), rec.get("status"))
    out["themes"] = [themes.get(t, t) for t in rec.get("themes") or ()]
    out["at"] = _local_time(rec.get("at"))
    return out


def _local_time(at: Any) -> Any:
    """「2026-12-02T08:15:00.000+00:00」 → 「2026-12-02 16:15:00」 in the machine's time zone."""
    if not at:
        return at
    from datetime import datetime

    try:
        return datetime.fromisoformat(str(at)).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return at


def _layout(sheet, rows: int) -> None:
    """Column widths, and an autofilter over the header."""
    from openpyxl.utils import get_column_letter

    from assistant.lexicon import builtin

    lex = builtin("export.yaml")
    for n, (name, _) in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(n)].width = lex["widths"].get(name, lex["default_width"])
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{rows + 1}"


def _csv_cell(value: Any) -> Any:
    return spreadsheet_text(value) if isinstance(value, str) else value


def _xlsx_value(value: Any) -> Any:
    return printable(value) if isinstance(value, str) else value


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return "" if value is None else value
