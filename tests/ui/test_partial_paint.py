"""Partial updates cropped on both sides (ui/widgets/partial_paint.py) leave
the terminal showing exactly what Textual's own (cropped on the right only)
leaves: random frames, changed inside random spans, both updates played on a
terminal emulator (pyte) that showed the frame before, compared cell by cell
with the new frame shown whole. Lines hold accents and double-width
characters, and spans start in the middle of them."""

from __future__ import annotations

import io
import random

import pyte
import pytest
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual._compositor import ChopsUpdate
from textual.strip import Strip

from seance_tui.ui.widgets import partial_paint

WIDTH, HEIGHT = 32, 6
NARROW = "aàbcéèœ ’xyz"
WIDE = "中文字😀"
STYLES = [Style(color="#e0e0e0", bgcolor="#262626"), Style(color="#121212", bgcolor="#e0e0e0"),
          Style(color="#fea62b", bgcolor="#121212", bold=True), Style(reverse=True, color="#003054")]


def random_cells(rng: random.Random, width: int) -> list[tuple[str, Style]]:
    """Cells of one piece of line: a double-width character takes two (the second is None)."""
    cells: list = []
    while len(cells) < width:
        style = rng.choice(STYLES)
        if len(cells) + 2 <= width and rng.random() < 0.2:
            cells += [(rng.choice(WIDE), style), (None, style)]
        else:
            cells.append((rng.choice(NARROW), style))
    return cells


def strip_of(cells) -> Strip:
    return Strip([Segment(char, style) for char, style in cells if char is not None], len(cells))


def chops_of(frame, cuts) -> list[dict[int, Strip]]:
    return [{x: strip_of(line[x:end]) for x, end in zip(cuts[y], cuts[y][1:])} for y, line in enumerate(frame)]


def render(update: ChopsUpdate) -> str:
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor", width=WIDTH)
    return update.render_segments(console)


def shown(data: str) -> list[list[tuple]]:
    screen = pyte.Screen(WIDTH, HEIGHT)
    pyte.Stream(screen).feed(data)
    return [[(c.data, c.fg, c.bg, c.bold, c.reverse) for c in (screen.buffer[y][x] for x in range(WIDTH))]
            for y in range(HEIGHT)]


def full(frame, cuts) -> ChopsUpdate:
    return ChopsUpdate(chops_of(frame, cuts), [(y, 0, WIDTH) for y in range(HEIGHT)], [c[1:] for c in cuts])


def starts_of(line) -> list[int]:
    return [x for x, (char, _) in enumerate(line) if char is not None]


@pytest.mark.parametrize("seed", range(60))
def test_cropping_on_the_left_shows_the_same_screen(seed: int) -> None:
    rng = random.Random(seed)
    cuts, before = [], []
    for _ in range(HEIGHT):  # each line in two or three widgets' pieces
        inner = sorted(rng.sample(range(4, WIDTH - 4), rng.randint(1, 2)))
        line_cuts = [0, *inner, WIDTH]
        cuts.append(line_cuts)
        before.append([cell for x, end in zip(line_cuts, line_cuts[1:]) for cell in random_cells(rng, end - x)])
    after = [list(line) for line in before]
    spans = []
    for y in sorted(rng.sample(range(HEIGHT), rng.randint(1, HEIGHT))):
        # A span may start anywhere, even in a double-width character's second cell;
        # what changes is whole characters starting in it, within one piece.
        x1 = rng.randrange(0, WIDTH - 1)
        piece_end = next(end for end in cuts[y][1:] if end > x1)
        boundaries = [x for x in starts_of(before[y]) if x > x1] + [WIDTH]
        x2 = rng.choice([x for x in boundaries if x <= piece_end] or [piece_end])
        first = next((x for x in starts_of(before[y]) if x >= x1), x2)
        if first < x2:
            after[y][first:x2] = random_cells(rng, x2 - first)
        spans.append((y, x1, max(x2, x1 + 1)))
    update = ChopsUpdate(chops_of(after, cuts), spans, [c[1:] for c in cuts])

    expected = shown(render(full(after, cuts)))
    textual_own = render(update)
    cropped = partial_paint.render_segments(update, Console(
        file=io.StringIO(), force_terminal=True, color_system="truecolor", width=WIDTH))
    assert shown(render(full(before, cuts)) + textual_own) == expected  # the premise: Textual's is right
    assert shown(render(full(before, cuts)) + cropped) == expected
    assert len(cropped) <= len(textual_own)


def test_a_cut_inside_a_double_width_character_moves_to_its_first_cell() -> None:
    strip = Strip([Segment("ab", STYLES[0]), Segment("中文", STYLES[1]), Segment("c", STYLES[0])], 7)
    assert partial_paint.crop_from(strip, 3) == (2, Strip([Segment("中文", STYLES[1]), Segment("c", STYLES[0])], 5))
    skipped, rest = partial_paint.crop_from(strip, 4)
    assert skipped == 4 and "".join(s.text for s in rest) == "文c"
    skipped, rest = partial_paint.crop_from(strip, 5)
    assert skipped == 4 and "".join(s.text for s in rest) == "文c"
    assert partial_paint.crop_from(strip, 0) == (0, strip)
