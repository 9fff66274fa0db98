"""The agenda: open items due in the next 14 days and overdue ones, across all hires, oldest first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ...i18n import owner_word
from ...progress import agenda
from ...wording import owner_text
from ..format import shown_line
from .base import PeerScreenMixin

AGENDA_DAYS = 14
# the agenda's columns, with the most room each may take
_COLUMNS = (("col.due", 24), ("col.hire", 24), ("col.title", 40), ("panel.owner", 24), ("col.unit", 20))


def _width(cell: object) -> int:
    return cell.cell_len if isinstance(cell, Text) else len(str(cell))


class AgendaScreen(PeerScreenMixin, Screen[None]):
    BINDINGS = [
        Binding("enter", "open", "key.open"),
        Binding("w", "who", "key.who"),
        Binding("escape", "back", "key.back"),
        Binding("space", "only_looking", show=False),
        Binding("x", "only_looking", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.who = ""  # only items this person or role does (as `agenda --who` / `--owner`)

    def compose(self) -> ComposeResult:
        yield Static(id="agenda-title", classes="title")
        yield DataTable(id="agenda", cursor_type="row", zebra_stripes=True)
        yield Static(id="agenda-empty", classes="empty")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refresh_data()

    def on_screen_resume(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        app = self.peer_app
        title = app.t("screen.agenda", days=AGENDA_DAYS)
        if self.who:
            title += " · " + app.t("agenda.who", who=self.who)
        self.query_one("#agenda-title", Static).update(shown_line(title, style="bold"))
        table = self.query_one("#agenda", DataTable)
        table.clear(columns=True)
        today = app.onboarding.today()
        current = [h for h in app.hires.values() if not h.finished]  # a finished hire is done with
        rows = []
        for entry in agenda(current, today, AGENDA_DAYS):
            record, view = entry.progress.record, entry.view
            if self.who and not _does_it(self.who, view, record, app.lang):
                continue
            overdue = view.is_overdue(today)
            due = Text(f"{entry.due}" + (f"  {app.t('overdue')}" if overdue else ""),
                       style=f"bold {app.error_color}" if overdue else "")
            rows.append(((due, Text(app.name_of(record)), shown_line(view.title(app.lang)),
                          shown_line(owner_text(view, record, app.lang)), shown_line(record.unit)),
                         f"{record.id}/{view.item_id}"))
        # each column as wide as what it holds (up to a limit), so the agenda reads at once on arrival
        for index, (key, most) in enumerate(_COLUMNS):
            label = app.t(key)
            widest = max((_width(cells[index]) for cells, _ in rows), default=0)
            table.add_column(label, key=key, width=min(max(widest, len(label)), most))
        for cells, key in rows:
            table.add_row(*cells, key=key)
        empty = self.query_one("#agenda-empty", Static)
        empty.display = table.row_count == 0
        empty.update(app.t("agenda.empty", days=AGENDA_DAYS))
        table.display = table.row_count > 0

    def _open_row(self, key: str | None) -> None:
        if key:
            hire_id, item_id = key.split("/", 1)
            self.peer_app.open_hire(hire_id, item_id)

    def action_open(self) -> None:
        table = self.query_one("#agenda", DataTable)
        if table.row_count:
            self._open_row(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open_row(event.row_key.value)

    def action_back(self) -> None:
        self.app.pop_screen()

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
    wanted = who.casefold()
    person = (view.person(record) or "").casefold()  # type: ignore[attr-defined]
    item = view.item  # type: ignore[attr-defined]
    role = (item.owner if item else None) or ""
    return wanted in (person, role.casefold(), owner_word(role, lang).casefold())
