"""The review app driven with Pilot: every key, the conversational pane, Chinese input, keymaps,
and a review process killed with SIGKILL losing nothing it showed as saved."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import types
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from textual import events
from textual.keys import _character_to_key
from textual.widgets import DataTable, Input, OptionList, TextArea

from assistant.store import Store
from report_samples import sample_report
from assistant.tui.app import ReviewApp
from assistant.tui.screens.document import DocumentScreen
from assistant.tui.screens.documents import DocumentsScreen
from assistant.tui.screens.draft import DraftScreen
from assistant.tui.screens.edit import EditScreen
from assistant.tui.screens.help import HelpScreen
from assistant.tui.widgets.chat_pane import ChatPane
from assistant.tui.widgets.source_view import SourceView

ROOT = Path(__file__).resolve().parents[1]
SIZE = (150, 45)
PROBLEM = "预算编制不够精准，部分项目支付进度缓慢"


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "store.sqlite"
    with Store(path) as store:
        for n in range(3):
            report, text = sample_report(n)
            store.add_report(report, text, findings=[])
    return path


def app_for(db: Path, **kwargs) -> ReviewApp:
    return ReviewApp(db, export_dir=db.parent, **kwargs)


async def open_document(pilot, row: int = 0) -> DocumentScreen:
    for _ in range(row):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DocumentScreen)
    return pilot.app.screen


async def type_text(pilot, text: str) -> None:
    """Type as a terminal does: a key event per character.  Pilot.press loses the character
    of CJK punctuation (、。，), so those are sent as the terminal parser would send them."""
    for char in text:
        if char.isascii() or char.isalnum():
            await pilot.press(char)
        else:
            pilot.app.post_message(events.Key(_character_to_key(char), char))
            await pilot.pause()


def shown(widget) -> str:
    return str(widget.content)


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


def items(db: Path, doc_id: int = 1):
    with Store(db) as store:
        return store.items(doc_id)


def select_text(screen: DocumentScreen, text: str) -> None:
    screen.select(next(i.id for i in screen.items if i.text == text))


async def open_at(pilot, text: str) -> tuple[DocumentScreen, int]:
    """The first document opened, with the item of that text selected; and the item's id."""
    screen = await open_document(pilot)
    select_text(screen, text)
    return screen, screen.current.id


@dataclass
class FakeDraft:
    text: str
    sentences: list = field(default_factory=list)


@pytest.fixture
def drafter(monkeypatch):
    """A stand-in for assistant.draft.measures that records its calls."""
    try:
        import assistant.draft  # noqa: F401  the real package first, so patching does not leak into it
    except ImportError:
        pass
    calls = []

    def draft_measures(problem_text, themes=None, project="", seed=0, n=1):
        calls.append((problem_text, tuple(themes or ()), project, seed, n))
        sentence = types.SimpleNamespace(text="一是科学编制预算；", provenance={"template": "measures.BUDGET_PLANNING.0"})
        return [FakeDraft("一是科学编制预算；二是加快支付进度。", [sentence])]

    module = types.ModuleType("assistant.draft.measures")
    module.draft_measures = draft_measures
    monkeypatch.setitem(sys.modules, "assistant.draft.measures", module)
    return calls


# -- documents screen ---------------------------------------------------------------------------

async def test_documents_screen_shows_projects_counts_and_progress_and_resumes(db):
    with Store(db) as store:
        for item in store.items(1):
            store.decide(item.id, "accepted")
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DocumentsScreen)
        table = screen.query_one("#documents", DataTable)
        assert table.row_count == 3
        first = [str(c) for c in table.get_row_at(0)]
        assert first[0] == "sample_000.txt" and "公积金12329短信服务费" in first[1]
        assert first[2:7] == ["3", "6", "3", "12", "0"] and first[7] == "24/24 100%"
        assert table.cursor_row == 1                       # the first document not finished
        assert "已审核 24/72" in shown(screen.query_one("#overall"))


async def test_back_on_the_list_the_documents_row_and_the_totals_follow_the_decisions(db):
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "已审核 0/72" in shown(app.screen.query_one("#overall"))
        await open_document(pilot, row=1)
        for key in ("a", "r", "a", "u"):                   # three decisions, the last undone
            await pilot.press(key)
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DocumentsScreen)
        assert [str(c) for c in screen.query_one("#documents", DataTable).get_row_at(1)][7] == "2/24 8%"
        assert "已审核 2/72" in shown(screen.query_one("#overall"))
        await open_document(pilot, row=0)
        await pilot.press("a")
        await pilot.press("escape")
        await pilot.pause()
        assert "已审核 3/72" in shown(app.screen.query_one("#overall"))


