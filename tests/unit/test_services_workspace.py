"""The workspace's use cases without Textual or a Pilot: what is on disk
after each one, read back through a fresh ReadOnlyStore."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta

import pytest

from seance_tui import paths
from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.domain.record import CandidateRecord
from seance_tui.services import workspace as services
from seance_tui.services.errors import RecoveryFailed, SaveFailed
from seance_tui.services.workspace import StartBudget, Workspace
from seance_tui.storage.store import CandidateWriter, ReadOnlyStore

T0 = datetime(2027, 3, 15, 10, 0)
ZOE = "zoe-lefevre"


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ws(tmp_path, monkeypatch, clock) -> Workspace:
    monkeypatch.setenv(paths.CACHE_DIR_ENV, str(tmp_path / "cache"))
    data_dir = tmp_path / "donnees"
    data_dir.mkdir()
    workspace = Workspace(data_dir, clock=clock)
    workspace.create(CandidateRecord(Candidate(
        id=ZOE, name="Zoé Lefèvre", consultant="Marc", funding=FundingRoute.CPF,
        consent_date=date(2027, 3, 1), hours_budget=24.0,
    )))
    return workspace


def on_disk(ws: Workspace, candidate_id: str = ZOE) -> CandidateRecord:
    return ReadOnlyStore(ws.data_dir).load(candidate_id)


def running(ws: Workspace, clock: Clock, notes: str = "début"):
    opened = ws.open(ZOE)
    opened.record.start_seance("investigation", clock.now, notes=notes)
    opened.mark_changed()
    opened.save_now()
    return opened


def refuse_saves(monkeypatch) -> None:
    def refuse(self, tables):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(CandidateWriter, "save_tables", refuse)


# --- snapshots ---------------------------------------------------------------


def test_an_older_snapshot_never_overwrites_a_newer_one(ws, clock):
    opened = running(ws, clock)
    seance = opened.record.open_seance
    seance.notes = "ancien"
    opened.mark_changed()
    old = opened.snapshot()
    seance.notes = "nouveau"
    opened.mark_changed()
    new = opened.snapshot()

    opened.save(new)
    opened.save(old)  # a slow worker finishing last

    assert on_disk(ws).open_seance.notes == "nouveau"
    assert not opened.dirty
    opened.close()


def test_snapshots_saved_from_threads_in_any_order_keep_the_newest(ws, clock):
    opened = running(ws, clock)
    snapshots = []
    for i in range(20):
        opened.record.open_seance.notes = f"version {i}"
        opened.mark_changed()
        snapshots.append(opened.snapshot())
    threads = [threading.Thread(target=opened.save, args=(s,)) for s in reversed(snapshots)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert on_disk(ws).open_seance.notes == "version 19"
    opened.close()


def test_a_refused_save_is_a_service_error_with_the_message(ws, clock, monkeypatch):
    opened = running(ws, clock)
    opened.set_notes("à garder")
    refuse_saves(monkeypatch)
    with pytest.raises(SaveFailed, match="No space left on device"):
        opened.save_now()
    assert opened.dirty  # kept for the retry
    opened.close()


# --- leave and quit ------------------------------------------------------------


def test_leave_saves_and_gives_the_lock_back(ws, clock):
    opened = running(ws, clock)
    assert opened.set_notes("tapé avant de partir")
    assert opened.leave() is None
    assert on_disk(ws).open_seance.notes == "tapé avant de partir"
    assert not ws.open(ZOE).read_only  # the lock is free again


def test_leave_returns_a_refused_save_and_still_closes(ws, clock, monkeypatch):
    opened = running(ws, clock)
    opened.set_notes("perdu ?")
    refuse_saves(monkeypatch)
    assert isinstance(opened.leave(), SaveFailed)
    assert opened.read_only
    assert opened.record.open_seance.notes == "perdu ?"  # there to rescue


def test_quit_pauses_a_running_seance_and_leaves_it_open(ws, clock):
    opened = running(ws, clock)
    clock.now = T0 + timedelta(minutes=30)
    assert opened.quit() is None
    seance = on_disk(ws).open_seance
    assert seance is not None and seance.is_paused
    assert seance.pauses[-1].start == T0 + timedelta(minutes=30)
    assert opened.read_only  # closed


def test_quit_leaves_a_paused_seance_as_it_was(ws, clock):
    opened = running(ws, clock)
    opened.record.pause_seance(opened.record.open_seance.number, T0 + timedelta(minutes=10))
    opened.mark_changed()
    clock.now = T0 + timedelta(hours=2)
    assert opened.quit() is None
    pauses = on_disk(ws).open_seance.pauses
    assert len(pauses) == 1 and pauses[0].start == T0 + timedelta(minutes=10) and pauses[0].end is None


def test_quit_never_pauses_a_correction(ws, clock):
    opened = running(ws, clock)
    number = opened.record.open_seance.number
    opened.record.close_seance(number, T0 + timedelta(hours=1))
    opened.record.reopen_seance(number, T0 + timedelta(hours=2))
    opened.mark_changed()
    clock.now = T0 + timedelta(hours=3)
    assert opened.quit() is None
    seance = on_disk(ws).open_seance
    assert seance.is_correction and seance.pauses == []


def test_quit_with_a_refused_save_keeps_the_lock(ws, clock, monkeypatch):
    opened = running(ws, clock)
    refuse_saves(monkeypatch)
    assert isinstance(opened.quit(), SaveFailed)
    assert not opened.read_only  # a second ctrl+q may try again
    assert opened.record.open_seance.is_paused
    opened.close()


# --- a séance left open --------------------------------------------------------


def test_later_pauses_where_activity_stopped(ws, clock):
    opened = running(ws, clock)
    opened.close()  # a crash: no pause recorded
    offers = list(ws.left_open(ws.summaries()[0]))
    assert [o.candidate_id for o in offers] == [ZOE]
    offer = offers[0]
    assert offer.last == ws._modified_at(ZOE)
    assert offer.later() is None
    pause = on_disk(ws).open_seance.pauses[-1]
    assert pause.start == offer.last and pause.end is None


def test_a_seance_locked_by_another_workspace_is_not_offered(ws, clock):
    holder = running(ws, clock)
    assert list(ws.left_open(ws.summaries()[0])) == []
    holder.close()


def test_resume_after_absence_never_counts_the_time_away(ws, clock):
    opened = running(ws, clock)
    clock.now = T0 + timedelta(hours=1)
    assert opened.quit() is None
    clock.now = T0 + timedelta(days=1)
    offer = next(ws.left_open(ws.summaries()[0]))
    offer.release()
    again = ws.open(ZOE)
    again.resume_after_absence(offer.last)
    again.mark_changed()
    again.save_now()
    seance = on_disk(ws).open_seance
    assert not seance.is_paused
    assert seance.duration(clock.now) == timedelta(hours=1)
    again.close()


def test_close_at_last_activity_then_export(ws, clock):
    opened = running(ws, clock, notes="Bilan du jour")
    clock.now = T0 + timedelta(hours=1, minutes=30)
    number = opened.close_at(T0 + timedelta(hours=1))
    opened.mark_changed()
    path = ws.save_and_export_summary(opened, opened.snapshot(), number)
    assert on_disk(ws).seance(number).end == T0 + timedelta(hours=1)
    assert path.parent.parent == ws.data_dir / "exports"
    assert "Bilan du jour" in path.read_text(encoding="utf-8")
    opened.close()


# --- candidates and budget -------------------------------------------------------


def test_create_candidate_makes_a_readable_id(ws):
    values = dict(name="Jérôme Ø", contact=None, consultant="Marc", funding=FundingRoute.CPF,
                  consent_date=date(2027, 3, 1), agreement_date=None, start_date=None, hours_budget=24.0)
    candidate_id = ws.create_candidate(values)
    assert candidate_id.startswith("jerome-o-") and len(candidate_id) == len("jerome-o-") + 6
    assert on_disk(ws, candidate_id).candidate.name == "Jérôme Ø"


def test_edit_candidate_keeps_id_and_status(ws):
    opened = ws.open(ZOE)
    status = opened.record.candidate.status
    opened.edit_candidate(dict(name="Zoé Martin", contact="zoe@exemple.fr", consultant="Marc",
                               funding=FundingRoute.CPF, consent_date=date(2027, 3, 1), agreement_date=None,
                               start_date=None, hours_budget=20.0))
    assert opened.dirty
    opened.save_now()
    candidate = on_disk(ws).candidate
    assert (candidate.id, candidate.status, candidate.name) == (ZOE, status, "Zoé Martin")
    opened.close()


def test_budget_steps(ws, clock):
    opened = ws.open(ZOE)
    assert opened.start_budget() is StartBudget.OK
    opened.record.start_seance("investigation", T0)
    number = opened.record.open_seance.number
    assert opened.budget_warning(T0 + timedelta(hours=19), T0 + timedelta(hours=20, minutes=1))
    assert not opened.budget_warning(T0 + timedelta(hours=1), T0 + timedelta(hours=2))
    at_budget = T0 + timedelta(hours=24, minutes=1)
    assert opened.must_hold_at_budget(at_budget)
    opened.record.pause_at_budget(number, at_budget)
    assert opened.held_at_budget(at_budget) and not opened.must_hold_at_budget(at_budget)
    opened.record.close_seance(number, at_budget)
    clock.now = at_budget
    assert opened.start_budget() is StartBudget.OVER
    opened.close()


def test_recovery_copy_failure_is_a_service_error(monkeypatch, tmp_path):
    from seance_tui.storage import recovery

    blocked = tmp_path / "fichier"
    blocked.write_text("")
    monkeypatch.setattr(recovery, "recovery_dirs", lambda: [blocked / "sous-dossier"])
    record = CandidateRecord(Candidate(id=ZOE, name="Zoé", consultant="Marc", funding=FundingRoute.CPF,
                                       consent_date=date(2027, 3, 1)))
    with pytest.raises(RecoveryFailed):
        services.write_recovery_copy(record)


def test_the_status_cycle_goes_round_and_is_logged(ws, clock):
    from seance_tui.domain.model import RoadmapStatus

    opened = ws.open(ZOE)
    item = opened.record.add_roadmap_item("CAP fleuriste", T0, None)
    seen = [opened.record.cycle_roadmap_status(item.id, T0, None) for _ in range(4)]
    assert seen == [RoadmapStatus.IN_PROGRESS, RoadmapStatus.ACHIEVED, RoadmapStatus.DROPPED, RoadmapStatus.TODO]
    assert len(opened.record.events) == 5  # added, then four status changes
    opened.close()


# --- the end of the bilan (helper "closing") ------------------------------------------

FORM_VALUES = dict(
    name="Zoé Lefèvre", contact=None, consultant="Marc", funding=FundingRoute.PLAN_DEVELOPPEMENT,
    consent_date=date(2027, 3, 1), keep_documents_consent=True, synthesis_to_adviser=False,
    agreement_sent_date=date(2027, 3, 2), agreement_date=None, start_date=None, hours_budget=24.0,
)


def test_editing_the_candidate_keeps_what_the_form_does_not_show(ws, clock):
    opened = ws.open(ZOE)
    opened.record.candidate.follow_up_declined = True
    opened.edit_candidate(FORM_VALUES)
    opened.save_now()
    opened.close()
    candidate = on_disk(ws).candidate
    assert candidate.follow_up_declined and candidate.keep_documents_consent
    assert candidate.agreement_sent_date == date(2027, 3, 2)
    kinds = [e.kind.value for e in on_disk(ws).events]
    assert kinds == ["consent_changed", "agreement_changed"]


def test_a_new_candidate_has_its_consent_on_record(ws):
    candidate_id = ws.create_candidate({**FORM_VALUES, "name": "Inès Roy"})
    (consent, agreement) = on_disk(ws, candidate_id).events
    assert consent.after == {"consent_date": "01/03/2027", "keep_documents_consent": "oui"}
    assert agreement.after == {"agreement_sent_date": "02/03/2027"}


def test_notes_of_a_closed_bilan_are_refused_but_the_follow_up_takes_them(ws, clock):
    from seance_tui.domain.record import RuleError

    opened = running(ws, clock)
    opened.record.candidate.end_date = date(2027, 3, 14)  # closed around an open séance: refused
    with pytest.raises(RuleError, match="Le bilan est clos"):
        opened.set_notes("ajout")
    opened.record.open_seance.follow_up = True
    assert opened.set_notes("suivi")
    opened.close()


def test_a_follow_up_starts_from_its_own_template_and_a_centre_may_replace_it(ws):
    assert ws.template("conclusion").startswith("## Retour sur la phase d'investigation")
    follow_up = ws.template("conclusion", follow_up=True)
    assert follow_up.startswith("## Situation depuis le bilan") and "## Privé" in follow_up
    own = ws.data_dir / "templates"
    own.mkdir()
    (own / "suivi.md").write_text("## Notre suivi\n", encoding="utf-8")
    assert ws.template("conclusion", follow_up=True) == "## Notre suivi\n"
