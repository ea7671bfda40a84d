"""The bilan's data: a candidate, their séances, their feuille de route, and
the log of what changed.

Plain dataclasses with no I/O. Times are naive local datetimes: a séance is
lived in the consultant's local time, and that is what every document shows.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .hours import LEGAL_BUDGET_HOURS


class FundingRoute(enum.StrEnum):
    CPF = "cpf"
    PLAN_DEVELOPPEMENT = "plan_developpement"
    CONGE_RECLASSEMENT = "conge_reclassement"
    PERSONNEL = "personnel"
    AUTRE = "autre"

    @property
    def label(self) -> str:
        return _FUNDING_LABELS[self]

    @property
    def employer_funded(self) -> bool:
        """R6313-8: these routes need a signed three-party agreement."""
        return self in (FundingRoute.PLAN_DEVELOPPEMENT, FundingRoute.CONGE_RECLASSEMENT)


_FUNDING_LABELS = {
    FundingRoute.CPF: "CPF",
    FundingRoute.PLAN_DEVELOPPEMENT: "Plan de développement des compétences",
    FundingRoute.CONGE_RECLASSEMENT: "Congé de reclassement",
    FundingRoute.PERSONNEL: "Financement personnel",
    FundingRoute.AUTRE: "Autre",
}


class CandidateStatus(enum.StrEnum):
    ACTIVE = "en_cours"
    COMPLETED = "termine"
    ABANDONED = "abandonne"

    @property
    def label(self) -> str:
        return {"en_cours": "En cours", "termine": "Terminé", "abandonne": "Abandonné"}[self.value]


class SeanceStatus(enum.StrEnum):
    PLANNED = "planned"
    OPEN = "open"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return {"planned": "Prévue", "open": "En cours", "closed": "Close"}[self.value]


class RoadmapStatus(enum.StrEnum):
    TODO = "a_faire"
    IN_PROGRESS = "en_cours"
    ACHIEVED = "atteint"
    DROPPED = "abandonne"

    @property
    def label(self) -> str:
        return {
            "a_faire": "À faire",
            "en_cours": "En cours",
            "atteint": "Atteint",
            "abandonne": "Abandonné",
        }[self.value]

    @property
    def is_finished(self) -> bool:
        return self in (RoadmapStatus.ACHIEVED, RoadmapStatus.DROPPED)


def new_id() -> str:
    return uuid.uuid4().hex[:12]


@dataclass
class Candidate:
    id: str
    name: str
    consultant: str
    funding: FundingRoute
    consent_date: date | None = None
    agreement_date: date | None = None
    start_date: date | None = None
    contact: str | None = None
    hours_budget: float = LEGAL_BUDGET_HOURS
    status: CandidateStatus = CandidateStatus.ACTIVE
    # What the consent of ``consent_date`` also covers (R6313-7's two
    # exceptions: each keeps the file one year past the end of the bilan).
    keep_documents_consent: bool = False
    synthesis_to_adviser: bool = False
    # R6313-8, employer-funded routes: the agreement sent, then signed (10 days).
    agreement_sent_date: date | None = None
    # The bilan's legal end (close-bilan); retention is counted from it.
    end_date: date | None = None
    follow_up_declined: bool = False


@dataclass
class Pause:
    start: datetime
    end: datetime | None = None

    def length(self, now: datetime) -> timedelta:
        return (self.end or now) - self.start


@dataclass
class Seance:
    number: int
    phase: str
    status: SeanceStatus = SeanceStatus.PLANNED
    planned_date: date | None = None
    start: datetime | None = None
    end: datetime | None = None
    pauses: list[Pause] = field(default_factory=list)
    notes: str = ""
    tools: list[str] = field(default_factory=list)
    next_steps: str = ""
    next_seance_date: date | None = None
    # The entretien de suivi (R6313-4) after the conclusion, months later.
    follow_up: bool = False
    # Set by the R6313-7 purge only: how many characters the notes had, the
    # one fact about them an audit keeps once their text is destroyed.
    notes_size: int | None = None

    @property
    def is_paused(self) -> bool:
        return bool(self.pauses) and self.pauses[-1].end is None

    @property
    def is_correction(self) -> bool:
        """Reopened after it was closed: open for editing, its times already final."""
        return self.status is SeanceStatus.OPEN and self.end is not None

    @property
    def day(self) -> date | None:
        """The date a séance is filed under: when it happened, else when it is planned."""
        return self.start.date() if self.start else self.planned_date

    def duration(self, now: datetime) -> timedelta:
        """Time worked: from start to end (or now, while open), pauses left out."""
        if self.start is None:
            return timedelta(0)
        stop = self.end or now
        paused = sum((p.length(stop) for p in self.pauses), timedelta(0))
        return max(stop - self.start - paused, timedelta(0))


@dataclass
class RoadmapItem:
    id: str
    objective: str
    means: str = ""
    deadline: date | None = None
    status: RoadmapStatus = RoadmapStatus.TODO
    created_in: int | None = None

    def is_overdue(self, today: date) -> bool:
        return self.deadline is not None and self.deadline < today and not self.status.is_finished


@dataclass
class SynthesisVersion:
    """One version of the document de synthèse, as the consultant wrote it.

    ``sections`` maps a section key (domain/synthesis.py) to its Markdown
    text. A version handed over to the beneficiary is never changed again:
    a later change starts the next version, and the old one stays on file.
    """

    number: int
    started: datetime
    sections: dict[str, str] = field(default_factory=dict)
    handed_over: date | None = None


@dataclass
class PurgeMark:
    """The R6313-7 purge ran on this file: its content is gone, this stays."""

    purged_at: datetime
    by: str


class ChangeKind(enum.StrEnum):
    ROADMAP_ADDED = "roadmap_added"
    ROADMAP_MODIFIED = "roadmap_modified"
    ROADMAP_STATUS = "roadmap_status"
    ROADMAP_DELETED = "roadmap_deleted"
    ROADMAP_MOVED = "roadmap_moved"
    SEANCE_REOPENED = "seance_reopened"
    BUDGET_EXCEEDED = "budget_exceeded"
    CHECKLIST_TICKED = "checklist_ticked"
    CHECKLIST_UNTICKED = "checklist_unticked"
    SEANCE_DETAILS = "seance_details"
    SEANCE_CORRECTED = "seance_corrected"
    SYNTHESIS_DRAFTED = "synthesis_drafted"
    SYNTHESIS_NEW_VERSION = "synthesis_new_version"
    SYNTHESIS_HANDED_OVER = "synthesis_handed_over"
    CONSENT_CHANGED = "consent_changed"
    AGREEMENT_CHANGED = "agreement_changed"
    FOLLOW_UP_PLANNED = "follow_up_planned"
    FOLLOW_UP_DECLINED = "follow_up_declined"
    BILAN_CLOSED = "bilan_closed"
    PURGED = "purged"
    IMPORTED = "imported"


@dataclass
class ChangeEvent:
    """One line of the audit trail Qualiopi asks for: what changed, when, in which séance."""

    at: datetime
    kind: ChangeKind
    seance: int | None
    target: str
    before: dict[str, str] = field(default_factory=dict)
    after: dict[str, str] = field(default_factory=dict)
