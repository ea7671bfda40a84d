"""The follow-up interview (entretien de suivi, R6313-4): proposed when a
séance of the conclusion closes, commonly six months later, planned as a
séance of its own or declined by the beneficiary."""

from __future__ import annotations

from datetime import date, datetime

from dateutil.relativedelta import relativedelta

from .dates import format_date
from .model import ChangeKind, Seance, SeanceStatus
from .phases import PhaseSet
from .record import CandidateRecord, RuleError

FOLLOW_UP_MONTHS = 6


def default_follow_up_date(closed: date) -> date:
    """Six months after the close; a day the month lacks gives its last day
    (31 August → 28 or 29 February)."""
    return closed + relativedelta(months=FOLLOW_UP_MONTHS)


def follow_up_seance(record: CandidateRecord) -> Seance | None:
    return next((s for s in record.seances if s.follow_up), None)


def planned_follow_up(record: CandidateRecord) -> Seance | None:
    seance = follow_up_seance(record)
    return seance if seance is not None and seance.status is SeanceStatus.PLANNED else None


def follow_up_settled(record: CandidateRecord) -> bool:
    """Planned (or held), or declined by the beneficiary: nothing left to propose."""
    return follow_up_seance(record) is not None or record.candidate.follow_up_declined


def follow_up_phase(phases: PhaseSet) -> str:
    """The phase a follow-up séance belongs to: the one phases.json marks ``follow_up``."""
    return next((p.key for p in phases if p.follow_up), phases.phases[-1].key)


def should_propose_follow_up(record: CandidateRecord, closed: Seance, phases: PhaseSet) -> bool:
    """A séance of a follow-up phase has just closed and the follow-up is still open to decide."""
    phase = phases.get(closed.phase)
    return (
        phase is not None and phase.follow_up and not closed.follow_up
        and not follow_up_settled(record) and record.candidate.end_date is None and record.purge is None
    )


def plan_follow_up(record: CandidateRecord, day: date, phase: str, now: datetime) -> Seance:
    """Plan the follow-up on ``day`` (or move the one planned); logged."""
    existing = follow_up_seance(record)
    if existing is not None and existing.status is not SeanceStatus.PLANNED:
        raise RuleError(f"L'entretien de suivi (séance n° {existing.number}) a déjà eu lieu.")
    record.ensure_editable(existing.number if existing is not None else None)
    if day < now.date():
        raise RuleError(f"Le {format_date(day)} est passé : choisissez une date à venir pour l'entretien de suivi.")
    before = {}
    if existing is None:
        existing = Seance(number=record.next_number(), phase=phase, planned_date=day, follow_up=True)
        record.seances.append(existing)
    else:
        if existing.planned_date == day:
            return existing
        before = {"date": format_date(existing.planned_date)} if existing.planned_date else {}
        existing.planned_date = day
    record.candidate.follow_up_declined = False
    record.log(now, ChangeKind.FOLLOW_UP_PLANNED, existing.number, f"seance:{existing.number}",
               before=before, after={"date": format_date(day)})
    return existing


def decline_follow_up(record: CandidateRecord, now: datetime) -> None:
    """The beneficiary declines the follow-up: a planned one is withdrawn; logged."""
    record.ensure_editable()
    existing = follow_up_seance(record)
    if existing is not None and existing.status is not SeanceStatus.PLANNED:
        raise RuleError(f"L'entretien de suivi (séance n° {existing.number}) a déjà eu lieu.")
    if record.candidate.follow_up_declined and existing is None:
        return
    before = {}
    if existing is not None:
        record.seances.remove(existing)
        before = {"withdrawn": format_date(existing.planned_date)} if existing.planned_date else {}
    record.candidate.follow_up_declined = True
    record.log(now, ChangeKind.FOLLOW_UP_DECLINED, None, "candidate", before=before)
