"""历史语料: what earlier reports said, for 未完成原因 candidates and 改进措施 precedents.

A `Corpus` is built from extracted reports (a JSONL of extractor output, one Report per
line, or Report objects).  It keeps three indexes, each entry citing its document, project
and offsets:

* reasons of indicator rows, keyed by the indicator's name (「贷后管理费」 → 部分项目支付进度缓慢);
* reasons of budget execution, keyed by the project's name;
* problem → measure pairs: each measure statement paired with the last problem statement of
  the same project before it in the same document.

Similarity is rapidfuzz `token_set_ratio` on jieba-segmented words; cut-offs live in
lexicons/drafting.yaml (`similarity`).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from rapidfuzz import fuzz, process

from assistant.draft.sentences import drafting, words
from assistant.messages import say
from assistant.model import Report


@dataclass(frozen=True)
class Entry:
    """One historical sentence and what it answers (`key`: indicator, project or problem)."""

    key: str
    text: str
    doc: str
    project: str
    start: int | None = None
    end: int | None = None
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    entry: Entry
    score: float
    via: Entry | None = None        # for a precedent: the historical problem it answered


@dataclass
class Corpus:
    """Indexes over earlier reports; build with `Corpus.from_reports` or `load_corpus`."""

    indicator_reasons: list[Entry] = field(default_factory=list)
    budget_reasons: list[Entry] = field(default_factory=list)
    pairs: list[tuple[Entry, Entry]] = field(default_factory=list)   # (problem, measure)

    @classmethod
    def from_reports(cls, reports: Iterable[Report]) -> "Corpus":
        corpus = cls()
        for report in reports:
            corpus.add(report)
        return corpus

    @classmethod
    def from_jsonl(cls, path: str | Path) -> "Corpus":
        return cls.from_reports(read_jsonl(path))

    def add(self, report: Report) -> None:
        doc = report.doc or report.path
        for p in report.projects:
            for ind in p.indicators:
                if ind.name and is_reason(ind.reason):
                    self.indicator_reasons.append(Entry(ind.name, ind.reason, doc, p.name,
                                                        ind.reason_start, ind.reason_end))
            if p.budget and is_reason(p.budget.reason):
                self.budget_reasons.append(Entry(p.name, p.budget.reason, doc, p.name,
                                                 p.budget.reason_start, p.budget.reason_end))
        for s in report.statements:
            if s.kind == "reason" and "BUDGET_EXECUTION" in s.themes and is_reason(s.text):
                self.budget_reasons.append(Entry(s.project or doc, s.text, doc, s.project,
                                                 s.start, s.end, tuple(s.themes)))
        last_problem: dict[str, Entry] = {}
        for s in sorted(report.statements, key=lambda s: s.start):
            entry = Entry(s.text, s.text, doc, s.project, s.start, s.end, tuple(s.themes))
            if s.kind == "problem":
                last_problem[s.project] = entry
            elif s.kind == "measure" and s.project in last_problem:
                self.pairs.append((last_problem[s.project], entry))

    def similar_reasons(self, indicator: str, *, exclude_doc: str = "", k: int | None = None) -> list[Match]:
        """Reasons earlier reports gave for indicators like `indicator`, best first."""
        return _best(indicator, self.indicator_reasons, exclude_doc, k)

    def budget_reasons_for(self, project: str, *, exclude_doc: str = "", k: int | None = None) -> list[Match]:
        """Reasons earlier reports gave for under-executed budgets of projects like `project`."""
        return _best(project, self.budget_reasons, exclude_doc, k)

    def precedents(self, problem: str, project: str = "", *, exclude_doc: str = "",
                   k: int | None = None) -> list[Match]:
        """Measures earlier reports paired with the problems most like `problem`."""
        sim = drafting("similarity")
        k = k if k is not None else sim["precedents"]
        problems = [p for p, _ in self.pairs]
        scored = _scores(problem, problems, sim["problem_cutoff"])
        # same score: a pair from the same project first, then document order
        scored.sort(key=lambda t: (-t[1], problems[t[0]].project != project, t[0]))
        out, seen = [], set()
        for i, score in scored:
            prob, measure = self.pairs[i]
            if measure.doc == exclude_doc or measure.text in seen:
                continue
            seen.add(measure.text)
            out.append(Match(measure, score, prob))
            if len(out) >= k:
                break
        return out

    def __len__(self) -> int:
        return len(self.indicator_reasons) + len(self.budget_reasons) + len(self.pairs)


STORE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def load_corpus(source) -> Corpus | None:
    """None, a Corpus, an open review store (anything with `.reports()`), a JSONL path, or
    Reports → Corpus.  A store's file is opened by `assistant.store.open_corpus(path)`:
    drafting never opens the store itself.

    From a store the reports come as the analysts left them (rejected items dropped, edits
    applied).  None stays None.
    """
    if source is None or isinstance(source, Corpus):
        return source
    if isinstance(source, str | Path):
        path = Path(source)
        if path.suffix.lower() in STORE_SUFFIXES:
            raise ValueError(say(f"{path}：这是审核库；请用 assistant.store.open_corpus(path) 打开",
                                 f"{path}: a review store; open it with assistant.store.open_corpus(path)"))
        return Corpus.from_jsonl(path)
    if callable(getattr(source, "reports", None)):
        return Corpus.from_reports(source.reports())
    return Corpus.from_reports(source)


def is_reason(text: str | None) -> bool:
    """Whether a historical reason says something beyond a figure (「预算执行率100%。」 does not)."""
    lex = drafting("historical_reason")
    rest = re.sub(r"[\d.%‰\s\W_]+", "", text or "")
    for word in sorted(lex["filler"], key=len, reverse=True):
        rest = rest.replace(word, "")
    return len(rest) >= lex["min_chars"]


def read_jsonl(path: str | Path) -> list[Report]:
    """Reports of an extractor JSONL (one Report dict per line; blank lines skipped)."""
    reports = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    reports.append(Report.from_dict(json.loads(line)))
                except json.JSONDecodeError as exc:
                    raise ValueError(say(f"{path}：第 {n} 行不是 JSON（{exc.msg}）；请检查这一行",
                                         f"{path}: line {n}: not JSON ({exc.msg})")) from None
    return reports


def _best(query: str, entries: list[Entry], exclude_doc: str, k: int | None) -> list[Match]:
    sim = drafting("similarity")
    k = k if k is not None else sim["candidates"]
    scored = _scores(query, entries, sim["reason_cutoff"])
    scored.sort(key=lambda t: (-t[1], t[0]))
    out, seen = [], set()
    for i, score in scored:
        e = entries[i]
        if e.doc == exclude_doc or e.text in seen:
            continue
        seen.add(e.text)
        out.append(Match(e, score))
        if len(out) >= k:
            break
    return out


def _scores(query: str, entries: list[Entry], cutoff: float) -> list[tuple[int, float]]:
    if not entries or not query:
        return []
    choices = [words(e.key) for e in entries]
    found = process.extract(words(query), choices, scorer=fuzz.token_set_ratio,
                            score_cutoff=cutoff, limit=None)
    return [(i, score) for _, score, i in found]
