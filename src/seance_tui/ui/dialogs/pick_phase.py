"""Choosing the phase of a new séance (the current one is offered first)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...domain.phases import PhaseSet
from .. import bindings


class PickDialog(ModalScreen[str | None]):
    """A titled list of (key, label); Enter picks, Escape cancels."""

    BINDINGS = bindings.DIALOG

    def __init__(self, title: str, options: list[tuple[str, str]], highlighted: str | None = None) -> None:
        super().__init__()
        self._title = title
        self._options = options
        self._highlighted = highlighted

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(self._title), classes="dialog-title")
            yield OptionList(*(Option(Content(label), id=key) for key, label in self._options), id="pick-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        keys = [key for key, _ in self._options]
        options.highlighted = keys.index(self._highlighted) if self._highlighted in keys else 0
        options.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


def pick_phase(title: str, phases: PhaseSet, current: str) -> PickDialog:
    return PickDialog(title, [(p.key, p.label) for p in phases], highlighted=current)
