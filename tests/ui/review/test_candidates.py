"""Review mode's header and candidate list: badge, sorting, filter, user text as text."""

from __future__ import annotations

import inspect
from datetime import date, datetime

from textual.widgets import Input

from review_pilot import (
    BY_LAST_SEANCE, BY_NAME, SIZE, WHO, open_from_candidates, screen_text, static_text, table_column, type_text,
    wait_until,
)
from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.domain.record import CandidateRecord
from seance_tui.domain.text import fold
from seance_tui.storage.store import WritableStore
from seance_tui.ui import texts
from seance_tui.ui.reviewer.candidates import CandidateTable
from seance_tui.ui.reviewer.header import ReviewHeader
from seance_tui.ui.reviewer.history import HistoryScreen, HistoryTable


# --- header, candidates -----------------------------------------------------------


async def test_header_shows_read_only_badge_and_who(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = app.screen.query_one(ReviewHeader)
        assert texts.READ_ONLY_BADGE == "lecture seule"
        assert "lecture seule" in static_text(header, "#badge")
        assert WHO in static_text(header, "#who")
        top_line = screen_text(app).splitlines()[0]
        assert "lecture seule" in top_line and WHO in top_line
        # the same header on the other screens
        history = await open_from_candidates(pilot, "zoe")
        assert WHO in static_text(history.query_one(ReviewHeader), "#who")
        assert "lecture seule" in screen_text(app).splitlines()[0]


async def test_candidates_sorted_by_last_seance_then_by_name(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(CandidateTable)
        assert table_column(table) == BY_LAST_SEANCE
        assert table_column(table, 4)[:3] == ["24/11/2026"] * 3
        assert table_column(table, 1)[BY_LAST_SEANCE.index("Zoé Lefèvre")] == "Phase d'investigation"
        assert table_column(table, 3)[BY_LAST_SEANCE.index("Zoé Lefèvre")].endswith("20 h")  # hours / budget
        await pilot.press("o")
        assert table_column(table) == BY_NAME
        await pilot.press("o")
        assert table_column(table) == BY_LAST_SEANCE
        text = screen_text(app)
        assert all(name in text for name in BY_NAME)


async def test_filter_as_you_type_ignores_accents_and_case(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.query_one(CandidateTable)
        box = screen.query_one("#review-filter", Input)
        box.focus()
        for typed, expected in [
            ("helene", ["Hélène Chaussée"]),
            ("DUBOEUF", ["Amélie Dubœuf"]),
            ("nguyen", ["François Nguyễn"]),
            ("E", [n for n in BY_LAST_SEANCE if "e" in fold(n)]),
            ("zzz", []),
        ]:
            box.value = ""
            await pilot.pause()
            await type_text(pilot, typed)
            assert table_column(table) == expected, typed
        box.value = ""
        await pilot.pause()
        assert table_column(table) == BY_LAST_SEANCE
        # Enter in the filter goes to the list, Enter there opens the history
        await type_text(pilot, "lefevre")
        await pilot.press("enter")
        assert app.focused is table
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen), "history")
        assert app.screen.candidate_id == "zoe-lefevre"


async def test_user_text_is_shown_literally(make_app, data_dir):
    record = CandidateRecord(
        Candidate(id="balise", name="[bold]Zoé[/]", consultant="[red]x[/red]", funding=FundingRoute.CPF,
                  consent_date=date(2026, 11, 20))
    )
    seance = record.start_seance("preliminaire", datetime(2026, 11, 25, 9, 0), notes="[b]gras ?[/b] $accent\n")
    record.close_seance(seance.number, datetime(2026, 11, 25, 10, 0))
    WritableStore(data_dir).create(record)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(CandidateTable)
        assert "[bold]Zoé[/]" in table_column(table)
        assert "[bold]Zoé[/]" in screen_text(app)
        history = await open_from_candidates(pilot, "[bold]")
        assert history.candidate_id == "balise"
        assert "[bold]Zoé[/]" in static_text(history, "#history-title")
        assert "[b]gras ?[/b] $accent" in table_column(history.query_one(HistoryTable), 4)
        assert "[bold]Zoé[/]" in screen_text(app)


def test_async_helper_keeps_fixtures():
    # run_async must keep the wrapped signature, so that pytest passes fixtures.
    assert list(inspect.signature(test_header_shows_read_only_badge_and_who).parameters) == ["make_app"]
