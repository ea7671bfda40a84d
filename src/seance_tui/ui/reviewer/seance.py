"""Review: one séance rendered as Markdown, with its table of contents; n and
p step through the candidate's séances; a search opens it at the match."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Markdown, MarkdownViewer
from textual.widgets.markdown import MarkdownBlock

from ...domain.search_query import folded_words, parse_query
from ...domain.text import visible_controls
from .. import bindings, texts
from .header import ReviewHeader


WIDE = 120


class InertMarkdownViewer(MarkdownViewer):
    """A MarkdownViewer whose links are text: shown, never followed.

    Textual's viewer treats every link as a document to load, whatever
    ``open_links`` says: ``[x](/etc/passwd)`` in a note would show that file to
    the reviewer, and an ``https://`` link raised (no such file). Review shows
    what consultants wrote, so nothing in it may open, load or fetch anything.
    """

    async def _on_markdown_link_clicked(self, message: Markdown.LinkClicked) -> None:
        message.stop()
        # The base class's handler comes next in the MRO: prevent_default skips it.
        message.prevent_default()

    # Every way in to the navigator, closed too: no key or message may reach a file.
    async def go(self, location) -> None:
        return None

    async def back(self) -> None:
        return None

    async def forward(self) -> None:
        return None


class SeanceScreen(Screen):
    BINDINGS = bindings.REVIEW_SEANCE

    def __init__(self, candidate_id: str, number: int, match: str | None = None) -> None:
        super().__init__()
        self.candidate_id = candidate_id
        self.number = number
        self.match = match
        self.stamp = None

    def compose(self) -> ComposeResult:
        yield ReviewHeader()
        yield InertMarkdownViewer(id="seance-view", show_table_of_contents=True, open_links=False)
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        # Beside the text only where there is room for both (not at 80 columns).
        self.query_one(MarkdownViewer).show_table_of_contents = self.app.size.width >= WIDE
        await self.reload()
        self.query_one(MarkdownViewer).focus()

    async def reload(self) -> None:
        try:
            record, self.stamp = self.app.review.load(self.candidate_id)
            document = self.app.review.seance_document(record, self.number)
        except Exception as exc:  # unreadable file or vanished séance: say so, keep the last view
            self.app.notify(str(exc), severity="error", timeout=15)  # the app never reads markup
            return
        self._numbers = [s.number for s in record.seances]
        viewer = self.query_one(MarkdownViewer)
        scroll_y = viewer.scroll_y
        await viewer.document.update(visible_controls(document))
        if self.match:
            self.call_after_refresh(self._scroll_to_match)
        else:
            viewer.scroll_to(y=scroll_y, animate=False)

    def _scroll_to_match(self) -> None:
        """Open at the first block holding every searched word."""
        terms = parse_query(self.match or "")
        wanted = {t.words[0] for t in terms}
        viewer = self.query_one(MarkdownViewer)
        for block in viewer.document.query(MarkdownBlock):
            words = folded_words(block.source or "")
            if all(any(w.startswith(x) for w in words) for x in wanted):
                viewer.scroll_to_widget(block, animate=False, top=True)
                block.add_class("-search-match")
                return

    async def action_step(self, offset: int) -> None:
        position = self._numbers.index(self.number) + offset if self.number in self._numbers else -1
        if 0 <= position < len(self._numbers):
            self.number, self.match = self._numbers[position], None
            await self.reload()
        else:
            self.notify(texts.REVIEW_NO_MORE_SEANCES)

    def action_scroll(self, lines: int) -> None:
        self.query_one(MarkdownViewer).scroll_relative(y=lines * 2, animate=False)

    def action_toggle_contents(self) -> None:
        viewer = self.query_one(MarkdownViewer)
        viewer.show_table_of_contents = not viewer.show_table_of_contents

    def action_roadmap(self) -> None:
        from .roadmap import RoadmapScreen

        self.app.push_screen(RoadmapScreen(self.candidate_id))
