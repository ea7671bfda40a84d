"""Partial screen updates that start where the change starts.

When part of a widget's line is marked dirty, Textual (8.2.x) repaints that
line from the widget's left edge up to the end of the dirty span: its
``ChopsUpdate.render_segments`` crops each piece of line on the right only
("TODO: crop to x extents" in its source). In the notes editor, where a
keystroke changes two cells (the character typed and the cursor after it),
a character typed at column 60 re-sent the sixty cells before it: about 150
of the 200 bytes per key measured in docs/benchmarks.md.

``install()`` replaces that method with one that also crops on the left, at
the start of the dirty span. Everything outside the dirty spans is already
on the terminal (that is what makes them the dirty ones), so the screen ends
up the same, cell for cell (tests/unit/test_partial_paint.py replays both
through a terminal emulator). A cut never falls inside a double-width
character: it moves left to the character's first cell, so nothing is ever
half drawn.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from textual._compositor import ChopsUpdate
from textual.strip import Strip

_ORIGINAL = ChopsUpdate.render_segments


def crop_from(strip: Strip, start: int) -> tuple[int, Strip]:
    """The strip from cell ``start`` on, and where it then starts: ``start``,
    or the first cell of the double-width character ``start`` falls inside."""
    if start <= 0:
        return 0, strip
    position = 0
    segments = list(strip)
    for index, segment in enumerate(segments):
        width = cell_len(segment.text)
        if segment.control or position + width <= start:
            position += width
            continue
        # The cut falls in this segment: at a character boundary at or before ``start``.
        text, style = segment.text, segment.style
        offset = 0
        for char_index, char in enumerate(text):
            char_width = cell_len(char)
            if position + offset + char_width > start:
                head = Segment(text[char_index:], style)
                rest = [head, *segments[index + 1:]]
                return position + offset, Strip(rest, strip.cell_length - position - offset)
            offset += char_width
        position += width
    return strip.cell_length, Strip([], 0)


def render_segments(self: ChopsUpdate, console) -> str:
    """ChopsUpdate.render_segments, each piece of line cropped to the dirty span on both sides."""
    sequences: list[str] = []
    append = sequences.append
    chops, chop_ends = self.chops, self.chop_ends
    last_y = self.spans[-1][0]
    for y, x1, x2 in self.spans:
        line = chops[y]
        ends = chop_ends[y]
        for end, (x, strip) in zip(ends, line.items()):
            if strip is None or x > x2 or end <= x1:
                continue
            if x2 > x >= x1 and end <= x2:
                append(f"\x1b[{y + 1};{x + 1}H")
                append(strip.render(console))
                continue
            strip = strip.crop(0, min(end, x2) - x)
            skipped, strip = crop_from(strip, x1 - x)
            append(f"\x1b[{y + 1};{x + skipped + 1}H")
            append(strip.render(console))
        if y != last_y:
            append("\n")
    return "".join(sequences)


def install() -> None:
    """Idempotent: the partial updates of every app in this process crop on both sides."""
    ChopsUpdate.render_segments = render_segments


def uninstall() -> None:
    """Textual's own method again (the tests compare the two)."""
    ChopsUpdate.render_segments = _ORIGINAL
