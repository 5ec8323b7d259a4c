"""A report's year and unit, read from its name and text: year from 「2023年度」, unit from
实施单位 (per project), 单位名称 or 单位(盖章) (per document), else an organisation named at the
start of a line near the top.  Used to count and file reports (stats, export).
"""
from __future__ import annotations

import re

UNKNOWN = "(unknown)"
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度")
_YEAR_LOOSE = re.compile(r"((?:19|20)\d{2})\s*年")
# (a web page's field table puts a bar between a field and its value: 「发布机构 | 某镇人民政府 |」)
_VALUE = r"[ \t\u3000|｜]*[:：]?[ \t\u3000|｜]*([\u4e00-\u9fff][^\s:：,，。;；|｜]{1,39})"
_PROJECT_UNIT = re.compile(r"实施单位" + _VALUE)
_DOC_UNIT = re.compile(r"(?:单位名称|预算单位名称|单位\s*[(（]\s*盖章\s*[)）])" + _VALUE)
# a government page's publisher: the unit whose report it publishes, when nothing else says
_PUBLISHER = re.compile(r"(?:发布机构|发布单位)" + _VALUE)
# A department report names itself at the start of a line near the top: 「某某市住房保障中心贯彻…」,
# or after a field's label that a page ran into it (「项目名称新建区商务局部门整体支出…」).
_ORG = re.compile(r"^(?:[一二三四五六七八九十]+、)?(?:项目名称|单位名称|项目单位|被评价单位|评价对象)?[:：]?"
                  r"([\u4e00-\u9fff]{2,20}?[省市县区州旗]"
                  r"[\u4e00-\u9fff]{1,20}?(?:管理中心|委员会|中心|局|厅|办公室|院|所|站|队|馆))", re.M)
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
    found = _DOC_UNIT.search(text) or _PROJECT_UNIT.search(text) or _ORG.search(text, 0, _HEAD) \
        or _PUBLISHER.search(text, 0, _HEAD)
    return found.group(1) if found else ""


def project_unit(text: str, start: int, end: int) -> str:
    """The 实施单位 printed in a project's form; '' if none."""
    found = _PROJECT_UNIT.search(text, start, end) if text and end > start else None
    return found.group(1) if found else ""
