"""Review: the Qualiopi trace pack of one candidate, shown read-only.

The same document as ``seance export --qualiopi`` (export/qualiopi.py, through
``services.review``): dates, durations, phases, tools, checklist, the roadmap by
numbers, no note content. Review writes no file: the pack is only shown, in the
séance view's inert viewer (links are text).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, MarkdownViewer

from ...domain.text import visible_controls
from .. import bindings
from .header import ReviewHeader
from .seance import WIDE, InertMarkdownViewer


class QualiopiScreen(Screen):
    BINDINGS = bindings.REVIEW_QUALIOPI

    def __init__(self, candidate_id: str) -> None:
        super().__init__()
        self.candidate_id = candidate_id
        self.stamp = None  # the live check reloads the pack when the file changes

    def compose(self) -> ComposeResult:
        yield ReviewHeader()
        yield InertMarkdownViewer(id="qualiopi-view", show_table_of_contents=True, open_links=False)
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        self.query_one(MarkdownViewer).show_table_of_contents = self.app.size.width >= WIDE
        await self.reload()
        self.query_one(MarkdownViewer).focus()

    async def reload(self) -> None:
        try:
            record, self.stamp = self.app.review.load(self.candidate_id)
            document = self.app.review.qualiopi_document(record)
        except Exception as exc:  # unreadable file: say which, keep the last view
            self.app.notify(str(exc), severity="error", timeout=15)  # the app never reads markup
            return
        viewer = self.query_one(MarkdownViewer)
        scroll_y = viewer.scroll_y
        await viewer.document.update(visible_controls(document))
        viewer.scroll_to(y=scroll_y, animate=False)

    def action_scroll(self, lines: int) -> None:
        self.query_one(MarkdownViewer).scroll_relative(y=lines * 2, animate=False)

    def action_toggle_contents(self) -> None:
        viewer = self.query_one(MarkdownViewer)
        viewer.show_table_of_contents = not viewer.show_table_of_contents
