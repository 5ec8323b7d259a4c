"""A finding put right in its own words (assistant/draft/corrections.py): the first points of
a measure draft for audit-style findings, then the cause's fix or the shape's control."""
from __future__ import annotations

import pytest

from assistant.draft.causes import rule_broken
from assistant.draft.corrections import corrections
from assistant.draft.measures import draft_measures
from assistant.draft.sentences import numbers_in


def _shapes(text: str) -> list[str]:
    return [c.shape for c in corrections(text)]


@pytest.mark.parametrize("text, shape, said", [
    # money paid to those who did not qualify comes back, named as the finding names it
    ("城关镇向4户不符合条件的家庭发放临时救助金1.6万元", "paid_ineligible",
     "对向4户不符合条件的家庭发放的临时救助金1.6万元逐笔核实、限期追回"),
    ("抽查发现存在不符合条件人员享受护理补贴的情况", "received_ineligible",
     "对不符合条件人员享受的护理补贴逐笔核实、限期追回"),
    # paid out against a rule, taken in against a rule
    ("县文旅局超标准报销差旅住宿费0.8万元", "paid_against_rules", "对超标准报销的差旅住宿费0.8万元予以追回"),
    ("中心学校违规收取学生资料费", "charged_against_rules", "对违规收取的学生资料费予以清退"),
    ("施工合同超比例预留质量保证金", "charged_against_rules", "对超比例预留的质量保证金予以清退"),
    # left out of where it belongs: put in (its subject named)
    ("经营性房屋出租收入未纳入单位预算管理", "not_included", "将经营性房屋出租收入纳入单位预算管理"),
    # not done as the rule says: done so, by whoever the finding names
    ("部分卫生院未按规定公示药品采购价格", "not_by_rule", "督促卫生院严格按规定公示药品采购价格"),
    ("未按合同约定支付监理费用", "not_by_rule", "严格按合同约定支付监理费用"),
    # papers never obtained: obtained now
    ("2个修缮项目未取得施工许可", "papers_missing", "对未取得施工许可的修缮项目限期补办"),
    ("公务用车未在定点维修厂维修", "not_at_designated", "公务用车维修一律在定点维修厂办理"),
    ("违规将专项资金用于平衡单位经费", "misused", "对违规用于平衡单位经费的专项资金限期收回"),
    ("违规出租公共服务用房两处", "against_rules", "立即纠正违规出租公共服务用房两处的行为"),
    # what was had against the rules comes back; money due to the treasury is handed over
    ("部分村干部违规享受误工补贴", "enjoyed_against_rules", "对违规享受的误工补贴逐笔核实、限期追回"),
    ("违规占用应上缴财政的结余资金12.5万元", "kept_what_is_due", "对应上缴财政的结余资金12.5万元限期足额上缴"),
    # money an audit finds put to another use (non-X, a company's capital) is recovered
    ("3个单位将800万元棚改资金用于非棚改项目建设。", "diverted", "对用于非棚改项目建设的800万元棚改资金限期收回"),
])
def test_a_finding_is_put_right_in_its_own_words(text, shape, said):
    found = corrections(text)
    assert [c.shape for c in found] == [shape]
    assert found[0].text.startswith(said), found[0].text
    # every number it prints is the finding's
    assert numbers_in(found[0].text) <= numbers_in(text)


@pytest.mark.parametrize("text", [
    "部分项目未按计划完成建设任务",              # late work: its causes answer, no rule broken
    "存在超预算支出的风险",                      # a risk, no money paid
    "高龄津贴重复发放15人次",                    # a count of people, no sum to recover
    "系统未能识别部分违规行为",                  # violations named, not committed by the unit
    "经核查，已责令相关人员退回多领的补贴",      # put right already
    "全年清理追回多领养老金3.2万元",
])
def test_no_correction_where_nothing_is_to_be_put_right(text):
    assert _shapes(text) == []


def test_a_subject_that_is_no_actor_is_left_out_of_the_urging():
    # 「档案」 cannot be urged: the point speaks of the act only
    text = corrections("项目档案未按规定归档保存")[0].text
    assert text.startswith("严格按规定归档保存") and "督促" not in text


