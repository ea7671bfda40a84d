"""A search opens the séance view at the block it matched, by the search's
own rule (search/highlight.py), not a looser one of the view's, and shows the
words it matched highlighted (reverse video, legible without colour)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from seance_tui.domain.text import fold
from seance_tui.services.review import Review
from seance_tui.storage.store import WritableStore
from seance_tui.ui.reviewer.app import ReviewApp
from seance_tui.ui.reviewer.search import HitList, SearchScreen
from seance_tui.ui.reviewer.seance import SeanceScreen
from seance_pilot import screen_text, type_text, wait_until

NOW = datetime(2026, 11, 26, 10, 0)


def matched_blocks(app) -> list[str]:
    """The text of the block the view opened at (a bar beside it), if any."""
    document = app.screen.document
    return [] if document.matched is None else [document.blocks[document.matched].text]


def at_top(app) -> bool:
    """The matched block's first line is the first line the view shows."""
    document = app.screen.document
    return document.matched is not None and document.block_y[document.matched] == int(document.scroll_y)


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
            assert "l'entretien avec la conseillere" in fold(block)
            # opened there: the block is the first thing the viewer shows
            await wait_until(pilot, lambda: app.screen.document.scroll_y > 0, "scrolled")
            assert at_top(app)
            document = app.screen.document.region
            first = screen_text(app).splitlines()[document.y][document.x :]
            assert first.lstrip(" ▌").startswith("L'entretien avec"), first
            assert "L'entretien avec la conseillère" in screen_text(app)
    finally:
        review.close()


def highlighted(app) -> list[str]:
    """The runs of highlighted text the séance view shows (reverse video), as read on the screen."""
    area = app.screen.document.scrollable_content_region
    lines = screen_text(app).splitlines()
    runs: list[str] = []
    for y in range(area.y, area.bottom):
        run = ""
        for x in range(area.x, area.right):
            if app.screen.get_style_at(x, y).reverse:
                run += lines[y][x]
            elif run:
                runs.append(run)
                run = ""
        if run:
            runs.append(run)
    return runs


async def open_hit(pilot, app, query: str, candidate: str) -> None:
    await pilot.press("slash")
    await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen), "search")
    hits = app.screen.query_one(HitList)
    await type_text(pilot, query)
    await pilot.press("enter")
    await wait_until(pilot, lambda: app.focused is hits and hits.option_count > 0, "hits")
    for _ in range(hits.option_count):
        if candidate in str(hits.get_option_at_index(hits.highlighted).prompt):
            break
        await pilot.press("down")
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(app.screen, SeanceScreen) and matched_blocks(app), "match")
    await wait_until(pilot, lambda: highlighted(app), "highlight shown")


# The same words typed with a typographic apostrophe, in capitals, with a stray accent.
@pytest.mark.parametrize("query", ["l'entretien", "L’ENTRETIEN", "l'Éntretien"])
@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_matched_words_are_highlighted_where_the_view_opens(data_dir: Path, tmp_path: Path, query, size):
    review = Review(data_dir, tmp_path / "cache", clock=lambda: NOW)
    app = ReviewApp(review, who="relecteur@poste")
    try:
        async with app.run_test(size=size) as pilot:
            await open_hit(pilot, app, query, "Zoé")
            assert (app.screen.candidate_id, app.screen.number) == ("zoe-lefevre", 3)
            viewer = app.screen.document
            assert len(matched_blocks(app)) == 1 and at_top(app)
            # The phrase, as written, and nothing else: not "l'intersession"
            # in the heading above it, nor any other word starting with l.
            marks = highlighted(app)
            assert "L'entretien" in marks, marks
            assert {fold(mark) for mark in marks} == {"l'entretien"}, marks
            left = viewer.region.x  # right of the table of contents, when shown
            row = next(line for line in screen_text(app).splitlines() if "L'entretien avec la conseillère" in line)
            assert row[left:].lstrip(" ▌").startswith("L'entretien"), row  # ▌: the bar beside the block
    finally:
        review.close()


async def test_the_highlight_stays_when_the_file_changes_and_the_place_is_kept(data_dir: Path, tmp_path: Path):
    """A live reload (the consultant writing) highlights the words again without
    moving the reader back to the match."""
    review = Review(data_dir, tmp_path / "cache", clock=lambda: NOW)
    app = ReviewApp(review, who="relecteur@poste")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await open_hit(pilot, app, "conseillère", "Zoé")
            viewer = app.screen.document
            await pilot.press("j", "j", "j")
            await wait_until(pilot, lambda: viewer.scroll_y > 0, "scrolled")
            place = viewer.scroll_y
            number = app.screen.number
            with WritableStore(data_dir).open_for_writing("zoe-lefevre") as writer:
                record = writer.record
                record.seance(number).notes += "\n\nAjout : ornithorynque et conseillère.\n"
                writer.save(record)

            def added():  # the new paragraph's block, once shown
                return next((i for i, b in enumerate(viewer.blocks) if "ornithorynque" in b.text), None)

            await wait_until(pilot, lambda: added() is not None, "reloaded", timeout=5)
            await pilot.pause()
            assert viewer.scroll_y == place  # not moved back to the match
            viewer.scroll_to_block(added())
            await wait_until(pilot, lambda: "ornithorynque" in screen_text(app), "the new paragraph shown")
            line = next(line for line in screen_text(app).splitlines() if "ornithorynque" in line)
            await wait_until(pilot, lambda: "conseillère" in highlighted(app), "highlighted again")
            assert line.strip().startswith("Ajout : ornithorynque et conseillère"), line
    finally:
        review.close()
