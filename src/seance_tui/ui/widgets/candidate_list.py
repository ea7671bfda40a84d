"""The candidates pane: a filter box over a list, accents and case ignored.

The filter keeps the focus: letters always go to it, ↑/↓ move the
highlight in the list under it, and Enter opens the highlighted candidate.
The list itself never takes the focus, so a key can never land in a list
that no longer shows what was typed (keys queued at typing speed arrive
before the screen is redrawn), and Enter only ever opens a candidate that
was highlighted: the first match of what is typed, or one chosen with the
arrows. A mouse click opens the candidate clicked.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content, Span
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ...domain.text import fold, visible_controls
from ...services.listing import CandidateSummary
from .. import bindings, texts
from .quiet import QuietStatic


class CandidateOptions(OptionList):
    """The list under the filter; highlighted from the filter, clicked with the mouse, never focused."""

    can_focus = False


class CandidateFilter(Input):
    """The filter box. Enter and the arrows are taken here, in the order they
    were typed: as Textual bindings they would run only once the key had
    bubbled up, after the letters typed behind them were already in the box."""

    class Navigated(Message):
        def __init__(self, action: str, value: str) -> None:
            super().__init__()
            self.action = action
            self.value = value  # the filter's text when the key was typed

    async def _on_key(self, event: events.Key) -> None:
        for binding in bindings.CANDIDATES:
            if event.key in binding.key.split(","):
                event.stop()
                event.prevent_default()
                self.post_message(self.Navigated(binding.action, self.value))
                return
        await super()._on_key(event)


class CandidateList(Vertical):
    """Posts ``Chosen`` with the candidate id when one is opened."""

    BINDINGS = bindings.CANDIDATES

    class Chosen(Message):
        def __init__(self, candidate_id: str) -> None:
            super().__init__()
            self.candidate_id = candidate_id

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # (folded name, id, what the list shows), by name: folded and built once
        # per listing, not on every keystroke in the filter (5,000 at a centre).
        self._entries: list[tuple[str, str, Content]] = []
        self._shown_query = ""  # the folded filter the list was last filled for
        self._reading = False  # the folder is being read: the list is not whole yet

    def compose(self) -> ComposeResult:
        filter_box = CandidateFilter(placeholder=texts.FILTER_PLACEHOLDER, id="candidate-filter")
        filter_box.cursor_blink = False
        yield filter_box
        progress = QuietStatic(id="candidate-progress")
        progress.display = False
        yield progress
        yield CandidateOptions(id="candidate-options")

    def set_candidates(self, summaries: list[CandidateSummary], phase_label) -> None:
        """The list, again: filtered as typed, the candidate highlighted kept
        highlighted (the listing may be refreshed under the consultant's arrows)."""
        options = self.query_one(CandidateOptions)
        index = options.highlighted
        kept = options.get_option_at_index(index).id if index is not None and options.option_count else None
        self._entries = sorted((_sort_key(s), s.id, _shown(s, phase_label)) for s in summaries)
        self._refill(self._shown_query, kept)

    def show_progress(self, done: int | None, total: int | None = None) -> None:
        """Files read so far while the folder is read (None: no count yet); hidden with ``reading_done``."""
        self._reading = True
        # Two lines of fixed height: a new count repaints them alone, without
        # a layout of the whole screen (ten a second while the folder is read).
        progress = self.query_one("#candidate-progress", QuietStatic)
        if done is None or not total:
            progress.show_content(Content(texts.LISTING_READING))
        else:
            progress.show_content(
                Content(texts.LISTING_PROGRESS.format(done=texts.count(done), total=texts.count(total)))
            )
        if not progress.display:
            progress.display = True
        if not self._entries:
            self._refill(self._shown_query)

    def reading_done(self) -> None:
        self._reading = False
        self.query_one("#candidate-progress", QuietStatic).display = False

    def select(self, candidate_id: str) -> None:
        options = self.query_one(CandidateOptions)
        for index in range(options.option_count):
            if options.get_option_at_index(index).id == candidate_id:
                options.highlighted = index
                return

    # Every message below carries the filter's text as it was when its key
    # was typed, and they arrive in typing order: the list always shows, and
    # Enter always opens, what matched the letters typed before that key.

    @on(Input.Changed, "#candidate-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    @on(CandidateFilter.Navigated)
    def _navigated(self, event: CandidateFilter.Navigated) -> None:
        self._show(event.value)
        action, _, argument = event.action.partition("(")
        if action == "open_highlighted":
            self._open_highlighted(event.value)
        elif action == "cursor":
            self._cursor(int(argument.rstrip(")")))
        elif action == "page":
            self._page(int(argument.rstrip(")")))

    def action_open_highlighted(self) -> None:
        self._open_highlighted(self._filter().value)

    def action_cursor(self, offset: int) -> None:
        self._cursor(offset)

    def action_page(self, offset: int) -> None:
        self._page(offset)

    def _open_highlighted(self, typed: str) -> None:
        options = self.query_one(CandidateOptions)
        index = options.highlighted
        option = options.get_option_at_index(index) if index is not None else None
        if option is not None and option.id and not option.disabled:
            self.post_message(self.Chosen(option.id))
        elif typed.strip():
            self.notify(texts.NO_MATCH_NOTHING_OPENED.format(query=typed.strip()), severity="warning", markup=False)
        else:
            self.notify(texts.FILTER_FIRST, severity="warning", markup=False)

    def _cursor(self, offset: int) -> None:
        options = self.query_one(CandidateOptions)
        if options.highlighted is None:
            options.action_first()
        elif offset > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def _page(self, offset: int) -> None:
        options = self.query_one(CandidateOptions)
        if offset > 0:
            options.action_page_down()
        else:
            options.action_page_up()

    @on(OptionList.OptionSelected, "#candidate-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))

    def _filter(self) -> Input:
        return self.query_one("#candidate-filter", Input)

    def _show(self, typed: str) -> None:
        query = fold(typed.strip())
        if query != self._shown_query:
            self._refill(query)

    def _refill(self, query: str, kept: str | None = None) -> None:
        self._shown_query = query
        options = self.query_one(CandidateOptions)
        matching = [(candidate_id, shown) for folded, candidate_id, shown in self._entries if query in folded]
        options.clear_options()
        if not matching:
            message = texts.NO_MATCH if self._entries else texts.LISTING_READING if self._reading else texts.NO_CANDIDATE
            options.add_option(Option(Content(message), disabled=True))
            return
        options.add_options(Option(shown, id=candidate_id) for candidate_id, shown in matching)
        # What Enter opens is always shown highlighted: the first match of
        # what is typed (or, the same filter refilled, the one already
        # highlighted). With nothing typed, nothing is, until an arrow is used.
        if kept is not None:
            for index, (candidate_id, _) in enumerate(matching):
                if candidate_id == kept:
                    options.highlighted = index
                    return
        options.highlighted = 0 if query else None


def _shown(summary: CandidateSummary, phase_label) -> Content:
    """The name as typed (controls made visible), the phase dimmed under it.
    Built directly rather than assembled: 5,000 of them at start-up."""
    if summary.purged_on is not None:  # no name left: the id, and the purge where the phase was
        name, phase = summary.id, "\n  " + texts.purged_on(summary.purged_on)
    else:
        name, phase = visible_controls(summary.name), "\n  " + phase_label(summary.current_phase)
    return Content(name + phase, spans=[Span(len(name), len(name) + len(phase), "dim")])


def _sort_key(summary: CandidateSummary) -> str:
    """The folded name; a purged file (no name left) by its id and the words
    shown, after every named one, so that typing its id finds it."""
    if summary.purged_on is None:
        return fold(summary.name)
    return "\uffff" + fold(texts.purged_name(summary.id, summary.purged_on))
