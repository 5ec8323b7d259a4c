"""What a batch found, counted: themes, indicator categories, forms, years, units, 执行率.

    stats = stats_from_jsonl("out.jsonl")          # or stats_from_store("store.sqlite")
    stats.themes["BUDGET_EXECUTION"]["problem"]    # → 12
    plot_stats(stats, "stats.png")

JSON Lines are read a line at a time, so memory stays flat however long the file; a
store's reports come as the analysts left them (rejected items dropped, edits applied).
Year and unit come from the document's text — the store keeps it; for JSON Lines the source
files are read again when they still exist (`read_sources`) — else from its name:
year from 「2023年度」, unit from 实施单位 (per project), 单位名称 or 单位(盖章) (per document).
"""
from __future__ import annotations

import json
import re
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from assistant.extract.checks import execution_rate as checks_execution_rate
from assistant.model import Report

UNKNOWN = "(unknown)"
# 执行率 bins, in percent: (label, upper bound exclusive).
RATE_BINS = (("<60%", 60.0), ("60-80%", 80.0), ("80-90%", 90.0), ("90-95%", 95.0),
             ("95-100%", 100.0), ("100%", 100.0001), (">100%", float("inf")))
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度")
_YEAR_LOOSE = re.compile(r"((?:19|20)\d{2})\s*年")
_VALUE = r"[ \t\u3000]*[:：]?[ \t\u3000]*([\u4e00-\u9fff][^\s:：,，。;；]{1,39})"
_PROJECT_UNIT = re.compile(r"实施单位" + _VALUE)
_DOC_UNIT = re.compile(r"(?:单位名称|预算单位名称|单位\s*[(（]\s*盖章\s*[)）])" + _VALUE)
# A department report names itself at the start of a line near the top: 「泸州市住房公积金管理中心贯彻…」.
_ORG = re.compile(r"^(?:[一二三四五六七八九十]+、)?([\u4e00-\u9fff]{2,20}?[省市县区州旗]"
                  r"[\u4e00-\u9fff]{1,20}?(?:管理中心|委员会|中心|局|厅|办公室|院|所|站|队|馆))", re.M)
_HEAD = 3000            # the year of a report is printed near its top


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


def document_year(name: str, text: str = "") -> str:
    """The year a report covers: 「2023年度」 in its name or near the top of its text."""
    for pattern in (_YEAR, _YEAR_LOOSE):
        for where in (name, text[:_HEAD]):
            found = pattern.search(where)
            if found:
                return found.group(1)
    return UNKNOWN


def document_unit(text: str) -> str:
    """The unit a report is about: 单位名称 / 单位(盖章), else its first 实施单位, else an
    organisation named at the start of a line near the top; '' if none."""
    found = _DOC_UNIT.search(text) or _PROJECT_UNIT.search(text) or _ORG.search(text, 0, _HEAD)
    return found.group(1) if found else ""


def project_unit(text: str, start: int, end: int) -> str:
    """The 实施单位 printed in a project's form; '' if none."""
    found = _PROJECT_UNIT.search(text, start, end) if text and end > start else None
    return found.group(1) if found else ""


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
    themes = stats.theme_totals().most_common()
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


def theme_names() -> dict[str, str]:
    """Theme code → its Chinese name (lexicons/themes.yaml)."""
    from assistant.lexicon import builtin

    themes = (builtin("themes.yaml") or {}).get("themes") or {}
    return {code: (entry or {}).get("name", code) for code, entry in themes.items()}


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
