"""The conversational pane: a request line, the answers, and the items they point at.

The pane only shows things: it posts `ChatPane.Asked` with the request and `ChatPane.Jump`
with a chosen hit; the app answers through `assistant.tui.chat.Chat`.
"""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, RichLog
from textual.widgets.option_list import Option

from assistant.tui.chat import Hit, Reply
from rich.text import Text
from assistant.textsafe import printable

PLACEHOLDER = "用中文提问，例如：列出执行率低于90%的项目 · 哪些指标没有完成 · 显示宣传相关的问题"


class ChatPane(Vertical):
    BINDINGS = [Binding("escape", "close", "关闭对话", id="chat.close")]

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
        self.screen.focus_main()

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
        if self._hits and not reply.action:
            hits.highlighted = 0
            hits.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if text:
            event.input.value = ""
            self.post_message(self.Asked(text))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Jump(self._hits[event.option_index]))
