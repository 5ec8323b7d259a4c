"""Review progress (reviewed / total), always visible above the table."""
from __future__ import annotations

from collections import Counter

from textual.widgets import Static

from assistant.store import ReviewItem


class ProgressLine(Static):
    def show(self, items: list[ReviewItem]) -> None:
        total = len(items)
        counts = Counter(i.status for i in items)       # one pass: a document may hold 60,000 items
        reviewed = counts["accepted"] + counts["rejected"] + counts["edited"]
        share = f"{reviewed / total:.0%}" if total else "—"
        # One line whatever it says (see app.tcss): no layout pass, which would repaint the table.
        self.update(f"已审核 {reviewed}/{total}（{share}） · 接受 {counts['accepted']} · 拒绝 "
                    f"{counts['rejected']} · 修改 {counts['edited']} · 待审 {total - reviewed}", layout=False)
