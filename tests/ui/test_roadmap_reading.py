"""The feuille de route can be read (issue 13 §3–4): the table keeps its
Statut column on screen whatever the length of the texts and the deadline,
the selected row is shown whole under it, and presentation mode wraps every
row so that the candidate reads every word, with the phases and where the
candidate stands, and no consultant key in the footer."""

from __future__ import annotations

import pytest

from long_roadmap import MEANS, OBJECTIVE_SHOWN, SHORT, add_long_roadmap_candidate, as_prose, region_lines
from seance_pilot import open_candidate, screen_text, wait_until

WIDE, NARROW = (160, 48), (80, 24)


@pytest.fixture
def long_candidate(data_dir):
    return add_long_roadmap_candidate(data_dir)


def footer(app) -> str:
    return screen_text(app).rstrip("\n").split("\n")[-1]


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
async def test_status_stays_and_the_selected_row_shows_whole(app, long_candidate, size):
    async with app.run_test(size=size) as pilot:
        await open_candidate(pilot, "lucie")
        await pilot.press("f5")
        pane = pilot.app.screen.query_one("#roadmap-pane")
        await wait_until(pilot, lambda: "Objectif" in as_prose(region_lines(pilot.app, pane)), what="roadmap shown")
        lines = region_lines(pilot.app, pane)
        header = next(line for line in lines if "Objectif" in line)
        assert "Délai" in header and "Statut" in header, header
        long_row = next(line for line in lines if line.strip("│ ").startswith("Ouvrir un atelier"))
        assert "01/10/2026" in long_row and "À faire" in long_row, long_row  # overdue, status still there
        assert "…" in long_row  # cut in the table only
        prose = as_prose(lines)
        assert OBJECTIVE_SHOWN in prose, prose  # the selected row whole, markup and ␛ as typed
        assert MEANS in prose, prose
        assert "en retard" in prose

        await pilot.press("down")  # the detail follows the cursor
        await wait_until(pilot, lambda: OBJECTIVE_SHOWN not in as_prose(region_lines(pilot.app, pane)),
                         what="detail of the second row")
        assert f"Objectif : {SHORT}" in as_prose(region_lines(pilot.app, pane))


async def test_presentation_shows_every_word_and_only_its_exit_key_at_80x24(app, long_candidate):
    """The candidate scrolls the wrapped roadmap with ↑/↓ (row by row, as
    written under it), PageUp/PageDown or the mouse wheel."""
    async with app.run_test(size=NARROW) as pilot:
        await open_candidate(pilot, "lucie")
        await pilot.press("f5", "ctrl+t")
        screen = pilot.app.screen
        await wait_until(pilot, lambda: screen.has_class("-presentation"), what="presentation mode")
        await pilot.pause()
        pane = screen.query_one("#roadmap-pane")
        seen: set[str] = set()
        table = screen.query_one("#roadmap-table")
        for row in range(table.row_count):
            if row:
                await pilot.press("down")
                await pilot.pause()
            seen |= set(as_prose(region_lines(pilot.app, pane)).split())
        for text in (OBJECTIVE_SHOWN, MEANS, SHORT):
            missing = [word for word in text.split() if word not in seen]
            assert not missing, missing
        assert "↑ ↓ pour faire défiler" in screen_text(pilot.app)

        shown = footer(pilot.app)
        assert "Quitter la présentation" in shown, shown
        rest = shown.replace("^t Quitter la présentation", "")
        assert not any(ch.isalnum() for ch in rest), shown  # no F-key, no roadmap key, no palette


async def test_presentation_shows_where_the_candidate_stands_and_every_objective_at_80x24(app):
    async with app.run_test(size=NARROW) as pilot:
        await open_candidate(pilot, "amelie")  # in her fifth and last phase
        await pilot.press("f5", "ctrl+t")
        screen = pilot.app.screen
        await wait_until(pilot, lambda: screen.has_class("-presentation"), what="presentation mode")
        await pilot.pause()
        prose = as_prose(screen_text(pilot.app).split("\n"))
        for phase in screen.ws.phases:
            assert phase.label in prose, phase.label
        # In words as well as marks: readable without colour.
        assert "▶ Phase d'accompagnement (en cours)" in prose, prose
        assert "✓ Entretien préliminaire (fait)" in prose, prose
        assert "F3" not in prose and "F5" not in prose  # pane titles without the consultant's keys

        # Her eight objectives and their means, every word, row after row (↓).
        pane, table = screen.query_one("#roadmap-pane"), screen.query_one("#roadmap-table")
        seen = set(as_prose(region_lines(pilot.app, pane)).split())
        for _ in range(table.row_count - 1):
            await pilot.press("down")
            await pilot.pause()
            seen |= set(as_prose(region_lines(pilot.app, pane)).split())
        for item in screen.current.record.roadmap:
            missing = [word for word in f"{item.objective} {item.means}".split() if word not in seen]
            assert not missing, (item.objective, missing)


async def test_presentation_at_160x48_shows_every_row_whole_without_scrolling(app, long_candidate):
    async with app.run_test(size=WIDE) as pilot:
        await open_candidate(pilot, "lucie")
        await pilot.press("f5", "ctrl+t")
        screen = pilot.app.screen
        await wait_until(pilot, lambda: screen.has_class("-presentation"), what="presentation mode")
        await pilot.pause()
        words = set(as_prose(region_lines(pilot.app, screen.query_one("#roadmap-pane"))).split())
        for text in (OBJECTIVE_SHOWN, MEANS, SHORT):
            assert not [word for word in text.split() if word not in words]
        assert footer(pilot.app).strip() == "^t Quitter la présentation", footer(pilot.app)
