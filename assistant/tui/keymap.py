"""Remappable keys: `lexicons/keymap.yaml` (with any keymap.yaml overlay given to
`--lexicon`, as every lexicon file), then the analyst's own file on top.

The result is a Textual keymap ({binding id: "key,key"}) for `App.set_keymap`.
"""
from __future__ import annotations

import os
from pathlib import Path

from assistant.lexicon import LexiconError, lexicons, load_yaml
from assistant.messages import say


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
        raise LexiconError(say(f"{path}：快捷键表应把操作 id 对应到按键（每行「id: 按键」）",
                               f"{path}: a keymap maps binding ids to keys (id: key)"))
    for binding_id, keys in data.items():
        if not isinstance(keys, str) or not keys.strip():
            raise LexiconError(say(f"{path}：'{binding_id}' 应对应一个按键，如 'a' 或 'ctrl+s'",
                                   f"{path}: '{binding_id}' should map to a key such as 'a' or 'ctrl+s'"))
    return {str(k): v.strip() for k, v in data.items()}
