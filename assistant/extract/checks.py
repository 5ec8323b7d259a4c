"""自评表核查: what an analyst checks first in a report — findings with evidence offsets.

`find_issues(report, text)` → `Finding`s, per project and in document order:
预算执行率低于100% / 90%, 指标未达目标, 扣分, 模糊目标, 缺少满意度或效益指标, and arithmetic that
does not add up (分值合计, 得分超分值, 总分, 执行率, 执行率得分).  A row that met its target and
kept its full score gets no finding.  Words and thresholds live in lexicons/checks.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from assistant.extract.script import FULL_WIDTH_DIGITS, half_width
from assistant.lexicon import builtin, derived
from assistant.model import FINDING_KINDS, Budget, Finding, FindingKind, Indicator, Project, Report

KINDS = FINDING_KINDS


@dataclass(frozen=True)
class Quantity:
    """A printed target or actual value: 「≥150万条」 → op '>=', value 1500000, unit '条'."""

    op: str | None
    value: float
    unit: str = ""
    factor: float = 1.0         # what the printed number was multiplied by (万 → 10000, ‰ → 0.1)
    is_date: bool = False


@dataclass(frozen=True)
class Assessment:
    """How an indicator row stands: met, missed, vague, unknown, or open (no actual printed)."""

    status: str
    target: Quantity | None = None
    actual: Quantity | None = None


def find_issues(report: Report, text: str) -> list[Finding]:
    """Every finding of every project in `report`; `text` is what the offsets point into."""
    found: list[Finding] = []
    for project in report.projects:
        where = _Locator(text or "", project)
        found += _budget_findings(project, where)
        found += _indicator_findings(project, where)
        found += _family_findings(project, where)
        found += _arithmetic_findings(project, where)
    themes = _lex()["kind_themes"]
    for n, finding in enumerate(found, 1):
        finding.id = f"F{n}"
        finding.themes = list(themes.get(finding.kind, []))
    return found


def assess_indicator(ind: Indicator) -> Assessment:
    """Compare a row's actual with its target; qualitative targets only when the match is clear."""
    target, actual = _clean(ind.target), _clean(ind.actual)
    if not target:
        return Assessment("unknown")
    tq = parse_quantity(target, ind.category, name=ind.name)
    if tq is not None:
        if not actual:
            return Assessment("open", tq)
        aq = parse_quantity(actual, ind.category, like=tq)
        if aq is not None and aq.is_date == tq.is_date and _units_agree(tq.unit, aq.unit):
            return Assessment("met" if _holds(aq.value, tq) else "missed", tq, aq)
        return Assessment("missed" if _negated(actual) else "unknown", tq, aq)
    # a figure in the prose (满意率达到90%) makes the target measurable, if not parseable
    if not _DIGIT.search(target) and any(w in target for w in _lex()["vague_words"]):
        return Assessment("vague")
    if not actual:
        return Assessment("open")
    return Assessment(_qualitative(target, actual))


def parse_quantity(text: str, category: str | None = None, like: Quantity | None = None,
                   name: str = "") -> Quantity | None:
    """A number or date as printed, or None when the cell is prose.

    A bare number (「28.28」) takes the scale and unit of `like` (the target it answers).  A
    target without operator gets one from its category, or from its indicator `name` when
    less is better (逾期率, 投诉次数 …).
    """
    lex = _lex()
    parsed = _parse(text or "", category, like)
    if parsed is None:
        return None
    quantity, defaulted = parsed
    if defaulted and name and any(w in name for w in lex["lower_is_better"]):
        return replace(quantity, op="<=")
    return quantity


@derived(maxsize=65536)
def _parse(text: str, category: str | None, like: Quantity | None) -> tuple[Quantity, bool] | None:
    """parse_quantity without the name: (quantity, whether its operator is the default);
    cached (until other lexicons are installed), since the same targets (≥95%, 100%) fill
    every form."""
    lex = _lex()
    s = _clean(text)
    op, s = _operator(s)
    date = _date(s)
    if date is not None:
        return Quantity(op if op in (">=", ">") else "<=", date, "日期", 1.0, True), False
    for word in _sorted_words(("fillers",)):
        s = s.replace(word, "")
    m = _QUANTITY.match(s)
    if not m:
        return None
    raw, scale, unit = m.group("num"), m.group("scale") or "", m.group("unit")
    if len(unit) > lex["max_unit_chars"] or any(c in unit for c in "*×+=<>≤≥,，、;；"):
        return None
    number = float(lex["cn_digits"][raw]) if raw in lex["cn_digits"] else float(raw)
    factor = float(lex["scales"].get(scale, 1))
    if unit.startswith("‰"):
        factor, unit = factor / 10, "%" + unit[1:]
    unit = lex["unit_aliases"].get(unit, unit)
    if like is not None and not scale and not unit:
        factor, unit = like.factor, like.unit
    defaulted = op is None and like is None
    if defaulted:
        defaults = lex["default_operator"]
        op = defaults.get(category or "", defaults["*"])
    return Quantity(op, number * factor, unit, factor), defaulted


