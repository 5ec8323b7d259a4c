"""`jixiao stats OUT.jsonl | --db store.sqlite [--plot FILE.png]`: what a batch found, counted."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from assistant.batch.stats import RATE_BINS, Stats, plot_stats, ranked, stats_from_jsonl, stats_from_store
from assistant.extract.themes import theme_names
from assistant.messages import error_prefix, say
from assistant.model import KINDS

TOP_UNITS = 20


def stats(
    jsonl: Optional[Path] = typer.Argument(None, help="A `jixiao extract` JSON Lines output."),
    db: Optional[Path] = typer.Option(None, "--db", help="A review store (reports as reviewed)."),
    plot: Optional[Path] = typer.Option(None, "--plot", help="Also draw bar charts of theme counts and "
                                        "execution rates into this PNG."),
    sources: bool = typer.Option(True, "--sources/--no-sources", help="For JSON Lines: read the source "
                                 "files again, when they exist, for each report's year and unit."),
    units: int = typer.Option(TOP_UNITS, "--units", min=1, help="How many units to list."),
) -> None:
    """Counts by theme, indicator category, form, year and unit (tables), and --plot charts."""
    if (jsonl is None) == (db is None):
        raise typer.BadParameter(say("请给出一个 JSON Lines 文件或 --db 审核库.sqlite，二者取一",
                                     "give either a JSON Lines file or --db store.sqlite"), param_hint="SOURCE")
    source = db if db is not None else jsonl
    assert source is not None
    if not source.is_file():
        typer.echo(f"{error_prefix()}{source}：" + say("没有这个文件", "no such file"), err=True)
        raise typer.Exit(2)
    try:
        counted = stats_from_store(db) if db is not None else stats_from_jsonl(source, read_sources=sources)
    except (ValueError, UnicodeDecodeError) as exc:
        typer.echo(f"{error_prefix()}{exc}", err=True)
        raise typer.Exit(2) from None
    _print_tables(counted, units)
    if plot is not None:
        if plot.suffix.lower() not in (".png", ".svg", ".pdf", ".jpg", ".jpeg"):
            plot = plot.with_name(plot.name + ".png")     # matplotlib would add .png; say the real name
        chinese = plot_stats(counted, plot)
        typer.echo(f"图表已写入 {plot}" + ("" if chinese else "（未找到中文字体：标签用代码）"), err=True)


def _print_tables(s: Stats, top_units: int) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"{s.documents} documents, {s.projects} projects")
    names = theme_names()
    table = Table(title="statements by theme (问题归类)")
    for col in ("theme", "name", *KINDS, "total"):
        table.add_column(col, justify="left" if col in ("theme", "name") else "right")
    for theme, total in ranked(s.theme_totals()):
        kinds = s.themes[theme]
        table.add_row(theme, names.get(theme, ""), *(str(kinds.get(k, 0)) for k in KINDS),
                      str(total))
    console.print(table)
    console.print(_counter_table("indicators by category (指标分类)", "category", "indicators", s.categories))
    console.print(_counter_table("projects by form", "form", "projects", s.forms))
    console.print(_counter_table("documents by year (年度)", "year", "documents", s.years, by_key=True))
    table = Table(title=f"units (实施单位 / 单位名称), top {top_units}")
    for col in ("unit", "documents", "projects", "statements"):
        table.add_column(col, justify="left" if col == "unit" else "right")
    by_projects = sorted(s.units.items(), key=lambda kv: (-kv[1]["projects"], -kv[1]["documents"], kv[0]))
    for unit, c in by_projects[:top_units]:
        table.add_row(unit, str(c["documents"]), str(c["projects"]), str(c["statements"]))
    console.print(table)
    rates = Table(title="projects by execution rate (预算执行率)")
    rates.add_column("rate")
    rates.add_column("projects", justify="right")
    for label, _ in RATE_BINS:
        rates.add_row(label, str(s.rates.get(label, 0)))
    console.print(rates)


def _counter_table(title: str, what: str, unit: str, counts, *, by_key: bool = False):
    from rich.table import Table

    table = Table(title=title)
    table.add_column(what)
    table.add_column(unit, justify="right")
    items = sorted(counts.items()) if by_key else ranked(counts)
    for key, n in items:
        table.add_row(str(key), str(n))
    return table


COMMAND = stats       # registered by assistant.cli as `jixiao stats`
