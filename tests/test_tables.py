"""Table reading on realistic text written for these tests (not the seeds)."""
from __future__ import annotations

import re

import pytest

from assistant.extract import extract_text
from assistant.extract.labels import damaged_label, lookup_label
from assistant.extract.layout import split_rows
from tests.layouts import render

TAB_FORM = """## 项目支出绩效目标自评表

(2024年度)

项目名称\t\t县域义务教育学校校舍维修改造\t\t\t\t\t\t
主管部门及代码\t\t[301]某县教育局\t实施单位\t某县教育局\t\t\t\t
项目资金 (元)\t资金来源\t年初预算数\t全年预算数(A)\t全年执行数(B)\t分值\t执行率\t得分\t
\t年度资金总额:\t1200000\t1150000\t1035000\t10\t90.00\t9.00\t
\t财政拨款:\t1200000\t1150000\t1035000\t-\t-\t-\t
绩效 指标\t一级指标\t二级指标\t三级指标\t年度指标值(A)\t实际完成值(B)\t分值\t得分\t未完成原因分析
\t产出指标 (50分)\t数量指标\t维修改造校舍面积\t≥3000平方米\t3120平方米\t10\t10\t
\t\t\t完成维修学校数量\t=6所\t5所\t10\t8\t一所学校因汛期顺延施工，尚未竣工验收
\t\t质量 指标\t竣工验收合格率\t100%\t100%\t10\t10\t已完成
\t\t\t完成时间\t2024年11月底前\t2024年12月20日\t10\t9\t
\t\t时效 指标\t维修单位造价\t≤380元/平方米\t331元/平方米\t10\t10\t
\t效益指标 (30分)\t社会效益 指标\t改善师生教学环境\t显著改善\t有效改善\t30\t30\t
满意度 指标(10分)\t满意度 指标\t师生满意度\t≥90%\t93.5%\t10\t10\t
总 分\t\t\t\t\t\t100\t96\t
自评 结论\t优\t\t\t\t\t\t\t
"""

CELL_FORM = """\t部门预算项目支出绩效自评表（2024年度）

\t项目名称
\t12-农村饮水安全巡检经费

\t预算执行情况（10分）
\t年度预算数（万元）
\t年初预算
\t调整后预算数
\t预算执行数
\t预算执行率
\t权重
\t得分
\t原因

\t
\t总额
\t60.00
\t55.00
\t49.50
\t90.00%
\t10
\t9.00
\t部分巡检设备采购延至次年。

\t绩效指标（90分）
\t一级指标
\t二级指标
\t三级指标
\t指标性质
\t指标值
\t度量单位
\t完成值
\t权重
\t得分
\t未完成原因分析

\t
\t产出指标
\t数量指标
\t巡检农村供水工程处数
\t≥
\t120
\t处
\t126
\t20
\t20
\t已完成

\t
\t效益指标
\t社会效益指标
\t保障农村群众饮水安全为优
\t定性
\t优
\t
\t良
\t40
\t35
\t个别工程水质复检
未达标

\t合计
\t100
\t94.00
\t
"""


def test_tab_form_rows_budget_and_totals():
    report = extract_text(TAB_FORM, "edu.txt")
    [project] = report.projects
    assert project.name == "县域义务教育学校校舍维修改造"
    assert project.form == "self_evaluation"
    assert (project.budget.initial, project.budget.adjusted, project.budget.executed) == (1200000, 1150000, 1035000)
    assert project.budget.rate == 90.0 and project.budget.unit == "元"
    assert project.total_score == 96 and project.grade == "优"
    names = [i.name for i in project.indicators]
    assert names == ["维修改造校舍面积", "完成维修学校数量", "竣工验收合格率", "完成时间", "维修单位造价",
                     "改善师生教学环境", "师生满意度"]


def test_tab_form_values_reasons_and_fill_down():
    project = extract_text(TAB_FORM).projects[0]
    by_name = {i.name: i for i in project.indicators}
    short = by_name["完成维修学校数量"]
    assert (short.target, short.actual, short.weight, short.score) == ("=6所", "5所", 10, 8)
    assert short.reason.startswith("一所学校因汛期顺延施工")
    assert TAB_FORM[short.reason_start:short.reason_end] == short.reason
    assert by_name["竣工验收合格率"].reason == ""            # 已完成 is no reason
    assert by_name["维修改造校舍面积"].level1 == "产出指标"
    assert by_name["师生满意度"].level2 == "满意度指标"
    assert by_name["改善师生教学环境"].level2 == "社会效益指标"


def test_shifted_labels_are_reported_not_trusted():
    """The PDF printed 时效 one row late: 完成时间 sits under 质量, 造价 beside 时效."""
    by_name = {i.name: i for i in extract_text(TAB_FORM).projects[0].indicators}
    assert by_name["完成时间"].category == "时效"
    assert by_name["维修单位造价"].category == "成本"
    assert by_name["维修单位造价"].as_printed == "时效指标"
    assert by_name["竣工验收合格率"].category == "质量"
    assert by_name["竣工验收合格率"].as_printed is None


def test_offsets_point_at_the_row():
    project = extract_text(TAB_FORM).projects[0]
    for ind in project.indicators:
        assert ind.name in TAB_FORM[ind.start:ind.end]
    assert TAB_FORM[project.name_start:project.name_end] == project.name


def test_cell_per_line_blocks_become_rows():
    rows = split_rows(CELL_FORM)
    header = next(r for r in rows if "一级指标" in r.texts)
    assert header.cell_per_line and header.texts[:4] == ["绩效指标（90分）", "一级指标", "二级指标", "三级指标"]
    last = next(r for r in rows if "个别工程水质复检\n未达标" in r.texts)
    assert last.texts[0] == ""                 # a lone TAB is an empty cell, not a row break


def test_cell_per_line_form():
    report = extract_text(CELL_FORM, "water.txt")
    [project] = report.projects
    assert project.name == "12-农村饮水安全巡检经费"
    assert project.budget.unit == "万元" and project.budget.adjusted == 55.0 and project.budget.rate == 90.0
    assert project.budget.reason == "部分巡检设备采购延至次年。"
    first, second = project.indicators
    assert (first.target, first.actual, first.weight, first.score, first.reason) == ("≥120处", "126", 20, 20, "")
    assert (second.target, second.actual) == ("定性优", "良")
    assert second.reason == "个别工程水质复检\n未达标"
    assert project.total_score == 94.0


def test_text_without_forms_has_no_projects():
    report = extract_text("2024年度本单位认真贯彻落实各项决策部署，圆满完成全年任务。\n")
    assert report.projects == []


def test_a_unit_title_over_several_forms_is_no_project_alias():
    """「某县教育局支出项目绩效目标自评表」 printed over every project form names the unit."""
    titled = TAB_FORM.replace("## 项目支出绩效目标自评表", "## 某县教育局支出项目绩效目标自评表")
    second = titled.replace("县域义务教育学校校舍维修改造", "乡村学校少年宫运行经费")
    report = extract_text(titled + "\n" + second)
    assert [p.name for p in report.projects] == ["县域义务教育学校校舍维修改造", "乡村学校少年宫运行经费"]
    assert [p.aliases for p in report.projects] == [[], []]
    alone = extract_text(titled).projects[0]
    assert alone.aliases == ["某县教育局"]


def _as_markdown_table(text: str) -> str:
    """Tab rows as an HTML-to-text converter prints a table: | a | b |, with a |---| rule."""
    out = []
    for line in text.splitlines():
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t")]
            out.append("| " + " | ".join(cells) + " |")
            if out[-2:-1] and not out[-2].startswith("|"):
                out.append("|" + "---|" * len(cells))
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def test_markdown_tables_from_html_read_like_tab_rows():
    text = _as_markdown_table(TAB_FORM)
    assert "| 项目名称 |" in text and "|---|" in text
    plain, piped = extract_text(TAB_FORM), extract_text(text)
    assert [p.name for p in piped.projects] == ["县域义务教育学校校舍维修改造"]
    assert [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score, i.reason, i.category)
            for i in piped.projects[0].indicators] == \
           [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score, i.reason, i.category)
            for i in plain.projects[0].indicators]
    budget = piped.projects[0].budget
    assert (budget.adjusted, budget.executed) == (1150000, 1035000)
    for ind in piped.projects[0].indicators:
        assert text[ind.start:ind.end].startswith(ind.name) or ind.name in text[ind.start:ind.end]


def test_columns_parted_by_runs_of_spaces_read_like_tab_rows():
    """pdftotext -layout and fixed-width exports part columns with spaces, not TABs."""
    spaced = TAB_FORM.replace("\t", "    ")
    plain, read = extract_text(TAB_FORM), extract_text(spaced)
    assert [p.name for p in read.projects] == ["县域义务教育学校校舍维修改造"]
    assert [(i.level2, i.name, i.target, i.actual, i.weight, i.score, i.reason, i.category)
            for i in read.projects[0].indicators] == \
           [(i.level2, i.name, i.target, i.actual, i.weight, i.score, i.reason, i.category)
            for i in plain.projects[0].indicators]
    for ind in read.projects[0].indicators:
        assert spaced[ind.start:ind.end].startswith(ind.name)


def test_justified_prose_is_not_cut_into_columns():
    text = ("三、存在的问题\n"
            "部分项目前期论证不充分，  年中追加调整较多。  预算执行进度不均衡，  资金支出集中在第四季度。\n")
    rows = split_rows(text)
    assert [len(r.nonempty) for r in rows] == [1, 1]
    problems = [s.text.replace(" ", "") for s in extract_text(text).statements if s.kind == "problem"]
    assert problems == ["部分项目前期论证不充分，年中追加调整较多。", "预算执行进度不均衡，资金支出集中在第四季度。"]


# A PDF without ruling lines printed as one line: the head's cells in another order, a field
# broken by a space, and the project's name far from 项目名称 (written for this test).
INTERLEAVED_HEAD = (
    "某县财政预算支出项目绩效目标自评表 填报日期:2023 年 3 月 2 项目名称 项目主管单 位 自评总分: 92 "
    "项目实施单位 某县水利局 某县水利局 项目负责人 王某 1、常年性 2、延续性□ 中央 省 本级 合计 "
    "执行数 执行率 120 120 来源 项目年度目标 单位领导审签: 小型水库除险加固项目 项目属性 项目资金 "
    "日 120 100 % 1.完成小型水库除险加固 4 座;\n"
)


def test_a_name_moved_away_from_its_field_is_found_by_its_shape():
    [project] = extract_text(INTERLEAVED_HEAD, "pdf.txt").projects
    assert project.name == "小型水库除险加固项目"
    assert INTERLEAVED_HEAD[project.name_start:project.name_end] == project.name
    assert project.unit == "某县水利局"               # two fields' values run together, once
    assert project.total_score == 92


def test_a_field_broken_by_a_space_is_no_name():
    text = "项目名称 项目主管单 位 某县水利局\n"
    assert all(p.name != "项目主管单位" for p in extract_text(text).projects)


# OCR text that ran every cell together, a dash (read as 「一」 or 「-」) standing for a target
# that does not apply (written for this test).
GLUED_DASHES = (
    "乡镇项目支出绩效自评表(2022年)项目名称乡镇文化站运行经费主管部门某县文化和旅游局实施单位某镇文化站\n"
    "一级指标二级指标三级指标分值指标值(A)全年实际值(B)得分未完成原因分析及改进措施"
    "项目决策(10分)项目目标目标完整性5一目标清晰、任务细化5项目管理(20分)资金管理资金到位率10一100%9"
    "执行管理制度执行有效性6-严格执行有关制度6项目产出(30分)数量指标培训人次10≥200人次230人次10\n"
)


def test_a_dash_after_a_weight_is_an_empty_target_in_glued_text():
    [project] = extract_text(GLUED_DASHES, "ocr.txt").projects
    rows = {i.name: (i.target, i.actual, i.weight, i.score) for i in project.indicators}
    assert rows["目标完整性"] == ("一", "目标清晰、任务细化", 5, 5)
    assert rows["资金到位率"] == ("一", "100%", 10, 9)
    assert rows["制度执行有效性"] == ("-", "严格执行有关制度", 6, 6)
    assert rows["培训人次"] == ("≥200人次", "230人次", 10, 10)


# A web page's form laid out with spaces: the 三级 name worded like its 二级 label, then a
# description column the header does not name (written for this test).
NAME_LIKE_ITS_LABEL = (
    "某县民政局2022年度预算项目绩效自评表\n"
    "项目名称: 困难群众临时救助 实施(主管)单位 某县民政局\n"
    "一级指标 二级指标 三级指标 指标分值 预期指标值 实际完成值 自评得分\n"
    "产出指标 数量指标 临时救助人次 30.00 >= 500 人次 620人次 30.00\n"
    "满意度指标 服务对象满意度指标 服务对象满意度 受助群众对救助工作的满意程度 10.00 >= 90 % 96% 10.00\n"
)


def test_a_name_worded_like_its_label_is_the_name_and_a_bracketed_field_ends_a_value():
    [project] = extract_text(NAME_LIKE_ITS_LABEL, "web.txt").projects
    assert (project.name, project.unit) == ("困难群众临时救助", "某县民政局")
    last = project.indicators[-1]
    assert (last.name, last.level2, last.category) == ("服务对象满意度", "服务对象满意度指标", "满意度")
    assert (last.actual, last.weight, last.score) == ("96%", 10, 10)


def _rows(text: str, *fields: str, name: str = "form.txt") -> list[tuple]:
    """The indicator rows of the one project `text` holds, as tuples of `fields`."""
    [project] = extract_text(text, name).projects
    return [tuple(getattr(i, f) for f in fields) for i in project.indicators]


# Forms whose header names only the indicator column, with a row numbering the columns
# (written for this test), as TAB rows and laid out with spaces.
ONLY_NAMES_HEADER = (
    "项目名称\t农村公益性岗位补贴\n"
    "三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "列次\t8\t9\t10\t11\n"
    "开发公益性岗位数\t≥120个\t126个\t20\t20\n"
    "补贴发放及时率\t100%\t100%\t10\t10\n"
)


@pytest.mark.parametrize("text", [ONLY_NAMES_HEADER, ONLY_NAMES_HEADER.replace("\t", "  ")], ids=["tab", "spaces"])
def test_a_header_naming_only_the_indicator_column_and_a_column_numbering_row(text):
    rows = _rows(text, "name", "target", "actual", "weight", "score")
    assert rows == [("开发公益性岗位数", "≥120个", "126个", 20, 20), ("补贴发放及时率", "100%", "100%", 10, 10)]


# Small forms as analysts receive them (written for these tests).
COLON_NAME_TAB_TABLE = (
    "项目名称：城区路灯维护经费\n"
    "指标名称\t指标值\t实际完成值\n"
    "路灯亮灯率\t≥98%\t99%\n"
    "维修响应时间\t≤24小时\t20小时\n"
)

MIDTERM_AND_ANNUAL = (
    "项目名称: 乡镇综合文化站免费开放补助\n"
    "一级指标 | 二级指标 | 三级指标 | 中期指标值 | 年度指标值 | 实际完成值\n"
    "产出指标 | 数量指标 | 开展文化活动场次 | ≥10场 | ≥24场 | 26场\n"
    "产出指标 | 质量指标 | 活动参与率 | ≥60% | ≥70% | 75%\n"
)

HTML_ROWSPAN = (
    "<html><body><h2>项目支出绩效自评表</h2><table>"
    "<tr><td>项目名称</td><td colspan='5'>森林防火专项经费</td></tr>"
    "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>得分</td></tr>"
    "<tr><td rowspan='2'>产出指标</td><td>数量指标</td><td>巡护面积</td><td>≥20万亩</td><td>21万亩</td><td>20</td></tr>"
    "<tr><td>时效指标</td><td>火情处置及时率</td><td>100%</td><td>100%</td><td>10</td></tr>"
    "<tr><td>效益指标</td><td>生态效益指标</td><td>森林火灾受害率</td><td>≤0.9‰</td><td>0.3‰</td><td>20</td></tr>"
    "</table></body></html>"
)


def test_a_name_field_in_one_cell_before_a_tab_table_is_read_by_the_stream_reader():
    [project] = extract_text(COLON_NAME_TAB_TABLE, "lamps.txt").projects
    assert project.name == "城区路灯维护经费"
    assert [(i.name, i.target, i.actual) for i in project.indicators] == [
        ("路灯亮灯率", "≥98%", "99%"), ("维修响应时间", "≤24小时", "20小时")]


@pytest.mark.parametrize("text", [MIDTERM_AND_ANNUAL, MIDTERM_AND_ANNUAL.replace(" | ", "\t")], ids=["bars", "tab"])
def test_midterm_and_annual_targets_are_told_apart(text):
    rows = _rows(text, "name", "target_midterm", "target", "actual", name="culture.txt")
    assert rows == [("开展文化活动场次", "≥10场", "≥24场", "26场"), ("活动参与率", "≥60%", "≥70%", "75%")]


# A 绩效目标申报表 printing its indicators twice in one row: the 中期 half, then the 年度
# half, each with its own 二级 · 三级 · 指标值 (written for this test).
TWO_HALVES = (
    "项目名称 | 乡村文化振兴经费 |\n"
    "总体目标 | 中期目标(2024年—2026年) | 年度目标 |\n"
    "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 |\n"
    " | 产出指标 | 数量指标 | 村级文化活动场次 | ≥300场 | 数量指标 | 村级文化活动场次 | ≥100场 |\n"
    " |  | 质量指标 | 活动验收合格率 | ≥95% | 质量指标 | 活动验收合格率 | ≥95% |\n"
    " | 效益指标 | 社会效益指标 | 村民参与率 | ≥60% | 社会效益指标 | 村民参与率 | ≥50% |\n"
)


@pytest.mark.parametrize("text", [TWO_HALVES, TWO_HALVES.replace(" | ", "  ")], ids=["bars", "spaces"])
def test_a_row_printed_in_midterm_and_annual_halves_is_one_indicator(text):
    [project] = extract_text(text, "culture.txt").projects
    rows = [(i.level2, i.name, i.target_midterm, i.target) for i in project.indicators]
    assert rows == [("数量指标", "村级文化活动场次", "≥300场", "≥100场"), ("质量指标", "活动验收合格率", None, "≥95%"),
                    ("社会效益指标", "村民参与率", "≥60%", "≥50%")]
    first = project.indicators[0]
    assert text[first.start:first.end].startswith("村级文化活动场次 ")


# … and one whose 年度 half prints only its 二级 labels: every value is the 中期 one (the
# answer keys' convention: target from the annual column, target_midterm from the other);
# where the 中期 half is the empty one, the values stay the annual targets.
ANNUAL_HALF_EMPTY = (
    "项目名称 | 乡镇垃圾清运经费 |\n"
    "总体目标 | 中期目标(2024年—2024年) | 年度目标 |\n"
    "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 |\n"
    "产出指标 | 数量指标 | 清运乡镇个数 | 12个 | 数量指标 | | | |\n"
    "质量指标 | 垃圾无害化处理率 | ≥95% | 质量指标 | | | |\n"
    "清运车辆完好率 | ≥98% | | | | | |\n"
    "时效指标 | 垃圾清运及时性 | 日产日清 | 时效指标 | | | |\n"
)
MIDTERM_HALF_EMPTY = (
    "项目名称 | 乡镇垃圾清运经费 |\n"
    "总体目标 | 中期目标(2024年—2024年) | 年度目标 |\n"
    "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 |\n"
    "产出指标 | 数量指标 | | | 数量指标 | 清运乡镇个数 | 12个 |\n"
    "产出指标 | 质量指标 | | | 质量指标 | 垃圾无害化处理率 | ≥95% |\n"
    "产出指标 | 时效指标 | | | 时效指标 | 垃圾清运及时性 | 日产日清 |\n"
)


@pytest.mark.parametrize("text", [ANNUAL_HALF_EMPTY, "\n".join("\t".join(c.strip() for c in line.rstrip(" |").split("|"))
                                                       for line in ANNUAL_HALF_EMPTY.splitlines())],
                         ids=["bars", "tabs"])
def test_an_empty_annual_half_makes_the_values_midterm_targets(text):
    [project] = extract_text(text, "垃圾.txt").projects
    rows = [(i.level2, i.name, i.target_midterm, i.target) for i in project.indicators]
    assert rows == [("数量指标", "清运乡镇个数", "12个", None), ("质量指标", "垃圾无害化处理率", "≥95%", None),
                    ("质量指标", "清运车辆完好率", "≥98%", None), ("时效指标", "垃圾清运及时性", "日产日清", None)]


def test_an_empty_midterm_half_leaves_the_values_annual_targets():
    [project] = extract_text(MIDTERM_HALF_EMPTY, "垃圾.txt").projects
    assert [(i.name, i.target_midterm, i.target) for i in project.indicators] == [
        ("清运乡镇个数", None, "12个"), ("垃圾无害化处理率", None, "≥95%"), ("垃圾清运及时性", None, "日产日清")]


def test_an_html_table_with_merged_cells_and_a_score_but_no_weight_column(tmp_path):
    from assistant.extract import extract_path

    page = tmp_path / "fire.html"
    page.write_text(HTML_ROWSPAN, encoding="utf-8")
    [project] = extract_path(page).projects
    rows = [(i.level1, i.level2, i.name, i.target, i.actual, i.score) for i in project.indicators]
    assert rows == [("产出指标", "数量指标", "巡护面积", "≥20万亩", "21万亩", 20),
                    ("产出指标", "时效指标", "火情处置及时率", "100%", "100%", 10),
                    ("效益指标", "生态效益指标", "森林火灾受害率", "≤0.9‰", "0.3‰", 20)]


def test_a_whole_department_self_evaluation_form_is_a_department_form():
    text = ("部门整体支出绩效自评表\n部门名称：某县农业农村局\n"
            "一级指标\t二级指标\t三级指标\t年度目标值\t实际完成值\t分值\t得分\n"
            "部门产出\t数量指标\t培训农民人数\t≥800人\t860人\t10\t10\n")
    [project] = extract_text(text, "dept.txt").projects
    assert project.form == "department_overall"


def test_a_department_form_titled_after_one_fund_is_that_funds_form():
    # 「……经费12.5万元部门整体支出绩效自评表」 filled in by a unit: the form is of the money
    # its title names (without the sum), the unit stays the unit's (written for this test)
    text = ("2022年烈士纪念设施维护经费12.5万元部门整体支出绩效自评表\n"
            "单位名称 | 某县退役军人事务局 | 单位负责人 | 张某 |\n"
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "产出指标 | 数量指标 | 维护纪念设施处数 | 3处 | 3处 | 20 | 20 |\n")
    [project] = extract_text(text, "dept.txt").projects
    assert (project.name, project.unit, project.form) == ("烈士纪念设施维护经费", "某县退役军人事务局", "department_overall")
    # (a sum in 万 without 元 is a sum too)
    [project] = extract_text(text.replace("12.5万元", "12.5万"), "dept.txt").projects
    assert project.name == "烈士纪念设施维护经费"
    # a title naming the unit itself keeps the unit's name
    text = text.replace("2022年烈士纪念设施维护经费12.5万元", "某县退役军人事务局2022年度")
    [project] = extract_text(text, "dept.txt").projects
    assert project.name == "某县退役军人事务局"


# A TAB form with a coded name, its budget block under a heading cell that spans two
# columns, and names printed with ★, numbers and 其中： (written for this test).
CODED_TAB_FORM = (
    "项目名称\t2023-015-基层农技推广补助项目\n"
    "主管部门\t某县农业农村局\n"
    "实施单位\t某县农业技术推广中心\n"
    "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "\t年度资金总额\t80\t80\t72\t10\t90%\t9\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
    "产出指标\t数量指标\t★培训农民人次\t≥600人次\t650人次\t15\t15\t\n"
    "\t\t1.建设示范基地\t3个\t3个\t10\t10\t\n"
    "\t质量指标\t指标1：技术到位率\t≥95%\t96%\t10\t10\t\n"
    "\t成本指标\t其中：每人次培训成本\t≤200元\t180元\t5\t5\t\n"
)


def test_a_coded_tab_form_gives_code_department_unit_budget_and_clean_names():
    [project] = extract_text(CODED_TAB_FORM, "agri.txt").projects
    assert (project.code, project.department, project.unit) == ("2023-015", "某县农业农村局", "某县农业技术推广中心")
    b = project.budget
    assert (b.initial, b.adjusted, b.executed, b.weight, b.rate, b.score) == (80, 80, 72, 10, 90, 9)
    assert [(i.name, i.key) for i in project.indicators] == [
        ("培训农民人次", True), ("建设示范基地", False), ("技术到位率", False), ("每人次培训成本", False)]
    assert project.indicators[0].to_dict()["key"] is True and "key" not in project.indicators[1].to_dict()


