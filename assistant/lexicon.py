"""Loading the analyst-editable data in `lexicons/` (YAML and TSV).

Every word list, cue, template and intent lives there, never in code.  A malformed file
raises `LexiconError` whose message names the file, the line and what is wrong.

`lexicons()` is the process's one `Lexicons`: the built-in folder (or JIXIAO_LEXICONS), with
the analyst's overlays merged over it — files named like a built-in one (themes.yaml,
causes.yaml …, or a folder of them) given to `--lexicon`, passed on to workers in
JIXIAO_LEXICON_OVERLAYS.  Each file is parsed, merged and checked once, on first use: every
key it shares with the built-in file must have the built-in's type (a number where a number
is, a list where a list is …) and every `*_re` pattern must compile, else a LexiconError names
the file and the key; a key the code needs and the file lacks is a LexiconError naming both.
`builtin(name)` is `lexicons().data(name)`.

Every message is said in the language in force (`say`): Chinese by default, English when
the environment asks for it.  `english` and `say` live here, the lowest room that speaks to
the user, so that this module can use them; `assistant.messages` offers them to the rest.
"""
from __future__ import annotations

import gc
import os
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar, cast

import yaml

F = TypeVar("F", bound=Callable[..., Any])

# libyaml when the wheel has it: parsing the lexicons was a fifth of a worker's start-up.
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DuplicateKey(yaml.YAMLError):
    def __init__(self, key: Any, line: int):
        super().__init__(f"duplicate key {key!r}")
        self.key, self.line = key, line


class YAML_LOADER(_BASE_LOADER):  # type: ignore[valid-type,misc]
    """The safe loader, refusing a key given twice in one mapping: YAML keeps the second
    silently, so a list added under a key the entry already has (a second `patterns:`) would
    drop the first one's entries without a word."""


def _mapping_without_duplicates(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if isinstance(key, (str, int, float, bool)) and key in seen:
            raise _DuplicateKey(key, key_node.start_mark.line + 1)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


YAML_LOADER.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)


class LexiconError(ValueError):
    """A lexicon file that cannot be used; str() is one line naming file, line and problem."""


class MissingKey(LexiconError, KeyError):
    """A key the code needs that a lexicon file lacks (also a KeyError, as dict lookups raise)."""

    def __str__(self) -> str:
        return str(self.args[0])


OVERLAY_VARIABLE = "JIXIAO_LEXICON_OVERLAYS"
# files that have their own analyst format and merge (assistant.extract.classify_lexicon)
OWN_MERGE = frozenset({"indicators.yaml"})
# plain lists, one entry a line (`#` starts a comment): an overlay's lines are added
TEXT_LISTS = frozenset({"domain_terms.txt"})


