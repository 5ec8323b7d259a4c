"""Theme tagging (TAXONOMY.md §3) from lexicons/themes.yaml: multi-label, with evidence."""
from __future__ import annotations

import re

import pytest

from assistant.extract.themes import OTHER, tag_themes, theme_codes
from assistant.lexicon import LexiconError, reset

CASES = [
    # (text, kind, a theme it must carry) — written for these tests, various sectors
    ("部分学校的预算编制不够精准，年初预算与实际需求差距较大", "problem", "BUDGET_PLANNING"),
    ("项目申报内容与实际实施内容不相符", "problem", "BUDGET_PLANNING"),
    ("对尚未确定的项目不纳入年初预算", "measure", "BUDGET_PLANNING"),
    ("个别县区补助资金分配的测算依据不充分", "problem", "BUDGET_PLANNING"),
    ("医疗设备采购资金支付进度缓慢，年底形成结余", "reason", "BUDGET_EXECUTION"),
    ("剩余资金已由财政收回", "reason", "BUDGET_EXECUTION"),
    ("专项资金支出大多集中在第四季度，未达到序时进度要求", "problem", "BUDGET_EXECUTION"),
    ("乡镇卫生院运行经费存在较大缺口", "problem", "BUDGET_PLANNING"),
    ("部分二级单位尚未编报项目绩效目标", "problem", "TARGET_SETTING"),
    ("加强预算支出的审核和预算执行情况的分析", "measure", "BUDGET_EXECUTION"),
    ("村级文化活动场所的建设力度不够", "problem", "FACILITY"),
    ("资产管理仍存在薄弱环节", "problem", "INSTITUTION"),
    ("部分单位往来款长期未清理", "problem", "INSTITUTION"),
    ("定员定额管理有待完善", "problem", "BUDGET_PLANNING"),
    ("绩效管理精细化程度还需提高", "problem", "MONITORING"),
    ("加快资金拨付进度，提高预算执行率", "measure", "BUDGET_EXECUTION"),
    ("个别项目绩效指标设置不够细化、量化", "problem", "TARGET_SETTING"),
    ("科学设定绩效目标，细化量化考核指标", "measure", "TARGET_SETTING"),
    ("绩效运行监控结果运用不够充分", "problem", "MONITORING"),
    ("单位缺乏绩效管理经验，自评不够严谨", "problem", "MONITORING"),
    ("受土地征收影响，道路改造工程进度滞后", "reason", "IMPLEMENTATION"),
    ("两个乡镇的污水处理站尚未开展验收", "problem", "IMPLEMENTATION"),
    ("受新冠疫情影响，培训活动无法集中开展", "reason", "EXTERNAL"),
    ("该项资金由市级部门统筹安排，本单位不再执行", "reason", "EXTERNAL"),
    ("上级文件未下达，项目暂缓实施", "reason", "EXTERNAL"),
    ("监测站点设备老化，数据传输多次中断", "problem", "FACILITY"),
    ("信息系统故障导致窗口业务停办半天", "reason", "FACILITY"),
    ("惠民政策宣传力度不够，群众知晓率不高", "problem", "PUBLICITY_SERVICE"),
    ("进一步提升窗口服务质量和群众满意度", "measure", "PUBLICITY_SERVICE"),
    ("资产管理制度不健全，内部控制存在薄弱环节", "problem", "INSTITUTION"),
    ("建立健全专项资金管理办法", "measure", "INSTITUTION"),
    ("专业技术人员不足，基层人员业务能力有待提高", "problem", "CAPACITY"),
    ("组织财务人员参加绩效管理业务培训", "measure", "CAPACITY"),
    ("个别人未按时上报统计数据", "reason", "CAPACITY"),
    ("个别工作人员对政策理解不到位", "problem", "CAPACITY"),
    ("重大行政决策事项未向社会公众开展意见征集", "problem", "PUBLICITY_SERVICE"),
    ("部分乡镇水质监测站检测设备老化，无法正常运行", "problem", "FACILITY"),
    ("严格落实政务公开要求，及时更新办事指南", "measure", "PUBLICITY_SERVICE"),
]


@pytest.mark.parametrize("text,kind,theme", CASES)
def test_cues_of_each_theme(text, kind, theme):
    tagged = tag_themes(text, kind)
    assert theme in tagged
    assert OTHER not in tagged


