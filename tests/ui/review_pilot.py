"""Helpers shared by review mode's Pilot tests (tests/ui/review/): the app on a
fixed clock, reading tables and the séance view, walking between screens.

The screen reading and the typing are the workspace's own (seance_pilot), so
both apps' tests see and type the same way: every key queued at once, as a
fast typist sends them.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from seance_pilot import screen_text, type_text, wait_until  # noqa: F401  (re-exported for the review tests)
from seance_tui.services.review import Review
from seance_tui.storage.store import WritableStore
from seance_tui.ui.reviewer.app import ReviewApp
from seance_tui.ui.reviewer.candidates import CandidatesScreen
from seance_tui.ui.reviewer.history import HistoryScreen

NOW = datetime(2026, 11, 26, 10, 0)
WHO = "relecteur@poste"
SIZE = (100, 30)
BY_LAST_SEANCE = ["Amélie Dubœuf", "Hélène Chaussée", "Jérôme Marchand", "François Nguyễn", "Zoé Lefèvre"]
BY_NAME = ["Amélie Dubœuf", "François Nguyễn", "Hélène Chaussée", "Jérôme Marchand", "Zoé Lefèvre"]


def make_review_app(data_dir: Path, cache_dir: Path, reviews: list[Review]) -> ReviewApp:
    review = Review(data_dir, cache_dir, clock=lambda: NOW)
    reviews.append(review)
    app = ReviewApp(review, who=WHO)
    app.animation_level = "none"
    return app


def snapshot(root: Path) -> dict[str, tuple]:
    """Every path under root, with each file's bytes and mtime_ns and each folder's mtime_ns."""
    shot = {}
    for path in [root, *root.rglob("*")]:
        st = path.stat()
        shot[str(path.relative_to(root))] = (None if path.is_dir() else path.read_bytes(), st.st_mtime_ns)
    return shot


def static_text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def table_column(table: DataTable, column: int = 0) -> list[str]:
    return [table.get_row_at(row)[column].plain for row in range(table.row_count)]


def document(app: ReviewApp) -> str:
    """The Markdown source the séance view shows."""
    return app.screen.document.source


async def back_to_candidates(pilot: Pilot) -> CandidatesScreen:
    app = pilot.app
    while not isinstance(app.screen, CandidatesScreen):
        await app.pop_screen()
        await pilot.pause()
    return app.screen


async def push(pilot: Pilot, screen):
    await pilot.app.push_screen(screen)
    await pilot.pause()
    return screen


async def open_from_candidates(pilot: Pilot, filter_text: str) -> HistoryScreen:
    """Type in the filter, Enter to reach the list, Enter to open the first match."""
    screen = await back_to_candidates(pilot)
    screen.query_one("#review-filter", Input).focus()
    await type_text(pilot, filter_text)
    await pilot.press("enter", "enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, HistoryScreen), "history open")
    return pilot.app.screen


async def wait_for_text(pilot: Pilot, text: str) -> None:
    """Up to ~3 s of real time for the séance view to show text (the promise is 2 s; this is only a bound)."""
    await wait_until(pilot, lambda: text in document(pilot.app), f"{text!r} shown", timeout=3.5)


def write_notes(data_dir: Path, candidate_id: str, number: int, added: str, at_start: bool = False) -> None:
    """What the consultant's workspace does: change the notes under the lock and save."""
    with WritableStore(data_dir).open_for_writing(candidate_id) as writer:
        record = writer.record
        seance = record.seance(number)
        seance.notes = added + seance.notes if at_start else seance.notes + added
        writer.save(record)


async def wait_for_live_checks(pilot: Pilot, checks: int = 1, timeout: float = 5.0) -> None:
    """Waits until ``checks`` live checks (the app's 1 s tick: the files' stamps
    read, the shown screen and then the index brought up to date) have reached
    the screen from now on, and every live check has then finished: a bound,
    never a pace."""
    app = pilot.app
    seen = 0
    real_reload = app._reload_screen  # what only the live check calls, once per tick

    async def counting_reload(*args, **kwargs):
        nonlocal seen
        await real_reload(*args, **kwargs)
        seen += 1

    app._reload_screen = counting_reload
    try:
        await wait_until(pilot, lambda: seen >= checks, f"{checks} live check(s)", timeout=timeout)
        await wait_until(
            pilot, lambda: all(w.is_finished for w in app.workers if w.group == "live"), "live checks finished",
            timeout=timeout,
        )
    finally:
        del app._reload_screen  # the instance attribute goes; the class's method shows again
