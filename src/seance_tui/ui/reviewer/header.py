"""Review's header: the lecture seule badge, who and where, and the index build."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from .. import texts


class ReviewHeader(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static(Content.assemble((f" {self.app.badge} ", "reverse bold")), id="badge")
        yield Static(Content(f" {texts.APP_TITLE} · {self.app.who}"), id="who")
        yield Static(id="index-state")

    def on_mount(self) -> None:
        self.show_index_state(self.app.index_state)

    def show_index_state(self, state: str) -> None:
        self.query_one("#index-state", Static).update(Content(state))
