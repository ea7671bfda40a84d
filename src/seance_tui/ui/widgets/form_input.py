"""The one-line text input of every form: keys applied in the order they were
typed, pastes kept whole and visible, stored control characters shown, never
sent to the terminal."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from ...domain.text import one_line, paste_as_one_line
from .. import texts
from .in_order import InOrderKeys


class FormInput(InOrderKeys, Input):
    """An ``Input`` that shows ``one_line(value)`` and gives back what to save.

    The stored value is shown with its control characters made visible (an
    ``ESC]0;…BEL`` in a name would otherwise retitle the terminal when the
    dialog opens, since ``Input`` writes its value as it is). What is saved is
    the stored value itself, control characters and all, as long as the user
    leaves the field unchanged; once edited, what the field shows is saved.
    """

    def __init__(self, value: str = "", **kwargs) -> None:
        self._stored = value
        self._shown = one_line(value)
        super().__init__(value=self._shown, **kwargs)

    @property
    def stored_value(self) -> str:
        return self._stored if self.value == self._shown else self.value

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # Input's handler keeps only the first line
        self._insert_pasted(event.text)

    def action_paste(self) -> None:
        """ctrl+v: the app's clipboard, cleaned like a terminal paste."""
        self._insert_pasted(self.app.clipboard)

    def _insert_pasted(self, text: str) -> None:
        line, joined = paste_as_one_line(text)
        start, end = self.selection
        self.replace(line, start, end)
        if joined:
            self.notify(texts.PASTE_JOINED)
