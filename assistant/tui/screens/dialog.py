"""What the edit and draft dialogs share: Save and Cancel buttons, Esc to cancel."""
from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button

Result = TypeVar("Result")


class Dialog(ModalScreen[Result]):
    """Subclasses yield `self.buttons()` in their compose and define `action_save`."""

    def buttons(self) -> ComposeResult:
        with Horizontal(classes="dialog-buttons"):
            yield Button("保存 (Ctrl+S)", variant="primary", id="dialog-save")
            yield Button("取消 (Esc)", id="dialog-cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "dialog-save" else self.action_cancel()

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)
