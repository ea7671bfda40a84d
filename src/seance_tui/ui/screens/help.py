"""F1: every key of the interface, read from the same lists the widgets bind."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from .. import bindings, texts


class HelpScreen(ModalScreen[None]):
    BINDINGS = [*bindings.DIALOG, ("f1", "cancel")]

    def __init__(self, sections=bindings.HELP_SECTIONS, intro: str = texts.HELP_INTRO) -> None:
        super().__init__()
        self._sections = sections
        self._intro = intro  # review's says neither autosave nor palette

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static(Content(texts.HELP_TITLE), classes="dialog-title")
            yield Static(Content(self._intro), classes="help-intro")
            for title, section in self._sections:
                yield Static(Content.styled(title, "bold $accent"), classes="help-section")
                lines = [
                    Content.assemble((f"{bindings.key_display(b):>16}", "bold"), "  ", b.description)
                    for b in section
                ]
                yield Static(Content("\n").join(lines))

    def action_cancel(self) -> None:
        self.dismiss(None)
