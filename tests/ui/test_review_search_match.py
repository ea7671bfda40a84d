"""A search opens the séance view at the block it matched, by the search's
own rule (search/highlight.py), not a looser one of the view's."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.widgets import MarkdownViewer
from textual.widgets.markdown import MarkdownBlock

from seance_tui.domain.text import fold
from seance_tui.services.review import Review
from seance_tui.ui.reviewer.app import ReviewApp
from seance_tui.ui.reviewer.search import HitList, SearchScreen
from seance_tui.ui.reviewer.seance import SeanceScreen
from seance_pilot import screen_text, type_text, wait_until

NOW = datetime(2026, 11, 26, 10, 0)


def matched_blocks(app) -> list[MarkdownBlock]:
    return list(app.screen.query_one(MarkdownViewer).query(".-search-match"))


async def test_searching_l_entretien_opens_at_the_block_holding_it(data_dir: Path, tmp_path: Path):
    """Zoé's séance 3 has "l'intersession" in a heading before "L'entretien avec…":
    keeping only the term's first word ("l") opened at the first block with a word in l."""
    review = Review(data_dir, tmp_path / "cache", clock=lambda: NOW)
    app = ReviewApp(review, who="relecteur@poste")
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("slash")
            await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen), "search")
            hits = app.screen.query_one(HitList)
            await type_text(pilot, "l'entretien")
            await wait_until(pilot, lambda: hits.option_count == 3, "three hits")
            await pilot.press("enter")
            await wait_until(pilot, lambda: app.focused is hits, "focus on the hits")
            for _ in range(hits.option_count):
                if "Zoé" in str(hits.get_option_at_index(hits.highlighted).prompt):
                    break
                await pilot.press("down")
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, SeanceScreen) and matched_blocks(app), "match")
            assert (app.screen.candidate_id, app.screen.number) == ("zoe-lefevre", 3)
            (block,) = matched_blocks(app)
            assert "l'entretien avec la conseillere" in fold(block.source)
            # opened there: the block is the first thing the viewer shows
            viewer = app.screen.query_one(MarkdownViewer)
            await wait_until(pilot, lambda: viewer.document.scroll_y > 0 or viewer.scroll_y > 0, "scrolled")
            assert block.region.y <= viewer.region.y + 1, (block.region, viewer.region)
            assert "L'entretien avec la conseillère" in screen_text(app)
    finally:
        review.close()
