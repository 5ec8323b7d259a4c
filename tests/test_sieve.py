"""The sieve in front of costly patterns (assistant/sieve.py): the strings it tells are held by
every match, so a sieved pattern finds exactly what the pattern finds, in whole texts and in
spans given by pos and endpos."""
from __future__ import annotations

import re

from assistant.sieve import Sieved, needed_strings, sieved

# patterns of the kinds the lexicons hold: look-behinds first, optional groups, lazy gaps,
# classes, anchors, repeats, alternatives with and without a literal
PATTERNS = [
    r"主要原因(是|为|有|在于)?[：:]?|(?<!变动)(?<!主要)原因(是|为|在于|主要是|主要有)[：:]?|(?<!变动)(?<!主要)原因[：:]",
    r"(?:^|(?<=[，,；;：:。]))\s*因(?![公此素而地为贫病残灾人时势])|由于",
    r"(?<!不)存在.{0,40}?(问题|不足|差距)|未(能|按期|按时)?完成(?!原因|值)",
    r"(低于|未达到?|未完成)[^，,。；;]{0,12}(目标|预期|计划)",
    r"(?:(?<=[。；;\s])|(?<![\s\S]))(?:因此|为此)[，,]\s*(?=要|应)",
    r"(?:ab){2,3}c|x[yz]{1,2}",
    r"未(能|按期)(开工|开[(（]完[)）]工)",
]
TEXTS = ["由于上级资金下达时间较晚，导致支付进度滞后。", "主要原因：人员不足", "变动原因是价格上涨",
         "仍存在资金拨付不及时的问题", "部分项目未能完成年度目标。", "低于全年计划", "工作。因此，要加强管理",
         "因此，应当", "ababc xzy xyzz", "未按期开（完)工", "因公出差", "，因资金未到位", "由于", "abab", "xz"]


def test_every_match_holds_a_told_string():
    for p in PATTERNS:
        rx = re.compile(p)
        strings = needed_strings(rx)
        assert strings, p
        for text in TEXTS:
            for m in rx.finditer(text):
                assert any(s in m.group() for s in strings), (p, m.group(), strings)


def test_sieved_finds_what_the_pattern_finds():
    for p in PATTERNS:
        rx = re.compile(p)
        fast = sieved(rx)
        assert isinstance(fast, Sieved)
        for text in TEXTS:
            for pos in range(len(text) + 1):
                for endpos in range(pos, len(text) + 1):
                    for how in ("search", "match", "fullmatch"):
                        a = getattr(rx, how)(text, pos, endpos)
                        b = getattr(fast, how)(text, pos, endpos)
                        assert (a and a.span()) == (b and b.span()), (p, how, text, pos, endpos)
            assert [m.span() for m in rx.finditer(text)] == [m.span() for m in fast.finditer(text)]


def test_the_rarest_strings_are_told():
    assert needed_strings(re.compile(r"(低于|未达到?|未完成)[^，,。；;]{0,12}(目标|预期|计划)")) == ("低于", "未完成", "未达")
    assert needed_strings(re.compile(r"(较|缓|偏)慢")) == ("偏慢", "缓慢", "较慢")
    # a string holding another one of the set is left out
    assert needed_strings(re.compile(r"主要原因|原因是")) == ("主要原因", "原因是")
    assert needed_strings(re.compile(r"原因|主要原因")) == ("原因",)


def test_nothing_told_where_a_match_may_hold_no_literal():
    for p in [r"\d+", r"[^，]{2,}", r"a|\d", r"(?i)reason", r"(?i:a)b?", r"x?", r"(?=原因)"]:
        rx = re.compile(p)
        assert needed_strings(rx) is None, p
        assert sieved(rx) is rx
