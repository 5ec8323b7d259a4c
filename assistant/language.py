"""The extractor as a spaCy pipeline: `assistant.load()`.

    import assistant
    nlp = assistant.load()
    doc = nlp(text)
    doc._.report                        # the Report: projects, indicators, statements, findings
    for span in doc.spans["problem"]:   # also "reason", "measure", "indicator", "finding"
        span.text, span.start_char, span._.project, span._.themes, span._.item
    docs = nlp.pipe(texts, n_process=2) # streams; the Report travels with the Doc
    nlp.to_disk("jixiao_model")         # lexicons saved with it; spacy.load() reads it back
                                        # once `assistant.language` is imported

The tokenizer builds the Doc's words directly — one token per run of Han characters, of
Latin letters or of spaces, and per digit, TAB, line break and other symbol —
so making a Doc costs a fraction of segmenting it with jieba; a component cuts a token where
one of its items begins or ends inside it, so every span covers exactly its item.  Words for
people who need them come from `assistant.nlp.segment`, the one jieba segmenter with the
project dictionary.

Three components, one job each, registered as spaCy factories:

* `jixiao_forms`      — forms: projects, budgets and indicator rows (`doc._.report`,
                        `doc.spans["indicator"]`); config `lexicon`: analyst lexicon files
                        merged over the built-in one, saved with the pipeline;
* `jixiao_statements` — reasons, problems and measures (`doc.spans[kind]`);
* `jixiao_findings`   — 核查发现 (`doc.spans["finding"]`).

Each span's label is its kind and its `id_` the item's index in the Report's list, so
`span._.item` gives back the Indicator, Statement or Finding with its evidence.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
import shutil
from pathlib import Path
from typing import Callable, Iterable, Iterator, List, cast

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from assistant.extract.checks import find_issues
from assistant.extract.classify import load_lexicon
from assistant.extract.classify_lexicon import CompiledLexicon
from assistant.extract.pipeline import read_page
from assistant.extract.script import Script, simplified
from assistant.extract.statements import extract_statements
from assistant.lexicon import Lexicons, install, overlay_paths, process_lexicons, settle_heap
from assistant.model import KINDS, Document, Report

SPAN_KEYS = (*KINDS, "indicator", "finding")
TOKENIZER = "jixiao.char_tokenizer.v1"
_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+|\d|[A-Za-z]+|[\t\n]|[^\S\t\n]+|.", re.S)
_ROWS = "jixiao_rows"           # layout rows kept between forms and statements (dropped after)
_TEXT = "jixiao_text"           # the text as given, so components need not rebuild `doc.text`
_SCRIPT = "jixiao_script"       # a traditional page's simplified reading (script.py), until the last step
_REPORT_KEY = "__jixiao_report__"


# ---------------------------------------------------------------------------- the Doc

class CharTokenizer:
    """Words built directly: runs of Han characters, of letters or of spaces; a digit, a
    TAB, a line break or any other symbol alone.  `doc.text == text` always.

    Items begin and end at cell and line boundaries, so TABs and line breaks standing alone
    leave almost nothing for the components to cut (a run of 「\t\t\n」 was cut for most
    rows).  Digits stand alone so that the figures of a batch of reports do not each add a
    lexeme to the vocabulary, which grew with every new amount and cost a third of the
    time it took to make a Doc."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words = _WORD.findall(text)
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        doc.user_data[_TEXT] = text     # `doc.text` joins every token: slow on long reports
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def initialize(self, get_examples=None, *, nlp=None, **kwargs) -> None:
        return None

    # nothing to save: the rule is the code
    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "CharTokenizer":
        return self

    def to_disk(self, path, *, exclude=tuple()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path, *, exclude=tuple()) -> "CharTokenizer":
        return self


@spacy.registry.tokenizers(TOKENIZER)
def create_char_tokenizer() -> Callable[[Language], CharTokenizer]:
    def make(nlp: Language) -> CharTokenizer:
        return CharTokenizer(nlp.vocab)
    return make


# ---------------------------------------------------------------------------- extensions

def _item(span: Span):
    """The Indicator, Statement or Finding behind a span; in a DocBin of reviewed work
    (`jixiao export -f spacy`), the decision record (a dict)."""
    report = span.doc._.report
    if not span.id_:
        return None
    if report is None:
        records = span.doc.user_data.get("jixiao_items") or []
        index = int(span.id_)
        return records[index] if index < len(records) else None
    items = {"indicator": _indicators(report), "finding": report.findings}.get(span.label_,
                                                                                report.statements)
    index = int(span.id_)
    return items[index] if index < len(items) else None


