"""Batch extraction: one pure function, `path → Report`, mapped over many files.

    for outcome in run_batch(["reports/"], Job(fmt="jsonl"), workers=8):
        out.write(outcome.line)

Three runners share one streaming loop: in-process (`workers=1`), a process pool on one
machine, and a Dask cluster (`engine="dask"`, batch_dask.py).  The loop keeps a bounded
number of tasks in flight — each a chunk of a few files — so memory stays flat however
many files there are, and hands outcomes back as they complete, not in input order.

A worker returns what the caller will write already serialised (the JSON line, the Parquet
rows), so the parent does little more than append bytes and two workers give nearly twice
the throughput of one.  Before extracting, a worker reads and hashes the document and skips
it when the caller has it already (`Job.seen`: the store's hashes, an output's
(path, hash) pairs).  Failures never escape: a ReadError, an unexpected exception and a
worker process that dies all become an `Outcome` with `error` set, one line naming the file.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.extract.classify import load_lexicon
from assistant.extract.classify_lexicon import CompiledLexicon
from assistant.extract.pipeline import extract_read, read_noting
from assistant.extract.read import ReadError, iter_inputs
from assistant.messages import say
from assistant.model import KINDS, Document, Report
from assistant.outputs import report_line, report_rows

ENGINES = ("pool", "dask")
DEFAULT_CHUNKSIZE = 4
TASKS_PER_WORKER = 4       # in flight per worker: enough to keep it busy, few enough to stay flat


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


def run_batch(paths: Iterable[str | Path], job: Job = Job(), *, workers: int | None = None,
              chunksize: int = DEFAULT_CHUNKSIZE, engine: str = "pool",
              scheduler: str | None = None) -> Iterator[Outcome]:
    """Extract every file under `paths`, yielding an Outcome per file as it completes.

    `workers=1` runs in this process; more use a process pool; `engine="dask"` a Dask
    cluster at `scheduler` (or a LocalCluster of `workers` processes when None).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    workers = max(1, workers or os.cpu_count() or 1)
    source = _chunks(iter_inputs(paths), max(1, chunksize))
    if engine == "dask":
        from assistant.batch_dask import DaskRunner
        runner: Any = DaskRunner(job, workers, scheduler)
    elif workers == 1:
        runner = InlineRunner(job)
    else:
        runner = PoolRunner(job, workers)
    with runner:
        yield from _drive(source, runner)


def extract_file(path: str, job: Job) -> Outcome:
    """Read, hash, skip or extract one file; never raises (a failure is in `error`)."""
    out = Outcome(path=path, doc=Path(path).name)
    try:
        out.size = os.stat(path).st_size
    except OSError:
        pass                        # read_document says why, below
    try:
        with time_budget(_max_seconds()):
            doc, out.warnings = read_noting(path)
            out.doc, out.sha256 = doc.name, doc.sha256
            if doc in job.seen:
                out.skipped = True
                return out
            report = extract_read(doc, out.warnings, lexicon_for(job.lexicons))
            if job.fmt == "jsonl":
                out.line = report_line(report)
            elif job.fmt == "parquet":
                out.rows = report_rows(report, out.size)
    except ReadError as exc:
        out.error = str(exc)
        return out
    except OverBudget as exc:
        out.error = f"{path}: " + say(f"处理超过 {exc.seconds:g} 秒，已跳过（上限见 lexicons/limits.yaml 的 max_seconds）",
                                      f"took longer than {exc.seconds:g} s and was skipped "
                                      "(max_seconds in lexicons/limits.yaml)")
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


