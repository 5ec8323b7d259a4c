"""Category accuracy on real labelled rows: the gold indicator rows of ../shared/corpora
(seeds and dev), classified as `jixiao classify --file` would classify them.

    .venv/bin/python benchmarks/bench_categories.py [--show]

Three readings, as issue 13 measures them:
  - name, target and printed labels (二级, with the 一级 as context);
  - name and target only (what the name-only rules and the n-gram model reach);
  - name and target only, leave one document out, with the (name, category) pairs of the
    other documents learned as `classify --learn` would store them.
The gold stays in ../shared: nothing here is written into the project.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.extract.classify import classify_indicator, default_lexicon  # noqa: E402
from assistant.extract.classify_lexicon import compile_lexicon, merged_data  # noqa: E402
from benchmarks.shared_corpora import SHARED, answer_keys  # noqa: E402

def gold_rows() -> dict[str, list[dict]]:
    docs: dict[str, list[dict]] = {}
    for key in answer_keys():
        rows = [r for p in key.get("projects", []) for r in p.get("indicators", [])]
        if rows:
            docs[key["doc"]] = rows
    return docs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print each row classified wrongly")
    args = ap.parse_args()
    docs = gold_rows()
    if not docs:
        sys.exit(f"no gold rows under {SHARED}: ../shared/corpora is needed beside the checkout")
    lex = default_lexicon()
    n = label_ok = name_ok = learned_ok = 0
    for doc, rows in docs.items():
        data = merged_data([])
        data["_exemplars"] = data["_exemplars"] + [
            (r["category"], r["name"].replace(" ", "")) for d, rr in docs.items() if d != doc for r in rr]
        learned = compile_lexicon(data)
        for r in rows:
            n += 1
            got = classify_indicator(r["name"], r.get("target"), r.get("level2") or None,
                                     printed_on_row=True, lexicon=lex, level1=r.get("level1") or None)
            label_ok += got.category == r["category"]
            if args.show and got.category != r["category"]:
                print(f"{doc}\t{r['name']}\t{r.get('level1')}/{r.get('level2')}\t{r['category']}≠{got.category}\t{got.evidence}")
            name_ok += classify_indicator(r["name"], r.get("target"), lexicon=lex).category == r["category"]
            learned_ok += classify_indicator(r["name"], r.get("target"), lexicon=learned).category == r["category"]
    print(f"{'读法':<34}{'准确率':>8}")
    print(f"{'名称＋目标值＋印出的标签':<30}{label_ok / n:>10.3f}")
    print(f"{'仅名称＋目标值':<33}{name_ok / n:>10.3f}")
    print(f"{'仅名称＋目标值（留一文档，学习其余）':<24}{learned_ok / n:>10.3f}")
    print(f"({n} rows in {len(docs)} documents)")


if __name__ == "__main__":
    main()
