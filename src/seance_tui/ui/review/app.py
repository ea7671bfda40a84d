"""Review mode: a read-only history browser, made to be reached over SSH.

It holds a ReadOnlyStore (no write method exists) and no editing binding.
Once a second it looks for changed files (stat only) and reloads what is on
screen, so a séance being written shows its new content within 2 seconds.
"""

from __future__ import annotations

import inspect
import os

from textual import work
from textual.app import App

from ... import paths
from ...review import Review
from .. import bindings, texts
from ..screens.help import HelpScreen
from .candidates import CandidatesScreen
from .header import ReviewHeader
from .search import SearchScreen

LIVE_INTERVAL = 1.0


class ReviewApp(App):
    TITLE = f"{texts.APP_TITLE} — {texts.READ_ONLY_BADGE}"
    CSS_PATH = [str(p) for p in sorted(paths.styles_dir().glob("*.tcss"))]
    BINDINGS = bindings.REVIEW
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, review: Review, who: str) -> None:
        super().__init__()
        self.review = review
        self.who = who
        self.index_state = texts.REVIEW_INDEX_PENDING
        self._stamps: dict | None = None

    def on_mount(self) -> None:
        # 16-colour terminals (and NO_COLOR, which Textual honours) read best
        # with the terminal's own palette.
        if os.environ.get("COLORTERM") not in ("truecolor", "24bit"):
            self.theme = "ansi-dark"
        self.push_screen(CandidatesScreen())
        self.build_index()
        self.set_interval(LIVE_INTERVAL, self.watch_files)

    @work(thread=True, exclusive=True, group="index")
    def build_index(self) -> None:
        def progress(done: int, total: int) -> None:
            if total > 50 and done % 25 in (0, total % 25):
                self.call_from_thread(self._index_progress, texts.REVIEW_INDEX_BUILDING.format(done=done, total=total))

        try:
            problems = self.review.build_index(progress)
        except OSError as exc:  # no cache dir: search scans the files instead
            self.call_from_thread(self._index_progress, texts.REVIEW_INDEX_UNAVAILABLE.format(error=exc))
            return
        self.call_from_thread(self._index_progress, "")
        for problem in problems:
            self.call_from_thread(self.notify, str(problem), severity="error", timeout=15)

    def _index_progress(self, state: str) -> None:
        self.index_state = state
        for header in self.screen.query(ReviewHeader):
            header.show_index_state(state)

    @work(thread=True, exclusive=True, group="live")
    def watch_files(self) -> None:
        stamps, _ = self.review.store.stamps()
        if stamps == self._stamps:
            return
        first = self._stamps is None
        self._stamps = stamps
        if not first:
            self.call_from_thread(self._reload_screen, stamps)
            if self.index_state == "":
                try:
                    self.review.build_index()
                except OSError:
                    pass  # search falls back to scanning; the header said why at start

    async def _reload_screen(self, stamps: dict) -> None:
        screen = self.screen
        candidate_id = getattr(screen, "candidate_id", None)
        if candidate_id is not None and stamps.get(candidate_id) != screen.stamp:
            reloading = screen.reload()
            if inspect.isawaitable(reloading):  # the séance view re-renders its Markdown
                await reloading
        elif isinstance(screen, CandidatesScreen):
            screen.reload()

    def action_search(self) -> None:
        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_back(self) -> None:
        if len(self.screen_stack) > 2:
            self.pop_screen()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(bindings.REVIEW_HELP_SECTIONS))

    def action_help_quit(self) -> None:
        self.notify(texts.REVIEW_HOW_TO_QUIT)
