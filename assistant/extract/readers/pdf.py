"""PDF → text with pdfplumber, page by page, laid out as the seeds print tables.

On each page the ruled tables (`find_tables`) become one line per row with cells joined by
TAB — a merged cell once, in its first row and column, "" elsewhere — and the text outside
them comes as lines (`extract_text_lines`); both are put in vertical order.  Pages are
separated by a blank line.  Scanned, encrypted and damaged PDFs are refused with a reason.
"""
from __future__ import annotations

import io
import logging
import re

from assistant.extract.readers import Decoded, Unreadable, join_row, message
from assistant.messages import say

_EOF_WINDOW = 1 << 16
_CID = re.compile(r"\(cid:\d+\)")
# A figure wrapped in a narrow cell (98.8|7, 19802|98.62): the break stood for nothing.
_WRAPPED_FIGURE = re.compile(r"(?<=\d)\n(?=\d)")

# pdfminer logs every oddity of a damaged file at WARNING; the reader reports what matters.
if logging.getLogger("pdfminer").level == logging.NOTSET:
    logging.getLogger("pdfminer").setLevel(logging.ERROR)


def read_pdf(data: bytes, name: str = "FILE") -> Decoded:
    """The text of a PDF's text layer; `Unreadable` when there is none to read."""
    import pdfplumber

    if data.rfind(b"%%EOF", max(0, len(data) - _EOF_WINDOW)) < 0:
        raise Unreadable(say("PDF 不完整（文件在结尾标记 %%EOF 之前就断了）：下载或复制没有完成；请重新获取文件",
                             "truncated PDF (it ends before the %%EOF marker): an incomplete "
                             "download or copy; get the file again"))
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        raise Unreadable(_open_failure(exc, data, name)) from None
    pages: list[str] = []
    scanned: list[int] = []
    try:
        count = len(pdf.pages)
        for number, page in enumerate(pdf.pages, 1):
            text = page_text(page)
            if text.strip():
                pages.append(text)
            elif page.images:
                scanned.append(number)
            page.close()
    except Exception as exc:
        raise Unreadable(_open_failure(exc, data, name)) from None
    finally:
        _close(pdf)
    return _checked(pages, scanned, count, name)


def page_text(page) -> str:
    """One page: tables as TAB-joined rows and the other text as lines, top to bottom."""
    page = page.dedupe_chars()
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    blocks: list[tuple[float, str]] = []
    for table in tables:
        rows = [join_row([_WRAPPED_FIGURE.sub("", c) if c else c for c in row]) for row in table.extract()]
        blocks.append((table.bbox[1], "\n".join(rows)))
    rest = page.filter(lambda obj: not _inside(obj, boxes)) if boxes else page
    for line in rest.extract_text_lines(strip=True):
        if line["text"]:
            blocks.append((line["top"], line["text"]))
    blocks.sort(key=lambda block: block[0])
    return "\n".join(text for _, text in blocks)


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    # pdfplumber assigns a char to a table cell by its centre; do the same.
    if obj.get("object_type") != "char":
        return False
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _checked(pages: list[str], scanned: list[int], count: int, name: str) -> Decoded:
    if not pages:
        if scanned:
            raise Unreadable(say(f"扫描版 PDF：{count} 页中有 {len(scanned)} 页是没有文字层的图片；{_ocr(name)}",
                                 f"a scanned PDF: {len(scanned)} of {count} pages are images "
                                 f"without a text layer; {_ocr(name)}"))
        raise Unreadable(say(f"PDF 里没有文字（共 {count} 页，既没有文字层，也没有图片）",
                             f"a PDF without text ({count} pages, no text layer and no images)"))
    text = "\n\n".join(pages)
    warnings = []
    if scanned:
        warnings.append(say(f"共 {count} 页，其中第 {'、'.join(map(str, scanned))} 页是没有文字层的图片"
                            f"（扫描页），已跳过；{_ocr(name)}",
                            f"pages {', '.join(map(str, scanned))} of {count} are images without "
                            f"a text layer (scanned) and were skipped; {_ocr(name)}"))
    cids = _CID.findall(text)
    if cids:
        if sum(map(len, cids)) > len(text) * 0.3:
            raise Unreadable(say(f"PDF 的字体没有 Unicode 映射，文字只能读成 (cid:NN) 代码；{_ocr(name)}",
                                 "a PDF whose fonts have no Unicode map: its text comes out as "
                                 f"(cid:NN) codes; {_ocr(name)}"))
        warnings.append(say(f"{len(cids)} 个字符没有 Unicode 映射，显示为 (cid:NN)",
                            f"{len(cids)} characters without a Unicode map shown as (cid:NN)"))
    return Decoded(text, "pdf", warnings)


def _ocr(name: str) -> str:
    """How to OCR the PDF `name`, in the language in force."""
    command = f"`ocrmypdf -l chi_sim {name} ocr.pdf`"
    return say(f"请先做 OCR 文字识别，例如 {command}", f"run OCR first, e.g. {command}")


def _close(pdf) -> None:
    # pdfplumber's close() walks the page list again and re-raises a damaged file's error.
    try:
        pdf.close()
    except Exception:
        pass


def _open_failure(exc: Exception, data: bytes, name: str) -> str:
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    kind = type(cause).__name__
    if kind in ("PDFPasswordIncorrect", "PDFEncryptionError") or (
            kind != "PDFSyntaxError" and b"/Encrypt" in data[-_EOF_WINDOW:]):
        return say("加密（有密码保护）的 PDF；请先去掉密码，例如 "
                   f"`qpdf --decrypt --password=密码 {name} plain.pdf`",
                   "an encrypted (password-protected) PDF; remove the password, e.g. "
                   f"`qpdf --decrypt --password=PASSWORD {name} plain.pdf`")
    failure = f"{kind}: {message(cause)}"
    return say(f"PDF 已损坏（{failure}）；请用 PDF 阅读器打开后打印或另存为新的 PDF，或重新获取文件",
               f"damaged PDF ({failure}); open it in a viewer and print or "
               "save it as a new PDF, or get the file again")