async def test_enter_opens_a_document_at_its_first_unreviewed_item(db):
    with Store(db) as store:
        for item in store.items(1)[:3]:
            store.decide(item.id, "accepted")
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("up")
        screen = await open_document(pilot)
        expected = items(db)[3]
        assert screen.current.id == expected.id
        assert screen.query_one(SourceView).selected_text == expected.text
        assert shown(screen.query_one("#progress")).startswith("已审核 3/24")


# -- decisions ------------------------------------------------------------------------------------

def drawn_row(table, item_id: int) -> str:
    """The text of an item's row as the table draws it now (below its one header line)."""
    y = table.get_row_index(str(item_id)) + 1 - round(table.scroll_offset.y)
    return table.render_line(y).text


async def test_a_and_r_decide_save_at_once_and_move_to_the_next_item(db):
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_document(pilot)
        first, second, third = items(db)[:3]
        await pilot.press("a")
        assert screen.current.id == second.id
        assert items(db)[0].status == "accepted"           # in the store before the next key
        await pilot.press("r")
        assert screen.current.id == third.id
        assert [i.status for i in items(db)[:3]] == ["accepted", "rejected", "pending"]
        assert screen.table.cell_text(first.id, "status") == "✓ 接受"
        assert screen.table.cell_text(second.id, "status") == "✗ 拒绝"
        await pilot.pause()
        # what is drawn, not only what the table holds: a decision redraws its own row
        assert "✓ 接受" in drawn_row(screen.table, first.id) and "✗ 拒绝" in drawn_row(screen.table, second.id)
        assert "· 待审" in drawn_row(screen.table, third.id)
        assert shown(screen.query_one("#progress")).startswith("已审核 2/24（8%） · 接受 1 · 拒绝 1")
        assert shown(screen.query_one("#recent")).startswith("最近的决定：✗ 发送条数  ✓ 年初预算")


async def test_e_edits_text_kind_themes_and_category_typed_in_chinese(db):
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        screen, item_id = await open_at(pilot, PROBLEM)
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, EditScreen)
        dialog.query_one("#edit-text", Input).value = ""
        await type_text(pilot, "预算编制不够精准，测算依据不足")
        dialog.query_one("#edit-themes", Input).value = ""
        await pilot.click("#edit-themes")
        await type_text(pilot, "预算编制、天气")
        await pilot.press("ctrl+s")
        assert "不认识的主题：天气" in shown(dialog.query_one("#edit-error"))
        assert isinstance(app.screen, EditScreen)
        for _ in range(2):
            await pilot.press("backspace")
        await type_text(pilot, "宣传")
        dialog.query_one("#edit-kind", Input).value = "原因"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        with Store(db) as store:
            item = store.item(item_id)
        assert (item.status, item.text, item.kind) == ("edited", "预算编制不够精准，测算依据不足", "reason")
        assert item.themes == ("BUDGET_PLANNING", "PUBLICITY_SERVICE")
        assert screen.table.cell_text(item_id, "text") == "预算编制不够精准，测算依据不足"
        assert screen.table.cell_text(item_id, "theme") == "预算编制、宣传服务"
        assert screen.table.cell_text(item_id, "status") == "✎ 修改"


async def test_u_undoes_the_last_decision_and_goes_back_to_it(db):
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_document(pilot)
        first = screen.current
        await pilot.press("a", "a")
        await pilot.press("u")
        assert items(db)[1].status == "pending" and items(db)[0].status == "accepted"
        recent = str(screen.query_one("#recent").render())
        assert recent.startswith("最近的决定：↶ ") and "✓" in recent     # undone first, the other kept
        assert shown(screen.query_one("#progress")).startswith("已审核 1/24（4%） · 接受 1 · 拒绝 0")
        await pilot.press("u")
        assert items(db)[0].status == "pending" and screen.current.id == first.id
        assert screen.table.cell_text(first.id, "status") == "· 待审"
        await pilot.press("u")
        assert "没有可撤销的决定" in notifications(app)


