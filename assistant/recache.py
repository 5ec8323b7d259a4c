"""Compiled regular expressions kept from one run to the next.

Every rule of the project is a regular expression read from `lexicons/` (cause patterns,
cue alternations, form vocabularies): about 1,750 of them, compiled on first use.  Python
compiles a pattern in pure Python (re._parser, re._compiler) before handing the resulting
opcode list to the C engine, and that took 0.45 s in every `jixiao` process and in every
batch worker — 3% of a 20 MB batch, most of a `jixiao classify` call.

`install()` keeps the opcode lists: the first run records what `re` hands to the engine
(`_sre.compile`'s arguments: the pattern, its flags, the opcodes, the groups), a later run
gives the same arguments to the engine and skips the parse.  The result is the engine's own
compiled pattern, as `re.compile` would give it.  The record is a `marshal` file (plain
strings, numbers, bytes and dicts; nothing in it is ever executed) in the cache folder
(JIXIAO_CACHE, else $XDG_CACHE_HOME/jixiao, else ~/.cache/jixiao), named by the Python
build and the regular-expression engine's version, so a new Python starts afresh; an
unreadable file is ignored.  JIXIAO_REGEX_CACHE=0 turns it off.

The opcodes are kept as packed machine words (an `array`'s bytes), a list made of them
only for a pattern compiled: a list of Python ints costs seven times the memory, and a
worker holding the whole file as lists grew by hundreds of megabytes.  The file holds at
most `MAX_CODE_BYTES` of opcodes: past that (lexicons edited many times over, each edit
new patterns) it keeps only what the last run used.

Only the `jixiao` program and its batch workers install it (it replaces `re`'s compiler for
the whole process); importing `assistant` as a library changes nothing.
"""
from __future__ import annotations

import atexit
import importlib
import marshal
from array import array
import os
import re
import sys
import threading
from pathlib import Path
from typing import Any

import _sre

_compiler: Any = importlib.import_module("re._compiler")   # (the module that hands opcodes to _sre)

MAX_CODE_BYTES = 8 * 1024 * 1024     # opcodes a file keeps (the lexicons' patterns take about 3 MB)
# the array type of the engine's code words (None where no array type has their size: no cache)
_TYPECODE = next((t for t in "IL" if array(t).itemsize == _sre.CODESIZE), None)
_VERSION = (sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT,
            _sre.MAXGROUPS, 2)

_state: dict = {}              # once installed: table, new, path, original compile


class _Recorder:
    """Stands in for the `_sre` module inside re._compiler: passes every call on, and keeps
    (per thread) the arguments of the last `compile`, which are what the cache stores."""

    def __init__(self, real):
        self._real = real
        self._last = threading.local()

    def __getattr__(self, name):
        return getattr(self._real, name)

    def compile(self, *args):
        self._last.args = args
        return self._real.compile(*args)

    def take(self):
        args = getattr(self._last, "args", None)
        self._last.args = None
        return args


def install(folder: Path | None = None) -> None:
    """Serve `re` compilations from the cache file in `folder` (the cache folder when None)
    and record new ones, written when the process ends.  Calling it again does nothing."""
    if _state or os.environ.get("JIXIAO_REGEX_CACHE", "1") == "0" or _TYPECODE is None:
        return
    if folder is None:
        from assistant.nlp import cache_dir

        try:
            folder = cache_dir()
        except OSError:
            return
    tag = f"{sys.implementation.cache_tag}-{_sre.MAGIC}"
    path = Path(folder) / f"regex-{tag}.marshal"
    recorder = _Recorder(_compiler._sre)
    _state.update(table=_read(path), new={}, used=set(), path=path, original=_compiler.compile,
                  recorder=recorder, lock=threading.Lock())
    _compiler._sre = recorder
    _compiler.compile = _compile
    atexit.register(save)


def installed() -> bool:
    return bool(_state)


def save() -> None:
    """Write what this process compiled and the file did not have (merged with what other
    processes wrote meanwhile; written whole to a new name, then renamed over the old)."""
    if not _state or not _state["new"]:
        return
    with _state["lock"]:
        new, _state["new"] = _state["new"], {}
    path: Path = _state["path"]
    table = _read(path)
    table.update(new)
    if _code_bytes(table) > MAX_CODE_BYTES:
        # (past the bound: what this run used, which the next run of the same work needs)
        used = _state["used"] | set(new)
        table = {k: v for k, v in table.items() if k in used}
    _state["table"].update(new)
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(marshal.dumps((_VERSION, list(table.items()))))
        os.replace(part, path)
    except (OSError, ValueError):
        try:
            part.unlink()
        except OSError:
            pass


def _compile(pattern, flags=0):
    """re._compiler.compile, served from the table when it holds the pattern."""
    key = (pattern, int(flags))
    if isinstance(pattern, str) and not flags & re.DEBUG:
        entry = _state["table"].get(key)
        if entry is not None:
            at, args = entry
            _state["used"].add(key)
            return _sre.compile(*args[:at], array(_TYPECODE, args[at]).tolist(), *args[at + 1:])
    recorder: _Recorder = _state["recorder"]
    recorder.take()
    compiled = _state["original"](pattern, flags)
    args = recorder.take()
    # (only a pattern given as text, compiled by the engine from that very text)
    at = next((n for n, a in enumerate(args or ()) if isinstance(a, list)), None)
    if isinstance(pattern, str) and not flags & re.DEBUG and args and args[0] is pattern and at is not None:
        # (the opcodes, named ints, kept as packed words, which give the engine the same list)
        packed = args[:at] + (array(_TYPECODE, args[at]).tobytes(),) + args[at + 1:]
        with _state["lock"]:
            _state["new"][key] = (at, packed)
    return compiled


def _code_bytes(table: dict) -> int:
    return sum(len(args[at]) for at, args in table.values())


def _read(path: Path) -> dict:
    try:
        version, items = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if version != _VERSION:
        return {}
    try:
        table = {}
        for k, (at, args) in items:
            if not isinstance(args[at], bytes):
                return {}
            table[tuple(k)] = (int(at), tuple(args))
        return table
    except (TypeError, ValueError, IndexError):
        return {}
