"""The indicator classifier: accuracy on names it has never seen, label keep/override rules,
unknown names, analyst lexicons, lexicon errors, the CLI and the segmenter."""
from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from collections import Counter

import pytest
from typer.testing import CliRunner

from assistant.cli import app, register
from assistant.extract.classify import Classification, classify_indicator, default_lexicon, load_lexicon
from assistant.extract.classify_lexicon import canonical_categories
from assistant.lexicon import LexiconError
from tests.conftest import ROOT

register()       # every command on `app`, as `jixiao` has them

UNSEEN = ROOT / "tests" / "data" / "indicator_names_unseen.tsv"


def _unseen() -> list[tuple[str, str, str, str]]:
    rows = []
    for line in UNSEEN.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("name\t"):
            continue
        name, target, category, sector = (line.split("\t") + ["", "", ""])[:4]
        rows.append((name, target, category, sector))
    return rows


# --- accuracy on names the lexicon was not written from ---------------------------------

def test_unseen_set_is_large_varied_and_valid():
    rows = _unseen()
    assert len(rows) >= 300
    assert len({r[3] for r in rows}) >= 10
    assert {r[2] for r in rows} <= set(canonical_categories())
    assert len({r[0] for r in rows}) == len(rows), "duplicate names in the unseen set"


def test_unseen_names_are_not_exemplars():
    exemplars = set(default_lexicon().exemplar_names)
    overlap = [r[0] for r in _unseen() if r[0] in exemplars]
    assert not overlap, f"unseen names copied into the exemplars: {overlap}"


def test_unseen_accuracy_at_least_90_percent():
    rows = _unseen()
    wrong = []
    for name, target, expected, sector in rows:
        got = classify_indicator(name, target or None)
        if got.category != expected:
            wrong.append(f"{sector} {name} {target}: {got.category} ≠ {expected} ({got.evidence})")
    accuracy = 1 - len(wrong) / len(rows)
    assert accuracy >= 0.9, f"accuracy {accuracy:.3f}; wrong:\n" + "\n".join(wrong)


def test_every_category_has_cues_and_exemplars():
    lex = default_lexicon()
    cue_cats = Counter(cat for hits in lex.cue_table.values() for cat, _ in hits)
    ex_cats = Counter(lex.categories[i] for i in lex.exemplar_category)
    for cat in canonical_categories():
        assert cue_cats[cat] >= 3, cat
        assert ex_cats[cat] >= 5, cat
    assert len(lex.exemplar_names) >= 300


# --- printed labels: kept, or overridden on strong evidence -------------------------------

@pytest.mark.parametrize("name, target, printed, on_row, expected, overridden", [
    # TAXONOMY §1: a printed label in its place is kept even where wording suggests otherwise
    ("回购贴息贷款额", "≤1.1亿元", "质量指标", True, "质量", False),
    ("工作及时性", "及时", "质量", False, "质量", False),
    ("职工满意度", "≥90%", "社会效益", False, "社会效益", False),
    ("受益群众参与人数", "1200人", "社会效益指标", True, "社会效益", False),
    ("合同管理完备性", "完备", "财务管理", True, "财务管理", False),
    # a deadline target and a time cue agree against a filled-down 质量
    ("完成时间", "2023年底完成", "质量指标", False, "时效", True),
    # money target + cost word against the label printed beside the row
    ("贷后管理费", "10万元", "时效指标", True, "成本", True),
    ("培训人数", "200人", "质量指标", False, "数量", True),
    # framework indicator under a filled-down sibling label
    ("合同管理完备性", "完备", "财务管理", False, "项目管理", True),
    # the name is itself a label
    ("经济效益指标", "项目实施后的经济效益达到100%。", "社会效益", True, "经济效益", True),
    ("时效指标", "资金管理的时效性100%", "履职目标实现", False, "时效", True),
    # a 组织实施 label printed as 「制度指标」 is no misprinted 进度指标 (one character apart)
    ("内部管理制度健全性", "健全", "制度指标", True, "项目管理", False),
])
def test_printed_label_keep_and_override(name, target, printed, on_row, expected, overridden):
    got = classify_indicator(name, target, printed=printed, printed_on_row=on_row)
    assert got.category == expected, got.evidence
    assert got.overridden is overridden
    assert got.printed_category is not None
    assert 0.0 <= got.confidence <= 1.0 and got.evidence


