"""One form, printed in every layout real documents come in.

`form_rows(project)` lays a project of an answer key (tests/expected, ../shared gold) out
as the table a 项目支出绩效自评表 / 绩效目标表 prints: title, 项目名称, the budget block,
the indicator header and its rows — first- and second-level labels printed once per group,
as merged cells are — and the total.  `render(rows, layout)` prints those rows:

=============  ==============================================================================
tab            cells parted by TABs (the reference: what PDF and office readers give)
cells          one cell per line, an empty cell an empty line
cells_bar      one cell per line, each ending in ` |` (web pages)
cells_blank    one cell per line, blank lines between cells, empty cells left out
bar_lines      one cell per line, a line holding only `|` after each cell and another after
               each row (what some web-page converters print for a table)
pipe           markdown rows `| a | b |`
pipe_bare      markdown rows without their outer bars `a | b`
spaces         cells parted by runs of spaces (pdftotext -layout)
flat           every cell of the form on one line, parted by single spaces (a flattened page)
wrapped        runs of spaces, long cells wrapped onto the next line at their column (PDF text)
html           an HTML page with a <table> (colspan for the label rows)
docx           a Word document with a real table
xlsx           a workbook, one cell per table cell
csv            Excel's 「CSV（逗号分隔）」: GBK, every row padded to the widest, long cells broken
               over two lines inside quotes (Alt+Enter)
utf16_tab      Excel's 「Unicode 文本」 saved as .txt: UTF-16 with BOM, TABs, the same quoted breaks
=============  ==============================================================================

Nothing here is real text: the answer keys are read at test time.
"""
from __future__ import annotations

import csv
import html
import io
import unicodedata
from pathlib import Path

TEXT_LAYOUTS = ("tab", "cells", "cells_bar", "cells_blank", "bar_lines", "pipe", "pipe_bare", "spaces", "flat", "wrapped")
FILE_LAYOUTS = ("html", "docx", "xlsx", "csv", "utf16_tab")
LAYOUTS = TEXT_LAYOUTS + FILE_LAYOUTS

TITLES = {"self_evaluation": "项目支出绩效自评表", "target_application": "项目绩效目标申报表",
          "budget_target": "项目支出绩效目标表", "department_overall": "部门整体支出绩效自评表"}
WRAP = 12            # characters of a wrapped cell per line


