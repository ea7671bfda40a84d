"""The document de synthèse: the sections the consultant wrote, around the
dossier's facts.

It has the six sections of ``domain/synthesis.py`` whatever the data holds.
Each shows the text of the version rendered (the current one unless another
is asked for, to review the history); a section still empty carries a visible
``À compléter`` line for the consultant, so that nothing is missing silently.
The document is the beneficiary's (``Audience.CANDIDATE``): the private parts
of a section (``## Privé`` …) are cut out before anything is read as Markdown,
and the rest is contained under its section heading.
"""

from __future__ import annotations

from datetime import datetime

from ..domain import synthesis
from ..domain.dates import format_date_long
from ..domain.hours import format_hours
from ..domain.model import RoadmapItem, SynthesisVersion
from ..domain.phases import PhaseSet
from ..domain.record import CandidateRecord
from .blocks import bilan_facts
from .document import Audience, assemble
from .markdown import bullet_list, emphasis, escape_inline, heading, placeholder, table, user_markdown
from .roadmap import NO_DEADLINE, roadmap_table

AUDIENCE = Audience.CANDIDATE
SECTION = 2

# The titles are the domain's: one owner for them.
CIRCUMSTANCES = synthesis.CIRCUMSTANCES.title
COMPETENCES = synthesis.COMPETENCES.title
PROJECTS = synthesis.PROJECTS.title
CONDITIONS = synthesis.CONDITIONS.title
STEPS = synthesis.STEPS.title
OBSERVATIONS = synthesis.OBSERVATIONS.title
SECTIONS = tuple(s.title for s in synthesis.SECTIONS)

# What each empty section asks the consultant for.
PLACEHOLDERS = {
    synthesis.CIRCUMSTANCES.key: "la demande du bénéficiaire, sa situation et ses attentes au début du bilan.",
    synthesis.COMPETENCES.key: "les compétences et aptitudes identifiées pendant le bilan.",
    synthesis.PROJECTS.key: "le projet retenu et les pistes alternatives envisagées.",
    synthesis.CONDITIONS.key: "les conditions de réussite du projet et les moyens à mobiliser.",
    synthesis.STEPS.key: "les étapes du projet (la feuille de route ne contient aucun objectif en cours).",
    synthesis.OBSERVATIONS.key: "les observations du bénéficiaire sur le bilan et sur ce document.",
}


def synthesis_document(
    record: CandidateRecord, phases: PhaseSet, now: datetime, version_number: int | None = None
) -> str:
    """The current version, or ``version_number`` (``RuleError`` if there is none such)."""
    version = synthesis.version(record, version_number) if version_number is not None else synthesis.current(record)
    texts = version.sections if version else {}

    def written(key: str) -> str:
        return user_markdown(texts.get(key, ""), SECTION, keep_private=AUDIENCE.keeps_private)

    def body(key: str) -> str:
        return written(key) or placeholder(PLACEHOLDERS[key])

    return assemble(
        [
            heading(1, f"Document de synthèse — {record.candidate.name}"),
            emphasis(version_line(version)),
            heading(SECTION, CIRCUMSTANCES),
            bilan_facts(record, now),
            _seances(record, phases, now),
            body(synthesis.CIRCUMSTANCES.key),
            heading(SECTION, COMPETENCES),
            _tools(record),
            body(synthesis.COMPETENCES.key),
            heading(SECTION, PROJECTS),
            body(synthesis.PROJECTS.key),
            heading(SECTION, CONDITIONS),
            body(synthesis.CONDITIONS.key),
            heading(SECTION, STEPS),
            written(synthesis.STEPS.key) or _steps(record),
            heading(SECTION, OBSERVATIONS),
            body(synthesis.OBSERVATIONS.key),
        ],
        now,
        AUDIENCE,
    )


def version_line(version: SynthesisVersion | None) -> str:
    """``Version 2 — brouillon``, ``Version 1 — remis le 3 décembre 2026``."""
    if version is None:
        return "Brouillon — pas encore rédigé"
    return f"Version {version.number} — {synthesis.state_label(version)}"


def steps_markdown(items: list[RoadmapItem]) -> str:
    """The Étapes drafted from the feuille de route, as Markdown the consultant
    edits: one item per objective, its means and its deadline; the texts escaped
    (an objective's ``*`` is a character, not emphasis)."""
    lines = []
    for item in items:
        deadline = format_date_long(item.deadline) if item.deadline else NO_DEADLINE
        line = f"- {escape_inline(item.objective)}"
        if item.means.strip():
            line += f" — moyens : {escape_inline(item.means)}"
        line += f" — échéance : {deadline} ({item.status.label.lower()})"
        lines.append(line)
    return "\n".join(lines)


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
    """Not written yet: the feuille de route as it stands (an abandoned objective is no step)."""
    steps = synthesis.roadmap_steps(record)
    if not steps:
        return placeholder(PLACEHOLDERS[synthesis.STEPS.key])
    return roadmap_table(steps)
