"""Presentation mode faces the candidate: only its own exit key leaves it,
and nothing there reaches the notes or other candidates (issue 9, §2)."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette

from seance_pilot import notifications, open_candidate, screen_text, type_text, wait_until
from seance_tui.ui import bindings, texts
from seance_tui.ui.dialogs.pick_phase import PickDialog
from seance_tui.ui.screens.help import HelpScreen
from seance_tui.ui.screens.workspace import WorkspaceScreen

PRIVATE = "Secret du consultant, jamais montré"
OTHERS = ("Jérôme Marchand", "Zoé Lefèvre", "Hélène Chaussée", "François Nguy")


async def present_amelie(pilot) -> WorkspaceScreen:
    """Amélie's séance running, a private line typed in the notes, then ctrl+t from the roadmap."""
    await open_candidate(pilot, "amelie")
    await pilot.press("f6")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, PickDialog), what="phase picker")
    await pilot.press("enter")
    screen = pilot.app.screen
    await wait_until(pilot, lambda: screen.current.record.open_seance is not None, what="séance open")
    await type_text(pilot, f"\n## Privé\n{PRIVATE}\n")
    assert PRIVATE in screen_text(pilot.app)
    await pilot.press("f5", "ctrl+t")
    await wait_until(pilot, lambda: screen.has_class("-presentation"), what="presentation mode")
    return screen


def assert_presenting(pilot, screen: WorkspaceScreen, after: str) -> None:
    shown = screen_text(pilot.app)
    assert screen.has_class("-presentation"), after
    assert PRIVATE not in shown, after
    assert not any(name in shown for name in OTHERS), after
    assert "Amélie Dubœuf" in shown, after


async def test_every_key_but_its_exit_key_stays_in_presentation(app):
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await present_amelie(pilot)
        keys = [k for b in bindings.WORKSPACE for k in b.key.split(",") if k not in ("ctrl+q", "ctrl+t")]
        assert {"f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "ctrl+n", "ctrl+g"} <= set(keys)
        for key in [*keys, "tab", "tab", "shift+tab", "escape", "ctrl+o"]:
            await pilot.press(key)
            await pilot.pause()
            if isinstance(pilot.app.screen, HelpScreen):  # F1: the keys, over the presentation
                assert_presenting(pilot, screen, key)
                await pilot.press("escape")
                await wait_until(pilot, lambda: pilot.app.screen is screen, what="help closed")
            assert pilot.app.screen is screen, (key, pilot.app.screen)  # no form, no question, no picker
            assert_presenting(pilot, screen, key)
        assert texts.PRESENTATION_LOCKED in notifications(pilot.app)  # F2 and the others say why
        assert screen.current.record.open_seance.is_paused is False  # F7 did nothing either

        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: not screen.has_class("-presentation"), what="left")
        assert PRIVATE in screen_text(pilot.app)


async def test_the_palette_in_presentation_reaches_neither_notes_nor_candidates(app):
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await present_amelie(pilot)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), what="palette")
        results = pilot.app.screen.query_one(CommandList)
        await wait_until(pilot, lambda: results.option_count > 0, what="discovery")
        prompts = [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]
        assert any("Quitter la présentation" in p for p in prompts), prompts
        for refused in ("Candidats", "Notes", "Aperçu", "Démarrer", "Nouveau candidat", "Modifier candidat",
                        "Parcours", "Clore", "Rouvrir"):
            assert not any(p.startswith(refused) for p in prompts), (refused, prompts)
        # Searching too: « Modifier » finds the roadmap's, never « Modifier candidat ».
        await type_text(pilot, "Modifier")

        def prompts_now() -> list[str]:
            return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]

        await wait_until(pilot, lambda: prompts_now() and all(p.startswith("Modifier") for p in prompts_now()),
                         what="the search ran")
        assert not any("candidat" in p for p in prompts_now()), prompts_now()
        await pilot.press("escape")
        await wait_until(pilot, lambda: pilot.app.screen is screen, what="palette closed")
        assert_presenting(pilot, screen, "palette")


async def test_the_footer_in_presentation_shows_the_way_out_even_at_80_columns(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await present_amelie(pilot)
        await pilot.pause()
        footer = screen_text(pilot.app).rstrip("\n").split("\n")[-1]
        assert "Quitter la présentation" in footer, footer
        for refused in ("Démarrer", "Pause", "Clore", "Rouvrir", "Nouveau candidat", "Modifier candidat"):
            assert refused not in footer, (refused, footer)
        assert_presenting(pilot, screen, "80 columns")


async def test_the_roadmap_and_checklist_keys_work_there_and_never_leave_it(app):
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await present_amelie(pilot)
        table = screen.query_one("#roadmap-table")
        assert pilot.app.focused is table
        keys = [k for section in (bindings.ROADMAP, bindings.CANDIDATES) for b in section for k in b.key.split(",")]
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            if pilot.app.screen is not screen:  # a roadmap form or confirmation, over the presentation
                assert_presenting(pilot, screen, key)
                await pilot.press("escape")
                await wait_until(pilot, lambda: pilot.app.screen is screen, what=f"{key}: dialog closed")
            assert_presenting(pilot, screen, key)
        await pilot.press("shift+tab")  # the checklist, the other pane shown
        assert pilot.app.focused is screen.query_one("#checklist")
        for key in [k for b in bindings.CHECKLIST for k in b.key.split(",")]:
            await pilot.press(key)
            await pilot.pause()
            assert pilot.app.screen is screen
            assert_presenting(pilot, screen, key)


def toasts(app) -> str:
    """The text of the toasts on the current screen."""
    from textual.widgets._toast import Toast

    return " ".join(str(toast.render()) for toast in app.screen.query(Toast) if toast.display)


async def test_no_toast_names_another_candidate_in_front_of_the_candidate(app):
    """A toast from before (the overview's refusal, the data dir's files) stayed
    over the presentation; one told during it is held until the consultant leaves."""
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await open_candidate(pilot, "amelie")
        pilot.app.notify("Lisibles par d'autres comptes : zoe-lefevre.json (Zoé Lefèvre)", timeout=30)
        await wait_until(pilot, lambda: "Zoé Lefèvre" in toasts(pilot.app), what="the toast shown")
        screen = pilot.app.screen
        await pilot.press("f5", "ctrl+t")
        await wait_until(pilot, lambda: screen.has_class("-presentation"), what="presentation mode")
        await wait_until(pilot, lambda: "Zoé Lefèvre" not in toasts(pilot.app), what="the toast gone")
        screen.notify("Jérôme Marchand : fichier illisible", timeout=30)
        await pilot.pause()
        assert "Jérôme" not in toasts(pilot.app)
        assert_presenting(pilot, screen, "a toast told during presentation")
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: "Jérôme Marchand : fichier illisible" in toasts(pilot.app),
                         what="the held toast shown after presentation")
