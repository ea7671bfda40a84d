"""A MarkdownViewer whose links are text (the Qualiopi pack's view; the
séance view draws its document as one widget: ui/widgets/document.py)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Markdown, MarkdownViewer

from .contents import ContentsList


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
