"""Issue 11: a form reads the same in every layout it is printed in.

Every answer key we have — our samples (tests/expected), and, beside the checkout, the
seeds' and the dev passages' keys — is printed by tests/layouts.py as TAB rows (the
reference: what the PDF, Word, Excel and HTML readers give), one cell per line (with and
without ` |`, with blank lines), markdown rows with and without borders, runs of spaces, a
flattened line, wrapped PDF text, HTML, DOCX and XLSX; each rendering must give the projects
and indicator rows the TAB rendering gives.  A property test does the same for forms drawn
from our own indicator names.
"""
from __future__ import annotations

import csv
import json
import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.extract import extract_path, extract_text
from tests.conftest import GOLD, ROOT, SHARED, needs_shared
from tests.layouts import FILE_LAYOUTS, LAYOUTS, TEXT_LAYOUTS, document_rows, render, write

EXPECTED = ROOT / "tests" / "expected"
SAMPLES = [p for p in sorted(EXPECTED.glob("*.json")) if document_rows(json.loads(p.read_text("utf-8")))]
# Sample 03 prints a 部门整体 table whose 三级 cells are framework labels (数量指标 …) beside
# sentences; without the columns a stream cannot tell such a row from a label and a name.
EXACT = [p for p in SAMPLES if not p.stem.startswith("03_")]


def _squash(s) -> str:
    return re.sub(r"\s+", "", str(s or ""))


def _reading(report) -> tuple[list[str], list[tuple]]:
    names = [p.name for p in report.projects]
    rows = [(_squash(i.name), _squash(i.target), _squash(i.actual), i.weight, i.score, i.category)
            for p in report.projects for i in p.indicators]
    return names, rows


def _agreement(ref: list[tuple], got: list[tuple]) -> float:
    left = list(got)
    same = 0
    for row in ref:
        if row in left:
            left.remove(row)
            same += 1
    return same / max(len(ref), len(got), 1)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    folder = tmp_path_factory.mktemp("layouts")
    cache: dict[tuple[str, str], tuple] = {}

    def read(key: Path, layout: str):
        if (key.stem, layout) not in cache:
            forms = document_rows(json.loads(key.read_text("utf-8")))
            cache[key.stem, layout] = _reading(extract_path(write(forms, layout, folder, key.stem)))
        return cache[key.stem, layout]
    return read


@pytest.mark.parametrize("layout", [la for la in LAYOUTS if la != "tab"])
@pytest.mark.parametrize("sample", EXACT, ids=lambda p: p.stem)
def test_samples_read_alike_in_every_layout(rendered, sample, layout):
    ref_names, ref_rows = rendered(sample, "tab")
    names, rows = rendered(sample, layout)
    assert names == ref_names
    assert rows == ref_rows


@pytest.mark.parametrize("layout", [la for la in LAYOUTS if la != "tab"])
def test_label_named_rows_mostly_read_alike(rendered, layout):
    sample = next(p for p in SAMPLES if p.stem.startswith("03_"))
    ref_names, ref_rows = rendered(sample, "tab")
    names, rows = rendered(sample, layout)
    assert names == ref_names
    assert _agreement(ref_rows, rows) >= 0.9


@needs_shared
@pytest.mark.parametrize("layout", TEXT_LAYOUTS[1:] + FILE_LAYOUTS)
def test_every_answer_key_reads_alike_in_every_layout(rendered, layout):
    """Over the seeds' and dev passages' keys: the same project names everywhere, and at
    least 90% of the indicator rows identical to the TAB reading (name, target, actual,
    weight, score, category).  What stays apart: tables whose 三级 cells are framework
    labels (seed 003) and keys of passages that only half print a table (h010, h020)."""
    keys = sorted(GOLD.glob("*.json")) + sorted((SHARED / "corpora" / "dev" / "gold").glob("*.json"))
    keys = [k for k in keys if document_rows(json.loads(k.read_text("utf-8")))]
    same = total = 0
    for key in keys:
        ref_names, ref_rows = rendered(key, "tab")
        names, rows = rendered(key, layout)
        assert names == ref_names, key.stem
        agreement = _agreement(ref_rows, rows)
        same += agreement * max(len(ref_rows), len(rows))
        total += max(len(ref_rows), len(rows))
    assert same / total >= 0.90, (layout, round(same / total, 3))


# ---------------------------------------------------------------------------- property

