"""Issue 4: reasons, problems and measures — found, cut into points, attributed, grounded.

The texts below are written for these tests (education, health, agriculture, water,
civil affairs, culture) in the layouts real reports use: narrative 自评报告 with numbered
sections, tab-separated 自评表 with a 偏差原因 column, one-cell-per-line tables as PDF
extraction leaves them, HTML-derived text with markdown tables, and running prose.
"""
from __future__ import annotations

import importlib.util
import re

import pytest

from assistant.extract import extract_text
from assistant.extract.layout import split_rows
from assistant.extract.statements import extract_statements
from assistant.model import Budget, Document, Indicator, Project, Statement
from tests.conftest import GOLD, SEEDS, SHARED, needs_shared

NARRATIVE = """XX县教育局2023年度部门整体支出绩效自评报告

一、部门基本情况
（一）部门职能。县教育局主要负责全县学前教育、义务教育和普通高中教育的统筹管理。
（二）年度预算安排。2023年部门预算收入12345.67万元，其中财政拨款11890.20万元。
二、绩效目标完成情况
2023年全年预算执行率为92.31%，未达到95%的目标值，主要原因是部分校舍维修项目因招标延迟，工程款未能在年内支付。
全县义务教育巩固率达到99.2%，较上年提高0.3个百分点，主要原因是控辍保学工作机制进一步健全。
三、存在的问题
（一）预算编制不够精准。部分项目预算编制依据不充分，年中调整频繁，年初预算与实际执行偏差较大。
（二）绩效目标设置不够科学。个别项目绩效指标以定性描述为主，量化指标偏少，难以客观衡量产出和效果。
（三）项目实施进度滞后。受原材料价格上涨影响，2所学校的运动场改造工程未能按期完工。
四、改进措施
针对上述问题，我局将从以下三个方面加以改进：
一是提高预算编制质量。严格按照零基预算要求，结合学校实际需求科学测算，减少年中调整。
二是完善绩效目标管理。细化量化绩效指标，确保指标可衡量、可考核。
三是加快项目实施进度。督促施工单位合理安排工期，对重点工程实行周调度。
五、其他需要说明的情况
无。
"""

SELF_EVALUATION = (
    "项目支出绩效自评表\n（2023年度）\n"
    "项目名称\t基层医疗卫生机构能力提升项目\t\t\t\t\t\t\n"
    "主管部门\t县卫生健康局\t\t实施单位\t县卫生健康局\t\t\t\n"
    "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "\t年度资金总额\t500\t480\t402.5\t10\t83.85%\t8.39\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析\n"
    "产出指标\t数量指标\t培训基层医务人员人数\t≥300人次\t260人次\t10\t8\t部分乡镇卫生院人员紧张，医务人员无法脱岗参训\n"
    "\t质量指标\t设备验收合格率\t100%\t100%\t10\t10\t\n"
    "\t时效指标\t设备采购完成时间\t2023年9月底前\t2023年12月\t10\t6\t政府采购流程较长，两次流标导致采购延期\n"
    "效益指标\t社会效益指标\t基层首诊率\t≥60%\t55%\t20\t15\t群众对基层医疗服务认可度不高，宣传引导不足\n"
    "满意度指标\t服务对象满意度指标\t患者满意度\t≥90%\t92%\t10\t10\t无\n"
    "总分\t\t\t\t\t100\t87.39\t\n"
    "存在问题\t一是培训覆盖面不足；二是设备采购进度滞后。\t\t\t\t\t\t\n"
    "改进措施\t1.合理安排培训时间，采取线上线下相结合方式扩大覆盖面；2.提前启动采购程序，加快项目实施进度。\t\t\t\t\t\t\n"
)

PROSE = """2023年度高标准农田建设项目绩效自评报告
一、项目概况
本项目计划新建高标准农田5000亩，总投资2500万元。
二、绩效目标实现情况
截至2023年底，项目完成新建高标准农田4200亩，完成率84%。项目资金到位2500万元，实际支出1980万元，预算执行率79.2%。由于部分地块土地流转协调难度大，导致施工进场时间推迟。
项目区灌溉设施已基本建成，但部分田间道路硬化工程进度滞后，尚未通过验收。
农户对项目建设总体满意，满意度达到93%，但项目后期管护机制仍不健全，管护责任有待进一步明确。
三、评价结论
综合评分85分，评价等级为“良”。
"""

CELL_PER_LINE = (
    "\t文化惠民演出项目绩效自评表（2023年度）\n\n"
    "\t项目名称\n\t文化惠民演出项目\n\n"
    "\t预算执行情况\n\t年初预算\n\t调整后预算数\n\t预算执行数\n\t预算执行率\n\t原因\n\n"
    "\t总额\n\t60.00\n\t60.00\n\t57.94\n\t96.57%\n\t预算执行率96.57%。\n\n"
    "\t评价结论\n\t该项目自评总分为92分。\n\n"
    "\t存在问题\n\t部分演出场次安排在农忙时节，群众参与度不高；宣传渠道单一，活动知晓率偏低。\n\n"
    "\t改进措施\n\t一是结合农时合理安排演出档期；二是拓展新媒体宣传渠道，提高活动知晓率。\n\n"
    "\t项目负责人：李华\n"
)

HTML_DERIVED = """# 某市水利局2023年度项目支出绩效自评报告

## 一、项目基本情况
农村饮水安全巩固提升工程，计划改造供水管网120公里。

## 二、绩效目标完成情况
项目完成管网改造98公里，完成率81.7%。未完成的主要原因如下：
1. 部分村组因群众意见不统一，管线走向多次调整，影响施工进度；
2. 汛期强降雨导致施工暂停约40天。

| 一级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 扣分原因 |
|---|---|---|---|---|---|---|
| 产出指标 | 改造供水管网长度 | 120公里 | 98公里 | 20 | 16 | 受汛期影响施工暂停，工期延误 |
| 效益指标 | 农村自来水普及率 | ≥95% | 96% | 20 | 20 | 无 |

## 三、存在的问题及改进措施
**（一）存在问题**
项目前期工作不够扎实，设计方案变更较多。工程监理力量不足，个别标段质量管控不到位。
**（二）改进措施**
1. 加强项目前期论证，提高设计深度，减少设计变更。
2. 充实监理人员，严格落实质量管理责任制。
"""

INLINE_HEADINGS = (
    "某区民政局2023年度部门整体支出绩效评价报告\n"
    "总体来看，各项工作有序推进，全年预算执行率97.5%。存在问题：个别养老服务补贴项目资金拨付不及时；"
    "部分社区养老服务站点设施设备老化。改进建议：建立补贴资金拨付台账，按月跟踪拨付进度；"
    "分批更新社区养老服务站点设备。\n"
)

FORMS_THEN_NARRATIVE = """某县农业农村局2023年度部门整体支出绩效自评报告
一、部门整体支出情况
全年预算执行率93.6%，决算数小于预算数的主要原因是部分项目资金年底前未完成拨付。
二、存在的问题
部门绩效目标设置不够细化，部分指标难以量化考核。
三、改进措施
进一步细化部门整体绩效指标，提高指标的可衡量性。

附件1
项目支出绩效自评表
项目名称\t\t2023-NY-001-耕地地力保护补贴\t\t\t
项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t执行率
\t1200\t1200\t1200\t100%
存在问题\t补贴面积核定工作量大，个别乡镇上报数据不及时。
改进措施\t加强与乡镇的沟通协调，明确数据报送时限。

项目支出绩效自评表
项目名称\t\t2023-NY-002-农机购置补贴\t\t\t
项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t执行率
\t800\t800\t640\t80%
存在问题\t补贴资金兑付进度偏慢。
改进措施\t简化补贴兑付流程，加快资金兑付进度。

附件2
项目支出绩效自评报告
（2023年度耕地地力保护补贴项目）
一、项目概况
该项目用于对全县耕地地力保护进行补贴。
二、存在的问题
该项目补贴发放宣传不够深入，部分农户对补贴政策知晓率不高。
三、下一步工作计划
通过村务公开栏、微信群等渠道加大政策宣传力度。
项目支出绩效自评报告
（2023年度农机购置补贴项目）
一、存在的问题
该项目部分机具核验不及时，补贴兑付周期较长。
二、相关建议
优化机具核验流程，缩短兑付周期。
"""

DEPARTMENT_WITH_PROJECT_PARTS = """某县文化和旅游局2023年度部门整体支出绩效自评报告
一、项目支出绩效情况
（一）非遗保护传承项目
该项目全年完成非遗展演12场，但非遗传承人老龄化严重，年轻传承人培养不足。
（二）公共图书馆免费开放项目
该项目预算执行率为88%，未达到年初目标，主要原因是数字资源采购合同签订时间推迟。
二、存在的问题
部门预算编制不够精准，年中追加调整较多。
三、改进措施
加强预算编制的前期论证，减少年中调整。
"""

