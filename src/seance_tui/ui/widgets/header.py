"""The workspace's top line: what state the open file is in, then whose it is.

The states (séance en pause, lecture seule, purgé, bilan clos, présentation)
come first, as badges, so they always fit, 80 columns included; the name is
cut with « … » to leave room for them and for the séance line.
"""

from __future__ import annotations

from textual.content import Content

from .. import texts

SEPARATOR = Content(" · ")
MIN_NAME = 8  # below this, a cut name no longer says whose file it is
ROOMY_NAME = 24  # the séance line drops its phase before the name goes below this


def badge(text: str) -> Content:
    return Content.styled(f" {text} ", "reverse bold")


def header_line(
    badges: list[str], name: Content | None, seance: list[Content], width: int, presenting: bool = False
) -> Content:
    """``seance · badges… · name · séance · présentation``, the name cut to fit ``width`` cells.

    ``seance`` lists the séance line from the longest to the shortest: the
    first that leaves the name ``ROOMY_NAME`` cells is taken. Presentation is
    a mode, not the file's state, and its way out is in the footer: it goes
    last (the candidate's name stays left, where dialogs do not cover it)."""
    head = [Content.styled(texts.APP_TITLE, "bold"), *(badge(b) for b in badges)]
    shown = [badge(texts.PRESENTATION_BADGE)] if presenting else []
    if name is None:
        return SEPARATOR.join(head + shown)
    tail: list[Content] = []
    room = width
    for line in seance or [Content("")]:
        tail = [line, *shown] if line.cell_length else shown
        fixed = sum(part.cell_length for part in head + tail) + SEPARATOR.cell_length * len(head + tail)
        room = width - fixed
        if room >= min(ROOMY_NAME, name.cell_length):
            break
    room = max(MIN_NAME, room)
    if name.cell_length > room:
        name = name.truncate(room, ellipsis=True)
    return SEPARATOR.join([*head, name, *tail])
