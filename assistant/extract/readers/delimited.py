"""Delimited text (CSV, and TAB text with quoted cells) → the TAB rows the table reader reads.

A form saved from Excel or WPS as CSV ("逗号分隔"), or as "Unicode 文本" (TAB-separated,
UTF-16), prints each row as one record: cells separated by commas (or TABs), a cell holding
a comma, a quote or a line break wrapped in double quotes.  Read as plain text, a quoted cell's
line break splits its row in two and the commas hide the columns.  Here the records are parsed
with the standard library's `csv` module and laid out as the XLSX reader lays out a sheet
(`readers.table_lines`): cells joined by TAB, rows padded to the table's width, a title row
printed alone, blank rows kept as block breaks.

The content decides, as elsewhere (readers/sniff.py): a text counts as comma-separated when
most of its records have one width of at least three cells and some have empty cells (",,")
— the marks of a spreadsheet export, which pads every row to the sheet's width and leaves a
merged cell's other parts empty; prose with ASCII commas neither lines up nor leaves gaps.  A file named .csv needs only records of two cells or more.  TAB text
is re-read only when a quoted cell spans lines, so ordinary TAB rows stay exactly as they are.
"""
from __future__ import annotations

import csv
import io
from collections import Counter

from assistant.extract.readers import cell_text, table_lines

_SAMPLE_LINES = 400        # lines looked at before parsing anything
_MIN_RECORDS = 6           # an export has a title, a header and rows
_MIN_GAPPED = 2            # records with an empty cell (merged or unfilled) an export shows
_ALIGNED = 0.6             # share of records that must have the commonest width
_WIDE = 3                  # cells a record needs to count, unless the file is named .csv


def table_text(text: str, name: str = "") -> str | None:
    """`text` laid out as TAB rows when it is a delimited table export, else None."""
    named_csv = name.lower().endswith(".csv")
    if _looks_comma_separated(text, named_csv):
        rows = _aligned_records(text, ",", 2 if named_csv else _WIDE)
        if rows is not None:
            return "\n".join(table_lines(rows))
    if '\t"' in text or text.startswith('"'):
        return _quoted_tab_text(text)
    return None


def _looks_comma_separated(text: str, named_csv: bool) -> bool:
    """A cheap look at the first lines: enough of them carry two commas or more."""
    sample = text[:1 << 16]
    wanted = 1 if named_csv else _WIDE - 1      # commas a line of a record carries
    if sample.count(",") < wanted:
        return False            # no line can carry them (most reports: their commas are ，)
    lines = [line for line in sample.splitlines()[:_SAMPLE_LINES] if line.strip()]
    if len(lines) < (2 if named_csv else _MIN_RECORDS):
        return False
    commas = sum(1 for line in lines if line.count(",") >= wanted)
    return commas >= len(lines) * (0.5 if named_csv else _ALIGNED)


def _records(text: str, delimiter: str) -> list[list[str]] | None:
    """The records of `text` (quoted cells may span lines); None when the quoting is broken."""
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error:
        return None


def _aligned(records: list[list[str]], wide: int) -> bool:
    """Whether most filled records share one width of `wide` cells or more."""
    filled = [r for r in records if any(cell.strip() for cell in r)]
    if not filled:
        return False
    width, count = Counter(len(r) for r in filled).most_common(1)[0]
    return width >= wide and count >= len(filled) * _ALIGNED


def _tidied(records: list[list[str]]) -> list[list[str]]:
    return [[cell_text(cell) for cell in record] for record in records]


def _aligned_records(text: str, delimiter: str, wide: int) -> list[list[str]] | None:
    """The records, cells tidied, when most of them share one width of `wide` cells or more
    (and, unless the file is named .csv, enough of them to be a form, some with gaps)."""
    records = _records(text, delimiter)
    if records is None:
        return None
    if wide >= _WIDE:
        filled = [r for r in records if any(cell.strip() for cell in r)]
        gapped = sum(1 for r in filled if not all(cell.strip() for cell in r))
        if len(filled) < _MIN_RECORDS or gapped < _MIN_GAPPED:
            return None
    return _tidied(records) if _aligned(records, wide) else None


def _quoted_tab_text(text: str) -> str | None:
    """TAB text whose quoted cells span lines, re-read as records; None when none does."""
    records = _records(text, "\t")
    if records is None or not any("\n" in cell or "\r" in cell for record in records for cell in record):
        return None
    return "\n".join(table_lines(_tidied(records))) if _aligned(records, _WIDE) else None
