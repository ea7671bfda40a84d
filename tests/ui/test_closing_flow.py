"""The end of the bilan as the consultant goes through it, checked on disk:
the consent and agreement in the form, the follow-up proposed after the
conclusion, the check list of "b", and a closed file read-only but for its
follow-up."""

from __future__ import annotations

from datetime import date, datetime

from textual import events

from seance_pilot import _key, answer, load, notifications, open_candidate, screen_text, type_text, wait_until
from seance_tui.domain.model import ChangeKind, SeanceStatus, SynthesisVersion
from seance_tui.storage.store import WritableStore
from seance_tui.ui.dialogs.candidate_form import CandidateForm
from seance_tui.ui.dialogs.choice import ChoiceDialog
from seance_tui.ui.dialogs.closing import ClosingDialog
from seance_tui.ui.dialogs.follow_up import FollowUpDialog
from seance_tui.ui.dialogs.pick_phase import PickDialog
from seance_tui.ui.widgets.notes import NotesEditor

HELENE = "helene-chaussee"  # plan de développement (employer-funded); last séance: conclusion, 24/11/2026


def header(app) -> str:
    return str(app.screen.query_one("#app-header").render())


async def send_all_at_once(pilot, keys) -> None:
    for key in keys:
        pilot.app.post_message(key)
    await pilot.pause()


def burst(*parts):
    named = {"tab": "\t", "end": None, "ctrl+u": "\x15", "enter": "\r"}
    keys = []
    for part in parts:
        if part.startswith("<") and part.endswith(">") and len(part) > 2:
            keys.append(events.Key(part[1:-1], named[part[1:-1]]))
        else:
            keys.extend(_key(c) for c in part)
    return keys


async def test_consent_and_agreement_typed_without_pause_are_on_disk_and_logged(app, data_dir):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_candidate(pilot, "helene")
        await pilot.press("f3", "ctrl+g")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CandidateForm), what="candidate form")
        form = pilot.app.screen
        form.query_one("#consent").focus_input()
        await pilot.pause()
        # From the consent date: two boxes ticked with space, then the agreement's two dates.
        await send_all_at_once(pilot, burst(
            "<tab>", " ", "<tab>", " ", "<tab>", "<end>", "<ctrl+u>", "1/10/2026", "<tab>",
            "<end>", "<ctrl+u>", "15/10/2026",
        ))
        await wait_until(pilot, lambda: "plus de 10 jours" in screen_text(pilot.app), what="R6313-8 warning in the form")
        await pilot.press("enter")
        await wait_until(pilot, lambda: load(data_dir, HELENE).candidate.agreement_sent_date is not None,
                         what="saved")
        candidate = load(data_dir, HELENE).candidate
        assert candidate.keep_documents_consent and candidate.synthesis_to_adviser
        assert (candidate.agreement_sent_date, candidate.agreement_date) == (date(2026, 10, 1), date(2026, 10, 15))
        events_ = load(data_dir, HELENE).events
        consent = next(e for e in events_ if e.kind is ChangeKind.CONSENT_CHANGED)
        agreed = next(e for e in events_ if e.kind is ChangeKind.AGREEMENT_CHANGED)
        assert consent.after == {"keep_documents_consent": "oui", "synthesis_to_adviser": "oui"}
        assert agreed.before == {"agreement_sent_date": "", "agreement_date": "25/09/2026"}
        assert agreed.after == {"agreement_sent_date": "01/10/2026", "agreement_date": "15/10/2026"}
        # The workspace warns too (the timeline).
        await wait_until(pilot, lambda: "plus de 10 jours" in screen_text(pilot.app), what="warning in the timeline")


async def test_closing_a_conclusion_seance_proposes_the_follow_up(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "helene")
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, PickDialog), what="phase picker")
        await pilot.press("enter")  # conclusion, the current phase
        await wait_until(pilot, lambda: pilot.app.screen.current.record.open_seance is not None, what="séance open")
        await pilot.press("f8")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="close confirmation")
        await answer(pilot, "Oui")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, FollowUpDialog), what="follow-up proposed")
        assert "26 mai 2027" in screen_text(pilot.app)  # six months after 26/11/2026
        await pilot.press("enter")
        await wait_until(pilot, lambda: any(s.follow_up for s in load(data_dir, HELENE).seances), what="planned")
        planned = next(s for s in load(data_dir, HELENE).seances if s.follow_up)
        assert (planned.status, planned.planned_date, planned.number) == (SeanceStatus.PLANNED, date(2027, 5, 26), 8)
        assert load(data_dir, HELENE).events[-1].kind is ChangeKind.FOLLOW_UP_PLANNED
        await wait_until(pilot, lambda: "n° 8 · Entretien de suivi" in screen_text(pilot.app), what="in the timeline")
        assert "prévu le 26/05/2027" in screen_text(pilot.app)


async def test_b_names_the_unmet_items(app, data_dir):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_candidate(pilot, "helene")
        await pilot.press("f3", "b")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ClosingDialog), what="closing check list")
        text = screen_text(pilot.app)
        assert "✗ Document de synthèse remis — aucun document de synthèse n'est rédigé" in text
        assert "✗ Entretien de suivi prévu ou décliné" in text
        assert "✓ Toutes les séances closes" in text
        await pilot.press("enter")  # « Fermer »
        await wait_until(pilot, lambda: not isinstance(pilot.app.screen, ClosingDialog), what="closed dialog")
        assert load(data_dir, HELENE).candidate.end_date is None


