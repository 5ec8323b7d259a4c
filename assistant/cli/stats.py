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
    """The counts as tables, headed in the user's language (Chinese by default); kinds and
    forms by their names in lexicons/export.yaml."""
    from rich.console import Console
    from rich.table import Table

    from assistant.store.export import export_words

    words = export_words()
    kind_names = {k: say(words.kinds.get(k, k), k) for k in KINDS}
    form_names = {f: say(n, f) for f, n in words.forms.items()}
    console = Console()
    console.print(say(f"共 {s.documents} 份文档，{s.projects} 个项目", f"{s.documents} documents, {s.projects} projects"))
    themes = theme_names()
    table = Table(title=say("按主题统计语句（问题归类）", "statements by theme (问题归类)"))
    for col, right in ((say("主题", "theme"), False), (say("名称", "name"), False),
                       *((kind_names[k], True) for k in KINDS), (say("合计", "total"), True)):
        table.add_column(col, justify="right" if right else "left")
    for theme, total in ranked(s.theme_totals()):
        kinds = s.themes[theme]
        table.add_row(theme, themes.get(theme, ""), *(str(kinds.get(k, 0)) for k in KINDS),
                      str(total))
    console.print(table)
    console.print(_counter_table(say("按类别统计指标", "indicators by category (指标分类)"),
                                 say("类别", "category"), say("指标数", "indicators"), s.categories))
    forms = {form_names.get(f, f): n for f, n in s.forms.items()}
    console.print(_counter_table(say("按表单统计项目", "projects by form"), say("表单", "form"),
                                 say("项目数", "projects"), forms))
    console.print(_counter_table(say("按年度统计文档", "documents by year (年度)"), say("年度", "year"),
                                 say("文档数", "documents"), s.years, by_key=True))
    table = Table(title=say(f"按单位统计（实施单位 / 单位名称），前 {top_units} 个",
                            f"units (实施单位 / 单位名称), top {top_units}"))
    for col, right in ((say("单位", "unit"), False), (say("文档数", "documents"), True),
                       (say("项目数", "projects"), True), (say("语句数", "statements"), True)):
        table.add_column(col, justify="right" if right else "left")
    by_projects = sorted(s.units.items(), key=lambda kv: (-kv[1]["projects"], -kv[1]["documents"], kv[0]))
    for unit, c in by_projects[:top_units]:
        table.add_row(unit, str(c["documents"]), str(c["projects"]), str(c["statements"]))
    console.print(table)
    rates = Table(title=say("按预算执行率统计项目", "projects by execution rate (预算执行率)"))
    rates.add_column(say("执行率", "rate"))
    rates.add_column(say("项目数", "projects"), justify="right")
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
