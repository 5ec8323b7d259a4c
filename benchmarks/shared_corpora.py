"""The answer keys in ../shared/corpora (seeds and dev), for the benchmarks that score against
them. Only read here: nothing from them is written into the project."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
# (folder of the documents, folder of their answer keys)
SETS = [(SHARED / "seeds", SHARED / "gold"), (SHARED / "dev" / "raw", SHARED / "dev" / "gold")]


def answer_keys() -> Iterator[dict]:
    """Every answer key, seeds first, each folder in name order."""
    for _, gold in SETS:
        for path in sorted(gold.glob("*.json")):
            yield json.loads(path.read_text(encoding="utf-8"))
