"""The notes pane: what it shows (the open séance's notes, editable, or the
last one's, read-only) and its keystrokes handed to the screen's autosave."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical

from ...domain.closing import editable
from ...domain.record import RuleError
from .. import texts
from ..widgets.notes import NotesEditor, NotesPane


class NotesColumn(Vertical):
    def compose(self) -> ComposeResult:
        yield NotesPane(id="notes")

    def show(self) -> None:
        screen = self.screen
        pane = self.query_one(NotesPane)
        record = screen.current.record if screen.current else None
        seance = record.open_seance if record else None
        if seance is not None:
            title = texts.NOTES_OF.format(number=seance.number, phase=screen.ws.phases.label(seance.phase))
            # A closed bilan's only open séance is its follow-up; anything else stays read-only.
            pane.load(title, seance.notes, editable=not screen.current.read_only and editable(record, seance.number))
        elif record is not None and record.last_seance is not None:
            last = record.last_seance
            pane.load(texts.NOTES_NO_SEANCE.format(number=last.number), last.notes, editable=False)
        else:
            pane.load(texts.NOTES_EMPTY if record else texts.PICK_A_CANDIDATE, "", editable=False)
        if screen.current and not screen.current.read_only:
            pane.set_save_state("error" if screen.saver.error else "modified" if screen.current.dirty else "saved")

    @on(NotesPane.Edited)
    def _edited(self, event: NotesPane.Edited) -> None:
        current = self.screen.current
        if current is None or current.read_only or current.record.open_seance is None:
            return
        # The editor's text, not the message's: a later keystroke may already be in it.
        try:
            current.set_notes(self.query_one(NotesEditor).text)
        except RuleError as exc:  # a closed bilan: its notes are not the follow-up's
            self.screen.notify(str(exc), severity="warning")
            return
        current.mark_changed()  # as before set_notes: a text flushed just before still needs its save
        self.query_one(NotesPane).set_save_state("error" if self.screen.saver.error else "modified")
        self.screen.saver.changed()

    @on(NotesPane.Left)
    def _left(self) -> None:
        if self.screen.current is not None and self.screen.current.dirty:
            self.screen.save_now()