TARGET_IN_THREE_CELLS = (
    "2024年度部门预算项目绩效目标表\n"
    "项目名称\t城市公共厕所保洁经费\n"
    "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\n"
    "产出指标\t数量指标\t保洁公厕数量\t≥\t120\t座\n"
    "效益指标\t社会效益指标\t市容环境改善\t定性\t明显改善\t\n"
    "满意度指标\t服务对象满意度指标\t市民满意度\t≥\t90\t%\n"
    "满意度指标\t服务对象满意度指标\t投诉办结率\t≥\t95\t%\n"
)


@pytest.mark.parametrize("text", [TARGET_IN_THREE_CELLS, TARGET_IN_THREE_CELLS.replace("\t", " | ")], ids=["tab", "bars"])
def test_nature_value_and_unit_cells_make_the_target(text):
    [project] = extract_text(text, "toilets.txt").projects
    assert project.form == "budget_target"
    assert [(i.name, i.target) for i in project.indicators] == [
        ("保洁公厕数量", "≥120座"), ("市容环境改善", "定性明显改善"), ("市民满意度", "≥90%"), ("投诉办结率", "≥95%")]


def test_a_value_printing_its_own_unit_or_comparator_gets_neither_twice():
    # the value cell already ends with the unit of the 单位 column, or starts with the
    # comparator of the 指标性质 column: 「≥95%」 · 「%」 is ≥95%, never ≥95%%
    text = (TARGET_IN_THREE_CELLS
            .replace("\t≥\t90\t%", "\t≥\t≥90%\t%")
            .replace("\t≥\t120\t座", "\t\t120座\t座"))
    [project] = extract_text(text, "toilets.txt").projects
    assert [(i.name, i.target) for i in project.indicators] == [
        ("保洁公厕数量", "120座"), ("市容环境改善", "定性明显改善"), ("市民满意度", "≥90%"), ("投诉办结率", "≥95%")]


# OCR text of a form's head with every number of the budget row and of 总分 run together,
# and a web page that prints each amount after its own label (written for these tests).
GLUED_BUDGET = (
    "项目支出绩效自评表(2023年度)项目名称乡村小型公益设施维护项目主管部门某县水利局实施单位某县水利局"
    "资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:30271090.00%9"
    "其中:本年财政拨款3027其他资金"
    "一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因分析"
    "产出指标数量指标维护设施处数30≥40处42处30质量指标维护验收合格率30100%100%30总分10099\n"
)

LABELLED_AMOUNTS = (
    "项目名称: 高龄老人生活补贴 实施(主管)单位 某县民政局 金额单位: 万元\n"
    "预算执行情况 预算安排情况(调整后) 资金执行情况\n"
    "预算数 12.5 到位数 12.5 执行数 10.0\n"
    "一级指标 二级指标 三级指标 指标分值 预期指标值 实际完成值 自评得分\n"
    "产出指标 数量指标 发放补贴人数 50.00 >= 300 人 312人 50.00\n"
)


def test_a_budget_row_run_together_is_cut_where_the_rate_is_executed_over_budget():
    [project] = extract_text(GLUED_BUDGET, "ocr.txt").projects
    b = project.budget
    assert (b.adjusted, b.executed, b.weight, b.rate, b.score, b.unit) == (30, 27, 10, 90, 9, "万元")
    assert project.total_score == 99                     # 「总分10099」: 100 and 99


def test_a_glued_budget_row_is_cut_even_where_it_reads_as_one_number():
    # a web page that prints every cell of a row without a gap: 「1500」「1350」「90%」 come
    # out as one number, which is no rate of 1500135090%
    text = ("农村公路养护补助资金绩效目标自评表\n转移支付(项目)名称农村公路养护补助资金\n"
            "项目资金(万元)\n全年预算数(A)全年执行数(B)预算执行率(B/A)\n年度资金总额:1500135090%\n"
            "其中:中央补助1500135090%\n"
            "绩效指标一级指标二级指标三级指标指标值全年实际完成值未完成原因和改进措施\n"
            "产出指标数量指标养护农村公路里程≥300公里312公里\n")
    [project] = extract_text(text, "page.txt").projects
    b = project.budget
    assert (b.adjusted, b.executed, b.rate) == (1500, 1350, 90)


def test_amounts_printed_after_their_labels_give_the_budget_and_its_rate():
    [project] = extract_text(LABELLED_AMOUNTS, "web.txt").projects
    b = project.budget
    assert (b.adjusted, b.executed, b.rate, b.unit) == (12.5, 10.0, 80.0, "万元")


# A 申报表 flattened by a web page: labels with their weights, a per cent sign parted from its
# number by a space (written for this test).
SPACED_APPLICATION = (
    "项目绩效目标申报表\n"
    "项目名称 老年人助餐服务补贴 主管部门 某市民政局 实施单位 某市养老服务指导中心\n"
    "项目资金（万元） 年度资金总额 260 其中：财政拨款 260 其他资金 0\n"
    "绩效指标 一级指标 二级指标 三级指标 指标值\n"
    "产出指标(50分) 数量指标(20分) 助餐服务人次 ≥10 万人次\n"
    "质量指标(15分) 食品安全抽检合格率 100 %\n"
    "时效指标(15分) 补贴按季度拨付 每季度末前\n"
    "满意度指标(20分) 服务对象满意度指标 助餐老人满意度 ≥ 90%\n"
)


def test_a_spaced_application_form_keeps_every_part_of_its_targets():
    [project] = extract_text(SPACED_APPLICATION, "meals.txt").projects
    assert (project.form, project.department, project.unit) == ("target_application", "某市民政局", "某市养老服务指导中心")
    assert project.budget.adjusted == 260
    rows = [(i.level2, i.name, i.target.replace(" ", "")) for i in project.indicators]
    assert rows == [("数量指标", "助餐服务人次", "≥10万人次"), ("质量指标", "食品安全抽检合格率", "100%"),
                    ("时效指标", "补贴按季度拨付", "每季度末前"), ("服务对象满意度指标", "助餐老人满意度", "≥90%")]


LABEL_IN_THE_NAME_CELL = (
    "项目名称\t乡村振兴示范村建设\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "产出指标\t数量指标：建设示范村个数\t5个\t5个\t20\t20\n"
    "效益指标\t经济效益指标：村集体经济年增收\t≥5万元\t6.2万元\t20\t20\n"
)

# pdftotext -layout: columns by runs of spaces, merged label cells left blank, a label wrapped
# onto the next line (written for this test)
PDF_LAYOUT = (
    "项目名称:  基层公共文化服务补助                          实施单位:  某县文化馆\n"
    "一级指标     二级指标       三级指标                   指标值        完成值       分值    得分\n"
    "产出指标     数量指标       送戏下乡场次               ≥30场        32场         15      15\n"
    "                            公益电影放映场次           ≥240场       251场        15      15\n"
    "             时效指标       资金拨付及时率             100%          100%         10      10\n"
    "满意度指标   服务对象满意   群众满意度                 ≥90%          92%          10      10\n"
    "             度指标\n"
)


def test_a_label_printed_before_the_name_in_its_cell_is_the_rows_label():
    [project] = extract_text(LABEL_IN_THE_NAME_CELL, "village.txt").projects
    assert [(i.level2, i.name, i.category) for i in project.indicators] == [
        ("数量指标", "建设示范村个数", "数量"), ("经济效益指标", "村集体经济年增收", "经济效益")]


def test_a_pdf_layout_with_blank_merged_cells_and_a_wrapped_label():
    [project] = extract_text(PDF_LAYOUT, "culture.txt").projects
    assert (project.name, project.unit) == ("基层公共文化服务补助", "某县文化馆")
    assert [(i.level2, i.name, i.target, i.actual, i.score) for i in project.indicators] == [
        ("数量指标", "送戏下乡场次", "≥30场", "32场", 15), ("数量指标", "公益电影放映场次", "≥240场", "251场", 15),
        ("时效指标", "资金拨付及时率", "100%", "100%", 10), ("服务对象满意度指标", "群众满意度", "≥90%", "92%", 10)]


def test_a_total_row_left_at_zero_takes_the_filled_part_below_it():
    text = ("项目名称 村级组织运转经费 主管部门 某镇人民政府 实施单位 某镇人民政府\n"
            "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
            "年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 150.5 120 120 上年结转资金 其他资金\n"
            "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
            "产出指标 数量指标 补助村数 12个 12个 20 20\n")
    [project] = extract_text(text, "village.txt").projects
    b = project.budget
    assert (b.initial, b.adjusted, b.executed, b.rate, b.weight) == (150.5, 120, 120, 100, 10)
    kinds = {f.kind for f in extract_text(text, "village.txt").findings}
    assert not kinds & {"BUDGET_BELOW_90", "BUDGET_BELOW_100"}      # not 「执行率 0%」
    assert "ARITHMETIC" in kinds                                    # its printed score 0 of 10 is


def test_narrow_label_cells_wrapped_by_a_pdf_layout_are_joined():
    text = (
        "项目名称：        农业保险保费补贴\n"
        "一级指标  二级指标  三级指标              年度指标值   实际完成值   分值   得分\n"
        "产出指标  数量指标  投保面积              ≥20万亩      20.5万亩     20     20\n"
        "满意度    服务对象  参保农户满意度        ≥90%         93%          10     10\n"
        "指标      满意度\n"
        "总分                                                                30     30\n")
    [project] = extract_text(text, "insurance.txt").projects
    last = project.indicators[-1]
    assert (last.level1, last.level2, last.name, last.reason) == ("满意度指标", "服务对象满意度", "参保农户满意度", "")


def test_a_department_form_named_in_one_cell_stops_at_its_task_table():
    text = ("部门整体支出绩效自评表\n部门（单位）名称：某县自然资源局\n"
            "年度主要任务\t任务名称\t主要内容\t预算数\t执行数\n"
            "\t耕地保护\t完成耕地保护目标任务\t120\t118\n"
            "一级指标\t二级指标\t三级指标\t指标值\t完成值\t分值\t得分\n"
            "部门产出\t数量指标\t完成耕地保护面积\t≥35万亩\t35.2万亩\t20\t20\n")
    [project] = extract_text(text, "dept.txt").projects
    assert (project.name, project.form) == ("某县自然资源局", "department_overall")
    assert [i.name for i in project.indicators] == ["完成耕地保护面积"]


# A page of a PDF's text that opens inside a scoring table begun on the page before: no
# header, a site's byline above, each line starting with the 分值 and 得分 of the row above,
# merged label cells glued to the row's first cell with their weights broken over lines,
# optional groups marked (可选项), and an indicator worded like a second-level label
# (written for this test).
CONTINUED_PAGE = (
    "来源: 县财政局 | 2021-06-18 |\n"
    "15 分)项目决策(8 分)项目立项立项依据充分性\n"
    "4 4 立项程序规范性 (规划符合性)\n"
    "4 3 (\n"
    "8 ) 绩效目标目标合理性\n"
    "4 4 指标明确性\n"
    "4 2 (\n"
    "10 分)项目管理(6分)资金管理预算执行\n"
    "3 3 资金使用合规性\n"
    "3 2 (\n"
    "4 分)组织实施管理制度健全性\n"
    "4 4 (\n"
    "75 分)项目绩效(45 分)项目产出实际完成率\n"
    "15 15 完成及时性\n"
    "15 12 质量达标率\n"
    "15 15 (\n"
    "30 分)项目效益社会效益(可选项)\n"
    "15 生态效益(可选项) 公平性(可选项) 服务对象满意度\n"
    "15 14 总分 92 二、存在的问题\n"
    "部分乡镇资金拨付进度偏慢。\n"
)


def test_a_page_opening_inside_a_scoring_table_gives_its_rows():
    [project] = extract_text(CONTINUED_PAGE, "page2.txt").projects
    rows = [(i.name, i.weight, i.score) for i in project.indicators]
    assert rows == [
        ("立项依据充分性", 4, 4), ("立项程序规范性(规划符合性)", 4, 3), ("目标合理性", 4, 4), ("指标明确性", 4, 2),
        ("预算执行", 3, 3), ("资金使用合规性", 3, 2), ("管理制度健全性", 4, 4), ("实际完成率", 15, 15),
        ("完成及时性", 15, 12), ("质量达标率", 15, 15), ("服务对象满意度", 15, 14)]
    assert project.indicators[-1].category == "满意度"


# The second page of a 绩效目标表: its header on the page before, so the page opens with
# rows under framework labels, a quantified target and perhaps a 分值 (written for this test).
CONTINUED_TARGETS = (
    "产出指标 数量指标 培训基层农技人员人次 ≥300人次 25\n"
    "新建高标准农田面积 ≥1.2万亩 25\n"
    "时效指标 补助资金拨付及时率 =100% 20\n"
    "效益指标 社会效益指标 受益农户覆盖率 ≥95% 30\n"
    "合计 100\n"
)


@pytest.mark.parametrize("layout", ["spaces", "tabs", "no weight"])
def test_a_page_opening_inside_a_target_table_gives_its_rows(layout):
    text = {"spaces": CONTINUED_TARGETS, "tabs": CONTINUED_TARGETS.replace(" ", "\t"),
            "no weight": re.sub(r" \d+\n", "\n", CONTINUED_TARGETS)}[layout]
    [project] = extract_text(text, "page2.txt").projects
    weight = None if layout == "no weight" else 25
    assert (project.name, [(i.name, i.target) for i in project.indicators]) == ("", [
        ("培训基层农技人员人次", "≥300人次"), ("新建高标准农田面积", "≥1.2万亩"), ("补助资金拨付及时率", "=100%"),
        ("受益农户覆盖率", "≥95%")])
    assert project.indicators[0].weight == weight
    assert [i.level2 for i in project.indicators] == ["数量指标", "数量指标", "时效指标", "社会效益指标"]


def test_labels_over_unquantified_text_are_no_continued_target_table():
    text = ("产出指标 数量指标 按计划完成各项培训任务\n"
            "质量指标 培训质量明显提高\n"
            "效益指标 社会效益指标 农民增收效果较好\n"
            "满意度指标 群众比较满意\n")
    assert all(not p.indicators for p in extract_text(text, "page2.txt").projects)


# A reason column named 「未达到指标值原因」: the 指标值 inside it is no second target column
# (written for this test).
@pytest.mark.parametrize("heading", ["未达到指标值原因", "未达到目标值原因"])
@pytest.mark.parametrize("actuals", [True, False])
def test_a_reason_heading_holding_another_heading_is_one_reason_column(heading, actuals):
    rows = [("产出指标 | 数量指标 | 养护道路里程", "120公里", "118公里"), ("养护桥梁座数", "8座", "8座"),
            ("质量指标 | 路面合格率", "95%", "96%")]
    text = (f"项目名称 | 农村道路养护 | |||\n绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | {heading} |\n"
            + "".join(f"{name} | {target} | {actual if actuals else ''} | |\n" for name, target, actual in rows))
    [project] = extract_text(text, "web.txt").projects
    assert [(i.name, i.target, i.actual) for i in project.indicators] == [
        ("养护道路里程", "120公里", "118公里" if actuals else None), ("养护桥梁座数", "8座", "8座" if actuals else None),
        ("路面合格率", "95%", "96%" if actuals else None)]


# A 湖南-style target table: a 指标值类型 column (定量/定性) before the value, a unit column
# that qualitative rows leave out, a description column after (written for this test).
# 指标值类型 reads as 指标性质 does: 定量 is no part of the target, 定性 is kept as the seeds'
# keys write it (定性 · 优 → 定性优), a comparator leads the value.
TYPED_VALUES = (
    "项目名称 | 农村道路养护 | |||\n"
    "一级指标 | 二级指标 | 三级指标 | 指标值类型 | 指标值 | 计量单位 | 指标解释 |\n"
    "产出指标 | 数量指标 | 养护道路里程 | 定量 | 120 | 公里 | 该指标主要考察养护里程 |\n"
    "质量指标 | 路面合格率 | 定量 | 95 | % | 该指标主要考察路面质量 |\n"
    "时效指标 | 养护完成时间 | 定量 | 按月养护 | 该指标主要考察养护时间 | |\n"
    "效益指标 | 社会效益指标 | 群众出行条件 | 定性 | 明显改善 | | 该指标主要考察出行条件 |\n"
)


# The 湖南 template in full: after the description, a 评(扣)分标准 column printing one
# sentence on every row, and an empty 备注 (written for this test).
SCORED_RULES = (
    "项目名称 | 农村道路养护 | |||\n"
    "一级指标 | 二级指标 | 三级指标 | 指标值类型 | 指标值 | 计量单位 | 指标解释 | 评(扣)分标准 | 备注 |\n"
    "产出指标 | 数量指标 | 养护道路里程 | 定量 | 120 | 公里 | 该指标主要考察养护里程 | 未达指标值酌情扣分 | |\n"
    "质量指标 | 路面合格率 | 定量 | 95 | % | 该指标主要考察路面质量 | 未达指标值酌情扣分 | ||\n"
    "时效指标 | 养护完成时间 | 定量 | 按月养护 | 该指标主要考察养护时间 | 未达指标值酌情扣分 | |||\n"
    "效益指标 | 社会效益指标 | 群众出行条件 | 定性 | 明显改善 | | 该指标主要考察出行条件 | 未达指标值酌情扣分 | |\n"
)


def test_a_scoring_rule_printed_on_every_row_is_no_indicator():
    [project] = extract_text(SCORED_RULES, "web.txt").projects
    assert [(i.name, i.target) for i in project.indicators] == [
        ("养护道路里程", "120公里"), ("路面合格率", "95%"), ("养护完成时间", "按月养护"), ("群众出行条件", "定性明显改善")]


def test_the_type_of_a_value_is_no_part_of_it_and_a_label_is_no_unit():
    [project] = extract_text(TYPED_VALUES, "web.txt").projects
    assert [(i.level2, i.name, i.target) for i in project.indicators] == [
        ("数量指标", "养护道路里程", "120公里"), ("质量指标", "路面合格率", "95%"), ("时效指标", "养护完成时间", "按月养护"),
        ("社会效益指标", "群众出行条件", "定性明显改善")]


# The same template where a unit cell stands beside a value that needs none: the value
# prints a unit of its own (万元 beside a % column), or is words, not a figure (written for
# this test).
UNIT_BESIDE_UNIT = (
    "项目名称 | 价格认定业务经费 | |||\n"
    "一级指标 | 二级指标 | 三级指标 | 指标值类型 | 指标值 | 计量单位 | 指标解释 |\n"
    "产出指标 | 数量指标 | 业务经费安排金额 | 定量 | 32.5万元 | % | 该指标主要考察经费安排 |\n"
    "质量指标 | 经费到位率 | 定量 | 100 | % | 该指标主要考察经费到位 |\n"
    "成本指标 | 经费预算控制 | 定量 | 50万 | 元 | 该指标主要考察成本控制 |\n"
    "效益指标 | 社会效益指标 | 单位正常运转 | 定性 | 有效保障 | % | 该指标主要考察运转保障 |\n"
)


def test_a_unit_cell_joins_only_a_figure_that_has_none():
    [project] = extract_text(UNIT_BESIDE_UNIT, "web.txt").projects
    assert [(i.name, i.target) for i in project.indicators] == [
        ("业务经费安排金额", "32.5万元"), ("经费到位率", "100%"), ("经费预算控制", "50万元"), ("单位正常运转", "定性有效保障")]


# A template whose 指标性质 column prints the direction (正向) and whose 指标方向 column prints
# the comparator in words (大于等于), each a cell of its own before the value and its unit
# (written for this test).
TWO_NATURE_COLUMNS = (
    "项目支出绩效自评表\n"
    "项目名称 | 某镇公共服务运行项目 |\n"
    "一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标方向 | 年度指标值 | 实际完成值 | 计量单位 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
    "产出指标 | 数量指标 | 指标1:开展巡查次数 | 正向 | 大于等于 | 12 | 12 | 次 | 8 | 8 | |\n"
    "| | 指标2:维修设备台数 | 正向 | 小于等于 | 5 | 4 | 台 | 7 | 7 | |\n"
    "| 质量指标 | 指标1:巡查覆盖率 | 正向 | 等于 | 100 | 100 | % | 8 | 8 | |\n"
)


def test_a_direction_and_a_comparator_in_words_make_the_target_with_value_and_unit():
    [project] = extract_text(TWO_NATURE_COLUMNS, "web.txt").projects
    assert [(i.name, i.target, i.actual, i.weight) for i in project.indicators] == [
        ("开展巡查次数", "大于等于12次", "12", 8.0), ("维修设备台数", "小于等于5台", "4", 7.0),
        ("巡查覆盖率", "等于100%", "100", 8.0)]


def test_a_heading_naming_a_projects_targets_names_the_project():
    # a finance bureau's page of several projects' targets: each heads its table with
    # 「……项目绩效目标」 and has no 项目名称 field (written for this test); a report's own
    # section 「二、项目绩效目标」 names none
    text = ("2024年某市重大政策和项目绩效目标情况\n农村饮水安全巩固提升项目绩效目标\n（一）年度绩效目标\n"
            "巩固提升农村供水保障水平，改善农村群众饮水条件。\n（二）项目具体目标表\n"
            "一级指标\n二级指标\n指标名称\n指标值\n产出指标\n数量指标\n新建改造供水管网长度\n≥120公里\n"
            "质量指标\n水质检测合格率\n≥95%\n")
    assert [p.name for p in extract_text(text, "targets.txt").projects] == ["农村饮水安全巩固提升项目"]
    report = "某县文化馆2023年度项目支出绩效自评报告\n一、项目概况\n二、项目绩效目标\n年度目标为开展文化惠民演出20场。\n"
    assert [p.name for p in extract_text(report, "report.txt").projects] == []


def test_the_next_projects_heading_after_a_table_is_no_row():
    # the page goes on to the next project's targets after the last row of a table printed
    # one cell a line (written for this test): its heading is no indicator of this table
    text = ("农村饮水安全巩固提升项目绩效目标\n（二）项目具体目标表\n"
            "一级指标\n二级指标\n指标名称\n指标值\n产出指标\n数量指标\n新建改造供水管网长度\n≥120公里\n"
            "满意度指标\n服务对象满意度指标\n受益群众满意度\n≥90%\n\n"
            "村级公益事业建设奖补项目绩效目标\n\n（一）中长期绩效目标\n改善村内道路、照明等公益设施条件。\n")
    rows = _rows(text, "name", "target")
    assert rows == [("新建改造供水管网长度", "≥120公里"), ("受益群众满意度", "≥90%")]


def test_a_label_with_the_headers_word_run_on_below_it_is_still_a_label():
    # 「时效指标 |」 then 「指标」 where the page is cut: the header's 指标 run on below the label
    assert lookup_label("时效指标指标") == lookup_label("时效指标")
    assert lookup_label("指标指标") is None


# Two target tables of a provincial template run together in one line, as a document site
# prints an OCR'd PDF: the second form's title stands right after the first form's last row;
# OCR may put an asterisk inside a field's key (written for this test).
GLUED_FORMS = (
    "省级部门预算项目支出绩效目标表(2024年度)一级项目名称农业发展专项资金二级项目名称高标准农田建设项目"
    "主管部门某县农业农村局项目开始日期2024-01-01项目完成日期2024-12-31项目总投资120万元"
    "一级指标二级指标三级指标指标值产出指标数量指标新建高标准农田面积≥1.2万亩质量指标工程验收合格率=100%"
    "时效指标项目完工及时率≥95%效益指标社会效益指标受益农户户数≥800户满意度指标服务对象满意度指标受益农户满意度≥90%"
    "省级部门预算项目支出绩效目标表(2024年度)一级项目名称农业发展专项资金二级项目名称农技推广补助项目"
    "主管部门某县农业农村局项目开始日期2024-01-01项目完成日期2024-12-31项目总投资35万元"
    "一级指标二级指标三级指标指标值产出指标数量指标培训农技人员人次≥300人次质量指标培训合格率≥95%")


