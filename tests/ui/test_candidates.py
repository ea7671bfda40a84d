"""Creating a candidate from the workspace: what the form checks, and the file it writes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Select

from seance_pilot import load, raw, type_text, wait_until
from seance_tui.domain.model import FundingRoute
from seance_tui.ui import texts
from seance_tui.ui.dialogs.candidate_form import CandidateForm
from seance_tui.ui.dialogs.fields import Field


def candidate_files(data_dir: Path) -> set[str]:
    return {p.stem for p in (data_dir / "candidates").glob("*.json")}


def field_message(form: CandidateForm, field_id: str) -> str:
    return str(form.query_one(f"#{field_id}", Field).query_one(".field-message").render())


async def fill_form(pilot, name: str, consent: str, consultant: str = "Claire Martin") -> None:
    """Fills the new-candidate form from the keyboard: name, (contact), consultant, funding, consent."""
    await pilot.press("ctrl+n")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, CandidateForm), what="form open")
    await type_text(pilot, name)
    await pilot.press("tab", "tab")  # contact left empty
    await type_text(pilot, consultant)
    await pilot.press("tab")  # the funding Select
    await pilot.press("enter")  # opens its list: the blank prompt, then the routes in order
    await pilot.press("down", "enter")  # CPF
    await pilot.press("tab")
    await type_text(pilot, consent)


async def test_create_candidate_writes_its_file(app, data_dir):
    before = candidate_files(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await fill_form(pilot, "Clémence Ébrard-Noël", "15 mars 2026")
        form = pilot.app.screen
        assert form.query_one("#funding", Select).value is FundingRoute.CPF
        assert "15 mars 2026" in field_message(form, "consent")  # "Compris : dimanche 15 mars 2026"
        await pilot.press("enter")
        await wait_until(pilot, lambda: candidate_files(data_dir) - before, what="candidate file")

        (new_id,) = candidate_files(data_dir) - before
        candidate = raw(data_dir, new_id)["candidate"]["1"]
        assert candidate["name"] == "Clémence Ébrard-Noël"
        assert candidate["consultant"] == "Claire Martin"
        assert candidate["funding"] == "cpf"
        assert candidate["consent_date"] == "2026-03-15"
        assert candidate["hours_budget"] == 24
        assert load(data_dir, new_id).candidate.consent_date == date(2026, 3, 15)

        # The workspace opened it, and it is in the list.
        await wait_until(pilot, lambda: not isinstance(pilot.app.screen, CandidateForm))
        screen = pilot.app.screen
        assert screen.current is not None and screen.current.record.candidate.id == new_id
        assert "Clémence Ébrard-Noël" in str(screen.query_one("#app-header").render())
        assert "Clémence Ébrard-Noël" in _list_text(screen)


def _list_text(screen) -> str:
    options = screen.query_one("#candidate-options")
    return "\n".join(str(options.get_option_at_index(i).prompt) for i in range(options.option_count))


async def test_duplicate_name_is_warned_then_confirmed(app, data_dir):
    before = candidate_files(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        # The demo has "Amélie Dubœuf": same name, other case and accents.
        await fill_form(pilot, "amelie duboeuf", "1er octobre 2026")
        await pilot.press("enter")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, CandidateForm)
        assert "Amélie Dubœuf" in field_message(form, "name")
        assert field_message(form, "name").startswith("Attention : un candidat porte déjà ce nom")
        assert candidate_files(data_dir) == before

        await pilot.press("enter")  # second submit: the consultant confirms
        await wait_until(pilot, lambda: candidate_files(data_dir) - before, what="candidate file")
        (new_id,) = candidate_files(data_dir) - before
        assert raw(data_dir, new_id)["candidate"]["1"]["name"] == "amelie duboeuf"
        assert len(candidate_files(data_dir)) == 6


async def test_invalid_consent_date_is_explained_and_nothing_created(app, data_dir):
    before = candidate_files(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await fill_form(pilot, "Noé Garnier", "31 février 2026")
        await pilot.press("enter")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, CandidateForm)
        message = field_message(form, "consent")
        assert message and "févr" in message  # the parser's French message, e.g. "le 31 février n'existe pas"
        assert form.query_one("#consent", Field).has_class("-invalid")
        assert candidate_files(data_dir) == before

        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, CandidateForm)
        assert candidate_files(data_dir) == before


async def test_escape_cancels_the_form(app, data_dir):
    before = candidate_files(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await fill_form(pilot, "Inès Roux", "15 mars 2026")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, CandidateForm)
        assert pilot.app.screen.current is None
        assert candidate_files(data_dir) == before
        assert "Inès Roux" not in _list_text(pilot.app.screen)


async def test_name_required(app, data_dir):
    before = candidate_files(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await fill_form(pilot, "", "15 mars 2026")
        await pilot.press("enter")
        await pilot.pause()
        form = pilot.app.screen
        assert isinstance(form, CandidateForm)
        assert field_message(form, "name") == texts.NAME_REQUIRED
        assert candidate_files(data_dir) == before
