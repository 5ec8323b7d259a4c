"""`jixiao draft measures TEXT` and `jixiao draft report FILE_OR_JSONL`: first drafts of the
narrative sections, every sentence traceable to a template, a finding or a cited document.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from assistant.messages import error_prefix, say

draft_app = typer.Typer(help="起草改进措施和评价报告文稿 (drafts with provenance).", no_args_is_help=True)


@draft_app.command("measures")
def measures(
    problem: Optional[str] = typer.Argument(None, help="问题文本; omit or '-' to read standard input."),
    n: int = typer.Option(1, "--n", min=1, help="How many alternative drafts."),
    seed: int = typer.Option(0, "--seed", help="Same seed, same draft."),
    themes: Optional[str] = typer.Option(None, "--themes", help="Theme codes, comma-separated (default: tagged from the text)."),
    project: str = typer.Option("", "--project", help="Project name for the {project} slot."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="Review store (.sqlite) or JSONL of extracted reports: precedents are cited from it."),
    as_json: bool = typer.Option(False, "--json", help="Print the drafts with provenance as JSON."),
    polish: bool = typer.Option(False, "--polish", help="Reword the points with the model at JIXIAO_LLM_URL (each reworded point audited)."),
) -> None:
    """Draft 改进措施 for a problem: 一是……；二是……；三是……。 covering each of its themes."""
    from assistant.draft import draft_measures

    text = sys.stdin.read() if problem in (None, "-") else problem
    text = " ".join(text.split())
    if not text:
        _fail(say("没有给出问题文字（用参数或标准输入）", "no problem text given (argument or standard input)"))
    codes = [c for c in (themes or "").replace("，", ",").split(",") if c.strip()] or None
    try:
        drafts = draft_measures(text, themes=codes, project=project, seed=seed, n=n,
                                corpus=_corpus(corpus), polish=_endpoint(polish))
    except ValueError as exc:
        _fail(str(exc))
    for note in dict.fromkeys(x for d in drafts for x in d.notes):
        typer.echo(say(f"注意：{note}", f"note: {note}"), err=True)
    if as_json:
        typer.echo(json.dumps([d.to_dict() for d in drafts], ensure_ascii=False, indent=2))
        return
    for k, d in enumerate(drafts, 1):
        if n > 1:
            typer.echo(f"── {k} ──")
        typer.echo(d.text)
        typer.echo(f"〔主题：{'、'.join(d.themes)}〕", err=True)
        for s in d.precedents:
            typer.echo(f"  · {s.text}〔{s.provenance.label()}〕")


@draft_app.command("report")
def report(
    source: Path = typer.Argument(..., help="A report file (.txt .pdf .docx .xlsx) or a JSONL of extractor output."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="draft.md or draft.docx (default: Markdown on stdout)."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="Review store (.sqlite) or JSONL of extracted reports: historical reasons and measures."),
    seed: int = typer.Option(0, "--seed", help="Same seed, same draft."),
    sources: bool = typer.Option(True, "--sources/--no-sources", help="Print 〔citations〕 after cited sentences."),
    polish: bool = typer.Option(False, "--polish", help="Reword the suggestions with the model at JIXIAO_LLM_URL (each reworded point audited)."),
) -> None:
    """起草 一、评价结论 二、主要问题及原因 三、未完成原因分析 四、改进建议（附核查发现）。"""
    from assistant.draft import draft_report, write_docx

    if output is not None and output.suffix.lower() not in (".md", ".markdown", ".txt", ".docx"):
        _fail(f"{output}：只能写成 .md 或 .docx（要 PDF 请用 Word 打开 .docx 后另存为 PDF）")
    endpoint = _endpoint(polish)
    pairs = _reports(source)
    hist = _corpus(corpus)
    drafts = [draft_report(r, text, corpus=hist, seed=seed, polish=endpoint) for r, text in pairs]
    for d in drafts:
        for note in dict.fromkeys(d.notes):
            typer.echo(say(f"注意：{d.doc}：{note}", f"note: {d.doc}: {note}"), err=True)
        problems = d.audit()
        for p in problems:
            typer.echo(say(f"注意：{d.doc}：{p}", f"warning: {d.doc}: {p}"), err=True)
    if output is not None and output.suffix.lower() == ".docx":
        write_docx(drafts, output, sources=sources)
    else:
        markdown = "\n".join(d.to_markdown(sources=sources) for d in drafts)
        if output is None:
            typer.echo(markdown, nl=False)
        else:
            output.write_text(markdown, encoding="utf-8")
    if output is not None:
        n_find = sum(len(d.findings) for d in drafts)
        typer.echo(f"{output}：{len(drafts)} 份报告的初稿，{n_find} 条核查发现", err=True)


def _endpoint(polish: bool):
    """The analyst's model endpoint when --polish is given (one Chinese line if none is set)."""
    if not polish:
        return None
    from assistant.draft.polish import Endpoint, PolishUnavailable

    try:
        return Endpoint.from_env()
    except PolishUnavailable as exc:
        _fail(str(exc))


def _reports(source: Path):
    """(Report, text) pairs: a JSONL is read as extractor output, anything else is extracted."""
    from assistant.extract.read import ReadError, read_document

    if source.suffix.lower() == ".jsonl":
        from assistant.draft.corpus import read_jsonl

        try:
            reports = read_jsonl(source)
        except (OSError, ValueError) as exc:
            _fail(str(exc))
        pairs = []
        for r in reports:
            text = ""              # without the source file the report's own values serve
            try:
                doc = read_document(r.path) if r.path else None
            except ReadError:
                doc = None
            if doc is not None and (not r.sha256 or doc.sha256 == r.sha256):
                text = doc.text    # offsets point into this text only if it is unchanged
            pairs.append((r, text))
        return pairs
    from assistant.extract import extract_path

    try:
        return [(extract_path(source), read_document(source).text)]
    except ReadError as exc:
        _fail(str(exc))


def _corpus(path: Optional[Path]):
    if path is None:
        return None
    from assistant.store import open_corpus

    try:
        return open_corpus(path)
    except (OSError, ValueError) as exc:
        _fail(f"--corpus: {exc}")


def _fail(message: str) -> None:
    typer.echo(f"{error_prefix()}{message}", err=True)
    raise typer.Exit(2)


COMMAND = draft_app       # registered by assistant.cli as `jixiao draft`
