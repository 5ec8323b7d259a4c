"""The draft dialog (d): 改进措施 drafted for a problem, editable before it is saved."""
from __future__ import annotations

from dataclasses import fields
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, Static, TextArea

from assistant.draft.sentences import Provenance
from assistant.store import ReviewItem
from assistant.tui.screens.dialog import Dialog
from rich.text import Text
from assistant.textsafe import printable


class DraftScreen(Dialog[str | None]):
    """Dismisses with the (edited) draft text, or None when cancelled."""

    BINDINGS = [Binding("ctrl+s", "save", "保存草稿", id="draft.save"),
                Binding("escape", "cancel", "取消", id="draft.cancel")]

    def __init__(self, item: ReviewItem, text: str, provenance: Any = ()) -> None:
        super().__init__()
        self.item, self.text, self.provenance = item, text, provenance

    def compose(self) -> ComposeResult:
        with Vertical(id="draft-dialog", classes="dialog"):
            yield Label(Text(printable(f"改进措施草稿 · 针对：{self.item.text}")), classes="dialog-title")
            yield TextArea(self.text, soft_wrap=True, id="draft-text")
            yield Static(Text(printable(_sources(self.provenance))), id="draft-sources")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#draft-text", TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one("#draft-text", TextArea).text)


def _sources(provenance: Any) -> str:
    """One line per sentence: where it came from (template, finding or source document)."""
    lines = []
    for sentence in provenance or ():
        source = (sentence.get("provenance") if isinstance(sentence, dict)
                  else getattr(sentence, "provenance", None))
        label = _label(source)
        if label:
            lines.append(f"· {label}")
    return "依据：\n" + "\n".join(lines) if lines else "依据：无"


def _label(source: Any) -> str:
    """The citation `Provenance.label` gives; a draft reopened from the store has its
    provenance back as a dict, which is turned into a Provenance again."""
    if source is None or isinstance(source, str):
        return source or ""
    if isinstance(source, dict):
        known = {f.name for f in fields(Provenance)}
        source = Provenance(**{k: v for k, v in source.items() if k in known})
    return source.label()
