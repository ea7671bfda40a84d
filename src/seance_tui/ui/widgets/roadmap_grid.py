"""The feuille de route as a table that always fits its width, for the
workspace (RoadmapTable) and review alike.

Délai and Statut (and any further column, such as review's « Créé en ») have
fixed widths, so the status never leaves the screen; objective and means share
what is left and are cut with « … » (RoadmapDetail, under the table, shows the
selected row in full). Wrapped, rows are as tall as their text and nothing is
cut: presentation mode, where the candidate reads every word."""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import DataTable

from ...domain.dates import format_date
from ...domain.model import RoadmapItem, RoadmapStatus
from ...domain.text import visible_controls
from .. import texts

STATUS_STYLE = {
    RoadmapStatus.TODO: "",
    RoadmapStatus.IN_PROGRESS: "bold",
    RoadmapStatus.ACHIEVED: "green",
    RoadmapStatus.DROPPED: "dim strike",
}
OVERDUE_STYLE = "bold red"

DATE_WIDTH = len("09/10/2026")
# One line: the date and a mark (the detail line says « en retard » in words).
DEADLINE_WIDTH = DATE_WIDTH + 1 + cell_len(texts.OVERDUE_MARK)
# Wrapped: the date, then « (en retard) » on the line under it.
DEADLINE_WRAPPED_WIDTH = max(DATE_WIDTH, cell_len(f"({texts.OVERDUE})"))
STATUS_WIDTH = max(cell_len(texts.COL_STATUS), *(cell_len(s.label) for s in RoadmapStatus))
# Kept free for the vertical scrollbar, so that a table growing past its
# height never pushes its last column out.
SCROLLBAR = 2
MIN_TEXT_WIDTH = 8


def deadline_text(item: RoadmapItem, today: date, mark: str | None = None) -> str:
    """« 09/10/2026 », « — », or with ``mark`` (default « (en retard) ») when overdue."""
    shown = format_date(item.deadline) if item.deadline else "—"
    if item.is_overdue(today):
        shown = f"{shown} {mark or f'({texts.OVERDUE})'}"
    return shown


def cell(text: str, style: str = "", width: int | None = None) -> Text:
    """User text as a cell: Rich Text (a DataTable reads plain strings as markup),
    control characters visible; cut to ``width`` with « … », or whole when None."""
    shown = visible_controls(text)
    if width is None:
        return Text(shown, style=style)
    one_line = Text(shown.replace("\n", " "), style=style, no_wrap=True)
    one_line.truncate(width, overflow="ellipsis")
    return one_line


class RoadmapGrid(DataTable):
    # (label, width) of fixed columns after Statut: review's « Créé en ».
    EXTRA_COLUMNS: tuple[tuple[str, int], ...] = ()

    class ItemHighlighted(Message):
        """The row under the cursor changed, or the rows were refilled (item None: no row)."""

        def __init__(self, item: RoadmapItem | None, today: date) -> None:
            super().__init__()
            self.item = item
            self.today = today

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self._items: list[RoadmapItem] = []
        self._today: date | None = None
        self.wrapped = False

    def extra_cells(self, item: RoadmapItem) -> list[Text]:
        return []

    def show(self, items: list[RoadmapItem], today: date, selected: str | None = None) -> None:
        keep = selected or self.selected_id
        self._items, self._today = list(items), today
        self._fill(keep)

    def set_wrapped(self, wrapped: bool) -> None:
        if wrapped != self.wrapped:
            self.wrapped = wrapped
            if self._today is not None:
                self._fill(self.selected_id)

    def on_resize(self) -> None:
        if self._today is not None:
            self._fill(self.selected_id)

    def _widths(self) -> list[int]:
        fixed = [DEADLINE_WRAPPED_WIDTH if self.wrapped else DEADLINE_WIDTH, STATUS_WIDTH,
                 *(width for _, width in self.EXTRA_COLUMNS)]
        columns = 2 + len(fixed)
        room = (self.size.width or 80) - SCROLLBAR - 2 * self.cell_padding * columns - sum(fixed)
        room = max(2 * MIN_TEXT_WIDTH, room)
        # Wrapped, both are read whole: the same width keeps the rows short.
        objective = room // 2 if self.wrapped else room * 3 // 5
        return [objective, room - objective, *fixed]

    def _fill(self, keep: str | None) -> None:
        widths = self._widths()
        labels = [texts.COL_OBJECTIVE, texts.COL_MEANS, texts.COL_DEADLINE, texts.COL_STATUS,
                  *(label for label, _ in self.EXTRA_COLUMNS)]
        self.clear(columns=True)
        for label, width in zip(labels, widths):
            self.add_column(label, width=width)
        today = self._today
        for item in self._items:
            overdue = item.is_overdue(today)
            if self.wrapped:
                # A blank line under each row's tallest cell: wrapped rows stay apart without colour.
                deadline = deadline_text(item, today).replace(" ", "\n", 1)
                row = [cell(item.objective + "\n", OVERDUE_STYLE if overdue else ""), cell(item.means + "\n"),
                       cell(deadline + "\n", OVERDUE_STYLE if overdue else ""),
                       cell(item.status.label + "\n", STATUS_STYLE[item.status])]
            else:
                row = [cell(item.objective, OVERDUE_STYLE if overdue else "", widths[0]),
                       cell(item.means, width=widths[1]),
                       cell(deadline_text(item, today, texts.OVERDUE_MARK), OVERDUE_STYLE if overdue else "",
                            widths[2]),
                       cell(item.status.label, STATUS_STYLE[item.status], widths[3])]
            self.add_row(*row, *self.extra_cells(item), key=item.id, height=None if self.wrapped else 1)
        if keep is not None and keep in self.rows:
            self.move_cursor(row=self.get_row_index(keep))
        self._announce()

    @property
    def selected_id(self) -> str | None:
        if not self.row_count:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return row_key.value

    @property
    def selected_item(self) -> RoadmapItem | None:
        selected = self.selected_id
        return next((item for item in self._items if item.id == selected), None)

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._announce()

    def _announce(self) -> None:
        if self._today is not None:
            self.post_message(self.ItemHighlighted(self.selected_item, self._today))
