"""Which of the workspace's keys work where: none of the candidate keys from
the notes (text may hold them), only a few in presentation mode, and a word
saying so when a key is refused. A mixin of WorkspaceScreen."""

from __future__ import annotations

from .. import bindings, texts


class WorkspaceKeys:
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
        # The toasts already on screen may name other candidates (a refusal on
        # the overview, the data dir's files): gone before the candidate looks.
        self.app.clear_notifications()
        self.add_class("-presentation")
        self._dress_for_candidate(True)
        self.query_one("#roadmap-table").focus()
        self._refresh_header(self.now())
        self.refresh_bindings()

    def action_leave_presentation(self) -> None:
        self.remove_class("-presentation")
        self._dress_for_candidate(False)
        self.show_pane(self._active_pane)
        self._refresh_header(self.now())
        self.refresh_bindings()
        self.show_held_notices()

    def _dress_for_candidate(self, presenting: bool) -> None:
        """What the CSS class alone cannot do: the roadmap's rows wrapped whole,
        pane titles without the consultant's F-keys, and the phases on a strip
        (which cannot change while presenting: the séance keys are refused)."""
        self.query_one("#roadmap-table").set_wrapped(presenting)
        self.query_one("#phase-strip").show(self.current.record if self.current else None, self.ws.phases)
        for pane, title in (("#timeline-pane", texts.PANE_TIMELINE), ("#roadmap-pane", texts.PANE_ROADMAP)):
            self.query_one(pane).border_title = title if presenting else None
        self.query_one("#roadmap-pane").border_subtitle = texts.PRESENTATION_SCROLL if presenting else None

    @property
    def presenting(self) -> bool:
        return self.has_class("-presentation")

    def palette_allows(self, action: str, target: str | None) -> bool:
        """What the command palette may run now: what the keys may, and in
        presentation mode nothing of the hidden panes nor the end of the bilan."""
        if target is None:
            return bool(self.check_action(action, ()))
        # Nor, in front of the candidate, the end of the bilan (closing, follow-up).
        return not (self.presenting and target in ("#notes", "#timeline-pane"))

    @property
    def active_bindings(self):
        active = super().active_bindings
        if not self.presenting:
            return active
        # The footer faces the candidate: only the way out (ctrl+t). The other
        # keys that work there (F1, ctrl+q, the roadmap's and checklist's, the
        # palette) still work; they are the consultant's, and F1 lists them.
        return {key: shown for key, shown in active.items() if shown.binding.action == "leave_presentation"}
