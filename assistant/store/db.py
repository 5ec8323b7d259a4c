"""The Store class: one SQLite file of reports, items and decisions (see `assistant.store`)."""
from __future__ import annotations

import getpass
import hashlib
import json
import os
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator

from assistant.extract.checks import find_issues
from assistant.messages import say
from assistant.model import Report
from assistant.store.export import FORMATS, export_record, write_records
from assistant.store.rows import (ITEM_KINDS, PENDING, STATUSES, Decision, DocumentSummary, Draft,
                                  ReviewItem, apply_decisions, decision_from_row, item_from_row,
                                  items_from_cursor, iter_items,
                                  provenance_json, report_items, sql_marks)
from assistant.store.queries import StoreQueries, item_filters
from assistant.store.schema import MIGRATIONS, SchemaError, migrate

# What `export(status=...)` selects; an edit is an acceptance with corrections.
EXPORT_STATUSES = {
    "accepted": ("accepted", "edited"), "edited": ("edited",), "rejected": ("rejected",),
    "reviewed": STATUSES, "pending": (PENDING,), "all": STATUSES + (PENDING,),
}


class Store(StoreQueries):
    """A review store at `path` (created and migrated on open). Use as a context manager."""

    def __init__(self, path: str | Path, *, who: str | None = None, create: bool = True):
        """`create=False` (read-only commands: export, stats) refuses a path that holds no
        store yet instead of creating one. A file that is not our store — another program's
        SQLite database, or a store of a newer version — is refused before anything in it
        changes (no WAL switch, no table, no user_version)."""
        self.path = str(path)
        self.who = who or _os_user()
        if not create and not Path(self.path).is_file():
            raise SchemaError(say(f"{self.path}：这里没有审核库；请先用 jixiao extract … --db 或 jixiao review --db 建立",
                                  f"{self.path}: no review store there; create one with "
                                  "jixiao extract … --db or jixiao review --db"))
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self._db.row_factory = sqlite3.Row
        try:
            _refuse_foreign(self._db, self.path)
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self.schema_version = migrate(self._db)
        except sqlite3.DatabaseError as exc:       # not SQLite at all: name the file
            self._db.close()
            raise SchemaError(say(f"{self.path}：不是 jixiao 的审核库（{exc}）；请给出 jixiao extract --db 或 "
                                  "jixiao review --db 建立的库",
                                  f"{self.path}: not a jixiao review store ({exc}); "
                                  "give a store made by jixiao extract --db or jixiao review --db")) from None
        except BaseException:
            self._db.close()
            raise

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # -- documents -------------------------------------------------------------------

    def add_report(self, report: Report, text: str, findings: Iterable[Any] | None = None) -> int:
        """Store a report with its text and findings; return the document id.

        Findings default to the report's own (`Report.findings`), else to
        `assistant.extract.checks.find_issues(report, text)` for a report read from older JSON.  The same
        content (sha256 of the text) is never stored twice.  A new version of a document
        from the same file supersedes the old one — the same file however it was named
        (relative, absolute, through a link); decisions carry over by key.
        """
        sha = report.sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
        source = _source_of(report.path or report.doc)
        existing = self._db.execute("SELECT id FROM documents WHERE sha256 = ?", (sha,)).fetchone()
        if existing:
            return existing["id"]
        if findings is None:
            findings = report.findings or find_issues(report, text)
        rows = report_items(report, findings)
        with self._tx():
            row = self._db.execute("SELECT id FROM documents WHERE sha256 = ?", (sha,)).fetchone()
            if row:
                return row["id"]
            data = report.to_dict()
            data["sha256"] = sha
            doc_id = self._db.execute(
                "INSERT INTO documents (source, name, sha256, text, report, added_at) VALUES (?,?,?,?,?,?)",
                (source, report.doc or Path(source).name, sha, text,
                 json.dumps(data, ensure_ascii=False), _now())).lastrowid or 0
            self._db.execute("UPDATE documents SET superseded_by = ? WHERE source = ? AND id != ? "
                             "AND superseded_by IS NULL", (doc_id, source, doc_id))
            for ordinal, p in enumerate(report.projects):
                b = p.budget
                rate = b.rate if b and b.rate is not None else _rate(b)
                self._db.execute(
                    "INSERT INTO projects (doc_id, ordinal, name, form, rate, adjusted, executed, "
                    "total_score, span_start, span_end) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (doc_id, ordinal, p.name, p.form, rate, b.adjusted if b else None,
                     b.executed if b else None, p.total_score, p.start, p.end))
            self._db.executemany(
                "INSERT INTO items (doc_id, key, ordinal, kind, project, text, themes, category, "
                "span_start, span_end, met, detail) VALUES (:doc_id, :key, :ordinal, :kind, :project, "
                ":text, :themes, :category, :span_start, :span_end, :met, :detail)",
                [{**r, "doc_id": doc_id} for r in rows])
        return doc_id

    def has_document(self, sha256: str) -> bool:
        return self._db.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone() is not None

    def hashes(self) -> set[str]:
        """The content hash of every stored document (what a batch can skip)."""
        return {r[0] for r in self._db.execute("SELECT sha256 FROM documents")}

    def documents(self, ids: Iterable[int] | None = None) -> list[DocumentSummary]:
        """Current documents (not superseded) with projects, counts and review progress;
        only those of `ids` when given (the review app refreshing the rows it changed)."""
        kinds = ", ".join(f"SUM(i.kind = '{k}') AS n_{k}" for k in ITEM_KINDS)
        only = items_only = ""
        args: tuple = ()
        if ids is not None:
            args = tuple(ids)
            only = f"AND d.id IN ({sql_marks(args)})" if args else "AND 0"
            items_only = f"WHERE i.doc_id IN ({sql_marks(args)})" if args else "WHERE 0"
        # the items are counted per document first, filtered there: a join of documents with
        # the review_items view would materialise the whole view for every page of the list
        rows = self._db.execute(f"""
            SELECT d.id, d.name, d.source, d.sha256, d.added_at, COALESCE(a.total, 0) AS total,
                   a.reviewed, a.accepted, a.rejected, a.edited, {", ".join(f"a.n_{k}" for k in ITEM_KINDS)}
            FROM documents d LEFT JOIN (
                SELECT i.doc_id, COUNT(*) AS total,
                       SUM(i.status != 'pending') AS reviewed, SUM(i.status = 'accepted') AS accepted,
                       SUM(i.status = 'rejected') AS rejected, SUM(i.status = 'edited') AS edited, {kinds}
                FROM review_items i {items_only} GROUP BY i.doc_id) a ON a.doc_id = d.id
            WHERE d.superseded_by IS NULL {only} ORDER BY d.name, d.id""", args + args).fetchall()
        projects: dict[int, list[str]] = {}
        where = f"WHERE doc_id IN ({sql_marks(args)})" if args else ""
        for r in self._db.execute(f"SELECT doc_id, name FROM projects {where} ORDER BY doc_id, ordinal", args):
            projects.setdefault(r["doc_id"], []).append(r["name"])
        return [DocumentSummary(
            id=r["id"], name=r["name"], path=r["source"], sha256=r["sha256"], added_at=r["added_at"],
            projects=tuple(projects.get(r["id"], ())),
            counts={k: r[f"n_{k}"] or 0 for k in ITEM_KINDS}, total=r["total"],
            reviewed=r["reviewed"] or 0, accepted=r["accepted"] or 0, rejected=r["rejected"] or 0,
            edited=r["edited"] or 0) for r in rows]

    def document_ids(self) -> list[int]:
        """The current documents' ids in the order `documents()` lists them (by name): the
        review app reads their summaries a page at a time."""
        return [r[0] for r in self._db.execute(
            "SELECT id FROM documents WHERE superseded_by IS NULL ORDER BY name, id")]

    def first_unfinished_document(self) -> int | None:
        """The first document (in list order) with an item still pending, or None."""
        row = self._db.execute(
            "SELECT d.id FROM documents d WHERE d.superseded_by IS NULL AND EXISTS ("
            "SELECT 1 FROM review_items i WHERE i.doc_id = d.id AND i.status = 'pending') "
            "ORDER BY d.name, d.id LIMIT 1").fetchone()
        return row[0] if row else None

    def review_totals(self) -> tuple[int, int]:
        """(items reviewed, items) over the current documents."""
        row = self._db.execute("SELECT COUNT(*), SUM(status != 'pending') FROM review_items WHERE current").fetchone()
        return row[1] or 0, row[0] or 0

    def document_count(self) -> int:
        """How many current documents the store holds."""
        return self._db.execute("SELECT COUNT(*) FROM documents WHERE superseded_by IS NULL").fetchone()[0]

    def document_text(self, doc_id: int) -> str:
        return self._one("SELECT text FROM documents WHERE id = ?", doc_id)["text"]

    def reports(self, *, reviewed: bool = True) -> list[Report]:
        """The current documents' Reports; with `reviewed`, as the analysts left them:
        rejected statements and indicators dropped, edits applied."""
        out = []
        for d in self._db.execute("SELECT id, report FROM documents WHERE superseded_by IS NULL ORDER BY id"):
            report = Report.from_dict(json.loads(d["report"]))
            if reviewed:
                apply_decisions(report, {i.key: i for i in self.items(d["id"])})
            out.append(report)
        return out

    # -- items and decisions -------------------------------------------------------------

    def items(self, doc_id: int) -> list[ReviewItem]:
        """A document's review items in reading order, each with the decision in force."""
        return items_from_cursor(self._db.cursor().execute(
            "SELECT * FROM review_items WHERE doc_id = ? ORDER BY ordinal", (doc_id,)))

    def item(self, item_id: int) -> ReviewItem:
        return item_from_row(self._one("SELECT * FROM review_items WHERE id = ?", item_id))

    def first_unreviewed(self, doc_id: int) -> int | None:
        row = self._db.execute("SELECT id FROM review_items WHERE doc_id = ? AND status = 'pending' "
                               "ORDER BY ordinal LIMIT 1", (doc_id,)).fetchone()
        return row["id"] if row else None

    def decide(self, item_id: int, status: str, *, text: str | None = None, kind: str | None = None,
               themes: Iterable[str] | None = None, category: str | None = None,
               detail: dict[str, Any] | None = None, who: str | None = None) -> ReviewItem:
        """Record a decision (accepted / rejected / edited) in its own transaction.

        Fields left None keep their current value; `detail` corrects an indicator's values
        (target, actual, weight, score: the keys given replace the current ones).  An
        acceptance that changes any field is recorded as `edited`.  Returns the item as it
        now stands.
        """
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        if kind is not None and kind not in ITEM_KINDS:
            raise ValueError(f"kind must be one of {', '.join(ITEM_KINDS)}, not {kind!r}")
        with self._tx():
            cur = self.item(item_id)
            new: dict[str, Any] = {
                "kind": kind if kind is not None else cur.kind,
                "text": text if text is not None else cur.text,
                "themes": json.dumps(list(themes) if themes is not None else list(cur.themes),
                                     ensure_ascii=False),
                "category": category if category is not None else cur.category,
            }
            values = {**cur.detail, **(detail or {})}
            new["detail"] = json.dumps(values, ensure_ascii=False, default=str) \
                if values != cur.original_detail else None
            changed = (new["kind"] != cur.original_kind or new["text"] != cur.original_text
                       or json.loads(new["themes"]) != list(cur.original_themes)
                       or new["category"] != cur.original_category or new["detail"] is not None)
            if status == "accepted" and changed:
                status = "edited"
            source = self._source(cur.doc_id)
            row = {**new, "source": source, "key": cur.key, "item_id": item_id, "status": status,
                   "who": who or self.who, "at": _now()}
            row["history_id"] = self._db.execute(
                "INSERT INTO history (source, key, item_id, status, kind, text, themes, category, detail, who, at) "
                "VALUES (:source, :key, :item_id, :status, :kind, :text, :themes, :category, :detail, :who, :at)",
                row).lastrowid
            self._put_review(row)
        return self.item(item_id)

    def undo(self, item_id: int | None = None, *, doc_id: int | None = None) -> ReviewItem | None:
        """Undo the last decision (on `item_id`, else the last one made in document `doc_id`,
        else the last one made anywhere), in one transaction.

        Returns the item with the decision before it restored, or None if nothing to undo.
        """
        with self._tx():
            if item_id is None:
                last = self._last_in_force(doc_id)
            else:
                cur = self.item(item_id)
                last = self._db.execute(
                    "SELECT * FROM history WHERE source = ? AND key = ? AND undone_at IS NULL "
                    "ORDER BY id DESC LIMIT 1", (self._source(cur.doc_id), cur.key)).fetchone()
            if last is None:
                return None
            self._db.execute("UPDATE history SET undone_at = ? WHERE id = ?", (_now(), last["id"]))
            before = self._db.execute(
                "SELECT * FROM history WHERE source = ? AND key = ? AND undone_at IS NULL "
                "ORDER BY id DESC LIMIT 1", (last["source"], last["key"])).fetchone()
            if before is None:
                self._db.execute("DELETE FROM reviews WHERE source = ? AND key = ?",
                                 (last["source"], last["key"]))
            else:
                self._put_review({**dict(before), "history_id": before["id"]})
            current = self._db.execute(
                "SELECT id FROM review_items WHERE source = ? AND key = ? AND current "
                "ORDER BY id DESC LIMIT 1", (last["source"], last["key"])).fetchone()
        return self.item(current["id"] if current else last["item_id"])

    def history(self, item_id: int) -> list[Decision]:
        """Every decision on the item (across versions of its document), oldest first."""
        cur = self.item(item_id)
        return [decision_from_row(r) for r in self._db.execute(
            "SELECT * FROM history WHERE source = ? AND key = ? ORDER BY id",
            (self._source(cur.doc_id), cur.key))]

    def _last_in_force(self, doc_id: int | None) -> sqlite3.Row | None:
        where, args = ("", ()) if doc_id is None else (
            "AND source = (SELECT source FROM documents WHERE id = ?)", (doc_id,))
        return self._db.execute(f"SELECT * FROM history WHERE undone_at IS NULL {where} "
                                "ORDER BY id DESC LIMIT 1", args).fetchone()

    def recent_decisions(self, limit: int = 5, doc_id: int | None = None) -> list[Decision]:
        """The latest decisions still in force or undone, newest first."""
        where, args = ("", ()) if doc_id is None else (
            "WHERE source = (SELECT source FROM documents WHERE id = ?)", (doc_id,))
        return [decision_from_row(r) for r in self._db.execute(
            f"SELECT * FROM history {where} ORDER BY id DESC LIMIT ?", (*args, limit))]

    # -- drafts ----------------------------------------------------------------------------

    def save_draft(self, item_id: int, text: str, provenance: Any = ()) -> int:
        """Save a draft for an item (each save kept); return the draft id."""
        with self._tx():
            cur = self.item(item_id)
            return self._db.execute(
                "INSERT INTO drafts (source, key, item_id, text, provenance, who, at) VALUES (?,?,?,?,?,?,?)",
                (self._source(cur.doc_id), cur.key, item_id, text, provenance_json(provenance),
                 self.who, _now())).lastrowid or 0

    def drafts(self, item_id: int) -> list[Draft]:
        """The item's saved drafts, newest first."""
        cur = self.item(item_id)
        return [Draft(r["id"], r["item_id"], r["text"], json.loads(r["provenance"]), r["who"], r["at"])
                for r in self._db.execute("SELECT * FROM drafts WHERE source = ? AND key = ? ORDER BY id DESC",
                                          (self._source(cur.doc_id), cur.key))]

    # -- export ------------------------------------------------------------------------------

    def export(self, status: str = "accepted", fmt: str = "jsonl", path: str | Path | None = None,
               *, kinds: Iterable[str] | None = None) -> int:
        """Write current items with `status` (see EXPORT_STATUSES) to `path`; return the count."""
        if path is None:
            raise ValueError("export needs a path")
        if fmt not in FORMATS:
            raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
        if fmt == "spacy":
            return self._export_docbin(status, Path(path), kinds=kinds)
        return write_records(self.export_records(status, kinds=kinds), fmt, path)

    def _export_docbin(self, status: str, path: Path, *, kinds: Iterable[str] | None = None) -> int:
        """Reviewed items as a spaCy DocBin: one Doc per document over its stored text, the
        items as doc.spans by kind (as decided), their decisions in doc.user_data."""
        from assistant.language import reviewed_docbin

        if status not in EXPORT_STATUSES:
            raise ValueError(f"status must be one of {', '.join(EXPORT_STATUSES)}, not {status!r}")
        items = self._select(f"status IN ({sql_marks(EXPORT_STATUSES[status])})",
                             EXPORT_STATUSES[status], kinds=kinds)
        by_doc: dict[int, list] = {}
        for item in items:
            by_doc.setdefault(item.doc_id, []).append(item)
        docs = []
        for doc_id, its in by_doc.items():
            row = self._db.execute("SELECT name, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is not None:
                docs.append((row["name"], row["text"], its))
        data, count = reviewed_docbin(docs)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        return count

    def export_records(self, status: str = "accepted", *, kinds: Iterable[str] | None = None) -> Iterator[dict]:
        """The current items with `status` as exported records, one at a time in document
        order (an export of 480,000 items never holds them all)."""
        if status not in EXPORT_STATUSES:
            raise ValueError(f"status must be one of {', '.join(EXPORT_STATUSES)}, not {status!r}")
        cursor = self._item_cursor(f"status IN ({sql_marks(EXPORT_STATUSES[status])})",
                                   EXPORT_STATUSES[status], kinds=kinds)
        latest = {(r["source"], r["key"]): r["text"] for r in self._db.execute(
            "SELECT source, key, text FROM drafts ORDER BY id")}
        sources = {r["id"]: r["source"] for r in self._db.execute("SELECT id, source FROM documents")}
        return self._records(iter_items(cursor), latest, sources)

    def _records(self, items: Iterator[ReviewItem], latest: dict, sources: dict) -> Iterator[dict]:
        facts: dict[tuple[int, str | None], dict[str, Any]] = {}
        doc_id = None
        for i in items:
            if i.doc_id != doc_id:          # the items come document by document
                doc_id, facts = i.doc_id, self._export_facts({i.doc_id})
            yield export_record(i, latest.get((sources.get(i.doc_id), i.key)),
                                facts.get((i.doc_id, i.project)) or facts.get((i.doc_id, None)))

    def _export_facts(self, doc_ids: set[int]) -> dict[tuple[int, str | None], dict[str, Any]]:
        """单位 and 年度 per document, 预算数 / 执行数 / 执行率 per project, for exports."""
        from assistant.extract.metadata import UNKNOWN, document_unit, document_year

        out: dict[tuple[int, str | None], dict[str, Any]] = {}
        for doc_id in doc_ids:
            row = self._db.execute("SELECT name, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                continue
            year = document_year(row["name"], row["text"])
            base = {"unit": document_unit(row["text"]), "year": "" if year == UNKNOWN else year}
            out[(doc_id, None)] = base
            for p in self._db.execute("SELECT name, rate, adjusted, executed FROM projects WHERE doc_id = ?",
                                      (doc_id,)):
                out[(doc_id, p["name"])] = dict(base, rate=p["rate"], adjusted=p["adjusted"], executed=p["executed"])
        return out

    # -- helpers ---------------------------------------------------------------------------

    @contextmanager
    def _tx(self) -> Iterator[None]:
        """One write transaction; nested uses join the outer one."""
        if self._db.in_transaction:
            yield
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _one(self, sql: str, *args: Any) -> sqlite3.Row:
        row = self._db.execute(sql, args).fetchone()
        if row is None:
            raise KeyError(f"no row for {args!r}")
        return row

    def _source(self, doc_id: int) -> str:
        return self._one("SELECT source FROM documents WHERE id = ?", doc_id)["source"]

    def _put_review(self, row: dict[str, Any]) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO reviews (source, key, status, kind, text, themes, category, detail, who, at, "
            "history_id) VALUES (:source, :key, :status, :kind, :text, :themes, :category, :detail, :who, :at, "
            ":history_id)", {k: row.get(k) for k in ("source", "key", "status", "kind", "text", "themes",
                                                      "category", "detail", "who", "at", "history_id")})

    def _select(self, where: str, args: tuple, *, kinds: Iterable[str] | None = None,
                doc_id: int | None = None, project: str | None = None) -> list[ReviewItem]:
        return items_from_cursor(self._item_cursor(where, args, kinds=kinds, doc_id=doc_id, project=project))

    def _item_cursor(self, where: str, args: tuple, *, kinds: Iterable[str] | None = None,
                     doc_id: int | None = None, project: str | None = None) -> sqlite3.Cursor:
        """The current items matching `where` (and the filters), in document order."""
        filters, values = item_filters(kinds=kinds, doc_id=doc_id, project=project)
        clauses, params = ["current", f"({where})", *filters], [*args, *values]
        return self._db.cursor().execute(
            f"SELECT * FROM review_items WHERE {' AND '.join(clauses)} ORDER BY doc_name, doc_id, ordinal",
            params)


def open_corpus(path: str | Path):
    """Precedents for drafting (`assistant.draft.Corpus`) from a review store file (.sqlite),
    as the analysts left it, or from an extractor JSON Lines file; ValueError when missing."""
    from assistant.draft.corpus import STORE_SUFFIXES, Corpus, load_corpus

    path = Path(path)
    if path.suffix.lower() not in STORE_SUFFIXES:
        return load_corpus(path)
    if not path.is_file():
        raise ValueError(say(f"{path}：没有这个审核库文件；请检查路径，或先用 jixiao extract … --db 建立",
                             f"{path}: no such store"))
    with Store(path, create=False) as store:
        return Corpus.from_reports(store.reports())


def _source_of(path: str) -> str:
    """The file a report came from, as one string however it was named on the command line."""
    try:
        return os.path.realpath(path) if path and os.path.exists(path) else path
    except (OSError, ValueError):
        return path


def _refuse_foreign(db: sqlite3.Connection, path: str) -> None:
    """SchemaError when `db` holds tables but no store schema version, or a newer one."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise SchemaError(say(f"{path}：审核库的版本 {version} 比本工具认识的（{len(MIGRATIONS)}）新；请升级 jixiao-assistant",
                              f"{path}: store schema version {version} is newer than this tool knows "
                              f"({len(MIGRATIONS)}); upgrade jixiao-assistant"))
    if version == 0 and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise SchemaError(say(f"{path}：这是其他程序的 SQLite 数据库，不是 jixiao 的审核库；请给 --db 一个新文件名",
                              f"{path}: an SQLite database of another program, not a jixiao review store; "
                              "give --db a new file name"))


def _rate(budget: Any) -> float | None:
    if budget and budget.adjusted and budget.executed is not None:
        return round(budget.executed / budget.adjusted * 100, 2)
    return None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"
