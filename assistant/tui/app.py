"""The review app: wires the store, the screens and the conversational pane together.

    ReviewApp("store.sqlite").run()

Keys are declared in each screen's BINDINGS with ids, shown in the footer, and remapped
from `lexicons/keymap.yaml` (and `--keymap FILE` / $JIXIAO_KEYMAP).  Styles are in the
`.tcss` files beside this module.
"""
from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from assistant.messages import error_prefix
from assistant.store import Store
from assistant.chat import Chat, Context, Hit, Reply
from assistant.chat.intents import default_lexicon
from assistant.tui.keymap import load_keymap
from assistant.tui.screens.document import DocumentScreen
from assistant.tui.screens.documents import DocumentsScreen
from assistant.tui.screens.base import ReviewScreen
from assistant.tui.screens.help import HelpScreen
from assistant.tui.widgets.chat_pane import ChatPane

MAX_NOTES = 12          # import lines shown at start; the rest counted


class ReviewApp(App[None]):
    TITLE = "绩效评价助手 · 审核"
    CSS_PATH = ["app.tcss", "review.tcss", "dialogs.tcss"]
    BINDINGS = [
        Binding("q", "quit", "退出", id="app.quit"),
        Binding("question_mark", "help", "帮助", id="app.help"),
        Binding("colon", "chat", "对话", id="app.chat"),
    ]

    def __init__(self, db: str | Path, *, keymap: str | Path | None = None, who: str | None = None,
                 export_dir: str | Path | None = None, open_document: int | None = None,
                 notes: list[str] | None = None) -> None:
        super().__init__()
        self.store = Store(db, who=who)
        self.lexicon = default_lexicon()
        self.chat = Chat(self.store, self.lexicon)
        self.export_dir = Path(export_dir) if export_dir else Path(db).resolve().parent
        self.conversation: list[str] = []          # requests and answers, shown in every pane
        self._keymap_path = keymap
        self._open_document = open_document
        self.touched: set[int] = set()             # documents opened since the list was drawn
        self.notes = list(notes or [])              # what the import before the start has to say

    def on_mount(self) -> None:
        if self.notes:          # shown here: lines printed before the app would hide behind it
            failed = any(n.startswith(error_prefix()) or "失败" in n for n in self.notes)
            shown = self.notes[:MAX_NOTES] + ([f"……另有 {len(self.notes) - MAX_NOTES} 条"] if len(self.notes) > MAX_NOTES else [])
            self.notify("\n".join(shown), title="导入报告", severity="warning" if failed else "information",
                        timeout=30 if failed else 8)
        self.set_keymap(load_keymap(self._keymap_path))
        self.push_screen(DocumentsScreen())
        if self._open_document is not None:
            self.open_document(self._open_document)

    def on_unmount(self) -> None:
        self.store.close()

    def open_document(self, doc_id: int, item_id: int | None = None) -> None:
        """Show a document, at `item_id` or at its first unreviewed item."""
        self.touched.add(doc_id)             # the documents screen refreshes these rows on return
        screen = self.screen
        if isinstance(screen, DocumentScreen):
            if screen.doc_id == doc_id:
                screen.select(item_id)
                screen.focus_main()
                return
            self.switch_screen(DocumentScreen(doc_id, item_id))
        else:
            self.push_screen(DocumentScreen(doc_id, item_id))

    def jump(self, hit: Hit) -> None:
        self.open_document(hit.doc_id, hit.item_id)

    def action_help(self) -> None:
        keys = [("↑/↓", "移动（同 j/k）")]
        for active in self.screen.active_bindings.values():
            if active.binding.description and active.binding.show:
                keys.append((self.get_key_display(active.binding), active.binding.description))
        self.push_screen(HelpScreen(keys, self.chat.help().text))

    def action_chat(self) -> None:
        panes = self.screen.query(ChatPane)
        if panes:
            pane = panes.first()
            pane.action_close() if pane.display and pane.has_focus_within else pane.open()

    def on_chat_pane_asked(self, message: ChatPane.Asked) -> None:
        screen = self.screen
        doc_id, item_id = screen.chat_selection() if isinstance(screen, ReviewScreen) else (None, None)
        try:
            reply = self.chat.respond(message.text, Context(doc_id, item_id, self.export_dir))
        except Exception as exc:  # a failed answer is reported in the pane, never fatal
            reply = Reply(f"出错了：{exc}")
        screen.query_one(ChatPane).show_reply(message.text, reply)
        if isinstance(screen, DocumentScreen) and reply.item_id is not None:
            if reply.action == "refresh":
                screen.reload_item(reply.item_id)
            elif reply.action == "draft":
                screen.draft_for(reply.item_id)

    def on_chat_pane_jump(self, message: ChatPane.Jump) -> None:
        self.jump(message.hit)
