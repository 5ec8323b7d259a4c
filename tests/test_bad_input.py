"""Bad inputs: each gives one line naming the file and the reason — a ReadError, never a crash."""
from __future__ import annotations

import os
import random
import re
import zipfile
from pathlib import Path

import pytest

from assistant.extract.read import MAX_BYTES, ReadError, ReadWarning, iter_inputs, read_document
from fixtures_build import (build_docx, build_ole, build_pdf, build_png, build_scanned_pdf,
                            build_xlsx, pdf_bytes)


@pytest.fixture
def english(monkeypatch):
    """Reasons and warnings in English, the words these tests match (Chinese is the default)."""
    monkeypatch.setenv("JIXIAO_LANG", "en")


def refused(path: Path, *words: str) -> str:
    """Assert read_document refuses `path` with one line '<path>: <reason>' holding `words`,
    the reason asked in English (the words are English; test_reasons_speak_the_language
    checks the Chinese)."""
    with pytest.MonkeyPatch.context() as env, pytest.raises(ReadError) as info:
        env.setenv("JIXIAO_LANG", "en")
        read_document(path)
    text = str(info.value)
    assert "\n" not in text
    assert text.startswith(f"{path}: ")
    assert info.value.path == str(path)
    for word in words:
        assert word in info.value.reason, text
    return info.value.reason


