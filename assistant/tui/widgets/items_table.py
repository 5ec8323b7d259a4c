"""The table of a document's review items: status, text, kind, theme, project."""
from __future__ import annotations

from typing import Callable

from rich.cells import cell_len
from rich.text import Text
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from assistant.draft.sentences import short_name
from assistant.store import ReviewItem
from assistant.chat.intents import Lexicon
from assistant.textsafe import printable
from assistant.tui.widgets.table_cells import set_cells

STATUS_MARKS = {"pending": ("·", ""), "accepted": ("✓", "green"), "rejected": ("✗", "red"),
                "edited": ("✎", "yellow")}
# 内容 first, after the status mark, so that it is what a narrow terminal shows
COLUMNS = (("status", "状态", 6), ("text", "内容", 56), ("kind", "类型", 4), ("theme", "主题", 18),
           ("project", "项目", 14))
WIDTHS = {key: width for key, _, width in COLUMNS}
# Rows the table holds at once: a DataTable measures every cell of every row it is given,
# which took seconds on a document of tens of thousands of items.  The items of a longer
# document are shown a page at a time (as the documents list is); moving past a page's edge
# shows the next.
PAGE = 500


class ItemsTable(DataTable):
    """One row per item, keyed by item id; `show(items)` fills it, `refresh_item` updates one.

    Items are shown PAGE at a time: `index` is the cursor's place among all the items and
    `move_to(index)` goes there, showing its page; moving up or down past a page's edge
    shows the page before or after.  `on_move(index)` is called as soon as the cursor
    changes item, in the same handler as the key that moved it, so whatever follows the
    cursor is drawn in the same frame (the RowHighlighted message would arrive a frame or
    two later).
    """

    def __init__(self, lexicon: Lexicon, on_move: Callable[[int], None] | None = None, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.lexicon = lexicon
        self.on_move = on_move
        self.items: list[ReviewItem] = []
        self.page_start = 0                 # index of the item in the table's first row
        self._loading = False
        for key, label, width in COLUMNS:
            self.add_column(label, width=width, key=key)

    def show(self, items: list[ReviewItem]) -> None:
        self.items = items
        self._loading = True
        try:
            self._load_page(0)
        finally:
            self._loading = False

    @property
    def index(self) -> int:
        """The cursor's item among all the items."""
        return self.page_start + self.cursor_row

    def move_to(self, index: int) -> None:
        if not self.items:
            return
        index = max(0, min(index, len(self.items) - 1))
        start = index - index % PAGE
        if start == self.page_start:
            self.move_cursor(row=index - start)
            return
        self._loading = True            # the cursor's trip through the new page's rows is no move
        try:
            self._load_page(start)
            self.move_cursor(row=index - start)
        finally:
            self._loading = False
        if self.on_move is not None:    # the row may be the one the cursor already stood on
            self.on_move(index)

    def action_cursor_down(self) -> None:
        if self.cursor_row >= self.row_count - 1 and self.page_start + self.row_count < len(self.items):
            self.move_to(self.index + 1)
            return
        super().action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.cursor_row <= 0 and self.page_start > 0:
            self.move_to(self.index - 1)
            return
        super().action_cursor_up()

    def _load_page(self, start: int) -> None:
        self.page_start = start
        self.clear()
        for item in self.items[start:start + PAGE]:
            self.add_row(*self._cells(item), key=str(item.id))

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        super().watch_cursor_coordinate(old, new)
        if self.on_move is not None and old.row != new.row and not self._loading:
            self.on_move(self.page_start + new.row)

    def refresh_item(self, item: ReviewItem) -> None:
        """Show an item as it now stands (on its page; the list is the caller's): only its
        own row is drawn again (table_cells.set_cells)."""
        row_key = str(item.id)
        if row_key not in self.rows:
            return                          # on another page: drawn when that page is shown
        set_cells(self, row_key, {key: value for (key, _, _), value in zip(COLUMNS, self._cells(item))})

    def cell_text(self, item_id: int, column: str) -> str:
        """What a cell shows, as plain text."""
        value = self.get_cell(str(item_id), column)
        return value.plain if isinstance(value, Text) else str(value)

    def _cells(self, item: ReviewItem) -> tuple:
        mark, style = STATUS_MARKS.get(item.status, ("?", ""))
        status = Text(f"{mark} {self.lexicon.status_names.get(item.status, item.status)}", style=style)
        theme = self.lexicon.theme_label(item.themes) if item.themes else (item.category or "")
        project = short_name(item.project) or "（整体）"      # the budget code says nothing in 14 cells
        kind = self.lexicon.kind_names.get(item.kind, item.kind)
        # Cut to the column here, once: Rich would otherwise wrap the whole text on every repaint.
        # report text is data: Text cells are never read as markup, control characters shown as �
        cells = {"status": status, "kind": kind, "theme": Text(printable(_clip(theme, WIDTHS["theme"]))),
                 "project": Text(printable(_clip(project, WIDTHS["project"]))),
                 "text": Text(printable(_clip(item.summary, WIDTHS["text"])))}
        return tuple(cells[key] for key, _, _ in COLUMNS)


def _clip(text: str, width: int) -> str:
    """`text` cut to `width` terminal cells (CJK characters take two), with … when cut."""
    if cell_len(text) <= width:
        return text
    used, out = 0, []
    for char in text:
        used += cell_len(char)
        if used > width - 1:
            break
        out.append(char)
    return "".join(out) + "…"
