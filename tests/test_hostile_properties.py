"""Report text of any shape through every stage (issue 16): extraction, the store, exports,
the spaCy pipeline's HTML page, drafting and the conversational pane never fail on it, and
no stage lets a formula, a control character or markup through. Texts are generated here."""
from __future__ import annotations

import csv
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from assistant.extract.pipeline import extract_text
from assistant.store import Store
from assistant.textsafe import FORMULA_STARTS

# Pieces an analyst's folder really holds, and pieces that attack a terminal, a spreadsheet or a page
PIECES = ["预算执行率", "资金支付进度缓慢", "一是", "二是", "存在问题：", "改进措施：", "未完成原因：", "，", "。",
          "\t", "\n", " ", "|", "100%", "≥95%", "=100%", "=HYPERLINK(\"http://x.invalid\")", "+86", "-5万元",
          "@SUM(A1)", "[/]", "[bold red]", "[link=http://x.invalid]", "\x1b[2J", "\x00", "\x07", "<script>",
          "</td>", "&amp;", "项目名称", "指标", "年度指标值", "实际完成值", "得分", "（", "）", "\u3000"]

FORM = ("项目支出绩效自评表\n项目名称\t{name}\n"
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
        "产出指标\t数量指标\t{indicator}\t{target}\t{actual}\t10\t8\t{reason}\n"
        "三、存在的问题\n{problem}\n四、改进措施\n{measure}\n")

text_piece = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])       # a failure is shown as found, not shrunk
@given(name=text_piece, indicator=text_piece, target=text_piece, actual=text_piece, reason=text_piece,
       problem=text_piece, measure=text_piece)
def test_any_report_text_passes_every_stage_as_data(tmp_path_factory, name, indicator, target, actual, reason,
                                                     problem, measure):
    import assistant
    from assistant.draft import draft_report
    from assistant.show import report_html
    from assistant.chat import Chat, Context

    text = FORM.format(name=name, indicator=indicator, target=target, actual=actual, reason=reason,
                       problem=problem, measure=measure)
    report = extract_text(text, "攻击.txt")
    for s in report.statements:                                 # evidence points into the text
        assert 0 <= s.start <= s.end <= len(text)
    folder = tmp_path_factory.mktemp("stages")
    with Store(folder / "s.sqlite") as store:
        doc_id = store.add_report(report, text)
        for item in store.items(doc_id):
            store.decide(item.id, "accepted")
        assert store.export("accepted", "csv", folder / "o.csv") >= 0
        with (folder / "o.csv").open(encoding="utf-8-sig", newline="") as fh:
            for row in list(csv.reader(fh))[1:]:
                assert not any(cell.startswith(FORMULA_STARTS) for cell in row)
                assert not any("\x1b" in cell or "\x00" in cell for cell in row)
        store.export("accepted", "xlsx", folder / "o.xlsx")
        from openpyxl import load_workbook
        for sheet in load_workbook(folder / "o.xlsx").worksheets:
            assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
        reply = Chat(store).respond(problem, Context(doc_id=doc_id))
        assert reply.text
    page = _Page()
    page.feed(report_html(assistant.load()(text)))
    assert "script" not in page.tags
    draft = draft_report(report, text).to_markdown()
    assert "\x1b" not in draft and "\x00" not in draft


@pytest.fixture(autouse=True)
def _quiet_spacy_load(monkeypatch):
    """One pipeline for all examples (assistant.load() builds a new Language each call)."""
    import assistant
    from functools import lru_cache

    monkeypatch.setattr(assistant, "load", lru_cache(maxsize=1)(assistant.load))
