"""The full history of one candidate: the consultant's and the auditor's
document (Qualiopi reads that each séance is dated, timed, phased and noted,
and how the objectives evolved).

Unlike the séance summary, it keeps the notes' private parts: it is the
centre's record, not a document for the candidate, and its last line says so.
"""

from __future__ import annotations

from datetime import datetime

from ..domain.dates import format_date
from ..domain.model import ChangeEvent, ChangeKind, RoadmapStatus
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
from .roadmap import FIELD_LABELS, roadmap_table
from .snapshot import checklist_target

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
    """Each logged change as one dated French line, in the order of the log.

    An item is named by its objective as it read when the change was made.
    """
    current = {item.id: item.objective for item in record.roadmap}
    names: dict[str, str] = {}
    lines = []
    for event in record.events:
        name = (
            event.before.get("objective")
            or names.get(event.target)
            or event.after.get("objective")
            or current.get(event.target, "")
        )
        names[event.target] = event.after.get("objective", name)
        when = f"{format_date(event.at)} à {clock(event.at)}"
        lines.append((event, f"{when} — {_describe(event, name, phases)}"))
    return lines


def _describe(event: ChangeEvent, name: str, phases: PhaseSet) -> str:
    kind = event.kind
    if kind is ChangeKind.ROADMAP_ADDED:
        # The objective is the line's subject, and "à faire" is what every item starts as.
        details = " ; ".join(
            _field(k, v)
            for k, v in event.after.items()
            if v and k != "objective" and not (k == "status" and v == RoadmapStatus.TODO)
        )
        return f"Objectif ajouté : « {name} »" + (f" ({details})" if details else "")
    if kind is ChangeKind.ROADMAP_MODIFIED:
        diffs = " ; ".join(
            f"{_field(key, event.before.get(key, ''))} → {_value(key, value)}" for key, value in event.after.items()
        )
        return f"Objectif modifié : « {name} » — {diffs}"
    if kind is ChangeKind.ROADMAP_STATUS:
        before = _value("status", event.before.get("status", ""))
        after = _value("status", event.after.get("status", ""))
        return f"Statut de « {name} » : {before} → {after}"
    if kind is ChangeKind.ROADMAP_DELETED:
        return f"Objectif retiré : « {name} »"
    if kind is ChangeKind.ROADMAP_MOVED:
        moved = f"{event.before.get('position', '?')} → {event.after.get('position', '?')}"
        return f"Objectif déplacé : « {name} » (position {moved})"
    if kind is ChangeKind.SEANCE_REOPENED:
        return "Séance rouverte pour correction"
    if kind is ChangeKind.BUDGET_EXCEEDED:
        return describe_past_budget(event)
    phase_key, item_key = checklist_target(event.target)
    verb = "coché" if kind is ChangeKind.CHECKLIST_TICKED else "décoché"
    return f"Jalon {verb} : « {_checklist_label(phases, phase_key, item_key)} » ({phases.label(phase_key)})"


def describe_past_budget(event: ChangeEvent) -> str:
    """L6313-4 caps a bilan's hours: going past the cap is the consultant's decision, on record."""
    used, budget = event.after.get("used", "?"), event.after.get("budget", "?")
    return f"Dépassement du budget d'heures confirmé ({used} utilisées sur {budget})"


def _field(key: str, value: str) -> str:
    return f"{FIELD_LABELS.get(key, key)} : {_value(key, value)}"


def _value(key: str, value: str) -> str:
    if not value:
        return "aucun"
    if key == "status":
        try:
            return RoadmapStatus(value).label
        except ValueError:
            return value
    return value if key == "deadline" else f"« {value} »"


def _checklist_label(phases: PhaseSet, phase_key: str, item_key: str) -> str:
    phase = phases.get(phase_key)
    item = next((c for c in phase.checklist if c.key == item_key), None) if phase else None
    return item.label if item else item_key
