"""Shared test fixtures: where the repo, its samples and ../shared are."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("JIXIAO_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "corpora" / "seeds"
GOLD = SHARED / "corpora" / "gold"
SAMPLES = ROOT / "corpora" / "samples"

needs_shared = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/corpora is not beside the checkout")
