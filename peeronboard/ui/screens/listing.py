"""A screen that is a title and one table of rows (the agenda, the hires due for erasure), or a line
saying there is nothing to list. Each column is as wide as what it holds, up to a limit, so the table
reads at once on arrival (a DataTable left to size itself showed each column as wide as its header)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ..format import cut, shown_line
from ..widgets.key_bar import KeyBar
from .base import PeerScreenMixin

Row = tuple[Sequence[Text | str], str]  # the cells, and the row's key
PADDING = 2  # DataTable's blank cells around each cell
SCROLLBAR = 2  # the vertical scrollbar's cells, when the rows do not fit
NARROWEST = 8  # a column narrowed to fit is never narrower


class ListingScreen(PeerScreenMixin, Screen[None]):
    """Subclasses name their widgets (``LISTING``: the table's id, also the stem of the title's and
    the empty line's) and call ``show`` from their ``refresh_data``."""

    LISTING = "listing"

    def compose(self) -> ComposeResult:
        yield Static(id=f"{self.LISTING}-title", classes="title")
        yield DataTable(id=self.LISTING, cursor_type="row", zebra_stripes=True)
        yield Static(id=f"{self.LISTING}-empty", classes="empty")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_data()

    def on_screen_resume(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:  # pragma: no cover - each listing fills itself
        raise NotImplementedError

    @property
    def table(self) -> DataTable:
        return self.query_one(f"#{self.LISTING}", DataTable)

    def show(self, title: str, columns: Sequence[tuple[str, int]], rows: Sequence[Row], empty: str) -> None:
        """The title, then the rows under ``columns`` (message key, most room), or ``empty``."""
        app = self.peer_app
        self.query_one(f"#{self.LISTING}-title", Static).update(shown_line(title, style="bold"))
        table = self.table
        table.clear(columns=True)
        labels = [app.t(key) for key, _ in columns]
        widths = [min(max(max((_width(cells[index]) for cells, _ in rows), default=0), len(label)), most)
                  for index, (label, (_, most)) in enumerate(zip(labels, columns, strict=True))]
        fit(widths, labels, (table.size.width or self.size.width) - SCROLLBAR)
        for (key, _), label, width in zip(columns, labels, widths, strict=True):
            table.add_column(label, key=key, width=width)
        for cells, key in rows:
            table.add_row(*(cut(cell, width) if _width(cell) > width else cell
                            for cell, width in zip(cells, widths, strict=True)), key=key)
        nothing = self.query_one(f"#{self.LISTING}-empty", Static)
        nothing.display = not rows
        nothing.update(empty)
        table.display = bool(rows)

    def focused_key(self) -> str | None:
        """The key of the row under the cursor, or None when there are no rows."""
        table = self.table
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_back(self) -> None:
        self.app.pop_screen()


def fit(widths: list[int], labels: Sequence[str], room: int, keep: int = 2) -> None:
    """Narrow the columns after the first ``keep`` (the due date and the hire stay whole) until they
    fit ``room`` with their padding: the widest first, never below its header or ``NARROWEST``."""
    excess = sum(width + PADDING for width in widths) - room
    while excess > 0:
        spare = [(widths[i] - max(len(labels[i]), NARROWEST), i) for i in range(keep, len(widths))]
        most, index = max(spare, default=(0, 0))
        if most <= 0:
            return
        cut = min(most, excess, max(1, most // 2))
        widths[index] -= cut
        excess -= cut


def _width(cell: Text | str) -> int:
    return cell.cell_len if isinstance(cell, Text) else len(cell)