async def test_a_long_document_is_shown_a_page_at_a_time(db, monkeypatch):
    from assistant.tui.widgets import items_table

    monkeypatch.setattr(items_table, "PAGE", 4)         # the sample's items over several pages
    all_items = items(db)
    assert len(all_items) > 9
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_document(pilot)
        source = screen.query_one(SourceView)
        assert screen.table.row_count == 4
        for n in range(1, 7):                            # down across the page's edge and on
            await pilot.press("j")
            assert screen.current.id == all_items[n].id and screen.table.index == n
            assert screen.table.page_start == n - n % 4 and screen.table.row_count <= 4
            assert source.selected_text == source.text[all_items[n].start:all_items[n].end]
        await pilot.press("k", "k", "k")                 # and back up across it
        assert screen.current.id == all_items[3].id and screen.table.page_start == 0
        await pilot.press("a")                           # a decision, then the next item, on the next page
        assert items(db)[3].status == "accepted" and screen.current.id == all_items[4].id
        screen.select(all_items[9].id)                   # a far item: its page is shown
        assert screen.table.page_start == 8 and screen.current.id == all_items[9].id
        await pilot.press("u")                           # undoing the decision on page 0 goes back to it
        await pilot.pause()
        assert items(db)[3].status == "pending" and screen.current.id == all_items[3].id
        assert screen.table.cell_text(all_items[3].id, "status") == "· 待审"


async def test_j_k_and_arrows_move_and_the_source_follows(db):
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_document(pilot)
        source = screen.query_one(SourceView)
        expected = [1, 2, 1, 2, 1]
        for key, row in zip(("j", "j", "k", "down", "up"), expected):
            await pilot.press(key)
            assert screen.table.cursor_row == row
            item = screen.current
            assert source.selected_text == source.text[item.start:item.end]
            if item.kind != "indicator":
                assert source.selected_text == item.text
        select_text(screen, "加大政策宣传力度，提升服务质量")     # near the end of the text
        await pilot.pause()
        row, _ = source.cursor_location
        assert source.scroll_offset.y <= row < source.scroll_offset.y + source.size.height


@pytest.mark.parametrize("line_end", ["\n", ""])          # lines, or a web page flattened onto one
async def test_a_long_source_is_shown_a_window_at_a_time_with_document_offsets(line_end):
    from textual.app import App

    from assistant.tui.widgets import source_view

    lines = [f"（{n}）第{n}个乡镇的道路养护资金拨付进度偏慢，已督促整改。{line_end}" for n in range(1, 4001)]
    text = "".join(lines)
    assert len(text) > 3 * source_view.WINDOW
    view = SourceView(text)

    class Host(App):
        def compose(self):
            yield view

    async with Host().run_test(size=(100, 30)) as pilot:
        assert len(view.text) <= source_view.WINDOW + max(map(len, lines))     # not the whole report
        for n in (2, 3999, 1500, 1):
            start = text.index(f"第{n}个乡镇")
            end = text.index("。", start)
            view.show_span(start, end)
            await pilot.pause()
            assert view.selected_text == text[start:end]
            assert view.window_start <= start < view.window_start + len(view.text)
            y = view.wrapped_document.location_to_offset(view.cursor_location).y     # on screen, wrapped
            assert view.scroll_offset.y <= y < view.scroll_offset.y + view.size.height


def test_source_offsets_survive_crlf_and_form_feeds():
    text = "一、存在问题\r\n宣传力度不够\x0c预算编制不够精准\n二、改进措施"
    view = SourceView(text)
    start = text.index("预算编制不够精准")
    span = view.document.get_text_range(view._location(start), view._location(start + 8))
    assert span == "预算编制不够精准" and view._location(start) == (1, 7)


async def test_n_and_p_go_to_the_next_and_previous_unreviewed_item(db):
    with Store(db) as store:
        for item in store.items(1)[1:3]:
            store.decide(item.id, "accepted")
    all_items = items(db)
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_document(pilot)
        assert screen.current.id == all_items[0].id
        await pilot.press("n")
        assert screen.current.id == all_items[3].id
        await pilot.press("p")
        assert screen.current.id == all_items[0].id
        await pilot.press("p")                              # wraps round to the last one
        assert screen.current.id == all_items[-1].id