def execution_rate(budget: Budget | None) -> tuple[float | None, bool]:
    """预算执行率 in percent and whether it was computed (True) rather than printed."""
    if budget is None:
        return None, False
    if budget.rate is not None:
        return float(budget.rate), False
    if budget.executed is not None and budget.adjusted:
        return budget.executed / budget.adjusted * 100, True
    return None, False


# ------------------------------------------------------------------------------- findings
def _budget_findings(p: Project, where: _Locator) -> list[Finding]:
    limits = _lex()["budget"]
    rate, computed = execution_rate(p.budget)
    if rate is None or rate >= limits["below_100"] - 1e-9:
        return []
    b = p.budget
    assert b is not None                # a rate comes from a budget
    kind: FindingKind = "BUDGET_BELOW_90" if rate < limits["below_90"] else "BUDGET_BELOW_100"
    bar = "90%" if kind == "BUDGET_BELOW_90" else "100%"
    figures = {"rate": round(rate, 2), "rate_computed": computed, "adjusted": b.adjusted,
               "executed": b.executed, "initial": b.initial, "unit": b.unit, "reason": b.reason}
    start, end = where.span(b.start, b.end, [_num(b.rate), _num(b.executed), "执行率"])
    msg = f"{p.name}预算执行率为{_num(round(rate, 2))}%，低于{bar}"
    return [_finding(p, kind, msg + "。", figures, start, end)]


def _indicator_findings(p: Project, where: _Locator) -> list[Finding]:
    tol = _lex()["scores"]["deduction_tolerance"]
    out: list[Finding] = []
    for ind in p.indicators:
        a = assess_indicator(ind)
        said: list[tuple[FindingKind, str]] = []             # (kind, message), in this order
        if a.status == "missed":
            said.append(("TARGET_MISSED", f"「{ind.name}」实际完成值{ind.actual}，未达到年度指标值{ind.target}。"))
        if ind.weight is not None and ind.score is not None:
            if ind.score < ind.weight - tol:
                said.append(("SCORE_DEDUCTED", f"「{ind.name}」分值{_num(ind.weight)}分，得分{_num(ind.score)}分，"
                                               f"扣{_num(round(ind.weight - ind.score, 2))}分。"))
            elif ind.score > ind.weight + tol:
                said.append(("ARITHMETIC", f"「{ind.name}」得分{_num(ind.score)}分超过分值{_num(ind.weight)}分。"))
        if a.status == "vague":
            said.append(("VAGUE_TARGET", f"「{ind.name}」的指标值「{ind.target}」为模糊表述，无法衡量完成程度。"))
        if not said:
            continue                                        # (most rows)
        figures = {"target": ind.target, "actual": ind.actual, "weight": ind.weight,
                   "score": ind.score, "reason": ind.reason, "category": ind.category}
        start, end = where.span(ind.start, ind.end, [ind.name, ind.target or ""])
        for kind, msg in said:
            out.append(_finding(p, kind, msg, dict(figures, status=a.status), start, end, ind.name))
    return out


def _family_findings(p: Project, where: _Locator) -> list[Finding]:
    fam = _lex()["families"]
    if p.form not in fam["forms"] or not p.indicators:
        return []
    have = {i.category for i in p.indicators}
    out = []
    for family, categories in fam["required"].items():
        if not have & set(categories):
            start, end = where.span(p.name_start, p.name_end, [p.name])
            out.append(_finding(p, "MISSING_FAMILY", f"{p.name}未设置{family}指标。",
                                {"family": family, "categories": list(categories)}, start, end))
    return out


def _rate_agrees(printed: float, true: float, tolerance: float) -> bool:
    """Whether a rate printed to some decimals is `true` rounded or cut to them (95.8 stands
    for 95.75 up to 95.89…, 86 for 85.5 up to 86.99…), or within `tolerance` of it."""
    step = _printed_step(printed)
    return -max(tolerance, step / 2) - 1e-9 <= true - printed < max(tolerance, step)