def _indicators(report: Report) -> list:
    return [i for p in report.projects for i in p.indicators]


def _project(span: Span) -> str | None:
    item = span._.item
    if item is None:
        return None
    if isinstance(item, dict):
        return item.get("project")
    if span.label_ == "indicator":
        return next((p.name for p in span.doc._.report.projects if item in p.indicators), None)
    return item.project


def _themes(span: Span) -> list[str]:
    item = span._.item
    themes = item.get("themes") if isinstance(item, dict) else getattr(item, "themes", None)
    return list(themes or [])


def _register_extensions() -> None:
    if not Doc.has_extension("report"):
        Doc.set_extension("report", default=None)
    if not Span.has_extension("item"):
        Span.set_extension("item", getter=_item)
    if not Span.has_extension("project"):
        Span.set_extension("project", getter=_project)
    if not Span.has_extension("themes"):
        Span.set_extension("themes", getter=_themes)


_register_extensions()


# A Report in doc.user_data travels through Doc.to_bytes, DocBin and nlp.pipe(n_process=…)
# as its JSON form.
@srsly.msgpack_encoders("jixiao_report")
def _encode_report(obj, chain=None):
    if isinstance(obj, Report):
        return {_REPORT_KEY: obj.to_dict()}
    return obj if chain is None else chain(obj)


@srsly.msgpack_decoders("jixiao_report")
def _decode_report(obj, chain=None):
    if isinstance(obj, dict) and _REPORT_KEY in obj:
        # spaCy unpacks arrays as tuples; the JSON round trip gives the lists the Report had
        return Report.from_dict(json.loads(json.dumps(obj[_REPORT_KEY], ensure_ascii=False)))
    return obj if chain is None else chain(obj)


# ---------------------------------------------------------------------------- components

def _text(doc: Doc) -> str:
    text = doc.user_data.get(_TEXT)
    return text if isinstance(text, str) else doc.text


def _spans(doc: Doc, key: str, items: Iterable, start_end: Callable, ids: list[int] | None = None) -> None:
    """doc.spans[key]: one span per item with offsets (see `_span_groups`)."""
    _span_groups(doc, {key: _offsets(items, start_end, ids)})


def _offsets(items: Iterable, start_end: Callable, ids: list[int] | None = None) -> list[tuple[int, int, int]]:
    """(start, end, id) of the items that have offsets; the id is the item's index (or ids[index])."""
    wanted = []
    for n, item in enumerate(items):
        start, end = start_end(item)
        if start is not None and end is not None and end > start:
            wanted.append((start, end, ids[n] if ids is not None else n))
    return wanted


def _span_groups(doc: Doc, groups: dict[str, list[tuple[int, int, int]]]) -> None:
    """doc.spans[key] for each group: one span per (start, end, id), the tokens cut where an
    item begins or ends inside one (a run of Han characters is one token until an item needs
    it cut) — for every group at once, since each retokenizing rebuilds the Doc."""
    script = doc.user_data.get(_SCRIPT)
    if isinstance(script, Script):          # offsets into the simplified text: onto the page
        groups = {key: [(script.offset(start) or 0, script.offset(end) or 0, n) for start, end, n in wanted]
                  for key, wanted in groups.items()}
    _cut(doc, {c for wanted in groups.values() for start, end, _ in wanted for c in (start, end)})
    for key, wanted in groups.items():
        group = []
        for start, end, n in wanted:
            span = doc.char_span(start, end, label=key, span_id=str(n), alignment_mode="expand")
            if span is not None:
                group.append(span)
        doc.spans[key] = group


def _cut(doc: Doc, offsets: set[int]) -> None:
    """Split the tokens that have one of `offsets` inside them; spans already made are
    made again over the new tokens (the retokenizer leaves span groups as they were)."""
    if not offsets or not len(doc):
        return
    starts = doc.to_array("IDX").tolist()
    end = starts[-1] + len(doc[-1])
    pieces: dict[int, list[int]] = {}
    for offset in offsets:
        i = bisect_right(starts, offset) - 1
        if i >= 0 and starts[i] != offset and offset < end:
            pieces.setdefault(i, []).append(offset - starts[i])
    if not pieces:
        return
    kept = {key: [(s.start_char, s.end_char, s.label_, s.id_) for s in group]
            for key, group in doc.spans.items()}
    with doc.retokenize() as retokenizer:
        for i, cuts in pieces.items():
            token = doc[i]
            bounds = [0, *sorted(set(cuts)), len(token)]
            orths = [token.text[a:b] for a, b in zip(bounds, bounds[1:])]
            retokenizer.split(token, orths, heads=[(token, 0)] * len(orths))
    for key, spans in kept.items():
        doc.spans[key] = [span for s, e, label, span_id in spans
                          if (span := doc.char_span(s, e, label=label, span_id=span_id, alignment_mode="expand"))
                          is not None]