def test_agreeing_label_is_trusted_and_reported():
    got = classify_indicator("验收合格率", "100%", printed="质量指标 (10分)", printed_on_row=True)
    assert (got.category, got.level1, got.level2) == ("质量", "产出指标", "质量指标")
    assert got.confidence >= 0.95 and "相符" in got.evidence
    assert got.evidence.startswith("依据：二级指标「质量指标」") and "名称中心词「合格率」" in got.evidence


def test_override_names_its_evidence():
    got = classify_indicator("贷后管理费", "10万元", printed="时效指标", printed_on_row=True)
    assert "10万元" in got.evidence and "管理费" in got.evidence and "时效指标" in got.evidence
    assert got.level2 == "成本指标" and got.level1 == "产出指标"


def test_grouping_or_level1_label_falls_back_to_the_name():
    got = classify_indicator("群众满意度", "≥90%", printed="产出指标")
    assert got.category == "满意度" and got.printed_category is None
    got = classify_indicator("项目实施后的生态效益达到100%", None, printed="履职效益")
    assert got.category == "生态效益"


# --- name only ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["张三", "备注", "其他事项", "abc", "项目一", "", "  "])
def test_unknown_phrase_gives_none_with_low_confidence(name):
    got = classify_indicator(name)
    assert got.category is None and got.level1 is None
    assert got.confidence < 0.35


def test_a_weak_lean_on_the_names_words_is_a_guess_marked_unsure_not_none():
    # only a weak cue speaks (补贴): the best guess, with its weakness in the evidence
    got = classify_indicator("社区服务补贴兑付情况")
    assert got.category == "成本"
    assert got.confidence < 0.35 and got.evidence.startswith("把握不大：最接近成本")
    # the character model alone is no lean: a phrase with no indicator words stays unknown
    assert classify_indicator("项目一").category is None


@pytest.mark.parametrize("name, target, expected", [
    ("养老服务补贴发放准确率", "100%", "质量"),
    ("补贴资金拨付到位时间", "2024年3月底前", "时效"),
    ("乡村医生定额补助", "≤2万元/人", "成本"),
    ("入户走访次数", "≥500次", "数量"),
    ("服务对象满意率", "≥90%", "满意度"),
    ("预算执行率", "≥95%", "投入管理"),
    # cases and complaints dealt with: the head word, not the field they belong to
    ("森林火灾案件查处率", "≥90%", "质量"),
    ("违法用地线索查明率", "100%", "质量"),
    ("医疗纠纷投诉处置率", "100%", "质量"),
    # the name is the deadline, or the target the months the work runs through
    ("2023年11月完成", "=100%", "时效"),
    ("当期完成", "90%", "时效"),
    ("实施期", "3-10月", "时效"),
    # a count of things under a topic word is an output; people and incidents stay effects
    ("生活垃圾转运车辆", "20辆", "数量"),
    ("公路绿化美化", "=2800米", "数量"),
    ("化肥减量试验", "≧10组", "数量"),
    ("生活垃圾分类受益人口", "≥5000人", "社会效益"),
    # what meets a standard is quality; what meets a contract's or a fee's terms stays cost
    ("饮用水水质检测符合国家卫生标准", "100%", "质量"),
    ("监理服务费支出符合合同约定标准", "≤12万元", "成本"),
])
def test_cue_and_unit_rules(name, target, expected):
    assert classify_indicator(name, target).category == expected


@pytest.mark.parametrize("name, money", [
    ("到位率", True), ("配套资金到位率", True), ("上级补助经费到位率", True),
    ("应急物资储备到位率", False), ("测土配方肥到位率", False),
])
def test_what_arrived_is_the_moneys_only_where_the_name_speaks_of_money(name, money):
    assert (classify_indicator(name, "100%").category == "投入管理") is money


