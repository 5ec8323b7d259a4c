"""The data model every step shares: plain dataclasses with a JSON round trip.

A `Report` is what one document yields.  Every extracted item carries `start`/`end`
character offsets into `Document.text`, the text exactly as decoded from the file, so an
analyst (or the review screen) can always go back to the words behind it.

The JSON form follows ../shared/corpora/README.md (`doc`, `projects[...]`, `statements`)
with extra fields (offsets, evidence, warnings) that consumers may ignore.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any, Literal, get_args

from assistant.textsafe import path_text

# The vocabularies every room shares, as types (each tuple is its Literal's values, in order).
# Form codes (corpora/README.md): 绩效自评表/自评报告, 绩效目标申报表, 预算绩效目标表, 部门整体绩效.
Form = Literal["self_evaluation", "target_application", "budget_target", "department_overall"]
FORMS: tuple[Form, ...] = get_args(Form)
# Statement kinds (TAXONOMY.md §2).
StatementKind = Literal["reason", "problem", "measure"]
KINDS: tuple[StatementKind, ...] = get_args(StatementKind)
# What the checks find (assistant.extract.checks; TAXONOMY.md).
FindingKind = Literal["BUDGET_BELOW_100", "BUDGET_BELOW_90", "TARGET_MISSED", "SCORE_DEDUCTED",
                      "VAGUE_TARGET", "MISSING_FAMILY", "ARITHMETIC"]
FINDING_KINDS: tuple[FindingKind, ...] = get_args(FindingKind)
# What an analyst reviews: the statements, the indicator rows and the findings.
ItemKind = Literal["problem", "reason", "measure", "indicator", "finding"]
ITEM_KINDS: tuple[ItemKind, ...] = get_args(ItemKind)
# Where a review item stands.
ReviewStatus = Literal["pending", "accepted", "rejected", "edited"]


@dataclass
class Document:
    """A decoded source file: `text` is what every offset points into."""

    path: str
    text: str
    encoding: str = "utf-8"
    sha256: str = ""

    def __post_init__(self) -> None:
        # a name that is not UTF-8 (r\xe9port.txt) must not stop the JSON, Parquet or store writers
        self.path = path_text(self.path)
        if not self.sha256:
            self.sha256 = hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass
class Budget:
    """预算执行情况: numbers as printed, in the table's unit (元 or 万元)."""

    initial: float | None = None      # 年初预算(数)
    adjusted: float | None = None     # 全年预算数 / 调整后预算数 / 年度资金总额
    executed: float | None = None     # 全年执行数 / 预算执行数
    rate: float | None = None         # 执行率, in percent
    weight: float | None = None       # 分值 / 权重 of the execution row
    score: float | None = None        # 得分 of the execution row
    unit: str = ""
    reason: str = ""                  # the 原因 cell, verbatim
    reason_start: int | None = None
    reason_end: int | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in _shallow(self).items() if v not in (None, "")}


@dataclass
class Indicator:
    """One third-level indicator row (三级指标)."""

    level1: str = ""
    level2: str = ""
    name: str = ""
    target: str | None = None
    actual: str | None = None
    weight: float | None = None
    score: float | None = None
    reason: str = ""
    category: str | None = None
    as_printed: str | None = None     # the printed second-level label when it disagrees
    target_midterm: str | None = None
    start: int = 0
    end: int = 0
    reason_start: int | None = None
    reason_end: int | None = None
    problem: str = ""                 # a 存在问题 cell of the row (转移支付 forms print one)
    problem_start: int | None = None
    problem_end: int | None = None
    measure: str = ""                 # a 改进措施 cell of the row
    measure_start: int | None = None
    measure_end: int | None = None
    confidence: float = 0.0
    evidence: str = ""                # what decided the category
    key: bool = False                 # printed with ★: a key indicator (重点指标)

    def to_dict(self) -> dict[str, Any]:
        out = _shallow(self)
        if not out["key"]:
            del out["key"]
        for key in ("as_printed", "target_midterm", "reason_start", "reason_end", "problem_start",
                    "problem_end", "measure_start", "measure_end"):
            if out[key] is None:
                del out[key]
        for key in ("problem", "measure"):
            if not out[key]:
                del out[key]
        return out


