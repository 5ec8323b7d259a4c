"""Writing reviewed items out: JSON Lines, CSV (UTF-8 with BOM, so Excel reads the Chinese)
and Excel workbooks through openpyxl."""
from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from assistant.lexicon import builtin, derived
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
    """Write records to `path` in `fmt`, one at a time as they come; return how many."""
    if fmt not in FORMATS or fmt == "spacy":
        raise ValueError(f"unknown record format {fmt!r}; use one of jsonl, csv, xlsx")
    from assistant.extract.themes import theme_names

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    themes = theme_names()
    count = 0
    if fmt == "jsonl":
        with path.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                count += 1
    elif fmt == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([title for _, title in COLUMNS])
            for rec in records:
                rec = _for_people(rec, themes)
                writer.writerow([_csv_cell(_cell(rec.get(name))) for name, _ in COLUMNS])
                count += 1
    else:
        count = _write_xlsx(records, path, themes)
    return count


def _write_xlsx(records: Iterable[dict[str, Any]], path: Path, themes: dict[str, str]) -> int:
    """A workbook streamed to disk in one pass over the records (openpyxl write-only: memory
    stays flat however many rows): 「审核结果」 with every row, then one sheet per kind (问题,
    原因, 措施, 指标, 发现) that has rows — each written as its rows come, put in the kinds'
    order at the end; each with Chinese headers, widths, a frozen header and an autofilter.
    Returns the rows written."""
    from openpyxl import Workbook  # only exports need it

    kinds = export_words().kinds
    book = Workbook(write_only=True)
    everything = _new_sheet(book, "审核结果")
    by_kind: dict[str, Any] = {}
    rows: dict[str, int] = {}
    count = 0
    for rec in records:
        people = _for_people(rec, themes)
        # an empty value is no cell at all (streaming writes every cell it is given)
        values = [None if (v := people.get(name)) is None or v == "" or v == [] else _xlsx_value(_cell(v))
                  for name, _ in COLUMNS]
        everything.append([_xlsx_cell(everything, v) for v in values])
        count += 1
        kind = str(rec.get("kind"))
        if kind in kinds:
            sheet = by_kind.get(kind)
            if sheet is None:
                sheet = by_kind[kind] = _new_sheet(book, kinds[kind])
            sheet.append([_xlsx_cell(sheet, v) for v in values])
            rows[kind] = rows.get(kind, 0) + 1
    _filter(everything, count)
    for n, kind in enumerate((k for k in kinds if k in by_kind), start=1):
        sheet = by_kind[kind]
        _filter(sheet, rows[kind])
        book.move_sheet(sheet.title, n - book.index(sheet))     # in the kinds' order
    tmp = path.with_name(path.name + ".tmp")
    book.save(tmp)
    os.replace(tmp, path)
    return count


def _new_sheet(book, title: str):
    """A sheet with the columns' widths, a frozen header row and the header written."""
    sheet = book.create_sheet(title)
    _layout(sheet)
    sheet.freeze_panes = "A2"
    sheet.append([title for _, title in COLUMNS])
    return sheet


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
    names = export_words()
    out = dict(rec)
    out["kind"] = names.kinds.get(rec.get("kind") or "", rec.get("kind"))
    out["status"] = names.statuses.get(rec.get("status") or "", rec.get("status"))
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


def _layout(sheet) -> None:
    """Column widths (written before the first row)."""
    from openpyxl.utils import get_column_letter

    words = export_words()
    for n, (name, _) in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(n)].width = words.widths.get(name, words.default_width)


@dataclass(frozen=True)
class ExportWords:
    """lexicons/export.yaml: how kinds and statuses read in csv and Excel, and column widths."""

    kinds: dict[str, str]
    statuses: dict[str, str]
    forms: dict[str, str]             # the kind of form a project was read from (Project.form)
    widths: dict[str, float]
    default_width: float


@derived(maxsize=1)
def export_words() -> ExportWords:
    lex = builtin("export.yaml")
    return ExportWords(kinds=dict(lex["kinds"]), statuses=dict(lex["statuses"]), forms=dict(lex.get("forms") or {}),
                       widths=dict(lex["widths"]),
                       default_width=lex["default_width"])


def _filter(sheet, rows: int) -> None:
    """An autofilter over the header and `rows` rows (written after the rows)."""
    from openpyxl.utils import get_column_letter

    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{rows + 1}"


def _csv_cell(value: Any) -> Any:
    return spreadsheet_text(value) if isinstance(value, str) else value


def _xlsx_value(value: Any) -> Any:
    return printable(value) if isinstance(value, str) else value


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return "" if value is None else value
