"""The agenda: open items due in the next 14 days and overdue ones, across all hires, oldest first."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from ...i18n import owner_word
from ...progress import agenda
from ...wording import is_named, owner_text
from ..format import WHOLE, ColumnSpec, cell_widths, column_needs, fit_columns, shown_line
from .listing import PADDING, SCROLLBAR, ListingScreen

AGENDA_DAYS = 14
# as wide as their cells, the due date whole; the title takes what is left
_COLUMNS = (ColumnSpec("col.due", "", least=WHOLE), ColumnSpec("col.hire", "", least=14, most=24),
            ColumnSpec("col.title", "", least=20, grows=True), ColumnSpec("panel.owner", "", most=20),
            ColumnSpec("col.unit", "", least=8, most=24))


class AgendaScreen(ListingScreen):
    LISTING = "agenda"
    BINDINGS = [
        Binding("enter", "open", "key.open", priority=True),  # before the table's own (hidden) Enter
        Binding("w", "who", "key.who"),
        Binding("escape", "back", "key.back"),
        Binding("space", "only_looking", show=False),
        Binding("x", "only_looking", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.who = ""  # only items this person or role does (as `agenda --who` / `--owner`)

    def refresh_data(self) -> None:
        app = self.peer_app
        title = app.t("screen.agenda", days=AGENDA_DAYS)
        if self.who:
            title += " · " + app.t("agenda.who", who=self.who)
        today = app.onboarding.today()
        current = [h for h in app.hires.values() if not h.finished]  # a finished hire is done with
        found = []  # (the due date, whether it is overdue, the other cells, the row's key)
        for entry in agenda(current, today, AGENDA_DAYS):
            record, view = entry.progress.record, entry.view
            if self.who and not _does_it(self.who, view, record, app.lang):
                continue
            cells = (Text(app.name_of(record)), shown_line(view.title(app.lang)),
                     shown_line(owner_text(view, record, app.lang)), shown_line(record.unit))
            found.append((entry.due, view.is_overdue(today), cells, f"{record.id}/{view.item_id}"))
        for word in (True, False):  # "2027-01-18  overdue", or "2027-01-18 !" where the word does not fit
            rows = [((self._due(due, overdue, word), *cells), key) for due, overdue, cells, key in found]
            columns, due_whole = self._fitted([cells for cells, _ in rows])
            if due_whole:
                break
        empty = (app.t("agenda.empty_who", who=self.who, days=AGENDA_DAYS) if self.who
                 else app.t("agenda.empty", days=AGENDA_DAYS))
        self.show(title, columns, rows, empty)

    def _due(self, due: dt.date, overdue: bool, word: bool) -> Text:
        app = self.peer_app
        if not overdue:
            return Text(due.isoformat())
        return Text(f"{due}  {app.t('overdue')}" if word else f"{due} !", style=f"bold {app.error_color}")

    def _fitted(self, rows: list[tuple[Text, ...]]) -> tuple[list[tuple[str, int]], bool]:
        """The columns, each as wide as its cells need, in the room the listing gives its rows; and
        whether the due dates are whole."""
        specs = [column._replace(label=self.peer_app.t(column.key)) for column in _COLUMNS]
        room = (self.table.size.width or self.size.width) - SCROLLBAR
        needs = column_needs(specs, map(cell_widths, rows))
        widths = fit_columns(specs, needs, room, PADDING // 2)
        columns = [(spec.key, width or 0) for spec, width in zip(specs, widths, strict=True)]
        return columns, columns[0][1] >= needs[0]

    def _open_row(self, key: str | None) -> None:
        if key:
            hire_id, item_id = key.split("/", 1)
            self.peer_app.open_hire(hire_id, item_id)

    def action_open(self) -> None:
        self._open_row(self.focused_key())

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open_row(event.row_key.value)

    def action_only_looking(self) -> None:
        """Space and x change an item on a hire's screen; here they say where to go for that."""
        self.peer_app.notify(self.peer_app.t("why.agenda_looks"))

    def action_who(self) -> None:
        """Ask whose items to show: a person's name or an owner role; empty shows everyone's."""
        from .prompt import TextPrompt

        def chosen(text: str | None) -> None:
            if text is not None:
                self.who = text.strip()
                self.refresh_data()

        app = self.peer_app
        self.app.push_screen(TextPrompt(app.t("prompt.who"), self.who, hint=app.t("prompt.who_hint")), chosen)


def _does_it(who: str, view: object, record: object, lang: str) -> bool:
    """Whether the person (by name) or the role (leader, mentor, ... or its word: leder) does it."""
    wanted = who.casefold().strip()
    item = view.item  # type: ignore[attr-defined]
    role = (item.owner if item else None) or ""
    roles = (role.casefold(), owner_word(role, lang).casefold())
    return is_named(view.person(record), who) or wanted in roles
