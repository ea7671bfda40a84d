"""Review: search across every séance; Enter opens the séance at the match."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from ...domain.dates import format_date
from ...domain.text import visible_controls
from ...search.highlight import HIT_END, HIT_START
from ...search.hits import SearchHit
from ..widgets.form_input import FormInput
from .. import bindings, texts
from .header import ReviewHeader

SEARCH_DELAY = 0.15  # seconds of calm typing before searching
SHOWN_HITS = 50


class HitList(OptionList):
    BINDINGS = bindings.REVIEW_SEARCH


def hit_content(hit: SearchHit, phase_label: str) -> Content:
    day = format_date(hit.day) if hit.day else "—"
    head = Content.assemble(
        (visible_controls(hit.candidate_name), "bold"), f" · {day} · {phase_label} · n° {hit.number}\n  "
    )
    parts: list[Content | tuple[str, str] | str] = [head]
    for i, piece in enumerate(visible_controls(hit.snippet).split(HIT_START)):
        if i == 0:
            parts.append(piece)
            continue
        found, _, rest = piece.partition(HIT_END)
        parts.extend([(found, "reverse bold"), rest])
    return Content.assemble(*parts)


class SearchScreen(Screen):
    def __init__(self) -> None:
        super().__init__()
        self._hits: list[SearchHit] = []
        self._query = ""
        self._submitted: str | None = None
        self._timer = None

    def compose(self) -> ComposeResult:
        yield ReviewHeader()
        box = FormInput(placeholder=texts.REVIEW_SEARCH_PLACEHOLDER, id="search-box")
        box.cursor_blink = False
        yield box
        yield Static(id="search-status")
        yield HitList(id="hits")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#search-box", Input).focus()

    @on(Input.Changed, "#search-box")
    def _typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SEARCH_DELAY, self._search)

    @on(Input.Submitted, "#search-box")
    def _on_submitted(self) -> None:
        # Enter typed before the pause that starts a search would otherwise
        # find no hits yet (or the previous query's) and leave the focus here:
        # the list takes it when this very query's hits arrive.
        if self._timer is not None:
            self._timer.stop()
        self._submitted = self.query_one("#search-box", Input).value
        self._search()

    def _search(self) -> None:
        self.run_search(self.query_one("#search-box", Input).value)

    class Found(Message):
        """A search worker's answer: the hits of ``query`` (the last one posted wins)."""

        def __init__(self, query: str, hits: list[SearchHit]) -> None:
            super().__init__()
            self.query = query
            self.hits = hits

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        hits = self.app.review.search(query, SHOWN_HITS) if query.strip() else []
        if not get_current_worker().is_cancelled:
            self.post_message(self.Found(query, hits))

    def on_search_screen_found(self, message: Found) -> None:
        self._show(message.query, message.hits)

    def _show(self, query: str, hits: list[SearchHit]) -> None:
        self._hits = hits
        self._query = query
        listing = self.query_one(HitList)
        listing.clear_options()
        phases = self.app.review.phases
        listing.add_options(Option(hit_content(h, phases.label(h.phase)), id=str(i)) for i, h in enumerate(hits))
        if not query.strip():
            status = ""
        elif not hits:
            status = texts.REVIEW_NO_HIT.format(query=query)
        elif len(hits) == SHOWN_HITS:  # there may be more: say these are the newest
            status = texts.REVIEW_HITS_FIRST.format(count=len(hits))
        else:
            status = texts.REVIEW_HITS.format(count=len(hits))
        self.query_one("#search-status", Static).update(Content(status))
        if hits:
            listing.highlighted = 0
        if query == self._submitted:
            self._submitted = None
            if hits:
                listing.focus()

    @on(OptionList.OptionSelected, "#hits")
    def _open(self, event: OptionList.OptionSelected) -> None:
        from .seance import SeanceScreen

        hit = self._hits[int(event.option.id)]
        self.app.push_screen(SeanceScreen(hit.candidate_id, hit.number, match=self._query))