class FormReader:
    """`jixiao_forms`: the projects of the document, read from its forms."""

    def __init__(self, nlp: Language, name: str, lexicon: List[str]):
        self.name = name
        self.lexicon_files = [str(p) for p in lexicon]
        self._lexicon: CompiledLexicon | None = None    # compiled at first use: spacy.load reads the saved copies first
        self._lexicons: Lexicons | None = None

    @property
    def lexicons(self) -> Lexicons:
        """What the whole pipeline reads with: the process's lexicons with the overlays among
        the analyst's files (themes.yaml, causes.yaml …, named like a built-in) merged over
        them, built once and installed for each document (`assistant.lexicon.install`)."""
        if self._lexicons is None:
            overlays, others = overlay_paths(self.lexicon_files)
            base = process_lexicons()
            self._lexicons = Lexicons(base.folder, [*base.overlays, *overlays]) if overlays else base
            if others:
                install(self._lexicons)
                self._lexicon = load_lexicon(list[str | Path](others))
        return self._lexicons

    @property
    def lexicon(self):
        """The analyst's indicator lexicons merged over the built-in one (None: the built-in
        alone), compiled with the lexicons above when they are first asked for."""
        _ = self.lexicons
        return self._lexicon

    def __call__(self, doc: Doc) -> Doc:
        install(self.lexicons)          # the steps after this one read with them too
        text = _text(doc)
        source = Document(path=str(doc.user_data.get("path", "<text>")), text=text)   # the page, as given
        script = simplified(text)
        if script is not None:
            # a page in traditional characters: the steps read the simplified text, every
            # span is placed back on the page, and the last step restores the Report
            text = doc.user_data[_TEXT] = script.text
            doc.user_data[_SCRIPT] = script
        page, rows, projects = read_page(text, self.lexicon)
        if page is not text:            # a sharing site's prompts blanked: the later steps read that
            doc.user_data[_TEXT] = page
        report = Report(doc=source.name, path=source.path, sha256=source.sha256, projects=projects)
        doc.user_data[_ROWS] = rows
        doc._.report = report
        _spans(doc, "indicator", _indicators(report), lambda i: (i.start, i.end))
        return doc

    def to_disk(self, path, *, exclude=tuple()) -> None:
        """The analyst lexicons, each in its own folder with the exemplar files it names."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        names = []
        for n, file in enumerate(self.lexicon_files):
            folder = path / f"lexicon{n}"
            folder.mkdir(exist_ok=True)
            names.append(f"{folder.name}/{_copy_lexicon(Path(file), folder)}")
        srsly.write_json(path / "lexicons.json", names)

    def from_disk(self, path, *, exclude=tuple()) -> "FormReader":
        path = Path(path)
        names = srsly.read_json(path / "lexicons.json") if (path / "lexicons.json").exists() else []
        self.lexicon_files = [str(path / n) for n in names]
        self._lexicon = None
        self._lexicons = None
        return self


def _copy_lexicon(file: Path, folder: Path) -> str:
    """Copy an analyst lexicon into `folder`; a YAML lexicon's `exemplar_files` are copied
    beside it and renamed in the copy.  Returns the copy's name."""
    target = folder / file.name
    if file.suffix.lower() not in (".yaml", ".yml"):
        shutil.copyfile(file, target)
        return target.name
    import yaml

    data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    if isinstance(data, dict) and data.get("exemplar_files"):
        copied = []
        for n, entry in enumerate(data["exemplar_files"]):
            source = Path(entry) if Path(entry).is_absolute() else file.parent / entry
            name = f"exemplars{n}{source.suffix}"
            shutil.copyfile(source, folder / name)
            copied.append(name)
        data["exemplar_files"] = copied
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target.name


