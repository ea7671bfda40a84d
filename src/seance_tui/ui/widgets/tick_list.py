"""A list of steps or tools ticked with Espace, in the order keys were typed."""

from __future__ import annotations

from .in_order import InOrderKeys
from .ticks import GlyphSelectionList


class TickList(InOrderKeys, GlyphSelectionList):
    """Espace ticks, ↑/↓ move, run from its own key handler in typing order."""

    def on_focus(self) -> None:
        # A refilled list has no highlighted option, and Espace would tick
        # nothing: arriving with F3 or Tab, the first one is the one it ticks.
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def action_select(self) -> None:
        # SelectionList ticks from a message it posts to itself, and ticks the
        # option highlighted *then*: ↓ Espace ↓ ↓ Espace typed in one burst
        # ticked the fourth option twice (so not at all). Ticked here, at once.
        highlighted = self.highlighted
        if highlighted is not None and not self.get_option_at_index(highlighted).disabled:
            self.toggle(self.get_option_at_index(highlighted))
