"""Issue 2's figures: `jixiao extract` on the four seed reports, scored by ../shared/eval/score.py."""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

import pytest

from tests.conftest import GOLD, ROOT, SEEDS, SHARED, needs_shared

pytestmark = needs_shared


def _score_module():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def overall(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds") / "seeds.jsonl"
    cmd = [sys.executable, "-m", "assistant", "extract", str(SEEDS), "-o", str(out)]
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    summary_json = out.with_suffix(".score.json")
    scored = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(out), str(GOLD),
                             str(SEEDS), "--json", str(summary_json)],
                            capture_output=True, text=True, timeout=120)
    assert scored.returncode == 0, scored.stderr
    return json.loads(summary_json.read_text(encoding="utf-8"))["overall"]


def test_projects_are_all_found(overall):
    assert overall["projects"]["recall"] == 1.0
    assert overall["projects"]["precision"] >= 0.95


def test_indicator_rows(overall):
    assert overall["indicators"]["f1"] >= 0.95


def test_indicator_values(overall):
    assert overall["indicators"]["target_acc"] >= 0.95
    assert overall["indicators"]["actual_acc"] >= 0.95


def test_indicator_categories(overall):
    assert overall["indicators"]["category_acc"] >= 0.97


def test_every_offset_points_at_its_text(tmp_path):
    from assistant.extract import extract_path

    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        report = extract_path(path)
        for project in report.projects:
            assert text[project.name_start:project.name_end].replace("\n", "") .strip() != ""
            for ind in project.indicators:
                assert ind.name.replace(" ", "")[:4] in text[ind.start:ind.end].replace(" ", "").replace("\n", "")
                if ind.reason:
                    assert text[ind.reason_start:ind.reason_end].startswith(ind.reason.split(" ")[0][:8])


def test_budgets_and_total_scores_match_the_gold():
    from assistant.extract import extract_path

    wrong = []
    for gold_path in sorted(GOLD.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        report = extract_path(SEEDS / gold["doc"])
        for want, have in zip(gold["projects"], report.projects):
            budget = have.budget.to_dict() if have.budget else {}
            for key, value in want.get("budget", {}).items():
                if budget.get(key) != value:
                    wrong.append((gold["doc"], want["name"], key, budget.get(key), value))
            if want.get("total_score") != have.total_score:
                wrong.append((gold["doc"], want["name"], "total_score", have.total_score, want.get("total_score")))
    assert not wrong
