"""Nothing changes by accident: the safe answer is the default, and the hours
budget never takes keys typed into the notes (issue 9, §3 "Dangerous defaults")."""

from __future__ import annotations

from seance_pilot import answer, load, notifications, open_candidate, raw, type_text, wait_until
from seance_tui.storage.layout import Layout
from seance_tui.domain.phases import load_phases
from seance_tui.export.history import full_history
from seance_tui.services.review import roadmap_changes
from seance_tui.ui import texts
from seance_tui.ui.dialogs.choice import ChoiceDialog
from seance_tui.ui.dialogs.pick_phase import PickDialog

AMELIE = "amelie-duboeuf"  # 21 h 15 used of 24 h


async def start_seance(pilot) -> int:
    await pilot.press("f6")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, PickDialog), what="phase picker")
    await pilot.press("enter")
    await wait_until(pilot, lambda: pilot.app.screen.current.record.open_seance is not None, what="séance open")
    return pilot.app.screen.current.record.open_seance.number


def budget_events(data_dir) -> list[dict]:
    return [e for e in raw(data_dir, AMELIE)["events"].values() if e["kind"] == "budget_exceeded"]


async def reach_the_budget(pilot, data_dir, clock) -> int:
    await open_candidate(pilot, "amelie")
    number = await start_seance(pilot)
    await type_text(pilot, "Avant le budget.")
    clock.advance(hours=2, minutes=50)  # 2 h 45 were left
    await wait_until(pilot, lambda: load(data_dir, AMELIE).seance(number).is_paused, what="paused at the budget")
    return number


async def test_typing_on_when_the_budget_is_reached_only_types(app, data_dir, clock):
    """The budget used to ask « Continuer au-delà ? » with « Oui » focused, under the typing."""
    async with app.run_test(size=(160, 48)) as pilot:
        number = await reach_the_budget(pilot, data_dir, clock)
        await type_text(pilot, "\n o\nOui\nla suite")  # what typing sends: Entrée, Espace, letters
        await wait_until(pilot, lambda: "la suite" in pilot.app.screen.query_one("#notes-editor").text,
                         what="typing reached the notes")
        assert not isinstance(pilot.app.screen, ChoiceDialog)
        banner = pilot.app.screen.query_one("#budget-banner")
        assert banner.display and "F7" in str(banner.render())
        clock.advance(minutes=1)
        await wait_until(pilot, lambda: pilot.app.screen._last_tick == clock(), what="another tick")
        seance = load(data_dir, AMELIE).seance(number)
        assert seance.is_paused, "the séance must stay paused until a deliberate F7"
        assert budget_events(data_dir) == []
        # Saved by the autosave (at most 1 s after the key), not by the test's teardown.
        await wait_until(pilot, lambda: "la suite" in load(data_dir, AMELIE).seance(number).notes,
                         what="the typing saved")


async def test_going_past_the_budget_takes_f7_then_oui_and_is_logged(app, data_dir, clock):
    async with app.run_test(size=(160, 48)) as pilot:
        number = await reach_the_budget(pilot, data_dir, clock)
        await pilot.press("f7")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="the question")
        await pilot.press("enter")  # the default is « Non »
        await wait_until(pilot, lambda: not isinstance(pilot.app.screen, ChoiceDialog), what="answered")
        assert load(data_dir, AMELIE).seance(number).is_paused

        clock.advance(minutes=5)
        await pilot.press("f7")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="the question")
        await answer(pilot, "Oui")
        await wait_until(pilot, lambda: not load(data_dir, AMELIE).seance(number).is_paused, what="resumed")
        assert not pilot.app.screen.query_one("#budget-banner").display
        assert texts.BUDGET_CONTINUED.format(number=number, budget="24 h") in notifications(pilot.app)

    (logged,) = budget_events(data_dir)
    assert logged["seance"] == number and logged["at"] == "2026-11-26T12:55:00"
    assert logged["after"] == {"used": "24 h", "budget": "24 h"}
    record = load(data_dir, AMELIE)
    history = full_history(record, load_phases(Layout(data_dir).phases_file()), clock())
    assert "Dépassement du budget d'heures confirmé (24 h utilisées sur 24 h)" in history
    changes = roadmap_changes(record, load_phases(Layout(data_dir).phases_file()))
    assert any("Dépassement du budget" in change.text for change in changes)


async def test_deleting_an_objective_defaults_to_non(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "amelie")
        before = [item.objective for item in load(data_dir, AMELIE).roadmap]
        await pilot.press("f5", "d")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="confirmation")
        focused = pilot.app.focused
        assert str(focused.label) == texts.NO
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(pilot.app.screen, ChoiceDialog), what="answered")
        await pilot.pause()
        assert [item.objective for item in load(data_dir, AMELIE).roadmap] == before


async def test_starting_with_less_than_an_hour_left_says_so(app, data_dir, clock):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "amelie")
        await start_seance(pilot)
        clock.advance(hours=2)
        await pilot.press("f8")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="close confirmation")
        await answer(pilot, "Oui")
        await wait_until(pilot, lambda: load(data_dir, AMELIE).open_seance is None, what="closed")
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, PickDialog), what="phase picker")
        assert texts.BUDGET_LOW_START.format(left="0 h 45", budget="24 h") in notifications(pilot.app)


async def test_starting_past_the_budget_defaults_to_non_and_is_logged(app, data_dir, clock):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "amelie")
        await start_seance(pilot)
        clock.advance(hours=3)
        await wait_until(pilot, lambda: load(data_dir, AMELIE).open_seance.is_paused, what="held at the budget")
        await pilot.press("f8")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="close confirmation")
        await answer(pilot, "Oui")
        await wait_until(pilot, lambda: load(data_dir, AMELIE).open_seance is None, what="closed")
        seances = len(load(data_dir, AMELIE).seances)

        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="over-budget question")
        await pilot.press("enter")  # « Non »
        await wait_until(pilot, lambda: not isinstance(pilot.app.screen, ChoiceDialog), what="answered")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, PickDialog)
        assert len(load(data_dir, AMELIE).seances) == seances

        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="over-budget question")
        await answer(pilot, "Oui")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, PickDialog), what="phase picker")
        await pilot.press("enter")
        await wait_until(pilot, lambda: load(data_dir, AMELIE).open_seance is not None, what="started")
        number = load(data_dir, AMELIE).open_seance.number
        assert [e["seance"] for e in budget_events(data_dir)] == [number]
