"""Remappable keys: `lexicons/keymap.yaml`, then the analyst's own file on top.

The result is a Textual keymap ({binding id: "key,key"}) for `App.set_keymap`.
"""
from __future__ import annotations

import os
from pathlib import Path

from assistant.lexicon import LexiconError, lexicon_dir, load_yaml


def load_keymap(path: str | Path | None = None) -> dict[str, str]:
    """The built-in keymap, overridden by `path` or $JIXIAO_KEYMAP when given."""
    keymap = _read(lexicon_dir() / "keymap.yaml")
    user = path or os.environ.get("JIXIAO_KEYMAP")
    if user:
        keymap.update(_read(Path(user)))
    return keymap


def _read(path: Path) -> dict[str, str]:
    data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: a keymap maps binding ids to keys (id: key)")
    for binding_id, keys in data.items():
        if not isinstance(keys, str) or not keys.strip():
            raise LexiconError(f"{path}: '{binding_id}' should map to a key such as 'a' or 'ctrl+s'")
    return {str(k): v.strip() for k, v in data.items()}
