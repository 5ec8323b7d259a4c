"""The task a batch worker runs: read, hash, skip or extract one file, and serialise what
the caller will write (see `assistant.batch`).  Failures never escape: a ReadError, an
unexpected exception and a document over its time budget all become an `Outcome` with
`error` set, one line naming the file.
"""
from __future__ import annotations

import multiprocessing.util
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant import recache
from assistant.batch.sinks import report_line, report_rows
from assistant.extract.classify import load_lexicon
from assistant.extract.classify_lexicon import CompiledLexicon
from assistant.extract.pipeline import extract_read, read_noting
from assistant.extract.read import ReadError
from assistant.lexicon import OVERLAY_VARIABLE, derived, settle_heap, use_overlays
from assistant.messages import say
from assistant.model import KINDS, Document, Report


@dataclass(frozen=True)
class Seen:
    """Documents done already: content hashes (a store) and (path, hash) pairs (an output)."""

    hashes: frozenset[str] = frozenset()
    pairs: frozenset[tuple[str, str]] = frozenset()

    def __contains__(self, doc: Document) -> bool:
        return doc.sha256 in self.hashes or (doc.path, doc.sha256) in self.pairs


@dataclass(frozen=True)
class Job:
    """What a worker does with each document besides extracting it."""

    fmt: str | None = "jsonl"      # serialise for "jsonl" (a line) or "parquet" (rows); None: neither
    keep_report: bool = False      # return the Report and its text (for the store)
    seen: Seen = field(default_factory=Seen)
    lexicons: tuple[str, ...] = ()  # analyst lexicons merged over the built-in indicator lexicon
    overlays: tuple[str, ...] = ()  # analyst files merged over built-in ones (themes.yaml …), absolute


@dataclass
class Outcome:
    """What became of one file: extracted, skipped (seen already) or failed."""

    path: str
    doc: str = ""
    sha256: str = ""
    size: int = 0                  # bytes on disk
    error: str = ""                # '<path>: <reason>', one line, when it failed
    skipped: bool = False
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    line: str | None = None
    rows: dict[str, list[dict[str, Any]]] | None = None
    report: Report | None = None
    text: str | None = None

    @property
    def ok(self) -> bool:
        return not self.error and not self.skipped


def extract_file(path: str, job: Job) -> Outcome:
    """Read, hash, skip or extract one file; never raises (a failure is in `error`)."""
    out = Outcome(path=path, doc=Path(path).name)
    if job.overlays and os.environ.get(OVERLAY_VARIABLE) != os.pathsep.join(job.overlays):
        use_overlays(job.overlays)          # a worker that did not inherit the environment (Dask)
    try:
        out.size = os.stat(path).st_size
    except OSError:
        pass                        # read_document says why, below
    try:
        # two budgets: decoding a long PDF page by page may rightly take a while; reading
        # the text it gives is what hostile text makes slow
        with time_budget(_max_seconds("max_read_seconds"), "max_read_seconds"):
            doc, out.warnings = read_noting(path)
        out.doc, out.sha256 = doc.name, doc.sha256
        if doc in job.seen:
            out.skipped = True
            return out
        with time_budget(_max_seconds("max_seconds"), "max_seconds"):
            report = extract_read(doc, out.warnings, lexicon_for(job.lexicons))
            if job.fmt == "jsonl":
                out.line = report_line(report)
            elif job.fmt == "parquet":
                out.rows = report_rows(report, out.size)
    except ReadError as exc:
        out.error = str(exc)
        return out
    except OverBudget as exc:
        zh, en = _BUDGET_STEPS.get(exc.key, _BUDGET_STEPS["max_seconds"])
        out.error = f"{path}: " + say(f"{zh}超过 {exc.seconds:g} 秒，已跳过（上限见 lexicons/limits.yaml 的 {exc.key}）",
                                      f"took longer than {exc.seconds:g} s to {en} and was skipped "
                                      f"({exc.key} in lexicons/limits.yaml)")
        return out
    except Exception as exc:  # a bug met on one document must not stop the batch
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())
        out.error = f"{path}: unexpected error in extraction ({reason})"
        return out
    kinds = [s.kind for s in report.statements]
    out.counts = {"projects": len(report.projects),
                  "indicators": sum(len(p.indicators) for p in report.projects),
                  **{k: kinds.count(k) for k in KINDS}}
    if job.keep_report:
        out.report, out.text = report, doc.text
    return out


_BUDGET_STEPS = {"max_read_seconds": ("读取", "read"), "max_seconds": ("处理", "extract")}


class OverBudget(BaseException):
    """A document took longer than its wall-clock budget (a BaseException, so that no
    `except Exception` inside a reader swallows it)."""

    def __init__(self, seconds: float, key: str = "max_seconds"):
        super().__init__(seconds)
        self.seconds, self.key = seconds, key


@contextmanager
def time_budget(seconds: float, key: str = "max_seconds") -> Iterator[None]:
    """Raise OverBudget inside the block once `seconds` of wall-clock time have passed (a
    timer signal; only in the main thread, and not at all for 0)."""
    if not seconds or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise OverBudget(seconds, key)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _max_seconds(key: str) -> float:
    from assistant.extract.readers import limits

    return float(limits().get(key, 0) or 0)


def run_chunk(paths: list[str], job: Job | None = None) -> list[Outcome]:
    """The task a worker runs: a few files in a row (the pool passes `job` once, at start)."""
    job = job if job is not None else _WORKER_JOB
    outcomes = [extract_file(p, job) for p in paths]
    settle_heap()
    return outcomes


def failure(path: str, reason: str) -> Outcome:
    """A failed Outcome whose error reads like a ReadError: '<path>: <reason>'."""
    return Outcome(path=path, doc=Path(path).name, error=f"{path}: {reason}")


_WORKER_JOB: Job = Job()


@derived(maxsize=4)
def lexicon_for(paths: tuple[str, ...]) -> CompiledLexicon | None:
    """The analyst lexicons merged over the built-in one, compiled once per process (a
    forked worker inherits what the parent compiled); LexiconError for a malformed file."""
    return load_lexicon(list(paths)) if paths else None


def init_worker(job: Job) -> None:
    global _WORKER_JOB
    _WORKER_JOB = job
    recache.install()
    if recache.installed():
        # a worker's own compilations are kept as the program's are (a worker ends without
        # Python's exit handlers; multiprocessing runs its finalizers)
        multiprocessing.util.Finalize(None, recache.save, exitpriority=10)
    # Ctrl-C is the parent's to handle: it stops feeding work and closes the outputs; a
    # SIGTERM handler the parent set (jixiao extract sets one) must not outlive the fork.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()


def _die_with_parent() -> None:
    """On Linux, ask the kernel to end this worker when the parent dies, even by SIGKILL."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)               # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


