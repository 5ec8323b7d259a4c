"""The conversational pane's logic, without Textual: intents, slots and answers from the store."""
from __future__ import annotations

import pytest
import yaml

from assistant.lexicon import LexiconError, lexicon_dir
from assistant.store import Store
from report_samples import sample_report
from assistant.chat import Chat, Context
from assistant.chat.intents import default_lexicon, load_lexicon


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store.sqlite") as s:
        for n in range(3):
            report, text = sample_report(n)
            s.add_report(report, text, findings=[])
        yield s


@pytest.fixture
def chat(store):
    return Chat(store)


def problem(store, text="预算编制不够精准，部分项目支付进度缓慢"):
    return next(i for i in store.items(1) if i.text == text)


# -- intents ---------------------------------------------------------------------------------

@pytest.mark.parametrize("request_text, intent", [
    ("列出执行率低于90%的项目", "projects_by_rate"),
    ("执行率不足85%的项目有哪些", "projects_by_rate"),
    ("哪些项目预算执行率小于95", "projects_by_rate"),
    ("90%以下执行率的项目", "projects_by_rate"),
    ("哪些指标没有完成", "indicators_not_met"),
    ("列出没达标的指标", "indicators_not_met"),
    ("哪些指标未达到目标", "indicators_not_met"),
    ("显示宣传相关的问题", "items_by_theme"),
    ("列出预算编制方面的问题", "items_by_theme"),
    ("有哪些关于人员与能力的原因", "items_by_theme"),
    ("统计各类问题数量", "counts"),
    ("各主题问题有多少", "counts"),
    ("为这个问题起草改进措施", "draft_measures"),
    ("帮我写改进措施", "draft_measures"),
    ("把这条改为预算执行类", "set_theme"),
    ("这条归为宣传与服务", "set_theme"),
    ("把这条改为措施", "set_theme"),
    ("导出已审核的问题", "export"),
    ("把已接受的条目导出成csv", "export"),
    ("你能做什么", "help"),
    # ranking and listing (issue 17), worded as analysts ask
    ("哪个项目执行率最低", "rank_projects"),
    ("执行率最高的是哪个项目", "rank_projects"),
    ("预算最多的项目是哪个", "rank_projects"),
    ("哪个项目的资金最少", "rank_projects"),
    ("把项目按执行率排个序", "rank_projects"),
    ("列出所有问题", "items_by_kind"),
    ("这份报告有哪些改进措施", "items_by_kind"),
    ("显示全部原因", "items_by_kind"),
    ("看看都有哪些问题", "items_by_kind"),
    # as typed with an input method (full-width marks), and the questions of issue 17
    ("哪个项目得分最低", "rank_projects"),
    ("得分最高的项目是哪个", "rank_projects"),
    ("哪个项目自评得分最低？", "rank_projects"),
    ("资金最多的项目", "rank_projects"),
    ("预算金额最大的是哪个项目", "rank_projects"),
    ("执行率最低的三个项目", "rank_projects"),
    ("帮我总结一下这份报告的主要问题", "summary"),
    ("总结一下这份报告", "summary"),
    ("这份报告的概况", "summary"),
    ("概括一下这些报告", "summary"),
    ("列出所有原因：", "items_by_kind"),
    ("有哪些措施？", "items_by_kind"),
    ("显示核查发现", "items_by_kind"),
    ("待审核的条目", "items_by_kind"),
    ("哪些问题还没审核", "items_by_kind"),
    ("已驳回的问题", "items_by_kind"),
    ("满意度相关的指标", "items_by_kind"),
    ("执行率低于90％的项目", "projects_by_rate"),
    ("哪些项目执行率不到９０%", "projects_by_rate"),
    ("各项目问题数量", "counts"),
    ("按类别统计指标", "counts"),
    ("每个项目有多少条问题", "counts"),
    ("问题按主题分布", "counts"),
    ("一共有几个问题", "counts"),
    ("有多少个项目", "counts"),
    ("统计各主题的原因数量", "counts"),
    ("哪些指标没完成？", "indicators_not_met"),
    ("未完成的指标有哪些", "indicators_not_met"),
    ("哪些指标没有达到年度目标", "indicators_not_met"),
    ("最差的指标是哪个", "indicators_not_met"),
    ("扣分最多的指标", "indicators_not_met"),
    ("哪些指标被扣分了", "indicators_not_met"),
    ("把这条标为预算编制", "set_theme"),
    ("导出所有问题到excel", "export"),
    ("导出成xlsx", "export"),
    ("这个问题怎么整改", "draft_measures"),
    ("给这个问题写几条措施", "draft_measures"),
    ("列出与绩效监控有关的问题", "items_by_theme"),
])
def test_requests_find_their_intent(chat, request_text, intent):
    assert chat.parse(request_text).intent == intent


@pytest.mark.parametrize("request_text", ["今天天气怎么样", "问题", "asdf", "把窗户打开"])
def test_what_is_not_understood_has_no_intent(chat, request_text):
    assert chat.parse(request_text).intent is None


