"""A bare app around one editor, stock or lean, run in a pty by test_lean_editor.py."""

import sys

from textual.app import App
from textual.widgets import TextArea

from seance_tui.ui.widgets.lean_editor import LeanTextArea

EDITORS = {"stock": TextArea, "lean": LeanTextArea}


class EditorApp(App):
    def __init__(self, editor: type[TextArea], text: str) -> None:
        super().__init__()
        self._editor = editor
        self._text = text

    def compose(self):
        editor = self._editor(self._text, soft_wrap=True)
        editor.cursor_blink = False
        yield editor

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()


if __name__ == "__main__":
    kind, text_file = sys.argv[1], sys.argv[2]
    with open(text_file, encoding="utf-8") as source:
        EditorApp(EDITORS[kind], source.read()).run()
