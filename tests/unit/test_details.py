"""A séance's details (domain/details.py): tools, next steps, next date, and
the planned séance the next date makes; logged in the change log."""

from datetime import date, datetime, timedelta

import pytest

from seance_tui.domain.changelog import describe_changes
from seance_tui.domain.details import planned_seance, set_seance_details, split_tools
from seance_tui.domain.model import Candidate, ChangeKind, FundingRoute, SeanceStatus
from seance_tui.domain.phases import load_phases
from seance_tui.domain.record import CandidateRecord, RuleError
from seance_tui.paths import phases_file

T0 = datetime(2027, 3, 15, 9, 0)
PHASES = load_phases(phases_file())


@pytest.fixture
def record():
    return CandidateRecord(Candidate(id="c1", name="Zoé", consultant="Inès", funding=FundingRoute.CPF))


def details(record, number, *, tools=(), steps="", when=None, at=T0 + timedelta(hours=1)):
    return set_seance_details(record, number, at, tools=tools, next_steps=steps, next_date=when)


def test_free_tools_split_on_commas_outside_parentheses_and_lines():
    assert split_tools("Photolangage, Questionnaire (RIASEC, Holland)\nCarte mentale ;  Jeu  de rôle,,") == [
        "Photolangage", "Questionnaire (RIASEC, Holland)", "Carte mentale", "Jeu de rôle",
    ]


def test_details_are_recorded_logged_and_plan_the_next_seance(record):
    s = record.start_seance("investigation", T0)
    assert details(record, s.number, tools=["Jeu de rôle", "jeu de role", " Enquête métier "],
                   steps="Appeler deux fleuristes\nLire la fiche ROME", when=date(2027, 4, 2))
    assert s.tools == ["Jeu de rôle", "Enquête métier"]  # each once, the first spelling kept
    assert s.next_steps == "Appeler deux fleuristes\nLire la fiche ROME"
    assert s.next_seance_date == date(2027, 4, 2)
    planned = planned_seance(record)
    assert (planned.number, planned.status, planned.planned_date, planned.phase) == (
        2, SeanceStatus.PLANNED, date(2027, 4, 2), "investigation")
    event = record.events[-1]
    assert (event.kind, event.seance) == (ChangeKind.SEANCE_DETAILS, 1)
    assert event.after == {"tools": "Jeu de rôle, Enquête métier",
                           "next_steps": "Appeler deux fleuristes\nLire la fiche ROME", "next_date": "02/04/2027"}
    (described,) = [c.text for c in describe_changes(record.events, record.roadmap, PHASES)]
    assert described == (
        "Détails de la séance modifiés — outils : aucun → Jeu de rôle, Enquête métier ; "
        "prochaines étapes : aucune → Appeler deux fleuristes / Lire la fiche ROME ; "
        "prochaine séance : aucune → 02/04/2027"
    )
    # Nothing new: nothing logged.
    assert not details(record, s.number, tools=["Jeu de rôle", "Enquête métier"],
                       steps="Appeler deux fleuristes\nLire la fiche ROME", when=date(2027, 4, 2))
    assert len(record.events) == 1


def test_a_new_date_moves_the_planned_seance_and_only_what_changed_is_logged(record):
    s = record.start_seance("investigation", T0)
    details(record, 1, tools=["Jeu de rôle"], when=date(2027, 4, 2))
    details(record, 1, tools=["Jeu de rôle"], when=date(2027, 4, 9))
    assert [x.planned_date for x in record.seances if x.status is SeanceStatus.PLANNED] == [date(2027, 4, 9)]
    assert record.events[-1].before == {"next_date": "02/04/2027"}
    assert record.events[-1].after == {"next_date": "09/04/2027"}
    # The planned séance is the one the next start takes: its number is kept.
    record.close_seance(s.number, T0 + timedelta(hours=2))
    started = record.start_seance("investigation", datetime(2027, 4, 9, 9, 0))
    assert started.number == 2 and started.planned_date == date(2027, 4, 9)


def test_clearing_the_date_removes_the_planned_seance_it_made_if_empty(record):
    record.start_seance("investigation", T0)
    details(record, 1, when=date(2027, 4, 2))
    details(record, 1, when=None)
    assert planned_seance(record) is None and len(record.seances) == 1
    details(record, 1, when=date(2027, 4, 2))
    planned_seance(record).notes = "Préparer le questionnaire"  # something in it: kept
    details(record, 1, when=None)
    assert planned_seance(record) is not None


def test_a_past_date_is_refused_saying_what_was_understood(record):
    record.start_seance("investigation", T0)
    with pytest.raises(RuleError, match="Compris : 14 mars 2027, une date passée"):
        details(record, 1, when=date(2027, 3, 14))
    assert record.seance(1).next_seance_date is None and not record.events
    details(record, 1, when=T0.date())  # today is no past


def test_details_need_an_open_seance_and_an_editable_file(record):
    record.start_seance("investigation", T0)
    record.close_seance(1, T0 + timedelta(hours=2))
    with pytest.raises(RuleError, match="rouvrez-la"):
        details(record, 1, tools=["Jeu de rôle"])
    record.candidate.end_date = date(2027, 3, 20)
    with pytest.raises(RuleError, match="lecture seule"):
        details(record, 1, tools=["Jeu de rôle"])


def test_a_correction_of_an_older_seance_records_its_date_without_planning(record):
    record.start_seance("investigation", T0)
    details(record, 1, when=date(2027, 3, 22))
    record.close_seance(1, T0 + timedelta(hours=2))
    record.start_seance("investigation", datetime(2027, 3, 22, 9, 0))
    record.close_seance(2, datetime(2027, 3, 22, 11, 0))
    record.reopen_seance(1, datetime(2027, 3, 30, 9, 0))
    # Séance 2 happened since: the date of then is history, not a plan.
    details(record, 1, when=date(2027, 3, 23), at=datetime(2027, 3, 30, 9, 5))
    assert record.seance(1).next_seance_date == date(2027, 3, 23)
    assert planned_seance(record) is None
    record.close_seance(1, datetime(2027, 3, 30, 9, 10))
    assert record.events[-1].kind is ChangeKind.SEANCE_CORRECTED
    assert describe_changes(record.events, [], PHASES)[-1].text.startswith("Séance refermée après correction")
