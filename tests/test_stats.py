"""`jixiao stats`: counts by theme, category, form, year and unit, from JSON Lines or a store."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.batch.stats import Stats, execution_rate, plot_stats, rate_bin, stats_from_jsonl
from assistant.cli import app, register
from assistant.extract.metadata import document_unit, document_year, project_unit
from assistant.model import Budget
from tests.conftest import SAMPLES

register()       # every command on `app`, as `jixiao` has them

NAMES = ("01_tab_selfeval_education.txt", "05_narrative_department_agriculture.txt",
         "06_tab_deviation_transport.txt")


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> tuple[Path, Path]:
    """Three samples extracted once into JSON Lines and a store."""
    root = tmp_path_factory.mktemp("stats")
    corpus = root / "corpus"
    corpus.mkdir()
    for name in NAMES:
        shutil.copy(SAMPLES / name, corpus / name)
    jsonl, db = root / "out.jsonl", root / "store.sqlite"
    result = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(jsonl), "--db", str(db), "-j", "1", "-q"])
    assert result.exit_code == 0, result.stderr
    return jsonl, db


def test_counts_from_json_lines(extracted):
    jsonl, _ = extracted
    stats = stats_from_jsonl(jsonl)
    reports = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert stats.documents == 3
    assert stats.projects == sum(len(r["projects"]) for r in reports)
    assert sum(stats.categories.values()) == sum(len(p["indicators"]) for r in reports for p in r["projects"])
    assert stats.years["2023"] == 3
    assert stats.forms["self_evaluation"] >= 2
    assert sum(stats.rates.values()) >= 2
    assert "桐江县公路事业发展中心" in stats.units          # 实施单位 of a project
    assert stats.units["桐江县交通运输局"]["documents"] == 1  # 单位(盖章) of the document
    tagged = sum(kinds["problem"] for kinds in stats.themes.values())      # a statement per theme
    assert tagged == sum(len(s["themes"]) for r in reports for s in r["statements"] if s["kind"] == "problem")


def test_without_the_sources_year_and_unit_come_from_the_name(extracted, tmp_path):
    jsonl, _ = extracted
    moved = tmp_path / "moved.jsonl"
    moved.write_text(jsonl.read_text(encoding="utf-8"), encoding="utf-8")
    stats = stats_from_jsonl(moved, read_sources=False)
    assert set(stats.units) == set(NAMES)
    assert stats.years == {"(unknown)": 3}


def test_cli_tables_from_json_lines_and_from_the_store(extracted, monkeypatch):
    # headed in Chinese by default, kinds and forms by their names; in English on request
    jsonl, db = extracted
    for args in ([str(jsonl)], ["--db", str(db)]):
        result = CliRunner().invoke(app, ["stats", *args])
        assert result.exit_code == 0, result.stderr
        for words in ("按主题统计语句", "BUDGET_EXECUTION", "问题", "措施", "按类别统计指标", "数量",
                      "按表单统计项目", "绩效自评表", "2023", "安澜县教育局", "95-100%", "项目数"):
            assert words in result.stdout, (args, words)
        assert "documents" not in result.stdout and "self_evaluation" not in result.stdout
    monkeypatch.setenv("JIXIAO_LANG", "en")
    result = CliRunner().invoke(app, ["stats", str(jsonl)])
    for words in ("statements by theme", "indicators by category", "projects by form", "self_evaluation"):
        assert words in result.stdout, words


def test_plot_writes_a_png_and_falls_back_without_a_cjk_font(extracted, tmp_path, monkeypatch):
    pytest.importorskip("matplotlib")
    import assistant.batch.stats as batch_stats

    jsonl, _ = extracted
    png = tmp_path / "stats.png"
    result = CliRunner().invoke(app, ["stats", str(jsonl), "--plot", str(png)])
    assert result.exit_code == 0, result.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert batch_stats.cjk_font() == "Noto Sans CJK SC"        # bundled: Chinese on any machine
    assert plot_stats(stats_from_jsonl(jsonl, read_sources=False), tmp_path / "zh.png") is True
    monkeypatch.setattr(batch_stats, "cjk_font", lambda: "")
    assert plot_stats(stats_from_jsonl(jsonl, read_sources=False), tmp_path / "codes.png") is False
    assert (tmp_path / "codes.png").stat().st_size > 1000


def test_plot_named_without_a_suffix_says_the_file_it_wrote(extracted, tmp_path):
    pytest.importorskip("matplotlib")
    jsonl, _ = extracted
    result = CliRunner().invoke(app, ["stats", str(jsonl), "--plot", str(tmp_path / "charts")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "charts.png").is_file() and f"{tmp_path / 'charts.png'}" in result.output


def test_plot_of_nothing_still_draws(tmp_path):
    pytest.importorskip("matplotlib")
    plot_stats(Stats(), tmp_path / "empty.png")
    assert (tmp_path / "empty.png").exists()


@pytest.mark.parametrize("args, words", [
    ([], "二者取一"),
    (["x.jsonl", "--db", "y.sqlite"], "二者取一"),
    (["missing.jsonl"], "没有这个文件"),
])
def test_cli_mistakes(args, words, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["stats", *args])
    assert result.exit_code == 2
    assert words in result.stderr


def test_a_line_that_is_not_a_report_is_named(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "a.txt", "projects": []}\nnot json\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["stats", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}: line 2" in result.stderr and result.stderr.count("\n") == 1


def test_year_unit_and_rate_helpers():
    assert document_year("2022年度部门整体绩效自评报告.pdf") == "2022"
    assert document_year("report.txt", "## 项目支出绩效自评表\n\n(2023 年度)\n") == "2023"
    assert document_year("report.txt", "nothing here") == "(unknown)"
    text = "单位(盖章): 安澜县教育局\n\n项目名称\t\t学生资助\n实施单位\t安澜县学生资助管理中心\t\t\n"
    assert document_unit(text) == "安澜县教育局"
    assert project_unit(text, 0, len(text)) == "安澜县学生资助管理中心"
    assert document_unit("单位(盖章):\n\n项目名称\t学生资助\n") == ""        # not the next line
    assert document_unit("一、部门职责\n云州市住房保障服务中心贯彻落实…\n") == "云州市住房保障服务中心"
    # a field's label a page ran into the unit is no part of it
    assert document_unit("绩效评价报告\n项目名称青岚市文化广电旅游局部门整体支出绩效评价\n") == "青岚市文化广电旅游局"
    assert execution_rate(Budget(adjusted=200.0, executed=150.0)) == 75.0
    assert execution_rate(Budget(rate=98.8, adjusted=1.0, executed=0.5)) == 98.8
    assert execution_rate(None) is None
    assert [rate_bin(r) for r in (12.0, 75.0, 99.9, 100.0, 130.0)] == ["<60%", "60-80%", "95-100%", "100%", ">100%"]


def test_equal_counts_are_listed_the_same_whatever_order_the_documents_came_in():
    from collections import Counter

    from assistant.batch.stats import ranked

    one = Counter(["经济效益"] * 4 + ["生态效益"] * 4 + ["质量"] * 9)
    other = Counter(["质量"] * 9 + ["生态效益"] * 4 + ["经济效益"] * 4)
    assert ranked(one) == ranked(other) == [("质量", 9), ("生态效益", 4), ("经济效益", 4)]
