"""A screen that is a title and one table of rows (the agenda, the hires due for erasure), or a line
saying there is nothing to list. Each column is as wide as what it holds, up to a limit, so the table
reads at once on arrival (a DataTable left to size itself showed each column as wide as its header)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Static

from ..format import shown_line
from ..widgets.key_bar import KeyBar
from .base import PeerScreenMixin

Row = tuple[Sequence[Text | str], str]  # the cells, and the row's key


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
        for index, (key, most) in enumerate(columns):
            label = app.t(key)
            widest = max((_width(cells[index]) for cells, _ in rows), default=0)
            table.add_column(label, key=key, width=min(max(widest, len(label)), most))
        for cells, key in rows:
            table.add_row(*cells, key=key)
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


def _width(cell: Text | str) -> int:
    return cell.cell_len if isinstance(cell, Text) else len(cell)
