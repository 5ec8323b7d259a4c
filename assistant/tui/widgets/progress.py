"""Review progress (reviewed / total), always visible above the table."""
from __future__ import annotations

from collections import Counter

from textual.widgets import Static

from assistant.store import ReviewItem


class ProgressLine(Static):
    """`show(items)` counts a document's items by status once; `change(before, after)`
    moves one item's count (a document may hold 60,000 items: no recount per key)."""

    counts: Counter = Counter()

    def show(self, items: list[ReviewItem]) -> None:
        self.counts = Counter(i.status for i in items)
        self._draw()

    def change(self, before: str, after: str) -> None:
        self.counts = self.counts.copy()
        self.counts[before] -= 1
        self.counts[after] += 1
        self._draw()

    def _draw(self) -> None:
        counts = self.counts
        total = sum(counts.values())
        reviewed = counts["accepted"] + counts["rejected"] + counts["edited"]
        share = f"{reviewed / total:.0%}" if total else "—"
        # One line whatever it says (see app.tcss): no layout pass, which would repaint the table.
        self.update(f"已审核 {reviewed}/{total}（{share}） · 接受 {counts['accepted']} · 拒绝 "
                    f"{counts['rejected']} · 修改 {counts['edited']} · 待审 {total - reviewed}", layout=False)
