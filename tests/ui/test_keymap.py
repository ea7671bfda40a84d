"""A centre's own keys: <data-dir>/keymap.json, read at start by the footer,
the keys themselves, the help screen and the palette alike."""

from __future__ import annotations

import json

from textual.command import CommandList, CommandPalette

from seance_pilot import notifications, open_candidate, screen_text, type_text, wait_until
from seance_tui.ui.dialogs.pick_phase import PickDialog
from seance_tui.ui.screens.help import HelpScreen


def footer(app) -> str:
    return screen_text(app).rstrip("\n").splitlines()[-1]


def help_line(app, description: str) -> str:
    lines = "\n".join(str(static.render()) for static in app.screen.query("Static")).splitlines()
    return next(line for line in lines if line.strip().endswith(description))


async def test_a_remapped_key_shows_and_works_everywhere(data_dir, make_app):
    (data_dir / "keymap.json").write_text(json.dumps({"seance.start": "f10"}), encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await pilot.press("f3")
        await wait_until(pilot, lambda: "Démarrer" in footer(app), what="footer")
        assert "f10 Démarrer" in footer(app).replace("F10", "f10"), footer(app)
        assert "f6" not in footer(app).lower(), footer(app)

        await pilot.press("f6")  # the old key does nothing now
        await pilot.pause()
        assert not isinstance(app.screen, PickDialog)
        await pilot.press("f10")
        await wait_until(pilot, lambda: isinstance(app.screen, PickDialog), what="f10 starts a séance")
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, PickDialog), what="dialog closed")

        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), what="help")
        assert help_line(app, "Démarrer").split() == ["F10", "Démarrer"]
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, HelpScreen), what="help closed")

        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), what="palette")
        await type_text(pilot, "Démarrer")
        results = app.screen.query_one(CommandList)
        await wait_until(pilot, lambda: results.option_count > 0, what="results")
        prompts = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert any("Démarrer" in p and "F10" in p and "F6" not in p for p in prompts), prompts
    assert notifications(app) == []


async def test_a_bad_keymap_is_named_and_ignored(data_dir, make_app):
    (data_dir / "keymap.json").write_text('{"seance.start": "f10", "seance.stat": "f11"}', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_until(pilot, lambda: notifications(app), what="a notice")
        [notice] = notifications(app)
        assert str(data_dir / "keymap.json") in notice
        assert "seance.stat" in notice and "ignorées" in notice
        await open_candidate(pilot, "jerome")
        await pilot.press("f3")
        await wait_until(pilot, lambda: "Démarrer" in footer(app), what="footer")
        assert "f6 Démarrer" in footer(app).replace("F6", "f6"), footer(app)
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(app.screen, PickDialog), what="the default key still works")


async def test_a_keymap_that_is_not_json_is_named_and_ignored(data_dir, make_app):
    (data_dir / "keymap.json").write_text('{"seance.start": "f10"', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_until(pilot, lambda: notifications(app), what="a notice")
        [notice] = notifications(app)
        assert str(data_dir / "keymap.json") in notice and "tronqué" in notice
        await open_candidate(pilot, "jerome")
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(app.screen, PickDialog), what="the default key still works")
