"""Review app figures: start to first screen and item-move latency on a store of 200 documents.

    .venv/bin/python benchmarks/bench_review.py [--docs 200] [--moves 100] [--db PATH]
    .venv/bin/python benchmarks/bench_review.py --items 65000     # one document that long

The store is generated (tests/report_samples.py); document 1 is a long one (30 projects, 276
items, 13 500 characters) so moving through it also exercises a long source text.

Two measurements:
* terminal — the app runs in its own process on a pseudo-terminal (160×48), as an analyst
  runs it: start is from spawning the process to the documents screen being written; a
  move is from writing the key to the last byte of the frame it causes.
* headless — Textual's run_test in this process; each key is timed until the app is idle
  again (Pilot's own waiting included, so these are upper bounds).
"""
from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))   # report_samples

from assistant.store import Store  # noqa: E402
from report_samples import sample_report  # noqa: E402


def build_long_document(path: Path, items: int) -> float:
    """A store whose first document holds about `items` items (its projects repeated), and
    four short ones."""
    started = time.perf_counter()
    with Store(path) as store:
        report, text = sample_report(0, projects=max(1, round(items / 9)))
        store.add_report(report, text, findings=[])
        for n in range(1, 5):
            report, text = sample_report(n, projects=2)
            store.add_report(report, text, findings=[])
    return time.perf_counter() - started


def build_store(path: Path, docs: int) -> float:
    started = time.perf_counter()
    with Store(path) as store:
        for n in range(docs):
            report, text = sample_report(n, projects=30 if n == 0 else 2)
            store.add_report(report, text, findings=[])
    return time.perf_counter() - started


ROOT = Path(__file__).resolve().parents[1]


class Terminal:
    """The review app in a child process on a pseudo-terminal; timings of what it writes."""

    def __init__(self, db: Path, rows: int = 48, cols: int = 160):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, "-c", f"from assistant.tui.app import ReviewApp; ReviewApp({str(db)!r}).run()"],
            stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, start_new_session=True)
        os.close(slave)
        self.output = b""

    def wait_for(self, text: str, timeout: float = 30) -> float:
        """Seconds until `text` has been written (since the last `send`, or the start)."""
        end, wanted = time.perf_counter() + timeout, text.encode("utf-8")
        while time.perf_counter() < end:
            if select.select([self.master], [], [], 0.05)[0]:
                self.output += os.read(self.master, 1 << 16)
                if wanted in self.output:
                    return time.perf_counter() - self.started
        raise TimeoutError(f"the app never wrote {text!r}")

    def settle(self, quiet: float = 0.3) -> None:
        while select.select([self.master], [], [], quiet)[0]:
            os.read(self.master, 1 << 16)

    def key(self, key: bytes, quiet: float = 0.04) -> float:
        """Seconds from writing `key` to the last byte of the frame it causes."""
        self.settle(0.02)
        self.output, sent = b"", time.perf_counter()
        os.write(self.master, key)
        last = sent
        if select.select([self.master], [], [], 2)[0]:
            while select.select([self.master], [], [], quiet)[0]:
                self.output += os.read(self.master, 1 << 16)
                last = time.perf_counter()
        return last - sent

    def send(self, key: bytes) -> None:
        self.output, self.started = b"", time.perf_counter()
        os.write(self.master, key)

    def close(self) -> None:
        os.write(self.master, b"q")
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        os.close(self.master)


def measure_terminal(path: Path, docs: int, first_items: int, moves: int) -> dict[str, object]:
    term = Terminal(path)
    try:
        figures: dict[str, object] = {"first_screen": term.wait_for(f"共 {docs} 份文档")}
        term.settle()
        term.send(b"\r")
        figures["open_document"] = term.wait_for(f"已审核 0/{first_items}")
        term.settle()
        figures["move"] = [term.key(b"j") for _ in range(moves)]
        figures["move_back"] = [term.key(b"k") for _ in range(moves)]
        figures["decide"] = [term.key(k) for k in (b"a", b"r") * 10]
        figures["undo"] = [term.key(b"u") for _ in range(10)]
        # back to the list (escape; the terminal's escape-key wait is part of what a user feels)
        figures["return"] = term.key(b"\x1b", quiet=0.1)
    finally:
        term.close()
    return figures


async def measure(path: Path, moves: int) -> dict[str, object]:
    started = time.perf_counter()
    from assistant.tui.app import ReviewApp
    from assistant.tui.screens.document import DocumentScreen
    from assistant.tui.screens.documents import DocumentsScreen
    imported = time.perf_counter()
    app = ReviewApp(path, export_dir=path.parent)
    figures: dict[str, object] = {"import": imported - started}
    async with app.run_test(size=(160, 48)) as pilot:
        while not (isinstance(app.screen, DocumentsScreen) and app.screen.query_one("#documents").row_count):
            await pilot.pause()
        figures["first_screen"] = time.perf_counter() - imported
        figures["documents"] = app.screen.query_one("#documents").row_count
        # the rest of the list is read in the background, then the heap settled once
        # (lexicon.settle_heap): the keys below are timed after that, as an analyst meets them
        while app.screen.query_one("#documents").row_count < len(app.screen.ids):
            await pilot.pause(0.05)
        await pilot.pause(0.2)

        figures["open_document"] = await _switch(pilot, "enter", DocumentScreen)
        screen = app.screen
        figures["items"] = len(screen.items)
        figures["text_chars"] = len(screen.query_one("#source").text)

        figures["move"] = await _timed(pilot, ["j"] * moves)
        figures["move_back"] = await _timed(pilot, ["k"] * moves)
        figures["next_unreviewed"] = await _timed(pilot, ["n"] * 20)
        figures["decide"] = await _timed(pilot, ["a", "r"] * 10)
        figures["undo"] = await _timed(pilot, ["u"] * 10)

        figures["return"] = await _switch(pilot, "escape", DocumentsScreen)

        app.chat.respond("帮助")                       # load jieba once, outside the timing
        t = time.perf_counter()
        reply = app.chat.respond("列出执行率低于90%的项目")
        figures["chat_answer"] = time.perf_counter() - t
        figures["chat_hits"] = len(reply.hits)
    return figures