def test_two_findings_in_one_statement_are_put_right_in_their_order():
    found = corrections("未按规定标准核定补助金额，导致多发放生活补助2.4万元")
    assert [c.shape for c in found] == ["not_by_rule", "paid_against_rules"]
    assert found[1].text == "对多发放的生活补助2.4万元予以追回"


def _templates(text: str) -> list[str]:
    return [s.provenance.template for s in draft_measures(text)[0].sentences]


def test_a_finding_no_cause_explains_gets_its_correction_and_its_control():
    templates = _templates("经营性房屋出租收入未纳入单位预算管理")
    assert templates == ["corrections.not_included", "corrections.not_included.control"]
    first = draft_measures("经营性房屋出租收入未纳入单位预算管理")[0].sentences[0].text
    assert first.startswith("一是将经营性房屋出租收入纳入单位预算管理")   # no 「针对……的问题」 lead


def test_money_comes_back_first_then_the_cause_read_elsewhere_is_fixed():
    templates = _templates("个别村虚报种植面积，多领耕地地力保护补贴1.1万元")
    assert templates[0] == "corrections.paid_against_rules"
    assert templates[1].startswith("measures.")         # the cause's own move, not the control
    assert len(templates) == 2


def test_a_cause_the_statement_gives_is_answered_before_the_correction():
    templates = _templates("由于审核人员对政策理解不到位，向2户不符合条件的农户发放补贴0.6万元")
    assert templates[0].startswith("measures.")
    assert templates[1] == "corrections.paid_ineligible"


def test_a_restatement_yields_to_the_cause_the_statement_gives():
    templates = _templates("由于上级资金下达较晚，部分乡镇未按规定及时拨付资金")
    assert templates[0].startswith("measures.BUDGET_EXECUTION.")
    assert "corrections.not_by_rule" not in templates


def test_a_cause_whose_move_already_puts_it_right_leads_alone():
    # 超标准发放 is read as irregular spending, whose own first move gives the money back
    templates = _templates("2024年该中心超标准发放值班补贴0.9万元")
    assert not any(t.startswith("corrections.") for t in templates)
    assert "清退" in draft_measures("2024年该中心超标准发放值班补贴0.9万元")[0].sentences[0].text


def test_a_shape_that_only_says_the_act_again_yields_to_the_cause_read():
    # 「未按规定实行公开招标」 is the procurement cause's: its move answers, not a restatement
    templates = _templates("部分采购项目未按规定实行公开招标")
    assert not any(t.startswith("corrections.") for t in templates)


def test_the_same_finding_gets_the_same_draft():
    text = "县医保中心向3名不符合条件人员支付医疗救助金0.7万元"
    assert draft_measures(text)[0].text == draft_measures(text)[0].text


def test_money_used_against_its_purpose_goes_back_where_it_came_from():
    # the words run on past the comma to where the money went
    found = corrections("镇政府违规将320万元人居环境整治资金，安排用于办公楼装修等项目。")
    assert [c.shape for c in found] == ["misused"]
    assert found[0].text == "对违规用于办公楼装修的320万元人居环境整治资金限期收回，归还原资金渠道"
    assert corrections("有86万元就业补助资金被违规用于弥补办公经费、发放福利")[0].text \
        == "对违规用于弥补办公经费、发放福利的资金限期收回，归还原资金渠道"


@pytest.mark.parametrize("text", [
    "部分乡镇通过违规指定等方式确定施工单位",    # a manner, not what was done
    "为违法违规操作提供了便利",                  # the pair 违法违规, no act of the unit
])
def test_no_catch_all_point_for_a_manner_or_a_set_phrase(text):
    assert "against_rules" not in _shapes(text)


def test_who_was_paid_is_named_without_what_led_to_it():
    text = corrections("因审核不严，造成部分不符合申领条件的人员领取救助金")[0].text
    assert text.startswith("对不符合申领条件的人员领取的救助金")


def test_things_used_against_their_purpose_are_no_money_to_recover():
    assert "misused" not in _shapes("另有42套住房被违规用于办公、出租")


