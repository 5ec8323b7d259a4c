"""What a batch found, counted: themes, indicator categories, forms, years, units, 执行率.

    stats = stats_from_jsonl("out.jsonl")          # or stats_from_store("store.sqlite")
    stats.themes["BUDGET_EXECUTION"]["problem"]    # → 12
    plot_stats(stats, "stats.png")

JSON Lines are read a line at a time, so memory stays flat however long the file; a
store's reports come as the analysts left them (rejected items dropped, edits applied).
Year and unit come from the document's text (`assistant.extract.metadata`) — the store keeps
it; for JSON Lines the source files are read again when they still exist (`read_sources`).
"""
from __future__ import annotations

import json
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.extract.checks import execution_rate as checks_execution_rate
from assistant.extract.metadata import UNKNOWN, document_unit, document_year, project_unit
from assistant.extract.themes import theme_names
from assistant.model import Report

# 执行率 bins, in percent: (label, upper bound exclusive).
RATE_BINS = (("<60%", 60.0), ("60-80%", 80.0), ("80-90%", 90.0), ("90-95%", 95.0),
             ("95-100%", 100.0), ("100%", 100.0001), (">100%", float("inf")))


@dataclass
class Stats:
    """Counts over many reports."""

    documents: int = 0
    projects: int = 0
    themes: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # theme → kind → n
    categories: Counter = field(default_factory=Counter)     # indicator category → n
    forms: Counter = field(default_factory=Counter)          # form → projects
    years: Counter = field(default_factory=Counter)          # year → documents
    units: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))   # unit → what → n
    rates: Counter = field(default_factory=Counter)          # 执行率 bin → projects

    def add(self, report: Report, text: str = "") -> None:
        """Count one report; `text` is the document's text when known."""
        self.documents += 1
        self.projects += len(report.projects)
        self.years[document_year(report.doc, text)] += 1
        doc_unit = document_unit(text) or report.doc
        self.units[doc_unit]["documents"] += 1
        for p in report.projects:
            self.forms[p.form or UNKNOWN] += 1
            unit = project_unit(text, p.start, p.end) or doc_unit
            self.units[unit]["projects"] += 1
            self.categories.update(i.category or UNKNOWN for i in p.indicators)
            rate = execution_rate(p.budget)
            if rate is not None:
                self.rates[rate_bin(rate)] += 1
        for s in report.statements:
            for theme in s.themes or [UNKNOWN]:
                self.themes[theme][s.kind] += 1
            self.units[doc_unit]["statements"] += 1

    def theme_totals(self) -> Counter:
        return Counter({theme: sum(kinds.values()) for theme, kinds in self.themes.items()})


def stats_from_jsonl(path: str | Path, *, read_sources: bool = True) -> Stats:
    """Count the reports of a `jixiao extract` JSON Lines output."""
    stats = Stats()
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                report = Report.from_dict(json.loads(line))
            except (ValueError, TypeError, AttributeError) as exc:
                raise ValueError(f"{path}: line {number} is not a report ({exc})") from None
            stats.add(report, _source_text(report) if read_sources else "")
    return stats


def stats_from_store(path: str | Path) -> Stats:
    """Count the current reports of a review store, as reviewed."""
    from assistant.store import Store

    stats = Stats()
    with Store(path, create=False) as store:
        ids = {d.sha256: d.id for d in store.documents()}
        for report in store.reports(reviewed=True):
            doc_id = ids.get(report.sha256)
            stats.add(report, store.document_text(doc_id) if doc_id is not None else "")
    return stats


def execution_rate(budget) -> float | None:
    """执行率 in percent: as printed, else 执行数 / 全年预算数 (as the checks take it)."""
    return checks_execution_rate(budget)[0]


def rate_bin(rate: float) -> str:
    for label, upper in RATE_BINS:
        if rate < upper:
            return label
    return RATE_BINS[-1][0]


def plot_stats(stats: Stats, png: str | Path) -> bool:
    """Bar charts of theme counts and of 执行率 bins; True when labels could be Chinese.

    Chinese labels need a CJK font: the Noto Sans CJK the package depends on
    (noto-cjk-sans-otc), else one the system has; without any the labels stay codes and
    English, which every font prints.
    """
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    font = cjk_font()
    if font:
        plt.rcParams["font.sans-serif"] = [font, *plt.rcParams["font.sans-serif"]]
        plt.rcParams["axes.unicode_minus"] = False
    names = theme_names() if font else {}
    themes = ranked(stats.theme_totals())
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, max(4.0, 0.35 * len(themes) + 1.5)))
    labels = [names.get(code, code) for code, _ in themes]
    left.barh(labels[::-1], [n for _, n in themes][::-1], color="#4c72b0")
    left.set_title("问题归类 (statements per theme)" if font else "Statements per theme")
    left.set_xlabel("statements")
    left.xaxis.set_major_locator(MaxNLocator(integer=True))     # counts, not fractions
    bins = [label for label, _ in RATE_BINS]
    right.bar(bins, [stats.rates.get(b, 0) for b in bins], color="#55a868")
    right.set_title("预算执行率 (projects per bin)" if font else "Budget execution rate (projects per bin)")
    right.set_ylabel("projects")
    right.yaxis.set_major_locator(MaxNLocator(integer=True))
    right.tick_params(axis="x", rotation=30)
    fig.tight_layout()
    fig.savefig(png, dpi=120)
    plt.close(fig)
    return bool(font)


def cjk_font() -> str:
    """The name of a font that prints Chinese, or '': the bundled Noto Sans CJK SC
    (noto-cjk-sans-otc, registered with matplotlib here), else an installed one."""
    from matplotlib import font_manager

    try:
        from noto_cjk_sans_otc import FONT_PATH

        if not any(e.fname == str(FONT_PATH) for e in font_manager.fontManager.ttflist):
            font_manager.fontManager.addfont(str(FONT_PATH))
    except (ImportError, OSError, RuntimeError):
        pass                    # the package is missing or its file unreadable: the system's fonts
    names = [entry.name for entry in font_manager.fontManager.ttflist]
    if "Noto Sans CJK SC" in names:
        return "Noto Sans CJK SC"
    wanted = ("Noto Sans CJK", "Noto Serif CJK", "Source Han", "WenQuanYi", "SimHei", "Microsoft YaHei",
              "PingFang", "Heiti", "AR PL", "Droid Sans Fallback", "Sarasa")
    return next((name for name in names if name.startswith(wanted)), "")


def _source_text(report: Report) -> str:
    """The text of a report's source file, when it is still there (else '')."""
    from assistant.extract.read import ReadError, read_document

    if not report.path or not Path(report.path).is_file():
        return ""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            doc = read_document(report.path)
    except ReadError:
        return ""
    # A file changed since extraction: its offsets no longer point into it.
    return doc.text if not report.sha256 or doc.sha256 == report.sha256 else ""


def ranked(counts: Counter) -> list[tuple[Any, int]]:
    """Most first; equal counts in key order, the same on every run whatever order the
    documents came in (Counter.most_common keeps the order they were first counted)."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
