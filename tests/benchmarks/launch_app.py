"""Runs one app headless in this fresh process and prints one JSON line.

    launch_app.py start workspace DATA          first frame of the overview (workspace's first screen), read
    launch_app.py start review DATA CACHE       first frame of review's candidates screen
    launch_app.py start bare-workspace ROWS     the same for the bare Textual baselines
    launch_app.py start bare-review ROWS
    launch_app.py rss review DATA CACHE WORD    peak RSS: candidates shown, one search run
    launch_app.py rss bare-review ROWS
    launch_app.py open review DATA CACHE ID N REPEAT   history screen, then séance N
    launch_app.py open bare DOCUMENT_FILE ROWS REPEAT
    launch_app.py first DATA ROWS               the very first start (no index.json): first frame, list whole
    launch_app.py read-all DATA                 its baseline: every candidate file read once

``start`` prints ``{"first_frame": <time.time()>}``: the parent took the time
just before starting this process, so the difference is the whole cold start
(interpreter, imports, data, first frame). The first frame is the first
rendering of the target screen (``App._display``, still called when
headless), and the app exits right after it.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

SIZE = (120, 40)
HERE = Path(__file__).resolve().parent


def _first_frame_app(base, target_screen, ready=lambda screen: True, rows_of=None):
    """``base`` whose first display of a ``target_screen`` that is ``ready``
    stamps the time and exits; ``rows_of(screen)`` says how many rows of data
    it shows (default: its own list's or table's)."""

    class FirstFrame(base):
        first_frame: float | None = None

        def _display(self, screen, renderable) -> None:
            super()._display(screen, renderable)
            if (
                self.first_frame is None and renderable is not None and isinstance(screen, target_screen)
                and ready(screen)
            ):
                self.first_frame = time.time()
                self.rows_shown = (rows_of or _rows)(screen)
                self.exit()

    return FirstFrame


def _rows(screen) -> int:
    """Rows in the screen's list or table at the first frame: proof it shows the data."""
    from textual.widgets import DataTable, OptionList

    for widget in screen.query("OptionList, DataTable"):
        count = widget.option_count if isinstance(widget, OptionList) else widget.row_count
        if count:
            return count
    return 0


def start(kind: str, args: list[str]) -> dict:
    if kind == "workspace":
        from seance_tui.services.workspace import Workspace
        from seance_tui.ui.app import SeanceApp
        from seance_tui.ui.screens.overview import OverviewScreen

        # The workspace opens on the overview across candidates (issue 13): its
        # first frame WITH its lines, every file read (not the « Lecture des
        # dossiers… » frame before them). The rows are the candidate list's, in
        # the workspace screen beneath: both must be known at that frame.
        app = _first_frame_app(
            SeanceApp, OverviewScreen, ready=lambda screen: not screen.reading,
            rows_of=lambda screen: _rows(screen.workspace_screen),
        )(Workspace(Path(args[0])))
    elif kind == "review":
        from seance_tui.services.review import Review
        from seance_tui.ui.reviewer.app import ReviewApp
        from seance_tui.ui.reviewer.candidates import CandidatesScreen

        review = Review(Path(args[0]), Path(args[1]))
        app = _first_frame_app(ReviewApp, CandidatesScreen)(review, who="relecteur@bench")
    elif kind == "bare-workspace":
        sys.path.insert(0, str(HERE))
        from bare_apps import BareWorkspaceApp, BareWorkspaceScreen

        app = _first_frame_app(BareWorkspaceApp, BareWorkspaceScreen)(int(args[0]))
    elif kind == "bare-review":
        sys.path.insert(0, str(HERE))
        from bare_apps import BareCandidatesScreen, BareReviewApp

        app = _first_frame_app(BareReviewApp, BareCandidatesScreen)(int(args[0]))
    else:
        raise SystemExit(f"unknown app {kind}")
    app.run(headless=True, size=SIZE)
    if app.first_frame is None:
        raise SystemExit("no first frame")
    return {"first_frame": app.first_frame, "rows": app.rows_shown}


