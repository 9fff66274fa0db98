"""The dashboard: one row per hire with progress, the next item due and what is overdue."""

from __future__ import annotations

import bisect
import datetime as dt
import shlex
from collections import Counter
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup, VerticalScroll
from textual.reactive import Reactive
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from textual.widget import Widget
    from textual.widgets import Input

    from ..widgets.filter_field import FilterField
from textual.widgets import Static

from ...i18n import in_lang
from ...problems import Problem
from ...rows import HireRow
from ...safetext import has_unsafe
from ...tuples import NamedTuple
from ..format import WHOLE, ColumnSpec, MarkedText, progress_bar, shown
from ..widgets.key_bar import KeyBar
from ..widgets.row_table import RowTable
from .base import PeerScreenMixin

# each column as wide as its content; what is due next takes what is left, and on a narrow screen the
# checklist, the unit and the start date give way (in that order) so that it keeps NEXT_LEAST cells
NEXT_LEAST = 28  # "2027-01-20 " and a few words of the title
COLUMNS = (ColumnSpec("form.name", "", least=16, most=24),
           ColumnSpec("col.unit", "", least=12, most=24, leave_out=2),
           ColumnSpec("col.start", "", least=WHOLE, leave_out=1),
           ColumnSpec("col.checklist", "", least=16, most=20, leave_out=3),
           ColumnSpec("col.progress", "", least=WHOLE),
           ColumnSpec("col.overdue", "", least=WHOLE),
           ColumnSpec("col.next", "", least=NEXT_LEAST, grows=True))


def _progress_share(row: HireRow) -> float:
    return row.finished_items / row.total if row.total else 1.0


# how ``s`` sorts the hires, in the order it cycles through them, ties by start date, then name: for
# a day, a key of one argument (ten thousand rows are sorted by it, a call each)
SORTS: dict[str, Callable[[dt.date], Callable[[HireRow], tuple[object, ...]]]] = {
    "start": lambda today: HireRow.start_order.fget,  # the property's own function: a call fewer a row
    "name": lambda today: lambda row: (row.name.casefold(), *row.start_order),
    "progress": lambda today: lambda row: (_progress_share(row), *row.start_order),
    "overdue": lambda today: lambda row: (-row.overdue(today), *row.start_order),
}


class ProblemRow(NamedTuple):
    """A record file that could not be read, as a row of its own."""

    hire_id: str
    problem: Problem


def row_key(row: HireRow | ProblemRow) -> str:
    """A hire's id; a problem row's id with "!" before it."""
    return row.id if isinstance(row, HireRow) else f"!{row.hire_id}"


def searched_text(row: HireRow, name: str) -> str:
    """What the filter looks in: the hire's name (as shown, and as written: privacy mode shows
    initials, but the leader types the name), unit and mentor, casefolded, a line each (so a filter
    text never matches across two of them)."""
    return "\n".join((name, row.name, row.unit or "", row.mentor or "")).casefold()


def _input() -> type[FilterField]:
    """The filter field, imported at the first ``/``: the first frame does without Textual's Input."""
    from ..widgets.filter_field import FilterField

    return FilterField


