"""Review: one séance, its facts in a two-line header above its sections,
drawn as one widget (ui/widgets/document.py: a widget per Markdown block made
the first frame 400 ms), a narrow table of contents beside them (t); n and p
step through the candidate's séances; a search opens it at the match, its
words highlighted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Tree

from ...domain.text import visible_controls
from .. import bindings, texts
from ..widgets.document import DocumentView
from .contents import SeanceContents
from .header import ReviewHeader
from .inert_viewer import InertMarkdownViewer  # noqa: F401  (the Qualiopi pack's view imports it from here)
from .seance_header import SeanceHeader
from .seance_match import show_match

# The table of contents is shown at first from this width (it takes at most
# 24 columns, review.tcss); below, t shows it.
WIDE = 100
WITH_CONTENTS = "-with-contents"


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
        self._numbers: list[int] = []

    def compose(self) -> ComposeResult:
        yield ReviewHeader()
        yield SeanceHeader(id="seance-header")
        with Horizontal(id="seance-view", classes=WITH_CONTENTS if self.app.size.width >= WIDE else ""):
            yield SeanceContents(id="seance-contents")
            yield DocumentView(id="seance-document")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        await self.reload()
        self.query_one(DocumentView).focus()

    @property
    def document(self) -> DocumentView:
        return self.query_one(DocumentView)

    @property
    def contents_shown(self) -> bool:
        return self.query_one("#seance-view").has_class(WITH_CONTENTS)

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
        document = self.document
        scroll_y = document.scroll_y if keep_place else 0
        document.update(visible_controls(view.body))
        self.stamp = stamp  # what is shown now; the poll reloads when the file moves past it
        self.query_one(SeanceContents).show(document.headings())
        block = None
        if self.match:
            block = show_match(document, self._sections, self.match)
        if block is not None and not self._opened_at_match:
            # Opened at the match once; a reload (the file changed) keeps the
            # reader's place and highlights the words again.
            self._opened_at_match = True
            document.scroll_to_block(block)
        else:
            document.scroll_to(y=scroll_y, animate=False, immediate=True)

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        event.stop()
        if isinstance(event.node.data, int):
            self.document.scroll_to_block(event.node.data)

    async def action_step(self, offset: int) -> None:
        position = self._numbers.index(self.number) + offset if self.number in self._numbers else -1
        if 0 <= position < len(self._numbers):
            self.number, self.match = self._numbers[position], None
            await self.reload(keep_place=False)
        else:
            self.notify(texts.REVIEW_NO_MORE_SEANCES)

    def action_scroll(self, lines: int) -> None:
        self.document.scroll_relative(y=lines * 2, animate=False)

    def action_toggle_contents(self) -> None:
        self.query_one("#seance-view").toggle_class(WITH_CONTENTS)

    def action_roadmap(self) -> None:
        from .roadmap import RoadmapScreen

        self.app.push_screen(RoadmapScreen(self.candidate_id))