@lru_cache(maxsize=1)
def _names() -> list[tuple[str, str, str]]:
    """(name, target, category) of our own unseen-names list."""
    path = ROOT / "tests" / "data" / "indicator_names_unseen.tsv"
    rows = [r for r in csv.reader(path.open(encoding="utf-8"), delimiter="\t") if r and not r[0].startswith("#")]
    return [(r[0], r[1], r[2]) for r in rows[1:] if len(r) >= 3 and r[1]]


_LEVEL2 = {"数量": "数量指标", "质量": "质量指标", "时效": "时效指标", "成本": "成本指标",
           "经济效益": "经济效益指标", "社会效益": "社会效益指标", "生态效益": "生态效益指标",
           "可持续影响": "可持续影响指标", "满意度": "服务对象满意度指标"}
_LEVEL1 = {"数量": "产出指标", "质量": "产出指标", "时效": "产出指标", "成本": "产出指标",
           "满意度": "满意度指标"}


@st.composite
def forms(draw):
    pool = [n for n in _names() if n[2] in _LEVEL2]
    picked = draw(st.lists(st.sampled_from(pool), min_size=2, max_size=8, unique_by=lambda n: n[0]))
    picked.sort(key=lambda n: list(_LEVEL2).index(n[2]))
    scored = draw(st.booleans())
    indicators = []
    for name, target, category in picked:
        weight = draw(st.integers(min_value=2, max_value=20))
        indicators.append({
            "level1": _LEVEL1.get(category, "效益指标"), "level2": _LEVEL2[category], "name": name,
            "target": target, "actual": draw(st.sampled_from([target, "已完成", "100%"])) if scored else None,
            "weight": weight if scored else None,
            "score": draw(st.integers(min_value=0, max_value=weight)) if scored else None})
    return {"projects": [{"name": draw(st.sampled_from(["社区养老服务补助经费", "农村公路日常养护经费",
                                                         "中小学校舍维修改造资金"])),
                          "form": "self_evaluation" if scored else "budget_target",
                          "indicators": indicators}]}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=forms(), layout=st.sampled_from(["cells", "cells_bar", "cells_blank", "pipe", "pipe_bare",
                                             "spaces", "flat", "wrapped"]))
def test_drawn_forms_read_alike_in_every_text_layout(doc, layout):
    tables = document_rows(doc)
    ref = _reading(extract_text(render(tables, "tab")))
    got = _reading(extract_text(render(tables, layout)))
    assert got[0] == ref[0]
    assert _agreement(ref[1], got[1]) >= 0.75, (layout, ref[1], got[1])


def test_a_row_that_only_repeats_its_name_is_no_indicator():
    """The execution row some forms print under the indicators (「预算执行率 预算执行率」, its
    cells left empty) is the form's own row, not an indicator."""
    text = ("某县2023年度项目支出绩效自评表\n项目名称: 农村敬老院运行补助 主管部门: 某县民政局\n"
            "一级指标 二级指标 三级指标 指标分值 预期指标值 实际完成值 自评得分\n"
            "产出指标 数量指标 供养对象人数 30 ≥120人 126人 30\n"
            "效益指标 社会效益指标 供养对象生活保障水平 30 明显提高 明显提高 30\n"
            "满意度指标 服务对象满意度指标 供养对象满意度 30 ≥90% 96% 30\n"
            "预算执行率 预算执行率\n")
    projects = extract_text(text).projects
    names = [i.name for p in projects for i in p.indicators]
    assert "供养对象满意度" in names and "预算执行率" not in names


def test_a_label_wrapped_before_its_last_character_keeps_it():
    """Web pages cut a narrow label cell anywhere: 「满意度指 标参训学员满意度」 is the label
    满意度指标 followed by the indicator 参训学员满意度."""
    text = ("项目支出绩效自评表\n项目名称 基层文艺骨干培训经费 主管部门 某区文化馆\n"
            "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
            "产出指标 数量指标 培训文艺骨干人次 ≥300人次 320人次 40 40\n"
            "效益指标 社会效益 指标 基层文艺活动场次 ≥50场 56场 30 30\n"
            "满意度指标 服务对象满意度指 标参训学员满意度 ≥90% 96% 20 20\n")
    rows = {i.name: i for p in extract_text(text).projects for i in p.indicators}
    assert "参训学员满意度" in rows, list(rows)
    assert rows["参训学员满意度"].category == "满意度" and rows["参训学员满意度"].target == "≥90%"


