"""Creating a candidate, or editing their details.

Editing never starts from a selected name that the next typed word would
replace: the cursor waits at the end of the name, the current name is shown
under the field, and a changed name is confirmed (« Non » by default)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, Static

from ...domain.agreement import agreement_late
from ...domain.dates import MissingYear, format_date_long
from ...domain.model import Candidate, FundingRoute
from ...domain.text import fold
from .. import bindings, texts
from ..widgets.form_checkbox import FormCheckbox
from ..widgets.form_select import FormSelect
from ..widgets.plain import plain
from .choice import confirm
from .fields import DateField, Field
from .form_dialog import FormDialog


@dataclass(frozen=True)
class CandidateFields:
    name: str
    contact: str | None
    consultant: str
    funding: FundingRoute
    consent_date: date
    keep_documents_consent: bool
    synthesis_to_adviser: bool
    agreement_sent_date: date | None
    agreement_date: date | None
    start_date: date | None
    hours_budget: float


class CandidateForm(FormDialog[CandidateFields | None]):
    def __init__(
        self,
        today: Callable[[], date],
        other_names: list[str],
        candidate: Candidate | None = None,
        default_consultant: str = "",
    ) -> None:
        super().__init__()
        self._today = today
        self._other_names = other_names
        self._candidate = candidate
        self._default_consultant = default_consultant
        self._duplicate_warned_for: str | None = None

    def compose(self) -> ComposeResult:
        c = self._candidate
        with VerticalScroll(classes="dialog form"):
            yield Static(Content(texts.CANDIDATE_FORM_EDIT if c else texts.CANDIDATE_FORM_NEW), classes="dialog-title")
            yield Field(texts.FIELD_NAME, c.name if c else "", field_id="name")
            if c:
                yield Static(plain(texts.CURRENT_NAME.format(name=c.name)), id="current-name", classes="field-hint")
            yield Field(texts.FIELD_CONTACT, (c.contact or "") if c else "", field_id="contact")
            yield Field(texts.FIELD_CONSULTANT, c.consultant if c else self._default_consultant, field_id="consultant")
            yield Label(texts.FIELD_FUNDING)
            yield FormSelect(
                [(route.label, route) for route in FundingRoute],
                value=c.funding if c else Select.NULL,
                prompt=texts.FUNDING_REQUIRED,
                id="funding",
            )
            yield Static(classes="field-message", id="funding-message")
            # A date typed without a year (MissingYear): consent is recorded once given, so
            # the latest 28/02 up to today; the agreement and the start may have just happened
            # or be coming (a file opened at the first meeting or a week before), so the
            # nearest 28/02. Deadlines (roadmap) take the next one.
            yield DateField(texts.FIELD_CONSENT, c.consent_date if c else None, self._today,
                            field_id="consent", required_message=texts.CONSENT_REQUIRED,
                            missing_year=MissingYear.LAST)
            # What the consent also covers: R6313-7's two reasons to keep the file a year.
            yield Label(Content(texts.FIELD_CONSENT_ALSO), classes="field-hint")
            yield FormCheckbox(texts.FIELD_KEEP_DOCUMENTS, c.keep_documents_consent if c else False,
                               id="keep-documents")
            yield FormCheckbox(texts.FIELD_SYNTHESIS_TO_ADVISER, c.synthesis_to_adviser if c else False,
                               id="synthesis-to-adviser")
            yield DateField(texts.FIELD_AGREEMENT_SENT, c.agreement_sent_date if c else None, self._today,
                            field_id="agreement-sent", missing_year=MissingYear.NEAREST)
            yield DateField(texts.FIELD_AGREEMENT_SIGNED, c.agreement_date if c else None, self._today,
                            field_id="agreement", missing_year=MissingYear.NEAREST)
            yield Static(classes="field-message -error", id="agreement-warning")
            yield DateField(texts.FIELD_START, c.start_date if c else None, self._today, field_id="start",
                            missing_year=MissingYear.NEAREST)
            budget = f"{c.hours_budget:g}".replace(".", ",") if c else "24"
            yield Field(texts.FIELD_BUDGET, budget, field_id="budget")
            with Horizontal(classes="dialog-buttons"):
                yield Button(texts.OK, id="ok", variant="primary")
                yield Button(texts.CANCEL, id="cancel")

    def on_mount(self) -> None:
        name = self.query_one("#name", Field).query_one(Input)
        if self._candidate is not None:
            name.select_on_focus = False
            name.cursor_position = len(name.value)
        name.focus()
        self._agreement_warning()

    @on(Select.Changed, "#funding")
    def _funding_changed(self, event: Select.Changed) -> None:
        hint = texts.AGREEMENT_HINT if isinstance(event.value, FundingRoute) and event.value.employer_funded else ""
        self.query_one("#funding-message", Static).update(Content(hint))
        self._agreement_warning()

    @on(Input.Changed, "#agreement-sent Input, #agreement Input")
    def _agreement_warning(self) -> None:
        """R6313-8's ten days, from the dates as typed (the rule is the domain's)."""
        funding = self.query_one("#funding", Select).value
        sent_ok, sent = self.query_one("#agreement-sent", DateField).validate()
        signed_ok, signed = self.query_one("#agreement", DateField).validate()
        late = None
        if isinstance(funding, FundingRoute) and sent_ok and signed_ok:
            late = agreement_late(funding, sent, signed, self._today())
        self.query_one("#agreement-warning", Static).update(Content(agreement_warning(late)))

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        fields = self._validated()
        if fields is None:
            return
        old = self._candidate
        if old is not None and fields.name != old.name:
            question = texts.CONFIRM_RENAME.format(old=old.name, new=fields.name)
            self.app.push_screen(confirm(question), lambda yes: self._renamed(yes, fields))
            return
        self.dismiss(fields)

    def _renamed(self, confirmed: bool | None, fields: CandidateFields) -> None:
        if confirmed:
            self.dismiss(fields)
        else:
            self.query_one("#name", Field).focus_input()

    def _validated(self) -> CandidateFields | None:
        name = self.query_one("#name", Field)
        consultant = self.query_one("#consultant", Field)
        budget_field = self.query_one("#budget", Field)
        funding = self.query_one("#funding", Select).value
        consent_ok, consent = self.query_one("#consent", DateField).validate()
        agreement_ok, agreement = self.query_one("#agreement", DateField).validate()
        sent_ok, sent = self.query_one("#agreement-sent", DateField).validate()
        start_ok, start = self.query_one("#start", DateField).validate()

        first_bad: Field | None = None
        for field, message in ((name, texts.NAME_REQUIRED), (consultant, texts.CONSULTANT_REQUIRED)):
            field.say("" if field.raw else message, error=not field.raw)
            first_bad = first_bad or (None if field.raw else field)
        budget = _parse_budget(budget_field.raw)
        budget_field.say("" if budget else texts.BUDGET_INVALID, error=budget is None)
        funding_ok = isinstance(funding, FundingRoute)
        if not funding_ok:
            self.query_one("#funding-message", Static).update(Content(texts.FUNDING_REQUIRED))
        if first_bad is None and budget is None:
            first_bad = budget_field
        if first_bad is not None:
            first_bad.focus_input()
            return None
        if not (funding_ok and consent_ok and agreement_ok and sent_ok and start_ok):
            return None

        duplicates = [n for n in self._other_names if fold(n).split() == fold(name.raw).split()]
        if duplicates and self._duplicate_warned_for != name.raw:
            self._duplicate_warned_for = name.raw
            name.say(texts.DUPLICATE_NAME.format(names=", ".join(duplicates)), error=True)
            return None
        return CandidateFields(
            name=name.raw,
            contact=self.query_one("#contact", Field).raw or None,
            consultant=consultant.raw,
            funding=funding,
            consent_date=consent,
            keep_documents_consent=self.query_one("#keep-documents", FormCheckbox).value,
            synthesis_to_adviser=self.query_one("#synthesis-to-adviser", FormCheckbox).value,
            agreement_sent_date=sent,
            agreement_date=agreement,
            start_date=start,
            hours_budget=budget,
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def agreement_warning(late) -> str:
    """The French warning for an AgreementLate (domain/agreement.py), or ''."""
    if late is None:
        return ""
    if late.signed is not None:
        return texts.AGREEMENT_SIGNED_LATE.format(
            signed=format_date_long(late.signed), sent=format_date_long(late.sent),
            deadline=format_date_long(late.deadline))
    return texts.AGREEMENT_NOT_SIGNED_LATE.format(
        sent=format_date_long(late.sent), deadline=format_date_long(late.deadline))


def _parse_budget(raw: str) -> float | None:
    try:
        hours = float(raw.replace(",", ".").removesuffix("h").strip())
    except ValueError:
        return None
    return hours if 1 <= hours <= 24 else None
