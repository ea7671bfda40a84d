"""The candidate filter opens the candidate highlighted, whatever the typing speed (issue 9, §2)."""

from __future__ import annotations

from seance_pilot import notifications, screen_text, type_text, wait_until
from seance_tui.ui import texts


def opened(app) -> str | None:
    current = app.screen.current
    return current.record.candidate.name if current else None


def highlighted(app) -> str | None:
    options = app.screen.query_one("#candidate-options")
    if options.highlighted is None:
        return None
    return str(options.get_option_at_index(options.highlighted).prompt).split("\n")[0]


async def test_enter_on_the_empty_filter_then_typing_opens_what_was_typed(app):
    """The reported accident: Enter on the empty filter, then "Zoé" and Enter opened Amélie."""
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("f2")
        await type_text(pilot, "\nZoé\n")  # zero delay between the keys
        await wait_until(pilot, lambda: opened(pilot.app) is not None, what="a candidate opened")
        assert opened(pilot.app) == "Zoé Lefèvre"
        assert texts.FILTER_FIRST in notifications(pilot.app), notifications(pilot.app)  # the first Enter said why


async def test_one_burst_filter_and_enter_opens_the_only_match(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("f2")
        await type_text(pilot, "jerome\n")
        await wait_until(pilot, lambda: opened(pilot.app) is not None, what="a candidate opened")
        assert opened(pilot.app) == "Jérôme Marchand"


async def test_enter_without_a_match_opens_nothing_and_says_so(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("f2")
        await type_text(pilot, "zzz\n")
        await wait_until(pilot, lambda: notifications(pilot.app), what="a message")
        assert opened(pilot.app) is None
        assert texts.NO_MATCH_NOTHING_OPENED.format(query="zzz") in notifications(pilot.app)
        await wait_until(pilot, lambda: "Aucun candidat ne" in screen_text(pilot.app), what="the list says so")
        # Letters still go to the filter: correcting the typing finds her.
        await pilot.press("backspace", "backspace", "backspace")
        await type_text(pilot, "zoe\n")
        await wait_until(pilot, lambda: opened(pilot.app) is not None, what="a candidate opened")
        assert opened(pilot.app) == "Zoé Lefèvre"


async def test_the_arrows_choose_and_enter_opens_the_one_highlighted(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("f2")
        await type_text(pilot, "e")  # every demo name has an e
        first = highlighted(pilot.app)
        assert first is not None and first in screen_text(pilot.app)
        await pilot.press("down")
        second = highlighted(pilot.app)
        assert second not in (None, first)
        assert pilot.app.focused is pilot.app.screen.query_one("#candidate-filter")  # letters still filter
        await pilot.press("enter")
        await wait_until(pilot, lambda: opened(pilot.app) is not None, what="a candidate opened")
        assert opened(pilot.app) == second


async def test_letters_never_go_to_the_list(app):
    """Tab from the filter skips the list: no key lands in a list that does not show what was typed."""
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("f2")
        await pilot.press("tab")
        assert pilot.app.focused is not pilot.app.screen.query_one("#candidate-options")
        await pilot.press("f2")
        await type_text(pilot, "\nh\n")
        await wait_until(pilot, lambda: opened(pilot.app) is not None, what="a candidate opened")
        assert opened(pilot.app) == "Hélène Chaussée"


async def test_a_click_opens_the_candidate_clicked(app):
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("f2")
        await type_text(pilot, "l")  # Amélie, Hélène, Zoé Lefèvre…
        options = pilot.app.screen.query_one("#candidate-options")
        names = [str(options.get_option_at_index(i).prompt).split("\n")[0] for i in range(options.option_count)]
        await pilot.click("#candidate-options", offset=(3, 2))  # the second one: two lines per candidate
        await wait_until(pilot, lambda: opened(pilot.app) is not None, what="a candidate opened")
        assert opened(pilot.app) == names[1]
