"""One candidate's whole file (the *dossier*) and the rules that change it.

Every change that Qualiopi wants traceable (the roadmap, the checklist, the
reopening of a closed séance) goes through a method here that also appends to
the change log, so the log cannot be forgotten by a caller.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .dates import format_date
from .hours import BudgetLevel, budget_level, format_budget, format_hours, levels_crossed
from .model import (
    Candidate,
    ChangeEvent,
    ChangeKind,
    Pause,
    PurgeMark,
    RoadmapItem,
    RoadmapStatus,
    Seance,
    SeanceStatus,
    SynthesisVersion,
    new_id,
)
from .phases import PhaseSet


# F-key order of a roadmap item's status: each press moves to the next, round.
STATUS_CYCLE = (RoadmapStatus.TODO, RoadmapStatus.IN_PROGRESS, RoadmapStatus.ACHIEVED, RoadmapStatus.DROPPED)


def next_status(status: RoadmapStatus) -> RoadmapStatus:
    return STATUS_CYCLE[(STATUS_CYCLE.index(status) + 1) % len(STATUS_CYCLE)]


class RuleError(ValueError):
    """An action the bilan's rules forbid; the message is French, for the user."""


class _Unchanged:
    """Marks an argument left out, where ``None`` is a meaningful value (no deadline)."""


class PhaseState:
    DONE = "done"
    CURRENT = "current"
    UPCOMING = "upcoming"


