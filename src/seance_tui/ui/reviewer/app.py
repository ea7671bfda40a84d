"""Review mode: a read-only history browser, made to be reached over SSH.

It holds a ReadOnlyStore (no write method exists) and no editing binding.
Once a second it looks for changed files (stat only) and reloads what is on
screen, so a séance being written shows its new content within 2 seconds;
the file on screen is looked at four times a second, and reloads never pile
up (live.py says why).
"""

from __future__ import annotations

import inspect
import os

from textual import work
from textual.app import App, ScreenStackError
from textual.css.query import NoMatches
from textual.message import Message

from ... import paths
from ...services.review import Review
from .. import bindings, signals, texts
from ..crash import CrashGuard
from ..keys import binding_key_name
from ..paste_driver import paste_safe
from ..privacy import show_permission_notices, show_settled_purges
from ..screens.help import HelpScreen
from .candidates import CandidatesScreen
from .header import ReviewHeader
from .live import SHOWN_INTERVAL, LatestOnly
from .search import SearchScreen

LIVE_INTERVAL = 1.0


# What the review's thread workers tell the app. A worker only posts (thread
# safe, never waiting for the app); the app's handlers change the screens.


class IndexProgress(Message):
    """The first build of the search index went through ``done`` of ``total`` files."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class IndexReady(Message):
    """The index is up to date: search uses it from now on."""

    def __init__(self, problems: list) -> None:
        super().__init__()
        self.problems = problems  # files it could not read, named to the reviewer


class IndexFailed(Message):
    """No usable index (cache dir read-only, full, locked): search scans the files."""

    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error


class FilesChanged(Message):
    """The candidate files' stamps, as one stat-only look found them (every tick)."""

    def __init__(self, stamps: dict) -> None:
        super().__init__()
        self.stamps = stamps