@pytest.mark.parametrize("ocr", [False, True])
def test_forms_run_together_keep_their_own_rows(ocr):
    text = GLUED_FORMS.replace("一级项目名称", "一*级项目名称") if ocr else GLUED_FORMS
    first, second = extract_text(text, "ocr.txt").projects
    assert [(i.name, i.target) for i in first.indicators] == [
        ("新建高标准农田面积", "≥1.2万亩"), ("工程验收合格率", "=100%"), ("项目完工及时率", "≥95%"),
        ("受益农户户数", "≥800户"), ("受益农户满意度", "≥90%")]
    assert [(i.name, i.target) for i in second.indicators] == [("培训农技人员人次", "≥300人次"), ("培训合格率", "≥95%")]
    assert "高标准农田" in first.name and "农技推广" in second.name
    assert text[second.start:].startswith("省级部门预算项目支出绩效目标表")


# The older 项目支出绩效目标申报表: its indicator table prints only 指标 · 指标内容 · 指标值,
# the first column holding the framework labels (written for this test).
OLDER_APPLICATION = (
    "项目支出绩效目标申报表\n项目名称 | 林业有害生物测报补助经费 |\n主管部门 | 某省林业局 |\n"
    "指标 | 指标内容 | 指标值 |\n产出指标 | 测报员培训人次 | 200人次 |\n | 趋势报告次数 | 4次 |\n"
    " | 测报准确率 | ≥85% |\n效益指标 | 预报信息发布率 | 100% |\n")


@pytest.mark.parametrize("layout", ["bars", "spaces"])
def test_a_table_headed_only_by_its_content_and_value_columns(layout):
    text = OLDER_APPLICATION if layout == "bars" else OLDER_APPLICATION.replace(" | ", "  ").replace(" |\n", "\n")
    [project] = extract_text(text, "application.txt").projects
    assert [(i.level1, i.name, i.target) for i in project.indicators] == [
        ("产出指标", "测报员培训人次", "200人次"), ("产出指标", "趋势报告次数", "4次"), ("产出指标", "测报准确率", "≥85%"),
        ("效益指标", "预报信息发布率", "100%")]


def test_two_headings_without_a_label_after_them_are_no_table():
    text = "说明：指标内容 指标值 均按年度填写。\n本项目资金 120 万元已全部拨付。\n"
    assert all(not p.indicators for p in extract_text(text, "note.txt").projects)


def test_prose_above_a_header_is_no_continued_table():
    text = ("本项目由县农业农村局组织实施，资金 120 万元，惠及 15 个行政村。\n" + TAB_FORM)
    [project] = extract_text(text, "prose.txt").projects
    assert project.indicators[0].name == "维修改造校舍面积"


# OCR text run together where a unit of measure (元/册, 件/套) was left between a name and its
# target, with no 度量单位 column in the header (written for this test).
GLUED_UNIT = (
    "项目支出绩效自评表(2022年度)项目名称社区文化宣传项目主管部门某区文化馆实施单位某区文化馆"
    "一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施"
    "产出指标数量指标印制宣传册份数2000份2100份2020成本指标宣传册印制成本元/册≤3元2.8元2020"
    "展板制作成本万元/块0.5万元0.5万元1010满意度指标服务对象满意度指标居民满意度90%93%2020总分100100\n"
)


def test_a_unit_left_between_a_name_and_its_target_is_no_part_of_the_name():
    [project] = extract_text(GLUED_UNIT, "ocr.txt").projects
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("印制宣传册份数", "2000份", "2100份", 20, 20), ("宣传册印制成本", "≤3元", "2.8元", 20, 20),
        ("展板制作成本", "0.5万元", "0.5万元", 10, 10), ("居民满意度", "90%", "93%", 20, 20)]


# OCR text run together with numbered names (指标1：…), actual values left empty, and each row's
# 分值 and 得分 run into one number before its reason (written for this test).
GLUED_NUMBERED = (
    "项目支出绩效自评表(2022年度)项目名称档案数字化管理项目主管部门某县档案馆实施单位某县档案馆"
    "一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施"
    "产出指标数量指标指标1:数字化档案卷数5000卷5200卷2020"
    "时效指标指标1:档案归档及时率按规定时限43部分资料归档滞后指标2:目录更新及时率按规定时限32个别目录录入延迟"
    "满意度指标服务对象满意度指标查档群众满意度90%95%1010总分10095\n"
)


def test_a_numbered_name_starts_a_row_in_text_run_together():
    [project] = extract_text(GLUED_NUMBERED, "ocr.txt").projects
    # which value column was left empty the text cannot show; a form always states its
    # target, so the one value printed is read as the target
    assert [(i.name, i.target, i.actual, i.weight, i.score, i.reason) for i in project.indicators] == [
        ("数字化档案卷数", "5000卷", "5200卷", 20, 20, ""),
        ("档案归档及时率", "按规定时限", None, 4, 3, "部分资料归档滞后"),
        ("目录更新及时率", "按规定时限", None, 3, 2, "个别目录录入延迟"),
        ("查档群众满意度", "90%", "95%", 10, 10, "")]


# OCR text of a school's form run together: weights glued between words (「…4一目标明确…」),
# a target met printed twice (「合格合格」), a document site's page number inside a label
# (「社会效益\n3、指标」) (written for this test).
GLUED_SCHOOL = (
    "学校公用经费项目支出绩效自评表(2022年)项目名称初中公用经费主管部门某区教育局实施单位某区第三中学"
    "一级指标二级指标三级指标分值指标值(A)全年实际值(B)得分未完成原因分析及改进措施"
    "项目决策(10分)项目目标目标完整性4一目标明确、内容细化4项目立项立项规范性2一按照学校管理办法规范立项2"
    "项目产出(30分)数量指标(10分)保障学生人数101850人1850人10质量指标(10分)校舍维护质量10合格合格10"
    "项目效益(30分)社会效益\n3、指标办学条件改善情况20改善学校办学条件改善学校办学条件18"
    "满意度指标(10分)学生满意度1090%93%10总分10096\n"
)


def test_glued_cells_part_at_weights_repeated_values_and_page_numbers():
    [project] = extract_text(GLUED_SCHOOL, "ocr.txt").projects
    assert [(i.name, i.level2, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("目标完整性", "项目目标", "一", "目标明确、内容细化", 4, 4),
        ("立项规范性", "项目立项", "一", "按照学校管理办法规范立项", 2, 2),
        ("保障学生人数", "数量指标", "1850人", "1850人", 10, 10),
        ("校舍维护质量", "质量指标", "合格", "合格", 10, 10),
        ("办学条件改善情况", "社会效益指标", "改善学校办学条件", "改善学校办学条件", 20, 18),
        ("学生满意度", "满意度指标", "90%", "93%", 10, 10)]
    # the page number is in no cell, and a cell's offsets point at its text
    row = project.indicators[4]
    assert GLUED_SCHOOL[row.start:row.start + len(row.name)] == row.name


# PDF text of a form whose long name wraps onto the next line, where its tail runs into the
# target met and printed again (「…安装质量合格合格」) (written for this test).
WRAPPED_NAME_EQUAL_VALUES = (
    "项目支出绩效自评表(2021年度)项目名称图书馆设备更新经费主管部门某县文化和旅游局实施单位某县图书馆\n"
    "一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施\n"
    "产出指标数量指标新增阅览座椅60张60张2020质量指标书架、阅览桌、\n"
    "座椅、照明灯具 安装质量合格合格2020时效指标设备安装完成时间2021年10月2021年10月2020\n")


def test_a_target_printed_twice_is_read_as_a_pair_wherever_the_name_before_it_ends():
    """Where cutting the name short and reading its tail into the target cost the same up to
    the target's end, the reading with the target printed again as the actual value wins."""
    [project] = extract_text(WRAPPED_NAME_EQUAL_VALUES, "pdf.txt").projects
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("新增阅览座椅", "60张", "60张", 20, 20),
        ("书架、阅览桌、座椅、照明灯具安装质量", "合格", "合格", 20, 20),
        ("设备安装完成时间", "2021年10月", "2021年10月", 20, 20)]


# OCR text of a form where a second-level label lost a character to a Latin letter
# (数量 → 数t) and runs into the name after it (written for this test).
OCR_LATIN_LABEL = (
    "项目支出绩效自评表(2022年)项目名称就业见习补贴主管部门某县人力资源和社会保障局实施单位某县就业服务中心"
    "一级指标二级指标三级指标分值指标值全年实际值得分未完成原因分析及改进措施"
    "产出指标(50分)数t指标新增见习岗位数20≥120个126个20质量指标见习补贴发放准确率30100%100%30"
    "满意度指标(10分)服务对象满意度指标见习人员满意度10≥90%95%10\n")


def test_a_label_damaged_into_latin_letters_before_a_name_is_the_rows_label():
    [project] = extract_text(OCR_LATIN_LABEL, "ocr.txt").projects
    assert [(i.name, i.level2, i.target, i.actual) for i in project.indicators] == [
        ("新增见习岗位数", "数量指标", "≥120个", "126个"),
        ("见习补贴发放准确率", "质量指标", "100%", "100%"),
        ("见习人员满意度", "服务对象满意度指标", "≥90%", "95%")]
    first = project.indicators[0]
    assert OCR_LATIN_LABEL[first.start:first.start + len(first.name)] == first.name
    # Latin letters that belong to the name (5G) are no damaged label
    text = OCR_LATIN_LABEL.replace("数t指标新增见习岗位数", "数量指标新建5G基站数")
    assert extract_text(text, "ocr.txt").projects[0].indicators[0].name == "新建5G基站数"


def test_a_row_a_site_cut_short_with_dots_is_no_indicator():
    text = ("项目名称 农村饮水工程维护 主管部门 某县水利局\n"
            "一级指标 二级指标 三级指标 指标值 完成值 分值 得分\n"
            "产出指标 数量指标 维护供水工程处数 ≥30处 32处 20 20\n"
            "质量指标 水质检测达标率 ≥95% 97% 20 20\n"
            "时效指标 维修响应及时........")
    [project] = extract_text(text, "cut.txt").projects
    assert [i.name for i in project.indicators] == ["维护供水工程处数", "水质检测达标率"]


def test_a_narrative_naming_indicators_is_no_continued_table():
    text = ("2023年度部门整体支出绩效自评报告\n"
            + "本年度项目资金 120 万元已全部拨付，完成农村道路养护 35 公里，产出指标和效益指标均已完成，"
              "满意度指标达到 95%。\n" * 6)
    assert all(not p.indicators for p in extract_text(text, "report.txt").projects)


# The next page of a report printing one form per project: the tail of the last project's
# table (its header on the page before), then the next project's form (written for this test).
TAIL_THEN_FORM = (
    "产出指标 时效指标 设备到货及时率 100% 100% 10 10\n"
    "效益指标 社会效益指标 群众就医等候时间缩短 明显缩短 缩短20分钟 20 18\n"
    "满意度指标 服务对象满意度指标 患者满意度 ≥90% 93% 10 10\n"
    "总分 100 96\n"
    "项目支出绩效自评表\n"
    "项目名称 乡镇卫生院设备更新 主管部门 某县卫生健康局 实施单位 某县卫生健康局\n"
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
    "产出指标 数量指标 更新设备台数 ≥12台 12台 20 20\n"
    "质量指标 设备验收合格率 100% 100% 20 20\n"
)


@pytest.mark.parametrize("layout", ["spaces", "tabs", "bars", "cells"])
def test_a_page_opening_with_the_tail_of_a_table_before_a_new_form_gives_both(layout):
    lines = [line.split(" ") for line in TAIL_THEN_FORM.splitlines()]
    text = {"spaces": TAIL_THEN_FORM,
            "tabs": "\n".join("\t".join(cells) for cells in lines),
            "bars": "\n".join("| " + " | ".join(cells) + " |" for cells in lines),
            "cells": "\n".join(cell + " |" for cells in lines for cell in cells)}[layout]
    first, second = extract_text(text, "page5.txt").projects
    assert first.name == "" and [(i.name, i.target, i.actual, i.weight, i.score) for i in first.indicators] == [
        ("设备到货及时率", "100%", "100%", 10, 10), ("群众就医等候时间缩短", "明显缩短", "缩短20分钟", 20, 18),
        ("患者满意度", "≥90%", "93%", 10, 10)]
    assert second.name == "乡镇卫生院设备更新" and [i.name for i in second.indicators] == ["更新设备台数", "设备验收合格率"]



def test_a_group_note_makes_a_label_and_an_optional_mark_does_not():
    assert lookup_label("经济效益(可选项)").category == "经济效益"
    assert lookup_label("公平效率（可选项）").level == 2       # a framework's group, not listed
    assert lookup_label("培训场次(可选)") is None              # an indicator row marked optional


# A 部门整体 scoring table printing every level's weight in its cell, laid out with spaces
# and the scores on the next line (written for this test).
WEIGHTED_LEVELS = (
    "2023年部门整体支出绩效评价得分表\n项目名称：某县卫生健康局部门整体支出\n"
    "一级指标 二级指标 三级指标 得分\n"
    "部门决策(20 分) 预算配置(10 分) 在职人员控制率(5 分)\n5 三公经费变动率(5 分)\n5 "
    "部门管理(30 分) 资金下达时效(3 分) 转移支付资金下达时限(2 分)\n1 资金使用合规性(3 分)\n3\n"
)


def test_a_weighted_cell_before_a_lighter_one_is_its_second_level():
    [project] = extract_text(WEIGHTED_LEVELS, "web.txt").projects
    rows = {i.name: (i.level2, i.weight, i.score) for i in project.indicators}
    assert rows["转移支付资金下达时限(2分)"] == ("资金下达时效", 2, 1)
    assert rows["在职人员控制率(5分)"] == ("预算配置", 5, 5)
    assert "资金下达时效(3分)" not in rows


def test_a_label_printed_twice_is_the_start_of_the_name_after_it():
    text = ("项目支出绩效自评表(2022年)项目名称社区养老服务补助主管部门某区民政局实施单位某区养老服务中心"
            "一级指标二级指标三级指标分值指标值(A)全年实际值(B)得分未完成原因分析及改进措施"
            "项目管理(20分)资金管理资金管理办法健全性6一制度健全、执行严格6"
            "财务管理财务管理制度有效性7一财务制度健全,会计核算规范7总分10098\n")
    [project] = extract_text(text, "ocr.txt").projects
    rows = {i.name: (i.level2, i.weight, i.score) for i in project.indicators}
    assert rows["财务管理制度有效性"] == ("财务管理", 7, 7)


# A 绩效目标表 exported from Word and run together by a document site: the name, its
# description (反映…) and the target glued, a count's unit glued to the next row's name, and a
# signature box 主管部门审核意见 before the title (written for this test).
GLUED_TARGET_TABLE = (
    "主管部门审核意见单位公章:年月日某市2023年市直部门预算项目支出绩效目标表"
    "项目名称社区养老驿站运营补助项目类别本级支出项目"
    "一级指标二级指标绩效标准当年预期实现值"
    "数量指标扶持养老驿站数量反映全年扶持的养老驿站个数36个上门服务人次反映驿站上门服务情况5000人次"
    "质量指标驿站服务规范达标率反映驿站服务规范情况≥95%"
)


def test_a_glued_target_table_parts_names_from_descriptions_and_units_from_the_next_name():
    [project] = extract_text(GLUED_TARGET_TABLE, "site.txt").projects
    assert project.name == "社区养老驿站运营补助"
    assert project.department == ""                      # a signature box, not the 主管部门 field
    assert [(i.level2, i.name, i.target) for i in project.indicators] == [
        ("数量指标", "扶持养老驿站数量", "36个"), ("数量指标", "上门服务人次", "5000人次"),
        ("质量指标", "驿站服务规范达标率", "≥95%")]


def test_a_budget_header_under_a_group_heading_and_a_row_with_an_empty_rate():
    # 「年度预算数(万元)」 heads the three amount columns (cell per line, as a site prints it)
    grouped = "\n".join([
        "项目名称 |", "城乡低保信息系统运维 |", "主管部门 |", "某县民政局 |",
        "年度预算数(万元) |", "年初预算 |", "调整后预算数 |", "预算执行数 |", "预算执行率 |", "权重 |",
        "得分 |", "原因 |", "总额 |", "80.5 |", "96 |", "90 |", "93.75% |", "10 |", "9 |", "|",
        "一级指标 |", "二级指标 |", "三级指标 |", "指标值 |", "完成值 |",
        "产出指标 |", "数量指标 |", "运维终端台数 |", "≥40台 |", "42台 |"])
    b = extract_text(grouped, "sc.txt").projects[0].budget
    assert (b.initial, b.adjusted, b.executed, b.rate, b.weight, b.score) == (80.5, 96, 90, 93.75, 10, 9)
    # five numbers under six columns: the rate was left empty, not the first amount
    spaced = ("项目名称 河道保洁经费 实施单位 某县水利局\n"
              "年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分\n"
              "年度资金总额: 200 180 162 10 9\n"
              "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
              "产出指标 数量指标 保洁河道长度 120公里 120公里 20 20\n")
    b = extract_text(spaced, "river.txt").projects[0].budget
    assert (b.initial, b.adjusted, b.executed, b.weight, b.score, b.rate) == (200, 180, 162, 10, 9, 90)


def test_a_per_cent_sign_in_its_own_cell_is_the_unit_of_the_target_not_the_actual_value():
    text = "\n".join([
        "项目名称 |", "村医补助经费 |",
        "一级指标 |", "二级指标 |", "三级指标 |", "指标性质 |", "指标值 |", "度量单位 |", "完成值 |", "权重 |",
        "得分 |", "未完成原因分析 |",
        "产出指标 |", "数量指标 |", "补助发放覆盖率 |", "= |", "100 |", "% |", "|", "60 |", "|", "|",
        "合计 |", "100 |"])
    [row] = extract_text(text, "sc.txt").projects[0].indicators
    assert (row.name, row.target, row.actual, row.weight) == ("补助发放覆盖率", "=100%", None, 60)


def test_two_equal_numbers_ending_a_row_are_its_weight_and_full_score():
    # an Anhui-style form pasted from a web page: targets printed inside the names, so those
    # rows print only 分值 and 得分; a unit in its own 度量单位 cell is never the actual value
    text = ("项目名称 农田水利设施维护经费 实施单位 某县水利局\n"
            "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
            "产出指标 数量指标 指标1:维护小型泵站座数 12 12 20 20\n"
            "质量指标 指标1:维护工程验收合格 20 20\n"
            "时效指标 指标1:汛前完成全部维护任务 20 18 个别泵站配件到货延迟\n")
    rows = [(i.name, i.target, i.actual, i.weight, i.score) for i in extract_text(text, "pump.txt").projects[0].indicators]
    assert rows == [("维护小型泵站座数", "12", "12", 20, 20), ("维护工程验收合格", None, None, 20, 20),
                    ("汛前完成全部维护任务", None, None, 20, 18)]


def test_a_page_opening_with_an_indicator_header_gives_its_rows_and_the_prose_after_is_no_row():
    # a web page cut below its 项目名称: the header at the top, cells ending in bars, the
    # report's prose after a blank line; 实施进度 is the actual value's column
    text = ("一级指标\n | 二级指标\n | 三级指标\n | 指标值\n | 实施进度\n | \n"
            "产出指标\n | 数量指标\n | 普法讲座场次\n | 全年不少于12场\n | 已完成100%\n | \n"
            "质量指标\n | 讲座覆盖率\n | ≥90%\n | 已完成100%\n | \n"
            "满意度指标\n | 满意度指标\n | 群众满意度\n | 90%\n | 已完成100%\n | \n"
            "  \n评价申报内容与实际相符，申报目标合理可行。\n  \n"
            "围绕绩效目标，从项目的开展、成效等方面设定评价指标体系，采用公众评判方式进行评价。\n")
    [project] = extract_text(text, "page.txt").projects
    assert project.name == ""
    assert [(i.level2, i.name, i.target, i.actual) for i in project.indicators] == [
        ("数量指标", "普法讲座场次", "全年不少于12场", "已完成100%"),
        ("质量指标", "讲座覆盖率", "≥90%", "已完成100%"),
        ("满意度指标", "群众满意度", "90%", "已完成100%")]


def test_a_score_glued_to_the_templates_ellipsis_keeps_its_digits():
    text = ("项目名称村级公益设施维护补助主管部门某镇人民政府实施单位某镇人民政府"
            "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分"
            "产出指标(70分)数量指标维护村级活动场所个数20≥12个12个20"
            "满意度指标(10分)服务对象满意度指标村民满意度10≥90%≥90%10……总分100100")
    rows = [(i.name, i.target, i.actual, i.weight, i.score) for i in extract_text(text, "ocr.txt").projects[0].indicators]
    assert rows[-1] == ("村民满意度", "≥90%", "≥90%", 10, 10)


def test_a_scoring_table_with_plain_target_and_actual_headings():
    # a 部门整体支出 self-evaluation laid out with TABs: 年度目标 and 实际完成 head the target and
    # actual columns, a scoring rule between the weight and the target
    text = ("部门名称\t某县农业农村局\n"
            "一级指标\t二级指标\t三级指标\t分值\t评分标准\t年度目标\t实际完成\t得分\n"
            "产出\t数量\t高标准农田建设面积\t10\t每少1%扣1分\t2万亩\t2.1万亩\t10\n"
            "\t时效\t项目开工及时率\t5\t未按期开工的扣2分\t100%\t95%\t4\n")
    [project] = extract_text(text, "dept.txt").projects
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("高标准农田建设面积", "2万亩", "2.1万亩", 10, 10), ("项目开工及时率", "100%", "95%", 5, 4)]


def test_the_reason_cell_of_a_budget_row_printed_one_cell_per_line_is_a_reason():
    cells = ["项目名称 |", "乡村道路养护补助 |", "年度预算数(万元) |", "年初预算 |", "调整后预算数 |", "预算执行数 |",
             "预算执行率 |", "权重 |", "得分 |", "原因 |", "总额 |", "300 |", "280 |", "252 |", "90.00% |", "10 |", "9 |",
             "部分路段养护工程尾款未到结算期。 |", "其中:财政资金 |", "300 |", "280 |", "252 |", "90.00% |", "/ |", "/ |",
             "一级指标 |", "二级指标 |", "三级指标 |", "指标值 |", "完成值 |",
             "产出指标 |", "数量指标 |", "县乡道日常养护里程 |", "≥120公里 |", "115公里 |"]
    report = extract_text("\n".join(cells), "sc.txt")
    b = report.projects[0].budget
    assert (b.executed, b.rate, b.reason) == (252, 90, "部分路段养护工程尾款未到结算期。")
    [reason] = [s for s in report.statements if s.kind == "reason"]
    assert reason.text == "部分路段养护工程尾款未到结算期。" and "BUDGET_EXECUTION" in reason.themes
    # the same row with its 原因 cell left empty (a bar alone) has no reason
    empty = "\n".join(cells).replace("部分路段养护工程尾款未到结算期。 |", "|")
    assert extract_text(empty, "sc.txt").projects[0].budget.reason == ""


def test_a_budget_under_a_group_heading_run_together_or_flattened_reads_alike():
    cells = ["项目名称", "乡村道路养护补助", "主管部门", "某县交通运输局", "实施单位", "某县公路事务中心", "项目基本情况",
             "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因",
             "总额", "300.00", "280.00", "252.00", "90.00%", "10", "9", "部分路段养护工程尾款未到结算期。",
             "一级指标", "二级指标", "三级指标", "指标值", "完成值",
             "产出指标", "数量指标", "县乡道日常养护里程", "≥120公里", "115公里"]
    for text in ("".join(cells), " ".join(cells)):        # a document site's run-together text; a flattened page
        project = extract_text(text, "sc.txt").projects[0]
        b = project.budget
        assert (b.initial, b.adjusted, b.executed, b.rate, b.weight, b.score) == (300, 280, 252, 90, 10, 9)
        assert project.unit == "某县公路事务中心"          # 项目基本情况 is the form's next part, not the unit's name
    assert extract_text(" ".join(cells), "sc.txt").projects[0].budget.reason == "部分路段养护工程尾款未到结算期。"


def test_glued_department_rows_part_at_value_openers_completions_and_the_next_label():
    # a 部门整体支出 form run together by a document site: 按规定 / 不超 open a target, 已公开 /
    # 全部达成 are the actual value, and 「55部门预算管理」 is a weight and score before the
    # next row's label, never a value with a unit (written for this test)
    text = ("部门名称某镇卫生院整体支出绩效自评表二级指标三级指标年度指标值全年完成值分值得分"
            "预决算信息公开管理信息公开及时性按规定公开已公开55"
            "部门预算管理公务卡使用规范不超标准使用全部达成44"
            "资产管理资产账实相符率100%100%55")
    rows = [(i.level2, i.name, i.target, i.actual, i.weight, i.score)
            for p in extract_text(text, "site.txt").projects for i in p.indicators]
    assert rows == [("预决算信息公开管理", "信息公开及时性", "按规定公开", "已公开", 5, 5),
                    ("部门预算管理", "公务卡使用规范", "不超标准使用", "全部达成", 4, 4),
                    ("资产管理", "资产账实相符率", "100%", "100%", 5, 5)]


