"""The agenda: open items due in the next 14 days and overdue ones, across all hires, oldest first."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from ...i18n import owner_word
from ...progress import agenda
from ...wording import owner_text
from ..format import shown_line
from .listing import ListingScreen

AGENDA_DAYS = 14
# the agenda's columns, with the most room each may take
_COLUMNS = (("col.due", 24), ("col.hire", 24), ("col.title", 40), ("panel.owner", 24), ("col.unit", 20))


class AgendaScreen(ListingScreen):
    LISTING = "agenda"
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

    def refresh_data(self) -> None:
        app = self.peer_app
        title = app.t("screen.agenda", days=AGENDA_DAYS)
        if self.who:
            title += " · " + app.t("agenda.who", who=self.who)
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
        self.show(title, _COLUMNS, rows, app.t("agenda.empty", days=AGENDA_DAYS))

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
    wanted = who.casefold()
    person = (view.person(record) or "").casefold()  # type: ignore[attr-defined]
    item = view.item  # type: ignore[attr-defined]
    role = (item.owner if item else None) or ""
    return wanted in (person, role.casefold(), owner_word(role, lang).casefold())