def _num(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def form_rows(project: dict) -> list[list[str]]:
    """The table of one project: a list of rows, "" for an empty (or merged-away) cell."""
    inds = project.get("indicators", [])
    scored = any(i.get("weight") is not None or i.get("score") is not None for i in inds)
    with_actual = any(i.get("actual") not in (None, "") for i in inds) or scored
    with_reason = any(i.get("reason") for i in inds)
    head = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值"]
    if with_actual:
        head.append("实际完成值")
    if scored:
        head += ["分值", "得分"]
    if with_reason:
        head.append("偏差原因分析及改进措施")
    width = len(head)
    rows: list[list[str]] = []
    pad = lambda cells: cells + [""] * (width - len(cells))   # noqa: E731
    rows.append(pad([TITLES.get(project.get("form"), TITLES["self_evaluation"])]))
    rows.append(pad(["项目名称", project["name"]]))
    budget = project.get("budget") or {}
    amounts = [(k, h) for k, h in (("initial", "年初预算数"), ("adjusted", "全年预算数"),
                                    ("executed", "全年执行数"), ("rate", "执行率")) if k in budget]
    if amounts:
        unit = budget.get("unit") or "万元"
        rows.append(pad([f"项目资金（{unit}）"] + [h for _, h in amounts]))
        rows.append(pad(["年度资金总额"] + [_num(budget[k]) + ("%" if k == "rate" else "") for k, _ in amounts]))
    rows.append(head)
    l1 = l2 = None
    for ind in inds:
        level1, level2 = ind.get("level1") or "", ind.get("as_printed") or ind.get("level2") or ""
        row = ["", level1 if level1 != l1 else "", level2 if (level2, level1) != (l2, l1) else "",
               ind["name"], ind.get("target") or ""]
        l1, l2 = level1, level2
        if with_actual:
            row.append(ind.get("actual") or "")
        if scored:
            row += [_num(ind.get("weight")), _num(ind.get("score"))]
        if with_reason:
            row.append(ind.get("reason") or "")
        rows.append(row)
    if project.get("total_score") is not None and scored:
        rows.append(pad(["总分"] + [""] * (width - 3) + ["100", _num(project["total_score"])]))
    return rows


def document_rows(doc: dict) -> list[list[list[str]]]:
    return [form_rows(p) for p in doc.get("projects", []) if p.get("name")]


# ---------------------------------------------------------------------------- text layouts

def render(forms: list[list[list[str]]], layout: str) -> str:
    """The forms of a document as text in one layout (see the module's table)."""
    return "\n\n".join(_render_form(rows, layout) for rows in forms) + "\n"


def _render_form(rows: list[list[str]], layout: str) -> str:
    if layout == "tab":
        return "\n".join("\t".join(r) for r in rows)
    if layout == "cells":
        return "\n\n".join("\n".join(r) for r in rows)
    if layout == "cells_bar":
        return "\n".join(f"{c} |" for r in rows for c in r)
    if layout == "cells_blank":
        return "\n\n".join(c for r in rows for c in r if c)
    if layout == "bar_lines":
        return "\n".join("".join(f"{c}\n|\n" for c in r if c) + "|" for r in rows)
    if layout == "pipe":
        return "\n".join("| " + " | ".join(r) + " |" for r in rows)
    if layout == "pipe_bare":
        return "\n".join(" | ".join(r) for r in rows)
    if layout == "spaces":
        return "\n".join("    ".join(c or "  " for c in r).rstrip() for r in rows)
    if layout == "flat":
        return " ".join(c for r in rows for c in r if c)
    if layout == "wrapped":
        return "\n".join(_wrapped(r) for r in rows)
    raise ValueError(f"no text layout {layout!r}")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrapped(row: list[str]) -> str:
    """A row as pdftotext -layout prints a ruled table: columns at fixed offsets, a cell
    longer than WRAP characters continued on the next lines at its own column."""
    pieces = [[c[k:k + WRAP] for k in range(0, len(c), WRAP)] or [""] for c in row]
    widths = [max(_width(p) for p in ps) for ps in pieces]
    lines = []
    for n in range(max(len(ps) for ps in pieces)):
        parts = []
        for ps, w in zip(pieces, widths):
            part = ps[n] if n < len(ps) else ""
            parts.append(part + " " * (w - _width(part)))
        lines.append("   ".join(parts).rstrip())
    return "\n".join(lines)


# ---------------------------------------------------------------------------- files

def write(forms: list[list[list[str]]], layout: str, folder: Path, stem: str) -> Path:
    """The document as a file of a layout: text layouts as .txt, or .html / .docx / .xlsx."""
    if layout in TEXT_LAYOUTS:
        path = folder / f"{stem}.{layout}.txt"
        path.write_text(render(forms, layout), encoding="utf-8")
        return path
    if layout in ("csv", "utf16_tab"):
        path = folder / (f"{stem}.csv" if layout == "csv" else f"{stem}.{layout}.txt")
        _delimited(forms, path, layout)
        return path
    path = folder / f"{stem}.{layout}"
    {"html": _html, "docx": _docx, "xlsx": _xlsx}[layout](forms, path)
    return path


def _broken(cell: str) -> str:
    """A long cell as typed with Alt+Enter: a line break after WRAP characters, where the
    characters either side are not both ASCII (a break inside a number or word would be read
    as a space)."""
    k = WRAP
    if len(cell) > k and not (cell[k - 1].isascii() and cell[k].isascii()):
        return cell[:k] + "\n" + cell[k:]
    return cell


def _delimited(forms, path: Path, layout: str) -> None:
    width = max(len(row) for rows in forms for row in rows)
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter="," if layout == "csv" else "\t", lineterminator="\r\n")
    for n, rows in enumerate(forms):
        if n:
            writer.writerow([""] * width)
        for row in rows:
            writer.writerow([_broken(c) for c in row] + [""] * (width - len(row)))
    if layout == "csv":
        path.write_bytes(out.getvalue().encode("gb18030"))
    else:
        path.write_bytes(out.getvalue().encode("utf-16"))


def _spans(row: list[str]) -> list[tuple[int, int]]:
    """A label row (项目名称 | name …) spans its empty cells; a table row keeps them."""
    filled = [i for i, c in enumerate(row) if c]
    if len(filled) > 2 and filled != [0, 1]:
        return [(i, i) for i in range(len(row))]
    out = []
    for n, i in enumerate(filled):
        last = (filled[n + 1] if n + 1 < len(filled) else len(row)) - 1
        out.append((i, last))
    return out


def _html(forms, path: Path) -> None:
    parts = ["<html><body>"]
    for rows in forms:
        parts.append("<table border='1'>")
        for row in rows:
            cells = "".join(f"<td colspan='{b - a + 1}'>{html.escape(row[a])}</td>" for a, b in _spans(row))
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table><p></p>")
    parts.append("</body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")


def _docx(forms, path: Path) -> None:
    from docx import Document

    doc = Document()
    for rows in forms:
        table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for a, b in _spans(row):
                cell = table.cell(r, a)
                if b > a:
                    cell = cell.merge(table.cell(r, b))
                cell.text = row[a]
        doc.add_paragraph("")
    doc.save(str(path))


def _xlsx(forms, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    r = 1
    for rows in forms:
        for row in rows:
            for c, value in enumerate(row, start=1):
                if value:
                    cell = ws.cell(row=r, column=c)
                    cell.value = value
                    cell.data_type = "s"        # 「=100%」 is text, not a formula
            r += 1
        r += 1
    wb.save(str(path))