@pytest.mark.parametrize("text, shape, said", [
    ("2个乡镇已故人员的养老保险个人账户余额3.4万元未清退", "not_returned", "对2个乡镇已故人员的养老保险个人账户余额3.4万元限期清退到位"),
    ("门面房应收租金长期未收回", "not_returned", "对门面房应收租金限期收回到位"),
    # (money taken against a rule and still not back is what is owed, not an act to undo)
    ("退休人员多领的养老金尚未追回", "not_returned", "对退休人员多领的养老金限期追回到位"),
    # a change made without approval is approved or undone
    ("2个合作社擅自变更建设地点", "changed_unapproved", "对擅自变更的建设地点逐项核查，按程序补办审批手续，不符合规定的予以纠正"),
    ("该项目未经批准调整建设规模", "changed_unapproved", "对擅自调整的建设规模逐项核查，按程序补办审批手续，不符合规定的予以纠正"),
])
def test_money_owed_is_returned_in_time_and_a_change_made_without_approval_approved_or_undone(text, shape, said):
    found = corrections(text)
    assert [(c.shape, c.text) for c in found] == [(shape, said)]


def test_the_control_after_a_restated_act_names_the_same_act_without_its_figures():
    sentences = draft_measures("未按协议兑付村集体土地流转费12.6万元")[0].sentences
    assert sentences[1].provenance.template == "corrections.not_by_rule.control"
    assert "土地流转费" in sentences[1].text and "12.6" not in sentences[1].text


def test_a_second_finding_beside_a_correction_gets_its_cause_fixed_next():
    # the change is put right; the matching money the enterprise never raised is answered
    # next by its own cause's move, not by a control of the change
    sentences = draft_measures("少数企业擅自变更实施内容和未足额筹集到位配套资金")[0].sentences
    assert sentences[0].provenance.template == "corrections.changed_unapproved"
    assert sentences[1].provenance.template.startswith("measures.BUDGET_PLANNING.secure_matching.")


@pytest.mark.parametrize("text, said", [
    ("2所幼儿园未取得施工许可证就开工建设",
     "对未取得施工许可证即开工建设的项目责令限期补办施工许可证，不符合条件的停工整改"),
    ("1个项目未办理用地手续即开始施工",
     "对未办理用地手续即开工建设的项目责令限期补办用地手续，不符合条件的停工整改"),
])
def test_work_begun_before_its_papers_is_stopped_or_the_papers_obtained(text, said):
    found = corrections(text)
    assert [(c.shape, c.text) for c in found] == [("built_before_papers", said)]


def test_project_money_used_to_pay_old_debts_goes_back_to_its_channel():
    found = corrections("个别乡镇用村级公益事业奖补资金偿还以前年度的工程欠款")
    assert [(c.shape, c.text) for c in found] == [
        ("repaid_debts", "对用于偿还以前年度的工程欠款的村级公益事业奖补资金限期收回，归还原资金渠道")]


@pytest.mark.parametrize("text, shape, said", [
    # a shortfall said only as a verdict on something: put right in the statement's own words
    ("部分村卫生室药品登记管理不规范", "made_regular", "进一步规范村卫生室药品登记管理"),
    ("社区日间照料中心运营管理不到位", "put_in_place", "推动社区日间照料中心运营管理落实到位"),
    ("村级财务公开制度不够完善", "made_complete", "健全完善村级财务公开制度"),
    ("各科室在绩效自评中的分工不明确", "made_clear", "进一步明确各科室在绩效自评中的分工"),
    ("基层医疗机构的服务能力有待进一步提高", "raised", "采取有针对性的措施，进一步提高基层医疗机构的服务能力"),
    ("乡镇对农村公路养护的监督指导不够", "strengthened", "加强乡镇对农村公路养护的监督指导"),
])
def test_a_verdict_is_put_right_in_its_own_words(text, shape, said):
    found = corrections(text)
    assert [c.shape for c in found] == [shape]
    assert found[0].text.startswith(said), found[0].text
    assert found[0].yields and found[0].guess_follows


