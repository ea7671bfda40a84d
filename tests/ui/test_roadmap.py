"""The live feuille de route: every change saved at once and logged, each checked on disk."""

from __future__ import annotations

from datetime import datetime

from seance_pilot import answer, load, raw, type_text, open_candidate, wait_until
from seance_tui.domain.model import RoadmapStatus
from seance_tui.ui.dialogs.choice import ChoiceDialog
from seance_tui.ui.dialogs.fields import DateField
from seance_tui.ui.dialogs.roadmap_form import RoadmapForm

AMELIE = "amelie-duboeuf"  # eight objectives, no séance open


def objectives(data_dir) -> list[str]:
    return [item.objective for item in load(data_dir, AMELIE).roadmap]


def events(data_dir, kind: str) -> list[dict]:
    return [e for e in raw(data_dir, AMELIE)["events"].values() if e["kind"] == kind]


def table_row(app, index: int) -> list[str]:
    return [str(cell) for cell in app.screen.query_one("#roadmap-table").get_row_at(index)]


async def open_roadmap(pilot, row: int) -> None:
    await open_candidate(pilot, "amelie")
    await pilot.press("f5")
    table = pilot.app.screen.query_one("#roadmap-table")
    assert pilot.app.focused is table
    for _ in range(row):
        await pilot.press("down")
    assert table.cursor_row == row


async def test_status_cycles_with_s(app, data_dir, clock):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_roadmap(pilot, row=4)  # "Construire le prévisionnel…", à faire
        item = load(data_dir, AMELIE).roadmap[4]
        assert item.status is RoadmapStatus.TODO
        seen = []
        for _ in range(4):
            clock.advance(minutes=1)
            await pilot.press("s")
            await pilot.pause()
            seen.append(load(data_dir, AMELIE).roadmap[4].status)
            assert table_row(pilot.app, 4)[3] == seen[-1].label
        assert seen == [RoadmapStatus.IN_PROGRESS, RoadmapStatus.ACHIEVED, RoadmapStatus.DROPPED, RoadmapStatus.TODO]
        logged = [e for e in events(data_dir, "roadmap_status") if e["target"] == item.id]
        assert [(e["before"]["status"], e["after"]["status"]) for e in logged] == [
            ("a_faire", "en_cours"), ("en_cours", "atteint"), ("atteint", "abandonne"), ("abandonne", "a_faire"),
        ]
        assert [e["at"] for e in logged] == [f"2026-11-26T10:0{m}:00" for m in range(1, 5)]
        assert all(e["seance"] is None for e in logged)  # no séance was open


async def test_delete_asks_first(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_roadmap(pilot, row=7)
        doomed = load(data_dir, AMELIE).roadmap[7]

        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="confirmation")
        assert doomed.objective in str(pilot.app.screen.query_one(".dialog-question").render())
        await pilot.press("escape")  # changed her mind
        await pilot.pause()
        assert len(objectives(data_dir)) == 8

        await pilot.press("delete")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="confirmation")
        await answer(pilot, "Oui")
        await wait_until(pilot, lambda: len(objectives(data_dir)) == 7, what="deleted on disk")
        assert doomed.objective not in objectives(data_dir)
        assert pilot.app.screen.query_one("#roadmap-table").row_count == 7
        (logged,) = events(data_dir, "roadmap_deleted")  # the demo has deleted nothing before
        assert logged["target"] == doomed.id and logged["before"]["objective"] == doomed.objective


async def test_reorder_with_shift_arrows(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_roadmap(pilot, row=0)
        before = objectives(data_dir)
        await pilot.press("shift+down", "shift+down")
        await pilot.pause()
        after = objectives(data_dir)
        assert after == before[1:3] + before[:1] + before[3:]
        assert pilot.app.screen.query_one("#roadmap-table").cursor_row == 2  # the cursor follows the item
        assert table_row(pilot.app, 2)[0].startswith("Faire un stage d'observation")
        await pilot.press("shift+up")
        await pilot.pause()
        assert objectives(data_dir) == before[1:2] + before[:1] + before[2:]
        moves = [(e["before"]["position"], e["after"]["position"]) for e in events(data_dir, "roadmap_moved")]
        assert moves == [("1", "2"), ("2", "3"), ("3", "2")]

        # At the top, shift+up changes nothing and logs nothing.
        await pilot.press("up", "up", "shift+up")
        await pilot.pause()
        assert len(events(data_dir, "roadmap_moved")) == 3


async def test_edit_in_place_and_invalid_deadline(app, data_dir, clock):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_roadmap(pilot, row=5)
        item = load(data_dir, AMELIE).roadmap[5]
        modified_before = len(events(data_dir, "roadmap_modified"))
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, RoadmapForm), what="edit form")
        form = pilot.app.screen
        await pilot.press("tab", "tab")  # to the deadline, filled with the current one
        await pilot.press("end", "ctrl+u")  # Input: delete everything left of the cursor
        await type_text(pilot, "30 février 2027")
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is form  # refused
        message = str(form.query_one("#deadline", DateField).query_one(".field-message").render())
        assert "30 février 2027 n'existe pas" in message
        assert load(data_dir, AMELIE).roadmap[5].deadline == item.deadline

        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "30/06/2027")
        await pilot.press("enter")
        await wait_until(pilot, lambda: pilot.app.screen is not form, what="form closed")
        await wait_until(pilot, lambda: load(data_dir, AMELIE).roadmap[5].deadline == datetime(2027, 6, 30).date())
        (logged,) = events(data_dir, "roadmap_modified")[modified_before:]
        assert logged["target"] == item.id
        assert logged["before"] == {"deadline": "31/03/2027"} and logged["after"] == {"deadline": "30/06/2027"}
        assert table_row(pilot.app, 5)[2] == "30/06/2027"


async def test_add_refuses_an_invalid_deadline(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_roadmap(pilot, row=0)
        added_before = len(events(data_dir, "roadmap_added"))
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, RoadmapForm), what="form")
        form = pilot.app.screen
        await type_text(pilot, "Objectif sans date valable")
        await pilot.press("tab", "tab")
        await type_text(pilot, "dans trois semaines et demie")
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is form
        assert form.query_one("#deadline").has_class("-invalid")
        assert str(form.query_one("#deadline").query_one(".field-message").render())
        await pilot.press("escape")
        await pilot.pause()
        assert len(objectives(data_dir)) == 8
        assert len(events(data_dir, "roadmap_added")) == added_before
