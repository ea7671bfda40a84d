"""State that reads without colour, at 80×24: ticked boxes say ✓ (and when),
unticked ones ☐, and the header keeps « en pause », « lecture seule » and
« bilan clos » in sight whatever the length of the name."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from textual.widgets import Input

from seance_pilot import load, open_candidate, screen_text, wait_until
from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.domain.record import CandidateRecord
from seance_tui.storage.store import WritableStore
from seance_tui.ui.dialogs.candidate_form import CandidateForm
from test_seance_flow import start_seance

JEROME = "jerome-marchand"  # investigation phase, nothing ticked yet
STEP = "Parcours retracé"
LONG_NAME = "Marie-Amélie de La Tour-Vaillant-Dupont-Aignan"


def header_row(app) -> str:
    return screen_text(app).splitlines()[0]


async def test_checklist_steps_read_ticked_or_not_without_colour(app, data_dir):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_candidate(pilot, "jerome")
        await pilot.press("f3")
        await wait_until(pilot, lambda: f"☐ {STEP}" in screen_text(pilot.app), what="unticked step")
        await pilot.press("space")
        await wait_until(pilot, lambda: "retrospectif" in load(data_dir, JEROME).checklist.get("investigation", {}))
        # Ticked: the glyph and the day it was ticked (the fixed clock's 26/11).
        await wait_until(pilot, lambda: f"✓ {STEP}" in screen_text(pilot.app), what="ticked step")
        assert "▐X▌" not in screen_text(pilot.app)
        ticked = load(data_dir, JEROME).checklist["investigation"]["retrospectif"]
        options = pilot.app.screen.query_one("#checklist")
        assert str(options.get_option_at_index(0).prompt).endswith(f" · {ticked:%d/%m}"), screen_text(pilot.app)


async def test_consent_boxes_read_ticked_or_not_without_colour(app, data_dir):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_candidate(pilot, "jerome")
        await pilot.press("f2", "ctrl+g")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CandidateForm), what="candidate form")
        box = pilot.app.screen.query_one("#keep-documents")
        box.focus()
        await pilot.pause()
        ticked_before = box.value
        line = next(l for l in screen_text(pilot.app).splitlines() if "garder ses documents" in l)
        assert ("✓" if ticked_before else "☐") in line, line
        await pilot.press("space")
        await wait_until(pilot, lambda: box.value is not ticked_before, what="box toggled")
        line = next(l for l in screen_text(pilot.app).splitlines() if "garder ses documents" in l)
        assert ("☐" if ticked_before else "✓") in line, line
        assert "▐X▌" not in screen_text(pilot.app)


@pytest.fixture
def long_named(data_dir):
    """A long name, and the same name with a closed bilan."""
    record = CandidateRecord(Candidate(id="marie-amelie", name=LONG_NAME, consultant="Moi", funding=FundingRoute.CPF))
    WritableStore(data_dir).create(record)
    closed = CandidateRecord(Candidate(id="marie-close", name=LONG_NAME + " Close", consultant="Moi",
                                       funding=FundingRoute.CPF))
    first = closed.start_seance("preliminaire", datetime(2026, 11, 2, 9))
    closed.close_seance(first.number, datetime(2026, 11, 2, 10))
    closed.candidate = replace(closed.candidate, end_date=date(2026, 11, 3))
    WritableStore(data_dir).create(closed)


async def test_header_keeps_pause_and_closed_states_at_80_columns(app, long_named):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_candidate(pilot, "marie-amelie de la tour-vaillant-dupont-aignan")
        await start_seance(pilot)
        await pilot.press("f7")
        await wait_until(pilot, lambda: "en pause" in header_row(pilot.app), what=header_row(pilot.app))
        assert "Marie-Amélie" in header_row(pilot.app) and "…" in header_row(pilot.app)
        await open_candidate(pilot, "close")
        await wait_until(pilot, lambda: "bilan clos" in header_row(pilot.app), what=header_row(pilot.app))
        assert "Marie-Amélie" in header_row(pilot.app)


async def test_input_borders_show_in_16_colours_on_a_black_terminal(app):
    def border_colour() -> int | None:
        _, colour = pilot.app.screen.query_one("#candidate-filter", Input).styles.border_top
        return colour.ansi

    async with app.run_test(size=(80, 24)) as pilot:
        pilot.app.theme = "ansi-dark"  # what review sets when COLORTERM is not sent (SSH)
        await pilot.press("f3")
        await wait_until(pilot, lambda: not isinstance(pilot.app.focused, Input), what="the filter left")
        assert border_colour() not in (None, 0, 4), border_colour()  # not the terminal's black, nor dark blue
        await pilot.press("f2")
        await wait_until(pilot, lambda: isinstance(pilot.app.focused, Input), what="the filter focused")
        assert border_colour() == 15  # bright white: the field being typed in
