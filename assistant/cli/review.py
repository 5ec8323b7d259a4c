"""`jixiao review --db store.sqlite [PATHS]`: extract PATHS into the store, then review in the terminal."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from assistant.cli.options import LEXICON_HELP, checked_lexicons
from assistant.messages import error_prefix, say
from assistant.store import Store


def review(
    paths: Optional[list[Path]] = typer.Argument(None, help="Reports (files or folders) to extract into the store first."),
    db: Path = typer.Option(..., "--db", help="The review store (SQLite); created if missing."),
    keymap: Optional[Path] = typer.Option(None, "--keymap", help="YAML file remapping keys (binding id: key), see lexicons/keymap.yaml."),
    lexicon: list[Path] = typer.Option([], "--lexicon", "-l", help=LEXICON_HELP + " Used for the reports "
                                       "extracted first, the drafts, the chat and the keys."),
) -> None:
    """Review extracted items: accept, reject, edit, draft 改进措施, ask questions in Chinese."""
    if keymap is not None and not keymap.is_file():
        typer.echo(f"{error_prefix()}{keymap}：" + say("没有这个按键配置文件", "no such keymap file"), err=True)
        raise typer.Exit(2)
    indicator_lexicons = checked_lexicons(lexicon)
    from assistant.batch.ingest import ingest

    with Store(db) as store:
        result = ingest(store, paths or [], on_file=lambda path, what: typer.echo(f"{path}：{what}", err=True),
                        lexicons=indicator_lexicons)
    notes = []
    if paths:
        summary = say(f"新增 {len(result.added)} 份，已在 {db} 中 {len(result.unchanged)} 份，失败 {len(result.failed)} 份",
                      f"{len(result.added)} added, {len(result.unchanged)} already in {db}, {len(result.failed)} failed")
        typer.echo(summary, err=True)
        notes = [summary] + [f"{error_prefix()}{line}" for line in result.failed]
    from assistant.tui.app import ReviewApp  # Textual only when the app really starts

    ReviewApp(db, keymap=keymap, notes=notes).run()    # the app shows the import's summary and failures


COMMAND = review       # registered by assistant.cli as `jixiao review`