PLAN_FORM = (
    "项目支出绩效目标申报表\n（2024年度）\n"
    "项目名称\t\t乡村医生培训项目\t\t\n"
    "项目设立的必要性\t目前全县村医人员严重不足，业务能力有待提高，需开展系统培训。\t\t\n"
    "年度绩效目标\t培训村医300人次，考核合格率不低于90%。\t\t\n"
)

DEFINITIONS_AND_PRACTICE = """三、名词解释
用事业基金弥补收支差额：是指事业单位在当年的财政拨款收入不足以安排当年支出的情况下，使用以前年度积累的事业基金弥补的资金。
四、项目监管情况
对巡察、审计中发现的问题较多、绩效水平不高、管理薄弱的支出予以重点监管。
"""

EMPLOYMENT = """某市人力资源和社会保障局
2023年度就业补助资金项目绩效自评报告
一、基本情况
就业补助资金主要用于职业培训补贴、社会保险补贴和公益性岗位补贴。
二、绩效目标完成情况分析
（一）资金投入情况。年初预算3000万元，全年执行2610万元，预算执行率87%。
（二）产出完成情况。全年开展职业技能培训1.2万人次，完成年度目标的92%。培训后就业率为65%，低于70%的目标值，原因是部分培训工种与市场需求匹配度不高。
三、存在的问题及原因分析
一是资金支出进度偏慢，部分补贴资金结转至下年；二是培训项目设置与企业用工需求衔接不紧，培训后就业率偏低；三是补贴审核信息化程度低，申领手续仍较繁琐。
四、下一步工作计划：
1、加快补贴资金审核拨付，确保资金及时足额发放到位；
2、围绕重点产业开发培训项目，提高培训的针对性和实效性；
3、推进补贴申领“一网通办”，简化办事流程。
五、其他需说明的问题
无
"""

ONE_PARAGRAPH = ("某县卫健委2023年度部门整体支出绩效自评报告 一、部门概况。县卫健委内设8个股室。二、绩效目标完成情况。"
                 "全年预算执行率95.2%。三、评价结论及存在问题。（一）评价结论。自评得分92分，等级为优。（二）存在的问题。"
                 "一是部分项目资金支付进度偏慢；二是基层医疗机构信息系统建设滞后，数据共享不足。（三）改进措施。"
                 "（1）建立资金支付月通报制度；（2）加快推进全民健康信息平台建设，提升数据共享水平。\n")

BUDGET_STATEMENT = """2024年度某县林业局部门预算说明
一、收入支出预算总体情况说明
某县林业局2024年收入总计856.3万元，与2023年相比增加96.5万元，增长12.70%。主要原因是：新增森林防火视频监控项目资金。
二、“三公”经费预算情况说明
公务接待费0.6万元，比2023年减少0.2万元，主要原因是：落实过紧日子要求，压减一般性支出。公务用车运行维护费4.2万元，与2023年持平，主要原因是：2024年无此项开支计划。
"""

ACHIEVEMENTS = """二、绩效目标实现情况
项目实施后，有效解决了群众办事难的问题，切实弥补了基层服务能力的不足。
全年未发生安全生产事故，未出现资金挤占挪用现象，不存在违规使用资金的问题。
项目资金严格按照规定使用，无截留、挪用等问题。
全县共开展培训12期，培训不足一年的新任教师320人。
年度指标值设置合理，未完成指标0个。
本项目不涉及政府采购，未开展政府采购活动。
对群众反映存在破损隐患的护栏及时修复，有效排除了部分路段存在的安全隐患。
"""

BACKGROUND = """一、项目概况
（一）立项背景。由于我县地处山区，部分村组供水设施薄弱，群众饮水保障能力不足。
（二）项目内容。新建集中供水工程3处，改造管网45公里。
二、绩效目标完成情况
工程全部完工，但由于入户管网施工与道路改造交叉，部分村组通水时间推迟。
"""

ALL_SAMPLES = [NARRATIVE, SELF_EVALUATION, PROSE, CELL_PER_LINE, HTML_DERIVED, INLINE_HEADINGS,
               FORMS_THEN_NARRATIVE, DEPARTMENT_WITH_PROJECT_PARTS, PLAN_FORM, DEFINITIONS_AND_PRACTICE,
               ACHIEVEMENTS, BACKGROUND, EMPLOYMENT, ONE_PARAGRAPH, BUDGET_STATEMENT]


def projects_of(text: str, form: str = "self_evaluation") -> list[Project]:
    """Forms as the table reader gives them: found by their 项目名称 cell, each extending
    to the next form (the last to the end of the text)."""
    rows = split_rows(text)
    found = []
    for i, row in enumerate(rows):
        cells = row.nonempty
        if cells and re.sub(r"\s", "", cells[0].text) == "项目名称":
            name = cells[1].text if len(cells) > 1 else rows[i + 1].nonempty[0].text
            found.append(Project(name=name, form=form, start=row.start))
    for here, after in zip(found, found[1:] + [None]):
        here.end = after.start if after else len(text)
    return found


def extract(text: str, projects: list[Project] | None = None) -> list[Statement]:
    if projects is None:
        projects = projects_of(text)
    return extract_statements(Document(path="sample.txt", text=text), projects)


def of_kind(statements: list[Statement], kind: str) -> list[str]:
    return [s.text for s in statements if s.kind == kind]


def by_kind(statements: list[Statement]) -> dict[str, list[str]]:
    """Statement texts per kind, in document order (kinds without statements left out)."""
    out: dict[str, list[str]] = {}
    for s in statements:
        out.setdefault(s.kind, []).append(s.text)
    return out


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


# ---------------------------------------------------------------------------- sections

def test_narrative_report_sections_split_into_points():
    found = extract(NARRATIVE)
    assert of_kind(found, "problem") == [
        "2023年全年预算执行率为92.31%，未达到95%的目标值",
        "预算编制不够精准。部分项目预算编制依据不充分，年中调整频繁，年初预算与实际执行偏差较大。",
        "绩效目标设置不够科学。个别项目绩效指标以定性描述为主，量化指标偏少，难以客观衡量产出和效果。",
        "项目实施进度滞后。受原材料价格上涨影响，2所学校的运动场改造工程未能按期完工。",
    ]
    # the announcement 「针对上述问题，我局将从以下三个方面加以改进：」 is no measure
    assert of_kind(found, "measure") == [
        "提高预算编制质量。严格按照零基预算要求，结合学校实际需求科学测算，减少年中调整。",
        "完善绩效目标管理。细化量化绩效指标，确保指标可衡量、可考核。",
        "加快项目实施进度。督促施工单位合理安排工期，对重点工程实行周调度。",
    ]
    assert all(s.project == "" for s in found)
    assert {s.source for s in found if s.kind == "measure"} == {"section"}
    assert {s.cue for s in found if s.kind == "measure"} == {"改进措施"}


def test_reason_prose_kept_but_year_on_year_explanations_skipped():
    reasons = of_kind(extract(NARRATIVE), "reason")
    assert reasons == ["主要原因是部分校舍维修项目因招标延迟，工程款未能在年内支付。"]


def test_enumerated_points_with_other_markers_and_a_shortfall_with_its_reason():
    found = extract(EMPLOYMENT)
    assert by_kind(found) == {
        "problem": ["培训后就业率为65%，低于70%的目标值",
                    "资金支出进度偏慢，部分补贴资金结转至下年",
                    "培训项目设置与企业用工需求衔接不紧，培训后就业率偏低",
                    "补贴审核信息化程度低，申领手续仍较繁琐。"],
        "reason": ["原因是部分培训工种与市场需求匹配度不高。"],
        "measure": ["加快补贴资金审核拨付，确保资金及时足额发放到位",
                    "围绕重点产业开发培训项目，提高培训的针对性和实效性",
                    "推进补贴申领“一网通办”，简化办事流程。"],
    }
    assert next(s for s in found if s.text.startswith("资金支出进度偏慢")).themes == ["BUDGET_EXECUTION"]
    assert "BUDGET_EXECUTION" in next(s for s in found if s.text.startswith("加快补贴资金")).themes


def test_numbered_headings_inside_one_paragraph():
    assert by_kind(extract(ONE_PARAGRAPH)) == {
        "problem": ["部分项目资金支付进度偏慢", "基层医疗机构信息系统建设滞后，数据共享不足。"],
        "measure": ["建立资金支付月通报制度", "加快推进全民健康信息平台建设，提升数据共享水平。"],
    }


def test_budget_statement_explains_changes_from_last_year():
    found = extract(BUDGET_STATEMENT)
    assert [(s.text, s.themes) for s in found] == [
        ("主要原因是：新增森林防火视频监控项目资金。", ["BUDGET_PLANNING"]),   # no cue: a planning matter
        ("主要原因是：落实过紧日子要求，压减一般性支出。", ["BUDGET_EXECUTION"]),
    ]                                                                   # 无此项开支计划 explains nothing


