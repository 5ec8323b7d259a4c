"""The extractor as a spaCy pipeline (`assistant.load()`), and `jixiao show` over it."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest
import spacy
from spacy.tokens import DocBin
from typer.testing import CliRunner

import assistant
from assistant.cli import app, register
from assistant.extract.classify import classify_indicator
from assistant.extract.pipeline import extract_text
from assistant.show import report_html
from tests.conftest import ROOT

register()       # every command on `app`, as `jixiao` has them

SAMPLES = sorted((ROOT / "corpora" / "samples").glob("*.txt"))

FORM = """2024年度项目支出绩效自评表
项目名称\t乡镇污水管网维护项目
主管部门\t临川县住房和城乡建设局\t实施单位\t临川县市政设施服务中心
项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
年度资金总额\t120\t120\t96\t10\t80%\t8
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施
产出指标\t数量指标\t管网巡检里程\t≥300公里\t260公里\t20\t17\t雨季汛期巡检车辆被抽调，导致部分路段未按计划巡检
\t质量指标\t维修合格率\t≥95%\t97%\t20\t20\t
满意度指标\t服务对象满意度指标\t沿线居民满意度\t≥90%\t92%\t10\t10\t
三、存在的问题
一是项目前期摸底不够细致，部分管段底数不清，导致预算测算偏大。
二是绩效监控不到位，未按季度开展运行监控。
四、改进措施
下一步将细化管网普查，据实测算预算；建立季度绩效监控台账。
"""


@pytest.fixture(scope="module")
def nlp():
    return assistant.load()


def test_the_pipeline_is_registered_factories(nlp):
    assert nlp.pipe_names == ["jixiao_forms", "jixiao_statements", "jixiao_findings"]
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "jixiao.char_tokenizer.v1"
    meta = nlp.get_pipe_meta("jixiao_statements")
    assert "doc.spans" in meta.assigns and "doc._.report" in meta.requires


def test_the_doc_keeps_the_text_and_gives_the_same_report_as_extract_text(nlp):
    doc = nlp(FORM)
    assert doc.text == FORM
    assert doc._.report.to_dict() == extract_text(FORM).to_dict()
    project = doc._.report.projects[0]
    assert project.name == "乡镇污水管网维护项目"
    assert [i.name for i in project.indicators] == ["管网巡检里程", "维修合格率", "沿线居民满意度"]


def test_spans_point_at_the_items_they_carry(nlp):
    doc = nlp(FORM)
    problems = list(doc.spans["problem"])
    assert len(problems) == 2 and "摸底不够细致" in problems[0].text
    for key in ("reason", "problem", "measure", "indicator", "finding"):
        for span in doc.spans[key]:
            item = span._.item
            assert span.label_ == key and item is not None
            assert (span.start_char, span.end_char) == (item.start, item.end)
            assert span._.project == "乡镇污水管网维护项目"
    assert "BUDGET_PLANNING" in problems[0]._.themes
    reasons = [s.text for s in doc.spans["reason"]]
    assert any("巡检车辆被抽调" in r for r in reasons)
    kinds = {s._.item.kind for s in doc.spans["finding"]}
    assert {"BUDGET_BELOW_90", "TARGET_MISSED"} <= kinds


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_reads_the_same_through_spacy(nlp, path):
    text = path.read_text(encoding="utf-8")
    doc = nlp.make_doc(text)
    doc.user_data["path"] = str(path)
    doc = nlp(doc)
    assert doc._.report.to_dict() == extract_text(text, str(path)).to_dict()
    for key in ("reason", "problem", "measure", "indicator"):
        for span in doc.spans[key]:
            assert span.text == text[span._.item.start:span._.item.end]


# A sharing site's copy of a report that lists its indicators in prose (written for this
# test): every step of extract_text (site lines blanked, prose items read) is a step of the
# pipeline too.
PROSE_PAGE = (
    "全文共1850字,仅供站内会员参考\n"
    "某县2024年农村公路养护项目绩效自评报告\n"
    "项目名称\t农村公路养护\n"
    "1、产出数量指标：第一，养护里程年初指标值为不低于120公里,全年实际完成值126公里。"
    "第二，路面修补面积年初指标值为不低于3000平方米,全年实际完成值2860平方米。\n"
)


def test_a_page_read_by_every_step_of_extract_text_reads_the_same_through_spacy(nlp):
    doc = nlp(PROSE_PAGE)
    assert doc.text == PROSE_PAGE
    report = doc._.report
    assert report.to_dict() == extract_text(PROSE_PAGE).to_dict()
    assert [i.name for p in report.projects for i in p.indicators] == ["养护里程", "路面修补面积"]


def test_words_are_built_so_that_items_rarely_need_a_cut_and_figures_add_no_words(nlp):
    doc = nlp.make_doc("质量指标\t维修合格率\t≥95.5%\t\t\n")
    assert [t.text for t in doc] == ["质量指标", "\t", "维修合格率", "\t", "≥", "9", "5", ".", "5", "%",
                                     "\t", "\t", "\n"]
    # every figure is made of the ten digits: a batch of new amounts grows no vocabulary
    nlp.make_doc("年度资金总额\t1234.5\t6789.05\t81.66%\n")
    before = len(nlp.vocab)
    nlp.make_doc("年度资金总额\t3471.9\t2650.37\t76.34%\n")
    assert len(nlp.vocab) == before
    # indicator rows begin and end where the words do: no token had to be cut for them
    words = nlp.make_doc(FORM)
    starts, ends = {t.idx for t in words}, {t.idx + len(t) for t in words}
    doc = nlp(FORM)
    rows = list(doc.spans["indicator"])
    assert len(rows) == 3
    assert all(r.start_char in starts and r.end_char in ends for r in rows)


def test_a_docbin_keeps_the_report_and_the_spans(nlp):
    doc = nlp(FORM)
    stored = DocBin(store_user_data=True)
    stored.add(doc)
    back = list(DocBin().from_bytes(stored.to_bytes()).get_docs(nlp.vocab))[0]
    assert back._.report.to_dict() == doc._.report.to_dict()
    assert [s.text for s in back.spans["problem"]] == [s.text for s in doc.spans["problem"]]
    assert back.spans["problem"][0]._.project == "乡镇污水管网维护项目"


def test_pipe_streams_with_worker_processes(nlp):
    texts = [FORM, FORM.replace("乡镇污水管网维护项目", "城区路灯节能改造项目"), "没有表格的一段文字。"]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [d._.report.projects[0].name if d._.report.projects else "" for d in docs] == \
        ["乡镇污水管网维护项目", "城区路灯节能改造项目", ""]
    assert [len(d.spans["problem"]) for d in docs] == [2, 2, 0]


def test_the_pipeline_saves_and_loads_with_an_analyst_lexicon(tmp_path):
    name = "植保无人机飞防架次"
    (tmp_path / "ex.tsv").write_text("数量\t无人机作业架次\n", encoding="utf-8")
    mine = tmp_path / "my.yaml"
    mine.write_text("categories:\n  数量:\n    strong: [飞防架次]\nexemplar_files: [ex.tsv]\n", encoding="utf-8")
    text = FORM.replace("管网巡检里程\t≥300公里\t260公里", f"{name}\t≥300架次\t260架次").replace(
        "产出指标\t数量指标\t", "产出指标\t\t")
    nlp = assistant.load([mine])
    got = [i for i in nlp(text)._.report.projects[0].indicators if i.name == name][0]
    assert got.category == "数量" and "飞防架次" in got.evidence
    nlp.to_disk(tmp_path / "model")
    mine.unlink()
    (tmp_path / "ex.tsv").unlink()
    again = spacy.load(tmp_path / "model")
    assert again.pipe_names == nlp.pipe_names
    assert again(text)._.report.to_dict() == nlp(text)._.report.to_dict()
    assert classify_indicator(name).evidence != got.evidence   # the built-in lexicon untouched


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_the_html_page_marks_items_over_the_text_and_escapes_it(nlp):
    text = FORM.replace("未按季度开展运行监控", "未按季度开展<script>alert(1)</script>运行监控")
    page = _Page()
    page.feed(report_html(nlp(text)))
    words = " ".join(" ".join(page.text).split())
    assert "script" not in page.tags
    assert "<script>alert(1)</script>" in words            # shown as text, not run
    for label in ("指标", "原因", "问题", "措施", "核查发现"):
        assert label in words
    assert "乡镇污水管网维护项目" in words and "br" in page.tags


def test_show_writes_the_page_and_prints_an_outline(tmp_path):
    source = tmp_path / "报告.txt"
    source.write_text(FORM, encoding="utf-8")
    register()                              # every command, as `jixiao` registers them
    runner = CliRunner()
    out = runner.invoke(app, ["show", str(source)])
    assert out.exit_code == 0, out.output
    assert "项目 乡镇污水管网维护项目：指标 3 行" in out.output
    assert "问题 " in out.output and "核查发现 " in out.output
    page = tmp_path / "报告.html"
    out = runner.invoke(app, ["show", str(source), "--html", str(page)])
    assert out.exit_code == 0 and page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    out = runner.invoke(app, ["show", str(source), "--html", str(tmp_path / "x.pdf")])
    assert out.exit_code == 2 and "错误" in out.output and "Traceback" not in out.output
