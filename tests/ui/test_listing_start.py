"""The workspace's list at start-up (issue 14): from the listing index for the
first frame, verified in a worker; at the very first start (no index) the
reading's progress and the candidates known so far, usable meanwhile.

The demo has 5 candidates, listed before the first frame in the ordinary
case: ``SYNC_LIMIT`` is set to 0 here so that the worker does the listing,
as it does at a centre's 5,000. The worker is held at a chosen file (an
event, never a sleep) to see the screen mid-way.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from seance_pilot import leave_overview, notifications, screen_text, type_text, wait_until
from seance_tui.services import listing
from seance_tui.services.workspace import Workspace
from seance_tui.ui.panes import candidates as candidates_pane


@pytest.fixture(autouse=True)
def listing_in_a_worker(monkeypatch):
    monkeypatch.setattr(candidates_pane, "SYNC_LIMIT", 0)
    monkeypatch.setattr(candidates_pane, "PROGRESS_EVERY", 0.0)
    monkeypatch.setattr(candidates_pane, "FILL_EVERY", 0.0)


def hold_after(monkeypatch, files: int) -> tuple[threading.Event, threading.Event]:
    """The worker stops once ``files`` files are read, until ``go`` is set; ``held`` says it is waiting."""
    held, go = threading.Event(), threading.Event()
    real = listing.verified

    def verified(ws, progress=None):
        def told(done, total, known):
            progress(done, total, known)
            if done == files and not go.is_set():
                held.set()
                assert go.wait(10), "the test never let the worker go on"

        return real(ws, told)

    monkeypatch.setattr(listing, "verified", verified)
    return held, go


def opened(app) -> str | None:
    current = app.screen.current
    return current.record.candidate.name if current else None


def reading(app) -> bool:
    return bool(app.screen.query_one("#candidate-progress").display)


def set_name(data_dir: Path, candidate_id: str, name: str, new_id: str | None = None) -> None:
    """The file changed behind the app's back (another workspace, a restore)."""
    path = data_dir / "candidates" / f"{candidate_id}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["candidate"]["1"]["name"] = name
    if new_id is not None:
        doc["candidate"]["1"]["id"] = new_id
        path = data_dir / "candidates" / f"{new_id}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


async def test_the_first_start_shows_its_progress_and_the_candidates_read_so_far(app, monkeypatch):
    held, go = hold_after(monkeypatch, 2)
    async with app.run_test(size=(160, 48)) as pilot:
        await leave_overview(pilot)  # the workspace opens on the overview: Échap shows the list
        await wait_until(pilot, held.is_set, what="the worker held after two files")
        await wait_until(pilot, lambda: "2 / 5" in screen_text(pilot.app), what="progress")
        assert "Lecture des dossiers…" in screen_text(pilot.app)
        text = screen_text(pilot.app)
        assert "Amélie Dubœuf" in text and "François Nguyễn" in text
        assert "Zoé Lefèvre" not in text
        # The UI answers meanwhile: a candidate read already opens, the filter takes letters.
        await pilot.press("f2")
        await type_text(pilot, "franc\n")
        await wait_until(pilot, lambda: opened(pilot.app) is not None, what="a candidate opened")
        assert opened(pilot.app) == "François Nguyễn"
        go.set()
        await wait_until(pilot, lambda: not reading(pilot.app), what="the reading done")
        await pilot.press("f2", *["backspace"] * 5)
        await wait_until(pilot, lambda: "Zoé Lefèvre" in screen_text(pilot.app), what="the whole list")
        text = screen_text(pilot.app)
        assert "Lecture des dossiers" not in text
        assert all(name in text for name in ("Amélie Dubœuf", "Hélène Chaussée", "Jérôme Marchand"))
        assert opened(pilot.app) == "François Nguyễn"  # still the one opened


async def test_a_file_changed_since_the_index_shows_as_it_is_now(make_app, data_dir):
    Workspace(data_dir).summaries()  # the index, as the last start left it
    set_name(data_dir, "zoe-lefevre", "Zoé Lefèvre-Martin")
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await leave_overview(pilot)  # the workspace opens on the overview: Échap shows the list
        await wait_until(pilot, lambda: not reading(pilot.app) and "Lefèvre-Martin" in screen_text(pilot.app),
                         what="the new name")
        await wait_until(pilot, lambda: app.screen.summaries and all(
            s.name != "Zoé Lefèvre" for s in app.screen.summaries), what="the old name gone")
        await pilot.press("f2")
        await type_text(pilot, "martin\n")
        await wait_until(pilot, lambda: opened(pilot.app) is not None, what="a candidate opened")
        assert opened(pilot.app) == "Zoé Lefèvre-Martin"


