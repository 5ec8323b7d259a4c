"""The vocabulary every form shares, compiled once from lexicons/ into one typed object.

The stream reader (stream.py, grammar.py, forms.py) finds forms by what all of them print —
field names (项目名称, 主管部门 …), column headings (三级指标, 年度指标值, 分值 …), the
first- and second-level labels of the published frameworks, the values a target cell holds
without a number — never by the line shapes of particular documents.  All of it is data in
`lexicons/tables.yaml`, `forms.yaml` and `labels.yaml`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from assistant.extract.labels import label_book
from assistant.lexicon import builtin, derived, words_pattern

_BRACKET = re.compile(r"[（(][^）)]*[）)]")
_NOTE_MARKS = re.compile(r"[（(、]")        # what a note after a heading holds (数量(20)、质量(10))
_SPACE = re.compile(r"\s+")
_EDGE_PUNCT = ":：|｜*#"
HEADING_MAX_CHARS = 20      # a cell longer than this (white space aside) is no column heading
FUZZY_MIN_CHARS = 5         # a heading shorter than this is matched exactly, or as an anagram
FUZZY_CUTOFF = 88           # fuzz.ratio a longer one must reach with a heading of the vocabulary


@dataclass(frozen=True)
class FormVocab:
    """Words with their meaning; `terms` is one regex over all of them (longest first)."""

    columns: dict[str, str]            # heading key → role (name, target, actual, weight …)
    budget_columns: dict[str, str]     # heading key → budget role (initial, adjusted …)
    budget_totals: frozenset[str]      # 年度资金总额 …
    budget_sources: frozenset[str]     # 其中：财政拨款, 上年结转资金 …
    name_fields: frozenset[str]        # 项目名称 …
    unit_name_fields: frozenset[str]   # 部门名称, 单位名称 …: a form's name only where no 项目名称 is
    name_field_not_after: tuple[str, ...]   # 审计(项目名称): the name of an audit, not of a project
    fields: dict[str, str]             # any field key → department / unit / other / name
    qualitative: frozenset[str]        # 合格, 效果明显 …
    value_end: re.Pattern              # a name ending in 「小于」, 「按规定时限」: a value glued on
    unit_end: re.Pattern               # 「2280次|大楼…」: a number's unit, words glued after it
    unit_lead: re.Pattern              # 「4 次|趋势…」: the same at a run's start, a space after the number
    units: frozenset[str]              # 万元, 次, 人 …: a unit alone is never a value
    description_opener: re.Pattern     # 反映…, 该指标…: an indicator's description starts here
    table_end: tuple[str, ...]
    table_end_keys: tuple[str, ...]    # the same as headings (no white space, brackets, colons)
    placeholder: re.Pattern
    label_placeholder: re.Pattern      # 「经济成本指标0」: what stands after a label for no indicator
    not_name: re.Pattern               # 正向指标, 计划标准, …审核意见: never a name
    approval: re.Pattern               # …审核意见 (盖章): an approval field below a table
    unit_declaration: re.Pattern       # a cell that is only 「单位：万元」: the head of the next form
    unit_cell: re.Pattern              # 「部门 |」: a unit's name field standing as a whole cell
    unit_name_end: re.Pattern          # 局, 中心 …: what a unit's name ends with
    name_mark: re.Pattern              # 指标1：, 任务2：: a name begins here
    column_numbering: frozenset[str]   # 列次, 栏次: a row numbering the columns
    schemas: tuple[tuple[str, ...], ...]
    other_table_openers: frozenset[str]    # 序号, 编号: a line opening with one and naming no indicator column
    listing_columns: frozenset[str]        # 自评分数, 自评等级: a 项目名称 beside one heads a listing's column
    fallback_schemas: tuple[tuple[str, ...], ...]   # a page-top table that prints no score
    titles: tuple[tuple[re.Pattern, str], ...]
    header_forms: dict[str, str]
    default_form: str
    name_code: re.Pattern
    title_strip: re.Pattern
    title_lead: re.Pattern             # the words before a title's form word (省级部门预算项目支出)
    title_generic: re.Pattern
    project_report_title: re.Pattern
    project_report_words: re.Pattern
    project_evaluated: re.Pattern      # 「我单位对……项目执行情况开展了自评」: the project a report is on
    project_mentioned: re.Pattern      # 「该……项目于2020年初……申报」: the project the text goes on about
    project_declared: re.Pattern       # 「我校2022年项目为一个：……项目」: the one project a unit had
    evaluated_money: re.Pattern        # 「2021年司法援助专项资金……绩效评价」: news of an evaluation
    scored_item: re.Pattern            # 「……改扩建建设项目89.69分」: a project in a list of results
    headed_project: re.Pattern         # 「（一）某某提灌站项目：……」: a project's numbered heading
    headed_project_not: re.Pattern     # … a heading that is a sentence or a kind of spending
    evaluated_money_chars: int         # how far into a document such news is looked for
    scored_list_min: int               # the fewest scored items that make a list of results
    scored_list_not: tuple[str, ...]   # words of a scored name that is no project (指标, 得分 …)
    terms: re.Pattern                  # every word above, for parting glued text
    field_terms: re.Pattern            # field keys, white space allowed between characters
    heading_terms: re.Pattern          # column headings, in text without white space
    max_label_chars: int
    nature_cell: re.Pattern            # ≥, =, 定性: a cell of a 指标性质 column
    score_rule: re.Pattern             # 「得 1 分」: a scoring rule's points (group 1)
    wrapped_label_suffix: re.Pattern   # 「指标（20分）」: a label's cell's wrapped rest
    title_verb: re.Pattern             # 明, 示 … after 表: a verb (表明), not a title
    template_mark: re.Pattern          # 「(≥**株)」: a template's placeholder for a target, after the name
    prose_subject: re.Pattern          # 本项目, 该资金 …: a sentence's subject before a target heading
    furniture: re.Pattern              # ICP备, 主办单位 …: a web page's footer, below any table
    page_counter: re.Pattern           # 浏览次数, 阅读量 …: a web page's head, never an indicator
    doubled_marker: re.Pattern         # 「(1)(1)」, 「2 2、」: list markers a converter printed twice
    heading_period: re.Pattern         # 「1-7月」, 「截至6月底」: the months a monitoring form's column covers
    column_anagrams: dict[str, str]    # a heading's characters in sorted order → role (the first heading's)
    column_words: tuple[str, ...]      # the headings of `columns`, in their order, for fuzzy matching
    # of them, those a damaged heading of each length can be near enough to (`_near_in_length`)
    column_words_near: dict[int, tuple[str, ...]]

    def column_role(self, text: str, fuzzy: bool = True) -> str | None:
        """The role of a column heading, exact or (OCR, PDF reordering) near enough."""
        return builtin_column_role(text, fuzzy) if self is vocab() else self._column_role(text, fuzzy)

    def names_indicator_column(self, squashed: str) -> bool:
        """Whether text without white space prints the heading of an indicator's name or
        label column (三级指标, 一级指标 …)."""
        return any(self.columns[m.group()] in ("name", "l1", "l2") for m in self.heading_terms.finditer(squashed))

    def _column_role(self, text: str, fuzzy: bool) -> str | None:
        key = heading_key(text)
        if not key or len(key) > HEADING_MAX_CHARS:
            return None
        role = self.columns.get(key)
        if role is None and YEAR.search(key):
            # 「预期2022年实现值」, 「2021年实际实现值」: a heading naming its year
            key = YEAR.sub("", key).replace("本年", "").strip(_EDGE_PUNCT)
            role = self.columns.get(key)
        if role is None and (period := self.heading_period.match(key)) is not None:
            # 「1-7月执行情况」, 「截至6月底完成值」: a monitoring form's figure so far
            role = self.columns.get(key[period.end():])
        if role is None:
            # a heading with a note after a space: 「*分值 数量(20)、质量(10)……」
            head, _, note = (text or "").strip().strip(_EDGE_PUNCT).partition(" ")
            if note and _NOTE_MARKS.search(note):
                role = self.columns.get(heading_key(head))
        if role is not None or len(key) < 3 or not fuzzy:
            return role
        return _fuzzy(key, self)

    def budget_role(self, text: str) -> str | None:
        key = heading_key(text)
        return self.budget_columns.get(key) if key else None

    def field_kind(self, text: str) -> str | None:
        key = heading_key(text).strip(_EDGE_PUNCT)
        if key in self.name_fields:
            return "name"
        return self.fields.get(key)


def settle_roles(roles: list[str | None], heading: Callable[[int], str]) -> list[str | None]:
    """A header's roles read together, not heading by heading (`heading(k)`: the text of the
    k-th; asked only where there is something to settle, as for few of the runs of heading
    words the stream reader meets):
    * where no column is headed 指标名称, 一级指标 or 二级指标 and the values are headed
      (序号 · 绩效指标 · 指标值 · 完成值), the 绩效指标 column holds the names;
    * 情况说明 heads the actual value where nothing else does (转移支付 forms); after a
      完成值 column it explains the deviation (… · 完成值 · 完成率 · 情况说明);
    * of two name columns under different headings in a table with no 中期 half, the
      second explains the first (计分表: 三级指标 · 自评分 · 具体指标 · 评价标准 · 得分)."""
    lead = "lead" in roles and not {"name", "l1", "l2"} & set(roles) and bool({"target", "actual"} & set(roles))
    actual = [k for k, r in enumerate(roles) if r == "actual"]
    names = [k for k, r in enumerate(roles) if r == "name"]
    if not lead and len(actual) < 2 and len(names) < 2:
        return roles
    roles = list(roles)
    if len(names) >= 2 and "target_mid" not in roles:
        # a scoring table (计分表: 三级指标 · 自评分 · 具体指标 · 评价标准 · 得分): a second name
        # column under another heading, with no 中期/年度 halves, says what the first measures
        first = heading_key(heading(names[0]))
        for k in names[1:]:
            if heading_key(heading(k)) != first:
                roles[k] = "explain"
    if lead:
        roles[roles.index("lead")] = "name"
    for k in actual[1:]:
        if heading_key(heading(k)).endswith("说明"):
            roles[k] = "reason"
    return roles


@derived(maxsize=100_000)
def builtin_column_role(text: str, fuzzy: bool = True) -> str | None:
    """`vocab().column_role`, cached per cell text (every cell of every row is asked, most
    of them more than once)."""
    return vocab()._column_role(text, fuzzy)


YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?")      # a year printed inside a heading (预期2023年实现值)


@lru_cache(maxsize=65536)
def heading_key(text: str) -> str:
    """A cell as a heading: no white space, no bracketed note, no edge punctuation (every
    cell of a form is asked, most of them more than once)."""
    return _BRACKET.sub("", _SPACE.sub("", text or "")).strip(_EDGE_PUNCT)


def _fuzzy(key: str, v: FormVocab) -> str | None:
    """A heading damaged by OCR or PDF reordering: the same characters in another order
    (考值参分 for 参考分值), or one character off in a long heading."""
    role = v.column_anagrams.get("".join(sorted(key)))
    if role is not None:
        return role
    if len(key) >= FUZZY_MIN_CHARS:
        words = v.column_words_near.get(len(key), v.column_words)
        best = process.extractOne(key, words, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if best is not None and best[0] not in key and key not in best[0]:
            return v.columns[best[0]]
    return None


def _near_in_length(words: tuple[str, ...]) -> dict[int, tuple[str, ...]]:
    """For each length a key may have, the words fuzz.ratio can score FUZZY_CUTOFF or more
    against it, in their order: the ratio is at most 200 × the shorter length / both
    lengths, so only words of nearly the key's length can (the others are not scored)."""
    return {n: tuple(w for w in words if 200 * min(n, len(w)) >= FUZZY_CUTOFF * (n + len(w)))
            for n in range(FUZZY_MIN_CHARS, HEADING_MAX_CHARS + 1)}