def test_labels_inside_a_cell_decide_the_kind():
    text = ("项目名称\t\t乡村振兴衔接资金项目\n主要问题及改进措施\t问题：部分产业项目带农益农机制不够健全，联农带农效果不明显。"
            "措施：完善利益联结机制，推广“龙头企业+合作社+农户”模式。\n")
    assert [(s.kind, s.text) for s in extract(text)] == [
        ("problem", "部分产业项目带农益农机制不够健全，联农带农效果不明显。"),
        ("measure", "完善利益联结机制，推广“龙头企业+合作社+农户”模式。"),
    ]


def test_measure_written_beside_a_reason_in_its_cell():
    text = ("项目名称\t\t城乡公交运营补贴\n"
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因\n"
            "产出指标\t数量指标\t日均发班次数\t≥420班次\t405班次\t10\t8\t2条线路因道路施工临时停运；今后将提前与交通部门对接，制定绕行方案。\n")
    assert [(s.kind, s.text) for s in extract(text)] == [
        ("reason", "2条线路因道路施工临时停运"), ("measure", "今后将提前与交通部门对接，制定绕行方案。")]


def test_inline_headings_after_a_sentence():
    assert by_kind(extract(INLINE_HEADINGS)) == {
        "problem": ["个别养老服务补贴项目资金拨付不及时", "部分社区养老服务站点设施设备老化。"],
        "measure": ["建立补贴资金拨付台账，按月跟踪拨付进度", "分批更新社区养老服务站点设备。"],
    }


def test_html_derived_text_with_markdown_table_and_reason_list():
    # the 扣分原因 cells of a markdown table are read by the stream reader (forms.py)
    found = extract_text(HTML_DERIVED).statements
    assert by_kind(found) == {
        "reason": ["部分村组因群众意见不统一，管线走向多次调整，影响施工进度", "汛期强降雨导致施工暂停约40天。",
                   "受汛期影响施工暂停，工期延误"],
        "problem": ["项目前期工作不够扎实，设计方案变更较多。", "工程监理力量不足，个别标段质量管控不到位。"],
        "measure": ["加强项目前期论证，提高设计深度，减少设计变更。", "充实监理人员，严格落实质量管理责任制。"],
    }
    assert next(s for s in found if s.cue == "扣分原因").source == "cell"


# ---------------------------------------------------------------------------- cells

def test_self_evaluation_table_with_deviation_column():
    found = extract(SELF_EVALUATION)
    assert by_kind(found) == {
        "reason": ["部分乡镇卫生院人员紧张，医务人员无法脱岗参训", "政府采购流程较长，两次流标导致采购延期",
                   "群众对基层医疗服务认可度不高，宣传引导不足"],
        "problem": ["培训覆盖面不足", "设备采购进度滞后。"],
        "measure": ["合理安排培训时间，采取线上线下相结合方式扩大覆盖面", "提前启动采购程序，加快项目实施进度。"],
    }
    assert {s.project for s in found} == {"基层医疗卫生机构能力提升项目"}
    assert {s.cue for s in found if s.kind == "reason"} == {"偏差原因分析"}


def test_one_cell_per_line_table():
    found = extract(CELL_PER_LINE)
    assert by_kind(found) == {        # no reason: 「预算执行率96.57%。」 only restates a figure
        "problem": ["部分演出场次安排在农忙时节，群众参与度不高", "宣传渠道单一，活动知晓率偏低。"],
        "measure": ["结合农时合理安排演出档期", "拓展新媒体宣传渠道，提高活动知晓率。"],
    }
    assert {s.project for s in found} == {"文化惠民演出项目"}
    assert {s.source for s in found} == {"cell"}


def test_problem_list_columns_and_a_reason_and_measure_column():
    text = ("一级指标\t三级指标\t指标值\t完成值\t分值\t得分\t偏差原因分析及改进措施\n"
            "产出指标\t建成公厕数量\t20座\t16座\t10\t8\t4座公厕选址未落实，导致未能开工。下一步将加快选址协调，确保明年上半年完工。\n"
            "\n序号\t存在问题\t整改措施\t完成时限\n"
            "1\t部分资金拨付不及时\t建立资金拨付台账，按月通报\t2024年6月\n"
            "2\t绩效目标不够细化\t修订完善绩效指标体系\t2024年3月\n")
    found = extract(text, [])
    assert [(s.kind, s.cue, s.text) for s in found] == [
        ("reason", "偏差原因分析及改进措施", "4座公厕选址未落实，导致未能开工。"),
        ("measure", "偏差原因分析及改进措施", "下一步将加快选址协调，确保明年上半年完工。"),
        ("problem", "存在问题", "部分资金拨付不及时"),
        ("measure", "整改措施", "建立资金拨付台账，按月通报"),
        ("problem", "存在问题", "绩效目标不够细化"),
        ("measure", "整改措施", "修订完善绩效指标体系"),
    ]
    assert "IMPLEMENTATION" in found[0].themes and "IMPLEMENTATION" in found[1].themes


@pytest.mark.parametrize("cell", ["已完成", "无", "暂无", "不涉及", "预算执行率96.57%。", "1.预算执行率100%。", "/"])
def test_cells_that_are_no_statement(cell):
    text = f"项目名称\t\t某项目\n存在问题\t{cell}\n改进措施\t{cell}\n"
    assert extract(text) == []


def test_figure_with_admission_is_a_problem_and_figure_clause_dropped_from_reasons():
    text = ("项目名称\t\t乡镇综合文化站建设\n"
            "预算执行情况\t年初预算\t调整后预算数\t预算执行数\t预算执行率\t原因\n"
            "总额\t300\t300\t240\t80%\t1.预算执行率80%；因两个站点用地手续未办结，工程未开工；2.年中调整预算的原因为：上级补助资金延迟下达。\n"
            "存在问题\t该项目预算执行率为80%，未达到90%。\n")
    found = extract(text)
    assert by_kind(found) == {
        "reason": ["因两个站点用地手续未办结，工程未开工", "年中调整预算的原因为：上级补助资金延迟下达。"],
        "problem": ["该项目预算执行率为80%，未达到90%。"],
    }
    assert all(s.themes for s in found)
    assert "BUDGET_EXECUTION" in found[0].themes or "IMPLEMENTATION" in found[0].themes


def test_given_indicator_and_budget_reasons_are_used():
    text = "项目名称\t\t村级道路养护\n养护里程\t120公里\t100公里\t10\t8\t雨季施工受阻\n原因\t养护路段有所变化\n"
    reason_at = text.index("雨季施工受阻")
    budget_at = text.index("养护路段有所变化")
    project = Project(name="村级道路养护", form="self_evaluation", start=0, end=len(text),
                      indicators=[Indicator(name="养护里程", reason="雨季施工受阻",
                                            reason_start=reason_at, reason_end=reason_at + 6)],
                      budget=Budget(reason="养护路段有所变化"))       # no offsets: located in the form
    found = extract(text, [project])
    assert [(s.text, s.cue, s.project) for s in found] == [
        ("雨季施工受阻", "未完成原因分析", "村级道路养护"), ("养护路段有所变化", "原因", "村级道路养护")]
    assert found[1].start == budget_at
    assert found[1].themes == ["BUDGET_EXECUTION"]     # a budget reason with no other theme


# ---------------------------------------------------------------------------- prose

def test_prose_with_inline_admissions():
    found = extract(PROSE)
    assert by_kind(found) == {
        "reason": ["由于部分地块土地流转协调难度大，导致施工进场时间推迟。"],
        "problem": ["部分田间道路硬化工程进度滞后，尚未通过验收。", "项目后期管护机制仍不健全，管护责任有待进一步明确。"],
    }
    assert {s.source for s in found} == {"prose"}
    assert next(s for s in found if s.kind == "reason").cue == "由于"


def test_plan_forms_admit_nothing():
    assert extract(PLAN_FORM, projects_of(PLAN_FORM, form="target_application")) == []


def test_descriptive_rows_admit_nothing_even_in_evaluation_forms():
    assert extract(PLAN_FORM) == []


def test_definitions_and_attributive_wording_are_no_admissions():
    assert extract(DEFINITIONS_AND_PRACTICE) == []


def test_achievements_resolved_or_absent_shortcomings_are_no_admissions():
    assert extract(ACHIEVEMENTS) == []


def test_background_sections_state_needs_not_shortcomings():
    found = extract(BACKGROUND)
    assert [(s.kind, s.text) for s in found] == [
        ("reason", "由于入户管网施工与道路改造交叉，部分村组通水时间推迟。")]


# ---------------------------------------------------------------------------- attribution

def test_attribution_forms_then_per_project_narrative():
    found = extract(FORMS_THEN_NARRATIVE)
    by_text = {s.text: s.project for s in found}
    assert by_text["决算数小于预算数的主要原因是部分项目资金年底前未完成拨付。"] == ""
    assert by_text["部门绩效目标设置不够细化，部分指标难以量化考核。"] == ""
    assert by_text["补贴面积核定工作量大，个别乡镇上报数据不及时。"] == "2023-NY-001-耕地地力保护补贴"
    assert by_text["补贴资金兑付进度偏慢。"] == "2023-NY-002-农机购置补贴"
    # after the tables, 「（2023年度耕地地力保护补贴项目）」 opens that project's own report
    assert by_text["该项目补贴发放宣传不够深入，部分农户对补贴政策知晓率不高。"] == "2023-NY-001-耕地地力保护补贴"
    assert by_text["通过村务公开栏、微信群等渠道加大政策宣传力度。"] == "2023-NY-001-耕地地力保护补贴"
    assert by_text["该项目部分机具核验不及时，补贴兑付周期较长。"] == "2023-NY-002-农机购置补贴"
    assert by_text["优化机具核验流程，缩短兑付周期。"] == "2023-NY-002-农机购置补贴"


