"""SVG snapshots of the key screens (pytest-textual-snapshot).

Deterministic by construction: a fresh copy of the demo data, the fixed clock
of conftest.py (26/11/2026 10:00, never moved here), no animation, no cursor
blink (the app turns it off in its editor and inputs: checked below), the
default theme. Regenerate after a deliberate change with
``pytest tests/ui/test_snapshots.py --snapshot-update`` and look at the
report or the SVGs before committing them.
"""

from __future__ import annotations

from textual.widgets import Input, TextArea

from long_roadmap import add_long_roadmap_candidate
from seance_pilot import load, open_candidate, type_text, wait_until
from seance_tui.ui.dialogs.pick_phase import PickDialog
from seance_tui.ui.screens.help import HelpScreen

WIDE = (160, 48)
NARROW = (80, 24)


def assert_nothing_blinks(app) -> None:
    for widget in app.screen.query("*"):
        if isinstance(widget, (Input, TextArea)):
            assert widget.cursor_blink is False, widget


def opened(filter_text: str, *keys: str):
    """run_before: open the first candidate matching ``filter_text``, then press ``keys``."""

    async def run_before(pilot) -> None:
        await open_candidate(pilot, filter_text)
        await pilot.press(*keys)
        await pilot.pause()
        assert_nothing_blinks(pilot.app)

    return run_before


def test_workspace_wide(app, snap_compare):
    assert snap_compare(app, terminal_size=WIDE, run_before=opened("amelie"))


def test_workspace_wide_seance_running(app, data_dir, snap_compare):
    async def run_before(pilot) -> None:
        await open_candidate(pilot, "jerome")
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, PickDialog))
        await pilot.press("enter")
        await wait_until(pilot, lambda: pilot.app.screen.current.record.open_seance is not None)
        typed = "Il veut devenir ébéniste : « enfin un métier du bois »."
        await type_text(pilot, typed)
        await wait_until(pilot, lambda: typed in load(data_dir, "jerome-marchand").seance(3).notes, what="on disk")
        state = pilot.app.screen.query_one("#save-state")
        await wait_until(pilot, lambda: str(state.render()) == "enregistré", what="saved")
        assert_nothing_blinks(pilot.app)

    assert snap_compare(app, terminal_size=WIDE, run_before=run_before)


def test_workspace_narrow(app, snap_compare):
    assert snap_compare(app, terminal_size=NARROW, run_before=opened("amelie"))


def test_workspace_narrow_roadmap(app, snap_compare):
    assert snap_compare(app, terminal_size=NARROW, run_before=opened("amelie", "f5"))


def test_presentation_mode(app, snap_compare):
    assert snap_compare(app, terminal_size=WIDE, run_before=opened("amelie", "f5", "ctrl+t"))


def test_presentation_mode_narrow(app, snap_compare):
    assert snap_compare(app, terminal_size=NARROW, run_before=opened("amelie", "f5", "ctrl+t"))


def test_roadmap_long_rows_narrow(app, data_dir, snap_compare):
    add_long_roadmap_candidate(data_dir)  # 200 characters, overdue: the table cuts, the detail shows whole
    assert snap_compare(app, terminal_size=NARROW, run_before=opened("lucie", "f5"))


def test_roadmap_long_rows_wide(app, data_dir, snap_compare):
    add_long_roadmap_candidate(data_dir)
    assert snap_compare(app, terminal_size=WIDE, run_before=opened("lucie", "f5"))


def test_presentation_mode_long_rows_narrow(app, data_dir, snap_compare):
    add_long_roadmap_candidate(data_dir)  # every row wrapped whole
    assert snap_compare(app, terminal_size=NARROW, run_before=opened("lucie", "f5", "ctrl+t"))


def test_help_screen(app, snap_compare):
    async def run_before(pilot) -> None:
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))

    assert snap_compare(app, terminal_size=(100, 50), run_before=run_before)


def test_synthesis_editor_narrow(app, snap_compare):
    """F12 at 80×24: the sections above, the one being written below, drafted from the notes."""

    async def run_before(pilot) -> None:
        from seance_tui.ui.screens.synthesis import SynthesisScreen

        await open_candidate(pilot, "francois")
        await pilot.press("f12")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, SynthesisScreen))
        await pilot.press("f6")
        await wait_until(pilot, lambda: pilot.app.screen.session.text("projets"), what="drafted")
        await pilot.press("f3", "f3")
        await wait_until(pilot, lambda: "Projet principal" in pilot.app.screen.editor.text, what="section shown")
        state = pilot.app.screen.query_one("#synthesis-save-state")
        await wait_until(pilot, lambda: str(state.render()) == "enregistré", what="saved")
        assert_nothing_blinks(pilot.app)

    assert snap_compare(app, terminal_size=NARROW, run_before=run_before)
