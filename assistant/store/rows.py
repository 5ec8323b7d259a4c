"""What the review store hands out, and how a Report becomes review items.

Review items are the statements (problem, reason, measure), the indicators and the findings
of one document, in reading order.  Each has a `key`: a content hash of (kind, project,
text) and its occurrence number among equal items, the same key whatever run extracted it.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache, partial
from operator import itemgetter
from typing import Any, Iterable, Iterator

from assistant.extract.checks import assess_indicator
from assistant.lexicon import builtin, derived
from assistant.model import ITEM_KINDS, KINDS, ItemKind, Report, ReviewStatus

PENDING: ReviewStatus = "pending"
STATUSES: tuple[ReviewStatus, ...] = ("accepted", "rejected", "edited")     # the decisions
# A 未完成原因 cell with only these words says nothing went wrong (TAXONOMY.md §2).


@dataclass(frozen=True)
class ReviewItem:
    """One extracted item with the decision in force (text, kind, themes as edited)."""

    id: int
    doc_id: int
    doc_name: str
    key: str
    kind: ItemKind
    text: str
    project: str
    themes: tuple[str, ...]
    category: str | None
    start: int | None
    end: int | None
    status: ReviewStatus
    who: str | None
    at: str | None
    met: bool | None
    detail: dict[str, Any] = field(default_factory=dict, compare=False)
    original_kind: str = ""
    original_text: str = ""
    original_themes: tuple[str, ...] = ()
    original_category: str | None = None
    original_detail: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def reviewed(self) -> bool:
        return self.status != PENDING

    @property
    def summary(self) -> str:
        """One line for tables and answers: an indicator shows its target and actual."""
        if self.kind == "indicator":
            target, actual = self.detail.get("target") or "", self.detail.get("actual") or ""
            return f"{self.text} {target} → {actual}".strip()
        return self.text


@dataclass(frozen=True)
class DocumentSummary:
    """A document with its projects, item counts by kind and review progress."""

    id: int
    name: str
    path: str
    sha256: str
    added_at: str
    projects: tuple[str, ...]
    counts: dict[str, int]
    total: int
    reviewed: int
    accepted: int
    rejected: int
    edited: int

    @property
    def progress(self) -> float:
        return self.reviewed / self.total if self.total else 1.0


@dataclass(frozen=True)
class Decision:
    """One entry of an item's history."""

    id: int
    item_id: int
    status: ReviewStatus
    kind: ItemKind
    text: str
    themes: tuple[str, ...]
    category: str | None
    who: str
    at: str
    undone_at: str | None


@dataclass(frozen=True)
class Draft:
    """A saved draft (改进措施 …) for an item, with where each sentence came from."""

    id: int
    item_id: int
    text: str
    provenance: list[Any]
    who: str
    at: str


@dataclass(frozen=True)
class ProjectRow:
    """A project with its budget execution, and the item an answer about it jumps to."""

    doc_id: int
    doc_name: str
    name: str
    form: str
    rate: float | None
    adjusted: float | None
    executed: float | None
    item_id: int | None
    total_score: float | None = None      # 自评得分 as printed


def report_items(report: Report, findings: Iterable[Any] = ()) -> list[dict[str, Any]]:
    """The review items of a report, in reading order: dicts of `items` columns, plus
    `origin` saying which statement, indicator or finding each came from."""
    rows: list[dict[str, Any]] = []
    for n, s in enumerate(report.statements):
        rows.append(_row(s.kind, s.project, s.text, s.themes, None, s.start, s.end, None,
                         {"source": s.source, "cue": s.cue}, origin=("statement", n)))
    for p_n, project in enumerate(report.projects):
        for i_n, ind in enumerate(project.indicators):
            detail = {k: getattr(ind, k) for k in ("level1", "level2", "target", "actual",
                                                    "weight", "score", "reason")}
            rows.append(_row("indicator", project.name, ind.name, [], ind.category,
                             ind.start, ind.end, indicator_met(ind), detail,
                             key_text=f"{ind.level2}|{ind.name}|{ind.target}",
                             origin=("indicator", p_n, i_n)))
    for n, f in enumerate(findings):
        get = f.get if isinstance(f, dict) else partial(_attribute, f)
        text = get("text") or get("message") or ""
        rows.append(_row("finding", get("project") or "", text, list(get("themes") or []), None,
                         get("start"), get("end"), None,
                         {"code": get("code") or get("kind") or "", "id": get("id") or "",
                          "indicator": get("indicator") or "", "figures": get("figures") or {}},
                         origin=("finding", n)))
    rows.sort(key=lambda r: (r["span_start"] is None, r["span_start"] or 0, ITEM_KINDS.index(r["kind"])
                             if r["kind"] in ITEM_KINDS else 9))
    seen: dict[str, int] = {}
    for ordinal, row in enumerate(rows):
        base = row.pop("base_key")
        seen[base] = seen.get(base, 0) + 1
        row["key"] = f"{base}:{seen[base]}"
        row["ordinal"] = ordinal
    return rows


