"""Indicators a self-evaluation report lists in its prose, not in a table (written for
these tests)."""
from __future__ import annotations

from assistant.extract import extract_text

REPORT = (
    "2023年农村户厕改造补助项目支出绩效自评报告\n"
    "一、自评结论\n"
    "（一）绩效目标完成情况\n"
    "1.农村户厕改造户数,年初目标值≥500户,实际完成值512户,自评得分20分;\n"
    "2.改厕验收合格率,年初目标值≥95%,实际完成值97%,自评得分20分;\n"
    "3.受益群众满意度，目标值为≥90%，实际完成值为93%，自评得分10分。\n"
    "二、项目基本情况\n"
    "项目名称:2023年农村户厕改造补助项目。\n"
    "项目实施单位:某镇人民政府。\n"
)


def test_indicators_listed_in_a_reports_prose_are_read_with_their_values_and_evidence():
    report = extract_text(REPORT, "report.txt")
    [project] = report.projects
    assert project.name == "2023年农村户厕改造补助项目"         # the sentence's 。 is not the name's
    rows = [(i.name, i.target, i.actual, i.score, i.category) for i in project.indicators]
    assert rows == [("农村户厕改造户数", "≥500户", "512户", 20, "数量"),
                    ("改厕验收合格率", "≥95%", "97%", 20, "质量"),
                    ("受益群众满意度", "≥90%", "93%", 10, "满意度")]
    first = project.indicators[0]
    assert REPORT[first.start:first.end].startswith("农村户厕改造户数") and REPORT[first.start:first.end].endswith("512户")


def test_one_sentence_quoting_a_target_is_no_list_of_indicators():
    text = ("2023年农村户厕改造补助项目支出绩效自评报告\n"
            "项目名称:2023年农村户厕改造补助项目\n"
            "全年预算执行率,年初目标值100%,实际完成值98%,主要原因是部分尾款未到支付期。\n")
    assert [i.name for p in extract_text(text, "one.txt").projects for i in p.indicators] == []


def test_a_sentence_running_its_subject_into_the_heading_is_no_item():
    text = ("项目名称:2023年农村户厕改造补助项目\n"
            "本项目年初目标值为改造500户，实际完成值为512户。\n"
            "该资金年初目标值为支付进度100%，实际完成值为支付进度96%。\n"
            "项目年度目标值为全部完工，实际完成值为已完工。\n")
    assert [i.name for p in extract_text(text, "prose.txt").projects for i in p.indicators] == []


# The indicator section of a transfer-payment self-evaluation report, in the wording of the
# national outline: each name runs straight into 年初指标值 / 年初任务数 and the actual
# value follows (written for this test).
TRANSFER_REPORT = (
    "某县中央转移支付2024年度绩效自评报告（困难群众救助补助资金）\n"
    "二、绩效情况分析\n"
    "（四）绩效指标完成情况分析。\n"
    "1、产出数量指标：第一，城乡低保对象救助人数年初指标值为不低于1200人,全年实际完成值1236人。"
    "第二，特困人员救助供养人数年初指标值为不低于300人,全年实际完成值287人。\n"
    "2、产出时效指标：救助资金发放年初指标值为按月发放,实际按月足额发放。\n"
    "满意度指标。救助对象满意度年初任务数90%,全年完成值95%;临时救助对象满意度年初任务数85%,全年完成值92%。\n"
)


def test_names_run_into_their_target_heading_are_read_with_their_labels():
    report = extract_text(TRANSFER_REPORT, "transfer.txt")
    rows = [(i.name, i.level2, i.target, i.actual, i.category) for p in report.projects for i in p.indicators]
    assert rows == [("城乡低保对象救助人数", "产出数量", "不低于1200人", "1236人", "数量"),
                    ("特困人员救助供养人数", "产出数量", "不低于300人", "287人", "数量"),
                    ("救助对象满意度", "满意度指标", "90%", "95%", "满意度"),
                    ("临时救助对象满意度", "满意度指标", "85%", "92%", "满意度")]
    first = report.projects[0].indicators[0]
    assert TRANSFER_REPORT[first.start:first.start + len(first.name)] == first.name