# A 项目支出绩效目标表 with 中期 and 年度 halves side by side (written for this test): the
# budget block prints both totals, the indicator header prints 二级 · 三级 · 指标值 twice.
PAIRED = [
    ["项目支出绩效目标表"],
    ["项目名称", "乡镇污水处理设施运维项目"],
    ["项目资金(万元)", "中期资金总额:", "360万", "年度资金总额:", "120万"],
    ["", "其中:财政拨款", "360万", "其中:财政拨款", "120万"],
    ["一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "运维污水处理站点", "≥36个", "数量指标", "运维污水处理站点", "≥12个"],
    ["", "质量指标", "出水水质达标率", "≥90%", "质量指标", "出水水质达标率", "≥95%"],
    ["效益指标", "生态效益指标", "化学需氧量削减量", "≥900吨", "生态效益指标", "化学需氧量削减量", "≥300吨"],
]


@pytest.mark.parametrize("layout", ["tab", "bar_lines", "cells_bar", "pipe"])
def test_midterm_and_annual_halves_are_one_row_and_the_annual_budget_counts(layout):
    [project] = extract_text(render([PAIRED], layout), f"paired.{layout}.txt").projects
    assert project.budget is not None and project.budget.adjusted == 120
    assert [(i.name, i.target, i.target_midterm) for i in project.indicators] == [
        ("运维污水处理站点", "≥12个", "≥36个"),
        ("出水水质达标率", "≥95%", "≥90%"),
        ("化学需氧量削减量", "≥300吨", "≥900吨")]


# A 项目支出绩效目标申报表 as a budget system exports it (written for this test): beside the
# target it prints figures of other years (历史值 · 上年自评值), what each indicator means,
# how its target was set and how it is scored, and the reviewer's opinion — six columns
# filled on every row that are none of the indicator's parts.
DECLARED = [
    ["2025年度项目支出绩效目标申报表"],
    ["项目名称", "乡镇污水处理设施运维"],
    ["一级指标", "二级指标", "指标名称", "计算符号", "指标值", "计量单位", "历史值", "上年自评值",
     "指标解释", "指标值确定依据", "扣分标准", "审核意见"],
    ["产出指标", "数量指标", "运维污水处理站数量", "≥", "12", "座", "10", "11",
     "纳入运维范围的乡镇污水处理站", "年度运维合同", "每少1座扣2分", "同意"],
    ["产出指标", "质量指标", "出水水质达标率", "≥", "95", "%", "92", "93",
     "出水达到一级B标准的监测批次占比", "排放标准", "每低1个百分点扣1分", "同意"],
    ["产出指标", "时效指标", "故障修复及时率", "≥", "90", "%", "85", "88",
     "接报后48小时内修复的故障占比", "运维合同约定", "每低5个百分点扣1分", "同意"],
    ["产出指标", "成本指标", "单站年运维成本", "≤", "18", "万元", "19", "18.5",
     "每座站点全年运维费用", "市场询价", "超出不得分", "同意"],
    ["效益指标", "生态效益指标", "化学需氧量削减量", "≥", "200", "吨", "180", "190",
     "全年削减的化学需氧量", "设计处理规模测算", "每少10吨扣1分", "同意"],
    ["满意度指标", "服务对象满意度指标", "周边群众满意度", "≥", "85", "%", "80", "82",
     "抽样调查群众满意比例", "问卷调查", "每低5个百分点扣1分", "同意"],
]


@pytest.mark.parametrize("layout", TEXT_LAYOUTS)
def test_a_declaration_with_columns_of_notes_reads_one_row_per_indicator(layout):
    """The explanations are not rows of their own, and the figures of other years are not
    the target."""
    [project] = extract_text(render([DECLARED], layout), f"declared.{layout}.txt").projects
    assert [(i.name, _squash(i.target), i.category) for i in project.indicators] == [
        ("运维污水处理站数量", "≥12座", "数量"), ("出水水质达标率", "≥95%", "质量"),
        ("故障修复及时率", "≥90%", "时效"), ("单站年运维成本", "≤18万元", "成本"),
        ("化学需氧量削减量", "≥200吨", "生态效益"), ("周边群众满意度", "≥85%", "满意度")]


# A 项目支出绩效目标执行监控表 (written for this test): the figure so far under its months
# (1-7月执行情况), the year's forecast, the reason of a deviation and the odds of the target.
MONITORED = [
    ["2025年度项目支出绩效目标执行监控表"],
    ["项目名称", "农村饮水安全工程维修养护"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况", "偏差原因分析",
     "完成目标可能性", "备注"],
    ["产出指标", "数量指标", "维修养护供水工程处数", "≥45处", "28处", "46处", "", "确定能", ""],
    ["产出指标", "质量指标", "维修工程验收合格率", "100%", "100%", "100%", "", "确定能", ""],
    ["产出指标", "时效指标", "维修任务完成时间", "2025年11月底前", "进行中", "2025年11月底前", "", "确定能", ""],
    ["效益指标", "社会效益指标", "受益农村人口", "≥3.2万人", "2.1万人", "3.0万人",
     "部分工程因汛期停工，预计年底不能全部完工", "有可能", ""],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "—", "92%", "", "确定能", ""],
]


