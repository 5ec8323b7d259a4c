"""Where a batch's chunks run: here (`InlineRunner`), in a process pool (`PoolRunner`), or
on a Dask cluster (`assistant.batch.dask_runner.DaskRunner`) — three implementations of
one `Runner` protocol that `run_batch` drives.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Hashable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from assistant.batch.jobs import Job, Outcome, init_worker, failure, run_chunk

TASKS_PER_WORKER = 4       # in flight per worker: enough to keep it busy, few enough to stay flat


class Runner(Protocol):
    """Runs chunks of paths: `submit` one, `collect` those of the running handles that are
    done (at least one, waiting if need be); a context manager that ends its workers."""

    inflight: int          # tasks to keep running at once

    def __enter__(self) -> "Runner": ...

    def __exit__(self, *exc: object) -> None: ...

    def submit(self, chunk: list[str]) -> Hashable: ...

    def collect(self, running: set) -> list[tuple[Any, list[Outcome]]]: ...


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
        return ProcessPoolExecutor(workers, mp_context=_mp_context(), initializer=init_worker,
                                   initargs=(self.job,))


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


def _mp_context() -> multiprocessing.context.BaseContext:
    # fork: workers start at once and share the parent's (small) memory; the models load
    # in each worker on first use.  Elsewhere the platform default (spawn).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