class DashboardScreen(PeerScreenMixin, Screen[None]):
    """Every hire that is not finished, sorted by start date (``s`` cycles the order); ``/`` filters by
    name, unit or mentor; ``v`` shows the finished ones too."""

    BINDINGS = [
        Binding("n", "app.new_hire", "key.new"),
        Binding("enter", "open", "key.open"),
        # priority: handled before the keys typed after it, which must then find the field focused
        Binding("slash", "filter", "key.filter", key_display="/", priority=True),
        Binding("e", "app.export", "key.export"),
        Binding("c", "edit", "key.edit"),
        Binding("f", "finish", "key.finish"),
        Binding("f", "reopen", "key.reopen"),  # instead of finish, on a finished hire's row
        Binding("v", "app.show_finished", "key.show_finished", show=False),
        Binding("s", "sort", "key.sort"),
        Binding("r", "app.review_erasure", "key.review", show=False),
        Binding("g", "app.report", "key.report", show=False),
        Binding("delete", "erase", "key.erase", key_display="Del", show=False),
        Binding("escape", "clear_filter", "key.clear_filter"),  # shown while filtering only
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="banner", classes="banner")
        with VerticalGroup(id="heading"):  # the filter field is mounted here: only this line is drawn again
            yield Static(id="title", classes="title")
        yield RowTable(row_key, id="hires", alone=True)
        yield Static(id="empty", classes="empty")
        yield KeyBar()

    # Textual's screens draw every widget anew when the focus moves; the two widgets the focus leaves
    # and enters are drawn anew anyway (their styles change), so ``/`` and Escape need not wait for it
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    needle = ""  # the filter text, casefolded
    sort = "start"  # a key of SORTS
    _order_key: tuple[object, ...] | None = None
    _order: list[HireRow] = []  # replaced, never changed in place
    _searched_key: tuple[object, ...] | None = None
    _shared_key: tuple[object, ...] | None = None
    _shared_names: frozenset[str] = frozenset()  # names (as shown) that two listed hires have
    _filter: FilterField | None = None  # made after the first frame
    _finished_selected = False  # the cursor is on a finished hire: f reopens it
    _shown: dict[str, tuple[object, bool]]
    _searched_texts: list[str] = []  # replaced, never changed in place
    _searched_by_id: dict[str, tuple[HireRow, str]] = {}  # the same, by hire (with the row it was made of)

    def on_mount(self) -> None:
        self._shown = {}
        self.refresh_data()
        self.call_after_refresh(self._make_filter)

    @property
    def filter_field(self) -> Input | None:
        """The filter field, which is there only while filtering (so it never takes keys otherwise)."""
        field = self._filter
        return None if field is None or field.disabled else field

    def on_screen_resume(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        app = self.peer_app
        banner = in_lang(app.banner, app.lang) if app.banner else ""  # a Phrase follows the language
        self._put("#banner", Text(shown(banner, multiline=True)), bool(banner))
        self._put("#title", self._title(), self.filter_field is None)  # the filter takes its place
        if self._filter is not None:
            self._filter.placeholder = app.t("filter.people")
        table = self.query_one("#hires", RowTable)
        columns = [column._replace(label=app.t(column.key)) for column in COLUMNS]
        needle = self.needle
        today = app.onboarding.today()
        everyone = listed = self._ordered(today)
        if needle:
            texts = self._searched(listed)
            listed = [row for row, text in zip(listed, texts, strict=True) if needle in text]
        rows: list[HireRow | ProblemRow] = [*listed]
        if not needle:
            rows += [ProblemRow(hire_id, problem) for hire_id, problem in sorted(app.broken.items())]
        shared = self._shared(everyone)
        table.show(columns, rows, partial(self._cells, today), keep=table.selected_key,
                   drawn_with=(today, app.lang, app.private, app.error_color, shared),  # rows are immutable
                   sized_by=everyone if needle else None)
        if rows:
            self._put("#empty", "", False)
        elif not app.rows_ready:
            self._put("#empty", app.t("loading"))
        else:
            self._put("#empty", app.t("empty.filter") if needle else app.t("empty.hires"))
        table.display = bool(rows)
        if table.display and self.focused is not self.filter_field:
            self.set_focus(table)
        self._name_the_finish_key()  # the row under the cursor may have been finished or reopened

    def _put(self, selector: str, content: Text | str, shown: bool = True) -> None:
        """Show ``content`` in a line of text, touching it only when it changes (each change lays the
        screen out again, which a key in the filter must not wait for)."""
        if self._shown.get(selector) != (content, shown):
            self._shown[selector] = (content, shown)
            widget = self.query_one(selector, Static)
            widget.display = shown
            widget.update(content)

    def _ordered(self, today: dt.date) -> list[HireRow]:
        """The hires shown, in the chosen order; kept until the rows, the order or the day change, so
        a key that only filters (or Escape back from a hire) does not sort ten thousand rows again."""
        app = self.peer_app
        key = (app.rows_version, self.sort, app.show_finished, today)
        if self._order_key == key:
            return self._order
        order_by = SORTS[self.sort](today)
        hide_finished = not app.show_finished
        changed = (app.rows_changed_since(self._order_key[0])
                   if self._order_key and self._order_key[1:] == key[1:] else None)
        if changed is not None:  # a tick, an edit: only those rows move
            listed = [row for row in self._order if row.id not in changed]
            for hire_id in changed:
                row = app.rows.get(hire_id)
                if row is not None and not (hide_finished and row.finished):
                    bisect.insort(listed, row, key=order_by)
        else:
            listed = [row for row in app.rows.values() if not (hide_finished and row.finished)]
            listed.sort(key=order_by)
        self._order_key, self._order = key, listed
        return self._order

    def _searched(self, listed: list[HireRow]) -> list[str]:
        """Each listed row's ``searched_text``, made once for the list (every key of a filter uses it);
        after a change, made again only for the rows that changed (a row is immutable: the same row
        object has the same text)."""
        app = self.peer_app
        key = (self._order_key, app.private)
        if self._searched_key != key:
            same_privacy = self._searched_key is not None and self._searched_key[1] == app.private
            before = self._searched_by_id if same_privacy else {}
            by_id: dict[str, tuple[HireRow, str]] = {}
            made: list[HireRow] = []
            for row in listed:
                known = before.get(row.id)
                if known is not None and known[0] is row:
                    by_id[row.id] = known
                else:
                    made.append(row)
            # names as written are shown as they are unless one holds a character to escape: all are
            # checked at once (ten thousand checks, one at a time, are half of a first filter key's wait)
            as_written = not app.private and not has_unsafe("".join(row.name for row in made))
            for row in made:
                by_id[row.id] = (row, searched_text(row, row.name if as_written else app.name_of(row)))
            self._searched_key, self._searched_by_id = key, by_id
            self._searched_texts = [by_id[row.id][1] for row in listed]
        return self._searched_texts

    def _shared(self, listed: list[HireRow]) -> frozenset[str]:
        """The names that more than one listed hire has as shown (in privacy mode, the same initials),
        kept until the list or the privacy mode changes."""
        app = self.peer_app
        key = (self._order_key, app.private)
        if self._shared_key != key:  # (names as written are counted quicker, and shown the same)
            counts = Counter(map(app.name_of, listed)) if app.private else Counter(row.name for row in listed)
            self._shared_key = key
            self._shared_names = frozenset(shown(name) if not app.private else name
                                           for name, count in counts.items() if count > 1)
        return self._shared_names

    def _cells(self, today: dt.date, row: HireRow | ProblemRow) -> list[Text]:
        """What a row shows in each column (the table cuts what does not fit)."""
        app = self.peer_app
        if isinstance(row, ProblemRow):
            return [self._problem_text(row.problem)]
        finished_row = row.finished is not None
        texts = {
            "form.name": app.name_of(row), "col.unit": row.unit or "", "col.start": row.start.isoformat(),
            "col.checklist": row.checklist,
            "col.next": self._finished_text(row) if finished_row
            else f"{row.next_due} {row.next_title(app.lang)}" if row.next_due else "",
        }
        style = "dim italic" if finished_row else ""
        cells = {key: Text(shown(text), style=style) for key, text in texts.items()}
        if texts["form.name"] in self._shared_names:  # the same name twice: the start date tells them apart
            start = Text(f" {texts['col.start']}", style="dim")
            cells["form.name"] = MarkedText.of(cells["form.name"], start)
        cells["col.progress"] = progress_bar(row.finished_items, row.total)
        overdue = row.overdue(today)
        cells["col.overdue"] = Text(str(overdue), style=f"bold {app.error_color}") if overdue else Text("")
        return [cells[column.key] for column in COLUMNS]

    def _problem_text(self, problem: Problem) -> Text:
        """"⚠ q7brkn.toml cannot be read (Enter: what to do) · line 3: …", one line across the row."""
        app = self.peer_app
        where = app.t("problem.line", line=problem.line) if problem.line is not None else ""
        file = problem.path.name if problem.path is not None else "?"
        said = app.t("problem.row", file=file, where=where, reason=problem.message)
        return Text(shown(said), style=f"bold {app.error_color}")

    def _title(self) -> Text:
        """"peeronboard · Hires · sorted by name", then what the leader should know of finished hires."""
        app = self.peer_app
        parts = [f"peeronboard · {app.t('screen.hires')}", app.t("sort.by", by=app.t(f"sort.{self.sort}"))]
        if app.show_finished:
            parts.append(app.t("dash.finished_shown"))
        if app.private:
            parts.append(app.t("private.shown"))
        title = Text(" · ".join(parts), style="bold")
        due = sum(app.onboarding.erasure_due(row.finished) for row in app.rows.values() if row.finished)
        if due:
            title.append(" · " + app.t("dash.due_erasure", count=due), style=f"bold {app.error_color}")
        return title

    def _finished_text(self, row: HireRow) -> str:
        """"■ finished 2027-06-30: completed" for a finished hire's row."""
        reason = f": {row.finish_reason}" if row.finish_reason else ""
        return f"■ {self.peer_app.t('finished', date=row.finished)}{reason}"

    def on_resize(self) -> None:
        self.refresh_data()

    def _hire_key(self) -> str | None:
        """The focused row's hire id (also of an unreadable record)."""
        key = self._selected_key()
        return key.removeprefix("!") if key else None

    def action_sort(self) -> None:
        order = list(SORTS)
        self.sort = order[(order.index(self.sort) + 1) % len(order)]
        self.refresh_data()

    def action_edit(self) -> None:
        key = self._selected_key()
        if key and not key.startswith("!"):
            self.peer_app.edit_hire(key)

    async def action_finish(self) -> None:
        key = self._selected_key()
        if key and not key.startswith("!"):
            await self.peer_app.finish_or_reopen(key)

    action_reopen = action_finish  # the same key: the app knows which the hire needs

    def on_row_table_highlighted(self, event: RowTable.Highlighted) -> None:
        self._name_the_finish_key()

    def _name_the_finish_key(self) -> None:
        """Show ``f`` as "Reopen" while the cursor is on a finished hire, else as "Finish"."""
        key = self._selected_key()
        row = self.peer_app.rows.get(key) if key else None
        finished = row is not None and row.finished is not None
        if finished != self._finished_selected:
            self._finished_selected = finished
            self.refresh_bindings()

    def action_erase(self) -> None:
        hire_id = self._hire_key()
        if hire_id:
            self.peer_app.erase_hire(hire_id)

    def _selected_key(self) -> str | None:
        return self.query_one("#hires", RowTable).selected_key

    def action_open(self) -> None:
        self._open_row(self._selected_key())

    def on_row_table_selected(self, event: RowTable.Selected) -> None:
        event.stop()
        self._open_row(event.key)

    def _open_row(self, key: str | None) -> None:
        """A hire's checklist, or for a problem row the problem in full."""
        app = self.peer_app
        if key is None:
            return
        problem = app.broken.get(key[1:]) if key.startswith("!") else None
        if problem is not None:
            app.push_screen(ProblemScreen(problem, problem.path in app.onboarding.store.conflict_copies()))
        elif not key.startswith("!"):
            app.open_hire(key)

    def _make_filter(self) -> None:
        """The filter field, made (hidden, and disabled so it never takes the focus or a key) just
        after the first frame, which does without it."""
        if self._filter is None:
            field = _input()(id="filter", placeholder=self.peer_app.t("filter.people"), disabled=True)
            field.display = False
            self._filter = field
            self.query_one("#heading").mount(field)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``/`` typed in the filter field is text (the key is this screen's first, to be quick);
        Escape clears the filter only while there is one; ``f`` finishes an open hire and reopens a
        finished one, and is named for what it does on the row under the cursor."""
        if action in ("finish", "reopen"):
            return self._finished_selected == (action == "reopen")
        field = self.filter_field
        if action == "clear_filter":
            return field is not None  # the key bar shows the way out of the filter while it is open
        return not (action == "filter" and field is not None and self.focused is field)

    def action_filter(self) -> None:
        """Show the filter field and give it the focus at once (in this very call: keys typed
        straight after ``/`` are handled next, and must find it focused)."""
        self._make_filter()
        field = self._filter
        assert field is not None
        field.disabled = False
        self._put("#title", self._shown.get("#title", ("", True))[0], False)
        field.display = True
        self.refresh_bindings()  # the key bar: Escape clears the filter
        if field.is_mounted:
            self.set_focus(field)
        else:  # "/" within the first frame: it is focused once it is mounted
            field.call_after_refresh(self.set_focus, field)

    def action_clear_filter(self) -> None:
        field = self.filter_field
        if field is None:  # not filtering: Escape has nothing to clear
            return
        self.needle = ""
        with field.prevent(_input().Changed):
            field.value = ""
        field.disabled = True
        field.display = False
        self.refresh_bindings()
        self.set_focus(self.query_one("#hires", RowTable))
        self.refresh_data()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.needle = event.value.strip().casefold()
            self.refresh_data()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            self.query_one("#hires", RowTable).focus()


class ProblemScreen(PeerScreenMixin, ModalScreen[None]):
    """A problem row in full: the file, what is wrong with it, and what to do; Escape closes it."""

    BINDINGS = [Binding("escape", "close", "key.close"), Binding("enter", "close", show=False)]

    def __init__(self, problem: Problem, conflict_copy: bool) -> None:
        super().__init__()
        self.problem, self.conflict_copy = problem, conflict_copy

    def compose(self) -> ComposeResult:
        app, problem = self.peer_app, self.problem
        path = shown(str(problem.path))
        where = path + "".join(f":{n}" for n in (problem.line, problem.column) if n is not None)
        text = Text()
        for label, said in ((app.t("problem.file"), where),
                            (app.t("problem.reason"), shown(in_lang(problem.message, app.lang),
                                                            multiline=True))):
            text.append(f"{label}: ", style="bold")
            text.append(said + "\n\n")
        text.append(f"{app.t('problem.todo')}:\n", style="bold")
        todo = [app.t("problem.merge")] if self.conflict_copy else []
        todo.append(app.t("problem.validate", path=shlex.quote(path)))
        text.append("\n".join(f"• {line}" for line in todo))
        with VerticalScroll(classes="dialog", id="problem"):
            heading = app.t("problem.conflict_title" if self.conflict_copy else "problem.title")
            yield Static(Text(heading, style="bold"), classes="dialog-title")
            yield Static(text)
            yield Static(app.t("problem.close"), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)