@pytest.mark.parametrize("layout", TEXT_LAYOUTS)
def test_a_monitoring_form_reads_the_figure_so_far_as_the_actual_value(layout):
    """The forecast is not the actual value, and no heading is a statement."""
    report = extract_text(render([MONITORED], layout), f"monitored.{layout}.txt")
    [project] = report.projects
    assert [(i.name, _squash(i.target), _squash(i.actual)) for i in project.indicators] == [
        ("维修养护供水工程处数", "≥45处", "28处"), ("维修工程验收合格率", "100%", "100%"),
        ("维修任务完成时间", "2025年11月底前", "进行中"), ("受益农村人口", "≥3.2万人", "2.1万人"),
        ("受益群众满意度", "≥90%", "—")]
    assert _squash(project.indicators[3].reason) == "部分工程因汛期停工，预计年底不能全部完工"
    statements = [(s.kind, s.text) for s in report.statements]
    assert ("reason", "完成目标可能性") not in statements
    if layout != "wrapped":     # (a reason cell wrapped among other cells has no one span to stand on)
        assert statements == [("reason", "部分工程因汛期停工，预计年底不能全部完工")]


# The scoring table of a third-party evaluation (written for this test): the framework's
# indicators with their weights, the points weighed and the scoring rule, the score and why
# points were taken off.
SCORING = [
    ["城区道路照明设施维护项目绩效评价指标体系及评分表"],
    ["项目名称", "城区道路照明设施维护"],
    ["一级指标", "二级指标", "三级指标", "指标权重", "评价要点", "评分标准", "得分", "扣分说明"],
    ["决策", "项目立项", "立项依据充分性", "3", "项目立项是否符合法律法规和发展规划", "符合得3分，否则酌情扣分", "3", ""],
    ["决策", "绩效目标", "绩效目标明确性", "4", "绩效目标是否细化量化", "目标细化量化得4分，每缺一项扣1分", "2",
     "部分产出指标未量化，无法衡量完成程度"],
    ["过程", "资金管理", "资金到位率", "5", "实际到位资金与预算资金的比率", "到位率100%得满分，每低1个百分点扣0.1分", "5", ""],
    ["产出", "产出数量", "路灯维护数量", "10", "实际维护路灯数量与计划数量的比率", "完成计划得满分，按比例扣分", "9",
     "部分路段因道路施工未能按计划维护"],
    ["效益", "满意度", "市民满意度", "10", "抽样调查市民对夜间照明的满意程度", "满意度90%以上得满分，每低1个百分点扣0.5分", "10", ""],
]


@pytest.mark.parametrize("layout", TEXT_LAYOUTS)
def test_an_evaluation_scoring_table_reads_weights_scores_and_why_points_were_taken_off(layout):
    report = extract_text(render([SCORING], layout), f"scoring.{layout}.txt")
    [project] = report.projects
    assert [(i.name, i.weight, i.score, _squash(i.reason)) for i in project.indicators] == [
        ("立项依据充分性", 3, 3, ""), ("绩效目标明确性", 4, 2, "部分产出指标未量化，无法衡量完成程度"),
        ("资金到位率", 5, 5, ""), ("路灯维护数量", 10, 9, "部分路段因道路施工未能按计划维护"),
        ("市民满意度", 10, 10, "")]


