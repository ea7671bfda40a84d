"""F10: the open séance's details — tools used, next steps, next séance's date.

Every field takes keys in typing order, Tab included (the tool list and the
next-steps box run their own keys in their own queue, like ``FormInput``:
see ``InOrderKeys`` and ``FormDialog``). The dialog closes only once the
details are saved: a date refused by the rules (in the past, say) is said
under its field and everything typed stays.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from ...domain.details import split_tools
from ...domain.model import Seance
from ...domain.text import fold, one_line
from .. import texts
from ..widgets.in_order import InOrderKeys
from ..widgets.notes import NotesEditor
from ..widgets.tick_list import TickList
from .fields import DateField, Field
from .form_dialog import FormDialog


@dataclass(frozen=True)
class DetailsFields:
    tools: list[str]
    next_steps: str
    next_date: date | None


# What saving says: None once saved, else the French reason it was refused.
Save = Callable[[DetailsFields], "str | None"]
# The rules' word on a next date before saving (None: fine).
CheckDate = Callable[[date], "str | None"]


class ToolList(TickList):
    """The phase's catalogue of tools."""


class StepsEditor(NotesEditor):
    """Multi-line next steps: control characters shown, never sent; Tab leaves."""

    def __init__(self, text: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.tab_behavior = "focus"
        self.load_text(text)
        self.show_line_numbers = False


class NextDateField(DateField):
    """A French date, then the rules' check (a date in the past is refused)."""

    def __init__(self, *args, check: CheckDate, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._check = check

    def validate(self) -> tuple[bool, date | None]:
        valid, parsed = super().validate()
        if valid and parsed is not None and (refusal := self._check(parsed)) is not None:
            self.say(refusal, error=True)
            return False, None
        return valid, parsed


class SeanceDetailsForm(FormDialog[bool]):
    """Dismissed with True once saved, False if cancelled."""

    def __init__(
        self, seance: Seance, catalogue: Sequence[str], today: Callable[[], date], check: CheckDate, save: Save
    ) -> None:
        super().__init__()
        self._seance = seance
        self._today = today
        self._check = check
        self._save = save
        self._catalogue = list(catalogue)
        known = {fold(tool) for tool in self._catalogue}
        self._ticked = {fold(t) for t in seance.tools if fold(t) in known}
        self._free = [t for t in seance.tools if fold(t) not in known]

    def compose(self) -> ComposeResult:
        s = self._seance
        with VerticalScroll(classes="dialog form details"):
            yield Static(Content(texts.DETAILS_TITLE.format(number=s.number)), classes="dialog-title")
            yield Label(Content(texts.DETAILS_TOOLS if self._catalogue else texts.DETAILS_NO_CATALOGUE))
            tools = ToolList(
                *(Selection(Content(t), t, fold(t) in self._ticked) for t in self._catalogue), id="tools"
            )
            tools.display = bool(self._catalogue)
            yield tools
            yield Field(texts.DETAILS_OTHER_TOOLS, ", ".join(self._free), field_id="other-tools")
            yield Label(Content(texts.DETAILS_STEPS))
            yield StepsEditor(s.next_steps, id="next-steps")
            yield NextDateField(
                texts.DETAILS_NEXT_DATE, s.next_seance_date, self._today, field_id="next-date", check=self._check
            )
            yield Static(classes="field-message -error", id="details-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(texts.OK, id="ok", variant="primary")
                yield Button(texts.CANCEL, id="cancel")

    def on_mount(self) -> None:
        if self._catalogue:
            self.query_one(ToolList).focus()
        else:
            self.query_one("#other-tools", Field).focus_input()

    def _tab(self, forward: bool) -> None:
        # Every field here runs its keys in its own queue (InOrderKeys): no key
        # typed before Tab can still be on its way to the App, so Tab may move
        # the focus at once from any of them (see FormDialog).
        if not isinstance(self.focused, InOrderKeys):
            raise SkipAction()
        if forward:
            self.focus_next()
        else:
            self.focus_previous()

    def fields(self) -> DetailsFields:
        ticked = list(self.query_one(ToolList).selected)
        free = split_tools(self.query_one("#other-tools", Field).raw)
        chosen = {fold(t): t for t in [*ticked, *free]}
        # Tools already recorded keep their order: reopening and saving unchanged logs nothing.
        ordered = [t for t in self._seance.tools if fold(t) in chosen]
        kept = {fold(t) for t in ordered}
        ordered += [t for key, t in chosen.items() if key not in kept]
        return DetailsFields(ordered, self.query_one(StepsEditor).text, self.query_one(NextDateField).validate()[1])

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        date_field = self.query_one(NextDateField)
        valid, _ = date_field.validate()
        if not valid:
            date_field.focus_input()
            return
        refusal = self._save(self.fields())
        if refusal is not None:
            # Said here, the dialog kept open: nothing typed is lost.
            self.query_one("#details-message", Static).update(Content(one_line(refusal)))
            return
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
