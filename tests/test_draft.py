"""Drafting: 改进措施 from the measure bank, the four sections of a report, and the promises
every draft keeps — no sentence twice, no {slot} left, no number its source does not print."""
from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from assistant.draft import Corpus, Draft, DraftReport, draft_measures, draft_report, theme_codes
from assistant.draft.conclusion import grade_for
from assistant.lexicon import builtin
from assistant.model import Budget, Indicator, Project, Report, Statement
from tests.conftest import GOLD, SAMPLES, SEEDS, needs_shared

THEMES = ["BUDGET_PLANNING", "BUDGET_EXECUTION", "TARGET_SETTING", "MONITORING", "IMPLEMENTATION", "EXTERNAL",
          "FACILITY", "PUBLICITY_SERVICE", "INSTITUTION", "CAPACITY", "OTHER"]

PROBLEM = "部分新增项目采购后实际金额比预算金额小，导致预算执行率未达90%"


# ------------------------------------------------------------------------ an independent checker
_NUM = re.compile(r"\d+(?:\.\d+)?")


def _numbers(text: str) -> set[Decimal]:
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    return {Decimal(n).normalize() for n in _NUM.findall(text)}


def check_sentences(sentences, sources: list[str]) -> list[str]:
    """What is wrong with a draft: repeats, unfilled slots, numbers the sources do not print."""
    known = set().union(*(_numbers(s) for s in sources)) if sources else set()
    seen, wrong = set(), []
    for s in sentences:
        text = s.text
        if text in seen:
            wrong.append(f"repeated: {text}")
        seen.add(text)
        if re.search(r"[{}]", text):
            wrong.append(f"slot: {text}")
        foreign = _numbers(text) - known
        if foreign:
            wrong.append(f"numbers {sorted(map(str, foreign))}: {text}")
        if not (s.provenance.template or s.provenance.findings or s.provenance.doc):
            wrong.append(f"no provenance: {text}")
    return wrong


# ------------------------------------------------------------------------------ the measure bank
def test_bank_covers_every_theme_without_digits():
    bank = builtin("measures.yaml")["themes"]
    assert sorted(bank) == sorted(THEMES) == sorted(theme_codes())
    for code, theme in bank.items():
        assert len(theme["moves"]) >= 3, code
        for move in theme["moves"]:
            assert len(move["variants"]) >= 2, (code, move["id"])
            for v in move["variants"]:
                assert not re.search(r"\d", v), v
                assert set(re.findall(r"\{(\w+)\}", v)) <= {"project", "figure", "indicator", "rate"}, v


@pytest.mark.parametrize("themes", [[t] for t in THEMES] + [
    ["BUDGET_PLANNING", "TARGET_SETTING"], ["MONITORING", "BUDGET_EXECUTION"],
    ["IMPLEMENTATION", "EXTERNAL", "FACILITY", "CAPACITY", "INSTITUTION"]])
def test_measures_cover_every_theme(themes):
    for seed in range(4):
        draft = draft_measures(PROBLEM, themes=themes, project="公积金专项业务经费", seed=seed)[0]
        assert set(themes) <= draft.covered_themes()
        assert draft.text.startswith("一是") and draft.text.endswith("。")
        assert len(draft.sentences) >= max(2, len(themes))      # two or three points, never padded
        ordinals = [s.text[:2] for s in draft.sentences]
        assert ordinals[:2] == ["一是", "二是"]
        # the first point answers the problem's cause (采购结余), whatever themes are asked for
        assert draft.sentences[0].provenance.template.startswith("measures.BUDGET_EXECUTION.recover_idle")
        assert all(s.text.endswith("；") for s in draft.sentences[:-1])
        assert not check_sentences(draft.sentences, [PROBLEM, "公积金专项业务经费"])


def test_measures_are_deterministic_per_seed():
    a = draft_measures(PROBLEM, themes=["BUDGET_EXECUTION", "BUDGET_PLANNING"], seed=5, n=3)
    b = draft_measures(PROBLEM, themes=["BUDGET_EXECUTION", "BUDGET_PLANNING"], seed=5, n=3)
    assert [d.text for d in a] == [d.text for d in b]
    assert len({d.text for d in a}) == 3                       # n alternatives differ
    one = draft_measures(PROBLEM, themes=["BUDGET_EXECUTION", "BUDGET_PLANNING"], seed=5)
    assert one[0].text == a[0].text                            # n does not change the first
    texts = {draft_measures(PROBLEM, themes=["BUDGET_EXECUTION"], seed=s)[0].text for s in range(6)}
    assert len(texts) > 1                                      # seeds vary the phrasing


