"""What reaches a form field and what a form sends to the terminal: pastes
(escape sequences, several lines) and stored control characters."""

from __future__ import annotations

import json
from pathlib import Path

from textual import events

from seance_pilot import load, notifications, open_candidate, screen_text, wait_until
from seance_tui.domain.text import one_line
from seance_tui.ui import texts
from seance_tui.ui.dialogs.candidate_form import CandidateForm
from seance_tui.ui.dialogs.roadmap_form import RoadmapForm
from seance_tui.ui.paste_driver import PasteSplitter
from textual._xterm_parser import XTermParser

AMELIE = "amelie-duboeuf"
TITLE_ATTACK = "\x1b]0;PWNED\x07"


def field_value(form, field_id: str) -> str:
    return form.query_one(f"#{field_id}").query_one("Input").value


async def open_roadmap_form(pilot, key: str) -> RoadmapForm:
    await open_candidate(pilot, "amelie")
    await pilot.press("f5")
    await pilot.press(key)
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, RoadmapForm), what="roadmap form")
    return pilot.app.screen


def terminal_output(app) -> str:
    """What the app would write to the terminal for the whole screen (the
    headless driver of run_test writes nothing): the compositor's update
    rendered to terminal sequences, as App._display does."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return update.render_segments(app.console)


def store_hostile_text(data_dir: Path) -> None:
    path = data_dir / "candidates" / f"{AMELIE}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["candidate"]["1"]["name"] = f"Amélie{TITLE_ATTACK} Dubœuf"
    data["roadmap"]["1"]["objective"] = f"Stage{TITLE_ATTACK}\tobservation"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


async def test_a_paste_with_escape_sequences_is_stored_visible_and_in_order(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        before = len(load(data_dir, AMELIE).roadmap)
        form = await open_roadmap_form(pilot, "a")
        pilot.app.post_message(events.Paste("Amélie \x1b[31mRouge\x1b[0m"))
        await pilot.pause()
        assert field_value(form, "objective") == "Amélie ␛[31mRouge␛[0m"
        assert "Amélie ␛[31mRouge␛[0m" in screen_text(pilot.app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: len(load(data_dir, AMELIE).roadmap) == before + 1, what="saved")
        assert load(data_dir, AMELIE).roadmap[-1].objective == "Amélie ␛[31mRouge␛[0m"


async def test_a_multi_line_paste_is_joined_and_says_so(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        before = len(load(data_dir, AMELIE).roadmap)
        form = await open_roadmap_form(pilot, "a")
        await pilot.press("O", "k", "tab")
        pilot.app.post_message(events.Paste("Cours du soir\r\n\tau CFA\n\nle jeudi\n"))
        await pilot.pause()
        assert field_value(form, "means") == "Cours du soir au CFA le jeudi"
        assert texts.PASTE_JOINED in notifications(pilot.app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: len(load(data_dir, AMELIE).roadmap) == before + 1, what="saved")
        assert load(data_dir, AMELIE).roadmap[-1].means == "Cours du soir au CFA le jeudi"


async def test_a_one_line_paste_says_nothing(app, data_dir):
    async with app.run_test(size=(160, 48)) as pilot:
        form = await open_roadmap_form(pilot, "a")
        pilot.app.post_message(events.Paste("Dubœuf\n"))
        await pilot.pause()
        assert field_value(form, "objective") == "Dubœuf"
        assert texts.PASTE_JOINED not in notifications(pilot.app)


async def test_stored_control_characters_are_shown_never_sent(app, data_dir, clock):
    store_hostile_text(data_dir)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_candidate(pilot, "amelie")
        await pilot.press("f2", "ctrl+g")  # not from the notes, where ctrl+g is only a typed key
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, CandidateForm), what="candidate form")
        form = pilot.app.screen
        output = terminal_output(pilot.app)
        assert "\x1b]0;" not in output and "\x07" not in output
        assert field_value(form, "name") == "Amélie␛]0;PWNED␇ Dubœuf"
        assert "Amélie␛]0;PWNED␇ Dubœuf" in screen_text(pilot.app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(pilot.app.screen, CandidateForm), what="form closed")

        await pilot.press("f5")
        await pilot.press("e")  # row 0: the hostile objective
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, RoadmapForm), what="roadmap form")
        form = pilot.app.screen
        assert field_value(form, "objective") == "Stage␛]0;PWNED␇␉observation"
        output = terminal_output(pilot.app)
        assert "\x1b]0;" not in output and "\x07" not in output
        # Left unchanged, the stored value is saved as it was (only what is shown changed).
        await pilot.press("tab", "end", "!", "enter")
        await wait_until(pilot, lambda: load(data_dir, AMELIE).roadmap[0].means.endswith("!"), what="means saved")
        assert load(data_dir, AMELIE).roadmap[0].objective == f"Stage{TITLE_ATTACK}\tobservation"


def test_one_line_shows_every_control_character():
    assert one_line("A\tB\nC\r\nD\x1b]0;x\x07") == "A␉B␊C␊D␛]0;x␇"


def test_the_paste_splitter_keeps_a_paste_whole_and_in_order():
    def messages(chunks: list[str]) -> list[tuple[str, str]]:
        splitter = PasteSplitter(XTermParser())
        out = [m for chunk in chunks for m in splitter.feed(chunk)]
        return [("paste", m.text) if isinstance(m, events.Paste) else ("key", m.key) for m in out]

    stream = "ab\x1b[200~Amélie \x1b[31mRouge\x1b[0m\nfin\x1b[201~c\x1b[A"
    expected = [("key", "a"), ("key", "b"), ("paste", "Amélie \x1b[31mRouge\x1b[0m\nfin"), ("key", "c"), ("key", "up")]
    assert messages([stream]) == expected
    assert messages(list(stream)) == expected  # one character per read: markers split anywhere
    assert messages([stream[:3], stream[3:8], stream[8:40], stream[40:]]) == expected
