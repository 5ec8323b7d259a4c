"""The bundled samples (written by us, in the seeds' layouts) against their answer keys."""
from __future__ import annotations

import json
import re

import pytest

from assistant.extract import extract_path
from tests.conftest import ROOT, SAMPLES

EXPECTED = ROOT / "tests" / "expected"
CASES = sorted(p.stem for p in EXPECTED.glob("*.json"))


def _squash(s) -> str:
    return re.sub(r"\s+", "", str(s or ""))


def _rows(projects):
    return [(_squash(i["name"]), _squash(i.get("target")), _squash(i.get("actual")),
             i.get("weight"), i.get("score"), i.get("category"), _squash(i.get("reason")))
            for p in projects for i in p["indicators"]]


def _coverage(doc: str, texts) -> set[int]:
    covered: set[int] = set()
    for t in map(_squash, texts):
        start = doc.find(t) if t else -1
        while start != -1:
            covered.update(range(start, start + len(t)))
            start = doc.find(t, start + 1)
    return covered


@pytest.fixture(scope="module", params=CASES)
def case(request):
    expected = json.loads((EXPECTED / f"{request.param}.json").read_text(encoding="utf-8"))
    path = SAMPLES / expected["doc"]
    return expected, extract_path(path).to_dict(), path.read_text(encoding="utf-8")


def test_there_is_a_sample_of_every_layout():
    assert len(CASES) >= 6
    assert {c.split("_")[1] for c in CASES} >= {"tab", "cells", "spaced", "twocol", "narrative"}


def test_projects(case):
    expected, got, _ = case
    assert [p["name"] for p in got["projects"]] == [p["name"] for p in expected["projects"]]
    assert [p["form"] for p in got["projects"]] == [p["form"] for p in expected["projects"]]


def test_indicator_rows_match_exactly(case):
    expected, got, _ = case
    assert _rows(got["projects"]) == _rows(expected["projects"])


def test_budgets_and_totals(case):
    expected, got, _ = case
    for want, have in zip(expected["projects"], got["projects"]):
        for key, value in (want.get("budget") or {}).items():
            if key != "unit":
                assert have["budget"].get(key) == pytest.approx(value), (want["name"], key)
        if want.get("total_score") is not None:
            assert have["total_score"] == pytest.approx(want["total_score"])


def test_statements_cover_the_key(case):
    expected, got, text = case
    doc = _squash(text)
    for kind in ("reason", "problem", "measure"):
        gold = _coverage(doc, [s["text"] for s in expected["statements"] if s["kind"] == kind])
        pred = _coverage(doc, [s["text"] for s in got["statements"] if s["kind"] == kind])
        if not gold and not pred:
            continue
        p = len(gold & pred) / len(pred) if pred else 0.0
        r = len(gold & pred) / len(gold) if gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        assert f1 >= 0.85, (expected["doc"], kind, round(p, 2), round(r, 2))
