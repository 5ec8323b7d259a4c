"""Bad inputs: each gives one line naming the file and the reason — a ReadError, never a crash."""
from __future__ import annotations

import os
import random
import zipfile
from pathlib import Path

import pytest

from assistant.extract.read import MAX_BYTES, ReadError, ReadWarning, iter_inputs, read_document
from fixtures_build import (build_docx, build_ole, build_pdf, build_png, build_scanned_pdf,
                            build_xlsx, pdf_bytes)


def refused(path: Path, *words: str) -> str:
    """Assert read_document refuses `path` with one line '<path>: <reason>' holding `words`."""
    with pytest.raises(ReadError) as info:
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


def test_mixed_encodings_decode_line_by_line_with_a_warning(tmp_path):
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


def test_iter_inputs_reports_missing_paths_in_place(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    found = list(iter_inputs([tmp_path / "missing", tmp_path / "a.txt"]))
    assert isinstance(found[0], ReadError)
    assert str(found[0]) == f"{tmp_path / 'missing'}: no such file or directory"
    assert found[1] == tmp_path / "a.txt"


def test_iter_inputs_reports_unlistable_folder(tmp_path):
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


def test_folder_listing_refused_becomes_read_error(tmp_path, monkeypatch):
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


def test_image_only_page_in_a_text_pdf_warns(tmp_path):
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
