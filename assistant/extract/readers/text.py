"""Plain-text bytes → str, with the encoding found.

UTF-8 is tried first and costs nothing more than the decode; detection (charset-normalizer)
runs only when UTF-8 fails.  A file that is mostly UTF-8 with some GBK lines — what
copy-and-paste between editors produces — is decoded line by line, with a warning.
"""
from __future__ import annotations

import re

from assistant.extract.readers import Decoded, Unreadable
from assistant.messages import say

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Codecs charset-normalizer may name for simplified Chinese; GB18030 is their superset.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "hz", "hz_gb_2312"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SAMPLE = 1 << 18          # bytes given to charset detection
_CHECK = 1 << 16           # characters checked for control codes


def decode(data: bytes) -> Decoded:
    """Decode a text file's bytes; `Unreadable` when they are not text."""
    if not data:
        raise Unreadable(say("空文件（0 字节）", "empty file (0 bytes)"))
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _with_bom(data[len(bom):], codec)
    head = data[:4096]
    if b"\x00" in head:
        wide = _utf16_without_bom(head)
        if wide is None:
            raise Unreadable(_nul_bytes())
        try:
            return _checked(Decoded(data.decode(wide), wide))
        except UnicodeDecodeError:
            raise Unreadable(_nul_bytes()) from None
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        return _checked(_not_utf8(data))


def _nul_bytes() -> str:
    return say("二进制数据（含 NUL 字节），不是文本报告", "binary data (NUL bytes), not a text report")


def _with_bom(body: bytes, codec: str) -> Decoded:
    if codec != "utf-8-sig":
        text = body.decode(codec, errors="replace")
        warnings = [say(f"无效的 {codec} 字节序列已替换为 U+FFFD",
                        f"invalid {codec} sequences replaced by U+FFFD")] if "\ufffd" in text else []
        return _checked(Decoded(text, codec, warnings))
    try:
        return _checked(Decoded(body.decode("utf-8"), codec))
    except UnicodeDecodeError:
        return _checked(_not_utf8(body))


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without BOM shows NULs in the high byte of ASCII characters: one parity only."""
    units = len(head) // 2
    even, odd = head[0:units * 2:2].count(0), head[1:units * 2:2].count(0)
    if odd >= units * 0.02 and even <= odd * 0.1:
        return "utf-16-le"
    if even >= units * 0.02 and odd <= even * 0.1:
        return "utf-16-be"
    return None


def _not_utf8(data: bytes) -> Decoded:
    lines = data.split(b"\n")
    utf8_lines, other = 0, []
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8_lines += 1
        except UnicodeDecodeError:
            other.append(line)
    codec = _detect(b"\n".join(_head_lines(other)))
    if utf8_lines:
        return _mixed(lines, codec)
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError:
        return _by_line(lines, codec)


def _head_lines(lines: list[bytes]) -> list[bytes]:
    out, size = [], 0
    for line in lines:
        out.append(line)
        size += len(line)
        if size >= _SAMPLE:
            break
    return out


def _detect(sample: bytes) -> str:
    """The legacy codec of `sample` (non-UTF-8 lines); GB18030 unless detection says otherwise."""
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    codec = (best.encoding if best else "").lower()
    if codec in _GB_FAMILY or not codec:
        return "gb18030"
    if codec.startswith("big5") or codec == "cp950":
        return codec
    # Single-byte guesses for Chinese text are usually wrong; keep GB18030 when it fits.
    try:
        sample.decode("gb18030")
        return "gb18030"
    except UnicodeDecodeError:
        return codec


def _mixed(lines: list[bytes], codec: str) -> Decoded:
    out, legacy, broken = [], [], []
    for number, line in enumerate(lines, 1):
        try:
            out.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            out.append(line.decode(codec))
            legacy.append(number)
        except UnicodeDecodeError:
            out.append(line.decode("utf-8", errors="replace"))
            broken.append(number)
    warnings = [say(f"编码混杂：{len(lines)} 行中有 {len(legacy)} 行不是 UTF-8，已按 {codec} 解码"
                    f"（{_lines(legacy)}）",
                    f"mixed encodings: {len(legacy)} of {len(lines)} lines are not UTF-8 and were "
                    f"decoded as {codec} ({_lines(legacy)})")] if legacy else []
    if broken:
        warnings.append(_undecodable(broken))
    return Decoded("\n".join(out), f"utf-8+{codec}", warnings)


def _by_line(lines: list[bytes], codec: str) -> Decoded:
    out, broken = [], []
    for number, line in enumerate(lines, 1):
        try:
            out.append(line.decode(codec))
        except UnicodeDecodeError:
            out.append(line.decode(codec, errors="replace"))
            broken.append(number)
    text = "\n".join(out)
    if text.count("\ufffd") > max(8, len(text) // 100):
        raise Unreadable(say(f"二进制数据或未知编码（既不是 UTF-8，也不是 {codec}）",
                             f"binary data or an unknown encoding (not UTF-8, not {codec})"))
    return Decoded(text, codec, [_undecodable(broken)])


def _undecodable(numbers: list[int]) -> str:
    return say(f"{_lines(numbers)}有无法解码的字节，已替换为 U+FFFD",
               f"undecodable bytes replaced by U+FFFD on {_lines(numbers)}")


def _checked(decoded: Decoded) -> Decoded:
    """Refuse 'text' full of control codes: a binary file that happened to decode."""
    sample = decoded.text[:_CHECK]
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise Unreadable(say("二进制数据（含控制字符），不是文本报告",
                             "binary data (control characters), not a text report"))
    return decoded


def _lines(numbers: list[int], shown: int = 8) -> str:
    """「第 3、5 行」 / "lines 3, 5": the first `shown` line numbers, then how many more."""
    more = len(numbers) - shown
    if more > 0:
        return say(f"第 {'、'.join(map(str, numbers[:shown]))} 行等共 {len(numbers)} 行",
                   f"lines {', '.join(map(str, numbers[:shown]))} … {more} more")
    return say(f"第 {'、'.join(map(str, numbers))} 行", f"lines {', '.join(map(str, numbers))}")