def test_binary_junk(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(random.Random(7).randbytes(20_000))
    refused(path, "binary")


def test_binary_junk_without_nul_bytes(tmp_path):
    path = tmp_path / "junk2.txt"
    rng = random.Random(8)
    path.write_bytes(bytes(rng.randrange(1, 256) for _ in range(20_000)))
    refused(path, "binary")


def test_an_extract_output_given_as_a_report(tmp_path):
    # 「jixiao show out.jsonl」: the extractor's own output is no report to read (its keys
    # would be taken for prose); a report that opens with a brace is still read
    path = tmp_path / "out.jsonl"
    path.write_text('{"doc": "安澜县报告.txt", "projects": [], "statements": []}\n', encoding="utf-8")
    refused(path, "output of jixiao extract", "jixiao stats")
    other = tmp_path / "notes.txt"
    other.write_text("{附件一} 项目支出绩效自评表\n项目名称：农村公路养护\n", encoding="utf-8")
    assert "农村公路养护" in read_document(other).text


def test_zero_byte_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.touch()
    refused(path, "empty file")


def test_truncated_pdf(tmp_path):
    data = pdf_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    refused(path, "truncated PDF")


def test_corrupt_pdf_body(tmp_path):
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.4\n" + random.Random(3).randbytes(4000) + b"\n%%EOF\n")
    refused(path, "PDF")


def test_encrypted_pdf(tmp_path):
    path = build_pdf(tmp_path / "secret.pdf", encrypt="pw")
    refused(path, "encrypted", "qpdf --decrypt")


def test_scanned_pdf(tmp_path):
    path = build_scanned_pdf(tmp_path / "scan.pdf")
    refused(path, "scanned PDF", "ocrmypdf")


def test_old_word_doc(tmp_path):
    path = build_ole(tmp_path / "report.doc", "WordDocument")
    refused(path, "Word 97-2003", "libreoffice --headless --convert-to docx")


def test_old_excel_xls(tmp_path):
    path = build_ole(tmp_path / "report.xls", "Workbook")
    refused(path, "Excel 97-2003", "--convert-to xlsx")


def test_ole_named_docx_is_still_a_doc(tmp_path):
    path = build_ole(tmp_path / "renamed.docx", "WordDocument")
    refused(path, ".doc", "--convert-to docx")


def test_png(tmp_path):
    path = build_png(tmp_path / "page.png")
    refused(path, "image (PNG)", "OCR")


def test_zip_that_is_not_office(tmp_path):
    path = tmp_path / "bundle.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "x")
        archive.writestr("b.txt", "y")
    refused(path, "zip archive of 2 files", "not a .docx")


def test_truncated_docx(tmp_path):
    data = build_docx(tmp_path / "whole.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    refused(path, "damaged zip")


def test_path_that_does_not_exist(tmp_path):
    refused(tmp_path / "nowhere.pdf", "no such file")


def test_broken_symlink(tmp_path):
    path = tmp_path / "dangling.txt"
    path.symlink_to(tmp_path / "gone.txt")
    refused(path, "broken symbolic link")


def test_directory_given_as_a_file(tmp_path):
    refused(tmp_path, "is a directory")


def test_fifo_is_not_read(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    refused(path, "not a regular file")


def test_file_over_the_size_limit(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:           # sparse: no 200 MB actually written
        handle.truncate(MAX_BYTES + 1)
    refused(path, "too large", "200 MB")


def test_unreadable_permissions(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("项目名称", encoding="utf-8")
    path.chmod(0)
    try:
        if os.geteuid() == 0 or os.access(path, os.R_OK):
            pytest.skip("running as root: permissions do not stop reading")
        refused(path, "permission denied")
    finally:
        path.chmod(0o644)


def test_permission_error_becomes_read_error(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("项目名称", encoding="utf-8")

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    refused(path, "permission denied")


def test_fifty_megabyte_text_reads_fast(tmp_path):
    line = "数量指标\t发放条数\t≥150万条\t162万条\t20\t20\t\n".encode("utf-8")
    path = tmp_path / "big.txt"
    path.write_bytes(line * (50 * 1024 * 1024 // len(line) + 1))
    doc = read_document(path)
    assert doc.encoding == "utf-8"
    assert len(doc.text) > 15_000_000


def test_one_megabyte_single_line(tmp_path):
    path = tmp_path / "line.txt"
    text = "绩效" * (512 * 1024 // 3) + "完"
    path.write_text(text, encoding="utf-8")
    assert read_document(path).text == text


def test_mixed_encodings_decode_line_by_line_with_a_warning(tmp_path, english):
    lines = ["项目名称\t12345热线", "一级指标\t二级指标", "未完成原因：人员不足", "得分\t98"]
    data = b"\n".join(line.encode("gbk" if i == 2 else "utf-8") for i, line in enumerate(lines))
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    with pytest.warns(ReadWarning) as caught:
        doc = read_document(path)
    assert doc.text == "\n".join(lines)
    assert doc.encoding == "utf-8+gb18030"
    message = str(caught[0].message)
    assert message.startswith(f"{path}: mixed encodings") and "lines 3" in message


def test_directory_symlink_loop_terminates(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "r.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "a" / "self").symlink_to(tmp_path / "a", target_is_directory=True)
    found = list(iter_inputs([tmp_path]))
    assert [p.name for p in found] == ["r.txt"]


def test_iter_inputs_reports_missing_paths_in_place(tmp_path, english):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    found = list(iter_inputs([tmp_path / "missing", tmp_path / "a.txt"]))
    assert isinstance(found[0], ReadError)
    assert str(found[0]) == f"{tmp_path / 'missing'}: no such file or directory"
    assert found[1] == tmp_path / "a.txt"


def test_iter_inputs_reports_unlistable_folder(tmp_path, english):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "r.txt").write_text("x", encoding="utf-8")
    locked.chmod(0)
    try:
        if os.geteuid() == 0 or os.access(locked, os.R_OK):
            pytest.skip("running as root: permissions do not stop listing")
        found = list(iter_inputs([tmp_path]))
        assert len(found) == 1 and isinstance(found[0], ReadError)
        assert "permission denied" in str(found[0])
    finally:
        locked.chmod(0o755)


def test_folder_listing_refused_becomes_read_error(tmp_path, english, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(iter_inputs([tmp_path]))
    assert found[0] == tmp_path / "a.txt"
    assert str(found[1]) == f"{locked}: permission denied (the folder cannot be listed)"


@pytest.mark.parametrize("kind", ["pdf", "docx", "xlsx"])
def test_damaged_documents_never_crash(tmp_path, kind):
    builders = {"pdf": build_pdf, "docx": build_docx, "xlsx": build_xlsx}
    data = builders[kind](tmp_path / f"good.{kind}").read_bytes()
    rng = random.Random(kind)
    for trial in range(12):
        damaged = bytearray(data)
        start = rng.randrange(len(data))
        damaged[start:start + 64] = rng.randbytes(64)
        path = tmp_path / f"bad{trial}.{kind}"
        path.write_bytes(bytes(damaged))
        try:
            read_document(path)
        except ReadError as exc:
            assert "\n" not in str(exc) and str(exc).startswith(f"{path}: ")


def test_image_only_page_in_a_text_pdf_warns(tmp_path, english):
    path = build_scanned_pdf(tmp_path / "partly.pdf", text_first_page=True)
    with pytest.warns(ReadWarning, match=r"partly\.pdf: pages 2 of 2 are images"):
        doc = read_document(path)
    assert "项目名称" in doc.text


def test_ordinary_output_mistakes_get_one_chinese_line_and_no_traceback(tmp_path):
    """Output into a missing folder or onto a folder, a --db that is no store, a draft asked
    as PDF: one line on stderr naming the file, exit code 2, never a traceback."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    sample = ROOT / "corpora" / "samples" / "01_tab_selfeval_education.txt"
    (tmp_path / "adir").mkdir()
    (tmp_path / "bad.sqlite").write_text("not a database", encoding="utf-8")
    jsonl = tmp_path / "out.jsonl"
    subprocess.run([sys.executable, "-m", "assistant.cli", "extract", str(sample), "-o", str(jsonl)],
                   capture_output=True, cwd=tmp_path, check=True)
    cases = [
        (["draft", "report", str(sample), "-o", "nodir/x.md"], "nodir/x.md"),
        (["draft", "report", str(sample), "-o", "adir"], "adir"),
        (["draft", "report", str(sample), "-o", "x.pdf"], "x.pdf"),
        (["stats", str(jsonl), "--plot", "nodir/p.png"], "nodir/p.png"),
        (["stats", "--db", "bad.sqlite"], "--db"),
        (["export", "--db", "bad.sqlite", "-o", "x.xlsx"], "--db"),
    ]
    for args, named in cases:
        run = subprocess.run([sys.executable, "-m", "assistant.cli", *args], capture_output=True, text=True,
                             cwd=tmp_path)
        assert run.returncode == 2, (args, run.stderr)
        assert "Traceback" not in run.stderr, (args, run.stderr)
        lines = [line for line in run.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and named in lines[0], (args, run.stderr)
    assert (tmp_path / "bad.sqlite").read_text(encoding="utf-8") == "not a database"   # left as it was


def test_read_only_commands_leave_a_database_they_did_not_create_unchanged(tmp_path):
    """Another program's SQLite file, or a store of a newer version, given to --db: one line,
    exit 2, and the file byte for byte as it was (no WAL switch, no tables, no user_version)."""
    import hashlib
    import sqlite3
    import subprocess
    import sys

    foreign = tmp_path / "foreign.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE orders (id INTEGER)")
    con.commit()
    con.close()
    future = tmp_path / "future.sqlite"
    con = sqlite3.connect(future)
    con.execute("PRAGMA user_version = 999")
    con.commit()
    con.close()
    for path in (foreign, future):
        before = hashlib.sha256(path.read_bytes()).hexdigest()
        for args in (["stats", "--db", str(path)], ["export", "--db", str(path), "-o", str(tmp_path / "x.csv"),
                                                    "-f", "csv"]):
            run = subprocess.run([sys.executable, "-m", "assistant.cli", *args], capture_output=True, text=True)
            assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
            assert path.name in run.stderr
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before
        assert not (tmp_path / f"{path.name}-wal").exists()


def test_a_folder_of_old_office_files_and_scans_is_not_passed_over_in_silence(tmp_path):
    """.doc/.xls/.wps, RTF and images in a folder each get one line saying how to convert them,
    the good report is still extracted, and the exit code says some were not read."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    folder = tmp_path / "局里的文件夹"
    folder.mkdir()
    (folder / "报告.txt").write_text((ROOT / "corpora" / "samples" / "01_tab_selfeval_education.txt")
                                     .read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "旧版自评表.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200))
    (folder / "预算表.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200))
    (folder / "扫描件.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(50))
    out = tmp_path / "out.jsonl"
    run = subprocess.run([sys.executable, "-m", "assistant.cli", "extract", str(folder), "-o", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    for name, advice in (("旧版自评表.doc", "convert"), ("预算表.xls", "convert"), ("扫描件.png", "OCR")):
        line = next(line for line in run.stderr.splitlines() if name in line)
        assert advice in line
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


_CJK = re.compile(r"[\u4e00-\u9fff]")
_ENGLISH_SENTENCE = re.compile(r"[A-Za-z]{2,}(?:[ ,;()]+[A-Za-z]{2,})+")   # English words in a row


def _bad_inputs(folder: Path) -> dict[str, Path]:
    nul = folder / "junk.txt"
    nul.write_bytes(b"abc\x00\x00\x00def" * 100)
    empty = folder / "empty.txt"
    empty.touch()
    (folder / "x.txt").mkdir()
    return {"nul": nul, "empty": empty, "png": build_png(folder / "page.png"),
            "doc": build_ole(folder / "report.doc", "WordDocument"), "dir": folder / "x.txt",
            "missing": folder / "nowhere.pdf"}


# What each reason says, in each language: the kind of trouble and, where there is one, the way out.
_SAYS = {
    "nul": (["二进制数据", "NUL"], ["binary data (NUL bytes)"]),
    "empty": (["空文件", "0 字节"], ["empty file (0 bytes)"]),
    "png": (["图片", "OCR", "`tesseract page.png out -l chi_sim`"], ["an image (PNG)", "run OCR first"]),
    "doc": (["Word 97-2003", "另存为 .docx", "`libreoffice --headless --convert-to docx report.doc`"],
            ["an old Word 97-2003 document", "convert it, e.g."]),
    "dir": (["文件夹"], ["is a directory"]),
    "missing": (["没有这个文件"], ["no such file or directory"]),
}


def _outside_commands(reason: str) -> str:
    return re.sub(r"`[^`]*`", "", reason)


@pytest.mark.parametrize("case", list(_SAYS))
def test_reasons_speak_the_language(tmp_path, monkeypatch, case):
    """A file that cannot be read gets its reason in Chinese by default (JIXIAO_LANG=zh) and in
    English on request — one line naming the file either way, the advice translated too."""
    path = _bad_inputs(tmp_path)[case]
    for lang, words in (("zh", _SAYS[case][0]), ("en", _SAYS[case][1])):
        monkeypatch.setenv("JIXIAO_LANG", lang)
        with pytest.raises(ReadError) as info:
            read_document(path)
        line, reason = str(info.value), info.value.reason
        assert "\n" not in line and line.startswith(f"{path}: ") and path.name in line, line
        for word in words:
            assert word in reason, (lang, line)
        if lang == "zh":
            assert _CJK.search(reason) and not _ENGLISH_SENTENCE.search(_outside_commands(reason)), line
        else:
            assert not _CJK.search(reason) and _ENGLISH_SENTENCE.search(reason), line


def test_the_command_line_says_why_in_the_language_in_force(tmp_path):
    """`jixiao extract` on unreadable files: one 「错误：」 line per file in Chinese, one
    "error: " line in English under JIXIAO_LANG=en."""
    import subprocess
    import sys

    inputs = _bad_inputs(tmp_path)
    names = [str(inputs[case]) for case in ("nul", "empty", "png", "doc", "missing")]
    for lang, prefix in (("zh", "错误："), ("en", "error: ")):
        env = {**os.environ, "JIXIAO_LANG": lang}
        run = subprocess.run([sys.executable, "-m", "assistant.cli", "extract", *names,
                              "-o", str(tmp_path / f"{lang}.jsonl")], capture_output=True, text=True, env=env)
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
        errors = [line for line in run.stderr.splitlines() if line.startswith(prefix)]
        assert len(errors) == len(names), run.stderr
        for name in names:
            line = next(line for line in errors if name in line)
            reason = line[len(prefix) + len(name) + 2:]
            if lang == "zh":
                assert _CJK.search(reason) and not _ENGLISH_SENTENCE.search(_outside_commands(reason)), line
            else:
                assert not _CJK.search(reason) and _ENGLISH_SENTENCE.search(reason), line


def test_a_folder_without_any_report_file_is_said_so(tmp_path):
    """A folder holding no report file (empty, or only other files) is no silent success."""
    import subprocess
    import sys

    folder = tmp_path / "空文件夹"
    folder.mkdir()
    (folder / "说明.json").write_text("{}", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "assistant.cli", "extract", str(folder), "-o",
                          str(tmp_path / "out.jsonl"), "-q"], capture_output=True, text=True,
                         env={**__import__("os").environ, "JIXIAO_LANG": "zh"})
    assert run.returncode == 1 and "Traceback" not in run.stderr
    line = next(x for x in run.stderr.splitlines() if "没有找到报告文件" in x)
    assert str(folder) in line and ".docx" in line


@pytest.mark.parametrize("lang, words", [("zh", "没有可识别的报告表单"), ("en", "no recognisable report form")])
def test_a_text_without_form_or_statement_is_refused_in_the_language_in_force(tmp_path, monkeypatch, lang, words):
    from assistant.extract import extract_path
    from assistant.extract.read import ReadError

    monkeypatch.setenv("JIXIAO_LANG", lang)
    path = tmp_path / "会议通知.txt"
    path.write_text("关于召开年度工作会议的通知\n请各单位于周五上午九时到三楼会议室参会。\n", encoding="utf-8")
    with pytest.raises(ReadError) as err:
        extract_path(path)
    line = str(err.value)
    assert words in line and path.name in line and "\n" not in line
