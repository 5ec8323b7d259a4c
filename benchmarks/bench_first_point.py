"""Does the first drafted 改进措施 answer the cause the statement gives? (issue 14)

    .venv/bin/python benchmarks/bench_first_point.py [--show]

`benchmarks/data/first_points.tsv` holds problem and reason statements written for this
project (never copied from a real report), each with the moves (THEME.move of
lexicons/measures.yaml) that an evaluator would accept as the first point: the move that
fixes the cause the statement names. The figure is the share of statements whose first
drafted point comes from one of those moves (or, where the draft first puts the finding
right in its own words — money recovered, papers obtained — the point after that) — a stand-in for the hand-scored "first point
addresses the stated cause" of issue 14, over causes beyond the four seeds' money and
schedule problems (管护, 档案, 前期论证, 拨付流程, 一卡通 …). The statements were written
while those causes were added to lexicons/causes.yaml, so the figure shows what the lexicon
covers, not how it does on wording it has never seen; add statements from new reports'
language (in your own words) before trusting a rise.

With `--real` it scores the problem and reason statements of the answer keys of
../shared/corpora (seeds and dev: real reports, read there, never copied here) against
`benchmarks/data/real_first_points.tsv`, which holds, per document and SHA-1 of a statement,
the moves an evaluator would accept first (an annotation written for this project). Those
statements are closer to what the hand-scored figure of issue 14 is measured on.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.draft.measures import draft_measures  # noqa: E402

CASES = Path(__file__).with_name("data") / "first_points.tsv"
REAL = Path(__file__).with_name("data") / "real_first_points.tsv"


def cases() -> list[tuple[str, set[str]]]:
    out = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, moves = line.split("\t")
        out.append((text, {m.strip() for m in moves.split(",") if m.strip()}))
    return out


def real_cases() -> list[tuple[str, set[str]]]:
    """The problem and reason statements of ../shared's answer keys, each with the moves
    real_first_points.tsv accepts; a statement the file does not know is an error."""
    from shared_corpora import answer_keys

    accepted: dict[tuple[str, str], set[str]] = {}
    for line in REAL.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            doc, digest, moves = line.split("\t")[:3]
            accepted[(doc, digest)] = {m.strip() for m in moves.split(",") if m.strip()}
    out = []
    for key in answer_keys():
        doc = key["doc"].rsplit(".", 1)[0]
        for st in key.get("statements", []):
            if st["kind"] not in ("problem", "reason"):
                continue
            digest = hashlib.sha1(st["text"].encode("utf-8")).hexdigest()[:12]
            if (doc, digest) not in accepted:
                sys.exit(f"{REAL.name}: 缺少 {doc} {digest} 的标注（{st['text'][:20]}…）")
            out.append((st["text"], accepted[(doc, digest)]))
    return out


def first_move(text: str) -> str:
    """THEME.move of the first drafted point ('' when the draft says no measure is needed).
    Where the draft first puts the finding right in its own words (「对多领的补助资金予以
    追回」, draft/corrections.py), the move of the point after the corrections, marked
    「纠正+」: the cause is then answered second, after the money comes back."""
    templates = [s.provenance.template for s in draft_measures(text)[0].sentences]
    fixed = 0
    while fixed < len(templates) - 1 and templates[fixed].startswith("corrections."):
        fixed += 1
    parts = templates[fixed].split(".")
    move = ".".join(parts[1:3]) if parts[0] == "measures" else templates[fixed]
    return f"纠正+{move}" if fixed else move


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print every statement with its first move")
    ap.add_argument("--real", action="store_true",
                    help="score the real statements of ../shared/corpora (seeds, dev) instead")
    args = ap.parse_args()
    todo = real_cases() if args.real else cases()
    hits = corrected = 0
    for text, accepted in todo:
        move = first_move(text)
        ok = move.removeprefix("纠正+") in accepted
        hits += ok
        corrected += ok and move.startswith("纠正+")
        if args.show or not ok:
            shown = text if not args.real else text[:24] + "…"     # (real text stays in ../shared)
            print(f"{'✓' if ok else '✗'} {move:<42} {shown}")
    print(f"{'指标':<20}{'值':>8}")
    print(f"{'真实报告问题和原因' if args.real else '自写问题和原因':<16}{len(todo):>10}")
    print(f"{'首条针对所述原因的比例':<12}{hits / len(todo):>10.2f}")
    print(f"{'其中先纠正、次条针对原因':<12}{corrected:>10}")


if __name__ == "__main__":
    main()
