"""Where batch results go: JSON Lines (one document per line) or Parquet tables.

Both writers are resumable.  Opened with `append=True` they first read back what an earlier
run left — the (path, sha256) of every document already written — and repair it: a JSON
Lines file loses a last line cut short by a crash; a Parquet folder loses the part files
that never got their footer.  `seen()` hands those pairs to the batch, which skips the
documents instead of writing them again.

JSON Lines: `report.to_dict()` as compact JSON (orjson: UTF-8, no spaces between items) per
line, each line written whole and flushed before the next document, so a crash loses nothing
already reported.

Parquet: a folder with one table per subfolder — documents/, projects/, indicators/,
statements/, findings/ (核查发现, `figures` as a JSON object) — each a set of part files read together by DuckDB
(`read_parquet('OUT/indicators/*.parquet')`) or pandas (`pd.read_parquet('OUT/indicators')`).
Rows are buffered and written in row groups; a part file is closed (footer written, renamed
from .tmp into place) every `part_docs` documents, which is the unit a crash can lose.  The
documents part is renamed last: it marks the part complete, and parts of the other tables
without their documents part are removed on resume.
"""
from __future__ import annotations

import json
import os
import re
import sys
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

import orjson

from assistant.model import Report

FORMATS = ("jsonl", "parquet")
TABLES = ("documents", "projects", "indicators", "statements", "findings")
_SHA_FIELD = re.compile(r'"sha256": ?"([0-9a-f]*)"')            # (older outputs: a space after
_PATH_FIELD = re.compile(r'"path": ?("(?:[^"\\]|\\.)*")')       # the colon)


def report_line(report: Report) -> str:
    """The JSON Lines form of a report (without the newline).

    orjson writes it in a third of the time json.dumps takes over Chinese text (5% of a
    batch).  What orjson refuses (a lone surrogate from a broken file, an integer past 64
    bits) json writes, in the same compact form."""
    data = report.to_dict()
    try:
        return orjson.dumps(data).decode("utf-8")
    except (orjson.JSONEncodeError, UnicodeDecodeError):
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def report_rows(report: Report, size: int = 0) -> dict[str, list[dict[str, Any]]]:
    """The rows a report adds to each Parquet table."""
    key = {"sha256": report.sha256, "path": report.path, "doc": report.doc}
    projects, indicators, statements = [], [], []
    for p_ord, p in enumerate(report.projects):
        b = p.budget
        projects.append({
            **key, "ordinal": p_ord, "name": p.name, "form": p.form, "grade": p.grade,
            "total_score": p.total_score,
            "initial": b.initial if b else None, "adjusted": b.adjusted if b else None,
            "executed": b.executed if b else None, "rate": b.rate if b else None,
            "budget_unit": b.unit if b else "", "budget_reason": b.reason if b else "",
            "start": p.start, "end": p.end,
        })
        for i_ord, i in enumerate(p.indicators):
            indicators.append({
                **key, "project": p.name, "project_ordinal": p_ord, "ordinal": i_ord,
                "level1": i.level1, "level2": i.level2, "name": i.name, "target": i.target,
                "actual": i.actual, "weight": i.weight, "score": i.score, "reason": i.reason,
                "category": i.category, "as_printed": i.as_printed,
                "target_midterm": i.target_midterm, "confidence": i.confidence,
                "evidence": i.evidence, "start": i.start, "end": i.end,
            })
    for s_ord, s in enumerate(report.statements):
        statements.append({
            **key, "project": s.project, "ordinal": s_ord, "kind": s.kind, "text": s.text,
            "themes": list(s.themes), "source": s.source, "cue": s.cue,
            "start": s.start, "end": s.end,
        })
    findings = [{**key, "project": f.project, "ordinal": f_ord, "id": f.id, "kind": f.kind,
                 "message": f.message, "indicator": f.indicator, "themes": list(f.themes),
                 "figures": json.dumps(f.figures, ensure_ascii=False), "start": f.start, "end": f.end}
                for f_ord, f in enumerate(report.findings)]
    document = {**key, "size": size, "projects": len(projects), "indicators": len(indicators),
                "statements": len(statements), "warnings": list(report.warnings)}
    return {"documents": [document], "projects": projects, "indicators": indicators,
            "statements": statements, "findings": findings}


def open_sink(fmt: str, output: Path | None, *, append: bool = False) -> "JsonlSink | ParquetSink":
    """A writer for `fmt` at `output` (JSON Lines: None is stdout; Parquet needs a folder)."""
    if fmt == "jsonl":
        return JsonlSink(output, append=append)
    if fmt == "parquet":
        if output is None:
            raise ValueError("--format parquet needs -o FOLDER")
        return ParquetSink(output, append=append)
    raise ValueError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")


class JsonlSink:
    """JSON Lines, one complete line per document, flushed as written."""

    def __init__(self, path: Path | None, *, append: bool = False):
        self.path = path
        self._seen: set[tuple[str, str]] = set()
        if path is None:
            self._fh: TextIO = sys.stdout
            return
        if append and path.exists():
            self._seen = _repair_jsonl(path)
        self._fh = open(path, "a" if append else "w", encoding="utf-8")

    def seen(self) -> set[tuple[str, str]]:
        return self._seen

    def write(self, line: str) -> None:
        self._fh.write(line + "\n")
        self._fh.flush()

    def close(self) -> None:
        if self.path is not None:
            self._fh.close()


