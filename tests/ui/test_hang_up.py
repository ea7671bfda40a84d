"""SIGHUP and SIGTERM as the workspace sees them: ui/signals.py puts the
app's ``_hang_up`` on its queue (done here by hand: a real signal would also
swap this test process's terminal for /dev/null). The real signals, in a real
terminal, are in tests/e2e/test_signals.py."""

from __future__ import annotations

from seance_pilot import load, notifications, open_candidate, type_text, wait_until
from seance_tui.storage import recovery
from seance_tui.storage.store import CandidateWriter
from test_seance_flow import JEROME, save_state, start_seance


async def test_hang_up_from_a_dialog_saves_the_keys_just_typed_pauses_and_exits(make_app, data_dir, clock):
    async with make_app().run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        clock.advance(minutes=25)
        await type_text(pilot, "Tapé juste avant la coupure.")
        await pilot.press("f1")
        await wait_until(pilot, lambda: type(pilot.app.screen).__name__ == "HelpScreen", what="help")
        pilot.app.call_later(pilot.app._hang_up)  # what the signal handler does
        await wait_until(pilot, lambda: pilot.app.return_code is not None, what="app exited")
    assert pilot.app.return_code == 0
    seance = load(data_dir, JEROME).seance(3)
    assert "Tapé juste avant la coupure." in seance.notes
    assert seance.is_paused and seance.pauses[-1].start == clock.now
    assert not (data_dir / "locks" / f"{JEROME}.owner.json").exists()


async def test_hang_up_when_the_disk_refuses_writes_a_recovery_copy_and_still_exits(app, data_dir, tmp_path,
                                                                                    monkeypatch):
    rescue_dir = tmp_path / "recovery"
    monkeypatch.setattr(recovery, "recovery_dirs", lambda: [rescue_dir])
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        await wait_until(pilot, lambda: save_state(pilot.app) == "enregistré")

        def refuse(self, tables):
            raise OSError(30, "système de fichiers en lecture seule")

        monkeypatch.setattr(CandidateWriter, "save_tables", refuse)
        await type_text(pilot, "Dernière note avant la coupure.")
        pilot.app.call_later(pilot.app._hang_up)
        # Nobody is there to press ctrl+q a second time: it exits at once.
        await wait_until(pilot, lambda: pilot.app.return_code is not None, what="app exited")
        assert any("Dernière note avant la coupure." in path.read_text(encoding="utf-8")
                   for path in rescue_dir.glob(f"{JEROME}-*.md"))
        assert any(str(rescue_dir) in n for n in notifications(pilot.app))
