"""SVG snapshots of review's séance view at 80×24 and 160×48 (issue 13,
point 7): the facts header, the contents list (shown from 100 columns), and a
search's words highlighted where the view opens.

Deterministic: a fresh copy of the demo, review's fixed clock (26/11/2026
10:00), no animation, the 16-colour theme whatever the terminal says, the
search index built before the shot (the header shows its progress until then).
Regenerate after a deliberate change with ``--snapshot-update`` and look at
the SVGs before committing them.
"""

from __future__ import annotations

import pytest

from review_pilot import push, type_text, wait_until
from seance_tui.ui.reviewer.history import HistoryScreen
from seance_tui.ui.reviewer.search import HitList, SearchScreen
from seance_tui.ui.reviewer.seance import SeanceScreen

NARROW, WIDE = (80, 24), (160, 48)


@pytest.fixture
def review_app(make_app, monkeypatch):
    monkeypatch.delenv("COLORTERM", raising=False)  # review's theme follows it
    return make_app()


async def index_ready(pilot) -> None:
    await wait_until(pilot, lambda: pilot.app.index_state == "", "index built", timeout=15)


async def seance_shown(pilot) -> None:
    await wait_until(pilot, lambda: "Notes de séance" in pilot.app.screen.document.source, "séance shown")
    # every block wrapped (the scrollbar's thumb is the whole document's)
    await wait_until(pilot, lambda: pilot.app.screen.document.complete, "document complete")
    await pilot.pause()


def seance(candidate_id: str, number: int):
    async def run_before(pilot) -> None:
        await index_ready(pilot)
        await push(pilot, HistoryScreen(candidate_id))
        await push(pilot, SeanceScreen(candidate_id, number))
        await seance_shown(pilot)

    return run_before


def searched(query: str, candidate: str):
    """run_before: search ``query`` and open ``candidate``'s hit."""

    async def run_before(pilot) -> None:
        app = pilot.app
        await index_ready(pilot)
        await pilot.press("slash")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen), "search")
        hits = app.screen.query_one(HitList)
        await type_text(pilot, query)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.focused is hits and hits.option_count > 0, "hits")
        while candidate not in str(hits.get_option_at_index(hits.highlighted).prompt):
            await pilot.press("down")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SeanceScreen), "séance view")
        await seance_shown(pilot)
        await wait_until(pilot, lambda: app.screen.document.matched is not None, "match shown")
        await pilot.pause()

    return run_before


def test_review_seance_narrow(review_app, snap_compare):
    assert snap_compare(review_app, terminal_size=NARROW, run_before=seance("zoe-lefevre", 3))


def test_review_seance_narrow_contents(review_app, snap_compare):
    async def run_before(pilot) -> None:
        await seance("zoe-lefevre", 3)(pilot)
        await pilot.press("t")
        await pilot.pause()

    assert snap_compare(review_app, terminal_size=NARROW, run_before=run_before)


def test_review_seance_wide(review_app, snap_compare):
    assert snap_compare(review_app, terminal_size=WIDE, run_before=seance("zoe-lefevre", 3))


def test_review_seance_narrow_search_match(review_app, snap_compare):
    assert snap_compare(review_app, terminal_size=NARROW, run_before=searched("l'entretien", "Zoé"))


def test_review_seance_wide_search_match(review_app, snap_compare):
    assert snap_compare(review_app, terminal_size=WIDE, run_before=searched("L’ENTRETIEN", "Zoé"))
