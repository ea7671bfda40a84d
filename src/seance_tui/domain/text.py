"""Text folding for matching what people type against what they wrote:
accents, case, ligatures and apostrophes are ignored."""

from __future__ import annotations

import unicodedata

# NFKD does not decompose these ligatures; French writes œ and æ in everyday words.
LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss", "’": "'", "‘": "'"})


def fold(text: str) -> str:
    """``Dubœuf`` → ``duboeuf``, ``Élève`` → ``eleve``, ``l’entretien`` → ``l'entretien``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# C0 controls but tab and newline, DEL, and C1 controls (0x9b alone starts a
# terminal escape sequence in many terminals).
_CONTROLS = {c: 0x2400 + c for c in range(0x20) if chr(c) not in "\t\n"}
_CONTROLS[0x7F] = 0x2421
_CONTROLS.update({c: 0xFFFD for c in range(0x80, 0xA0)})


def visible_controls(text: str) -> str:
    """``\x1b[31m`` → ``␛[31m``: shown as typed, never interpreted by a terminal.

    Carriage returns become newlines first, so Windows line endings stay line endings.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROLS)
