"""自评表核查: findings on hand-built reports, value parsing, and the four seeds against the gold."""
from __future__ import annotations

import json
import re

import pytest

from assistant.extract.checks import KINDS, Finding, assess_indicator, find_issues, parse_quantity
from assistant.model import Budget, Indicator, Project, Report
from tests.conftest import GOLD, ROOT, SEEDS, needs_shared

# A form as a PDF extraction prints it (the 公积金贷款发放 form of a 2023 自评表, shortened).
LOAN_TEXT = (
    "项目名称\t\t公积金贷款发放、催收等及律师诉讼费用\n"
    "项目资金 (元)\t资金来源\t年初预算数\t全年预算数(A)\t全年执行数(B)\t分值\t执行率\t得分\n"
    "\t年度资金总额:\t100000\t100000\t86560\t10\t86.56\t8.66\n"
    "\t产出指标 (50分)\t数量指标\t政策调整资料、公积金贷款宣传\t≤6次\t2次\t50\t50\t\n"
    "\t\t质量指标\t逾期发生率\t≤0.5%\t0.036%\t5\t5\t\n"
    "\t\t成本指标\t贷后管理费\t10万元\t8.66万元\t2\t1\t部分项目支付进度缓慢\n"
    "\t效益指标\t社会效益指标\t推动房地产市场健康发展\t显著\t有效推动房地产市场健康发展\t28\t28\t\n"
    "满意度指标\t满意度指标\t公积金业务满意度\t≥95%\t95%\t5\t5\t\n"
    "总分\t\t\t\t\t\t100\t97.66\n"
)


def _span(text: str, needle: str) -> tuple[int, int]:
    at = text.index(needle)
    return at, at + len(needle)


def _loan_report() -> Report:
    t = LOAN_TEXT
    rows = [("产出指标", "数量指标", "政策调整资料、公积金贷款宣传", "≤6次", "2次", 50, 50, "", "数量"),
            ("产出指标", "质量指标", "逾期发生率", "≤0.5%", "0.036%", 5, 5, "", "质量"),
            ("产出指标", "成本指标", "贷后管理费", "10万元", "8.66万元", 2, 1, "部分项目支付进度缓慢", "成本"),
            ("效益指标", "社会效益指标", "推动房地产市场健康发展", "显著", "有效推动房地产市场健康发展", 28, 28, "",
             "社会效益"),
            ("满意度指标", "满意度指标", "公积金业务满意度", "≥95%", "95%", 5, 5, "", "满意度")]
    indicators = []
    for l1, l2, name, target, actual, weight, score, reason, cat in rows:
        line_start = t.index(name)
        start, end = line_start, t.index("\n", line_start)
        indicators.append(Indicator(l1, l2, name, target, actual, weight, score, reason, cat,
                                    start=start, end=end))
    b_start, b_end = _span(t, "\t年度资金总额:\t100000\t100000\t86560\t10\t86.56\t8.66")
    budget = Budget(initial=100000, adjusted=100000, executed=86560, rate=86.56, weight=10, score=8.66,
                    unit="元", start=b_start, end=b_end)
    project = Project("公积金贷款发放、催收等及律师诉讼费用", "self_evaluation", budget, 97.66, indicators,
                      start=0, end=len(t))
    return Report(doc="loan.txt", projects=[project])


def _kinds(findings: list[Finding], indicator: str | None = None) -> set[str]:
    return {f.kind for f in findings if indicator is None or f.indicator == indicator}


# --------------------------------------------------------------------------- hand-built reports
def test_budget_below_90_with_evidence():
    report = _loan_report()
    findings = find_issues(report, LOAN_TEXT)
    budget = [f for f in findings if f.kind.startswith("BUDGET")]
    assert [f.kind for f in budget] == ["BUDGET_BELOW_90"]
    f = budget[0]
    assert f.figures["rate"] == 86.56 and "86.56%" in f.message and "90%" in f.message
    assert "86.56" in LOAN_TEXT[f.start:f.end]


def test_deduction_on_cost_row():
    findings = find_issues(_loan_report(), LOAN_TEXT)
    row = [f for f in findings if f.indicator == "贷后管理费"]
    assert {"SCORE_DEDUCTED", "TARGET_MISSED"} <= _kinds(row)
    deducted = next(f for f in row if f.kind == "SCORE_DEDUCTED")
    assert deducted.figures["weight"] == 2 and deducted.figures["score"] == 1
    assert deducted.figures["reason"] == "部分项目支付进度缓慢"
    assert "贷后管理费" in LOAN_TEXT[deducted.start:deducted.end]
    assert "IMPLEMENTATION" in deducted.themes


