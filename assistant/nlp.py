"""The one spaCy pipeline and the jieba segmenter behind it, built once per process.

`get_nlp()` is `spacy.blank("zh")` with the jieba segmenter; `segment(text)` is the same
segmentation without spaCy, for code that only needs words (the classifier).  Both use one
`jieba.Tokenizer` whose user dictionary is generated from `lexicons/`: every table label,
every cue word of the indicator lexicon and the domain terms in `lexicons/domain_terms.txt`
(住房公积金, 预算执行率, 三公经费 …), so that each stays a single token.  The dictionary
and jieba's model cache are written to a cache folder (JIXIAO_CACHE, else
$XDG_CACHE_HOME/jixiao, else ~/.cache/jixiao); nothing is downloaded.
"""
from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from pathlib import Path

import jieba

from assistant.lexicon import builtin, derived, lexicons

_LOCK = threading.Lock()
# Words of this length or less are left to jieba's own dictionary: a user entry for a
# one-character cue (率, 费) would only distort segmentation.
_MIN_TERM_CHARS = 2
_PUNCT = set("“”\"'‘’《》()（）[]【】")


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


@derived(maxsize=1)
def _build_tokenizer() -> jieba.Tokenizer:
    with _LOCK:
        jieba.setLogLevel(logging.WARNING)
        folder = cache_dir()
        tok = jieba.Tokenizer()
        tok.tmp_dir = str(folder)
        tok.cache_file = "jieba.model.cache"
        tok.initialize()
        path = _write_user_dict(folder, user_terms())
        tok.load_userdict(str(path))
        return tok


@derived(maxsize=1)
def _build_nlp():
    import spacy
    from spacy.language import Language

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
