"""Key names as a French user reads them: the one mapping the footer (through
each app's ``get_key_display``), the help screen and the palette all use.

Control keys keep Textual's caret (``^t``): the footer is full at 80 columns
and the README names them that way.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.keys import format_key

_NAMES = {
    "enter": "Entrée",
    "space": "Espace",
    "escape": "Échap",
    "delete": "Suppr",
    "backspace": "⌫",
    "tab": "Tab",
    "insert": "Inser",
    "home": "Début",
    "end": "Fin",
    "pageup": "Page↑",
    "pagedown": "Page↓",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
}
_MODIFIERS = {"shift": "Maj", "alt": "Alt", "meta": "Méta", "super": "Super", "hyper": "Hyper"}


def key_name(key: str) -> str:
    """One key as Textual spells it (``shift+up``, ``ctrl+t``, ``f6``, ``slash``)
    in French (``Maj+↑``, ``^t``, ``F6``, ``/``)."""
    *modifiers, base = key.strip().split("+") if key.strip() != "+" else ["+"]
    if base in _NAMES:
        name = _NAMES[base]
    elif len(base) > 1 and base[0] == "f" and base[1:].isdigit():
        name = base.upper()
    else:
        name = format_key(base)
    if "ctrl" in modifiers:
        modifiers.remove("ctrl")
        name = f"^{name}"
    return "+".join([*(_MODIFIERS.get(m, m) for m in modifiers), name])


def binding_key_name(binding: Binding) -> str:
    """What App.get_key_display shows for a binding (its key already remapped
    by Textual's keymap); a key_display set by hand wins."""
    return binding.key_display or key_name(binding.key)
