"""Adding or editing one objective of the feuille de route."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Static

from ...domain.model import RoadmapItem
from .. import texts
from .fields import DateField, Field
from .form_dialog import FormDialog


@dataclass(frozen=True)
class RoadmapFields:
    objective: str
    means: str
    deadline: date | None


class RoadmapForm(FormDialog[RoadmapFields | None]):
    def __init__(self, today: Callable[[], date], item: RoadmapItem | None = None) -> None:
        super().__init__()
        self._today = today
        self._item = item

    def compose(self) -> ComposeResult:
        item = self._item
        with VerticalScroll(classes="dialog form"):
            yield Static(Content(texts.ROADMAP_FORM_EDIT if item else texts.ROADMAP_FORM_ADD), classes="dialog-title")
            yield Field(texts.FIELD_OBJECTIVE, item.objective if item else "", field_id="objective")
            yield Field(texts.FIELD_MEANS, item.means if item else "", field_id="means")
            yield DateField(texts.FIELD_DEADLINE, item.deadline if item else None, self._today, field_id="deadline")
            with Horizontal(classes="dialog-buttons"):
                yield Button(texts.OK, id="ok", variant="primary")
                yield Button(texts.CANCEL, id="cancel")

    def on_mount(self) -> None:
        self.query_one("#objective", Field).focus_input()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        objective = self.query_one("#objective", Field)
        valid_date, deadline = self.query_one("#deadline", DateField).validate()
        if not objective.raw:
            objective.say(texts.OBJECTIVE_REQUIRED, error=True)
            objective.focus_input()
            return
        objective.say("", error=False)
        if not valid_date:
            self.query_one("#deadline", DateField).focus_input()
            return
        self.dismiss(RoadmapFields(objective.raw, self.query_one("#means", Field).raw, deadline))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
