"""Loading the analyst-editable data in `lexicons/` (YAML and TSV).

Every word list, cue, template and intent lives there, never in code.  A malformed file
raises `LexiconError` whose message names the file, the line and what is wrong.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

# libyaml when the wheel has it: parsing the lexicons was a fifth of a worker's start-up.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LexiconError(ValueError):
    """A lexicon file that cannot be used; str() is one line naming file, line and problem."""


def lexicon_dir() -> Path:
    """The built-in lexicon folder (override with JIXIAO_LEXICONS for a custom set)."""
    env = os.environ.get("JIXIAO_LEXICONS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "lexicons"


def load_yaml(path: str | Path) -> Any:
    """Parse one YAML file, turning parser errors into a one-line LexiconError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{path}: no such lexicon file") from None
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        return yaml.load(text, Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "somewhere"
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise LexiconError(f"{path}: {where}: {problem}") from None


@lru_cache(maxsize=None)
def builtin(name: str) -> Any:
    """A built-in lexicon by file name (e.g. 'labels.yaml'), parsed once per process."""
    return load_yaml(lexicon_dir() / name)


def require(data: Any, key: str, kind: type, path: str | Path) -> Any:
    """Fetch `data[key]` and check its type, with a message naming the file."""
    if not isinstance(data, dict) or key not in data:
        raise LexiconError(f"{path}: missing top-level key '{key}'")
    value = data[key]
    if not isinstance(value, kind):
        raise LexiconError(f"{path}: '{key}' should be a {kind.__name__}, not {type(value).__name__}")
    return value