def test_a_department_form_titled_in_glued_text_is_named_after_the_unit_its_title_names():
    # a 部门整体 self-evaluation copied from a document site: the title runs into a damaged
    # field (主管部n), so the unit's name stands only in the title, before the year (written
    # for this test)
    text = ("1、某县水利局2023年度部门整体绩效自评表主管部n某县水利局联系人某某\n"
            "一级指标\t二级指标\t三级指标\t年度指标值\t全年完成值\t分值\t得分\n"
            "产出指标\t数量指标\t水库巡查次数\t≥12次\t12次\t10\t10\n"
            "效益指标\t社会效益指标\t防汛责任落实率\t100%\t100%\t10\t10\n")
    project = extract_text(text, "dept.txt").projects[0]
    assert (project.name, project.form, project.unit) == ("某县水利局", "department_overall", "某县水利局")
    assert [i.name for i in project.indicators] == ["水库巡查次数", "防汛责任落实率"]
    # 表明 is a verb: a sentence saying what the self-evaluation shows titles no form
    prose = ("经部门整体绩效自评表明，本年度各项目标基本完成。\n"
             "一级指标\t二级指标\t三级指标\t年度指标值\t全年完成值\t分值\t得分\n"
             "产出指标\t数量指标\t水库巡查次数\t≥12次\t12次\t10\t10\n")
    assert [p.form for p in extract_text(prose, "prose.txt").projects] != ["department_overall"]


def _padded_pipe_rows(*rows: tuple[str, ...]) -> str:
    """A web page's table printed with each cell on a line of its own between padded bars."""
    out = []
    for row in rows:
        out.append("|   " + row[0] + "\n")
        out += ["        | \n     " + c + "\n" for c in row[1:]]
        out.append("        | \n  ||||\n")
    return "".join(out)


def test_a_page_opening_inside_an_unscored_outcome_table_gives_its_rows():
    # a 部门决算 绩效指标表 continued from the page before: 项目完成指标 / 效益指标 /
    # 满意度指标, a target and an outcome, no score; the report's next numbered heading
    # ends it (written for this test)
    text = _padded_pipe_rows(
        ("项目完成指标", "数量指标", "新建村级养老服务站", "5个", "5个"),
        ("项目完成指标", "质量指标", "改善农村养老服务条件", "改善条件", "明显改善"),
        ("项目完成指标", "时效指标", "站点建成投用时间", "年底前", "11月底"),
        ("效益指标", "社会效益指标", "农村老年人养老服务需求", "有所满足", "基本满足"),
        ("满意度指标", "服务对象满意度指标", "入住老人满意度", "≥90%", "96%"))
    text += "  \n  \n2.部门绩效评价结果。\n  \n本部门按要求对2023年部门整体支出开展了自评，自评结果见附件。\n"
    rows = _rows(text, "name", "target", "actual", "category", name="page12.txt")
    assert rows == [("新建村级养老服务站", "5个", "5个", "数量"),
                    ("改善农村养老服务条件", "改善条件", "明显改善", "质量"),
                    ("站点建成投用时间", "年底前", "11月底", "时效"),
                    ("农村老年人养老服务需求", "有所满足", "基本满足", "社会效益"),
                    ("入住老人满意度", "≥90%", "96%", "满意度")]


def test_a_heading_cell_wrapped_over_lines_is_no_problem_statement():
    # 「偏差大或 目标未完成 原因分析」: the label cell of the reason row kept its wrap spaces;
    # its words (目标未完成) admit nothing (written for this test)
    text = ("项目名称 | 某县城乡供水保障经费 | ||||\n"
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 得分 | ||\n"
            "产出指标 | 数量指标 | 维修供水管网长度 | ≥20公里 | 22公里 | 10 | ||\n"
            "总分 | 99分 | |||||\n"
            "偏差大或 目标未完成 原因分析 | 各项指标均已完成，管网维修于10月底前全部验收。\n")
    assert [(s.kind, s.text) for s in extract_text(text, "water.txt").statements] == []


def test_the_points_of_a_scoring_rule_are_no_weight_and_open_no_row():
    # an evaluation framework run together by a document site: 「得 1 分」 inside a scoring
    # rule is no weight, and the 「分;…」 after it opens no row (written for this test)
    text = ("2023年就业补助资金绩效评价指标体系一级指标二级指标三级指标分值指标说明评分标准"
            "政策宣传 3 是否开展就业政策宣传。印制宣传手册,得 1 分;举办政策培训班,得 1 分;经验材料被推广,得 1 分。"
            "政策完善 3 是否制定促进就业的制度办法。制定年度工作计划,得 1 分;制定困难人员帮扶办法,得 2 分。"
            "资金到位 4 资金是否按时足额到位。资金到位率100%的,得 4 分;每低1%,扣 0.5 分。")
    rows = _rows(text, "name", "weight", name="framework.txt")
    assert rows[0] == ("政策宣传", 3)
    assert not [name for name, _ in rows if name.startswith("分") or name.endswith(("得", "扣"))]
    assert not [w for _, w in rows if w in (0.5, 1, 2)]


def test_a_form_in_target_blocks_reads_each_block_and_progress_labels_are_timeliness():
    # a self-evaluation in two 年度绩效目标 blocks, each under its own header, run together
    # by a document site; 进度指标 is the timeliness group of its template (written for this
    # test)
    text = ("2022年度水土保持监测项目绩效自评表项目名称某县水土保持监测项目主管部门某县水利局"
            "年度绩效目标1(60分)一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分"
            "产出指标质量指标监测数据合格率100%100%10进度指标监测资料按期上报率100%100%10"
            "年度绩效目标2(40分)一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分"
            "产出指标质量指标资料整编合格率100%100%20进度指标年度资料上报及时率100%100%20")
    rows = _rows(text, "level2", "name", "target", "actual", "score", "category", name="blocks.txt")
    assert rows == [("质量指标", "监测数据合格率", "100%", "100%", 10, "质量"),
                    ("进度指标", "监测资料按期上报率", "100%", "100%", 10, "时效"),
                    ("质量指标", "资料整编合格率", "100%", "100%", 20, "质量"),
                    ("进度指标", "年度资料上报及时率", "100%", "100%", 20, "时效")]


@pytest.mark.parametrize("layout", ["tab", "pipe_bare"])
def test_an_approval_form_ends_at_its_seals_and_reads_a_heading_naming_its_year(layout):
    # a 绩效目标批复表: a 指标标准或依据 column beside the target, the target's heading naming
    # the year, and the offices' seals below the table (written for this test)
    rows = [["项目支出绩效目标批复表"], ["项目名称", "干部培训班"],
            ["一级指标", "二级指标", "三级指标", "预期2023年实现值", "指标标准或依据"],
            ["产出指标", "数量指标", "培训班次", "12期", "年度培训计划"],
            ["", "质量指标", "培训合格率", "100%", "培训管理办法"],
            ["满意度指标", "服务对象满意度指标", "学员满意度", "≥95%", "学员问卷"],
            ["财务科(盖章)", "年 月 日", "绩效管理科(盖章)", "年 月 日"]]
    text = render([rows], layout)
    found = _rows(text, "name", "target", name="approval.txt")
    assert found == [("培训班次", "12期"), ("培训合格率", "100%"), ("学员满意度", "≥95%")]


@pytest.mark.parametrize("layout", ["tab", "pipe_bare"])
def test_another_tables_header_below_the_indicators_ends_them(layout):
    # a training project's self-evaluation followed by its table of training schools,
    # headed 序号 | 培训机构 | … (written for this test)
    rows = [["项目名称", "农村护工培训"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
            ["产出指标", "数量指标", "培训人数", "500人", "486人"],
            ["", "质量指标", "结业考核通过率", "100%", "98%"],
            ["满意度指标", "满意度指标", "学员满意度", "≥95%", "96%"],
            ["序号", "培训机构", "培训人数", "合格人数", "补助资金"],
            ["1", "某县职业培训学校", "260", "255", "66.3"],
            ["2", "某县技工学校", "240", "231", "60.06"]]
    text = render([rows], layout)
    found = _rows(text, "name", "target", "actual", name="schools.txt")
    assert found == [("培训人数", "500人", "486人"), ("结业考核通过率", "100%", "98%"), ("学员满意度", "≥95%", "96%")]


def test_the_indicator_blocks_heading_printed_down_its_rows_is_no_row():
    # 绩效指标 in a merged cell, printed a character or two a line among the rows by a PDF's
    # text (written for this test)
    text = ("项目名称 | 文物安全巡查经费 |\n"
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |\n"
            "产出指标 | 数量指标 | 文物安全巡查次数 | 12次 | 12次 |\n"
            "绩效 | 指 标 |\n"
            "| 质量指标 | 文物安全巡查覆盖率 | 100% | 100% |\n"
            "| 时效指标 | 巡查完成时间 | 12月底前 | 12月底前 |\n")
    found = _rows(text, "name", "target", "actual", name="vertical.txt")
    assert found == [("文物安全巡查次数", "12次", "12次"), ("文物安全巡查覆盖率", "100%", "100%"),
                     ("巡查完成时间", "12月底前", "12月底前")]


def test_a_value_worded_like_a_label_with_its_words_swapped_is_no_label():
    # one cell per line ending in a bar, a name wrapped over two lines; its target 影响可持续
    # is 可持续影响 with its words swapped — wording, not a scrambled label (written for
    # this test)
    cells = ["项目名称", "城市马拉松赛事经费", "一级指标", "二级指标", "三级指标", "指标值",
             "产出指标", "数量指标", "举办赛事场次", "1场",
             "效益指标", "社会效益指标", "提升城市知名度和美誉度", "效果良好",
             "可持续影响指标", "打造城市马拉松\n等系列品牌赛事", "影响可持续",
             "满意度指标", "满意度指标", "参赛选手满意度", "≥95%"]
    text = "".join(c + " |\n" for c in cells)
    found = _rows(text, "name", "target", name="marathon.txt")
    assert found == [("举办赛事场次", "1场"), ("提升城市知名度和美誉度", "效果良好"),
                     ("打造城市马拉松等系列品牌赛事", "影响可持续"), ("参赛选手满意度", "≥95%")]
    assert damaged_label("出标产指") is not None and damaged_label("影响可持续") is None


def test_a_value_never_ends_in_a_comparison_that_opens_the_next():
    # run together: 「森林火灾6小时内扑灭率不低于95%」 is a name holding a number and its
    # target, never the name 森林火灾 and a target 「6小时内扑灭率不低于」 (written for this test)
    text = ("森林防火专项经费项目绩效自评表项目名称森林防火专项经费"
            "一级指标二级指标三级指标年初目标值实际完成值未完成原因及改进措施"
            "产出指标产出质量森林火灾火因查明率不低于95%达成预期指标"
            "产出时效森林火灾6小时内扑灭率不低于95%达成预期指标"
            "效益指标社会效益重大森林火灾0起达成预期指标")
    found = _rows(text, "name", "target", name="fire.txt")
    assert found == [("森林火灾火因查明率", "不低于95%"), ("森林火灾6小时内扑灭率", "不低于95%"),
                     ("重大森林火灾", "0起")]


def test_a_page_opening_inside_a_table_with_comparator_and_unit_columns_joins_its_target():
    # the 2021 template printing 指标性质 and 度量单位 as columns of their own, continued from
    # the page before, so no header says so (written for this test)
    rows = [["产出指标", "数量指标", "排查安全隐患次数", "≥", "12", "次", "14", "10"],
            ["", "成本指标", "安全隐患排查成本", "=", "6", "万元", "6", "10"],
            ["效益指标", "社会效益指标", "安全隐患有效处置率", "≥", "90", "%", "93", "10"],
            ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", "95", "%", "96", "10"],
            ["合计", "100"]]
    text = "".join(" | ".join(r) + " |\n" for r in rows)
    found = _rows(text, "name", "target", "actual", "weight", name="page2.txt")
    assert found == [("排查安全隐患次数", "≥12次", "14", 10), ("安全隐患排查成本", "=6万元", "6", 10),
                     ("安全隐患有效处置率", "≥90%", "93", 10), ("群众满意度", "≥95%", "96", 10)]


def test_the_budget_unit_field_ends_the_name_and_is_the_forms_unit():
    # a 申报表 laid out with spaces: 预算单位 is the unit's field, on the line below the name
    # (written for this test)
    text = ("项目支出绩效目标申报表\n"
            "项目名称 计划生育特别扶助资金\n"
            "预算单位 区卫生健康局\n"
            "一级指标 二级指标 三级指标 指标值\n"
            "产出指标 数量指标 扶助对象人数 120人\n"
            "满意度指标 服务对象满意度指标 扶助对象满意度 ≥95%\n")
    project = extract_text(text, "apply.txt").projects[0]
    assert (project.name, project.unit) == ("计划生育特别扶助资金", "区卫生健康局")


def test_a_special_funds_name_field_with_its_bracket_either_way_names_the_project():
    # 专项(项目)名称 in a 绩效目标表 under a title naming the fund, one cell per line
    # (written for this test)
    cells = ["2020年省级财政林业改革发展资金绩效目标表", "专项(项目)名称", "国有林场森林抚育专项",
             "区级主管部门", "某区林业局", "一级指标", "二级指标", "三级指标", "指标值",
             "产出指标", "数量指标", "森林抚育面积", "≥2000亩",
             "满意度指标", "服务对象满意度指标", "林场职工满意度", "≥90%"]
    project = extract_text("\n\n".join(cells) + "\n", "fund.txt").projects[0]
    assert project.name == "国有林场森林抚育专项"
    assert [i.name for i in project.indicators] == ["森林抚育面积", "林场职工满意度"]


def test_a_web_pages_furniture_below_the_table_is_no_row():
    # a self-evaluation printed one cell per line on a county site, its share buttons below
    # (written for this test)
    cells = ["项目名称", "农村公路养护补助", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
             "产出指标", "数量指标", "养护里程", "120公里", "126公里",
             "满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "95%",
             "qrcode", "手机扫码,畅快体验!", "联系客服 关注微信 下载APP 返回顶部"]
    rows = _rows("\n".join(cells) + "\n", "name", "target", "actual", name="site.txt")
    assert rows == [("养护里程", "120公里", "126公里"), ("沿线群众满意度", "≥90%", "95%")]


def test_the_forms_other_remarks_row_ends_the_table_and_is_no_reason():
    # 「其他需要说明事项 | 无 | 总分 …」 below a table with a 偏差原因分析及改进措施 column
    # (written for this test)
    text = ("项目名称 | 学生营养改善计划补助 |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
            "| 产出指标 | 数量指标 | 受助学生人数 | ≧ | 1200 | 人 | 1236人 | 10 | 10 |\n"
            "| 满意度指标 | 服务对象满意度指标 | 家长满意度 | ≧ | 95 | % | 100% | 10 | 10 |\n"
            "| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |\n")
    report = extract_text(text, "remarks.txt")
    assert [(i.name, i.target, i.actual) for p in report.projects for i in p.indicators] == [
        ("受助学生人数", "≧1200人", "1236人"), ("家长满意度", "≧95%", "100%")]
    assert report.statements == []


def test_a_unit_is_never_cut_short_where_glued_text_runs_on_after_it():
    from assistant.extract.formvocab import vocab
    ends = vocab().unit_end
    assert [m.group() for m in ends.finditer("门诊人次增372人次55任务2")] == []      # 人次, not 人 | 次
    assert [m.group() for m in ends.finditer("维修2280次大楼安检200次")] == ["次"]
    assert [m.group() for m in ends.finditer("成本15万元办公")] == ["万元"]


# A PDF's text layer on a document site: the table run into one line, every number spaced
# from its unit and the unit glued to the next row's name (written for this test).
SPACED_UNITS = (
    "某县项目支出绩效目标申报表 项目名称 基层农技推广补助经费 主管部门 某县农业农村局 "
    "指标 指标内容 指标值 产出指标 农技人员培训人次 300 人次田间观摩会场数 6 场"
    "示范基地建设个数 5 个项目或定额成本控制率 100%\n"
)


def test_a_unit_spaced_from_its_number_ends_the_value_not_opens_the_next_name():
    assert _rows(SPACED_UNITS, "name", "target", name="pdf.txt") == [
        ("农技人员培训人次", "300 人次"), ("田间观摩会场数", "6 场"), ("示范基地建设个数", "5 个"),
        ("项目或定额成本控制率", "100%")]


def test_a_word_opening_with_a_units_character_is_not_cut_after_a_spaced_number():
    from assistant.extract.formvocab import vocab
    lead = vocab().unit_lead
    assert lead.match("项目或定额成本控制率") is None      # 5 项目…: a name, not 5 项
    assert lead.match("个别人员未到岗") is None
    assert lead.match("次趋势会商").group() == "次"
    assert lead.match("人次上报").group() == "人次"


# A county site's 项目支出目标申报表, one cell per line with blank lines between: headings
# 一级 / 二级 / 三级 / 年度数值, labels ending in 值, and the site's footer below the table
# (written for this test).
VALUE_LABELS = "\n\n".join([
    "项目支出目标申报表", "项目名称", "初中教育公用经费", "项目主管部门", "某县第二中学",
    "一级", "二级", "三级", "年度数值", "备注",
    "产出值", "数量值", "初中在校学生人数", ">=1200人", " ",
    "质量值", "校舍维修验收合格率", "=100%", " ",
    "效益值", "社会效益值", "办学条件改善情况", "有效", " ",
    "可持续影响值", "学校日常运转保障情况", "=100%", " ", " ",
    "网站地图 | 联系我们", "某县人民政府主办  某县人民政府办公室承办", "某ICP备00000000号",
]) + "\n"


def test_labels_ending_in_zhi_and_bare_level_headings_read_and_the_footer_ends_the_table():
    [project] = extract_text(VALUE_LABELS, "county.txt").projects
    assert project.name == "初中教育公用经费"
    rows = [(i.level2, i.name, i.target, i.category) for i in project.indicators]
    assert rows == [("数量值", "初中在校学生人数", ">=1200人", "数量"),
                    ("质量值", "校舍维修验收合格率", "=100%", "质量"),
                    ("社会效益值", "办学条件改善情况", "有效", "社会效益"),
                    ("可持续影响值", "学校日常运转保障情况", "=100%", "可持续影响")]


def test_a_web_pages_footer_ends_a_tab_table():
    text = ("项目名称\t乡镇卫生院设备购置\n"
            "一级指标\t二级指标\t三级指标\t指标值\t实际完成值\n"
            "产出指标\t数量指标\t购置设备台数\t12台\t12台\n"
            "满意度指标\t服务对象满意度指标\t患者满意度\t≥90%\t94%\n"
            "\t主办单位：某县人民政府办公室\t网站标识码：0000000000\n")
    assert _rows(text, "name", "target", "actual", name="tab.txt") == [
        ("购置设备台数", "12台", "12台"), ("患者满意度", "≥90%", "94%")]


def test_a_project_name_quoted_in_a_notices_sentence_is_no_form():
    # a notice quoting the names, then the form it sends (written for this test)
    text = ("关于下达2024年乡村振兴补助资金的通知\n"
            "该资金政府预算项目名称“乡村振兴工作经费”，项目名称“产业发展补助”。请做好绩效目标填报。\n"
            "分配方案及项目名称详见附件1。该项资金列入2024年政府收入科目。\n"
            "项目名称 | 某村果蔬冷链仓储建设项目 |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 |\n"
            "| 产出指标 | 数量指标 | 新建冷库数量 | 1座 |\n"
            "| 效益指标 | 经济效益指标 | 带动农户增收 | ≥5万元 |\n")
    projects = extract_text(text, "notice.txt").projects
    assert [p.name for p in projects] == ["某村果蔬冷链仓储建设项目"]
    assert [i.name for i in projects[0].indicators] == ["新建冷库数量", "带动农户增收"]


def test_a_listing_tables_project_name_column_opens_no_form():
    # a 资金安排表 before the target form, one cell per line ending in bars (written for this test)
    text = "\n".join([
        "附件1", "2024年农田水利补助资金安排表", "序号 |", "乡镇名称 |", "项 目 名 称 |", "金额 |", "备注 |",
        "1 |", "东坪镇 |", "上洋村灌溉渠修复 |", "20 |", "|",
        "2 |", "南山乡 |", "下溪村山塘清淤 |", "15 |", "|",
        "附件2", "项目支出绩效目标表", "项目名称 |", "农田水利补助资金 |",
        "一级指标 |", "二级指标 |", "三级指标 |", "指标值 |",
        "产出指标 |", "数量指标 |", "修复灌溉渠道 |", "≥2条 |",
        "效益指标 |", "社会效益指标 |", "受益农田面积 |", "≥500亩 |", ""])
    projects = extract_text(text, "allocation.txt").projects
    assert [p.name for p in projects] == ["农田水利补助资金"]
    assert [(i.name, i.target) for i in projects[0].indicators] == [("修复灌溉渠道", "≥2条"), ("受益农田面积", "≥500亩")]


# A 自评报告 flattened to one line by a document site: its goal table (评价内容 / 绩效内容 /
# 绩效目标值 / 实际完成值 / 累计完成率) under labels spelled …目标, and the report's next
# section run on after the last value (written for this test).
GLUED_GOAL_TABLE = (
    "一、项目概况项目年度绩效目标(定量目标)评价内容绩效内容绩效目标值实际完成值累计完成率"
    "产出目标数量目标全年举办创业培训班期数>=6期7期117%年度培训创业人员人次>=300人次320人次107%"
    "质量目标培训合格率>=90%95%106%"
    "(二)项目资金管理情况本项目全年安排资金20万元,实际支出18万元。\n"
)


def test_a_flattened_goal_table_under_target_labels_ends_where_the_next_section_runs_on():
    rows = _rows(GLUED_GOAL_TABLE, "level2", "name", "target", "actual", "category", name="report.txt")
    assert rows == [("数量目标", "全年举办创业培训班期数", ">=6期", "7期", "数量"),
                    ("数量目标", "年度培训创业人员人次", ">=300人次", "320人次", "数量"),
                    ("质量目标", "培训合格率", ">=90%", "95%", "质量")]


# A Word file's text on a document site: the cells run together, and each cell's own line
# wraps left a space inside its words (「成 品粮」, 「质量 指标」) (written for this test).
GLUED_WRAPPED_WORDS = (
    "县级专项资金绩效目标自评表专项资金名称县级应急物资储备县级主管部门某县应急管理局实施单位某县物资储备站"
    "一级 指标二级 指标三级指标年度指标 值全年 完成值未完成原因和 改进措施"
    "产 出 指 标数量 指标帐篷、折叠床、棉 被储备到位率100%100%应急物资库存真实率100%100%"
    "质量 指标储备物资定期检 查覆盖率100%100%物资出入库登记完整率100%100%"
    "时效 指标应急物资调拨响 应及时率100%100%"
    "满意 度指 标受灾群众满意度90%95%说明无\n"
)


def test_glued_text_with_wrapped_words_reads_each_cell_whole():
    [project] = extract_text(GLUED_WRAPPED_WORDS, "doc.txt").projects
    assert [(i.name, i.target, i.actual) for i in project.indicators] == [
        ("帐篷、折叠床、棉被储备到位率", "100%", "100%"), ("应急物资库存真实率", "100%", "100%"),
        ("储备物资定期检查覆盖率", "100%", "100%"), ("物资出入库登记完整率", "100%", "100%"),
        ("应急物资调拨响应及时率", "100%", "100%"), ("受灾群众满意度", "90%", "95%")]
    assert [i.category for i in project.indicators] == ["数量", "数量", "质量", "质量", "时效", "满意度"]


# One cell per line with blank lines between, the name run into its number (「指标1工程…」)
# and placeholder rows left as the template printed them (written for this test).
NUMBER_RUN_INTO_NAME = (
    "项目支出绩效自评表\n\n项目名称\n\n教学楼屋面防水维修经费\n\n主管部门\n\n某市教育局\n\n"
    "一级指标\n\n二级指标\n\n三级指标\n\n年度\n\n指标值\n\n实际\n\n完成值\n\n分值\n\n得分\n\n"
    "产出指标\n\n数量指标\n\n指标1维修屋面面积\n\n1200\n\n1200\n\n20\n\n20\n\n"
    "指标2\n\n \n\n \n\n \n\n \n\n……\n\n"
    "质量指标\n\n指标1工程验收合格率\n\n100\n\n100\n\n20\n\n20\n")


def test_a_number_run_into_the_name_is_no_part_of_it():
    [project] = extract_text(NUMBER_RUN_INTO_NAME, "web.txt").projects
    assert [(i.name, i.target, i.weight) for i in project.indicators] == [
        ("维修屋面面积", "1200", 20), ("工程验收合格率", "100", 20)]


# The head of a 部门整体支出绩效目标表 laid out with spaces: the unit's name beside its budget
# code, then a table of duties whose 支出项目名称 column names no project (written for this test).
DEPARTMENT_TARGET_HEAD = (
    "部门整体支出绩效目标表\n"
    "部门(单位)名称 某市地方志编纂中心 部门预算编码 901002011\n"
    "年度预算安排(万元) 资金总额 120.5\n"
    "年度履职目标\n"
    "部门职能 年度目标任务 支出项目名称 预算金额(万元)\n"
    "编纂市志和年鉴 按期出版年鉴 年鉴编纂出版经费 30\n\n"
    "一级指标 二级指标 三级指标 目标值\n"
    "产出指标 数量指标 出版年鉴册数 1000册\n"
    "质量指标 书稿审校通过率 100%\n")


def test_a_department_form_is_named_by_its_unit_not_by_a_column_of_projects():
    [project] = extract_text(DEPARTMENT_TARGET_HEAD, "web.txt").projects
    assert project.name == "某市地方志编纂中心"
    assert project.form == "department_overall"
    assert [(i.name, i.target) for i in project.indicators] == [("出版年鉴册数", "1000册"), ("书稿审校通过率", "100%")]


# A PDF's text that runs a form's head out of order: the name before 项目名称, the budget's
# 其中 rows after it (written for this test).
SCRAMBLED_HEAD = (
    "财政项目支出绩效自评表 (2022 年度) 社区健身步道维护费用 项目名称 主管部门 某区体育局 "
    "年初预算数 全年预算数 全年执行数 分值 执行率 得分 50000.00 50000.00 48000 10 9.6 "
    "— 上年结转资金 0 0 — 其他资金 0 0 — 年度资金总额 项目资金 (元) 某区体育 事业管理中心 实施单位 "
    "其中:当年财政拨款 预期目标 年度 总体 目标 96% 实际完成情况 已完成步道维护。\n"
    "财政项目支出绩效自评表 (2022 年度) 项目名称 全民健身赛事补助经费 主管部门 某区体育局\n")


def test_a_budget_source_row_is_never_a_name_or_a_unit():
    projects = extract_text(SCRAMBLED_HEAD, "pdf.txt").projects
    assert "上年结转资金" not in [p.name for p in projects]
    # the first form's name printed before its field, the second's after it
    assert [p.name for p in projects] == ["社区健身步道维护费用", "全民健身赛事补助经费"]
    assert all(not p.unit.startswith("其中") for p in projects)


# A 部门预算 target table as a web page prints it, each row ending in which way is better
# (指标方向性) and the bars of the merged cells after it (written for this test).
DIRECTED_ROWS = (
    "| 部门预算项目绩效目标申报表(2024年度) | |||||\n"
    "| 项目名称 | 乡村道路日常养护经费 | |||||\n"
    "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 | 指标方向性 | |\n"
    "| 产出指标 | 数量指标 | 养护农村公路里程 | ≥ | 120 | 公里 | 30 | 正向指标 | |||||\n"
    "| 产出指标 | 质量指标 | 路面完好率 | ≥ | 90 | % | 30 | 正向指标 | |||||\n"
    "| 满意度指标 | 服务对象满意度指标 | 沿线群众满意度 | ≥ | 90 | % | 20 | 正向指标 | |||||\n")


def test_a_direction_column_gives_no_row():
    [project] = extract_text(DIRECTED_ROWS, "web.txt").projects
    assert [(i.name, i.target, i.weight) for i in project.indicators] == [
        ("养护农村公路里程", "≥120公里", 30), ("路面完好率", "≥90%", 30), ("沿线群众满意度", "≥90%", 20)]


# A form that prints no 项目名称 cell, named by its title (written for this test).
TITLED_ONLY = (
    "外贸服务平台建设项目绩效自评表\n"
    "一级指标\t二级指标\t三级指标\t分值\t得分\n"
    "产出指标\t数量指标\t服务企业数量\t20\t20\n"
    "效益指标\t社会效益指标\t企业办事时长缩短\t20\t18\n")


@pytest.mark.parametrize("title, name", [
    ("外贸服务平台建设项目绩效自评表", "外贸服务平台建设项目"),       # 项目 is the name's
    ("外贸服务平台建设项目支出绩效自评表", "外贸服务平台建设"),        # 项目支出 is the form's
    ("某县商务局项目绩效自评表", "某县商务局"),                      # a unit, no project
    ("城区排水管网改造工程项目绩效自评表", "城区排水管网改造工程"),
    ("2023年度外贸服务平台建设项目绩效评价指标表", "外贸服务平台建设项目")])
def test_a_title_names_its_project(title, name):
    [project] = extract_text(TITLED_ONLY.replace("外贸服务平台建设项目绩效自评表", title), "web.txt").projects
    assert project.name == name
    assert len(project.indicators) == 2


# A target form as a web page prints it, one cell per line ending in ` |`: the target with
# its unit in one column (指标值及单位), the 绩效标准 it was set by after it, and the bars of
# merged cells (written for this test).
STANDARD_COLUMN = (
    "2024年项目支出绩效目标申报表\n|\n项目支出名称 |\n城区公厕保洁服务 |\n预算部门 |\n某市环卫处 |\n|||\n"
    "本年度 绩效指标 |\n一级指标 |\n二级指标 |\n三级指标 |\n指标值及单位 |\n绩效标准 |\n|\n|\n"
    "产出指标 |\n数量指标 |\n保洁公厕座数 |\n120座 |\n计划标准 |\n||\n|\n"
    "质量指标 |\n保洁质量检查合格率 |\n≥95% |\n行业标准 |\n|||\n|\n"
    "满意度指标 |\n服务对象满意度指标 |\n如厕群众满意度 |\n≥90% |\n历史标准 |\n||\n")


def test_a_standard_column_after_the_target_gives_no_row():
    [project] = extract_text(STANDARD_COLUMN, "web.txt").projects
    assert project.name == "城区公厕保洁服务"
    assert [(i.name, i.target) for i in project.indicators] == [
        ("保洁公厕座数", "120座"), ("保洁质量检查合格率", "≥95%"), ("如厕群众满意度", "≥90%")]


# A 部门决算 page's self-evaluation table whose two header lines ran into one line: 年度指标值
# over its parts 指标性质 · 指标值 · 度量单位 printed after the label columns (written for this
# test).
TWO_LINE_HEADER = (
    "| 项目支出绩效自评表 | |\n| 项目名称 | 农村学校校舍维修经费 | |\n"
    "| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | "
    "三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 | 维修校舍面积 | ≥ | 3000 | 平方米 | "
    "3200平方米 | 20 | 20 | |\n"
    "| 质量指标 | 维修工程验收合格率 | ≥ | 100 | % | 100% | 20 | 20 | |\n"
    "| 时效指标 | 维修完成及时率 | ≥ | 100 | % | 90% | 20 | 18 | 雨季延误工期 |\n")


def test_a_two_line_header_run_into_one_reads_every_column():
    [project] = extract_text(TWO_LINE_HEADER, "web.txt").projects
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("维修校舍面积", "≥3000平方米", "3200平方米", 20, 20), ("维修工程验收合格率", "≥100%", "100%", 20, 20),
        ("维修完成及时率", "≥100%", "90%", 20, 18)]
    assert project.indicators[2].reason == "雨季延误工期"


