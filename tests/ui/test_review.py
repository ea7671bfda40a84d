"""Review mode (`seance review`) driven with Pilot: read-only by construction
and in fact, the screens a reviewer walks through, search, and live reload.

Each test gets its own copy of data/demo (``data_dir``, from tests/ui/conftest.py,
which also runs the ``async def`` tests), a cache dir beside it and a fixed clock.
"""

from __future__ import annotations

import inspect
import io
import os
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")  # read by Textual at import time

import pytest
from rich.console import Console
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, MarkdownViewer, Static

from seance_tui.domain.model import Candidate, FundingRoute
from seance_tui.domain.record import CandidateRecord
from seance_tui.domain.text import fold
from seance_tui.services.review import Review
from seance_tui.storage.store import ReadOnlyStore, WritableStore
from seance_tui.ui import bindings, texts
from seance_tui.ui.reviewer.app import ReviewApp
from seance_tui.ui.reviewer.candidates import CandidatesScreen, CandidateTable
from seance_tui.ui.reviewer.header import ReviewHeader
from seance_tui.ui.reviewer.history import HistoryScreen, HistoryTable
from seance_tui.ui.reviewer.roadmap import RoadmapScreen
from seance_tui.ui.reviewer.search import HitList, SearchScreen
from seance_tui.ui.reviewer.seance import SeanceScreen
from seance_tui.ui.screens.help import HelpScreen
from seance_pilot import wait_until

NOW = datetime(2026, 11, 26, 10, 0)
WHO = "relecteur@poste"
SIZE = (100, 30)
BY_LAST_SEANCE = ["Amélie Dubœuf", "Hélène Chaussée", "Jérôme Marchand", "François Nguyễn", "Zoé Lefèvre"]
BY_NAME = ["Amélie Dubœuf", "François Nguyễn", "Hélène Chaussée", "Jérôme Marchand", "Zoé Lefèvre"]



# --- fixtures -------------------------------------------------------------------


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


@pytest.fixture
def make_app(data_dir: Path, cache_dir: Path):
    reviews: list[Review] = []

    def make() -> ReviewApp:
        review = Review(data_dir, cache_dir, clock=lambda: NOW)
        reviews.append(review)
        app = ReviewApp(review, who=WHO)
        app.animation_level = "none"
        return app

    yield make
    for review in reviews:
        review.close()


# --- helpers --------------------------------------------------------------------


def snapshot(root: Path) -> dict[str, tuple]:
    """Every path under root, with each file's bytes and mtime_ns and each folder's mtime_ns."""
    shot = {}
    for path in [root, *root.rglob("*")]:
        st = path.stat()
        shot[str(path.relative_to(root))] = (None if path.is_dir() else path.read_bytes(), st.st_mtime_ns)
    return shot