@dataclass
class Project:
    """One form (自评表, 申报表, 绩效目标表 …) about one project or the department."""

    name: str
    form: str
    budget: Budget | None = None
    total_score: float | None = None
    indicators: list[Indicator] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    start: int = 0          # the form's extent in the text
    end: int = 0
    name_start: int | None = None
    name_end: int | None = None
    grade: str = ""         # 自评结论 as printed (优/良/中/差)
    code: str = ""          # a budget code printed before the name (219-…, [015001]…)
    department: str = ""    # 主管部门, without its code
    unit: str = ""          # 实施单位, without its code
    # headings of its table's statement columns as printed (role → 偏差原因分析及改进措施 …)
    statement_columns: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "form": self.form,
            "budget": self.budget.to_dict() if self.budget else {},
            "total_score": self.total_score,
            "indicators": [i.to_dict() for i in self.indicators],
            "start": self.start,
            "end": self.end,
        }
        if self.aliases:
            out["aliases"] = list(self.aliases)
        if self.name_start is not None:
            out["name_start"], out["name_end"] = self.name_start, self.name_end
        if self.grade:
            out["grade"] = self.grade
        for key in ("code", "department", "unit", "statement_columns"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        return out


@dataclass
class Statement:
    """A reason, problem or measure: a verbatim span of the document."""

    kind: StatementKind
    text: str
    project: str = ""                 # "" for the department as a whole
    themes: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    source: str = ""                  # where it was found: section / cell / prose
    cue: str = ""                     # the heading, column or cue phrase that marked it
    theme_evidence: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = _shallow(self)
        out["themes"], out["theme_evidence"] = list(self.themes), dict(self.theme_evidence)
        return out


@dataclass
class Finding:
    """One thing wrong with a project (核查发现), with the figures behind it and where the text
    says so; made by `assistant.extract.checks.find_issues`."""

    id: str                     # F1, F2 … stable for a given report
    project: str
    kind: FindingKind
    message: str                # Chinese, one sentence
    figures: dict[str, Any] = field(default_factory=dict)
    start: int | None = None    # evidence offsets into the report text
    end: int | None = None
    indicator: str = ""
    themes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = _shallow(self)
        out["figures"], out["themes"] = dict(self.figures), list(self.themes)
        return out


@dataclass
class Report:
    """Everything extracted from one document."""

    doc: str
    path: str = ""
    sha256: str = ""
    projects: list[Project] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "path": self.path,
            "sha256": self.sha256,
            "projects": [p.to_dict() for p in self.projects],
            "statements": [s.to_dict() for s in self.statements],
            "warnings": list(self.warnings),
            "findings": [f.to_dict() for f in self.findings],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Report":
        projects = []
        for p in data.get("projects", []):
            budget = p.get("budget") or None
            projects.append(Project(
                name=p.get("name", ""),
                form=p.get("form", ""),
                budget=_build(Budget, budget) if budget else None,
                total_score=p.get("total_score"),
                indicators=[_build(Indicator, i) for i in p.get("indicators", [])],
                aliases=list(p.get("aliases", [])),
                start=p.get("start", 0),
                end=p.get("end", 0),
                name_start=p.get("name_start"),
                name_end=p.get("name_end"),
                grade=p.get("grade", ""),
                code=p.get("code", ""),
                department=p.get("department", ""),
                unit=p.get("unit", ""),
                statement_columns=dict(p.get("statement_columns", {})),
            ))
        return cls(
            doc=data.get("doc", ""),
            path=data.get("path", ""),
            sha256=data.get("sha256", ""),
            projects=projects,
            statements=[_build(Statement, s) for s in data.get("statements", [])],
            warnings=list(data.get("warnings", [])),
            findings=[_build(Finding, f) for f in data.get("findings", [])],
        )


def _shallow(obj: object) -> dict[str, Any]:
    """The fields of a dataclass of plain values, in order: `asdict` without its deep copy,
    which was a tenth of a batch's time.  An instance holding its fields and nothing else
    (`__init__` set them in order) is copied whole, at C speed."""
    cls: type = type(obj)
    names = _field_names(cls)
    own = getattr(obj, "__dict__", None)           # (none on a dataclass with slots)
    if own is not None and len(own) == len(names):
        return dict(own)
    return {name: getattr(obj, name) for name in names}


@lru_cache(maxsize=None)
def _field_names(cls: Any) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _build(cls, data: dict[str, Any]):
    """Construct a dataclass from a dict, ignoring keys it does not know."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})