# 广东's target approval form names what each group covers in brackets (written for this test).
GUANGDONG_LABELS = (
    "项目支出绩效目标批复表\n项目名称\t村道硬底化改造工程\n"
    "一级指标\t二级指标\t三级指标\t指标值(或计划水平)\n"
    "预期产出指标\t数量指标(或建筑规模指标)\t硬底化改造道路里程\t12公里\n"
    "\t时效指标(工期指标、形象进度指标)\t工程竣工验收时间\t2024年10月前\n"
    "\t预算(或投资规模)控制指标\t工程投资控制在批复概算内\t≤860万元\n"
    "效果指标\t社会、经济、生态效益 指标\t沿线群众出行时间缩短\t≥20%\n")


def test_a_labels_bracketed_note_and_the_provinces_own_groups():
    [project] = extract_text(GUANGDONG_LABELS, "pdf.txt").projects
    # the labels as printed, the categories they stand for
    assert [(i.name, i.level1, i.category) for i in project.indicators] == [
        ("硬底化改造道路里程", "预期产出指标", "数量"), ("工程竣工验收时间", "预期产出指标", "时效"),
        ("工程投资控制在批复概算内", "预期产出指标", "成本"), ("沿线群众出行时间缩短", "效果指标", "社会效益")]


# A 原因 cell that still holds the template's instruction, as an unfilled form prints it
# (written for this test).
UNFILLED_REASON = (
    "项目支出绩效自评表(2023年度) |\n项目名称 |\n社区养老服务补贴 |\n主管部门 |\n某县民政局 |\n"
    "预算执行情况(10分) |\n年初预算 |\n调整后预算数 |\n预算执行数 |\n预算执行率 |\n权重 |\n得分 |\n原因 |\n"
    "总额 |\n50.00 |\n48.00 |\n48.00 |\n100.00% |\n10 |\n10 |\n"
    "1.执行率低于90%时须说明原因(80字以内);2.预算有追加或调减的,应另行说明理由;3.其他资金包括社会捐赠等. |\n"
    "一级指标 |\n二级指标 |\n三级指标 |\n指标值 |\n完成值 |\n权重 |\n得分 |\n未完成原因分析 |\n"
    "产出指标 |\n数量指标 |\n补贴发放人数 |\n300人 |\n300人 |\n30 |\n30 |\n"
    "填写偏差原因(50字以内) |\n")


def test_a_cell_still_holding_the_templates_instruction_gives_no_reason():
    report = extract_text(UNFILLED_REASON, "web.txt")
    [project] = report.projects
    assert project.budget is not None and project.budget.executed == 48 and not project.budget.reason
    assert [(i.name, i.reason) for i in project.indicators] == [("补贴发放人数", "")]
    assert not [s for s in report.statements if s.kind == "reason"]


# A page's lead sentence names the project before its form does (written for this test).
NAMED_IN_A_SENTENCE = (
    "本单位纳入预算绩效管理的项目1个,项目名称为乡镇文化站免费开放补助,绩效目标详见下表。\n"
    "预算项目绩效目标公开表\n项目名称\t乡镇文化站免费开放补助\n"
    "一级指标\t二级指标\t指标内容\t指标值\n"
    "产出指标\t数量指标\t免费开放文化站个数\t12个\n")


def test_a_sentence_naming_a_project_opens_no_form():
    assert [p.name for p in extract_text(NAMED_IN_A_SENTENCE, "web.txt").projects] == ["乡镇文化站免费开放补助"]


# A scoring table as a web page prints it, markdown rows whose long cells wrapped: the
# line breaks inside a cell became spaces (written for this test).
BARRED_WRAPPED_CELLS = (
    "部门整体支出绩效自评表\n单位 | 某县文化馆 | |\n"
    "| 一级 指标 | 二级 指标 | 三级 指标 | 指标分值 | 评分标准 | 自评得分 |\n"
    "| 决策 | 绩效目标 | 年度绩效 目标合理性 | 4 | 目标合理得4分 | 4 |\n"
    "| | | 年度绩效 目标明确性 | 2 | 目标细化量化得2分 | 2 |\n"
    "| 过程 | 预算执行 | 预算 执行率 | 5 | 执行率每低1%扣0.1分 | 4.5 |\n")


def test_a_space_inside_a_barred_cell_is_a_wrapped_line():
    [project] = extract_text(BARRED_WRAPPED_CELLS, "web.txt").projects
    assert [(i.name, i.weight, i.score) for i in project.indicators] == [
        ("年度绩效目标合理性", 4, 4), ("年度绩效目标明确性", 2, 2), ("预算执行率", 5, 4.5)]


# Markdown rows whose cells happen to stand under the cells of the row above (a name with
# Latin letters is narrower): bars part the cells, so no cell is read as another's wrapped
# line (written for this test).
BARRED_ALIGNED = (
    "项目名称 | 公共数字文化共享工程 | |\n"
    "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 得分 | |\n"
    "产出指标(40分) | 数量指标 | 一个存储备份器 | 25台 | 25台 | 10 | ||||\n"
    "WIFI布点全覆盖 | 100%覆盖 | 100%覆盖 | |||||||\n"
    "质量指标 | 以最新资源面市 | 资源采购期以当年为主 | 资源采购期以当年为主 | 10 | |||||\n")


def test_bars_keep_each_cell_in_its_row():
    [project] = extract_text(BARRED_ALIGNED, "web.txt").projects
    assert [(i.name, i.target) for i in project.indicators] == [
        ("一个存储备份器", "25台"), ("WIFI布点全覆盖", "100%覆盖"), ("以最新资源面市", "资源采购期以当年为主")]


# A target cell of prose with figures in it, between bars: the bars part the cells, so the
# figures inside the cell start no rows of their own (written for this test).
BARRED_PROSE_TARGET = (
    "项目名称 | 城区公办幼儿园扩容补助 | |\n"
    "一级指标 | 二级指标 | 指标内容 | 指标值 | |||\n"
    "产出指标 | 产出数量指标 | 新增学位 | 2024年计划新增:小班90个,中班120个,大班150个,以实际入园人数为准。 | ||||\n"
    "产出质量指标 | 教师持证上岗率 | ≥98% | ||||\n")


def test_figures_inside_a_barred_prose_cell_start_no_rows():
    [project] = extract_text(BARRED_PROSE_TARGET, "web.txt").projects
    names = [i.name for i in project.indicators]
    assert names == ["新增学位", "教师持证上岗率"]
    assert project.indicators[1].target == "≥98%"


# The head of a form laid out with spaces, and one with bars, whose fields the template
# prints beside the name (项目分类, 投向领域) and whose name ends in a bracket of words
# (written for this test).
HEAD_FIELDS = (
    "项目名称 2024年民族村寨道路硬化项目 项目分类 基础设施类--道路 建设周期 2024年3月-2024年11月 "
    "业务主管部门 县民宗委\n实施单位 某某乡人民政府 项目负责人 张某\n"
    "一级指标 二级指标 三级指标 指标值 完成值\n产出指标 数量指标 硬化道路长度 3.2公里 3.2公里\n")
HEAD_BRACKET = (
    "项目名称 | 老旧小区燃气管道改造工程 (东湖街道) | 投向领域 | 城市更新 | |\n"
    "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | |\n"
    "产出指标 | 数量指标 | 改造户数 | 1200户 | 1230户 | |\n")


def test_the_heads_fields_end_the_name_and_a_bracket_of_words_is_kept():
    [project] = extract_text(HEAD_FIELDS, "web.txt").projects
    assert (project.name, project.department, project.unit) == ("2024年民族村寨道路硬化项目", "县民宗委", "某某乡人民政府")
    [project] = extract_text(HEAD_BRACKET, "web.txt").projects
    assert project.name == "老旧小区燃气管道改造工程(东湖街道)"


# The heads of two 绩效目标申报表 templates (written for this test): a unit's form whose
# fields run into their values line by line (资金类别, 业务股室 end the name), and a fund's
# form whose head prints every field first, one broken over a line, and the values after.
RUN_ON_HEAD = (
    "部门整体支出项目绩效目标申报表\n部门(单位)名称某县蚕桑技术推广站\n资金类别部门(单位)整体支出\n"
    "业务股室经作股\n年度预算申请\n(万元)\n资金总额86.20\n")
FIELDS_FIRST_HEAD = (
    "绩效目标表\n资金名称 省级业务主管部\n门 资金类型 实施周期\n战略领域 财政事权 政策任务\n"
    "乡村教师培训专项资金\n教师队伍建设 某省教育厅 专项资金 2024年-2026年\n")


def test_a_templates_head_fields_end_a_name_run_on_or_printed_first():
    [project] = extract_text(RUN_ON_HEAD, "web.txt").projects
    assert project.name == "某县蚕桑技术推广站"
    [project] = extract_text(FIELDS_FIRST_HEAD, "pdf.txt").projects
    assert project.name == "乡村教师培训专项资金"
    assert FIELDS_FIRST_HEAD[project.name_start:project.name_end] == project.name


# A township's report on two 民生工程 and a unit's report on its projects, each project
# under a numbered heading of its own; a unit's report whose numbered headings are its
# sections, its spending by kind and its findings (all written for this test).
HEADED_PROJECTS = (
    "某镇2023年民生工程资金使用情况自评报告\n一、项目整体情况\n"
    "（一）村级污水处理站项目：该项目资金共计42.6万元，用于建设污水处理站1座。\n"
    "（二）新建通组道路项目：该项目资金共计88万元，新建通组道路1.8公里。\n"
    "二、存在的问题\n通组道路项目因雨季施工，进度滞后于计划。\n")
HEADED_IN_A_UNITS_REPORT = (
    "某市档案馆2024年度项目支出绩效自评报告\n一、基本情况\n"
    "(1)馆藏档案数字化经费。用于馆藏纸质档案扫描和著录。\n"
    "(2)档案库房安全运维经费。用于库房温湿度监控和消防设施维护。\n")
HEADINGS_NO_PROJECTS = (
    "某局2024年度部门整体支出绩效自评报告\n一、基本情况\n（一）项目资金\n全年支出120万元。\n"
    "（二）因公出国（境）经费\n全年未发生。\n"
    "1.专项资金年初预算120万元未细化到项目。\n")


def test_each_numbered_heading_naming_a_project_opens_one():
    projects = extract_text(HEADED_PROJECTS, "web.txt").projects
    assert [p.name for p in projects] == ["村级污水处理站项目", "新建通组道路项目"]
    assert all(HEADED_PROJECTS[p.name_start:p.name_end] == p.name for p in projects)
    assert projects[0].end <= projects[1].start
    projects = extract_text(HEADED_IN_A_UNITS_REPORT, "web.txt").projects
    assert [p.name for p in projects] == ["馆藏档案数字化经费", "档案库房安全运维经费"]


def test_a_section_a_kind_of_spending_or_a_finding_is_no_project():
    assert extract_text(HEADINGS_NO_PROJECTS, "web.txt").projects == []


# A web page's table that stops where the page does, the form's 绩效指标 cell printed again
# down the next page's first row beside a label cut short (written for this test).
CUT_AT_PAGE_END = (
    "绩 效 指 标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | ||||\n"
    "产出指标(50分) | 数量指标 | 新建温室大棚 | ≥12座 | 12座 | 20 | 20 | ||||\n"
    "时效指标 | 任务完成时限(月) | 10 | 10 | 10 | 10 | ||||\n"
    "成本指标 | ||||||||\n"
    "绩 效 指 标 | 效益")


def test_the_blocks_heading_again_beside_a_cut_label_is_no_row():
    rows = [r for p in extract_text("项目名称 | 某村温室大棚建设项目 |\n" + CUT_AT_PAGE_END, "web.txt").projects
            for r in p.indicators]
    assert [r.name for r in rows] == ["新建温室大棚", "任务完成时限(月)"]


# A self-evaluation published as 「…项目自评结果」: its prose, then its table (written for this test).
SELF_EVALUATION_RESULT = (
    "2023年度农村学生营养餐补助项目自评结果\n一、自评结论\n经自评，综合评价得分为96分。\n"
    "一级指标 |\n二级指标 |\n指标名称 |\n目标值 |\n实际完成值 |\n|\n"
    "产出指标 |\n数量指标 |\n受助学生人数 |\n1500人 |\n1480人 |\n|\n"
    "效益指标 |\n社会效益指标 |\n学生营养状况改善 |\n改善 |\n明显改善 |\n|\n")


def test_a_self_evaluation_result_is_named_by_its_title():
    [project] = extract_text(SELF_EVALUATION_RESULT, "web.txt").projects
    assert (project.name, project.form) == ("农村学生营养餐补助项目", "self_evaluation")
    assert [(i.name, i.actual) for i in project.indicators] == [("受助学生人数", "1480人"), ("学生营养状况改善", "明显改善")]


# A 部门预算 target table that lists several projects, as a web page prints it: each
# project's 项目名称, 预算数 and 年度目标 cells merged down its rows, a department's subtotal
# row first (written for this test).
LISTED_PROJECTS = (
    "| 部门预算项目绩效目标表(2024年度) | ||||||||\n| 金额单位:元 | ||||||||\n"
    "| 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重 |\n"
    "| 601-某镇部门 | 1,250,000.00 | |||||||||\n"
    "| 601001-某镇人民政府 | 农村环境卫生保洁经费 | 850,000.00 | 保持村庄环境整洁 | 产出指标 | 数量指标 | 保洁村庄数量 | ≥ | 12 | 个 | 30 |\n"
    "| 效益指标 | 生态效益指标 | 村庄垃圾清运率 | ≥ | 95 | % | 30 | ||||\n"
    "| 满意度指标 | 服务对象满意度指标 | 村民满意度 | ≥ | 90 | % | 20 | ||||\n"
    "| 村级阵地维护经费 | 400,000.00 | 保障村级阵地正常运转 | 产出指标 | 质量指标 | 阵地设施完好率 | ≥ | 95 | % | 40 | |\n"
    "| 产出指标 | 数量指标 | 维护村级阵地个数 | = | 12 | 个 | 30 | ||||\n")


def test_a_table_listing_projects_gives_one_project_each():
    projects = extract_text(LISTED_PROJECTS, "web.txt").projects
    assert [(p.name, p.budget.adjusted if p.budget else None) for p in projects] == [
        ("农村环境卫生保洁经费", 850000), ("村级阵地维护经费", 400000)]
    assert [[(i.name, i.target, i.weight) for i in p.indicators] for p in projects] == [
        [("保洁村庄数量", "≥12个", 30), ("村庄垃圾清运率", "≥95%", 30), ("村民满意度", "≥90%", 20)],
        [("阵地设施完好率", "≥95%", 40), ("维护村级阵地个数", "=12个", 30)]]
    first = projects[0]
    assert LISTED_PROJECTS[first.name_start:first.name_end] == first.name


# An 安徽 部门整体支出绩效自评表 names the department in a cell of its own (written for this test).
DEPARTMENT_CELL = (
    "部门整体支出绩效自评表 | |||\n(2023年度) | |||\n部门 | 某县乡村建设服务中心 | |||\n"
    "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
    "产出指标 | 数量指标 | 改造农村户厕数 | 500户 | 520户 | 20 | 20 |\n")


def test_a_department_named_in_a_cell_of_its_own():
    [project] = extract_text(DEPARTMENT_CELL, "web.txt").projects
    assert (project.name, project.form) == ("某县乡村建设服务中心", "department_overall")
    assert [i.name for i in project.indicators] == ["改造农村户厕数"]


# The approval fields a target form prints below its table (written for this test).
APPROVALS_BELOW = (
    "项目绩效目标申报表\n项目名称 村级公益设施维护\n一级指标 二级指标 三级指标 指标值\n"
    "产出指标 数量指标 维护设施个数 >=20个\n效益指标 社会效益指标 群众出行条件改善 明显改善\n\n"
    "主管部门审核意见 (盖章)\n\n区财政局业务股审核意见 (盖章)\n")


def test_the_approval_fields_below_a_table_end_it():
    [project] = extract_text(APPROVALS_BELOW, "web.txt").projects
    assert [(i.name, i.target) for i in project.indicators] == [
        ("维护设施个数", ">=20个"), ("群众出行条件改善", "明显改善")]


# A page cut inside the label column, as a web page's text of a target table shows it
# (written for this test).
CUT_IN_A_LABEL = (
    "项目名称 农村文化广场建设项目\n"
    "一级指标 二级指标 三级指标 指标值 分值\n"
    "成本指标(0-20)分 经济成本指标 广场建设成本 ≤48万元 10\n社会成本指标\n\n\n"
    "产出指标\n(40-50)分\n数量指\n")


def test_labels_a_page_cut_short_make_no_row():
    [project] = extract_text(CUT_IN_A_LABEL, "web.txt").projects
    assert [(i.name, i.target) for i in project.indicators] == [("广场建设成本", "≤48万元")]


