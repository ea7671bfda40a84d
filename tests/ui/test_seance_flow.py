"""A séance from start to summary, as the consultant runs it, checked on disk."""

from __future__ import annotations

import os
import time
from datetime import date, datetime

from markdown_it import MarkdownIt

from seance_pilot import answer, load, notifications, open_candidate, raw, type_text, wait_until
from seance_tui.domain.model import SeanceStatus
from seance_tui.storage import recovery
from seance_tui.storage.store import CandidateWriter
from seance_tui.ui.dialogs.candidate_form import CandidateForm
from seance_tui.ui.dialogs.choice import ChoiceDialog
from seance_tui.ui.dialogs.pick_phase import PickDialog
from seance_tui.ui.dialogs.roadmap_form import RoadmapForm
from seance_tui.ui.widgets.notes import NotesEditor

JEROME = "jerome-marchand"  # two closed séances, investigation phase, 4 h used


def editor(app) -> NotesEditor:
    return app.screen.query_one("#notes-editor", NotesEditor)


def save_state(app) -> str:
    return str(app.screen.query_one("#save-state").render())


async def start_seance(pilot) -> None:
    """F6, then Enter on the phase offered (the candidate's current one)."""
    await pilot.press("f6")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, PickDialog), what="phase picker")
    await pilot.press("enter")
    await wait_until(pilot, lambda: pilot.app.screen.current.record.open_seance is not None, what="séance open")
    await pilot.pause()


def header_text(app) -> str:
    return str(app.screen.query_one("#app-header").render())


def dialog_text(app) -> str:
    return str(app.screen.query_one(".dialog-question").render())


async def add_roadmap_item(pilot, objective: str, means: str, deadline: str) -> None:
    await pilot.press("a")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, RoadmapForm), what="roadmap form")
    await type_text(pilot, objective)
    await pilot.press("tab")
    await type_text(pilot, means)
    await pilot.press("tab")
    await type_text(pilot, deadline)
    await pilot.press("enter")
    await wait_until(pilot, lambda: not isinstance(pilot.app.screen, RoadmapForm), what="form closed")


async def test_a_whole_seance(app, data_dir, clock):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        on_disk = load(data_dir, JEROME)
        seance = on_disk.open_seance
        assert seance is not None and seance.number == 3
        assert seance.phase == "investigation" and seance.start == datetime(2026, 11, 26, 10, 0)
        assert "Séance n° 3" in str(pilot.app.screen.query_one("#app-header").render())

        # Notes: typed into the template, saved by the autosave.
        assert pilot.app.focused is editor(pilot.app)
        await type_text(pilot, "Il veut devenir ébéniste.\nÀ revoir : le financement.")
        await wait_until(pilot, lambda: load(data_dir, JEROME).seance(3).notes == editor(pilot.app).text)
        notes = load(data_dir, JEROME).seance(3).notes
        assert "Il veut devenir ébéniste.\nÀ revoir : le financement." in notes
        assert notes.startswith("#")  # the investigation template, filled in
        await wait_until(pilot, lambda: save_state(pilot.app) == "enregistré")

        # Three objectives with French deadlines, relative to the fixed clock (26/11/2026).
        clock.advance(minutes=20)
        await pilot.press("f5")
        await add_roadmap_item(pilot, "Visiter un atelier d'ébénisterie", "Réseau de l'oncle", "15/03/2027")
        await add_roadmap_item(pilot, "S'inscrire au CAP", "CFA du bois", "dans 3 mois")
        await add_roadmap_item(pilot, "Appeler Transitions Pro", "", "+10j")
        await pilot.pause()

        on_disk = load(data_dir, JEROME)
        added = {item.objective: item for item in on_disk.roadmap}
        assert added["Visiter un atelier d'ébénisterie"].deadline == date(2027, 3, 15)
        assert added["Visiter un atelier d'ébénisterie"].means == "Réseau de l'oncle"
        assert added["S'inscrire au CAP"].deadline == date(2027, 2, 26)
        assert added["Appeler Transitions Pro"].deadline == date(2026, 12, 6)
        new_ids = {added[o].id for o in ("Visiter un atelier d'ébénisterie", "S'inscrire au CAP", "Appeler Transitions Pro")}
        assert all(added[o].created_in == 3 for o in added if added[o].id in new_ids)
        events = [e for e in raw(data_dir, JEROME)["events"].values() if e["kind"] == "roadmap_added"]
        logged = {e["target"]: e for e in events}
        assert new_ids <= set(logged)
        assert all(logged[i]["seance"] == 3 and logged[i]["at"] == "2026-11-26T10:20:00" for i in new_ids)
        table = pilot.app.screen.query_one("#roadmap-table")
        assert table.row_count == len(on_disk.roadmap)
        assert "06/12/2026" in [str(c) for c in table.get_row_at(table.row_count - 1)]

        # Close: confirmed, recorded, exported.
        clock.advance(hours=1, minutes=10)
        await pilot.press("f8")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="close confirmation")
        assert "Clore la séance n° 3" in str(pilot.app.screen.query_one(".dialog-question").render())
        await answer(pilot, "Oui")
        summary_file = data_dir / "exports" / "jerome-marchand" / "2026-11-26-seance-03.md"
        await wait_until(pilot, summary_file.exists, what="summary exported")
        await wait_until(pilot, lambda: any(str(summary_file) in n for n in notifications(pilot.app)))

    closed = load(data_dir, JEROME).seance(3)
    assert closed.status is SeanceStatus.CLOSED
    assert closed.end == datetime(2026, 11, 26, 11, 30)
    assert "Il veut devenir ébéniste." in closed.notes

    tokens = MarkdownIt("commonmark").enable("table").parse(summary_file.read_text(encoding="utf-8"))
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert any("Jérôme Marchand" in h for h in headings), headings
    cells = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "td_open"]
    for objective in ("Visiter un atelier d'ébénisterie", "S'inscrire au CAP", "Appeler Transitions Pro"):
        assert any(objective in cell for cell in cells), (objective, cells)
    assert any("15/03/2027" in cell or "15 mars 2027" in cell for cell in cells), cells