class ParquetSink:
    """Four Parquet tables in a folder, written in row groups, rolled into part files."""

    def __init__(self, folder: Path, *, append: bool = False, group_docs: int = 256,
                 part_docs: int = 2048):
        import pyarrow.parquet  # noqa: F401  (fail here, not half-way, when it is missing)

        self.folder = Path(folder)
        self.group_docs, self.part_docs = group_docs, part_docs
        self._run = uuid.uuid4().hex[:8]
        self._part = 0
        self._writers: dict[str, Any] = {}
        self._rows: dict[str, list[dict]] = {t: [] for t in TABLES}
        self._docs_in_group = self._docs_in_part = 0
        for table in TABLES:
            (self.folder / table).mkdir(parents=True, exist_ok=True)
        self._seen = _repair_parquet(self.folder) if append else _clear_parquet(self.folder)

    def seen(self) -> set[tuple[str, str]]:
        return self._seen

    def write(self, rows: dict[str, list[dict]]) -> None:
        for table in TABLES:
            self._rows[table].extend(rows.get(table, ()))
        self._docs_in_group += 1
        self._docs_in_part += 1
        if self._docs_in_group >= self.group_docs:
            self._flush_group()
        if self._docs_in_part >= self.part_docs:
            self._close_part()

    def close(self) -> None:
        self._flush_group()
        self._close_part()

    def _flush_group(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._docs_in_group:
            return
        for table in TABLES:
            if table not in self._writers:
                self._writers[table] = pq.ParquetWriter(
                    self._part_path(table, tmp=True), table_schemas()[table], compression="zstd")
            self._writers[table].write_table(
                pa.Table.from_pylist(self._rows[table], schema=table_schemas()[table]))
            self._rows[table] = []
        self._docs_in_group = 0

    def _close_part(self) -> None:
        if not self._writers:
            return
        for table in TABLES:
            self._writers.pop(table).close()
        for table in TABLES[1:] + TABLES[:1]:          # documents last: it marks the part done
            os.replace(self._part_path(table, tmp=True), self._part_path(table))
        self._part += 1
        self._docs_in_part = 0

    def _part_path(self, table: str, *, tmp: bool = False) -> Path:
        name = f"part-{self._run}-{self._part:05d}.parquet"
        return self.folder / table / (name + ".tmp" if tmp else name)


@lru_cache(maxsize=1)
def table_schemas() -> dict[str, Any]:
    """The Parquet schema of each table (explicit, so every part file agrees)."""
    import pyarrow as pa

    s, f, i, i64 = pa.string(), pa.float64(), pa.int32(), pa.int64()
    key = [("sha256", s), ("path", s), ("doc", s)]
    span = [("start", i64), ("end", i64)]
    return {
        "documents": pa.schema(key + [("size", i64), ("projects", i), ("indicators", i),
                                      ("statements", i), ("warnings", pa.list_(s))]),
        "projects": pa.schema(key + [("ordinal", i), ("name", s), ("form", s), ("grade", s),
                                     ("total_score", f), ("initial", f), ("adjusted", f),
                                     ("executed", f), ("rate", f), ("budget_unit", s),
                                     ("budget_reason", s)] + span),
        "indicators": pa.schema(key + [("project", s), ("project_ordinal", i), ("ordinal", i),
                                       ("level1", s), ("level2", s), ("name", s), ("target", s),
                                       ("actual", s), ("weight", f), ("score", f), ("reason", s),
                                       ("category", s), ("as_printed", s), ("target_midterm", s),
                                       ("confidence", f), ("evidence", s)] + span),
        "statements": pa.schema(key + [("project", s), ("ordinal", i), ("kind", s), ("text", s),
                                       ("themes", pa.list_(s)), ("source", s), ("cue", s)] + span),
        "findings": pa.schema(key + [("project", s), ("ordinal", i), ("id", s), ("kind", s),
                                     ("message", s), ("indicator", s), ("themes", pa.list_(s)),
                                     ("figures", s)] + span),
    }


# ---------------------------------------------------------------------------- helpers

def _repair_jsonl(path: Path) -> set[tuple[str, str]]:
    """Cut a last line left unfinished by a crash; return the (path, sha256) of the rest."""
    seen: set[tuple[str, str]] = set()
    good = 0
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            pair = _line_key(raw.decode("utf-8", errors="replace"))
            if pair is None:            # a damaged line: keep the file, ignore the line
                good += len(raw)
                continue
            seen.add(pair)
            good += len(raw)
    if good < path.stat().st_size:
        with open(path, "r+b") as fh:
            fh.truncate(good)
    return seen


def _line_key(line: str) -> tuple[str, str] | None:
    # The top-level keys come first (doc, path, sha256), so the first matches are theirs;
    # a quote inside any string value is escaped and cannot match.  Parsing every line of
    # a large output just for two fields would be the slow part of a resume.
    sha, path = _SHA_FIELD.search(line), _PATH_FIELD.search(line)
    if sha and path:
        return json.loads(path.group(1)), sha.group(1)
    try:
        data = json.loads(line)
        return data["path"], data["sha256"]
    except (ValueError, KeyError, TypeError):
        return None


def _repair_parquet(folder: Path) -> set[tuple[str, str]]:
    """Drop unfinished parts; return the (path, sha256) of the documents already written."""
    import pyarrow.parquet as pq

    done = {p.name for p in (folder / "documents").glob("part-*.parquet")}
    for table in TABLES:
        for part in (folder / table).glob("part-*.parquet*"):
            if part.suffix == ".tmp" or part.name not in done:
                part.unlink()
    seen: set[tuple[str, str]] = set()
    for name in sorted(done):
        cols = pq.read_table(folder / "documents" / name, columns=["path", "sha256"]).to_pydict()
        seen.update(zip(cols["path"], cols["sha256"]))
    return seen


def _clear_parquet(folder: Path) -> set[tuple[str, str]]:
    """A fresh (not appending) run replaces the part files an earlier run wrote."""
    for table in TABLES:
        for part in (folder / table).glob("part-*.parquet*"):
            part.unlink()
    return set()
