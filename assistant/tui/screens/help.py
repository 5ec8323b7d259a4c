"""The help screen (?): every key of the screen beneath, and what the chat understands."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "close", "关闭", id="help.close")]

    def __init__(self, keys: list[tuple[str, str]], chat_help: str) -> None:
        super().__init__()
        self.keys, self.chat_help = keys, chat_help

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog", classes="dialog"):
            yield Label("快捷键（可在 lexicons/keymap.yaml 或 --keymap 文件中修改）", classes="dialog-title")
            yield Static("\n".join(f"{key:>8}  {what}" for key, what in self.keys), id="help-keys")
            yield Label("对话（按 : 打开）", classes="dialog-title")
            yield Static(self.chat_help, id="help-chat")

    def action_close(self) -> None:
        self.dismiss(None)
