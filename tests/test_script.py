"""Pages in traditional characters, with readings printed after characters (「項(xiàng)」) and
small-form comparators (﹦): read as simplified, reported as the page prints them.  The
pages are our own forms (tests/test_language.FORM), converted with OpenCC's s2t."""
from __future__ import annotations

import re

import opencc
import pytest

import assistant
from assistant.extract.pipeline import extract_text
from assistant.extract.script import simplified
from tests.test_language import FORM

S2T = opencc.OpenCC("s2t").convert
# a converter that prints the reading of a few characters after them
READINGS = {"項": "項(xiàng)", "標": "標(biāo)", "數": "數(shù)", "費": "費(fèi)", "務": "務(wù)"}


def with_readings(text: str) -> str:
    return re.sub("[" + "".join(READINGS) + "]", lambda m: READINGS[m.group()], text)


def rows(report) -> list[tuple]:
    return [(i.name, i.target, i.actual, i.weight, i.score, i.category, i.reason)
            for p in report.projects for i in p.indicators]


@pytest.mark.parametrize("page", ["traditional", "with readings"])
def test_a_traditional_page_reads_as_its_simplified_twin_and_reports_as_printed(page):
    text = S2T(FORM) if page == "traditional" else with_readings(S2T(FORM))
    twin, report = extract_text(FORM, "form.txt"), extract_text(text, "form.txt")
    printed = S2T if page == "traditional" else (lambda s: with_readings(S2T(s)))
    assert [p.name for p in report.projects] == [printed(p.name) for p in twin.projects]
    assert rows(report) == [(printed(n), t and printed(t), a and printed(a), w, s, c, printed(r))
                            for n, t, a, w, s, c, r in rows(twin)]
    for i in (i for p in report.projects for i in p.indicators):
        assert text[i.start:i.end].startswith(i.name)            # evidence: offsets into the page
        if i.reason:
            assert text[i.reason_start:i.reason_end] == i.reason
    assert [(s.kind, s.text) for s in report.statements] == [(s.kind, printed(s.text)) for s in twin.statements]
    for s in report.statements:
        assert text[s.start:s.end] == s.text
    assert [f.message for f in report.findings] == [f.message for f in twin.findings]   # our words stay ours


def test_the_pipeline_places_its_spans_on_the_traditional_page():
    text = with_readings(S2T(FORM))
    doc = assistant.load()(text)
    report = doc._.report
    assert rows(report) == rows(extract_text(text, "<text>"))
    assert report.to_dict() == extract_text(text, "<text>").to_dict()     # the page's hash included
    assert [s.text for s in doc.spans["indicator"]][0].startswith(report.projects[0].indicators[0].name)
    assert [s.text for s in doc.spans["problem"]] == [s.text for s in report.statements if s.kind == "problem"]
    assert "jixiao_script" not in doc.user_data


def test_simplified_text_is_read_as_it_is():
    # characters t2s would change (乾, 著 …) in a simplified page do not make it traditional
    text = FORM + "\n乾旱地区显著改善，著力推进项目实施。\n"
    assert simplified(text) is None
    assert simplified(S2T(FORM)) is not None


def test_small_form_comparators_are_read_and_printed_as_they_stand():
    text = FORM.replace("≥300公里", "﹥300公里").replace("≥90%", "﹦90%")
    [project] = extract_text(text, "form.txt").projects
    assert [i.target for i in project.indicators] == ["﹥300公里", "≥95%", "﹦90%"]
