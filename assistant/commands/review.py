"""`jixiao review --db store.sqlite [PATHS]`: extract PATHS into the store, then review in the terminal."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

import typer

from assistant.cli import app
from assistant.messages import error_prefix, say
from assistant.store import Store


@dataclass
class Ingested:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)      # one line each: file and reason


@app.command()
def review(
    paths: Optional[list[Path]] = typer.Argument(None, help="Reports (files or folders) to extract into the store first."),
    db: Path = typer.Option(..., "--db", help="The review store (SQLite); created if missing."),
    keymap: Optional[Path] = typer.Option(None, "--keymap", help="YAML file remapping keys (binding id: key), see lexicons/keymap.yaml."),
) -> None:
    """Review extracted items: accept, reject, edit, draft 改进措施, ask questions in Chinese."""
    if keymap is not None and not keymap.is_file():
        typer.echo(f"{error_prefix()}{keymap}：" + say("没有这个按键配置文件", "no such keymap file"), err=True)
        raise typer.Exit(2)
    with Store(db) as store:
        result = ingest(store, paths or [], on_file=lambda path, what: typer.echo(f"{path}：{what}", err=True))
    notes = []
    if paths:
        summary = say(f"新增 {len(result.added)} 份，已在 {db} 中 {len(result.unchanged)} 份，失败 {len(result.failed)} 份",
                      f"{len(result.added)} added, {len(result.unchanged)} already in {db}, {len(result.failed)} failed")
        typer.echo(summary, err=True)
        notes = [summary] + [f"{error_prefix()}{line}" for line in result.failed]
    from assistant.tui.app import ReviewApp  # Textual only when the app really starts

    ReviewApp(db, keymap=keymap, notes=notes).run()    # the app shows the import's summary and failures


def ingest(store: Store, paths: Iterable[Path],
           on_file: Callable[[str, str], None] = lambda path, what: None) -> Ingested:
    """Extract every report under `paths` into the store; files already stored are skipped.

    `on_file(path, what)` hears of each file as it is done (added / unchanged / the error)."""
    from assistant.extract.pipeline import extract_read, read_noting
    from assistant.extract.read import ReadError, iter_inputs

    result = Ingested()
    for item in iter_inputs(list(paths)):
        if isinstance(item, ReadError):
            result.failed.append(str(item))
            on_file(item.path, f"{error_prefix()}{item.reason}")
            continue
        try:
            doc, noticed = read_noting(item)      # read once: hashed, then extracted
            if store.has_document(doc.sha256):
                result.unchanged.append(str(item))
                on_file(str(item), say("已在库中", "already in the store"))
                continue
            store.add_report(extract_read(doc, noticed), doc.text)
        except ReadError as exc:
            result.failed.append(str(exc))
            on_file(str(item), f"{error_prefix()}{exc.reason}")
            continue
        result.added.append(str(item))
        on_file(str(item), say("已入库", "added"))
    return result