class StatementFinder:
    """`jixiao_statements`: reasons, problems and measures, attributed to projects."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        report = _report_of(doc)
        rows = doc.user_data.pop(_ROWS, None)
        source = Document(path=report.path or "<text>", text=_text(doc), sha256=report.sha256)
        report.statements = extract_statements(source, report.projects, rows)
        _span_groups(doc, {kind: _offsets([s if s.kind == kind else None for s in report.statements],
                                          lambda s: (s.start, s.end) if s is not None else (None, None))
                           for kind in KINDS})
        return doc


class FindingChecker:
    """`jixiao_findings`: what an analyst checks first (execution, targets, arithmetic)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        report = _report_of(doc)
        doc.user_data.pop(_ROWS, None)
        report.findings = find_issues(report, _text(doc))
        _spans(doc, "finding", report.findings, lambda f: (f.start, f.end))
        script = doc.user_data.pop(_SCRIPT, None)
        if isinstance(script, Script):
            script.restore(report)
        doc.user_data.pop(_TEXT, None)          # the last step: the Doc keeps its own text
        settle_heap()                           # (after the first Doc: see settle_heap)
        return doc


def _report_of(doc: Doc) -> Report:
    if doc._.report is None:
        source = Document(path=str(doc.user_data.get("path", "<text>")), text=_text(doc))
        doc._.report = Report(doc=source.name, path=source.path, sha256=source.sha256)
    return doc._.report


@Language.factory("jixiao_forms", default_config={"lexicon": []},
                  assigns=["doc._.report", "doc.spans"])
def make_form_reader(nlp: Language, name: str, lexicon: List[str]) -> FormReader:
    return FormReader(nlp, name, lexicon)


@Language.factory("jixiao_statements", assigns=["doc._.report", "doc.spans"],
                  requires=["doc._.report"])
def make_statement_finder(nlp: Language, name: str) -> StatementFinder:
    return StatementFinder(nlp, name)


@Language.factory("jixiao_findings", assigns=["doc._.report", "doc.spans"],
                  requires=["doc._.report"])
def make_finding_checker(nlp: Language, name: str) -> FindingChecker:
    return FindingChecker(nlp, name)


def reviewed_docbin(documents: Iterable[tuple[str, str, list]]) -> tuple[bytes, int]:
    """A DocBin of reviewed work, to train models on: for each (name, text, ReviewItems) one
    Doc over the text, each item with offsets a span in doc.spans[kind] (the kind as decided),
    and doc.user_data["jixiao_items"] the decisions (text as corrected, themes, category,
    status, who, when), the span's id_ its index there.  Returns (bytes, items written)."""
    from spacy.tokens import DocBin

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    stored = DocBin(store_user_data=True)
    count = 0
    for name, text, items in documents:
        doc = nlp.make_doc(text)
        doc.user_data.pop(_TEXT, None)
        doc.user_data["path"] = name
        records = []
        by_kind: dict[str, list] = {}
        for item in items:
            records.append({"key": item.key, "kind": item.kind, "text": item.text, "project": item.project,
                            "themes": list(item.themes), "category": item.category,
                            "status": item.status, "who": item.who, "at": item.at,
                            "start": item.start, "end": item.end})
            by_kind.setdefault(item.kind, []).append(len(records) - 1)
        doc.user_data["jixiao_items"] = records
        _span_groups(doc, {kind: _offsets([records[i] for i in indices], lambda r: (r["start"], r["end"]), ids=indices)
                           for kind, indices in by_kind.items()})
        stored.add(doc)
        count += len(records)
    return stored.to_bytes(), count


def load(lexicon: Iterable[str | Path] = ()) -> Language:
    """The extraction pipeline: char tokenizer, then forms, statements and findings.
    `lexicon`: the analyst's files, as `--lexicon` takes them — indicator lexicons (YAML/TSV)
    merged over the built-in one, and files named like a built-in one (themes.yaml,
    statements.yaml …, or a folder of them) merged over those; the pipeline reads with them
    (and saves them with `to_disk`) whatever the process uses otherwise."""
    overlays, others = overlay_paths(lexicon)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    forms = cast(FormReader, nlp.add_pipe("jixiao_forms", config={"lexicon": [str(p) for p in [*overlays, *others]]}))
    for path in overlays:           # a bad lexicon fails here, naming its file, not mid-batch
        forms.lexicons.data(path.name)
    _ = forms.lexicon
    nlp.add_pipe("jixiao_statements")
    nlp.add_pipe("jixiao_findings")
    return nlp