async def test_an_unreadable_file_is_named_and_left_as_it_is(make_app, data_dir):
    Workspace(data_dir).summaries()
    broken = data_dir / "candidates" / "jerome-marchand.json"
    broken.write_bytes(b'{"candidate": tronque')
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await leave_overview(pilot)  # the workspace opens on the overview: Échap shows the list
        await wait_until(pilot, lambda: any("jerome-marchand.json" in n for n in notifications(pilot.app)),
                         what="the file named")
        await wait_until(pilot, lambda: "Jérôme Marchand" not in screen_text(pilot.app), what="not listed")
        assert "Zoé Lefèvre" in screen_text(pilot.app)
    assert broken.read_bytes() == b'{"candidate": tronque'


async def test_files_added_and_removed_while_the_worker_reads(app, data_dir, monkeypatch):
    held, go = hold_after(monkeypatch, 2)
    async with app.run_test(size=(160, 48)) as pilot:
        await leave_overview(pilot)  # the workspace opens on the overview: Échap shows the list
        await wait_until(pilot, held.is_set, what="the worker held after two files")
        await wait_until(pilot, lambda: "François Nguyễn" in screen_text(pilot.app), what="two read")
        # Amélie's file, already read, goes; a new one comes that sorts first.
        source = data_dir / "candidates" / "amelie-duboeuf.json"
        doc = json.loads(source.read_text(encoding="utf-8"))
        doc["candidate"]["1"].update(id="aaron-abel", name="Aaron Abel")
        (data_dir / "candidates" / "aaron-abel.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        source.unlink()
        # The consultant chooses with the arrows meanwhile: the second one, François.
        await pilot.press("f2", "down", "down")
        go.set()
        await wait_until(pilot, lambda: not reading(pilot.app), what="the reading done")
        await wait_until(pilot, lambda: "Aaron Abel" in screen_text(pilot.app), what="the new file listed")
        text = screen_text(pilot.app)
        assert "Amélie Dubœuf" not in text
        assert [s.name for s in app.screen.summaries] == [
            "Aaron Abel", "François Nguyễn", "Hélène Chaussée", "Jérôme Marchand", "Zoé Lefèvre",
        ]
        # The list changed under the highlight: Enter opens the one still highlighted.
        await pilot.press("enter")
        await wait_until(pilot, lambda: opened(pilot.app) is not None, what="a candidate opened")
        assert opened(pilot.app) == "François Nguyễn"


async def test_quitting_while_the_folder_is_read_stops_the_reading(app, monkeypatch):
    """ctrl+q (or a hang-up) at the very first start: the worker stops at the
    next file; a thread worker left to finish would hold the exit for the
    whole reading (18 s at 5,000 files on the loaded machine)."""
    held, go = hold_after(monkeypatch, 2)
    seen: list[int] = []
    finished = threading.Event()
    real = listing.verified

    def counting(ws, progress=None):
        def told(done, total, known):
            seen.append(done)
            progress(done, total, known)

        try:
            return real(ws, told)
        finally:
            finished.set()

    monkeypatch.setattr(listing, "verified", counting)
    async with app.run_test(size=(160, 48)) as pilot:
        await leave_overview(pilot)  # the workspace opens on the overview: Échap shows the list
        await wait_until(pilot, held.is_set, what="the worker held after two files")
        pane = app.screen.query_one(candidates_pane.CandidatesPane)

        def once_the_pane_is_gone() -> None:  # the app quitting: then the worker may go on
            deadline = time.monotonic() + 10
            while pane.is_running and time.monotonic() < deadline:
                time.sleep(0.01)
            go.set()

        threading.Thread(target=once_the_pane_is_gone, daemon=True).start()
        await pilot.press("ctrl+q")
    assert finished.wait(10), "the worker never ended"
    assert max(seen) <= 3, seen  # never read to the end: 5 files
