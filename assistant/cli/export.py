"""`jixiao export --db store.sqlite --status accepted --format jsonl|csv|xlsx|spacy -o FILE`."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from assistant.messages import error_prefix, say
from assistant.store import EXPORT_STATUSES, ITEM_KINDS, Store
from assistant.store.export import FORMATS


def export_command(
    db: Path = typer.Option(..., "--db", help="The review store (SQLite)."),
    output: Path = typer.Option(..., "-o", "--output", help="File to write."),
    status: str = typer.Option("accepted", "--status",
                               help="accepted (accepted or edited), edited, rejected, reviewed, pending or all."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f",
                                      help="jsonl, csv (UTF-8 with BOM), xlsx, or spacy (a DocBin: the items as doc.spans over each "
                                           "document's text, to train models); by default from the -o suffix (else jsonl)."),
    kind: Optional[list[str]] = typer.Option(None, "--kind", help="Only these kinds (problem, reason, measure, "
                                                                 "indicator, finding); repeatable."),
) -> None:
    """Export reviewed items with their decisions, who made them and when."""
    problems = []
    if fmt is None:                     # 「-o 结果.xlsx」 means Excel: never JSON Lines in a .xlsx
        fmt = output.suffix.lower().lstrip(".") if output.suffix.lower().lstrip(".") in FORMATS else "jsonl"
    elif output.suffix.lower().lstrip(".") in FORMATS and output.suffix.lower().lstrip(".") != fmt:
        suffix = output.suffix.lstrip(".")
        problems.append(say(f"{output}：扩展名是 {suffix}，--format 却是 {fmt}；请让两者一致",
                            f"{output}: the suffix says {suffix}, --format says {fmt}; make them agree"))
    if not db.is_file():
        problems.append(say(f"{db}：没有这个审核库文件；请检查路径，或先用 jixiao extract … --db 建立",
                            f"{db}: no such store"))
    if status not in EXPORT_STATUSES:
        problems.append(say(f"--status 只能是 {'、'.join(EXPORT_STATUSES)} 之一",
                            f"--status must be one of {', '.join(EXPORT_STATUSES)}"))
    if fmt not in FORMATS:
        problems.append(say(f"--format 只能是 {'、'.join(FORMATS)} 之一", f"--format must be one of {', '.join(FORMATS)}"))
    unknown = [k for k in kind or () if k not in ITEM_KINDS]
    if unknown:
        problems.append(say(f"--kind 只能取 {'、'.join(ITEM_KINDS)}（没有 {'、'.join(unknown)}）",
                            f"--kind must be among {', '.join(ITEM_KINDS)} (not {', '.join(unknown)})"))
    if problems:
        for problem in problems:
            typer.echo(f"{error_prefix()}{problem}", err=True)
        raise typer.Exit(2)
    with Store(db, create=False) as store:     # export never creates or changes a store
        n = store.export(status, fmt, output, kinds=kind or None)
    typer.echo(f"已导出 {n} 条（{status}）到 {output}", err=True)


COMMAND = export_command       # registered by assistant.cli as `jixiao export`