# A self-evaluation's scoring sheet (计分表, written for this test): the 三级指标 with its points,
# the self-assessed score, then what the indicator covers (具体指标) and how it is scored,
# and an 得分 column the evaluator fills later; a PDF's spaces inside the cells.
SCORE_SHEET = [
    ["社区养老服务站运营补助2023年度绩效自评计分表"],
    ["一级指标", "二级指标", "三级指标", "自评分", "具体指标", "评价标准", "得分"],
    ["项目决策（20分）", "决策 过程（10分）", "立项依据（5分）", "5",
     "是否符合民政事业发展规划；是否针对老年人实际需求", "符合规划（3分）针对需求（2分）", ""],
    ["", "", "立项程序（5分）", "4", "申报、审批程序是否合规", "程序合规（5分）", ""],
    ["", "资金 分配（10分）", "分配 依据（6分）", "6", "是否制定补助资金分配办法", "有办法（3分）办法健全（3分）", ""],
    ["项目过程（20分）", "资金管理（20分）", "资金使用（12分）", "10", "支出是否合规，有无挪用", "挪用扣6分，超范围扣2分", ""],
]


@pytest.mark.parametrize("layout", TEXT_LAYOUTS)
def test_a_scoring_sheet_names_its_indicators_by_the_third_level_column(layout):
    """具体指标 beside 三级指标 says what the indicator covers; it names no row of its own."""
    [project] = extract_text(render([SCORE_SHEET], layout), f"sheet.{layout}.txt").projects
    assert [(_squash(i.name), i.score) for i in project.indicators] == [
        ("立项依据（5分）", 5), ("立项程序（5分）", 4), ("分配依据（6分）", 6), ("资金使用（12分）", 10)]
    # (a space inside a label's cell parts no cells: 「决策 过程」 is one second level)
    assert [(i.level1, i.level2) for i in project.indicators] == [
        ("项目决策", "决策过程"), ("项目决策", "决策过程"), ("项目决策", "资金分配"), ("项目过程", "资金管理")]


# A form whose rows lost their cell breaks (a Word table flattened, one line a row, blank lines
# between; written for this test): each line is a label, a name and two values run together.
GLUED_LINES = """2023年度项目支出绩效自评表
项目名称
乡镇综合文化站提升改造

绩效指标一级
指标
二级指标三级指标指标值全年实际完成值未完成原因和改进措施

数量指标改造乡镇文化站8个8个

质量指标改造工程验收合格率100%100%

时效指标按期完工率9595

成本指标

……

经济效益
指标

……

社会效益
指标

文化活动开展场次6060

满意度指标服务对象
满意度指标

群众满意度9090

……
"""


def test_a_form_whose_lines_run_label_name_and_values_together_reads_each_line_as_a_row():
    [project] = extract_text(GLUED_LINES, "glued_lines.txt").projects
    assert [(i.name, _squash(i.target), _squash(i.actual)) for i in project.indicators] == [
        ("改造乡镇文化站", "8个", "8个"), ("改造工程验收合格率", "100%", "100%"), ("按期完工率", "95", "95"),
        ("文化活动开展场次", "60", "60"), ("群众满意度", "90", "90")]
    assert [i.category for i in project.indicators] == ["数量", "质量", "时效", "社会效益", "满意度"]


# A budget block headed in words other templates use (written for this test).
BUDGETED = [
    ["2024年度项目支出绩效自评表"],
    ["项目名称", "高标准农田建设"],
    ["主管部门", "县农业农村局", "实施单位", "县农田建设服务中心"],
    ["项目资金（万元）", "", "批复预算数", "调整预算数", "实际支出数", "分值", "资金使用率", "得分"],
    ["", "年度资金总额", "1200", "1150", "1035", "10", "90%", "9"],
    ["", "其中：财政拨款", "1200", "1150", "1035", "—", "—", "—"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "新建高标准农田面积", "≥1.2万亩", "1.2万亩", "20", "20", ""],
    ["效益指标", "经济效益指标", "亩均粮食增产", "≥50公斤", "55公斤", "20", "20", ""],
]


@pytest.mark.parametrize("layout", TEXT_LAYOUTS)
def test_a_budget_block_headed_批复预算数_调整预算数_实际支出数(layout):
    [project] = extract_text(render([BUDGETED], layout), f"budgeted.{layout}.txt").projects
    b = project.budget
    assert (b.initial, b.adjusted, b.executed, b.rate, b.weight, b.score) == (1200, 1150, 1035, 90, 10, 9)
    assert [i.name for i in project.indicators] == ["新建高标准农田面积", "亩均粮食增产"]