class ReviewApp(CrashGuard, App):
    TITLE = f"{texts.APP_TITLE} — {texts.READ_ONLY_BADGE}"
    CSS_PATH = paths.stylesheets("review.tcss")
    BINDINGS = bindings.REVIEW
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, review: Review, who: str, badge: str | None = None) -> None:
        # 16-colour terminals (the SSH default, COLORTERM not being sent) read
        # best in the terminal's own palette. Decided here, not on mount:
        # Textual picks its NO_COLOR filter in __init__, and the greyscale one
        # would turn the terminal's default colours to black on black.
        self._terminal_palette = os.environ.get("COLORTERM") not in ("truecolor", "24bit")
        super().__init__(ansi_color=True if self._terminal_palette else None)
        # Over SSH every animation frame is bytes and lag: none at all.
        self.animation_level = "none"
        self.review = review
        self.who = who
        self.badge = badge or texts.READ_ONLY_BADGE  # in a browser: « lecture seule · navigateur · NOM »
        self.index_state = texts.REVIEW_INDEX_PENDING
        self._indexed_stamps: dict | None = None  # the files as the index last caught up with them
        # One reload at a time, the latest asked for next (live.py).
        self._reloads = LatestOnly(lambda job: self.run_worker(job, group="reload"))

    def crash_cache_dir(self):
        return self.review.cache_dir  # --cache-dir: the reviewer account's own

    def notify(self, message: str, *, markup: bool = False, **options) -> None:
        # Review's messages carry file paths and error texts: never markup.
        super().notify(message, markup=markup, **options)

    def get_key_display(self, binding) -> str:
        return binding_key_name(binding)  # the footer's keys in French (ui/keys.py)

    def get_driver_class(self):
        # Pastes holding escape sequences arrive whole and in order (paste_driver.py).
        return paste_safe(super().get_driver_class())

    def on_mount(self) -> None:
        if self._terminal_palette:
            self.theme = "ansi-dark"
        self.push_screen(CandidatesScreen())
        show_permission_notices(self, self.review.permissions, texts.REVIEW_PERMISSIONS_LEFT_OPEN)
        show_settled_purges(self, getattr(self.review, "settled_purges", []))
        self.build_index()
        self.set_interval(LIVE_INTERVAL, self.watch_files)
        self.set_interval(SHOWN_INTERVAL, self._watch_shown_file)
        signals.install(self)  # SIGHUP (SSH dropped), SIGTERM: exit quietly with 0

    @work(thread=True, exclusive=True, group="index")
    def build_index(self) -> None:
        def progress(done: int, total: int) -> None:
            if total > 50 and done % 25 in (0, total % 25):
                self.post_message(IndexProgress(done, total))

        try:
            problems = self.review.build_index(progress)
        except OSError as exc:  # no cache dir: search scans the files instead
            self.post_message(IndexFailed(exc))
            return
        self.post_message(IndexReady(problems))

    def on_index_progress(self, message: IndexProgress) -> None:
        self._show_index_state(texts.REVIEW_INDEX_BUILDING.format(done=message.done, total=message.total))

    def on_index_ready(self, message: IndexReady) -> None:
        self._show_index_state("")
        for problem in message.problems:
            self.notify(str(problem), severity="error", timeout=15)

    def on_index_failed(self, message: IndexFailed) -> None:
        self._show_index_state(texts.REVIEW_INDEX_UNAVAILABLE.format(error=message.error))

    def _show_index_state(self, state: str) -> None:
        self.index_state = state
        for header in self.screen.query(ReviewHeader):
            header.show_index_state(state)

    @work(thread=True, exclusive=True, group="live")
    def watch_files(self) -> None:
        stamps, _ = self.review.store.stamps()
        # On every tick, not only when a file changed: a screen that was under
        # another one (the roadmap, help, a search) when its file changed is
        # brought up to date once it is shown again.
        self.post_message(FilesChanged(stamps))
        # Compared with what the index last caught up with, not with the last
        # tick: a file written while the first build ran (minutes at centre
        # scale) was listed by that build before it changed.
        if self.index_state == "" and stamps != self._indexed_stamps:
            try:
                self.review.build_index()
            except OSError:
                return  # search falls back to scanning; the header said why at start
            self._indexed_stamps = stamps

    def on_files_changed(self, message: FilesChanged) -> None:
        # In a task of its own, as the reload ran before: re-rendering a long
        # séance's Markdown must not hold up the app's queue (the keys). One
        # at a time: a tick during a reload is taken once that one is done.
        self._reloads.ask(lambda: self._reload_screen(message.stamps))

    def _watch_shown_file(self) -> None:
        """Between two ticks, one stat of the file on screen: a save shows
        a quarter of a second after it lands. The folder's tick does the rest
        (the candidates list, the index)."""
        if self._reloads.running:
            return  # the reload under way is followed by one more if the file moves meanwhile
        try:
            screen = self.screen
        except ScreenStackError:
            return
        candidate_id = getattr(screen, "candidate_id", None)
        if candidate_id is None or getattr(screen, "stamp", None) is None:
            return
        stamp = self.review.file_stamp(candidate_id)
        if stamp is not None and stamp not in (screen.stamp, getattr(screen, "live_seen", None)):
            self._reloads.ask(lambda: self._reload_shown(screen, candidate_id))

    async def _reload_shown(self, screen, candidate_id: str) -> None:
        if screen is self.screen:  # not if another screen came up meanwhile
            await self._reload_candidate_screen(screen, {candidate_id: self.review.file_stamp(candidate_id)})

    async def _reload_screen(self, stamps: dict) -> None:
        try:
            screen = self.screen
        except ScreenStackError:  # the poll's last message, handled as the app closes: nothing left to reload
            return
        if getattr(screen, "candidate_id", None) is not None:
            await self._reload_candidate_screen(screen, stamps)
        elif isinstance(screen, CandidatesScreen):
            seen = getattr(screen, "live_seen", None)
            screen.live_seen = stamps
            if seen is not None and seen != stamps:
                screen.reload()

    async def _reload_candidate_screen(self, screen, stamps: dict) -> None:
        stamp = stamps.get(screen.candidate_id)
        # screen.stamp is None until the screen's own first load; live_seen
        # keeps an unreadable file from being reported again every second.
        if screen.stamp is None or stamp in (screen.stamp, getattr(screen, "live_seen", None)):
            return
        screen.live_seen = stamp
        reloading = screen.reload()
        if inspect.isawaitable(reloading):  # the séance view re-renders its Markdown
            try:
                await reloading
            except NoMatches:  # the screen was taken down meanwhile (Échap, or the app closing)
                return

    def action_search(self) -> None:
        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_back(self) -> None:
        if len(self.screen_stack) > 2:
            self.pop_screen()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(bindings.REVIEW_HELP_SECTIONS, texts.REVIEW_HELP_INTRO))

    def action_help_quit(self) -> None:
        self.notify(texts.REVIEW_HOW_TO_QUIT)
