"""Realistic generated reports for tests, the review benchmark and the README screenshot.

`sample_report(n)` writes the text of a small 项目支出绩效自评表 with its narrative sections and
returns the `Report` an extractor would produce from it, every offset exact.  Nothing here is
read from the shared corpora: the wording is our own, modelled on how such reports are written.
"""
from __future__ import annotations

import hashlib

from assistant.model import Budget, Indicator, Project, Report, Statement

PROJECT_NAMES = (
    "公积金12329短信服务费", "12县(市)管理部工作经费及劳务费", "住房公积金运转经费",
    "电子政务专项-网络维护费及业务软件升级费", "档案保护专项-档案室整修及设备采购",
    "驻村帮扶工作经费", "住房公积金政策宣传经费", "信息系统等级保护测评费",
)

# (level1, level2, name, target, actual, weight, score, reason, category)
INDICATOR_ROWS = (
    ("产出指标", "数量指标", "发送条数", "≥150万条", "198.38万条", 12, 12, "", "数量"),
    ("产出指标", "质量指标", "短信发送成功率", "≥98%", "96.5%", 12, 10, "部分号码停机导致发送失败", "质量"),
    ("产出指标", "时效指标", "完成时间", "2023年12月底前", "2023年12月", 10, 10, "", "时效"),
    ("产出指标", "成本指标", "成本控制", "≤10万元", "9.92万元", 10, 10, "", "成本"),
    ("效益指标", "社会效益指标", "政策知晓率", "≥90%", "85%", 15, 12, "宣传力度不够，群众知晓率偏低", "社会效益"),
    ("满意度指标", "服务对象满意度指标", "缴存职工满意度", "≥90%", "95%", 10, 10, "已完成", "满意度"),
)

PROBLEMS = (
    ("预算编制不够精准，部分项目支付进度缓慢", ["BUDGET_PLANNING", "BUDGET_EXECUTION"]),
    ("绩效指标设置不够细化量化，部分指标难以衡量", ["TARGET_SETTING"]),
    ("政策宣传力度不够，缴存职工对新政策知晓率不高", ["PUBLICITY_SERVICE"]),
    ("业务系统设备老化，偶发线路故障影响服务", ["FACILITY"]),
    ("专业人员不足，绩效管理经验欠缺", ["CAPACITY", "MONITORING"]),
)

MEASURES = (
    ("科学编制预算，加快支付进度，提高预算执行率", ["BUDGET_PLANNING", "BUDGET_EXECUTION"]),
    ("细化量化绩效指标，完善绩效目标管理", ["TARGET_SETTING"]),
    ("加大政策宣传力度，提升服务质量", ["PUBLICITY_SERVICE"]),
)

BUDGET_REASON = ("年初预算是10万，全年预算调整为9.92万，部分项目支付进度缓慢", ["BUDGET_EXECUTION"])


class _Writer:
    """Builds text piece by piece and remembers where each piece landed."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    @property
    def text(self) -> str:
        return "".join(self.parts)


def sample_report(n: int = 0, *, projects: int = 2) -> tuple[Report, str]:
    """The report and text of generated document number `n` (deterministic)."""
    w = _Writer()
    w.add(f"## 项目支出绩效目标自评表\n\n(2023年度)\n\n单位(盖章): 示例住房公积金管理中心第{n + 1}分中心\n\n")
    report_projects: list[Project] = []
    statements: list[Statement] = []
    for p in range(projects):
        name = PROJECT_NAMES[(n * projects + p) % len(PROJECT_NAMES)]
        form_start = w.length
        w.add("项目名称\t\t")
        name_start, name_end = w.add(name)
        w.add("\n主管部门及代码\t\t示例住房公积金管理中心\n")
        rate = round(80 + ((n * 7 + p * 13) % 21) + 0.37, 2)
        adjusted = 100000.0 + 10000 * p
        executed = round(adjusted * rate / 100, 2)
        budget_start = w.add(f"项目资金 (元)\t年度资金总额:\t{adjusted:.0f}\t{adjusted:.0f}\t{executed}\t10\t{rate}\t")[0]
        score = round(rate / 10, 2)
        w.add(f"{score}\t原因：")
        reason_start, reason_end = w.add(BUDGET_REASON[0])
        budget_end = w.add("\n")[1]
        statements.append(Statement("reason", BUDGET_REASON[0], name, list(BUDGET_REASON[1]),
                                    reason_start, reason_end, "cell", "原因"))
        w.add("绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值(A)\t实际完成值(B)\t分值\t得分\t未完成原因分析\n")
        indicators = []
        for row in INDICATOR_ROWS:
            level1, level2, ind_name, target, actual, weight, ind_score, reason, category = row
            row_start = w.add(f"\t{level1}\t{level2}\t{ind_name}\t{target}\t{actual}\t{weight}\t{ind_score}\t")[0]
            r_start, r_end = w.add(reason)
            row_end = w.add("\n")[1]
            indicators.append(Indicator(level1, level2, ind_name, target, actual, weight, ind_score, reason,
                                        category, start=row_start, end=row_end,
                                        reason_start=r_start if reason else None,
                                        reason_end=r_end if reason else None, confidence=1.0))
            if reason and reason != "已完成":
                statements.append(Statement("reason", reason, name, ["PUBLICITY_SERVICE"] if "宣传" in reason
                                            else ["FACILITY"], r_start, r_end, "cell", "未完成原因分析"))
        report_projects.append(Project(
            name=name, form="self_evaluation",
            budget=Budget(adjusted, adjusted, executed, rate, 10, score, "元", BUDGET_REASON[0],
                          reason_start, reason_end, budget_start, budget_end),
            total_score=90.0 + p, indicators=indicators, start=form_start, end=w.length,
            name_start=name_start, name_end=name_end))
    w.add("\n二、存在的问题\n")
    numerals = "一二三四五六七八九"
    chosen = [PROBLEMS[(n + k) % len(PROBLEMS)] for k in range(3)]
    for k, (text, themes) in enumerate(chosen):
        w.add(f"{numerals[k]}是")
        start, end = w.add(text)
        w.add("；\n" if k < len(chosen) - 1 else "。\n")
        statements.append(Statement("problem", text, "", list(themes), start, end, "section", "存在的问题"))
    w.add("\n三、改进措施\n")
    for k, (text, themes) in enumerate(MEASURES):
        w.add(f"{k + 1}.")
        start, end = w.add(text)
        w.add("。\n")
        statements.append(Statement("measure", text, "", list(themes), start, end, "section", "改进措施"))
    text = w.text
    statements.sort(key=lambda s: s.start)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc = f"sample_{n:03d}.txt"
    return Report(doc=doc, path=f"samples/{doc}", sha256=sha, projects=report_projects,
                  statements=statements), text