def test_a_verdict_put_right_leads_only_where_no_cause_is_read():
    # no cause read: the verdict put right leads, the nearest cause's fix or a control after it
    first, second = (s.text for s in draft_measures("社区老年食堂运营管理不到位")[0].sentences)
    assert first.startswith("一是推动社区老年食堂运营管理落实到位") and second.startswith("二是")
    # money is no thing to strengthen: 资金不足 is answered by the money's causes
    assert _shapes("乡村振兴项目资金有待进一步提高") == []
    # a cause read in the words answers first (the slow payment's own move)
    first = draft_measures("工程款支付进度缓慢，资金拨付不到位")[0].sentences[0]
    assert not first.provenance.template.startswith("corrections."), first.text


@pytest.mark.parametrize("text, shape, said", [
    # drafting.yaml § corrections.verdicts: how a thing falls short, reversed in its own words
    ("村级文化广场健身器材长期闲置", "put_to_use", "盘活村级文化广场健身器材，提高使用效率"),
    ("技能培训的工种覆盖面较窄", "widened", "进一步拓宽技能培训的工种覆盖面"),
    ("乡镇卫生院的筹资渠道比较单一", "diversified", "丰富乡镇卫生院的筹资渠道"),
    ("各街道垃圾分类投放点布局不均衡", "balanced", "统筹安排，推动各街道垃圾分类投放点布局均衡"),
    ("农户对补贴政策的知晓率偏低", "raised_low", "采取有针对性的措施，提高农户对补贴政策的知晓率"),
    ("年末暂付款余额过大", "reduced", "查明年末暂付款余额的成因，采取措施压减控制"),
    ("示范基地的辐射带动作用不明显", "improved", "采取有针对性的措施，改善示范基地的辐射带动作用"),
    ("项目资产移交手续办理不及时", "made_timely", "加快推进项目资产移交手续办理"),
    ("项目支出明细核算较为粗放", "detailed", "进一步细化项目支出明细核算"),
    ("绩效自评表中的受益人数统计不准确", "made_accurate", "核实更正绩效自评表中的受益人数统计"),
    ("水质监测点位设置不合理", "rationalized", "优化水质监测点位设置"),
    ("政策宣传解读不够深入", "deepened", "推动政策宣传解读走深走实"),
    ("会议费支出超标准", "kept_in_limits", "严格控制会议费支出"),
    ("街道尚未建立网格员考核办法", "set_up", "尽快建立网格员考核办法"),
    ("县农业农村局未开展项目绩效运行监控", "carried_out", "按要求开展项目绩效运行监控"),
    ("2个乡镇56户脱贫户未享受到产业奖补", "benefit_reached", "全面排查应享未享对象，确保符合条件的对象及时足额享受产业奖补"),
    ("学生资助资金发放与资助名单不一致", "matched", "加强统筹衔接，推动学生资助资金发放与资助名单相互匹配"),
    ("部分课程安排与学员需求有差距", "matched", "加强统筹衔接，推动课程安排与学员需求相互匹配"),
    ("培训内容由主办方统一确定，与学员实际需求存在差距", "matched", "加强调查研究，增强工作安排与学员实际需求的契合度"),
    ("村级公益设施建成后一直未移交", "finished_off", "尽快完成村级公益设施建成后的移交工作"),
    ("应急预案多年未修订", "finished_off", "尽快完成应急预案的修订工作"),
    ("乡镇缺乏统一的项目验收标准", "systems_supplied", "建立健全项目验收标准"),
    ("基层站所缺乏专业财会人员", "staff_supplied", "通过招聘、培训、购买服务等方式充实专业财会人员"),
])
def test_a_verdict_family_reverses_the_shortfall_in_its_own_words(text, shape, said):
    found = corrections(text)
    assert [c.shape for c in found] == [shape]
    assert found[0].text.startswith(said), found[0].text
    assert found[0].yields and found[0].guess_follows


def test_a_verdict_family_names_only_its_own_part_of_a_list():
    # list numbers, a heading's label and another shortfall listed before it are not the thing
    assert corrections("（三）宣传方式：宣传手段较为单一")[0].text.startswith("丰富宣传手段")
    assert corrections("2.资产清查不够细致")[0].text.startswith("进一步细化资产清查")
    found = corrections("护理员队伍年龄偏大、持证比例偏低")
    assert [c.text.split("，")[1] for c in found] == ["提高持证比例"]