# A township's notice of one project's targets, in the template's own wording: each name
# with the placeholder the template printed for its target, then the value (written for
# this test).
NOTICE = (
    "标 题: | 关于某镇高山冷水鱼养殖项目绩效目标设定的公示 |\n"
    "安排衔接资金30万元，实施某镇高山冷水鱼养殖项目。现将绩效目标设定如下：\n"
    "一、产出指标\n"
    "数量指标：★新建养殖池数量(≥**个)≥12个；鱼苗成活率(≥**%)≥90%；"
    "时效指标：项目完工及时率(≥**%)≥100%。成本指标：每个养殖池建设成本(≤**万元/个)≤2.5万元/个。\n"
    "二、效益指标\n"
    "经济效益指标：带动村集体经济增收(≥**万元)≥3万元；社会效益目标：★★受益脱贫户数(≥**户)≥15户。"
    "生态效益指标：养殖尾水达标排放。\n"
    "三、满意度指标\n"
    "服务对象满意度指标，受益群众满意度(≥**%)≥95%。\n"
)


def test_a_notice_listing_names_with_the_templates_placeholders_gives_the_targets():
    report = extract_text(NOTICE, "notice.txt")
    [project] = report.projects
    assert (project.name, project.form) == ("某镇高山冷水鱼养殖项目", "target_application")
    rows = [(i.level2, i.name, i.target, i.category) for i in project.indicators]
    assert rows == [
        ("数量指标", "新建养殖池数量", "≥12个", "数量"),
        ("数量指标", "鱼苗成活率", "≥90%", "数量"),
        ("时效指标", "项目完工及时率", "≥100%", "时效"),
        ("成本指标", "每个养殖池建设成本", "≤2.5万元/个", "成本"),
        ("经济效益指标", "带动村集体经济增收", "≥3万元", "经济效益"),
        ("社会效益目标", "受益脱贫户数", "≥15户", "社会效益"),        # the label as printed
        ("服务对象满意度指标", "受益群众满意度", "≥95%", "满意度")]
    first = project.indicators[0]
    assert NOTICE[first.start:first.end] == "新建养殖池数量(≥**个)≥12个"


def test_one_name_with_a_placeholder_is_no_list():
    text = "关于某镇高山冷水鱼养殖项目绩效目标设定的公示\n项目建成后，预计鱼苗成活率(≥**%)≥90%，带动群众增收。\n"
    assert [i.name for p in extract_text(text, "one.txt").projects for i in p.indicators] == []


# The same kind of notice listing one item a line under each label's own line, no
# placeholder: a comparator and a number, or a comma and a word (written for this test).
LISTED_NOTICE = (
    "标 题: | 某县2025年食用菌种植技术培训项目绩效目标设定 |\n"
    "现将具体绩效目标设定如下：\n"
    "一、产出指标\n"
    "（一）数量指标\n"
    "培训种植户人数≥200人；\n"
    "（二）时效指标\n"
    "完成时限，2025年9月底前；\n"
    "（三）成本指标\n"
    "人均培训费用≤800元/人；\n"
    "二、效益指标\n"
    "（一）经济效益指标\n"
    "带动种植户增收，增加；\n"
    "三、满意度指标\n"
    "参训学员满意度≥95%。\n"
    "附件：绩效目标表\n"
    "某县农业农村局\n"
)


def test_items_listed_a_line_each_under_their_labels_are_read():
    [project] = extract_text(LISTED_NOTICE, "listed.txt").projects
    assert (project.name, project.form) == ("食用菌种植技术培训项目", "target_application")
    rows = [(i.level2, i.name, i.target, i.category) for i in project.indicators]
    assert rows == [
        ("数量指标", "培训种植户人数", "≥200人", "数量"),
        ("时效指标", "完成时限", "2025年9月底前", "时效"),
        ("成本指标", "人均培训费用", "≤800元/人", "成本"),
        ("经济效益指标", "带动种植户增收", "增加", "经济效益"),
        ("满意度指标", "参训学员满意度", "≥95%", "满意度")]
    last = project.indicators[-1]
    assert LISTED_NOTICE[last.start:last.end] == "参训学员满意度≥95%"


