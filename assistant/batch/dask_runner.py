"""The Dask runner of `run_batch`: the same chunks of files, on a Dask distributed cluster.

    jixiao extract /data/reports --engine dask --scheduler tcp://10.0.0.5:8786 -o out/ --format parquet

Each chunk is one task (`Client.submit(run_chunk, ...)`, as `Client.map` would make them,
but fed a few at a time so that a million files never sit in the scheduler at once); the
results stream back as they complete and the client writes them, so the outputs land where
the command runs (Parquet as part files, as with the process pool).  The workers must be
able to import `assistant` and read the files at the paths given — a shared filesystem.

Without a scheduler address a LocalCluster is started: `workers` processes of one thread,
no dashboard.  A worker that dies is retried by Dask; a chunk that keeps killing workers
(KilledWorker) becomes one failure line per file in it.
"""
from __future__ import annotations

import logging
import warnings
from typing import Any

from assistant.batch.jobs import Job, Outcome, failure, run_chunk
from assistant.batch.runners import TASKS_PER_WORKER


class DaskRunner:
    """Submit chunks to a Dask cluster and collect them as they complete."""

    def __init__(self, job: Job, workers: int, scheduler: str | None = None):
        from distributed import Client, LocalCluster

        self._cluster = None
        if scheduler:
            self._client = Client(scheduler)
        else:
            with warnings.catch_warnings():
                # Its small HTTP server moves to another port when 8787 is taken; say nothing.
                warnings.filterwarnings("ignore", message="Port .* is already in use")
                self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                             dashboard_address=None, silence_logs=logging.ERROR)
            self._client = Client(self._cluster)
        threads = sum(self._client.nthreads().values()) or workers
        self.inflight = threads * TASKS_PER_WORKER
        # Sent once to every worker, not with each task: the seen hashes may be many.
        self._job = self._client.scatter(job, broadcast=True, hash=False)
        self._chunks: dict[Any, list[str]] = {}

    def __enter__(self) -> "DaskRunner":
        return self

    def __exit__(self, *exc: object) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def submit(self, chunk: list[str]) -> Any:
        future = self._client.submit(run_chunk, chunk, self._job, pure=False)
        self._chunks[future] = chunk
        return future

    def collect(self, running: set) -> list[tuple[Any, list[Outcome]]]:
        from distributed import wait

        done = wait(list(running), return_when="FIRST_COMPLETED").done
        results = []
        for future in done:
            chunk = self._chunks.pop(future)
            if future.status == "finished":
                results.append((future, future.result()))
            else:
                exc = future.exception()
                reason = " ".join(f"{type(exc).__name__}: {exc}".split())
                results.append((future, [failure(p, f"the Dask task failed ({reason})")
                                         for p in chunk]))
            future.release()
        return results