def test_slots_numbers_comparisons_themes_kinds_and_projects(chat):
    slots = chat.parse("执行率高于95.5%的项目").slots
    assert (slots.number, slots.comparison) == (95.5, "gt")
    assert chat.parse("执行率不足百分之85的项目").slots.number == 85
    assert chat.parse("执行率在90%以下的项目").slots.comparison == "lt"
    assert chat.parse("执行率不低于90%的项目").slots.comparison == "ge"
    assert chat.parse("显示宣传相关的问题").slots.themes == ["PUBLICITY_SERVICE"]
    assert chat.parse("显示 BUDGET_PLANNING 的问题").slots.themes == ["BUDGET_PLANNING"]
    assert chat.parse("把这条改为预算执行类").slots.themes == ["BUDGET_EXECUTION"]
    assert chat.parse("把这条的分类改为满意度").slots.categories == ["满意度"]
    assert chat.parse("有哪些关于人员与能力的原因").slots.kinds == ["reason"]
    assert chat.parse("导出所有已拒绝的条目为excel").slots.status == "rejected"
    assert chat.parse("导出所有已拒绝的条目为excel").slots.format == "xlsx"
    # a project named in part, with a typo-free fragment, or with the brackets left out
    assert chat.parse("短信服务费有哪些没完成的指标").slots.project == "公积金12329短信服务费"
    assert chat.parse("12县市管理部有哪些没完成的指标").slots.project == "12县(市)管理部工作经费及劳务费"
    assert chat.parse("哪些指标没有完成").slots.project is None


# -- answers -----------------------------------------------------------------------------------

def test_projects_below_an_execution_rate(chat, store):
    reply = chat.respond("列出执行率低于90%的项目")
    expected = store.projects(rate=90, comparison="lt")
    assert reply.intent == "projects_by_rate" and len(reply.hits) == len(expected) > 0
    assert reply.text.startswith(f"执行率低于90%的项目共 {len(expected)} 个")
    assert all(h.item_id for h in reply.hits)
    assert "没有执行率低于1%的项目" in chat.respond("执行率低于1%的项目").text


def test_projects_ranked_by_rate_and_budget(chat, store):
    rows = [r for r in store.projects() if r.rate is not None]
    low = chat.respond("哪个项目执行率最低")
    lowest = min(rows, key=lambda r: r.rate)
    assert low.text.startswith(f"执行率最低的是{lowest.name}") and len(low.hits) == min(len(rows), len(low.hits))
    assert lowest.name in low.hits[0].label
    budget = chat.respond("预算最多的项目是哪个")
    biggest = max((r for r in store.projects() if r.adjusted is not None), key=lambda r: r.adjusted)
    assert budget.text.startswith(f"预算数最高的是{biggest.name}")


def test_all_items_of_a_kind(chat, store):
    reply = chat.respond("列出所有问题")
    problems = [i for d in store.documents() for i in store.items(d.id) if i.kind == "problem"]
    assert reply.text.startswith(f"问题共 {len(problems)} 条") and reply.hits
    assert all(h.label.startswith("问题｜") for h in reply.hits)


def test_indicators_not_met(chat, store):
    reply = chat.respond("哪些指标没有完成")
    assert {store.item(h.item_id).text for h in reply.hits} == {"短信发送成功率", "政策知晓率"}
    assert "96.5%" in reply.hits[0].label or "85%" in reply.hits[0].label
    scoped = chat.respond("短信服务费有哪些没完成的指标")
    assert scoped.hits and all(store.item(h.item_id).project == "公积金12329短信服务费" for h in scoped.hits)


def test_items_of_a_theme(chat, store):
    reply = chat.respond("显示宣传相关的问题")
    assert reply.hits
    for hit in reply.hits:
        item = store.item(hit.item_id)
        assert item.kind == "problem" and "PUBLICITY_SERVICE" in item.themes
    assert reply.text.startswith("「宣传服务」相关的问题共")


def test_counts_by_theme(chat, store):
    reply = chat.respond("统计各类问题数量")
    counts = store.counts_by_theme(kinds=["problem"])
    assert f"预算编制：{counts['BUDGET_PLANNING']}" in reply.text
    assert "按类型：" in reply.text and "问题 9" in reply.text


def test_a_summary_of_the_open_document(chat, store):
    doc = store.documents()[0]
    reply = chat.respond("帮我总结一下这份报告的主要问题", Context(doc_id=doc.id))
    first = reply.text.splitlines()[0]
    assert first.startswith(f"「{doc.name}」：项目 ") and "问题 " in first and "指标 " in first
    assert "主要问题集中在：" in reply.text and "执行率最低的是" in reply.text
    assert reply.hits and reply.hits[0].label.startswith("指标｜") and "扣 " in reply.hits[0].label
    everything = chat.respond("概括一下这些报告")
    assert everything.text.startswith(f"全部 {len(store.documents())} 份报告")


