"""`jixiao`: the Typer command line, a thin shell over the library.

Each command lives in its own module here (`assistant/cli/extract.py` …), named as the
command, and says what it is in `COMMAND` (a function, or a Typer group); `register` puts
them on `app`.  A command named on the line imports only its own module.
"""
from __future__ import annotations

import importlib
import os
import sys

import typer

from assistant import recache
from assistant.messages import error_prefix, localize

# The commands, in the order help lists them; each is the module assistant/cli/<name>.py.
COMMAND_MODULES = ("extract", "draft", "classify", "review", "export", "stats", "show")

app = typer.Typer(
    name="jixiao",
    help="绩效评价助手 — read budget-performance reports into structured, reviewable data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(lang: str = typer.Option("", "--lang", metavar="zh|en",
                                   help="Language of messages and help: zh (default) or en; same as JIXIAO_LANG.")) -> None:
    """绩效评价助手 — read budget-performance reports into structured, reviewable data."""
    # --lang is taken from the command line before parsing (take_lang), wherever it stands


def take_lang(argv: list[str]) -> list[str]:
    """`argv` without `--lang X` / `--lang=X`, which sets JIXIAO_LANG for this process and its
    workers (before the help is localized); SystemExit(2) with one line for another value."""
    out, k = [], 0
    while k < len(argv):
        arg = argv[k]
        if arg == "--":
            out += argv[k:]
            break
        if arg == "--lang" or arg.startswith("--lang="):
            value = arg.partition("=")[2] if "=" in arg else (argv[k + 1] if k + 1 < len(argv) else "")
            k += 1 if "=" in arg else 2
            value = value.strip().lower()
            if value not in ("zh", "en"):
                sys.stderr.write(f"{error_prefix()}--lang 只能是 zh 或 en（不是「{value}」）\n")
                raise SystemExit(2)
            os.environ["JIXIAO_LANG"] = value
            continue
        out.append(arg)
        k += 1
    return out


_registered: set[str] = set()


def register(names: tuple[str, ...] | list[str] = COMMAND_MODULES) -> typer.Typer:
    """`app` with the commands `names` on it (each once, however often this is called)."""
    for name in names:
        if name in _registered:
            continue
        command = importlib.import_module(f"assistant.cli.{name}").COMMAND
        if isinstance(command, typer.Typer):
            app.add_typer(command, name=name)
        else:
            app.command(name)(command)
        _registered.add(name)
    return app



def console() -> None:
    """The `jixiao` program (and `python -m assistant`): `main` in a process of its own, which
    a stopped batch may end at once (see assistant/cli/extract.py `_exit_now`)."""
    from assistant.cli import options

    options.HARD_EXIT = True
    main()


def main() -> None:
    recache.install()          # the lexicons' patterns, compiled once for all runs
    sys.argv[1:] = take_lang(sys.argv[1:])
    # a command named on the line needs only its own module: `jixiao classify` does not load
    # the extraction and review stacks; help and anything else load them all
    named = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] in COMMAND_MODULES else None
    register([named] if named else COMMAND_MODULES)
    command = typer.main.get_command(app)
    localize(command)                         # help in Chinese unless English is asked for
    _localize_typer()
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


def _localize_typer() -> None:
    """The words typer prints around every help page (panel titles, 「[default: …]」), in
    Chinese unless English is asked for: typer.rich_utils reads them from its module when it
    prints (lexicons/cli_help.yaml § typer)."""
    import typer.rich_utils

    from assistant.lexicon import LexiconError, builtin
    from assistant.messages import english

    for name, text in _TYPER_ENGLISH.items():     # English first (one process may ask both)
        setattr(typer.rich_utils, name, text)
    if english():
        return
    try:
        strings = (builtin("cli_help.yaml") or {}).get("typer") or {}
    except LexiconError:            # a damaged help file leaves the English words
        return
    for name, text in strings.items():
        name = str(name)
        if isinstance(getattr(typer.rich_utils, name, None), str):
            _TYPER_ENGLISH.setdefault(name, getattr(typer.rich_utils, name))
            setattr(typer.rich_utils, name, str(text))


_TYPER_ENGLISH: dict[str, str] = {}     # typer's own words, kept when first replaced


def user_message(exc: BaseException) -> str:
    """One Chinese line for an error a user can fix: which file, and what to do."""
    import sqlite3

    from assistant.store.schema import SchemaError

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
