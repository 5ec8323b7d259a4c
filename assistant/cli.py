"""`jixiao`: the Typer command line, a thin shell over the library.

Each command lives in its own module under `assistant/commands/` and registers itself on
`app`; this module only wires them together.
"""
from __future__ import annotations

import importlib
import sys

import typer

from assistant.messages import error_prefix, localize

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
    command = typer.main.get_command(app)
    localize(command)                         # help in Chinese unless English is asked for
    try:
        command.main(prog_name="jixiao", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("已中断（已写出的内容保留）\n")
        raise SystemExit(130) from None
    except Exception as exc:                 # the last net: one line, never a traceback
        sys.stderr.write(f"{error_prefix()}{user_message(exc)}\n")
        raise SystemExit(2) from None


def user_message(exc: BaseException) -> str:
    """One Chinese line for an error a user can fix: which file, and what to do."""
    import sqlite3

    from assistant.store_schema import SchemaError

    if isinstance(exc, SchemaError):
        return str(exc)
    name = getattr(exc, "filename", None)
    if isinstance(exc, IsADirectoryError):
        return f"{name}：是一个文件夹；请在它下面给出文件名（如 {name}/结果）"
    if isinstance(exc, FileNotFoundError):
        return f"{name}：所在文件夹不存在；请先创建文件夹或换一个路径"
    if isinstance(exc, PermissionError):
        return f"{name}：没有读写权限；请换一个位置或检查权限"
    if isinstance(exc, sqlite3.DatabaseError):
        return f"数据库文件无法打开（{exc}）；请确认 --db 给出的是 jixiao 建立的审核库（.sqlite）"
    if isinstance(exc, OSError):
        return f"{name or ''}：{exc.strerror or exc}".lstrip("：")
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:300]}"


if __name__ == "__main__":     # `python -m assistant.cli`: register on the imported module's app
    from assistant.cli import main as _main

    _main()
