"""A report's year and unit, read from its name and text: year from 「2023年度」, unit from
实施单位 (per project), 单位名称 or 单位(盖章) (per document), else an organisation named at the
start of a line near the top.  Used to count and file reports (stats, export).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.lexicon import builtin, derived

UNKNOWN = "(unknown)"
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度")
_YEAR_LOOSE = re.compile(r"((?:19|20)\d{2})\s*年")
# (a web page's field table puts a bar between a field and its value: 「发布机构 | 某镇人民政府 |」)
_VALUE = r"[ \t\u3000|｜]*[:：]?[ \t\u3000|｜]*([\u4e00-\u9fff][^\s:：,，。;；|｜]{1,39})"


@dataclass(frozen=True)
class _Fields:
    """lexicons/forms.yaml § metadata, compiled."""

    document_unit: re.Pattern
    project_unit: re.Pattern
    publisher: re.Pattern
    organisation: re.Pattern


@derived(maxsize=1)
def _fields() -> _Fields:
    m = builtin("forms.yaml")["metadata"]
    field = lambda key: re.compile("(?:" + "|".join(m[key]) + ")" + _VALUE)  # noqa: E731
    labels = "|".join(m["organisation_labels"])
    endings = "|".join(m["organisation_endings"])
    # 「某某市住房保障中心贯彻…」 at the start of a line, or after a label run into it
    organisation = re.compile(rf"^(?:[一二三四五六七八九十]+、)?(?:{labels})?[:：]?"
                              rf"([\u4e00-\u9fff]{{2,20}}?[{m['place_endings']}]"
                              rf"[\u4e00-\u9fff]{{1,20}}?(?:{endings}))", re.M)
    return _Fields(field("document_unit_fields"), field("project_unit_fields"), field("publisher_fields"),
                   organisation)


_HEAD = 3000            # the year of a report is printed near its top


def document_year(name: str, text: str = "") -> str:
    """The year a report covers: 「2023年度」 in its name or near the top of its text."""
    for pattern in (_YEAR, _YEAR_LOOSE):
        for where in (name, text[:_HEAD]):
            found = pattern.search(where)
            if found:
                return found.group(1)
    return UNKNOWN


def document_unit(text: str) -> str:
    """The unit a report is about: 单位名称 / 单位(盖章), else its first 实施单位, else an
    organisation named at the start of a line near the top, else the page's publisher
    (发布机构); '' if none."""
    f = _fields()
    found = f.document_unit.search(text) or f.project_unit.search(text) or f.organisation.search(text, 0, _HEAD) \
        or f.publisher.search(text, 0, _HEAD)
    return found.group(1) if found else ""


def project_unit(text: str, start: int, end: int) -> str:
    """The 实施单位 printed in a project's form; '' if none."""
    found = _fields().project_unit.search(text, start, end) if text and end > start else None
    return found.group(1) if found else ""
