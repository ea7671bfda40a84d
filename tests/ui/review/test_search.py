"""Review mode's search: hits, Enter, no hit."""

from __future__ import annotations

from textual.widgets import Input

from review_pilot import SIZE, document, screen_text, static_text, type_text, wait_until
from seance_tui.ui.reviewer.search import HitList, SearchScreen
from seance_tui.ui.reviewer.seance import SeanceScreen


# --- search ---------------------------------------------------------------------------


async def test_search_shows_hits_and_opens_the_seance(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        search = app.screen
        assert app.focused is search.query_one("#search-box", Input)
        await type_text(pilot, "manoeuvre")
        hits = search.query_one(HitList)
        await wait_until(pilot, lambda: hits.option_count == 1, "one hit")
        shown = str(hits.get_option_at_index(0).prompt)
        assert "Hélène Chaussée" in shown
        assert "24/11/2026" in shown and "Phase de conclusion" in shown and "n° 6" in shown
        assert "marge de manœuvre" in shown, "the snippet quotes the note as written"
        assert "1 séance(s)" in static_text(search, "#search-status")
        assert "Hélène Chaussée" in screen_text(app)

        await pilot.press("enter")
        await wait_until(pilot, lambda: app.focused is hits, "focus on the hits")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SeanceScreen), "séance view")
        assert (app.screen.candidate_id, app.screen.number) == ("helene-chaussee", 6)
        assert "manœuvre" in document(app)
        await pilot.press("escape")
        assert app.screen is search


async def test_search_enter_right_after_typing_goes_to_the_hits(make_app):
    """A fast typist (or a script) presses Enter before the search has run."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"l'entretien", "enter")
        search = app.screen
        hits = search.query_one(HitList)
        await wait_until(pilot, lambda: app.focused is hits, "focus on the hits")
        names = [str(hits.get_option_at_index(i).prompt).split(" · ")[0] for i in range(hits.option_count)]
        assert names == ["Hélène Chaussée", "Hélène Chaussée", "Zoé Lefèvre"]  # newest first
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SeanceScreen), "séance view")
        assert (app.screen.candidate_id, app.screen.number) == ("helene-chaussee", 5)


async def test_search_without_hits_says_so(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"zzzinconnu")
        search = app.screen
        await wait_until(pilot, lambda: "Aucune séance" in static_text(search, "#search-status"), "no hit")
        await pilot.press("enter")
        # Every worker done (the search, had Enter started one): the focus would have moved by now.
        await wait_until(pilot, lambda: all(w.is_finished for w in app.workers if w.group != "live"), "searched")
        assert app.focused is search.query_one("#search-box", Input)
        assert search.query_one(HitList).option_count == 0
