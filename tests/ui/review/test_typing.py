"""Review's two text boxes (the candidate filter and the search) take keys in
typing order and keep a pasted escape visible, like the workspace's forms."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from review_pilot import SIZE, wait_until
from seance_pilot import keys_from_terminal
from seance_tui.ui.reviewer.search import SearchScreen


async def test_search_box_applies_a_backspace_typed_in_a_burst_in_order(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen), "the search screen")
        box = app.screen.query_one("#search-box", Input)
        # « manoevx⌫⌫uvre » in one burst: the two backspaces must remove « vx ».
        await keys_from_terminal(pilot, "manoevx\x7f\x7fuvre")
        await wait_until(pilot, lambda: box.value.endswith("re"), "the burst in the box")
        assert box.value == "manoeuvre"


async def test_a_pasted_escape_stays_visible_in_the_filter(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#review-filter", Input)
        box.focus()
        app.post_message(events.Paste("Zo\x1b[31mé\nLefèvre"))
        await wait_until(pilot, lambda: "Lef" in box.value, "the paste in the filter")
        assert box.value == "Zo␛[31mé Lefèvre"
