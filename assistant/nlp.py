"""The one spaCy pipeline and the jieba segmenter behind it, built once per process.

`get_nlp()` is `spacy.blank("zh")` with the jieba segmenter; `segment(text)` is the same
segmentation without spaCy, for code that only needs words (the classifier).  Both use one
`jieba.Tokenizer` whose user dictionary is generated from `lexicons/`: every table label,
every cue word of the indicator lexicon and the domain terms in `lexicons/domain_terms.txt`
(住房公积金, 预算执行率, 三公经费 …), so that each stays a single token.  The dictionary
and the trie of jieba's dictionary are written to a cache folder (JIXIAO_CACHE, else
$XDG_CACHE_HOME/jixiao, else ~/.cache/jixiao); nothing is downloaded.

jieba's own dictionary is not loaded into memory: jieba keeps it as a Python dict of half a
million words and prefixes, which takes 0.7 s to load in every process and 60 MB in every
worker, while extraction segments only the few names the cue rules leave open.  It is kept
instead as a MARISA trie (marisa-trie: a compact static trie, 2 MB on disk, memory-mapped in
a tenth of a millisecond and shared by all workers), built once from jieba's dictionary file.
The counts are jieba's own, so the words are the same as with jieba's dict.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sys
import tempfile
import threading
from pathlib import Path

from typing import TYPE_CHECKING

from assistant.lexicon import builtin, derived, lexicons

_LOCK = threading.Lock()
# Words of this length or less are left to jieba's own dictionary: a user entry for a
# one-character cue (率, 费) would only distort segmentation.
_MIN_TERM_CHARS = 2
_PUNCT = set("“”\"'‘’《》()（）[]【】")
_UNSEEN = object()
_TOTAL_KEY = ""                 # the trie's record of jieba's total count (jieba never looks up "")

if TYPE_CHECKING:
    import jieba


def segment(text: str) -> list[str]:
    """Words of `text` by jieba with the project's user dictionary (white space dropped)."""
    return list(_segment_cached(text or ""))


def get_nlp():
    """The shared pipeline (spacy.Language): blank Chinese, jieba segmenter, user dictionary.

    spaCy is imported here, not at module load, so that `segment` stays cheap to import.
    """
    return _build_nlp()


def tokenizer() -> jieba.Tokenizer:
    """The jieba tokenizer with the project's user dictionary loaded (shared, thread-safe)."""
    return _build_tokenizer()


def user_terms() -> list[str]:
    """Every term put in the jieba user dictionary, sorted: labels, cues and domain terms."""
    terms: set[str] = set()
    labels = builtin("labels.yaml")
    terms.update(labels.get("level1", {}) or {})
    terms.update(labels.get("level2", {}) or {})
    indicators = builtin("indicators.yaml")
    for entry in (indicators.get("categories") or {}).values():
        for tier in ("strong", "weak"):
            terms.update(str(w) for w in (entry or {}).get(tier) or [])
    terms.update(lexicons().lines("domain_terms.txt"))
    return sorted(t for t in terms if _usable(t))


def cache_dir() -> Path:
    """Where the generated user dictionary and jieba's model cache are kept."""
    env = os.environ.get("JIXIAO_CACHE")
    if env:
        base = Path(env)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = (Path(xdg) if xdg else Path.home() / ".cache") / "jixiao"
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:  # read-only home: fall back to the system temp folder
        base = Path(tempfile.gettempdir()) / "jixiao"
        base.mkdir(parents=True, exist_ok=True)
    return base


class UserDictMarker:
    """Pipeline component `jixiao_user_dict`: records on each doc (doc.user_data) the
    fingerprint of the user dictionary it was segmented with, so cached docs can be checked."""

    def __init__(self, name: str, fingerprint: str) -> None:
        self.name = name
        self.fingerprint = fingerprint

    def __call__(self, doc):
        doc.user_data["jixiao_user_dict"] = self.fingerprint
        return doc


# ---------------------------------------------------------------------------------------

@derived(maxsize=65536)
def _segment_cached(text: str) -> tuple[str, ...]:
    return tuple(w for w in _build_tokenizer().cut(text, HMM=True) if w.strip())


def import_jieba():
    """The jieba module, imported without setuptools' pkg_resources.  jieba's _compat imports
    pkg_resources only to open jieba's own data files, which it opens just as well without;
    importing it scans every installed distribution and took 80 of jieba's 100 ms of import
    in every process that segments (each batch worker, each `jixiao classify`)."""
    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        sys.modules["pkg_resources"] = None     # type: ignore[assignment]  # `import` raises ImportError
        try:
            import jieba
        finally:
            del sys.modules["pkg_resources"]
    import jieba

    return jieba


@derived(maxsize=1)
def _build_tokenizer() -> jieba.Tokenizer:
    jieba = import_jieba()

    with _LOCK:
        jieba.setLogLevel(logging.WARNING)
        folder = cache_dir()
        tok = jieba.Tokenizer()
        dictionary = tok.dictionary or os.path.join(os.path.dirname(jieba.__file__), jieba.DEFAULT_DICT_NAME)
        tok.FREQ, tok.total = TrieFreq.of_jieba(folder, dictionary)
        tok.initialized = True
        path = _write_user_dict(folder, user_terms())
        tok.load_userdict(str(path))
        return tok