def apply_decisions(report: Report, by_key: dict[str, ReviewItem]) -> None:
    """Drop what analysts rejected and apply their edits, in place."""
    decided = {r["origin"]: by_key.get(r["key"]) for r in report_items(report)}
    statements = []
    for n, s in enumerate(report.statements):
        item = decided.get(("statement", n))
        if item is not None and item.status == "rejected":
            continue
        if item is not None and item.status != PENDING:
            s.text, s.themes = item.text, list(item.themes)
            s.kind = item.kind if item.kind in KINDS else s.kind
        statements.append(s)
    report.statements = statements
    for p_n, project in enumerate(report.projects):
        indicators = []
        for i_n, ind in enumerate(project.indicators):
            item = decided.get(("indicator", p_n, i_n))
            if item is not None and item.status == "rejected":
                continue
            if item is not None and item.status != PENDING:
                ind.name, ind.category = item.text, item.category
            indicators.append(ind)
        project.indicators = indicators


def indicator_met(ind: Any) -> bool | None:
    """Not met when points were deducted, a 未完成原因 is given, or the actual falls short of
    the target (assistant.extract.checks compares them); met when none of these holds and
    the row kept its points or its actual meets the target; None when nothing tells."""
    if ind.score is not None and ind.weight is not None and ind.score < ind.weight:
        return False
    if (ind.reason or "").strip().rstrip("。") not in _empty_reasons():
        return False
    assessed = assess_indicator(ind).status
    if assessed == "missed":
        return False
    if assessed == "met" or (ind.score is not None and ind.weight is not None):
        return True
    return None


def item_key(kind: str, project: str, text: str) -> str:
    """Content hash of an item, white space collapsed (occurrence number not included)."""
    norm = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(f"{kind}\x1f{project}\x1f{norm}".encode("utf-8")).hexdigest()[:24]


def item_from_row(row: sqlite3.Row) -> ReviewItem:
    return _item(_BY_NAME(row))


def items_from_cursor(cursor: sqlite3.Cursor) -> list[ReviewItem]:
    """Every row of a `review_items` query, read by position (a document may hold 60,000
    items: looking each column up by name cost more than the query)."""
    return list(iter_items(cursor))


def iter_items(cursor: sqlite3.Cursor) -> Iterator[ReviewItem]:
    """The rows of a `review_items` query one at a time (an export of 480,000 items holds
    none of them longer than it takes to write it)."""
    cursor.row_factory = None
    at = {d[0]: n for n, d in enumerate(cursor.description)}
    fields = itemgetter(*(at[k] for k in _ITEM_COLUMNS))
    return (_item(fields(r)) for r in cursor)


# the view's columns in ReviewItem's field order (span_start → start, span_end → end)
_ITEM_COLUMNS = ("id", "doc_id", "doc_name", "key", "kind", "text", "project", "themes", "category",
                 "span_start", "span_end", "status", "who", "at", "met", "detail", "original_kind",
                 "original_text", "original_themes", "original_category", "original_detail")
_BY_NAME = itemgetter(*_ITEM_COLUMNS)


def _item(values: tuple) -> ReviewItem:
    v = list(values)
    v[7], v[18] = _themes(v[7]), _themes(v[18])
    v[14] = None if v[14] is None else bool(v[14])
    v[15], v[20] = _mapping(v[15]), _mapping(v[20])
    return ReviewItem(*v)


# A document's items are read at once (60,000 of them in the largest): the few theme lists
# there are, and the details most of them share ({"source": "cell", …}), are decoded once each.
@lru_cache(maxsize=4096)
def _themes(raw: str) -> tuple[str, ...]:
    return tuple(json.loads(raw))


def _mapping(raw: str) -> dict[str, Any]:
    return dict(_decoded(raw))              # a copy of its own for each item


@lru_cache(maxsize=4096)
def _decoded(raw: str) -> dict[str, Any]:
    return json.loads(raw)


def decision_from_row(row: sqlite3.Row) -> Decision:
    return Decision(row["id"], row["item_id"], row["status"], row["kind"], row["text"],
                    _themes(row["themes"]), row["category"], row["who"], row["at"],
                    row["undone_at"])


@derived(maxsize=1)
def _empty_reasons() -> frozenset[str]:
    """Reason cells that say nothing (lexicons/tables.yaml, as the table reader blanks them),
    for reports that reached the store from elsewhere (JSON Lines)."""
    return frozenset(builtin("tables.yaml")["reason_empty"]) | {""}


def sql_marks(values: tuple) -> str:
    """'?, ?, ?' for an IN (...) of len(values) parameters."""
    return ", ".join("?" * len(values))


def provenance_json(provenance: Any) -> str:
    """Provenance as JSON, whatever shape the drafter gave it (dataclasses, dicts, strings)."""
    return json.dumps(_plain(provenance), ensure_ascii=False)


def _plain(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(getattr(value, k)) for k in value.__dataclass_fields__}
    if hasattr(value, "__dict__"):
        return {k: _plain(v) for k, v in vars(value).items() if not k.startswith("_")}
    return str(value)


def _row(kind: str, project: str, text: str, themes: list[str], category: str | None,
         start: int | None, end: int | None, met: bool | None, detail: dict[str, Any],
         *, key_text: str | None = None, origin: tuple = ()) -> dict[str, Any]:
    return {
        "origin": origin,
        "base_key": item_key(kind, project, key_text if key_text is not None else text),
        "kind": kind, "project": project or "", "text": text,
        "themes": json.dumps(list(themes), ensure_ascii=False), "category": category,
        "span_start": start, "span_end": end, "met": None if met is None else int(met),
        "detail": json.dumps(detail, ensure_ascii=False, default=str),
    }


def _attribute(obj: Any, name: str, default: Any = None) -> Any:
    """`getattr` with the argument order of `dict.get`, for findings given as objects."""
    return getattr(obj, name, default)
