"""The review store's schema: an ordered list of migrations, tracked by PRAGMA user_version.

Migration N brings a database from version N-1 to N.  A new schema change is a new function
appended to `MIGRATIONS`; existing ones are never edited, so any older store upgrades in
place when it is opened.  The applied versions are also written to `schema_version` with
the time they were applied, for whoever inspects a store by hand.

Review state is keyed by (source, key): `source` is the path a document came from and `key`
a content hash of (kind, project, text) with its occurrence number, so re-extracting a
changed file finds the decisions already made on the items it still contains.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from assistant.messages import say


class SchemaError(RuntimeError):
    """A store written by a newer version of the tool, or otherwise unusable."""


def _v1(db: sqlite3.Connection) -> None:
    _run(db, """
    CREATE TABLE schema_version (
        version INTEGER PRIMARY KEY,
        applied_at TEXT NOT NULL
    );
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,             -- the path as given: decisions follow it across versions
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL UNIQUE,      -- of the decoded text: the same content is stored once
        text TEXT NOT NULL,
        report TEXT NOT NULL,             -- the Report as extracted, JSON
        added_at TEXT NOT NULL,
        superseded_by INTEGER REFERENCES documents(id)
    );
    CREATE INDEX documents_source ON documents(source);
    CREATE TABLE projects (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        name TEXT NOT NULL,
        form TEXT NOT NULL DEFAULT '',
        rate REAL,                        -- 执行率 in percent, printed or computed
        adjusted REAL,
        executed REAL,
        total_score REAL,
        span_start INTEGER,
        span_end INTEGER
    );
    CREATE INDEX projects_doc ON projects(doc_id, ordinal);
    CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        kind TEXT NOT NULL,               -- problem / reason / measure / indicator / finding
        project TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        themes TEXT NOT NULL DEFAULT '[]',
        category TEXT,
        span_start INTEGER,
        span_end INTEGER,
        met INTEGER,                      -- indicators: 0 not met, 1 met, NULL unknown
        detail TEXT NOT NULL DEFAULT '{}',
        UNIQUE (doc_id, key)
    );
    CREATE INDEX items_doc ON items(doc_id, ordinal);
    CREATE TABLE reviews (                -- the decision in force for each item
        source TEXT NOT NULL,
        key TEXT NOT NULL,
        status TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        themes TEXT NOT NULL,
        category TEXT,
        who TEXT NOT NULL,
        at TEXT NOT NULL,
        history_id INTEGER NOT NULL,
        PRIMARY KEY (source, key)
    );
    CREATE TABLE history (                -- every decision ever made, undone ones marked
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        key TEXT NOT NULL,
        item_id INTEGER NOT NULL,
        status TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        themes TEXT NOT NULL,
        category TEXT,
        who TEXT NOT NULL,
        at TEXT NOT NULL,
        undone_at TEXT
    );
    CREATE INDEX history_item ON history(source, key, id);
    CREATE TABLE drafts (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        key TEXT NOT NULL,
        item_id INTEGER NOT NULL,
        text TEXT NOT NULL,
        provenance TEXT NOT NULL DEFAULT '[]',
        who TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE INDEX drafts_item ON drafts(source, key, id);
    CREATE VIEW review_items AS
    SELECT i.id, i.doc_id, d.name AS doc_name, d.source, i.key, i.ordinal,
           COALESCE(r.kind, i.kind) AS kind,
           COALESCE(r.text, i.text) AS text,
           i.project,
           COALESCE(r.themes, i.themes) AS themes,
           COALESCE(r.category, i.category) AS category,
           i.span_start, i.span_end, i.met, i.detail,
           COALESCE(r.status, 'pending') AS status, r.who, r.at,
           i.kind AS original_kind, i.text AS original_text,
           i.themes AS original_themes, i.category AS original_category,
           d.superseded_by IS NULL AS current
    FROM items i
    JOIN documents d ON d.id = i.doc_id
    LEFT JOIN reviews r ON r.source = d.source AND r.key = i.key;
    """)


def _v2(db: sqlite3.Connection) -> None:
    """An indicator's values (目标值, 实际值, 分值, 得分) corrected in review: the decision
    keeps them (NULL: as extracted), and the view gives them in force."""
    _run(db, """
    ALTER TABLE reviews ADD COLUMN detail TEXT;
    ALTER TABLE history ADD COLUMN detail TEXT;
    DROP VIEW review_items;
    CREATE VIEW review_items AS
    SELECT i.id, i.doc_id, d.name AS doc_name, d.source, i.key, i.ordinal,
           COALESCE(r.kind, i.kind) AS kind,
           COALESCE(r.text, i.text) AS text,
           i.project,
           COALESCE(r.themes, i.themes) AS themes,
           COALESCE(r.category, i.category) AS category,
           i.span_start, i.span_end, i.met,
           COALESCE(r.detail, i.detail) AS detail,
           COALESCE(r.status, 'pending') AS status, r.who, r.at,
           i.kind AS original_kind, i.text AS original_text,
           i.themes AS original_themes, i.category AS original_category,
           i.detail AS original_detail,
           d.superseded_by IS NULL AS current
    FROM items i
    JOIN documents d ON d.id = i.doc_id
    LEFT JOIN reviews r ON r.source = d.source AND r.key = i.key;
    """)


def _v3(db: sqlite3.Connection) -> None:
    """The current documents found by an index: counting them (which the review app does
    each time it returns to its list) no longer reads every document's text."""
    _run(db, "CREATE INDEX documents_current ON documents(superseded_by)")


MIGRATIONS = [_v1, _v2, _v3]


def _run(db: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: executescript() would commit the open transaction."""
    for statement in script.split(";\n"):
        if statement.strip():
            db.execute(statement)


def _file_of(db: sqlite3.Connection) -> str:
    """The file `db` was opened on ('' in memory), for messages."""
    for row in db.execute("PRAGMA database_list").fetchall():
        if row[1] == "main":
            return str(row[2] or "")
    return ""


def migrate(db: sqlite3.Connection) -> int:
    """Bring `db` to the newest schema, one transaction per step; return the version."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        where = _file_of(db)
        raise SchemaError(say(f"{where}{'：' if where else ''}审核库的版本 {version} 比本工具认识的（{len(MIGRATIONS)}）新；"
                              "请升级 jixiao-assistant",
                              f"store schema version {version} is newer than this tool knows "
                              f"({len(MIGRATIONS)}); upgrade jixiao-assistant"))
    for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the write lock.
            if db.execute("PRAGMA user_version").fetchone()[0] >= number:
                db.execute("ROLLBACK")
                continue
            step(db)
            db.execute("INSERT INTO schema_version VALUES (?, ?)",
                       (number, datetime.now(timezone.utc).isoformat(timespec="seconds")))
            db.execute(f"PRAGMA user_version = {number:d}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return db.execute("PRAGMA user_version").fetchone()[0]
