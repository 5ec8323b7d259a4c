"""The chat engine: a request → an intent with slots → an answer from the store (see
`assistant.chat`)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from collections.abc import Sequence
from typing import Callable

from rapidfuzz import fuzz

from assistant.model import ItemKind
from assistant.store import ReviewItem, Store
from assistant.chat.intents import Lexicon, Slots, default_lexicon, intents_of
from assistant.lexicon import Lexicons, install

# the kinds whose items are sentences to list and count (indicator rows are not)
STATEMENT_KINDS: tuple[ItemKind, ...] = ("problem", "reason", "measure", "finding")
COMPARISON_WORDS = {"lt": "低于", "le": "不高于", "gt": "高于", "ge": "不低于", "eq": "等于"}
MAX_LISTED = 50


@dataclass(frozen=True)
class Hit:
    """An answer line that points at something to jump to (an item, or a document)."""

    label: str
    doc_id: int
    item_id: int | None = None


@dataclass
class Reply:
    text: str
    intent: str | None = None
    hits: list[Hit] = field(default_factory=list)
    action: str | None = None        # "draft": open the draft editor; "refresh": item changed
    item_id: int | None = None


@dataclass
class Request:
    text: str
    intent: str | None
    score: float
    slots: Slots
    words: str


@dataclass
class Context:
    """Where the analyst is: the open document and the selected item, if any."""

    doc_id: int | None = None
    item_id: int | None = None
    export_dir: Path = Path(".")


class Chat:
    """Answers an analyst's requests from the store. `lexicons` (an `assistant.lexicon.Lexicons`,
    overlays included) are the ones its intents and answers read, as the pipeline's and the
    drafter's; `lexicon` gives the intents alone (tests, a file of one's own)."""

    def __init__(self, store: Store, lexicon: Lexicon | None = None, lexicons: Lexicons | None = None):
        self.store = store
        self.lexicons = lexicons
        self.lexicon = lexicon or (intents_of(lexicons) if lexicons is not None else default_lexicon())
        self._answers: dict[str, Callable[[Request, Context], Reply]] = {
            "projects_by_rate": self._projects_by_rate, "indicators_not_met": self._indicators_not_met,
            "items_by_theme": self._items_by_theme, "counts": self._counts,
            "draft_measures": self._draft_measures, "set_theme": self._set_theme,
            "export": self._export, "help": lambda request, context: self.help(),
            "rank_projects": self._rank_projects, "items_by_kind": self._items_by_kind,
            "summary": self._summary,
        }

    def parse(self, text: str) -> Request:
        """The best intent for `text` (None when nothing scores above the cutoff)."""
        if self.lexicons is not None:
            install(self.lexicons)      # the answer after the parse too (theme names, drafts …)
        lx = self.lexicon
        words, slots = lx.analyse(text, self.store.project_names())
        low = text.lower()
        best: tuple[str | None, float, float] = (None, 0.0, 0.0)
        for name, triggers in lx.normalised_triggers().items():
            intent = lx.intents[name]
            if intent.cues and not any(cue.lower() in low for cue in intent.cues):
                continue
            if not all(_has(slots, need) for need in intent.needs):
                continue
            if any(k in intent.unless_kinds for k in slots.kinds):
                continue
            for trigger in triggers:
                score = (fuzz.token_set_ratio(words, trigger), fuzz.token_sort_ratio(words, trigger))
                if score > best[1:]:
                    best = (name, *score)
        intent_name = best[0] if best[1] >= lx.intent_cutoff else None
        return Request(text, intent_name, best[1], slots, words)

    def respond(self, text: str, context: Context | None = None) -> Reply:
        context = context or Context()
        if not text.strip():
            return self.help()
        request = self.parse(text)
        if request.intent is None:
            return self.help(f"没有理解「{text.strip()}」。")
        reply = self._answers[request.intent](request, context)
        reply.intent = request.intent
        return reply

    def help(self, lead: str = "") -> Reply:
        lines = [lead + "我可以：" if lead else "我可以："]
        for intent in self.lexicon.intents.values():
            if intent.name != "help":
                examples = "、".join(f"「{e}」" for e in intent.examples[:2])
                lines.append(f"· {intent.help}，例如 {examples}")
        return Reply("\n".join(lines), intent="help")

    # -- answers ---------------------------------------------------------------------------

    def _projects_by_rate(self, request: Request, context: Context) -> Reply:
        defaults = self.lexicon.intents["projects_by_rate"].defaults
        rate = request.slots.number if request.slots.number is not None else float(defaults.get("number", 90))
        comparison = request.slots.comparison or defaults.get("comparison", "lt")
        rows = self.store.projects(rate=rate, comparison=comparison, doc_id=_scope(request, context))
        what = f"执行率{COMPARISON_WORDS[comparison]}{rate:g}%的项目"
        if not rows:
            return Reply(f"没有{what}。")
        hits = [Hit(f"{r.name}（{r.doc_name}）执行率 {r.rate:g}%", r.doc_id, r.item_id) for r in rows]
        return self._listing(f"{what}共 {len(rows)} 个：", hits)

    def _indicators_not_met(self, request: Request, context: Context) -> Reply:
        items = self.store.indicators_not_met(doc_id=_scope(request, context), project=request.slots.project)
        if not items:
            return Reply("没有未完成的指标。")
        if re.search(r"最|排", request.text):        # 扣分最多 / 最差: the largest deduction first
            items = sorted(items, key=lambda i: -_deduction(i))
        hits = []
        for i in items:
            points = f"（得分 {i.detail.get('score')}/{i.detail.get('weight')}）" if i.detail.get("weight") else ""
            hits.append(Hit(f"{i.project or i.doc_name}｜{i.summary}{points}", i.doc_id, i.id))
        return self._listing(f"未完成的指标共 {len(items)} 条：", hits)

    def _items_by_theme(self, request: Request, context: Context) -> Reply:
        slots, lx = request.slots, self.lexicon
        kinds = [k for k in slots.kinds if k in STATEMENT_KINDS] or None
        found: dict[int, ReviewItem] = {}
        for theme in slots.themes:
            for item in self.store.items_by_theme(theme, kinds=kinds or STATEMENT_KINDS,
                                                  doc_id=_scope(request, context), project=slots.project):
                found.setdefault(item.id, item)
        what = f"「{lx.theme_label(slots.themes)}」相关的{self._kind_label(kinds)}"
        if not found:
            return Reply(f"没有{what}。")
        hits = [self._item_hit(i) for i in found.values()]
        return self._listing(f"{what}共 {len(hits)} 条：", hits)

    def _rank_projects(self, request: Request, context: Context) -> Reply:
        text = request.text
        if re.search(r"得分|分数|评分|自评分", text):
            key, label, unit = "total_score", "自评得分", "分"
        elif re.search(r"执行数|支出数|支出金额|花了", text):
            key, label, unit = "executed", "执行数", ""
        elif re.search(r"预算|资金|经费|金额|钱", text) and "执行率" not in text:
            key, label, unit = "adjusted", "预算数", ""
        else:
            key, label, unit = "rate", "执行率", "%"
        low = bool(re.search(r"最低|最少|最小|最差|倒数|偏低", text))
        rows = [r for r in self.store.projects(doc_id=_scope(request, context)) if getattr(r, key) is not None]
        if not rows:
            return Reply(f"没有记录{label}的项目。")
        rows.sort(key=lambda r: (getattr(r, key), r.doc_name, r.name), reverse=not low)
        top = rows[0]
        order = "从低到高" if low else "从高到低"
        head = f"{label}{'最低' if low else '最高'}的是{top.name}（{getattr(top, key):g}{unit}）；按{label}{order}共 {len(rows)} 个："
        hits = [Hit(f"{r.name}（{r.doc_name}）{label} {getattr(r, key):g}{unit}", r.doc_id, r.item_id) for r in rows]
        return self._listing(head, hits)

    def _items_by_kind(self, request: Request, context: Context) -> Reply:
        slots = request.slots
        every = STATEMENT_KINDS + ("indicator", "finding")
        kinds = [k for k in slots.kinds if k in every] or (list(every) if slots.status else ["problem"])
        status = slots.status if slots.status in ("pending", "accepted", "edited", "rejected") else None
        items = self.store.items_of_kind(kinds, doc_id=_scope(request, context), project=slots.project,
                                         status=status)
        categories = slots.categories if kinds == ["indicator"] else []
        if categories:                           # 满意度相关的指标: indicators of those categories
            items = [i for i in items if i.category in categories]
        label = self._kind_label(kinds if len(kinds) < len(every) else None)
        if status:
            label = f"{self.lexicon.status_names.get(status, status)}的{label}"
        if categories:
            label = f"「{'、'.join(categories)}」类{label}"
        if not items:
            return Reply(f"没有{label}。")
        hits = [self._item_hit(i) for i in items]
        return self._listing(f"{label}共 {len(items)} 条：", hits)

    def _counts(self, request: Request, context: Context) -> Reply:
        doc_id = _scope(request, context)
        if not request.slots.kinds and re.search(r"几个项目|多少个?项目", request.text):
            projects = self.store.projects(doc_id=doc_id)
            return Reply(f"共 {len(projects)} 个项目，来自 {len({p.doc_id for p in projects})} 份报告。")
        if "indicator" in request.slots.kinds:   # 按类别统计指标
            by_category = Counter(i.category or "未分类" for i in self.store.items_of_kind(["indicator"], doc_id=doc_id))
            lines = [f"各类指标数量（共 {sum(by_category.values())} 条，不含已拒绝）："]
            lines += [f"· {cat}：{n}" for cat, n in by_category.most_common()] or ["· 无"]
            return Reply("\n".join(lines))
        kinds = [k for k in request.slots.kinds if k in STATEMENT_KINDS] or ["problem"]
        by_theme = self.store.counts_by_theme(kinds=kinds, doc_id=doc_id)
        by_kind = self.store.counts_by_kind(doc_id=doc_id)
        label = self._kind_label(kinds)
        lines = [f"各类{label}数量（不含已拒绝）："]
        lines += [f"· {self.lexicon.theme_label([code])}：{n}" for code, n in by_theme.items()] or ["· 无"]
        lines.append("按类型：" + " · ".join(f"{self._kind_label([k])} {n}" for k, n in sorted(
            by_kind.items(), key=lambda kv: -kv[1])))
        return Reply("\n".join(lines))

    def _summary(self, request: Request, context: Context) -> Reply:
        """A document (the open one, or all): counts, main themes, the worst indicators and
        the lowest execution rate — what an analyst reads first."""
        doc_id = context.doc_id if context.doc_id is not None else _scope(request, context)
        named = self.store.documents(ids=[doc_id]) if doc_id is not None else []
        where = f"「{named[0].name}」" if named else f"全部 {self.store.document_count()} 份报告"
        projects = self.store.projects(doc_id=doc_id)
        by_kind = self.store.counts_by_kind(doc_id=doc_id)
        lines = [f"{where}：项目 {len(projects)} 个；" + "，".join(
            f"{self._kind_label([k])} {by_kind.get(k, 0)} 条" for k in ("indicator", "problem", "reason", "measure", "finding"))
            + "（不含已拒绝）。"]
        themes = list(self.store.counts_by_theme(kinds=["problem", "reason"], doc_id=doc_id).items())[:3]
        if themes:
            lines.append("主要问题集中在：" + "、".join(f"{self.lexicon.theme_label([c])}（{n}）" for c, n in themes) + "。")
        rated = [p for p in projects if p.rate is not None]
        if rated:
            low = min(rated, key=lambda p: p.rate or 0.0)
            lines.append(f"执行率最低的是{low.name}（{low.rate:g}%）。")
        worst = sorted(self.store.indicators_not_met(doc_id=doc_id), key=lambda i: -_deduction(i))[:3]
        hits = [Hit(f"指标｜{i.project or i.doc_name}｜{i.summary}（扣 {_deduction(i):g} 分）", i.doc_id, i.id)
                for i in worst]
        problems = self.store.items_of_kind(["problem"], doc_id=doc_id)[:MAX_LISTED - len(hits)]
        hits += [Hit(f"问题｜{i.project or i.doc_name}｜{i.text}", i.doc_id, i.id) for i in problems]
        if hits:
            lines.append("扣分最多的指标和主要问题见下，选中一条回车即可跳转。")
        return Reply("\n".join(lines), hits=hits)

    def _draft_measures(self, request: Request, context: Context) -> Reply:
        if context.item_id is None:
            return Reply("请先在文档中选中一条问题，再说「为这个问题起草改进措施」。")
        item = self.store.item(context.item_id)
        return Reply(f"为「{item.text}」起草改进措施……", action="draft", item_id=item.id,
                     hits=[Hit(item.text, item.doc_id, item.id)])

    def _set_theme(self, request: Request, context: Context) -> Reply:
        if context.item_id is None:
            return Reply("请先在文档中选中一条，再说要把它改为哪一类。")
        slots, lx = request.slots, self.lexicon
        if slots.themes:
            item = self.store.decide(context.item_id, "edited", themes=slots.themes)
            change = f"主题改为「{lx.theme_label(item.themes)}」"
        elif slots.categories:
            item = self.store.decide(context.item_id, "edited", category=slots.categories[0])
            change = f"指标分类改为「{item.category}」"
        elif slots.kinds:
            item = self.store.decide(context.item_id, "edited", kind=slots.kinds[0])
            change = f"类型改为「{self._kind_label([item.kind])}」"
        else:
            return Reply("要改为哪一类？例如「把这条改为预算执行类」或「把这条的分类改为数量」。")
        return Reply(f"已把这条的{change}，已保存为修改。", action="refresh", item_id=item.id,
                     hits=[Hit(item.text, item.doc_id, item.id)])

    def _export(self, request: Request, context: Context) -> Reply:
        slots = request.slots
        status = slots.status or "accepted"
        fmt = slots.format or "xlsx"
        kinds = [k for k in slots.kinds if k in STATEMENT_KINDS + ("indicator",)] or None
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = Path(context.export_dir) / f"审核结果-{status}-{stamp}.{fmt}"
        n = self.store.export(status, fmt, path, kinds=kinds)
        status_word = {"accepted": "已审核（接受或修改）", "all": "全部"}.get(
            status, self.lexicon.status_names.get(status, status))
        return Reply(f"已导出 {n} 条{status_word}的{self._kind_label(kinds)}到 {path}")

    # -- helpers ---------------------------------------------------------------------------

    def _listing(self, title: str, hits: list[Hit]) -> Reply:
        more = f"\n（只列出前 {MAX_LISTED} 条）" if len(hits) > MAX_LISTED else ""
        return Reply(title + more + "\n选中一条回车即可跳转。", hits=hits[:MAX_LISTED])

    def _item_hit(self, item: ReviewItem) -> Hit:
        """「问题｜项目｜text」, jumping to the item."""
        return Hit(f"{self._kind_label([item.kind])}｜{item.project or item.doc_name}｜{item.text}", item.doc_id, item.id)

    def _kind_label(self, kinds: Sequence[str] | None) -> str:
        if not kinds:
            return "条目"
        return "、".join(self.lexicon.kind_names.get(k, k) for k in kinds)


def _has(slots: Slots, need: str) -> bool:
    """Whether the request fills slot `need` (`kinds|status`: one of them)."""
    if "|" in need:
        return any(_has(slots, one) for one in need.split("|"))
    value = getattr(slots, need if need != "theme" else "themes", None)
    return bool(value) or value == 0


def _deduction(item) -> float:
    """Points an indicator lost (分值 − 得分), 0 when either is missing."""
    weight, score = item.detail.get("weight"), item.detail.get("score")
    try:
        return max(0.0, float(weight) - float(score))
    except (TypeError, ValueError):
        return 0.0


def _scope(request: Request, context: Context) -> int | None:
    """Only the open document when the request says so (本文档, 这份报告 …)."""
    return context.doc_id if request.slots.this_document and context.doc_id else None
