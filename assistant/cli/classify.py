"""`jixiao classify NAME...`: indicator names → canonical category, one JSON object a line.

Names come from the arguments, from `--file`, or from standard input, one a line, optionally
`name<TAB>target[<TAB>printed label[<TAB>first-level label]]`.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Iterator, Optional

import typer

from assistant.messages import english, english_evidence, error_prefix, say
from assistant.lexicon import LexiconError, take_overlays

_FIELDS = ("category", "level1", "level2", "confidence", "evidence")


def classify(
    names: Optional[list[str]] = typer.Argument(None, help="指标名称; omit to read --file or standard input."),
    file: Optional[Path] = typer.Option(None, "--file", "-f", help="One name a line, optionally name<TAB>target[<TAB>printed label[<TAB>first-level label]]."),
    target: Optional[str] = typer.Option(None, "--target", "-t", help="指标值 for the names given as arguments (e.g. ≤10万元)."),
    printed: Optional[str] = typer.Option(None, "--printed", "-p", help="The second-level label printed beside the names (e.g. 质量指标)."),
    on_row: bool = typer.Option(False, "--on-row", help="The printed label is in the row itself, not filled down from above."),
    lexicon: list[Path] = typer.Option([], "--lexicon", "-l", help="An analyst lexicon merged over the built-in one (repeatable)."),
    learn: list[Path] = typer.Option([], "--learn", help="学习：从这些报告（文件或目录）的带标签指标表中学习名称→类别，写入 --lexicon 指定的词表。"),
) -> None:
    """Classify indicator names (数量/质量/时效/成本/…/满意度) with the evidence for each."""
    from assistant.extract.classify import classify_indicator, load_lexicon

    if learn:
        _learn(learn, lexicon, names, file)
        return
    try:
        lex = load_lexicon(list[str | Path](take_overlays(lexicon)) or None)
    except LexiconError as exc:
        _fail(str(exc))
    count = 0
    in_english = english()         # the evidence is written in Chinese; English on request
    write = sys.stdout.write       # one buffered stream: typer.echo flushes line by line
    if printed:
        printed = _simplified([printed])[0]
    for shown, name, row_target, row_printed, row_level1 in _rows(names, file, target, printed):
        result = classify_indicator(name, row_target, printed=row_printed,
                                    printed_on_row=on_row, lexicon=lex, level1=row_level1)
        out: dict[str, Any] = {"name": shown, "target": row_target}
        out.update({k: getattr(result, k) for k in _FIELDS})
        if in_english and out["evidence"]:
            out["evidence"] = english_evidence(out["evidence"])
        if row_printed:
            out["printed_category"] = result.printed_category
            out["overridden"] = result.overridden
        write(json.dumps(out, ensure_ascii=False) + "\n")
        count += 1
    if not count:
        _fail(_NO_NAMES())


def _learn(paths: list[Path], lexicon: list[Path], names, file) -> None:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from assistant.extract.classify import load_lexicon
    from assistant.extract.learn import learn_pairs, store_learned

    if names or file:
        _fail(say("--learn 读的是报告；要分类的名称请另行运行 jixiao classify",
                  "--learn reads reports; give names to classify in a separate run"))
    if len(lexicon) != 1:
        _fail(say("--learn 需要且只需要一个 --lexicon 词表.yaml 来存放学到的内容（不存在则新建）",
                  "--learn needs exactly one --lexicon FILE.yaml to store what it learns (created if missing)"))
    target = lexicon[0]
    if target.exists():
        try:
            known = load_lexicon([target])
        except LexiconError as exc:
            _fail(str(exc))
    else:
        known = load_lexicon(None)
    console = Console(stderr=True)
    with Progress(TextColumn("学习"), BarColumn(), TextColumn("{task.completed}/{task.total} 份"),
                  TimeRemainingColumn(), console=console, transient=True) as bar:
        task = bar.add_task("learn", total=None)
        learned = learn_pairs(paths, progress=lambda n, total: bar.update(task, completed=n, total=total))
    for line in learned.failed:
        typer.echo(say(f"跳过：{line}", f"skipped: {line}"), err=True)
    try:
        tsv, added = store_learned(learned.pairs, target, known=known.exemplar_names)
    except LexiconError as exc:
        _fail(str(exc))
    by_cat: dict[str, int] = {}
    for cat, _, _ in learned.pairs:
        by_cat[cat] = by_cat.get(cat, 0) + 1
    typer.echo(say(f"读了 {learned.documents} 份报告，带标签指标 {len(learned.pairs)} 条，新增范例 {added} 条 → {tsv}",
                   f"read {learned.documents} reports, {len(learned.pairs)} labelled indicators, {added} new exemplars → {tsv}"))
    for cat, count in sorted(by_cat.items(), key=lambda kv: -kv[1]):
        typer.echo(f"  {cat}\t{count}")
    typer.echo(say(f"以后分类时加上 --lexicon {target} 即可使用。", f"Add --lexicon {target} when classifying to use them."))
    if not learned.documents:
        raise typer.Exit(1)


def _rows(names: list[str] | None, file: Path | None, target: str | None,
          printed: str | None) -> Iterator[tuple[str, str, str | None, str | None, str | None]]:
    """(name as given, name as read, target, printed label, first-level label) of each row.
    Names copied from a page in traditional characters (readings such as 「項(xiàng)」 and
    all) are read in simplified characters, as `jixiao extract` reads such a page."""
    if names and file:
        _fail(say("名称请用参数或 --file 给出，不要两者同时给", "give names as arguments or with --file, not both"))
    if names:
        given = [name.strip() for name in names if name.strip()]
        for shown, name in zip(given, _simplified(given)):
            yield shown, name, target, printed, None
        return
    if file:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            _fail(say(f"{file}：没有这个文件；请检查路径", f"{file}: no such file"))
        except UnicodeDecodeError as exc:
            _fail(say(f"{file}：不是 UTF-8 文本（第 {exc.start} 字节）；请另存为 UTF-8",
                      f"{file}: not UTF-8 text ({exc.reason} at byte {exc.start})"))
    else:
        if sys.stdin is None or sys.stdin.isatty():
            _fail(_NO_NAMES())
        lines = sys.stdin.read().splitlines()
    for line, read in zip(lines, _simplified(lines)):
        cols = [c.strip() for c in read.split("\t")]
        if not cols[0] or cols[0].startswith("#"):
            continue
        row_target = cols[1] if len(cols) > 1 and cols[1] else target
        row_printed = cols[2] if len(cols) > 2 and cols[2] else printed
        row_level1 = cols[3] if len(cols) > 3 and cols[3] else None
        yield line.split("\t")[0].strip(), cols[0], row_target, row_printed, row_level1


def _simplified(lines: list[str]) -> list[str]:
    """Each line in simplified characters, if it is printed in traditional ones."""
    from assistant.extract.script import simplified_short

    return [simplified_short(line) for line in lines]


def _NO_NAMES() -> str:
    return say("没有给出指标名称（用参数、--file 或标准输入）", "no indicator names given (arguments, --file or standard input)")


def _fail(message: str, code: int = 2):
    typer.echo(f"{error_prefix()}{message}", err=True)
    raise typer.Exit(code)


COMMAND = classify       # registered by assistant.cli as `jixiao classify`