def screen_text(app: ReviewApp) -> str:
    """What the terminal shows, as plain text."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system=None, record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text(styles=False)


def static_text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def table_column(table: DataTable, column: int = 0) -> list[str]:
    return [table.get_row_at(row)[column].plain for row in range(table.row_count)]


def document(app: ReviewApp) -> str:
    """The Markdown source the séance view shows."""
    return app.screen.query_one(MarkdownViewer).document.source


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*text)


async def back_to_candidates(pilot: Pilot) -> CandidatesScreen:
    app = pilot.app
    while not isinstance(app.screen, CandidatesScreen):
        await app.pop_screen()
        await pilot.pause()
    return app.screen


async def push(pilot: Pilot, screen):
    await pilot.app.push_screen(screen)
    await pilot.pause()
    return screen


async def open_from_candidates(pilot: Pilot, filter_text: str) -> HistoryScreen:
    """Type in the filter, Enter to reach the list, Enter to open the first match."""
    screen = await back_to_candidates(pilot)
    screen.query_one("#review-filter", Input).focus()
    await type_text(pilot, filter_text)
    await pilot.press("enter", "enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, HistoryScreen), "history open")
    return pilot.app.screen


# --- read-only by construction ---------------------------------------------------

# What review may do; an action that writes must never appear here.
READING_ACTIONS = {
    "help", "search", "back", "quit", "open", "toggle_sort", "cursor_down", "cursor_up", "read", "roadmap",
    "step(1)", "step(-1)", "scroll(1)", "scroll(-1)", "toggle_contents", "select",
}
REVIEW_LISTS = [
    bindings.REVIEW, bindings.REVIEW_CANDIDATES, bindings.REVIEW_HISTORY, bindings.REVIEW_SEANCE,
    bindings.REVIEW_SEARCH,
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
    [on_candidates, on_candidates_filter, on_history, on_seance, on_roadmap, on_search_box, on_search_hits, on_help],
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
        await pilot.pause(1.2)
        screen = await back_to_candidates(pilot)
        screen.query_one(CandidateTable).focus()
        await pilot.press("q")
        await wait_until(pilot, lambda: app.return_code is not None, "app quit")

    assert snapshot(data_dir) == before
    assert list(cache_dir.glob("search-*.sqlite3"))  # the index: in the cache dir only
    assert type(app.review.store) is ReadOnlyStore


# --- header, candidates -----------------------------------------------------------


async def test_header_shows_read_only_badge_and_who(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        header = app.screen.query_one(ReviewHeader)
        assert texts.READ_ONLY_BADGE == "lecture seule"
        assert "lecture seule" in static_text(header, "#badge")
        assert WHO in static_text(header, "#who")
        top_line = screen_text(app).splitlines()[0]
        assert "lecture seule" in top_line and WHO in top_line
        # the same header on the other screens
        history = await open_from_candidates(pilot, "zoe")
        assert WHO in static_text(history.query_one(ReviewHeader), "#who")
        assert "lecture seule" in screen_text(app).splitlines()[0]


async def test_candidates_sorted_by_last_seance_then_by_name(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(CandidateTable)
        assert table_column(table) == BY_LAST_SEANCE
        assert table_column(table, 4)[:3] == ["24/11/2026"] * 3
        assert table_column(table, 1)[BY_LAST_SEANCE.index("Zoé Lefèvre")] == "Phase d'investigation"
        assert table_column(table, 3)[BY_LAST_SEANCE.index("Zoé Lefèvre")].endswith("20 h")  # hours / budget
        await pilot.press("o")
        assert table_column(table) == BY_NAME
        await pilot.press("o")
        assert table_column(table) == BY_LAST_SEANCE
        text = screen_text(app)
        assert all(name in text for name in BY_NAME)


async def test_filter_as_you_type_ignores_accents_and_case(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.query_one(CandidateTable)
        box = screen.query_one("#review-filter", Input)
        box.focus()
        for typed, expected in [
            ("helene", ["Hélène Chaussée"]),
            ("DUBOEUF", ["Amélie Dubœuf"]),
            ("nguyen", ["François Nguyễn"]),
            ("E", [n for n in BY_LAST_SEANCE if "e" in fold(n)]),
            ("zzz", []),
        ]:
            box.value = ""
            await pilot.pause()
            await type_text(pilot, typed)
            assert table_column(table) == expected, typed
        box.value = ""
        await pilot.pause()
        assert table_column(table) == BY_LAST_SEANCE
        # Enter in the filter goes to the list, Enter there opens the history
        await type_text(pilot, "lefevre")
        await pilot.press("enter")
        assert app.focused is table
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen), "history")
        assert app.screen.candidate_id == "zoe-lefevre"


async def test_user_text_is_shown_literally(make_app, data_dir):
    record = CandidateRecord(
        Candidate(id="balise", name="[bold]Zoé[/]", consultant="[red]x[/red]", funding=FundingRoute.CPF,
                  consent_date=date(2026, 11, 20))
    )
    seance = record.start_seance("preliminaire", datetime(2026, 11, 25, 9, 0), notes="[b]gras ?[/b] $accent\n")
    record.close_seance(seance.number, datetime(2026, 11, 25, 10, 0))
    WritableStore(data_dir).create(record)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(CandidateTable)
        assert "[bold]Zoé[/]" in table_column(table)
        assert "[bold]Zoé[/]" in screen_text(app)
        history = await open_from_candidates(pilot, "[bold]")
        assert history.candidate_id == "balise"
        assert "[bold]Zoé[/]" in static_text(history, "#history-title")
        assert "[b]gras ?[/b] $accent" in table_column(history.query_one(HistoryTable), 4)
        assert "[bold]Zoé[/]" in screen_text(app)


# --- history, séance, roadmap --------------------------------------------------------


async def test_history_moves_with_j_k_and_opens_the_seance(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        history = await open_from_candidates(pilot, "zoe")
        table = history.query_one(HistoryTable)
        assert table_column(table) == [f"n° {n}" for n in range(1, 6)]
        assert "Zoé Lefèvre" in static_text(history, "#history-title")
        assert table.cursor_row == 4  # newest last, cursor on it
        await pilot.press("k", "k")
        assert table.cursor_row == 2
        await pilot.press("j")
        assert table.cursor_row == 3
        await pilot.press("up", "down", "down")
        assert table.cursor_row == 4
        await pilot.press("k")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SeanceScreen), "séance view")
        assert (app.screen.candidate_id, app.screen.number) == ("zoe-lefevre", 4)
        assert document(app).startswith("# Compte rendu de séance n° 4 — Zoé Lefèvre")
        assert "conseillère en insertion" in document(app)
        await pilot.press("escape")
        assert app.screen is history


async def test_n_and_p_step_through_the_seances(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_from_candidates(pilot, "zoe")
        await pilot.press("k", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SeanceScreen), "séance view")
        screen = app.screen

        def title() -> str:
            return document(app).splitlines()[0]

        assert title() == "# Compte rendu de séance n° 4 — Zoé Lefèvre"
        await pilot.press("p")
        await wait_until(pilot, lambda: "n° 3" in title(), "séance 3")
        assert screen.number == 3
        await pilot.press("p", "p")
        await wait_until(pilot, lambda: "n° 1" in title(), "séance 1")
        await pilot.press("p")  # no séance before the first: stays
        await pilot.pause()
        assert screen.number == 1 and "n° 1" in title()
        await pilot.press("n", "n", "n", "n")
        await wait_until(pilot, lambda: "n° 5" in title(), "séance 5")
        await pilot.press("n")
        await pilot.pause()
        assert screen.number == 5
        assert app.screen is screen
        assert "Séance n° 5" in screen_text(app) or "séance n° 5" in screen_text(app)


async def test_roadmap_shows_its_change_history(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        history = await open_from_candidates(pilot, "zoe")
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, RoadmapScreen), "roadmap")
        roadmap = app.screen
        assert "Zoé Lefèvre" in static_text(roadmap, "#roadmap-title")
        objectives = table_column(roadmap.query_one(DataTable))
        assert any("conseillère en insertion" in o for o in objectives)
        changes = static_text(roadmap, "#changes").splitlines()
        assert any("séance n° 2" in line and "ajouté" in line for line in changes)
        assert any(line.startswith("18/11/2026 09:15 · séance n° 4 · modifié") for line in changes)
        assert "Historique des modifications" in screen_text(app)
        await pilot.press("escape")
        assert app.screen is history
        # r from the séance view too
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SeanceScreen), "séance view")
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, RoadmapScreen), "roadmap from séance")


# --- search ---------------------------------------------------------------------------


async def test_search_shows_hits_and_opens_the_seance(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        search = app.screen
        assert app.focused is search.query_one("#search-box", Input)
        await type_text(pilot, "manoeuvre")
        hits = search.query_one(HitList)
        await wait_until(pilot, lambda: hits.option_count == 1, "one hit")
        shown = str(hits.get_option_at_index(0).prompt)
        assert "Hélène Chaussée" in shown
        assert "24/11/2026" in shown and "Phase de conclusion" in shown and "n° 6" in shown
        assert "marge de manœuvre" in shown, "the snippet quotes the note as written"
        assert "1 séance(s)" in static_text(search, "#search-status")
        assert "Hélène Chaussée" in screen_text(app)

        await pilot.press("enter")
        await wait_until(pilot, lambda: app.focused is hits, "focus on the hits")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SeanceScreen), "séance view")
        assert (app.screen.candidate_id, app.screen.number) == ("helene-chaussee", 6)
        assert "manœuvre" in document(app)
        await pilot.press("escape")
        assert app.screen is search


async def test_search_enter_right_after_typing_goes_to_the_hits(make_app):
    """A fast typist (or a script) presses Enter before the search has run."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"l'entretien", "enter")
        search = app.screen
        hits = search.query_one(HitList)
        await wait_until(pilot, lambda: app.focused is hits, "focus on the hits")
        names = [str(hits.get_option_at_index(i).prompt).split(" · ")[0] for i in range(hits.option_count)]
        assert names == ["Hélène Chaussée", "Hélène Chaussée", "Zoé Lefèvre"]  # newest first
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SeanceScreen), "séance view")
        assert (app.screen.candidate_id, app.screen.number) == ("helene-chaussee", 5)


