"""A report's total score and budget execution rate stated in its prose.

A narrative self-evaluation report (自评报告) often prints no form: it says 「项目绩效自评
得分98.5分」 and 「预算执行率100%」 in its text.  For a document of one project, the first
such sentence gives what no form did (lexicons/tables.yaml § prose_score_re, prose_rate_re);
the rate keeps its evidence (the sentence's offsets) in the budget's start and end.  Only a
project that no form gave any indicator row or budget is read so: where a table was read,
「执行率100%」 is as likely an indicator's row (政府采购执行率, 预算资金执行率 90% 100%) and
「自评得分20分」 an indicator's score.  A document of several projects is left as its forms
read it: a sentence there may be any project's.
"""
from __future__ import annotations

from assistant.extract.tables import tables_lexicon
from assistant.model import Budget, Project

SCORE_MAX = 100.0


def stated_totals(text: str, projects: list[Project]) -> None:
    """Fill the one project's missing total score and execution rate from the prose."""
    if len(projects) != 1 or projects[0].indicators or projects[0].budget is not None:
        return
    p = projects[0]
    lex = tables_lexicon()
    if p.total_score is None:
        m = lex["_prose_score"].search(text)
        if m and float(m.group("score")) <= SCORE_MAX:
            p.total_score = float(m.group("score"))
    m = lex["_prose_rate"].search(text)
    if m:
        p.budget = Budget(rate=float(m.group("rate")), start=m.start(), end=m.end())