def test_measure_slots_and_provenance():
    drafts = draft_measures("根据项目自评情况，该项目预算执行率为79.44%，未达到100%。", themes=["BUDGET_EXECUTION"],
                            project="非公局及行政审批局窗口运行费用", seed=0, n=6)
    for d in drafts:
        assert isinstance(d, Draft) and "{" not in d.text
        # no cause is named: the first point answers the low rate itself (payment
        # schedule), the second controls it, a third may follow it up by monitoring
        assert d.sentences[0].provenance.template.startswith("measures.BUDGET_EXECUTION.schedule_payments.")
        for s in d.sentences:
            assert re.fullmatch(r"measures\.(?:BUDGET_EXECUTION\.\w+|MONITORING\.double_monitoring)\.\d+",
                                s.provenance.template)
    # the figure slot takes the figure the problem states, never the bar it missed
    assert all("100%）" not in d.text for d in drafts)
    with_figure = [d for d in drafts if "79.44%" in d.text]
    assert all("（79.44%）" in d.text for d in with_figure)


def test_unknown_theme_is_refused():
    with pytest.raises(ValueError, match="unknown theme"):
        draft_measures(PROBLEM, themes=["BUDGETS"])


def test_themes_tagged_when_not_given():
    """Without themes=, the problem is tagged by assistant.extract.themes.tag_themes."""
    from assistant.extract.themes import tag_themes

    text = "宣传力度有待进一步增强，线路运行中出现故障时间1天，导致业务停办"
    expected = {code for code in tag_themes(text) if code != "OTHER"}
    assert expected
    draft = draft_measures(text, seed=2)[0]
    assert expected == set(draft.themes) and expected <= draft.covered_themes()


# ------------------------------------------------------------------------------ a drafted report
def _report_text() -> str:
    return (
        "项目名称\t公积金业务专线租用及运行维护费\n"
        "\t年度资金总额:\t280000\t273600\t169600\t10\t61.99\t6.2\n"
        "\t产出指标\t数量指标\t线路条数\t≥12条\t17条\t58\t58\t\n"
        "\t\t质量指标\t正常使用率\t=100%\t98%\t2\t0\t线路运行中出现故障时间1天\n"
        "\t效益指标\t社会效益指标\t保障中心业务正常进行\t较大\t有效保障中心业务正常进行\t20\t19\t线路运行中出现故障时间1天, 导致业务停办\n"
        "\t满意度指标\t满意度指标\t缴存职工对公积金满意度\t≥99%\t99%\t10\t10\t\n"
        "总分\t\t\t\t\t\t100\t93.2\n自评结论\t优\n"
        "存在问题：根据项目自评情况，该项目预算执行率为61.99%，未达到100%。\n"
        "改进措施：加快合同付款进度，提高预算执行率。\n"
    )


def _report() -> tuple[Report, str]:
    text = _report_text()

    def span(needle):
        at = text.index(needle)
        return at, at + len(needle)

    rows = []
    for name, target, actual, weight, score, reason, cat in [
            ("线路条数", "≥12条", "17条", 58, 58, "", "数量"),
            ("正常使用率", "=100%", "98%", 2, 0, "线路运行中出现故障时间1天", "质量"),
            ("保障中心业务正常进行", "较大", "有效保障中心业务正常进行", 20, 19, "线路运行中出现故障时间1天, 导致业务停办",
             "社会效益"),
            ("缴存职工对公积金满意度", "≥99%", "99%", 10, 10, "", "满意度")]:
        s, e = span(name)
        r = span(reason) if reason else (None, None)
        rows.append(Indicator("", "", name, target, actual, weight, score, reason, cat, start=s, end=e,
                              reason_start=r[0], reason_end=r[1]))
    bs, be = span("年度资金总额")
    budget = Budget(280000, 273600, 169600, 61.99, 10, 6.2, "元", start=bs, end=be)
    name = "公积金业务专线租用及运行维护费"
    project = Project(name, "self_evaluation", budget, 93.2, rows, start=0, end=len(text), grade="优")
    problem = "根据项目自评情况，该项目预算执行率为61.99%，未达到100%。"
    ps, pe = span(problem)
    statements = [Statement("problem", problem, name, ["BUDGET_EXECUTION"], ps, pe)]
    return Report(doc="line.txt", projects=[project], statements=statements), text


def _history() -> Corpus:
    older = Report(doc="older.txt", projects=[Project("业务专线租用费", "self_evaluation", indicators=[
        Indicator(name="专线正常使用率", target="=100%", actual="98%", weight=2, score=0,
                  reason="运营商线路故障，抢修不及时", reason_start=10, reason_end=23)])],
        statements=[
            Statement("problem", "预算执行率未达到100%，部分项目支付进度缓慢。", "业务专线租用费", ["BUDGET_EXECUTION"], 40, 62),
            Statement("measure", "督促运营商按合同约定及时办理结算，加快支付进度。", "业务专线租用费", ["BUDGET_EXECUTION"], 63, 86),
            Statement("problem", "预算执行率偏低，结余资金3.5万元。", "业务专线租用费", ["BUDGET_EXECUTION"], 90, 107),
            Statement("measure", "结余资金3.5万元报请财政收回。", "业务专线租用费", ["BUDGET_EXECUTION"], 108, 123)])
    return Corpus.from_reports([older])


