"""`jixiao extract PATH... [-o OUT.jsonl]`: reports → one JSON object per document per line."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from assistant.cli import app
from assistant.extract import extract_path
from assistant.extract.read import ReadError, iter_inputs


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Report files or folders (folders are searched recursively)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write JSON Lines here (default: stdout)."),
    summary: bool = typer.Option(False, "--summary", help="Print a table of projects, indicators and statements at the end."),
) -> None:
    """Extract projects, budgets, indicators and statements from reports (JSON Lines)."""
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    failed, done = 0, []
    try:
        for item in iter_inputs(paths):
            if isinstance(item, ReadError):
                failed += 1
                typer.echo(f"error: {item}", err=True)
                continue
            try:
                report = extract_path(item)
            except ReadError as exc:
                failed += 1
                typer.echo(f"error: {exc}", err=True)
                continue
            out.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
            out.flush()
            done.append(report)
            typer.echo(_one_line(report), err=True)
    finally:
        if output:
            out.close()
    if summary:
        _print_summary(done, failed)
    raise typer.Exit(1 if failed else 0)


def _one_line(report) -> str:
    n_ind = sum(len(p.indicators) for p in report.projects)
    return (f"{report.doc}: {len(report.projects)} projects, {n_ind} indicators, "
            f"{len(report.statements)} statements")


def _print_summary(reports, failed: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="jixiao extract")
    for col in ("document", "projects", "indicators", "reasons", "problems", "measures"):
        table.add_column(col, justify="left" if col == "document" else "right")
    for r in reports:
        kinds = [s.kind for s in r.statements]
        table.add_row(r.doc, str(len(r.projects)), str(sum(len(p.indicators) for p in r.projects)),
                      str(kinds.count("reason")), str(kinds.count("problem")), str(kinds.count("measure")))
    Console(stderr=True).print(table)
    if failed:
        Console(stderr=True).print(f"[red]{failed} file(s) failed[/red]")
