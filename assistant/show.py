"""One report over its own text: a page an analyst opens in a browser (displaCy's span style).

`report_html(doc)` takes a Doc from `assistant.load()` and marks, over the report's text, every
indicator row, reason, problem, measure and 核查发现 with its kind in Chinese.  displaCy draws
one box per token, so the page is drawn from coarse pieces — the text cut only where an item
begins or ends and at line breaks — not from the Doc's one-character tokens; line breaks are
kept.  Every piece of report text is HTML-escaped by displaCy.
"""
from __future__ import annotations

import html
from bisect import bisect_left

from spacy import displacy
from spacy.tokens import Doc

# Kind → (label shown, colour)
LABELS = {
    "indicator": ("指标", "#cfe2ff"),
    "reason": ("原因", "#ffe5b4"),
    "problem": ("问题", "#ffc9c9"),
    "measure": ("措施", "#c8f7c5"),
    "finding": ("核查发现", "#e0ccff"),
}
_BREAK = "\u2029"       # stands for a line break until the markup is drawn


def report_html(doc: Doc, title: str = "") -> str:
    """A whole HTML page: the document's text with its extracted items marked."""
    spans = [(s.start_char, s.end_char, LABELS[key][0])
             for key in LABELS for s in doc.spans.get(key, [])]
    text = doc.text.replace(_BREAK, " ")
    cuts = sorted({0, len(text), *(c for s, e, _ in spans for c in (s, e)),
                   *(i for i, ch in enumerate(text) if ch == "\n"),
                   *(i + 1 for i, ch in enumerate(text) if ch == "\n")})
    pieces = [text[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]
    starts = [a for a, b in zip(cuts, cuts[1:]) if b > a]
    tokens = [_BREAK if p == "\n" else p for p in pieces]
    manual = {
        "text": text,
        "tokens": tokens,
        "spans": [{"start_token": bisect_left(starts, s), "end_token": bisect_left(starts, e),
                   "label": label} for s, e, label in spans if e > s],
        "title": html.escape(title or _summary(doc)),
    }
    colors = {label: colour for label, colour in LABELS.values()}
    markup = displacy.render([manual], style="span", manual=True, page=True,
                             options={"colors": colors})
    markup = markup.replace('<html lang="en">', '<html lang="zh">', 1)
    markup = markup.replace("<title>displaCy</title>", f"<title>{manual['title']}</title>", 1)
    return markup.replace(_BREAK + " ", "<br>").replace(_BREAK, "<br>")


def _summary(doc: Doc) -> str:
    report = doc._.report
    counts = "，".join(f"{LABELS[k][0]} {len(doc.spans.get(k, []))}" for k in LABELS)
    name = report.doc if report is not None else ""
    projects = len(report.projects) if report is not None else 0
    return f"{name}：项目 {projects}，{counts}"
