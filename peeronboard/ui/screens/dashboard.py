"""The dashboard: one row per hire with progress, the next item due and what is overdue."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from ..format import finished, progress_bar, shorten
from .base import PeerScreenMixin

# (message key, width); the last column takes what is left of the screen
COLUMNS = (("form.name", 20), ("col.unit", 16), ("col.start", 10), ("col.checklist", 18),
           ("col.progress", 14), ("col.overdue", 11), ("col.next", 0))


class DashboardScreen(PeerScreenMixin, Screen[None]):
    """Every hire, sorted by start date; ``/`` filters by name or unit."""

    BINDINGS = [
        Binding("n", "app.new_hire", "key.new"),
        Binding("enter", "open", "key.open"),
        Binding("slash", "filter", "key.filter", key_display="/"),
        Binding("escape", "clear_filter", "key.filter", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="banner", classes="banner")
        yield Static(id="title", classes="title")
        yield Input(id="filter")
        yield DataTable(id="hires", cursor_type="row", zebra_stripes=True)
        yield Static(id="empty", classes="empty")
        yield Footer()

    def on_mount(self) -> None:
        self._show_filter(False)
        self.refresh_data()

    def _show_filter(self, shown: bool) -> None:
        field = self.query_one("#filter", Input)
        field.display = shown
        field.disabled = not shown  # a hidden field must not take the keys

    def on_screen_resume(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        app = self.peer_app
        banner = self.query_one("#banner", Static)
        banner.display = bool(app.banner)
        banner.update(Text(app.banner or ""))
        self.query_one("#title", Static).update(Text(f"peeronboard · {app.t('screen.hires')}", style="bold"))
        self.query_one("#filter", Input).placeholder = app.t("filter.placeholder")
        table = self.query_one("#hires", DataTable)
        selected = self._selected_key()
        table.clear(columns=True)
        fixed = sum(width + 2 for _, width in COLUMNS)
        next_width = max(16, (table.size.width or self.size.width) - fixed - 2)
        widths = {key: width or next_width for key, width in COLUMNS}
        for key, width in widths.items():
            table.add_column(app.t(key), key=key, width=width)
        needle = self.query_one("#filter", Input).value.strip().casefold()
        for progress in sorted(app.hires.values(),
                               key=lambda h: (h.record.start_date, h.record.name.casefold())):
            record = progress.record
            name = app.name_of(record)
            if needle and needle not in name.casefold() and needle not in (record.unit or "").casefold():
                continue
            next_due = progress.next_due
            overdue = progress.overdue_count
            table.add_row(
                Text(shorten(name, widths["form.name"])),
                Text(shorten(record.unit or "", widths["col.unit"])), record.start_date.isoformat(),
                Text(shorten(record.checklist, widths["col.checklist"])),
                progress_bar(finished(progress), progress.total),
                Text(str(overdue), style=f"bold {app.error_color}") if overdue else Text(""),
                Text(shorten(f"{next_due.due} {next_due.title(app.lang)}", widths["col.next"])) if next_due
                else Text(""),
                key=record.id,
            )
        for hire_id, problem in sorted(app.broken.items()):
            if not needle:
                table.add_row(Text(app.t("unreadable"), style=f"bold {app.error_color}"),
                              Text(str(problem), style="italic"), "", "", "", "", "", key=f"!{hire_id}")
        empty = self.query_one("#empty", Static)
        empty.display = app.loaded and table.row_count == 0
        empty.update(app.t("empty.filter") if needle else app.t("empty.hires"))
        if not app.loaded:
            empty.display = True
            empty.update(app.t("loading"))
        table.display = table.row_count > 0
        if selected is not None and selected in table.rows:
            table.move_cursor(row=table.get_row_index(selected))
        field = self.query_one("#filter", Input)
        if table.display and not (field.display and field.has_focus):
            table.focus()

    def on_resize(self) -> None:
        self.refresh_data()

    def _selected_key(self) -> str | None:
        table = self.query_one("#hires", DataTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_open(self) -> None:
        hire_id = self._selected_key()
        if hire_id and not hire_id.startswith("!"):
            self.peer_app.open_hire(hire_id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value and not event.row_key.value.startswith("!"):
            self.peer_app.open_hire(event.row_key.value)

    def action_filter(self) -> None:
        self._show_filter(True)
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self._show_filter(False)
        self.query_one("#hires", DataTable).focus()
        self.refresh_data()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.refresh_data()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.query_one("#hires", DataTable).focus()
