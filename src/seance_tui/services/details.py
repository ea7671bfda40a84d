"""The open séance's details (F10) as a use case: the rules are
domain/details.py's; the change is saved like every other one, through the
open candidate's one save path (``OpenCandidate.mark_changed`` and the
screen's ``Saver``, which the screen's ``apply`` runs)."""

from __future__ import annotations

from datetime import date

from ..domain import details
from ..domain.record import RuleError
from .workspace import OpenCandidate


def check_next_date(opened: OpenCandidate, next_date: date) -> str | None:
    """The rules' word on the open séance's next date, before saving (None: fine)."""
    seance = opened.record.open_seance
    if seance is None:
        return None
    try:
        details.check_next_date(opened.record, seance, next_date, opened.clock().date())
    except RuleError as exc:
        return str(exc)
    return None


def set_details(opened: OpenCandidate, tools: list[str], next_steps: str, next_date: date | None) -> bool:
    """Records the open séance's tools, next steps and next date; True if that
    changed the record (then marked changed). Raises RuleError."""
    seance = opened.record.open_seance
    if opened.read_only or seance is None:
        raise RuleError("Aucune séance ouverte.")
    changed = details.set_seance_details(
        opened.record, seance.number, opened.clock(), tools=tools, next_steps=next_steps, next_date=next_date
    )
    if changed:
        opened.mark_changed()
    return changed
