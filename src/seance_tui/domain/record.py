"""One candidate's whole file (the *dossier*) and the rules that change it.

The feuille de route's rules are a mixin of their own (``roadmap_rules.py``);
the other documents' rules live in their own modules and call ``log`` and
``ensure_editable`` here (synthesis, details, follow-up, closing, purge).

Every change that Qualiopi wants traceable (the roadmap, the checklist, the
reopening of a closed séance) goes through a method here that also appends to
the change log, so the log cannot be forgotten by a caller.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .dates import format_date
from .errors import RuleError  # re-exported: callers import it from the record they change
from .hours import BudgetLevel, budget_level, format_budget, format_hours, levels_crossed
from .model import (
    Candidate,
    ChangeEvent,
    ChangeKind,
    Pause,
    PurgeMark,
    RoadmapItem,
    Seance,
    SeanceStatus,
    SynthesisVersion,
)
from .phases import PhaseSet
from .roadmap_rules import RoadmapRules


class PhaseState:
    DONE = "done"
    CURRENT = "current"
    UPCOMING = "upcoming"


@dataclass
class CandidateRecord(RoadmapRules):
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

    def start_seance(self, phase: str, now: datetime, notes: str = "", follow_up: bool = False) -> Seance:
        """Starting with the hours budget already used up is going past it:
        the caller asked the consultant first, and the change log says so.

        A séance planned is the one held, keeping its number: the follow-up
        interview, planned months ahead, only when asked for (``follow_up``),
        any other planned séance otherwise; so an ordinary séance started
        before the follow-up never takes its place. On a closed bilan only the
        follow-up may start."""
        if follow_up:
            planned = next((s for s in self.seances if s.follow_up and s.status is SeanceStatus.PLANNED), None)
            if planned is None:
                raise RuleError("Aucun entretien de suivi n'est prévu.")
            self.ensure_editable(planned.number)
        else:
            self.ensure_editable()
            planned = next(
                (s for s in self.seances if s.status is SeanceStatus.PLANNED and not s.follow_up), None
            )
        if self.open_seance is not None:
            raise RuleError(
                f"La séance n° {self.open_seance.number} est encore ouverte : fermez-la d'abord."
            )
        over = self.budget_level(now) is BudgetLevel.OVER
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
        self.ensure_editable(number)
        seance = self._running(number)
        if seance.is_paused:
            raise RuleError("La séance est déjà en pause.")
        seance.pauses.append(Pause(start=now))

    def pause_for_absence(self, at: datetime) -> bool:
        """The consultant goes away (quit, hang-up, "Plus tard") with a séance
        open: it stays open, and the time away must not count. A séance already
        paused stays as it is; a correction has no clock. True if it paused.
        Never refused: on a closed bilan the only séance that can be open is
        its follow-up, and quitting must not fail; a purged file has none."""
        seance = self.open_seance
        if seance is None or seance.is_paused or seance.is_correction:
            return False
        seance.pauses.append(Pause(start=at))
        return True

    def resume_seance(self, number: int, now: datetime) -> None:
        self.ensure_editable(number)
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
        self.ensure_editable(number)
        seance = self._open(number)
        if seance.is_correction:
            return
        if not seance.is_paused:
            seance.pauses.append(Pause(start=last_activity))
        if not self.held_at_budget(number, now):
            seance.pauses[-1].end = now

    def close_seance(self, number: int, now: datetime) -> Seance:
        self.ensure_editable(number)
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
        self.ensure_editable(number)
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
        self.ensure_editable(number)
        seance = self._running(number)
        if seance.is_paused or not self.held_at_budget(number, now):
            return
        overrun = self.hours_used(now) - timedelta(hours=self.candidate.hours_budget)
        running_since = max([seance.start, *(p.end for p in seance.pauses if p.end is not None)])
        seance.pauses.append(Pause(start=max(now - overrun, running_since)))

    def continue_past_budget(self, number: int, now: datetime) -> None:
        """The consultant goes past the budget: logged, and the séance runs again."""
        self.ensure_editable(number)
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
        self.ensure_editable()
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

    def changes_in_seance(self, number: int) -> list[ChangeEvent]:
        return [e for e in self.events if e.seance == number]

    # --- log -----------------------------------------------------------------

    def log(self, now, kind, seance, target, before=None, after=None) -> None:
        """Append to the change log. Public for the rules that live in their
        own domain modules (synthesis, closing, purge): they log through here."""
        self.events.append(
            ChangeEvent(at=now, kind=kind, seance=seance, target=target, before=before or {}, after=after or {})
        )
