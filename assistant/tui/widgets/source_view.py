"""The document's text beside the table, with the selected item's span highlighted."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from textual.widgets import TextArea
from textual.widgets.text_area import Selection

# Characters str.splitlines() breaks on besides \n; shown as spaces so offsets stay exact.
_LINE_BREAKS = str.maketrans({c: " " for c in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})
# Characters of a long text shown at once, whole lines round the selected span: a TextArea
# wraps and measures all it holds, so a report of several megabytes made every key slow.
WINDOW = 40_000


class SourceView(TextArea):
    """Read-only source text; `show_span(start, end)` selects it and scrolls it into view.
    Offsets are the document's; a long document is shown a window at a time."""

    def __init__(self, text: str, **kwargs) -> None:
        self._full = text.replace("\r\n", " \n").translate(_LINE_BREAKS)
        self._line_starts = [0]
        at = self._full.find("\n")
        while at >= 0:
            self._line_starts.append(at + 1)
            at = self._full.find("\n", at + 1)
        self._length = len(self._full)
        self._first_line, self._window_end = self._window(0)
        super().__init__(self._full[:self._window_end], read_only=True, soft_wrap=True,
                         show_line_numbers=False, highlight_cursor_line=False, **kwargs)
        self.cursor_blink = False

    @property
    def window_start(self) -> int:
        """Where the text shown begins in the document."""
        return self._line_starts[self._first_line]

    def show_span(self, start: int | None, end: int | None) -> None:
        if start is None:
            self.selection = Selection.cursor((0, 0))
            return
        start = max(0, min(start, self._length))
        end = max(start, min(end if end is not None else start, self._length))
        inside = self.window_start <= start and end <= self._window_end \
            and (start < self._window_end or self._window_end == self._length)
        if not inside:
            self._first_line, self._window_end = self._window(start)
            self.load_text(self._full[self.window_start:self._window_end])
        end = min(end, self._window_end)
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

    def _window(self, offset: int) -> tuple[int, int]:
        """(first line, end offset) of the whole lines shown round `offset`."""
        if self._length <= WINDOW:
            return 0, self._length
        first = max(0, bisect_right(self._line_starts, max(0, offset - WINDOW // 4)) - 1)
        last = bisect_left(self._line_starts, self._line_starts[first] + WINDOW)
        end = self._line_starts[last] if last < len(self._line_starts) else self._length
        return first, max(end, min(self._length, offset + 1))

    def _in_view(self, selection: Selection) -> bool:
        top = self.scroll_offset.y
        bottom = top + self.scrollable_content_region.height
        first = self.wrapped_document.location_to_offset(selection.end).y
        last = self.wrapped_document.location_to_offset(selection.start).y
        return top <= first and last < bottom

    def _location(self, offset: int) -> tuple[int, int]:
        row = bisect_right(self._line_starts, offset) - 1
        return row - self._first_line, offset - self._line_starts[row]
