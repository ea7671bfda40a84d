"""Closing the bilan: its check list, each item met or not; when all are
(séances planned aside, which the close cancels), the end date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Static

from ...domain.closing import FOLLOW_UP, ClosingCheck, blocking
from ...domain.dates import MissingYear
from .. import texts
from .fields import DateField
from .form_dialog import FormDialog


class ClosingDialog(FormDialog[date | None]):
    """Answers the end date typed, or None (refused, cancelled)."""

    def __init__(self, checks: list[ClosingCheck], today: Callable[[], date]) -> None:
        super().__init__()
        self._checks = checks
        self._today = today
        self._refused = bool(blocking(checks, cancel_planned=True))

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog form", id="closing-dialog"):
            yield Static(Content(texts.CLOSE_BILAN_TITLE), classes="dialog-title")
            head = texts.CLOSE_BILAN_REFUSED if self._refused else texts.CLOSE_BILAN_READY
            yield Static(Content(head), classes="dialog-question")
            for check in self._checks:  # planned séances unmet: their detail says the close cancels them
                line = texts.CHECK_MET.format(label=check.label) if check.met else texts.CHECK_UNMET.format(
                    label=check.label, detail=check.detail)
                yield Static(Content(line), classes="closing-check" + ("" if check.met else " -unmet"))
            if any(c.key == FOLLOW_UP and not c.met for c in self._checks):
                yield Static(Content(texts.CLOSE_BILAN_FOLLOW_UP_HINT), classes="field-hint")
            if not self._refused:
                yield DateField(texts.FIELD_END_DATE, self._today(), self._today, field_id="end-date",
                                required_message=texts.END_DATE_REQUIRED, missing_year=MissingYear.LAST)
            with Horizontal(classes="dialog-buttons"):
                if self._refused:
                    yield Button(texts.CLOSE_BILAN_DISMISS, id="dismiss", variant="primary")
                else:
                    yield Button(texts.CLOSE_BILAN_OK, id="ok", variant="primary")
                    yield Button(texts.CANCEL, id="dismiss")

    def on_mount(self) -> None:
        if self._refused:
            self.query_one("#dismiss", Button).focus()
        else:
            self.query_one("#end-date", DateField).focus_input()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        ok, day = self.query_one("#end-date", DateField).validate()
        if ok and day is not None:
            self.dismiss(day)

    @on(Button.Pressed, "#dismiss")
    def action_cancel(self) -> None:
        self.dismiss(None)