async def test_slash_finds_an_item_by_chinese_words(db):
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_document(pilot)
        await pilot.press("slash")
        await type_text(pilot, "知晓率不高")
        await pilot.press("enter")
        assert "知晓率不高" in screen.current.text
        await pilot.press("slash", "ctrl+u")
        await type_text(pilot, "没有这句话")
        await pilot.press("enter")
        assert any("没有找到" in n for n in notifications(app))


# -- drafting ------------------------------------------------------------------------------------

async def draft_problem(pilot) -> tuple[DocumentScreen, int]:
    """Select PROBLEM, press d and wait for the drafting worker to finish."""
    screen, item_id = await open_at(pilot, PROBLEM)
    await pilot.press("d")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen, item_id


async def test_d_drafts_measures_for_the_selected_problem_editable_and_saved(db, drafter):
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        screen, item_id = await draft_problem(pilot)
        dialog = app.screen
        assert isinstance(dialog, DraftScreen)
        assert drafter == [(PROBLEM, ("BUDGET_PLANNING", "BUDGET_EXECUTION"), "", 0, 1)]
        area = dialog.query_one("#draft-text", TextArea)
        assert area.text == "一是科学编制预算；二是加快支付进度。"
        sources = shown(dialog.query_one("#draft-sources"))     # 依据 in words, not template ids
        assert "措施库「预算编制」" in sources and "measures." not in sources
        area.move_cursor(area.document.end)
        await type_text(pilot, "三是强化绩效监控。")
        await pilot.press("ctrl+s")
        await pilot.pause()
        with Store(db) as store:
            saved = store.drafts(item_id)
        assert saved[0].text == "一是科学编制预算；二是加快支付进度。三是强化绩效监控。"
        assert saved[0].provenance[0]["provenance"]["template"] == "measures.BUDGET_PLANNING.0"
        await pilot.press("d")                              # the saved draft comes back
        await pilot.pause()
        assert app.screen.query_one("#draft-text", TextArea).text.endswith("三是强化绩效监控。")
        assert len(drafter) == 1
        await pilot.press("escape")
        select_text(screen, "发送条数")
        await pilot.press("d")
        assert any("请选中一条问题" in n for n in notifications(app))


async def test_d_says_clearly_when_drafting_fails_and_the_review_goes_on(db, monkeypatch):
    """A broken measure bank (an analyst's edit of lexicons/measures.yaml gone wrong) gets a
    notice; the session stays on the document and nothing is saved."""
    import assistant.draft.measures as measures

    def broken(*args, **kwargs):
        raise ValueError("measures.yaml: line 12: a move without text")

    monkeypatch.setattr(measures, "draft_measures", broken)
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        screen, item_id = await draft_problem(pilot)
        assert any("起草失败" in n and "measures.yaml: line 12" in n for n in notifications(app))
        assert app.screen is screen
        assert app.store.drafts(item_id) == []


# -- help, quit, keymap ------------------------------------------------------------------------------

async def test_question_mark_shows_every_key_and_q_quits(db):
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        await open_document(pilot)
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        keys = shown(help_screen.query_one("#help-keys"))
        for line in ("a  接受", "r  拒绝", "e  修改", "u  撤销", "j  下移", "k  上移", "n  下一待审",
                     "p  上一待审", "/  查找", "d  起草措施", "q  退出", ":  对话"):
            assert line in keys
        assert "列出执行率低于90%的项目" in shown(help_screen.query_one("#help-chat"))
        await pilot.press("escape")
        assert isinstance(app.screen, DocumentScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


async def test_keys_are_remapped_from_a_keymap_file(db, tmp_path):
    keymap = tmp_path / "keys.yaml"
    keymap.write_text("review.accept: y\nreview.reject: x\n", encoding="utf-8")
    app = app_for(db, keymap=keymap)
    async with app.run_test(size=SIZE) as pilot:
        await open_document(pilot)
        await pilot.press("a")
        assert items(db)[0].status == "pending"
        await pilot.press("y", "x")
        assert [i.status for i in items(db)[:2]] == ["accepted", "rejected"]


# -- the conversational pane ------------------------------------------------------------------------

async def ask(pilot, text: str, *, typed: bool = False) -> ChatPane:
    """Open the pane with ':' if needed, enter the request (typed key by key, or committed at
    once as an input method's paste does) and submit it."""
    pane = pilot.app.screen.query_one(ChatPane)
    request_line = pane.query_one("#chat-input", Input)
    if pilot.app.focused is not request_line:
        await pilot.press("colon")
    assert pilot.app.focused is request_line
    if typed:
        await type_text(pilot, text)
    else:
        request_line.post_message(events.Paste(text))
        await pilot.pause()
    assert request_line.value == text
    await pilot.press("enter")
    await pilot.pause()
    return pane


async def test_colon_opens_the_pane_and_listed_projects_jump_to_their_items(db):
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        pane = await ask(pilot, "列出执行率低于90%的项目", typed=True)   # from the documents screen
        with Store(db) as store:
            below = store.projects(rate=90, comparison="lt")
        assert pane.transcript[-1].startswith(f"执行率低于90%的项目共 {len(below)} 个")
        hits = pane.query_one("#chat-hits", OptionList)
        assert hits.option_count == len(below) and hits.highlighted == 0
        assert app.focused is pane.query_one("#chat-input", Input)      # the request line keeps it
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DocumentScreen) and screen.doc_id == below[0].doc_id
        assert screen.current.id == below[0].item_id


