"""`jixiao`: the Typer command line, a thin shell over the library.

Each command lives in its own module under `assistant/commands/` and registers itself on
`app`; this module only wires them together.
"""
from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="jixiao",
    help="绩效评价助手 — read budget-performance reports into structured, reviewable data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def main() -> None:
    from assistant.commands import COMMAND_MODULES

    for name in COMMAND_MODULES:
        importlib.import_module(f"assistant.commands.{name}")
    app()


if __name__ == "__main__":     # `python -m assistant.cli`: register on the imported module's app
    from assistant.cli import main as _main

    _main()