_LANGUAGE_VARIABLES = ("JIXIAO_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


def english() -> bool:
    """English when `JIXIAO_LANG`, else `LC_ALL`, `LC_MESSAGES` or `LANG`, names an English
    locale; Chinese otherwise (see `assistant.messages`).  Read at each call."""
    for name in _LANGUAGE_VARIABLES:
        value = os.environ.get(name, "").strip().lower()
        if value.startswith("en"):
            return True
        if value.startswith("zh") or (name == "JIXIAO_LANG" and value):
            return False
    return False


def say(zh: str, en: str) -> str:
    """`zh` or `en`, by the language in force: call it where the message is made."""
    return en if english() else zh


def lexicon_dir() -> Path:
    """The built-in lexicon folder (override with JIXIAO_LEXICONS for a custom set)."""
    env = os.environ.get("JIXIAO_LEXICONS")
    return Path(env) if env else _BUILTIN


def load_yaml(path: str | Path) -> Any:
    """Parse one YAML file, turning parser errors into a one-line LexiconError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(say(f"{path}：找不到这个词表文件；请检查路径和文件名",
                               f"{path}: no such lexicon file")) from None
    except UnicodeDecodeError as exc:
        raise LexiconError(_not_utf8(path, exc)) from None
    try:
        return yaml.load(text, Loader=YAML_LOADER)
    except _DuplicateKey as exc:
        raise LexiconError(say(f"{path}：第 {exc.line} 行的键「{exc.key}」在同一处已经出现过，后一个会覆盖前一个；"
                               "请把两处的内容合并到一个键下",
                               f"{path}: line {exc.line}: key {exc.key!r} is given twice in one place "
                               "(the second would replace the first); merge them under one key")) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if mark is None:
            raise LexiconError(say(f"{path}：YAML 语法错误：{problem}；请检查缩进、冒号、引号和括号",
                                   f"{path}: somewhere: {problem}")) from None
        line = mark.line + 1
        raise LexiconError(say(f"{path}：YAML 语法错误（第 {line} 行）：{problem}；请检查该行及上一行的缩进、冒号、引号和括号",
                               f"{path}: line {line}: {problem}")) from None


def _not_utf8(path: Path, exc: UnicodeDecodeError) -> str:
    return say(f"{path}：不是 UTF-8 编码的文本（第 {exc.start + 1} 个字节处：{exc.reason}）；请把文件另存为 UTF-8 编码",
               f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})")


class Section(dict):
    """A lexicon file's mapping; a missing key is a MissingKey naming the file and the key."""

    def __init__(self, data: dict, path: str):
        super().__init__(data)
        self.path = path

    def __missing__(self, key: str) -> Any:
        raise MissingKey(say(f"{self.path}：缺少键 '{key}'；请照内置的同名词表补上这一项",
                             f"{self.path}: missing key '{key}'"))


class Lexicons:
    """Every lexicon file of `folder` with `overlays` merged over it, each parsed, merged and
    checked once, on first use (see the module's docstring)."""

    def __init__(self, folder: Path, overlays: Iterable[Path] = ()):
        self.folder = Path(folder)
        self.overlays = tuple(Path(p) for p in overlays)
        self._data: dict[str, Any] = {}

    def data(self, name: str) -> Any:
        """The file `name` (e.g. 'labels.yaml'), overlaid and checked."""
        if name not in self._data:
            self._data[name] = self._load(name)
        return self._data[name]

    def lines(self, name: str) -> list[str]:
        """A plain list (TEXT_LISTS, e.g. 'domain_terms.txt'): the folder's entries, then
        each overlay's, one a line, `#` comments and blank lines left out."""
        key = "lines:" + name
        if key not in self._data:
            entries: list[str] = []
            for path in [self.folder / name, *self.overlay_files(name)]:
                entries += [e for e in _list_lines(path) if e not in entries]
            self._data[key] = entries
        return self._data[key]

    def overlay_files(self, name: str) -> list[Path]:
        return [p for p in self.overlays if p.name == name]

    def _load(self, name: str) -> Any:
        path, shipped = self.folder / name, _BUILTIN / name
        data = load_yaml(path)
        # the shipped file is the schema: a replacement folder's file is checked against it
        base = load_yaml(shipped) if self.folder.resolve() != _BUILTIN and shipped.is_file() else data
        _check(data, base, str(path))
        for extra in self.overlay_files(name):
            more = load_yaml(extra)
            _check(more, base, str(extra))
            data = merge(data, more)
        return Section(data, str(path)) if isinstance(data, dict) else data


_BUILTIN = Path(__file__).resolve().parent.parent / "lexicons"


def _list_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LexiconError(_not_utf8(path, exc)) from None
    return [entry for line in text.splitlines() if (entry := line.split("#", 1)[0].strip())]


def merge(base: Any, more: Any) -> Any:
    """`more` over `base`: mappings merged key by key, lists extended by the entries they do
    not have yet, anything else replaced."""
    if isinstance(base, dict) and isinstance(more, dict):
        out = dict(base)
        for key, value in more.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(more, list):
        return base + [v for v in more if v not in base]
    return more


def _check(data: Any, reference: Any, path: str) -> None:
    """Each key `data` shares with the built-in file has its type; `*_re` patterns compile."""
    if data is None:
        return
    if not isinstance(data, dict):
        if isinstance(reference, dict):
            raise LexiconError(say(f"{path}：整个文件应是「键: 值」的映射，而不是{_kind(data)}；请对照内置的同名词表改写",
                                   f"{path}: should be a mapping of keys, not {_kind(data)}"))
        return
    for key, value in data.items():
        expected = reference.get(key) if isinstance(reference, dict) else None
        if expected is not None and value is not None and not _same_kind(value, expected):
            raise LexiconError(say(f"{path}：'{key}' 应是{_kind(expected)}，而不是{_kind(value)}；请对照内置的同名词表改写",
                                   f"{path}: '{key}' should be {_kind(expected)}, not {_kind(value)}"))
        if isinstance(key, str) and key.endswith("_re"):
            for pattern in value if isinstance(value, list) else [value]:
                try:
                    re.compile(str(pattern))
                except re.error as exc:
                    raise LexiconError(say(f"{path}：'{key}' 中的正则表达式 {pattern!r} 写法有误（{exc}）；请改正这一条",
                                           f"{path}: '{key}': pattern {pattern!r} does not compile ({exc})")) from None


def _same_kind(value: Any, expected: Any) -> bool:
    if isinstance(expected, bool):
        return isinstance(value, bool)
    if isinstance(expected, int | float):
        return isinstance(value, int | float) and not isinstance(value, bool)
    for kind in (dict, list, str):
        if isinstance(expected, kind):
            return isinstance(value, kind)
    return True


# what a value is, for messages: (Chinese, English) by type
_KINDS: dict[type, tuple[str, str]] = {
    dict: ("映射（键: 值）", "a mapping"), list: ("列表", "a list"), str: ("文本", "a text"),
    bool: ("true/false", "true/false"), int: ("数字", "a number"), float: ("数字", "a number"),
}


def _kind(value: Any) -> str:
    """What `value` is (a mapping / 映射 …), in the language in force."""
    return _kind_of(type(value))


def _kind_of(kind: type) -> str:
    names = _KINDS.get(kind)
    return say(*names) if names else kind.__name__


def overlay_paths(paths: Iterable[str | Path]) -> tuple[list[Path], list[Path]]:
    """Split `--lexicon` arguments into overlays of built-in files (a file named like one, or
    every such file in a folder) and the rest (indicator lexicons)."""
    overlays, others = [], []
    for p in map(Path, paths):
        if p.is_dir():
            overlays += sorted(f.resolve() for f in p.iterdir() if f.name in _overlayable())
        elif p.name in _overlayable():
            overlays.append(p.resolve())
        else:
            others.append(p)
    return overlays, others


def use_overlays(paths: Iterable[str | Path]) -> None:
    """Make `paths` this process's overlays (and its workers'): call before any lexicon is used."""
    global _current
    os.environ[OVERLAY_VARIABLE] = os.pathsep.join(str(Path(p).resolve()) for p in paths)
    _current = None
    _forget_derived()


def take_overlays(paths: Iterable[str | Path]) -> list[Path]:
    """For a command's `--lexicon` arguments: the overlays among them made this process's
    (and its workers') and each checked now, so that a malformed one stops the run before
    any document is read (LexiconError); the rest (indicator lexicons) returned."""
    overlays, others = overlay_paths(paths)
    if overlays:
        use_overlays(overlays)
        for name in dict.fromkeys(p.name for p in overlays):
            if name in TEXT_LISTS:
                lexicons().lines(name)
            else:
                lexicons().data(name)
            for build in _BUILT_FROM.get(name, ()):
                build()             # what is built from it: its own rules checked too
    return others


_BUILT_FROM: dict[str, list[Callable[[], Any]]] = {}


def built_from(name: str) -> Callable[[F], F]:
    """Register a builder of typed objects from lexicon file `name` (the cause book from
    causes.yaml): `take_overlays` builds it once the overlays are read, so that a rule of the
    file's own (a colloquial form as long as its written one, a predicate that exists) stops
    the run with its one line before any document is read."""
    def register(build: F) -> F:
        _BUILT_FROM.setdefault(name, []).append(build)
        return build
    return register


def _overlayable() -> frozenset[str]:
    return (frozenset(f.name for f in _BUILTIN.glob("*.yaml")) - OWN_MERGE) | TEXT_LISTS


_current: Lexicons | None = None
_DERIVED: list[Any] = []


def lexicons() -> Lexicons:
    """The lexicons in use: the ones `install`ed, else the folder and overlays the environment
    names, built once (and the environment read once: it costs more than a lookup)."""
    global _current
    if _current is None:
        _current = process_lexicons()
    return _current


def process_lexicons() -> Lexicons:
    """The lexicons the environment names (JIXIAO_LEXICONS, JIXIAO_LEXICON_OVERLAYS)."""
    return _lexicons(os.environ.get("JIXIAO_LEXICONS"), os.environ.get(OVERLAY_VARIABLE))


def install(chosen: Lexicons) -> None:
    """Use `chosen` from now on in this process (a pipeline, drafter or chat given its own
    lexicons): every value built from the lexicons before (`derived`) is forgotten.  One set
    is in use at a time; installing the one in use costs nothing."""
    global _current
    if _current is not chosen:
        _current = chosen
        _forget_derived()


def derived(maxsize: int | None = 128) -> Callable[[F], F]:
    """functools.lru_cache for a value built from the lexicons (a compiled vocabulary, a
    label lookup): forgotten whenever other lexicons are installed, reset or overlaid, so no
    cache anywhere outlives the lexicons it was built from."""
    def wrap(func: F) -> F:
        cached = lru_cache(maxsize=maxsize)(func)
        _DERIVED.append(cached)
        return cast(F, cached)
    return wrap


def _forget_derived() -> None:
    for cached in _DERIVED:
        cached.cache_clear()


@lru_cache(maxsize=4)
def _lexicons(folder: str | None, overlays: str | None) -> Lexicons:
    paths = [Path(p) for p in (overlays or "").split(os.pathsep) if p]
    return Lexicons(Path(folder) if folder else _BUILTIN, paths)


def builtin(name: str) -> Any:
    """A lexicon file by name (e.g. 'labels.yaml'), overlaid and checked, parsed once per process."""
    return lexicons().data(name)


def words_pattern(words: Iterable[str]) -> str:
    """A regex matching any of `words` (literal text; "" for none): where several start at
    one place the longest is tried first, then the shorter ones, as in the plain alternation
    of the words sorted longest first — so it matches, and backtracks, exactly as that does.
    It is built as a trie (预算执行率, 预算资金 → 「预算(?:执行率|资金)」): in a plain alternation
    Python's re tries every word in turn at every place, in a trie only the branch that the
    next character opens, which over a vocabulary of hundreds of words is several times faster."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}                   # a word ends here

    def branch(node: dict[str, dict]) -> str:
        alternatives = [re.escape(ch) + branch(child) for ch, child in node.items() if ch]
        if not alternatives:
            return ""
        group = f"(?:{'|'.join(alternatives)})"
        if "" not in node:
            return group if len(alternatives) > 1 else alternatives[0]
        return group + "?"              # a word ends here, or goes on (greedy: the longer first)

    return branch(trie)


_SETTLED = False
YOUNG_OBJECTS = 20_000     # objects allocated between two young collections (default 700)


def settle_heap() -> None:
    """Call once the lexicons, vocabularies, compiled patterns and models a process works
    with are loaded (after its first document): collect once, then move everything alive out
    of the collector's sight (gc.freeze).  Otherwise every full collection of a long batch
    walks those objects again, for nothing — about 6% of its time (the review app calls it
    once its documents list is read, for the same reason).  Only the first call does
    anything.

    It also lets the young generation grow to YOUNG_OBJECTS before a collection: a document
    makes and drops hundreds of thousands of small objects (cells, rows, matches) that
    reference counting frees, and at Python's default of 700 the collector ran a thousand
    times per 5 MB of reports, 3% of the time, to find next to nothing."""
    global _SETTLED
    if not _SETTLED:
        _SETTLED = True
        gc.collect()
        gc.freeze()
        young, older, oldest = gc.get_threshold()
        gc.set_threshold(max(YOUNG_OBJECTS, young), older, oldest)


def reset() -> None:
    """Forget the lexicons read so far and everything built from them (tests that point
    JIXIAO_LEXICONS elsewhere)."""
    global _current
    _lexicons.cache_clear()
    _current = None
    _forget_derived()


def require(data: Any, key: str, kind: type, path: str | Path) -> Any:
    """Fetch `data[key]` and check its type, with a message naming the file."""
    if not isinstance(data, dict) or key not in data:
        raise LexiconError(say(f"{path}：缺少顶层键 '{key}'；请照内置的同名词表补上",
                               f"{path}: missing top-level key '{key}'"))
    value = data[key]
    if not isinstance(value, kind):
        raise LexiconError(say(f"{path}：'{key}' 应是{_kind_of(kind)}，而不是{_kind(value)}",
                               f"{path}: '{key}' should be a {kind.__name__}, not {type(value).__name__}"))
    return value
