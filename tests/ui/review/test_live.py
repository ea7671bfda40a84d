"""Review mode shows what the consultant writes meanwhile."""

from __future__ import annotations

from review_pilot import (
    SIZE, document, open_from_candidates, table_column, wait_for_live_checks, wait_for_text, wait_until, write_notes,
)
from seance_tui.ui.reviewer.history import HistoryTable
from seance_tui.ui.reviewer.roadmap import RoadmapScreen
from seance_tui.ui.reviewer.search import HitList
from seance_tui.ui.reviewer.seance import SeanceScreen


# --- live -------------------------------------------------------------------------------


async def test_a_seance_being_written_shows_its_new_text(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_from_candidates(pilot, "zoe")
        await pilot.press("k", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SeanceScreen), "séance view")
        assert app.screen.number == 4
        assert "hippocampe" not in document(app)

        write_notes(data_dir, "zoe-lefevre", 4, "\n\nElle dessine un hippocampe en parlant de son projet.\n")
        await wait_for_text(pilot, "hippocampe")
        assert app.screen.number == 4

        write_notes(data_dir, "zoe-lefevre", 4, "\nPuis une pieuvre.\n")
        await wait_for_text(pilot, "pieuvre")


async def test_a_seance_changed_while_hidden_is_fresh_when_shown_again(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        history = await open_from_candidates(pilot, "zoe")
        await pilot.press("k", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SeanceScreen), "séance view")
        seance = app.screen
        await pilot.press("r")  # the roadmap covers the séance while the consultant writes
        await wait_until(pilot, lambda: isinstance(app.screen, RoadmapScreen), "roadmap")

        write_notes(data_dir, "zoe-lefevre", 4, "Écrit pendant la relecture : ornithorynque.\n\n", at_start=True)
        await wait_for_live_checks(pilot)  # at least one live check while the séance is hidden
        await pilot.press("escape")
        assert app.screen is seance
        await wait_for_text(pilot, "ornithorynque")

        # and the history under it shows the new first line of the notes
        await pilot.press("escape")
        assert app.screen is history
        await wait_until(
            pilot,
            lambda: table_column(history.query_one(HistoryTable), 4)[3] == "Écrit pendant la relecture : ornithorynque.",
            "history up to date",
            timeout=3.5,
        )


async def test_a_new_seance_appears_in_the_search(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await wait_until(pilot, lambda: app.index_state == "", "index built")
        write_notes(data_dir, "jerome-marchand", 2, "\nIl cite le mot capybara.\n")
        await wait_for_live_checks(pilot)  # the live check refreshes the index
        await pilot.press("slash", *"capybara")
        search = app.screen
        hits = search.query_one(HitList)
        await wait_until(pilot, lambda: hits.option_count == 1, "the new word found", timeout=5)
        assert "Jérôme Marchand" in str(hits.get_option_at_index(0).prompt)