def test_rows_that_met_their_target_get_no_finding():
    findings = find_issues(_loan_report(), LOAN_TEXT)
    for name in ("政策调整资料、公积金贷款宣传", "逾期发生率", "公积金业务满意度"):
        assert not _kinds(findings, name), name


def test_short_message_row_met():
    ind = Indicator("产出指标", "质量指标", "短信发送成功率", "≥98%", "99.20%", 12, 12, category="质量")
    project = Project("公积金12329短信服务费", "self_evaluation", None, None, [ind])
    assert assess_indicator(ind).status == "met"
    assert not [f for f in find_issues(Report("x", projects=[project]), "") if f.indicator == "短信发送成功率"]


def test_vague_target():
    findings = find_issues(_loan_report(), LOAN_TEXT)
    assert _kinds(findings, "推动房地产市场健康发展") == {"VAGUE_TARGET"}


@pytest.mark.parametrize("target", ["长期", "较大", "显著", "按时保质完成", "持续影响持续影响", "长期保障"])
def test_vague_words(target):
    ind = Indicator(name="职工队伍的稳定性", target=target, actual=target, weight=15, score=15)
    assert assess_indicator(ind).status == "vague"


def test_prose_with_a_figure_is_not_vague():
    ind = Indicator(name="社会公众满意度", target="社会公众满意度较好，社会公众满意率达到90%。")
    assert assess_indicator(ind).status != "vague"


def test_ids_stable_and_kinds_known():
    first = find_issues(_loan_report(), LOAN_TEXT)
    again = find_issues(_loan_report(), LOAN_TEXT)
    assert [f.id for f in first] == [f"F{n}" for n in range(1, len(first) + 1)]
    assert [(f.id, f.kind, f.indicator) for f in first] == [(f.id, f.kind, f.indicator) for f in again]
    assert all(f.kind in KINDS for f in first)


def test_consistent_form_has_no_arithmetic_finding():
    assert "ARITHMETIC" not in _kinds(find_issues(_loan_report(), LOAN_TEXT))


def test_missing_families():
    rows = [Indicator(name="发送条数", target="≥150万条", actual="198.38万条", weight=50, score=50, category="数量")]
    project = Project("公积金12329短信服务费", "self_evaluation", None, None, rows)
    found = [f for f in find_issues(Report("x", projects=[project]), "") if f.kind == "MISSING_FAMILY"]
    assert sorted(f.figures["family"] for f in found) == ["效益", "满意度"]
    assert all(f.themes == ["TARGET_SETTING"] for f in found)
    whole = Project("部门整体", "department_overall", None, None, rows)
    assert not [f for f in find_issues(Report("x", projects=[whole]), "") if f.kind == "MISSING_FAMILY"]


def _arith(project: Project) -> list[Finding]:
    return [f for f in find_issues(Report("x", projects=[project]), "") if f.kind == "ARITHMETIC"]


def _scored(weights_scores, budget=None, total=None) -> Project:
    rows = [Indicator(name=f"指标{n}", target="≥1次", actual="1次", weight=w, score=s, category="数量")
            for n, (w, s) in enumerate(weights_scores)]
    rows[0].category = "满意度"
    rows[-1].category = "社会效益"
    return Project("网络安全等级保护测评费", "self_evaluation", budget, total, rows)


def test_arithmetic_weights_and_total():
    budget = Budget(adjusted=34000, executed=34000, rate=100, weight=10, score=10)
    # 80 + 10 ≠ 100, and the printed total 100 ≠ 80 + 10: both as in the 2023 测评费 form
    found = _arith(_scored([(40, 40), (30, 30), (10, 10)], budget, 100))
    assert sorted(f.figures["check"] for f in found) == ["total", "weights"]


def test_arithmetic_score_above_weight():
    found = _arith(_scored([(45, 46), (45, 44)], Budget(adjusted=1, executed=1, rate=100, weight=10, score=10), 100))
    assert any(f.indicator == "指标0" and "超过" in f.message for f in found)


