"""Issue 12: statements found by the grammar of report language, on text written for these
tests in the layouts web pages, PDF text and OCR produce (nothing here is copied)."""
from __future__ import annotations

import pytest

from assistant.extract import extract_text
from assistant.extract.themes import tag_themes


def statements(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for s in extract_text(text).statements:
        out.setdefault(s.kind, []).append(s.text)
    return out


# ---------------------------------------------------------------------------- layout

@pytest.mark.parametrize("text, problems, measures", [
    # headings inside a flattened line, half-width stops
    ("三、自评情况 本单位对2023年度整体支出开展自评,自评得分92分,存在的问题:一是部分项目预算测算"
     "不够精准,年中追加较多.二是个别项目资金拨付不够及时.下一步改进措施:一是加强项目前期论证,"
     "提高预算编制的精准度.二是建立拨付台账,按月通报拨付进度.\n",
     ["部分项目预算测算不够精准,年中追加较多.", "个别项目资金拨付不够及时."],
     ["加强项目前期论证,提高预算编制的精准度.", "建立拨付台账,按月通报拨付进度."]),
    # flattened PDF text: the paragraph before a heading ended without 。, and a part's heading
    # follows its whole heading at once; each is known by the next number right after it
    ("1、农村公路养护项目绩效自评报告一、项目概况本项目年度预算300万元,当年全部到位二、自评结论"
     "项目自评得分88分,等级为良好(3)项目实施中存在的问题和改进建议1、存在的问题(1)部分乡镇养护"
     "资金拨付进度偏慢。(2)养护档案资料不够完整。2、改进建议(1)按月通报拨付进度。(2)建立养护"
     "档案台账。\n",
     ["部分乡镇养护资金拨付进度偏慢。", "养护档案资料不够完整。"], ["按月通报拨付进度。", "建立养护档案台账。"]),
], ids=["half-width-stops", "headings-run-on-without-a-stop"])
def test_headings_inside_a_flattened_line(text, problems, measures):
    found = statements(text)
    assert found["problem"] == problems
    assert found["measure"] == measures


def test_a_list_run_into_its_headings_paragraph_after_a_comma():
    # a news page on an audit: the heading, a comma and an 一是 list in one paragraph; the
    # next paragraph, after a blank line, is the page going on, not the last item
    text = ("县审计局公布了2023年度预算执行审计结果。\n\n"
            "审计发现的主要问题，一是部分单位公用经费超范围列支。二是往来款长期挂账未清理。"
            "三是资产管理存在薄弱环节。\n\n"
            "县审计局表示，已依法出具审计报告，相关单位正在整改。\n")
    found = statements(text)
    assert found["problem"] == ["部分单位公用经费超范围列支。", "往来款长期挂账未清理。", "资产管理存在薄弱环节。"]


def test_what_an_audit_found_is_a_problem_clause_by_clause():
    text = ("近日，县审计局对部分单位开展了专项审计。\n"
            "审计发现部分单位结转结余资金较大，形成资金沉淀；个别项目挤占专项资金用于日常公用经费。\n")
    found = statements(text)
    # (what was found, without who found it)
    assert found["problem"] == ["部分单位结转结余资金较大，形成资金沉淀",
                                "个别项目挤占专项资金用于日常公用经费。"]


def test_a_problem_named_by_its_ending_between_rectification_measures():
    # a rectification report: each problem named in one clause ending 「的问题。」, then the
    # 整改措施 that answer it
    text = ("（一）农村饮水安全项目\n"
            "整改措施：已督促各乡镇加快水质检测，按季度通报检测结果。\n"
            "（1）部分水厂未按规定开展水质检测的问题。\n"
            "整改措施：已委托第三方机构对全县水厂开展水质检测，检测报告已全部归档。\n")
    found = statements(text)
    assert found["problem"] == ["部分水厂未按规定开展水质检测的问题。"]
    assert len(found["measure"]) == 2


def test_an_item_of_problems_and_reasons_gives_the_problem_then_its_reason():
    text = ("三、存在的问题及原因\n一是农机购置补贴申请人数少于预期，主要原因是政策宣传不到位；"
            "二是部分补贴资金兑付不及时，主要原因是县级审核环节较多。\n")
    assert [(s.kind, s.text) for s in extract_text(text).statements] == [
        ("problem", "农机购置补贴申请人数少于预期"), ("reason", "主要原因是政策宣传不到位"),
        ("problem", "部分补贴资金兑付不及时"), ("reason", "主要原因是县级审核环节较多。")]
    # a cause named after its problem is a reason under a heading of problems alone too
    # (statements.yaml § reason_in_item_re; TAXONOMY: a reason is why a target fell short,
    # wherever it stands)
    only = text.replace("存在的问题及原因", "存在的问题")
    assert [s.kind for s in extract_text(only).statements] == ["problem", "reason", "problem", "reason"]
    # and so is one of prose, not under a heading
    prose = "经核查，部分补贴资金兑付不及时，主要原因是县级审核环节较多。"
    assert [s.kind for s in extract_text(prose).statements] == ["problem", "reason"]


def test_a_line_wrapped_by_pdf_text_stays_one_statement():
    text = ("（二）存在问题\n"
            "部分乡镇对项目资金的使用范围理解不够准确，个别站点把日常办公支出列入了\n"
            "项目资金，资金使用的规范性有待提高。\n")
    assert statements(text)["problem"] == [
        "部分乡镇对项目资金的使用范围理解不够准确，个别站点把日常办公支出列入了项目资金，资金使用的规范性有待提高。"]


def test_a_section_ends_at_a_table_printed_on_one_line():
    text = ("存在问题:个别指标设置不够细化.\n"
            "绩效指标 一级指标 二级指标 三级指标 指标值 实际完成值 分值 得分\n")
    assert statements(text) == {"problem": ["个别指标设置不够细化."]}


# ---------------------------------------------------------------------------- headings

def test_an_experience_section_under_a_compound_heading_is_no_problem():
    text = ("五、主要经验及做法、存在的问题和建议\n"
            "（一）主要经验及做法\n"
            "我局建立了项目资金月调度制度，确保资金按进度拨付。\n"
            "（二）存在的问题\n"
            "项目储备不足，部分项目前期工作不够扎实。\n"
            "（三）建议\n"
            "加强项目储备库建设，提前做好前期工作。\n")
    found = statements(text)
    assert found["problem"] == ["项目储备不足，部分项目前期工作不够扎实。"]
    assert found["measure"] == ["加强项目储备库建设，提前做好前期工作。"]


def test_numbered_items_ending_in_the_heading_word_are_items():
    text = ("（一）主要问题\n"
            "1.满意度指标设置存在问题。指标仅覆盖服务对象一类群体，未反映社会公众的评价。\n"
            "2.时效指标缺失。项目各阶段完成时限未设指标，无法衡量实施进度。\n"
            "（二）原因分析\n"
            "一是对绩效目标编制的要求理解不深入。二是缺乏熟悉指标设计的专业人员。\n")
    found = statements(text)
    assert found["problem"] == [
        "满意度指标设置存在问题。指标仅覆盖服务对象一类群体，未反映社会公众的评价。",
        "时效指标缺失。项目各阶段完成时限未设指标，无法衡量实施进度。"]
    assert found["reason"] == ["对绩效目标编制的要求理解不深入。", "缺乏熟悉指标设计的专业人员。"]


def test_numbered_problem_labels_are_left_out():
    text = "二、自评发现的问题及整改措施\n问题1：部分项目未按时报送绩效监控材料。\n整改措施：建立监控材料报送提醒机制，逐月督办。\n"
    found = statements(text)
    assert found["problem"] == ["部分项目未按时报送绩效监控材料。"]
    assert found["measure"] == ["建立监控材料报送提醒机制，逐月督办。"]


def test_a_short_measure_is_no_lead_in_to_the_next_measure():
    text = "（三）有关建议\n完善考评办法，使考评有章可循。加强专项资金管理，确保资金使用安全规范。\n"
    assert statements(text)["measure"] == ["完善考评办法，使考评有章可循。", "加强专项资金管理，确保资金使用安全规范。"]


# ---------------------------------------------------------------------------- negative knowledge

@pytest.mark.parametrize("line", [
    "2、绩效目标填报规范 1 分，不规范扣 0.5 分",
    "偏差原因分析：需说明原因（100字以内）",
    "但仍存在部分问题需整改完善。",
    "针对“资金拨付不及时”“指标设置不细化”两个问题，制定本整改方案。",
    # what the evaluation sets out to do, not what it found
    "重点分析项目预算编制的合理性和资金使用效益，查找不足，为以后年度安排提供参考。",
    # violations said not to have happened; the findings as a noun
    "严格按照批复的科目执行，未出现截留、挤占、挪用等问题。",
    "足额安排进度款，确保专款专用，不被侵占、截留或挪用。",
    "截至目前，审计发现问题已全部整改到位。",
])
def test_scoring_rules_instructions_announcements_and_quotes_are_no_statements(line):
    assert "problem" not in statements(f"自评报告\n{line}\n")


# ---------------------------------------------------------------------------- tables

def test_problem_and_measure_columns_of_a_fund_management_table():
    text = ("某县2024年度农业补助资金绩效评价表\n"
            "资金投入情况 年度资金总额(万元): 120 120 100.00%\n"
            "资金管理情况 情况说明 存在问题 改进措施\n"
            "下达及时性 1 资金下达进度 及时下达 上级资金文件下达较晚，资金到位滞后 主动对接上级部门，争取提前下达资金\n"
            "拨付合规性 2 资金拨付合规性 严格按照国库集中支付规定拨付\n")
    report = extract_text(text)
    found = {(s.kind, s.text, s.project) for s in report.statements}
    assert ("problem", "上级资金文件下达较晚，资金到位滞后", "农业补助资金") in found
    assert ("measure", "主动对接上级部门，争取提前下达资金", "农业补助资金") in found
    assert [i.name for i in report.projects[0].indicators] == ["资金下达进度", "资金拨付合规性"]


def test_the_narrative_of_a_one_project_document_belongs_to_its_project():
    text = ("项目支出绩效自评表\n项目名称 | 社区居家养老服务补助 |\n主管部门 | 某区民政局 |\n"
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |\n"
            "产出指标 | 数量指标 | 服务老人数 | ≥500人 | 520人 |\n\n"
            "四、存在的问题\n部分服务站点专业护理人员不足。\n")
    report = extract_text(text)
    problem = next(s for s in report.statements if s.kind == "problem")
    assert problem.project == "社区居家养老服务补助"


# ---------------------------------------------------------------------------- themes

@pytest.mark.parametrize("text, theme", [
    ("上级资金文件下达滞后，影响支付进度", "BUDGET_EXECUTION"),
    ("对绩效评价的要求理解不深入，结果运用不够", "MONITORING"),
    ("主动对接省级部门，争取资金提前下达", "EXTERNAL"),
    ("年初预算测算不够精准，摸底不细", "BUDGET_PLANNING"),
    ("项目管理制度有欠缺，会计核算不规范", "INSTITUTION"),
    # the ninth round: what audits and short reports say
    ("各单位要严格按照批复的预算执行，增强预算执行力", "BUDGET_EXECUTION"),
    ("部门预算绩效管理工作还需进一步加强", "MONITORING"),
    ("专项资金使用和管理有待进一步规范", "INSTITUTION"),
    ("部分项目经费用于弥补基本支出", "INSTITUTION"),
    ("部分服务项目未通过政府采购平台采购", "INSTITUTION"),
    ("受山区地形条件影响，部分场地建设面积不足", "EXTERNAL"),
    # the twenty-second round: audit news and a bureau's steps
    ("部分乡镇物资领用登记流于形式", "INSTITUTION"),
    ("个别学校代收费用未履行报批手续", "INSTITUTION"),
    ("对执行进度严重滞后的单位启动追责问责程序", "MONITORING"),
    ("3个县的种粮补贴发放不及时", "BUDGET_EXECUTION"),
    ("财政专户形成资金沉淀，存量资金未及时盘活", "BUDGET_EXECUTION"),
    ("部分村级污水处理设施建而不管，长期闲置", "FACILITY"),
    ("提前做好前期准备，缩短项目实施周期", "IMPLEMENTATION"),
    ("剩余资金因项目正在办理竣工审计，待审计结束后支付", "BUDGET_EXECUTION"),
])
def test_themes_of_report_language(text, theme):
    assert theme in tag_themes(text)


def test_words_in_quotation_marks_name_things_and_tag_no_theme():
    assert "PUBLICITY_SERVICE" not in tag_themes("细化“宣传培训”等职能的三级指标，明确量化标准")


# ------------------------------------------------------- the eleventh round (written here)

def test_a_sentence_naming_form_columns_does_not_end_its_section():
    text = ("三、存在问题\n\n（一）绩效指标值设置不合理\n\n"
            "虽然编报了整体绩效目标，但《（单位）整体绩效目标申报表》中三级指标“信息公开率”的指标值"
            "仅为10%，实际完成值为100%，明显偏低。\n\n"
            "（二）资金拨付不够及时\n\n部分补助资金年底才拨付到位。\n")
    found = statements(text)["problem"]
    assert len(found) == 2
    assert found[0].startswith("绩效指标值设置不合理") and "指标值仅为10%" in found[0]
    assert found[1].startswith("资金拨付不够及时") and found[1].endswith("拨付到位。")


def test_problems_sorted_as_common_and_individual_and_the_count_that_announces_them():
    text = ("本次评价共发现4类问题，其中共性问题2类、个性问题2类。\n"
            "共性问题：部分单位绩效目标不够细化；项目档案资料不齐全。\n"
            "个性问题：个别乡镇补助资金拨付滞后；部分设备闲置。\n"
            "下一步，我局将督促各单位对照问题清单限期整改，确保整改到位。\n")
    found = statements(text)
    assert found["problem"] == ["部分单位绩效目标不够细化", "项目档案资料不齐全。",
                                "个别乡镇补助资金拨付滞后", "部分设备闲置。"]
    assert not any("下一步" in s for s in found.get("problem", []))


def test_a_title_line_over_a_numbered_list_is_a_point_and_so_is_each_item():
    text = ("一、存在的问题\n（一）资金管理还需进一步加强\n1.资金拨付不及时。\n2.项目台账登记不完整。\n"
            "（二）绩效目标不够细化\n部分指标仅有定性表述，难以考核。\n")
    assert statements(text)["problem"] == [
        "资金管理还需进一步加强", "资金拨付不及时。", "项目台账登记不完整。",
        "绩效目标不够细化部分指标仅有定性表述，难以考核。"]


def test_a_list_cut_off_after_its_first_item_under_a_title():
    text = "一、存在的问题\n（一）资金使用管理有待加强\n1.部分资金拨付不及时。"
    assert statements(text)["problem"] == ["资金使用管理有待加强", "部分资金拨付不及时。"]


def test_a_piece_of_a_wrapped_header_cell_is_no_statement():
    from assistant.extract.splitting import is_skippable
    assert is_skippable("分析及") and is_skippable("原因和")
    assert not is_skippable("资金拨付不及时")


def test_a_title_over_its_paragraph_is_parted_from_it_and_the_draft_names_the_title():
    from assistant.draft import draft_measures
    text = ("三、存在问题\n\n（一）部门中长期规划不完善\n\n评价组实地调研发现，部分规划内容未细化到年度。\n\n"
            "（二）资金拨付不够及时\n\n部分补助资金年底才拨付到位。\n")
    first = statements(text)["problem"][0]
    assert first == "部门中长期规划不完善\u3000评价组实地调研发现，部分规划内容未细化到年度。"
    assert draft_measures(first)[0].sentences[0].text.startswith(("一是针对部门中长期规划不完善的问题，", "针对部门中长期规划不完善的问题，"))


def test_a_last_item_the_passage_breaks_off_mid_clause_is_left_out():
    cut = ("四、改进建议\n1、加大基层健身设施建设力度，适当提高配套资金。\n"
           "2、增加配套器材选择的灵活性，标准场地占地较大，可在申报时根据实际灵活选")
    assert statements(cut)["measure"] == ["加大基层健身设施建设力度，适当提高配套资金。"]
    # one clause left unpunctuated at the end is a whole item
    whole = "四、改进建议\n1、加大基层健身设施建设力度，适当提高配套资金。\n2、加强工程维护资料管理"
    assert statements(whole)["measure"][-1] == "加强工程维护资料管理"


def test_a_label_announcing_a_list_gives_its_kind():
    text = ("五、偏离绩效目标的原因和改进措施\n"
            "存在的问题主要有：一是资金拨付审核时间较长，二是绩效指标设置有待加强。\n"
            "改进措施如下：加强预算执行监控，按月通报拨付进度。\n")
    found = statements(text)
    assert found["problem"] == ["资金拨付审核时间较长", "绩效指标设置有待加强。"]
    assert found["measure"] == ["加强预算执行监控，按月通报拨付进度。"]


def test_an_audits_findings_and_how_they_were_dealt_with():
    text = ("二、审计发现的主要问题及处理意见\n（一）部分支出原始凭证不完整。\n（二）合同签订不规范。\n"
            "三、存在问题的处理及整改情况\n对于存在的问题，我局已按照有关规定进行了处理，并出具了审计报告。\n")
    found = statements(text)
    assert found["problem"] == ["部分支出原始凭证不完整。", "合同签订不规范。"]
    assert "measure" not in found


# ---------------------------------------------------------------------------- measures in news prose

def test_a_sentence_announcing_a_list_of_measures_opens_it():
    # an audit news page: the problems and their causes, then a sentence (not a heading)
    # announcing the recommendations, run into the same paragraph; the page's source line
    # after the last item ends it
    text = ("县审计局对2023年度农业专项资金开展了审计，找出了存在的问题及原因：一是部分补贴发放滞后，"
            "主要原因是乡镇审核环节较多；二是项目档案不完整。最后，结合走访调查，就提高资金使用效益提出了"
            "几点建议：一是精简补贴审核环节；二是建立项目档案台账。\n"
            "原文链接：某县政府网站\n")
    found = statements(text)
    assert found["measure"] == ["精简补贴审核环节", "建立项目档案台账。"]
    assert found["problem"][-1] == "项目档案不完整。"
    # a line announcing the measures by their number
    text = ("县财政局召开专题会议，通过三项举措推进专项资金提质增效：\n"
            "一是严格项目入库审核，不成熟的项目不安排预算。\n二是按月通报支出进度。\n")
    assert statements(text)["measure"] == ["严格项目入库审核，不成熟的项目不安排预算。", "按月通报支出进度。"]


def test_next_steps_and_recommendations_in_news_prose_are_measures():
    text = ("据了解，全县高标准农田建设项目开工率偏低。县农业农村局负责人表示，下一阶段将加快项目招标进度，"
            "倒排工期，确保年底前全部开工。同时，提前谋划明年项目储备，充实项目库。\n"
            "评价组对项目管理给予了肯定，同时建议加强项目建后管护，落实管护责任。\n"
            "审计组提出了规范资金拨付、完善合同管理等建议。\n")
    assert statements(text)["measure"] == [
        "加快项目招标进度，倒排工期，确保年底前全部开工。", "提前谋划明年项目储备，充实项目库。",
        "加强项目建后管护，落实管护责任。", "规范资金拨付、完善合同管理等建议。"]


def test_a_web_pages_source_line_ends_the_last_item_but_work_of_editing_does_not():
    # 「原文链接：」 after the article ends its last item; 「编辑……」 as work done goes on
    link = "原文链接：http://www.example.gov.cn/zwgk/2023/0815/art_1234_5678.html"
    notice = "[免责声明] 本文来源于网络转载，仅供学习交流使用，不构成商业目的。"
    text = f"四、下一步改进措施\n一是加强政策宣传。\n二是规范补贴发放。\n{link}\n{notice}\n"
    assert statements(text)["measure"] == ["加强政策宣传。", "规范补贴发放。"]
    text = "四、下一步改进措施\n一是加强政策宣传，\n编辑印发政策问答手册1000册。\n"
    assert statements(text)["measure"] == ["加强政策宣传，编辑印发政策问答手册1000册。"]


@pytest.mark.parametrize("heading", ["三、下一步工作措施", "三、下一步措施", "三、今后工作措施"])
def test_more_ways_reports_head_their_next_steps(heading):
    text = f"某县2023年度村级组织运转经费绩效自评报告\n{heading}\n一是按季度拨付运转经费。\n"
    assert statements(text)["measure"] == ["按季度拨付运转经费。"]


def test_a_rectification_reports_named_problems_are_problems():
    # under 整改情况 (no problems of its own) each heading names the problem it dealt with;
    # the sentence saying the problems were looked into names none, and a problem said not
    # to exist is none
    text = ("县文化和旅游局关于专项资金绩效评价问题的整改报告\n"
            "一、基本情况\n我局对相关项目单位存在的问题进行核查，并提出整改要求。\n"
            "二、整改情况\n（一）专项资金拨付进度偏慢的问题\n"
            "2022年资金已于9月底前全部拨付到位。\n"
            "（二）项目档案资料不完整的问题\n已督促项目单位补齐验收资料。\n"
            "（三）不存在虚报冒领补助资金的问题\n")
    found = statements(text)
    assert found["problem"] == ["专项资金拨付进度偏慢的问题", "项目档案资料不完整的问题"]


def test_every_heading_found_inside_a_line_holds_a_heading_word():
    # sections.py looks for a run-on heading (「……。三、存在的问题：……」) only in a line that
    # holds one of the heading words: a heading the full pattern finds must hold one too
    from assistant.extract.sections import _lex

    lex = _lex()
    for word in lex.word_kind:
        for line in (f"项目已按计划完成。三、{word}：部分资金拨付较慢",
                     f"资金已全部拨付；（二）{word}1、预算执行偏慢",
                     f"全年完成投资1200万元 {word}：无"):
            found = [m for m in lex.heading_mid.finditer(line)]
            assert found, line
            assert lex.heading_word.search(line), line
    assert not lex.heading_word.search("全年完成投资1200万元，资金已全部拨付到位。")


def test_a_section_of_problem_analysis_keeps_each_numbered_item_whole():
    # 「存在问题分析」 heads the problems; an item's later sentences and its own 由于 stay in it
    found = statements(
        "二、存在问题分析\n"
        "1. 拨付链条长：补助资金须经县、乡两级审核后才能拨付到户。遇到汛期时，入户核查更难按时完成。\n"
        "2. 配套落实难：部分村需要自筹配套资金，但由于村集体收入有限，自筹部分难以到位，影响了工程进度。\n"
        "三、对策建议\n1. 精简审核环节：推行乡镇一级审核、县级抽查。\n")
    assert found["problem"] == [
        "拨付链条长：补助资金须经县、乡两级审核后才能拨付到户。遇到汛期时，入户核查更难按时完成。",
        "配套落实难：部分村需要自筹配套资金，但由于村集体收入有限，自筹部分难以到位，影响了工程进度。"]
    assert "reason" not in found
    assert found["measure"] == ["精简审核环节：推行乡镇一级审核、县级抽查。"]


def test_a_numbered_heading_alone_on_its_line_may_name_its_policy_at_length():
    found = statements(
        "一、农村危房改造分类补助政策执行过程中存在的不足\n"
        "（一）部分乡镇审核把关不严，个别农户重复申报。\n"
        "（二）竣工验收不及时，补助资金兑付滞后。\n")
    assert found["problem"] == ["部分乡镇审核把关不严，个别农户重复申报。", "竣工验收不及时，补助资金兑付滞后。"]
    # and unnumbered, a long line is no heading: its sentence is read as prose
    assert "problem" not in statements("农村危房改造分类补助政策执行过程中存在的不足\n")


def test_a_sentence_that_only_announces_shortfalls_admits_none():
    found = statements("随着补助范围扩大，基层干部反映，项目在推进过程中也存在一些不足。\n"
                       "部分乡镇验收资料归档不及时。\n")
    assert found["problem"] == ["部分乡镇验收资料归档不及时。"]


def test_causes_written_before_their_effect_are_reasons():
    found = statements(
        "据了解，全市水利建设项目存在开工率偏低等问题，部分项目年底才下达投资计划，拉低了整体开工率。"
        "此外，征地拆迁推进缓慢、施工图设计变更等因素，在一定程度上制约了项目建设进度。"
        "全年支出进度主要受上级资金到位时间偏晚的影响。\n")
    assert found["problem"] == ["全市水利建设项目存在开工率偏低等问题"]
    assert found["reason"] == ["部分项目年底才下达投资计划，拉低了整体开工率。",
                               "征地拆迁推进缓慢、施工图设计变更等因素，在一定程度上制约了项目建设进度。",
                               "全年支出进度主要受上级资金到位时间偏晚的影响。"]
    themes = {s.text[:6]: set(s.themes) for s in extract_text(
        "部分项目年底才下达投资计划，拉低了整体开工率。施工图设计变更等因素，制约了项目建设进度。\n").statements}
    assert "EXTERNAL" in themes["部分项目年底"] and "IMPLEMENTATION" in themes["施工图设计变"]


@pytest.mark.parametrize("text", [
    "该项目主要受益对象为全县脱贫户。\n",
    "综合考虑人口、面积和财力等因素，按因素法分配资金。\n",
    "资金分配后，拉动了社会投资增长。\n",
])
def test_words_near_the_cause_cues_that_state_no_cause(text):
    assert "reason" not in statements(text)


def test_a_sentence_announcing_requirements_takes_its_list_at_any_level():
    found = statements(
        "会上，各股室汇报了本年度项目推进情况，提出了以下几点要求：\n"
        "一、压实项目单位主体责任，明确专人跟踪。\n"
        "二、建立资金拨付台账，每月对账一次。\n"
        "通过此次会议，进一步统一了思想。\n")
    assert found == {"measure": ["压实项目单位主体责任，明确专人跟踪。", "建立资金拨付台账，每月对账一次。"]}


def test_a_list_of_steps_under_no_heading_is_a_list_of_measures():
    text = ("今年以来，县财政局采取多项举措推进预算执行。\n"
            "一是实行支出进度月通报制度，对进度落后的单位进行约谈。\n"
            "二是定期召开项目支出分析会，逐个梳理未支出项目的堵点。\n"
            "三是探索建立执行进度与下年预算安排挂钩机制。\n"
            "下半年，全县支出进度明显加快。\n")
    assert statements(text)["measure"] == [
        "实行支出进度月通报制度，对进度落后的单位进行约谈。",
        "定期召开项目支出分析会，逐个梳理未支出项目的堵点。",
        "探索建立执行进度与下年预算安排挂钩机制。"]
    # a list of who fell short is none; nor is a form's cell listing what is planned
    assert "measure" not in statements("检查中发现：一是部分乡镇台账登记不全。二是个别项目验收资料缺失。\n")
    assert "measure" not in statements(
        "年度绩效目标\t本年度主要任务：一是完善信息系统功能；二是加强业务培训，提升服务水平。\n")


def test_recommendations_named_as_the_fields_they_cover():
    found = statements("座谈会上，委员们从强化项目储备论证；规范政府采购程序；加快资金拨付进度等方面"
                       "提出了意见和建议。\n")
    assert found["measure"] == ["强化项目储备论证", "规范政府采购程序", "加快资金拨付进度"]
    assert "measure" not in statements("座谈会上，委员们从多个角度交流了看法。\n")


def test_an_audit_news_item_gives_what_was_found_and_not_its_furniture():
    text = ("市政府门户网站\n分享到：\n我市公布涉农资金专项审计结果 部分补贴资金滞留闲置\n"
            "来源：市审计局  发布时间：2024年06月03日\n"
            "今年上半年，市审计局组织开展涉农资金专项审计，重点审计了闲置土地盘活和补贴发放情况。"
            "审计组发现存在部分乡镇补贴资金发放不及时、资金滞留等问题。"
            "审计还发现，3个村的村干部冒领种粮补贴4.6万元。一是2个乡镇补贴台账登记不完整；"
            "二是部分结余资金未及时收回财政。"
            "对审计查出的问题，审计机关已依法移送有关部门处理。截至5月底，已追回被冒领资金4.6万元，"
            "2人受到党纪处分。（市审计局供稿）\n")
    found = statements(text)
    assert found == {"problem": ["部分乡镇补贴资金发放不及时、资金滞留等问题。",
                                 "3个村的村干部冒领种粮补贴4.6万元。",
                                 "2个乡镇补贴台账登记不完整",
                                 "部分结余资金未及时收回财政。"]}


def test_a_note_printed_after_a_statement_is_left_out():
    found = statements("存在的问题：部分学校食堂管理仍不够规范（备注：本次检查覆盖12所学校）。\n"
                       "下一步措施：加强食堂日常管理，严格执行索证索票制度。（县教育局供稿）\n")
    assert found == {"problem": ["部分学校食堂管理仍不够规范"],
                     "measure": ["加强食堂日常管理，严格执行索证索票制度。"]}


def test_a_passage_breaking_off_in_a_list_of_words_gives_no_last_statement():
    found = statements("审计发现，部分项目资金拨付不及时。二、部分乡镇配套制度不完善、有")
    assert found == {"problem": ["部分项目资金拨付不及时。"]}


def test_a_numbered_line_naming_the_causes_is_their_heading():
    found = statements("一、基本情况\n本项目年度预算80万元，已支付32万元。\n"
                       "二、资金支出滞后主要原因\n"
                       "由于设计方案几经调整，项目至今未开工，资金未能拨付。\n")
    assert found == {"reason": ["由于设计方案几经调整，项目至今未开工，资金未能拨付。"]}


def test_an_audits_findings_strung_in_one_sentence_are_one_problem_each():
    text = ("公告显示，部分地区2.3亿元农田水利资金被滞留或挤占挪用。"
            "有些县为多争取补助资金，重复申报、多报建设规模；12个项目未按期开(完)工；"
            "地方配套资金落实情况不理想，一些地方将筹资任务转嫁给村集体。"
            "报告提到，此外，3个县违规向不符合条件的企业拨付奖补资金。\n")
    found = statements(text)
    assert found == {"problem": ["部分地区2.3亿元农田水利资金被滞留或挤占挪用。",
                                 "有些县为多争取补助资金，重复申报、多报建设规模",
                                 "12个项目未按期开(完)工",
                                 "地方配套资金落实情况不理想，一些地方将筹资任务转嫁给村集体。",
                                 "3个县违规向不符合条件的企业拨付奖补资金。"]}
    assert "BUDGET_EXECUTION" in tag_themes("地方配套资金落实情况不理想")


def test_a_duty_to_punish_breaches_admits_none():
    assert statements("主要职责：依法检查单位缴存情况，查处违规、违法行为。\n") == {}


def test_a_bureau_answering_the_problem_it_names_gives_the_problem_and_the_measure():
    text = ("6月5日，县财政局对新增专项债券项目开展督导检查。\n"
            "县财政局针对本次督导中发现的部分债券资金支付进度较慢的问题，提出整改意见，"
            "要求项目单位加快资金支付进度。\n")
    found = statements(text)
    assert found == {"problem": ["部分债券资金支付进度较慢"],
                     "measure": ["提出整改意见，要求项目单位加快资金支付进度。"]}
    # a frame naming no shortfall gives the measure only
    assert "problem" not in statements("县财政局针对专项债券资金管理使用的问题，提出三条整改意见，"
                                       "要求项目单位建立债券资金支出台账。\n")


def test_what_a_review_asks_item_by_item_with_yi_yao():
    found = statements("视察组建议：一要压实项目单位主体责任，加快在建项目进度。二要加强资金监管，"
                       "严格规范资金使用。三要健全长效管护机制。\n")
    assert found == {"measure": ["压实项目单位主体责任，加快在建项目进度。", "加强资金监管，严格规范资金使用。",
                                 "健全长效管护机制。"]}
    # 「统一要求」 holds no marker
    assert "统一要求" in "".join(statements("下一步，将按照省里统一要求，二要素核验后再发放补贴。\n")["measure"])


def test_a_funds_self_evaluation_titled_with_de_names_its_project_and_its_shortfall():
    report = extract_text("某县司法局\n关于2023年度法律援助补助资金绩效的自评报告\n"
                          "一、绩效目标分解下达情况\n上级下达补助资金预算80万元。\n"
                          "二、绩效目标完成情况分析\n1.项目资金及时到位。\n"
                          "2.项目资金除设备采购未按照绩效目标及时执行外，其他均已执行。\n")
    assert [p.name for p in report.projects] == ["法律援助补助资金"]
    assert [s.text for s in report.statements if s.kind == "problem"] == \
        ["项目资金除设备采购未按照绩效目标及时执行外，其他均已执行。"]
