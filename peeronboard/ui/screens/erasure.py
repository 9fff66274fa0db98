"""Finished hires kept past the retention period, each of which can be erased here."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ..format import shown_line
from .base import PeerScreenMixin


class ErasureScreen(PeerScreenMixin, Screen[None]):
    """One row per hire due for erasure; Del erases the focused one after asking."""

    BINDINGS = [
        Binding("delete", "erase", "key.erase", key_display="Del"),
        Binding("escape", "back", "key.back"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="erasure-title", classes="title")
        yield DataTable(id="erasure", cursor_type="row", zebra_stripes=True)
        yield Static(id="erasure-empty", classes="empty")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refresh_data()

    def on_screen_resume(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        app = self.peer_app
        months = app.onboarding.retention_months
        self.query_one("#erasure-title", Static).update(
            Text(app.t("screen.erasure", months=months), style="bold"))
        table = self.query_one("#erasure", DataTable)
        table.clear(columns=True)
        for key in ("form.name", "col.start", "col.finished", "col.reason"):
            table.add_column(app.t(key), key=key)
        due = app.onboarding.due_for_erasure(list(app.hires.values()))
        for progress in sorted(due, key=lambda h: h.record.finished or h.record.start_date):
            record = progress.record
            table.add_row(Text(app.name_of(record)), str(record.start_date), str(record.finished),
                          shown_line(record.finish_reason), key=record.id)
        empty = self.query_one("#erasure-empty", Static)
        empty.display = table.row_count == 0
        empty.update(app.t("erasure.empty"))
        table.display = table.row_count > 0

    def action_erase(self) -> None:
        table = self.query_one("#erasure", DataTable)
        if table.row_count:
            hire_id = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if hire_id:
                self.peer_app.erase_hire(hire_id)

    def action_back(self) -> None:
        self.app.pop_screen()