def test_names_with_their_numbers_glued_on_under_a_label_line_are_items_and_a_narrative_is_not():
    text = ("某县2024年渔业增殖放流项目绩效自评报告\n"
            "1、产出指标。\n"
            "（1）数量指标：\n"
            "鱼苗放流规模120万尾；\n"
            "（2）质量指标：\n"
            "放流苗种规格≥3cm,体质健壮,检验检疫合格率≥95%；\n"
            "（3）时效指标\n"
            "按照上级通知要求，我们及时组织苗种采购和投放，做到随到随放，当年苗种投放及时率100%。其余工作按计划推进。\n")
    [project] = extract_text(text, "report.txt").projects
    assert [(i.level2, i.name, i.target) for i in project.indicators] == [
        ("数量指标", "鱼苗放流规模", "120万尾"), ("质量指标", "放流苗种规格", "≥3cm"), ("质量指标", "检验检疫合格率", "≥95%")]


def test_a_sentence_after_a_label_line_is_no_item():
    text = ("某县2025年食用菌种植技术培训项目绩效自评报告\n"
            "（一）数量指标\n"
            "全年共组织培训5期，培训种植户人数达到预期，部分乡镇因农忙推迟培训，影响了进度。\n"
            "（二）质量指标\n"
            "参训人员结业率≥100%；\n")
    assert [i.name for p in extract_text(text, "report.txt").projects for i in p.indicators] == []


# A target table whose 年度绩效目标 cell runs the items on after the label (pipes), and a
# project notice listing them after numbered labels (both written for these tests).
INLINE_CELL = (
    "项目名称 | 乡镇综合文化站免费开放补助 | 预算金额 | 24万元 |\n"
    "年度绩效目标 | 产出指标 | 开展文化活动场次40场;组织培训次数6次;设施设备完好率≥95%; 免费开放天数≥300天。 |\n"
    "效益指标 | 群众参与文化活动人次≥2万人次;基层文化队伍建设逐步加强。 |\n"
)
INLINE_NOTICE = (
    "某县第一中学\n学生资助项目公告公示\n七、绩效目标\n"
    "1、数量指标:全年资助家庭经济困难学生850人次,资助金额85.2万元。\n"
    "2、质量指标:资助标准100%达标。\n"
    "3、时效指标:资助资金到位率100%,2024年资助发放及时。\n"
    "4、成本指标:资助标准为每生每年2000元、1000元2个档次。\n"
)


def test_items_run_on_after_their_label_in_a_cell_are_read():
    [project] = extract_text(INLINE_CELL, "cell.txt").projects
    rows = [(i.level1, i.name, i.target) for i in project.indicators]
    assert rows == [("产出指标", "开展文化活动场次", "40场"), ("产出指标", "组织培训次数", "6次"),
                    ("产出指标", "设施设备完好率", "≥95%"), ("产出指标", "免费开放天数", "≥300天"),
                    ("效益指标", "群众参与文化活动人次", "≥2万人次")]
    first = project.indicators[0]
    assert INLINE_CELL[first.start:first.end].startswith("开展文化活动场次")


def test_items_after_numbered_labels_keep_only_names_ending_in_their_value():
    rows = [(i.level2, i.name, i.target) for p in extract_text(INLINE_NOTICE, "notice.txt").projects
            for i in p.indicators]
    # 「资助标准100%达标」 (the number inside) and a name holding numbers of its own are none
    assert rows == [("数量指标", "全年资助家庭经济困难学生", "850人次"), ("数量指标", "资助金额", "85.2万元"),
                    ("时效指标", "资助资金到位率", "100%")]


def test_a_listed_value_in_brackets_after_its_name_is_read_without_them():
    text = LISTED_NOTICE.replace("人均培训费用≤800元/人；", "培训支出控制在批复预算范围内（≤100%）；")
    [project] = extract_text(text, "listed.txt").projects
    cost = next(i for i in project.indicators if i.level2 == "成本指标")
    assert (cost.name, cost.target) == ("培训支出控制在批复预算范围内", "≤100%")
    assert text[cost.start:cost.end] == "培训支出控制在批复预算范围内（≤100%"


