"""Review's roadmap screen words the change log as the full history does,
naming each objective as it read on the day of the change."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.widgets import Static

from seance_tui.export.history import full_history
from seance_tui.services.review import Review
from seance_tui.ui.reviewer.app import ReviewApp
from seance_tui.ui.reviewer.roadmap import RoadmapScreen
from seance_pilot import wait_until

NOW = datetime(2026, 11, 26, 10, 0)


async def test_the_roadmap_changes_name_the_objective_as_it_read_then(data_dir: Path, tmp_path: Path):
    review = Review(data_dir, tmp_path / "cache", clock=lambda: NOW)
    app = ReviewApp(review, who="relecteur@poste")
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await app.push_screen(RoadmapScreen("amelie-duboeuf"))
            await wait_until(pilot, lambda: isinstance(app.screen, RoadmapScreen), "roadmap")
            changes = str(app.screen.query_one("#changes", Static).render()).splitlines()
            (added,) = [line for line in changes if line.startswith("20/10/2026 15:40")]
            text = added.split(" · ", 2)[2]
            assert text.startswith("Objectif ajouté : « Obtenir le CAP fleuriste » (moyens")
            assert "session de juin 2027" not in text
            record, _ = review.load("amelie-duboeuf")
            history = full_history(record, review.phases, NOW)
            assert f"20/10/2026 à 15 h 40 — {text}" in history
    finally:
        review.close()
