"""Presentation mode is what the candidate sees: not one word of the notes'
private part may be on screen, whatever Markdown the notes hold around it.

Only ctrl+t (from the roadmap pane) is used to enter presentation mode, and the screen is read as
text: the keys that leave it are another test's business.
"""

from __future__ import annotations

import pytest

from seance_pilot import open_candidate, screen_text, type_text, wait_until
from seance_tui.ui.dialogs.pick_phase import PickDialog

SECRET = "Qzkorvath"  # a word found nowhere else, so its absence means something

WIDE, NARROW = (160, 48), (80, 24)

# Each opens a block before the private heading (the way a private part
# leaked into the candidate's summary), or hides the heading in a container;
# each starts at one size and is checked at the other too.
CASES = [
    pytest.param(f"Avant\n```\n## Privé\n{SECRET} dit sa santé", NARROW, id="fence-narrow"),
    pytest.param(f"<!--\n## Notes privées\n{SECRET} confie", WIDE, id="comment-wide"),
    pytest.param(f"> ## Privé\n> {SECRET}", NARROW, id="quote-narrow"),
    pytest.param(f"Public\n\n**Confidentiel :**\n{SECRET}", WIDE, id="label-wide"),
]


async def _start_seance_with_notes(pilot, notes: str) -> None:
    await open_candidate(pilot, "jerome")
    await pilot.press("f6")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, PickDialog), what="phase picker")
    await pilot.press("enter")
    await wait_until(pilot, lambda: pilot.app.screen.current.record.open_seance is not None, what="séance open")
    await pilot.press("f4", "ctrl+home")
    await type_text(pilot, notes + "\n\n")


@pytest.mark.parametrize(("notes", "size"), CASES)
async def test_presentation_mode_never_shows_a_private_word(app, notes, size):
    async with app.run_test(size=size) as pilot:
        await _start_seance_with_notes(pilot, notes)
        # The word is on screen in the notes: its absence later is the mode's doing.
        await wait_until(pilot, lambda: SECRET in screen_text(pilot.app), what="the private word in the notes")

        # From the roadmap: in the notes ctrl+t is only a typed key.
        await pilot.press("f5", "ctrl+t")
        await wait_until(pilot, lambda: pilot.app.screen.has_class("-presentation"), what="presentation mode")
        await wait_until(pilot, lambda: SECRET not in screen_text(pilot.app), what="the private word hidden")
        assert "Feuille de route" in screen_text(pilot.app)  # presentation mode, not an empty screen

        # Still hidden after the layout is recomputed, at the other width.
        other = NARROW if size == WIDE else WIDE
        await pilot.resize_terminal(*other)
        await wait_until(pilot, lambda: pilot.app.size == other, what="resized")
        await pilot.pause()
        assert SECRET not in screen_text(pilot.app)
