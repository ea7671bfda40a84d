"""The command palette in French: its placeholder and its « no match » line.

Textual takes the placeholder as an argument but writes "No matches found"
inside ``CommandPalette._start_no_matches_countdown``; this subclass redoes
that method (Textual 8.2.8's, word for word but the sentence). If Textual
renames it, the palette test that types a query matching nothing fails.
"""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from . import texts


class FrenchCommandPalette(CommandPalette):
    def __init__(self, **options) -> None:
        super().__init__(placeholder=texts.PALETTE_PLACEHOLDER, **options)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(texts.PALETTE_NO_MATCH, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:  # discovery mode: an empty list needs no sentence
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)
