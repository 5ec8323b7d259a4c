"""The review store: extracted reports and every review decision, in one SQLite file.

    with Store("store.sqlite") as store:
        doc_id = store.add_report(report, text)
        item = store.items(doc_id)[0]
        store.decide(item.id, "accepted")

Every write is its own transaction, committed before the call returns (WAL journal,
synchronous=FULL), so a process killed at any moment loses no decision it reported saved.
Adding the same content twice stores it once; adding a changed version of a file supersedes
the old version and keeps every decision on the items the new version still contains.
The package uses only the standard library (openpyxl for xlsx export) and never imports a UI.

Rooms: `db` (the Store: writes, decisions, versions), `queries` (reads), `rows` (items and
decisions as typed rows), `schema` (migrations), `export` (JSON Lines, CSV, xlsx, DocBin).
"""
from assistant.store.db import EXPORT_STATUSES, Store, open_corpus
from assistant.store.rows import (ITEM_KINDS, PENDING, STATUSES, Decision, DocumentSummary, Draft, ProjectRow,
                                  ReviewItem)
from assistant.store.schema import SchemaError

__all__ = ["Store", "open_corpus", "ReviewItem", "DocumentSummary", "Decision", "Draft", "ProjectRow",
           "SchemaError", "STATUSES", "PENDING", "ITEM_KINDS", "EXPORT_STATUSES"]
