"""The conversational pane: a request line, the answers, and the items they point at.

The pane only shows things: it posts `ChatPane.Asked` with the request and `ChatPane.Jump`
with a chosen hit; the app answers through `assistant.chat.Chat`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, RichLog
from textual.widgets.option_list import Option

from rich.text import Text

from assistant.textsafe import printable
from assistant.chat import Hit, Reply
from assistant.tui.screens.base import ReviewScreen

if TYPE_CHECKING:
    from assistant.tui.app import ReviewApp

PLACEHOLDER = "用中文提问，例如：列出执行率低于90%的项目 · 哪些指标没有完成 · 显示宣传相关的问题（↑↓ 选结果，空行回车打开）"


class ChatPane(Vertical):
    if TYPE_CHECKING:
        app: ReviewApp          # the review app, with its store, lexicon and conversation

    BINDINGS = [Binding("escape", "close", "关闭对话", id="chat.close"),
                # the request line keeps the focus: arrows move through the results from there
                Binding("down", "hit(1)", "下一个结果", show=False, id="chat.next"),
                Binding("up", "hit(-1)", "上一个结果", show=False, id="chat.previous")]

    class Asked(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Jump(Message):
        def __init__(self, hit: Hit) -> None:
            super().__init__()
            self.hit = hit

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._hits: list[Hit] = []

    @property
    def transcript(self) -> list[str]:
        """The conversation so far: the app keeps it, so it follows the analyst from screen
        to screen."""
        return self.app.conversation

    def compose(self) -> ComposeResult:
        yield RichLog(wrap=True, markup=False, id="chat-log")
        yield OptionList(id="chat-hits")
        yield Input(placeholder=PLACEHOLDER, id="chat-input")

    def on_mount(self) -> None:
        log = self.query_one("#chat-log", RichLog)
        for line in self.transcript:
            log.write(Text(printable(line)))

    def open(self) -> None:
        self.display = True
        self.query_one("#chat-input", Input).focus()

    def action_close(self) -> None:
        self.display = False
        screen = self.screen
        if isinstance(screen, ReviewScreen):
            screen.focus_main()

    def show_reply(self, question: str, reply: Reply) -> None:
        log = self.query_one("#chat-log", RichLog)
        for line in (f"> {question}", reply.text):
            self.transcript.append(line)
            log.write(Text(printable(line)))
        self._hits = list(reply.hits)
        hits = self.query_one("#chat-hits", OptionList)
        hits.clear_options()
        hits.add_options([Option(Text(printable(h.label))) for h in self._hits])
        hits.display = bool(self._hits)
        if self._hits:
            hits.highlighted = 0
        # the focus stays on the request line: the next question is typed there, and letters
        # never reach the review keys of the screen behind
        self.query_one("#chat-input", Input).focus()

    def action_hit(self, step: int) -> None:
        hits = self.query_one("#chat-hits", OptionList)
        if self._hits:
            current = hits.highlighted if hits.highlighted is not None else -step
            hits.highlighted = max(0, min(len(self._hits) - 1, current + step))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            event.input.value = ""
            self.post_message(self.Asked(text))
            return
        hits = self.query_one("#chat-hits", OptionList)     # an empty line opens the chosen result
        if self._hits and hits.highlighted is not None:
            self.post_message(self.Jump(self._hits[hits.highlighted]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Jump(self._hits[event.option_index]))
