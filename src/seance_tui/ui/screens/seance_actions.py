"""The séance keys of the workspace (start, pause, close, reopen), the hours
budget's steps and the séance left open offered back: the dialogs, then the
use case (services/workspace.py) or the domain rule through ``apply``.

A mixin of WorkspaceScreen, kept apart so that each file reads as one thing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual import work
from textual.content import Content
from textual.message import Message

from ...domain import follow_up
from ...domain.dates import format_date, format_date_long
from ...domain.hours import format_budget, format_hours
from ...services.exports import Document
from ...domain.closing import editable
from ...services.workspace import OpenCandidate, StartBudget
from .. import texts
from ..dialogs.choice import ChoiceDialog, confirm
from ..dialogs.pick_phase import PickDialog, pick_phase
from ..pdf_offer import write_pdf
from ..panes.timeline import TimelinePane
from ..widgets.candidate_list import CandidateList
from ..widgets.quiet import QuietStatic


class ExportFinished(Message):
    """The summary export of a séance just closed: its file, or the error's
    message; ``with_pdf``: the consultant asked for its PDF too."""

    def __init__(self, number: int, path: Path | None, error: str | None, with_pdf: bool = False) -> None:
        super().__init__()
        self.number, self.path, self.error, self.with_pdf = number, path, error, with_pdf


class SeanceActions:
    # --- séance keys -------------------------------------------------------------

    @work
    async def action_start_seance(self) -> None:
        if not self.writable(closed_ok=True):
            return
        record = self.current.record
        if record.open_seance is not None:
            self.notify(texts.ALREADY_OPEN.format(number=record.open_seance.number), severity="warning")
            return
        # The follow-up planned months ahead is held only when meant: on a
        # closed bilan it is the only séance that may start; before, asked.
        planned_follow_up = follow_up.planned_follow_up(record)
        if planned_follow_up is None and not self.editable():
            return
        as_follow_up = planned_follow_up is not None and record.candidate.end_date is not None
        early = as_follow_up and planned_follow_up.planned_date and planned_follow_up.planned_date > self.now().date()
        if early:
            # Held before its date, it would be on record as held today: asked, « Non » first.
            question = texts.START_FOLLOW_UP_EARLY.format(date=format_date_long(planned_follow_up.planned_date))
            if not await self.app.push_screen_wait(confirm(question)):
                return
        if planned_follow_up is not None and not as_follow_up:
            when = format_date_long(planned_follow_up.planned_date) if planned_follow_up.planned_date else "—"
            as_follow_up = await self.app.push_screen_wait(ChoiceDialog(
                texts.START_WHICH.format(date=when),
                [(texts.START_ORDINARY, False), (texts.START_FOLLOW_UP, True)],
            ))
            if as_follow_up is None or self.current is None or self.current.record is not record:
                return
        now = self.now()
        budget = format_budget(record.candidate.hours_budget)
        step = self.current.start_budget()
        if step is StartBudget.OVER:
            # Going past the legal budget: asked (Non by default), then logged by the domain.
            question = texts.BUDGET_CONFIRM_START.format(used=format_hours(record.hours_used(now)), budget=budget)
            if not await self.app.push_screen_wait(confirm(question)):
                return
        elif step is StartBudget.LOW:
            left = format_hours(record.budget_left(now))
            self.notify(texts.BUDGET_LOW_START.format(left=left, budget=budget), severity="warning", timeout=20)
        if as_follow_up:
            phase = planned_follow_up.phase
        else:
            phase = await self.app.push_screen_wait(
                pick_phase(texts.START_PHASE, self.ws.phases, record.current_phase(self.ws.phases))
            )
        if phase is None or self.current is None:
            return
        if self.apply(lambda: record.start_seance(
                phase, self.now(), notes=self.ws.template(phase, bool(as_follow_up)),
                follow_up=bool(as_follow_up))):
            self._last_tick = self.now()
            self.show_pane("notes")

    def action_toggle_pause(self) -> None:
        if not self.writable(closed_ok=True):  # the follow-up of a closed bilan pauses: the domain decides
            return
        seance = self.current.record.open_seance
        if seance is None:
            self.notify(texts.NOT_PAUSABLE, severity="warning")
            return
        record = self.current.record
        if seance.is_paused and record.held_at_budget(seance.number, self.now()):
            self._confirm_past_budget(seance.number)
        elif seance.is_paused:
            self.apply(lambda: record.resume_seance(seance.number, self.now()))
        else:
            self.apply(lambda: record.pause_seance(seance.number, self.now()))

    @work
    async def action_close_seance(self) -> None:
        if not self.writable(closed_ok=True):
            return
        record = self.current.record
        seance = record.open_seance
        if seance is None:
            self.notify(texts.NO_OPEN_SEANCE, severity="warning")
            return
        question = texts.CONFIRM_CLOSE.format(number=seance.number, elapsed=format_hours(seance.duration(self.now())))
        # The PDF is asked here, with the closing: a dialog opening by itself
        # once the export is written would take the keys typed meanwhile.
        # From « Non », Maj+Tab still reaches « Oui », as in every confirmation.
        answer = await self.app.push_screen_wait(ChoiceDialog(
            question, [(texts.CLOSE_WITH_PDF, "pdf"), (texts.YES, "close"), (texts.NO, None)], default=2,
        ))
        if answer is None:
            return
        if self.apply(lambda: record.close_seance(seance.number, self.now())):
            self._export_summary(seance.number, with_pdf=answer == "pdf")
            if follow_up.should_propose_follow_up(record, seance, self.ws.phases):
                proposed = follow_up.default_follow_up_date(seance.end.date())
                await self.query_one(TimelinePane).ask_follow_up(proposed)

    def _export_summary(self, number: int, with_pdf: bool = False) -> None:
        opened, snapshot = self.current, self.current.snapshot()

        def save_and_export() -> None:
            try:
                path = self.ws.save_and_export_summary(opened, snapshot, number)
            except Exception as exc:  # noqa: BLE001 - said to the consultant, the séance stays closed
                self.post_message(ExportFinished(number, None, str(exc)))
            else:
                self.post_message(ExportFinished(number, path, None, with_pdf))

        self.run_worker(save_and_export, thread=True, group="export", exit_on_error=False)

    # Named, not @on: the decorator registers only in classes built by Textual's
    # metaclass, and this mixin is a plain class.
    def on_export_finished(self, message: ExportFinished) -> None:
        if message.error is None:
            self.notify(texts.CLOSED_EXPORTED.format(number=message.number, path=message.path), timeout=15)
            if message.with_pdf:
                self.run_worker(write_pdf(self, self.ws.data_dir, message.path, Document.SUMMARY), group="export")
        else:
            self.notify(texts.EXPORT_FAILED.format(error=message.error), severity="error", timeout=15)

    @work
    async def action_reopen_seance(self) -> None:
        if not self.writable(closed_ok=True):
            return
        record = self.current.record
        # On a closed bilan only its follow-up may be corrected.
        closed = [s for s in record.seances if s.end is not None and editable(record, s.number)]
        if not closed and not self.editable():
            return
        if not closed:
            self.notify(texts.NO_CLOSED_SEANCE, severity="warning")
            return
        options = [
            (str(s.number), f"n° {s.number} · {format_date(s.day)} · {self.ws.phases.label(s.phase)}")
            for s in reversed(closed)
        ]
        choice = await self.app.push_screen_wait(PickDialog(texts.REOPEN_WHICH, options))
        if choice is None or self.current is None:
            return
        number = int(choice)
        if not await self.app.push_screen_wait(confirm(texts.CONFIRM_REOPEN.format(number=number))):
            return
        if self.apply(lambda: record.reopen_seance(number, self.now())):
            self.notify(texts.REOPENED.format(number=number))
            self.show_pane("notes")

    # --- the hours budget ------------------------------------------------------------

    def _budget_step(self, before: datetime, now: datetime) -> None:
        """On each tick: the warning level said once, and a séance that reaches
        the budget paused, with a banner saying why and how to go on. No dialog:
        it would open under the consultant's typing, and the next Entrée or
        Espace typed into the notes would answer it. Only from the tick: the
        editor then holds this candidate's notes."""
        opened: OpenCandidate = self.current
        record = opened.record
        if opened.budget_warning(before, now):
            budget = format_budget(record.candidate.hours_budget)
            left = format_hours(record.budget_left(now))
            self.notify(texts.BUDGET_WARNING.format(left=left, budget=budget), severity="warning", timeout=15)
        if opened.must_hold_at_budget(now):
            number = record.open_seance.number
            self.apply(lambda: record.pause_at_budget(number, now))

    def _refresh_budget_banner(self, now: datetime) -> None:
        banner = self.query_one("#budget-banner", QuietStatic)
        held = self.current is not None and self.current.held_at_budget(now)
        banner.display = held
        if held:
            record = self.current.record
            budget = format_budget(record.candidate.hours_budget)
            banner.show_content(Content(texts.BUDGET_HELD.format(budget=budget, number=record.open_seance.number)))

    @work
    async def _confirm_past_budget(self, number: int) -> None:
        """F7 on a séance held at the budget: going past it is asked (Non by default) and logged."""
        record = self.current.record
        now = self.now()
        question = texts.BUDGET_CONTINUE.format(
            budget=format_budget(record.candidate.hours_budget), used=format_hours(record.hours_used(now)), number=number
        )
        if not await self.app.push_screen_wait(confirm(question)):
            return
        if self.current is None or self.current.record is not record:
            return
        if self.apply(lambda: record.continue_past_budget(number, self.now())):
            self.notify(texts.BUDGET_CONTINUED.format(number=number, budget=format_budget(record.candidate.hours_budget)))

    # --- a séance left open, offered back ------------------------------------------------

    @work
    async def _offer_open_seances(self) -> None:
        for offer in self.ws.left_open(self.summaries):
            last = f"{offer.last:%H:%M}"
            question = texts.RESUME_OPEN.format(
                number=offer.number, name=offer.name,
                start=f"{format_date_long(offer.start.date())} à {offer.start:%H:%M}", last=last,
            )
            answer = await self.app.push_screen_wait(ChoiceDialog(
                question,
                [(texts.RESUME_CHOICE, "resume"), (texts.CLOSE_AT_LAST.format(last=last), "close"),
                 (texts.LATER, None)],
                title=texts.RESUME_OPEN_TITLE,
            ))
            if answer is None:
                if (error := offer.later()) is not None:
                    self.notify(str(error), severity="error", timeout=15)
                continue
            offer.release()
            self.query_one(CandidateList).select(offer.candidate_id)
            self.open_candidate(offer.candidate_id)
            if self.current is None or self.current.read_only:
                continue
            opened = self.current
            number = opened.record.open_seance.number
            if answer == "resume":
                self.apply(lambda: opened.resume_after_absence(offer.last))
                self.show_pane("notes")
            elif self.apply(lambda: opened.close_at(offer.last)):
                self._export_summary(number)
            return
