"""The séance notes pane: a Markdown TextArea, its save indicator, and a
rendered preview toggled in place."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Markdown, Static, TextArea

from .. import bindings, texts


class NotesEditor(TextArea):
    """No blinking cursor: nothing repaints while the consultant listens."""

    def __init__(self, **kwargs) -> None:
        super().__init__(soft_wrap=True, tab_behavior="indent", **kwargs)
        self.cursor_blink = False


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
            yield Static(id="save-state")
        yield NotesEditor(id="notes-editor")
        yield Markdown(id="notes-preview")

    def on_mount(self) -> None:
        self.query_one("#notes-preview").display = False
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
        indicator = self.query_one("#save-state", Static)
        indicator.update(Content(texts.SAVE_STATE[state]))
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
        else:
            editor.focus()

    def _render_preview(self) -> None:
        # The Markdown widget renders Markdown, never Textual markup: user text stays text.
        self.query_one("#notes-preview", Markdown).update(self.query_one(NotesEditor).text)

    @on(TextArea.Changed, "#notes-editor")
    def _changed(self, event: TextArea.Changed) -> None:
        event.stop()
        text = event.text_area.text
        if text != self._loaded_text:
            self._loaded_text = text
            self.post_message(self.Edited(text))

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
