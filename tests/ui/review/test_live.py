"""Review mode shows what the consultant writes meanwhile."""

from __future__ import annotations

import asyncio

from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

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


# --- a séance written faster than review renders it (issue 14) --------------------------------


class SlowSeanceView(Screen):
    """Stands in for the séance view of a long séance, whose render takes
    longer than the live tick: each reload reads the file, then waits for the
    test to give it a turn (as the render waits on the machine), then shows
    what it read. Only the app's reload logic is under test here."""

    def __init__(self, candidate_id: str, number: int) -> None:
        super().__init__()
        self.candidate_id = candidate_id
        self.number = number
        self.stamp = None
        self.turns = asyncio.Semaphore(0)
        self.reloads_started = 0
        self.reloads_done = 0

    def compose(self):
        yield Static(id="shown")

    async def on_mount(self) -> None:
        self.turns.release()  # the first load is not held
        await self.reload()

    async def reload(self) -> None:
        record, stamp = self.app.review.load(self.candidate_id)
        self.reloads_started += 1
        await self.turns.acquire()
        self.query_one("#shown", Static).update(Content(record.seance(self.number).notes))
        self.stamp = stamp
        self.reloads_done += 1


async def test_a_seance_written_during_a_slow_render_shows_its_latest_text_next(make_app, data_dir):
    """Before, every tick that found the file changed started one more reload:
    they queued behind the slow one, each showing the file as it was when it
    started, so the view fell further behind for as long as typing went on."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = SlowSeanceView("zoe-lefevre", 4)
        await app.push_screen(view)
        await wait_until(pilot, lambda: view.reloads_done == 1, "first load")
        ticks = 0
        real_stamps = app.review.store.stamps

        def counting_stamps():
            nonlocal ticks
            ticks += 1
            return real_stamps()

        app.review.store.stamps = counting_stamps  # called once per live tick

        async def wait_ticks(count: int) -> None:
            until = ticks + count
            await wait_until(pilot, lambda: ticks >= until, f"{count} live ticks", timeout=10)

        shown = lambda: str(view.query_one("#shown", Static).render())  # noqa: E731
        write_notes(data_dir, "zoe-lefevre", 4, "Premier mot : albatros.\n", at_start=True)
        await wait_until(pilot, lambda: view.reloads_started == 2, "a reload of the first change", timeout=10)
        write_notes(data_dir, "zoe-lefevre", 4, "Deuxième mot : belette.\n", at_start=True)
        await wait_ticks(2)
        write_notes(data_dir, "zoe-lefevre", 4, "Troisième mot : gerfaut.\n", at_start=True)
        await wait_ticks(2)

        view.turns.release()  # the render under way ends
        await wait_until(pilot, lambda: view.reloads_done == 2, "the first reload shown")
        assert "albatros" in shown()
        view.turns.release()  # and the next one: the file as it is now, not as it was two ticks ago
        await wait_until(pilot, lambda: view.reloads_done == 3, "the next reload shown")
        assert "gerfaut" in shown() and "belette" in shown()
        view.turns.release()  # nothing older may come after it
        await wait_ticks(2)
        assert "gerfaut" in shown()