async def test_chat_lists_unmet_indicators_and_problems_of_a_theme_and_jumps(db):
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_document(pilot)
        pane = await ask(pilot, "哪些指标没有完成")
        assert pane.transcript[-1].startswith("未完成的指标共 12 条")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.current.text in ("短信发送成功率", "政策知晓率") and app.focused is screen.table
        pane = await ask(pilot, "显示宣传相关的问题")
        assert pane.transcript[-1].startswith("「宣传服务」相关的问题共 3 条")
        await pilot.press("down", "down", "enter")           # the third: in another document
        await pilot.pause()
        jumped = app.screen
        assert isinstance(jumped, DocumentScreen) and jumped.doc_id == 3
        assert jumped.current.text == "政策宣传力度不够，缴存职工对新政策知晓率不高"


async def test_chat_counts_drafts_reclassifies_exports_and_explains_itself(db, drafter):
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        screen, item_id = await open_at(pilot, PROBLEM)
        pane = await ask(pilot, "统计各类问题数量")
        assert pane.transcript[-1].startswith("各类问题数量") and "预算编制：" in pane.transcript[-1]

        pane = await ask(pilot, "把这条改为预算执行类")
        assert "已把这条的主题改为「预算执行」" in pane.transcript[-1]
        assert screen.table.cell_text(item_id, "theme") == "预算执行"
        with Store(db) as store:
            assert store.item(item_id).status == "edited"
            assert store.item(item_id).themes == ("BUDGET_EXECUTION",)

        await ask(pilot, "导出已审核的问题")
        exported = [p for p in db.parent.iterdir() if p.suffix == ".xlsx"]
        assert len(exported) == 1 and str(exported[0]) in pane.transcript[-1]
        assert "已导出 1 条" in pane.transcript[-1]

        await ask(pilot, "今天天气怎么样")
        assert pane.transcript[-1].startswith("没有理解") and "导出已审核的问题" in pane.transcript[-1]

        await ask(pilot, "为这个问题起草改进措施")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DraftScreen)
        assert drafter[0][0] == PROBLEM


async def test_escape_closes_the_pane_and_keys_work_again(db):
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_document(pilot)
        pane = await ask(pilot, "q a r 帮助", typed=True)
        assert app.is_running and items(db)[0].status == "pending"   # q, a, r went to the input
        assert pane.transcript[-2:][0] == "> q a r 帮助" and pane.transcript[-1].startswith("我可以")
        await pilot.press("escape")
        assert not pane.display and app.focused is screen.table
        await pilot.press("a")
        assert items(db)[0].status == "accepted"


async def test_chinese_pasted_by_an_input_method_reaches_the_input(db):
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        await open_document(pilot)
        await pilot.press("colon")
        field_ = app.screen.query_one("#chat-input", Input)
        field_.post_message(events.Paste("哪些指标"))
        await pilot.pause()
        await type_text(pilot, "没有完成")
        assert field_.value == "哪些指标没有完成"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(ChatPane).transcript[-1].startswith("未完成的指标共")


# -- durability and the command ------------------------------------------------------------------

