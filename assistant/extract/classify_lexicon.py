"""The indicator lexicon (lexicons/indicators.yaml + exemplar TSVs): read, check, merge, compile.

Analyst lexicons (`--lexicon my.yaml`) have the built-in schema; their lists are added to the
built-in ones and their numbers replace the built-in numbers.  Every structural mistake is
reported as a `LexiconError` whose one-line message names the file, the line and the problem.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml

from assistant.extract.labels import label_book
from assistant.extract.namemodel import NameModel
from assistant.lexicon import YAML_LOADER, LexiconError, lexicon_dir, load_yaml
from assistant.messages import say
from assistant.nlp import segment

_NUMBER_SECTIONS = ("thresholds", "weights", "cue_scoring", "confidence")
_CATEGORY_KEYS = ("strong", "weak", "patterns", "weak_patterns", "exemplars", "boost")
_VALUE = re.compile(r"(\d[\d,，]*(?:\.\d+)?)\s*(.*)")
_UNIT_END = re.compile(r"[/／*×·（(，,；;。\s]")
_WHITE = re.compile(r"\s+")


def canonical_categories() -> list[str]:
    """The category codes of TAXONOMY §1, in table order (from lexicons/labels.yaml)."""
    return list(label_book().parents)


def merged_data(extra: list[Path]) -> dict[str, Any]:
    """The built-in lexicon with each analyst file merged over it, in order."""
    base = read_lexicon_file(lexicon_dir() / "indicators.yaml", builtin_file=True)
    for path in extra:
        _merge(base, read_lexicon_file(path, known=base))
    return base


def read_lexicon_file(path: Path, known: dict | None = None, builtin_file: bool = False) -> dict:
    """One lexicon file, checked against the schema; exemplar TSVs it names are read in."""
    data = load_yaml(path)
    if data is None:
        return {}
    node = yaml.compose(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    _Checker(path, known if not builtin_file else None).file(node)
    files = data.pop("exemplar_files", []) or []
    rows = data.setdefault("_exemplars", [])
    for name in files:
        rows.extend(read_exemplar_tsv(path.parent / str(name), path))
    for cat, entry in (data.get("categories") or {}).items():
        rows.extend((cat, str(n)) for n in (entry or {}).get("exemplars") or [])
    return data


def read_exemplar_tsv(path: Path, named_in: Path | None = None) -> list[tuple[str, str]]:
    """Rows (category, name) of an exemplar file: `category<TAB>name[<TAB>sector]`."""
    if not path.exists():
        where = f" (named in {named_in})" if named_in else ""
        where_zh = f"（{named_in} 的 exemplar_files 列出了它）" if named_in else ""
        raise LexiconError(say(f"{path}：找不到这个范例文件{where_zh}；请检查文件名和路径（相对于词表所在的文件夹）",
                               f"{path}: no such exemplar file{where}"))
    cats = set(canonical_categories())
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("category\t"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or not cols[1].strip():
            raise LexiconError(say(f"{path}：第 {number} 行：应是「类别<TAB>名称」（用制表符分隔），实际是 {line!r}",
                                   f"{path}: line {number}: expected 'category<TAB>name', got {line!r}"))
        if cols[0].strip() not in cats:
            raise LexiconError(say(f"{path}：第 {number} 行：未知类别 '{cols[0].strip()}'（应是 {'、'.join(canonical_categories())} 之一）",
                                   f"{path}: line {number}: unknown category '{cols[0].strip()}'"))
        rows.append((cols[0].strip(), cols[1].strip()))
    return rows


@dataclass
class CompiledLexicon:
    """The lexicon ready for matching: cue table, regexes, exemplar words segmented once."""

    categories: list[str]
    order: dict[str, int]
    thresholds: dict[str, float]
    weights: dict[str, float]
    conf: dict[str, float]
    scoring: dict[str, float]
    boosts: dict[str, float]
    tolerated: dict[str, set[str]]
    standard_framework: set[str]
    not_category_names: set[str]
    level2_names: dict[str, str]
    cue_table: dict[str, list[tuple[str, bool]]]      # cue → [(category, strong)]
    cue_lengths: tuple[int, ...]                      # the lengths of the cues, longest first
    patterns: list[tuple[str, re.Pattern, bool]]                 # category, regex, strong
    target: dict[str, Any]
    exemplar_names: list[str]
    exemplar_words: list[str]                         # jieba words joined by spaces
    exemplar_category: list[int]                      # index into `categories`, per exemplar
    exemplar_index: dict[str, tuple[int, ...]]        # character pair → exemplars holding it
    model: NameModel                                  # character n-gram model (exemplars + strong cues)
    # What a name (cues, exemplars), a target (unit, wording) and the two together say, by
    # text: the same few hundred names recur in every report, and fuzzy matching them was
    # most of the classifier's cost (filled by classify._evidence and its helpers)
    memo: dict[tuple, Any] = field(default_factory=dict, repr=False, compare=False)

    def exemplar_candidates(self, name: str) -> list[int]:
        """Exemplars sharing at least one two-character sequence with `name`.

        Fuzzy scores against the rest are noise below any useful cutoff; skipping them keeps
        classification to a few dozen comparisons a name instead of several hundred.
        """
        found: set[int] = set()
        index = self.exemplar_index
        for k in range(len(name) - 1):
            hit = index.get(name[k:k + 2])
            if hit:
                found.update(hit)
        return sorted(found)

    def match_cues(self, name: str) -> dict[str, tuple[str, float, bool]]:
        """Best cue per category: longest matches win, one inside another is dropped."""
        hits = []
        n = len(name)
        # A shorter cue starting where a longer one does lies inside it and would be dropped
        # below anyway, so the longest cue at each position is all that is needed.
        table = self.cue_table
        for i in range(n):
            for size in self.cue_lengths:
                entry = table.get(name[i:i + size]) if i + size <= n else None
                if entry:
                    for cat, strong in entry:
                        hits.append((i, i + size, cat, strong))
                    break
        for cat, rx, strong in self.patterns:
            for m in rx.finditer(name):
                if m.end() > m.start():
                    hits.append((m.start(), m.end(), cat, strong))
        best: dict[str, tuple[str, float, bool]] = {}
        for i, j, cat, strong in hits:
            if any(a <= i and j <= b and (b - a) > (j - i) for a, b, _, _ in hits):
                continue
            s = self._cue_score(j - i, j >= n - self.thresholds["head_window"], strong)
            if cat not in best or s > best[cat][1]:
                best[cat] = (name[i:j], s, strong)
        return best

    def target_unit(self, target: str | None) -> tuple[str, bool, str] | None:
        """(category, strong, text) from the target's deadline (年底, 6月30日前) or unit."""
        t = _WHITE.sub("", target or "")
        if not t or len(t) > self.target["max_chars"]:
            return None
        for rx in self.target["deadline"]:
            m = rx.search(t)
            if m:
                return ("时效", True, m.group(0))
        m = _VALUE.search(t)
        if not m:
            return None
        found = self._unit(m.group(2))
        return (found[0], found[1], m.group(1) + found[2]) if found else None

    def name_unit(self, name: str) -> tuple[str, bool, str] | None:
        """(category, strong, unit) of a unit printed in brackets at the end of a name, as
        tables print a row's unit when no column holds it: 「化粪池(≥**立方米)」, 「湿地保有量(公顷)」."""
        m = self.target["name_unit"].search(name) if self.target["name_unit"] else None
        return self._unit(m.group("unit")) if m else None

    def _unit(self, rest: str) -> tuple[str, bool, str] | None:
        """(category, strong, the text up to the unit's end) of the unit opening `rest`,
        magnitudes (万, 亿 …) before it included; None for percentages."""
        given = rest
        while rest[:1] in self.target["magnitudes"]:
            rest = rest[1:]
        if not rest or any(rest.startswith(p) for p in self.target["percent"]):
            return None
        head = _UNIT_END.split(rest, 1)[0]
        for k in range(min(len(head), 6), 0, -1):
            hit = self.target["units"].get(head[:k])
            if hit:
                return (hit[0], hit[1], given[: len(given) - len(rest) + k])
        return None

    def target_words(self, target: str | None) -> dict[str, str]:
        """Categories that the target's wording (及时, 合格, 满意 …) leans to."""
        t = target or ""
        if not t or len(t) > self.target["max_chars"]:
            return {}
        return {cat: w for cat, words in self.target["words"].items() for w in words if w in t}

    def _cue_score(self, length: int, head: bool, strong: bool) -> float:
        s = self.scoring
        value = (s["strong_base"] if strong else s["weak_base"]) + s["per_char"] * length
        value += s["head_bonus"] if head else 0.0
        return min(1.0 if strong else s["weak_cap"], value)