def test_every_theme_of_the_taxonomy_is_covered():
    assert set(theme_codes()) == {"BUDGET_PLANNING", "BUDGET_EXECUTION", "TARGET_SETTING", "MONITORING",
                                  "IMPLEMENTATION", "EXTERNAL", "FACILITY", "PUBLICITY_SERVICE",
                                  "INSTITUTION", "CAPACITY", "OTHER"}
    assert {theme for _, _, theme in CASES} == set(theme_codes()) - {OTHER}


def test_multi_label_with_evidence_from_the_text():
    text = "预算编制不够科学，绩效指标设置不够细化，资金支付进度滞后"
    tagged = tag_themes(text, "problem")
    assert {"BUDGET_PLANNING", "TARGET_SETTING", "BUDGET_EXECUTION"} <= set(tagged)
    for cue in tagged.values():
        assert cue and cue in re.sub(r"\s+", "", text)


def test_other_only_when_nothing_fits():
    assert tag_themes("今年春季雨水偏多") == {OTHER: ""}
    assert tag_themes("") == {OTHER: ""}
    assert OTHER not in tag_themes("宣传不到位")


def test_the_longest_cue_decides_an_overlap():
    # 「绩效管理的经验不足」 is about monitoring, not about staff capacity (经验不足)
    assert set(tag_themes("对于绩效管理的经验不足")) == {"MONITORING"}
    # 支付进度缓慢 is budget execution, not project progress (进度缓慢)
    assert set(tag_themes("部分项目支付进度缓慢")) == {"BUDGET_EXECUTION"}


def test_weak_cues_need_company():
    assert "IMPLEMENTATION" not in tag_themes("完成采购")          # 采购 alone is weak
    assert "IMPLEMENTATION" in tag_themes("招标采购周期长")          # 招标 + 采购 together count


def test_white_space_does_not_matter():
    assert tag_themes("资金 支付\n进度 缓慢") == tag_themes("资金支付进度缓慢")


def test_result_is_a_fresh_dict():
    first = tag_themes("宣传力度不够")
    first["X"] = "y"
    assert "X" not in tag_themes("宣传力度不够")


# ---------------------------------------------------------------------------- lexicon

@pytest.fixture
def custom_lexicon(tmp_path, monkeypatch):
    """Point the lexicon loader at a folder of our own, read afresh."""
    def install(themes_yaml: str):
        (tmp_path / "themes.yaml").write_text(themes_yaml, encoding="utf-8")
        # no causes: these tests are about the theme cues alone (a statement no cue decides
        # would otherwise take the theme of its cause)
        (tmp_path / "causes.yaml").write_text("causes: []\n", encoding="utf-8")
        monkeypatch.setenv("JIXIAO_LEXICONS", str(tmp_path))
        _clear()
    yield install
    monkeypatch.delenv("JIXIAO_LEXICONS", raising=False)
    _clear()


def _clear():
    reset()             # the lexicons and everything built from them (no private cache to clear)


def test_fuzzy_phrases_catch_paraphrases(custom_lexicon):
    custom_lexicon("phrase_cutoff: 85\nthemes:\n  BUDGET_EXECUTION:\n    phrases: [资金拨付进度缓慢]\n")
    assert tag_themes("本年度资金拨付进度较慢") == {"BUDGET_EXECUTION": "资金拨付进度缓慢"}
    assert tag_themes("本年度群众满意度较高") == {OTHER: ""}


def test_thresholds_and_weights_come_from_the_lexicon(custom_lexicon):
    custom_lexicon("themes:\n  FACILITY:\n    threshold: 2\n"
                   "    cues: [故障, {re: 停办, weight: 1.5}]\n")
    assert tag_themes("线路故障") == {OTHER: ""}
    assert tag_themes("线路故障导致业务停办") == {"FACILITY": "停办"}


def test_a_broken_lexicon_names_file_and_cue(custom_lexicon):
    custom_lexicon("themes:\n  FACILITY:\n    cues: ['故障(']\n")
    with pytest.raises(LexiconError, match=r"themes\.yaml.*FACILITY.*故障\("):
        tag_themes("线路故障")


