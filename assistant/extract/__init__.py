"""Extraction: file → Document → blocks → Report (see ARCHITECTURE.md).

`extract_document`, `extract_path` and `extract_text` are imported on first use, so that a
part of the package (the classifier behind `jixiao classify`) loads without the rest.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["extract_document", "extract_path", "extract_text"]

if TYPE_CHECKING:
    from assistant.extract.pipeline import extract_document, extract_path, extract_text


def __getattr__(name: str):
    if name in __all__:
        from assistant.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