@pytest.mark.parametrize("text, worth", [("预算执行率100%。", False), ("已完成", False), ("无", False),
                                         ("部分项目支付进度缓慢", True), ("主要原因是：专项支出的减少。", True)])
def test_only_real_reasons_enter_the_corpus(text, worth):
    from assistant.draft.corpus import is_reason

    assert is_reason(text) is worth


def test_corpus_from_a_review_store(tmp_path):
    from assistant.draft import load_corpus
    from assistant.store import Store, open_corpus

    history = _history()
    older = Report(doc="older.txt", projects=[Project("业务专线租用费", "self_evaluation", indicators=[
        Indicator(name="专线正常使用率", target="=100%", actual="98%", weight=2, score=0,
                  reason="运营商线路故障，抢修不及时")])])
    with Store(tmp_path / "store.sqlite") as store:
        store.add_report(older, "运营商线路故障，抢修不及时")
    corpus = open_corpus(tmp_path / "store.sqlite")
    assert [m.entry.text for m in corpus.similar_reasons("正常使用率")] == \
        [m.entry.text for m in history.similar_reasons("正常使用率")] == ["运营商线路故障，抢修不及时"]
    with pytest.raises(ValueError):
        open_corpus(tmp_path / "missing.sqlite")
    with pytest.raises(ValueError, match="open_corpus"):          # drafting never opens a store
        load_corpus(tmp_path / "store.sqlite")


def test_report_sections_and_headings():
    report, text = _report()
    d = draft_report(report, text, seed=0)
    assert isinstance(d, DraftReport)
    assert [(s.number, s.title) for s in d.sections] == [
        ("一、", "评价结论"), ("二、", "主要问题及原因"), ("三、", "未完成原因分析"), ("四、", "改进建议")]
    md = d.to_markdown()
    for heading in ("## 一、评价结论", "## 二、主要问题及原因", "## 三、未完成原因分析", "## 四、改进建议"):
        assert heading in md
    # every 〔F…〕 marker is defined in the appendix, and the title is no file name
    cited = set(re.findall(r"〔(F\d+)", md.split("## 附")[0]))
    appendix = md.split("## 附：核查发现")[1]
    assert cited and all(f"〔{f}〕" in appendix for f in cited)
    assert md.startswith("# ") and ".txt" not in md.splitlines()[0]


def test_the_title_names_the_unit_and_year_printed_most_then_first():
    """Same report, same title: a tie goes to the unit (and year) printed first, never to
    whichever a hash order happens to give."""
    from assistant.draft.report import _report_title

    pairs = [("安澜县教育局", "安澜县财政局"), ("桐江县水利局", "桐江县农业农村局"), ("云州市卫生健康委员会", "云州市民政局"),
             ("青岚市文化广电旅游局", "青岚市交通运输局"), ("禾丰县住房保障中心", "禾丰县自然资源局"),
             ("丰源县林业局", "丰源县科学技术局"), ("安澜县图书馆", "安澜县博物馆"), ("桐江县疾控中心", "桐江县人民医院")]
    for first, second in pairs:
        report = Report(doc="x.txt", projects=[Project("甲项目", "self_evaluation", unit=first), Project("乙项目", "self_evaluation", unit=second)])
        assert _report_title(report, "2024年度 …… 2023年度") == f"{first}2024年度绩效评价报告（初稿）"
    report = Report(doc="x.txt", projects=[Project("甲", "self_evaluation", unit="安澜县财政局"), Project("乙", "self_evaluation", unit="安澜县教育局"),
                                           Project("丙", "self_evaluation", department="安澜县教育局")])
    assert _report_title(report, "2023年度 2024年度 2024年度").startswith("安澜县教育局2024年度")


def test_problems_are_grouped_by_a_cause_only_where_the_text_gives_one():
    """「绩效指标设置不够细化量化」 is the problem itself: grouping it under that cause would
    write 「主要原因是指标不细化不量化」.  A cause the text gives (由于…) heads its group."""
    from assistant.draft.problems import Problem
    from assistant.draft.report import _synthesise
    from assistant.draft.sentences import Provenance, Sentence

    def problem(project, text, themes):
        return Problem(project, Sentence(text, Provenance(template="test")), themes)

    groups = _synthesise([
        problem("甲项目", "甲项目绩效指标设置不够细化量化，「服务质量」指标的目标值无法考核。", ["TARGET_SETTING"]),
        problem("乙项目", "由于上级资金下达较晚，乙项目支付进度缓慢。", ["BUDGET_EXECUTION"]),
    ])
    first = next(g for g in groups if g[2][0].project == "甲项目")
    second = next(g for g in groups if g[2][0].project == "乙项目")
    assert first[1] is None and first[0].endswith("方面")
    assert second[1] is not None and second[1].code == read_cause_code("由于上级资金下达较晚")


