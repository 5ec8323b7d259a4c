"""The edit dialog (e): text, kind, themes and category of one item, and an indicator's
目标值 / 实际值 / 分值 / 得分, in Inputs that take Chinese; values are checked before saving."""
from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Static

from assistant.store import ReviewItem
from assistant.chat.intents import Lexicon
from assistant.tui.screens.dialog import Dialog
from rich.text import Text
from assistant.textsafe import printable


# an indicator's values: (detail key, label, a number?)
VALUES = (("target", "目标值", False), ("actual", "实际值", False), ("weight", "分值", True), ("score", "得分", True))


class EditScreen(Dialog[dict[str, Any] | None]):
    """Dismisses with {text, kind, themes, category[, detail]} or None when cancelled."""

    BINDINGS = [Binding("ctrl+s", "save", "保存", id="edit.save"),
                Binding("escape", "cancel", "取消", id="edit.cancel")]

    def __init__(self, item: ReviewItem, lexicon: Lexicon) -> None:
        super().__init__()
        self.item, self.lexicon = item, lexicon

    def compose(self) -> ComposeResult:
        item, lx = self.item, self.lexicon
        with VerticalScroll(id="edit-dialog", classes="dialog"):
            yield Label(Text(printable(f"修改条目（{item.project or '整体'}）")), classes="dialog-title")
            yield Label("内容")
            yield Input(item.text, id="edit-text")
            yield Label("类型：问题 / 原因 / 措施 / 指标 / 发现")
            yield Input(lx.kind_names.get(item.kind, item.kind), id="edit-kind")
            yield Label("主题：名称或代码，用顿号分隔，如 预算执行、宣传服务")
            yield Input(lx.theme_label(item.themes), id="edit-themes")
            yield Label("指标分类（指标才需要）：数量 / 质量 / 时效 / 成本 / 满意度 …")
            yield Input(item.category or "", id="edit-category")
            if item.kind == "indicator":
                with Horizontal(id="edit-values"):
                    for key, label, _ in VALUES:
                        with Vertical(classes="edit-value"):
                            yield Label(label)
                            yield Input(_shown(item.detail.get(key)), id=f"edit-{key}")
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
            result: dict[str, Any] = {
                "text": value["text"].strip() or self.item.text,
                "kind": self.lexicon.resolve_kind(value["kind"]) if value["kind"].strip() else self.item.kind,
                "themes": self.lexicon.resolve_themes(value["themes"]),
                "category": self.lexicon.resolve_category(value["category"]),
            }
            if self.item.kind == "indicator":
                detail = self._values()
                if detail:
                    result["detail"] = detail
        except ValueError as exc:
            self.query_one("#edit-error", Static).update(str(exc))
            return
        self.dismiss(result)

    def _values(self) -> dict[str, Any]:
        """The indicator values that changed; ValueError (in Chinese) for one that cannot be."""
        out: dict[str, Any] = {}
        for key, label, numeric in VALUES:
            text = self.query_one(f"#edit-{key}", Input).value.strip()
            if text == _shown(self.item.detail.get(key)):
                continue
            if not numeric:
                out[key] = text or None
                continue
            try:
                number = float(text) if text else None
            except ValueError:
                raise ValueError(f"{label}须是数字（如 10 或 9.5），不是「{text}」") from None
            if number is not None and not 0 <= number <= 100:
                raise ValueError(f"{label}须在 0 到 100 之间")
            out[key] = number
        weight = out.get("weight", self.item.detail.get("weight"))
        score = out.get("score", self.item.detail.get("score"))
        if weight is not None and score is not None and float(score) > float(weight):
            raise ValueError(f"得分 {_shown(score)} 不能高于分值 {_shown(weight)}")
        return out


def _shown(value: Any) -> str:
    """A value as the form prints it: 10 for 10.0, '' for none."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
