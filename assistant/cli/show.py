"""`jixiao show FILE [--html OUT.html]`: one report's extracted items over its own text.

Without --html: an outline on the terminal (projects, then each item with its offsets).
With --html: a page with every indicator row, reason, problem, measure and 核查发现 marked
over the text (displaCy span style), to open in a browser.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer



def show(
    file: Path = typer.Argument(..., help="一份报告（文本、PDF、DOCX、XLSX、HTML）。"),
    html: Optional[Path] = typer.Option(None, "--html", help="写出 HTML 页面：在原文上标出指标、原因、问题、措施和核查发现。"),
    lexicon: list[Path] = typer.Option([], "--lexicon", "-l", help="分析人员的词表（可重复）：指标词表，或与内置词表同名的文件（themes.yaml 等）及其文件夹。"),
) -> None:
    """在原文上查看一份报告的抽取结果（终端大纲，或 --html 网页）。"""
    import assistant
    from assistant.extract.read import ReadError, read_document
    from assistant.lexicon import LexiconError, take_overlays
    from assistant.textsafe import printable

    if html is not None and html.suffix.lower() not in (".html", ".htm"):
        _fail(f"{html}：--html 需要 .html 文件名")
    try:
        source = read_document(file)
        nlp = assistant.load(take_overlays(lexicon))
    except (ReadError, LexiconError) as exc:
        _fail(str(exc))
    doc = nlp.make_doc(source.text)
    doc.user_data["path"] = source.path
    doc = nlp(doc)
    if html is not None:
        from assistant.show import report_html

        html.write_text(report_html(doc), encoding="utf-8")
        typer.echo(f"已写出 {printable(str(html))}（{_counts(doc)}）", err=True)
        return
    report = doc._.report
    typer.echo(f"{printable(report.doc)}：{_counts(doc)}")
    for p in report.projects:
        typer.echo(f"项目 {printable(p.name) or '（未署名）'}：指标 {len(p.indicators)} 行")
    from assistant.show import LABELS

    for key, (label, _) in LABELS.items():
        if key == "indicator":
            continue
        for span in doc.spans.get(key, []):
            project = f"〔{printable(span._.project)}〕" if span._.project else ""
            said = span._.item.message if key == "finding" else span.text
            typer.echo(f"{label} {span.start_char}-{span.end_char}{project} {printable(' '.join(said.split()))}")


def _counts(doc) -> str:
    from assistant.show import LABELS

    return "，".join(f"{label} {len(doc.spans.get(key, []))}" for key, (label, _) in LABELS.items())


def _fail(message: str) -> None:
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(2)


COMMAND = show       # registered by assistant.cli as `jixiao show`