class OverBudget(BaseException):
    """A document took longer than its wall-clock budget (a BaseException, so that no
    `except Exception` inside a reader swallows it)."""

    def __init__(self, seconds: float):
        super().__init__(seconds)
        self.seconds = seconds


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise OverBudget inside the block once `seconds` of wall-clock time have passed (a
    timer signal; only in the main thread, and not at all for 0)."""
    if not seconds or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _max_seconds() -> float:
    from assistant.extract.readers import limits

    return float(limits().get("max_seconds", 0) or 0)


def run_chunk(paths: list[str], job: Job | None = None) -> list[Outcome]:
    """The task a worker runs: a few files in a row (the pool passes `job` once, at start)."""
    job = job if job is not None else _WORKER_JOB
    return [extract_file(p, job) for p in paths]


def failure(path: str, reason: str) -> Outcome:
    """A failed Outcome whose error reads like a ReadError: '<path>: <reason>'."""
    return Outcome(path=path, doc=Path(path).name, error=f"{path}: {reason}")


# ---------------------------------------------------------------------------- runners

class InlineRunner:
    """workers=1: run each chunk here, at once."""

    inflight = 1

    def __init__(self, job: Job):
        self.job = job
        self._done: dict[int, list[Outcome]] = {}
        self._last = 0

    def __enter__(self) -> "InlineRunner":
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def submit(self, chunk: list[str]) -> int:
        self._last += 1
        self._done[self._last] = run_chunk(chunk, self.job)
        return self._last

    def collect(self, running: set) -> list[tuple[Any, list[Outcome]]]:
        return [(h, self._done.pop(h)) for h in list(running)]


class PoolRunner:
    """A process pool; a worker that dies is replaced and the file that killed it found."""

    def __init__(self, job: Job, workers: int):
        self.job, self.workers = job, workers
        self.inflight = workers * TASKS_PER_WORKER
        self._chunks: dict[Future, list[str]] = {}
        self._pool = self._new_pool(workers)

    def __enter__(self) -> "PoolRunner":
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self._pool.shutdown(wait=True)
        else:               # Ctrl-C, SIGTERM, an error: no worker outlives the run
            stop_pool(self._pool)

    def submit(self, chunk: list[str]) -> Future:
        future = self._pool.submit(run_chunk, chunk)
        self._chunks[future] = chunk
        return future

    def collect(self, running: set) -> list[tuple[Any, list[Outcome]]]:
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        if any(isinstance(f.exception(), BrokenProcessPool) for f in done):
            # The pool is dead: every task still in it fails; wait for all of them.
            done, _ = wait(running)
        results, lost = [], []
        for future in done:
            chunk = self._chunks.pop(future)
            exc = future.exception()
            if exc is None:
                results.append((future, future.result()))
            elif isinstance(exc, BrokenProcessPool):
                lost.append((future, chunk))
            else:           # the outcome could not come back (e.g. not picklable)
                results.append((future, [failure(p, f"the result could not be returned "
                                                    f"({type(exc).__name__}: {exc})") for p in chunk]))
        if lost:
            self._pool.shutdown(wait=False, cancel_futures=True)
            results += [(future, self._isolate(chunk)) for future, chunk in lost]
            self._pool = self._new_pool(self.workers)
        return results

    def _isolate(self, chunk: list[str]) -> list[Outcome]:
        """Run the files of a chunk lost with a dead pool one at a time, each alone in a
        one-process pool, so that a file that kills its worker is named and only it fails."""
        outcomes = []
        pool = self._new_pool(1)
        for path in chunk:
            try:
                outcomes += pool.submit(run_chunk, [path]).result()
            except BrokenProcessPool:
                outcomes.append(failure(path, "the worker process died while extracting it "
                                              "(a crash in a reader library, or out of memory)"))
                pool.shutdown(wait=False)
                pool = self._new_pool(1)
        pool.shutdown()
        return outcomes

    def _new_pool(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=_mp_context(), initializer=_init_worker,
                                   initargs=(self.job,))


# ---------------------------------------------------------------------------- helpers

_WORKER_JOB: Job = Job()


@lru_cache(maxsize=4)
def lexicon_for(paths: tuple[str, ...]) -> CompiledLexicon | None:
    """The analyst lexicons merged over the built-in one, compiled once per process (a
    forked worker inherits what the parent compiled); LexiconError for a malformed file."""
    return load_lexicon(list(paths)) if paths else None


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the worker processes now (a worker may be deep in
    a long document; waiting for it would hold the user's terminal)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()


def _init_worker(job: Job) -> None:
    global _WORKER_JOB
    _WORKER_JOB = job
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


def _mp_context() -> multiprocessing.context.BaseContext:
    # fork: workers start at once and share the parent's (small) memory; the models load
    # in each worker on first use.  Elsewhere the platform default (spawn).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _chunks(items: Iterator[Path | ReadError], size: int) -> Iterator[list[str] | Outcome]:
    """Group paths into tasks of `size`; a path that could not be listed comes out as a
    failed Outcome at once."""
    chunk: list[str] = []
    for item in items:
        if isinstance(item, ReadError):
            yield failure(item.path, item.reason)
            continue
        chunk.append(str(item))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _drive(source: Iterator[list[str] | Outcome], runner: Any) -> Iterator[Outcome]:
    """Keep `runner.inflight` tasks running, yielding outcomes as tasks complete."""
    running: set = set()
    exhausted = False
    while True:
        while not exhausted and len(running) < runner.inflight:
            item = next(source, None)
            if item is None:
                exhausted = True
            elif isinstance(item, Outcome):
                yield item
            else:
                running.add(runner.submit(item))
        if not running:
            return
        for handle, outcomes in runner.collect(running):
            running.discard(handle)
            yield from outcomes

