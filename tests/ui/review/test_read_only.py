"""Review mode is read-only by construction and in fact: no binding writes, and no key
pressed anywhere changes a byte of the data dir."""

from __future__ import annotations

import pytest

from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from review_pilot import back_to_candidates, push, snapshot, type_text, wait_for_live_checks, wait_until
from seance_tui.storage.store import ReadOnlyStore
from seance_tui.ui import bindings
from seance_tui.ui.reviewer.candidates import CandidateTable
from seance_tui.ui.reviewer.history import HistoryScreen, HistoryTable
from seance_tui.ui.reviewer.qualiopi import QualiopiScreen
from seance_tui.ui.reviewer.roadmap import RoadmapScreen
from seance_tui.ui.reviewer.search import HitList, SearchScreen
from seance_tui.ui.reviewer.seance import SeanceScreen
from seance_tui.ui.screens.help import HelpScreen


# --- read-only by construction ---------------------------------------------------

# What review may do; an action that writes must never appear here.
READING_ACTIONS = {
    "help", "search", "back", "quit", "open", "toggle_sort", "cursor_down", "cursor_up", "read", "roadmap",
    "step(1)", "step(-1)", "scroll(1)", "scroll(-1)", "toggle_contents", "select", "qualiopi",
}
REVIEW_LISTS = [
    bindings.REVIEW, bindings.REVIEW_CANDIDATES, bindings.REVIEW_HISTORY, bindings.REVIEW_SEANCE,
    bindings.REVIEW_QUALIOPI, bindings.REVIEW_SEARCH,
]


def test_review_bindings_only_read():
    for section in REVIEW_LISTS:
        for binding in section:
            assert binding.action in READING_ACTIONS, binding
    assert [b for _, section in bindings.REVIEW_HELP_SECTIONS for b in section] == [
        b for section in REVIEW_LISTS for b in section
    ]


def every_key() -> list[str]:
    """Every key bound anywhere in the interface (the workspace's editing keys
    included), the keys of the help screen, and the usual suspects."""
    keys: list[str] = []
    lists = [
        value for value in vars(bindings).values()
        if isinstance(value, list) and value and all(isinstance(b, Binding) for b in value)
    ]
    for section in [*lists, HelpScreen.BINDINGS]:
        for binding in section:
            key = binding.key if isinstance(binding, Binding) else binding[0]
            keys.extend(k.strip() for k in key.split(","))
    keys += [chr(c) for c in range(ord("a"), ord("z") + 1)]
    keys += [
        "enter", "delete", "backspace", "space", "tab", "shift+tab", "up", "down", "left", "right",
        "home", "end", "pageup", "pagedown", "ctrl+s", "ctrl+n", "ctrl+g", "ctrl+t", "ctrl+o", "ctrl+d",
        "ctrl+x", "ctrl+v", "ctrl+z", "ctrl+y", "ctrl+c", "ctrl+e", "ctrl+p", "ctrl+r", "ctrl+w",
        "f10", "f11", "f12", "1", "0", "minus", "plus", "asterisk", "slash",
    ]
    quitting = {"q", "ctrl+q"}  # pressed once, at the very end
    return [k for k in dict.fromkeys(keys) if k not in quitting]


def test_every_key_list_covers_the_review_bindings():
    keys = set(every_key())
    for section in REVIEW_LISTS:
        for binding in section:
            for key in binding.key.split(","):
                assert key in keys or key == "q", key
    assert {"f6", "f8", "ctrl+n", "delete", "a", "e", "s", "d"} <= keys  # the workspace's editing keys


async def on_candidates(pilot: Pilot):
    screen = await back_to_candidates(pilot)
    return screen, screen.query_one(CandidateTable)


async def on_candidates_filter(pilot: Pilot):
    screen = await back_to_candidates(pilot)
    return screen, screen.query_one("#review-filter", Input)


async def on_history(pilot: Pilot):
    await back_to_candidates(pilot)
    screen = await push(pilot, HistoryScreen("amelie-duboeuf"))
    return screen, screen.query_one(HistoryTable)


async def on_seance(pilot: Pilot):
    await back_to_candidates(pilot)
    await push(pilot, HistoryScreen("amelie-duboeuf"))
    screen = await push(pilot, SeanceScreen("amelie-duboeuf", 3))
    return screen, pilot.app.focused


async def on_roadmap(pilot: Pilot):
    await back_to_candidates(pilot)
    await push(pilot, HistoryScreen("amelie-duboeuf"))
    screen = await push(pilot, RoadmapScreen("amelie-duboeuf"))
    return screen, screen.query_one(DataTable)


async def on_qualiopi(pilot: Pilot):
    await back_to_candidates(pilot)
    await push(pilot, HistoryScreen("amelie-duboeuf"))
    screen = await push(pilot, QualiopiScreen("amelie-duboeuf"))
    return screen, pilot.app.focused


async def on_search_box(pilot: Pilot):
    await back_to_candidates(pilot)
    screen = await push(pilot, SearchScreen())
    await type_text(pilot, "entretien")
    await wait_until(pilot, lambda: screen.query_one(HitList).option_count, "hits")
    return screen, screen.query_one("#search-box", Input)


async def on_search_hits(pilot: Pilot):
    screen, _ = await on_search_box(pilot)
    return screen, screen.query_one(HitList)


async def on_help(pilot: Pilot):
    await back_to_candidates(pilot)
    screen = await push(pilot, HelpScreen(bindings.REVIEW_HELP_SECTIONS))
    return screen, pilot.app.focused


@pytest.mark.parametrize(
    "setup",
    [
        on_candidates, on_candidates_filter, on_history, on_seance, on_roadmap, on_qualiopi, on_search_box,
        on_search_hits, on_help,
    ],
    ids=lambda f: f.__name__.removeprefix("on_"),
)
async def test_pressing_every_key_changes_nothing_on_disk(make_app, data_dir, cache_dir, setup):
    """Each key is pressed on the screen (and focused widget) under test; a key
    that leaves it (Enter, Escape, /, r, F1…) is followed by a fresh visit."""
    before = snapshot(data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen, focus = await setup(pilot)
        for key in every_key():
            if app.screen is not screen:
                screen, focus = await setup(pilot)
            if focus is not None and app.focused is not focus:
                focus.focus()
                await pilot.pause()
            await pilot.press(key)

        # Let the index build and a live check run before looking at the disk.
        await wait_until(pilot, lambda: app.index_state == "", "index built")
        await wait_for_live_checks(pilot)
        screen = await back_to_candidates(pilot)
        screen.query_one(CandidateTable).focus()
        await pilot.press("q")
        await wait_until(pilot, lambda: app.return_code is not None, "app quit")

    assert snapshot(data_dir) == before
    assert list(cache_dir.glob("search-*.sqlite3"))  # the index: in the cache dir only
    assert type(app.review.store) is ReadOnlyStore