def prepare_to_close(data_dir) -> None:
    with WritableStore(data_dir).open_for_writing(HELENE) as writer:
        record = writer.record
        record.synthesis = [SynthesisVersion(1, datetime(2026, 11, 24, 12), {"projet": "x"},
                                             handed_over=date(2026, 11, 25))]
        from seance_tui.domain.follow_up import plan_follow_up

        plan_follow_up(record, date(2026, 12, 10), "conclusion", datetime(2026, 11, 25, 12))
        writer.save(record)


async def test_a_closed_bilan_is_read_only_but_for_its_follow_up(app, data_dir, clock):
    prepare_to_close(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "helene")
        await pilot.press("f3", "b")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ClosingDialog), what="closing check list")
        await pilot.press("enter")  # the end date: today
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="confirmation")
        await answer(pilot, "Oui")
        await wait_until(pilot, lambda: load(data_dir, HELENE).candidate.end_date == date(2026, 11, 26), what="closed")
        assert "bilan clos" in header(pilot.app)

        # The notes of the last ordinary séance: read-only, typing changes nothing.
        last_notes = load(data_dir, HELENE).seance(6).notes
        await pilot.press("f4")
        await type_text(pilot, "ajout interdit")
        await pilot.pause()
        assert load(data_dir, HELENE).seance(6).notes == last_notes
        # The roadmap and reopening say why they are refused.
        await pilot.press("f5", "a")
        await wait_until(pilot, lambda: any("Le bilan est clos" in n for n in notifications(pilot.app)),
                         what="refusal said")
        assert pilot.app.screen is pilot.app.screen_stack[0] or not isinstance(pilot.app.screen, ChoiceDialog)

        # The follow-up starts (no phase asked), takes typing and closes.
        # Before its date (10/12): asked, and the reflex Entrée (« Non ») starts nothing.
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="asked before its date")
        question = str(pilot.app.screen.query_one(".dialog-question").render())
        assert question == "L'entretien de suivi est prévu le 10 décembre 2026. Le tenir dès aujourd'hui ?"
        await pilot.press("enter")
        await wait_until(pilot, lambda: not isinstance(pilot.app.screen, ChoiceDialog), what="dialog gone")
        assert load(data_dir, HELENE).open_seance is None
        # On its date, F6 starts it at once.
        clock.advance(days=14)
        await pilot.press("f6")
        await wait_until(pilot, lambda: pilot.app.screen.current.record.open_seance is not None, what="follow-up open")
        assert pilot.app.screen.current.record.open_seance.number == 7
        assert pilot.app.focused is pilot.app.screen.query_one("#notes-editor", NotesEditor)
        # The follow-up interview's own template, not the conclusion's.
        assert pilot.app.screen.current.record.seance(7).notes.startswith("## Situation depuis le bilan")
        await type_text(pilot, "Suivi : en poste depuis décembre.")
        await wait_until(pilot, lambda: "en poste depuis" in load(data_dir, HELENE).seance(7).notes,
                         what="follow-up notes saved")
        await pilot.press("f8")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="close confirmation")
        await answer(pilot, "Oui")
        await wait_until(pilot, lambda: load(data_dir, HELENE).seance(7).status is SeanceStatus.CLOSED,
                         what="follow-up closed")
        assert load(data_dir, HELENE).seance(6).notes == last_notes


async def test_u_plans_the_follow_up_and_f6_asks_which_seance(app, data_dir):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_candidate(pilot, "helene")
        await pilot.press("f3", "u")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, FollowUpDialog), what="follow-up dialog")
        # The date is typed in French over the proposed one.
        await send_all_at_once(pilot, burst("<end>", "<ctrl+u>", "dans 3 mois", "<enter>"))
        await wait_until(pilot, lambda: any(s.follow_up for s in load(data_dir, HELENE).seances), what="planned")
        assert next(s for s in load(data_dir, HELENE).seances if s.follow_up).planned_date == date(2027, 2, 26)
        # F6: an ordinary séance does not take the follow-up's place.
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ChoiceDialog), what="which séance")
        assert "Un entretien de suivi est prévu le 26 février 2027" in screen_text(pilot.app)
        await pilot.press("enter")  # the first answer: an ordinary séance
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, PickDialog), what="phase picker")
        await pilot.press("enter")
        await wait_until(pilot, lambda: load(data_dir, HELENE).open_seance is not None, what="séance open")
        on_disk = load(data_dir, HELENE)
        assert not on_disk.open_seance.follow_up and on_disk.open_seance.number == 8
        assert next(s for s in on_disk.seances if s.follow_up).status is SeanceStatus.PLANNED
        # Declined from the timeline: the planned one is withdrawn, and said in the timeline.
        await pilot.press("f3", "u")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, FollowUpDialog), what="follow-up dialog")
        await pilot.click("#decline")
        await wait_until(pilot, lambda: load(data_dir, HELENE).candidate.follow_up_declined, what="declined")
        assert not any(s.follow_up for s in load(data_dir, HELENE).seances)
        assert load(data_dir, HELENE).events[-1].kind is ChangeKind.FOLLOW_UP_DECLINED