def test_arithmetic_rate_and_rate_score():
    budget = Budget(initial=280000, adjusted=273600, executed=169600, rate=71.99, weight=10, score=9.2)
    found = _arith(_scored([(45, 45), (45, 45)], budget, None))
    assert {f.figures["check"] for f in found} == {"rate", "rate_score"}
    ok = Budget(initial=280000, adjusted=273600, executed=169600, rate=61.99, weight=10, score=6.2)
    assert not _arith(_scored([(45, 45), (45, 45)], ok, 96.2))


@pytest.mark.parametrize("executed, rate, flagged", [
    (343, 86, False), (343, 86.0, False), (343, 85.8, False), (343, 85.75, False), (343, 85.7, False),
    (343, 85, False), (343, 85.6, True), (343, 87, True),
    (304.28, 77, True), (304.28, 76, False)])          # 76.07%: 77 is neither rounded nor cut
def test_a_rate_is_executed_over_budget_rounded_or_cut_to_its_printed_decimals(executed, rate, flagged):
    # executed / budget = 85.75%: 86 (rounded), 85.8 (rounded to one decimal), 85.7 and 85 (cut)
    budget = Budget(adjusted=400, executed=executed, rate=rate)
    found = _arith(_scored([(45, 45), (45, 45)], budget, None))
    assert ("rate" in {f.figures["check"] for f in found}) is flagged


def test_a_rate_printed_as_a_fraction_is_read_in_per_cent():
    from assistant.extract import extract_text

    text = ("项目名称\t乡村文物日常维护经费\n"
            "项目资金(万元)\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
            "\t年度资金总额\t29\t29\t27.8\t10\t0.958\t9.5\n"
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
            "产出指标\t数量指标\t维护文物点数量\t≥12处\t12处\t45\t45\n"
            "效益指标\t社会效益指标\t文物安全事故\t0起\t0起\t45\t45\n")
    report = extract_text(text, "form.txt")
    assert report.projects[0].budget.rate == 95.8
    assert [f.kind for f in report.findings if f.kind.startswith("BUDGET")] == ["BUDGET_BELOW_100"]
    # a rate of 1% stays 1% where executed / budget says so
    low = extract_text(text.replace("27.8\t10\t0.958", "0.29\t10\t1"), "low.txt")
    assert low.projects[0].budget.rate == 1


def test_rate_computed_when_not_printed():
    p = Project("驻村帮扶工作经费", "self_evaluation", Budget(adjusted=50000, executed=40000), None, [])
    found = find_issues(Report("x", projects=[p]), "")
    assert [f.kind for f in found] == ["BUDGET_BELOW_90"] and found[0].figures["rate_computed"]


# ------------------------------------------------------------------------------ parsing values
@pytest.mark.parametrize("text, op, value, unit", [
    ("≥150万条", ">=", 1_500_000, "条"),
    ("≤10万元", "<=", 100_000, "元"),
    ("＝100%", "=", 100, "%"),
    ("=13个", "=", 13, "个"),
    ("＞90%", ">", 90, "%"),
    ("＜5‰", "<", 0.5, "%"),
    (">3次", ">", 3, "次"),
    ("<2天", "<", 2, "天"),
    ("≤1.1亿元", "<=", 110_000_000, "元"),
    ("≤280000元", "<=", 280_000, "元"),
    ("≤3‰", "<=", 0.3, "%"),
    ("≥2次数", ">=", 2, "次"),
    ("一批", ">=", 1, "批"),
    ("500万元以内", "<=", 5_000_000, "元"),
])
def test_parse_quantity(text, op, value, unit):
    q = parse_quantity(text)
    assert q is not None and q.op == op and q.unit == unit
    assert q.value == pytest.approx(value)


@pytest.mark.parametrize("text, value", [("2023年底", 20231231), ("2023年12月", 20231231),
                                         ("2023年12月31日前完成", 20231231), ("2023年11月底前", 20231131)])
def test_parse_dates(text, value):
    q = parse_quantity(text)
    assert q is not None and q.is_date and q.value == value and q.op == "<="


@pytest.mark.parametrize("text", ["27人*12月", "管委会批复的年度目标", "按时保质完成", "贷款发放14.1亿元, 完成年度目标的141%"])
def test_prose_is_not_a_quantity(text):
    assert parse_quantity(text) is None


def test_lower_is_better_without_operator():
    assert assess_indicator(Indicator(name="逾期发生率", target="0.5%", actual="0.036%")).status == "met"
    assert assess_indicator(Indicator(name="群众投诉次数", target="5次", actual="7次")).status == "missed"
    assert assess_indicator(Indicator(name="线路条数", target="12条", actual="17条")).status == "met"


