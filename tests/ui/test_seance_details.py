"""F10, the séance's details: tools, next steps and next date typed at zero
delay, saved on disk, logged, shown in the timeline and in the summary."""

from __future__ import annotations

from datetime import date

from textual import events

from seance_pilot import answer, load, notifications, open_candidate, screen_text, type_text, wait_until
from test_form_typing import burst, send_all_at_once
from test_seance_flow import JEROME, editor, start_seance
from seance_tui.domain.model import ChangeKind, SeanceStatus
from seance_tui.ui.dialogs.pick_phase import PickDialog
from seance_tui.ui.dialogs.seance_details import SeanceDetailsForm

TOOLS_OFFERED = 9  # phases.json: investigation's catalogue


async def open_details(pilot) -> SeanceDetailsForm:
    await pilot.press("f10")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, SeanceDetailsForm), what="details form")
    form = pilot.app.screen
    await wait_until(pilot, lambda: form.focused is not None, what="details form focused")
    return form


async def test_f10_from_the_notes_saves_typed_details_and_plans_the_next_seance(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        assert pilot.app.focused is editor(pilot.app)
        await type_text(pilot, "Avant F10")
        form = await open_details(pilot)
        # The tool list first: ↓ ↓ Espace ticks the third tool (RIASEC), then
        # the free tools, the next steps over two lines, the date.
        await send_all_at_once(pilot, burst(
            "<down>", "<down>", " ", "<tab>",
            "Photolangage, Questionnaire (RIASEC, Holland)", "<tab>",
            "Appeler deux fleuristes", "<enter>", "Lire la fiche ROMEx", "<backspace>", "<tab>",
            "17/12/2026", "<enter>",
        ))
        await wait_until(pilot, lambda: pilot.app.screen is not form, what="details saved")
        seance = max(load(data_dir, JEROME).seances, key=lambda s: s.number if s.start else 0)
        assert seance.tools == ["Questionnaire d'intérêts professionnels (RIASEC)", "Photolangage",
                                "Questionnaire (RIASEC, Holland)"]
        assert seance.next_steps == "Appeler deux fleuristes\nLire la fiche ROME"
        assert seance.next_seance_date == date(2026, 12, 17)
        assert "Avant F10" in seance.notes  # the notes typed before F10 went with the save
        record = load(data_dir, JEROME)
        (event,) = [e for e in record.events if e.kind is ChangeKind.SEANCE_DETAILS]
        assert event.seance == seance.number and event.after["next_date"] == "17/12/2026"
        planned = [s for s in record.seances if s.status is SeanceStatus.PLANNED]
        assert [(s.number, s.planned_date) for s in planned] == [(seance.number + 1, date(2026, 12, 17))]
        # The timeline shows the planned séance with its date.
        assert f"n° {seance.number + 1} · prévue le 17/12/2026" in screen_text(pilot.app)
        assert f"Détails de la séance n° {seance.number} enregistrés." in notifications(pilot.app)
        # F10 again shows what was saved.
        form = await open_details(pilot)
        text = screen_text(pilot.app)
        assert "Photolangage, Questionnaire (RIASEC, Holland)" in text and "17 décembre 2026" in text
        await pilot.press("escape")


async def test_the_closed_seance_summary_has_details_once_and_no_prompt(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)  # the investigation template: « - Outil : », « ## Pistes ouvertes »
        form = await open_details(pilot)
        await send_all_at_once(pilot, burst(" ", "<tab>", "<tab>", "Enquête auprès de deux fleuristes", "<tab>",
                                            "+14j", "<enter>"))
        await wait_until(pilot, lambda: pilot.app.screen is not form, what="details saved")
        number = pilot.app.screen.current.record.open_seance.number
        await pilot.press("f8")
        await answer(pilot, "Oui")
        exports = data_dir / "exports" / JEROME
        await wait_until(pilot, lambda: list(exports.glob(f"*seance-{number:02d}*.md")), what="summary exported")
        (path,) = exports.glob(f"*seance-{number:02d}*.md")
        summary = path.read_text(encoding="utf-8")
        assert summary.count("Outils utilisés") == 1 and summary.count("Récit de vie professionnelle") == 1
        assert summary.count("Enquête auprès de deux fleuristes") == 1
        assert summary.count("Prochaine séance : 10 décembre 2026.") == 1
        assert "- Outil :" not in summary and "Pistes ouvertes" not in summary
        assert "Aucune prochaine étape notée" not in summary


async def test_a_past_or_impossible_date_is_said_in_french_and_loses_nothing(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        number = pilot.app.screen.current.record.open_seance.number
        form = await open_details(pilot)
        await send_all_at_once(pilot, burst("<tab>", "<tab>", "Relire le CV", "<tab>", "31/02/2027", "<enter>"))
        await wait_until(pilot, lambda: "31 février 2027 n'existe pas" in screen_text(pilot.app), what="impossible")
        assert pilot.app.screen is form
        await send_all_at_once(pilot, burst("<ctrl+u>", "25/11/2026", "<enter>"))
        await wait_until(pilot, lambda: "Compris : 25 novembre 2026, une date passée" in screen_text(pilot.app),
                         what="past date refused")
        assert pilot.app.screen is form and load(data_dir, JEROME).seance(number).next_steps == ""
        await send_all_at_once(pilot, burst("<ctrl+u>", "3/12/2026", "<enter>"))
        await wait_until(pilot, lambda: pilot.app.screen is not form, what="saved")
        seance = load(data_dir, JEROME).seance(number)
        assert (seance.next_steps, seance.next_seance_date) == ("Relire le CV", date(2026, 12, 3))


async def test_hostile_text_stays_text(app, data_dir):
    hostile = "[bold]x[/] \x1b[31mrouge\x07 fin"
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        number = pilot.app.screen.current.record.open_seance.number
        form = await open_details(pilot)
        await pilot.press("tab")
        pilot.app.post_message(events.Paste(f"{hostile}\nsuite"))
        await pilot.pause()
        await send_all_at_once(pilot, burst("<tab>"))
        pilot.app.post_message(events.Paste(hostile))
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "[bold]x[/] ␛[31mrouge␇ fin suite" in text  # the free tools: one line, shown as typed
        # The bell too (Rich's Text would drop it unseen).
        assert "[bold]x[/] ␛[31mrouge␇ fin" in text.split("Prochaines étapes", 1)[1]
        assert "\x1b" not in text and "\x07" not in text
        await send_all_at_once(pilot, burst("<tab>", "<enter>"))
        await wait_until(pilot, lambda: pilot.app.screen is not form, what="saved")
        seance = load(data_dir, JEROME).seance(number)
        # A paste into a one-line field is joined, its controls kept visible (FormInput).
        assert seance.tools == ["[bold]x[/] ␛[31mrouge␇ fin suite"]
        assert seance.next_steps == hostile


async def test_typed_at_80_columns_without_pause(app, data_dir):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_candidate(pilot, "jerome")
        await start_seance(pilot)
        number = pilot.app.screen.current.record.open_seance.number
        form = await open_details(pilot)
        await send_all_at_once(pilot, burst(
            "<down>", " ", "<down>", "<down>", " ", "<tab>", "Carte mentalx", "<backspace>", "e", "<tab>",
            "Un", "<enter>", "Deux", "<tab>", "dans 2 semaines", "<enter>",
        ))
        await wait_until(pilot, lambda: pilot.app.screen is not form, what="details saved")
        seance = load(data_dir, JEROME).seance(number)
        assert seance.tools == ["Portefeuille de compétences", "Inventaire de personnalité", "Carte mentale"]
        assert (seance.next_steps, seance.next_seance_date) == ("Un\nDeux", date(2026, 12, 10))


async def test_f10_needs_an_open_seance(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await pilot.press("f10")
        await wait_until(pilot, lambda: any("F10" in n for n in notifications(pilot.app)), what="said")
        assert not isinstance(pilot.app.screen, SeanceDetailsForm)


async def test_a_corrected_seance_is_exported_again_marked_corrected(app, data_dir, clock):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "jerome")
        await pilot.press("f9")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, PickDialog), what="which séance")
        await pilot.press("enter")  # n° 2, the latest closed
        await answer(pilot, "Oui")
        await wait_until(pilot, lambda: load(data_dir, JEROME).seance(2).status is SeanceStatus.OPEN)
        # Its details can be corrected too (F10 works from the notes).
        form = await open_details(pilot)
        await send_all_at_once(pilot, burst("<tab>", "Photolangage", "<tab>", "<end>", " (corrigé)", "<tab>", "<enter>"))
        await wait_until(pilot, lambda: pilot.app.screen is not form, what="details saved")
        clock.advance(minutes=5)
        await pilot.press("f8")
        await answer(pilot, "Oui")
        summary = data_dir / "exports" / JEROME / "2026-11-24-seance-02.md"
        await wait_until(pilot, lambda: summary.exists() and "corrigé le" in summary.read_text(encoding="utf-8"),
                         what="summary exported again")
    text = summary.read_text(encoding="utf-8")
    assert text.split("\n")[2] == "_Compte rendu corrigé le 26 novembre 2026._"
    assert "- Photolangage" in text and "Ligne de vie professionnelle" in text
    kinds = [e.kind for e in load(data_dir, JEROME).events if e.seance == 2]
    assert kinds[-3:] == [ChangeKind.SEANCE_REOPENED, ChangeKind.SEANCE_DETAILS, ChangeKind.SEANCE_CORRECTED]