def test_a_verdict_family_leaves_what_is_no_such_thing():
    # people's age is not reduced; money short and a slow execution rate have causes of
    # their own; those who did not qualify are no one to pay
    assert _shapes("村级防疫员年龄偏大") == []
    assert _shapes("项目资金到位率偏低") == []
    assert _shapes("预算支出进度较慢") == []
    assert _shapes("不符合条件的人员未享受到补助") == []
    assert _shapes("工程进度款尚未支付") == []
    # a bare act is no thing to put right: 「设置不够合理」 leaves the thing to the clause before
    assert _shapes("目标值设置依据不足，设置不够合理") == []


def test_side_by_side_verdicts_are_each_put_right_where_no_cause_is_read():
    # (and no guessed cause pads them)
    points = [s.text for s in draft_measures("村史馆展陈内容较为单一，开放时间偏少")[0].sentences]
    assert points == ["一是丰富村史馆展陈内容，改变单一局面；", "二是采取有效措施，增加开放时间。"]


def test_a_verdict_family_gives_way_to_the_cause_read():
    # the late tender is read as the cause: its move answers first, not 「加快推进……」
    first = draft_measures("由于招标时间较晚，设备安装调试滞后")[0].sentences[0]
    assert not first.provenance.template.startswith("corrections."), first.text


def test_what_was_done_against_the_rules_is_no_attribute_of_the_money():
    # 「违规使用的资金……推进慢」: 违规 says which money, and no act is put right
    assert "against_rules" not in _shapes("违规使用的财政资金投资项目推进慢")
    assert _shapes("违规发放加班补贴3.2万元") == ["paid_against_rules"]


def test_a_verdict_listed_after_another_quotes_only_its_own_thing():
    found = corrections("项目申报材料内容不完整、依据不清晰")
    assert [c.text.split("，")[0] for c in found] == ["进一步明确依据"]


def test_a_review_that_is_not_enough_is_strengthened():
    assert corrections("项目执行层面的审核把关不够")[0].text.startswith("加强项目执行层面的审核把关")


def test_not_done_as_the_rule_says_reads_bu_an_too_but_not_on_time():
    assert corrections("部分单位不按规定格式填报绩效目标")[0].text.startswith("督促单位严格按规定格式填报绩效目标")
    assert "not_by_rule" not in _shapes("不按期提交验收资料")


