"""The compte rendu de séance: what the candidate takes away after a séance.

It describes the dossier as it stood when the séance ended (see
``snapshot``), so exporting it again later gives the same document.

It is the candidate's document, without the notes' private parts. Review
shows the same document to the centre (``Audience.CENTRE``): private parts
kept, and an internal document's last line.
"""

from __future__ import annotations

from datetime import datetime

from ..domain.dates import format_date_long
from ..domain.model import ChangeKind, Seance
from ..domain.phases import PhaseSet
from ..domain.record import CandidateRecord
from .blocks import checklist_block, next_steps_block, notes_block, seance_facts, tools_block
from .document import Audience, assemble
from .markdown import bullet_list, emphasis, heading
from .roadmap import change_markers, removed_objectives, roadmap_table
from .snapshot import checklist_after, roadmap_after

SECTION = 2


def seance_summary(
    record: CandidateRecord,
    number: int,
    phases: PhaseSet,
    now: datetime,
    *,
    audience: Audience = Audience.CANDIDATE,
) -> str:
    """The summary of séance ``number`` for ``audience``; raises ``RuleError`` if there is none."""
    seance = record.seance(number)
    return assemble(
        [
            heading(1, f"Compte rendu de séance n° {number} — {record.candidate.name}"),
            _corrected(record, number),
            seance_facts(record, seance, phases, now),
            heading(SECTION, "Notes de séance"),
            notes_block(seance, SECTION, audience),
            *_details(seance, phases, record, now, audience),
            heading(SECTION, "Feuille de route"),
            _roadmap(record, seance, now),
        ],
        now,
        audience,
    )


def _details(seance: Seance, phases: PhaseSet, record: CandidateRecord, now: datetime, audience: Audience) -> list[str]:
    """Tools, milestones, next steps (with the next date).

    The séance's details (F10 in the workspace) are the one source of its
    tools, next steps and next date, each said once, in its own section.
    The notes may have sections of the same name (the templates' « Outils
    utilisés », « Prochaines étapes »): what the consultant wrote there stays
    in the notes, as their comment, and such a section left unfilled is
    dropped with the other template prompts (domain.unfilled). The details'
    sections appear only when filled: an empty « Outils utilisés » under
    a filled one in the notes, or « Aucune prochaine étape notée » under
    steps the notes list, would contradict the page the candidate reads.
    """
    blocks = []
    if seance.tools:
        blocks += [heading(SECTION, "Outils utilisés"), tools_block(seance)]
    blocks += [
        heading(SECTION, f"Jalons de la phase : {phases.label(seance.phase)}"),
        checklist_block(seance.phase, checklist_after(record, seance, now).get(seance.phase, {}), phases),
    ]
    steps = next_steps_block(seance, SECTION, audience, empty="")
    if steps:
        blocks += [heading(SECTION, "Prochaines étapes"), steps]
    return blocks


def _corrected(record: CandidateRecord, number: int) -> str:
    """« Compte rendu corrigé le 3 décembre 2026. » once the séance was reopened and closed again."""
    corrected = [e.at for e in record.events if e.kind is ChangeKind.SEANCE_CORRECTED and e.seance == number]
    return emphasis(f"Compte rendu corrigé le {format_date_long(max(corrected).date())}.") if corrected else ""


def _roadmap(record: CandidateRecord, seance: Seance, now: datetime) -> str:
    events = record.changes_in_seance(seance.number)
    items = roadmap_after(record, seance, now)
    removed = removed_objectives(events)
    blocks = [roadmap_table(items, change_markers(events))] if items else []
    if removed:
        blocks += ["Retiré de la feuille de route pendant la séance :", bullet_list(removed)]
    return "\n\n".join(blocks) if blocks else emphasis("La feuille de route ne contient encore aucun objectif.")
