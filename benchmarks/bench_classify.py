"""Throughput of `classify_indicator`: 10,000 distinct names (with targets) on one core.

    .venv/bin/python benchmarks/bench_classify.py [N]

Names are built from the unseen test names crossed with sector prefixes, so every one is
new to the segmenter's cache; the lexicon is compiled before the clock starts (once per
process in real use).  The goal is under 5 s for 10,000.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_NUM_THREADS", "1")

from assistant.extract.classify import classify_indicator, default_lexicon  # noqa: E402

PREFIXES = ["", "县级", "市本级", "乡镇", "农村", "城区", "年度", "重点", "专项", "新建", "全市",
            "社区", "中心", "项目区", "试点", "示范", "改造", "基层", "区域", "省级", "2023年"]


def names(n: int) -> list[tuple[str, str]]:
    rows = []
    path = ROOT / "tests" / "data" / "indicator_names_unseen.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("name\t"):
            cols = line.split("\t")
            rows.append((cols[0], cols[1] if len(cols) > 1 else ""))
    out, seen = [], set()
    for prefix in PREFIXES:
        for i, (name, target) in enumerate(rows):
            for suffix in ("", "情况", "（年度）"):
                text = f"{prefix}{name}{suffix}"
                if text not in seen:
                    seen.add(text)
                    out.append((text, target if i % 2 else ""))
                if len(out) >= n:
                    return out
    return out


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=10_000, help="how many distinct names (default 10000)")
    n = ap.parse_args().n
    t0 = time.perf_counter()
    lex = default_lexicon()
    t1 = time.perf_counter()
    items = names(n)
    t2 = time.perf_counter()
    for name, target in items:
        classify_indicator(name, target or None, lexicon=lex)
    t3 = time.perf_counter()
    print(f"lexicon compiled (jieba loaded, exemplars segmented): {t1 - t0:.2f} s")
    print(f"classified {len(items)} distinct names in {t3 - t2:.2f} s "
          f"({(t3 - t2) / len(items) * 1e3:.3f} ms each)")


if __name__ == "__main__":
    main()
