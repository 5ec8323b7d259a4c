"""The find prompt (/): a word or phrase to look for among the items."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class FindScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "取消", id="find.cancel")]

    def __init__(self, last: str = "") -> None:
        super().__init__()
        self.last = last

    def compose(self) -> ComposeResult:
        with Vertical(id="find-dialog", classes="dialog"):
            yield Label("查找（内容或项目名，回车跳到下一处）", classes="dialog-title")
            yield Input(self.last, placeholder="例如：支付进度", id="find-input")

    def on_mount(self) -> None:
        self.query_one("#find-input", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
