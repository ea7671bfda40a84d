"""The consultant's workspace: four panes around one open candidate. The
screen shows and forwards: rules are the domain's (CandidateRecord), use cases
the services' (OpenCandidate, Workspace), each pane handles its own requests
(ui/panes/), the séance keys are in seance_actions.py, the keys' rules in
workspace_keys.py and the autosave in saving.py."""

from __future__ import annotations

from datetime import date, datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Container, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.widgets.data_table import RowDoesNotExist

from ...domain.hours import format_hours
from ...domain.record import RuleError
from ...services.errors import RecoveryFailed, SaveFailed
from ...services.workspace import OpenCandidate, Workspace, write_recovery_copy
from .. import bindings, texts
from ..panes.candidates import CandidatesPane
from ..panes.notes import NotesColumn
from ..panes.roadmap import RoadmapPane
from ..panes.timeline import TimelinePane
from ..widgets.header import header_line
from ..widgets.notes import NotesEditor, NotesPane
from ..widgets.phase_strip import PhaseStrip
from ..widgets.plain import plain
from ..widgets.quiet import QuietStatic
from ..widgets.roadmap_table import RoadmapTable
from ..widgets.timeline import Timeline
from .details_actions import DetailsActions
from .saving import SaveFinished, Saver
from .seance_actions import SeanceActions
from .workspace_keys import WorkspaceKeys

NARROW_WIDTH = 120
PANES = {
    "candidates": ("#candidate-filter", texts.PANE_CANDIDATES, "F2"),
    "timeline": ("#checklist", texts.PANE_TIMELINE, "F3"),
    "notes": ("#notes-editor", texts.PANE_NOTES, "F4"),
    "roadmap": ("#roadmap-table", texts.PANE_ROADMAP, "F5"),
}



# What may show in front of the candidate: the refusal of a consultant's key.
PRESENTATION_SAFE = frozenset({texts.PRESENTATION_LOCKED})