def test_classification_is_a_plain_dataclass():
    got = classify_indicator("发放条数", "≥150万条")
    assert isinstance(got, Classification)
    assert set(got.to_dict()) == {"category", "level1", "level2", "confidence", "evidence",
                                  "overridden", "printed_category"}


# --- analyst lexicons ---------------------------------------------------------------------

def test_user_lexicon_is_merged_over_the_builtin(tmp_path):
    name = "植保无人机飞防架次"
    before = classify_indicator(name)
    mine = tmp_path / "my.yaml"
    mine.write_text("categories:\n  数量:\n    strong: [飞防架次]\n    exemplars: [无人机作业架次]\n"
                    "thresholds:\n  min_score: 0.3\n", encoding="utf-8")
    lex = load_lexicon([mine])
    after = classify_indicator(name, lexicon=lex)
    assert after.category == "数量" and "飞防架次" in after.evidence
    assert "无人机作业架次" in lex.exemplar_names
    # built-in entries are still there, and the default lexicon is untouched
    assert classify_indicator("群众满意度", lexicon=lex).category == "满意度"
    assert classify_indicator(name).category == before.category


@pytest.mark.parametrize("text, line, words", [
    ("categories:\n  数量:\n    strong: [巡河]\n  时效s:\n    strong: [x]\n", 4, "unknown category '时效s'"),
    ("thresholds:\n  min_score: abc\n", 2, "should be a number"),
    ("thresholds:\n  min_scor: 0.3\n", 2, "unknown setting 'thresholds.min_scor'"),
    ("categories:\n  数量:\n    strong: [a\n", 4, ""),
    ("categories:\n  数量:\n    patterns: ['(unclosed']\n", 3, "bad regular expression"),
    ("target:\n  name_unit: '[(（'\n", 2, "bad regular expression in target.name_unit"),
    ("target:\n  name_unit: '[(（](\\w+)[)）]$'\n", 2, "needs a named group (?P<unit>"),
    ("categories:\n  数量:\n    strong: 巡河\n", 3, "should be a list"),
    ("categoriez: {}\n", 1, "unknown section 'categoriez'"),
])
def test_malformed_lexicon_names_file_and_line(tmp_path, text, line, words, monkeypatch):
    monkeypatch.setenv("JIXIAO_LANG", "en")         # the words above are the English messages
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicon([bad])
    message = str(err.value)
    assert "\n" not in message
    assert str(bad) in message and f"line {line}" in message and words in message


def test_malformed_exemplar_file_names_file_and_line(tmp_path, monkeypatch):
    monkeypatch.setenv("JIXIAO_LANG", "en")
    (tmp_path / "ex.tsv").write_text("数量\t巡河次数\n时效\n", encoding="utf-8")
    (tmp_path / "my.yaml").write_text("exemplar_files: [ex.tsv]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"ex\.tsv: line 2: expected 'category<TAB>name'"):
        load_lexicon([tmp_path / "my.yaml"])


# --- command line -------------------------------------------------------------------------

@pytest.fixture(autouse=True, scope="module")
def _all_commands():
    """Register every command as `jixiao` does: with one command alone, Typer would take
    the word `classify` for a NAME argument."""
    register()


def test_cli_names_as_arguments():
    result = CliRunner().invoke(app, ["classify", "缴存职工满意度", "档案室维护成本", "--target", "≤1.5万元"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["category"] for r in rows] == ["满意度", "成本"]
    assert set(rows[0]) >= {"name", "target", "category", "level1", "level2", "confidence", "evidence"}
    assert rows[1]["target"] == "≤1.5万元"


def test_cli_stdin_with_targets_and_printed_labels():
    text = "完成时间\t2023年底完成\t质量指标\n\n# comment\n发送条数\t≥150万条\n瞎编乱造\n"
    result = CliRunner().invoke(app, ["classify"], input=text)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["name"], r["category"]) for r in rows] == [
        ("完成时间", "时效"), ("发送条数", "数量"), ("瞎编乱造", None)]
    assert rows[0]["overridden"] is True and rows[0]["printed_category"] == "质量"
    assert "时效" in rows[0]["evidence"]


