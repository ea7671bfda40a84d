"""L6313-4: a séance that uses up the hours budget does not run on until the
consultant decides so, and that decision is in the change log."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from seance_tui.domain.model import Candidate, ChangeKind, FundingRoute
from seance_tui.domain.record import CandidateRecord, RuleError
from seance_tui.export.history import full_history

T0 = datetime(2027, 3, 1, 9, 0)


def record_with(hours_budget: float) -> CandidateRecord:
    return CandidateRecord(Candidate(
        id="c", name="Noé", consultant="Inès", funding=FundingRoute.CPF,
        consent_date=date(2027, 3, 1), hours_budget=hours_budget,
    ))


def test_a_seance_reaching_the_budget_is_paused_from_that_moment_and_held():
    record = record_with(2)
    seance = record.start_seance("preliminaire", T0)
    now = datetime(2027, 3, 1, 11, 20)  # 20 min past the budget before anyone looked
    assert record.held_at_budget(seance.number, now)
    record.pause_at_budget(seance.number, now)
    assert seance.pauses[-1].start == datetime(2027, 3, 1, 11, 0)
    assert record.hours_used(now).total_seconds() == 2 * 3600
    with pytest.raises(RuleError, match="budget de 2 h est atteint"):
        record.resume_seance(seance.number, now)
    assert record.events == []


def test_going_past_is_logged_and_resumes_once_for_the_seance():
    record = record_with(2)
    seance = record.start_seance("preliminaire", T0)
    record.pause_at_budget(seance.number, datetime(2027, 3, 1, 11, 5))
    record.continue_past_budget(seance.number, datetime(2027, 3, 1, 11, 10))
    assert not seance.is_paused and not record.held_at_budget(seance.number, datetime(2027, 3, 1, 12))
    (event,) = record.events
    assert event.kind is ChangeKind.BUDGET_EXCEEDED and event.seance == seance.number
    assert event.after == {"used": "2 h", "budget": "2 h"}
    record.pause_seance(seance.number, datetime(2027, 3, 1, 12))
    record.resume_seance(seance.number, datetime(2027, 3, 1, 12, 5))  # decided once: an ordinary pause now
    with pytest.raises(RuleError):
        record.continue_past_budget(seance.number, datetime(2027, 3, 1, 12, 10))


def test_starting_over_the_budget_is_logged_and_under_it_is_not():
    record = record_with(1)
    first = record.start_seance("preliminaire", T0)
    record.close_seance(first.number, datetime(2027, 3, 1, 9, 50))
    second = record.start_seance("investigation", datetime(2027, 3, 2, 9))
    assert record.events == []
    record.close_seance(second.number, datetime(2027, 3, 2, 9, 30))
    third = record.start_seance("investigation", datetime(2027, 3, 3, 9))
    assert [(e.kind, e.seance) for e in record.events] == [(ChangeKind.BUDGET_EXCEEDED, third.number)]


def test_taking_back_a_seance_held_at_the_budget_keeps_it_paused():
    record = record_with(2)
    seance = record.start_seance("preliminaire", T0)
    record.pause_at_budget(seance.number, datetime(2027, 3, 1, 11, 0, 30))
    record.resume_after_absence(seance.number, datetime(2027, 3, 1, 11), datetime(2027, 3, 2, 9))
    assert seance.is_paused and record.held_at_budget(seance.number, datetime(2027, 3, 2, 9))


def test_the_history_says_the_budget_was_passed(phases):
    record = record_with(1)
    seance = record.start_seance("preliminaire", T0)
    record.pause_at_budget(seance.number, datetime(2027, 3, 1, 10, 1))
    record.continue_past_budget(seance.number, datetime(2027, 3, 1, 10, 5))
    history = full_history(record, phases, datetime(2027, 3, 1, 11))
    assert "Dépassement du budget d'heures confirmé (1 h utilisées sur 1 h)" in history
