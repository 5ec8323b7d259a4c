"""Draw the review screen as an SVG for the README (Textual's own export).

    .venv/bin/python docs/make_screenshot.py        # writes docs/review.svg

The store is generated from the project's sample reports (tests/report_samples.py), so the
picture shows only text written for this project.
"""
from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))          # report_samples: generated test data

from assistant.store import Store  # noqa: E402
from report_samples import sample_report  # noqa: E402
from assistant.tui.app import ReviewApp  # noqa: E402


async def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.sqlite"
        with Store(db) as store:
            for n in range(3):
                report, text = sample_report(n)
                store.add_report(report, text)
        app = ReviewApp(db, export_dir=Path(tmp))
        async with app.run_test(size=(120, 34)) as pilot:
            await pilot.press("enter")            # the first document
            await pilot.pause()
            await pilot.press("j", "j", "a")      # move, accept
            await pilot.pause()
            out.write_text(app.export_screenshot(title="绩效评价助手 · 审核"), encoding="utf-8")


if __name__ == "__main__":
    target = ROOT / "docs" / "review.svg"
    asyncio.run(main(target))
    print(f"已写出 {target}")
