"""Bytes → text: the first step of every extraction.

`read_document(path)` returns a `Document` whose `text` every offset points into, or raises
`ReadError` whose message is one line naming the file and the reason (and, for formats it
cannot read, how to convert them).  The reader is chosen by the file's content, not its
name: text (UTF-8, GB18030/GBK, UTF-16, mixed), CSV, PDF, DOCX and XLSX; the last four are
laid out as the seeds print tables — one line per row, cells joined by TAB (readers/).  A
text is read as CSV when its lines are records of one width (readers/delimited.py).

Files that were read but not cleanly (mixed encodings, image-only PDF pages, a name that
disagrees with the content) raise a `ReadWarning` through `warnings.warn`; callers collect
them with `warnings.catch_warnings(record=True)`.

`iter_inputs(paths)` expands files and folders into the files to read.
"""
from __future__ import annotations

import errno
import json
import os
import re
import stat
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

from assistant.extract.readers import Decoded, Unreadable, check_text, message
from assistant.extract.readers.delimited import table_text
from assistant.extract.readers.sniff import sniff
from assistant.extract.readers.text import decode
from assistant.messages import say
from assistant.model import Document

# Files a bureau's folder holds that we cannot read but must not pass over in silence: each
# becomes one failed document whose line says how to convert it (.doc → .docx …).
CONVERTIBLE_SUFFIXES = (".doc", ".xls", ".wps", ".et", ".rtf", ".ofd", ".jpg", ".jpeg", ".png", ".tif",
                        ".tiff", ".bmp")
DEFAULT_SUFFIXES = (".txt", ".text", ".md", ".csv", ".pdf", ".docx", ".xlsx", ".xlsm", ".html", ".htm") + CONVERTIBLE_SUFFIXES
TEXT_SUFFIXES = (".txt", ".text", ".md", ".tsv", ".csv")
MAX_BYTES = 200 * 1024 * 1024
_MB = 1024 * 1024
_EXPECTED = {
    **{s: "text" for s in TEXT_SUFFIXES},
    ".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".html": "html", ".htm": "html",
}
# The kinds as a Chinese reason names them; each ends in a Chinese character or bracket, so
# only its start may need a space before it.
_KIND_ZH = {"text": "文本", "pdf": "PDF 文档", "docx": "Word 文档（.docx）", "xlsx": "Excel 工作簿（.xlsx）",
            "html": "网页（HTML）"}


