"""Names, notes and objectives are data: never read as markup, never sent to
the terminal as escape sequences."""

from __future__ import annotations

import shutil
from datetime import datetime

import pytest
from textual.widgets._toast import Toast

from seance_pilot import answer, load, open_candidate, screen_text, type_text, wait_until
from seance_tui import paths
from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.domain.record import CandidateRecord
from seance_tui.services.workspace import Workspace
from seance_tui.storage.store import WritableStore
from seance_tui.ui.app import SeanceApp
from seance_tui.ui.dialogs.choice import ChoiceDialog
from seance_tui.ui.dialogs.pick_phase import PickDialog

NAME = "[bold]Zoé[/]"
NOTES = "Avant \x1b[31mrouge\x1b[0m après [b]gras[/b] et \x1b]0;titre\x07."
OBJECTIVE = "[red]alerte[/red] \x1b[2J"


@pytest.fixture
def markup_candidate(data_dir):
    record = CandidateRecord(Candidate(id="zoe-markup", name=NAME, consultant="[i]Moi[/i]", funding=FundingRoute.CPF))
    seance = record.start_seance("preliminaire", datetime(2026, 11, 20, 9), notes=NOTES)
    record.add_roadmap_item(OBJECTIVE, datetime(2026, 11, 20, 9, 30), seance.number, means="[link=https://x]lien[/link]")
    record.close_seance(seance.number, datetime(2026, 11, 20, 10))
    WritableStore(data_dir).create(record)
    return "zoe-markup"


def render(widget) -> str:
    return str(widget.render())


async def test_user_text_is_shown_literally(app, markup_candidate):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "[BOLD]zoe")  # case and accents ignored, brackets too are text
        screen = pilot.app.screen
        assert screen.current.record.candidate.name == NAME

        assert NAME in render(screen.query_one("#app-header"))
        options = screen.query_one("#candidate-options")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(p.startswith(NAME) for p in prompts), prompts
        table = screen.query_one("#roadmap-table")
        objective, means = (str(cell) for cell in table.get_row_at(0)[:2])
        assert objective == "[red]alerte[/red] ␛[2J"
        assert means.startswith("[link=https://x]lien")  # cut to the column
        assert screen.query_one("#notes-editor").text == NOTES  # the data, untouched

        shown = screen_text(pilot.app)
        assert NAME in shown and "[red]alerte[/red]" in shown
        assert "Avant ␛[31mrouge␛[0m après [b]gras[/b]" in shown  # escapes made visible in the editor
        assert "\x1b" not in shown and "\x07" not in shown  # nothing reaches the terminal as a control


async def test_preview_and_typed_markup_stay_text(app, data_dir, markup_candidate):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "[bold]")
        await pilot.press("f4", "ctrl+o")  # the rendered preview of the closed séance's notes
        await pilot.pause()
        shown = screen_text(pilot.app)
        assert "\x1b" not in shown and "\x07" not in shown
        assert "[b]gras[/b]" in shown

        # A new séance: markup typed into the notes is saved and shown as typed.
        await pilot.press("ctrl+o", "f6")
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: pilot.app.screen.current.record.open_seance is not None)
        await type_text(pilot, "[bold]pas gras[/bold] $accent")
        await wait_until(pilot, lambda: "[bold]pas gras[/bold] $accent" in load(data_dir, markup_candidate).seance(2).notes)
        assert "[bold]pas gras[/bold] $accent" in screen_text(pilot.app)


async def test_preview_toggles_back_and_never_hides_the_typing(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await pilot.press("f4", "ctrl+o")
        screen = pilot.app.screen
        preview, editor = screen.query_one("#notes-preview"), screen.query_one("#notes-editor")
        assert preview.display and not editor.display
        assert pilot.app.focused is preview  # the focus stays in the pane: ctrl+o works again
        await pilot.press("ctrl+o")
        assert editor.display and not preview.display and pilot.app.focused is editor

        # A séance started while the preview shows: keys never go to the hidden editor.
        await pilot.press("ctrl+o", "f6")
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen.current.record.open_seance is not None)
        assert pilot.app.focused is not editor
        await pilot.press("ctrl+o")
        assert pilot.app.focused is editor


async def test_dialogs_show_user_text_as_text(app, data_dir, markup_candidate):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "[bold]")
        await pilot.press("f5", "d")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="confirmation")
        shown = screen_text(pilot.app)
        assert "Supprimer l'objectif « [red]alerte[/red] ␛[2J »" in shown
        assert "\x1b" not in shown
        await pilot.press("escape")


async def test_messages_with_paths_keep_their_brackets(tmp_path, clock):
    """A data dir named with brackets: the notification of the exported summary shows its path whole."""
    data_dir = tmp_path / "[b]Bilans[/b]"
    shutil.copytree(paths.demo_data_dir(), data_dir)
    app = SeanceApp(Workspace(data_dir, clock=clock))
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        await open_candidate(pilot, "jerome")
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, PickDialog))
        await pilot.press("enter")
        await wait_until(pilot, lambda: pilot.app.screen.current.record.open_seance is not None)
        await pilot.press("f8")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog))
        await answer(pilot, "Oui")
        await wait_until(pilot, lambda: pilot.app.screen.query(Toast), what="toast")
        toast = pilot.app.screen.query(Toast).last()
        assert "[b]Bilans[/b]" in str(toast.render())
