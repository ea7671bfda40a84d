"""Review's feuille de route at 80 columns (issue 13 §3): Délai and Statut
stay on screen whatever the length of the texts, and the selected row is
shown whole under the table."""

from __future__ import annotations

from long_roadmap import MEANS, OBJECTIVE_SHOWN, add_long_roadmap_candidate, as_prose
from review_pilot import push, screen_text, wait_until
from seance_tui.ui.reviewer.roadmap import RoadmapScreen


async def test_review_roadmap_keeps_deadline_and_status_at_80_columns(make_app, data_dir):
    candidate = add_long_roadmap_candidate(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, RoadmapScreen(candidate))
        await wait_until(pilot, lambda: "Ouvrir un atelier" in screen_text(app), "roadmap shown")
        lines = screen_text(app).split("\n")
        header = next(line for line in lines if line.strip().startswith("Objectif "))
        assert "Délai" in header and "Statut" in header, header
        long_row = next(line for line in lines if line.strip().startswith("Ouvrir un atelier"))
        assert "01/10/2026" in long_row and "À faire" in long_row, long_row
        prose = as_prose(lines)
        assert OBJECTIVE_SHOWN in prose and MEANS in prose, prose


async def test_review_roadmap_of_the_demo_keeps_its_columns_at_80(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await push(pilot, RoadmapScreen("amelie-duboeuf"))
        await wait_until(pilot, lambda: "Faire un stage" in screen_text(app), "roadmap shown")
        header = next(line for line in screen_text(app).split("\n") if line.strip().startswith("Objectif "))
        assert "Délai" in header and "Statut" in header, header