# A self-evaluation table whose parent rows are numbered like section headings, in pipe
# rows as a web page prints them (written for this test).
NUMBERED_PARENT_ROWS = (
    "项目支出绩效自评表\n"
    "项目名称 | 耕地质量提升示范项目 | | | |\n"
    "一级指标 | 二级指标 | 三级指标 | 年度目标值 | 实际完成值 | 得分 |\n"
    "产出指标 | 数量指标 | 一、示范片建设 | ≥3000亩 | 3000亩 | 10 |\n"
    "1、有机肥替代 | ≥1200亩 | 1200亩 | 5 |\n"
    "二、土壤采样检测 | ≥80个 | 96个 | 10 |\n"
    "三、技术培训 | ≥4期 | 4期 | 10 |\n"
    "时效指标 | 按期完工率 | 100% | 100% | 10 |\n\n"
    "三、存在问题\n部分片区有机肥到位较晚，影响了施用进度。\n")


def test_a_numbered_row_in_a_barred_table_is_no_section_heading():
    [project] = extract_text(NUMBERED_PARENT_ROWS, "web.txt").projects
    assert [(i.name, i.target, i.actual) for i in project.indicators] == [
        ("示范片建设", "≥3000亩", "3000亩"), ("有机肥替代", "≥1200亩", "1200亩"),
        ("土壤采样检测", "≥80个", "96个"), ("技术培训", "≥4期", "4期"),
        ("按期完工率", "100%", "100%")]


# A special-fund target table, one cell per line with bars, as a web page prints it; the
# fund's name carries a long bracket of words (written for this test).
SPECIAL_FUND = (
    "专项资金绩效目标表\n专项名称 |\n"
    "农村供水保障专项 (小型水源工程及管网延伸改造项目) | ||||\n"
    "下达单位 |\n某县人民政府 | ||||\n"
    "一级指标 |\n二级指标 |\n三级指标 |\n指标值 | |\n"
    "产出指标 |\n数量指标 |\n新建供水管网长度 |\n≥35公里 | |\n"
    "效益指标 |\n社会效益指标 |\n受益人口 |\n≥1.2万人 | |\n")


def test_a_special_fund_is_named_by_its_field_bracket_and_all():
    [project] = extract_text(SPECIAL_FUND, "web.txt").projects
    assert project.name == "农村供水保障专项(小型水源工程及管网延伸改造项目)"
    assert [(i.name, i.target) for i in project.indicators] == [
        ("新建供水管网长度", "≥35公里"), ("受益人口", "≥1.2万人")]


def test_one_character_glued_to_a_name_field_names_nothing():
    # a damaged heading (「专项名称金」): the name is the cell after it
    text = SPECIAL_FUND.replace("专项名称 |", "专项名称金 |").replace(" (小型水源工程及管网延伸改造项目)", "资金")
    [project] = extract_text(text, "web.txt").projects
    assert project.name == "农村供水保障专项资金"
    assert len(project.indicators) == 2


# A target table whose 指标性质 column says which way is better and whose 指标方向 column
# holds the comparator, in spaced rows and in TAB rows (written for this test).
DIRECTION_FIRST = (
    "项目绩效目标表\n项目名称 社区养老服务补贴\n"
    "一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值\n"
    "产出指标 数量指标 服务老人人数 正向 = 120 人 10\n"
    "产出指标 成本指标 人均补贴标准 反向 ≤ 300 元/月 10\n")


@pytest.mark.parametrize("sep", [" ", "\t"])
def test_which_way_is_better_is_no_part_of_the_target(sep):
    text = DIRECTION_FIRST.replace(" ", sep) if sep == "\t" else DIRECTION_FIRST
    [project] = extract_text(text, "web.txt").projects
    assert [(i.name, i.target.replace(" ", "")) for i in project.indicators] == [
        ("服务老人人数", "=120人"), ("人均补贴标准", "≤300元/月")]


# A scored self-evaluation in pipe rows where one row prints no actual value: its weight
# and its score (full marks) follow the target, and the reason cell is left empty
# (written for this test).
NO_ACTUAL_VALUE = (
    "项目支出绩效自评表\n项目名称 | 村级冷链仓储建设项目 | |||\n"
    "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
    "产出指标 | 数量指标 | 冷库建设面积 | ≥1200平方米 | 1200平方米 | 10 | 10 | |\n"
    "配套变压器台数 | 3 | 8.5 | 8.5 | |\n"
    "质量指标 | 验收合格率 | 100% | 100% | 10 | 10 | |\n")


def test_an_empty_cell_at_a_rows_end_is_its_reason_not_its_score():
    [project] = extract_text(NO_ACTUAL_VALUE, "web.txt").projects
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators] == [
        ("冷库建设面积", "≥1200平方米", "1200平方米", 10, 10), ("配套变压器台数", "3", None, 8.5, 8.5),
        ("验收合格率", "100%", "100%", 10, 10)]


# A target table whose template marks each second level required or optional, in pipe
# rows; the benefit rows print their indicator as a sentence with no value (written for
# this test).
MARKED_LABELS = (
    "项目支出绩效目标申报表\n项目名称 | 乡村小型水利设施维修项目 | ||||\n"
    "绩 效 指 标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | |\n"
    "产出指标 | 数量指标 (必填硬性指标) | 维修塘坝座数(座) | 12 | ||\n"
    "质量指标 (必填) | 工程验收合格率(%) | 100 | |||\n"
    "效益指标 | 经济效益 指标 (选填) | 增加灌溉面积，提高农户收入。 | |||\n"
    "社会效益 指标 (必填) | 受益农户数(户) | 860 | |||\n")


def test_required_and_optional_marks_on_labels_are_no_rows():
    [project] = extract_text(MARKED_LABELS, "web.txt").projects
    assert [(i.level2, i.name, i.target) for i in project.indicators] == [
        ("数量指标", "维修塘坝座数(座)", "12"), ("质量指标", "工程验收合格率(%)", "100"),
        ("经济效益指标", "增加灌溉面积，提高农户收入。", None), ("社会效益指标", "受益农户数(户)", "860")]
    assert lookup_label("数量指标(必填硬性指标)").category == "数量"
    assert lookup_label("受益农户数(必填)") is None        # a mark alone makes no label


# A target table printing 计量单位 and 指标性质 before 指标值, one cell per line with bars,
# as a web page shows it (written for this test).
UNIT_FIRST = (
    "项目绩效目标表\n项目(专项)名称 |\n村道沿线绿化项目 | |||\n"
    "一级指标 |\n二级指标 |\n三级指标 |\n计量单位 |\n指标性质 |\n指标值 | | "
    "产出指标 |\n数量指标 |\n绿化公路长度 |\n米 |\n= |\n4200 | | | 栽植苗木数量 |\n株 |\n≥ |\n8000 | ||| | "
    "质量指标 |\n苗木成活率 |\n% |\n≥ |\n90 | || |\n")


def test_unit_and_comparator_before_the_value_make_its_target():
    [project] = extract_text(UNIT_FIRST, "web.txt").projects
    assert [(i.name, i.target) for i in project.indicators] == [
        ("绿化公路长度", "=4200米"), ("栽植苗木数量", "≥8000株"), ("苗木成活率", "≥90%")]


# A provincial budget target form naming its programme (一级项目) above the project itself
# (二级项目), as a web page prints it (written for this test).
TWO_LEVEL_PROJECT = (
    "省级部门预算项目支出绩效目标表(2023年度)\n"
    "一级项目名称 文化事业发展专项资金\n二级项目名称 乡镇文化站免费开放补助资金\n"
    "项目类型 新增项目\n项目主管部门 某市文化和旅游局\n"
    "一级指标 二级指标 三级指标 指标目标值\n"
    "产出指标 数量指标 免费开放天数 =300天\n满意度指标 服务对象满意度 群众满意度 ≥95%\n")


def test_the_second_level_project_is_the_project():
    [project] = extract_text(TWO_LEVEL_PROJECT, "web.txt").projects
    assert (project.name, project.department) == ("乡镇文化站免费开放补助资金", "某市文化和旅游局")
    assert [(i.name, i.target) for i in project.indicators] == [("免费开放天数", "=300天"), ("群众满意度", "≥95%")]


# A self-evaluation printed from a spreadsheet as one run of text: the header's cells are
# scattered among the head and the first rows, the scored rows are whole (written for this
# test).
SCATTERED_HEADER = (
    "某县项目支出绩效自评表 (2022年度) 项目名称 农村饮水安全维修养护 主管部门 某县水利局 年初预算 数 "
    "项目资金 (万元) 年度资金总额 实施单位 某县农村供水站 全年预算数 全年执行数 分值 执行率 得分 120 118 10 "
    "98.3% 9.8 年度 实际 指标值 完成值 指标1:维修供水工程处数 40处 42处 二级指标 三级指标 "
    "10 10 指标2:水质检测次数 24次 24次 分值 得分 10 10 "
    "指标3:工程完好率 95% 93% 10 9 指标4:农户满意度 90% 95% 10 10 指标5:工程按期完成率 100% 100% 10 10\n")


def test_a_scattered_header_still_gives_the_scored_rows():
    [project] = extract_text(SCATTERED_HEADER, "sheet.txt").projects
    assert project.name == "农村饮水安全维修养护"
    # (a row the scattered headings ran into is read as best it can be)
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in project.indicators][-3:] == [
        ("工程完好率", "95%", "93%", 10, 9),
        ("农户满意度", "90%", "95%", 10, 10), ("工程按期完成率", "100%", "100%", 10, 10)]


# A 2021-style target table printing every cost group, with 0 where a group has no
# indicator, in pipe rows (written for this test).
ZERO_COST_GROUPS = (
    "项目支出绩效目标表\n项目名称 | 安全生产宣传经费 | ||||\n"
    "年度绩效目标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 | 指标解释 | |\n"
    "成本指标(0-20)分 | 经济成本指标 | 0 | 0.00% | 0 | 反映实施项目所产生的直接经济成本 | ||\n"
    "社会成本指标 | 0 | 0.00% | 0 | 反映项目对社会发展可能造成的负面影响 | |||\n"
    "产出指标 (40-50)分 |\n数量指标 | 印发宣传资料份数 | ≥800份 | 20 | 反映宣传资料的数量 | ||\n"
    "质量指标 | 宣传覆盖率 | ≥90% | 20 | 反映宣传的覆盖面 | ||\n")


def test_cost_groups_with_zero_give_no_rows():
    [project] = extract_text(ZERO_COST_GROUPS, "web.txt").projects
    assert [(i.name, i.target) for i in project.indicators] == [("印发宣传资料份数", "≥800份"), ("宣传覆盖率", "≥90%")]


def test_a_field_run_into_the_indicator_header_ends_before_it():
    glued = TWO_LEVEL_PROJECT.replace("\n", "")       # a Word file's text on a document site
    [project] = extract_text(glued, "web.txt").projects
    assert (project.name, project.department) == ("乡镇文化站免费开放补助资金", "某市文化和旅游局")
    assert [(i.name, i.target) for i in project.indicators] == [("免费开放天数", "=300天"), ("群众满意度", "≥95%")]


@pytest.mark.parametrize("title, name, form", [
    ("某县部门(单位)整体支出绩效自评评分表", "", "department_overall"),
    ("2023年度农村公路养护项目绩效评价自评表", "农村公路养护项目", "self_evaluation")])
def test_compound_form_words_are_no_part_of_a_titles_name(title, name, form):
    text = title + ("\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
                    "产出指标 数量指标 养护公路里程 ≥120公里 126公里 20 20\n"
                    "效益指标 社会效益指标 群众出行便利度 明显提升 明显提升 20 18\n")
    [project] = extract_text(text, "web.txt").projects
    assert (project.name, project.form, len(project.indicators)) == (name, form, 2)


# A page that opens with the last row of a table begun on the page before, its header
# printed again, then the next form (written for this test).
REPEATED_HEADER_TOP = (
    "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |\n"
    "产出指标 | 经济成本指标 | 设备采购成本 | ≤ | 12 | 万元 | 完成 | 90 | 90 | ||\n"
    "合计 | 100 | |||||||||\n\n"
    "部门预算项目支出绩效自评表(2023年度) | ||||||||||\n"
    "项目名称 | 社区矫正信息化设备购置项目 | |||||||||\n"
    "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |\n"
    "产出指标 | 数量指标 | 购置终端台数 | = | 8 | 台 | 8台 | 90 | 90 | ||\n")


def test_a_page_opening_with_a_repeated_header_gives_its_rows():
    first, second = extract_text(REPEATED_HEADER_TOP, "web.txt").projects
    assert (first.name, [(i.name, i.target) for i in first.indicators]) == ("", [("设备采购成本", "≤12万元")])
    assert (second.name, [(i.name, i.target) for i in second.indicators]) == (
        "社区矫正信息化设备购置项目", [("购置终端台数", "=8台")])


# A document-sharing site's page (written for this test): page captions, prompts and its
# copyright note above the document's text.
SHARED_DOC_PAGE = (
    "乡村学校少年宫项目支出绩效自评表.doc_第1页\n\n"
    "乡村学校少年宫项目支出绩效自评表.doc_第2页\n\n"
    "已阅读2页，还剩6页未读，继续免费阅读\n\n全文预览已结束\n\n付费下载\n\n下载本文档\n\n"
    "版权说明：本文档由用户提供并上传，收益归属内容提供方\n\n文档简介\n\n"
    "全文共2150字,仅供站内会员参考\n新来的客人请【点此注册】加入会员\n刚注册会员请【刷新页面】\n"
    "项目支出绩效自评表\n项目名称 | 乡村学校少年宫运行补助 |\n"
    "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
    "产出指标 | 数量指标 | 开展活动场次 | ≥40场 | 46场 | 20 | 20 |\n"
    "| 质量指标 | 活动安全事故发生率 | 0 | 0 | 20 | 20 |\n"
)


def test_a_sharing_sites_captions_and_prompts_are_no_rows_and_offsets_stay():
    from assistant.extract.layout import blank_site_lines

    blanked = blank_site_lines(SHARED_DOC_PAGE)
    assert len(blanked) == len(SHARED_DOC_PAGE) and "第1页" not in blanked and "下载" not in blanked \
        and "预览" not in blanked and "会员" not in blanked
    assert blanked[blanked.index("项目支出绩效自评表\n"):] == SHARED_DOC_PAGE[SHARED_DOC_PAGE.index("项目支出绩效自评表\n"):]
    [project] = extract_text(SHARED_DOC_PAGE, "page.txt").projects
    assert project.name == "乡村学校少年宫运行补助"
    assert project.start >= SHARED_DOC_PAGE.index("文档简介")
    assert [i.name for i in project.indicators] == ["开展活动场次", "活动安全事故发生率"]
    # a report that speaks of downloads in its prose keeps that prose
    prose = "二、存在问题\n部分学校下载本文档所列资料后未按要求及时整理归档，台账资料不完整，影响了项目资金的规范管理和绩效评价工作的开展。\n"
    assert blank_site_lines(prose) == prose


# Two target tables of one unit printed one after the other (pipes), the second opening with
# the unit's code and name and 「单位:万元」 in a cell of its own (written for this test).
TWO_TABLES = (
    "项目名称 | 档案数字化加工 |\n"
    "一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
    "产出指标 | 数量指标 | 数字化档案卷数 | ≥3000卷 |\n"
    "满意度指标 | 服务对象满意度指标 | 查档群众满意度 | ≥95% |\n"
    "306001某县档案馆 | 单位:万元 |\n"
    "项目名称 | 档案库房设备维护 |\n"
    "一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
    "产出指标 | 数量指标 | 维护设备台数 | ≥40台 |\n"
    "产出指标 | 质量指标 | 设备完好率 | ≥98% |\n"
)


@pytest.mark.parametrize("layout", ["as printed", "tab"])
def test_a_unit_declaration_in_a_cell_of_its_own_ends_the_table_above(layout):
    text = TWO_TABLES if layout == "as printed" else TWO_TABLES.replace(" | ", "\t").replace(" |", "")
    projects = extract_text(text, "two.txt").projects
    assert [[i.name for i in p.indicators] for p in projects] == [
        ["数字化档案卷数", "查档群众满意度"], ["维护设备台数", "设备完好率"]]


def test_the_wrapped_heading_of_the_deviation_column_ends_a_cell_per_line_table():
    text = ("项目名称\n\n校舍维修\n\n一级指标\n\n二级指标\n\n三级指标\n\n年初目标值\n\n实际完成值\n\n"
            "产出指标\n\n数量指标\n\n维修校舍面积\n\n≥800平方米\n\n820平方米\n\n"
            "满意度指标\n\n满意度指标\n\n教师满意度\n\n≥95%\n\n96%\n\n"
            "偏差大或\n\n目标未完成\n\n原因分析\n\n无\n")
    [project] = extract_text(text, "cells.txt").projects
    assert [i.name for i in project.indicators] == ["维修校舍面积", "教师满意度"]


def test_a_header_run_into_the_name_of_a_flattened_row_is_no_indicator():
    # a flattened page: the 年度 block's header runs on after the 长期 block's last value
    text = ("项目名称村级道路硬化项目主管部门某镇人民政府项目绩效目标长期目标年度目标完善道路网络完成道路硬化"
            "长期绩效指标一级指标二级指标指标内容指标值备注产出指标数量指标硬化道路里程≥12公里质量指标工程验收合格率100%"
            "效益指标社会效益指标群众出行条件明显改善年度绩效指标一级指标二级指标指标内容指标值备注产出指标数量指标"
            "硬化道路里程≥4公里\n")
    names = [i.name for p in extract_text(text, "flat.txt").projects for i in p.indicators]
    assert names[:2] == ["硬化道路里程", "工程验收合格率"]
    assert not any("一级指标" in n for n in names)


@pytest.mark.parametrize("text, name", [
    ("项目名称：《县志》编纂经费 主管部门：某县史志办\n一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
     "产出指标 | 数量指标 | 编纂卷数 | ≥2卷 |\n产出指标 | 质量指标 | 审读通过率 | 100% |\n", "《县志》编纂经费"),
    ("项目名称【体制】道路保洁外包经费主管部门某街道办事处一级指标二级指标三级指标指标值"
     "产出指标数量指标保洁道路条数20条质量指标保洁达标率≥95%\n", "【体制】道路保洁外包经费"),
])
def test_a_name_opening_with_a_bracket_or_title_mark_keeps_it(text, name):
    [project] = extract_text(text, "x.txt").projects
    assert project.name == name and text[project.name_start:project.name_end] == name


def test_a_target_tables_budget_printed_after_its_label_is_read_alone():
    text = ("项目名称 | 社区矫正教育经费 |\n预算规模及资金用途 | 预算数 | 24.00 | 其中:财政资金 | 24.00 | 其他资金 | |\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 开展集中教育次数 | ≥12次 |\n"
            "产出指标 | 质量指标 | 教育对象参与率 | ≥95% |\n")
    [project] = extract_text(text, "target.txt").projects
    assert project.budget is not None and (project.budget.adjusted, project.budget.executed,
                                           project.budget.rate) == (24, None, None)
    # a self-evaluation whose execution is printed but not read gives no half budget
    unread = text.replace("其他资金 | |", "执行数 | — |")
    assert extract_text(unread, "self.txt").projects[0].budget is None


def test_a_forms_money_unit_may_be_declared_on_the_line_above_it():
    text = ("108001某县司法局 | 单位:万元 |\n项目名称 | 社区矫正教育经费 |\n"
            "预算规模及资金用途 | 预算数 | 24.00 | 其中:财政资金 | 24.00 | 其他资金 | |\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 开展集中教育次数 | ≥12次 |\n"
            "产出指标 | 质量指标 | 教育对象参与率 | ≥95% |\n")
    [project] = extract_text(text, "target.txt").projects
    assert (project.budget.adjusted, project.budget.unit) == (24, "万元")


def test_a_templates_choice_boxes_and_an_empty_name_field_give_no_project_name():
    # a blank 区域绩效目标自评表 template: 专项名称 offers choices, 项目名称 is left empty
    text = ("中央引导地方科技发展资金区域绩效目标自评表\n专项名称 | □自由探索类基础研究 □科技创新基地建设 |\n"
            "项目名称 | | 归口管理部门 | 某省科学技术厅 |\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 | 全年实际完成值 |\n"
            "产出指标 | 数量指标 | 支持基础研究项目数量 | ≥20个 | 22个 |\n"
            "产出指标 | 质量指标 | 项目验收通过率 | ≥90% | 95% |\n")
    projects = extract_text(text, "template.txt").projects
    # the name is the title's (its form words 区域绩效目标自评表 left out), not a choice or a label
    assert [p.name for p in projects] == ["中央引导地方科技发展资金"]
    assert [i.name for i in projects[0].indicators] == ["支持基础研究项目数量", "项目验收通过率"]
    [named] = extract_text(text.replace("项目名称 | |", "项目名称 | 基础研究专项 |"), "form.txt").projects
    assert (named.name, named.department) == ("基础研究专项", "某省科学技术厅")


# A target table whose value columns are the half year's and the full year's, the note
# (程) printed inside each heading, one cell per line with blank lines between cells as a
# web page prints it (written for this test).
HALF_AND_FULL_YEAR = "\n\n".join([
    "项目支出绩效目标表", "项目名称", "社区图书室运行经费", "一级指标", "二级指标", "三级指标",
    "半年(程) 指标值", "全年(程) 指标值",
    "产出指标", "数量指标", "开放天数", "≥150天", "≥300天",
    "质量指标", "图书外借完好率", "≥95%", "≥98%",
    "满意度指标", "服务对象满意度", "读者满意度", "≥85%", "≥90%"]) + "\n"


def test_the_full_years_column_is_the_target_where_the_half_years_stands_before_it():
    assert _rows(HALF_AND_FULL_YEAR, "name", "target", name="web.txt") == [
        ("开放天数", "≥300天"), ("图书外借完好率", "≥98%"), ("读者满意度", "≥90%")]


# A report's closing list of attachments, then the first of them, one cell per line with
# bars, its name in a 政策(项目)名称 field (written for this test).
ATTACHED_FORM = "\n".join([
    "五、其他需要说明的问题", "无", "附件:1.社区图书室运行项目绩效目标自评表", "2.2024年度社区图书室运行项目评分表",
    "附件1", "社区图书室运行项目绩效目标自评表 |", "|||||||", "政策(项目)名称 |", "社区图书室运行 |", "||||||",
    "项目主管部门 |", "某区文化馆 |", "一级指标 |", "二级指标 |", "三级指标 |", "年度指标值 |", "实际完成值 |",
    "产出指标 |", "数量指标 |", "开放天数 |", "≥300天 |", "310天 |"]) + "\n"


def test_a_policy_name_field_names_the_form_and_a_lists_numbering_is_no_part_of_a_title():
    [project] = extract_text(ATTACHED_FORM, "web.txt").projects
    assert (project.name, project.department) == ("社区图书室运行", "某区文化馆")
    assert [(i.name, i.target, i.actual) for i in project.indicators] == [("开放天数", "≥300天", "310天")]
    # without its name field the form is named by the title in the list, numbering left out
    untitled = ATTACHED_FORM.replace("政策(项目)名称 |\n社区图书室运行 |\n", "")
    assert [p.name for p in extract_text(untitled, "web.txt").projects] == ["社区图书室运行项目"]


def test_a_funds_name_field_names_a_regional_target_table():
    # the 区域绩效目标表 of a special fund, one cell per line with bars (written for this test)
    text = "\n".join([
        "2024年省级林业专项资金区域绩效目标表 | |||||", "资金名称 |", "省级林业专项资金(森林防火、有害生物防治) | ||||",
        "主管部门 |", "某县林业局 | ||||", "一级指标 |", "二级指标 |", "三级指标 |", "指标值 |",
        "产出指标 |", "数量指标 |", "防火隔离带建设长度 |", "≥12公里 |"]) + "\n"
    [project] = extract_text(text, "web.txt").projects
    assert (project.name, project.department) == ("省级林业专项资金(森林防火、有害生物防治)", "某县林业局")
    assert [(i.name, i.target) for i in project.indicators] == [("防火隔离带建设长度", "≥12公里")]


