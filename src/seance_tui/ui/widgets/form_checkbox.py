"""A form's yes/no box whose keys apply in the order they were typed."""

from __future__ import annotations

from .in_order import InOrderKeys
from .ticks import GlyphCheckbox


class FormCheckbox(InOrderKeys, GlyphCheckbox):
    """Space and Entrée (Checkbox's bindings) toggle from its own key handler,
    so a burst such as Tab, space, Tab, text lands where it was typed."""
