"""The document de synthèse, drafted from the whole dossier.

It has the six traditional sections (DOMAIN.md) whatever the data holds: a
section the dossier cannot fill carries a visible ``À compléter`` line for the
consultant, so that nothing is missing silently. It never quotes the notes:
they may hold private parts, and the synthesis may go to a third party.
"""

from __future__ import annotations

from datetime import datetime

from ..domain.dates import format_date_long
from ..domain.hours import format_hours
from ..domain.model import RoadmapStatus
from ..domain.phases import PhaseSet
from ..domain.record import CandidateRecord
from .blocks import bilan_facts
from .document import Audience, assemble
from .markdown import bullet_list, heading, placeholder, table
from .roadmap import by_deadline, roadmap_table

# It never quotes the notes; were it to one day, their private parts stay out.
AUDIENCE = Audience.CANDIDATE
SECTION = 2

CIRCUMSTANCES = "Circonstances du bilan"
COMPETENCES = "Compétences et aptitudes"
PROJECTS = "Projet(s) et alternatives"
CONDITIONS = "Conditions et moyens de réalisation"
STEPS = "Étapes"
OBSERVATIONS = "Observations du bénéficiaire"
SECTIONS = (CIRCUMSTANCES, COMPETENCES, PROJECTS, CONDITIONS, STEPS, OBSERVATIONS)


def synthesis_document(record: CandidateRecord, phases: PhaseSet, now: datetime) -> str:
    return assemble(
        [
            heading(1, f"Document de synthèse — {record.candidate.name}"),
            heading(SECTION, CIRCUMSTANCES),
            bilan_facts(record, now),
            _seances(record, phases, now),
            placeholder("la demande du bénéficiaire, sa situation et ses attentes au début du bilan."),
            heading(SECTION, COMPETENCES),
            _tools(record),
            placeholder("les compétences et aptitudes identifiées pendant le bilan."),
            heading(SECTION, PROJECTS),
            placeholder("le projet retenu et les pistes alternatives envisagées."),
            heading(SECTION, CONDITIONS),
            placeholder("les conditions de réussite du projet et les moyens à mobiliser."),
            heading(SECTION, STEPS),
            _steps(record),
            heading(SECTION, OBSERVATIONS),
            placeholder("les observations du bénéficiaire sur le bilan et sur ce document."),
        ],
        now,
        AUDIENCE,
    )


def _seances(record: CandidateRecord, phases: PhaseSet, now: datetime) -> str:
    held = sorted((s for s in record.seances if s.start is not None), key=lambda s: s.number)
    if not held:
        return ""
    return table(
        ("Séance", "Date", "Phase", "Durée"),
        [
            (f"n° {s.number}", format_date_long(s.day), phases.label(s.phase), format_hours(s.duration(now)))
            for s in held
        ],
    )


def _tools(record: CandidateRecord) -> str:
    """Tools and tests used, each once, in the order first used."""
    seances = sorted(record.seances, key=lambda s: s.number)
    tools = list(dict.fromkeys(tool for seance in seances for tool in seance.tools))
    if not tools:
        return ""
    return "Outils et tests utilisés pendant le bilan :\n\n" + bullet_list(tools)


def _steps(record: CandidateRecord) -> str:
    """The roadmap by deadline; an abandoned objective is no step of the project."""
    steps = by_deadline(i for i in record.roadmap if i.status is not RoadmapStatus.DROPPED)
    if not steps:
        return placeholder("les étapes du projet (la feuille de route ne contient aucun objectif en cours).")
    return roadmap_table(steps)
