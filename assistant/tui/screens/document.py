"""The document screen: the items in a table, the source text beside it, one key per decision."""
from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Header

from assistant.store import ReviewItem
from assistant.tui.screens.draft import DraftScreen
from assistant.tui.screens.edit import EditScreen
from assistant.tui.screens.find import FindScreen
from assistant.tui.screens.base import ReviewScreen
from assistant.tui.widgets.chat_pane import ChatPane
from assistant.tui.widgets.items_table import ItemsTable
from assistant.tui.widgets.progress import ProgressLine
from assistant.tui.widgets.recent import RecentDecisions
from assistant.tui.widgets.source_view import SourceView
from rich.markup import escape
from assistant.textsafe import printable

DRAFTABLE = ("problem", "reason", "finding")
NARROW = 120        # columns under which the source is shown below the items, not beside


class DocumentScreen(ReviewScreen):
    BINDINGS = [
        Binding("a", "accept", "接受", id="review.accept"),
        Binding("r", "reject", "拒绝", id="review.reject"),
        Binding("e", "edit", "修改", id="review.edit"),
        Binding("u", "undo", "撤销", id="review.undo"),
        Binding("j", "down", "下移", id="review.down"),
        Binding("k", "up", "上移", id="review.up"),
        Binding("n", "next_pending", "下一待审", id="review.next"),
        Binding("p", "previous_pending", "上一待审", id="review.previous"),
        Binding("slash", "find", "查找", id="review.find"),
        Binding("d", "draft", "起草措施", id="review.draft"),
        Binding("escape", "back", "返回", id="review.back"),
    ]

    def __init__(self, doc_id: int, select_item: int | None = None) -> None:
        super().__init__()
        self.doc_id, self.select_item = doc_id, select_item
        self.items: list[ReviewItem] = []
        self._row: dict[int, int] = {}
        self._last_find = ""

    def compose(self) -> ComposeResult:
        store = self.app.store
        yield Header()
        yield ProgressLine(id="progress")
        with Horizontal(id="review"):
            yield ItemsTable(self.app.lexicon, on_move=self._moved, id="items")
            yield SourceView(printable(store.document_text(self.doc_id)), id="source")   # one char for one: offsets hold
        yield RecentDecisions(id="recent")
        yield ChatPane(id="chat")
        yield Footer(show_command_palette=False)

    def on_resize(self, event: events.Resize) -> None:
        """Under NARROW columns the source goes below the items (review.tcss `.narrow`)."""
        self.query_one("#review").set_class(event.size.width < NARROW, "narrow")

    def on_mount(self) -> None:
        store = self.app.store
        self.items = store.items(self.doc_id)
        self._row = {item.id: n for n, item in enumerate(self.items)}
        self.sub_title = self.items[0].doc_name if self.items else ""
        self.table.show(self.items)
        self.query_one(ChatPane).display = False
        self._refresh_status()
        target = self.select_item or store.first_unreviewed(self.doc_id)
        self.select(target if target in self._row else (self.items[0].id if self.items else None))
        self.table.focus()

    # -- what other parts of the app use ------------------------------------------------

    @property
    def table(self) -> ItemsTable:
        return self.query_one("#items", ItemsTable)

    @property
    def current(self) -> ReviewItem | None:
        return self.items[self.table.index] if self.items else None

    def select(self, item_id: int | None) -> None:
        if item_id is None or item_id not in self._row:
            return
        self.table.move_to(self._row[item_id])
        self._show_source(self.items[self._row[item_id]])

    def reload_item(self, item_id: int) -> None:
        if item_id in self._row:
            self._changed(self.app.store.item(item_id))

    _REVIEW_ACTIONS = frozenset({"accept", "reject", "edit", "undo", "down", "up", "next_pending",
                                 "previous_pending", "find", "draft"})

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Review keys act only outside the chat pane: a letter typed there is text."""
        if action in self._REVIEW_ACTIONS and self.focused is not None \
                and any(isinstance(node, ChatPane) for node in self.focused.ancestors_with_self):
            return False
        return True

    def focus_main(self) -> None:
        self.table.focus()

    def chat_selection(self) -> tuple[int | None, int | None]:
        current = self.current
        return self.doc_id, current.id if current else None

    # -- keys ------------------------------------------------------------------------------

    def action_accept(self) -> None:
        self._decide("accepted")

    def action_reject(self) -> None:
        self._decide("rejected")

    def action_edit(self) -> None:
        item = self.current
        if item is not None:
            self.app.push_screen(EditScreen(item, self.app.lexicon), callback=lambda edits: self._edited(item, edits))

    def action_undo(self) -> None:
        item = self.app.store.undo(doc_id=self.doc_id)
        if item is None or item.id not in self._row:
            self.notify("没有可撤销的决定")
            return
        # what was undone shows at once in the line of recent decisions (↶ before it): a
        # toast on every undo cost a layout pass, the slowest key of the screen
        self._changed(item)
        self.select(item.id)

    def action_down(self) -> None:
        self.table.action_cursor_down()

    def action_up(self) -> None:
        self.table.action_cursor_up()

    def action_next_pending(self) -> None:
        self._jump_pending(+1)

    def action_previous_pending(self) -> None:
        self._jump_pending(-1)

    def action_find(self) -> None:
        self.app.push_screen(FindScreen(self._last_find), callback=self._find)

    def action_draft(self) -> None:
        if self.current is not None:
            self.draft_for(self.current.id)

    def action_back(self) -> None:
        self.app.pop_screen()

    # -- drafting --------------------------------------------------------------------------

    def draft_for(self, item_id: int) -> None:
        """Open the 改进措施 draft for an item: the one saved, else a new one from the drafter."""
        item = self.app.store.item(item_id)
        if item.kind not in DRAFTABLE:
            self.notify("改进措施针对问题：请选中一条问题、原因或发现。", severity="warning")
            return
        saved = self.app.store.drafts(item_id)
        if saved:
            self._open_draft(item, saved[0].text, saved[0].provenance)
            return
        from assistant.draft.measures import draft_measures   # loads the measure bank on first use

        self._draft_in_thread(item, draft_measures)

    @work(thread=True, exclusive=True, group="draft")
    def _draft_in_thread(self, item: ReviewItem, draft_measures: Any) -> None:
        try:
            drafts = draft_measures(item.text, themes=list(item.themes), project=item.project, seed=0, n=1)
        except Exception as exc:  # the drafter's failure must not end the review session
            self.app.call_from_thread(self.notify, f"起草失败：{exc}", severity="error")
            return
        if not drafts:
            self.app.call_from_thread(self.notify, "没有起草出改进措施", severity="warning")
            return
        draft = drafts[0]
        self.app.call_from_thread(self._open_draft, item, draft.text, list(getattr(draft, "sentences", [])))

    def _open_draft(self, item: ReviewItem, text: str, provenance: Any) -> None:
        def save(result: str | None) -> None:
            if result is not None:
                self.app.store.save_draft(item.id, result, provenance)
                self.notify("已保存改进措施草稿")
        self.app.push_screen(DraftScreen(item, text, provenance), callback=save)

    # -- helpers ---------------------------------------------------------------------------

    def _decide(self, status: str) -> None:
        item = self.current
        if item is None:
            return
        self._changed(self.app.store.decide(item.id, status))
        if all(i.reviewed for i in self.items):
            self.notify("本文档已全部审核")
        self.table.action_cursor_down()

    def _edited(self, item: ReviewItem, edits: dict[str, Any] | None) -> None:
        if edits:
            self._changed(self.app.store.decide(item.id, "edited", **edits))

    def _changed(self, item: ReviewItem) -> None:
        row = self._row[item.id]
        before, self.items[row] = self.items[row].status, item
        self.table.refresh_item(item)
        self.query_one("#progress", ProgressLine).change(before, item.status)
        self._refresh_recent()

    def _refresh_status(self) -> None:
        self.query_one("#progress", ProgressLine).show(self.items)
        self._refresh_recent()

    def _refresh_recent(self) -> None:
        self.query_one("#recent", RecentDecisions).show(self.app.store.recent_decisions(4, self.doc_id))

    def _moved(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self._show_source(self.items[row])

    def _show_source(self, item: ReviewItem) -> None:
        self.query_one("#source", SourceView).show_span(item.start, item.end)

    def _jump_pending(self, step: int) -> None:
        n, here = len(self.items), self.table.index
        for k in range(1, n + 1):
            row = (here + step * k) % n
            if self.items[row].status == "pending":
                self.select(self.items[row].id)
                return
        self.notify("本文档已全部审核")

    def _find(self, query: str | None) -> None:
        if not query:
            return
        self._last_find = query
        n, here = len(self.items), self.table.index
        cutoff = self.app.lexicon.find_cutoff
        for k in range(1, n + 1):
            item = self.items[(here + k) % n]
            if (query in item.summary or query in item.project
                    or fuzz.partial_ratio(query, item.summary) >= cutoff):
                self.select(item.id)
                return
        self.notify(escape(printable(f"没有找到「{query}」")))