class ReadError(Exception):
    """A file that cannot be read as a report; str() is '<path>: <reason>'."""

    def __init__(self, path: str | Path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")


class ReadWarning(UserWarning):
    """A file that was read, but not cleanly; str() is '<path>: <what happened>'."""

    def __init__(self, path: str | Path, reason: str):
        self.path, self.reason = str(path), reason
        super().__init__(f"{path}: {reason}")


def read_document(path: str | Path) -> Document:
    """Read one report file into a `Document`; `ReadError` for anything unreadable."""
    path = Path(path)
    data = _read_bytes(path)
    kind = "file"
    try:
        kind = sniff(data, path.name)
        decoded = _decode(kind, data, path.name)
        check_text(decoded.text)
        if kind == "text" and _is_extract_output(decoded.text):
            raise Unreadable(say("这是 jixiao extract 写出的抽取结果（JSON Lines），不是报告原文；"
                                 "请给出报告文件，或用 jixiao stats 统计它",
                                 "this is a JSON Lines output of jixiao extract, not a report; "
                                 "give the report's file, or count it with jixiao stats"))
    except Unreadable as exc:
        raise ReadError(path, exc.reason) from None
    except Exception as exc:  # a reader library failing on odd input must not crash a batch
        cause = f"{type(exc).__name__}: {message(exc)}"
        as_kind = f"作为{_kind_zh(kind)}" if kind in _KIND_ZH else ""      # kind "file": sniffing failed
        raise ReadError(path, say(f"无法{as_kind}读取：{cause}",
                                  f"could not be read as {kind}: {cause}")) from None
    expected = _EXPECTED.get(path.suffix.lower())
    if expected and expected != kind:
        decoded.warnings.insert(0, say(f"扩展名是 {path.suffix}，但内容是{_kind_zh(kind)}，已按{_kind_zh(kind)}读取",
                                       f"named {path.suffix} but the content is {kind}; read as {kind}"))
    for reason in decoded.warnings:
        warnings.warn(ReadWarning(path, reason), stacklevel=2)
    return Document(path=str(path), text=decoded.text, encoding=decoded.encoding)


def iter_inputs(paths: Iterable[str | Path] | str | Path,
                suffixes: Iterable[str] = DEFAULT_SUFFIXES) -> Iterator[Path | ReadError]:
    """The files to read under `paths`, folders expanded recursively in name order.

    Files named explicitly are yielded whatever their suffix (read_document judges them);
    inside folders only `suffixes` count, and hidden files, hidden folders and Office lock
    files (~$…) are skipped.  Symbolic links are followed; a folder reached twice (a link
    loop, or two links to one place) is listed once.  Paths that do not exist and folders
    that cannot be listed come out as `ReadError`s, in place.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    wanted = {s.lower() if s.startswith(".") else "." + s.lower() for s in suffixes}
    seen_dirs: set[Path] = set()
    seen_files: set[Path] = set()
    for given in paths:
        path = Path(given)
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            yield ReadError(path, _missing(path, exc))
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path, wanted, seen_dirs, seen_files)
        elif _first_time(path, seen_files):
            yield path


def _read_bytes(path: Path) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ReadError(path, say("是文件夹，不是文件（文件夹请直接交给命令行或 iter_inputs，由它们逐个读取其中的报告）",
                                      "is a directory (pass folders to iter_inputs or the CLI)"))
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(path, say("不是普通文件（而是设备、管道或套接字）",
                                      "not a regular file (a device, pipe or socket)"))
        if info.st_size > MAX_BYTES:
            size, most = f"{info.st_size / _MB:.0f}", MAX_BYTES // _MB
            raise ReadError(path, say(f"文件太大（{size} MB；超过 {most} MB 的文件不读取）",
                                      f"too large ({size} MB; files over {most} MB are refused)"))
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(path, _missing(path, exc)) from None
    except MemoryError:
        raise ReadError(path, say("文件太大，内存放不下", "too large to hold in memory")) from None


def _decode(kind: str, data: bytes, name: str) -> Decoded:
    if kind == "pdf":
        from assistant.extract.readers.pdf import read_pdf
        return read_pdf(data, name)
    if kind == "docx":
        from assistant.extract.readers.docx import read_docx
        return read_docx(data, name)
    if kind == "html":
        from assistant.extract.readers.html import read_html
        return read_html(data, name)
    if kind == "xlsx":
        from assistant.extract.readers.xlsx import read_xlsx
        return read_xlsx(data, name)
    decoded = decode(data)
    table = table_text(decoded.text, name)
    if table is not None:
        decoded.text = table
    return decoded


_OBJECT_START = re.compile(r"\s*\{")


def _is_extract_output(text: str) -> bool:
    """Whether `text` is what `jixiao extract` writes: JSON Lines of reports, each an object
    with its document and projects (read as a report, its keys would be taken for prose)."""
    start = _OBJECT_START.match(text)
    if start is None:
        return False
    end = text.find("\n", start.end())
    first = text[start.end() - 1:end if end >= 0 else len(text)]
    try:
        value = json.loads(first)
    except ValueError:
        return False
    return isinstance(value, dict) and "doc" in value and "projects" in value


def _kind_zh(kind: str) -> str:
    """The kind's Chinese name, set off by a space where it starts with a Latin letter."""
    name = _KIND_ZH.get(kind, kind)
    return f" {name}" if name[:1].isascii() else name


def _missing(path: Path, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        if path.is_symlink():
            return _broken_link()
        return say("没有这个文件或文件夹；请检查路径", "no such file or directory")
    if isinstance(exc, PermissionError):
        return say("没有读取权限", "permission denied")
    if exc.errno == errno.ELOOP:
        return say("符号链接形成了循环", "symbolic link loop")
    cause = exc.strerror or message(exc)
    return say(f"无法读取（{cause}）", f"cannot be read ({cause})")


def _broken_link() -> str:
    return say("符号链接已失效（指向的文件不存在）", "broken symbolic link")


def _walk(root: Path, wanted: set[str], seen_dirs: set[Path],
          seen_files: set[Path]) -> Iterator[Path | ReadError]:
    # A stack of per-folder iterators: depth-first, in name order, without recursion.
    stack: list[Iterator[os.DirEntry]] = []
    listing = _list(root, seen_dirs)
    if isinstance(listing, ReadError):
        yield listing
    if not isinstance(listing, list):
        return
    stack.append(iter(listing))
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith((".", "~$")):
            continue
        path = Path(entry.path)
        if _is_dir(entry):
            listing = _list(path, seen_dirs)
            if isinstance(listing, ReadError):
                yield listing
            elif listing is not None:
                stack.append(iter(listing))
        elif path.suffix.lower() in wanted:
            if _is_file(entry):
                if _first_time(path, seen_files):
                    yield path
            elif entry.is_symlink() and not path.exists():
                yield ReadError(path, _broken_link())


def _list(folder: Path, seen_dirs: set[Path]) -> list[os.DirEntry] | ReadError | None:
    """The folder's entries by name; None when it was listed already (a link loop)."""
    try:
        real = folder.resolve(strict=True)
    except (OSError, RuntimeError):
        return ReadError(folder, say("符号链接形成了循环，或文件夹路径无法解析",
                                     "symbolic link loop or unresolvable folder"))
    if real in seen_dirs:
        return None
    seen_dirs.add(real)
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda e: e.name)
    except PermissionError:
        return ReadError(folder, say("没有权限（无法列出文件夹内容）", "permission denied (the folder cannot be listed)"))
    except OSError as exc:
        cause = exc.strerror or message(exc)
        return ReadError(folder, say(f"无法列出文件夹内容（{cause}）", f"the folder cannot be listed ({cause})"))


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _first_time(path: Path, seen_files: set[Path]) -> bool:
    try:
        real = path.resolve()
    except (OSError, RuntimeError):
        return True
    if real in seen_files:
        return False
    seen_files.add(real)
    return True
