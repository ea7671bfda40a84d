"""The consultant's workspace: candidates, timeline, notes and roadmap, and
the séance lifecycle. Everything the consultant does comes through here,
is applied to the record by the domain, and saved by a worker."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from collections.abc import Callable
from functools import partial
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Container, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, SelectionList, Static
from textual.worker import Worker, WorkerState

from ...domain.dates import format_date, format_date_long
from ...domain.hours import BudgetLevel, format_budget, format_hours
from ...domain.model import Candidate, RoadmapStatus, new_id
from ...domain.record import CandidateRecord, RuleError
from ...storage.errors import StorageError
from ...export.naming import candidate_slug
from ...services.workspace import OpenCandidate, Workspace
from .. import bindings, texts
from ...services.autosave import Autosave, Decision
from ..dialogs.candidate_form import CandidateFields, CandidateForm
from ..dialogs.choice import ChoiceDialog, confirm
from ..dialogs.pick_phase import PickDialog, pick_phase
from ..dialogs.roadmap_form import RoadmapFields, RoadmapForm
from ..widgets.candidate_list import CandidateList
from ..widgets.notes import NotesEditor, NotesPane
from ..widgets.plain import plain
from ..widgets.quiet import QuietStatic
from ..widgets.roadmap_table import RoadmapTable
from ..widgets.timeline import Checklist, Timeline

NARROW_WIDTH = 120
PANES = {
    "candidates": ("#candidate-filter", texts.PANE_CANDIDATES, "F2"),
    "timeline": ("#checklist", texts.PANE_TIMELINE, "F3"),
    "notes": ("#notes-editor", texts.PANE_NOTES, "F4"),
    "roadmap": ("#roadmap-table", texts.PANE_ROADMAP, "F5"),
}
STATUS_CYCLE = [RoadmapStatus.TODO, RoadmapStatus.IN_PROGRESS, RoadmapStatus.ACHIEVED, RoadmapStatus.DROPPED]


class WorkspaceScreen(Screen):
    BINDINGS = bindings.WORKSPACE

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.ws = workspace
        self.current: OpenCandidate | None = None
        self._autosave = Autosave()  # when to save; ui/autosave.py
        self._save_timer: Timer | None = None
        self._save_error: str | None = None
        self._active_pane = "candidates"
        self._last_tick: datetime | None = None
        self._quit_anyway = False
        self._notes_hint_given: set[str] = set()
        self._summaries = []
        self._on_done: dict[Worker, Callable[[Worker], None]] = {}
        self._saving_for: dict[Worker, OpenCandidate] = {}

    # --- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="top"):
            yield QuietStatic(id="app-header")
            yield Static(id="lock-banner")
            yield QuietStatic(id="budget-banner")
            yield Static(id="pane-bar")
        with Container(id="panes"):
            with Vertical(id="candidates-pane", classes="pane"):
                yield Static(texts.PANE_TITLE.format(name=texts.PANE_CANDIDATES, key="F2"), classes="pane-title")
                yield CandidateList(id="candidate-list")
            with Vertical(id="timeline-pane", classes="pane"):
                yield Static(texts.PANE_TITLE.format(name=texts.PANE_TIMELINE, key="F3"), classes="pane-title")
                yield Timeline(id="timeline")
            with Vertical(id="notes-pane", classes="pane"):
                yield NotesPane(id="notes")
            with Vertical(id="roadmap-pane", classes="pane"):
                yield Static(texts.PANE_TITLE.format(name=texts.PANE_ROADMAP, key="F5"), classes="pane-title")
                yield RoadmapTable(id="roadmap-table")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#lock-banner").display = False
        self.query_one("#budget-banner").display = False
        self._reload_candidates()
        self._refresh()
        self._show_pane("candidates")
        self.set_interval(1, self._tick)
        self.call_after_refresh(self._offer_open_seances)

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW_WIDTH, "-narrow")
        self._show_pane(self._active_pane, focus=False)

    def _show_pane(self, name: str, focus: bool = True) -> None:
        if focus:
            # Typing into a pane that presentation mode hides would be typing blind.
            self.remove_class("-presentation")
        self._active_pane = name
        for pane in PANES:
            self.query_one(f"#{pane}-pane").set_class(pane == name, "-active")
        bar = Content(" ").join(
            Content.assemble((f" {key} {label} ", "reverse bold" if pane == name else "dim"))
            for pane, (_, label, key) in PANES.items()
        )
        self.query_one("#pane-bar", Static).update(bar)
        if focus:
            if name == "notes":
                self.query_one(NotesPane).focus_shown()  # the preview may hide the editor
            else:
                self.query_one(PANES[name][0]).focus()

    def action_focus_pane(self, name: str) -> None:
        self._show_pane(name)

    # --- keys that text can hold ----------------------------------------------

    def typing_in_notes(self) -> bool:
        """Whether keys go to the notes pane now: there, a control character
        typed (ctrl+g, an Emacs reflex) or pasted without bracketed paste (in
        tmux its bytes arrive as keys) must change only the notes."""
        focused = self.app.focused
        return focused is not None and self.query_one("#notes-pane") in focused.ancestors_with_self

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.presenting:
            return action in bindings.IN_PRESENTATION  # hidden from the footer, and the key does nothing
        if action == "leave_presentation":
            return False
        if action in bindings.NOT_FROM_NOTES and self.typing_in_notes():
            return False
        return True

    def on_key(self, event) -> None:
        # A key refused above arrives here unhandled: say why, doing nothing.
        if self.presenting:
            refused = {b.action for b in bindings.WORKSPACE} - bindings.IN_PRESENTATION
            if event.key in bindings.keys_of(refused) - bindings.keys_of(bindings.IN_PRESENTATION):
                self.notify(texts.PRESENTATION_LOCKED, severity="warning", timeout=4)
            return
        if not self.typing_in_notes() or event.key in self._notes_hint_given:
            return
        if event.key in bindings.keys_of(bindings.NOT_FROM_NOTES) | {self.app.COMMAND_PALETTE_BINDING}:
            self._notes_hint_given.add(event.key)
            self.notify(texts.NOT_FROM_NOTES.format(key=event.key), severity="warning", timeout=8)

    def action_toggle_presentation(self) -> None:
        self.add_class("-presentation")
        self.query_one("#roadmap-table").focus()
        self._refresh_header(self._now())
        self.refresh_bindings()

    def action_leave_presentation(self) -> None:
        self.remove_class("-presentation")
        self._show_pane(self._active_pane)
        self._refresh_header(self._now())
        self.refresh_bindings()

    @property
    def presenting(self) -> bool:
        return self.has_class("-presentation")

    def palette_allows(self, action: str, target: str | None) -> bool:
        """What the command palette may run now: what the keys may, and in
        presentation mode nothing of the hidden panes."""
        if target is None:
            return bool(self.check_action(action, ()))
        return not (self.presenting and target == "#notes")

    @property
    def active_bindings(self):
        active = super().active_bindings
        if not self.presenting:
            return active
        # The footer cuts what does not fit at the right: in front of the
        # candidate the way out (ctrl+t) comes first, before the roadmap's keys.
        return dict(sorted(active.items(), key=lambda item: item[1].node is not self))

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen())

    # --- what is shown ----------------------------------------------------------

    def notify(self, message: str, *, markup: bool = False, **options) -> None:
        # Messages here carry paths, error texts and user text: a data dir such
        # as "~/Bilans [2026]" must not lose its brackets to markup parsing.
        super().notify(message, markup=markup, **options)

    def _now(self) -> datetime:
        return self.ws.clock()

    def _today(self) -> date:
        return self._now().date()

    def _reload_candidates(self) -> None:
        summaries, problems = self.ws.summaries()
        self._summaries = summaries
        self.query_one(CandidateList).set_candidates(summaries, self.ws.phases.label)
        for problem in problems:
            self.notify(str(problem), severity="error", timeout=15)

    def _refresh(self) -> None:
        now = self._now()
        record = self.current.record if self.current else None
        self._refresh_header(now)
        self._refresh_budget_banner(now)
        banner = self.query_one("#lock-banner", Static)
        locked = self.current.locked_message if self.current else None
        banner.display = bool(locked)
        banner.update(Content(locked or ""))
        self.query_one(Timeline).show(record, self.ws.phases, now)
        self._refresh_notes()
        self.query_one(RoadmapTable).show(record.roadmap if record else [], now.date())

    def _refresh_header(self, now: datetime) -> None:
        header = self.query_one("#app-header", QuietStatic)
        parts: list[Content] = [Content.styled(texts.APP_TITLE, "bold")]
        if self.current:
            record = self.current.record
            parts.append(plain(record.candidate.name))
            seance = record.open_seance
            if seance:
                template = (
                    texts.CORRECTING_SEANCE if seance.is_correction
                    else texts.PAUSED_SEANCE if seance.is_paused else texts.RUNNING_SEANCE
                )
                parts.append(Content(template.format(
                    number=seance.number, phase=self.ws.phases.label(seance.phase),
                    elapsed=format_hours(seance.duration(now)),
                )))
            else:
                parts.append(Content.styled(texts.NO_RUNNING_SEANCE, "dim"))
            if self.current.read_only:
                parts.append(Content.styled(f" {texts.READ_ONLY_BADGE} ", "reverse bold"))
        if self.presenting:
            parts.append(Content.styled(f" {texts.PRESENTATION_BADGE} ", "reverse bold"))
        line = Content(" · ").join(parts)
        header.show_content(line)

    def _refresh_notes(self) -> None:
        pane = self.query_one(NotesPane)
        record = self.current.record if self.current else None
        seance = record.open_seance if record else None
        if seance is not None:
            title = texts.NOTES_OF.format(number=seance.number, phase=self.ws.phases.label(seance.phase))
            pane.load(title, seance.notes, editable=not self.current.read_only)
        elif record is not None and record.last_seance is not None:
            last = record.last_seance
            pane.load(texts.NOTES_NO_SEANCE.format(number=last.number), last.notes, editable=False)
        else:
            pane.load(texts.NOTES_EMPTY if record else texts.PICK_A_CANDIDATE, "", editable=False)
        if self.current and not self.current.read_only:
            pane.set_save_state("error" if self._save_error else "modified" if self.current.dirty else "saved")

    def _tick(self) -> None:
        now = self._now()
        self._refresh_header(now)
        if self.current is None or self.current.record.open_seance is None:
            self._last_tick = now
            return
        record = self.current.record
        self.query_one(Timeline).query_one("HoursGauge").show(record, now)
        if self._last_tick is not None and not self.current.read_only:
            for level in record.budget_crossings(self._last_tick, now):
                self._budget_crossed(level, now)
            self._hold_at_budget(now)
        self._refresh_budget_banner(now)
        self._last_tick = now

    # --- candidates ---------------------------------------------------------------

    @on(CandidateList.Chosen)
    def _candidate_chosen(self, event: CandidateList.Chosen) -> None:
        self.open_candidate(event.candidate_id)
        self._show_pane("timeline" if self.has_class("-narrow") else "notes")

    def open_candidate(self, candidate_id: str) -> None:
        self._leave_current()
        try:
            self.current = self.ws.open(candidate_id)
        except Exception as exc:  # an unreadable file: say which, keep going
            self.current = None
            self.notify(str(exc), severity="error", timeout=15)
        self._last_tick = self._now()
        self._refresh()

    def _flush_editor(self) -> None:
        """The editor's text into the open séance, now: a key that acts before the
        queued keystrokes' Changed messages arrive (F-keys, quitting) must not
        save, or redraw, older text than the one on screen."""
        if self.current is None or self.current.read_only:
            return
        seance = self.current.record.open_seance
        text = self.query_one(NotesEditor).text
        if seance is not None and not self.query_one(NotesEditor).read_only and seance.notes != text:
            seance.notes = text
            self.current.mark_changed()

    def _leave_current(self) -> None:
        if self.current is None:
            return
        self._flush_editor()
        self._cancel_timers()
        try:
            self.current.save_now()
        except (OSError, StorageError) as exc:
            self._rescue(exc)
        self.current.close()
        self.current = None
        self._save_error = None

    def _cancel_timers(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = None
        self._autosave.stopped()

    def action_new_candidate(self) -> None:
        form = CandidateForm(self._today, [s.name for s in self._summaries], default_consultant=self._consultant())
        self.app.push_screen(form, self._create_candidate)

    def _consultant(self) -> str:
        return self.current.record.candidate.consultant if self.current else ""

    def _create_candidate(self, fields: CandidateFields | None) -> None:
        if fields is None:
            return
        candidate_id = f"{candidate_slug(fields.name)[:40]}-{new_id()[:6]}"
        candidate = Candidate(id=candidate_id, **_candidate_values(fields))
        try:
            self.ws.create(CandidateRecord(candidate))
        except OSError as exc:
            self.notify(str(exc), severity="error", timeout=15)
            return
        self._reload_candidates()
        self.query_one(CandidateList).select(candidate_id)
        self.open_candidate(candidate_id)
        self._show_pane("timeline")

    def action_edit_candidate(self) -> None:
        if not self._writable():
            return
        others = [s.name for s in self._summaries if s.id != self.current.record.candidate.id]
        form = CandidateForm(self._today, others, candidate=self.current.record.candidate)
        self.app.push_screen(form, self._edit_candidate)

    def _edit_candidate(self, fields: CandidateFields | None) -> None:
        if fields is None or self.current is None:
            return
        old = self.current.record.candidate
        self.current.record.candidate = Candidate(id=old.id, status=old.status, **_candidate_values(fields))
        self._changed()
        try:
            self.current.save_now()  # the list is read from disk: the new name must be there
        except (OSError, StorageError):
            return  # the save worker reports it
        self._reload_candidates()

    # --- notes and saving -----------------------------------------------------

    @on(NotesPane.Edited)
    def _notes_edited(self, event: NotesPane.Edited) -> None:
        if self.current is None or self.current.read_only:
            return
        seance = self.current.record.open_seance
        if seance is None:
            return
        # The editor's text, not the message's: a later keystroke may already be in it.
        seance.notes = self.query_one(NotesEditor).text
        self.current.mark_changed()
        self.query_one(NotesPane).set_save_state("error" if self._save_error else "modified")
        self._follow(self._autosave.changed())

    def _follow(self, decision: Decision) -> None:
        """Do what the autosave decided: save now, or (re)arm the one save timer."""
        if decision.save:
            self._save()
        elif decision.arm is not None:
            if self._save_timer is not None:
                self._save_timer.stop()
            self._save_timer = self.set_timer(decision.arm, self._save_timer_rang)

    def _save_timer_rang(self) -> None:
        self._save_timer = None
        self._follow(self._autosave.timer_rang())

    @on(NotesPane.Left)
    def _notes_left(self) -> None:
        if self.current is not None and self.current.dirty:
            self._save()

    def _changed(self) -> None:
        """The record changed (not by typing): save at once and show it."""
        if self.current is None:
            return
        self._flush_editor()
        self.current.mark_changed()
        self._save()
        self._refresh()

    def _save(self) -> None:
        if self.current is None or self.current.read_only:
            return
        self._autosave.saving()  # whatever the reason for this save, it takes every change so far
        if not self.current.dirty:
            return
        self.query_one(NotesPane).set_save_state("error" if self._save_error else "saving")
        current = self.current
        worker = self.run_worker(
            partial(current.save, current.snapshot()), thread=True, group="save", exit_on_error=False
        )
        self._saving_for[worker] = current

    @on(Worker.StateChanged)
    def _save_finished(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "save" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        # A save of the candidate left meanwhile says nothing about this one.
        if self._saving_for.pop(event.worker, None) is not self.current or self.current is None:
            return
        pane = self.query_one(NotesPane)
        if event.state is WorkerState.SUCCESS:
            if self._save_error is not None:
                self.notify(texts.SAVE_RECOVERED)
            self._save_error = None
            self._autosave.succeeded()
            pane.set_save_state("modified" if self.current.dirty else "saved")
        elif event.state is WorkerState.ERROR:
            error = str(event.worker.error)
            if self._save_error is None:
                self.notify(texts.SAVE_FAILED.format(error=error), severity="error", timeout=10)
            self._save_error = error
            pane.set_save_state("error")
            self._follow(self._autosave.failed())  # a retry, later

    def _rescue(self, error: Exception) -> Path | None:
        """Nothing is ever dropped: a copy of the notes goes to a recovery file."""
        from ...storage.recovery import write_recovery_copy

        try:
            path = write_recovery_copy(self.current.record)
        except OSError as exc:
            self.notify(texts.RECOVERY_FAILED.format(error=error, rescue_error=exc), severity="error", timeout=60)
            return None
        self.notify(texts.QUIT_UNSAVED.format(error=error, path=path), severity="error", timeout=30)
        return path

    # --- séance lifecycle -------------------------------------------------------

    def _writable(self) -> bool:
        if self.current is None:
            self.notify(texts.PICK_A_CANDIDATE, severity="warning")
            return False
        if self.current.read_only:
            self.notify(texts.READ_ONLY_REFUSED, severity="warning")
            return False
        return True

    def _apply(self, change) -> bool:
        """Apply a domain change; a rule it breaks is shown, not raised."""
        self._flush_editor()
        try:
            change()
        except RuleError as exc:
            self.notify(str(exc), severity="warning")
            return False
        self._changed()
        return True

    @work
    async def action_start_seance(self) -> None:
        if not self._writable():
            return
        record = self.current.record
        if record.open_seance is not None:
            self.notify(texts.ALREADY_OPEN.format(number=record.open_seance.number), severity="warning")
            return
        now = self._now()
        budget = format_budget(record.candidate.hours_budget)
        if record.budget_level(now) is BudgetLevel.OVER:
            # Going past the legal budget: asked (Non by default), then logged by the domain.
            question = texts.BUDGET_CONFIRM_START.format(used=format_hours(record.hours_used(now)), budget=budget)
            if not await self.app.push_screen_wait(confirm(question)):
                return
        elif record.budget_left(now) < timedelta(hours=1):
            left = format_hours(record.budget_left(now))
            self.notify(texts.BUDGET_LOW_START.format(left=left, budget=budget), severity="warning", timeout=20)
        phase = await self.app.push_screen_wait(
            pick_phase(texts.START_PHASE, self.ws.phases, record.current_phase(self.ws.phases))
        )
        if phase is None or self.current is None:
            return
        if self._apply(lambda: record.start_seance(phase, self._now(), notes=self.ws.template(phase))):
            self._last_tick = self._now()
            self._show_pane("notes")

    def action_toggle_pause(self) -> None:
        if not self._writable():
            return
        seance = self.current.record.open_seance
        if seance is None:
            self.notify(texts.NOT_PAUSABLE, severity="warning")
            return
        record = self.current.record
        if seance.is_paused and record.held_at_budget(seance.number, self._now()):
            self._confirm_past_budget(seance.number)
        elif seance.is_paused:
            self._apply(lambda: record.resume_seance(seance.number, self._now()))
        else:
            self._apply(lambda: record.pause_seance(seance.number, self._now()))

    @work
    async def action_close_seance(self) -> None:
        if not self._writable():
            return
        record = self.current.record
        seance = record.open_seance
        if seance is None:
            self.notify(texts.NO_OPEN_SEANCE, severity="warning")
            return
        question = texts.CONFIRM_CLOSE.format(number=seance.number, elapsed=format_hours(seance.duration(self._now())))
        if not await self.app.push_screen_wait(confirm(question)):
            return
        if self._apply(lambda: record.close_seance(seance.number, self._now())):
            self._export_summary(seance.number)

    def _export_summary(self, number: int) -> None:
        current = self.current
        snapshot = current.snapshot()

        def save_and_export() -> Path:
            current.save(snapshot)
            return self.ws.export_summary(snapshot.record(), number)

        def done(worker: Worker) -> None:
            if worker.state is WorkerState.SUCCESS:
                self.notify(texts.CLOSED_EXPORTED.format(number=number, path=worker.result), timeout=15)
            else:
                self.notify(texts.EXPORT_FAILED.format(error=worker.error), severity="error", timeout=15)

        worker = self.run_worker(save_and_export, thread=True, group="export", exit_on_error=False)
        self._on_done[worker] = done

    @on(Worker.StateChanged)
    def _worker_done(self, event: Worker.StateChanged) -> None:
        if event.worker in self._on_done and event.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            self._on_done.pop(event.worker)(event.worker)

    @work
    async def action_reopen_seance(self) -> None:
        if not self._writable():
            return
        record = self.current.record
        closed = [s for s in record.seances if s.end is not None]
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
        if self._apply(lambda: record.reopen_seance(number, self._now())):
            self.notify(texts.REOPENED.format(number=number))
            self._show_pane("notes")

    def _budget_crossed(self, level: BudgetLevel, now: datetime) -> None:
        record = self.current.record
        budget = format_budget(record.candidate.hours_budget)
        if level is BudgetLevel.WARNING:
            left = format_hours(record.budget_left(now))
            self.notify(texts.BUDGET_WARNING.format(left=left, budget=budget), severity="warning", timeout=15)
        # The budget reached is _hold_at_budget's, on this tick.

    def _hold_at_budget(self, now: datetime) -> None:
        """A séance that reaches the budget pauses, and a banner says why and
        how to go on. No dialog: it would open under the consultant's typing,
        and the next Entrée or Espace typed into the notes would answer it.
        Only from the tick: the editor then holds this candidate's notes."""
        record = self.current.record
        seance = record.open_seance
        if seance is not None and not seance.is_paused and record.held_at_budget(seance.number, now):
            self._apply(lambda: record.pause_at_budget(seance.number, now))

    def _refresh_budget_banner(self, now: datetime) -> None:
        banner = self.query_one("#budget-banner", QuietStatic)
        record = self.current.record if self.current else None
        seance = record.open_seance if record else None
        held = seance is not None and not self.current.read_only and record.held_at_budget(seance.number, now)
        banner.display = held
        if held:
            budget = format_budget(record.candidate.hours_budget)
            banner.show_content(Content(texts.BUDGET_HELD.format(budget=budget, number=seance.number)))

    @work
    async def _confirm_past_budget(self, number: int) -> None:
        """F7 on a séance held at the budget: going past it is asked (Non by default) and logged."""
        record = self.current.record
        now = self._now()
        question = texts.BUDGET_CONTINUE.format(
            budget=format_budget(record.candidate.hours_budget), used=format_hours(record.hours_used(now)), number=number
        )
        if not await self.app.push_screen_wait(confirm(question)):
            return
        if self.current is None or self.current.record is not record:
            return
        if self._apply(lambda: record.continue_past_budget(number, self._now())):
            self.notify(texts.BUDGET_CONTINUED.format(number=number, budget=format_budget(record.candidate.hours_budget)))

    # --- an open séance offered back --------------------------------------------------

    @work
    async def _offer_open_seances(self) -> None:
        for summary in [s for s in self._summaries if s.open_seance is not None]:
            opened = self.ws.open(summary.id)
            if opened.read_only:  # someone else is running it: theirs to resume
                opened.close()
                continue
            seance = opened.record.open_seance
            last = seance.pauses[-1].start if seance.is_paused else opened.last_saved
            question = texts.RESUME_OPEN.format(
                number=seance.number, name=opened.record.candidate.name,
                start=f"{format_date_long(seance.start.date())} à {seance.start:%H:%M}", last=f"{last:%H:%M}",
            )
            answer = await self.app.push_screen_wait(ChoiceDialog(
                question,
                [(texts.RESUME_CHOICE, "resume"), (texts.CLOSE_AT_LAST.format(last=f"{last:%H:%M}"), "close"),
                 (texts.LATER, None)],
                title=texts.RESUME_OPEN_TITLE,
            ))
            if answer is None:
                # Later, but the time away must not count meanwhile: paused where activity stopped.
                if not seance.is_paused and not seance.is_correction:
                    opened.record.pause_seance(seance.number, last)
                    opened.mark_changed()
                    try:
                        opened.save_now()
                    except (OSError, StorageError) as exc:
                        self.notify(str(exc), severity="error", timeout=15)
                opened.close()
                continue
            opened.close()
            self.query_one(CandidateList).select(summary.id)
            self.open_candidate(summary.id)
            if self.current is None or self.current.read_only:
                continue
            record = self.current.record
            seance = record.open_seance
            if answer == "resume":
                self._apply(lambda: record.resume_after_absence(seance.number, last, self._now()))
                self._show_pane("notes")
            elif self._apply(lambda: record.close_seance(seance.number, last)):
                self._export_summary(seance.number)
            return

    # --- roadmap and checklist --------------------------------------------------------

    @on(RoadmapTable.Request)
    @work
    async def _roadmap_request(self, request: RoadmapTable.Request) -> None:
        if not self._writable():
            return
        record = self.current.record
        seance = record.open_seance.number if record.open_seance else None
        table = self.query_one(RoadmapTable)
        if request.action == "add":
            fields: RoadmapFields | None = await self.app.push_screen_wait(RoadmapForm(self._today))
            if fields is not None:
                self._apply(lambda: record.add_roadmap_item(
                    fields.objective, self._now(), seance, means=fields.means, deadline=fields.deadline))
                table.move_cursor(row=table.row_count - 1)
            return
        item = record.roadmap_item(request.item_id)
        if request.action == "edit":
            fields = await self.app.push_screen_wait(RoadmapForm(self._today, item))
            if fields is not None:
                self._apply(lambda: record.edit_roadmap_item(
                    item.id, self._now(), seance, objective=fields.objective, means=fields.means,
                    deadline=fields.deadline))
        elif request.action == "status":
            following = STATUS_CYCLE[(STATUS_CYCLE.index(item.status) + 1) % len(STATUS_CYCLE)]
            self._apply(lambda: record.set_roadmap_status(item.id, following, self._now(), seance))
        elif request.action == "delete":
            if await self.app.push_screen_wait(confirm(texts.CONFIRM_DELETE_ITEM.format(objective=item.objective))):
                self._apply(lambda: record.delete_roadmap_item(item.id, self._now(), seance))
        elif request.action == "move":
            self._apply(lambda: record.move_roadmap_item(item.id, request.offset, self._now(), seance))
            table.show(record.roadmap, self._today(), selected=item.id)

    @on(SelectionList.SelectionToggled, "#checklist")
    def _checklist_toggled(self, event: SelectionList.SelectionToggled) -> None:
        if not self._writable():
            self.query_one(Timeline).show(self.current.record if self.current else None, self.ws.phases, self._now())
            return
        phase, item = event.selection.value.split(":", 1)
        done = event.selection.value in event.selection_list.selected
        record = self.current.record
        seance = record.open_seance.number if record.open_seance else None
        self._apply(lambda: record.set_checklist_item(phase, item, done, self._now(), seance))

    # --- quitting ------------------------------------------------------------------------

    def action_quit(self) -> None:
        # ctrl+q is a priority key (it must work above any dialog): it arrives
        # before the keystrokes typed just before it have reached the editor.
        # Queued behind them on the editor, the final save sees them all.
        self.query_one(NotesEditor).call_later(self._quit_after_pending_keys)

    def hang_up(self) -> None:
        """SIGHUP or SIGTERM (ui/signals.py calls this through the app's queue,
        behind the keys that reached the app): ctrl+q's final save, then exit
        whatever the disk says, since nobody is there to answer."""
        self.query_one(NotesEditor).call_later(self._quit_after_pending_keys, hanging_up=True)

    def _quit_after_pending_keys(self, hanging_up: bool = False) -> None:
        if self.current is not None and not self.current.read_only:
            self._flush_editor()
            record = self.current.record
            seance = record.open_seance
            if seance is not None and not seance.is_paused and not seance.is_correction:
                # The séance stays open for next time; the time away must not count.
                record.pause_seance(seance.number, self._now())
                self.current.mark_changed()
            self._cancel_timers()
            try:
                self.current.save_now()
            except (OSError, StorageError) as exc:
                if hanging_up:
                    self._rescue(exc)  # nobody is there to press ctrl+q again
                elif not self._quit_anyway:
                    self._quit_anyway = True
                    self._rescue(exc)
                    return
            self.current.close()
        self.app.exit()


def _candidate_values(fields: CandidateFields) -> dict:
    return {
        "name": fields.name,
        "contact": fields.contact,
        "consultant": fields.consultant,
        "funding": fields.funding,
        "consent_date": fields.consent_date,
        "agreement_date": fields.agreement_date,
        "start_date": fields.start_date,
        "hours_budget": fields.hours_budget,
    }