def read_cause_code(text):
    from assistant.draft.causes import read_cause

    return read_cause(text).primary.cause.code


def test_problems_merge_findings_with_statements():
    report, text = _report()
    d = draft_report(report, text, seed=0)
    problems = d.section("problems").sentences()
    budget = [s for s in problems if "61.99%" in s.text]
    assert len(budget) == 1                                   # the finding and the admission are one
    assert budget[0].text == "根据项目自评情况，该项目预算执行率为61.99%，未达到100%。"
    assert budget[0].provenance.doc == "line.txt" and budget[0].provenance.findings
    assert text[budget[0].provenance.start:budget[0].provenance.end] == budget[0].text
    assert any("正常使用率" in s.text for s in problems)
    assert any("较大" in s.text or "保障中心业务正常进行" in s.text for s in problems)


def test_reasons_state_figures_and_cite_history():
    report, text = _report()
    d = draft_report(report, text, corpus=_history(), seed=0)
    reasons = d.section("reasons").sentences()
    figures = [s for s in reasons if "正常使用率" in s.text and "98%" in s.text]
    assert figures and figures[0].provenance.findings
    stated = [s for s in reasons if "线路运行中出现故障时间1天" in s.text]
    assert stated and text[stated[0].provenance.start:stated[0].provenance.end] == "线路运行中出现故障时间1天"
    cited = [s for s in reasons if s.provenance.doc == "older.txt"]
    assert cited and cited[0].provenance.project == "业务专线租用费" and "运营商线路故障" in cited[0].text


def test_measures_cite_precedents_without_foreign_numbers():
    report, text = _report()
    d = draft_report(report, text, corpus=_history(), seed=0)
    measures = d.section("measures").sentences()
    precedents = [s for s in measures if s.provenance.doc == "older.txt"]
    assert any("督促运营商" in s.text for s in precedents)
    assert not any("3.5" in s.text for s in measures)        # 3.5万元 is another report's figure
    assert {"BUDGET_EXECUTION", "FACILITY"} <= {s.provenance.template.split(".")[1]
                                                for s in measures if s.provenance.template.startswith("measures.")}


def test_conclusion_score_grade_rate_and_missed():
    report, text = _report()
    conclusion = draft_report(report, text, seed=0).section("conclusion").sentences()
    joined = "".join(s.text for s in conclusion)
    assert "93.2" in joined and "“优”" in joined and "61.99%" in joined
    assert "「正常使用率」" in joined


# A department's report in prose that names no project but states its own conclusion
# (written for this test).
DEPARTMENT_PROSE = (
    "某县林业局2024年度部门整体支出绩效自评报告\n一、部门基本情况\n本局内设机构5个。\n"
    "二、评价结论\n经综合评价，2024年度部门整体支出绩效自评得分为{score}分，评价等级为“{grade}”。\n"
    "三、存在的问题\n部分项目资金支付进度偏慢。\n")


def test_a_report_with_no_project_quotes_the_conclusion_it_states():
    from assistant.extract import extract_text
    text = DEPARTMENT_PROSE.format(score="91.6", grade="优")
    report = extract_text(text, "林业局.txt")
    assert report.projects == []
    conclusion = draft_report(report, text, seed=0).section("conclusion").sentences()
    assert [s.text for s in conclusion] == ["自评材料载明：2024年度部门整体支出绩效自评得分为91.6分，评价等级为“优”。"]
    first = conclusion[0].provenance
    assert text[first.start:first.end] == "2024年度部门整体支出绩效自评得分为91.6分，评价等级为“优”"
    # a grade its score's band does not give is pointed out
    text = DEPARTMENT_PROSE.format(score="86.5", grade="优")
    conclusion = draft_report(extract_text(text, "林业局.txt"), text, seed=0).section("conclusion").sentences()
    assert "与材料所列“优”不一致" in conclusion[-1].text and "“良”" in conclusion[-1].text


@pytest.mark.parametrize("score, grade", [(100, "优"), (90, "优"), (89.99, "良"), (80, "良"), (79.5, "中"),
                                          (60, "中"), (59.9, "差"), (0, "差")])
def test_grades(score, grade):
    assert grade_for(score) == grade


def test_report_deterministic_per_seed():
    report, text = _report()
    a = draft_report(report, text, corpus=_history(), seed=3).to_markdown()
    assert a == draft_report(report, text, corpus=_history(), seed=3).to_markdown()
    others = {draft_report(report, text, corpus=_history(), seed=s).to_markdown() for s in range(5)}
    assert len(others) > 1


