"""Changing a DataTable's cells without redrawing the whole table.

`DataTable.update_cell` keys every render cache (cells, rows, lines, the rows' y offsets)
by a count of updates, so changing one cell makes the table draw each visible row again,
cell by cell through Rich, and on a list of 20,000 documents recompute where every row
stands. Where the table keeps its caches as the Textual we install does, `set_cells` puts
the new values in and drops only that row's cache entries; otherwise it uses update_cell.
The reviewing tests read the drawn rows, so a Textual that keeps its caches otherwise is
noticed.
"""
from __future__ import annotations

from textual.cache import LRUCache
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

_CACHES = ("_row_render_cache", "_cell_render_cache", "_row_renderable_cache", "_line_cache")


def set_cells(table: DataTable, row_key: str, values: dict[str, object]) -> None:
    """Show `values` (column key → value) in one row, redrawing that row alone; cells that
    already hold their value are left as they are."""
    changed = {column: value for column, value in values.items() if table.get_cell(row_key, column) != value}
    if changed and not _redraw_row(table, row_key, changed):
        for column, value in changed.items():
            table.update_cell(row_key, column, value)


def _redraw_row(table: DataTable, row_key: str, changed: dict[str, object]) -> bool:
    found = [getattr(table, name, None) for name in _CACHES]
    data, count = getattr(table, "_data", None), getattr(table, "_update_count", None)
    caches = [cache for cache in found if isinstance(cache, LRUCache)]
    if len(caches) < len(_CACHES) or not isinstance(data, dict) or not isinstance(count, int):
        return False
    key = RowKey(row_key)
    row = data.get(key)
    if not isinstance(row, dict):
        return False
    for column, value in changed.items():
        row[ColumnKey(column)] = value
    index = table.get_row_index(key)
    for cache in caches[:2]:                # keyed by row key first
        for cached in [k for k in cache.keys() if isinstance(k, tuple) and k[:1] == (key,)]:
            cache.discard(cached)
    caches[2].discard((count, index))       # the row's cells as renderables, by update count and place
    caches[3].clear()                       # lines are put together from the rows' caches
    table.refresh_row(index)
    return True
