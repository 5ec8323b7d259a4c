"""The edit dialog (e): text, kind, themes and category of one item, in Inputs that take Chinese."""
from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from assistant.store import ReviewItem
from assistant.tui.chat_lexicon import Lexicon
from assistant.tui.screens.dialog import Dialog
from rich.text import Text
from assistant.textsafe import printable


class EditScreen(Dialog[dict[str, Any] | None]):
    """Dismisses with {text, kind, themes, category} or None when cancelled."""

    BINDINGS = [Binding("ctrl+s", "save", "保存", id="edit.save"),
                Binding("escape", "cancel", "取消", id="edit.cancel")]

    def __init__(self, item: ReviewItem, lexicon: Lexicon) -> None:
        super().__init__()
        self.item, self.lexicon = item, lexicon

    def compose(self) -> ComposeResult:
        item, lx = self.item, self.lexicon
        with Vertical(id="edit-dialog", classes="dialog"):
            yield Label(Text(printable(f"修改条目（{item.project or '整体'}）")), classes="dialog-title")
            yield Label("内容")
            yield Input(item.text, id="edit-text")
            yield Label("类型：问题 / 原因 / 措施 / 指标 / 发现")
            yield Input(lx.kind_names.get(item.kind, item.kind), id="edit-kind")
            yield Label("主题：名称或代码，用顿号分隔，如 预算执行、宣传服务")
            yield Input(lx.theme_label(item.themes), id="edit-themes")
            yield Label("指标分类（指标才需要）：数量 / 质量 / 时效 / 成本 / 满意度 …")
            yield Input(item.category or "", id="edit-category")
            yield Static("", id="edit-error", classes="dialog-error")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#edit-text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        value = {name: self.query_one(f"#edit-{name}", Input).value for name in
                 ("text", "kind", "themes", "category")}
        try:
            result = {
                "text": value["text"].strip() or self.item.text,
                "kind": self.lexicon.resolve_kind(value["kind"]) if value["kind"].strip() else self.item.kind,
                "themes": self.lexicon.resolve_themes(value["themes"]),
                "category": self.lexicon.resolve_category(value["category"]),
            }
        except ValueError as exc:
            self.query_one("#edit-error", Static).update(str(exc))
            return
        self.dismiss(result)
