"""The one way extracted reports enter a review store, for `jixiao extract --db` and for
`jixiao review --db X PATHS` alike: `store_outcome` adds what a batch worker extracted, and
`ingest` runs a batch into a store (files already stored are skipped by content hash).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.batch import Job, Outcome, Seen, run_batch
from assistant.messages import error_prefix, say
from assistant.store import Store


@dataclass
class Ingested:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)      # one line each: file and reason


def store_outcome(store: Store, outcome: Outcome) -> None:
    """Add an extracted outcome's report (and text) to the store; a report the store refuses
    becomes the outcome's error, so one bad report never stops a batch."""
    if not outcome.ok or outcome.report is None:
        return
    try:
        store.add_report(outcome.report, outcome.text or "")
    except Exception as exc:
        outcome.error = f"{outcome.path}: could not be stored ({type(exc).__name__}: {exc})"


def ingest(store: Store, paths: Iterable[Path],
           on_file: Callable[[str, str], None] = lambda path, what: None, *, workers: int = 1,
           lexicons: tuple[str, ...] = ()) -> Ingested:
    """Extract every report under `paths` into the store; files already stored are skipped.

    `on_file(path, what)` hears of each file as it is done (added / unchanged / the error);
    `lexicons` are the analyst's indicator lexicons (paths)."""
    result = Ingested()
    job = Job(fmt=None, keep_report=True, seen=Seen(hashes=frozenset(store.hashes())), lexicons=lexicons)
    for outcome in run_batch(list(paths), job, workers=workers):
        store_outcome(store, outcome)
        if outcome.error:
            result.failed.append(outcome.error)
            on_file(outcome.path, f"{error_prefix()}{outcome.error.removeprefix(f'{outcome.path}: ')}")
        elif outcome.skipped:
            result.unchanged.append(outcome.path)
            on_file(outcome.path, say("已在库中", "already in the store"))
        else:
            result.added.append(outcome.path)
            on_file(outcome.path, say("已入库", "added"))
    return result