@dataclass
class CandidateRecord:
    candidate: Candidate
    seances: list[Seance] = field(default_factory=list)
    roadmap: list[RoadmapItem] = field(default_factory=list)
    events: list[ChangeEvent] = field(default_factory=list)
    # phase key -> checklist item key -> when it was ticked
    checklist: dict[str, dict[str, datetime]] = field(default_factory=dict)
    # The document de synthèse, oldest version first (domain/synthesis.py).
    synthesis: list[SynthesisVersion] = field(default_factory=list)
    # Set once the R6313-7 purge has run (domain/purge.py): the rest is content-free.
    purge: PurgeMark | None = None

    # --- what may change -------------------------------------------------------

    def ensure_editable(self, seance: int | None = None) -> None:
        """Raises RuleError unless the file may change (for ``seance``, if given).

        A closed bilan is read-only except its follow-up séance (R6313-4);
        a purged file (R6313-7) is read-only entirely. Every rule that
        changes the file calls this first."""
        if self.purge is not None:
            raise RuleError("Ce dossier a été purgé (R6313-7) : il ne garde que des dates et des durées.")
        end = self.candidate.end_date
        if end is None:
            return
        if seance is not None and any(s.number == seance and s.follow_up for s in self.seances):
            return
        raise RuleError(
            f"Le bilan est clos depuis le {format_date(end)} : le dossier est en lecture seule, "
            "sauf l'entretien de suivi."
        )

    # --- séances -----------------------------------------------------------

    def seance(self, number: int) -> Seance:
        for s in self.seances:
            if s.number == number:
                return s
        raise RuleError(f"Séance n° {number} introuvable.")

    @property
    def open_seance(self) -> Seance | None:
        return next((s for s in self.seances if s.status is SeanceStatus.OPEN), None)

    @property
    def last_seance(self) -> Seance | None:
        held = [s for s in self.seances if s.start is not None]
        return max(held, key=lambda s: s.start) if held else None

    def next_number(self) -> int:
        return max((s.number for s in self.seances), default=0) + 1

    def start_seance(self, phase: str, now: datetime, notes: str = "") -> Seance:
        """Starting with the hours budget already used up is going past it:
        the caller asked the consultant first, and the change log says so."""
        if self.open_seance is not None:
            raise RuleError(
                f"La séance n° {self.open_seance.number} est encore ouverte : fermez-la d'abord."
            )
        over = self.budget_level(now) is BudgetLevel.OVER
        planned = next((s for s in self.seances if s.status is SeanceStatus.PLANNED), None)
        if planned is not None:
            # The séance that was planned is the one being held: keep its number.
            planned.phase, planned.status, planned.start = phase, SeanceStatus.OPEN, now
            planned.notes = planned.notes or notes
            seance = planned
        else:
            seance = Seance(
                number=self.next_number(),
                phase=phase,
                status=SeanceStatus.OPEN,
                start=now,
                notes=notes,
            )
            self.seances.append(seance)
        if over:
            self._log_past_budget(seance.number, now)
        return seance

    def pause_seance(self, number: int, now: datetime) -> None:
        seance = self._running(number)
        if seance.is_paused:
            raise RuleError("La séance est déjà en pause.")
        seance.pauses.append(Pause(start=now))

    def pause_for_absence(self, at: datetime) -> bool:
        """The consultant goes away (quit, hang-up, "Plus tard") with a séance
        open: it stays open, and the time away must not count. A séance already
        paused stays as it is; a correction has no clock. True if it paused."""
        seance = self.open_seance
        if seance is None or seance.is_paused or seance.is_correction:
            return False
        seance.pauses.append(Pause(start=at))
        return True

    def resume_seance(self, number: int, now: datetime) -> None:
        seance = self._running(number)
        if not seance.is_paused:
            raise RuleError("La séance n'est pas en pause.")
        if self.held_at_budget(number, now):
            raise RuleError(
                f"Le budget de {format_budget(self.candidate.hours_budget)} est atteint : "
                "continuer au-delà doit être confirmé."
            )
        seance.pauses[-1].end = now

    def resume_after_absence(self, number: int, last_activity: datetime, now: datetime) -> None:
        """Take back a séance left open by a quit (paused) or a crash (not paused):
        the time away never counts. A séance held at the hours budget stays
        paused: going past it is a decision of its own (continue_past_budget)."""
        seance = self._open(number)
        if seance.is_correction:
            return
        if not seance.is_paused:
            seance.pauses.append(Pause(start=last_activity))
        if not self.held_at_budget(number, now):
            seance.pauses[-1].end = now

    def close_seance(self, number: int, now: datetime) -> Seance:
        seance = self._open(number)
        corrected = seance.is_correction
        if not corrected:
            if seance.is_paused:
                seance.pauses[-1].end = now
            seance.end = now
        seance.status = SeanceStatus.CLOSED
        if corrected:
            # Its summary is exported again, saying it was corrected and when (export/summary.py).
            self.log(now, ChangeKind.SEANCE_CORRECTED, number, f"seance:{number}")
        return seance

    def reopen_seance(self, number: int, now: datetime) -> Seance:
        """Reopening is for corrections: logged, and the duration stays what it was."""
        seance = self.seance(number)
        if seance.status is not SeanceStatus.CLOSED:
            raise RuleError(f"La séance n° {number} n'est pas close.")
        if self.open_seance is not None:
            raise RuleError(
                f"La séance n° {self.open_seance.number} est ouverte : fermez-la d'abord."
            )
        # The end stays: the séance happened when it happened, and the
        # correction time never counts (see Seance.is_correction).
        seance.status = SeanceStatus.OPEN
        self.log(now, ChangeKind.SEANCE_REOPENED, number, f"seance:{number}")
        return seance

    def _open(self, number: int) -> Seance:
        seance = self.seance(number)
        if seance.status is not SeanceStatus.OPEN:
            raise RuleError(f"La séance n° {number} n'est pas ouverte.")
        return seance

    def _running(self, number: int) -> Seance:
        seance = self._open(number)
        if seance.is_correction:
            raise RuleError(f"La séance n° {number} est rouverte pour correction : son temps est déjà compté.")
        return seance

    # --- hours -------------------------------------------------------------

    def hours_used(self, now: datetime) -> timedelta:
        return sum((s.duration(now) for s in self.seances), timedelta(0))

    def budget_level(self, now: datetime) -> BudgetLevel:
        return budget_level(self.hours_used(now), self.candidate.hours_budget)

    def budget_crossings(self, before: datetime, after: datetime) -> list[BudgetLevel]:
        """Which of the 20 h / 24 h marks the open séance passes between two instants."""
        return levels_crossed(
            self.hours_used(before), self.hours_used(after), self.candidate.hours_budget
        )

    def budget_left(self, now: datetime) -> timedelta:
        return timedelta(hours=self.candidate.hours_budget) - self.hours_used(now)

    def past_budget_confirmed(self, number: int) -> bool:
        """Whether going past the budget was decided (and logged) for this séance."""
        return any(e.kind is ChangeKind.BUDGET_EXCEEDED and e.seance == number for e in self.events)

    def held_at_budget(self, number: int, now: datetime) -> bool:
        """L6313-4: a séance that has used up the budget does not run on
        until the consultant decides to go past it."""
        seance = self.seance(number)
        return (
            seance.status is SeanceStatus.OPEN
            and not seance.is_correction
            and self.budget_level(now) is BudgetLevel.OVER
            and not self.past_budget_confirmed(number)
        )

    def pause_at_budget(self, number: int, now: datetime) -> None:
        """Pause a séance found running past the budget without a decision,
        from the moment the budget was reached: that time never counts."""
        seance = self._running(number)
        if seance.is_paused or not self.held_at_budget(number, now):
            return
        overrun = self.hours_used(now) - timedelta(hours=self.candidate.hours_budget)
        running_since = max([seance.start, *(p.end for p in seance.pauses if p.end is not None)])
        seance.pauses.append(Pause(start=max(now - overrun, running_since)))

    def continue_past_budget(self, number: int, now: datetime) -> None:
        """The consultant goes past the budget: logged, and the séance runs again."""
        seance = self._running(number)
        if not self.held_at_budget(number, now):
            raise RuleError("Le budget d'heures n'est pas atteint pour cette séance.")
        self._log_past_budget(number, now)
        if seance.is_paused:
            seance.pauses[-1].end = now

    def _log_past_budget(self, number: int, now: datetime) -> None:
        self.log(
            now, ChangeKind.BUDGET_EXCEEDED, number, f"seance:{number}",
            after={"used": format_hours(self.hours_used(now)), "budget": format_budget(self.candidate.hours_budget)},
        )

    # --- phases ------------------------------------------------------------

    def current_phase(self, phases: PhaseSet) -> str:
        """The phase of the latest séance held; the first phase before any."""
        last = self.last_seance
        return last.phase if last else phases.first.key

    def phase_states(self, phases: PhaseSet) -> dict[str, str]:
        current = phases.index(self.current_phase(phases))
        return {
            p.key: PhaseState.DONE if i < current else PhaseState.CURRENT if i == current else PhaseState.UPCOMING
            for i, p in enumerate(phases)
        }

    def set_checklist_item(self, phase: str, item: str, done: bool, now: datetime, seance: int | None) -> None:
        ticked = self.checklist.get(phase, {})
        if done == (item in ticked):
            return
        if done:
            self.checklist.setdefault(phase, {})[item] = now
        else:
            del ticked[item]
            if not ticked:
                del self.checklist[phase]
        kind = ChangeKind.CHECKLIST_TICKED if done else ChangeKind.CHECKLIST_UNTICKED
        self.log(now, kind, seance, f"checklist:{phase}:{item}")

    # --- feuille de route ----------------------------------------------------

    def roadmap_item(self, item_id: str) -> RoadmapItem:
        for item in self.roadmap:
            if item.id == item_id:
                return item
        raise RuleError("Objectif introuvable dans la feuille de route.")

    def add_roadmap_item(
        self,
        objective: str,
        now: datetime,
        seance: int | None,
        means: str = "",
        deadline: date | None = None,
        status: RoadmapStatus = RoadmapStatus.TODO,
    ) -> RoadmapItem:
        if not objective.strip():
            raise RuleError("L'objectif ne peut pas être vide.")
        item = RoadmapItem(
            id=new_id(),
            objective=objective.strip(),
            means=means.strip(),
            deadline=deadline,
            status=status,
            created_in=seance,
        )
        self.roadmap.append(item)
        self.log(now, ChangeKind.ROADMAP_ADDED, seance, item.id, after=_item_fields(item))
        return item

    def edit_roadmap_item(
        self,
        item_id: str,
        now: datetime,
        seance: int | None,
        *,
        objective: str | None = None,
        means: str | None = None,
        deadline: date | None | type[_Unchanged] = _Unchanged,
    ) -> None:
        """Change objective, means or deadline (status has its own method: its change is the one audits read)."""
        item = self.roadmap_item(item_id)
        before = _item_fields(item)
        if objective is not None:
            if not objective.strip():
                raise RuleError("L'objectif ne peut pas être vide.")
            item.objective = objective.strip()
        if means is not None:
            item.means = means.strip()
        if deadline is not _Unchanged:
            item.deadline = deadline
        self._log_diff(now, ChangeKind.ROADMAP_MODIFIED, seance, item, before)

    def set_roadmap_status(self, item_id: str, status: RoadmapStatus, now: datetime, seance: int | None) -> None:
        item = self.roadmap_item(item_id)
        before = _item_fields(item)
        item.status = status
        self._log_diff(now, ChangeKind.ROADMAP_STATUS, seance, item, before)

    def cycle_roadmap_status(self, item_id: str, now: datetime, seance: int | None) -> RoadmapStatus:
        """The next status in STATUS_CYCLE, logged like any status change."""
        status = next_status(self.roadmap_item(item_id).status)
        self.set_roadmap_status(item_id, status, now, seance)
        return status

    def delete_roadmap_item(self, item_id: str, now: datetime, seance: int | None) -> None:
        item = self.roadmap_item(item_id)
        self.roadmap.remove(item)
        self.log(now, ChangeKind.ROADMAP_DELETED, seance, item.id, before=_item_fields(item))

    def move_roadmap_item(self, item_id: str, offset: int, now: datetime, seance: int | None) -> None:
        item = self.roadmap_item(item_id)
        old = self.roadmap.index(item)
        new = max(0, min(len(self.roadmap) - 1, old + offset))
        if new == old:
            return
        self.roadmap.insert(new, self.roadmap.pop(old))
        self.log(
            now, ChangeKind.ROADMAP_MOVED, seance, item.id,
            before={"position": str(old + 1)}, after={"position": str(new + 1)},
        )

    def changes_in_seance(self, number: int) -> list[ChangeEvent]:
        return [e for e in self.events if e.seance == number]

    # --- log -----------------------------------------------------------------

    def _log_diff(self, now, kind, seance, item, before) -> None:
        after = _item_fields(item)
        changed = [k for k in after if after[k] != before.get(k)]
        if changed:
            self.log(
                now, kind, seance, item.id,
                before={k: before[k] for k in changed}, after={k: after[k] for k in changed},
            )

    def log(self, now, kind, seance, target, before=None, after=None) -> None:
        """Append to the change log. Public for the rules that live in their
        own domain modules (synthesis, closing, purge): they log through here."""
        self.events.append(
            ChangeEvent(at=now, kind=kind, seance=seance, target=target, before=before or {}, after=after or {})
        )


def _item_fields(item: RoadmapItem) -> dict[str, str]:
    return {
        "objective": item.objective,
        "means": item.means,
        "deadline": format_date(item.deadline) if item.deadline else "",
        "status": item.status.value,
    }
