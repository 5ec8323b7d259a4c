"""The conversational pane's vocabulary: intents and slot words from `lexicons/intents.yaml`,
slot finding, and word segmentation (jieba, loaded on first use).

Pure Python: no Textual here, so the chat engine, the review app's dialogs and tests share it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Sequence
from typing import Any

from rapidfuzz import fuzz, process

from assistant.lexicon import builtin, derived, lexicon_dir, LexiconError, Lexicons, load_yaml, require
from assistant.messages import say
from assistant.nlp import tokenizer   # the project's one segmenter, with its user dictionary

PLACEHOLDERS = ("PROJ", "NUM", "CMP", "THEME", "CATEGORY")
_NUMBER = re.compile(r"(百分之)?(\d+(?:\.\d+)?)\s*(%|％|个百分点)?")
_PUNCT = re.compile(r"^[\s，。！？、；：,.!?;:“”\"'（）()《》【】\[\]-]*$")


@dataclass(frozen=True)
class Intent:
    name: str
    help: str
    examples: tuple[str, ...]
    cues: tuple[str, ...]
    needs: tuple[str, ...]
    triggers: tuple[str, ...]          # as written
    defaults: dict[str, Any] = field(default_factory=dict, compare=False)
    unless_kinds: tuple[str, ...] = ()  # not a candidate when the request names one of these kinds


@dataclass
class Slots:
    """What a request names, besides its intent."""

    project: str | None = None
    number: float | None = None
    comparison: str | None = None
    themes: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    status: str | None = None
    format: str | None = None
    this_document: bool = False


class Lexicon:
    """Intents and slot words; `analyse(text)` gives the normalised words and the slots."""

    def __init__(self, data: dict[str, Any], path: str | Path = "intents.yaml"):
        self.path = str(path)
        intents = require(data, "intents", dict, path)
        slots = require(data, "slots", dict, path)
        settings = dict(data.get("settings") or {})
        self.intent_cutoff = float(settings.get("intent_cutoff", 62))
        self.find_cutoff = float(settings.get("find_cutoff", 80))
        self.project_cutoff = float(settings.get("project_cutoff", 80))
        self.filler = set(settings.get("filler") or ())
        self.intents = {name: _intent(name, spec, path) for name, spec in intents.items()}
        self.comparison = _words(slots, "comparison", path)
        self.kinds = _words(slots, "kinds", path)
        self.statuses = _words(slots, "statuses", path)
        self.formats = _words(slots, "formats", path)
        self.themes = _words(slots, "themes", path)
        self.themes.update({code.lower(): code for code in slots["themes"]})
        self.categories = _words(slots, "categories", path)
        self.theme_names: dict[str, str] = dict(slots.get("theme_names") or {})
        self.themes.update({name.lower(): code for code, name in self.theme_names.items()})
        self.kind_names: dict[str, str] = dict(slots.get("kind_names") or {})
        self.status_names: dict[str, str] = dict(slots.get("status_names") or {})
        self.this_document = tuple(slots.get("this_document") or ())
        self._patterns = {name: _alternation(words) for name, words in (
            ("comparison", self.comparison), ("kinds", self.kinds), ("statuses", self.statuses),
            ("formats", self.formats), ("themes", self.themes), ("categories", self.categories))}
        self._triggers: dict[str, list[str]] | None = None
        self._vocab: set[str] | None = None

    # -- requests ---------------------------------------------------------------------

    def analyse(self, text: str, project_names: Sequence[str] = ()) -> tuple[str, Slots]:
        """The request with slot values replaced by placeholders, segmented; and the slots."""
        slots = Slots()
        text = text.strip()
        low = text.lower()
        project, span = self.find_project(low, project_names)
        if project:
            slots.project = project
            low = f"{low[:span[0]]} PROJ {low[span[1]:]}"
        number = _NUMBER.search(low)
        if number:
            slots.number = float(number.group(2))
            low = f"{low[:number.start()]} NUM {low[number.end():]}"
        found = {name: list(pattern.finditer(low)) for name, pattern in self._patterns.items()}
        if found["comparison"]:
            nearest = min(found["comparison"], key=lambda m: abs(m.start() - low.find(" NUM ")))
            slots.comparison = self.comparison[nearest.group(0)]
        slots.themes = _unique(self.themes[m.group(0)] for m in found["themes"])
        slots.categories = _unique(self.categories[m.group(0)] for m in found["categories"])
        slots.kinds = _unique(self.kinds[m.group(0)] for m in found["kinds"])
        statuses = sorted((self.statuses[m.group(0)] for m in found["statuses"]), key=lambda s: s == "all")
        slots.status = statuses[0] if statuses else None     # 所有已审核的 → accepted, not all
        slots.format = next((self.formats[m.group(0)] for m in found["formats"]), None)
        slots.this_document = any(cue in text for cue in self.this_document)
        low = self._patterns["themes"].sub(" THEME ", low)
        low = self._patterns["categories"].sub(" CATEGORY ", low)
        if number:
            low = self._patterns["comparison"].sub(" CMP ", low)
        return " ".join(segment(low)), slots

    def normalised_triggers(self) -> dict[str, list[str]]:
        """Each intent's triggers after the same normalisation a request gets."""
        if self._triggers is None:
            self._triggers = {name: [self.analyse(t)[0] for t in intent.triggers]
                              for name, intent in self.intents.items()}
        return self._triggers

    def find_project(self, text: str, names: Sequence[str]) -> tuple[str | None, tuple[int, int]]:
        """A project the request names (fuzzy), and where in the request it is named.

        A whole name is looked for first (partial_ratio alignment tolerates a typo); then the
        words left over once every known word is removed are looked up inside the names,
        which finds a shortened mention such as 短信服务费 — unless it fits several projects.
        """
        names = [n for n in names if len(n) >= 2]
        if not names:
            return None, (0, 0)
        best = None
        for name in names:
            if len(name) <= len(text):
                al = fuzz.partial_ratio_alignment(name.lower(), text, score_cutoff=self.project_cutoff)
                if al and (best is None or (al.score, len(name)) > (best[0], len(best[1]))):
                    best = (al.score, name, (al.dest_start, al.dest_end))
        if best:
            return best[1], best[2]
        for chunk, start in self._leftover_chunks(text):
            hits = process.extract(_bare(chunk), [_bare(n) for n in names], scorer=fuzz.partial_ratio,
                                   score_cutoff=self.project_cutoff, limit=2)
            if len(hits) == 1 or (len(hits) == 2 and hits[0][1] > hits[1][1]):
                return names[hits[0][2]], (start, start + len(chunk))
        return None, (0, 0)

    # -- words the edit dialog accepts ----------------------------------------------------

    def resolve_themes(self, text: str) -> list[str]:
        """Theme codes from '预算执行、宣传' or 'BUDGET_EXECUTION, PUBLICITY_SERVICE'."""
        return [self._resolve(entry, self.themes, "主题") for entry in _entries(text)]

    def resolve_kind(self, text: str) -> str:
        words = {**self.kinds, **{v: k for k, v in self.kind_names.items()},
                 **{k: k for k in self.kind_names}}
        return self._resolve(text.strip(), words, "类型")

    def resolve_category(self, text: str) -> str | None:
        if not text.strip():
            return None
        return self._resolve(text.strip(), {**self.categories, **{c: c for c in self.categories.values()}},
                             "分类")

    def theme_label(self, codes: tuple[str, ...] | list[str]) -> str:
        return "、".join(self.theme_names.get(c, c) for c in codes)

    def _resolve(self, entry: str, words: dict[str, str], what: str) -> str:
        if entry in words or entry.lower() in words:
            return words.get(entry) or words[entry.lower()]
        if entry.upper() in words.values():
            return entry.upper()
        hit = process.extractOne(entry, list(words), scorer=fuzz.ratio, score_cutoff=self.project_cutoff)
        if hit is None:
            raise ValueError(f"不认识的{what}：{entry}")
        return words[hit[0]]

    def _leftover_chunks(self, text: str) -> list[tuple[str, int]]:
        """Runs of words the lexicon does not know, with where they start."""
        if self._vocab is None:
            vocab = set(self.filler)
            for words in (self.comparison, self.kinds, self.statuses, self.formats, self.themes,
                          self.categories):
                vocab.update(words)
            for intent in self.intents.values():
                vocab.update(intent.cues)
                for trigger in intent.triggers:
                    vocab.update(segment(trigger))
            self._vocab = vocab
        spans: list[tuple[int, int]] = []
        for word, start, end in tokenizer().tokenize(text):
            if word in self._vocab or word.isspace():
                continue
            if spans and spans[-1][1] == start:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        chunks = []
        for start, end in spans:
            chunk = text[start:end].strip(" ，。、()（）")
            if len(chunk) >= 2 and not re.fullmatch(r"[\d.%％]+", chunk):
                chunks.append((chunk, text.index(chunk, start)))
        return chunks