def test_docx_opens_with_headings(tmp_path):
    import docx

    report, text = _report()
    path = draft_report(report, text, seed=0).to_docx(tmp_path / "draft.docx")
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:1] and "一、评价结论" in headings
    assert [h for h in headings if h[:2] in ("一、", "二、", "三、", "四、")] == [
        "一、评价结论", "二、主要问题及原因", "三、未完成原因分析", "四、改进建议"]
    assert document.sections[0].page_width.mm == pytest.approx(210, abs=0.5)
    assert document.styles["Normal"].font.name == "仿宋" and document.styles["Heading 1"].font.name == "黑体"
    body = "\n".join(p.text for p in document.paragraphs)
    assert "一是" in body and "61.99%" in body


def test_hand_built_report_keeps_the_promises():
    report, text = _report()
    for seed in range(4):
        d = draft_report(report, text, corpus=_history(), seed=seed)
        assert not check_sentences(d.sentences(), [text]), seed
        assert not d.audit()


# ---------------------------------------------------------------- seeds and samples, extracted
def _documents():
    paths = sorted(SAMPLES.glob("*.txt"))
    if GOLD.is_dir():
        paths += sorted(SEEDS.glob("*.txt"))
    return paths


@pytest.fixture(scope="module")
def extracted():
    from assistant.extract import extract_path

    return [(p, extract_path(p), p.read_text(encoding="utf-8")) for p in _documents()]


def test_drafts_keep_the_promises_over_seeds_and_samples(extracted):
    assert extracted
    corpus = Corpus.from_reports([r for _, r, _ in extracted])
    for path, report, text in extracted:
        for seed in (0, 1, 2):
            d = draft_report(report, text, corpus=corpus, seed=seed)
            wrong = check_sentences(d.sentences(), [text])
            assert not wrong, (path.name, seed, wrong[:3])
            assert not d.audit(), (path.name, seed)
            for f in d.findings:
                assert f.start is None or text[f.start:f.end]


def test_jsonl_input_without_text_keeps_the_promises(extracted):
    """A report read back from JSONL (no source text) cites only its own values."""
    for _, report, _ in extracted:
        again = Report.from_dict(json.loads(json.dumps(report.to_dict(), ensure_ascii=False)))
        d = draft_report(again, "", seed=0)
        assert not check_sentences(d.sentences(), d.sources), again.doc


def test_reasons_quote_a_cell_by_its_points_not_again_whole(extracted):
    """A 原因 cell split into points is quoted point by point: no quoted span of the
    report lies inside another one quoted in the same paragraph."""
    quoted_somewhere = 0
    for path, report, text in extracted:
        d = draft_report(report, text, seed=0)
        for _, paras in d.section("reasons").groups:
            for para in paras:
                spans = [(s.provenance.start, s.provenance.end) for s in para.sentences
                         if s.provenance.doc == report.doc and s.provenance.start is not None]
                quoted_somewhere += len(spans)
                nested = [(a, b) for a in spans for b in spans
                          if a != b and b[0] <= a[0] and a[1] <= b[1]]
                assert not nested, (path.name, para.heading, nested)
    assert quoted_somewhere > 10


def test_only_an_execution_figure_is_quoted_as_execution_data():
    from assistant.draft.measures import stated_rate
    assert stated_rate("满意度为82%，补贴发放周期过长") == ""
    assert stated_rate("到位资金为926万元，资金实际支出相对较慢") == ""
    assert stated_rate("该项目预算执行率为33.78%，未达到序时进度") == "33.78%"
    text = "满意度指标为82%，未达到90%的目标，主要是补贴资金发放周期过长"
    for seed in range(4):
        assert "执行数据（82%）" not in draft_measures(text, seed=seed)[0].text


@needs_shared
def test_gold_statements_get_measures_for_all_their_themes():
    count = 0
    spared: set[str] = set()
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for s in gold["statements"]:
            if s["kind"] in ("problem", "reason") and s["themes"]:
                for seed in (0, 1):
                    draft = draft_measures(s["text"], themes=s["themes"], project=s["project"], seed=seed)[0]
                    if draft.sentences[0].provenance.template == "causes.no_measure":
                        spared.add(s["text"])      # savings, a planned change: no measure is needed
                        continue
                    assert set(s["themes"]) <= draft.covered_themes(), (s["text"], s["themes"])
                    assert not check_sentences(draft.sentences, [s["text"], s["project"]])
                count += 1
    assert count >= 20
    assert len(spared) <= count // 5, spared
    # savings, a rate within the bounds, and a yearly change explained by the spending itself
    # or by the visitors received (causes.yaml § BUDGET_CHANGE)
    assert all(re.search(r"节约|压减|较上年|执行率为?9[5-9]|执行率为?100|支出的(?:减少|增加)|需要?接待", t)
               for t in spared), spared


