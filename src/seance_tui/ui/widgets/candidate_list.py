"""The candidates pane: a filter box over a list, accents and case ignored."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content, Span
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ...domain.text import fold, visible_controls
from ...storage.index import CandidateSummary
from .. import bindings, texts


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
        # (folded name, id, what the list shows), by name: folded and built once
        # per listing, not on every keystroke in the filter (5,000 at a centre).
        self._entries: list[tuple[str, str, Content]] = []

    def compose(self) -> ComposeResult:
        filter_box = Input(placeholder=texts.FILTER_PLACEHOLDER, id="candidate-filter")
        filter_box.cursor_blink = False
        yield filter_box
        yield CandidateOptions(id="candidate-options")

    def set_candidates(self, summaries: list[CandidateSummary], phase_label) -> None:
        self._entries = sorted((fold(s.name), s.id, _shown(s, phase_label)) for s in summaries)
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
        matching = [(candidate_id, shown) for folded, candidate_id, shown in self._entries if query in folded]
        options.clear_options()
        if not matching:
            message = texts.NO_MATCH if self._entries else texts.NO_CANDIDATE
            options.add_option(Option(Content(message), disabled=True))
            return
        options.add_options(Option(shown, id=candidate_id) for candidate_id, shown in matching)


def _shown(summary: CandidateSummary, phase_label) -> Content:
    """The name as typed (controls made visible), the phase dimmed under it.
    Built directly rather than assembled: 5,000 of them at start-up."""
    name = visible_controls(summary.name)
    phase = "\n  " + phase_label(summary.current_phase)
    return Content(name + phase, spans=[Span(len(name), len(name) + len(phase), "dim")])
