"""The follow-up interview proposed (R6313-4): a date, six months after the
conclusion by default and editable, « Plus tard », or declined."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Static

from ...domain.dates import MissingYear
from .. import texts
from .fields import DateField
from .form_dialog import FormDialog

PLAN, DECLINE = "plan", "decline"


class FollowUpDialog(FormDialog[tuple[str, date | None] | None]):
    """Answers (PLAN, the date), (DECLINE, None), or None for « Plus tard » and Échap."""

    def __init__(self, proposed: date, today: Callable[[], date], after_conclusion: bool = True) -> None:
        super().__init__()
        self._proposed = proposed
        self._today = today
        self._after_conclusion = after_conclusion

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form", id="follow-up-dialog"):
            yield Static(Content(texts.FOLLOW_UP_TITLE), classes="dialog-title")
            question = texts.FOLLOW_UP_QUESTION if self._after_conclusion else texts.FOLLOW_UP_QUESTION_ANYTIME
            yield Static(Content(question), classes="dialog-question")
            yield DateField(texts.FIELD_FOLLOW_UP_DATE, self._proposed, self._today, field_id="follow-up-date",
                            required_message=texts.FOLLOW_UP_DATE_REQUIRED, missing_year=MissingYear.NEXT)
            with Horizontal(classes="dialog-buttons"):
                yield Button(texts.FOLLOW_UP_PLAN, id="plan", variant="primary")
                yield Button(texts.FOLLOW_UP_LATER, id="later")
                yield Button(texts.FOLLOW_UP_DECLINE, id="decline")

    def on_mount(self) -> None:
        self.query_one("#follow-up-date", DateField).focus_input()

    @on(Input.Submitted)
    @on(Button.Pressed, "#plan")
    def _plan(self) -> None:
        ok, day = self.query_one("#follow-up-date", DateField).validate()
        if ok and day is not None:
            self.dismiss((PLAN, day))

    @on(Button.Pressed, "#decline")
    def _decline(self) -> None:
        self.dismiss((DECLINE, None))

    @on(Button.Pressed, "#later")
    def action_cancel(self) -> None:
        self.dismiss(None)