def _anagrams(columns: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for word, role in columns.items():
        out.setdefault("".join(sorted(word)), role)
    return out


def spaced(word: str) -> str:
    """A regex for `word` that allows white space between its characters (项 目 名 称) and
    either kind of bracket around a bracketed part, which may also be left out
    (转移支付(项目)名称, 转移支付（项目）名称, 转移支付名称).  The white space is taken whole
    (possessive): two runs of it around a left-out part would otherwise share a long run of
    TABs, tried at every split (quadratic)."""
    out, k = [], 0
    while k < len(word):
        ch = word[k]
        close = word.find(")" if ch == "(" else "）", k) if ch in "(（" else -1
        if close > k:
            inner = r"\s*+".join(re.escape(c) for c in word[k + 1:close])
            out.append(rf"(?:[（(]\s*+{inner}\s*+[)）])?")
            k = close + 1
            continue
        out.append(re.escape(ch))
        k += 1
    return r"\s*+".join(out)


def _unit_end(units: list[str], words: list[str], after: str = r"(?<=\d)") -> re.Pattern:
    """A number's unit with words glued after it, never a unit cut short (「372人|次」: 人 is
    a unit, but 人次 is the one printed) nor the first character of a word (「5|项目」)."""
    parts = []
    for u in sorted(units, key=len, reverse=True):
        longer = {v[len(u)] for v in units if len(v) > len(u) and v.startswith(u)}
        longer |= {w[len(u)] for w in words if len(w) > len(u) and w.startswith(u)}
        parts.append(re.escape(u) + (f"(?![{''.join(sorted(longer))}])" if longer else ""))
    return re.compile(after + r"(?:" + "|".join(parts) + r")(?=[\u4e00-\u9fff])")


# the fields compiled from one pattern each, named as their key without 「_re」
_TABLE_PATTERNS = ("placeholder", "label_placeholder", "name_mark", "nature_cell", "score_rule",
                   "wrapped_label_suffix", "template_mark", "prose_subject", "furniture",
                   "doubled_marker", "page_counter", "heading_period")
_FORM_PATTERNS = ("unit_name_end", "name_code", "title_lead", "project_report_title", "project_report_words",
                  "project_evaluated", "project_mentioned", "project_declared", "evaluated_money", "scored_item", "headed_project", "headed_project_not")


@derived(maxsize=1)
def vocab() -> FormVocab:
    tables, forms, labels = builtin("tables.yaml"), builtin("forms.yaml"), label_book()
    columns: dict[str, str] = {}
    for rule in tables["indicator_columns"]:
        for heading in rule["match"]:
            columns.setdefault(heading_key(heading), rule["role"])
    budget = tables["budget"]
    budget_columns = {heading_key(h): r["role"] for r in budget["columns"] for h in r["match"]}
    name_fields = frozenset(heading_key(f) for f in forms["name_fields"])
    fields: dict[str, str] = {}
    for kind in ("department", "unit", "other"):
        for f in forms["fields"][kind]:
            fields.setdefault(heading_key(f), kind)
    qualitative = frozenset(tables["qualitative_values"])
    table_end = tuple(tables["table_end"]) + tuple(tables["stream_end"])
    label_words = [w for w in list(labels.level1) + list(labels.level2)
                   if w.endswith("指标") or len(w) >= 4]
    words = set(label_words) | set(columns) | set(budget_columns) | set(budget["total_rows"]) \
        | set(name_fields) | set(fields) | {q for q in qualitative if len(q) >= 3} \
        | {t.rstrip(":：") for t in table_end} | set(tables["value_openers"]) \
        | set(tables["description_openers"])
    words = {w for w in words if len(w) >= 2}
    terms = re.compile(words_pattern(words))
    raw_keys = list(forms["name_fields"]) + [f for kind in ("department", "unit", "other")
                                             for f in forms["fields"][kind]]
    keys = sorted(set(raw_keys), key=lambda k: len(heading_key(k)), reverse=True)
    field_terms = re.compile("|".join(spaced(k) for k in keys))
    # one pattern each, the field named as its key without 「_re」
    single = {key: re.compile(tables[key + "_re"]) for key in _TABLE_PATTERNS}
    single.update((key, re.compile(forms[key + "_re"])) for key in _FORM_PATTERNS)
    return FormVocab(
        **single,
        columns=columns,
        budget_columns=budget_columns,
        budget_totals=frozenset(heading_key(t) for t in budget["total_rows"]),
        budget_sources=frozenset(heading_key(t) for t in budget["source_rows"]),
        name_fields=name_fields,
        unit_name_fields=frozenset(heading_key(f) for f in forms["unit_name_fields"]),
        name_field_not_after=tuple(forms.get("name_field_not_after", ())),
        evaluated_money_chars=int(forms.get("evaluated_money_chars", 800)),
        scored_list_min=int(forms.get("scored_list_min", 3)),
        scored_list_not=tuple(forms.get("scored_list_not", ())),
        fields=fields,
        qualitative=qualitative,
        value_end=re.compile("(?:" + "|".join(re.escape(w) for w in sorted(
            set(tables["value_openers"]) | {q for q in qualitative if len(q) >= 4}, key=len, reverse=True)) + ")$"),
        unit_end=_unit_end(tables["quantity_units"], []),
        unit_lead=_unit_end(tables["quantity_units"], tables.get("unit_initial_words") or [], after=""),
        units=frozenset(tables["quantity_units"]),
        description_opener=re.compile("|".join(re.escape(w) for w in sorted(
            tables["description_openers"], key=len, reverse=True))),
        table_end=table_end,
        table_end_keys=tuple(k for k in (heading_key(e) for e in table_end) if k),
        not_name=re.compile("^(?:" + tables["direction_re"] + "|" + tables["not_name_re"] + "|" + tables["approval_field_re"]
                            + r"\s*(?:[（(]\s*盖章\s*[)）])?)$"),
        approval=re.compile(tables["approval_field_re"]),
        unit_declaration=re.compile(r"\s*(?:金额|资金)?" + tables["budget"]["declared_unit"] + r"\s*"),
        unit_cell=re.compile(r"(?m)(?:^|[|｜\t])[ \u3000]*(" + "|".join(re.escape(f) for f in forms["unit_cell_fields"])
                             + r")[ \u3000]*(?=[|｜\t])"),
        column_numbering=frozenset(heading_key(w) for w in tables.get("column_numbering") or ()),
        schemas=tuple(tuple(s) for s in tables["schemas"]),
        fallback_schemas=tuple(tuple(s) for s in tables.get("fallback_schemas", [])),
        other_table_openers=frozenset(heading_key(w) for w in tables.get("other_table_openers", [])),
        listing_columns=frozenset(heading_key(w) for w in tables.get("listing_columns", [])),
        titles=tuple((re.compile(t["pattern"]), t["form"]) for t in forms["titles"]),
        header_forms=dict(forms["header_forms"]),
        default_form=forms["default_form"],
        title_strip=re.compile(forms["title_strip"]),
        title_generic=re.compile(forms["title_generic"]),
        terms=terms,
        field_terms=field_terms,
        heading_terms=re.compile(words_pattern(columns)),
        max_label_chars=labels.max_chars,
        title_verb=re.compile(forms["title_verb_after_biao_re"]),
        column_anagrams=_anagrams(columns),
        column_words=tuple(columns),
        column_words_near=_near_in_length(tuple(columns)),
    )
