"""The end of the bilan: R6313-8's ten days, the follow-up interview, the
closing check list, and a closed file refusing every change but its follow-up."""

from dataclasses import replace
from datetime import date, datetime

import pytest

from seance_tui.domain import agreement, closing, follow_up
from seance_tui.domain.changelog import describe_changes
from seance_tui.domain.model import (
    Candidate, CandidateStatus, ChangeKind, FundingRoute, Seance, SeanceStatus, SynthesisVersion,
)
from seance_tui.domain.record import CandidateRecord, RuleError

T0 = datetime(2027, 3, 1, 9, 0)
SENT = date(2027, 3, 1)
EMPLOYER = FundingRoute.PLAN_DEVELOPPEMENT


def seances_held(record: CandidateRecord, *phases: str) -> None:
    for i, phase in enumerate(phases):
        start = datetime(2027, 3, 1 + i, 9, 0)
        s = record.start_seance(phase, start)
        record.close_seance(s.number, start.replace(hour=11))


@pytest.fixture
def record() -> CandidateRecord:
    r = CandidateRecord(Candidate(id="zoe", name="Zoé Lefèvre", consultant="Inès", funding=FundingRoute.CPF,
                                  consent_date=date(2027, 2, 25)))
    seances_held(r, "preliminaire", "investigation", "conclusion")
    return r


def ready_to_close(record: CandidateRecord) -> CandidateRecord:
    record.synthesis = [SynthesisVersion(1, T0, {"circonstances": "x"}, handed_over=date(2027, 3, 10))]
    follow_up.plan_follow_up(record, date(2027, 9, 10), "conclusion", datetime(2027, 3, 10, 12))
    return record


# --- R6313-8: ten days to sign ----------------------------------------------------

@pytest.mark.parametrize("signed, late", [
    (date(2027, 3, 11), False),  # day ten: on time
    (date(2027, 3, 12), True),   # day eleven
    (date(2027, 3, 1), False),
])
def test_agreement_signed_more_than_ten_days_after_it_was_sent_is_late(signed, late):
    result = agreement.agreement_late(EMPLOYER, SENT, signed, today=date(2027, 6, 1))
    assert (result is not None) is late
    if late:
        assert result.deadline == date(2027, 3, 11) and result.signed == signed


@pytest.mark.parametrize("today, late", [(date(2027, 3, 11), False), (date(2027, 3, 12), True)])
def test_agreement_not_signed_is_late_once_today_is_past_the_tenth_day(today, late):
    assert (agreement.agreement_late(EMPLOYER, SENT, None, today) is not None) is late


def test_no_warning_without_employer_funding_or_without_a_sent_date():
    assert agreement.agreement_late(FundingRoute.CPF, SENT, None, date(2028, 1, 1)) is None
    assert agreement.agreement_late(EMPLOYER, None, None, date(2028, 1, 1)) is None
    assert agreement.agreement_late(FundingRoute.CONGE_RECLASSEMENT, SENT, None, date(2028, 1, 1)) is not None


def test_consent_and_agreement_changes_are_logged_with_before_and_after(record, phases):
    old = record.candidate
    agreement.edit_candidate(record, replace(
        old, funding=EMPLOYER, keep_documents_consent=True, agreement_sent_date=SENT,
        agreement_date=date(2027, 3, 5), consent_date=date(2027, 2, 26),
    ), T0)
    consent, agreed = record.events[-2:]
    assert consent.kind is ChangeKind.CONSENT_CHANGED
    assert consent.before == {"consent_date": "25/02/2027", "keep_documents_consent": "non"}
    assert consent.after == {"consent_date": "26/02/2027", "keep_documents_consent": "oui"}
    assert agreed.kind is ChangeKind.AGREEMENT_CHANGED
    assert agreed.after == {"agreement_sent_date": "01/03/2027", "agreement_date": "05/03/2027"}
    texts = [d.text for d in describe_changes(record.events, record.roadmap, phases)][-2:]
    assert texts == [
        "Consentement du bénéficiaire enregistré (date du consentement : 25/02/2027 → 26/02/2027 ; "
        "documents gardés un an pour le suivi : non → oui)",
        "Convention tripartite (R6313-8) enregistrée (envoyée le : aucun → 01/03/2027 ; "
        "signée le : aucun → 05/03/2027)",
    ]


def test_an_edit_that_changes_neither_consent_nor_agreement_logs_nothing(record):
    before = len(record.events)
    agreement.edit_candidate(record, replace(record.candidate, name="Zoé L."), T0)
    assert len(record.events) == before and record.candidate.name == "Zoé L."


