"""Review: one séance, its facts in a two-line header above its sections
rendered as Markdown, a narrow table of contents beside them (t); n and p
step through the candidate's séances; a search opens it at the match, its
words highlighted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Footer, Markdown, MarkdownViewer

from ...domain.text import visible_controls
from .. import bindings, texts
from .contents import ContentsList
from .header import ReviewHeader
from .seance_header import SeanceHeader
from .seance_match import show_match

# The table of contents is shown at first from this width (it takes at most
# 24 columns, review.tcss); below, t shows it.
WIDE = 100


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

    def compose(self) -> ComposeResult:
        # The base viewer's two children, with a table of contents made for a narrow column.
        markdown = Markdown(parser_factory=self._parser_factory, open_links=self._open_links)
        markdown.can_focus = True
        yield markdown
        yield ContentsList(markdown)


class SeanceScreen(Screen):
    BINDINGS = bindings.REVIEW_SEANCE

    def __init__(self, candidate_id: str, number: int, match: str | None = None) -> None:
        super().__init__()
        self.candidate_id = candidate_id
        self.number = number
        self.match = match
        self.stamp = None
        self._opened_at_match = False
        self._sections: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        yield ReviewHeader()
        yield SeanceHeader(id="seance-header")
        yield InertMarkdownViewer(id="seance-view", show_table_of_contents=False, open_links=False)
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        self.query_one(MarkdownViewer).show_table_of_contents = self.app.size.width >= WIDE
        await self.reload()
        self.query_one(MarkdownViewer).focus()

    async def reload(self, keep_place: bool = True) -> None:
        try:
            record, stamp = self.app.review.load(self.candidate_id)
            view = self.app.review.seance_view(record, self.number)
        except Exception as exc:  # unreadable file or vanished séance: say so, keep the last view
            self.app.notify(str(exc), severity="error", timeout=15)  # the app never reads markup
            return
        self._numbers = [s.number for s in record.seances]
        self._sections = view.searched_sections
        self.query_one(SeanceHeader).show(view)
        viewer = self.query_one(MarkdownViewer)
        scroll_y = viewer.scroll_y if keep_place else 0
        try:
            document = viewer.document
        except NoMatches:  # the viewer is between its compose and its document: the next poll reloads
            return
        await document.update(visible_controls(view.body))
        self.stamp = stamp  # what is shown now; the poll reloads when the file moves past it
        if document.children:
            # The first heading's top margin, two blank lines under the header:
            # set on that one block (a :first-child rule costs every block's
            # styling, 8 % of the first frame).
            document.children[0].styles.margin = (0, 0, 1, 0)
        if self.match:
            # Opened at the match once; a reload (the file changed) keeps the
            # reader's place and highlights the words again.
            opening = not self._opened_at_match
            self._opened_at_match = True
            self.call_after_refresh(self._show_match, opening, scroll_y)
        else:
            viewer.scroll_to(y=scroll_y, animate=False)

    def _show_match(self, opening: bool, scroll_y: float) -> None:
        viewer = self.query_one(MarkdownViewer)
        block = show_match(viewer.document, self._sections, self.match or "")
        if opening and block is not None:
            viewer.scroll_to_widget(block, animate=False, top=True)
        else:
            viewer.scroll_to(y=scroll_y, animate=False)

    async def action_step(self, offset: int) -> None:
        position = self._numbers.index(self.number) + offset if self.number in self._numbers else -1
        if 0 <= position < len(self._numbers):
            self.number, self.match = self._numbers[position], None
            await self.reload(keep_place=False)
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
