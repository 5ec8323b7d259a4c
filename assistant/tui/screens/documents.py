"""The documents screen: every document with its projects, counts and review progress."""
from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Footer, Header, Static

from assistant.tui.screens.base import ReviewScreen
from assistant.tui.widgets.chat_pane import ChatPane
from assistant.tui.widgets.table_cells import set_cells
from rich.text import Text
from assistant.lexicon import settle_heap
from assistant.textsafe import printable

COLUMNS = (("name", "文档", 28), ("projects", "项目", 36), ("problem", "问题", 4), ("reason", "原因", 4),
           ("measure", "措施", 4), ("indicator", "指标", 4), ("finding", "发现", 4), ("progress", "进度", 14))
COUNTED = ("problem", "reason", "measure", "indicator", "finding")
CHUNK = 500         # rows added at a time: the list shows at once and fills while the analyst reads


class DocumentsScreen(ReviewScreen):
    BINDINGS = [Binding("enter", "open", "打开", id="documents.open")]
    _sums: tuple[int, int] | None = None     # (items reviewed, items) once every row is read

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="overall")
        yield DataTable(cursor_type="row", zebra_stripes=True, id="documents")
        yield ChatPane(id="chat")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one("#documents", DataTable)
        for key, label, width in COLUMNS:
            table.add_column(label, width=width, key=key)
        self.reload(resume=True)
        self.query_one(ChatPane).display = False
        table.focus()

    def on_screen_resume(self) -> None:
        """Back from a document: only the rows of the documents opened are read again (a
        store of 20,000 documents is not re-listed); the whole list when documents came or went."""
        touched, self.app.touched = set(self.app.touched), set()
        if self.app.store.document_count() != len(self.ids):
            self.reload()
            return
        if not touched:
            return      # nothing decided since (the screen's first showing too): the totals stand
        table = self.query_one("#documents", DataTable)
        index = {doc_id: n for n, doc_id in enumerate(self.ids)}
        for d in self.app.store.documents(ids=sorted(touched)):
            if d.id not in index:
                continue
            before = self.documents[index[d.id]]
            if self._sums is not None and before is not None:
                self._sums = (self._sums[0] + d.reviewed - before.reviewed, self._sums[1] + d.total - before.total)
            self.documents[index[d.id]] = d
            if str(d.id) in table.rows:
                # that row alone is drawn again: update_cell would make the table recompute
                # where each of its 20,000 rows stands and draw them all (table_cells)
                set_cells(table, str(d.id), {**{key: str(d.counts[key]) for key in COUNTED},
                                             "progress": _progress(d)})
        self._overall()

    def reload(self, resume: bool = False) -> None:
        """Refill the table; with `resume`, put the cursor on the first unfinished document.
        The documents' ids are listed at once; their summaries (counts, progress) are read and
        drawn a chunk of CHUNK at a time, the first at once, so that a store of 20,000
        documents shows its list without summing all its items first."""
        table = self.query_one("#documents", DataTable)
        row = table.cursor_row
        store = self.app.store
        self.ids = store.document_ids()
        self.documents: list = [None] * len(self.ids)
        self._sums = None
        table.clear()
        if resume:
            first = store.first_unfinished_document()
            row = self.ids.index(first) if first in self.ids else 0
        self._cursor = min(row, len(self.ids) - 1)
        self._generation = getattr(self, "_generation", 0) + 1
        self._fill(0, self._generation)
        self._overall(counting=len(self.ids) > CHUNK)

    def _fill(self, start: int, generation: int) -> None:
        if generation != self._generation:
            return                  # the list was read again meanwhile: that reading fills it
        table = self.query_one("#documents", DataTable)
        end = min(start + CHUNK, len(self.ids))
        page = self.app.store.documents(ids=self.ids[start:end])
        by_id = {d.id: d for d in page}
        for n in range(start, end):
            d = by_id.get(self.ids[n])
            if d is None:           # gone since the ids were listed: the next reload drops it
                continue
            self.documents[n] = d
            projects = "、".join(d.projects) or "—"
            table.add_row(Text(printable(d.name)), Text(printable(projects)),
                          *(str(d.counts[k]) for k in COUNTED), _progress(d), key=str(d.id))
        if start <= self._cursor < end:
            table.move_cursor(row=self._cursor)
        if end < len(self.ids):
            self.set_timer(0.01, lambda: self._fill(end, generation))
            return
        if start > 0:
            self._overall()         # the whole list is read: the totals from it
        # the list's rows live as long as the app: a full collection walking them all again
        # (200 ms on 20,000 documents) would fall on some later key, such as the return here
        settle_heap()

    def _overall(self, counting: bool = False) -> None:
        if counting:
            figures = "正在统计审核进度…"
        elif self._sums is not None or all(d is not None for d in self.documents):
            # summed once when the list is read, then kept by the changes of the documents
            # opened (summing 20,000 rows at each return costs 10 ms)
            if self._sums is None:
                self._sums = (sum(d.reviewed for d in self.documents), sum(d.total for d in self.documents))
            figures = f"已审核 {self._sums[0]}/{self._sums[1]} 条"
        else:
            reviewed, total = self.app.store.review_totals()
            figures = f"已审核 {reviewed}/{total} 条"
        self.query_one("#overall", Static).update(
            f"共 {len(self.ids)} 份文档 · {figures} · 回车打开，: 提问" if self.ids
            else "库中还没有文档：用 jixiao review --db 库文件 报告文件或文件夹… 导入", layout=False)

    def focus_main(self) -> None:
        self.query_one("#documents", DataTable).focus()

    def chat_selection(self) -> tuple[int | None, int | None]:
        """(document, item) the conversational pane's requests refer to: none here."""
        return None, None

    def action_open(self) -> None:
        table = self.query_one("#documents", DataTable)
        if self.ids and 0 <= table.cursor_row < len(self.ids):
            self.app.open_document(int(str(table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.app.open_document(int(str(event.row_key.value)))


def _progress(d) -> str:
    return f"{d.reviewed}/{d.total} {d.progress:.0%}"