def test_a_new_file_records_the_consent_given():
    r = CandidateRecord(Candidate(id="a", name="A", consultant="I", funding=FundingRoute.CPF,
                                  consent_date=date(2027, 2, 25), synthesis_to_adviser=True))
    agreement.log_consent_and_agreement(r, None, T0)
    (event,) = r.events
    assert event.before == {} and event.after == {"consent_date": "25/02/2027", "synthesis_to_adviser": "oui"}


# --- the follow-up interview --------------------------------------------------------------

@pytest.mark.parametrize("closed, expected", [
    (date(2027, 3, 15), date(2027, 9, 15)),
    (date(2026, 8, 31), date(2027, 2, 28)),   # no 31 February: its last day
    (date(2027, 8, 31), date(2028, 2, 29)),   # leap year
])
def test_follow_up_defaults_to_six_months_after_the_close(closed, expected):
    assert follow_up.default_follow_up_date(closed) == expected


def test_closing_a_conclusion_seance_proposes_the_follow_up_once(record, phases):
    conclusion = record.seances[-1]
    assert follow_up.should_propose_follow_up(record, conclusion, phases)
    assert not follow_up.should_propose_follow_up(record, record.seances[0], phases)  # préliminaire
    follow_up.plan_follow_up(record, date(2027, 9, 3), "conclusion", T0)
    assert not follow_up.should_propose_follow_up(record, conclusion, phases)


def test_planning_and_moving_and_declining_the_follow_up_are_logged(record, phases):
    s = follow_up.plan_follow_up(record, date(2027, 9, 3), "conclusion", T0)
    assert (s.follow_up, s.status, s.planned_date, s.number) == (True, SeanceStatus.PLANNED, date(2027, 9, 3), 4)
    follow_up.plan_follow_up(record, date(2027, 9, 10), "conclusion", T0)
    assert [s.number for s in record.seances if s.follow_up] == [4]
    follow_up.decline_follow_up(record, T0)
    assert follow_up.follow_up_seance(record) is None and record.candidate.follow_up_declined
    texts = [d.text for d in describe_changes(record.events, record.roadmap, phases)]
    assert texts[-3:] == [
        "Entretien de suivi prévu (date : 03/09/2027)",
        "Entretien de suivi prévu (date : 03/09/2027 → 10/09/2027)",
        "Entretien de suivi décliné par le bénéficiaire (entretien prévu retiré : 10/09/2027)",
    ]


def test_a_follow_up_date_in_the_past_is_refused(record):
    with pytest.raises(RuleError, match="passé"):
        follow_up.plan_follow_up(record, date(2027, 2, 1), "conclusion", T0)


def test_an_ordinary_seance_never_takes_the_planned_follow_up(record):
    follow_up.plan_follow_up(record, date(2027, 9, 3), "conclusion", T0)
    ordinary = record.start_seance("synthese", datetime(2027, 3, 20, 9))
    assert not ordinary.follow_up and ordinary.number == 5
    record.close_seance(ordinary.number, datetime(2027, 3, 20, 10))
    assert follow_up.planned_follow_up(record).number == 4
    held = record.start_seance("conclusion", datetime(2027, 9, 3, 9), follow_up=True)
    assert held.number == 4 and held.follow_up and held.status is SeanceStatus.OPEN


def test_an_ordinary_planned_seance_is_still_the_one_started(record):
    record.seances.append(Seance(number=4, phase="synthese", planned_date=date(2027, 3, 20)))
    follow_up.plan_follow_up(record, date(2027, 9, 3), "conclusion", T0)
    assert record.start_seance("synthese", datetime(2027, 3, 20, 9)).number == 4


def test_starting_a_follow_up_needs_one_planned(record):
    with pytest.raises(RuleError, match="Aucun entretien de suivi"):
        record.start_seance("conclusion", T0, follow_up=True)


# --- closing the bilan -----------------------------------------------------------------------

def unmet(record, cancel_planned=False):
    return [c.key for c in closing.blocking(closing.closing_checks(record), cancel_planned)]


def test_each_unmet_item_is_named(record):
    assert unmet(record) == ["synthesis", "follow_up"]
    record.synthesis = [SynthesisVersion(1, T0, {})]
    checks = {c.key: c for c in closing.closing_checks(record)}
    assert "version 1 n'est pas remise" in checks["synthesis"].detail
    ready_to_close(record)
    assert unmet(record) == []
    record.start_seance("synthese", datetime(2027, 3, 20, 9))
    assert unmet(record) == ["seances"]
    with pytest.raises(closing.ClosingRefused, match="Toutes les séances closes : séance n° 5 encore ouverte"):
        closing.close_bilan(record, date(2027, 3, 25), T0)


def test_a_new_version_not_handed_over_is_unmet(record):
    ready_to_close(record)
    record.synthesis.append(SynthesisVersion(2, T0, {}))
    assert unmet(record) == ["synthesis"]