async def test_search_without_hits_says_so(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"zzzinconnu")
        search = app.screen
        await wait_until(pilot, lambda: "Aucune séance" in static_text(search, "#search-status"), "no hit")
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.focused is search.query_one("#search-box", Input)
        assert search.query_one(HitList).option_count == 0


# --- live -------------------------------------------------------------------------------


async def wait_for_text(pilot: Pilot, text: str) -> None:
    """Up to ~3 s of real time for the séance view to show text (the promise is 2 s; this is only a bound)."""
    await wait_until(pilot, lambda: text in document(pilot.app), f"{text!r} shown", timeout=3.5)


def write_notes(data_dir: Path, candidate_id: str, number: int, added: str, at_start: bool = False) -> None:
    """What the consultant's workspace does: change the notes under the lock and save."""
    with WritableStore(data_dir).open_for_writing(candidate_id) as writer:
        record = writer.record
        seance = record.seance(number)
        seance.notes = added + seance.notes if at_start else seance.notes + added
        writer.save(record)


async def test_a_seance_being_written_shows_its_new_text(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_from_candidates(pilot, "zoe")
        await pilot.press("k", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SeanceScreen), "séance view")
        assert app.screen.number == 4
        assert "hippocampe" not in document(app)

        write_notes(data_dir, "zoe-lefevre", 4, "\n\nElle dessine un hippocampe en parlant de son projet.\n")
        await wait_for_text(pilot, "hippocampe")
        assert app.screen.number == 4

        write_notes(data_dir, "zoe-lefevre", 4, "\nPuis une pieuvre.\n")
        await wait_for_text(pilot, "pieuvre")