async def test_autosave_under_fast_typing(app, data_dir, monkeypatch):
    """Typing on while slow saves run: what ends up on disk is exactly what the editor holds."""
    real_save = CandidateWriter.save_tables
    saves_started = 0

    def slow_save(self, tables):
        nonlocal saves_started
        saves_started += 1
        time.sleep(0.15)  # a slow disk: saves overlap the typing and may finish out of order
        real_save(self, tables)

    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        monkeypatch.setattr(CandidateWriter, "save_tables", slow_save)
        typed = ""
        for n in range(12):
            chunk = f"Ligne {n:02d} : éàçœ « guillemets » [crochets] — {'x' * (n % 5)}.\n"
            typed += chunk
            # Counted from before the chunk: on a slow machine its save may
            # already have started while type_text waited for the keys.
            started = saves_started
            await type_text(pilot, chunk)
            if n % 3 == 2:  # until the autosave starts mid-typing
                await wait_until(pilot, lambda: saves_started > started, what="a save started")
        assert len(typed) >= 300
        await wait_until(pilot, lambda: load(data_dir, JEROME).seance(3).notes == editor(pilot.app).text)
        await wait_until(pilot, lambda: save_state(pilot.app) == "enregistré", what="saved")
        text = editor(pilot.app).text
        assert typed in text
        assert load(data_dir, JEROME).seance(3).notes == text


async def test_failed_save_keeps_the_text_and_retries(app, data_dir, monkeypatch):
    real_save = CandidateWriter.save_tables
    disk_full = True
    failed_saves = 0

    def failing_save(self, tables):
        nonlocal failed_saves
        if disk_full:
            failed_saves += 1
            raise OSError(28, "disque plein")
        real_save(self, tables)

    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        await wait_until(pilot, lambda: save_state(pilot.app) == "enregistré")
        monkeypatch.setattr(CandidateWriter, "save_tables", failing_save)

        await type_text(pilot, "Note à ne pas perdre.")
        await wait_until(pilot, lambda: save_state(pilot.app) == "erreur d'enregistrement", what="error shown")
        assert pilot.app.screen.query_one("#save-state").has_class("-error")
        assert "Note à ne pas perdre." in editor(pilot.app).text
        assert "Note à ne pas perdre." not in load(data_dir, JEROME).seance(3).notes
        assert any("disque plein" in n for n in notifications(pilot.app))

        # Typing on during the fault: still kept, still "erreur".
        failed = failed_saves
        await type_text(pilot, " Et celle-ci.")
        await wait_until(pilot, lambda: failed_saves > failed, timeout=8, what="a save of it tried")
        assert save_state(pilot.app) == "erreur d'enregistrement"

        disk_full = False  # space freed: the automatic retry (every 2 s) saves it all
        await wait_until(pilot, lambda: save_state(pilot.app) == "enregistré", timeout=8, what="retry saved")
        assert load(data_dir, JEROME).seance(3).notes == editor(pilot.app).text
        assert "Note à ne pas perdre. Et celle-ci." in editor(pilot.app).text
        assert "Enregistrement rétabli." in notifications(pilot.app)