def test_declined_follow_up_meets_its_item(record):
    record.synthesis = [SynthesisVersion(1, T0, {}, handed_over=date(2027, 3, 10))]
    follow_up.decline_follow_up(record, T0)
    assert unmet(record) == []


def test_planned_seances_refuse_the_close_unless_cancelled(record):
    ready_to_close(record)
    record.seances.append(Seance(number=9, phase="synthese", planned_date=date(2027, 4, 2)))
    assert unmet(record) == ["planned"] and unmet(record, cancel_planned=True) == []
    with pytest.raises(closing.ClosingRefused, match="n° 9"):
        closing.close_bilan(record, date(2027, 3, 25), T0)
    closing.close_bilan(record, date(2027, 3, 25), T0, cancel_planned=True)
    assert [s.number for s in record.seances] == [1, 2, 3, 4]
    assert record.events[-1].after == {"end_date": "25/03/2027", "cancelled": "n° 9 (2 avril 2027)"}


def test_close_records_the_end_date_status_and_event(record, phases):
    ready_to_close(record)
    closing.close_bilan(record, date(2027, 3, 25), datetime(2027, 3, 25, 17))
    assert record.candidate.end_date == date(2027, 3, 25)
    assert record.candidate.status is CandidateStatus.COMPLETED
    assert describe_changes(record.events, record.roadmap, phases)[-1].text == "Bilan clos (fin du bilan : 25/03/2027)"
    with pytest.raises(RuleError, match="clos depuis le 25/03/2027"):
        closing.close_bilan(record, date(2027, 3, 26), T0)


def test_the_end_cannot_come_before_the_last_seance(record):
    ready_to_close(record)
    with pytest.raises(RuleError, match="ne peut précéder"):
        closing.close_bilan(record, date(2027, 3, 2), T0)


# --- a closed bilan is read-only, but for its follow-up --------------------------------------

@pytest.fixture
def closed(record) -> CandidateRecord:
    ready_to_close(record)
    record.add_roadmap_item("Objectif", T0, None)
    closing.close_bilan(record, date(2027, 3, 25), T0)
    return record


def _item(r):
    return r.roadmap[0].id


REFUSED = {
    "start": lambda r: r.start_seance("synthese", T0),
    "pause": lambda r: r.pause_seance(1, T0),
    "resume": lambda r: r.resume_seance(1, T0),
    "resume_after_absence": lambda r: r.resume_after_absence(1, T0, T0),
    "close": lambda r: r.close_seance(1, T0),
    "reopen": lambda r: r.reopen_seance(1, T0),
    "pause_at_budget": lambda r: r.pause_at_budget(1, T0),
    "continue_past_budget": lambda r: r.continue_past_budget(1, T0),
    "checklist": lambda r: r.set_checklist_item("preliminaire", "contrat", True, T0, None),
    "roadmap_add": lambda r: r.add_roadmap_item("Autre", T0, None),
    "roadmap_edit": lambda r: r.edit_roadmap_item(_item(r), T0, None, objective="X"),
    "roadmap_status": lambda r: r.cycle_roadmap_status(_item(r), T0, None),
    "roadmap_set_status": lambda r: r.set_roadmap_status(_item(r), r.roadmap[0].status, T0, None),
    "roadmap_delete": lambda r: r.delete_roadmap_item(_item(r), T0, None),
    "roadmap_move": lambda r: r.move_roadmap_item(_item(r), 1, T0, None),
    "candidate_edit": lambda r: agreement.edit_candidate(r, replace(r.candidate, name="X"), T0),
    "decline_follow_up": lambda r: follow_up.decline_follow_up(r, T0),
}


@pytest.mark.parametrize("rule", sorted(REFUSED))
def test_every_change_is_refused_on_a_closed_bilan(closed, rule):
    events = list(closed.events)
    with pytest.raises(RuleError, match="Le bilan est clos depuis le 25/03/2027"):
        REFUSED[rule](closed)
    assert closed.events == events


def test_the_follow_up_can_still_be_moved_started_typed_paused_and_closed(closed):
    follow_up.plan_follow_up(closed, date(2027, 9, 20), "conclusion", T0)
    s = closed.start_seance("conclusion", datetime(2027, 9, 20, 9), follow_up=True)
    closed.pause_seance(s.number, datetime(2027, 9, 20, 10))
    closed.resume_seance(s.number, datetime(2027, 9, 20, 10, 5))
    closed.close_seance(s.number, datetime(2027, 9, 20, 11))
    assert s.status is SeanceStatus.CLOSED and closed.candidate.end_date == date(2027, 3, 25)
    closed.reopen_seance(s.number, datetime(2027, 9, 21, 9))  # a correction of the follow-up: allowed


def test_editable_says_the_same_as_ensure_editable(closed):
    assert not closing.editable(closed)
    assert closing.editable(closed, follow_up.follow_up_seance(closed).number)
    assert not closing.editable(closed, 1)