async def test_a_seance_changed_while_hidden_is_fresh_when_shown_again(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        history = await open_from_candidates(pilot, "zoe")
        await pilot.press("k", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, SeanceScreen), "séance view")
        seance = app.screen
        await pilot.press("r")  # the roadmap covers the séance while the consultant writes
        await wait_until(pilot, lambda: isinstance(app.screen, RoadmapScreen), "roadmap")

        write_notes(data_dir, "zoe-lefevre", 4, "Écrit pendant la relecture : ornithorynque.\n\n", at_start=True)
        await pilot.pause(1.5)  # at least one live check while the séance is hidden
        await pilot.press("escape")
        assert app.screen is seance
        await wait_for_text(pilot, "ornithorynque")

        # and the history under it shows the new first line of the notes
        await pilot.press("escape")
        assert app.screen is history
        await wait_until(
            pilot,
            lambda: table_column(history.query_one(HistoryTable), 4)[3] == "Écrit pendant la relecture : ornithorynque.",
            "history up to date",
            timeout=3.5,
        )


async def test_a_new_seance_appears_in_the_search(make_app, data_dir):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await wait_until(pilot, lambda: app.index_state == "", "index built")
        write_notes(data_dir, "jerome-marchand", 2, "\nIl cite le mot capybara.\n")
        await pilot.pause(1.5)  # the live check refreshes the index
        await pilot.press("slash", *"capybara")
        search = app.screen
        hits = search.query_one(HitList)
        await wait_until(pilot, lambda: hits.option_count == 1, "the new word found", timeout=5)
        assert "Jérôme Marchand" in str(hits.get_option_at_index(0).prompt)


def test_async_helper_keeps_fixtures():
    # run_async must keep the wrapped signature, so that pytest passes fixtures.
    assert list(inspect.signature(test_header_shows_read_only_badge_and_who).parameters) == ["make_app"]
