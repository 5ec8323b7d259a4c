"""Learn indicator wording from an analyst's own labelled tables (`jixiao classify --learn`).

Every indicator a report prints under a second-level label (数量指标, 产出质量 …) is a (name,
category) pair its author chose. `learn_pairs` reads them from any documents the extractor
can read; `store_learned` appends the new ones to an exemplar file beside the analyst's
lexicon and names that file in the lexicon's `exemplar_files`, so that the next run with
`--lexicon` scores names against them and trains its n-gram model on them too.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from assistant.extract.labels import printed_label
from assistant.extract.read import ReadError, iter_inputs
from assistant.lexicon import LexiconError, load_yaml
from assistant.messages import say

_FLOW_LIST = re.compile(r"^exemplar_files:\s*\[(.*)\]\s*$", re.M)
_SPACE = re.compile(r"\s+")
_WEIGHT = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]")


@dataclass
class Learned:
    pairs: list[tuple[str, str, str]] = field(default_factory=list)    # category, name, source
    documents: int = 0
    failed: list[str] = field(default_factory=list)                    # one line per file


def learn_pairs(paths: Iterable[str | Path],
                progress: Callable[[int, int | None], None] | None = None) -> Learned:
    """(category, name, file) for every indicator printed under a category label whose
    category the classifier kept; unreadable files are listed, never fatal."""
    from assistant.extract.pipeline import extract_path

    out = Learned()
    seen: set[tuple[str, str]] = set()
    files = list(iter_inputs(list(paths)))
    for n, item in enumerate(files, 1):
        if progress:
            progress(n, len(files))
        if isinstance(item, ReadError):
            out.failed.append(str(item))
            continue
        try:
            report = extract_path(item)
        except ReadError as exc:
            out.failed.append(str(exc))
            continue
        out.documents += 1
        for project in report.projects:
            for ind in project.indicators:
                label = printed_label(ind.level2) if ind.level2 else None
                if label is None or label.category is None or ind.as_printed:
                    continue
                if ind.category != label.category:
                    continue
                name = _WEIGHT.sub("", _SPACE.sub("", ind.name))
                if 2 <= len(name) <= 40 and (label.category, name) not in seen:
                    seen.add((label.category, name))
                    out.pairs.append((label.category, name, item.name))
    return out


def learned_file(lexicon: Path) -> Path:
    """Where the pairs learned for `lexicon` are kept: 「my.yaml」 → 「my.learned.tsv」."""
    return lexicon.with_name(lexicon.stem + ".learned.tsv")


def store_learned(pairs: list[tuple[str, str, str]], lexicon: Path,
                  known: Iterable[str] = ()) -> tuple[Path, int]:
    """Append the pairs not yet known to the lexicon's learned file; make the lexicon name
    it. Returns the file and how many rows were added. Raises LexiconError (one line)."""
    tsv = learned_file(lexicon)
    have = set(known)
    if tsv.exists():
        for line in tsv.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) >= 2 and not line.startswith("#"):
                have.add(cols[1].strip())
    new = [(c, n, s) for c, n, s in pairs if n not in have]
    try:
        if not tsv.exists():
            tsv.write_text("# 从分析人员自己的报告学到的指标名称（jixiao classify --learn 写入）：类别、名称、来源文件\n"
                           "category\tname\tsource\n", encoding="utf-8")
        with tsv.open("a", encoding="utf-8") as fh:
            for c, n, s in new:
                fh.write(f"{c}\t{n}\t{s}\n")
        _name_in_lexicon(lexicon, tsv.name)
    except OSError as exc:
        raise LexiconError(say(f"{exc.filename or tsv}：无法写入（{exc.strerror}）；请给 --lexicon 一个可写的路径",
                               f"{exc.filename or tsv}: cannot write ({exc.strerror}); choose a writable --lexicon path")) from None
    return tsv, len(new)


def _name_in_lexicon(lexicon: Path, tsv_name: str) -> None:
    if not lexicon.exists():
        lexicon.write_text("# 分析人员词表：在内置词表之上补充的指标关键词与范例（格式同 lexicons/indicators.yaml）\n"
                           f"exemplar_files: [{tsv_name}]\n", encoding="utf-8")
        return
    data = load_yaml(lexicon) or {}
    files = [str(f) for f in (data.get("exemplar_files") or [])]
    if tsv_name in files:
        return
    text = lexicon.read_text(encoding="utf-8")
    if "exemplar_files" not in data:
        sep = "" if text.endswith("\n") or not text else "\n"
        lexicon.write_text(f"{text}{sep}exemplar_files: [{tsv_name}]\n", encoding="utf-8")
        return
    m = _FLOW_LIST.search(text)
    if m is None:
        raise LexiconError(say(f"{lexicon}：exemplar_files 列表不是写成一行的 [a, b]，无法自动添加；请手动把 {tsv_name} 加进去",
                               f"{lexicon}: add {tsv_name} to its exemplar_files list by hand "
                               "(the list is not written as [a, b] on one line)"))
    items = [s for s in (x.strip() for x in m.group(1).split(",")) if s] + [tsv_name]
    lexicon.write_text(text[:m.start()] + f"exemplar_files: [{', '.join(items)}]" + text[m.end():],
                       encoding="utf-8")