def test_a_quoted_target_and_the_reason_after_the_values_are_read():
    # the indicator section of a directly-allocated fund's self-evaluation report
    text = ("某镇污水管网工程项目2021年度绩效自评报告\n（三）绩效指标完成情况分析。\n"
            "新建污水管网长度:指标值为“约8公里”,全年实际完成值约8.5公里;\n"
            "工程验收合格率:指标值为“100%”,全年实际完成值为0,因工程尚在建设工期内,未到竣工验收环节;\n"
            "项目按计划开工率:指标值为“100%”,全年实际完成值为100%;\n"
            "超概算项目比例:指标值为“0%”,全年实际完成值为0%。\n")
    doc = extract_text(text, "r.txt")
    rows = [(i.name, i.target, i.actual, i.reason, i.category) for p in doc.projects for i in p.indicators]
    assert rows == [("新建污水管网长度", "约8公里", "约8.5公里", "", "数量"),
                    ("工程验收合格率", "100%", "0", "因工程尚在建设工期内,未到竣工验收环节", "质量"),
                    ("项目按计划开工率", "100%", "100%", "", "时效"),
                    ("超概算项目比例", "0%", "0%", "", "成本")]
    second = doc.projects[0].indicators[1]
    assert text[second.reason_start:second.reason_end] == second.reason
    assert [(s.kind, s.text) for s in doc.statements] == [("reason", "因工程尚在建设工期内,未到竣工验收环节")]


def test_lines_of_a_label_a_name_and_how_it_stands_are_rows():
    text = ("（直达资金）某县城南新建道路工程项目2021年度绩效自评报告\n"
            "（三）绩效指标完成情况分析。\n1.产出指标完成情况分析。\n"
            "数量指标：新建道路长度860米，已完成；\n质量指标：确保工程质量，已完成；\n"
            "时效指标：按时完成建设，随项目进度推进；\n2.效益指标完成情况分析。\n"
            "社会效益指标：方便周边群众出行，已完成。\n")
    doc = extract_text(text, "r.txt")
    assert [p.name for p in doc.projects] == ["某县城南新建道路工程"]       # not the （直达资金） tag
    rows = [(i.name, i.target, i.actual, i.category) for p in doc.projects for i in p.indicators]
    assert rows == [("新建道路长度", "860米", "已完成", "数量"), ("确保工程质量", None, "已完成", "质量"),
                    ("按时完成建设", None, "随项目进度推进", "时效"), ("方便周边群众出行", None, "已完成", "社会效益")]
    # labelled sentences that report no result are no rows
    plain = "数量指标：反映项目的产出规模，按实际情况填写；\n质量指标：反映产出的质量水平，按标准填写；\n"
    assert [i.name for p in extract_text(plain, "p.txt").projects for i in p.indicators] == []


def test_a_chinese_numeral_before_a_tables_name_is_no_part_of_it():
    text = ("项目名称\t某区化肥减量增效项目\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\n"
            "产出指标\t数量指标\t一、示范区建立\t≥2000亩\t2000亩\n\t\t二、田间试验\t≥15组\t15组\n")
    names = [i.name for p in extract_text(text, "t.txt").projects for i in p.indicators]
    assert names == ["示范区建立", "田间试验"]