def test_a_form_repeated_in_a_pages_summary_field_is_one_project():
    # a disclosure page's metadata table whose 内容概述 repeats the form's opening, then the
    # form itself, one cell per line with bars (written for this test)
    text = "\n".join([
        "索引号 | 113400000000000000/202401-00001 | 发布机构 | 某县农业农村局 |",
        "内容概述 | 动物防疫补助项目绩效自评表(2023年度)项目名称动物防疫补助中央主管部门农业农村部资金使用单位某县畜牧兽医服务中心 |",
        "动物防疫补助项目绩效自评表 |", "项目名称 |", "动物防疫补助 |",
        "一级指标 |", "二级指标 |", "三级指标 |", "年度指标值 |", "实际完成值 |",
        "产出指标 |", "数量指标 |", "强制免疫密度 |", "≥90% |", "95% |"]) + "\n"
    projects = extract_text(text, "web.txt").projects
    assert [(p.name, len(p.indicators)) for p in projects] == [("动物防疫补助", 1)]
    # two forms of one name that each give rows (a 申报表 and its 自评表) both stay
    twice = text + "\n".join(["动物防疫补助项目绩效目标申报表 |", "项目名称 |", "动物防疫补助 |",
                              "一级指标 |", "二级指标 |", "三级指标 |", "年度指标值 |",
                              "产出指标 |", "数量指标 |", "强制免疫密度 |", "≥90% |"]) + "\n"
    assert [(p.name, len(p.indicators)) for p in extract_text(twice, "web.txt").projects] == [
        ("动物防疫补助", 1), ("动物防疫补助", 1)]


# A self-evaluation form in spaced rows whose key indicators (★) group the rows below them
# and carry only their group's weight and score (written for this test).
KEY_GROUPS = (
    "项目名称 2024年某社区特色种养补贴项目 主管部门 某县农业农村局\n"
    "一级指标 二级指标 三级指标 分值 年度指标值 全年实际值 得分 未完成原因及拟采取的改进措施\n"
    "产出指标 数量指标 ★补助粮食作物种植面积 10 10\n"
    "        玉米种植面积 8亩 8亩\n"
    "★补助果蔬种植面积 10 10\n"
    "        梨树种植面积 6亩 6亩\n"
    "        桃树种植面积 2亩 2亩\n"
    "★补助畜禽养殖数量 10 10\n"
    "        生猪养殖数量 60头 60头\n")


def test_a_key_indicators_mark_starts_a_row_and_is_never_a_reason():
    report = extract_text(KEY_GROUPS, "spaced.txt")
    names = [i.name for p in report.projects for i in p.indicators]
    assert names == ["补助粮食作物种植面积", "玉米种植面积", "补助果蔬种植面积", "梨树种植面积", "桃树种植面积",
                     "补助畜禽养殖数量", "生猪养殖数量"]
    assert [i.key for p in report.projects for i in p.indicators] == [True, False, True, False, False, True, False]
    assert [s.text for s in report.statements] == []


@pytest.mark.parametrize("title, names", [
    ("湖北某县残疾人宣传文化经费项目2023年度绩效自评报告", ["湖北某县残疾人宣传文化经费"]),
    ("某县2023年农村电商提质增效工程绩效评价自评报告", ["农村电商提质增效工程"]),
    ("某县农业保险保费补贴2023年度绩效自评报告", ["某县农业保险保费补贴"]),
    ("【#某文档网# 导语】以下是某文档网为您整理的《老年人日间照料中心项目绩效自评报告》,欢迎阅读!",
     ["老年人日间照料中心项目"]),
    ("某县农业农村局2023年度专项资金绩效评价报告", []),          # a unit's report on its funds
    ("某县红十字会2023年度财政资金绩效评价报告", []),
])
def test_a_reports_title_names_the_project_it_reports_on(title, names):
    # a self-evaluation report with no form: its title, a sentence, a problem (written for this test)
    text = f"{title}\n一、项目基本情况\n项目于2023年3月开工。\n二、存在问题\n部分资金拨付进度较慢。\n"
    assert [p.name for p in extract_text(text, "report.txt").projects] == names


def test_a_titles_about_is_no_part_of_the_name_it_gives():
    text = ("关于城区路灯电费项目支出绩效评价报告\n"
            "一级指标 二级指标 三级指标 分值 得分\n"
            "产出 数量 路灯亮灯盏数 20 20\n"
            "产出 质量 亮灯率 20 18\n")
    assert [p.name for p in extract_text(text, "report.txt").projects] == ["城区路灯电费"]


# A self-evaluation report that sets out its targets in a table of its own, one cell per
# line with bars: a numbering column, the name and the annual target (written for this test).
REPORT_TARGET_TABLE = "\n".join([
    "某县残疾人文化宣传经费项目2023年度绩效自评报告", "一、基本情况", "（一）绩效目标情况",
    "县残联根据实际情况设定绩效目标及指标，具体如下表所示：", "表1：绩效目标",
    "序号 |", "三级指标 |", "年度指标值 |",
    "1 |", "助残日宣传活动次数 |", "2次 |",
    "2 |", "残疾人文化活动参与人数 |", "300人 |",
    "3 |", "宣传培训合格率 |", "100% |"]) + "\n"


def test_a_reports_own_target_table_with_a_numbering_column_gives_its_rows_to_the_titles_project():
    [project] = extract_text(REPORT_TARGET_TABLE, "report.txt").projects
    assert project.name == "某县残疾人文化宣传经费"
    assert [(i.name, i.target) for i in project.indicators] == [
        ("助残日宣传活动次数", "2次"), ("残疾人文化活动参与人数", "300人"), ("宣传培训合格率", "100%")]


def test_a_regional_forms_level_department_ends_the_name_run_into_it():
    # a 区域绩效目标表 whose cells ran together (written for this test)
    text = ("专项名称某某农业发展专项资金省级主管部门某省农业农村厅省级财政部门某省财政厅"
            "一级指标二级指标三级指标指标值产出指标数量指标培训农户人数≥500人质量指标培训合格率≥95%\n")
    [project] = extract_text(text, "glued.txt").projects
    assert (project.name, project.department) == ("某某农业发展专项资金", "某省农业农村厅")
    assert [(i.name, i.target) for i in project.indicators] == [("培训农户人数", "≥500人"), ("培训合格率", "≥95%")]


def test_a_first_level_label_wrapped_before_its_suffix_is_no_part_of_the_value_above():
    # a target table in spaced rows: 「项目效益」 / 「指标」 wrapped over two lines (written for this test)
    text = ("项目名称 麻风病防治\n一级指标 二级指标 三级指标 指标值\n"
            "项目产出 数量指标 麻风病例随访人数 ≥30人\n"
            "成本指标 人均随访成本 严格按照预算标准落实\n"
            "项目效益\n指标\n"
            "社会效益指标 患者生活质量 明显改善\n")
    assert _rows(text, "level1", "name", "target") == [
        ("项目产出", "麻风病例随访人数", "≥30人"), ("项目产出", "人均随访成本", "严格按照预算标准落实"),
        ("项目效益指标", "患者生活质量", "明显改善")]


# 浙江's 项目库 申报表: 指标类型 · 指标名称 · 指标值 · 指标描述, the name column holding the
# second-level label and the description saying what is measured (written for this test)
DESCRIBED_FORM = "\n".join([
    "项目名称: | 公园保洁经费 | 项目编号: |",
    "指标类型 | 指标名称 | 指标值 | 指标描述 |",
    "产出指标 | 数量指标 | 120万平方米 | 完成全区120万平方米公园绿地的日常保洁 |",
    "质量指标 | 100% | 保洁作业检查合格 |",
    "效益指标 | 社会效益指标 | 是 | 改善市民休闲游憩环境 |",
    "可持续性发展影响指标 | 是 | 建立公园保洁长效管理机制 |",
    "满意度指标 | 服务对象或受益者满意度指标 | ≥90% | 游园群众对公园保洁工作的满意率在90%以上 |",
    "最近年度绩效评价情况 | 优秀□ 良好□ 合格□ |"]) + "\n"


@pytest.mark.parametrize("layout", ["pipe", "tab"])
def test_a_described_tables_label_in_the_name_column_gives_the_name_to_its_description(layout):
    text = DESCRIBED_FORM if layout == "pipe" else DESCRIBED_FORM.replace(" | ", "\t").replace(" |\n", "\n")
    assert _rows(text, "level2", "name", "target") == [
        ("数量指标", "完成全区120万平方米公园绿地的日常保洁", "120万平方米"),
        ("质量指标", "保洁作业检查合格", "100%"),
        ("社会效益指标", "改善市民休闲游憩环境", "是"),
        ("可持续性发展影响指标", "建立公园保洁长效管理机制", "是"),
        ("服务对象或受益者满意度指标", "游园群众对公园保洁工作的满意率在90%以上", "≥90%")]


def test_a_description_beside_a_named_indicator_stays_a_note():
    text = "\n".join([
        "项目名称: | 公园保洁经费 |",
        "指标类型 | 指标名称 | 指标值 | 指标描述 |",
        "产出指标 | 保洁面积 | 120万平方米 | 完成全区公园绿地的日常保洁 |",
        "满意度指标 | 游园群众满意度 | ≥90% | 游园群众对保洁工作的满意程度 |"]) + "\n"
    assert _rows(text, "name", "target") == [("保洁面积", "120万平方米"), ("游园群众满意度", "≥90%")]
    tabbed = text.replace(" | ", "\t").replace(" |\n", "\n")
    assert _rows(tabbed, "name", "target") == [("保洁面积", "120万平方米"), ("游园群众满意度", "≥90%")]


# A 区域绩效自评表 whose 权重 column prints shares of the total, its cells run together as a
# web page's text flattens them (written for this test)
SHARE_WEIGHTS = ("专项名称某县创业担保贷款贴息资金省级主管部门某省财政厅"
                 "一级指标二级指标三级指标指标值完成值权重得分"
                 "产出指标数量指标创业担保贷款发放笔数≥200笔236笔20%20"
                 "质量指标贷款按期回收率≥95%98.50%20%20"
                 "效益指标社会效益指标带动就业人数≥300人412人10%10\n")


def test_a_weight_printed_as_a_share_is_read_with_its_score():
    assert _rows(SHARE_WEIGHTS, "name", "target", "actual", "weight", "score", name="glued.txt") == [
        ("创业担保贷款发放笔数", "≥200笔", "236笔", 20.0, 20.0),
        ("贷款按期回收率", "≥95%", "98.50%", 20.0, 20.0),
        ("带动就业人数", "≥300人", "412人", 10.0, 10.0)]


def test_a_weight_printed_as_a_share_in_its_own_cell_is_read_with_a_lower_score():
    text = ("项目名称\t某县创业担保贷款贴息资金\n一级指标\t二级指标\t三级指标\t指标值\t完成值\t权重\t得分\n"
            "产出指标\t数量指标\t创业担保贷款发放笔数\t≥200笔\t236笔\t20%\t20\n"
            "\t质量指标\t贷款按期回收率\t≥95%\t91%\t20%\t18\n")
    assert _rows(text, "name", "target", "actual", "weight", "score") == [
        ("创业担保贷款发放笔数", "≥200笔", "236笔", 20.0, 20.0), ("贷款按期回收率", "≥95%", "91%", 20.0, 18.0)]


def test_the_cover_of_an_evaluation_report_names_project_unit_and_department():
    # the cover of a 财政支出项目绩效评价报告 as a document site runs it together (written for this test)
    text = ("财政支出项目绩效评价报告评价类型:□实施过程评价完成结果评价项目名称:某县困难残疾人生活补贴项目"
            "项目单位:某县民政局主管部门:某县人民政府评价时间:2023年5月8日至2023年5月20日组织方式:财政部门□"
            "一级指标二级指标三级指标分值得分投入项目立项立项程序规范性55\n")
    [project] = extract_text(text, "cover.txt").projects
    assert (project.name, project.unit, project.department) == ("某县困难残疾人生活补贴项目", "某县民政局", "某县人民政府")


def test_a_fields_bracketed_note_is_no_part_of_its_value():
    text = "项目名称 | 社区图书室运行 |\n项目单位(盖章): | 某区文化馆 |\n一级指标 | 二级指标 | 三级指标 | 指标值 |\n" \
           "产出指标 | 数量指标 | 开放天数 | ≥300天 |\n"
    [project] = extract_text(text, "web.txt").projects
    assert project.unit == "某区文化馆"


# The 国家发展改革委 template for a 中央预算内投资计划's targets, one cell per line as a county's
# disclosure page prints it, the page's links below (written for this test)
INVESTMENT_TARGETS = "\n\n".join([
    "项目名称", "某县2024年以工代赈示范工程某镇灌溉渠道修复工程", "一级指标", "二级指标", "三级指标", "指标值",
    "实施效果指标", "产出指标", "劳务报酬占中央投资比例", "≥30%",
    "满意度指标", "参与工程建设群众满意度", "≥90%",
    "过程管理指标", "计划管理指标", "投资计划分解下达用时", "≤20工作日",
    "监督检查指标", "审计、督查等指出问题项目比例", "≤1%",
    "文件下载", "政策咨询", "如果您对该政策文件有疑问,可以拨打标题上方的电话咨询相关部门。"]) + "\n"


def test_a_central_investment_plans_target_table_and_the_pages_links_below_it():
    rows = _rows(INVESTMENT_TARGETS, "name", "target", "category", name="web.txt")
    assert [r[:2] for r in rows] == [
        ("劳务报酬占中央投资比例", "≥30%"), ("参与工程建设群众满意度", "≥90%"),
        ("投资计划分解下达用时", "≤20工作日"), ("审计、督查等指出问题项目比例", "≤1%")]
    assert [r[2] for r in rows[2:]] == ["项目管理", "项目管理"]      # 计划管理, 监督检查


# A 部门整体支出绩效自评表 from a PDF, rows laid out with spaces, its 绩效目标值 and 实际完成值
# headings wrapped onto a second header line (written for this test)
WRAPPED_HEADINGS = (
    "部门(单位)名称 某市气象局\n"
    "年度绩效指标完成情况 一级指标 二级指标 三级指标 绩效 实际 评分标准 指标分值 自评得分 未完成原因\n"
    "目标值 完成值\n"
    "产出目标 数量目标 人工增雨作业次数 12次 14次 本指标满分8分,每少一次扣1分,扣完为止。 8 8 已完成\n"
    "气象灾害预警信息发布条数 300条 286条 本指标满分6分,每少10条扣1分,扣完为止。 6 5 部分预警合并发布\n")


@pytest.mark.parametrize("layout", ["spaces", "tab"])
def test_headings_wrapped_onto_a_second_header_line_keep_their_columns_order(layout):
    # the TAB export keeps the wrapped line's columns: 目标值 under 绩效, 完成值 under 实际
    text = WRAPPED_HEADINGS if layout == "spaces" else "\n".join("\t".join(cells) for cells in [
        ["部门(单位)名称", "某市气象局"],
        ["一级指标", "二级指标", "三级指标", "绩效", "实际", "评分标准", "指标分值", "自评得分", "未完成原因"],
        ["", "", "", "目标值", "完成值"],
        ["产出目标", "数量目标", "人工增雨作业次数", "12次", "14次", "本指标满分8分,每少一次扣1分,扣完为止。", "8", "8", "已完成"],
        ["", "", "气象灾害预警信息发布条数", "300条", "286条", "本指标满分6分,每少10条扣1分,扣完为止。", "6", "5",
         "部分预警合并发布"]]) + "\n"
    assert _rows(text, "name", "target", "actual", "weight", "score", "reason") == [
        ("人工增雨作业次数", "12次", "14次", 8, 8, ""),
        ("气象灾害预警信息发布条数", "300条", "286条", 6, 5, "部分预警合并发布")]


# 福建's older 财政支出项目绩效目标表: 绩效目标 · 评价指标 · 绩效内容 · 绩效标准 · 全年绩效目标, each
# group's targets numbered 目标1, 目标2 … in a column of their own (written for this test)
NUMBERED_TARGETS = (
    "专项名称 某省侨联归侨侨眷帮扶经费\n"
    "绩效目标 评价指标 绩效内容 绩效标准 全年绩效目标\n"
    "投入 成本目标 目标1 发放困难归侨生活补助 按标准发放 100%\n"
    "目标2 开展归侨侨眷技能培训 按计划开展 100%\n"
    "产出 数量目标 目标1 帮扶困难归侨侨眷人数 应帮尽帮 ≥300人\n")


def test_a_target_tables_numbering_of_each_groups_targets_is_no_cell():
    assert _rows(NUMBERED_TARGETS, "name", "target") == [
        ("发放困难归侨生活补助", "100%"), ("开展归侨侨眷技能培训", "100%"), ("帮扶困难归侨侨眷人数", "≥300人")]


def test_a_targets_numbering_opens_its_row_and_is_never_a_note():
    # a standard worded at length before the target: 「目标2」 stands before the next name
    text = ("专项名称 某省侨联归侨侨眷帮扶经费\n"
            "绩效目标 评价指标 绩效内容 绩效标准 全年绩效目标\n"
            "投入 成本目标 目标1 发放困难归侨、高龄归侨生活补助 100% 按实际情况发放\n"
            "目标2 开展联谊活动、技能培训、困难学生助学金 100% 100%\n"
            "产出 数量目标 目标1 困难归侨、高龄归侨补助受益 困难户每月每人200元、高龄补贴(无退休金每月每人300元、有退休金200元) "
            "困难归侨420人、高龄归侨1650人、困难学生助学88人、困难归侨技能培训76人\n"
            "目标2 凝聚侨心、增进乡情 开展中秋联谊活动1次、夏令营活动1次、技能培训2期 开展中秋联谊活动1次、夏令营活动1次、技能培训2期\n"
            "目标3 困难学生助学款 定\n")
    assert _rows(text, "name", "target")[2:4] == [
        ("困难归侨、高龄归侨补助受益", "困难归侨420人、高龄归侨1650人、困难学生助学88人、困难归侨技能培训76人"),
        ("凝聚侨心、增进乡情", "开展中秋联谊活动1次、夏令营活动1次、技能培训2期")]


def test_the_older_frameworks_score_table_prints_a_weight_after_every_level():
    # an evaluation report's score table of the 2011–2019 framework (投入 → 项目立项 · 资金落实),
    # rows laid out with spaces (written for this test)
    text = ("项目名称 某县残疾人生活补贴项目\n一级指标 分值 二级指标 分值 三级指标 分值 得分\n"
            "投入 20 项目立项 12 项目立项规范性 6 6\n绩效目标合理性 6 5\n资金落实 8 资金到位率 8 8\n")
    assert _rows(text, "level2", "name", "weight", "score", "category") == [
        ("项目立项", "项目立项规范性", 6, 6, "投入管理"), ("项目立项", "绩效目标合理性", 6, 5, "投入管理"),
        ("资金落实", "资金到位率", 8, 8, "投入管理")]


# A merged label cell that PDF text prints in two lines around the row it spans: the halves
# are no labels, together they are one (written for this test).
SPLIT_LABEL_FORM = """部门专项资金绩效目标申报表
项目名称
社区养老服务补助资金
一级指标
二级指标
指标内容
指标值
产出指标
数量指标
新增社区养老服务站
6个
质量指标
服务站验收合格率
100%
效益指标
可持续影响指标
运营管理制度健全性
健全
社会公众或服务
老年人满意度
≥90%
对象满意度指标
"""


SPLIT_LABEL_TAB = ("部门专项资金绩效目标申报表\n项目名称\t社区养老服务补助资金\n一级指标\t二级指标\t指标内容\t指标值\n"
                   "产出指标\t数量指标\t新增社区养老服务站\t6个\n\t质量指标\t服务站验收合格率\t100%\n"
                   "效益指标\t可持续影响指标\t运营管理制度健全性\t健全\n\t社会公众或服务\t\t\n"
                   "\t\t老年人满意度\t≥90%\n\t对象满意度指标\t\t\n")
SPLIT_LABEL_SPACES = ("部门专项资金绩效目标申报表\n项目名称  社区养老服务补助资金\n一级指标  二级指标  指标内容  指标值\n"
                      "产出指标  数量指标  新增社区养老服务站  6个\n          质量指标  服务站验收合格率  100%\n"
                      "效益指标  可持续影响指标  运营管理制度健全性  健全\n          社会公众或服务\n"
                      "                    老年人满意度  ≥90%\n          对象满意度指标\n")


@pytest.mark.parametrize("text", [SPLIT_LABEL_FORM, SPLIT_LABEL_TAB, SPLIT_LABEL_SPACES],
                         ids=["cell-per-line", "tab", "spaces"])
def test_a_label_printed_in_two_halves_around_its_row_is_one_label(text):
    [project] = extract_text(text, "养老.txt").projects
    rows = {i.name: i for i in project.indicators}
    assert list(rows) == ["新增社区养老服务站", "服务站验收合格率", "运营管理制度健全性", "老年人满意度"]
    assert rows["老年人满意度"].category == "满意度" and rows["老年人满意度"].target == "≥90%"
    assert rows["运营管理制度健全性"].target == "健全"


# 四川's 转移支付 评价表 prints a row number, amounts the budget is not (统筹整合资金数, 全年到位资金)
# and the arrival rate before the execution; an empty optional column drops out of the row
# (written for this test).
TRANSFER_BUDGET = """某县交通运输局2024年度农村公路养护资金绩效评价表
年度:2024年
资金投入情况
(万元)

行次 全年预算数
(A)
统筹整合资金数
(B)
扣除统筹整合资金后预算金额
(C)
全年到位资金
(D)
预算到位
(D/C×100%)
全年执行资金
(E)
预算执行
(E/C×100%)
佐证材料
列次 0 1 2 3 4 5 6 7 所需材料
年度资金总额(万元): 1 120.000000
120.000000 120.000000 100.00% 96.000000 80.00%
其中:中央财政资金(万元) 2 120.000000
120.000000 120.000000 100.00% 96.000000 80.00% 资金下达文件、支出凭证

资金管理情况
情况说明 存在问题 改进措施
列次 8 9 10
分配科学性 5 资金分配规范性 按照资金管理办法规定分配资金
6 资金分配合理性 按照规定的范围和标准分配资金
"""


def test_a_budget_row_with_a_row_number_other_amounts_and_an_arrival_rate():
    [project] = extract_text(TRANSFER_BUDGET, "公路.txt").projects
    b = project.budget
    assert (b.adjusted, b.executed, b.rate, b.unit) == (120.0, 96.0, 80.0, "万元")
    assert not hasattr(b, "other_amount") and "other_rate" not in b.to_dict()


# A 批复表 whose value heading spans two sub-headings printed on the line below the header
# (written for this test).
SUBHEADED_VALUES = (
    "项目支出绩效目标批复表 | ||||||\n"
    "项目名称 | 农民夜校培训 | ||||\n"
    "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 指标标准或依据 |\n"
    "2023年实际实现值 | 预期2024年实现值 | |||||\n"
    "产出指标 | 数量指标 | 培训农民人次 | 1200人次 | ||||\n"
    "质量指标 | 培训合格率 | 95% | |||||\n"
)


def test_sub_headings_under_a_merged_heading_are_no_indicator():
    rows = _rows(SUBHEADED_VALUES, "name", "target")
    assert rows == [("培训农民人次", "1200人次"), ("培训合格率", "95%")]


# The second page of a 自评表 whose 指标性质 · 指标值 · 度量单位 columns stand apart, its
# header and the first row's label on the page before; the page lost its empty 完成值 cells
# (written for this test).
SPLIT_TARGET_PAGE = (
    "项目名称 | 城乡居民医保参保工作经费 | ||||\n"
    "参保缴费资料归档及时率 | = | 100 | % | 5 | ||||||\n"
    "成本指标 | 参保宣传印刷成本 | ≤ | 30000 | 元 | 5 | |||||\n"
    "参保缴费代办成本 | = | 2 | 元/人 | 5 | ||||||\n"
    "效益指标 | 社会效益指标 | 参保政策群众知晓率 | ≥ | 90 | % | 15 | ||||\n"
    "满意度指标 | 服务对象满意度指标 | 参保群众满意度 | ≥ | 90 | % | 10 | ||||\n"
)


def test_a_continued_page_keeps_the_rows_above_its_first_label():
    text = SPLIT_TARGET_PAGE.split("\n", 1)[1]
    [project] = extract_text(text, "续页.txt").projects
    rows = [(i.name, i.target, i.actual, i.weight) for i in project.indicators]
    assert rows[0] == ("参保缴费资料归档及时率", "=100%", None, 5)
    assert ("参保缴费代办成本", "=2元/人", None, 5) in rows
    assert len(rows) == 5
    # a web page's counters above such a page are no row, though they hold a number
    for head in ("浏览次数 | 120 | ||||\n", "阅读量：1200 | ||||\n"):
        [project] = extract_text(head + text, "续页.txt").projects
        assert [i.name for i in project.indicators][0] == "参保缴费资料归档及时率"