def test_attribution_project_parts_inside_a_department_report():
    projects = [Project(name="2023-WL-01-非遗保护传承", form="self_evaluation"),
                Project(name="公共图书馆免费开放", form="self_evaluation")]
    found = extract(DEPARTMENT_WITH_PROJECT_PARTS, projects)
    assert [(s.kind, s.project) for s in found] == [
        ("problem", "2023-WL-01-非遗保护传承"),
        ("problem", "公共图书馆免费开放"),
        ("reason", "公共图书馆免费开放"),
        ("problem", ""),           # 「二、存在的问题」 is the department's again
        ("measure", ""),
    ]
    assert found[0].text == "非遗传承人老龄化严重，年轻传承人培养不足。"


# ---------------------------------------------------------------------------- grounding

@pytest.mark.parametrize("text", ALL_SAMPLES)
def test_offsets_always_point_at_the_claimed_text(text):
    for s in extract(text):
        assert 0 <= s.start < s.end <= len(text)
        assert squash(text[s.start:s.end]) == squash(s.text)
        assert "\n" not in s.text and "\t" not in s.text
        assert s.kind in ("reason", "problem", "measure")
        assert s.themes and set(s.themes) == set(s.theme_evidence)
        assert s.source in ("section", "cell", "prose") and s.cue


def test_statements_come_in_document_order_without_duplicates():
    for text in ALL_SAMPLES:
        found = extract(text)
        assert [s.start for s in found] == sorted(s.start for s in found)
        assert len({(s.kind, s.start, s.end) for s in found}) == len(found)


# ---------------------------------------------------------------------------- seeds

def _score_module():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_shared
def test_seed_statement_figures():
    import json

    from assistant.extract import extract_path

    score = _score_module()
    total: dict = {}
    for gold_path in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        path = SEEDS / gold["doc"]
        predicted = extract_path(path).to_dict()
        score.add(total, score.score_doc(predicted, gold, path.read_text(encoding="utf-8")))
    overall = score.summary(total)
    assert overall["reason"]["f1"] >= 0.90
    assert overall["problem"]["f1"] >= 0.90
    assert overall["measure"]["f1"] >= 0.90
    assert overall["themes"]["f1"] >= 0.85
    assert overall["attribution"]["accuracy"] >= 0.95


def test_a_header_printed_as_a_line_of_text_states_no_problem():
    text = ("资金管理情况\n"
            "情况说明 存在问题 改进措施\n"
            "资金分配规范性 严格按照资金管理办法分配资金 部分资金拨付滞后 加快资金拨付\n")
    statements = extract_text(text, "page.txt").statements
    assert all("情况说明" not in s.text for s in statements)
    # a sentence that names a problem among other words still does
    said = extract_text("三、存在问题\n项目资金拨付进度偏慢，存在问题较多。\n", "r.txt").statements
    assert any(s.kind == "problem" for s in said)


def test_a_forms_unfilled_instructions_and_a_label_after_a_heading_state_nothing():
    # a Sichuan-style form printed one cell per line, its narrative boxes left with the
    # template's instructions, and the 未完成原因分析 heading followed by the first label
    text = "\n".join([
        "项目名称 |", "乡镇文化站免费开放补助 |",
        "一级指标 |", "二级指标 |", "三级指标 |", "指标值 |", "完成值 |", "未完成原因分析 |",
        "产出指标 |", "数量指标 |", "免费开放文化站个数 |", "12个 |", "12个 |", "|",
        "评价结论 |", "结合自评情况,说明项目自评总分,说明项目实施取得的成效或成果。(200字以内) |",
        "存在问题 |", "结合自评情况,分析存在的问题及原因。(200字以内) |",
        "改进措施 |", "针对项目自评中发现的问题,提出下一步改进完善的意见及有关政策性建议。(200字以内) |"])
    assert extract_text(text, "form.txt").statements == []
    # the same boxes filled in: the statements are read
    filled = text.replace("结合自评情况,分析存在的问题及原因。(200字以内)", "部分文化站开放时间不足，群众知晓率偏低。")
    problems = [s.text for s in extract_text(filled, "form.txt").statements if s.kind == "problem"]
    assert problems and "开放时间不足" in problems[0]


def test_the_cells_after_a_reason_heading_in_a_squashed_header_are_no_reasons():
    """A web page printing a form's goals, its two header rows and its first row in one barred line:
    the cells after 「偏差原因分析及改进措施」 are the next header row's headings and the first
    indicator's cells, not reasons (written for this test)."""
    text = ("项目名称 | 农村道路养护经费 | 主管部门 | 某县交通运输局 |\n"
            "| — | 年度总体目标 | 预期目标 | 实际完成情况 | 养护农村道路,保障群众安全出行 | 养护农村道路,保障群众安全出行 "
            "| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 "
            "| 指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 | 养护道路里程 | ≥ | 120 | 公里 | 118公里 | 20 | 18 |\n"
            "| 质量指标 | 路面合格率 | ≥ | 95 | % | 96% | 20 | 20 |\n")
    assert [s.text for s in extract_text(text, "web.txt").statements if s.kind == "reason"] == []


# A report with a table of contents: its headings printed once without bodies, then the
# report's title again and its text (written for this test).
WITH_CONTENTS = (
    "某县农村饮水安全项目绩效评价报告\n"
    "目 录\n一、项目概况\n二、绩效评价情况\n三、存在的问题及原因分析\n四、意见建议\n"
    "某县农村饮水安全项目绩效评价报告\n"
    "一、项目概况\n近年来，我县持续推进农村饮水安全工程建设，改善群众饮水条件。\n"
    "二、绩效评价情况\n项目资金严格按规定用途使用，严禁截留、挪用和不合理支出。\n"
    "三、存在的问题及原因分析\n部分管网老化，供水保障能力不足。\n"
    "四、意见建议\n加快老旧管网改造。\n"
)


def test_a_table_of_contents_heading_takes_no_body_and_a_prohibition_admits_nothing():
    found = [(s.kind, s.text) for s in extract_text(WITH_CONTENTS, "report.txt").statements]
    assert found == [("problem", "部分管网老化，供水保障能力不足。"), ("measure", "加快老旧管网改造。")]


def test_a_heading_run_into_a_line_with_its_body_after_a_space():
    text = ("某县日间照料中心项目绩效自评报告\n"
            "项目达到预期效果，评价等级为良。 五、存在的问题和建议 无\n"
            "六、其他需说明的事项 无\n")
    assert [s.text for s in extract_text(text, "report.txt").statements] == []


# A report a document site converted from PDF: its text run into one line, its bold list
# markers printed twice (written for this test)
DOUBLED_MARKERS = (
    "（一）项目绩效目标完成情况。本项目共设置绩效目标12个，实际完成10个。"
    "（二）项目实施过程中存在的问题和改进建议1 1、存在问题(1)(1) 宣传覆盖面不够广。"
    "(2)(2) 活动形式较为单一。2 2、改进建议(1)(1) 增加进社区、进学校的宣传次数，扩大覆盖面。"
    "(2)(2) 线上线下相结合，丰富宣传形式。"
    "（三）绩效自评指标完成情况分析(1)(1) 预算执行率实际完成85%，未完成目标的原因是部分采购合同尚未结算。\n")


def test_doubled_list_markers_read_once_and_the_next_outer_number_ends_the_section():
    report = extract_text(DOUBLED_MARKERS, "pdf.txt")
    got = [(s.kind, s.text) for s in report.statements]
    assert got == [("problem", "宣传覆盖面不够广。"), ("problem", "活动形式较为单一。"),
                   ("measure", "增加进社区、进学校的宣传次数，扩大覆盖面。"),
                   ("measure", "线上线下相结合，丰富宣传形式。"),
                   ("reason", "未完成目标的原因是部分采购合同尚未结算。")]
    for s in report.statements:          # offsets into the page as printed
        assert DOUBLED_MARKERS[s.start:s.end] == s.text


def test_a_sections_own_items_numbered_above_its_heading_stay_in_it():
    text = ("（三）改进建议。为提升绩效管理水平，从三方面改进。一、加强预算管理，提高预算编制的精准度。"
            "二、健全监控机制，对执行滞后的项目及时预警。\n")
    assert [(s.kind, s.text) for s in extract_text(text, "r.txt").statements] == [
        ("measure", "加强预算管理，提高预算编制的精准度。"), ("measure", "健全监控机制，对执行滞后的项目及时预警。")]