def test_items_under_numbered_label_lines_take_those_labels_and_lose_their_1_numbering():
    # a report that lists each indicator as 「1)名称(单位),目标值…,完成值…」 under label lines
    # of their own (「2、质量指标」); the cost section printed first (written for this test)
    text = ("某县2024年度市场监管专项经费绩效自评报告\n二、绩效分析\n本项目设置绩效目标5个，具体情况如下:\n"
            "（二）成本指标\n1、经济成本指标\n1)食品抽检经费(万元),目标值40,完成值38,分值10,得分10。\n"
            "（一）产出指标\n1、数量指标\n1)开展食品抽检批次(批次),目标值800,完成值826,分值10,得分10。\n"
            "2、质量指标\n1)抽检任务完成率(%),目标值100,完成值100,分值10,得分10。\n"
            "2)复检结论准确率(%),目标值98,完成值99,分值10,得分10。\n"
            "（二）效益指标\n1、社会效益指标\n1)群众食品安全知晓率(%),目标值85,完成值88,分值10,得分10。\n")
    [project] = extract_text(text, "report.txt").projects
    rows = [(i.name, i.level2, i.category) for i in project.indicators]
    assert rows == [("食品抽检经费(万元)", "成本指标", "成本"),
                    ("开展食品抽检批次(批次)", "数量指标", "数量"),
                    ("抽检任务完成率(%)", "质量指标", "质量"),
                    ("复检结论准确率(%)", "质量指标", "质量"),
                    ("群众食品安全知晓率(%)", "社会效益指标", "社会效益")]


# a 绩效目标批复表 published as a tree: the first column indents unit › project › 一级 ›
# 二级 › 三级, each cell on a line of its own, the value alone on the line after its name
TREE = (
    "某县农业农村局2021年项目绩效目标批复表\n\n"
    "单位:元\n\n"
    "项目\n\n指标值\n\n绩效金额\n\n"
    " 某县农业农村局\n\n"
    "  高标准农田建设管护经费\n\n"
    "850000\n\n"
    "   产出指标\n\n"
    "    数量指标(必填)\n\n"
    "     管护农田面积\n\n"
    "≥12000亩\n\n"
    "     巡查次数\n\n"
    "24次\n\n"
    "    质量指标(必填)\n\n"
    "     设施完好率\n\n"
    "≥95%\n\n"
    "   满意度指标\n\n"
    "    服务对象满意度指标(必填)\n\n"
    "     服务对象满意度\n\n"
    "≥90%\n\n"
    "附件下载:\n"
)


def test_a_tree_table_a_cell_a_line_gives_its_project_amount_and_rows():
    report = extract_text(TREE, "tree.txt")
    [project] = report.projects
    assert project.name == "高标准农田建设管护经费"
    assert TREE[project.name_start:project.name_end] == project.name
    assert (project.budget.adjusted, project.budget.unit) == (850000, "元")
    rows = [(i.name, i.target, i.category) for i in project.indicators]
    assert rows == [("管护农田面积", "≥12000亩", "数量"), ("巡查次数", "24次", "数量"),
                    ("设施完好率", "≥95%", "质量"),
                    ("服务对象满意度", "≥90%", "满意度")]      # a name may repeat its label's words
    last = project.indicators[-1]
    assert TREE[last.start:last.end].startswith("服务对象满意度") and TREE[last.start:last.end].endswith("≥90%")


def test_name_and_value_lines_with_no_label_above_them_are_no_rows():
    text = "工作进展\n\n完成道路硬化\n\n3.2公里\n\n新建桥梁\n\n2座\n"
    assert extract_text(text, "notes.txt").projects == []


def test_a_tree_roots_amount_keeps_the_unit_its_own_line_prints():
    text = TREE.replace("850000\n", "85万元\n")
    [project] = extract_text(text, "tree.txt").projects
    assert (project.budget.adjusted, project.budget.unit) == (85, "万元")


def test_a_tree_with_each_value_beside_its_name_reads_the_same_rows():
    lines = [line for line in TREE.split("\n") if line.strip()]
    joined, k = [], 0
    while k < len(lines):               # 「     管护农田面积    ≥12000亩」: the value after spaces
        if lines[k].startswith("     ") and k + 1 < len(lines) and lines[k + 1][:1] in "≥0123456789":
            joined.append(f"{lines[k]}    {lines[k + 1]}")
            k += 2
        else:
            joined.append(lines[k])
            k += 1
    [project] = extract_text("\n".join(joined), "tree.txt").projects
    assert project.name == "高标准农田建设管护经费"
    assert [(i.name, i.target) for i in project.indicators] == [
        ("管护农田面积", "≥12000亩"), ("巡查次数", "24次"), ("设施完好率", "≥95%"), ("服务对象满意度", "≥90%")]
