"""A form's drop-down list whose keys apply in the order they were typed."""

from __future__ import annotations

from textual import events
from textual.widgets import Select

from .in_order import InOrderKeys


class FormSelect(InOrderKeys, Select):
    """Entrée, Espace and the arrows (Select's bindings) open the list from
    its own key handler, so no key of the list is still on its way up to the
    App when Tab moves on: ``FormDialog`` then moves focus at once, and the
    keys typed right after Tab land in the next field instead of the list.
    The open list (Select's overlay) is an ordinary widget: from it, Tab keeps
    Textual's later move."""

    def keys_in_order_here(self, event: events.Key) -> bool:
        # The open list is a child: its keys bubble through here on their way
        # to the App, where its own bindings (↓, Entrée) must still find them.
        return self.has_focus
