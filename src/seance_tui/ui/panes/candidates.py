"""The candidates pane: the filtered list, and the candidate form (new, edit)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ...services.errors import SaveFailed
from .. import texts
from ..dialogs.candidate_form import CandidateFields, CandidateForm
from ..widgets.candidate_list import CandidateList


class CandidatesPane(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(texts.PANE_TITLE.format(name=texts.PANE_CANDIDATES, key="F2"), classes="pane-title")
        yield CandidateList(id="candidate-list")

    @on(CandidateList.Chosen)
    def _chosen(self, event: CandidateList.Chosen) -> None:
        self.screen.open_candidate(event.candidate_id)
        self.screen.show_pane("timeline" if self.screen.has_class("-narrow") else "notes")

    def new_candidate(self) -> None:
        screen = self.screen
        current = screen.current
        consultant = current.record.candidate.consultant if current else ""
        form = CandidateForm(screen.today, [s.name for s in screen.summaries], default_consultant=consultant)
        self.app.push_screen(form, self._create)

    def _create(self, fields: CandidateFields | None) -> None:
        if fields is None:
            return
        screen = self.screen
        try:
            candidate_id = screen.ws.create_candidate(candidate_values(fields))
        except SaveFailed as exc:
            screen.notify(str(exc), severity="error", timeout=15)
            return
        screen.reload_candidates()
        self.query_one(CandidateList).select(candidate_id)
        screen.open_candidate(candidate_id)
        screen.show_pane("timeline")

    def edit_candidate(self) -> None:
        screen = self.screen
        if not screen.writable():
            return
        candidate = screen.current.record.candidate
        others = [s.name for s in screen.summaries if s.id != candidate.id]
        self.app.push_screen(CandidateForm(screen.today, others, candidate=candidate), self._edit)

    def _edit(self, fields: CandidateFields | None) -> None:
        screen = self.screen
        if fields is None or screen.current is None:
            return
        if not screen.apply(lambda: screen.current.edit_candidate(candidate_values(fields))):
            return  # refused (a bilan closed meanwhile): said by apply
        try:
            screen.current.save_now()  # the list is read from disk: the new name must be there
        except SaveFailed:
            return  # the save worker reports it
        screen.reload_candidates()


def candidate_values(fields: CandidateFields) -> dict:
    return {
        "name": fields.name,
        "contact": fields.contact,
        "consultant": fields.consultant,
        "funding": fields.funding,
        "consent_date": fields.consent_date,
        "keep_documents_consent": fields.keep_documents_consent,
        "synthesis_to_adviser": fields.synthesis_to_adviser,
        "agreement_sent_date": fields.agreement_sent_date,
        "agreement_date": fields.agreement_date,
        "start_date": fields.start_date,
        "hours_budget": fields.hours_budget,
    }
