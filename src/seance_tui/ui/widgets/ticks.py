"""Ticked or not, told by the glyph and not only by its colour.

Textual draws both states of a box as ``▐X▌``, only the colour differs: on a
16-colour terminal, for a colour-blind user or on a screenshot, ticked and
unticked look alike. These draw ✓ for ticked and ☐ for unticked instead.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.style import Style as VisualStyle
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList

TICKED = "✓"
UNTICKED = "☐"


def glyph(ticked: bool) -> str:
    return TICKED if ticked else UNTICKED


class GlyphSelectionList(SelectionList[str]):
    """A SelectionList whose boxes read ✓ / ☐ (same keys; a two-cell gutter, not four)."""

    def _get_left_gutter_width(self) -> int:
        return 2  # the glyph and a space, where SelectionList has ▐X▌ and a space

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        segments = list(line)
        index = self.scroll_offset.y + y
        if index >= self.option_count or len(segments) < 4:
            return line
        # SelectionList draws the box as three segments (▐, X, ▌) then a space;
        # the glyph takes the prompt's own style (readable in every theme,
        # 16 colours included) and keeps the option in its meta, for the mouse.
        _left, _inner, _right, space, *prompt = segments
        ticked = self.get_option_at_index(index).value in self._selected
        base = space.style or Style()
        mark = base + Style(bold=True, meta={"option": index})
        return Strip([Segment(glyph(ticked), mark), space, *prompt])


class GlyphCheckbox(Checkbox):
    """A Checkbox whose box reads ✓ / ☐."""

    @property
    def _button(self) -> Content:
        # The label's style, bold: the box's own colours fade out in 16 colours.
        style = self.get_visual_style("toggle--label")
        return Content.assemble(" ", (glyph(self.value), style + VisualStyle(bold=True)), " ")