# A passage or a page export that stops mid-sentence: the sentence it breaks off is no part of
# a statement; a point with no whole sentence, broken off after a comma, is none; a last point
# its author left unpunctuated stays (all written for this test).
CUT_OFF = ("某县2024年度农村饮水工程维护项目绩效自评报告\n三、存在问题\n"
           "一是部分工程维护资金拨付滞后。二是项目审核机制不健全。工程验收资料审核流程存在漏洞，未建立针对")
CUT_AFTER_COMMA = ("某县2024年度农村饮水工程维护项目绩效自评报告\n四、改进措施\n"
                   "一是加快维护资金拨付进度。二是加强工程维护资料管理，定期组织维护人员培训，")
UNPUNCTUATED_LAST = ("某县2024年度农村饮水工程维护项目绩效自评报告\n四、改进措施\n"
                     "一是加快维护资金拨付进度。\n二是加强工程维护资料管理")


def test_a_sentence_the_text_breaks_off_is_no_part_of_a_statement():
    problems = [s.text for s in extract_text(CUT_OFF).statements if s.kind == "problem"]
    assert problems == ["部分工程维护资金拨付滞后。", "项目审核机制不健全。"]
    measures = [s.text for s in extract_text(CUT_AFTER_COMMA).statements if s.kind == "measure"]
    assert measures == ["加快维护资金拨付进度。"]
    measures = [s.text for s in extract_text(UNPUNCTUATED_LAST).statements if s.kind == "measure"]
    assert measures == ["加快维护资金拨付进度。", "加强工程维护资料管理"]


# 存在的问题和原因 (及, 和 or 与): a point opening with 主要原因是 is a reason, the rest are problems,
# a shortfall stated with its cause included; a list cut off after 「1、」 loses its marker
# (written for this test).
PROBLEMS_AND_REASONS = ("某县2023年度学生资助项目绩效自评报告\n（三）存在的问题和原因\n"
                        "1、受资助困难学生覆盖率有待进一步提高。主要原因是部分学生未及时提交申请材料。\n"
                        "（四）下一步改进措施\n加强资助政策宣传。\n")
CAUSE_IN_THE_PROBLEM = ("某县2023年度文化活动项目绩效自评报告\n发现的主要问题与原因：一是因受疫情影响，部分线下演出未能按期举办；"
                        "二是部分活动预算成本偏高。\n")


def test_a_problems_and_reasons_section_tells_its_reasons_apart():
    found = [(s.kind, s.text) for s in extract_text(PROBLEMS_AND_REASONS).statements]
    assert found == [("problem", "受资助困难学生覆盖率有待进一步提高。"), ("reason", "主要原因是部分学生未及时提交申请材料。"),
                     ("measure", "加强资助政策宣传。")]
    found = [(s.kind, s.text) for s in extract_text(CAUSE_IN_THE_PROBLEM).statements]
    assert found == [("problem", "因受疫情影响，部分线下演出未能按期举办"), ("problem", "部分活动预算成本偏高。")]


@pytest.mark.parametrize("heading", ["四、差距与不足", "四、存在的差距", "四、薄弱环节"])
def test_more_ways_reports_head_their_shortcomings(heading):
    text = (f"某县2023年度村级服务站项目绩效自评报告\n{heading}\n一是部分村级服务站运行经费保障不足。二是群众知晓率不高。\n"
            "五、改进措施\n加强政策宣传。\n")
    found = [(s.kind, s.text, s.source) for s in extract_text(text).statements]
    assert found == [("problem", "部分村级服务站运行经费保障不足。", "section"), ("problem", "群众知晓率不高。", "section"),
                     ("measure", "加强政策宣传。", "section")]


@pytest.mark.parametrize("heading", ["五、下一步工作思路", "五、今后工作打算", "五、改进举措"])
def test_more_ways_reports_head_their_measures(heading):
    text = (f"某县2023年度村级服务站项目绩效自评报告\n四、存在问题\n部分村级服务站运行经费保障不足。\n{heading}\n"
            "一是积极争取上级补助资金。二是加强服务站日常管理。\n")
    found = [(s.kind, s.text, s.source) for s in extract_text(text).statements]
    assert found[1:] == [("measure", "积极争取上级补助资金。", "section"), ("measure", "加强服务站日常管理。", "section")]


@pytest.mark.parametrize("heading", ["三、未达标原因", "三、未达到目标的原因", "三、未完成的原因"])
def test_more_ways_reports_head_their_reasons(heading):
    text = f"某县2023年度农村公路养护项目绩效自评报告\n{heading}\n部分乡镇养护资金下达较晚。\n"
    found = [(s.kind, s.text, s.source) for s in extract_text(text).statements]
    assert found == [("reason", "部分乡镇养护资金下达较晚。", "section")]


def _kinds_and_texts(text: str) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in extract_text(text, "报告.txt").statements]


# A self-evaluation report in the outline many counties use (written for these tests).
LABELLED_LINES = (
    "（三）存在的问题和原因\n"
    "存在的问题：一是部分村级项目资金拨付进度偏慢，年底仍有结余。\n"
    "原因：一是村级报账员业务不熟练；二是部分工程未及时完成结算审计。\n"
    "（四）下一步拟改进措施\n"
    "1.一是加强村级报账员业务培训，二是督促施工单位及时报送结算资料。三是按月通报资金拨付进度。\n"
    "2.严格执行专项资金管理办法。\n"
)


def test_labelled_lines_give_their_kind_to_every_point_of_their_block():
    got = _kinds_and_texts(LABELLED_LINES)
    assert ("problem", "部分村级项目资金拨付进度偏慢，年底仍有结余。") in got
    assert ("reason", "村级报账员业务不熟练") in got
    assert ("reason", "部分工程未及时完成结算审计。") in got
    # a numbered item that is itself a list from its first word on is cut into its items
    measures = [t for k, t in got if k == "measure"]
    assert measures == ["加强村级报账员业务培训", "督促施工单位及时报送结算资料。", "按月通报资金拨付进度。",
                        "严格执行专项资金管理办法。"]


# Causes announced inside a problem, numbered with a year right after the marker, in PDF
# text wrapped at a narrow column (written for this test).
REASONS_ANNOUNCED = (
    "三、存在的问题\n"
    "一是部门预算调整率较大，年中追加预算580万元，主要原\n"
    "因是：1.2024年省级下达的疫情防控补助资金在年中追加，未\n"
    "列入年初预算。2.2024年县财政将代管的专户资金划入本单位\n"
    "核算，年初无法预计。\n"
    "四、改进措施\n"
    "我局将进一步加强与财政部门的沟通衔接，提高年初预算编\n"
    "制的完整性，减少年中追加调整。\n"
)


def test_items_announced_as_causes_are_reasons_and_a_narrow_column_wraps():
    got = _kinds_and_texts(REASONS_ANNOUNCED)
    assert got[0] == ("problem", "部门预算调整率较大，年中追加预算580万元")
    reasons = [t.replace("\n", "") for k, t in got if k == "reason"]
    assert reasons == ["2024年省级下达的疫情防控补助资金在年中追加，未列入年初预算。",
                       "2024年县财政将代管的专户资金划入本单位核算，年初无法预计。"]
    measures = [t.replace("\n", "") for k, t in got if k == "measure"]
    assert measures == ["我局将进一步加强与财政部门的沟通衔接，提高年初预算编制的完整性，减少年中追加调整。"]


def test_the_outline_heading_of_unfinished_targets_is_no_problem():
    text = ("（二）绩效目标完成情况\n1.执行率情况。\n资金到位5万元，执行率100%\n"
            "2.完成的绩效目标。\n完成村干部培训3期。\n3.未完成的绩效目标。\n无。\n")
    assert _kinds_and_texts(text) == []


def test_a_list_marker_wrapped_by_a_narrow_column_is_still_a_marker():
    text = ("四、下一步改进措施\n我局将从两方面改进：一\n是细化预算测算依据，提高年初预算编制的完整性；二\n"
            "是按月通报资金支付进度，督促项目单位及时报账。\n")
    measures = [t.replace("\n", "") for k, t in _kinds_and_texts(text) if k == "measure"]
    assert measures == ["细化预算测算依据，提高年初预算编制的完整性", "按月通报资金支付进度，督促项目单位及时报账。"]


# ---- statements as web pages, news items and audit notes run them on (round 21)

def test_a_sentence_announcing_problems_opens_them_and_a_title_sentence_heads_its_list():
    text = ("近年来，县财政局持续推进预算绩效管理，取得了一定成效，但全县预算执行中仍然存在一些不容忽视的问题：\n"
            "（一）项目储备不充分。一是部分单位未建立项目库。二是入库项目前期论证不足。\n"
            "（二）资金拨付偏慢。部分专项资金在年底才拨付到位。\n")
    got = [(k, t) for k, t in _kinds_and_texts(text)]
    assert got == [("problem", "项目储备不充分。"), ("problem", "部分单位未建立项目库。"),
                   ("problem", "入库项目前期论证不足。"), ("problem", "资金拨付偏慢。部分专项资金在年底才拨付到位。")]


