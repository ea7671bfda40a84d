"""The séance notes pane: a Markdown TextArea, its save indicator, and a
rendered preview toggled in place."""

from __future__ import annotations

import re

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Markdown, Static, TextArea

from ...domain.text import visible_controls
from .. import bindings, texts
from .in_order import InOrderKeys
from .lean_editor import LeanTextArea
from .quiet import QuietStatic

# Control characters a line of the document may hold (a pasted terminal escape,
# a stray carriage return); tab is the editor's to draw.
# How long a state of the save indicator must last to be shown (see set_save_state).
SETTLE = 0.3

_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def _shown(control: re.Match[str]) -> str:
    # One visible character for one control character, so columns do not move.
    return "\u240d" if control.group() == "\r" else visible_controls(control.group())


class NotesEditor(InOrderKeys, LeanTextArea):
    """No blinking cursor, and only changed cells repainted per keystroke:
    nothing repaints while the consultant listens, little while they type."""

    def __init__(self, **kwargs) -> None:
        super().__init__(soft_wrap=True, tab_behavior="indent", **kwargs)
        self.cursor_blink = False

    def get_line(self, line_index: int) -> Text:
        # TextArea writes a line's characters to the terminal as they are: an
        # escape sequence in the notes would be run by the terminal, not shown.
        # Only the display changes; the document keeps the text as typed.
        line = super().get_line(line_index)
        # From the document, not from ``line``: Rich's Text drops BEL, BS, VT,
        # FF and CR without a trace, and those must show too.
        raw = self.document.get_line(line_index)
        if _CONTROL.search(raw):
            line = Text(_CONTROL.sub(_shown, raw), end="", no_wrap=True)
        return line


class NotesPane(Vertical):
    BINDINGS = bindings.NOTES

    class Edited(Message):
        """The consultant changed the text (not a programmatic load)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Left(Message):
        """Focus left the notes pane: a moment to save."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="notes-header"):
            yield Static(id="notes-title")
            yield QuietStatic(id="save-state")
        yield NotesEditor(id="notes-editor")
        # Links in the notes are text: never opened (a path would go to the
        # desktop's opener, a URL to a browser, from a click on the preview).
        yield Markdown(id="notes-preview", open_links=False)

    _settle_timer: Timer | None = None
    _save_state: str | None = None  # what the indicator shows

    def on_mount(self) -> None:
        preview = self.query_one("#notes-preview")
        preview.display = False
        # Focusable: while the preview hides the editor, the focus must stay in
        # this pane, or ctrl+o (bound here) could not bring the editor back.
        preview.can_focus = True
        self._loaded_text = ""

    def load(self, title: str, text: str, editable: bool) -> None:
        editor = self.query_one(NotesEditor)
        self._loaded_text = text
        if editor.text != text:
            editor.load_text(text)
            row, column = _writing_position(text)
            editor.move_cursor((row, column))
            if row < 3:  # a fresh template: keep its first heading in sight
                self.call_after_refresh(editor.scroll_home, animate=False)
        editor.read_only = not editable
        self.query_one("#save-state").display = editable
        self.query_one("#notes-title", Static).update(Content(title))
        if self.query_one("#notes-preview").display:
            self._render_preview()

    def set_save_state(self, state: str) -> None:
        # A save takes milliseconds. Shown at once, every save while typing
        # goes on flashed "enregistrement…" then "enregistré" between two
        # "modifié": repaints nobody can read, 200 bytes a save over SSH.
        # So "enregistrement…" shows only for a save still running after
        # SETTLE, and "enregistré" after "modifié" only once no key came for
        # SETTLE. The indicator never says saved before it is.
        if self._settle_timer is not None:
            self._settle_timer.stop()
            self._settle_timer = None
        if state == "saving" or (state == "saved" and self._save_state == "modified"):
            self._settle_timer = self.set_timer(SETTLE, lambda: self._show_save_state(state))
            return
        self._show_save_state(state)

    def _show_save_state(self, state: str) -> None:
        self._settle_timer = None
        self._save_state = state
        indicator = self.query_one("#save-state", QuietStatic)
        indicator.show_content(Content(texts.SAVE_STATE[state]))
        for name in texts.SAVE_STATE:
            indicator.set_class(name == state, f"-{name}")

    @property
    def preview_shown(self) -> bool:
        return self.query_one("#notes-preview").display

    def action_toggle_preview(self) -> None:
        preview = self.query_one("#notes-preview")
        editor = self.query_one(NotesEditor)
        preview.display = not preview.display
        editor.display = not preview.display
        if preview.display:
            self._render_preview()
        self.focus_shown()

    def focus_shown(self) -> None:
        """Focus what the pane shows: the editor, or the preview in its place
        (never the hidden editor, where keys would type unseen)."""
        (self.query_one("#notes-preview") if self.preview_shown else self.query_one(NotesEditor)).focus()

    def _render_preview(self) -> None:
        # The Markdown widget renders Markdown, never Textual markup: user text stays text.
        # It passes control characters through to the terminal, though: show them instead.
        self.query_one("#notes-preview", Markdown).update(visible_controls(self.query_one(NotesEditor).text))

    @on(TextArea.Changed, "#notes-editor")
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        text = event.text_area.text
        if text != self._loaded_text:
            self._loaded_text = text
            self.post_message(self.Edited(text))

    @on(Markdown.LinkClicked, "#notes-preview")
    def _link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()  # open_links=False already: nothing above may act on it either

    def on_descendant_blur(self) -> None:
        self.post_message(self.Left())


def _writing_position(text: str) -> tuple[int, int]:
    """Where typing starts: the first blank line under the first heading of a
    fresh template, else the end of what is already written."""
    lines = text.split("\n")
    if lines and lines[0].startswith("#"):
        for row, line in enumerate(lines[1:], 1):
            if not line.strip():
                return row, 0
    return len(lines) - 1, len(lines[-1])