async def _switch(pilot, key: str, screen: type) -> float:
    """Seconds from pressing `key` until the app shows a `screen` and is idle."""
    t = time.perf_counter()
    await pilot.press(key)
    while not isinstance(pilot.app.screen, screen):
        await pilot.pause()
    await pilot.pause()
    return time.perf_counter() - t


async def _timed(pilot, keys: list[str]) -> list[float]:
    times = []
    for key in keys:
        t = time.perf_counter()
        await pilot.press(key)
        times.append(time.perf_counter() - t)
    return times


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return (f"median {statistics.median(values) * 1000:6.1f} ms · p95 {p95 * 1000:6.1f} ms · "
            f"max {max(values) * 1000:6.1f} ms  (n={len(values)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--moves", type=int, default=100)
    parser.add_argument("--db", type=Path, help="keep the generated store here (default: a temporary folder)")
    parser.add_argument("--items", type=int, help="instead: a store whose first document holds this many items")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.sqlite"
    if path.exists():
        path.unlink()
    if args.items:
        long_document(path, args.items, args.moves)
        return
    built = build_store(path, args.docs)
    with Store(path) as store:
        documents = store.documents()
    total, first_items = sum(d.total for d in documents), documents[0].total
    print(f"store: {args.docs} documents, {total} items, built in {built:.2f} s ({path.stat().st_size / 1e6:.1f} MB)")

    figures = measure_terminal(path, args.docs, first_items, args.moves)
    print("\n-- terminal (own process on a pty, 160×48) --")
    print(f"process start → documents screen written: {figures['first_screen'] * 1000:7.0f} ms")
    print(f"enter → document screen ({first_items} items):   {figures['open_document'] * 1000:7.0f} ms")
    for name, label in (("move", "move down (j)"), ("move_back", "move up (k)"),
                        ("decide", "accept/reject (a/r)"), ("undo", "undo (u)")):
        print(f"{label:<22} {_ms(figures[name])}")
    print(f"escape → documents list redrawn:         {figures['return'] * 1000:7.0f} ms")

    figures = asyncio.run(measure(path, args.moves))
    print("\n-- headless (Textual run_test in this process; Pilot waits for idle after each key) --")
    print(f"import assistant.tui.app:            {figures['import'] * 1000:7.0f} ms")
    print(f"app start → documents screen ({figures['documents']} rows): {figures['first_screen'] * 1000:7.0f} ms")
    print(f"open document ({figures['items']} items, {figures['text_chars']} chars): "
          f"{figures['open_document'] * 1000:7.0f} ms")
    for name, label in (("move", "move down (j)"), ("move_back", "move up (k)"),
                        ("next_unreviewed", "next unreviewed (n)"), ("decide", "accept/reject (a/r)"),
                        ("undo", "undo (u)")):
        print(f"{label:<22} {_ms(figures[name])}")
    print(f"escape → documents screen, idle:     {figures['return'] * 1000:7.0f} ms")
    print(f"chat 列出执行率低于90%的项目 ({figures['chat_hits']} hits): {figures['chat_answer'] * 1000:.1f} ms")


def long_document(path: Path, items: int, moves: int) -> None:
    built = build_long_document(path, items)
    with Store(path) as store:
        documents = store.documents()
    first = documents[0].total
    print(f"store: one document of {first} items and {len(documents) - 1} short ones "
          f"({path.stat().st_size / 1e6:.1f} MB), built in {built:.1f} s")
    term = Terminal(path)
    try:
        term.wait_for(f"共 {len(documents)} 份文档")
        term.settle()
        term.send(b"\r")
        opened = term.wait_for(f"已审核 0/{first}", timeout=300)
        term.settle()
        move = [term.key(b"j") for _ in range(min(moves, 40))]
        decide = [term.key(k) for k in (b"a", b"r") * 10]
        undo = [term.key(b"u") for _ in range(10)]
    finally:
        term.close()
    print("\n-- terminal (own process on a pty, 160×48) --")
    print(f"enter → document screen ({first} items): {opened * 1000:7.0f} ms")
    for values, label in ((move, "move down (j)"), (decide, "accept/reject (a/r)"), (undo, "undo (u)")):
        print(f"{label:<22} {_ms(values)}")


if __name__ == "__main__":
    main()
