"""The blocks that the séance summary and the full history share: a séance's
facts, notes, tools, checklist and next steps, and the bilan's facts."""

from __future__ import annotations

from datetime import datetime, timedelta

from ..domain.dates import format_date, format_date_long
from ..domain.hours import format_budget, format_hours
from ..domain.model import Seance
from ..domain.phases import PhaseSet
from ..domain.record import CandidateRecord
from .document import Audience, clock
from .markdown import bullet_list, checklist, emphasis, table, user_markdown
from .snapshot import hours_through

FACT_HEADERS = ("Rubrique", "Détail")
NOT_SET = "non renseigné"


def seance_title(seance: Seance) -> str:
    """``Séance n° 3 — 15 mars 2027``, with ``prévue le`` before a séance is held."""
    if seance.day is None:
        return f"Séance n° {seance.number} — sans date"
    when = format_date_long(seance.day)
    return f"Séance n° {seance.number} — {when if seance.start else f'prévue le {when}'}"


def seance_facts(record: CandidateRecord, seance: Seance, phases: PhaseSet, now: datetime) -> str:
    duration = format_hours(seance.duration(now))
    if seance.pauses:
        duration += " (pauses déduites)"
    rows = [
        ("Date", format_date_long(seance.day) if seance.day else NOT_SET),
        ("Horaires", _times(seance)),
        ("Durée", duration),
        ("Phase", phases.label(seance.phase)),
        ("Statut de la séance", seance.status.label),
        ("Consultant", record.candidate.consultant or NOT_SET),
        ("Heures utilisées", _hours(hours_through(record, seance.number, now), record.candidate.hours_budget)),
    ]
    return table(FACT_HEADERS, rows)


def bilan_facts(record: CandidateRecord, now: datetime) -> str:
    candidate = record.candidate
    held = sorted((s for s in record.seances if s.start is not None), key=lambda s: s.start)
    rows = [
        ("Bénéficiaire", candidate.name),
        ("Consultant", candidate.consultant or NOT_SET),
        ("Financement", candidate.funding.label),
    ]
    if candidate.funding.employer_funded:
        signed = format_date_long(candidate.agreement_date) if candidate.agreement_date else "non signée"
        rows.append(("Convention tripartite", signed))
    start = candidate.start_date or (held[0].day if held else None)
    rows += [
        ("Consentement", format_date_long(candidate.consent_date) if candidate.consent_date else NOT_SET),
        ("Début du bilan", format_date_long(start) if start else NOT_SET),
        ("Séances tenues", _held(held)),
        ("Heures utilisées", _hours(record.hours_used(now), candidate.hours_budget)),
        ("Statut du bilan", candidate.status.label),
    ]
    return table(FACT_HEADERS, rows)


def notes_block(seance: Seance, parent_level: int, audience: Audience) -> str:
    """The notes as written, without their private parts unless ``audience`` may read them."""
    notes = user_markdown(seance.notes, parent_level, keep_private=audience.keeps_private)
    return notes if notes.strip() else emphasis("Aucune note pour cette séance.")


def tools_block(seance: Seance) -> str:
    return bullet_list(seance.tools) if seance.tools else emphasis("Aucun outil utilisé.")


def checklist_block(phase_key: str, ticked: dict[str, datetime], phases: PhaseSet) -> str:
    """The phase's checklist; ``ticked``: item key → when, shown as the day."""
    phase = phases.get(phase_key)
    if phase is None or not phase.checklist:
        return emphasis(f"Pas de jalons définis pour la phase « {phases.label(phase_key)} ».")
    return checklist(
        (True, f"{item.label} (le {format_date(ticked[item.key])})")
        if item.key in ticked
        else (False, item.label)
        for item in phase.checklist
    )


def next_steps_block(seance: Seance, parent_level: int, audience: Audience, empty: str | None = None) -> str:
    """The next steps, then the next séance's date; ``empty`` when neither is
    recorded (by default, a line saying so)."""
    parts = []
    # Next steps are the consultant's Markdown too: a private part there is private.
    steps = user_markdown(seance.next_steps, parent_level, keep_private=audience.keeps_private)
    if steps.strip():
        parts.append(steps)
    if seance.next_seance_date:
        parts.append(f"Prochaine séance : {format_date_long(seance.next_seance_date)}.")
    if not parts:
        return emphasis("Aucune prochaine étape notée.") if empty is None else empty
    return "\n\n".join(parts)


def _hours(used: timedelta, budget_hours: float) -> str:
    return f"{format_hours(used)} sur {format_budget(budget_hours)}"


def _times(seance: Seance) -> str:
    if seance.start is None:
        return "non renseignés"
    return f"{clock(seance.start)} – {clock(seance.end) if seance.end else 'en cours'}"


def _held(held: list[Seance]) -> str:
    if not held:
        return "aucune"
    first, last = format_date_long(held[0].day), format_date_long(held[-1].day)
    return f"{len(held)}, du {first} au {last}" if len(held) > 1 else f"1, le {first}"