@pytest.mark.parametrize("text, shape, said", [
    # money put to a use the sentence goes on to say broke a rule (no 违规 before it)
    ("市水务局将农村饮水安全维修养护资金42.8万元用于局机关食堂改造，违反专款专用的规定。", "used_against_rule",
     "对用于局机关食堂改造的农村饮水安全维修养护资金42.8万元限期收回，归还原资金渠道"),
    # paid out in a settlement beyond what was done
    ("经复核，某公司多结算道路工程款18.4万元。", "paid_against_rules", "对多结算的道路工程款18.4万元予以追回"),
    # got by a false claim: what it got, not how, is recovered in full
    ("某合作社以虚报种植面积、重复申报等方式，骗取农机购置补贴资金共计9.6万元。", "obtained_by_fraud",
     "对骗取的农机购置补贴资金共计9.6万元全额追回"),
    # booked as spent, only moved
    ("县卫健局年末将未实施的村卫生室改造资金60万元以拨代支转入乡镇卫生院账户。", "booked_not_spent",
     "对以拨代支转出的未实施的村卫生室改造资金60万元清理收回，据实调整账务"),
    # paid on after the right to it ended
    ("县医保局向已死亡或已在外地参保的56人继续发放医疗救助补助3.1万元。", "paid_on_after",
     "对不符合条件后仍发放的医疗救助补助3.1万元逐笔核实、限期追回"),
    # (the loose check is read too, but the money comes back first and the check follows)
    ("抽查发现部分已停业的个体户仍领取创业补贴", "paid_on_after", "对不符合条件后仍领取的创业补贴逐笔核实、限期追回"),
    # money that should have been taken back, before the rule it was to follow
    ("某项目管理单位未按合同约定扣回材料预付款120万元。", "not_taken_back", "对应扣回未扣回的材料预付款120万元限期扣回到位"),
    # spending booked under another name
    ("某局以“培训费”名义列支职工福利费用共计2.4万元，违反财经纪律。", "booked_under_other_name",
     "对以其他名义列支的职工福利费用共计2.4万元逐笔清理、调整账务"),
    # the use named first, the rule broken a clause later
    ("县教育局将学生资助资金35万元用于机关车辆购置，改变了资金用途，违反资助资金管理办法。", "used_against_rule",
     "对用于机关车辆购置的学生资助资金35万元限期收回"),
    # a short subject owed back
    ("闲置门面对外出租，租金未全额上缴财政。", "not_returned", "对租金限期上缴到位"),
    # money paid in a finding that says a rule was broken
    ("县就业局向4家未实际吸纳就业的企业发放吸纳就业补贴9.2万元，违反就业补助资金管理办法的规定。",
     "paid_breaking_rule", "对违规发放的吸纳就业补贴9.2万元逐笔核实、限期追回"),
    ("某镇将已复垦为林地的耕地继续计入补贴面积，多发补贴2.3万元，违反补贴发放规定。",
     "paid_breaking_rule", "对违规多发的补贴2.3万元逐笔核实、限期追回"),
    # revenue due and not collected
    ("县住建局对6个项目未征收城市基础设施配套费86.5万元。", "not_collected",
     "对应征收未征收的城市基础设施配套费86.5万元依法追缴入库"),
    # booked under another name, to people named between the name and the act, or bought
    ("某中心以“专家咨询费”名义向8名本单位职工发放补助1.2万元。", "booked_under_other_name",
     "对以其他名义发放的补助1.2万元逐笔清理、调整账务"),
    ("某局以工会活动名义购买购物卡40张共计2万元。", "booked_under_other_name",
     "对以其他名义购买的购物卡40张共计2万元逐笔清理、调整账务"),
])
def test_audit_findings_of_money_are_put_right_before_any_rule_is_tightened(text, shape, said):
    found = corrections(text)
    assert found and found[0].shape == shape, [c.shape for c in found]
    assert found[0].text.startswith(said), found[0].text
    # every number it prints is the finding's
    assert numbers_in(found[0].text) <= numbers_in(text)


def test_a_use_of_money_the_sentence_does_not_call_against_a_rule_is_no_finding():
    assert _shapes("县农业农村局将高标准农田建设资金1200万元用于田间道路和灌排工程建设。") == []


def test_what_people_complain_of_is_put_right_and_they_are_told_its_control_follows():
    draft = draft_measures("部分家长对校车接送时间有意见，满意度为85%。")[0]
    assert [s.provenance.template for s in draft.sentences] == ["corrections.complained",
                                                                "corrections.complained.control"]
    assert draft.sentences[0].text.startswith("一是针对家长反映的校车接送时间问题，查明原因、限期改进")


def test_a_reach_that_falls_short_is_widened_in_its_own_words():
    found = corrections("基层医疗机构巡诊覆盖面不足，偏远村组全年未巡诊。")
    assert [(c.shape, c.text) for c in found][:1] == [
        ("covered", "扩大基层医疗机构巡诊覆盖面，将薄弱区域和环节纳入覆盖范围")]



def test_a_rule_broken_is_no_saving_whatever_thrift_words_it_names():
    text = "乡政府以“会议费”名义列支公务接待费用1.8万元，部分接待无公函，违反中央八项规定精神。"
    draft = draft_measures(text)[0]
    assert draft.sentences[0].provenance.template == "corrections.booked_under_other_name"
    assert "无需" not in draft.text
    # a rule said to be kept, or no breach found, is no rule broken
    assert rule_broken(text)
    assert not rule_broken("经检查，未发现违规违纪问题，各项指标均已完成。")
    assert not rule_broken("严格执行财经纪律，杜绝挤占挪用，节约资金3万元。")



def test_money_paid_twice_without_a_rule_named_leaves_the_eligibility_check_to_follow():
    # (no 违反: the cause's own fix follows the recovery as before)
    assert "paid_breaking_rule" not in _shapes("有5人重复申领创业补贴，多发资金3万元，尚未追回。")
