"""Review mode's history, séance view and roadmap."""

from __future__ import annotations

from textual.widgets import DataTable

from review_pilot import SIZE, document, open_from_candidates, screen_text, static_text, table_column, wait_until
from seance_tui.ui.reviewer.history import HistoryTable
from seance_tui.ui.reviewer.roadmap import RoadmapScreen
from seance_tui.ui.reviewer.seance import SeanceScreen


# --- history, séance, roadmap --------------------------------------------------------


async def test_history_moves_with_j_k_and_opens_the_seance(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        history = await open_from_candidates(pilot, "zoe")
        table = history.query_one(HistoryTable)
        assert table_column(table) == [f"n° {n}" for n in range(1, 6)]
        assert "Zoé Lefèvre" in static_text(history, "#history-title")
        assert table.cursor_row == 4  # newest last, cursor on it
        await pilot.press("k", "k")
        assert table.cursor_row == 2
        await pilot.press("j")
        assert table.cursor_row == 3
        await pilot.press("up", "down", "down")
        assert table.cursor_row == 4
        await pilot.press("k")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SeanceScreen), "séance view")
        assert (app.screen.candidate_id, app.screen.number) == ("zoe-lefevre", 4)
        assert static_text(app.screen, "#seance-header").splitlines()[0].startswith("Zoé Lefèvre · séance n° 4 · ")
        assert "conseillère en insertion" in document(app)
        await pilot.press("escape")
        assert app.screen is history


async def test_n_and_p_step_through_the_seances(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_from_candidates(pilot, "zoe")
        await pilot.press("k", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SeanceScreen), "séance view")
        screen = app.screen

        def title() -> str:
            return static_text(app.screen, "#seance-header").splitlines()[0]

        assert title().startswith("Zoé Lefèvre · séance n° 4 · ")
        await pilot.press("p")
        await wait_until(pilot, lambda: "n° 3" in title(), "séance 3")
        assert screen.number == 3
        await pilot.press("p", "p")
        await wait_until(pilot, lambda: "n° 1" in title(), "séance 1")
        await pilot.press("p")  # no séance before the first: stays
        await pilot.pause()
        assert screen.number == 1 and "n° 1" in title()
        await pilot.press("n", "n", "n", "n")
        await wait_until(pilot, lambda: "n° 5" in title(), "séance 5")
        await pilot.press("n")
        await pilot.pause()
        assert screen.number == 5
        assert app.screen is screen
        assert "Séance n° 5" in screen_text(app) or "séance n° 5" in screen_text(app)


async def test_roadmap_shows_its_change_history(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        history = await open_from_candidates(pilot, "zoe")
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, RoadmapScreen), "roadmap")
        roadmap = app.screen
        assert "Zoé Lefèvre" in static_text(roadmap, "#roadmap-title")
        objectives = table_column(roadmap.query_one(DataTable))
        row = next(i for i, o in enumerate(objectives) if o.startswith("Enquête métier"))  # cut to its column
        roadmap.query_one(DataTable).move_cursor(row=row)
        await wait_until(pilot, lambda: "conseillère en insertion professionnelle"
                         in static_text(roadmap, "#review-roadmap-detail"), "the row whole under the table")
        changes = static_text(roadmap, "#changes").splitlines()
        assert any("séance n° 2" in line and "ajouté" in line for line in changes)
        assert any(line.startswith("18/11/2026 09:15 · séance n° 4 · Statut de") for line in changes)
        assert "Historique des modifications" in screen_text(app)
        await pilot.press("escape")
        assert app.screen is history
        # r from the séance view too
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SeanceScreen), "séance view")
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, RoadmapScreen), "roadmap from séance")
