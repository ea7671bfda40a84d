"""The candidates pane: a filter box over a list, accents and case ignored."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ...domain.text import fold
from ...storage.index import CandidateSummary
from .. import bindings, texts
from .plain import plain


class CandidateOptions(OptionList):
    BINDINGS = bindings.CANDIDATES

    def action_open_candidate(self) -> None:
        self.action_select()


class CandidateList(Vertical):
    """Posts ``Chosen`` with the candidate id when one is opened."""

    class Chosen(Message):
        def __init__(self, candidate_id: str) -> None:
            super().__init__()
            self.candidate_id = candidate_id

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._summaries: list[CandidateSummary] = []
        self._labels: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        filter_box = Input(placeholder=texts.FILTER_PLACEHOLDER, id="candidate-filter")
        filter_box.cursor_blink = False
        yield filter_box
        yield CandidateOptions(id="candidate-options")

    def set_candidates(self, summaries: list[CandidateSummary], phase_label) -> None:
        self._summaries = sorted(summaries, key=lambda s: fold(s.name))
        self._labels = {s.id: phase_label(s.current_phase) for s in self._summaries}
        self._refill()

    def select(self, candidate_id: str) -> None:
        options = self.query_one(CandidateOptions)
        for index in range(options.option_count):
            if options.get_option_at_index(index).id == candidate_id:
                options.highlighted = index
                return

    @on(Input.Changed, "#candidate-filter")
    def _filter_changed(self) -> None:
        self._refill()

    @on(Input.Submitted, "#candidate-filter")
    def _filter_submitted(self) -> None:
        options = self.query_one(CandidateOptions)
        if options.option_count:
            options.focus()
            if options.highlighted is None:
                options.highlighted = 0

    @on(OptionList.OptionSelected, "#candidate-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))

    def _refill(self) -> None:
        query = fold(self.query_one("#candidate-filter", Input).value.strip())
        options = self.query_one(CandidateOptions)
        matching = [s for s in self._summaries if query in fold(s.name)]
        options.clear_options()
        if not matching:
            message = texts.NO_MATCH if self._summaries else texts.NO_CANDIDATE
            options.add_option(Option(Content(message), disabled=True))
            return
        options.add_options(
            Option(
                Content.assemble(plain(s.name), ("\n  " + self._labels[s.id], "dim")),
                id=s.id,
            )
            for s in matching
        )
