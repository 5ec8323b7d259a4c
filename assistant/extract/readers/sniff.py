"""What a file is, from its first bytes: "text", "pdf", "docx", "xlsx" or "html", else `Unreadable`.

The name's suffix only decorates the advice; the content decides, because reports arrive
renamed (.doc files that are really .docx, PDFs saved as .txt).
"""
from __future__ import annotations

import io
import zipfile

from assistant.extract.readers import Unreadable, message

KINDS = ("text", "pdf", "docx", "xlsx", "html")
_CONVERT = "convert it, e.g. `libreoffice --headless --convert-to {fmt} {name}`"
_OCR = "run OCR first, e.g. `tesseract {name} out -l chi_sim`"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
_ARCHIVES = (
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\xfd7zXZ\x00", "xz"),
)
_ODF = {
    b"application/vnd.oasis.opendocument.text": ("OpenDocument text (.odt)", "docx"),
    b"application/vnd.oasis.opendocument.spreadsheet": ("OpenDocument spreadsheet (.ods)", "xlsx"),
    b"application/vnd.oasis.opendocument.presentation": ("OpenDocument slides (.odp)", "pdf"),
}


def sniff(data: bytes, name: str = "FILE") -> str:
    """The kind of `data` ("text", "pdf", "docx", "xlsx", "html"); `Unreadable` for anything else."""
    if not data:
        raise Unreadable("empty file (0 bytes)")
    head = data[:1024]
    if _is_pdf(data, head):
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data, name)
    if head.startswith(_OLE):
        raise Unreadable(_ole_reason(data, name))
    for magic, label in _IMAGES:
        if head.startswith(magic):
            raise Unreadable(f"an image ({label}), not a text document; {_OCR.format(name=name)}")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        raise Unreadable(f"an image (WebP), not a text document; {_OCR.format(name=name)}")
    if head.startswith(b"{\\rtf"):
        raise Unreadable("a Rich Text (RTF) document; " + _CONVERT.format(fmt="docx", name=name))
    for magic, label in _ARCHIVES:
        if head.startswith(magic):
            raise Unreadable(f"a {label} archive; extract it and pass the reports inside")
    if _is_html(head):
        return "html"
    return "text"


def _is_html(head: bytes) -> bool:
    """A page that opens as HTML does (a doctype, <html>, or <meta>/<table> first), in an
    ASCII-compatible encoding; a text report that quotes a tag further down stays text."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html", b"<head", b"<meta", b"<body", b"<table"))


def _is_pdf(data: bytes, head: bytes) -> bool:
    # Readers accept the header anywhere in the first KB; a text that merely mentions
    # "%PDF-" has no PDF objects, so those are required when the header is not first.
    at = head.find(b"%PDF-")
    if at < 0:
        return False
    return not head[:at].strip(b" \t\r\n\x00") or b"endobj" in data[: 1 << 20]


def _zip_kind(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, ValueError) as exc:
        raise Unreadable(
            "damaged zip container (a .docx/.xlsx that is truncated or corrupt?): "
            f"{message(exc)}; open and re-save it, or download it again") from None
    if "word/document.xml" in names or any(n.startswith("word/document") for n in names):
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        raise Unreadable("an Excel binary workbook (.xlsb); "
                         + _CONVERT.format(fmt="xlsx", name=name))
    if any(n.startswith("ppt/") for n in names):
        raise Unreadable("a PowerPoint presentation (.pptx); "
                         + _CONVERT.format(fmt="pdf", name=name))
    if mimetype in _ODF:
        label, fmt = _ODF[mimetype]
        raise Unreadable(f"an {label} file; " + _CONVERT.format(fmt=fmt, name=name))
    if "OFD.xml" in names:
        raise Unreadable("an OFD document (版式文档); export it to PDF with an OFD reader first")
    raise Unreadable(
        f"a zip archive of {len(names)} files, not a .docx or .xlsx; "
        "unzip it and pass the reports inside")


def _ole_reason(data: bytes, name: str) -> str:
    def has(stream: str) -> bool:
        return stream.encode("utf-16-le") in data

    if has("EncryptedPackage"):
        return ("a password-protected Office file (encrypted .docx/.xlsx); "
                "open it, remove the password and save it again")
    if has("WordDocument"):
        return ("an old Word 97-2003 document (.doc, OLE2 format); "
                + _CONVERT.format(fmt="docx", name=name))
    if has("Workbook") or has("Book"):
        return ("an old Excel 97-2003 workbook (.xls, OLE2 format); "
                + _CONVERT.format(fmt="xlsx", name=name))
    if has("PowerPoint Document"):
        return ("an old PowerPoint presentation (.ppt, OLE2 format); "
                + _CONVERT.format(fmt="pdf", name=name))
    return ("an OLE2 compound file (old Microsoft Office or WPS format); "
            + _CONVERT.format(fmt="docx", name=name) + " (or xlsx for a spreadsheet)")
