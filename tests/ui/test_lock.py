"""A candidate another workspace holds opens read-only, says who holds it, and writes nothing."""

from __future__ import annotations

import getpass
import os
import socket
from datetime import datetime

from seance_pilot import notifications, open_candidate, type_text, wait_until
from seance_tui.storage.store import WritableStore
from seance_tui.ui import texts
from seance_tui.ui.dialogs.choice import ChoiceDialog
from seance_tui.ui.dialogs.pick_phase import PickDialog
from seance_tui.ui.dialogs.roadmap_form import RoadmapForm
from seance_tui.ui.screens.workspace import WorkspaceScreen

JEROME = "jerome-marchand"


async def test_locked_candidate_opens_read_only(app, data_dir, monkeypatch):
    # Another workspace (this process, another lock) runs a séance with Jérôme.
    holder = WritableStore(data_dir).open_for_writing(JEROME)
    offers = []  # the start's offer of open séances, a worker: its end is awaited, not guessed
    real_offer = WorkspaceScreen._offer_open_seances

    def watched_offer(self):
        offers.append(real_offer(self))
        return offers[-1]

    monkeypatch.setattr(WorkspaceScreen, "_offer_open_seances", watched_offer)
    try:
        record = holder.record
        record.start_seance("investigation", datetime(2026, 11, 26, 9, 0), notes="Notes de l'autre poste.")
        holder.save(record)
        path = data_dir / "candidates" / f"{JEROME}.json"
        before = path.read_bytes()

        async with app.run_test(size=(160, 48)) as pilot:
            await wait_until(
                pilot, lambda: offers and (offers[0].is_finished or isinstance(pilot.app.screen, ChoiceDialog)),
                what="open séances offered (or not)",
            )
            # Its open séance is the holder's to resume: not offered here.
            assert not isinstance(pilot.app.screen, ChoiceDialog)

            await open_candidate(pilot, "jerome")
            screen = pilot.app.screen
            banner = screen.query_one("#lock-banner")
            assert banner.display
            message = str(banner.render())
            assert f"{getpass.getuser()}@{socket.gethostname()}" in message
            assert f"pid {os.getpid()}" in message
            assert "lecture seule" in message
            assert texts.READ_ONLY_BADGE in str(screen.query_one("#app-header").render())

            editor = screen.query_one("#notes-editor")
            assert editor.read_only and editor.text == "Notes de l'autre poste."
            assert not screen.query_one("#save-state").display
            await pilot.press("f4")
            await type_text(pilot, "ne doit pas s'écrire")  # returns once the app has handled every key
            assert editor.text == "Notes de l'autre poste."

            await pilot.press("f5", "a")
            await pilot.pause()
            assert not isinstance(pilot.app.screen, RoadmapForm)
            assert texts.READ_ONLY_REFUSED in notifications(pilot.app)
            await pilot.press("s", "d", "shift+down", "f6", "f7", "f8", "f9", "ctrl+g")
            # Every key handled and every worker they started done: a dialog would be up by now.
            await wait_until(pilot, lambda: all(w.is_finished for w in pilot.app.workers), what="workers done")
            assert not isinstance(pilot.app.screen, (RoadmapForm, PickDialog, ChoiceDialog))

            await pilot.press("ctrl+q")
            await wait_until(pilot, lambda: pilot.app.return_code is not None, what="quit")

        assert path.read_bytes() == before  # not one byte written
        assert holder.record.open_seance.notes == "Notes de l'autre poste."
        assert not holder.closed  # quitting the read-only workspace left the holder's lock alone
    finally:
        holder.close()