def test_cli_file_and_lexicon(tmp_path):
    names = tmp_path / "names.txt"
    names.write_text("植保无人机飞防架次\n", encoding="utf-8")
    mine = tmp_path / "my.yaml"
    mine.write_text("categories:\n  数量:\n    strong: [飞防架次]\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["classify", "--file", str(names), "--lexicon", str(mine)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["category"] == "数量"


def test_cli_errors_are_one_line_on_stderr(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("thresholds:\n  min_score: abc\n", encoding="utf-8")
    zh, en = {"JIXIAO_LANG": "zh"}, {"JIXIAO_LANG": "en"}
    result = CliRunner().invoke(app, ["classify", "满意度", "--lexicon", str(bad)], env=en)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "bad.yaml: line 2" in result.stderr
    result = CliRunner().invoke(app, ["classify", "--file", str(tmp_path / "missing.txt")], env=zh)
    assert result.exit_code == 2 and "没有这个文件" in result.stderr
    result = CliRunner().invoke(app, ["classify", "--file", str(tmp_path / "missing.txt")], env=en)
    assert result.exit_code == 2 and "no such file" in result.stderr
    result = CliRunner().invoke(app, ["classify"], input="", env=zh)
    assert result.exit_code == 2 and "没有给出指标名称" in result.stderr


# --- segmentation -------------------------------------------------------------------------

@pytest.mark.parametrize("term", ["住房公积金", "预算执行率", "个贷率", "缴存职工", "绩效目标", "三公经费",
                                  "满意度指标", "可持续影响指标", "经济成本指标"])
def test_domain_terms_are_single_tokens(term):
    from assistant.nlp import segment

    assert term in segment(f"关于{term}的说明"), segment(f"关于{term}的说明")


def test_spacy_pipeline_uses_the_user_dictionary():
    from assistant.nlp import get_nlp

    nlp = get_nlp()
    assert nlp is get_nlp()  # cached per process
    doc = nlp("提高住房公积金个贷率和预算执行率")
    words = [t.text for t in doc]
    assert "住房公积金" in words and "个贷率" in words and "预算执行率" in words
    assert doc.user_data.get("jixiao_user_dict") == nlp.meta["jixiao_user_dict"]


def test_trie_dictionary_segments_as_jiebas_own_dict(tmp_path):
    """jieba's dictionary read from the memory-mapped trie gives the words jieba's own dict
    gives, user dictionary included, with and without the HMM for unknown words."""
    import jieba

    from assistant import nlp as nlp_module
    from assistant.nlp import TrieFreq, tokenizer

    mine = tokenizer()
    assert isinstance(mine.FREQ, TrieFreq)
    plain = jieba.Tokenizer()
    plain.initialize()
    plain.load_userdict(str(nlp_module._write_user_dict(tmp_path, nlp_module.user_terms())))
    assert mine.total == plain.total
    lines = [line for path in sorted((ROOT / "corpora" / "samples").glob("*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) > 200
    for line in lines:
        for hmm in (True, False):
            assert mine.lcut(line, HMM=hmm) == plain.lcut(line, HMM=hmm), line


def test_segmenting_does_not_import_pkg_resources_and_leaves_an_imported_one_alone():
    # jieba imports pkg_resources only to open its data files; importing it cost 80 ms of
    # every worker's start.  jieba's own dictionary and HMM still load through open().
    code = ("import sys; {pre}from assistant.nlp import segment, import_jieba;"
            "words = segment('住房公积金个贷率稳步提高'); jieba = import_jieba();"
            "tok = jieba.Tokenizer(); tok.initialize();"
            "print('pkg_resources' in sys.modules, '|'.join(words), len(tok.FREQ) > 100000,"
            " '|'.join(jieba.lcut('龘龘走了')))")
    for pre, expected in (("", "False"), ("import pkg_resources; ", "True")):
        run = subprocess.run([sys.executable, "-W", "ignore", "-c", code.format(pre=pre)],
                             capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert run.returncode == 0, run.stderr
        loaded, words, big, hmm = run.stdout.split()
        assert loaded == expected and big == "True"
        assert words.startswith("住房公积金|个贷率|")
        assert hmm.replace("|", "") == "龘龘走了"      # the HMM's tables load too


def test_trie_dictionary_is_built_once_and_rebuilt_when_damaged(tmp_path):
    import jieba

    from assistant.nlp import TrieFreq

    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("绩效 30 n\n绩效目标 60 n\n目标 40 n\n", encoding="utf-8")
    freq, total = TrieFreq.of_jieba(tmp_path, str(dictionary))
    assert total == 130 and freq["绩效目标"] == 60 and freq["绩效目"] == 0 and "目标值" not in freq
    built = next(tmp_path.glob("jieba-*.marisa"))
    stamp = built.stat().st_mtime_ns
    assert TrieFreq.of_jieba(tmp_path, str(dictionary))[1] == 130
    assert built.stat().st_mtime_ns == stamp            # read again, not built again
    built.write_bytes(b"not a trie")
    freq, total = TrieFreq.of_jieba(tmp_path, str(dictionary))
    assert total == 130 and freq.get("目标") == 40 and freq.get("预算", 1) == 1
    tok = jieba.Tokenizer()
    tok.FREQ, tok.total, tok.initialized = freq, total, True
    assert tok.lcut("绩效目标", HMM=False) == ["绩效目标"]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_extract_classifies_with_an_analyst_lexicon(tmp_path, workers):
    """`extract --lexicon` reaches the classifier, in this process and in pool workers."""
    from tests.test_tables import TAB_FORM

    row = "\t\t质量 指标\t竣工验收合格率\t100%\t100%\t10\t10\t已完成"
    report = tmp_path / "form.txt"
    report.write_text(TAB_FORM.replace(row, row + "\n\t\t\t植保无人机飞防架次\t≥500架次\t520架次\t0\t0\t"),
                      encoding="utf-8")
    mine = tmp_path / "my.yaml"
    mine.write_text("categories:\n  数量:\n    strong: [飞防架次]\n", encoding="utf-8")

    def evidence(*extra: str) -> str:
        done = subprocess.run([sys.executable, "-m", "assistant", "extract", str(report), "-q",
                               "-j", workers, *extra], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        rows = json.loads(done.stdout)["projects"][0]["indicators"]
        return next(r["evidence"] for r in rows if r["name"] == "植保无人机飞防架次")

    assert "飞防架次" not in evidence()
    assert "飞防架次" in evidence("--lexicon", str(mine))


def test_extract_refuses_a_malformed_lexicon_before_reading(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("categories:\n  数量:\n    strong: 巡河\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "assistant", "extract", str(ROOT / "corpora" / "samples"),
                           "--lexicon", str(bad)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "JIXIAO_LANG": "en"})      # the English message
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.strip().count("\n") == 0 and "bad.yaml: line 3" in done.stderr


def test_a_coverage_rate_alone_is_an_output_quality():
    # in real forms 覆盖率 stands under 质量指标 (or 数量) far more often than under 社会效益;
    # a named population's coverage stays where its own words put it
    from assistant.extract.classify import classify_indicator
    assert classify_indicator("营养餐计划覆盖率", "100%").category == "质量"
    assert classify_indicator("困难群众医疗救助覆盖率", "100%").category in {"质量", "社会效益"}


def test_the_same_indicator_gets_the_one_answer_whichever_way_it_was_printed_first():
    # batch work meets the same row report after report: the answer is remembered on all
    # the arguments, so where the label stood (the row itself, or filled down) still counts
    filled = classify_indicator("合同管理完备性", "完备", printed="财务管理", printed_on_row=False)
    on_row = classify_indicator("合同管理完备性", "完备", printed="财务管理", printed_on_row=True)
    assert (filled.category, on_row.category) == ("项目管理", "财务管理")
    assert classify_indicator("合同管理完备性", "完备", printed="财务管理", printed_on_row=False) is filled
    with pytest.raises(dataclasses.FrozenInstanceError):
        filled.category = "质量"            # shared, so nobody may change it