def test_a_killed_review_process_loses_no_decision_it_showed_as_saved(db):
    n = 6
    script = textwrap.dedent(f"""
        import asyncio
        from assistant.tui.app import ReviewApp

        async def main():
            app = ReviewApp({str(db)!r})
            async with app.run_test(size=(120, 40)) as pilot:
                await pilot.press("enter")
                await pilot.pause()
                for k in range({n}):
                    await pilot.press("a" if k % 2 == 0 else "r")
                    print(str(app.screen.query_one("#progress").content), flush=True)
                await asyncio.sleep(60)

        asyncio.run(main())
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    lines = [proc.stdout.readline() for _ in range(n)]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    assert lines[-1].startswith(f"已审核 {n}/24")
    statuses = [i.status for i in items(db)]
    assert statuses[:n] == ["accepted", "rejected"] * (n // 2) and statuses[n] == "pending"


def test_review_extracts_the_paths_into_the_store_once(tmp_path):
    pytest.importorskip("assistant.extract.pipeline")
    from assistant.batch.ingest import ingest

    samples = ROOT / "corpora" / "samples"
    if not samples.is_dir():
        pytest.skip("no corpora/samples")
    with Store(tmp_path / "store.sqlite") as store:
        heard = []
        first = ingest(store, [samples], on_file=lambda path, what: heard.append(what))
        assert first.added and heard.count("已入库") == len(first.added)
        again = ingest(store, [samples])
        assert not again.added and len(again.unchanged) == len(first.added)
        assert len(store.documents()) == len(first.added)


async def test_letters_typed_after_an_answer_are_text_never_a_decision(db):
    """After an answer that lists items, the request line keeps the focus: typing 「a」 and
    「r」 writes them into the next question; no item is accepted or rejected by accident."""
    app = app_for(db)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_document(pilot)
        before = [i.status for i in items(db)]
        pane = await ask(pilot, "哪些指标没有完成")
        request_line = pane.query_one("#chat-input", Input)
        assert app.focused is request_line
        await pilot.press("a", "r", "e", "u")
        await pilot.pause()
        assert request_line.value == "areu"
        assert [i.status for i in items(db)] == before
        request_line.value = ""
        await pilot.press("down", "enter")            # arrows choose a result, an empty line opens it
        await pilot.pause()
        assert app.focused is screen.table and screen.current.text in ("短信发送成功率", "政策知晓率")


@pytest.mark.parametrize("size, narrow", [((80, 24), True), ((200, 50), False)])
async def test_the_text_column_is_visible_at_80_by_24(db, size, narrow):
    app = app_for(db)
    async with app.run_test(size=size) as pilot:
        screen = await open_document(pilot)
        await pilot.pause()
        review = screen.query_one("#review")
        assert review.has_class("narrow") is narrow
        table = screen.table
        assert [c.key.value for c in table.columns.values()][:2] == ["status", "text"]
        text_x = sum(c.get_render_width(table) for c in list(table.columns.values())[:1])
        # the whole 内容 column fits on the screen beside the status mark
        assert table.region.x + text_x + table.columns[list(table.columns)[1]].get_render_width(table) <= size[0]
        source = screen.query_one(SourceView)
        if narrow:
            assert source.region.y >= table.region.bottom - 1 and source.region.width >= size[0] - 2
        else:
            assert source.region.x >= table.region.right - 1
        await pilot.press("a")                       # review keys work in either layout
        await pilot.pause()
    with Store(db) as store:
        assert [i.status for i in store.items(store.documents()[0].id)].count("accepted") == 1


async def test_a_long_list_fills_in_chunks_and_a_return_refreshes_only_the_opened_row(tmp_path, monkeypatch):
    import assistant.tui.screens.documents as documents_screen

    monkeypatch.setattr(documents_screen, "CHUNK", 2)
    path = tmp_path / "store.sqlite"
    with Store(path) as store:
        for n in range(7):
            report, text = sample_report(n)
            store.add_report(report, text, findings=[])
    summed = []
    real_totals = Store.review_totals
    monkeypatch.setattr(Store, "review_totals", lambda self: summed.append(1) or real_totals(self))
    app = app_for(path)
    async with app.run_test(size=SIZE) as pilot:
        table = app.screen.query_one("#documents", DataTable)
        for _ in range(50):
            if table.row_count == 7:
                break
            await pilot.pause(0.02)
        assert table.row_count == 7                  # every document, a chunk at a time
        # the totals come from the rows once read, never from summing every item at start
        # (a full scan: 0.2–0.3 s on 480,000 items)
        assert summed == [] and shown(app.screen.query_one("#overall")).startswith("共 7 份文档 · 已审核 0/")
        first = app.screen.documents[table.cursor_row]
        reads = []
        real = app.store.documents
        monkeypatch.setattr(app.store, "documents", lambda ids=None: reads.append(ids) or real(ids))
        screen = await open_document(pilot, row=table.cursor_row)
        await pilot.press("a")
        await pilot.press("escape")
        await pilot.pause()
        assert reads == [[first.id]]                 # only the opened document was read again
        progress = table.get_cell(str(first.id), "progress")
        assert progress.startswith(f"1/{first.total}")
        assert screen is not app.screen


async def test_what_the_import_said_is_shown_inside_the_app(db):
    """Lines printed before the app starts are hidden behind it: the summary and the failures
    of `jixiao review --db X 文件夹` are shown as a notification when it opens."""
    notes = ["新增 1 份，已在 x.sqlite 中 0 份，失败 1 份", "错误：坏.pdf: truncated PDF"]
    app = app_for(db, notes=notes)
    shown = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = [(n.message, n.severity) for n in app._notifications]
    assert shown and "失败 1 份" in shown[0][0] and "坏.pdf" in shown[0][0] and shown[0][1] == "warning"



async def test_e_corrects_an_indicators_values_with_checks_and_u_restores_them(db):
    app = app_for(db)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_document(pilot)
        item = next(i for i in screen.items if i.kind == "indicator" and i.text == "短信发送成功率")
        screen.select(item.id)
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, EditScreen)
        assert dialog.query_one("#edit-score", Input).value == "10"
        dialog.query_one("#edit-score", Input).value = "十"
        await pilot.press("ctrl+s")
        assert "得分须是数字" in shown(dialog.query_one("#edit-error"))
        dialog.query_one("#edit-score", Input).value = "13"
        await pilot.press("ctrl+s")
        assert "不能高于分值 12" in shown(dialog.query_one("#edit-error"))
        dialog.query_one("#edit-score", Input).value = "11"
        dialog.query_one("#edit-actual", Input).value = "97.5%"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        with Store(db) as store:
            edited = store.item(item.id)
        assert edited.status == "edited" and edited.text == "短信发送成功率"
        assert (edited.detail["actual"], edited.detail["score"], edited.detail["weight"]) == ("97.5%", 11, 12)
        assert edited.original_detail["actual"] == "96.5%"
        assert "97.5%" in screen.table.cell_text(item.id, "text") or "97.5%" in edited.summary
        await pilot.press("u")
        await pilot.pause()
        with Store(db) as store:
            back = store.item(item.id)
        assert back.status == "pending" and back.detail["actual"] == "96.5%" and back.detail["score"] == 10


@pytest.mark.parametrize("size", [(80, 24), (200, 50)], ids=["80x24", "200x50"])
async def test_a_days_walk_review_chat_edit_export_at_both_sizes(db, size):
    """The scripted walk of issue 17: the documents list, a document, decisions, an edit typed
    in Chinese, questions in the pane, an export — at the smallest and a large terminal."""
    import openpyxl

    app = app_for(db)
    async with app.run_test(size=size) as pilot:
        assert isinstance(app.screen, DocumentsScreen)
        screen = await open_document(pilot)
        first = screen.current.id
        await pilot.press("a")                              # accept, move on
        await pilot.press("r")                              # reject the next
        await pilot.pause()
        select_text(screen, PROBLEM)
        item_id = screen.current.id
        await pilot.press("e")
        dialog = app.screen
        assert isinstance(dialog, EditScreen)
        dialog.query_one("#edit-text", Input).value = ""
        await type_text(pilot, "预算编制不够精准，项目支付进度缓慢")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        pane = await ask(pilot, "统计各类问题数量")
        assert pane.transcript[-1].startswith("各类问题数量")
        await ask(pilot, "导出已审核的问题")
        assert "已导出" in pane.transcript[-1]
        await pilot.press("escape")
        await pilot.press("j")                              # keys work again after the pane
        await pilot.pause()
        await pilot.press("q")
    with Store(db) as store:
        assert store.item(first).status == "accepted"
        assert store.item(item_id).status == "edited"
    [exported] = [p for p in db.parent.iterdir() if p.suffix == ".xlsx"]
    cells = [str(c) for sheet in openpyxl.load_workbook(exported).worksheets
             for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "预算编制不够精准，项目支付进度缓慢" in cells
