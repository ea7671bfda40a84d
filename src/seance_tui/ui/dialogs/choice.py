"""A modal question with a few answers: confirmations, and the open séance
offered back at start-up. Escape answers None."""

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

    def __init__(self, question: str, choices: list[tuple[str, T]], title: str = "") -> None:
        super().__init__()
        self._question = question
        self._choices = choices
        self._title = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            if self._title:
                yield Static(Content(self._title), classes="dialog-title")
            # Questions quote user text (a name, an objective): its control characters are shown, not sent.
            yield Static(plain(self._question), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                for index, (label, _) in enumerate(self._choices):
                    yield Button(Content(label), id=f"choice-{index}", variant="primary" if index == 0 else "default")

    def on_mount(self) -> None:
        self.query_one("#choice-0", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        index = int(event.button.id.removeprefix("choice-"))
        self.dismiss(self._choices[index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)


def confirm(question: str) -> ChoiceDialog[bool]:
    return ChoiceDialog(question, [(texts.YES, True), (texts.NO, False)])