def _printed_step(value: float) -> float:
    """The step of the last decimal `value` is printed with (95.8 → 0.1, 96 → 1)."""
    text = f"{value:.6f}".rstrip("0")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 10.0 ** -decimals


def _arithmetic_findings(p: Project, where: _Locator) -> list[Finding]:
    lex, out = _lex(), []
    sc, bl = lex["scores"], lex["budget"]
    b = p.budget or Budget()
    rate, computed = execution_rate(p.budget)
    start, end = where.span(b.start, b.end, ["执行率"])
    if b.rate is not None and b.executed is not None:
        bases = [x for x in (b.adjusted, b.initial) if x]
        if bases and not any(_rate_agrees(b.rate, b.executed / x * 100, float(bl["rate_tolerance"]))
                             for x in bases):
            out.append(_finding(p, "ARITHMETIC", f"执行率{_num(b.rate)}%与执行数/预算数"
                                f"（{_num(round(b.executed / bases[0] * 100, 2))}%）不符。",
                                {"check": "rate", "rate": b.rate, "executed": b.executed,
                                 "adjusted": b.adjusted}, start, end))
    if b.score is not None and b.weight is not None and rate is not None:
        expected = min(rate, 100.0) / 100 * b.weight
        if abs(expected - b.score) > bl["score_tolerance"]:
            out.append(_finding(p, "ARITHMETIC", f"执行率得分{_num(b.score)}分与执行率×分值"
                                f"（{_num(round(expected, 2))}分）不符。",
                                {"check": "rate_score", "score": b.score, "weight": b.weight,
                                 "rate": rate}, start, end))
    rows = [i for i in p.indicators if i.weight is not None]
    valued = [i for i in p.indicators if i.weight is not None or i.target or i.actual]
    if not rows or len(rows) < sc["weight_coverage"] * len(valued):
        return out
    weights = sum(i.weight or 0.0 for i in rows)         # rows: the weighted ones
    exec_weights = [b.weight] if b.weight is not None else [0.0, float(sc["execution_weight_default"])]
    if all(abs(weights + w - sc["weight_total"]) > sc["weight_tolerance"] for w in exec_weights):
        s, e = where.span(p.start, p.end, ["总分", p.name])
        out.append(_finding(p, "ARITHMETIC", f"指标分值合计{_num(weights + exec_weights[-1])}分，"
                            f"不等于{_num(sc['weight_total'])}分。",
                            {"check": "weights", "weights": weights, "budget_weight": b.weight}, s, e))
    if p.total_score is not None and all(i.score is not None for i in rows):
        scores = sum(i.score or 0.0 for i in rows)
        if b.score is not None:
            exec_scores = [b.score]
        elif rate is not None:
            w = b.weight if b.weight is not None else sc["execution_weight_default"]
            exec_scores = [min(rate, 100.0) / 100 * w, 0.0]
        else:
            exec_scores = [0.0]
        if all(abs(scores + x - p.total_score) > sc["total_tolerance"] for x in exec_scores):
            s, e = where.span(p.start, p.end, ["总分", _num(p.total_score)])
            out.append(_finding(p, "ARITHMETIC", f"总分{_num(p.total_score)}分与各项得分合计"
                                f"{_num(round(scores + exec_scores[0], 2))}分不符。",
                                {"check": "total", "total": p.total_score, "scores": scores,
                                 "budget_score": b.score, "rate_computed": computed}, s, e))
    return out


# -------------------------------------------------------------------------------- helpers
_QUANTITY = re.compile(r"^(?P<num>\d+(?:\.\d+)?|[一二两三四五六七八九十])(?P<scale>[千万亿])?(?P<unit>[^\d]*)$")
_DATE = re.compile(r"^(?P<y>(?:19|20)\d\d)年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号])?)?(?P<rest>.*)$")
_WIDE = half_width(FULL_WIDTH_DIGITS + "．％＝＞＜，：")


def _finding(p: Project, kind: FindingKind, message: str, figures: dict, start, end, indicator: str = "") -> Finding:
    return Finding("", p.name, kind, message, figures, start, end, indicator)


@lru_cache(maxsize=16384)
def _clean(text: str | None) -> str:
    """A target or actual as compared: half-width, no thousands' commas, no white space;
    cached, as `_parse` is: four in five are the same few (100%, ≥95%, 是) form after form."""
    s = (text or "").translate(_WIDE)
    return _WHITE.sub("", _THOUSANDS.sub("", s))


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
_WHITE = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")


