"""The overview across candidates, the workspace's first screen (issue 13 §1):
its sections, each line opening its own candidate (by id: homonyms exist),
F11 back to it, Échap to the list, names shown as typed, and never in front
of the candidate (presentation mode)."""

from __future__ import annotations

import pytest

from datetime import date

from overview_data import (
    CONTROL_NAME, CONTROL_SHOWN, HOMONYM, HOMONYM_FIRST, HOMONYM_SECOND, MARKUP_NAME, add_week, empty_data_dir,
)
from seance_pilot import notifications, open_candidate, overview_read, screen_text, wait_until
from seance_tui.ui import texts
from seance_tui.ui.screens.overview import OverviewLines, OverviewScreen
from seance_tui.ui.screens.workspace import WorkspaceScreen

NARROW = (80, 24)


def workspace(app) -> WorkspaceScreen:
    return next(s for s in app.screen_stack if isinstance(s, WorkspaceScreen))


async def choose(pilot, text: str, nth: int = 0) -> None:
    """Highlights the ``nth`` line showing ``text`` (from the top) and presses Entrée."""
    lines = pilot.app.screen.query_one(OverviewLines)
    matching = [
        i for i in range(lines.option_count)
        if not lines.get_option_at_index(i).disabled and text in str(lines.get_option_at_index(i).prompt)
    ]
    assert len(matching) > nth, (text, matching)
    lines.highlighted = matching[nth]
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, WorkspaceScreen), what="workspace shown")


async def test_the_workspace_opens_on_the_overview_with_sections_counts_and_empty_sentences(app):
    async with app.run_test(size=NARROW) as pilot:
        assert isinstance(app.screen, OverviewScreen)
        await overview_read(pilot)
        shown = screen_text(app)
        assert "Vue d'ensemble · jeudi 26 novembre 2026" in shown
        assert "Séances prévues la semaine prochaine (1)" in shown
        assert "02/12/2026  Zoé Lefèvre — séance n° 5 le 02/12/2026" in shown
        assert "Amélie Dubœuf — 21 h 15 sur 24 h (proche du budget)" in shown
        assert "Séances prévues cette semaine (0) — aucune séance prévue cette semaine" in shown
        assert "Dossiers à purger, conservation échue (0) — aucune purge à faire" in shown
        # The long objective wraps: its last words are on screen at 80 columns.
        assert "dans une association ou une mutuelle" in shown


async def test_each_line_opens_its_own_candidate_by_id_among_homonyms(data_dir, make_app):
    add_week(data_dir)
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await overview_read(pilot)
        await choose(pilot, HOMONYM, nth=1)  # Saturday's
        assert workspace(app).current.record.candidate.id == HOMONYM_SECOND
        assert workspace(app)._active_pane == "timeline"
        await pilot.press("f11")
        await wait_until(pilot, lambda: isinstance(app.screen, OverviewScreen), what="overview back")
        await overview_read(pilot)
        await choose(pilot, HOMONYM, nth=0)  # Friday's
        assert workspace(app).current.record.candidate.id == HOMONYM_FIRST


async def test_a_click_opens_the_line_clicked(data_dir, make_app):
    add_week(data_dir)
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await overview_read(pilot)
        lines = app.screen.query_one(OverviewLines)
        row = next(i for i in range(lines.option_count) if HOMONYM in str(lines.get_option_at_index(i).prompt))
        # One line per option above it here (none of them wraps at 80 columns).
        assert await pilot.click(OverviewLines, offset=(20, row))
        await wait_until(pilot, lambda: isinstance(app.screen, WorkspaceScreen), what="workspace shown")
        assert workspace(app).current.record.candidate.id == HOMONYM_FIRST


async def test_an_overdue_deadline_opens_the_roadmap(app):
    async with app.run_test(size=NARROW) as pilot:
        await overview_read(pilot)
        await choose(pilot, "échéance du 13/11/2026")
        assert workspace(app).current.record.candidate.id == "zoe-lefevre"
        assert workspace(app)._active_pane == "roadmap"
        assert app.focused.id == "roadmap-table"
        # On that objective, not on the first row (a new user's tryout).
        selected = app.focused.selected_item
        assert selected.deadline == date(2026, 11, 13) and not selected.status.is_finished


async def test_escape_goes_to_the_candidate_list_and_f11_comes_back(app):
    async with app.run_test(size=NARROW) as pilot:
        await overview_read(pilot)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, WorkspaceScreen), what="workspace shown")
        assert app.focused.id == "candidate-filter"
        await open_candidate(pilot, "amelie")
        assert workspace(app).current.record.candidate.id == "amelie-duboeuf"
        await pilot.press("f4")  # from the notes too: an F-key cannot be typed into them
        await pilot.press("f11")
        await wait_until(pilot, lambda: isinstance(app.screen, OverviewScreen), what="overview back")
        await overview_read(pilot)
        assert "Séances prévues la semaine prochaine (1)" in screen_text(app)
        # The candidate stays open beneath; Échap shows the list again.
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, WorkspaceScreen), what="workspace shown")
        assert workspace(app).current.record.candidate.id == "amelie-duboeuf"


async def test_names_show_as_typed(data_dir, make_app):
    add_week(data_dir)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await overview_read(pilot)
        shown = screen_text(app)
        assert f"30/11/2026  {MARKUP_NAME} — séance n° 2 le 30/11/2026" in shown
        assert f"26/11/2026  {CONTROL_SHOWN} — séance n° 2 le 26/11/2026" in shown
        assert CONTROL_NAME not in shown


async def test_everything_clear_is_one_sentence(data_dir, make_app):
    empty_data_dir(data_dir)
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await overview_read(pilot)
        shown = screen_text(app)
        assert texts.OVERVIEW_ALL_CLEAR[:60] in " ".join(shown.split())
        assert "(0)" not in shown


async def test_presentation_is_refused_from_the_overview(app):
    async with app.run_test(size=NARROW) as pilot:
        await overview_read(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        assert not workspace(app).presenting
        assert texts.OVERVIEW_NO_PRESENTATION in notifications(app)


async def test_the_overview_never_shows_in_presentation_mode(app):
    async with app.run_test(size=NARROW) as pilot:
        await overview_read(pilot)
        await choose(pilot, "Amélie Dubœuf")
        await pilot.press("f5", "ctrl+t")
        await wait_until(pilot, lambda: workspace(app).presenting, what="presenting")
        await pilot.press("f11")
        await pilot.pause()
        assert app.screen is workspace(app) and workspace(app).presenting
        assert "Zoé Lefèvre" not in screen_text(app)  # another candidate: never on screen here
        assert texts.PRESENTATION_LOCKED in notifications(app)
        # Nor through the palette: it does not offer it while presenting.
        from seance_tui.ui.commands import WorkspaceCommands

        provider = WorkspaceCommands(app.screen)
        offered = [binding.id for binding, _ in provider._commands()]
        assert "overview.open" not in offered


async def test_a_long_section_shows_its_first_lines_and_counts_the_rest(data_dir, make_app, monkeypatch):
    from seance_tui.ui.screens import overview as screen

    monkeypatch.setattr(screen, "MAX_SHOWN", 2)
    add_week(data_dir)  # four séances this week or next, three of them this week
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await overview_read(pilot)
        shown = screen_text(app)
        assert "Séances prévues cette semaine (3)" in shown
        assert "… et 1 de plus (la liste entière : seance agenda)" in shown
        assert "28/11/2026" not in shown.split("Séances prévues la semaine prochaine")[0]