def compile_lexicon(data: dict[str, Any]) -> CompiledLexicon:
    """Turn merged lexicon data into match tables; exemplars are segmented here, once."""
    cats = canonical_categories()
    order = {c: i for i, c in enumerate(cats)}
    table: dict[str, list[tuple[str, bool]]] = {}
    patterns, boosts = [], {}
    strong_cues: list[tuple[str, str]] = []
    for cat, entry in (data.get("categories") or {}).items():
        entry = entry or {}
        for tier, strong in (("strong", True), ("weak", False)):
            for cue in entry.get(tier) or []:
                key = re.sub(r"\s+", "", str(cue))
                if key and (cat, strong) not in table.setdefault(key, []):
                    table[key].append((cat, strong))
                if strong and key:
                    strong_cues.append((cat, key))
        patterns += [(cat, re.compile(str(p)), True) for p in entry.get("patterns") or []]
        patterns += [(cat, re.compile(str(p)), False) for p in entry.get("weak_patterns") or []]
        if entry.get("boost"):
            boosts[cat] = float(entry["boost"])
    rows = list(dict.fromkeys(data.get("_exemplars", [])))
    names = [n for _, n in rows]
    index: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        for pair in {name[k:k + 2] for k in range(len(name) - 1)}:
            index.setdefault(pair, []).append(i)
    return CompiledLexicon(
        categories=cats, order=order,
        thresholds=dict(data["thresholds"]), weights=dict(data["weights"]),
        conf=dict(data["confidence"]), scoring=dict(data["cue_scoring"]), boosts=boosts,
        tolerated={k: set(v or []) for k, v in (data.get("tolerated") or {}).items()},
        standard_framework=set(data.get("standard_framework") or []),
        not_category_names=set(data.get("not_category_names") or []),
        level2_names=dict(data.get("level2_names") or {}),
        cue_table=table, cue_lengths=tuple(sorted({len(c) for c in table}, reverse=True)), patterns=patterns,
        target=_compile_target(data.get("target") or {}),
        exemplar_names=names, exemplar_words=[" ".join(segment(n)) for n in names],
        exemplar_category=[order[c] for c, _ in rows],
        exemplar_index={k: tuple(v) for k, v in index.items()},
        model=NameModel.train(rows + strong_cues, cats),
    )


