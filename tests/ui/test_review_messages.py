"""Review's workers post typed messages (IndexProgress, IndexReady,
IndexFailed, FilesChanged) and the app's handlers show them."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from seance_tui.services.review import Review
from seance_tui.ui import texts
from seance_tui.ui.reviewer.app import FilesChanged, IndexFailed, IndexProgress, IndexReady, ReviewApp
from seance_tui.ui.reviewer.header import ReviewHeader
from seance_pilot import screen_text, wait_until

NOW = datetime(2026, 11, 26, 10, 0)


class RecordingApp(ReviewApp):
    """Keeps each message its workers posted, then handles it as usual."""

    def __init__(self, review: Review) -> None:
        super().__init__(review, who="relecteur@poste")
        self.seen: list = []

    def on_index_progress(self, message: IndexProgress) -> None:
        self.seen.append(message)
        super().on_index_progress(message)

    def on_index_ready(self, message: IndexReady) -> None:
        self.seen.append(message)
        super().on_index_ready(message)

    def on_index_failed(self, message: IndexFailed) -> None:
        self.seen.append(message)
        super().on_index_failed(message)

    def on_files_changed(self, message: FilesChanged) -> None:
        self.seen.append(message)
        super().on_files_changed(message)


def of(app: RecordingApp, kind: type) -> list:
    return [m for m in app.seen if isinstance(m, kind)]


def many_candidates(data_dir: Path, count: int) -> None:
    """count copies of one demo file under new ids: enough for the progress to show."""
    source = data_dir / "candidates" / "zoe-lefevre.json"
    tables = json.loads(source.read_text(encoding="utf-8"))
    for i in range(count):
        for row in tables["candidate"].values():
            row["id"] = f"copie-{i:03d}"
        target = data_dir / "candidates" / f"copie-{i:03d}.json"
        target.write_text(json.dumps(tables, ensure_ascii=False), encoding="utf-8")
        target.chmod(0o600)


async def test_the_index_build_posts_its_progress_then_ready(data_dir: Path, tmp_path: Path):
    many_candidates(data_dir, 55)  # 60 files with the demo's five
    review = Review(data_dir, tmp_path / "cache", clock=lambda: NOW)
    app = RecordingApp(review)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: of(app, IndexReady), "index ready")
            assert [(m.done, m.total) for m in of(app, IndexProgress)] == [
                (10, 60), (25, 60), (35, 60), (50, 60), (60, 60)
            ]
            assert of(app, IndexReady)[0].problems == []
            assert app.index_state == ""
            assert "index de recherche" not in screen_text(app)
            await wait_until(pilot, lambda: of(app, FilesChanged), "a live tick")
            assert set(of(app, FilesChanged)[0].stamps) >= {"zoe-lefevre", "copie-000"}
    finally:
        review.close()


async def test_an_index_that_cannot_be_built_says_so_in_the_header(data_dir: Path, tmp_path: Path):
    review = Review(data_dir, tmp_path / "cache", clock=lambda: NOW)

    def refuse(progress=None):
        raise OSError("disque plein")

    review.build_index = refuse
    app = RecordingApp(review)
    try:
        async with app.run_test(size=(140, 30)) as pilot:
            await wait_until(pilot, lambda: of(app, IndexFailed), "index failed")
            expected = texts.REVIEW_INDEX_UNAVAILABLE.format(error="disque plein")
            await wait_until(pilot, lambda: "disque plein" in screen_text(app), "header")
            assert app.index_state == expected
            assert not of(app, IndexReady)
            assert app.screen.query(ReviewHeader)
    finally:
        review.close()
