"""Remappable keys: `lexicons/keymap.yaml` (with any keymap.yaml overlay given to
`--lexicon`, as every lexicon file), then the analyst's own file on top.

The result is a Textual keymap ({binding id: "key,key"}) for `App.set_keymap`.
"""
from __future__ import annotations

import os
from pathlib import Path

from assistant.lexicon import LexiconError, lexicons, load_yaml


def load_keymap(path: str | Path | None = None) -> dict[str, str]:
    """The built-in keymap, overridden by `path` or $JIXIAO_KEYMAP when given."""
    lex = lexicons()
    keymap = _checked(lex.data("keymap.yaml"), lex.folder / "keymap.yaml")
    user = path or os.environ.get("JIXIAO_KEYMAP")
    if user:
        keymap.update(_read(Path(user)))
    return keymap


def _read(path: Path) -> dict[str, str]:
    return _checked(load_yaml(path), path)


def _checked(data, path: Path) -> dict[str, str]:
    data = data or {}
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: a keymap maps binding ids to keys (id: key)")
    for binding_id, keys in data.items():
        if not isinstance(keys, str) or not keys.strip():
            raise LexiconError(f"{path}: '{binding_id}' should map to a key such as 'a' or 'ctrl+s'")
    return {str(k): v.strip() for k, v in data.items()}