# --- helpers -------------------------------------------------------------------------------

def _compile_target(t: dict[str, Any]) -> dict[str, Any]:
    units = {}
    for cat, spec in (t.get("units") or {}).items():
        for word in spec.get("words") or []:
            units[str(word)] = (cat, bool(spec.get("strong")))
    return {
        "max_chars": int(t.get("max_chars", 30)),
        "magnitudes": set(map(str, t.get("magnitudes") or [])),
        "deadline": [re.compile(str(p)) for p in t.get("deadline") or []],
        "units": units,
        "percent": [str(p) for p in t.get("percent") or []],
        "effect_units": tuple(str(u) for u in t.get("effect_units") or []),
        "name_unit": re.compile(str(t["name_unit"])) if t.get("name_unit") else None,
        "words": {c: [str(w) for w in ws or []] for c, ws in (t.get("words") or {}).items()},
    }


def _merge(base: dict, extra: dict) -> None:
    """Lists are extended (without repeats), numbers and single values replaced."""
    for key, value in extra.items():
        if isinstance(value, dict):
            _merge(base.setdefault(key, {}), value)
        elif isinstance(value, list) and isinstance(base.get(key), list):
            base[key] = list(dict.fromkeys(base[key] + value))
        elif value is not None:
            base[key] = value