@needs_shared
def test_gold_reports_with_history_keep_the_promises():
    reports = [Report.from_dict(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(GOLD.glob("*.json"))]
    corpus = Corpus.from_reports(reports)
    for report in reports:
        text = (SEEDS / report.doc).read_text(encoding="utf-8")
        d = draft_report(report, text, corpus=corpus, seed=0)
        assert not check_sentences(d.sentences(), [text]), report.doc


# ------------------------------------------------------------------------------------ command
@pytest.fixture
def cli():
    from typer.testing import CliRunner

    from assistant.cli import register

    app = register()

    runner = CliRunner()
    return lambda args, **kw: runner.invoke(app, args, **kw)


def test_cli_measures(cli):
    out = cli(["draft", "measures", PROBLEM, "--n", "2", "--seed", "4", "--themes", "BUDGET_EXECUTION,MONITORING"])
    assert out.exit_code == 0, out.output
    assert out.stdout.count("一是") == 2
    piped = cli(["draft", "measures", "--seed", "4"], input="宣传力度有待进一步增强\n")
    assert piped.exit_code == 0 and "一是" in piped.stdout
    bad = cli(["draft", "measures", PROBLEM, "--themes", "NOPE"])
    assert bad.exit_code == 2


def test_cli_report(cli, tmp_path):
    sample = next(iter(_documents()))
    md = tmp_path / "draft.md"
    assert cli(["draft", "report", str(sample), "-o", str(md)]).exit_code == 0
    assert "## 二、主要问题及原因" in md.read_text(encoding="utf-8")
    jsonl = tmp_path / "reports.jsonl"
    from assistant.extract import extract_path

    jsonl.write_text(json.dumps(extract_path(sample).to_dict(), ensure_ascii=False) + "\n", encoding="utf-8")
    docx_path = tmp_path / "draft.docx"
    result = cli(["draft", "report", str(jsonl), "-o", str(docx_path), "--corpus", str(jsonl), "--seed", "2"])
    assert result.exit_code == 0, result.output
    import docx

    assert "一、评价结论" in [p.text for p in docx.Document(str(docx_path)).paragraphs]


def test_a_template_is_cited_in_words_an_analyst_reads():
    from assistant.draft.sentences import Provenance, template_words
    from assistant.lexicon import builtin
    from assistant.tui.screens.draft import _sources

    first = builtin("measures.yaml")["themes"]["BUDGET_EXECUTION"]["moves"][0]["id"]
    assert template_words(f"measures.BUDGET_EXECUTION.{first}.1") == "措施库「预算执行」第1条（写法2）"
    assert template_words("drafting.empty.reasons_unstated") == "报告句式「未完成原因分析」"
    assert template_words("causes.no_measure") == "成因库：无需整改的情形"
    shown = _sources([{"provenance": {"template": f"measures.BUDGET_EXECUTION.{first}.0"}},
                      {"provenance": {"template": "x", "findings": ["F3"]}}])
    assert shown == "依据：\n· 措施库「预算执行」第1条（写法1）\n· F3"
    assert "measures." not in Provenance(template=f"measures.BUDGET_EXECUTION.{first}.0").label()


def test_a_value_that_says_its_own_wei_is_not_said_twice():
    from assistant.draft.sentences import fill

    template = "「{indicator}」年度指标值为{target}，实际完成值为{actual}。"
    made = fill(template, {"indicator": "工程设计", "target": "完成时间为2024年10月31日", "actual": "≥1项"})
    assert made == "「工程设计」年度指标值为2024年10月31日，实际完成值为≥1项。"
    # words that are the value itself stay
    assert fill(template, {"indicator": "服务质量", "target": "明显提升", "actual": "提升"}) == \
        "「服务质量」年度指标值为明显提升，实际完成值为提升。"


def test_a_conclusion_for_completion_without_targets_and_a_budget_without_a_rate():
    rows = [Indicator(name="资金分配规范性", actual="按照资金管理办法分配资金"),
            Indicator(name="资金到位率", actual="资金已全部到位")]
    project = Project("农村公路养护资金", "self_evaluation", indicators=rows,
                      budget=Budget(adjusted=120, executed=96, unit="万元"))
    text = "农村公路养护资金绩效评价表\n"
    md = draft_report(Report(doc="公路.txt", projects=[project]), text).to_markdown()
    conclusion = md.split("## 一、评价结论", 1)[1].split("## 二、", 1)[0]
    assert "未识别到可供评价的项目" not in conclusion
    assert "全年预算数120万元，执行数96万元" in conclusion
    assert "「资金分配规范性」「资金到位率」指标的完成情况，但未列明指标值" in conclusion


# A narrative self-evaluation report of one project (written for this test): no form; its
# score and execution rate stated in sentences.
STATED_TOTALS = (
    "青溪县文化馆2024年度群众文化活动经费项目绩效自评报告\n"
    "一、自评结论\n"
    "按照评分标准逐项打分，项目绩效自评得分96.5分，自评等级为优。\n"
    "二、预算执行情况\n"
    "项目年初预算18万元，资金已全部到位并支付完毕，预算执行率为100%。\n"
)


def test_a_narrative_reports_stated_score_and_rate_make_its_conclusion():
    from assistant.extract import extract_text
    report = extract_text(STATED_TOTALS, "文化馆.txt")
    [project] = report.projects
    assert project.total_score == 96.5 and project.budget is not None and project.budget.rate == 100
    assert STATED_TOTALS[project.budget.start:project.budget.end] == "预算执行率为100%"
    conclusion = draft_report(report, STATED_TOTALS).to_markdown().split("## 二、", 1)[0]
    assert "96.5分" in conclusion and "“优”" in conclusion and "100%" in conclusion


def test_an_indicator_row_naming_an_execution_rate_is_no_stated_total():
    from assistant.extract import extract_text
    # a form's indicator row naming an execution rate is no budget stated in prose
    form = ("项目名称\t群众文化活动经费\n一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\n"
            "产出指标\t数量指标\t文化活动场次\t≥20场\t24场\n"
            "产出指标\t质量指标\t政府采购执行率\t100%\t100%\n")
    [project] = extract_text(form, "文化馆.txt").projects
    assert project.budget is None and project.total_score is None


def test_a_project_named_without_any_figure_is_said_so_not_left_unrecognised():
    text = "青溪县文化馆群众文化活动经费项目绩效自评报告\n"
    project = Project("群众文化活动经费", "self_evaluation")
    conclusion = draft_report(Report(doc="文化馆.txt", projects=[project]), text).to_markdown()
    conclusion = conclusion.split("## 一、评价结论", 1)[1].split("## 二、", 1)[0]
    assert "未识别到可供评价的项目" not in conclusion
    assert "群众文化活动经费" in conclusion and "未列出得分、预算执行率和指标完成情况" in conclusion
    # a rate alone is the conclusion's figure
    project.budget = Budget(rate=86.0)
    conclusion = draft_report(Report(doc="文化馆.txt", projects=[project]), text).to_markdown()
    assert "预算执行率为86%" in conclusion.split("## 二、", 1)[0]


# A township's narrative self-evaluation page, as a government site publishes it (written
# for this test): no form, a problem with its causes stated after it.
NARRATIVE_PAGE = (
    "索引号 | 0152-2024-0031 | 发布机构 | 青溪县白沙镇人民政府 |\n"
    "公开目录 | 绩效评价 | 发布日期 | 2024-06-28 |\n"
    "（三）存在的问题和原因\n"
    "存在的问题：一是部分村级项目资金使用方向与年初申报内容不一致。\n"
    "原因：一是村级报账员对资金用途规定掌握不够，缺乏经验；二是部分项目年中调整未及时履行程序。\n"
    "（四）下一步拟改进措施\n"
    "1.加强村级报账员培训。\n"
)


def test_a_narrative_report_quotes_its_causes_and_answers_them_first():
    from assistant.extract import extract_text
    report = extract_text(NARRATIVE_PAGE, "白沙镇.txt")
    d = draft_report(report, NARRATIVE_PAGE)
    # the title from the page's publisher, not the file name
    assert d.title.startswith("青溪县白沙镇人民政府")
    # 未完成原因分析 quotes the causes the report states, never 「自评材料未作说明」
    reasons = [s.text for s in d.section("reasons").sentences()]
    assert any("报账员" in t for t in reasons) and not any("未作说明" in t for t in reasons)
    # the suggestion answers the stated cause (skill) first
    first = d.section("measures").sentences()[0]
    assert first.provenance.template.startswith("measures.CAPACITY."), first.text


def test_a_move_for_one_cause_leaves_the_general_points_of_other_problems_as_they_were(tmp_path, monkeypatch):
    """The bank gains moves that answer one cause each, batch after batch; a theme's general
    points, and whether a problem's words ground one, are weighed among the general moves
    only, so that such a move changes no other problem's draft."""
    from assistant import lexicon
    from assistant.draft.measures import _scored_moves

    problems = ["该项目为跨年度实施项目，建设周期两年，按工程进度拨付资金，当年执行率52.6%。",
                "智慧城管平台建成后运维经费未纳入年度预算，部分视频监控点位长期离线，平台作用未充分发挥。",
                "执行率78%，主要是政府采购流程较长，合同签订后仅支付首付款，余款待验收后支付。"]

    def drafted():
        return [[s.text for s in draft_measures(p)[0].sentences] for p in problems], \
            [_scored_moves(p, code) for p in problems for code in ("IMPLEMENTATION", "BUDGET_EXECUTION")]

    before = drafted()
    (tmp_path / "measures.yaml").write_text(
        "themes:\n  IMPLEMENTATION:\n    moves:\n      - id: tunnel_blasting\n        cause_only: true\n"
        "        premise: FORCE_MAJEURE\n        variants:\n"
        "          - 隧道爆破作业前按工程进度制定安全方案，合同签订后及时支付首付款，平台建成后落实运维经费\n",
        encoding="utf-8")
    monkeypatch.setenv("JIXIAO_LEXICON_OVERLAYS", str(tmp_path / "measures.yaml"))
    lexicon.reset()
    try:
        assert any(m["id"] == "tunnel_blasting" for m in builtin("measures.yaml")["themes"]["IMPLEMENTATION"]["moves"])
        assert drafted() == before
    finally:
        monkeypatch.delenv("JIXIAO_LEXICON_OVERLAYS")
        lexicon.reset()


# ---- what an evaluator reading drafts for real statements struck (round 21; our own wording)

def _points(text: str) -> list[str]:
    return [s.text for d in draft_measures(text) for s in d.sentences]


def test_money_taken_for_other_uses_is_first_given_back():
    points = _points("抽查发现3个乡镇将专项资金46.5万元挪用于办公楼维修。")
    assert "归还原渠道" in points[0] and "追究" in points[0]
    # a fault of the books alone keeps the general phrasing
    assert "归还" not in "".join(_points("部分支出凭证审核不严，会计核算不规范。"))


def test_balances_left_and_money_idle_are_cleared_not_spent_faster():
    for text in ("年末部分专项资金结余量较大。", "部分单位闲置未支出债券资金820万元。"):
        first = draft_measures(text)[0].sentences[0]
        assert first.provenance.template.startswith("measures.BUDGET_EXECUTION.recover_idle"), text
    # an asset left idle is still the assets' matter
    first = draft_measures("新购置的检测设备长期闲置，未投入使用。")[0].sentences[0]
    assert "BUDGET_EXECUTION.recover_idle" not in first.provenance.template


def test_cuts_under_the_frugality_rules_need_no_measure():
    for text in ("原因为落实中央八项规定精神，压缩各项开支", "主要是压减一般性支出"):
        assert "无需专门整改" in "".join(_points(text)), text


def test_the_staff_lagging_behind_is_a_staffing_matter_and_the_moneys_safety_a_controls():
    assert "人员" in _points("县级及以下卫生人员建设相对滞后。")[0]
    assert "施工安全" not in "".join(_points("资金安全风险仍需防范。"))


def test_general_monitoring_advice_is_no_third_point():
    points = _points("受上级资金下达较晚影响，项目资金支付进度缓慢。")
    assert 2 <= len(points) and not any("双监控" in p for p in points[2:])


def test_a_budget_drawn_up_loosely_is_answered_before_the_slow_payment_it_explains():
    first = draft_measures("预算编制不够严谨，支付执行率未达到预期。")[0].sentences[0]
    assert first.provenance.template.startswith("measures.BUDGET_PLANNING.")
    # a register not set up for people is no shortage of staff
    assert "CAPACITY.staffing" not in draft_measures("没有按要求建立受灾人员救助工作台账。")[0].sentences[0].provenance.template


# written for this test: one target met with points taken off, one missed, neither explained
DEDUCTED = (
    "项目支出绩效自评表\n"
    "项目名称\t乡村道路养护经费\t\t\t\t\t\t\n"
    "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t未完成原因分析\n"
    "\t产出指标\t数量指标\t养护道路里程\t≥120公里\t120公里\t20\t20\t\n"
    "\t\t时效指标\t养护完成时间\t完成时间为2023年11月底\t完成时间为2023年11月底\t20\t18\t\n"
    "\t\t质量指标\t路面完好率\t≥95%\t90%\t20\t16\t\n"
    "\t满意度指标\t满意度指标\t沿线群众满意度\t≥90%\t93%\t20\t20\t\n"
)


def test_points_taken_off_a_met_target_ask_why_they_were_taken_and_a_value_says_its_word_once():
    from assistant.extract import extract_text

    report = extract_text(DEDUCTED, "deducted.txt")
    reasons = [s.text for s in draft_report(report, DEDUCTED, seed=0).section("reasons").sentences()]
    timely = [t for t in reasons if "养护完成时间" in t]
    assert any("扣分" in t for t in timely) and not any("未完成原因" in t for t in timely)
    assert not any("完成完成" in t for t in reasons)
    missed = [t for t in reasons if "路面完好率" in t]
    assert any("未完成原因" in t or "偏差原因" in t for t in missed)


def test_a_phrasing_that_presumes_its_situation_is_used_only_where_the_statement_has_it():
    from assistant.draft import draft_measures as draft
    # remote sensing checks what lies on the land, not a science project's targets
    text = "科研项目绩效目标表述空泛，缺少可量化指标，项目验收只能以书面材料审查为主。"
    assert "遥感" not in draft(text)[0].text
    # the offices that register people check people's aid, not a subsidy on land
    land = "抽查发现，对已征收为建设用地的850亩耕地继续发放耕地地力保护补贴8.5万元，未与自然资源部门比对用地数据。"
    assert "民政、人社、公安" not in draft(land)[0].text