class TrieFreq:
    """jieba's prefix dictionary (word → count; a prefix of a word → 0) as jieba's Tokenizer
    reads it — `in`, `[]`, `.get` and setting an item — over a memory-mapped MARISA trie.
    What has been looked up is remembered in a dict (absent words as None), so text seen
    again is segmented at the speed of jieba's own dict; words added in this process (the
    user dictionary) go into the same dict, in front of the trie."""

    __slots__ = ("_trie", "_known")

    def __init__(self, trie) -> None:
        self._trie = trie
        self._known: dict[str, int | None] = {}

    @classmethod
    def of_jieba(cls, folder: Path, dictionary: str) -> tuple["TrieFreq", int]:
        """The trie of jieba's `dictionary` file, built into `folder` on first use (keyed by
        the file's size and time, so a new jieba gets a new trie), and jieba's total count.
        A damaged file is built again; where the folder cannot be written, the trie is
        built in memory."""
        stat = os.stat(dictionary)
        key = hashlib.sha256(f"{os.path.abspath(dictionary)}|{stat.st_size}|{stat.st_mtime_ns}"
                             .encode()).hexdigest()[:16]
        path = folder / f"jieba-{key}.marisa"
        if path.exists():
            try:
                return cls._mapped(path)
            except Exception:       # a damaged or foreign file (marisa raises several kinds)
                pass
        trie = _jieba_trie(dictionary)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        try:
            trie.save(str(tmp))
            os.replace(tmp, path)
            (folder / "jieba.model.cache").unlink(missing_ok=True)     # the 9 MB cache of jieba's dict
            return cls._mapped(path)
        except OSError:
            tmp.unlink(missing_ok=True)
            return cls(trie), trie[_TOTAL_KEY][0][0]

    @classmethod
    def _mapped(cls, path: Path) -> tuple["TrieFreq", int]:
        import marisa_trie

        trie = marisa_trie.RecordTrie("<Q")
        trie.mmap(str(path))
        return cls(trie), trie[_TOTAL_KEY][0][0]

    def _look(self, word: str) -> int | None:
        found = self._trie.get(word)
        n = self._known[word] = found[0][0] if found else None
        return n

    def __contains__(self, word: str) -> bool:
        n = self._known.get(word, _UNSEEN)
        return (self._look(word) if n is _UNSEEN else n) is not None

    def __getitem__(self, word: str) -> int:
        n = self._known.get(word, _UNSEEN)
        if n is _UNSEEN:
            n = self._look(word)
        if n is None:
            raise KeyError(word)
        return n  # type: ignore[return-value]

    def get(self, word: str, default: int | None = None) -> int | None:
        n = self._known.get(word, _UNSEEN)
        if n is _UNSEEN:
            n = self._look(word)
        return default if n is None else n  # type: ignore[return-value]

    def __setitem__(self, word: str, n: int) -> None:
        self._known[word] = n


def _jieba_trie(dictionary: str):
    """jieba's prefix dictionary of `dictionary` (its words and their prefixes, as jieba
    builds it) and the total count under the empty key, as a MARISA record trie."""
    import marisa_trie

    jieba = import_jieba()

    with open(dictionary, "rb") as fh:
        freq, total = jieba.Tokenizer.gen_pfdict(fh)
    return marisa_trie.RecordTrie("<Q", [(w, (n,)) for w, n in freq.items()] + [(_TOTAL_KEY, (total,))])


@derived(maxsize=1)
def _build_nlp():
    import spacy
    from spacy.language import Language

    import_jieba()                  # before spaCy's Chinese tokenizer imports it the slow way

    if "jixiao_user_dict" not in Language.factories:
        Language.factory("jixiao_user_dict", default_config={"fingerprint": ""},
                         func=lambda nlp, name, fingerprint: UserDictMarker(name, fingerprint))
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    # spaCy's ChineseTokenizer cuts with whatever `jieba_seg` holds (by default the global
    # jieba module); give it our tokenizer so the user dictionary applies without touching
    # jieba's global state.
    nlp.tokenizer.jieba_seg = _build_tokenizer()
    fingerprint = _fingerprint(user_terms())
    nlp.add_pipe("jixiao_user_dict", config={"fingerprint": fingerprint})
    nlp.meta["jixiao_user_dict"] = fingerprint
    return nlp


def _write_user_dict(folder: Path, terms: list[str]) -> Path:
    """Write the dictionary (one term a line, jieba's format) under a content-hash name."""
    path = folder / f"userdict-{_fingerprint(terms)}.txt"
    if not path.exists():
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text("".join(f"{t}\n" for t in terms), encoding="utf-8")
        os.replace(tmp, path)
    return path


def _fingerprint(terms: list[str]) -> str:
    return hashlib.sha256("\n".join(terms).encode("utf-8")).hexdigest()[:16]


def _usable(term: str) -> bool:
    return (len(term) >= _MIN_TERM_CHARS and not any(c.isspace() for c in term)
            and not any(c in _PUNCT for c in term))