@pytest.mark.parametrize("target, actual, category, status", [
    ("≥98%", "99.20%", None, "met"),
    ("≤2%", "0.22‰", None, "met"),              # 0.022% ≤ 2%
    ("≥26万人", "28.28", None, "met"),           # a bare actual takes the target's 万人
    ("≤1.1亿元", "1.07", None, "met"),
    ("＝1年", "1", None, "met"),
    ("=100%", "98%", None, "missed"),
    ("＝1套", "0.5", None, "missed"),
    ("10万元", "8.66万元", "成本", "missed"),     # a planned cost printed without operator
    ("197.9万", "197.9万元", "成本", "met"),
    ("≥12条", "17条", None, "met"),
    ("≥25处", "22处", None, "missed"),
    ("10万元", "86560元", "成本", "missed"),
    ("2023年底完成", "2023年底已完成", None, "met"),
    ("2023年11月底前", "2023年12月底完成", None, "missed"),
    ("2023年12月底前", "2023年12月20日已拨付", None, "met"),
    ("定性优", "优", None, "met"),
    ("优", "良", None, "missed"),
    ("通过", "通过", None, "met"),
    ("自动实时结算", "达到自动实时结算", None, "met"),
    ("第三级安全保护能力", "通过三级安全保护能力测评", None, "unknown"),
    ("建立健全", "未建立", None, "missed"),
    ("27人*12月", "173.93万元", None, "unknown"),
    ("≥90%", "", None, "open"),
    ("≥20个", "22个", None, "met"),
])
def test_assess_indicator(target, actual, category, status):
    ind = Indicator(name="x", target=target, actual=actual, category=category)
    assert assess_indicator(ind).status == status


# --------------------------------------------------------------------------------- the seeds
PIPELINE = (ROOT / "assistant" / "extract" / "pipeline.py").exists()
needs_pipeline = pytest.mark.skipif(not PIPELINE, reason="assistant.extract.pipeline not written yet")


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def _gold():
    for path in sorted(GOLD.glob("*.json")):
        yield json.loads(path.read_text(encoding="utf-8"))


def _same_project(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    return a == b or a in b or b in a


@needs_shared
@needs_pipeline
@pytest.mark.parametrize("gold", list(_gold()) if GOLD.is_dir() else [], ids=lambda g: g["doc"][:3])
def test_seed_shortfalls_are_found(gold):
    from assistant.extract import extract_path

    path = SEEDS / gold["doc"]
    text = path.read_text(encoding="utf-8")
    findings = find_issues(extract_path(path), text)
    for gp in gold["projects"]:
        mine = [f for f in findings if _same_project(f.project, gp["name"])]
        rate = (gp.get("budget") or {}).get("rate")
        if rate is not None and rate < 100:
            assert any(f.kind.startswith("BUDGET_BELOW") for f in mine), (gp["name"], rate)
        for row in gp["indicators"]:
            if row["weight"] is not None and row["score"] is not None and row["score"] < row["weight"]:
                assert any(f.kind == "SCORE_DEDUCTED" and _norm(f.indicator) == _norm(row["name"])
                           for f in mine), (gp["name"], row["name"])
        for f in mine:                       # every offset points into the seed text
            assert f.start is None or 0 <= f.start < f.end <= len(text)


@needs_shared
@needs_pipeline
@pytest.mark.parametrize("gold", list(_gold()) if GOLD.is_dir() else [], ids=lambda g: g["doc"][:3])
def test_seed_rows_that_met_their_target_get_no_finding(gold):
    from assistant.extract import extract_path

    path = SEEDS / gold["doc"]
    text = path.read_text(encoding="utf-8")
    for report in (extract_path(path), Report.from_dict(gold)):
        findings = find_issues(report, text)
        flagged = {(f.project, _norm(f.indicator)) for f in findings if f.indicator}
        checked = 0
        for p in report.projects:
            for ind in p.indicators:
                full = ind.score is None or ind.weight is None or ind.score >= ind.weight
                if assess_indicator(ind).status == "met" and full:
                    checked += 1
                    assert (p.name, _norm(ind.name)) not in flagged, (p.name, ind.name, ind.target, ind.actual)
        assert checked or not any(i.actual for p in report.projects for i in p.indicators)