# A converter's 「═」 for ＝ in a 指标性质 cell (written for this test).
BOX_EQUALS = (
    "项目名称 | 学生营养餐补助资金 | ||||\n"
    "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 分值 | 得分 |\n"
    "| 产出指标 | 数量指标 | 受助学生人数 | ≧ | 1200 | 人 | 1230 | 20 | 20 |\n"
    "| 成本指标 | 生均补助标准达标率 | ═ | 100 | % | 100% | 10 | 10 |\n"
)


def test_a_box_drawing_equals_sign_is_a_comparator():
    rows = _rows(BOX_EQUALS, "name", "target", "actual")
    assert rows == [("受助学生人数", "≧1200人", "1230"), ("生均补助标准达标率", "═100%", "100%")]


# Rows numbered 指标1. 指标2. … laid out with spaces; some left with empty cells, one cost
# per person and day (written for this test).
NUMBERED_SPACED = (
    "项目名称 食品安全抽检经费\n"
    "一级\n指标\n二级指标 三级指标 指标值 完成值\n"
    "质量指标 指标1.食品抽检完成率 100% 100%\n"
    "指标2.不合格食品处置率\n"
    "指标3.抽检结果公开率 100% 100%\n"
    "成本指标 指标1.检验人员培训成本 300元/人、天 260元/人、天\n"
    "指标2.单批次抽检平均费用\n"
    "指标3.快检试剂平均费用\n"
)


def test_numbered_rows_with_empty_cells_stay_rows_and_a_cost_per_day_is_a_value():
    rows = _rows(NUMBERED_SPACED, "name", "target", "actual")
    assert rows == [("食品抽检完成率", "100%", "100%"), ("不合格食品处置率", None, None),
                    ("抽检结果公开率", "100%", "100%"), ("检验人员培训成本", "300元/人、天", "260元/人、天"),
                    ("单批次抽检平均费用", None, None), ("快检试剂平均费用", None, None)]


@pytest.mark.parametrize("layout", ["tab", "pipe", "pipe_bare", "cells_bar", "spaces"])
def test_a_self_evaluation_exported_by_a_budget_system_with_notes_in_its_headings(layout):
    # the columns a provincial budget system exports (计算符号, a 分值 heading followed by the
    # weights of each family, 扣减分数, a completion's description beside the reason; rows
    # written for this test): the comparator joins the target, the description is no reason
    rows = [["项目名称", "社区养老服务运营补助"],
            ["一级指标", "二级指标", "三级指标名称", "计算符号", "指标值",
             "*实际完成值（定量填数字，定性填达成、部分达成、未达成）", "计量单位",
             "*分值 数量(20)、质量(10)、效益(30)", "*指标得分（定量系统自动计算，定性必填）", "扣减分数",
             "完成情况简要描述（定量选填，定性必填）", "偏差原因及改进措施（指标未完成时必填）"],
            ["产出指标", "数量指标", "服务老人人次", "≥", "8000", "7400", "人次", "20", "18", "2", "",
             "冬季部分老人随子女外出，到站人次减少"],
            ["", "质量指标", "服务投诉处理率", "=", "100", "100", "%", "10", "10", "0", "", ""],
            ["效益指标", "社会效益指标", "老人生活质量改善", "定性", "有效改善", "达成", "", "30", "30", "0",
             "", ""]]
    text = render([rows], layout)
    found = _rows(text, "name", "target", "actual", "weight", "score", "reason", name="export.txt")
    assert found == [("服务老人人次", "≥8000人次", "7400", 20, 18, "冬季部分老人随子女外出，到站人次减少"),
                     ("服务投诉处理率", "=100%", "100", 10, 10, ""),
                     ("老人生活质量改善", "定性有效改善", "达成", 30, 30, "")]
    reasons = [s.text for s in extract_text(text, "export.txt").statements if s.kind == "reason"]
    assert reasons == ["冬季部分老人随子女外出，到站人次减少"]
    if layout == "tab":
        # where every column keeps its place, the completion's description beside an empty
        # reason column is no reason (where a stream drops the empty cells, the two cannot
        # be told apart)
        rows[-1][-2] = "老人就餐和照护条件改善"
        text = render([rows], layout)
        assert _rows(text, "reason", name="export.txt")[-1] == ("",)
        assert [s.text for s in extract_text(text, "export.txt").statements if s.kind == "reason"] == \
            ["冬季部分老人随子女外出，到站人次减少"]


def test_a_monitoring_form_reads_its_figure_so_far_and_its_reason():
    # a 绩效运行监控表 as the budget system exports it (rows written for this test): 计算符号,
    # the figure so far (当前完成值), a forecast, and 偏差原因说明
    text = ("项目名称\t农村公路日常养护\n"
            "一级指标\t二级指标\t三级指标名称\t计算符号\t年度指标值\t计量单位\t"
            "*当前完成值（定量填数字，定性填达成、部分达成、未达成）\t*完成可能性分析\t偏差原因说明\n"
            "产出指标\t数量指标\t日常养护里程\t≥\t300\t公里\t140\t确定能完成\t\n"
            "产出指标\t质量指标\t路面技术状况优良率\t≥\t85\t%\t80\t有可能完成\t汛期水毁路段尚在修复\n")
    found = _rows(text, "name", "target", "actual", "reason", name="monitor.txt")
    assert found == [("日常养护里程", "≥300公里", "140", ""), ("路面技术状况优良率", "≥85%", "80", "汛期水毁路段尚在修复")]


def test_a_department_form_exported_with_a_set_weight_column_and_its_last_reason_cell():
    # a 部门整体支出绩效自评表 as a budget system exports it (权重设定值 beside 分值; rows
    # written for this test); the export ends with the last row's reason cell, which is
    # whole (a TAB row's cell), not a page cut off mid-sentence
    text = ("2024年度部门整体支出绩效自评表\n部门名称\t某区民政局\n\n"
            "指标名称\t计算符号\t指标值\t实际完成值\t计量单位\t权重设定值\t分值\t得分\t偏差原因分析及改进措施\n"
            "城乡低保按时足额发放率\t=\t100\t100\t%\t10\t10\t10\t\n"
            "养老服务补贴覆盖人数\t≥\t3000\t2860\t人\t10\t10\t9\t部分老人年内去世，补贴对象减少")
    found = _rows(text, "name", "target", "actual", "weight", "score", name="dept.txt")
    assert found == [("城乡低保按时足额发放率", "=100%", "100", 10, 10), ("养老服务补贴覆盖人数", "≥3000人", "2860", 10, 9)]
    reasons = [s.text for s in extract_text(text, "dept.txt").statements if s.kind == "reason"]
    assert reasons == ["部分老人年内去世，补贴对象减少"]


def test_tab_rows_with_an_explanation_column_and_their_empty_last_cells_dropped():
    """A self-evaluation printing 指标解释 between the name and the values and 评分标准 after
    the score, as PDF text gives it: a row's empty last cells leave no TAB.  The name is
    the name, the explanation no indicator, and the scoring rule no reason."""
    rows = [
        "2024年度项目支出绩效自评表",
        "项目名称\t城区公共厕所保洁服务",
        "一级指标\t二级指标\t三级指标\t指标解释\t年度指标值\t实际完成值\t分值\t得分\t评分标准\t偏差原因分析及改进措施",
        "产出指标\t数量指标\t保洁公厕数量\t纳入保洁服务范围的城区公共厕所\t≥86座\t86座\t10\t10\t完成得满分，每少1座扣1分",
        "产出指标\t质量指标\t保洁考核合格率\t月度考核结果为合格的公厕占比\t≥95%\t93%\t10\t8\t每低1个百分点扣1分"
        "\t个别公厕设施老化，异味处理不到位，下步将加快设施改造",
        "产出指标\t时效指标\t问题整改及时率\t巡查发现问题在24小时内整改的比例\t100%\t100%\t10\t10\t未按时整改一次扣0.5分",
        "效益指标\t社会效益指标\t市容环境改善情况\t公厕周边环境卫生状况\t明显改善\t明显改善\t20\t18\t按改善程度酌情评分"
        "\t部分老旧公厕周边环境仍需提升",
        "满意度指标\t服务对象满意度指标\t如厕群众满意度\t抽样调查如厕群众的满意比例\t≥90%\t91%\t10\t10\t每低1个百分点扣1分",
    ]
    [project] = extract_text("\n".join(rows) + "\n", "toilets.txt").projects
    got = [(i.name, i.target, i.actual, i.weight, i.score, i.reason) for i in project.indicators]
    assert got == [
        ("保洁公厕数量", "≥86座", "86座", 10, 10, ""),
        ("保洁考核合格率", "≥95%", "93%", 10, 8, "个别公厕设施老化，异味处理不到位，下步将加快设施改造"),
        ("问题整改及时率", "100%", "100%", 10, 10, ""),
        ("市容环境改善情况", "明显改善", "明显改善", 20, 18, "部分老旧公厕周边环境仍需提升"),
        ("如厕群众满意度", "≥90%", "91%", 10, 10, "")]


def test_a_project_name_heading_a_listings_column_is_no_field():
    # a department's page listing its projects' self-evaluation results, one cell per line
    # (written for this test)
    text = ("2024年度专项债券项目绩效自评结果\n\n项目名称\n\n债券类型\n\n自评分数\n\n自评等级\n\n"
            "某县人民医院门诊楼建设工程\n\n项目收益专项债券\n\n95.5\n\n优\n\n"
            "某县城区污水管网改造项目\n\n项目收益专项债券\n\n88\n\n良\n")
    names = [p.name for p in extract_text(text, "list.txt").projects]
    assert "债券类型" not in names


def test_a_scoring_table_tells_a_label_from_a_row_worded_like_one_by_its_numbers():
    # a scoring framework printed one cell per line (一级 分值 二级 分值 三级 分值 得分; rows
    # written for this test): a label is followed by its one weight, a row by its weight and
    # score — 「财务管理 3 3」 and 「产出数量 5 5」 are rows, however label-like their words
    cells = ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分",
             "项目管理", "20", "资金管理", "10", "资金使用", "7", "7", "财务管理", "3", "3",
             "组织实施", "10", "管理制度", "10", "9",
             "项目绩效", "40", "项目产出", "15", "产出数量", "5", "5", "产出质量", "10", "10"]
    text = "河道保洁项目绩效自评表\n\n" + "\n\n".join(cells) + "\n"
    found = _rows(text, "name", "weight", "score", name="score.txt")
    assert found == [("资金使用", 7, 7), ("财务管理", 3, 3), ("管理制度", 10, 9),
                     ("产出数量", 5, 5), ("产出质量", 10, 10)]


def test_a_monitoring_forms_foot_labels_and_notes_are_no_rows_or_reasons():
    # the foot of a 绩效监控表 as a web page prints it (rows written for this test): the labels
    # of its reason and measure cells left empty, then the notes on filling it in
    text = ("某市项目支出绩效监控表\n项目名称 | 非遗保护经费 |\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 | 1-6月执行情况 | 完成目标可能性 |\n"
            "产出指标 | 数量指标 | 非遗展演场次 | ≥10场 | 6场 | 确定能 |\n"
            "偏差或不能完成目标原因分析 | ||||||\n相关建议或举措 | ||||||\n"
            "注: 1.完成目标可能性分确定能、有可能、不可能三级。2.如出现“不可能”，请分别在“偏差或不能完成目标原因分析”"
            "栏填写原因。3.偏差或不能完成目标原因分析:针对产生偏差的指标值，从投入保障、项目管理等方面分析原因。\n")
    report = extract_text(text, "monitor.txt")
    assert [i.name for p in report.projects for i in p.indicators] == ["非遗展演场次"]
    assert report.statements == []


# A township's 部门整体支出绩效自评表 as a web page prints it (written for these tests): the
# page's header line names the unit short, the table names it in full; a 二级 label names who
# is asked and is printed with a space inside; 时效性指标 spelled with 性; the notes below.
TOWNSHIP_FORM = (
    "单位名称:青石镇政府 填报日期:2024.4.10\n"
    "单位名称 | 青石镇人民政府 | |||||\n"
    "预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 |\n"
    "部门整体支出总额 | 932.5 | 932.5 | 100% | 20 | ||\n"
    "一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |\n"
    "产出指标 | 数量指标 | 调处矛盾纠纷 | 120件 | 126件 | 20 |\n"
    "时效性指标 | 纠纷受理后办结时间 | 15天以内 | 12天 | 20 |\n"
    "满意度指标 | 居民满意度 指标 | 居民对镇村服务满意度 | ≥90% | 94% | 20 |\n"
    "总分 | 100分 | |||||\n"
    "备注:\n"
    "1.预算执行情况口径:预算数为调整后财政资金总额,执行数为实际支出数。\n"
    "2.定性指标计分原则:达成预期指标、部分达成预期指标、未达成预期指标且效果较差三档,分别按分值区间合理确定分值。\n")


def test_a_label_naming_who_is_asked_and_a_spaced_label_head_their_rows():
    report = extract_text(TOWNSHIP_FORM, "township.txt")
    [project] = report.projects
    rows = [(i.level2, i.name, i.target, i.actual, i.category) for i in project.indicators]
    assert rows == [("数量指标", "调处矛盾纠纷", "120件", "126件", "数量"),
                    ("时效性指标", "纠纷受理后办结时间", "15天以内", "12天", "时效"),
                    ("居民满意度指标", "居民对镇村服务满意度", "≥90%", "94%", "满意度")]


def test_a_label_naming_who_is_asked_alone_in_its_row_is_the_name():
    text = ("项目名称\t社区养老服务补贴\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\n"
            "产出指标\t数量指标\t服务老人人数\t≥500人\t512人\n"
            "满意度指标\t\t老人满意度指标\t≥90%\t95%\n")
    assert _rows(text, "name", "target", "category") == [("服务老人人数", "≥500人", "数量"),
                                                         ("老人满意度指标", "≥90%", "满意度")]


def test_a_page_header_naming_the_unit_short_is_the_forms_alias_not_a_project():
    [project] = extract_text(TOWNSHIP_FORM, "township.txt").projects
    assert project.name == "青石镇人民政府"
    assert project.aliases == ["青石镇政府"]


def test_a_forms_notes_below_it_state_no_problem():
    # (the scoring rule quotes 「未达成预期指标且效果较差」: words of a shortfall, none stated)
    assert extract_text(TOWNSHIP_FORM, "township.txt").statements == []


def test_a_header_cut_off_by_the_page_is_no_row_but_a_row_cut_after_its_name_stays():
    head = ("项目名称 | 乡村道路养护经费 |\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 | 全年实际完成值 | 未完成原因 |\n"
            "产出指标 | 数量指标 | 养护道路里程 | 85公里 | 85公里 | |\n")
    cut_header = head + "绩效指标 | 一级 指标 |\n二级指标 | 三级指标 | 指标值 | 全年实际完成值 | 未完成原"
    assert _rows(cut_header, "name") == [("养护道路里程",)]
    cut_row = head + "效益指标 | 社会效益指标 | 群众出行条件改善情况"
    assert _rows(cut_row, "name", "target") == [("养护道路里程", "85公里"), ("群众出行条件改善情况", None)]


def test_one_character_the_page_cut_after_the_last_row_is_no_reason():
    text = ("乡村文化站运行经费项目支出绩效自评表\n项目名称  乡村文化站运行经费\n"
            "一级指标  二级指标  三级指标  年度指标值  实际完成值  分值  得分  偏差原因分析\n"
            "产出指标  数量指标  开展文化活动场次  ≥24场  26场  20  20\n"
            "效益指标  社会效益指标  群众文化生活丰富程度  明显丰富  明显丰富  20  20\n可")
    assert _rows(text, "name", "reason") == [("开展文化活动场次", ""), ("群众文化生活丰富程度", "")]


def test_news_of_an_evaluation_names_the_money_evaluated():
    # a finance bureau's news item (written for this test): two funds, each after its year
    text = ("近日，市财政局评价组到某县开展2024年市级财政重点绩效评价工作，重点对该县2023年"
            "农村公路养护专项资金和2022-2023年文化惠民工程补助资金开展实地绩效评价。"
            "评价组指出，部分项目绩效目标设置不够细化。\n")
    report = extract_text(text, "news.txt")
    assert [p.name for p in report.projects] == ["农村公路养护专项资金", "文化惠民工程补助资金"]
    one = extract_text("市卫健委2024年基本公共卫生服务资金项目绩效评价工作顺利完成\n评价发现，部分乡镇资金拨付不及时。\n",
                       "news.txt")
    assert [p.name for p in one.projects] == ["基本公共卫生服务资金"]


def test_a_count_of_projects_or_a_target_compared_with_the_projects_name_names_no_project():
    counted = extract_text("我局按照通知要求，对12个支出项目进行了绩效自评，项目覆盖率100%。\n"
                           "存在的问题：部分项目绩效目标不够细化。\n", "count.txt")
    assert [p.name for p in counted.projects] == []
    compared = extract_text("二、发现的主要问题\n部分项目年度预期目标不明确。二是绩效目标与项目名称基本一致，"
                            "未写明年度具体任务。\n", "compared.txt")
    assert [p.name for p in compared.projects] == []


def test_the_name_of_an_audit_is_no_project():
    text = ("关于某县交通运输局2023年度预算执行审计查出问题整改结果公告\n"
            "一、审计项目名称：某县交通运输局2023年度预算执行绩效审计\n"
            "二、审计查出的主要问题及整改情况\n"
            "（一）预算编制不够准确。\n")
    report = extract_text(text, "公告.txt")
    assert report.projects == []
    assert [(s.kind, s.text) for s in report.statements] == [("problem", "预算编制不够准确。")]


# A form whose cells a Word export ran together, the explanation column repeating each name
# (written for this test).
RUN_TOGETHER = (
    "2024年度项目支出绩效目标申报表\n"
    "项目名称乡村道路养护项目\n"
    "主管部门县交通运输局\n"
    "绩效目标一级指标二级指标三级指标指标解释预期达到目标\n"
    "产出指标数量指标养护道路里程养护道路里程\n"
    "120公里\n"
    "新建错车道数量新建错车道数量\n"
    "15处\n"
    "质量指标养护路段合格率养护路段合格率\n"
    "95%\n"
    "效益指标社会效益指标群众出行条件改善群众出行条件改善\n"
    "明显改善\n"
)


def test_run_together_cells_give_each_name_once_under_the_labels_run_into_it():
    (project,) = extract_text(RUN_TOGETHER, "申报表.txt").projects
    assert [(i.name, i.target, i.level2, i.category) for i in project.indicators] == [
        ("养护道路里程", "120公里", "数量指标", "数量"),
        ("新建错车道数量", "15处", "数量指标", "数量"),
        ("养护路段合格率", "95%", "质量指标", "质量"),
        ("群众出行条件改善", "明显改善", "社会效益指标", "社会效益"),
    ]


def test_a_notice_of_results_lists_its_projects_with_their_scores():
    text = ("关于2024年度县级财政支出项目绩效评价结果的通报\n"
            "经第三方机构评价，各项目得分如下：城区背街小巷改造项目88.5分；"
            "农村饮水安全巩固提升工程79.20分、乡镇卫生院设备购置项目91分；"
            "残疾人两项补贴资金85.6分。\n"
            "评分构成为产出指标40分、效益指标30分、满意度指标10分。\n")
    names = [p.name for p in extract_text(text, "通报.txt").projects]
    assert names == ["城区背街小巷改造项目", "农村饮水安全巩固提升工程", "乡镇卫生院设备购置项目", "残疾人两项补贴资金"]


# The same template with comparators in its 指标值类型 column, and a qualitative row that
# leaves its unit cell out, so that the explanation column stands where the unit would
# (written for this test).
TYPED_COMPARATORS = (
    "项目名称 | 乡镇卫生院能力建设 | |||\n"
    "一级指标 | 二级指标 | 三级指标 | 指标值类型 | 目标值 | 度量单位 | 指标值内容 | 备注 |\n"
    "成本指标 | 经济成本指标 | 设备购置成本 | ≤ | 85 | 万元 | 反映设备购置成本。 | |\n"
    "产出指标 | 数量指标 | 配备医疗设备 | ≥ | 12 | 台 | 反映配备设备数量。 | |\n"
    "社会成本指标 | 群众就医负担 | 定性 | 减轻 | 反映群众就医负担变化。 | | |\n"
)


def test_a_value_type_column_gives_its_comparator_and_an_explanation_is_no_unit():
    [project] = extract_text(TYPED_COMPARATORS, "web.txt").projects
    assert [(i.name, i.target) for i in project.indicators] == [
        ("设备购置成本", "≤85万元"), ("配备医疗设备", "≥12台"), ("群众就医负担", "定性减轻")]


# a department's target table copied out of a PDF with every cell of a row run together: the
# department's name line right above the header row, and a target of three parts (written
# for this test)
GLUED_DEPARTMENT_TARGETS = (
    "2025年某县部门整体支出绩效目标表\n"
    "部门名称某县社区卫生服务中心\n"
    "部门整体支出 年度绩效指标一级指标二级指标三级指标指标值及单位\n"
    "产出指标数量指标全年服务人次门诊服务3000人次以上,上门随访800人次以上,健康筛查500人次以上\n"
    "健康讲座次数12次以上\n"
    "质量指标随访覆盖率95%以上\n"
)


def test_a_target_of_several_parts_in_a_glued_row_stays_one_target():
    [project] = extract_text(GLUED_DEPARTMENT_TARGETS, "health.txt").projects
    assert project.name == "某县社区卫生服务中心"        # not run on into the header row's label
    assert [(i.level2, i.name, i.target) for i in project.indicators] == [
        ("数量指标", "全年服务人次", "门诊服务3000人次以上,上门随访800人次以上,健康筛查500人次以上"),
        ("数量指标", "健康讲座次数", "12次以上"), ("质量指标", "随访覆盖率", "95%以上")]
    first = project.indicators[0]
    assert GLUED_DEPARTMENT_TARGETS[first.start:first.start + len(first.name)] == first.name


def test_the_second_level_可持续性_is_lasting_effect_and_a_name_run_on_after_it_is_cut_there():
    # written for this test: a hospital's self-evaluation, its cells run together
    text = ("项目名称：县人民医院门诊楼建设补助\n"
            "一级指标二级指标三级指标年初目标值实际完成值得分\n"
            "效益指标经济效益门诊收入增长≥5%6.2%10可持续性门诊楼建成后持续改善群众就医条件持续改善持续改善10\n")
    [project] = extract_text(text, "hospital.txt").projects
    lasting = project.indicators[-1]
    assert (lasting.name, lasting.category) == ("门诊楼建成后持续改善群众就医条件", "可持续影响")


def test_a_page_opening_inside_its_table_takes_the_name_its_prose_refers_back_to():
    # written for this test: the second page of a self-evaluation — the table's rows, then
    # the report, which names the project as 「该……项目」, and a table of where money came from
    text = ("| 一级指标 | 二级指标 | 三级指标 | 指标值 | 实施进度 |\n"
            "| 产出指标 | 数量指标 | 普法宣传场次 | ≥12场 | 已完成100% |\n"
            "| 产出指标 | 时效指标 | 完成时间 | 12月底前 | 已完成100% |\n"
            "| 效益指标 | 社会效益指标 | 群众法治意识 | 不断提升 | 已完成100% |\n\n"
            "二、项目资金申报及使用情况\n"
            "该法治宣传教育专项经费项目于2023年初向财政局申报，批复下达预算资金8万元。\n"
            "项目名称 | 资金来源 | 资金计划 | 资金到位情况\n"
            "法治宣传教育 | 县级财政资金 | 8 | 8\n")
    projects = extract_text(text, "law.txt").projects
    assert [p.name for p in projects] == ["法治宣传教育专项经费"]
    assert [i.name for i in projects[0].indicators] == ["普法宣传场次", "完成时间", "群众法治意识"]


def test_a_units_report_that_says_it_had_one_project_names_it():
    # a school's short self-evaluation report with no title naming its project (written for
    # this test): 「我校2023年项目为一个：……项目」 names it
    text = ("某县第三中学专项资金绩效自评报告一、基本情况(一)项目基本概况我校2023年项目为一个:学生营养改善计划项目"
            "(二)资金及项目绩效目标我校2023年按每生每天5元安排,共计86万元。二、存在问题部分学生就餐登记不及时。\n")
    assert [p.name for p in extract_text(text, "school.txt").projects] == ["学生营养改善计划项目"]
    # 「项目为一个」 naming only a kind of money names none
    plain = "我校2023年项目为一个:专项资金。二、存在问题部分学生就餐登记不及时。\n"
    assert [p.name for p in extract_text(plain, "plain.txt").projects] == []