class WorkspaceScreen(SeanceActions, DetailsActions, WorkspaceKeys, Screen):
    BINDINGS = bindings.WORKSPACE

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.ws = workspace
        self.current: OpenCandidate | None = None
        self.saver = Saver(self)  # the one save timer and the retry
        self.summaries = []
        self._active_pane = "candidates"
        self._last_tick: datetime | None = None
        self._quit_anyway = False
        self._notes_hint_given: set[str] = set()
        self._held_notices: list = []  # told while presenting (see notify)
        # The synthesis editor while it is open above this screen (F12): its
        # text is flushed, and quitting waits for its keys, like the notes'.
        self.overlay = None

    # --- layout ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="top"):
            yield QuietStatic(id="app-header")
            yield Static(id="lock-banner")
            yield QuietStatic(id="budget-banner")
            yield Static(id="pane-bar")
            yield PhaseStrip(id="phase-strip")  # presentation mode only (workspace_keys.py)
        with Container(id="panes"):
            yield CandidatesPane(id="candidates-pane", classes="pane")
            yield TimelinePane(id="timeline-pane", classes="pane")
            yield NotesColumn(id="notes-pane", classes="pane")
            yield RoadmapPane(id="roadmap-pane", classes="pane")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#lock-banner").display = False
        self.query_one("#budget-banner").display = False
        # The list from the listing index, verified in a worker (panes/candidates.py);
        # séances left open are offered once it is (_listed).
        self.query_one(CandidatesPane).list_at_start()
        self._refresh()
        self.show_pane("candidates")
        self.set_interval(1, self._tick)

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW_WIDTH, "-narrow")
        self._refresh_header(self.now())
        self.show_pane(self._active_pane, focus=False)

    def show_pane(self, name: str, focus: bool = True) -> None:
        if focus and self.presenting:
            # Typing into a pane that presentation mode hides would be typing blind.
            self._dress_for_candidate(False)
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
        self.show_pane(name)

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_open_synthesis(self) -> None:
        if self.current is None:
            self.notify(texts.PICK_A_CANDIDATE, severity="warning")
            return
        from .synthesis import SynthesisScreen

        self._flush_editor()
        self.save_now()
        self.app.push_screen(SynthesisScreen(self))

    def refresh_after_synthesis(self) -> None:
        """Back from the synthesis editor: what it changed shows, the notes pane has the focus back."""
        self._refresh()
        self.show_pane(self._active_pane)

    def action_new_candidate(self) -> None:
        self.query_one(CandidatesPane).new_candidate()

    def action_edit_candidate(self) -> None:
        self.query_one(CandidatesPane).edit_candidate()

    # --- what is shown ----------------------------------------------------------

    def notify(self, message: str, *, markup: bool = False, **options) -> None:
        # Messages here carry paths, error texts and user text: a data dir such
        # as "~/Bilans [2026]" must not lose its brackets to markup parsing.
        if self.presenting and message not in PRESENTATION_SAFE:
            # In front of the candidate: a message may name another file or
            # candidate. Held, and shown once the consultant leaves presentation.
            self._held_notices.append((message, markup, options))
            return
        super().notify(message, markup=markup, **options)

    def show_held_notices(self) -> None:
        held, self._held_notices = self._held_notices, []
        for message, markup, options in held:
            self.notify(message, markup=markup, **options)

    def now(self) -> datetime:
        return self.ws.clock()

    def today(self) -> date:
        return self.now().date()

    def reload_candidates(self) -> None:
        self.query_one(CandidatesPane).list_now()

    @on(CandidatesPane.Listed)
    def _listed(self, message: CandidatesPane.Listed) -> None:
        # self.summaries is the pane's to set, with the list it shows.
        for problem in message.problems:
            self.notify(str(problem), severity="error", timeout=15)
        if message.at_start:
            self.call_after_refresh(self._offer_open_seances)

    def _refresh(self) -> None:
        now = self.now()
        record = self.current.record if self.current else None
        self._refresh_header(now)
        self._refresh_budget_banner(now)
        banner = self.query_one("#lock-banner", Static)
        locked = self.current.locked_message if self.current else None
        if self.current is not None and self.current.purged:
            locked = texts.purged_banner(self.current.record.purge.purged_at.date())
        banner.display = bool(locked)
        banner.update(Content(locked or ""))
        self.query_one(Timeline).show(record, self.ws.phases, now)
        self.query_one(NotesColumn).show()
        self.query_one(RoadmapTable).show(record.roadmap if record else [], now.date())

    def _refresh_header(self, now: datetime) -> None:
        badges: list[str] = []
        name = None
        seance_lines: list[Content] = []
        if self.current:
            record = self.current.record
            purged = record.purge and texts.purged_name(record.candidate.id, record.purge.purged_at.date())
            name = Content(purged) if purged else plain(record.candidate.name)
            seance = record.open_seance
            if seance:
                if seance.is_paused:
                    badges.append(texts.PAUSED_BADGE)
                template = texts.CORRECTING_SEANCE if seance.is_correction else texts.RUNNING_SEANCE
                fields = dict(number=seance.number, phase=self.ws.phases.label(seance.phase),
                              elapsed=format_hours(seance.duration(now)))
                short = texts.CORRECTING_SEANCE_SHORT if seance.is_correction else texts.RUNNING_SEANCE_SHORT
                seance_lines = [Content(template.format(**fields)), Content(short.format(**fields))]
            else:
                seance_lines = [Content.styled(texts.NO_RUNNING_SEANCE, "dim")]
            if self.current.purged:
                badges.append(texts.PURGED_BADGE)
            elif record.candidate.end_date is not None:
                badges.append(texts.BILAN_CLOSED_BADGE)
            if self.current.read_only and not self.current.purged:
                badges.append(texts.READ_ONLY_BADGE)
        header = self.query_one("#app-header", QuietStatic)
        width = header.content_size.width or max(0, self.size.width - 2)
        header.show_content(header_line(badges, name, seance_lines, width, self.presenting))

    def _tick(self) -> None:
        now = self.now()
        self._refresh_header(now)
        if self.current is None or self.current.record.open_seance is None:
            self._last_tick = now
            return
        self.query_one(Timeline).query_one("HoursGauge").show(self.current.record, now)
        if self._last_tick is not None and not self.current.read_only:
            self._budget_step(self._last_tick, now)
        self._refresh_budget_banner(now)
        self._last_tick = now

    # --- the open candidate ---------------------------------------------------------

    def open_candidate(self, candidate_id: str) -> None:
        self._leave_current()
        try:
            self.current = self.ws.open(candidate_id)
        except Exception as exc:  # an unreadable file: say which, keep going
            self.current = None
            self.notify(str(exc), severity="error", timeout=15)
        self._last_tick = self.now()
        self._refresh()

    def select_roadmap_item(self, item_id: str) -> None:
        """The roadmap's cursor on that objective (one since removed: left where it is)."""
        table = self.query_one("#roadmap-table")
        try:
            table.move_cursor(row=table.get_row_index(item_id))
        except (KeyError, RowDoesNotExist):
            pass

    def _flush_editor(self) -> None:
        """The editor's text into the open séance, now: a key that acts before the
        queued keystrokes' Changed messages arrive (F-keys, quitting) must not
        save, or redraw, older text than the one on screen."""
        editor = self.query_one(NotesEditor)
        if self.current is not None and not editor.read_only:
            try:
                self.current.set_notes(editor.text)
            except RuleError:
                pass  # a closed bilan's editor is read-only but for its follow-up: nothing to keep
        if self.overlay is not None:
            self.overlay.flush()

    def _leave_current(self) -> None:
        if self.current is None:
            return
        self._flush_editor()
        self.saver.stop()
        if (error := self.current.leave()) is not None:
            self._rescue(error)
        self.current = None
        self.saver.error = None

    def writable(self, closed_ok: bool = False) -> bool:
        """Whether the open file may change: locked by us, and (unless
        ``closed_ok``: the caller lets the domain decide, for the follow-up
        séance) not a closed or purged bilan. Says why not."""
        if self.current is None:
            self.notify(texts.PICK_A_CANDIDATE, severity="warning")
            return False
        if self.current.read_only:
            refused = texts.PURGED_REFUSED if self.current.purged else texts.READ_ONLY_REFUSED
            self.notify(refused, severity="warning")
            return False
        return closed_ok or self.editable()

    def editable(self, seance: int | None = None) -> bool:
        """The bilan's own rule (ensure_editable), its French refusal shown."""
        try:
            self.current.record.ensure_editable(seance)
        except RuleError as exc:
            self.notify(str(exc), severity="warning")
            return False
        return True

    def apply(self, change) -> bool:
        """Apply a domain change; a rule it breaks is shown, not raised."""
        self._flush_editor()
        try:
            change()
        except RuleError as exc:
            self.notify(str(exc), severity="warning")
            return False
        self.changed()
        return True

    def changed(self) -> None:
        """The record changed (not by typing): save at once and show it."""
        if self.current is None:
            return
        self._flush_editor()
        self.current.mark_changed()
        self.save_now()
        self._refresh()

    # --- notes and saving -----------------------------------------------------

    def save_now(self) -> None:
        if self.saver.save(self.current):
            self._show_save_state("error" if self.saver.error else "saving")

    def _show_save_state(self, state: str) -> None:
        self.query_one(NotesPane).set_save_state(state)
        if self.overlay is not None:
            self.overlay.set_save_state(state)

    @on(SaveFinished)
    def _save_finished(self, message: SaveFinished) -> None:
        if message.opened is not self.current:  # a save of the candidate left meanwhile
            return
        recovered, failed = self.saver.finished(message)
        if recovered:
            self.notify(texts.SAVE_RECOVERED)
        if failed:
            self.notify(texts.SAVE_FAILED.format(error=message.error), severity="error", timeout=10)
        self._show_save_state("error" if message.error else "modified" if self.current.dirty else "saved")

    def _rescue(self, error: SaveFailed) -> None:
        """Nothing is ever dropped: a copy of the notes goes to a recovery file."""
        try:
            path = write_recovery_copy(self.current.record)
        except RecoveryFailed as exc:
            self.notify(texts.RECOVERY_FAILED.format(error=error, rescue_error=exc), severity="error", timeout=60)
            return
        self.notify(texts.QUIT_UNSAVED.format(error=error, path=path), severity="error", timeout=30)

    # --- quitting ------------------------------------------------------------------------

    def action_quit(self) -> None:
        # ctrl+q is a priority key (it must work above any dialog): it arrives
        # before the keystrokes typed just before it have reached the editor.
        # Queued behind them on the editor, the final save sees them all.
        self._typing_target().call_later(self._quit_after_pending_keys)

    def _typing_target(self):
        """The editor the last keys went to: the synthesis editor while it is open."""
        return self.overlay.editor if self.overlay is not None else self.query_one(NotesEditor)

    def hang_up(self) -> None:
        """SIGHUP or SIGTERM (ui/signals.py calls this through the app's queue,
        behind the keys that reached the app): ctrl+q's final save, then exit
        whatever the disk says, since nobody is there to answer."""
        self._typing_target().call_later(self._quit_after_pending_keys, hanging_up=True)

    def _quit_after_pending_keys(self, hanging_up: bool = False) -> None:
        if self.current is not None and not self.current.read_only:
            self._flush_editor()
            self.saver.stop()
            if (error := self.current.quit()) is not None:
                if hanging_up:
                    self._rescue(error)  # nobody is there to press ctrl+q again
                elif not self._quit_anyway:
                    self._quit_anyway = True  # the copy is written once; a second ctrl+q quits
                    self._rescue(error)
                    return
                self.current.close()
        self.app.exit()