@derived(maxsize=None)
def default_lexicon() -> Lexicon:
    return Lexicon(builtin("intents.yaml"), lexicon_dir() / "intents.yaml")


def intents_of(lexicons: Lexicons) -> Lexicon:
    """The intents of a set of lexicons (its intents.yaml, overlays merged)."""
    return Lexicon(lexicons.data("intents.yaml"), lexicons.folder / "intents.yaml")


def load_lexicon(path: str | Path) -> Lexicon:
    return Lexicon(load_yaml(path), path)


def segment(text: str) -> list[str]:
    """Words by the project's segmenter; placeholders stay whole, punctuation and spaces are dropped."""
    return [w for w in tokenizer().lcut(text) if not _PUNCT.match(w)]


def _intent(name: str, spec: Any, path: str | Path) -> Intent:
    if not isinstance(spec, dict) or not spec.get("triggers"):
        raise LexiconError(say(f"{path}：意图 '{name}' 需要一个 triggers 列表（触发词）",
                               f"{path}: intent '{name}' needs a list of triggers"))
    return Intent(name, str(spec.get("help", name)), tuple(spec.get("examples") or ()),
                  tuple(spec.get("cues") or ()), tuple(spec.get("needs") or ()),
                  tuple(spec["triggers"]), dict(spec.get("defaults") or {}),
                  tuple(spec.get("unless_kinds") or ()))


def _words(slots: dict[str, Any], key: str, path: str | Path) -> dict[str, str]:
    """{word: value} from {value: [words]}, words lower-cased for matching."""
    table = require(slots, key, dict, path)
    return {str(word).lower(): str(value) for value, words in table.items() for word in words}


def _alternation(words: dict[str, str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _bare(text: str) -> str:
    """Lower case without brackets, punctuation or spaces: 12县(市) and 12县市 compare equal."""
    return re.sub(r"[\s()（）\[\]【】《》“”\"'，。、,.·-]", "", text.lower())


def _entries(text: str) -> list[str]:
    return [e for e in re.split(r"[,，、;；/\s]+", text.strip()) if e]


def _unique(values) -> list[str]:
    return list(dict.fromkeys(values))
