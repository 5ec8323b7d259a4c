"""What several commands check the same way before any document is read."""
from __future__ import annotations

from pathlib import Path

import typer

from assistant.messages import error_prefix

# Set by the `jixiao` program itself (`console`), never when a command runs inside another
# program (tests, notebooks): a stopped batch may then end its process at once (extract).
HARD_EXIT = False

LEXICON_HELP = ("An analyst lexicon merged over the built-in one (repeatable): indicator terms (see "
                "lexicons/indicators.yaml), or a file named like a built-in one (themes.yaml, causes.yaml, "
                "keymap.yaml, domain_terms.txt …) or a folder of them.")


def checked_lexicons(paths: list[Path]) -> tuple[str, ...]:
    """Make the overlays among `paths` this process's (and its workers', through the
    environment) and compile the indicator lexicons, so that a malformed one stops the run
    with one line before any document is read; the indicator lexicons' paths, resolved."""
    from assistant.batch import lexicon_for
    from assistant.lexicon import LexiconError, take_overlays

    try:
        resolved = tuple(str(p.resolve()) for p in take_overlays(paths))
        lexicon_for(resolved)
    except LexiconError as exc:
        typer.echo(f"{error_prefix()}{exc}", err=True)
        raise typer.Exit(2) from None
    return resolved
