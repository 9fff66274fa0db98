"""A hire's whole log on a screen of its own: when, who, what, which item, and the text, newest first;
Enter shows an entry in full (a long note is cut with "…" in its row)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from ...record import HireRecord, LogEntry
from ...wording import action_words, entry_text
from ..format import WHOLE, ColumnSpec, cell_widths, column_needs, cut, fit_columns, masked, shown, shown_line
from ..widgets.key_bar import KeyBar
from .base import PeerScreenMixin
from .listing import PADDING, SCROLLBAR

# each column as wide as its cells; the logged text takes what is left, and what does not fit ends in "…"
# headed as `peeronboard log` heads its columns
COLUMNS = (ColumnSpec("col.when", "", least=WHOLE), ColumnSpec("col.who", "", least=9, most=20),
           ColumnSpec("col.action", "", least=10, most=24), ColumnSpec("col.item", "", least=12, most=40),
           ColumnSpec("col.text", "", least=20, grows=True))


def log_time(entry: LogEntry) -> str:
    """When, in the computer's own time zone, to the minute."""
    return entry.at.astimezone().strftime("%Y-%m-%d %H:%M")


def log_text(entry: LogEntry, record: HireRecord, private: bool, lang: str) -> str:
    """The logged text as the screen may show it, in ``lang`` (privacy mode hides the hire's name in
    it too)."""
    return shown(masked(entry_text(entry.action, entry.text, lang), record, private))


class HistoryScreen(PeerScreenMixin, Screen[None]):
    BINDINGS = [Binding("enter", "open", "key.open", priority=True),  # before the table's own (hidden) Enter
                Binding("escape", "back", "key.back")]

    def __init__(self, hire_id: str) -> None:
        super().__init__()
        self.hire_id = hire_id
        self._rows: list[tuple[Text, ...]] = []  # each entry's cells in full, in the table's order

    def compose(self) -> ComposeResult:
        yield Static(id="history-title", classes="title")
        yield DataTable(id="history", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        app = self.peer_app
        progress = app.hires.get(self.hire_id)
        if progress is None:  # erased meanwhile
            if self.app.screen is self:
                self.app.pop_screen()
            return
        record = progress.record
        titles = {view.item_id: view.title(app.lang) for view in (*progress.items, *progress.retired)}
        self.query_one("#history-title", Static).update(
            Text(app.t("screen.log", name=app.name_of(record)), style="bold"))
        rows = [(Text(log_time(entry)), shown_line(entry.by),
                 shown_line(action_words(entry.action, app.lang)),
                 shown_line(titles.get(entry.item, entry.item) if entry.item else ""),
                 Text(log_text(entry, record, app.private, app.lang))) for entry in reversed(record.log)]
        self._rows = rows
        table = self.query_one("#history", DataTable)
        table.clear(columns=True)
        specs = [column._replace(label=app.t(column.key)) for column in COLUMNS]
        room = (table.size.width or self.size.width) - SCROLLBAR
        widths = fit_columns(specs, column_needs(specs, map(cell_widths, rows)), room, PADDING // 2)
        for spec, width in zip(specs, widths, strict=True):
            table.add_column(spec.label, key=spec.key, width=width)
        for cells in rows:
            table.add_row(*(cut(cell, width or 0) for cell, width in zip(cells, widths, strict=True)))

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_open(self) -> None:
        table = self.query_one("#history", DataTable)
        if 0 <= table.cursor_row < len(self._rows):
            labels = [self.peer_app.t(column.key) for column in COLUMNS]
            self.app.push_screen(EntryScreen(list(zip(labels, self._rows[table.cursor_row], strict=True))))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()  # a click on the cursor row
        self.action_open()


class EntryScreen(PeerScreenMixin, ModalScreen[None]):
    """One log entry in full, each field under its column's name; Escape or Enter closes it."""

    BINDINGS = [Binding("escape", "close", "key.close"), Binding("enter", "close", show=False)]

    def __init__(self, fields: list[tuple[str, Text]]) -> None:
        super().__init__()
        self.fields = fields

    def compose(self) -> ComposeResult:
        text = Text()
        for label, value in self.fields:
            if value.plain:
                text.append(f"{label}: ", style="bold")
                text.append_text(value)
                text.append("\n")
        text.rstrip()
        with VerticalScroll(classes="dialog", id="entry"):
            yield Static(Text(self.peer_app.t("screen.entry"), style="bold"), classes="dialog-title")
            yield Static(text, id="entry-text")
            yield Static(self.peer_app.t("problem.close"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
