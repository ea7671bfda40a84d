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


# For one-line output (a form field, a line of `seance list`): tab and newline
# are shown too, as ␉ and ␊, so that a value never spans or splits columns.
_ONE_LINE = {**_CONTROLS, 0x09: 0x2409, 0x0A: 0x240A}


def one_line(text: str) -> str:
    """``"Amélie\\tDubœuf\\n"`` → ``"Amélie␉Dubœuf␊"``: every control character
    visible, one character for one, so the text stays on one line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_ONE_LINE)


def paste_as_one_line(text: str) -> tuple[str, bool]:
    """What a paste becomes in a one-line field, and whether lines were joined.

    The lines that hold something are joined with single spaces (a copied
    address or a name over two lines stays whole rather than losing all but
    its first line); tabs become spaces; every other control character is kept
    visible (``␛[31m``), in its place, never interpreted.
    """
    lines = [line for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if line.strip()]
    if len(lines) > 1:
        joined, several = " ".join(line.strip() for line in lines), True
    else:
        joined, several = (lines[0] if lines else ""), False
    return one_line(joined.replace("\t", " ")), several