async def test_budget_reached_pauses_and_going_on_is_asked_with_f7(app, data_dir, clock):
    amelie = "amelie-duboeuf"  # 21 h 15 used of 24 h
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "amelie")
        await start_seance(pilot)
        number = load(data_dir, amelie).open_seance.number

        clock.advance(hours=2, minutes=50)  # 2 h 45 were left; the 1 s tick sees the crossing
        await wait_until(pilot, lambda: load(data_dir, amelie).seance(number).is_paused, what="paused on disk")
        pause = load(data_dir, amelie).seance(number).pauses[-1]
        assert pause.start == datetime(2026, 11, 26, 12, 45) and pause.end is None  # when 24 h were reached
        banner = pilot.app.screen.query_one("#budget-banner")
        assert banner.display and "Budget de 24 h atteint" in str(banner.render())
        assert not isinstance(pilot.app.screen, ChoiceDialog)  # a banner, not a question under the typing

        clock.advance(minutes=5)
        await pilot.press("f7")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="budget question")
        assert "au-delà" in dialog_text(pilot.app)
        await answer(pilot, "Oui")
        await wait_until(pilot, lambda: not load(data_dir, amelie).seance(number).is_paused, what="resumed")
        seance = load(data_dir, amelie).seance(number)
        assert seance.status is SeanceStatus.OPEN
        assert seance.pauses[-1].end == datetime(2026, 11, 26, 12, 55)
        assert not pilot.app.screen.query_one("#budget-banner").display

        # Confirmed once: the next ticks neither pause nor ask again.
        clock.advance(minutes=30)
        shown = header_text(pilot.app)
        await wait_until(pilot, lambda: header_text(pilot.app) != shown, what="a tick (the header's time moves)")
        assert not isinstance(pilot.app.screen, ChoiceDialog)
        assert not load(data_dir, amelie).seance(number).is_paused


async def test_budget_refused_leaves_the_seance_paused(app, data_dir, clock):
    amelie = "amelie-duboeuf"
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "amelie")
        await start_seance(pilot)
        number = load(data_dir, amelie).open_seance.number
        clock.advance(hours=3)
        await wait_until(pilot, lambda: load(data_dir, amelie).seance(number).is_paused, what="paused on disk")
        await pilot.press("f7")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="budget question")
        await answer(pilot, "Non")
        await pilot.pause()
        assert load(data_dir, amelie).seance(number).is_paused
        assert "en pause" in str(pilot.app.screen.query_one("#app-header").render())
        assert pilot.app.screen.query_one("#budget-banner").display


async def test_reopen_a_closed_seance(app, data_dir, clock):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await pilot.press("f9")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, PickDialog), what="which séance")
        await pilot.press("enter")  # the latest closed one, n° 2, comes first
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="confirmation")
        assert "n° 2" in dialog_text(pilot.app)
        await answer(pilot, "Oui")
        await wait_until(pilot, lambda: load(data_dir, JEROME).seance(2).status is SeanceStatus.OPEN)

        events = [e for e in raw(data_dir, JEROME)["events"].values() if e["kind"] == "seance_reopened"]
        assert events == [{
            "at": "2026-11-26T10:00:00", "kind": "seance_reopened", "seance": 2, "target": "seance:2",
            "before": {}, "after": {},
        }]
        reopened = load(data_dir, JEROME).seance(2)
        assert reopened.end == datetime(2026, 11, 24, 12, 0)  # a correction: its times stay as they were

        # The correction is typed, and closing again writes the summary anew.
        assert not editor(pilot.app).read_only
        await pilot.press("ctrl+end")
        await type_text(pilot, "\nCorrection : le rendez-vous est le 3 décembre.")
        clock.advance(minutes=15)
        await pilot.press("f8")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="close confirmation")
        await answer(pilot, "Oui")
        summary = data_dir / "exports" / "jerome-marchand" / "2026-11-24-seance-02.md"
        await wait_until(pilot, lambda: summary.exists() and "3 décembre" in summary.read_text(encoding="utf-8"))
    seance = load(data_dir, JEROME).seance(2)
    assert seance.status is SeanceStatus.CLOSED
    assert "Correction : le rendez-vous est le 3 décembre." in seance.notes
    assert seance.duration(clock()) == datetime(2026, 11, 24, 12, 0) - datetime(2026, 11, 24, 9, 30)