async def _until(pilot, condition, timeout: float = 120.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timeout waiting for {what}")
        await pilot.pause(0.01)


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def rss(kind: str, args: list[str]) -> dict:
    if kind == "review":
        from seance_tui.services.review import Review
        from seance_tui.ui.reviewer.app import ReviewApp
        from seance_tui.ui.reviewer.candidates import CandidatesScreen
        from seance_tui.ui.reviewer.search import SearchScreen

        review = Review(Path(args[0]), Path(args[1]))
        app = ReviewApp(review, who="relecteur@bench")
        async with app.run_test(size=SIZE) as pilot:
            await _until(pilot, lambda: isinstance(app.screen, CandidatesScreen), what="candidates screen")
            await _until(pilot, review._index_ready.is_set, what="search index")
            after_list = _maxrss_mb()
            await pilot.press("slash")
            await _until(pilot, lambda: isinstance(app.screen, SearchScreen), what="search screen")
            await pilot.press(*args[2])
            await pilot.press("enter")
            await _until(pilot, lambda: bool(app.screen._hits), what="search hits")
            hits = len(app.screen._hits)
        review.close()
        return {"maxrss_mb": _maxrss_mb(), "after_list_mb": after_list, "hits": hits}
    sys.path.insert(0, str(HERE))
    from bare_apps import BareCandidatesScreen, BareReviewApp, BareSearchScreen

    app = BareReviewApp(int(args[0]))
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, BareCandidatesScreen), what="candidates screen")
        await pilot.pause()
        after_list = _maxrss_mb()
        screen = BareSearchScreen()
        app.push_screen(screen)
        await pilot.pause()
        screen.show(50)
        await pilot.pause()
    return {"maxrss_mb": _maxrss_mb(), "after_list_mb": after_list, "hits": 50}


async def open_candidate(kind: str, args: list[str]) -> dict:
    """Times, REPEAT times: push the history screen to its first frame, then the
    séance screen to its first frame with the document rendered."""
    frames: dict[str, asyncio.Event] = {}

    if kind == "review":
        from seance_tui.services.review import Review
        from seance_tui.ui.reviewer.app import ReviewApp
        from seance_tui.ui.reviewer.candidates import CandidatesScreen
        from seance_tui.ui.reviewer.history import HistoryScreen
        from seance_tui.ui.reviewer.seance import SeanceScreen

        data, cache, candidate_id, number, repeat = args[0], args[1], args[2], int(args[3]), int(args[4])
        review = Review(Path(data), Path(cache))
        base, first_screen = ReviewApp, CandidatesScreen
        app_args = (review,)
        app_kwargs = {"who": "relecteur@bench"}

        def history_screen():
            return HistoryScreen(candidate_id)

        def read(screen) -> None:
            screen.query_one("#history").move_cursor(row=number - 1)
            screen.read_selected()

        seance_type = SeanceScreen
        history_type = HistoryScreen

        def document_shown(screen) -> bool:  # its lines wrapped: the frame shows the text
            return bool(screen.document.blocks) and screen.document.block_y != []
    else:
        sys.path.insert(0, str(HERE))
        from bare_apps import BareCandidatesScreen, BareDocumentScreen, BareHistoryScreen, BareReviewApp

        document = Path(args[0]).read_text(encoding="utf-8")
        rows, repeat = int(args[1]), int(args[2])
        base, first_screen = BareReviewApp, BareCandidatesScreen
        app_args, app_kwargs = (1000,), {}

        def history_screen():
            return BareHistoryScreen(rows)

        def read(screen) -> None:
            screen.app.push_screen(BareDocumentScreen(document))

        seance_type = BareDocumentScreen
        history_type = BareHistoryScreen

        def document_shown(screen) -> bool:
            from textual.widgets import MarkdownViewer
            from textual.widgets.markdown import MarkdownBlock

            return bool(screen.query_one(MarkdownViewer).document.query(MarkdownBlock))

    class Timed(base):
        def _display(self, screen, renderable) -> None:
            super()._display(screen, renderable)
            if renderable is None:
                return
            if isinstance(screen, history_type):
                frames.setdefault("history", asyncio.Event()).set()
            elif isinstance(screen, seance_type) and document_shown(screen):
                frames.setdefault("seance", asyncio.Event()).set()

    app = Timed(*app_args, **app_kwargs)
    history_ms, seance_ms, seance_cpu_ms = [], [], []
    async with app.run_test(size=SIZE) as pilot:
        await _until(pilot, lambda: isinstance(app.screen, first_screen), what="first screen")
        if kind == "review":  # its start-up check of the search index, in a thread, done first
            await _until(pilot, review._index_ready.is_set, what="search index")
        if os.environ.get("BENCH_GC_FREEZE"):  # docs/benchmarks.md: the collector and review's listing
            import gc

            gc.collect()
            gc.freeze()
        await pilot.pause(0.2)
        for _ in range(repeat):
            frames.clear()
            frames["history"] = asyncio.Event()
            frames["seance"] = asyncio.Event()
            started = time.perf_counter()
            app.push_screen(history_screen())
            await asyncio.wait_for(frames["history"].wait(), 60)
            shown = time.perf_counter()
            # The event loop's own CPU time too: on a loaded machine the wall
            # clock adds the waits for a core (the more so the more wake-ups).
            cpu = time.thread_time()
            read(app.screen)
            await asyncio.wait_for(frames["seance"].wait(), 60)
            done = time.perf_counter()
            seance_cpu_ms.append((time.thread_time() - cpu) * 1000)
            history_ms.append((shown - started) * 1000)
            seance_ms.append((done - shown) * 1000)
            await app.pop_screen()
            await app.pop_screen()
            await pilot.pause(0.1)
    if kind == "review":
        review.close()
    return {"history_ms": history_ms, "seance_ms": seance_ms, "seance_cpu_ms": seance_cpu_ms}


