"""Leave-one-document-out check of drafted 改进措施 against the authors' own measures.

    .venv/bin/python benchmarks/bench_measures.py [--show]

For every document of ../shared/corpora (seeds and dev) whose answer key holds problems (or
reasons) and measures of the same project, each problem is drafted with
`draft_measures(problem, corpus=…)`, the corpus built from the extractor's output on every
*other* document (so precedents never come from the document itself). Two figures, as issue
14 asks:
  (a) the share of problems whose first drafted point covers one of the authors' actions
      (word overlap: token_set_ratio on jieba words ≥ COVER);
  (b) the mean, over problems, of the best similarity between a drafted point and an
      authors' point (0–100).
The authors' texts stay in ../shared; nothing is written into the project.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

from assistant.draft.corpus import Corpus  # noqa: E402
from assistant.draft.measures import draft_measures  # noqa: E402
from assistant.draft.sentences import words  # noqa: E402
from assistant.extract.pipeline import extract_path  # noqa: E402
from assistant.extract.read import ReadError  # noqa: E402
from benchmarks.shared_corpora import SETS, SHARED, answer_keys  # noqa: E402

COVER = 50
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[)）、.．])")


def points(draft_text: str) -> list[str]:
    parts = re.split(r"[；;。]\s*", draft_text)
    return [_ORDINAL.sub("", p).strip() for p in parts if len(p.strip()) >= 4]


def cases() -> list[tuple[str, str, list[str]]]:
    out = []
    for key in answer_keys():
        st = key.get("statements", [])
        for project in {s.get("project", "") for s in st}:
            problems = [s["text"] for s in st if s.get("project", "") == project and s["kind"] == "problem"]
            measures = [s["text"] for s in st if s.get("project", "") == project and s["kind"] == "measure"]
            if measures:
                out += [(key["doc"], p, measures) for p in problems]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print each problem with its first point")
    args = ap.parse_args()
    todo = cases()
    if not todo:
        sys.exit(f"no gold problem→measure pairs under {SHARED}")
    reports = {}
    for raw, _ in SETS:
        for f in sorted(raw.iterdir()):
            try:
                reports[f.name] = extract_path(f)
            except ReadError:
                pass
    covered, best_sum = 0, 0.0
    for doc, problem, measures in todo:
        corpus = Corpus.from_reports(r for name, r in reports.items() if name != doc)
        draft = draft_measures(problem, corpus=corpus, exclude_doc=doc)[0]
        drafted = points(draft.text)
        authors = [words(m) for m in measures]
        sims = [max(fuzz.token_set_ratio(words(p), a) for a in authors) for p in drafted] or [0.0]
        first = sims[0]
        covered += first >= COVER
        best_sum += max(sims)
        if args.show:
            print(f"{doc}\t{first:.0f}\t{max(sims):.0f}\t{problem[:40]}\n\t→ {drafted[0] if drafted else ''}\n\t✓ {measures[0][:60]}")
    n = len(todo)
    print(f"{'指标':<24}{'值':>8}")
    print(f"{'问题数（有作者措施）':<20}{n:>10}")
    print(f"{'首条覆盖作者措施的比例':<19}{covered / n:>10.2f}")
    print(f"{'起草要点与作者要点的最佳相似度均值':<13}{best_sum / n:>10.1f}")


if __name__ == "__main__":
    main()
