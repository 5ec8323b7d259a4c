"""Bytes → text: the first step of every extraction.

`read_document(path)` returns a `Document` whose `text` every offset points into, or raises
`ReadError` whose message is one line naming the file and the reason.
"""
from __future__ import annotations

from pathlib import Path

from assistant.model import Document


class ReadError(Exception):
    """A file that cannot be read as a report; str() is '<path>: <reason>'."""

    def __init__(self, path: str | Path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")


TEXT_SUFFIXES = (".txt", ".text", ".md", ".tsv", ".csv")


def read_document(path: str | Path) -> Document:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReadError(path, "no such file") from None
    except IsADirectoryError:
        raise ReadError(path, "is a directory") from None
    except PermissionError:
        raise ReadError(path, "permission denied") from None
    except OSError as exc:
        raise ReadError(path, f"cannot be read ({exc.strerror or exc})") from None
    text, encoding = decode_text(path, data)
    return Document(path=str(path), text=text, encoding=encoding)


def decode_text(path: str | Path, data: bytes) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030; binary is refused."""
    if not data:
        raise ReadError(path, "empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        raise ReadError(path, "binary file (NUL bytes), not a text report")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise ReadError(path, "undecodable text (neither UTF-8 nor GB18030)") from None
