"""The full history of one candidate: the consultant's and the auditor's
document (Qualiopi reads that each séance is dated, timed, phased and noted,
and how the objectives evolved).

Unlike the séance summary, it keeps the notes' private parts: it is the
centre's record, not a document for the candidate, and its last line says so.
"""

from __future__ import annotations

from datetime import datetime

from ..domain.dates import format_date
from ..domain.changelog import describe_changes
from ..domain.model import ChangeEvent
from ..domain.phases import PhaseSet
from ..domain.record import CandidateRecord
from .blocks import (
    bilan_facts,
    checklist_block,
    next_steps_block,
    notes_block,
    seance_facts,
    seance_title,
    tools_block,
)
from .document import Audience, assemble, clock
from .markdown import bullet_list, emphasis, heading
from .roadmap import roadmap_table

AUDIENCE = Audience.CENTRE
SEANCE = 2
PART = 3


def full_history(record: CandidateRecord, phases: PhaseSet, now: datetime) -> str:
    lines = _change_lines(record, phases)
    numbers = {s.number for s in record.seances}
    blocks = [heading(1, f"Historique du bilan — {record.candidate.name}"), bilan_facts(record, now)]
    for seance in sorted(record.seances, key=lambda s: s.number):
        changes = [line for event, line in lines if event.seance == seance.number]
        blocks += [
            heading(SEANCE, seance_title(seance)),
            seance_facts(record, seance, phases, now),
            heading(PART, "Notes de séance"),
            notes_block(seance, PART, AUDIENCE),
            heading(PART, "Outils utilisés"),
            tools_block(seance),
            heading(PART, "Prochaines étapes"),
            next_steps_block(seance, PART, AUDIENCE),
            heading(PART, "Changements consignés"),
            bullet_list(changes) if changes else emphasis("Aucun changement consigné."),
        ]
    outside = [line for event, line in lines if event.seance not in numbers]
    if outside:
        blocks += [heading(SEANCE, "Changements hors séance"), bullet_list(outside)]
    blocks += [
        heading(SEANCE, "Feuille de route actuelle"),
        roadmap_table(record.roadmap) if record.roadmap else emphasis("La feuille de route est vide."),
        heading(SEANCE, "Jalons des phases"),
    ]
    for phase in phases:
        ticked = record.checklist.get(phase.key, {})
        blocks += [heading(PART, phase.label), checklist_block(phase.key, ticked, phases)]
    return assemble(blocks, now, AUDIENCE)


def _change_lines(record: CandidateRecord, phases: PhaseSet) -> list[tuple[ChangeEvent, str]]:
    """Each logged change as one dated French line, in the order of the log
    (the wording is the domain's, shared with review)."""
    return [
        (change.event, f"{format_date(change.event.at)} à {clock(change.event.at)} — {change.text}")
        for change in describe_changes(record.events, record.roadmap, phases)
    ]
