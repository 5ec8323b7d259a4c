"""The questions asked of a review store beyond one document: projects by 执行率, indicators
not met, items by theme, counts — what the conversational pane answers from.

`Store` inherits these; they read only items of current (not superseded) documents.
"""
from __future__ import annotations

import sqlite3
from typing import Any, Callable, Iterable

from assistant.store.rows import ProjectRow, ReviewItem, sql_marks

COMPARISONS = {"lt": "<", "le": "<=", "gt": ">", "ge": ">=", "eq": "="}


def item_filters(*, kinds: Iterable[str] | None = None, doc_id: int | None = None,
                 project: str | None = None, alias: str = "") -> tuple[list[str], list]:
    """WHERE clauses and their parameters that narrow review items to kinds, a document
    or a project (`alias` prefixes the columns, e.g. "i.")."""
    clauses: list[str] = []
    params: list = []
    if kinds is not None:
        kinds = tuple(kinds)
        clauses.append(f"{alias}kind IN ({sql_marks(kinds)})")
        params += kinds
    if doc_id is not None:
        clauses.append(f"{alias}doc_id = ?")
        params.append(doc_id)
    if project is not None:
        clauses.append(f"{alias}project = ?")
        params.append(project)
    return clauses, params


class StoreQueries:
    """Mixed into `Store`, which provides `_db` and `_select`."""

    _db: sqlite3.Connection
    _select: Callable[..., list[ReviewItem]]

    def project_names(self) -> list[str]:
        return [r["name"] for r in self._db.execute(
            "SELECT DISTINCT p.name FROM projects p JOIN documents d ON d.id = p.doc_id "
            "WHERE d.superseded_by IS NULL ORDER BY p.name")]

    def projects(self, *, rate: float | None = None, comparison: str = "lt",
                 doc_id: int | None = None, name: str | None = None) -> list[ProjectRow]:
        """Projects of current documents, optionally those whose 执行率 compares to `rate`."""
        where, args = ["d.superseded_by IS NULL"], list[Any]()
        if rate is not None:
            where.append(f"p.rate IS NOT NULL AND p.rate {COMPARISONS[comparison]} ?")
            args.append(rate)
        if doc_id is not None:
            where.append("p.doc_id = ?")
            args.append(doc_id)
        if name is not None:
            where.append("p.name = ?")
            args.append(name)
        rows = self._db.execute(f"""
            SELECT p.*, d.name AS doc_name,
                   (SELECT i.id FROM items i WHERE i.doc_id = p.doc_id AND i.project = p.name
                    ORDER BY i.ordinal LIMIT 1) AS item_id
            FROM projects p JOIN documents d ON d.id = p.doc_id
            WHERE {' AND '.join(where)} ORDER BY p.rate, d.name, p.ordinal""", args).fetchall()
        return [ProjectRow(r["doc_id"], r["doc_name"], r["name"], r["form"], r["rate"], r["adjusted"],
                           r["executed"], r["item_id"], r["total_score"]) for r in rows]

    def items_of_kind(self, kinds: Iterable[str], *, doc_id: int | None = None,
                      project: str | None = None, status: str | None = None) -> list[ReviewItem]:
        """Items of the given kinds in document order: rejected ones left out, or only those
        with `status` (pending, accepted, edited, rejected) when it is given."""
        kinds = list(kinds)
        marks = ", ".join("?" * len(kinds))
        if status is not None:
            return self._select(f"kind IN ({marks}) AND status = ?", (*kinds, status),
                                doc_id=doc_id, project=project)
        return self._select(f"kind IN ({marks}) AND status != 'rejected'", tuple(kinds),
                            doc_id=doc_id, project=project)

    def indicators_not_met(self, *, doc_id: int | None = None, project: str | None = None) -> list[ReviewItem]:
        """Indicators short of their target (points deducted or a 未完成原因 given)."""
        return self._select("kind = 'indicator' AND met = 0 AND status != 'rejected'", (),
                            doc_id=doc_id, project=project)

    def items_by_theme(self, theme: str, *, kinds: Iterable[str] | None = None, doc_id: int | None = None,
                       project: str | None = None) -> list[ReviewItem]:
        """Items (rejected ones left out) tagged with a theme code, or indicators of a category."""
        return self._select("status != 'rejected' AND (category = ? OR EXISTS "
                            "(SELECT 1 FROM json_each(themes) WHERE value = ?))", (theme, theme),
                            kinds=kinds, doc_id=doc_id, project=project)

    def counts_by_theme(self, *, kinds: Iterable[str] = ("problem",), doc_id: int | None = None) -> dict[str, int]:
        """How many items (rejected left out) carry each theme, most frequent first."""
        filters, args = item_filters(kinds=kinds, doc_id=doc_id, alias="i.")
        where = " AND ".join(["i.current", "i.status != 'rejected'", *filters])
        rows = self._db.execute(f"SELECT t.value AS theme, COUNT(*) AS n FROM review_items i, "
                                f"json_each(i.themes) t WHERE {where} GROUP BY t.value "
                                "ORDER BY n DESC, theme", args)
        return {r["theme"]: r["n"] for r in rows}

    def counts_by_kind(self, *, doc_id: int | None = None) -> dict[str, int]:
        filters, args = item_filters(doc_id=doc_id)
        where = " AND ".join(["current", "status != 'rejected'", *filters])
        rows = self._db.execute(f"SELECT kind, COUNT(*) AS n FROM review_items WHERE {where} "
                                "GROUP BY kind", args)
        return {r["kind"]: r["n"] for r in rows}
