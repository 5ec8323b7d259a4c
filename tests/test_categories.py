"""Categories on real tables (issue 13): damaged and variant labels, the first level as
context, the learned name-only model, `classify --learn`, and evidence in Chinese.
Every name and table here is written for the test."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from assistant.cli import app, register
from assistant.extract.classify import classify_indicator, default_lexicon, load_lexicon
from assistant.extract.labels import level1_categories, printed_label
from assistant.extract.namemodel import NameModel

register()       # every command on `app`, as `jixiao` has them


@pytest.fixture(autouse=True, scope="module")
def _all_commands():
    """Every command registered, as `jixiao` has them (one alone would become the root)."""
    register()


@pytest.mark.parametrize("printed, level1, category", [
    ("顼目产出", "产出指标", None),           # OCR: one character in four misread
    ("项Fl实施", None, "项目管理"),         # OCR: 目 read as two Latin letters
    ("服务对象满意度指", None, "满意度"),     # 指标 cut by a line break
    ("产 出 质 量", None, "质量"),
    ("预算编审(5分)", None, "投入管理"),
    ("执行管理", None, "项目管理"),
    ("产出数量指标", None, "数量"),         # a 指标 added to a label known without it
    ("产出时效 指标(10分)", None, "时效"),
])
def test_printed_labels_however_damaged(printed, level1, category):
    label = printed_label(printed)
    assert label is not None
    assert label.category == category
    if level1:
        assert label.level1 == level1


@pytest.mark.parametrize("text", ["预算执行率", "资金已到位", "项目支出明细", "张三", "培训人次指标", "预算执行率指标"])
def test_names_and_values_are_no_printed_labels(text):
    label = printed_label(text)
    assert label is None or label.text != text.replace(" ", "")


def test_first_level_is_context_when_no_second_level_is_printed():
    got = classify_indicator("立项依据充分性", level1="项目决策")
    assert got.category == "投入管理" and "一级指标「项目决策」" in got.evidence
    got = classify_indicator("监督检查有效性", level1="项目管理 (20分)")
    assert got.category in level1_categories("过程")
    # under an output first level, a rate is an output category, never an effect
    got = classify_indicator("病媒生物监测覆盖率", "100%", printed="顼目产出")
    assert got.category in level1_categories("产出指标")


def test_a_label_means_what_its_first_level_makes_it():
    dept = classify_indicator("目标明确性", printed="目标任务", level1="部门决策(20分)")
    proj = classify_indicator("目标明确性", printed="项目目标", level1="项目决策(20分)")
    assert dept.category == "部门整体" and "部门决策" in dept.evidence
    assert proj.category == "投入管理"


def test_a_filled_down_label_is_not_overridden_out_of_its_first_level():
    got = classify_indicator("绩效运行监控有效性", printed="项Fl实施", level1="项目管理")
    assert got.category == "项目管理"


def test_a_bare_word_spelling_a_label_yields_to_the_printed_label():
    assert classify_indicator("资金分配", printed="资金管理", printed_on_row=True).category == "财务管理"
    assert classify_indicator("成本指标", printed="履职目标实现", printed_on_row=True).category == "成本"


def test_evidence_is_chinese_and_names_the_head_word():
    got = classify_indicator("疫苗接种合格率", "≥98%", printed="质量指标", printed_on_row=True)
    assert got.evidence.startswith("依据：二级指标「质量指标」")
    assert "名称中心词「合格率」" in got.evidence
    over = classify_indicator("资料印制费用", "≤3万元", printed="时效指标", printed_on_row=True)
    assert over.category == "成本" and over.evidence.startswith("改判")


def test_the_model_gives_a_sure_guess_where_no_cue_speaks():
    lex = default_lexicon()
    cat, p = lex.model.best("决策依据充分性")
    assert cat == "投入管理" and p > 0.5
    got = classify_indicator("引水渠道衬砌长度")
    assert got.category == "数量" and got.confidence >= 0.5
    # and still says nothing on words that are no indicator at all
    for name in ("张三", "瞎编乱造", "备注"):
        assert classify_indicator(name).category is None


def test_model_learns_from_pairs_and_is_deterministic():
    pairs = [("数量", "种植面积"), ("数量", "造林面积"), ("质量", "苗木成活率"), ("质量", "检验合格率"),
             ("时效", "完成时间"), ("时效", "到位时间")]
    a = NameModel.train(pairs, ["数量", "质量", "时效"])
    b = NameModel.train(pairs, ["数量", "质量", "时效"])
    assert a.best("补植面积")[0] == "数量" and a.best("树苗成活率")[0] == "质量"
    assert a.probabilities("补植面积") == b.probabilities("补植面积")
    assert NameModel.train([], ["数量"]).probabilities("面积") == {}


_TABLE = """项目支出绩效自评表
项目名称\t乡村道路养护补助
一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值
产出指标\t数量指标\t养护农村公路里程\t≥120公里\t126公里
\t\t道班驻点巡查频次\t≥4次/月\t4次/月
\t质量指标\t路面病害处治达标情况\t达标\t达标
\t时效指标\t汛前排险完成时限\t5月底前\t5月20日
效益指标\t社会效益指标\t沿线群众出行便利程度\t提高\t提高
满意度指标\t服务对象满意度指标\t沿线村民满意度\t≥90%\t95%
"""


def test_cli_learn_writes_pairs_beside_the_lexicon_and_uses_them(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "road.txt").write_text(_TABLE, encoding="utf-8")
    (reports / "broken.pdf").write_bytes(b"not a pdf")
    mine = tmp_path / "my.yaml"
    run = CliRunner().invoke(app, ["classify", "--learn", str(reports), "--lexicon", str(mine)])
    assert run.exit_code == 0, run.output
    learned = (tmp_path / "my.learned.tsv").read_text(encoding="utf-8")
    assert "数量\t道班驻点巡查频次\troad.txt" in learned
    assert "质量\t路面病害处治达标情况" in learned
    assert "my.learned.tsv" in mine.read_text(encoding="utf-8")
    assert "新增范例" in run.output and "broken.pdf" in run.output
    # learning twice adds nothing
    again = CliRunner().invoke(app, ["classify", "--learn", str(reports), "--lexicon", str(mine)])
    assert "新增范例 0 条" in again.output
    lex = load_lexicon([mine])
    assert "道班驻点巡查频次" in lex.exemplar_names
    got = classify_indicator("道班驻点巡查频率", lexicon=lex)
    assert got.category == "数量"


def test_cli_learn_keeps_an_existing_lexicon_and_its_list(tmp_path):
    (tmp_path / "r.txt").write_text(_TABLE, encoding="utf-8")
    (tmp_path / "base.tsv").write_text("数量\t示范户数\n", encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    mine.write_text("# 我的词表\nexemplar_files: [base.tsv]\ncategories:\n  数量:\n    strong: [巡查频次]\n",
                    encoding="utf-8")
    run = CliRunner().invoke(app, ["classify", "--learn", str(tmp_path / "r.txt"), "--lexicon", str(mine)])
    assert run.exit_code == 0, run.output
    text = mine.read_text(encoding="utf-8")
    assert "# 我的词表" in text and "exemplar_files: [base.tsv, mine.learned.tsv]" in text
    assert "巡查频次" in text


def test_cli_learn_argument_mistakes_are_one_line(tmp_path):
    run = CliRunner().invoke(app, ["classify", "--learn", str(tmp_path)])
    assert run.exit_code == 2 and "--lexicon" in run.output
    assert "Traceback" not in run.output


def test_cli_file_takes_a_first_level_column(tmp_path):
    f = tmp_path / "rows.tsv"
    f.write_text("项目申报规范性\t\t\t项目决策\n完成率\t100%\t顼目产出\n", encoding="utf-8")
    run = CliRunner().invoke(app, ["classify", "--file", str(f)])
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert rows[0]["category"] == "投入管理"
    assert rows[1]["category"] in level1_categories("产出指标")


@pytest.mark.parametrize("name, category, unit", [
    ("化粪池容积(≥**立方米)", "数量", "立方米"),      # a template's placeholder for the figure
    ("新建机耕路（公里）", "数量", "公里"),
    ("保洁车辆(≥台)", "数量", "台"),
    ("村级公益设施维修资金(万元)", "成本", "万元"),
])
def test_a_unit_printed_in_the_name_counts_like_a_targets_unit(name, category, unit):
    result = classify_indicator(name)
    assert result.category == category
    assert f"名称所注单位「{unit}」" in result.evidence


def test_a_percentage_or_a_bracket_of_words_in_the_name_is_no_unit():
    assert "名称所注单位" not in classify_indicator("群众满意度(%)").evidence
    assert "名称所注单位" not in classify_indicator("道路硬化(含村组道路)").evidence
    # the target's own unit comes first
    with_target = classify_indicator("补助发放(户)", "≥300元")
    assert "目标值「300元」" in with_target.evidence and "名称所注单位" not in with_target.evidence


def test_cli_reads_names_and_labels_copied_from_a_page_in_traditional_characters(tmp_path):
    # a page converted to 繁體 with the reading printed after some characters
    rows = tmp_path / "rows.tsv"
    rows.write_text("巡河次數(shù)\t\t質(zhì)量指標(biāo)\n"
                    "道路養護(hù)裏程\t120公里\n"
                    "群众满意度\t≥90%\t满意度指标\n", encoding="utf-8")
    run = CliRunner().invoke(app, ["classify", "--file", str(rows)])
    got = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["name"] for r in got] == ["巡河次數(shù)", "道路養護(hù)裏程", "群众满意度"]   # as given
    assert [r["category"] for r in got] == ["质量", "数量", "满意度"]
    assert got[0]["printed_category"] == "质量"
    run = CliRunner().invoke(app, ["classify", "-p", "時效指標", "辦結時間"])
    assert json.loads(run.stdout)["category"] == "时效" and json.loads(run.stdout)["name"] == "辦結時間"


def test_a_label_naming_several_categories_keeps_the_row_among_them():
    label = "社会、经济、生态效益指标"
    assert classify_indicator("河道断面水质达标率", printed=label).category == "生态效益"
    assert classify_indicator("带动农户户均增收", printed=label).category == "经济效益"
    # a name that alone would say 满意度 or 质量 stays with what the authors' label lists
    for name in ("沿河群众满意度", "护岸工程验收合格率"):
        result = classify_indicator(name, printed=label)
        assert result.category in ("经济效益", "社会效益", "生态效益"), (name, result)
        assert "二级指标「社会、经济、生态效益指标」所列类别" in result.evidence
    assert classify_indicator("巡河次数", printed="数量、质量指标").category == "数量"
