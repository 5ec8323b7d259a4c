"""Shared test fixtures: where the repo, its samples and ../shared are."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so that CI never turns red by chance;
# JIXIAO_HYPOTHESIS=explore draws new ones each run (use it to hunt, then keep what it finds
# as an @example).
settings.register_profile("suite", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("JIXIAO_HYPOTHESIS", "suite"))

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("JIXIAO_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "corpora" / "seeds"
GOLD = SHARED / "corpora" / "gold"
SAMPLES = ROOT / "corpora" / "samples"

needs_shared = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/corpora is not beside the checkout")