def _operator(s: str) -> tuple[str | None, str]:
    leading, trailing = _spellings()
    for word, op in leading.get(s[:1], ()):
        if s.startswith(word):
            return op, s[len(word):]
    for word, op in trailing.get(s[-1:], ()):   # 「500万元以内」: a trailing word only
        if s.endswith(word):
            return op, s[: -len(word)]
    return None, s


Spellings = dict[str, list[tuple[str, str]]]


@derived(maxsize=1)
def _spellings() -> tuple[Spellings, Spellings]:
    """The operator spellings by their first character, longest first, and those that may
    also close a cell by their last; sorted once per lexicon (this runs for every target and
    actual of every row)."""
    spellings = sorted(((w, op) for op, ws in _lex()["operators"].items() for w in ws if w),
                       key=lambda x: len(x[0]), reverse=True)
    leading: Spellings = {}
    trailing: Spellings = {}
    for w, op in spellings:
        leading.setdefault(w[0], []).append((w, op))
        if len(w) > 1 and not w[0].isascii():
            trailing.setdefault(w[-1], []).append((w, op))
    return leading, trailing


@derived(maxsize=8)
def _sorted_words(keys: tuple[str, ...]) -> list[str]:
    """The words of lists `keys` of the lexicon, longest first, sorted once per lexicon."""
    return sorted((w for k in keys for w in _lex()[k]), key=len, reverse=True)


def _date(s: str) -> float | None:
    m = _DATE.match(s)
    if not m:
        return None
    rest = m.group("rest")
    for word in _sorted_words(("date_year_end", "date_deadline", "date_done", "fillers")):
        rest = rest.replace(word, "")
    if rest:
        return None
    month = int(m.group("m") or 12)
    day = int(m.group("d") or 31)
    return int(m.group("y")) * 10000 + month * 100 + day


def _holds(value: float, target: Quantity) -> bool:
    # dates compare exactly: a relative tolerance on 20231131 would span months
    eps = 0.0 if target.is_date else _lex()["equal_tolerance"] * max(abs(target.value), 1.0)
    t = target.value
    return {">=": value >= t - eps, "<=": value <= t + eps, ">": value > t, "<": value < t,
            "=": abs(value - t) <= eps}.get(target.op or ">=", False)


def _units_agree(a: str, b: str) -> bool:
    return not a or not b or a == b or a.startswith(b) or b.startswith(a)


def _negated(actual: str) -> bool:
    return any(w in actual for w in _lex()["qualitative"]["negations"])


def _qualitative(target: str, actual: str) -> str:
    q = _lex()["qualitative"]
    if _negated(actual):
        return "missed"
    for prefix in q["target_prefixes"]:
        target = target.removeprefix(prefix)
    actual = actual.removeprefix("=").rstrip("。.")
    grades = q["grades"]
    if target in grades and actual in grades:
        return "met" if grades.index(actual) <= grades.index(target) else "missed"
    if actual == target or any(actual == p + target for p in q["actual_prefixes"]):
        return "met"
    return "unknown"


def _num(x: float | None) -> str:
    """A number as a report prints it: 100.0 → 100, 86.56 → 86.56."""
    if x is None:
        return ""
    return str(int(x)) if float(x).is_integer() else f"{x:.10g}"


class _Locator:
    """Evidence offsets: the item's own, else the first needle found inside the project's form."""

    def __init__(self, text: str, project: Project):
        self.text, self.project = text, project

    def span(self, start: int | None, end: int | None, needles: list[str]) -> tuple[int | None, int | None]:
        if start is not None and end is not None and end > start and end <= len(self.text):
            return start, end
        lo, hi = self.project.start or 0, self.project.end or 0
        if hi <= lo:                            # no form extent: search from the name on
            names = [n for n in [self.project.name, *self.project.aliases] if n]
            at = next((a for a in (self.text.find(n) for n in names) if a >= 0), -1)
            lo, hi = (at, len(self.text)) if at >= 0 else (0, 0)
        ranges = [(lo, hi)] if hi > lo else []
        for a, b in ranges + [(0, len(self.text))]:
            for needle in needles:
                if needle:
                    at = self.text.find(needle, a, b)
                    if at >= 0:
                        return at, at + len(needle)
        return None, None


@derived(maxsize=1)
def _lex() -> dict:
    return builtin("checks.yaml")     # (asked for several times per indicator)
