"""Dates typed without a year in the forms: the year each field takes, said
under the field, and saved. The test clock says 26/11/2026."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Select

from seance_pilot import load, open_candidate, raw, screen_text, type_text, wait_until
from seance_tui.domain.model import FundingRoute
from seance_tui.ui.dialogs.candidate_form import CandidateForm
from seance_tui.ui.dialogs.roadmap_form import RoadmapForm

AMELIE = "amelie-duboeuf"


def message(form, field_id: str) -> str:
    return str(form.query_one(f"#{field_id}").query_one(".field-message").render())


async def test_a_deadline_without_a_year_is_the_next_one(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        before = len(load(data_dir, AMELIE).roadmap)
        await open_candidate(pilot, "amelie")
        await pilot.press("f5", "a")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, RoadmapForm), what="roadmap form")
        form = pilot.app.screen
        await type_text(pilot, "Déposer le dossier")
        await pilot.press("tab", "tab")
        await type_text(pilot, "28 février")
        said = "Compris : 28 février 2027 (sans année : le prochain 28 février)"
        assert message(form, "deadline") == said
        assert said in screen_text(pilot.app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: len(load(data_dir, AMELIE).roadmap) == before + 1, what="saved")
        assert load(data_dir, AMELIE).roadmap[-1].deadline == date(2027, 2, 28)


def candidate_files(data_dir: Path) -> set[str]:
    return {p.stem for p in (data_dir / "candidates").glob("*.json")}


async def test_candidate_dates_without_a_year_take_the_year_each_field_means(app, data_dir):
    before = candidate_files(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CandidateForm), what="candidate form")
        form = pilot.app.screen
        await type_text(pilot, "Yanis Perrin")
        form.query_one("#funding", Select).value = FundingRoute.CPF
        form.query_one("#consent").focus_input()
        await type_text(pilot, "28/02")
        form.query_one("#agreement").focus_input()  # past the consent boxes and the sending date
        await type_text(pilot, "20 novembre")
        await pilot.press("tab")
        await type_text(pilot, "2 décembre")
        assert message(form, "consent") == "Compris : 28 février 2026 (sans année : le dernier 28 février)"
        assert message(form, "agreement") == "Compris : 20 novembre 2026 (sans année : le 20 novembre le plus proche)"
        assert message(form, "start") == "Compris : 2 décembre 2026 (sans année : le 2 décembre le plus proche)"
        form.query_one("#consultant").focus_input()
        await type_text(pilot, "Claire Martin")
        await pilot.press("enter")
        await wait_until(pilot, lambda: candidate_files(data_dir) - before, what="candidate file")
        (new_id,) = candidate_files(data_dir) - before
        candidate = raw(data_dir, new_id)["candidate"]["1"]
        assert (candidate["consent_date"], candidate["agreement_date"], candidate["start_date"]) == (
            "2026-02-28", "2026-11-20", "2026-12-02")
