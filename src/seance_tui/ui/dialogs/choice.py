"""A modal question with a few answers: confirmations, and the open séance
offered back at start-up. Escape answers None.

The button that has the focus when the dialog opens is the answer Enter
gives: for a confirmation, the safe one (Non). Keys typed just before the
dialog opened must never be the consultant's answer to it."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from .. import bindings, texts
from ..widgets.plain import plain

T = TypeVar("T")


class ChoiceDialog(ModalScreen[T | None], Generic[T]):
    BINDINGS = bindings.DIALOG

    def __init__(self, question: str, choices: list[tuple[str, T]], title: str = "", default: int = 0) -> None:
        super().__init__()
        self._question = question
        self._choices = choices
        self._title = title
        self._default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            if self._title:
                yield Static(Content(self._title), classes="dialog-title")
            # Questions quote user text (a name, an objective): its control characters are shown, not sent.
            yield Static(plain(self._question), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                for index, (label, _) in enumerate(self._choices):
                    yield Button(Content(label), id=f"choice-{index}", variant="primary" if index == self._default else "default")

    def on_mount(self) -> None:
        self.query_one(f"#choice-{self._default}", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        index = int(event.button.id.removeprefix("choice-"))
        self.dismiss(self._choices[index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)


def confirm(question: str) -> ChoiceDialog[bool]:
    """Oui / Non, with Non, the safe answer, as the default: saying yes takes a
    deliberate move (Tab or Maj+Tab, then Entrée), never the Entrée typed on reflex."""
    return ChoiceDialog(question, [(texts.YES, True), (texts.NO, False)], default=1)
