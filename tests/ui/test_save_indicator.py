"""The notes' save indicator says what is true, without flashing a state per
save while the consultant types on (issue 14: each flash was ~100 bytes on
the wire). A save still running after a moment shows "enregistrement…"; a
save that ends while keys keep coming leaves "modifié" on screen; once the
typing pauses, "enregistré"."""

from __future__ import annotations

import threading

from seance_pilot import load, open_candidate, type_text, wait_until
from seance_tui.storage.store import CandidateWriter
from seance_tui.ui.widgets import notes
from seance_tui.ui.widgets.notes import NotesEditor
from seance_tui.ui.widgets.quiet import QuietStatic
from test_seance_flow import JEROME, save_state, start_seance


def editor(app) -> NotesEditor:
    return app.screen.query_one("#notes-editor", NotesEditor)


async def test_a_slow_save_shows_that_it_is_saving(app, data_dir, monkeypatch):
    real_save = CandidateWriter.save_tables
    disk_back = threading.Event()

    def slow_save(self, tables):
        disk_back.wait(20)  # a slow disk: the save runs until the test lets it end
        real_save(self, tables)

    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        await wait_until(pilot, lambda: save_state(pilot.app) == "enregistré")
        monkeypatch.setattr(CandidateWriter, "save_tables", slow_save)
        try:
            await type_text(pilot, "Une phrase sur un disque lent.")
            await wait_until(pilot, lambda: save_state(pilot.app) == "enregistrement…", what="saving shown")
        finally:
            disk_back.set()
        await wait_until(pilot, lambda: save_state(pilot.app) == "enregistré", what="saved shown")
        assert "Une phrase sur un disque lent." in load(data_dir, JEROME).seance(3).notes


async def test_saves_while_typing_goes_on_leave_modified_on_screen(app, data_dir, monkeypatch):
    shown: list[str] = []
    real_show = QuietStatic.show_content

    def recording_show(self, content):
        if self.id == "save-state":
            shown.append(str(content))
        real_show(self, content)

    saves = 0
    real_save = CandidateWriter.save_tables

    def counting_save(self, tables):
        nonlocal saves
        real_save(self, tables)
        saves += 1

    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        await wait_until(pilot, lambda: save_state(pilot.app) == "enregistré")
        # "Keys keep coming" means within SETTLE: made long, so that a slow machine's gaps stay inside it.
        monkeypatch.setattr(notes, "SETTLE", 3.0)
        monkeypatch.setattr(QuietStatic, "show_content", recording_show)
        monkeypatch.setattr(CandidateWriter, "save_tables", counting_save)
        # Keys keep coming: each chunk waits for the save it caused, then typing goes on at once.
        for n in range(3):
            before = saves
            await type_text(pilot, f"Morceau {n} tapé sans pause. ")
            await wait_until(pilot, lambda: saves > before, what=f"save {n + 1} done")
        await type_text(pilot, "Fin.")
        assert saves >= 3
        assert shown and all(state == "modifié" for state in shown), shown  # what the indicator showed meanwhile
        await wait_until(pilot, lambda: save_state(pilot.app) == "enregistré", timeout=10, what="saved once typing paused")
        assert load(data_dir, JEROME).seance(3).notes == editor(pilot.app).text
