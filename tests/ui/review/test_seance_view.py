"""Review's séance view at 80×24 and 160×48 (issue 13, point 7): the séance's
facts in a compact header above its notes, and a narrow table of contents,
hidden below 100 columns and toggled with t."""

from __future__ import annotations

import pytest

from review_pilot import push, screen_text, wait_until
from seance_tui.ui.reviewer.history import HistoryScreen
from seance_tui.ui.reviewer.seance import SeanceScreen

NARROW, WIDE = (80, 24), (160, 48)
FACTS = ["Zoé Lefèvre", "n° 3", "4 novembre 2026", "Phase d'investigation", "9 h 00 – 11 h 30", "2 h 30"]
FIRST_NOTE = "L'entretien avec la conseillère en insertion"


async def open_seance(pilot, candidate_id: str = "zoe-lefevre", number: int = 3) -> SeanceScreen:
    await push(pilot, HistoryScreen(candidate_id))
    screen = await push(pilot, SeanceScreen(candidate_id, number))
    await wait_until(pilot, lambda: "Notes de séance" in screen.document.source, "séance shown")
    await pilot.pause()
    return screen


def contents_width(app) -> int:
    """How many columns the table of contents takes on screen (0: hidden)."""
    contents = app.screen.query_one("#seance-contents")
    return contents.region.width if contents.display else 0


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "160x48"])
async def test_the_facts_fit_in_three_lines_and_the_notes_show_below(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await open_seance(pilot)
        lines = screen_text(app).splitlines()
        # Row 0 is review's own bar (lecture seule, who); the séance's facts come next.
        header = "\n".join(lines[1:4])
        for fact in FACTS:
            assert fact in header, (fact, lines[:6])
        assert "Rubrique" not in screen_text(app)  # no facts table
        notes_row = next(i for i, line in enumerate(lines) if FIRST_NOTE in line)
        assert notes_row <= 8, lines[: notes_row + 1]


async def test_the_contents_list_is_hidden_at_80_columns_and_narrow_when_toggled(make_app):
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await open_seance(pilot)
        assert contents_width(app) == 0
        assert FIRST_NOTE in screen_text(app)

        await pilot.press("t")
        await wait_until(pilot, lambda: contents_width(app) > 0, "contents shown")
        assert contents_width(app) <= NARROW[0] // 4
        lines = screen_text(app).splitlines()
        assert any(line.startswith("▼ Notes de séance") for line in lines), lines
        # the text keeps three quarters of the width
        body = app.screen.document
        assert body.region.x >= contents_width(app) and body.region.width >= NARROW[0] * 3 // 4 - 2

        await pilot.press("t")
        await wait_until(pilot, lambda: contents_width(app) == 0, "contents hidden again")


async def test_the_contents_list_is_shown_at_160_columns_in_24_columns(make_app):
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await open_seance(pilot)
        assert 0 < contents_width(app) <= 24
        text = screen_text(app)
        # its entries are the sections, at the first level (no empty « Ⅱ » above them)
        assert "Prochaines étapes" in text and "Ⅱ" not in text
        assert FIRST_NOTE in text
        await pilot.press("t")
        await wait_until(pilot, lambda: contents_width(app) == 0, "contents hidden")


async def test_a_private_part_is_shown_and_the_header_says_so(make_app):
    """Review is the centre's reading (Audience.CENTRE): the private part is
    there, and the header says the séance holds one before it is scrolled to."""
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_seance(pilot, "zoe-lefevre", 2)
        header = "\n".join(screen_text(app).splitlines()[1:4])
        assert "notes privées affichées" in header, header
        assert "Beaucoup d'émotion en évoquant la boulangère" in screen.document.source
        assert screen.document.source.rstrip().endswith("contient des notes privées")

        await pilot.press("p" if screen.number > 1 else "n")  # séance 1 or 3: none there
        await wait_until(pilot, lambda: screen.number != 2, "another séance")
        await wait_until(pilot, lambda: "notes privées affichées" not in screen_text(app), "no private part")
