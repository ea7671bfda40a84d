"""Closing the bilan: the check list first, then the end date (R6313-4's
end, from which R6313-7 counts the retention).

Once closed the file is read-only (``CandidateRecord.ensure_editable``)
except its follow-up séance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .dates import format_date, format_date_long
from .follow_up import follow_up_settled
from .model import CandidateStatus, ChangeKind, Seance, SeanceStatus
from .record import CandidateRecord, RuleError


@dataclass(frozen=True)
class ClosingCheck:
    key: str
    label: str  # French, what must be true
    met: bool
    detail: str = ""  # French, why it is not (empty when met)


SYNTHESIS, SEANCES, PLANNED, FOLLOW_UP = "synthesis", "seances", "planned", "follow_up"


class ClosingRefused(RuleError):
    """The bilan cannot be closed yet: ``unmet`` names each reason."""

    def __init__(self, unmet: list[ClosingCheck]) -> None:
        self.unmet = unmet
        lines = "\n".join(f"- {c.label} : {c.detail}" for c in unmet)
        super().__init__(f"Le bilan ne peut pas être clos :\n{lines}")


def planned_ordinary(record: CandidateRecord) -> list[Seance]:
    """Séances planned but never held, the follow-up aside: closing cancels them."""
    return [s for s in record.seances if s.status is SeanceStatus.PLANNED and not s.follow_up]


def _seance_names(seances: list[Seance]) -> str:
    return ", ".join(
        f"n° {s.number}" + (f" ({format_date_long(s.planned_date)})" if s.planned_date else "") for s in seances
    )


def closing_checks(record: CandidateRecord) -> list[ClosingCheck]:
    """What must be true before the bilan closes, each item met or not."""
    last = record.synthesis[-1] if record.synthesis else None
    handed = last is not None and last.handed_over is not None
    if last is None:
        synthesis_detail = "aucun document de synthèse n'est rédigé"
    elif not handed:
        synthesis_detail = f"la version {last.number} n'est pas remise au bénéficiaire"
    else:
        synthesis_detail = ""
    open_ones = [s for s in record.seances if s.status is SeanceStatus.OPEN]
    planned = planned_ordinary(record)
    return [
        ClosingCheck(SYNTHESIS, "Document de synthèse remis", handed, synthesis_detail),
        ClosingCheck(SEANCES, "Toutes les séances closes", not open_ones,
                     f"séance {_seance_names(open_ones)} encore ouverte" if open_ones else ""),
        ClosingCheck(PLANNED, "Aucune séance prévue en attente", not planned,
                     f"séance {_seance_names(planned)} prévue (elle sera annulée)" if planned else ""),
        ClosingCheck(FOLLOW_UP, "Entretien de suivi prévu ou décliné", follow_up_settled(record),
                     "" if follow_up_settled(record) else "ni prévu ni décliné"),
    ]


def blocking(checks: list[ClosingCheck], cancel_planned: bool) -> list[ClosingCheck]:
    """The unmet items that refuse the close; planned séances only when not cancelled."""
    return [c for c in checks if not c.met and not (c.key == PLANNED and cancel_planned)]


def close_bilan(record: CandidateRecord, end: date, now: datetime, cancel_planned: bool = False) -> None:
    """Record the bilan's end on ``end``. Séances planned and never held are
    cancelled when ``cancel_planned`` (the consultant agreed), else refuse.
    Raises ClosingRefused naming each unmet item, RuleError otherwise."""
    record.ensure_editable()
    unmet = blocking(closing_checks(record), cancel_planned)
    if unmet:
        raise ClosingRefused(unmet)
    held = [s.end.date() for s in record.seances if s.end is not None and not s.follow_up]
    if held and end < max(held):
        raise RuleError(
            f"La fin du bilan ({format_date(end)}) ne peut précéder sa dernière séance ({format_date(max(held))})."
        )
    after = {"end_date": format_date(end)}
    cancelled = planned_ordinary(record)
    if cancelled:
        for seance in cancelled:
            record.seances.remove(seance)
        after["cancelled"] = _seance_names(cancelled)
    record.candidate.end_date = end
    record.candidate.status = CandidateStatus.COMPLETED
    record.log(now, ChangeKind.BILAN_CLOSED, None, "candidate", after=after)


def is_closed(record: CandidateRecord) -> bool:
    return record.candidate.end_date is not None


def editable(record: CandidateRecord, seance: int | None = None) -> bool:
    """``ensure_editable`` as a question, for what a screen offers."""
    try:
        record.ensure_editable(seance)
    except RuleError:
        return False
    return True
