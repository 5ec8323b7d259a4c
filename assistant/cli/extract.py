"""`jixiao extract PATH... [-o OUT]`: reports → JSON Lines (or Parquet, or the store), in parallel.

    jixiao extract reports/ -o out.jsonl                   # every core, progress on a terminal
    jixiao extract reports/ -o out.jsonl --append          # after a stop: only what is missing
    jixiao extract reports/ --db store.sqlite              # into the review store, skipping stored
    jixiao extract reports/ --format parquet -o out/       # tables for DuckDB or pandas
    jixiao extract reports/ --engine dask --scheduler tcp://host:8786 -o out/ --format parquet
    jixiao extract reports/ -o out.jsonl --lexicon my_terms.yaml   # an analyst's indicator terms

stdout (or -o) gets the data; stderr gets one `错误：` line per file that failed, a progress
bar on a terminal (total, percentage, rate and time left once the input is listed) and a
closing table; one line per document with -v; --quiet leaves the errors and the closing
table.  Ctrl-C or SIGTERM stops the workers at once and keeps what was written (run again
with --append).  The exit code is 1 when any file failed or no report file was found, 0 otherwise.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Optional

import typer

from assistant.batch import DEFAULT_CHUNKSIZE, ENGINES, Job, Outcome, Seen, run_batch
from assistant.cli import options
from assistant.cli.options import LEXICON_HELP, checked_lexicons
from assistant.extract.read import CONVERTIBLE_SUFFIXES, DEFAULT_SUFFIXES
from assistant.messages import error_prefix, say
from assistant.model import KINDS
from assistant.batch.sinks import FORMATS, open_sink

_MB = 1024 * 1024


def extract(
    paths: list[Path] = typer.Argument(..., help="Report files or folders (folders are searched recursively)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write JSON Lines here (default: stdout; "
                                          "nothing with --db), or the Parquet folder with --format parquet."),
    summary: bool = typer.Option(False, "--summary", help="Print a table of projects, indicators and statements "
                                 "per document at the end."),
    workers: int = typer.Option(os.cpu_count() or 1, "-j", "--workers", min=1,
                                help="Worker processes (1: run in this process)."),
    chunksize: int = typer.Option(DEFAULT_CHUNKSIZE, "--chunksize", min=1, help="Files per task sent to a worker."),
    fmt: str = typer.Option("jsonl", "--format", help="Output format: jsonl or parquet."),
    db: Optional[Path] = typer.Option(None, "--db", help="Add each report to this review store; documents "
                                      "whose content is stored already are skipped."),
    force: bool = typer.Option(False, "--force", help="With --db: extract documents even when stored already."),
    append: bool = typer.Option(False, "--append", "--resume", help="Add to OUTPUT instead of replacing it, "
                                "skipping documents (same path and content) it already holds."),
    engine: str = typer.Option("pool", "--engine", help="pool (this machine) or dask (a Dask cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (implies "
                                            "--engine dask); without it a local cluster is started."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Show a progress bar "
                                            "(default: when stderr is a terminal)."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar: only errors and the closing table."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="One line per document (and its warnings)."),
    lexicon: list[Path] = typer.Option([], "--lexicon", "-l", help=LEXICON_HELP),
) -> None:
    """Extract projects, budgets, indicators and statements from reports (JSON Lines)."""
    engine = "dask" if scheduler else engine
    _check(fmt in FORMATS, "--format", say(f"只能是 {'、'.join(FORMATS)} 之一", f"must be one of {', '.join(FORMATS)}"))
    _check(engine in ENGINES, "--engine", say(f"只能是 {'、'.join(ENGINES)} 之一", f"must be one of {', '.join(ENGINES)}"))
    _check(not (fmt == "parquet" and output is None), "--output",
           say("--format parquet 需要 -o 文件夹", "--format parquet needs -o FOLDER"))
    _check(not (append and output is None), "--append", say("需要 -o 输出文件", "needs -o OUTPUT"))
    lexicons = checked_lexicons(lexicon)
    store, sink = _open_outputs(fmt, output, db, append)
    job = Job(fmt=fmt if sink else None, keep_report=store is not None, lexicons=lexicons, overlays=_overlays(),
              seen=Seen(hashes=frozenset(store.hashes() if store and not force else ()),
                        pairs=frozenset(sink.seen() if sink else ())))
    shown = progress if progress is not None else (not quiet and sys.stderr.isatty())
    tally = Tally(per_document=summary)
    interrupted = False
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        with Display(shown, verbose and not quiet) as display:
            if shown:
                _count_inputs(paths, display)
            for outcome in run_batch(paths, job, workers=workers, chunksize=chunksize,
                                     engine=engine, scheduler=scheduler):
                _take(outcome, sink, store, display, tally)
    except KeyboardInterrupt:
        interrupted = True
    except ImportError as exc:      # a broken environment: dask or pyarrow missing
        typer.echo(f"{error_prefix()}{_missing(exc)}", err=True)
        raise typer.Exit(2) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
        if sink:
            sink.close()
        if store:
            store.close()
    _print_totals(tally, summary)
    if not interrupted and not (tally.done or tally.failed or tally.skipped):
        readable = " ".join(s for s in DEFAULT_SUFFIXES if s not in CONVERTIBLE_SUFFIXES)
        where = "、".join(str(p) for p in paths)
        typer.echo(say(f"注意：{where} 里没有找到报告文件（读取 {readable}）；请检查路径",
                       f"note: no report files found in {', '.join(str(p) for p in paths)} "
                       f"(reading {readable}); check the path"), err=True)
        raise typer.Exit(1)
    if interrupted:
        typer.echo(say(f"已中断：已写出 {tally.done} 份文档；加 --append（或 --db）再次运行即可继续",
                       f"interrupted: {tally.done} document(s) written; run again with --append "
                       f"(or --db) to continue"), err=True)
        _exit_now(130)
    raise typer.Exit(1 if tally.failed else 0)


def _exit_now(code: int) -> None:
    """End a stopped run at once.  Its outputs are closed and its workers ended; what is
    left is the process pool's manager thread, which Python joins at exit — and which waits
    forever when a worker was killed halfway through sending its result, or when the signal
    came while the main thread held a result's lock (a stopped batch hung about once in 50).
    Nothing is lost by not waiting for it.  Inside another program (tests, a notebook) the
    run ends as any other, with typer.Exit."""
    if not options.HARD_EXIT:
        raise typer.Exit(code)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _terminate(signum, frame) -> None:
    """SIGTERM stops a run as Ctrl-C does: workers ended, outputs closed, resumable."""
    raise KeyboardInterrupt


def _count_inputs(paths: list[Path], display: "Display") -> None:
    """List the input in the background; the bar gets its total (and so a percentage and
    the time left) when the listing is done, without delaying the first document."""
    from assistant.extract.read import iter_inputs

    def count() -> None:
        try:
            display.set_total(sum(1 for _ in iter_inputs(paths)))
        except Exception:           # the batch itself reports unreadable folders
            pass

    threading.Thread(target=count, name="jixiao-count", daemon=True).start()


class Tally:
    """Counts of a run, for the progress bar and the closing table."""

    def __init__(self, per_document: bool = False) -> None:
        self.per_document = per_document
        self.started = time.monotonic()
        self.done = self.skipped = self.failed = self.bytes = 0
        self.items: Counter[str] = Counter()
        self.rows: list[tuple[str, dict[str, int]]] = []    # with --summary only: memory stays flat

    def add(self, outcome: Outcome) -> None:
        self.bytes += outcome.size
        if outcome.error:
            self.failed += 1
        elif outcome.skipped:
            self.skipped += 1
        else:
            self.done += 1
            self.items.update(outcome.counts)
            if self.per_document:
                self.rows.append((outcome.doc, outcome.counts))

    def rates(self) -> tuple[float, float, float]:
        """Seconds elapsed, documents/s and MB/s (of documents read, skipped ones included)."""
        elapsed = max(time.monotonic() - self.started, 1e-9)
        return elapsed, (self.done + self.skipped) / elapsed, self.bytes / _MB / elapsed


class Display:
    """stderr: errors (and with -v a line per document) above a rich progress bar when shown."""

    def __init__(self, progress: bool, verbose: bool):
        self.verbose = verbose
        self._progress = None
        if progress:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TaskProgressColumn,
                                       TextColumn, TimeElapsedColumn, TimeRemainingColumn)

            self._progress = Progress(
                SpinnerColumn(), TextColumn(say("[bold]抽取", "[bold]extract")), BarColumn(),
                MofNCompleteColumn(), TaskProgressColumn(),
                TextColumn(say("{task.fields[docs_s]:.1f} 份/秒 · {task.fields[mb_s]:.2f} MB/秒 · "
                               "[red]失败 {task.fields[failed]}[/red] · 跳过 {task.fields[skipped]}",
                               "{task.fields[docs_s]:.1f} docs/s · {task.fields[mb_s]:.2f} MB/s · "
                               "[red]{task.fields[failed]} failed[/red] · {task.fields[skipped]} skipped")),
                TimeElapsedColumn(), TextColumn(say("剩余", "left")), TimeRemainingColumn(),
                console=Console(stderr=True), transient=False)
            self._task = self._progress.add_task("extract", total=None, docs_s=0.0, mb_s=0.0,
                                                 failed=0, skipped=0)

    def set_total(self, total: int) -> None:
        if self._progress:
            self._progress.update(self._task, total=total)

    def __enter__(self) -> "Display":
        if self._progress:
            self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress:
            task = self._progress.tasks[0]
            if task.total is None and exc[0] is None:    # done before the listing: n of n
                self._progress.update(self._task, total=task.completed)
            self._progress.stop()

    def error(self, text: str) -> None:
        self._say(f"{error_prefix()}{text}")

    def note(self, text: str) -> None:
        if self.verbose:
            self._say(text)

    def advance(self, tally: Tally) -> None:
        if self._progress:
            _, docs_s, mb_s = tally.rates()
            self._progress.update(self._task, completed=tally.done + tally.skipped + tally.failed,
                                  docs_s=docs_s, mb_s=mb_s, failed=tally.failed, skipped=tally.skipped)

    def _say(self, text: str) -> None:
        if self._progress:
            self._progress.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            typer.echo(text, err=True)


def _take(outcome: Outcome, sink, store, display: Display, tally: Tally) -> None:
    """Write one outcome where it belongs, then report it."""
    for warning in outcome.warnings:
        display.note(say(f"注意：{warning}", f"warning: {warning}"))
    if store is not None:
        from assistant.batch.ingest import store_outcome

        store_outcome(store, outcome)
    if outcome.ok and sink is not None:
        sink.write(outcome.line if outcome.line is not None else outcome.rows)
    tally.add(outcome)
    if outcome.error:
        display.error(outcome.error)
    elif outcome.skipped:
        display.note(say(f"{outcome.doc}：跳过（已{'入库' if store else '写出'}）",
                         f"{outcome.doc}: skipped (already {'stored' if store else 'written'})"))
    else:
        display.note(_one_line(outcome.doc, outcome.counts))
    display.advance(tally)


def _one_line(doc: str, counts: dict[str, int]) -> str:
    statements = sum(counts.get(k, 0) for k in KINDS)
    return say(f"{doc}：项目 {counts.get('projects', 0)}，指标 {counts.get('indicators', 0)}，语句 {statements}",
               f"{doc}: {counts.get('projects', 0)} projects, {counts.get('indicators', 0)} indicators, "
               f"{statements} statements")


def _print_totals(tally: Tally, per_document: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=True)
    if per_document:
        table = Table(title="jixiao extract")
        for n, col in enumerate(say("文档 项目 指标 原因 问题 措施", "document projects indicators reasons "
                                    "problems measures").split()):
            table.add_column(col, justify="left" if n == 0 else "right")
        for doc, c in sorted(tally.rows):
            table.add_row(doc, *(str(c.get(k, 0)) for k in ("projects", "indicators", *KINDS)))
        console.print(table)
    elapsed, docs_s, mb_s = tally.rates()
    table = Table(title=say("抽取汇总", "extraction summary"), show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for (zh, en), value in (
        (("已抽取文档", "documents extracted"), tally.done),
        (("跳过（已完成）", "skipped (done already)"), tally.skipped),
        (("失败", "failed"), tally.failed), (("项目", "projects"), tally.items["projects"]),
        (("指标", "indicators"), tally.items["indicators"]), (("原因", "reasons"), tally.items["reason"]),
        (("问题", "problems"), tally.items["problem"]), (("措施", "measures"), tally.items["measure"]),
        (("读取 MB", "MB read"), f"{tally.bytes / _MB:.2f}"), (("秒", "seconds"), f"{elapsed:.1f}"),
        (("份/秒", "documents/s"), f"{docs_s:.1f}"), (("MB/秒", "MB/s"), f"{mb_s:.2f}"),
    ):
        table.add_row(say(zh, en), f"[red]{value}[/red]" if en == "failed" and value else str(value))
    console.print(table)


def _open_outputs(fmt: str, output: Path | None, db: Path | None, append: bool):
    """The store (with --db) and the writer (-o, or stdout unless only --db is given);
    a message and exit 2 when either cannot be opened."""
    store = sink = None
    try:
        if db is not None:
            from assistant.store import Store  # only runs with --db need it

            store = Store(db)
        if output is not None or store is None:
            sink = open_sink(fmt, output, append=append)
    except ImportError as exc:
        problem = _missing(exc)
    except Exception as exc:  # an unwritable path, a store of a newer schema …
        if isinstance(exc, OSError) and exc.filename:
            problem = f"{exc.filename}: {exc.strerror}"
        else:
            problem = f"{db if store is None else output}: {exc}"
    else:
        return store, sink
    if store is not None:
        store.close()
    typer.echo(f"{error_prefix()}{problem}", err=True)
    raise typer.Exit(2)


def _missing(exc: ImportError) -> str:
    return (f"{exc.name or exc} is not installed in this environment; it is a dependency of "
            f"jixiao-assistant: reinstall it (pip install -e . in the checkout, or make demo)")


def _overlays() -> tuple[str, ...]:
    from assistant.lexicon import OVERLAY_VARIABLE

    return tuple(p for p in os.environ.get(OVERLAY_VARIABLE, "").split(os.pathsep) if p)


def _check(ok: bool, option: str, message: str) -> None:
    if not ok:
        raise typer.BadParameter(message, param_hint=option)


COMMAND = extract       # registered by assistant.cli as `jixiao extract`
