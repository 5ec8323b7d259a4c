"""The document's text beside the table, with the selected item's span highlighted."""
from __future__ import annotations

from bisect import bisect_right

from textual.widgets import TextArea
from textual.widgets.text_area import Selection

# Characters str.splitlines() breaks on besides \n; shown as spaces so offsets stay exact.
_LINE_BREAKS = str.maketrans({c: " " for c in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


class SourceView(TextArea):
    """Read-only source text; `show_span(start, end)` selects it and scrolls it into view."""

    def __init__(self, text: str, **kwargs) -> None:
        shown = text.replace("\r\n", " \n").translate(_LINE_BREAKS)
        super().__init__(shown, read_only=True, soft_wrap=True, show_line_numbers=False,
                         highlight_cursor_line=False, **kwargs)
        self.cursor_blink = False
        self._line_starts = [0] + [i + 1 for i, c in enumerate(shown) if c == "\n"]
        self._length = len(shown)

    def show_span(self, start: int | None, end: int | None) -> None:
        if start is None:
            self.selection = Selection.cursor((0, 0))
            return
        start = max(0, min(start, self._length))
        end = max(start, min(end if end is not None else start, self._length))
        # The cursor sits at the span's start, so scrolling to it shows where the span begins.
        selection = Selection(self._location(end), self._location(start))
        if selection == self.selection:
            return
        # A span already on screen stays where it is; one that comes into view is centred
        # (setting the selection alone would scroll it just to the edge).
        in_view = self._in_view(selection)
        self.selection = selection
        if not in_view:
            self.scroll_cursor_visible(center=True)

    def _in_view(self, selection: Selection) -> bool:
        top = self.scroll_offset.y
        bottom = top + self.scrollable_content_region.height
        first = self.wrapped_document.location_to_offset(selection.end).y
        last = self.wrapped_document.location_to_offset(selection.start).y
        return top <= first and last < bottom

    def _location(self, offset: int) -> tuple[int, int]:
        row = bisect_right(self._line_starts, offset) - 1
        return row, offset - self._line_starts[row]