async def test_quit_keeps_the_seance_open_and_it_is_offered_back(make_app, data_dir, clock):
    async with make_app().run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        await type_text(pilot, "Tapé juste avant de quitter.")
        clock.advance(minutes=40)
        await pilot.press("ctrl+q")  # at once: the autosave has not run yet
        await wait_until(pilot, lambda: pilot.app.return_code is not None, what="app exited")

    seance = load(data_dir, JEROME).seance(3)
    assert seance.status is SeanceStatus.OPEN
    assert "Tapé juste avant de quitter." in seance.notes
    assert [(p.start, p.end) for p in seance.pauses] == [(datetime(2026, 11, 26, 10, 40), None)]
    assert not (data_dir / "locks" / "jerome-marchand.owner.json").exists()  # the lock was given back

    clock.advance(hours=2)  # lunch
    async with make_app().run_test(size=(160, 48)) as pilot:
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="offered back")
        question = dialog_text(pilot.app)
        assert "séance n° 3" in question and "Jérôme Marchand" in question and "10:40" in question
        await answer(pilot, "Reprendre")
        await wait_until(pilot, lambda: load(data_dir, JEROME).seance(3).pauses[-1].end is not None)
        screen = pilot.app.screen
        assert screen.current.record.candidate.id == JEROME
        assert "Tapé juste avant de quitter." in editor(pilot.app).text
        assert not editor(pilot.app).read_only
    seance = load(data_dir, JEROME).seance(3)
    assert seance.status is SeanceStatus.OPEN
    assert [(p.start, p.end) for p in seance.pauses] == [(datetime(2026, 11, 26, 10, 40), datetime(2026, 11, 26, 12, 40))]
    assert seance.duration(datetime(2026, 11, 26, 12, 40)).total_seconds() == 40 * 60


async def test_pause_resume_and_checklist_from_the_keyboard(app, data_dir, clock):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)

        clock.advance(minutes=30)
        await pilot.press("f7")
        await wait_until(pilot, lambda: load(data_dir, JEROME).seance(3).is_paused, what="paused on disk")
        assert "en pause" in str(pilot.app.screen.query_one("#app-header").render())
        clock.advance(minutes=10)
        await pilot.press("f7")
        await wait_until(pilot, lambda: not load(data_dir, JEROME).seance(3).is_paused, what="resumed on disk")
        assert [(p.start, p.end) for p in load(data_dir, JEROME).seance(3).pauses] == [
            (datetime(2026, 11, 26, 10, 30), datetime(2026, 11, 26, 10, 40))
        ]

        # The current phase's checklist, ticked with space, saved and logged with the séance.
        await pilot.press("f3")
        assert pilot.app.focused is pilot.app.screen.query_one("#checklist")
        await pilot.press("space")
        await wait_until(pilot, lambda: "retrospectif" in load(data_dir, JEROME).checklist.get("investigation", {}))
        assert load(data_dir, JEROME).checklist["investigation"]["retrospectif"] == datetime(2026, 11, 26, 10, 40)
        await pilot.press("space")
        await wait_until(pilot, lambda: "investigation" not in load(data_dir, JEROME).checklist)
        logged = [
            (e["kind"], e["seance"], e["target"]) for e in raw(data_dir, JEROME)["events"].values()
            if e["kind"].startswith("checklist") and e["target"].startswith("checklist:investigation")
        ]
        assert logged == [
            ("checklist_ticked", 3, "checklist:investigation:retrospectif"),
            ("checklist_unticked", 3, "checklist:investigation:retrospectif"),
        ]


async def test_edit_candidate_details(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await pilot.press("f2", "ctrl+g")  # from the list: in the notes ctrl+g is only a key typed
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CandidateForm), what="form")
        form = pilot.app.screen
        budget = form.query_one("#budget").query_one("Input")
        budget.focus()
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, "20,5")
        await pilot.press("enter")
        await wait_until(pilot, lambda: load(data_dir, JEROME).candidate.hours_budget == 20.5, what="saved")
        candidate = load(data_dir, JEROME).candidate
        assert candidate.name == "Jérôme Marchand"  # the rest kept as it was
        assert "4 h / 20 h 30" in str(pilot.app.screen.query_one("#hours-gauge").render())


