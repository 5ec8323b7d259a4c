"""Batch extraction: one pure function, `path → Report`, mapped over many files.

    for outcome in run_batch(["reports/"], Job(fmt="jsonl"), workers=8):
        out.write(outcome.line)

Three runners share one streaming loop: in-process (`workers=1`), a process pool on one
machine, and a Dask cluster (`engine="dask"`, dask_runner.py).  The loop keeps a bounded
number of tasks in flight — each a chunk of a few files — so memory stays flat however
many files there are, and hands outcomes back as they complete, not in input order.

A worker returns what the caller will write already serialised (the JSON line, the Parquet
rows), so the parent does little more than append bytes and two workers give nearly twice
the throughput of one.  Before extracting, a worker reads and hashes the document and skips
it when the caller has it already (`Job.seen`: the store's hashes, an output's
(path, hash) pairs).  Failures never escape: a ReadError, an unexpected exception and a
worker process that dies all become an `Outcome` with `error` set, one line naming the file.

Rooms: `jobs` (what a worker does with one file), `runners` (inline, pool, and the `Runner`
protocol), `dask_runner`, `sinks` (JSON Lines and Parquet outputs), `stats` (counts and charts).
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from assistant.batch.jobs import Job, Outcome, OverBudget, Seen, extract_file, failure, lexicon_for, time_budget
from assistant.batch.runners import InlineRunner, PoolRunner, Runner
from assistant.extract.read import ReadError, iter_inputs

__all__ = ["run_batch", "Job", "Outcome", "Seen", "ENGINES", "DEFAULT_CHUNKSIZE", "extract_file", "failure",
           "lexicon_for", "OverBudget", "time_budget", "Runner"]

ENGINES = ("pool", "dask")
DEFAULT_CHUNKSIZE = 4


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
        from assistant.batch.dask_runner import DaskRunner
        runner: Runner = DaskRunner(job, workers, scheduler)
    elif workers == 1:
        runner = InlineRunner(job)
    else:
        runner = PoolRunner(job, workers)
    with runner:
        yield from _drive(source, runner)


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


def _drive(source: Iterator[list[str] | Outcome], runner: Runner) -> Iterator[Outcome]:
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

