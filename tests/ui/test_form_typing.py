"""Forms typed with no pause between keys: every key lands in the field that
had focus when it was typed, and is applied in the order it was typed.

All keys are queued at once (as a terminal delivers a fast typist's or a
macro's keys), Tab and backspace included, then what is saved on disk is
checked. tests/e2e/test_tmux_forms.py types the same forms in a real terminal.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual import events

from seance_pilot import _key, load, raw, open_candidate, wait_until
from seance_tui.ui.dialogs.candidate_form import CandidateForm
from seance_tui.ui.dialogs.roadmap_form import RoadmapForm

AMELIE = "amelie-duboeuf"
NAMED = {  # name: the character a terminal sends with it, if any
    "tab": "\t", "shift+tab": None, "backspace": "\x7f", "enter": "\r", "left": None, "right": None,
    "home": None, "end": None, "down": None, "ctrl+u": "\x15",
}


def burst(*parts: str) -> list[events.Key]:
    """``burst("Obj", "<tab>", "Moy")``: text typed as it is, ``<name>`` for a named key."""
    keys = []
    for part in parts:
        if part.startswith("<") and part.endswith(">") and len(part) > 2:
            keys.append(events.Key(part[1:-1], NAMED[part[1:-1]]))  # a new event each time
        else:
            keys.extend(_key(c) for c in part)
    return keys


async def send_all_at_once(pilot, keys: list[events.Key]) -> None:
    for key in keys:
        pilot.app.post_message(key)
    await pilot.pause()


def candidate_files(data_dir: Path) -> set[str]:
    return {p.stem for p in (data_dir / "candidates").glob("*.json")}


async def open_roadmap_form(pilot, key: str) -> RoadmapForm:
    await open_candidate(pilot, "amelie")
    await pilot.press("f5")
    await pilot.press(key)
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, RoadmapForm), what="roadmap form")
    return pilot.app.screen


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_roadmap_form_typed_without_pause(make_app, data_dir, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        before = len(load(data_dir, AMELIE).roadmap)
        await open_roadmap_form(pilot, "a")
        await send_all_at_once(pilot, burst(
            "Objx", "<backspace>", "<tab>",
            "Moyy", "<backspace>", "<backspace>", "<left>", "e", "<end>", "ens", "<tab>",
            "28/02/2028", "<backspace>", "7", "<enter>",
        ))
        await wait_until(pilot, lambda: len(load(data_dir, AMELIE).roadmap) == before + 1, what="objective saved")
        added = load(data_dir, AMELIE).roadmap[-1]
        assert (added.objective, added.means, added.deadline) == ("Obj", "Meoens", date(2027, 2, 28))


async def test_roadmap_edit_typed_without_pause(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        item = load(data_dir, AMELIE).roadmap[0]
        await open_roadmap_form(pilot, "e")  # row 0, its values selected on focus
        await send_all_at_once(pilot, burst(
            "<end>", "!", "<tab>", "<end>", "<ctrl+u>", "Stage", "<tab>", "<shift+tab>", "<end>", " court", "<enter>",
        ))
        await wait_until(pilot, lambda: load(data_dir, AMELIE).roadmap[0].objective != item.objective,
                         what="objective edited")
        edited = load(data_dir, AMELIE).roadmap[0]
        assert edited.objective == item.objective + "!"
        assert edited.means == "Stage court"  # shift+tab came back to it: selected on focus, end, then typed
        assert edited.deadline == item.deadline


async def test_candidate_form_typed_without_pause(app, data_dir):
    before = candidate_files(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CandidateForm), what="candidate form")
        form = pilot.app.screen
        await send_all_at_once(pilot, burst(
            "Clémence Ebrx", "<backspace>", "<backspace>", "<left>", "<backspace>", "É", "<end>",
            "rard", "<tab>",
            "06 12 34 56 78", "<tab>",
            "<ctrl+u>", "Claire Martinn", "<backspace>", "<tab>",
        ))
        # The open funding list (Select's overlay) is chosen key by key: it takes
        # focus only once the App has run the Entrée that opened it.
        await wait_until(pilot, lambda: form.focused is form.query_one("#funding"), what="funding list focused")
        await pilot.press("enter", "down", "enter", "tab")
        await send_all_at_once(pilot, burst(
            "15/03/2026", "<tab>",
            " ", "<tab>", "<tab>",  # documents kept a year for follow-up: yes; synthesis to the adviser: no
            "<tab>", "<tab>",  # no agreement (sent, signed)
            "1er décembre 2026", "<shift+tab>", "<tab>", "<tab>",
            "20,5", "<backspace>", "<backspace>", "<backspace>", "0", "<enter>",
        ))
        await wait_until(pilot, lambda: candidate_files(data_dir) - before, what="candidate file")
        (new_id,) = candidate_files(data_dir) - before
        candidate = raw(data_dir, new_id)["candidate"]["1"]
        assert candidate["name"] == "Clémence Ébrard"
        assert candidate["contact"] == "06 12 34 56 78"
        assert candidate["consultant"] == "Claire Martin"
        assert candidate["funding"] == "cpf"
        assert candidate["consent_date"] == "2026-03-15"
        assert candidate["agreement_date"] is None and candidate["agreement_sent_date"] is None
        assert (candidate["keep_documents_consent"], candidate["synthesis_to_adviser"]) == (True, False)
        assert candidate["start_date"] == "2026-12-01"
        assert candidate["hours_budget"] == 20


async def test_keys_typed_right_after_tab_out_of_the_funding_list_land_in_the_next_field(app, data_dir):
    """The funding list chosen, then Tab and the consent date in one burst: the
    date went to the list (lost) while Tab waited for the App to move focus."""
    from textual.widgets import Select

    from seance_tui.domain.model import FundingRoute

    before = candidate_files(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("ctrl+n")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CandidateForm), what="candidate form")
        form = pilot.app.screen
        await send_all_at_once(pilot, burst("Basile Rapide", "<tab>", "<tab>", "<ctrl+u>", "Claire Martin", "<tab>"))
        funding = form.query_one("#funding", Select)
        await wait_until(pilot, lambda: form.focused is funding, what="funding list focused")
        await pilot.press("enter", "down", "enter")
        await wait_until(pilot, lambda: funding.value is FundingRoute.CPF and form.focused is funding
                         and not funding.expanded, what="CPF chosen, the list closed and focused")
        await send_all_at_once(pilot, burst("<tab>", "15/03/2026", "<enter>"))
        await wait_until(pilot, lambda: candidate_files(data_dir) - before, what="candidate file")
        (new_id,) = candidate_files(data_dir) - before
        candidate = raw(data_dir, new_id)["candidate"]["1"]
        assert candidate["name"] == "Basile Rapide"
        assert candidate["funding"] == "cpf"
        assert candidate["consent_date"] == "2026-03-15"
