"""In a browser, review's badge names the reviewer as typed: markup shown as
text, an escape made visible, never interpreted."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from textual.widgets import Static

from seance_tui.cli.review import browser_badge
from seance_tui.services.review import Review
from seance_tui.ui.reviewer.app import ReviewApp

DEMO = Path(__file__).resolve().parents[2] / "data" / "demo"


def test_the_badge_shows_the_reviewer_name_as_typed(tmp_path):
    shutil.copytree(DEMO, tmp_path / "donnees")
    review = Review(tmp_path / "donnees", tmp_path / "cache")
    app = ReviewApp(review, who="relecture@serveur", badge=browser_badge("Zoé [b]x[/b] [/] \x1b[31mrouge"))
    shown = {}

    async def scenario():
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            shown["badge"] = str(app.screen.query_one("#badge", Static).render())

    try:
        asyncio.run(scenario())
    finally:
        review.close()

    assert shown["badge"].strip() == "lecture seule · navigateur · Zoé [b]x[/b] [/] ␛[31mrouge"


def test_without_a_browser_the_badge_is_the_plain_one(tmp_path):
    shutil.copytree(DEMO, tmp_path / "donnees")
    review = Review(tmp_path / "donnees", tmp_path / "cache")
    try:
        assert ReviewApp(review, who="relecture@serveur").badge == "lecture seule"
    finally:
        review.close()
