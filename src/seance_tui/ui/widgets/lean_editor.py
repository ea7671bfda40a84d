"""A TextArea that repaints only the cells a keystroke changes.

Stock Textual (8.2.x) repaints the whole editor whenever the cursor moves,
which is on every keystroke: 5,000 bytes per typed character at 80×24 and
16,500 at 200×50, measured in a real terminal (docs/benchmarks.md). Over SSH
that is the difference between a fluid editor and a lagging one.

How: the ``selection`` reactive no longer asks for a full repaint. After the
change, every visible line is rendered again and compared, cell by cell,
with the strip last handed to the compositor; only the span between the
first and the last differing cell of each changed line is marked dirty.
Anything that moves the view (scrolling, resizing, a new line changing the
virtual size) still repaints in full, as before. Textual would still send
such a span from the widget's left edge: partial_paint.py makes it start at
the span, and is installed when this module is imported.

This leans on TextArea internals (the ``selection`` reactive and its
watcher, ``render_line``): tests/ui/test_lean_editor.py replays the same
edits on both widgets through a terminal emulator and compares the screens
cell by cell, and pyproject pins the Textual version it was written for.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.geometry import Offset, Region, Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from . import partial_paint

# Wherever this editor is, a dirty span is sent from its first cell, not from
# the editor's left edge (partial_paint.py): 60 % of the bytes of a keystroke.
partial_paint.install()

Geometry = tuple[Size, Offset]


class LeanTextArea(TextArea):
    # Same reactive as TextArea's, minus the whole-widget repaint on change.
    selection = reactive(Selection(), init=False, always_update=True, repaint=False)

    def __init__(self, *args, **kwargs) -> None:
        # Set first: TextArea.__init__ already moves the cursor.
        self._painted: dict[int, Strip] = {}
        self._painted_geometry: Geometry | None = None
        self._repaint_pending = False
        super().__init__(*args, **kwargs)

    def _geometry(self) -> Geometry:
        return self.size, self.scroll_offset

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        geometry = self._geometry()
        if geometry != self._painted_geometry:
            self._painted.clear()
            self._painted_geometry = geometry
        self._painted[y] = strip
        return strip

    def _watch_selection(self, previous_selection: Selection, selection: Selection) -> None:
        super()._watch_selection(previous_selection, selection)
        self._schedule_repaint()

    def _schedule_repaint(self) -> None:
        if not self._repaint_pending and self.is_mounted:
            self._repaint_pending = True
            # After the edit that moved the cursor has finished changing the document.
            self.call_later(self._repaint_changed_cells)

    def _refresh_size(self) -> None:
        """A line that wraps (or a new line) makes the document taller in the
        same box. TextArea sets ``virtual_size``, a reactive that lays the
        whole screen out again and repaints the editor and everything over it
        (6.7 KB at 80×24, a third of the bytes of a typed sentence). Nothing
        but the scrollbar and the rows below need it: set it quietly, update
        the scrollbar, and let the cell diff send the rows that moved. A
        scrollbar appearing or going still lays out (its own reactive does)."""
        if not (self.soft_wrap and self.is_mounted and self.container_size):
            super()._refresh_size()
            return
        virtual_size = Size(0, self.wrapped_document.height)
        if virtual_size != self.virtual_size:
            self.set_reactive(Widget.virtual_size, virtual_size)
            self._scroll_update(virtual_size)  # the scrollbar's thumb, and the scroll kept in bounds
            self._schedule_repaint()
        self._refresh_scrollbars()

    def _repaint_changed_cells(self) -> None:
        self._repaint_pending = False
        if self._geometry() != self._painted_geometry:
            self.refresh()  # the view moved: everything is new anyway
            return
        old = dict(self._painted)
        for y in range(self.size.height):
            before = old.get(y)
            after = self.render_line(y)
            if before is None:
                self.refresh(Region(0, y, self.size.width, 1))
                continue
            span = changed_span(before, after)
            if span is not None:
                start, end = span
                self.refresh(Region(start, y, end - start, 1))


def _cells(strip: Strip) -> list[tuple[str, object]]:
    return [(char, segment.style) for segment in strip if not segment.control for char in segment.text]


def changed_span(before: Strip, after: Strip) -> tuple[int, int] | None:
    """The cells [start, end) where two renderings of a line differ; None if equal."""
    if before is after or list(before) == list(after):
        return None
    old, new = _cells(before), _cells(after)
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    start = sum(cell_len(char) for char, _ in new[:prefix])
    end_new = sum(cell_len(char) for char, _ in new[: len(new) - suffix])
    end_old = sum(cell_len(char) for char, _ in old[: len(old) - suffix])
    end = max(end_new, end_old, start + 1)
    return start, end
