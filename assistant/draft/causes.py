"""When a problem or reason needs no measure at all.

The reading of a statement into its causes (`read_cause`, lexicons/causes.yaml) is
extraction's (assistant/extract/causes.py) and is imported from there; `needs_measure` says
when a statement is no shortcoming at all (savings, a planned change of the budget, an
execution rate or a deduction within lexicons/checks.yaml § materiality).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.draft.sentences import drafting
from assistant.extract.causes import SPENDING_EFFECT, Cause, CauseBook, Found, Reading, cause_book, read_cause, unnamed
from assistant.extract.splitting import is_skippable
from assistant.lexicon import builtin, derived

__all__ = ["Cause", "CauseBook", "Found", "Reading", "cause_book", "read_cause", "needs_measure",
           "Materiality", "materiality", "within_materiality", "unnamed"]

if TYPE_CHECKING:
    from assistant.extract.checks import Finding

def needs_measure(reading: Reading) -> tuple[bool, str]:
    """(False, why) when the statement is no shortcoming: every cause it names is one that
    needs no measure (厉行节约, a planned budget change); it explains a yearly change or a
    difference of the final accounts by what is no fault of the unit (causes.yaml §
    change_framing, change_explained_by); it says there was no deviation and names no
    shortfall besides (drafting.yaml § measures.no_deviation_re); or all it states is an
    execution rate or a deduction within the materiality bounds of lexicons/checks.yaml.
    A statement that says a rule was broken (drafting.yaml § measures.rule_broken_re) always
    needs one."""
    causes = [f.cause for f in reading.causes]
    if rule_broken(reading.text):
        # 「……列支公务接待费用……，违反中央八项规定精神」: a rule broken is a shortcoming, whatever
        # thrift or savings its words name besides
        return True, ""
    if not causes and is_skippable(reading.text):
        # 「无」, 「已完成」, 「不涉及」, a figure restated: nothing to put right
        return False, drafting("measures.nothing_to_answer")
    if causes and all(c.no_measure for c in causes):
        return False, causes[0].no_measure or ""
    # what needs no measure, said to be why the money went unspent (「节约培训费5.8万元，导致预算
    # 执行率偏低」): the unspent money it explains is no shortfall of its own
    said_why = next((f.cause for f in reading.causes if f.cause.no_measure and f.marked), None)
    if said_why is not None and all(f.cause.no_measure or (f.cause.effect == SPENDING_EFFECT and not f.marked)
                                    for f in reading.causes):
        return False, said_why.no_measure or ""
    said_none = no_deviation()
    # (money saved through the tender with the work all done: the saving is no shortfall)
    if said_none.said.search(reading.text) and (causes and all(c.benign or c.no_measure for c in causes)
            or not said_none.shortfall.search(said_none.said.sub("", reading.text))):
        return False, drafting("measures.nothing_to_answer")      # 「……，无偏差」
    # a yearly change or a difference of the final accounts explained by what is no fault of
    # the unit (a standard raised, staff added, a task given): causes.yaml § change_explained_by
    book = cause_book()
    said = next((c for c in causes if c.code in book.change_framing and c.no_measure), None)
    if said is not None and all(c.no_measure or c.code in book.change_explained_by for c in causes):
        return False, said.no_measure or ""
    # a rate within the bounds with no cause, slow payment or only a saving behind it
    if not causes or all(c.code == "PAYMENT_SLOW" or c.benign for c in causes):
        bounds = materiality()
        rates = _rates(bounds, reading.text)
        # every rate reported within the bounds (above 100% the money ran over: none is)
        if rates and all(bounds.execution_rate <= float(r) <= 100 for _, r in rates) \
                and not bounds.shortcoming_re.search(reading.text):
            name = rates[0][0]
            figures = sorted((r for _, r in rates), key=float)
            low, high = figures[0], figures[-1]
            shown = low if float(low) == float(high) else f"{low}%至{high}"
            return False, bounds.rate_within.format(name=bounds.rate_names.get(name, name),
                                                    rate=shown, bound=f"{bounds.execution_rate:g}")
        ded = bounds.deduction_re.search(reading.text)
        if ded and float(ded.group(1)) < bounds.deduction and not causes:
            return False, bounds.deduction_within.format(points=ded.group(1))
    return True, ""


def _rates(bounds: "Materiality", text: str) -> list[tuple[str, str]]:
    """(word, figure) of every rate of the money `text` reports (checks.yaml § materiality
    rate_re), a list after one of them included (「分别为100%、99.2%和97.5%」)."""
    out = []
    for m in bounds.rate_re.finditer(text):
        out.append((m.group("name"), m.group("rate")))
        at = m.end()
        while (more := bounds.rate_list_re.match(text, at)) is not None:
            out.append((m.group("name"), more.group("rate")))
            at = more.end()
    return out


@dataclass(frozen=True)
class NoDeviation:
    """drafting.yaml § measures.no_deviation_re and shortfall_words, compiled."""

    said: re.Pattern                # words saying there was no deviation (无偏差, 均已完成)
    shortfall: re.Pattern           # a shortfall named besides them (结余, 未 …)


@derived(maxsize=1)
def _rule_broken() -> tuple[re.Pattern, re.Pattern]:
    """drafting.yaml § measures.rule_broken_re and rule_broken_not_re, compiled."""
    return re.compile(drafting("measures.rule_broken_re")), re.compile(drafting("measures.rule_broken_not_re"))


def rule_broken(text: str) -> bool:
    """Whether `text` says a rule was broken (违反, 违规, 骗取 … drafting.yaml §
    measures.rule_broken_re), not only that none was (「未发现违规违纪问题」, § rule_broken_not_re):
    then it is a shortcoming, and a cause that needs no measure (厉行节约) is no reading of it."""
    said, denied = _rule_broken()
    return bool(said.search(denied.sub("", text or "")))


@derived(maxsize=1)
def no_deviation() -> NoDeviation:
    lex = drafting("measures")
    return NoDeviation(re.compile(lex["no_deviation_re"]), re.compile(lex["shortfall_words"]))


@dataclass(frozen=True)
class Materiality:
    """lexicons/checks.yaml § materiality: below these a deviation is no shortcoming."""

    execution_rate: float           # an execution rate at or above this, in percent
    deduction: float                # a deduction of fewer points than this
    rate_re: re.Pattern             # the rate a statement reports (groups name, rate)
    rate_list_re: re.Pattern        # more rates listed after it (「、99.2%和97.5%」; group rate)
    deduction_re: re.Pattern        # the points it says were deducted (group 1)
    shortcoming_re: re.Pattern      # a shortcoming named beside a rate within the bounds
    rate_within: str                # what the draft says instead ({name}, {rate}, {bound})
    deduction_within: str           # … and for a small deduction ({points})
    rate_names: dict = field(default_factory=dict)   # a rate's word → how the draft names it


@derived(maxsize=1)
def materiality() -> Materiality:
    bounds = builtin("checks.yaml")["materiality"]
    return Materiality(float(bounds["execution_rate"]), float(bounds["deduction"]),
                       re.compile(bounds["rate_re"]), re.compile(bounds.get("rate_list_re") or "(?!)"),
                       re.compile(bounds["deduction_re"]),
                       re.compile(bounds["shortcoming_re"]), bounds["rate_within"],
                       bounds["deduction_within"], dict(bounds.get("rate_names") or {}))


def within_materiality(finding: Finding) -> bool:
    """Whether a finding is no shortfall in itself (lexicons/checks.yaml § materiality): an
    execution rate below 100% but at or above the threshold, or a deduction of less than the
    threshold's points."""
    bounds = materiality()
    if finding.kind == "BUDGET_BELOW_100":
        rate = finding.figures.get("rate")
        return rate is not None and float(rate) >= bounds.execution_rate
    if finding.kind == "SCORE_DEDUCTED":
        try:
            lost = float(finding.figures["weight"]) - float(finding.figures["score"])
        except (KeyError, TypeError, ValueError):
            return False
        return lost < bounds.deduction
    return False