def test_cues_that_cannot_be_joined_into_one_pattern_still_tag(custom_lexicon):
    # a theme's cues are tried only where one pattern joining them all finds one; a cue with
    # a flag of its own cannot be joined, and then each cue is tried as before
    custom_lexicon("themes:\n  FACILITY:\n    cues: ['(?i)ups电源故障', 机房漏水]\n"
                   "  CAPACITY:\n    cues: [人手不足, '专业(?:人员|人才)缺乏']\n")
    assert tag_themes("机房UPS电源故障两次") == {"FACILITY": "UPS电源故障"}
    assert tag_themes("单位专业人才缺乏") == {"CAPACITY": "专业人才缺乏"}
    assert tag_themes("群众满意度较高") == {OTHER: ""}


@pytest.mark.parametrize("text, theme", [
    ("项目仍在实施", "IMPLEMENTATION"),
    ("个别维修项目先施工后招标", "INSTITUTION"),
    ("由于审计部门工作任务重，工程结算审核时间较长", "BUDGET_EXECUTION"),
    ("村卫生室医生外出务工较多，上门随访难以开展", "EXTERNAL"),
])
def test_a_statement_no_theme_cue_knows_takes_the_theme_of_its_cause(text, theme):
    # the theme cues find nothing; the causes the statement names (causes.yaml) decide
    tags = tag_themes(text, "reason")
    assert next(iter(tags)) == theme and tags[theme]


def test_a_cause_of_no_theme_of_its_own_tags_other_only_alone():
    # a finding made year after year is OTHER's; beside a cause with a theme, OTHER is no tag
    assert tag_themes("公租房违规分配问题屡审屡犯", "problem") == {"INSTITUTION": "违规"}
    assert tag_themes("同类问题屡审屡犯", "problem") == {OTHER: "屡审屡犯"}


def test_a_measure_is_never_themed_by_causes():
    # a measure names what it answers in theme words; a cause in it is no topic of its own
    assert tag_themes("对仍在实施的事项按期推进", "measure") == {OTHER: ""}
    assert tag_themes("对仍在实施的事项按期推进", "reason") == {"IMPLEMENTATION": "仍在实施"}


@pytest.mark.parametrize("text, kind, theme", [
    ("增强预算执行的严肃性，严格按批复的预算安排支出", "measure", "BUDGET_EXECUTION"),
    ("强化预算绩效管理，坚持花钱必问效、无效必问责", "measure", "MONITORING"),
    ("优化审批程序，确保支出及时有序", "measure", "INSTITUTION"),
    ("进一步加强项目档案资料收集与整理", "measure", "INSTITUTION"),
    ("加强业务人员知识能力提升", "measure", "CAPACITY"),
    ("项目储备人员在预测方面缺乏经验", "reason", "CAPACITY"),
    ("由于人员经费严重不足，养护经费被挤占", "problem", "BUDGET_PLANNING"),
    ("部门预算调整率较大", "problem", "BUDGET_PLANNING"),
    ("3个项目未按期开(完)工", "problem", "IMPLEMENTATION"),
    ("补贴政策落实不精准", "problem", "IMPLEMENTATION"),
    ("部分合作社不能正常运转", "problem", "IMPLEMENTATION"),
    ("严肃预算调整行为，尽量减少预算调整", "measure", "BUDGET_PLANNING"),
    ("优化支出结构，压缩一般性项目", "measure", "BUDGET_PLANNING"),
    ("督促有关乡镇及时做好审计整改工作", "measure", "MONITORING"),
    # the rules not kept, said of any act
    ("部分村级项目建设程序不完全符合规定", "problem", "INSTITUTION"),
    ("个别乡镇未严格执行政府采购相关制度", "problem", "INSTITUTION"),
    ("部分支出列支不规范，合同签订不够规范", "problem", "INSTITUTION"),
    ("存在冒领养老金和截留补助资金的情况", "problem", "INSTITUTION"),
    ("专项资金缺乏有效的监督管理机制", "problem", "INSTITUTION"),
    # the money's pace, said with a pair of acts or after words between
    ("部分债券资金拨付和使用进度较慢", "problem", "BUDGET_EXECUTION"),
    ("救灾资金兑现不及时", "problem", "BUDGET_EXECUTION"),
    ("部分资金未在规定时间内分解下达", "problem", "BUDGET_EXECUTION"),
    ("公务用车运行维护费高于预算数", "reason", "BUDGET_EXECUTION"),
])
def test_common_wording_of_measures_and_problems_has_its_theme(text, kind, theme):
    assert theme in tag_themes(text, kind)


