"""The document's text beside the table, with the selected item's span highlighted."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from textual.widgets import TextArea
from textual.widgets.text_area import Selection

# Characters str.splitlines() breaks on besides \n; shown as spaces so offsets stay exact.
_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAKS = str.maketrans({c: " " for c in _BREAKS})
# Characters of a long text shown at once round the selected span (whole lines where the
# lines allow, else cut inside a line: a web page flattened onto one line): a TextArea wraps
# and measures all it holds, so a report of several megabytes made every key slow.
WINDOW = 40_000


class SourceView(TextArea):
    """Read-only source text; `show_span(start, end)` selects it and scrolls it into view.
    Offsets are the document's; a long document is shown a window at a time."""

    def __init__(self, text: str, **kwargs) -> None:
        # (translate is slow on megabytes; most texts hold none of these characters)
        if any(c in text for c in _BREAKS):
            text = text.replace("\r\n", " \n").translate(_LINE_BREAKS)
        self._full = text
        self._line_starts = [0]
        at = self._full.find("\n")
        while at >= 0:
            self._line_starts.append(at + 1)
            at = self._full.find("\n", at + 1)
        self._length = len(self._full)
        self._start, self._end = self._window(0)
        super().__init__(self._full[:self._end], read_only=True, soft_wrap=True,
                         show_line_numbers=False, highlight_cursor_line=False, **kwargs)
        self.cursor_blink = False

    @property
    def window_start(self) -> int:
        """Where the text shown begins in the document."""
        return self._start

    def show_span(self, start: int | None, end: int | None) -> None:
        if start is None:
            self.selection = Selection.cursor((0, 0))
            return
        start = max(0, min(start, self._length))
        end = max(start, min(end if end is not None else start, self._length))
        inside = self._start <= start and end <= self._end and (start < self._end or self._end == self._length)
        if not inside:
            self._start, self._end = self._window(start)
            self.load_text(self._full[self._start:self._end])
        end = min(end, self._end)
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
        """(start, end) of the text shown round `offset`: from a quarter window before it,
        at a line's start when one is near, for WINDOW characters, to a line's end when
        one is near."""
        if self._length <= WINDOW:
            return 0, self._length
        near = WINDOW // 4
        start = max(0, offset - near)
        line = self._line_starts[bisect_right(self._line_starts, start) - 1]
        if start - line <= near:
            start = line
        end = min(self._length, start + WINDOW)
        k = bisect_left(self._line_starts, end)
        if k < len(self._line_starts) and self._line_starts[k] - end <= near:
            end = self._line_starts[k]
        return start, max(end, min(self._length, offset + 1))

    def _in_view(self, selection: Selection) -> bool:
        top = self.scroll_offset.y
        bottom = top + self.scrollable_content_region.height
        first = self.wrapped_document.location_to_offset(selection.end).y
        last = self.wrapped_document.location_to_offset(selection.start).y
        return top <= first and last < bottom

    def _location(self, offset: int) -> tuple[int, int]:
        """(row, column) in the text shown of a document offset inside it."""
        row = bisect_right(self._line_starts, offset) - 1
        first = bisect_right(self._line_starts, self._start) - 1
        return row - first, offset - max(self._line_starts[row], self._start)
