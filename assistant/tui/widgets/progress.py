"""Review progress (reviewed / total), always visible above the table."""
from __future__ import annotations

from textual.widgets import Static

from assistant.store import ReviewItem


class ProgressLine(Static):
    def show(self, items: list[ReviewItem]) -> None:
        total = len(items)
        counts = {s: sum(1 for i in items if i.status == s) for s in ("accepted", "rejected", "edited")}
        reviewed = sum(counts.values())
        share = f"{reviewed / total:.0%}" if total else "—"
        # One line whatever it says (see app.tcss): no layout pass, which would repaint the table.
        self.update(f"已审核 {reviewed}/{total}（{share}） · 接受 {counts['accepted']} · 拒绝 "
                    f"{counts['rejected']} · 修改 {counts['edited']} · 待审 {total - reviewed}", layout=False)