def test_a_full_stop_and_a_first_item_end_the_announcement_too():
    text = ("2024年，全区完成了支出任务，但执行中仍然存在一定的问题。一是支出进度前慢后快。"
            "二是结转结余资金偏多。三是部分项目未按期开工。")
    problems = [t for k, t in _kinds_and_texts(text) if k == "problem"]
    assert problems == ["支出进度前慢后快。", "结转结余资金偏多。", "部分项目未按期开工。"]


def test_a_problem_and_its_cause_in_one_sentence_are_two_statements_under_any_heading():
    text = ("五、存在的主要问题\n"
            "该项目全年预算执行率为71.5%，资金支付进度较慢，主要原因是工程款须待竣工结算审计后支付。\n")
    got = _kinds_and_texts(text)
    assert got == [("problem", "该项目全年预算执行率为71.5%，资金支付进度较慢"),
                   ("reason", "主要原因是工程款须待竣工结算审计后支付。")]
    prose = "经核查，部分资金支出进度滞后，究其原因既有项目单位报账不及时，也有资金调度安排不及时。"
    assert _kinds_and_texts(prose) == [("problem", "经核查，部分资金支出进度滞后"),
                                       ("reason", "究其原因既有项目单位报账不及时，也有资金调度安排不及时。")]


def test_a_sentence_opening_with_what_it_answers_is_a_measure_after_its_comma():
    text = "针对监控中发现的执行进度滞后等问题，各项目单位立行立改、分类处置，确保年度目标如期完成。"
    got = _kinds_and_texts(text)
    assert ("measure", "各项目单位立行立改、分类处置，确保年度目标如期完成。") in got
    measure = next(s for s in extract_text(text, "n.txt").statements if s.kind == "measure")
    assert "BUDGET_EXECUTION" in measure.themes          # from the problem it answers
    # an announcement is none
    assert _kinds_and_texts("针对上述问题，提出以下建议：") == []


def test_who_says_it_is_no_part_of_a_statement_and_what_others_must_do_is_a_measure():
    text = ("“……”市人大常委会委员某某表示，部分项目预算编制不够细化、资金使用效率不高等问题依然存在。"
            "区财政局负责人指出，各单位要加强对项目资金执行情况的分析研判；"
            "财政部门要及时拨付上级专项资金。")
    got = _kinds_and_texts(text)
    assert got[0] == ("problem", "部分项目预算编制不够细化、资金使用效率不高等问题依然存在。")
    measures = [t for k, t in got if k == "measure"]
    assert measures == ["各单位要加强对项目资金执行情况的分析研判", "财政部门要及时拨付上级专项资金。"]


def test_a_report_names_its_project_in_its_title_or_in_the_sentence_saying_what_it_evaluates():
    titled = ("某县交通运输局2023年度农村公路养护工程监理费专项资金绩效评价报告\n"
              "一、基本情况\n二、存在的问题\n部分路段养护进度滞后。\n")
    doc = extract_text(titled, "t.txt")
    assert [p.name for p in doc.projects] == ["农村公路养护工程监理费专项资金"]
    said = ("一、自评结论\n为加强资金管理，我单位对某镇农产品冷链仓储建设项目（一期）执行情况开展了自评。\n"
            "二、存在的问题\n项目按时开工但未按时完工。\n")
    doc = extract_text(said, "s.txt")
    assert [p.name for p in doc.projects] == ["某镇农产品冷链仓储建设项目（一期）"]
    assert [s.project for s in doc.statements] == ["某镇农产品冷链仓储建设项目（一期）"]
    # a title saying what was done with the money names it (a section heading of the kind names nothing)
    done = ("某县2023年度耕地地力保护补贴实施情况\n一、资金下达情况\n全年下达补贴资金820万元。\n"
            "二、资金使用情况\n已全部发放到户。\n")
    assert [p.name for p in extract_text(done, "d.txt").projects] == ["耕地地力保护补贴"]
    # a name, its year and the evaluation only: the words before the year are the name (a
    # unit's are none)
    yearly = ("城乡低保对象入户核查2022年预算绩效自评\n一、基本情况\n全年核查4120户。\n"
              "二、存在的问题\n部分乡镇核查进度滞后。\n")
    assert [p.name for p in extract_text(yearly, "y.txt").projects] == ["城乡低保对象入户核查"]
    unit = "某县民政局2022年度绩效自评\n一、基本情况\n全年核查4120户。\n"
    assert extract_text(unit, "u.txt").projects == []
    # the aspects evaluated may stand between the name and the verb
    aspects = ("按照绩效管理工作要求，我中心对城区雨污分流改造及配套工程项目资金投入情况、"
               "绩效目标完成情况等进行了自评，并形成自评报告如下：\n")
    assert [p.name for p in extract_text(aspects, "a.txt").projects] == ["城区雨污分流改造及配套工程项目"]
    # a kind of money is no project's name
    money = "一、基本情况\n我局对2023年度专项资金进行了绩效评价。\n二、存在的问题\n项目进度滞后。\n"
    assert extract_text(money, "m.txt").projects == []
    # a self-evaluation's title may leave 绩效 out; the aspects evaluated alone name nothing
    plain = ("老年助餐服务补贴资金项目自评报告\n一、基本情况\n根据要求，对绩效目标的设定情况、资金投入和使用情况"
             "等进行评价，自评分为95分。\n二、存在的问题\n部分助餐点服务时间偏短。\n")
    doc = extract_text(plain, "p.txt")
    assert [p.name for p in doc.projects] == ["老年助餐服务补贴资金"]
    assert [s.project for s in doc.statements] == ["老年助餐服务补贴资金"]


def test_a_marker_opening_a_statement_inside_a_line_is_left_out():
    text = "报告列出了审计的发现。\n  （二）部分项目管理不规范，合同签订不及时。\n"
    assert _kinds_and_texts(text) == [("problem", "部分项目管理不规范，合同签订不及时。")]


def test_a_rectification_gives_the_problem_it_answers_then_what_was_done():
    text = ("对部分专项资金分配下达未达到时限要求问题，县财政局已完成分配下达，"
            "并建立资金下达台账逐月跟踪。")
    got = _kinds_and_texts(text)
    assert got == [("problem", "对部分专项资金分配下达未达到时限要求问题"),
                   ("measure", "县财政局已完成分配下达，并建立资金下达台账逐月跟踪。")]
    themes = {s.kind: s.themes for s in extract_text(text, "z.txt").statements}
    assert "BUDGET_EXECUTION" in themes["problem"]


def test_requirements_announced_are_measures_and_the_word_itself_is_no_cue():
    text = ("会议提出了以下几点要求：一是完善绩效管理工作机制，明确责任分工。"
            "二是完善档案管理，明确专人负责。\n")
    measures = [t for k, t in _kinds_and_texts(text) if k == "measure"]
    assert measures == ["完善绩效管理工作机制，明确责任分工。", "完善档案管理，明确专人负责。"]
    # 今后……要 is a cue of next steps; the 要 of 要求 is none
    summary = "会议总结了过去工作的经验，提出了今后工作的新要求，为下一步工作指明了方向。"
    assert _kinds_and_texts(summary) == []
    said = "会议要求，各部门要针对绩效管理中存在的不足，加大执行阶段的监管。"
    assert _kinds_and_texts(said) == [("measure", "各部门要针对绩效管理中存在的不足，加大执行阶段的监管。")]


def test_admissions_as_audit_news_words_them():
    said = {
        "审计指出，该镇没有严格落实资金专账核算制度。": "没有严格落实资金专账核算制度",
        "截至9月底，全县支付率为41.2%，低于全省序时进度8.6个百分点。": "低于全省序时进度",
        "全市中央投资完成率距年度目标还有一定差距。": "差距",
        "部分项目前期工作未遵循基本建设程序。": "未遵循",
        "乡镇卫生院专业技术人员匮乏。": "匮乏",
        "部分单位结转结余资金量较大。": "结余",
        "部分资金闲置在项目单位账户。": "闲置",
    }
    for text, cue in said.items():
        got = _kinds_and_texts(text)
        assert [k for k, _ in got] == ["problem"], text
        assert cue in got[0][1]
    # a distance closed is none, nor a problem merely referred to
    assert _kinds_and_texts("通过整改，全县与先进地区的差距进一步缩小。") == []
    assert _kinds_and_texts("审核组针对部门存在的问题，提出了具体的核查意见。") == []
    assert _kinds_and_texts("我站对上级检查所提出存在的问题做了认真的整改。") == []


def test_directives_in_news_are_measures():
    got = _kinds_and_texts("审计组发现部分单位未实行专账核算，要求认真整改，并对责任人严肃处理。")
    assert ("measure", "认真整改，并对责任人严肃处理。") in got
    got = _kinds_and_texts("会议强调，各乡镇要更加强化资金监管，确保资金安全。")
    assert got == [("measure", "各乡镇要更加强化资金监管，确保资金安全。")]
    got = _kinds_and_texts("市审计局建议市住建部门加强项目前期论证，提高资金使用效益。")
    assert got == [("measure", "市住建部门加强项目前期论证，提高资金使用效益。")]
    # an instruction followed, no directive
    assert _kinds_and_texts("我单位将根据有关要求做好项目申报公开等相关工作。") == []


