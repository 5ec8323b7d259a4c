"""One Lexicons object: analyst overlays of any built-in file, checked at load with errors
that name the file and the key."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from assistant.lexicon import LexiconError, Lexicons, MissingKey, lexicon_dir, merge, overlay_paths
from tests.conftest import ROOT

REPORT = "项目名称\t村级图书室运行补助\n\n三、存在问题\n部分村级图书室开放时间不固定。\n"
CUE = "themes:\n  IMPLEMENTATION:\n    cues:\n      - 开放时间不固定\n"


def _extract(tmp_path, *lexicons: str) -> subprocess.CompletedProcess:
    report = tmp_path / "报告.txt"
    report.write_text(REPORT, encoding="utf-8")
    args = [a for path in lexicons for a in ("--lexicon", path)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIXIAO_LEXICON")}
    return subprocess.run([sys.executable, "-m", "assistant", "extract", str(report), "-q", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**env, "PYTHONPATH": str(ROOT), "JIXIAO_LANG": "zh"})


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
])
def test_a_malformed_overlay_stops_the_run_with_one_line_naming_file_and_key(tmp_path, name, text, words):
    bad = tmp_path / name
    bad.write_text(text, encoding="utf-8")
    run = _extract(tmp_path, str(bad))
    assert run.returncode == 2 and run.stdout == ""
    [line] = run.stderr.strip().splitlines()
    assert all(w in line for w in words), line
    assert "Traceback" not in run.stderr


def test_merge_extends_lists_merges_mappings_replaces_values():
    base = {"a": [1, 2], "b": {"x": 1, "y": [3]}, "c": 0.5}
    assert merge(base, {"a": [2, 3], "b": {"y": [4], "z": 2}, "c": 0.7}) == \
        {"a": [1, 2, 3], "b": {"x": 1, "y": [3, 4], "z": 2}, "c": 0.7}


def test_a_missing_key_names_the_file_and_the_key(tmp_path):
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
