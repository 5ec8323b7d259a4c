"""What a file is, from its first bytes: "text", "pdf", "docx", "xlsx" or "html", else `Unreadable`.

The name's suffix only decorates the advice; the content decides, because reports arrive
renamed (.doc files that are really .docx, PDFs saved as .txt).
"""
from __future__ import annotations

import io
import zipfile

from assistant.extract.readers import Unreadable, message
from assistant.messages import say

KINDS = ("text", "pdf", "docx", "xlsx", "html")
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
_ODF = {       # mimetype → (Chinese name, English name, the format to convert to)
    b"application/vnd.oasis.opendocument.text": ("OpenDocument 文本（.odt）", "OpenDocument text (.odt)", "docx"),
    b"application/vnd.oasis.opendocument.spreadsheet": ("OpenDocument 电子表格（.ods）",
                                                        "OpenDocument spreadsheet (.ods)", "xlsx"),
    b"application/vnd.oasis.opendocument.presentation": ("OpenDocument 演示文稿（.odp）",
                                                         "OpenDocument slides (.odp)", "pdf"),
}


def _convert(fmt: str, name: str) -> str:
    """How to convert `name` into `fmt`, in the language in force."""
    command = f"`libreoffice --headless --convert-to {fmt} {name}`"
    return say(f"请用 WPS 或 Office 另存为 .{fmt}，或运行 {command}", f"convert it, e.g. {command}")


def _ocr(name: str) -> str:
    """How to OCR the image `name`, in the language in force."""
    command = f"`tesseract {name} out -l chi_sim`"
    return say(f"请先做 OCR 文字识别，例如 {command}", f"run OCR first, e.g. {command}")


def sniff(data: bytes, name: str = "FILE") -> str:
    """The kind of `data` ("text", "pdf", "docx", "xlsx", "html"); `Unreadable` for anything else."""
    if not data:
        raise Unreadable(say("空文件（0 字节）", "empty file (0 bytes)"))
    head = data[:1024]
    if _is_pdf(data, head):
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data, name)
    if head.startswith(_OLE):
        raise Unreadable(_ole_reason(data, name))
    for magic, label in _IMAGES:
        if head.startswith(magic):
            raise Unreadable(_image(label, name))
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        raise Unreadable(_image("WebP", name))
    if head.startswith(b"{\\rtf"):
        raise Unreadable(say("RTF 富文本文档；", "a Rich Text (RTF) document; ") + _convert("docx", name))
    for magic, label in _ARCHIVES:
        if head.startswith(magic):
            raise Unreadable(say(f"{label} 压缩包；请先解压，再读取其中的报告",
                                 f"a {label} archive; extract it and pass the reports inside"))
    if _is_html(head):
        return "html"
    return "text"


def _image(label: str, name: str) -> str:
    return say(f"图片（{label}），不是文字文档；", f"an image ({label}), not a text document; ") + _ocr(name)


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
        raise Unreadable(say(
            f"zip 容器已损坏（可能是不完整或损坏的 .docx/.xlsx）：{message(exc)}；请打开后重新保存，或重新下载",
            "damaged zip container (a .docx/.xlsx that is truncated or corrupt?): "
            f"{message(exc)}; open and re-save it, or download it again")) from None
    if "word/document.xml" in names or any(n.startswith("word/document") for n in names):
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        raise Unreadable(say("Excel 二进制工作簿（.xlsb）；", "an Excel binary workbook (.xlsb); ")
                         + _convert("xlsx", name))
    if any(n.startswith("ppt/") for n in names):
        raise Unreadable(say("PowerPoint 演示文稿（.pptx）；", "a PowerPoint presentation (.pptx); ")
                         + _convert("pdf", name))
    if mimetype in _ODF:
        zh, en, fmt = _ODF[mimetype]
        raise Unreadable(say(f"{zh}；", f"an {en} file; ") + _convert(fmt, name))
    if "OFD.xml" in names:
        raise Unreadable(say("OFD 版式文档；请先用 OFD 阅读器导出为 PDF",
                             "an OFD document (版式文档); export it to PDF with an OFD reader first"))
    raise Unreadable(say(
        f"含 {len(names)} 个文件的 zip 压缩包，不是 .docx 或 .xlsx；请先解压，再读取其中的报告",
        f"a zip archive of {len(names)} files, not a .docx or .xlsx; "
        "unzip it and pass the reports inside"))


def _ole_reason(data: bytes, name: str) -> str:
    def has(stream: str) -> bool:
        return stream.encode("utf-16-le") in data

    if has("EncryptedPackage"):
        return say("有密码保护的 Office 文件（加密的 .docx/.xlsx）；请打开文件，取消密码后重新保存",
                   "a password-protected Office file (encrypted .docx/.xlsx); "
                   "open it, remove the password and save it again")
    if has("WordDocument"):
        return (say("旧版 Word 97-2003 文档（.doc，OLE2 格式）；", "an old Word 97-2003 document (.doc, OLE2 format); ")
                + _convert("docx", name))
    if has("Workbook") or has("Book"):
        return (say("旧版 Excel 97-2003 工作簿（.xls，OLE2 格式）；",
                    "an old Excel 97-2003 workbook (.xls, OLE2 format); ")
                + _convert("xlsx", name))
    if has("PowerPoint Document"):
        return (say("旧版 PowerPoint 演示文稿（.ppt，OLE2 格式）；",
                    "an old PowerPoint presentation (.ppt, OLE2 format); ")
                + _convert("pdf", name))
    return (say("OLE2 复合文件（旧版 Microsoft Office 或 WPS 格式）；",
                "an OLE2 compound file (old Microsoft Office or WPS format); ")
            + _convert("docx", name) + say("（表格请转为 xlsx）", " (or xlsx for a spreadsheet)"))
