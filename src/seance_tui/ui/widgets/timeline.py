"""The candidate's path through the bilan: phases in order, their séances, the
current phase's checklist, and the hours used against the budget."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static
from textual.widgets.selection_list import Selection

from ...domain.agreement import candidate_agreement_late
from ...domain.dates import format_date, format_date_long, format_short_date
from ...domain.hours import BudgetLevel, format_budget, format_hours
from ...domain.model import SeanceStatus
from ...domain.phases import PhaseSet
from ...domain.record import CandidateRecord
from .. import bindings, texts
from ..dialogs.candidate_form import agreement_warning
from .quiet import QuietStatic
from .tick_list import TickList

GAUGE_WIDTH = 20


class Checklist(TickList):
    BINDINGS = bindings.CHECKLIST


class HoursGauge(QuietStatic):
    def show(self, record: CandidateRecord, now: datetime) -> None:
        used = record.hours_used(now)
        budget_hours = record.candidate.hours_budget
        level = record.budget_level(now)
        filled = min(GAUGE_WIDTH, round(GAUGE_WIDTH * used.total_seconds() / (budget_hours * 3600)))
        style = {BudgetLevel.OK: "$success", BudgetLevel.WARNING: "$warning", BudgetLevel.OVER: "$error"}[level]
        text = texts.HOURS_GAUGE.format(used=format_hours(used), budget=format_budget(budget_hours))
        self.set_class(level is not BudgetLevel.OK, "-warning")
        self.show_content(
            Content.assemble(
                ("█" * filled, style), ("░" * (GAUGE_WIDTH - filled), "dim"), " ", (text, f"bold {style}")
            )
        )


class Timeline(VerticalScroll):
    """Read-mostly: only the checklist takes input; it posts SelectionList messages (see ``ticks``)."""

    def compose(self) -> ComposeResult:
        yield HoursGauge(id="hours-gauge")
        yield QuietStatic(id="bilan-status")
        yield Static(id="phase-list")
        yield Static(id="checklist-title")
        yield Checklist(id="checklist")

    def show(self, record: CandidateRecord | None, phases: PhaseSet, now: datetime) -> None:
        gauge = self.query_one(HoursGauge)
        checklist = self.query_one(Checklist)
        status = self._bilan_status(record, now)
        status_line = self.query_one("#bilan-status", QuietStatic)
        status_line.display = bool(status.plain)
        status_line.show_content(status)
        if record is None:
            gauge.show_content(Content(""))
            self.query_one("#phase-list", Static).update(Content(texts.PICK_A_CANDIDATE))
            self.query_one("#checklist-title", Static).update("")
            checklist.clear_options()
            return
        gauge.show(record, now)
        self.query_one("#phase-list", Static).update(self._phases(record, phases, now))
        current = phases.get(record.current_phase(phases))
        if current is None:
            checklist.clear_options()
            return
        self.query_one("#checklist-title", Static).update(
            Content(texts.CHECKLIST_TITLE.format(phase=current.label))
        )
        done = record.checklist.get(current.key, {})
        highlighted = checklist.highlighted
        checklist.clear_options()
        checklist.add_options(
            Selection(Content(self._step(item.label, done.get(item.key))), f"{current.key}:{item.key}",
                      item.key in done)
            for item in current.checklist
        )
        if highlighted is not None and highlighted < checklist.option_count:
            checklist.highlighted = highlighted

    @staticmethod
    def _step(label: str, ticked: datetime | None) -> str:
        """A ticked step says when: « Contrat signé · 22/09 »."""
        return label if ticked is None else texts.CHECKLIST_DONE.format(label=label, date=format_short_date(ticked))

    @staticmethod
    def _bilan_status(record: CandidateRecord | None, now: datetime) -> Content:
        """The end of the bilan at a glance: closed, the agreement's ten days (R6313-8), the follow-up declined."""
        if record is None:
            return Content("")
        lines: list[Content] = []
        candidate = record.candidate
        if candidate.end_date is not None:
            lines.append(Content.styled(texts.BILAN_CLOSED_LINE.format(date=format_date_long(candidate.end_date)),
                                        "bold $warning"))
        warning = agreement_warning(candidate_agreement_late(candidate, now.date()))
        if warning:
            lines.append(Content.styled(warning, "bold $error"))
        if candidate.follow_up_declined:
            lines.append(Content.styled(texts.FOLLOW_UP_DECLINED_LINE, "dim"))
        return Content("\n").join(lines)

    @staticmethod
    def _phases(record: CandidateRecord, phases: PhaseSet, now: datetime) -> Content:
        states = record.phase_states(phases)
        lines: list[Content] = []
        for phase in phases:
            state = states[phase.key]
            style = {"done": "$text-muted", "current": "bold $accent", "upcoming": "dim"}[state]
            head = Content.assemble((f"{texts.PHASE_STATE[state]} {phase.label}", style))
            if phase.legal:
                head = Content.assemble(head, ("  " + texts.LEGAL_MARK, "italic $secondary"))
            lines.append(head)
            held = [s for s in record.seances if s.phase == phase.key]
            for s in held:
                day = format_date(s.day) if s.day else "—"
                if s.follow_up:
                    template = {SeanceStatus.PLANNED: texts.FOLLOW_UP_LINE_PLANNED,
                                SeanceStatus.OPEN: texts.FOLLOW_UP_LINE_RUNNING}.get(s.status, texts.FOLLOW_UP_LINE_HELD)
                    line = template.format(number=s.number, date=day, duration=format_hours(s.duration(now)))
                elif s.status is SeanceStatus.PLANNED:
                    line = texts.SEANCE_PLANNED.format(number=s.number, date=day)
                elif s.status is SeanceStatus.OPEN:
                    line = texts.SEANCE_RUNNING.format(number=s.number, date=day)
                else:
                    line = texts.SEANCE_LINE.format(number=s.number, date=day, duration=format_hours(s.duration(now)))
                lines.extend(Content("    " + part) for part in line.split("\n"))
            if not held and state != "upcoming":
                lines.append(Content.styled("    " + texts.NO_SEANCE_IN_PHASE, "dim"))
        return Content("\n").join(lines)