# A header of two rows of merged cells (written for this test): the value headings over the
# label headings, or a group heading over the value headings below it.
_STACKED_BODY = [
    ["产出指标", "数量指标", "水质监测点位数", "≥120个", "120个", "20", "20", ""],
    ["", "质量指标", "水样检测合格率", "≥90%", "87%", "20", "17", "部分山区水源受汛期影响浑浊度超标"],
    ["效益指标", "社会效益指标", "饮水安全风险及时预警", "及时", "及时", "20", "20", ""],
]
STACKED = {
    "values_above": [["2024年度项目支出绩效自评表"], ["项目名称", "农村饮用水水质监测"],
                     ["绩效指标", "", "", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
                     ["一级指标", "二级指标", "三级指标", "", "", "", "", ""], *_STACKED_BODY],
    "values_below": [["2024年度项目支出绩效自评表"], ["项目名称", "农村饮用水水质监测"],
                     ["一级指标", "二级指标", "三级指标", "绩效目标完成情况", "", "分值", "得分", "偏差原因分析及改进措施"],
                     ["", "", "", "年度指标值", "实际完成值", "", "", ""], *_STACKED_BODY],
}


@pytest.mark.parametrize("layout", TEXT_LAYOUTS)
@pytest.mark.parametrize("kind", sorted(STACKED))
def test_a_header_of_two_rows_of_merged_cells_is_one_header(kind, layout):
    [project] = extract_text(render([STACKED[kind]], layout), f"stacked.{layout}.txt").projects
    assert [(i.name, _squash(i.target), _squash(i.actual), i.weight, i.score) for i in project.indicators] == [
        ("水质监测点位数", "≥120个", "120个", 20, 20), ("水样检测合格率", "≥90%", "87%", 20, 17),
        ("饮水安全风险及时预警", "及时", "及时", 20, 20)]


OWN_FORMS = {"declared": DECLARED, "monitored": MONITORED, "scoring": SCORING, "budgeted": BUDGETED,
             "stacked_above": STACKED["values_above"]}


@pytest.mark.parametrize("layout", FILE_LAYOUTS)
@pytest.mark.parametrize("name", sorted(OWN_FORMS))
def test_the_forms_written_here_read_alike_from_files(name, layout, tmp_path):
    """HTML, DOCX, XLSX, Excel's CSV and its Unicode text give the rows and the budget the
    TAB rendering gives (a stacked header whose lower row starts empty is left out: an
    HTML writer would print its merged cells with rowspan, which our renderer does not)."""
    def reading(report):
        return ([(i.name, _squash(i.target), _squash(i.actual), i.weight, i.score, _squash(i.reason))
                 for p in report.projects for i in p.indicators],
                [(p.budget.adjusted, p.budget.executed) if p.budget else None for p in report.projects])

    rows = OWN_FORMS[name]
    assert reading(extract_path(write([rows], layout, tmp_path, name))) == reading(extract_text(render([rows], "tab")))


# A plain list of indicators under a numbered header (written for this test): 绩效指标 heads
# the names, 完成率 is a column the vocabulary does not know (it is also an indicator's name),
# 情况说明 after 完成值 explains the deviation.
LISTED = [
    ["2024年度项目支出绩效自评表"],
    ["项目名称", "基层农技人员能力提升培训"],
    ["序号", "绩效指标", "指标值", "完成值", "完成率", "情况说明"],
    ["1", "培训农技人员人次", "≥500人次", "520人次", "104%", ""],
    ["2", "培训合格率", "≥95%", "97%", "102%", ""],
    ["3", "培训按期完成率", "100%", "90%", "90%", "一期培训因汛期顺延至次年"],
    ["4", "参训人员满意度", "≥90%", "95%", "106%", ""],
]


@pytest.mark.parametrize("layout", [lay for lay in TEXT_LAYOUTS if lay != "bar_lines"])
def test_a_numbered_list_of_indicators_headed_绩效指标_keeps_its_columns(layout):
    """(bar_lines left out: the bar ending each row prints an empty cell before the row's
    number, and the rows are read one column off.)"""
    report = extract_text(render([LISTED], layout), f"listed.{layout}.txt")
    [project] = report.projects
    assert [(i.name, _squash(i.target), _squash(i.actual), _squash(i.reason)) for i in project.indicators] == [
        ("培训农技人员人次", "≥500人次", "520人次", ""), ("培训合格率", "≥95%", "97%", ""),
        ("培训按期完成率", "100%", "90%", "一期培训因汛期顺延至次年"), ("参训人员满意度", "≥90%", "95%", "")]
    assert [(s.kind, s.text) for s in report.statements] == [("reason", "一期培训因汛期顺延至次年")]