def test_a_title_run_on_into_the_first_section_and_a_key_evaluation_name_the_project():
    run_on = "1、设备购置项目绩效自评报告一、项目概况本项目为教育系统设备购置。二、存在问题 部分设备到货较晚。"
    assert [p.name for p in extract_text(run_on, "a.txt").projects] == ["设备购置项目"]
    key = "某区2023年高标准农田建设项目重点绩效评价报告摘要\n一、基本情况\n项目于2023年完工。\n"
    assert [p.name for p in extract_text(key, "b.txt").projects] == ["高标准农田建设项目"]
    blurb = ("随着个人素质的提升，接触报告的人越来越多，下面是小编收集整理的补助资金绩效自评报告，欢迎阅读。\n"
             "一、基本情况\n")
    assert extract_text(blurb, "c.txt").projects == []


def test_where_the_work_stands_in_an_indicators_account_is_no_admission():
    text = "（三）绩效指标完成情况分析。\n(1)数量指标。完成河道清淤2.3公里。\n(2)时效指标。该项目暂未完工。\n"
    assert _kinds_and_texts(text) == []
    assert [k for k, _ in _kinds_and_texts("部分项目按时开工但未按时完工。")] == ["problem"]


def test_problems_named_as_a_noun_or_only_counted_admit_nothing():
    for text in ("各乡镇将项目实施过程中存在的问题及时上报至县农业农村局。",
                 "本文结合调研情况，分析其存在的主要问题并提出建议。",
                 "检查组于9月对全县项目开展检查，发现存在诸多问题。"):
        assert _kinds_and_texts(text) == [], text
    assert [k for k, _ in _kinds_and_texts("部分乡镇存在挤占项目资金的问题。")] == ["problem"]


def test_requirements_announced_with_no_count_open_a_list_of_measures():
    text = ("会议通报了上半年预算执行情况，提出下一步工作要求，一是压实支出责任，按月调度执行进度；"
            "二是加快项目前期工作，尽早形成支出。\n")
    measures = [t for k, t in _kinds_and_texts(text) if k == "measure"]
    assert measures == ["压实支出责任，按月调度执行进度", "加快项目前期工作，尽早形成支出。"]


def test_slow_and_cumbersome_are_admissions():
    for text in ("项目审批流程繁琐，办理周期冗长。", "部分项目建设进度过慢。"):
        assert [k for k, _ in _kinds_and_texts(text)] == ["problem"], text


def test_a_statement_rows_label_wrapped_with_spaces_still_heads_its_points():
    # the foot of a 湖北-style 自评表 as a web page prints it (written for this test): the label
    # cells wrapped over lines, the breaks turned into spaces
    text = ("项目名称 | 2024年油茶种植补助 |\n"
            "一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |\n"
            "产出指标 | 数量指标 | 新造油茶林面积(亩) | 3000 | 2100 | 14 |\n"
            "总分 | 84 | |||||\n"
            "偏差大或 目标未完成 原因分析 |\n"
            "一是部分种植户自有资金不足,造林进度滞后;二是春季持续干旱,部分地块未能按期栽植。 | |||||\n"
            "改进措施及 结果应用方案 |\n"
            "一是加强与金融机构对接,帮助种植户解决资金困难;二是做好抗旱保苗,秋季及时补植补造。 | |||||\n")
    assert _kinds_and_texts(text) == [
        ("reason", "部分种植户自有资金不足,造林进度滞后"),
        ("reason", "春季持续干旱,部分地块未能按期栽植。"),
        ("measure", "加强与金融机构对接,帮助种植户解决资金困难"),
        ("measure", "做好抗旱保苗,秋季及时补植补造。")]


def test_a_shortfall_said_then_how_it_shows_announces_problems():
    # a supervisor's survey note (written for this test): the items are heading sentences
    # with their bodies, each one problem
    text = ("某监管局调研发现，部分县区转移支付资金绩效自评工作质量不高，主要表现为：\n"
            "  一、自评数据失真。部分指标按计划数填报，与实际完成情况不符。\n"
            "  二、自评责任落实不到位。调研发现，多数项目的自评由主管部门代为完成，资金使用单位未参与。\n"
            "  建议：一是加强自评数据审核。\n")
    assert _kinds_and_texts(text) == [
        ("problem", "自评数据失真。部分指标按计划数填报，与实际完成情况不符。"),
        ("problem", "自评责任落实不到位。调研发现，多数项目的自评由主管部门代为完成，资金使用单位未参与。"),
        ("measure", "加强自评数据审核。")]


def test_an_audits_findings_grouped_by_field_are_one_each_and_the_fields_are_none():
    # an audit result notice (written for this test)
    text = ("二、审计发现的主要问题\n（一）预算管理方面存在的问题。8家单位未及时上缴非税收入共计56.20万元。"
            "5家单位12个项目预算执行率低。\n（二）其他问题。部分单位固定资产账实不符。\n"
            "（三）资产管理方面\n3家单位办公用房超标准配置。\n")
    assert _kinds_and_texts(text) == [
        ("problem", "8家单位未及时上缴非税收入共计56.20万元。"),
        ("problem", "5家单位12个项目预算执行率低。"),
        ("problem", "部分单位固定资产账实不符。"),
        ("problem", "3家单位办公用房超标准配置。")]


def test_a_recommendation_that_goes_on_to_its_finding_and_cause_gives_all_three():
    text = ("三、意见建议\n"
            "一是建议加强补助资金监管。从检查情况来看，部分乡镇在资金使用上还存在超范围支出、长期滞留等问题，"
            "主要原因在于主管部门日常监管不到位。建议主管部门定期开展资金使用专项检查。\n"
            "二是完善资金管理办法，明确补助范围和标准。\n")
    assert _kinds_and_texts(text) == [
        ("measure", "建议加强补助资金监管。"),
        ("problem", "部分乡镇在资金使用上还存在超范围支出、长期滞留等问题"),
        ("reason", "主要原因在于主管部门日常监管不到位。"),
        ("measure", "建议主管部门定期开展资金使用专项检查。"),
        ("measure", "完善资金管理办法，明确补助范围和标准。")]


def test_what_an_audit_found_done_about_its_findings_is_measures_unless_it_names_nothing():
    text = ("二、审计发现的主要问题\n（一）部分项目合同签订不规范。\n（二）个别工程竣工后未及时办理结算。\n"
            "三、审计整改情况\n对审计发现的问题，被审计单位已采取措施并正在整改中。\n"
            "建设单位已补签合同2份，并于9月完成工程结算。\n")
    assert _kinds_and_texts(text) == [
        ("problem", "部分项目合同签订不规范。"),
        ("problem", "个别工程竣工后未及时办理结算。"),
        ("measure", "建设单位已补签合同2份，并于9月完成工程结算。")]


def test_an_audits_finding_then_what_it_decided_gives_a_problem_then_a_measure():
    # an audit notice of a county (written for this test)
    text = ("一、审计发现的主要问题及处理情况\n"
            "（一）农村饮水安全补助资金未拨付使用，涉及金额320万元。\n"
            "2023年5月，县财政局收到上级补助资金320万元，截至2024年2月仍存于县财政局未拨付使用。"
            "对此，县审计局已责令县水利局加快项目实施，尽快拨付资金。\n"
            "（二）县民政局违规向不符合条件人员发放救助金，涉及金额8.6万元。\n"
            "对此，县审计局已作出审计决定，责令县民政局追回违规发放的资金。\n")
    assert _kinds_and_texts(text) == [
        ("problem", "农村饮水安全补助资金未拨付使用，涉及金额320万元。"
                    "2023年5月，县财政局收到上级补助资金320万元，截至2024年2月仍存于县财政局未拨付使用。"),
        ("measure", "县审计局已责令县水利局加快项目实施，尽快拨付资金。"),
        ("problem", "县民政局违规向不符合条件人员发放救助金，涉及金额8.6万元。"),
        ("measure", "县审计局已作出审计决定，责令县民政局追回违规发放的资金。")]


def test_a_list_run_into_one_line_ends_with_its_line():
    # the page's caption on the next line is no part of the last measure (written for this test)
    text = ("四、下一步改进措施\n"
            "一是编制预算时细化到具体项目；二是合理设置绩效目标，加强项目全过程监管。\n"
            "某县农村生活污水治理项目的《项目支出绩效自评表》。\n")
    assert _kinds_and_texts(text) == [
        ("measure", "编制预算时细化到具体项目"),
        ("measure", "合理设置绩效目标，加强项目全过程监管。")]


def test_a_sentence_drawing_the_lesson_is_a_measure():
    # the close of a news item on an evaluation (written for this test)
    text = ("近日，市财政局完成了某县林业专项资金绩效评价。开展绩效评价是全面实施预算绩效管理的重要抓手。"
            "因此，要强化绩效目标设定、对评价中发现问题认真研究整改，力促资金发挥效益。\n")
    assert _kinds_and_texts(text) == [
        ("measure", "要强化绩效目标设定、对评价中发现问题认真研究整改，力促资金发挥效益。")]