class _Checker:
    """Schema check on the YAML node tree, so each complaint can name its line."""

    def __init__(self, path: Path, known: dict | None) -> None:
        self.path, self.known = path, known
        self.cats = canonical_categories()

    def fail(self, node, zh: str, en: str):
        """LexiconError naming the file and the node's line: `zh` or `en`, by the language."""
        line = node.start_mark.line + 1 if node is not None else 1
        raise LexiconError(say(f"{self.path}：第 {line} 行：{zh}", f"{self.path}: line {line}: {en}"))

    def file(self, root) -> None:
        sections: dict[str, Callable] = {
            "standard_framework": self.category_list, "not_category_names": self.strings,
            "exemplar_files": self.strings, "tolerated": self.per_category(self.category_list),
            "level2_names": self.per_category(self.scalar), "target": self.target,
            "categories": self.per_category(self.category_entry),
        }
        sections.update({k: self.numbers for k in _NUMBER_SECTIONS})
        for key_node, value in self.mapping(root, "the file"):
            if key_node.value not in sections:
                self.fail(key_node, f"未知的顶层键 '{key_node.value}'（可用：{'、'.join(sections)}）",
                          f"unknown section '{key_node.value}' (known: {', '.join(sections)})")
            sections[key_node.value](value, key_node.value)

    def mapping(self, node, what: str):
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{_zh(what)}应是映射（每行「键: 值」）",
                      f"{what} should be a mapping (key: value lines)")
        return node.value

    def sequence(self, node, what: str):
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, f"'{what}' 应是列表（写成 [a, b]，或每行一个「- a」）",
                      f"'{what}' should be a list ([a, b] or '- a' lines)")
        return node.value

    def scalar(self, node, what: str) -> str:
        if not isinstance(node, yaml.ScalarNode) or node.value == "":
            self.fail(node, f"{_zh(what)}应是单个非空的值", f"'{what}' should be a single non-empty value")
        return node.value

    def strings(self, node, what: str) -> None:
        for item in self.sequence(node, what):
            self.scalar(item, f"an item of {what}")

    def category_list(self, node, what: str) -> None:
        for item in self.sequence(node, what):
            self.category(item)

    def category(self, node) -> None:
        if self.scalar(node, "category") not in self.cats:
            self.fail(node, f"未知类别 '{node.value}'（应是 {'、'.join(self.cats)} 之一）",
                      f"unknown category '{node.value}' (expected one of {', '.join(self.cats)})")

    def numbers(self, node, what: str) -> None:
        allowed = set((self.known or {}).get(what, {})) if self.known else None
        for key, value in self.mapping(node, what):
            if allowed is not None and key.value not in allowed:
                self.fail(key, f"未知设置 '{what}.{key.value}'（可用：{'、'.join(sorted(allowed))}）",
                          f"unknown setting '{what}.{key.value}' (known: {', '.join(sorted(allowed))})")
            try:
                float(self.scalar(value, f"{what}.{key.value}"))
            except ValueError:
                self.fail(value, f"'{what}.{key.value}' 应是数字，而不是 '{value.value}'",
                          f"'{what}.{key.value}' should be a number, not '{value.value}'")

    def per_category(self, check: Callable) -> Callable:
        def run(node, what: str) -> None:
            for key, value in self.mapping(node, what):
                self.category(key)
                check(value, f"{what}.{key.value}")
        return run

    def category_entry(self, node, what: str) -> None:
        if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
            return
        for key, value in self.mapping(node, what):
            if key.value not in _CATEGORY_KEYS:
                self.fail(key, f"{what} 下没有 '{key.value}' 这个键（可用：{'、'.join(_CATEGORY_KEYS)}）",
                          f"unknown key '{key.value}' in {what} (known: {', '.join(_CATEGORY_KEYS)})")
            if key.value == "boost":
                self.numbers_value(value, f"{what}.boost")
            elif key.value in ("patterns", "weak_patterns"):
                self.regexes(value, f"{what}.{key.value}")
            else:
                self.strings(value, f"{what}.{key.value}")

    def numbers_value(self, node, what: str) -> None:
        try:
            float(self.scalar(node, what))
        except ValueError:
            self.fail(node, f"'{what}' 应是数字，而不是 '{node.value}'", f"'{what}' should be a number, not '{node.value}'")

    def regexes(self, node, what: str) -> None:
        for item in self.sequence(node, what):
            self.regex(item, what)

    def regex(self, node, what: str) -> None:
        try:
            re.compile(self.scalar(node, what))
        except re.error as exc:
            self.fail(node, f"{what} 中的正则表达式写法有误（{exc}）；请改正这一条",
                      f"bad regular expression in {what}: {exc}")

    def target(self, node, what: str) -> None:
        for key, value in self.mapping(node, what):
            name = key.value
            if name == "max_chars":
                self.numbers_value(value, f"{what}.max_chars")
            elif name in ("magnitudes", "percent", "effect_units"):
                self.strings(value, f"{what}.{name}")
            elif name == "deadline":
                self.regexes(value, f"{what}.deadline")
            elif name == "name_unit":
                self.regex(value, f"{what}.name_unit")
                if "unit" not in re.compile(self.scalar(value, what)).groupindex:
                    self.fail(value, f"{what}.name_unit 需要一个命名组 (?P<unit>…) 标出单位",
                              f"{what}.name_unit needs a named group (?P<unit>…) around the unit")
            elif name == "words":
                self.per_category(self.strings)(value, f"{what}.words")
            elif name == "units":
                self.per_category(self.unit_spec)(value, f"{what}.units")
            else:
                self.fail(key, f"target 下没有 '{name}' 这个键（可用：max_chars、magnitudes、percent、effect_units、deadline、name_unit、words、units）",
                          f"unknown key '{name}' in target")

    def unit_spec(self, node, what: str) -> None:
        for key, value in self.mapping(node, what):
            if key.value == "strong":
                if self.scalar(value, f"{what}.strong") not in ("true", "false"):
                    self.fail(value, f"'{what}.strong' 只能是 true 或 false", f"'{what}.strong' should be true or false")
            elif key.value == "words":
                self.strings(value, f"{what}.words")
            else:
                self.fail(key, f"{what} 下没有 '{key.value}' 这个键（可用：strong、words）",
                          f"unknown key '{key.value}' in {what} (known: strong, words)")


def _zh(what: str) -> str:
    """The thing a check names, in Chinese: 「整个文件」, 「'a.b' 的一项」, 「类别」 or 「'a.b' 」."""
    if what == "the file":
        return "整个文件"
    if what == "category":
        return "类别"
    if what.startswith("an item of "):
        return f"'{what[len('an item of '):]}' 的每一项"
    return f"'{what}' "
