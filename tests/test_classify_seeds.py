"""The classifier against every indicator of the gold answer keys (../shared/corpora/gold).

The printed label given to the classifier is the one the text shows: the gold's `as_printed`
where the analyst recorded one (the label that PDF misalignment put beside the row), else its
`level2`.  The lexicon is not written from these names; this measures how the general rules
do on real reports.
"""
from __future__ import annotations

import json

from assistant.extract.classify import classify_indicator
from tests.conftest import GOLD, needs_shared


def _gold_indicators():
    for path in sorted(GOLD.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for project in data.get("projects", []):
            for ind in project.get("indicators", []):
                yield path.name, project.get("name", ""), ind


@needs_shared
def test_gold_categories_at_least_97_percent():
    total, wrong = 0, []
    for doc, project, ind in _gold_indicators():
        printed = ind.get("as_printed") or ind.get("level2") or None
        got = classify_indicator(ind["name"], ind.get("target"), printed=printed)
        total += 1
        if got.category != ind["category"]:
            wrong.append(f"{doc} {project} | {ind['name']} | {ind.get('target')} | printed {printed}: "
                         f"{got.category} ≠ {ind['category']} ({got.evidence})")
    assert total > 0
    accuracy = 1 - len(wrong) / total
    assert accuracy >= 0.97, f"accuracy {accuracy:.3f} over {total}; wrong:\n" + "\n".join(wrong)
