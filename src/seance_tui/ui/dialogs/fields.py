"""Form fields that check what is typed and say so underneath, in French."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, Static

from ...domain.dates import DateParseError, MissingYear, format_date_long, format_day_month, understand_french_date
from ...domain.text import one_line
from .. import texts
from ..widgets.form_input import FormInput


class Field(Vertical):
    """A label, an input and a message line; subclasses say what a valid value is."""

    DEFAULT_CLASSES = "field"

    def __init__(self, label: str, value: str = "", *, field_id: str) -> None:
        super().__init__(id=field_id)
        self._label = label
        self._value = value

    def compose(self) -> ComposeResult:
        yield Label(Content(self._label))
        box = FormInput(self._value)
        box.cursor_blink = False
        yield box
        yield Static(classes="field-message")

    @property
    def raw(self) -> str:
        return self.query_one(FormInput).stored_value.strip()

    def say(self, message: str, error: bool) -> None:
        line = self.query_one(".field-message", Static)
        line.update(Content(one_line(message)))  # may quote user text (names)
        line.set_class(error, "-error")
        self.set_class(error, "-invalid")

    def focus_input(self) -> None:
        self.query_one(FormInput).focus()


class DateField(Field):
    """Parses French dates as you type, and shows what it understood."""

    def __init__(self, label: str, value: date | None, today: Callable[[], date], *, field_id: str,
                 required_message: str | None = None, missing_year: MissingYear = MissingYear.NEXT) -> None:
        """``missing_year``: which year ``28 février`` typed alone means in this field."""
        super().__init__(label, format_date_long(value) if value else "", field_id=field_id)
        self._today = today
        self._required_message = required_message
        self._missing_year = missing_year

    def on_mount(self) -> None:
        self.validate()

    @on(Input.Changed)
    def _changed(self) -> None:
        self.validate()

    def validate(self) -> tuple[bool, date | None]:
        """(valid, the date or None when left empty and allowed)."""
        if not self.raw:
            if self._required_message:
                self.say(self._required_message, error=True)
                return False, None
            self.say("", error=False)
            return True, None
        try:
            parsed, year_guessed = understand_french_date(self.raw, self._today(), self._missing_year)
        except DateParseError as exc:
            self.say(str(exc), error=True)
            return False, None
        if year_guessed:  # say which year was taken, and why
            hint = texts.DATE_UNDERSTOOD_WITHOUT_YEAR[self._missing_year.value]
            self.say(hint.format(date=format_date_long(parsed), day_month=format_day_month(parsed)), error=False)
        else:
            self.say(texts.DATE_UNDERSTOOD.format(date=format_date_long(parsed)), error=False)
        return True, parsed