def first_start(data: str, rows: int) -> dict:
    """The workspace on a data dir without a listing index: its first frame
    (and whether it shows the reading's progress), then the frame where the
    list is whole (``rows`` candidates, the reading done). A key typed in the
    filter meanwhile is timed too: the UI must answer while the worker reads."""
    from seance_tui.services.workspace import Workspace
    from seance_tui.ui.app import SeanceApp
    from seance_tui.ui.screens.overview import OverviewScreen
    from seance_tui.ui.screens.workspace import WorkspaceScreen

    class FirstStart(SeanceApp):
        first_frame: float | None = None
        complete: float | None = None
        progress_shown = False
        rows_first = 0
        key_sent: float | None = None
        key_shown: float | None = None

        def _display(self, screen, renderable) -> None:
            super()._display(screen, renderable)
            if renderable is None:
                return
            now = time.time()
            if isinstance(screen, OverviewScreen):
                # The workspace opens on the overview, which reads the files
                # too: its first frame is the app's; then Échap, as a user
                # would, to the candidate list beneath.
                if self.first_frame is None:
                    self.first_frame = now
                    self.progress_shown = bool(screen.reading)
                    self.call_later(screen.action_to_candidates)  # what Échap runs
                return
            if not isinstance(screen, WorkspaceScreen):
                return
            progress = screen.query_one("#candidate-progress")
            if self.key_sent is None:
                self.rows_first = _rows(screen)
                self.key_sent = time.perf_counter()
                self.post_message(events.Key("z", "z"))  # into the filter, which has the focus
            elif self.key_shown is None and screen.query_one("#candidate-filter").value == "z":
                self.key_shown = time.perf_counter()
            if self.complete is None and not progress.display and _all_rows(screen) == rows:
                self.complete = now
                self.exit()

    from textual import events

    app = FirstStart(Workspace(Path(data)))
    app.run(headless=True, size=SIZE)
    if app.complete is None:
        raise SystemExit("the list never became whole")
    return {"first_frame": app.first_frame, "complete": app.complete, "progress_shown": app.progress_shown,
            "rows_at_first_frame": app.rows_first,
            "key_ms": None if app.key_shown is None else (app.key_shown - app.key_sent) * 1000}


def _all_rows(screen) -> int:
    """The candidates listed, whatever the filter shows."""
    return len(screen.query_one("#candidate-list")._entries)


def read_all(data: str) -> dict:
    from seance_tui.storage.store import ReadOnlyStore

    records, problems = ReadOnlyStore(Path(data)).load_all()
    return {"done": time.time(), "records": len(records), "problems": len(problems)}


def main() -> None:
    mode, kind, *args = sys.argv[1:]
    if mode == "first":
        result = first_start(kind, int(args[0]))
    elif mode == "read-all":
        result = read_all(kind)
    elif mode == "start":
        result = start(kind, args)
    elif mode == "rss":
        result = asyncio.run(rss(kind, args))
    elif mode == "open":
        result = asyncio.run(open_candidate(kind, args))
    else:
        raise SystemExit(f"unknown mode {mode}")
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
