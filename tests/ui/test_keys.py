"""Every action by key, in the help screen and in the command palette; narrow terminals."""

from __future__ import annotations

from textual.binding import Binding
from textual.command import CommandList, CommandPalette

from seance_pilot import leave_overview, open_candidate, screen_text, type_text, wait_until
from seance_tui.ui import bindings
from seance_tui.ui.dialogs.pick_phase import PickDialog
from seance_tui.ui.screens.help import HelpScreen


def workspace_binding_lists() -> dict[str, list[Binding]]:
    """The workspace's lists of bindings in ui/bindings.py (review mode has its own help)."""
    return {
        name: value for name, value in vars(bindings).items()
        if isinstance(value, list) and value and all(isinstance(b, Binding) for b in value)
        and not name.startswith("REVIEW")
    }


def test_every_binding_list_is_in_the_help():
    in_help = [id(section) for _, section in bindings.HELP_SECTIONS]
    for name, section in workspace_binding_lists().items():
        assert id(section) in in_help, f"bindings.{name} is missing from HELP_SECTIONS"
    ids = [b.id for section in workspace_binding_lists().values() for b in section]
    assert all(ids) and len(ids) == len(set(ids)), ids


async def test_help_lists_every_binding(app):
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), what="help")
        help_text = "\n".join(str(static.render()) for static in pilot.app.screen.query("Static"))
        for _, section in bindings.HELP_SECTIONS:
            for binding in section:
                assert binding.description in help_text, binding
                assert bindings.key_display(binding) in help_text, binding
        for title, _ in bindings.HELP_SECTIONS:
            assert title in help_text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("f1")  # F1 closes it too
        await pilot.pause()
        assert not isinstance(pilot.app.screen, HelpScreen)


async def test_palette_finds_and_runs_demarrer(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await pilot.press("f3", "ctrl+p")  # not from the notes: there ctrl+p is only a key typed
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), what="palette")
        await type_text(pilot, "Démarrer")
        results = pilot.app.screen.query_one(CommandList)
        await wait_until(pilot, lambda: results.option_count > 0, what="results")
        prompts = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert any("Démarrer" in p for p in prompts), prompts
        assert any("F6" in p for p in prompts), prompts  # the key is shown beside it
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, PickDialog), what="the action ran")


async def test_palette_lists_every_workspace_action(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await leave_overview(pilot)  # the overview's palette lists its own keys
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), what="palette")
        results = pilot.app.screen.query_one(CommandList)
        await wait_until(pilot, lambda: results.option_count > 0, what="discovery")
        prompts = "\n".join(str(results.get_option_at_index(i).prompt) for i in range(results.option_count))
        for section in (bindings.WORKSPACE, bindings.NOTES, bindings.ROADMAP):
            for binding in section:
                if binding.action == "leave_presentation":  # listed in presentation mode only (test_presentation.py)
                    assert bindings.sentence(binding) not in prompts
                    continue
                assert bindings.sentence(binding) in prompts, binding


async def test_narrow_terminal_shows_one_pane_at_a_time(app):
    panes = ["candidates", "timeline", "notes", "roadmap"]
    async with app.run_test(size=(80, 24)) as pilot:
        await leave_overview(pilot)
        screen = pilot.app.screen
        assert screen.has_class("-narrow")
        assert screen.query_one("#pane-bar").display
        await open_candidate(pilot, "amelie")
        for key, name in zip(["f2", "f3", "f4", "f5"], panes):
            await pilot.press(key)
            visible = [p for p in panes if screen.query_one(f"#{p}-pane").display]
            shown = [p for p in panes if screen.query_one(f"#{p}-pane").region.area > 0]
            assert visible == [name] and shown == [name], (key, visible, shown)
            assert pilot.app.focused is not None
            assert screen.query_one(f"#{name}-pane") in pilot.app.focused.ancestors_with_self
        text = screen_text(pilot.app)
        assert "Feuille de route" in text and "Tester l'offre sur deux" in text

        # Wide again: the four panes side by side.
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        assert not screen.has_class("-narrow")
        assert all(screen.query_one(f"#{p}-pane").region.area > 0 for p in panes)