async def test_quit_when_the_disk_refuses_writes_a_recovery_copy(app, data_dir, tmp_path, monkeypatch):
    rescue_dir = tmp_path / "recovery"
    monkeypatch.setattr(recovery, "recovery_dirs", lambda: [rescue_dir])
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        await wait_until(pilot, lambda: save_state(pilot.app) == "enregistré")

        def refuse(self, tables):
            raise OSError(30, "système de fichiers en lecture seule")

        monkeypatch.setattr(CandidateWriter, "save_tables", refuse)
        await type_text(pilot, "Dernière note avant la panne.")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert pilot.app.return_code is None  # not yet: the consultant is told first
        assert any("ctrl+q de nouveau" in n for n in notifications(pilot.app))
        (copy,) = rescue_dir.glob("jerome-marchand-*.md")
        assert "Dernière note avant la panne." in copy.read_text(encoding="utf-8")
        assert str(copy) in notifications(pilot.app)[-1]

        await pilot.press("ctrl+q")  # knowing that, quits anyway
        await wait_until(pilot, lambda: pilot.app.return_code is not None, what="quit")
    assert "Dernière note avant la panne." not in load(data_dir, JEROME).seance(3).notes


async def crash_after_typing(make_app, data_dir, text: str, last_save: datetime) -> None:
    """A séance started and typed into, then a crash: no quit, so no pause
    recorded; the OS gives the lock back; the file was last saved at ``last_save``."""
    async with make_app().run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        await type_text(pilot, text)
        await wait_until(pilot, lambda: load(data_dir, JEROME).seance(3).notes == editor(pilot.app).text)
        await wait_until(pilot, lambda: save_state(pilot.app) == "enregistré")
        opened = pilot.app.screen.current
    opened.close()
    path = data_dir / "candidates" / f"{JEROME}.json"
    os.utime(path, (last_save.timestamp(), last_save.timestamp()))


async def test_after_a_crash_the_seance_can_be_closed_at_its_last_save(make_app, data_dir, clock):
    last_save = datetime(2026, 11, 26, 10, 25)
    await crash_after_typing(make_app, data_dir, "Avant la panne de courant.", last_save)
    seance = load(data_dir, JEROME).seance(3)
    assert seance.status is SeanceStatus.OPEN and seance.pauses == []

    clock.advance(days=1)
    async with make_app().run_test(size=(160, 48)) as pilot:
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="offered back")
        assert "10:25" in dialog_text(pilot.app)
        await answer(pilot, "Clore à 10:25")
        summary = data_dir / "exports" / "jerome-marchand" / "2026-11-26-seance-03.md"
        await wait_until(pilot, summary.exists, what="summary")
    seance = load(data_dir, JEROME).seance(3)
    assert seance.status is SeanceStatus.CLOSED and seance.end == last_save
    assert "Avant la panne de courant." in seance.notes
    assert "10 h 00 – 10 h 25" in summary.read_text(encoding="utf-8")


async def test_quit_from_a_dialog_still_saves_and_pauses(make_app, data_dir, clock):
    async with make_app().run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        await type_text(pilot, "Note tapée, puis l'aide, puis quitter.")
        clock.advance(minutes=30)
        await pilot.press("f1")
        await wait_until(pilot, lambda: type(pilot.app.screen).__name__ == "HelpScreen", what="help")
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: pilot.app.return_code is not None, what="app exited")
    seance = load(data_dir, JEROME).seance(3)
    assert "Note tapée, puis l'aide, puis quitter." in seance.notes
    assert seance.is_paused


async def test_later_after_a_crash_stops_the_clock_at_the_last_save(make_app, data_dir, clock):
    last_save = datetime(2026, 11, 26, 10, 20)
    await crash_after_typing(make_app, data_dir, "Avant la panne.", last_save)

    clock.advance(hours=20)
    async with make_app().run_test(size=(160, 48)) as pilot:
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="offered back")
        await answer(pilot, "Plus tard")
        await wait_until(pilot, lambda: load(data_dir, JEROME).seance(3).is_paused, what="paused on disk")
    seance = load(data_dir, JEROME).seance(3)
    assert seance.pauses[-1].start == last_save
    assert seance.duration(datetime(2026, 11, 27, 6, 0)).total_seconds() == 20 * 60, "the absence never counts"


async def test_checklist_ticks_typed_in_one_burst_land_on_the_steps_highlighted(app, data_dir):
    """↓ Espace ↓ ↓ Espace at zero delay: SelectionList ticked the step
    highlighted when its own message came back, so the fourth step twice
    (not at all) instead of the second and the fourth."""
    from textual import events

    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        await pilot.press("f3")
        await wait_until(pilot, lambda: pilot.app.focused is pilot.app.screen.query_one("#checklist"),
                         what="checklist focused")
        for key in ("down", "space", "down", "down", "space"):
            pilot.app.post_message(events.Key(key, " " if key == "space" else None))
        await wait_until(pilot, lambda: len(load(data_dir, JEROME).checklist.get("investigation", {})) == 2,
                         what="two steps ticked on disk")
        assert set(load(data_dir, JEROME).checklist["investigation"]) == {"outils", "pistes"}
