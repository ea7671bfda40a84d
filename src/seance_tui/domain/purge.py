"""The R6313-7 purge: what of a candidate's file survives the end of the bilan.

Documents made for the bilan are destroyed at its end (or one year later,
under R6313-7's two exceptions). What stays is a content-free record, enough
for a Qualiopi audit: ids, dates, phases, durations, hours, consent and
agreement dates, the end date and who purged. The audit pack
(export/qualiopi.py) reads only what stays, so it reads the same before and
after the purge.

Tools: a tool from a phase's list (phases.json) is a name from the centre's
catalogue and stays; a tool typed as free text is the consultant's words and
does not: the audit knows only that one was used.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from dateutil.relativedelta import relativedelta

from .changelog import TEXT_FIELDS
from .dates import format_date
from .model import CandidateStatus, ChangeKind, FundingRoute, PurgeMark, RoadmapStatus, SeanceStatus
from .phases import PhaseSet
from .record import CandidateRecord, RuleError

FREE_TOOL = "Outil hors liste"


def audit_tool_name(tool: str, phases: PhaseSet) -> str:
    """How a tool reads in the audit pack and in a purged file."""
    return tool if tool in phases.all_tools else FREE_TOOL


# --- retention (R6313-7) -------------------------------------------------------

# The two exceptions keep the documents one year past the end of the bilan.
RETENTION_EXTENSION = relativedelta(years=1)


def retention_end(record: CandidateRecord) -> date | None:
    """The day the bilan's documents must be destroyed; None while it is open."""
    end = record.candidate.end_date
    if end is None:
        return None
    candidate = record.candidate
    if candidate.keep_documents_consent or candidate.synthesis_to_adviser:
        return end + RETENTION_EXTENSION
    return end


def purge_due(record: CandidateRecord, today: date) -> bool:
    """Closed, not purged yet, and its retention is over."""
    end = retention_end(record)
    return record.purge is None and end is not None and today >= end


def check_purgeable(record: CandidateRecord) -> None:
    """Raises RuleError (French) when this file may not be purged."""
    if record.purge is not None:
        raise RuleError(f"Ce dossier a déjà été purgé le {format_date(record.purge.purged_at.date())}.")
    if record.candidate.end_date is None:
        raise RuleError(
            "Le bilan n'est pas clos : un dossier en cours ne peut pas être purgé "
            "(clore d'abord le bilan, R6313-7)."
        )


# --- the content-free record ------------------------------------------------------

# Change-log keys whose values are the consultant's or the candidate's words:
# the describer owns that list (its content-free mode hides the same ones).
TEXT_EVENT_KEYS = TEXT_FIELDS
# Kept as recorded whatever they look like: who did it.
KEPT_EVENT_KEYS = frozenset({"by"})
# Any other value stays only when it has the shape of a date, a time, a number,
# an amount of hours, a position or a version, or is one of the app's own
# words (a status, a funding route, a phase key, yes/no): a key a later
# version adds for free text is then blanked rather than kept.
_STRUCTURED = re.compile(r"^([0-9 :/.,+\-Th]*|[0-9]{1,2}(er)? [a-zéû]{3,9} [0-9]{4})$")
_APP_WORDS = frozenset(
    {*RoadmapStatus, *SeanceStatus, *CandidateStatus, *FundingRoute, "true", "false", "oui", "non", "aucun"}
)


def _content_free_fields(fields: dict[str, str], words: frozenset[str]) -> dict[str, str]:
    return {key: _content_free_value(key, value, words) for key, value in fields.items()}


def _content_free_value(key: str, value: str, words: frozenset[str]) -> str:
    if key in TEXT_EVENT_KEYS or not isinstance(value, str):
        return ""
    if key in KEPT_EVENT_KEYS or value in words or _STRUCTURED.fullmatch(value):
        return value
    return ""


def purged(record: CandidateRecord, phases: PhaseSet, now: datetime, by: str) -> CandidateRecord:
    """The content-free record a purge leaves: a new record, ``record`` untouched.

    Kept: ids, dates, times, pauses, phases, statuses, hours, consent and
    agreement, the checklist, the synthesis versions' dates, the change log's
    dates and structured values. Gone: the name and contact, every note
    (only its length stays, private part included), next steps, free-text
    tools, roadmap objectives and means, synthesis sections, and every text
    value of the change log. Then the PURGED event and the mark.
    """
    check_purgeable(record)
    candidate = replace(record.candidate, name="", contact=None)
    seances = [
        replace(
            s,
            pauses=[replace(p) for p in s.pauses],
            notes="",
            notes_size=len(s.notes) if s.notes_size is None else s.notes_size,
            next_steps="",
            tools=[audit_tool_name(t, phases) for t in s.tools],
        )
        for s in record.seances
    ]
    roadmap = [replace(item, objective="", means="") for item in record.roadmap]
    words = _APP_WORDS | {phase.key for phase in phases}
    events = [
        replace(e, before=_content_free_fields(e.before, words), after=_content_free_fields(e.after, words))
        for e in record.events
    ]
    synthesis = [replace(v, sections={}) for v in record.synthesis]
    result = CandidateRecord(
        candidate=candidate,
        seances=seances,
        roadmap=roadmap,
        events=events,
        checklist={phase: dict(items) for phase, items in record.checklist.items()},
        synthesis=synthesis,
    )
    result.log(now, ChangeKind.PURGED, None, candidate.id, after={"by": by, "date": format_date(now.date())})
    result.purge = PurgeMark(purged_at=now, by=by)
    return result
