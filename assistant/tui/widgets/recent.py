"""The latest decisions in this document, so an undo is never a guess."""
from __future__ import annotations

from textual.widgets import Static

from assistant.store import Decision
from rich.text import Text
from assistant.textsafe import printable

MARKS = {"accepted": "✓", "rejected": "✗", "edited": "✎"}


class RecentDecisions(Static):
    def show(self, decisions: list[Decision]) -> None:
        if not decisions:
            self.update("最近的决定：无（u 撤销上一个决定）", layout=False)
            return
        parts = []
        for d in decisions:
            text = d.text if len(d.text) <= 14 else d.text[:13] + "…"
            parts.append(f"{'↶' if d.undone_at else MARKS.get(d.status, '?')} {text}")
        # One line (see app.tcss): no layout pass, which would repaint the table.
        self.update(Text(printable("最近的决定：" + "  ".join(parts))), layout=False)
