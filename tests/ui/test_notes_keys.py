"""A key typed or pasted into the notes changes only the notes (issue 9, §3
"ctrl+g in the notes renames the candidate"), and a candidate's name changes
only on purpose."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from seance_pilot import answer, keys_from_terminal, load, notifications, open_candidate, type_text, wait_until
from seance_tui.ui import texts
from seance_tui.ui.dialogs.candidate_form import CandidateForm
from seance_tui.ui.dialogs.choice import ChoiceDialog
from seance_tui.ui.dialogs.pick_phase import PickDialog
from seance_tui.ui.screens.workspace import WorkspaceScreen

JEROME = "jerome-marchand"


def candidate_files(data_dir) -> set[str]:
    return {p.stem for p in (data_dir / "candidates").glob("*.json")}


async def start_seance(pilot) -> None:
    await pilot.press("f6")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, PickDialog), what="phase picker")
    await pilot.press("enter")
    await wait_until(pilot, lambda: pilot.app.screen.current.record.open_seance is not None, what="séance open")


# Every control byte that a screen-level key of the workspace (or the palette) is bound to.
CONTROL_BYTES = {"ctrl+g": "\x07", "ctrl+n": "\x0e", "ctrl+t": "\x14", "ctrl+p": "\x10"}


@pytest.mark.parametrize("key", CONTROL_BYTES)
async def test_a_control_byte_in_the_notes_then_words_and_enter_only_type(app, data_dir, key):
    before = candidate_files(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        editor = pilot.app.screen.query_one("#notes-editor")
        # The reported accident: the byte, then the next words and Entrée, with no delay between keys.
        await keys_from_terminal(pilot, f"Avant{CONTROL_BYTES[key]}Martin Dupont\rla suite")
        await wait_until(pilot, lambda: "la suite" in editor.text, what="the typing in the notes")
        assert isinstance(pilot.app.screen, WorkspaceScreen), pilot.app.screen  # no form, no palette
        assert pilot.app.focused is editor
        assert not pilot.app.screen.has_class("-presentation")
        assert "AvantMartin Dupont\nla suite" in editor.text
        await wait_until(pilot, lambda: "la suite" in load(data_dir, JEROME).seance(3).notes, what="saved")
        assert load(data_dir, JEROME).candidate.name == "Jérôme Marchand"
        assert candidate_files(data_dir) == before
        assert texts.NOT_FROM_NOTES.format(key=key) in notifications(pilot.app)  # where it works, said once


async def test_the_same_keys_work_from_another_pane(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await pilot.press("f3", "ctrl+g")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CandidateForm), what="edit form")
        await pilot.press("escape")
        await pilot.press("f2", "ctrl+n")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CandidateForm), what="new form")
        await pilot.press("escape")
        await pilot.press("f5", "ctrl+p")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), what="palette")


async def test_renaming_shows_the_old_name_and_asks_with_non_by_default(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await pilot.press("f2", "ctrl+g")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CandidateForm), what="edit form")
        form = pilot.app.screen
        assert "Nom actuel : Jérôme Marchand" in str(form.query_one("#current-name").render())
        # Words typed now never replace the name: nothing is selected, they add to it.
        await type_text(pilot, " Junior\n")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="rename question")
        question = str(pilot.app.screen.query_one(".dialog-question").render())
        assert question == "Renommer « Jérôme Marchand » en « Jérôme Marchand Junior » ?"
        await pilot.press("enter")  # « Non » has the focus
        await wait_until(pilot, lambda: pilot.app.screen is form, what="back to the form")
        await pilot.pause()
        assert load(data_dir, JEROME).candidate.name == "Jérôme Marchand"

        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="rename question")
        await answer(pilot, "Oui")
        await wait_until(pilot, lambda: load(data_dir, JEROME).candidate.name == "Jérôme Marchand Junior",
                         what="renamed on disk")


async def test_editing_keys_typed_at_zero_delay_apply_in_typing_order(app, data_dir):
    """Backspace, arrows and Tab are the editor's bindings, which Textual runs
    only after the key has bubbled up to the App: typed fast they were
    overtaken by the letters after them (« abc⌫d » saved as « abcd »)."""
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        editor = pilot.app.screen.query_one("#notes-editor")
        # One burst, as a terminal delivers it: abc, ⌫, d, ←, x, End, Tab (indents to column 8), y.
        await keys_from_terminal(pilot, "abc\x7fd\x1b[Dx\x1b[F\ty")
        await wait_until(pilot, lambda: "y" in editor.text, what="the burst in the notes")
        await pilot.pause()
        assert "abxd    y" in editor.text, editor.text[:200]
        await wait_until(pilot, lambda: "abxd    y" in load(data_dir, JEROME).seance(3).notes, what="saved in order")
