"""One Lexicons object: analyst overlays of any built-in file, checked at load with errors
that name the file and the key."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from assistant.lexicon import LexiconError, Lexicons, MissingKey, lexicon_dir, merge, overlay_paths
from tests.conftest import ROOT

REPORT = "项目名称\t村级图书室运行补助\n\n三、存在问题\n部分村级图书室开放时间不固定。\n"
CUE = "themes:\n  IMPLEMENTATION:\n    cues:\n      - 开放时间不固定\n"


def _extract(tmp_path, *lexicons: str, lang: str = "zh") -> subprocess.CompletedProcess:
    report = tmp_path / "报告.txt"
    report.write_text(REPORT, encoding="utf-8")
    args = [a for path in lexicons for a in ("--lexicon", path)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIXIAO_LEXICON")}
    return subprocess.run([sys.executable, "-m", "assistant", "extract", str(report), "-q", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**env, "PYTHONPATH": str(ROOT), "JIXIAO_LANG": lang})


def _themes(run: subprocess.CompletedProcess) -> list[str]:
    assert run.returncode == 0, run.stderr
    [problem] = json.loads(run.stdout.splitlines()[0])["statements"]
    return problem["themes"]


def test_an_overlay_of_themes_yaml_adds_a_cue_for_the_whole_batch(tmp_path):
    assert _themes(_extract(tmp_path)) == ["OTHER"]
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "themes.yaml").write_text(CUE, encoding="utf-8")
    assert _themes(_extract(tmp_path, str(mine / "themes.yaml"))) == ["IMPLEMENTATION"]
    assert _themes(_extract(tmp_path, str(mine))) == ["IMPLEMENTATION"]          # a folder of overlays


@pytest.mark.parametrize("name, text, words", [
    ("themes.yaml", "themes:\n  - 开放时间不固定\n", ["themes.yaml", "'themes'", "mapping"]),
    ("themes.yaml", "threshold: 很高\n", ["themes.yaml", "'threshold'", "number"]),
    ("statements.yaml", "deviation_re: '未(达到'\n", ["statements.yaml", "'deviation_re'", "compile"]),
    ("causes.yaml", "causes: [\n", ["causes.yaml", "line"]),
    ("causes.yaml", "colloquial:\n  - {say: 还没, as: 尚未有}\n", ["causes.yaml", "colloquial", "还没", "characters"]),
])
def test_a_malformed_overlay_stops_the_run_with_one_line_naming_file_and_key(tmp_path, name, text, words):
    bad = tmp_path / name
    bad.write_text(text, encoding="utf-8")
    run = _extract(tmp_path, str(bad), lang="en")             # the words below are the English message
    assert run.returncode == 2 and run.stdout == ""
    [line] = run.stderr.strip().splitlines()
    assert all(w in line for w in words), line
    assert "Traceback" not in run.stderr


def test_merge_extends_lists_merges_mappings_replaces_values():
    base = {"a": [1, 2], "b": {"x": 1, "y": [3]}, "c": 0.5}
    assert merge(base, {"a": [2, 3], "b": {"y": [4], "z": 2}, "c": 0.7}) == \
        {"a": [1, 2, 3], "b": {"x": 1, "y": [3, 4], "z": 2}, "c": 0.7}


def test_a_missing_key_names_the_file_and_the_key(tmp_path, monkeypatch):
    monkeypatch.setenv("JIXIAO_LANG", "en")         # the words below are the English message
    (tmp_path / "limits.yaml").write_text("max_cells: 10\n", encoding="utf-8")
    limits = Lexicons(tmp_path).data("limits.yaml")
    assert limits["max_cells"] == 10
    with pytest.raises(MissingKey, match=r"limits\.yaml: missing key 'max_seconds'"):
        limits["max_seconds"]
    with pytest.raises(KeyError):                   # what a dict lookup raised before
        limits["max_seconds"]
    with pytest.raises(LexiconError):
        limits["max_seconds"]


def test_every_built_in_file_loads_clean():
    lex = Lexicons(lexicon_dir())
    for path in sorted(lexicon_dir().glob("*.yaml")):
        assert lex.data(path.name) is not None, path.name


def test_no_built_in_pattern_doubles_its_backslashes():
    # in a single-quoted YAML string a backslash is itself: '\\d' is a backslash and a d, never
    # a digit, and such a pattern silently matches nothing (a deviation of causes.yaml did)
    lex = Lexicons(lexicon_dir())
    doubled = re.compile(r"\\\\[A-Za-z]")

    def strings(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for v in node.values():
                yield from strings(v)
        elif isinstance(node, list):
            for v in node:
                yield from strings(v)

    found = [(path.name, s) for path in sorted(lexicon_dir().glob("*.yaml"))
             for s in strings(lex.data(path.name)) if doubled.search(s)]
    assert not found, found


def test_overlay_paths_split_built_in_names_from_indicator_lexicons(tmp_path):
    (tmp_path / "themes.yaml").write_text(CUE, encoding="utf-8")
    (tmp_path / "my_terms.yaml").write_text("categories: {}\n", encoding="utf-8")
    overlays, others = overlay_paths([tmp_path / "themes.yaml", tmp_path / "my_terms.yaml", tmp_path / "indicators.yaml"])
    assert [p.name for p in overlays] == ["themes.yaml"]
    assert [p.name for p in others] == ["my_terms.yaml", "indicators.yaml"]   # its own merge


def test_installed_lexicons_are_what_every_cache_reads_and_installing_back_restores(tmp_path):
    from assistant.extract.themes import tag_themes
    from assistant.lexicon import install, process_lexicons

    problem = "部分村级图书室开放时间不固定。"
    base = process_lexicons()
    before = tag_themes(problem)            # cached under the built-in lexicons
    assert "IMPLEMENTATION" not in before
    (tmp_path / "themes.yaml").write_text(CUE, encoding="utf-8")
    try:
        install(Lexicons(base.folder, [tmp_path / "themes.yaml"]))
        assert "IMPLEMENTATION" in tag_themes(problem)
    finally:
        install(base)
    assert tag_themes(problem) == before


def test_a_pipeline_reads_with_its_own_overlays_and_saves_them(tmp_path):
    import spacy

    import assistant

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "themes.yaml").write_text(CUE, encoding="utf-8")
    plain, own = assistant.load(), assistant.load([mine])       # a folder of overlays

    def themes(nlp) -> list[list[str]]:
        doc = nlp(REPORT)
        return [list(span._.themes) for span in doc.spans["problem"]]

    assert themes(own) == [["IMPLEMENTATION"]]
    assert themes(plain) == [["OTHER"]]
    assert themes(own) == [["IMPLEMENTATION"]]      # pipelines used in turn each read with their own
    own.to_disk(tmp_path / "saved")
    assert themes(spacy.load(tmp_path / "saved")) == [["IMPLEMENTATION"]]
    assert themes(plain) == [["OTHER"]]


def test_domain_terms_and_the_keymap_are_overlaid_like_every_lexicon_file(tmp_path):
    from assistant.lexicon import install, process_lexicons
    from assistant.nlp import segment
    from assistant.tui.keymap import load_keymap

    term = "乡村振兴衔接资金"
    (tmp_path / "domain_terms.txt").write_text(f"# 我们的领域词\n{term}\n", encoding="utf-8")
    (tmp_path / "keymap.yaml").write_text("review.accept: y\n", encoding="utf-8")
    base = process_lexicons()
    assert term not in segment(f"{term}拨付进度缓慢") and load_keymap()["review.accept"] != "y"
    try:
        install(Lexicons(base.folder, [tmp_path / "domain_terms.txt", tmp_path / "keymap.yaml"]))
        assert term in segment(f"{term}拨付进度缓慢")
        assert load_keymap()["review.accept"] == "y" and load_keymap()["review.reject"] == "r"
    finally:
        install(base)
    assert term not in segment(f"{term}拨付进度缓慢")
    assert [p.name for p in overlay_paths([tmp_path])[0]] == ["domain_terms.txt", "keymap.yaml"]


# --- every message about a lexicon file in the language in force -----------------------------
# Chinese by default (JIXIAO_LANG=zh): one line naming the file, with our own Chinese words
# around any detail a library gives; English under JIXIAO_LANG=en, word for word as before.

CJK = re.compile(r"[\u4e00-\u9fff]")


def _chinese(message: str, path) -> None:
    assert "\n" not in message and str(path) in message, message
    assert CJK.search(message.replace(str(path), "")), message
    assert message.startswith(f"{path}："), message             # Chinese punctuation after the file


def _english(message: str, path, *words: str) -> None:
    assert "\n" not in message and message.startswith(f"{path}: "), message
    assert all(w in message for w in words), message
    assert "：" not in message and "应是" not in message, message


def _raised(monkeypatch, lang: str, make) -> str:
    monkeypatch.setenv("JIXIAO_LANG", lang)
    with pytest.raises(LexiconError) as err:
        make()
    return str(err.value)


# (overlay file, its text, words of the Chinese message, words of the English message)
MALFORMED = {
    "yaml-syntax": ("themes.yaml", "threshold: 1.0\nweak_weight: 0.5\nphrase_weight: : 1\n",
                    ["YAML 语法错误（第 3 行）", "mapping values are not allowed", "请检查"],
                    ["line 3: mapping values are not allowed in this context"]),
    "wrong-type": ("themes.yaml", "threshold: 很高\n", ["'threshold' 应是数字，而不是文本"],
                   ["'threshold' should be a number, not a text"]),
    "list-for-mapping": ("themes.yaml", "themes:\n  - 开放时间不固定\n", ["'themes' 应是映射", "而不是列表"],
                         ["'themes' should be a mapping, not a list"]),
    "not-a-mapping": ("causes.yaml", "- a\n- b\n", ["整个文件应是", "映射", "而不是列表"],
                      ["should be a mapping of keys, not a list"]),
    "bad-pattern": ("statements.yaml", "deviation_re: '未(达到'\n", ["'deviation_re'", "正则表达式 '未(达到'", "missing )"],
                    ["'deviation_re': pattern '未(达到' does not compile (missing )"]),
    # a second `patterns:` under one cause would drop the first one's entries without a word
    "duplicate-key": ("causes.yaml", "causes:\n  - code: FUNDS_LATE\n    patterns: ['年底才下达']\n"
                      "    cues: [下达较晚]\n    patterns: ['12月才到位']\n",
                      ["第 5 行", "「patterns」", "合并"], ["line 5: key 'patterns' is given twice"]),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_a_malformed_overlay_is_named_in_chinese_by_default_and_in_english_on_request(tmp_path, monkeypatch, case):
    name, text, zh_words, en_words = MALFORMED[case]
    bad = tmp_path / name
    bad.write_text(text, encoding="utf-8")

    def load() -> None:
        Lexicons(lexicon_dir(), [bad]).data(name)

    zh = _raised(monkeypatch, "zh", load)
    _chinese(zh, bad)
    assert all(w in zh for w in zh_words), zh
    _english(_raised(monkeypatch, "en", load), bad, *en_words)


def test_a_missing_key_missing_file_and_bytes_that_are_not_utf8_are_said_in_both_languages(tmp_path, monkeypatch):
    (tmp_path / "limits.yaml").write_text("max_cells: 10\n", encoding="utf-8")
    limits = Lexicons(tmp_path).data("limits.yaml")
    path = tmp_path / "limits.yaml"
    zh = _raised(monkeypatch, "zh", lambda: limits["max_seconds"])
    _chinese(zh, path)
    assert "缺少键 'max_seconds'" in zh
    _english(_raised(monkeypatch, "en", lambda: limits["max_seconds"]), path, "missing key 'max_seconds'")

    from assistant.lexicon import load_yaml

    nowhere = tmp_path / "nosuch.yaml"
    zh = _raised(monkeypatch, "zh", lambda: load_yaml(nowhere))
    _chinese(zh, nowhere)
    assert "找不到这个词表文件" in zh
    _english(_raised(monkeypatch, "en", lambda: load_yaml(nowhere)), nowhere, "no such lexicon file")

    gbk = tmp_path / "themes.yaml"
    gbk.write_bytes("threshold: 很高\n".encode("gbk"))
    zh = _raised(monkeypatch, "zh", lambda: load_yaml(gbk))
    _chinese(zh, gbk)
    assert "UTF-8" in zh and "另存" in zh
    _english(_raised(monkeypatch, "en", lambda: load_yaml(gbk)), gbk, "not UTF-8 text (invalid")


# (indicator lexicon text, Chinese words, English words) — assistant.extract.classify_lexicon
INDICATOR_MISTAKES = {
    "unknown-category": ("categories:\n  数量:\n    strong: [巡河]\n  时效s:\n    strong: [x]\n",
                         ["第 4 行", "未知类别 '时效s'", "数量"], ["line 4: unknown category '时效s'"]),
    "not-a-number": ("thresholds:\n  min_score: abc\n", ["第 2 行", "'thresholds.min_score' 应是数字，而不是 'abc'"],
                     ["line 2: 'thresholds.min_score' should be a number, not 'abc'"]),
    "unknown-setting": ("thresholds:\n  min_scor: 0.3\n", ["第 2 行", "未知设置 'thresholds.min_scor'", "min_score"],
                        ["line 2: unknown setting 'thresholds.min_scor'"]),
    "not-a-list": ("categories:\n  数量:\n    strong: 巡河\n", ["第 3 行", "'categories.数量.strong' 应是列表"],
                   ["line 3: 'categories.数量.strong' should be a list"]),
    "bad-regex": ("categories:\n  数量:\n    patterns: ['(unclosed']\n", ["第 3 行", "正则表达式", "missing )"],
                  ["line 3: bad regular expression in categories.数量.patterns"]),
    "unknown-section": ("categoriez: {}\n", ["第 1 行", "未知的顶层键 'categoriez'"], ["line 1: unknown section 'categoriez'"]),
    "yaml-syntax": ("categories:\n  数量:\n    strong: [a\n", ["YAML 语法错误（第 4 行）"], ["line 4: "]),
}


@pytest.mark.parametrize("case", INDICATOR_MISTAKES)
def test_an_indicator_lexicon_mistake_is_said_in_both_languages(tmp_path, monkeypatch, case):
    from assistant.extract.classify import load_lexicon

    text, zh_words, en_words = INDICATOR_MISTAKES[case]
    bad = tmp_path / "mine.yaml"
    bad.write_text(text, encoding="utf-8")
    zh = _raised(monkeypatch, "zh", lambda: load_lexicon([bad]))
    _chinese(zh, bad)
    assert all(w in zh for w in zh_words), zh
    _english(_raised(monkeypatch, "en", lambda: load_lexicon([bad])), bad, *en_words)


def test_exemplar_file_mistakes_are_said_in_both_languages(tmp_path, monkeypatch):
    from assistant.extract.classify import load_lexicon

    mine = tmp_path / "mine.yaml"
    mine.write_text("exemplar_files: [ex.tsv]\n", encoding="utf-8")
    tsv = tmp_path / "ex.tsv"
    zh = _raised(monkeypatch, "zh", lambda: load_lexicon([mine]))
    _chinese(zh, tsv)
    assert "找不到这个范例文件" in zh and str(mine) in zh
    _english(_raised(monkeypatch, "en", lambda: load_lexicon([mine])), tsv, f"no such exemplar file (named in {mine})")

    tsv.write_text("数量\t巡河次数\n时效\n", encoding="utf-8")
    zh = _raised(monkeypatch, "zh", lambda: load_lexicon([mine]))
    _chinese(zh, tsv)
    assert "第 2 行" in zh and "类别<TAB>名称" in zh
    _english(_raised(monkeypatch, "en", lambda: load_lexicon([mine])), tsv, "line 2: expected 'category<TAB>name'")

    tsv.write_text("数量\t巡河次数\n时效s\t按时完成\n", encoding="utf-8")
    zh = _raised(monkeypatch, "zh", lambda: load_lexicon([mine]))
    _chinese(zh, tsv)
    assert "第 2 行" in zh and "未知类别 '时效s'" in zh
    _english(_raised(monkeypatch, "en", lambda: load_lexicon([mine])), tsv, "line 2: unknown category '时效s'")


def test_overlays_read_by_drafting_and_theme_tagging_are_said_in_both_languages(tmp_path, monkeypatch):
    from assistant.draft.causes import cause_book
    from assistant.extract.themes import tag_themes
    from assistant.lexicon import install, process_lexicons

    causes = tmp_path / "causes.yaml"
    causes.write_text("causes:\n  - {code: MY_CAUSE, label: 我的原因, theme: OTHER, cues: [某某原因],\n"
                      "     subjects: [设备], predicate: 没有这个谓词}\n", encoding="utf-8")
    themes = tmp_path / "themes.yaml"
    themes.write_text("themes:\n  FACILITY:\n    cues: ['故障(']\n", encoding="utf-8")
    base = process_lexicons()
    try:
        install(Lexicons(base.folder, [causes, themes]))
        zh = _raised(monkeypatch, "zh", cause_book)
        assert zh.startswith("causes.yaml：") and "MY_CAUSE" in zh and "'没有这个谓词'" in zh and "predicates" in zh
        assert "不在 predicates 下" in zh and "\n" not in zh, zh
        en = _raised(monkeypatch, "en", cause_book)
        assert en == "causes.yaml: MY_CAUSE: predicate '没有这个谓词' is not under predicates", en
        zh = _raised(monkeypatch, "zh", lambda: tag_themes("线路故障"))
        assert "themes.yaml：主题 FACILITY 的线索 '故障('" in zh and "正则表达式" in zh, zh
        en = _raised(monkeypatch, "en", lambda: tag_themes("线路故障"))
        assert "themes.yaml: theme FACILITY: bad cue '故障(':" in en, en
        causes.write_text("causes:\n  - {code: MY_CAUSE, label: 我的原因, theme: OTHER, cues: [某某原因],\n"
                          "     deviations: ['完成率(']}\n", encoding="utf-8")
        install(Lexicons(base.folder, [causes, themes]))
        zh = _raised(monkeypatch, "zh", cause_book)
        assert zh.startswith("causes.yaml：原因 MY_CAUSE 的 deviations") and "正则表达式" in zh and "\n" not in zh, zh
        en = _raised(monkeypatch, "en", cause_book)
        assert en.startswith("causes.yaml: MY_CAUSE: bad regular expression in deviations"), en
    finally:
        install(base)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_extract_with_a_broken_yaml_lexicon_says_one_line_in_the_language(tmp_path, lang):
    """Through the command line: `extract FILE --lexicon BAD/themes.yaml -o out.jsonl`."""
    bad = tmp_path / "mine" / "themes.yaml"
    bad.parent.mkdir()
    bad.write_text("threshold: 1.0\nweak_weight: 0.5\nphrase_weight: : 1\n", encoding="utf-8")
    report = tmp_path / "报告.txt"
    report.write_text(REPORT, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIXIAO_LEXICON")}
    run = subprocess.run([sys.executable, "-m", "assistant.cli", "extract", str(report), "--lexicon", str(bad),
                          "-o", str(tmp_path / "out.jsonl")], capture_output=True, text=True, cwd=ROOT,
                         timeout=120, env={**env, "PYTHONPATH": str(ROOT), "JIXIAO_LANG": lang})
    assert run.returncode == 2 and run.stdout == "", run.stderr
    assert "Traceback" not in run.stderr
    [line] = run.stderr.strip().splitlines()
    assert not (tmp_path / "out.jsonl").exists() or (tmp_path / "out.jsonl").read_text(encoding="utf-8") == ""
    if lang == "zh":
        assert line.startswith(f"错误：{bad}：YAML 语法错误（第 3 行）：mapping values are not allowed"), line
        assert line.endswith("请检查该行及上一行的缩进、冒号、引号和括号"), line
    else:
        assert line == f"error: {bad}: line 3: mapping values are not allowed in this context", line


def test_keymap_and_intent_files_are_said_in_both_languages(tmp_path, monkeypatch):
    from assistant.chat.intents import load_lexicon as load_intents
    from assistant.tui.keymap import load_keymap

    keys = tmp_path / "keys.yaml"
    keys.write_text("review.accept: [y]\n", encoding="utf-8")
    zh = _raised(monkeypatch, "zh", lambda: load_keymap(keys))
    _chinese(zh, keys)
    assert "'review.accept' 应对应一个按键" in zh
    _english(_raised(monkeypatch, "en", lambda: load_keymap(keys)), keys, "'review.accept' should map to a key")

    intents = tmp_path / "intents.yaml"
    intents.write_text("intents: {help: {examples: [x]}}\nslots: {}\n", encoding="utf-8")
    zh = _raised(monkeypatch, "zh", lambda: load_intents(intents))
    _chinese(zh, intents)
    _english(_raised(monkeypatch, "en", lambda: load_intents(intents)), intents)


def test_a_settled_worker_collects_young_objects_less_often_and_only_once_set():
    # After its first document a batch worker freezes what it loaded and lets the young
    # generation grow: the collector had been running a thousand times per 5 MB of reports.
    code = ("import gc; from assistant.lexicon import settle_heap, YOUNG_OBJECTS;"
            "before = gc.get_threshold(); settle_heap(); after = gc.get_threshold();"
            "gc.set_threshold(50_000, *after[1:]); settle_heap();"
            "print(before[0], after[0], after[1:] == before[1:], gc.get_threshold()[0], gc.get_freeze_count() > 0,"
            " YOUNG_OBJECTS)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    before, after, same_rest, later, frozen, young = run.stdout.split()
    assert int(before) < int(young) == int(after)
    assert same_rest == "True" and frozen == "True"
    assert later == "50000"           # a second call changes nothing


def test_a_chat_reads_with_the_lexicons_it_is_given(tmp_path):
    from assistant.chat import Chat
    from assistant.lexicon import install, process_lexicons
    from assistant.store import Store

    request = "盘一盘家底"
    (tmp_path / "intents.yaml").write_text("intents:\n  counts:\n    cues: [家底]\n    triggers: [盘一盘家底]\n",
                                           encoding="utf-8")
    base = process_lexicons()
    with Store(tmp_path / "store.sqlite") as store:
        try:
            own = Chat(store, lexicons=Lexicons(base.folder, [tmp_path / "intents.yaml"]))
            assert own.respond(request).intent == "counts"
        finally:
            install(base)
        assert Chat(store).respond(request).intent != "counts"  # the built-in intents do not know it