def test_monitoring_the_budget_execution_is_no_execution_measure():
    # 「对预算执行情况……开展监控」 answers monitoring, not slow spending
    assert "BUDGET_EXECUTION" not in tag_themes("对预算执行情况和绩效目标实现程度开展双监控", "measure")


def test_words_of_real_statements_that_fell_to_other():
    # (round 21: statements read on public pages tagged OTHER; our own wording)
    assert "CAPACITY" in tag_themes("进一步加强对新修订《预算法》等法规的学习")
    assert "BUDGET_PLANNING" in tag_themes("进一步提高部门预决算编制水平")
    assert "BUDGET_EXECUTION" in tag_themes("原因为公务接待费下降，会议费减少。", "reason")
    assert "BUDGET_EXECUTION" in tag_themes("工程款须根据施工进度进行结算，年内未全部支付。", "reason")


@pytest.mark.parametrize("text, kind, theme", [
    # targets written as slogans or as the project's name (our own wording)
    ("部分项目年度目标表述较为笼统，缺少可考核的具体内容", "problem", "TARGET_SETTING"),
    ("个别单位绩效总目标未合理填写，仅照抄项目名称", "problem", "TARGET_SETTING"),
    ("部分项目的年度目标与项目名称完全一致", "problem", "TARGET_SETTING"),
    ("绩效目标或实施方案不够明确", "problem", "TARGET_SETTING"),
    # self-evaluation that is untrue, done by others, or left unused
    ("部分单位绩效自评数据失真，自评报告美化成绩", "problem", "MONITORING"),
    ("自评和复核责任落实不到位", "problem", "MONITORING"),
    ("往年评价结果未得到有效运用", "problem", "MONITORING"),
    ("部分项目目标完成情况描述过于简单", "problem", "MONITORING"),
    ("切实提升绩效评价工作的规范性和质量", "measure", "MONITORING"),
    # works' accounts and acceptance; how soon money is passed on
    ("道路工程结算价款不实，多计工程量", "problem", "IMPLEMENTATION"),
    ("部分项目未按规定办理竣工验收", "problem", "IMPLEMENTATION"),
    ("补助资金拨付时效性不强", "problem", "BUDGET_EXECUTION"),
])
def test_wording_of_evaluation_findings_has_its_theme(text, kind, theme):
    assert theme in tag_themes(text, kind)


def test_an_example_a_statement_gives_lends_it_no_theme():
    # the example names a project about training teachers; the problem is about targets
    text = "部分项目绩效目标与项目名称基本相同。如“教师培训经费”项目，年度目标为全面提升师资队伍能力。"
    assert list(tag_themes(text, "problem")) == ["TARGET_SETTING"]


@pytest.mark.parametrize("text, kind, theme", [
    # the verb first or a word between (our own wording)
    ("合理设置绩效目标", "measure", "TARGET_SETTING"),
    ("进一步加强绩效目标管理工作", "measure", "TARGET_SETTING"),
    ("不断推进财政绩效管理全覆盖", "measure", "MONITORING"),
    ("建立健全乡镇综合文化站设施的管理和使用制度", "measure", "INSTITUTION"),
    ("提高救助经办人员的综合素质", "measure", "CAPACITY"),
    ("加快资金结算速度，确保补助资金及时到位", "measure", "BUDGET_EXECUTION"),
])
def test_theme_cues_read_the_verb_first_and_a_word_between(text, kind, theme):
    assert theme in tag_themes(text, kind)


def test_the_pace_of_spending_is_no_work_progress():
    assert "IMPLEMENTATION" not in tag_themes("部分债券资金拨付和使用进度较慢", "problem")


def test_an_assessment_that_pays_the_money_is_no_performance_monitoring():
    assert "MONITORING" not in tag_themes("部分卫生院绩效考核结算延后，补助资金未拨付", "problem")


def test_a_unit_named_for_its_watch_is_no_monitoring_finding():
    assert "MONITORING" not in tag_themes("部分乡镇食品安全监管站检测设备老化，检测人员不足", "problem")
    assert "MONITORING" in tag_themes("主管部门对项目实施过程监管不到位", "problem")