def test_projects_ranked_by_score_and_counted(chat, store):
    reply = chat.respond("哪个项目得分最低")
    scores = [p.total_score for p in store.projects() if p.total_score is not None]
    assert reply.text.startswith("自评得分最低的是") and f"（{min(scores):g}分）" in reply.text
    assert chat.respond("有多少个项目").text.startswith(f"共 {len(store.projects())} 个项目")


def test_items_by_review_status_and_indicators_by_category(chat, store):
    item = problem(store)
    store.decide(item.id, "rejected")
    rejected = chat.respond("已驳回的问题")
    assert [h.item_id for h in rejected.hits] == [item.id] and rejected.text.startswith("拒绝的问题共 1 条")
    pending = chat.respond("待审核的条目")
    assert item.id not in {h.item_id for h in pending.hits} and pending.hits
    satisfaction = chat.respond("满意度相关的指标")
    assert satisfaction.hits and all("满意" in h.label for h in satisfaction.hits)
    by_category = chat.respond("按类别统计指标")
    assert by_category.text.startswith("各类指标数量") and "· 满意度：" in by_category.text
    worst = chat.respond("扣分最多的指标")
    points = [float(h.label.rsplit("得分 ", 1)[1].split("/")[1].rstrip("）")) -
              float(h.label.rsplit("得分 ", 1)[1].split("/")[0]) for h in worst.hits]
    assert points == sorted(points, reverse=True)


def test_drafting_and_editing_use_the_selected_item(chat, store):
    item = problem(store)
    assert "请先" in chat.respond("为这个问题起草改进措施").text
    reply = chat.respond("为这个问题起草改进措施", Context(doc_id=1, item_id=item.id))
    assert (reply.action, reply.item_id) == ("draft", item.id)
    reply = chat.respond("把这条改为预算执行类", Context(doc_id=1, item_id=item.id))
    assert reply.action == "refresh" and "预算执行" in reply.text
    changed = store.item(item.id)
    assert (changed.status, changed.themes) == ("edited", ("BUDGET_EXECUTION",))
    chat.respond("把这条改为措施", Context(doc_id=1, item_id=item.id))
    assert store.item(item.id).kind == "measure"
    assert store.item(item.id).themes == ("BUDGET_EXECUTION",)     # the earlier edit stands


def test_export_writes_a_file_beside_the_store(chat, store, tmp_path):
    item = problem(store)
    store.decide(item.id, "accepted")
    reply = chat.respond("导出已审核的问题", Context(export_dir=tmp_path))
    written = [p for p in tmp_path.iterdir() if p.suffix == ".xlsx"]
    assert len(written) == 1 and "已导出 1 条" in reply.text and str(written[0]) in reply.text
    chat.respond("把已接受的条目导出成csv", Context(export_dir=tmp_path))
    assert any(p.suffix == ".csv" for p in tmp_path.iterdir())


def test_this_document_limits_the_answer_to_the_open_one(chat, store):
    everywhere = chat.respond("显示宣传相关的问题", Context(doc_id=1))
    here = chat.respond("本文档显示宣传相关的问题", Context(doc_id=1))
    assert len(here.hits) < len(everywhere.hits) and all(h.doc_id == 1 for h in here.hits)


def test_an_unrecognised_request_gets_what_the_pane_can_do(chat):
    reply = chat.respond("今天天气怎么样")
    assert reply.text.startswith("没有理解「今天天气怎么样」")
    for example in ("列出执行率低于90%的项目", "哪些指标没有完成", "显示宣传相关的问题", "统计各类问题数量",
                    "为这个问题起草改进措施", "把这条改为预算执行类", "导出已审核的问题"):
        assert example in reply.text


# -- the lexicon is data -------------------------------------------------------------------------

def test_a_new_trigger_in_the_yaml_works_without_code(tmp_path, store):
    data = yaml.safe_load((lexicon_dir() / "intents.yaml").read_text(encoding="utf-8"))
    data["intents"]["indicators_not_met"]["cues"].append("拖后腿")
    data["intents"]["indicators_not_met"]["triggers"].append("哪些指标拖后腿")
    path = tmp_path / "intents.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert Chat(store).parse("哪些指标拖后腿").intent is None
    assert Chat(store, load_lexicon(path)).parse("哪些指标拖后腿").intent == "indicators_not_met"


def test_a_broken_lexicon_names_its_file(tmp_path):
    path = tmp_path / "intents.yaml"
    path.write_text("intents: {help: {examples: [x]}}\nslots: {}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="intents.yaml"):
        load_lexicon(path)


def test_the_edit_dialog_words_resolve_to_codes():
    lx = default_lexicon()
    assert lx.resolve_themes("预算执行、宣传服务") == ["BUDGET_EXECUTION", "PUBLICITY_SERVICE"]
    assert lx.resolve_themes("budget_planning, 人员") == ["BUDGET_PLANNING", "CAPACITY"]
    assert lx.resolve_themes("") == []
    assert lx.resolve_kind("措施") == "measure" and lx.resolve_kind("problem") == "problem"
    assert lx.resolve_category("满意度指标") == "满意度" and lx.resolve_category("") is None
    with pytest.raises(ValueError, match="主题"):
        lx.resolve_themes("天气")
