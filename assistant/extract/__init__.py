"""Extraction: file → Document → blocks → Report (see ARCHITECTURE.md)."""
from assistant.extract.pipeline import extract_document, extract_path, extract_text

__all__ = ["extract_document", "extract_path", "extract_text"]