def test_a_numbered_line_that_admits_a_weak_link_is_a_problem_not_a_heading():
    # 「尚有薄弱环节」 says something of the work; 「薄弱环节」 alone would head a section
    text = ("关于县农业农村局2024年度预算执行审计查出问题整改情况的报告\n"
            "二、审计查出的主要问题及整改情况\n"
            "（一）专项资金结余较多。\n"
            "（二）合同管理尚有薄弱环节。\n")
    found = _kinds_and_texts(text)
    assert ("problem", "合同管理尚有薄弱环节。") in found
    assert ("problem", "专项资金结余较多。") in found


def test_what_still_awaits_improvement_is_admitted_however_it_is_written():
    text = ("2024年度基层便民服务站点建设项目绩效自评报告\n"
            "项目已按计划建成服务站点12个，但村级站点的服务能力和规范化水平还有待于进一步提高。\n")
    assert [k for k, _ in _kinds_and_texts(text)] == ["problem"]


def test_a_journal_abstracts_key_words_are_no_measures_of_its_list():
    text = ("【摘要】 评价发现部分补贴发放不及时。据此提出以下建议：完善补贴发放流程；加强绩效考核。\n"
            "\n"
            "    【关键词】 养老服务; 财政资金; 绩效评价\n")
    measures = [t for k, t in _kinds_and_texts(text) if k == "measure"]
    assert measures and not any("关键词" in t or "绩效评价" == t.strip() for t in measures)
    assert all("养老服务" not in t for t in measures)


def test_what_held_back_the_pace_named_before_it_is_a_reason():
    # (written for this test) a sentence saying what delayed the money or the work, with no
    # reason heading and no 由于
    text = ("三、绩效目标完成情况\n"
            "全年资金支付率为86%。当年乡镇机构调整影响了补助资金拨付进度。\n")
    found = [(s.kind, s.text) for s in extract_text(text, "web.txt").statements]
    assert ("reason", "当年乡镇机构调整影响了补助资金拨付进度。") in found


# The outline of a 转移支付 self-evaluation report, its third section one sentence giving the
# reason and then what will be done (written for this test).
TRANSFER_OUTLINE = (
    "二、绩效目标完成情况分析\n群众满意度达到98%。\n"
    "三、偏离绩效目标的原因和下一步改进措施\n"
    "因部分村组灌溉渠道尚未完工，下一步将督促施工单位增加作业面，确保汛期前完工。\n"
    "四、绩效自评结果拟应用和公开情况\n自评结果将在部门网站公开。\n")


def test_a_reason_that_turns_to_what_will_be_done_gives_both():
    assert _kinds_and_texts(TRANSFER_OUTLINE) == [
        ("reason", "因部分村组灌溉渠道尚未完工"),
        ("measure", "下一步将督促施工单位增加作业面，确保汛期前完工。")]


def test_a_reason_cell_printing_the_rows_value_again_is_no_reason():
    text = ("项目名称：某县电子政务网络升级项目\n"
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t偏差原因分析\n"
            "效益指标\t社会效益指标\t政务服务便捷程度\t明显提升\t明显提升\t明显提升\n")
    report = extract_text(text, "表.txt")
    assert [s for s in report.statements if s.kind == "reason"] == []
    # … and the row keeps no reason of its own either (its export, its review)
    assert [(i.name, i.reason, i.reason_start) for i in report.projects[0].indicators] == [("政务服务便捷程度", "", None)]


def test_money_left_unspent_said_to_be_what_it_is_is_a_reason_and_its_plan_a_measure():
    # written for this test: a self-evaluation's execution paragraph
    text = ("二、绩效目标完成情况分析\n（一）预算执行情况\n"
            "2023年项目资金支付860万元，未支付42万元，支付率95.3%。"
            "未支付资金属于部分工程暂未完成结算审计和预留的质量保证金，待审计完成和质保期满后支付。\n")
    found = [(s.kind, s.text) for s in extract_text(text, "village.txt").statements]
    assert found == [("reason", "未支付资金属于部分工程暂未完成结算审计和预留的质量保证金"),
                     ("measure", "待审计完成和质保期满后支付。")]
    # a figure said of the balance is no reason
    assert not extract_text("2023年结余资金为35.2万元，已按规定上缴财政。\n", "x.txt").statements


def test_a_sanction_on_those_overseen_is_the_offices_work_not_its_shortfall():
    # written for this test: a market regulator's results, then a shortfall of its own
    text = ("全年开展双随机抽查60批次，未按规定公示年报信息的120户企业被列入经营异常名录。"
            "部分抽查结果未按规定及时公示。\n")
    found = [(s.kind, s.text) for s in extract_text(text, "market.txt").statements]
    assert found == [("problem", "部分抽查结果未按规定及时公示。")]


def test_a_report_flattened_onto_one_line_is_read_by_its_run_of_chapter_numbers():
    # written for this test: a school's self-evaluation as a document site gives a Word file,
    # its headings run on into their text with no stop between
    text = ("某县第二中学专项资金绩效自评报告一、基本情况本校2023年项目为生均公用经费项目，按每生900元安排"
            "二、项目资金使用及管理情况资金严格按照规定用于学校日常运转三、预算支出绩效情况保证了学校的正常运转"
            "四、存在的问题及原因分析上级资金到位时间偏晚，部分采购延至下学期五、几点建议上级拨款应更及时一些"
            "六、其他需要说明的问题暂无\n")
    found = [(s.kind, s.text, s.themes) for s in extract_text(text, "school.txt").statements]
    assert found == [("problem", "上级资金到位时间偏晚，部分采购延至下学期", found[0][2]),
                     ("measure", "上级拨款应更及时一些", ["BUDGET_EXECUTION"])]
    # numbers in prose are no run of headings (「一、二、三号泵站」 follow no text of their own)
    prose = ("本年度完成了一、二、三号泵站的维修，但部分泵站设备老化问题仍然存在，"
             "四、五号泵站的维修因资金未到位推迟到下一年度实施，项目整体进度有所滞后。\n")
    found = [(s.kind, s.text) for s in extract_text(prose, "pump.txt").statements]
    assert found == [("problem", prose[prose.index("部分泵站"):].strip())]


def test_nothing_found_after_what_went_well_is_no_problem():
    text = "四、存在的问题\n项目运行正常，暂无问题。\n五、改进措施\n无\n"
    assert extract_text(text, "ok.txt").statements == []
    # … but a shortfall said before it stays one
    text = "四、存在的问题\n部分资金拨付不及时，暂无其他问题。\n"
    assert [s.kind for s in extract_text(text, "late.txt").statements] == ["problem"]


def test_in_a_section_of_problems_and_suggestions_a_point_opening_with_保证_is_a_measure():
    text = ("七、绩效自评工作的经验、问题和建议\n保证专项经费专款专用，在以后工作中加强规范管理\n"
            "八、其他需要说明的问题\n无\n")
    assert [s.kind for s in extract_text(text, "care.txt").statements] == ["measure"]
    # (a deposit, 保证金, opens a problem)
    text = "二、存在的问题和建议\n保证金未按期退还，影响施工企业资金周转。\n"
    assert [s.kind for s in extract_text(text, "deposit.txt").statements] == ["problem"]


def test_a_suggestion_that_goes_on_to_what_a_cause_brought_about_gives_that_finding_as_a_problem():
    # written for this test: a finance bureau's suggestions on a monitoring system
    text = ("三、工作建议\n一是资金在一体化系统中分配下达要与监控系统同步进行。"
            "在实际操作中因部分指标未及时收到处室的下达文件，造成两套系统数据不一致。\n"
            "二是建议将两套系统整合。\n")
    found = [(s.kind, s.text) for s in extract_text(text, "sync.txt").statements]
    assert found == [("measure", "资金在一体化系统中分配下达要与监控系统同步进行。"),
                     ("problem", "在实际操作中因部分指标未及时收到处室的下达文件，造成两套系统数据不一致。"),
                     ("measure", "建议将两套系统整合。")]


def test_a_rectification_reports_heading_names_the_problem_its_paragraph_answers():
    # written for this test: a city's report on rectifying what its audit found
    text = ("一、财政管理审计查出问题的整改情况\n"
            "（一）关于市级预算下达进度较慢的问题。对提前下达比例不足问题，市财政局已于11月底前提前下达"
            "转移支付资金，下达率100%。\n"
            "（二）关于资金管理不够精细的问题。对库款测算不准问题，市财政局修订了测算办法。\n")
    found = [(s.kind, s.text) for s in extract_text(text, "rectify.txt").statements]
    assert ("problem", "市级预算下达进度较慢的问题") in found
    assert ("problem", "资金管理不够精细的问题") in found
    assert ("measure", "市财政局修订了测算办法。") in found
    # an outline heading naming no problem stays none
    assert not [s for s in extract_text("（三）关于其他需要说明的问题。无。\n", "x.txt").statements
                if s.kind == "problem"]
