"""A Static that repaints only when what it shows really changes.

Every repaint is bytes on the wire (and, for an auto-sized widget, a new
layout of its neighbours): over SSH, a status that is set again to the same
value on every keystroke, or a gauge redrawn every second, adds up.
"""

from textual.content import Content
from textual.widgets import Static


class QuietStatic(Static):
    _shown: Content | None = None

    def show_content(self, content: Content) -> None:
        if content != self._shown:
            self._shown = content
            # A widget of fixed size cannot move its neighbours: no new layout.
            self.update(content, layout=self.styles.auto_dimensions)
