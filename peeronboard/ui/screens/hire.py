"""One hire's checklist: items by phase, their states and due dates, and the focused item's guidance."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from ...dates import move_date
from ...i18n import owner_word
from ...progress import HireProgress, ItemView
from ...wording import hire_facts, moved_from, outcome
from ..format import STATE_MARKS, due_text, masked, shorten
from .base import PeerScreenMixin
from .prompt import TextPrompt

PHASE_PREFIX = "phase:"
RETIRED_PREFIX = "retired:"


class HireScreen(PeerScreenMixin, Screen[None]):
    """Work through one hire's checklist with the keyboard."""

    BINDINGS = [
        Binding("space", "toggle", "key.toggle", key_display="space"),
        Binding("x", "skip", "key.skip"),
        Binding("o", "note", "key.note"),
        Binding("d", "due", "key.due"),
        Binding("e", "app.export", "key.export"),
        Binding("escape", "back", "key.back"),
    ]

    def __init__(self, hire_id: str, focus_item: str | None = None) -> None:
        super().__init__()
        self.hire_id = hire_id
        self.focus_item = focus_item


    @property
    def progress(self) -> HireProgress | None:
        return self.peer_app.hires.get(self.hire_id)

    def compose(self) -> ComposeResult:
        yield Static(id="hire-header", classes="title")
        with Horizontal(id="hire-body"):
            yield DataTable(id="items", cursor_type="row")
            with VerticalScroll(id="guidance-box"):
                yield Static(id="guidance")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refresh_data()
        if self.focus_item:
            self._move_to(self.focus_item)
        else:
            self._move_to_first_item()

    def on_screen_resume(self) -> None:
        self.refresh_data()

    # --- drawing ---------------------------------------------------------------------------

    def refresh_data(self) -> None:
        progress = self.progress
        if progress is None:  # erased or unreadable meanwhile
            self.app.pop_screen()
            return
        app = self.peer_app
        lang = app.lang
        record, checklist = progress.record, progress.checklist
        summary = progress.summary()
        header = Text(app.name_of(record), style="bold")
        header.append("\n" + " · ".join(hire_facts(record, lang)))
        title = checklist.title.in_lang(lang) if checklist else record.checklist
        header.append(f"\n{app.t('hire.checklist')}: {title}")
        header.append("\n" + app.t("progress.line", **summary))
        if summary["overdue"]:
            header.append(f" · {summary['overdue']} {app.t('overdue')}", style=f"bold {app.error_color}")
        self.query_one("#hire-header", Static).update(header)

        table = self.query_one("#items", DataTable)
        selected = self.selected_key()
        table.clear(columns=True)
        columns = {"mark": "", "title": app.t("col.title"), "due": app.t("col.due"),
                   "owner": app.t("panel.owner"), "note": ""}
        if not self._owner_fits():  # narrow screen: the owner is still in the guidance panel
            del columns["owner"]
        for key, label in columns.items():
            table.add_column(label, key=key, width=self._title_width() if key == "title" else None)
        blank = [""] * (len(columns) - 2)
        for phase in checklist.phases if checklist else ():
            views = progress.phase_items(phase.id)
            done = sum(1 for v in views if v.state.status != "open")
            heading = Text(f"{phase.title.in_lang(lang)}  {done}/{len(views)}", style="bold underline")
            table.add_row("", heading, *blank, key=PHASE_PREFIX + phase.id)
            for view in views:
                table.add_row(*self._cells(view, progress), key=view.item_id)
        if progress.retired:
            table.add_row("", Text(app.t("retired.heading"), style="bold underline"), *blank,
                          key=PHASE_PREFIX + "retired")
            for view in progress.retired:
                table.add_row(*self._cells(view, progress), key=RETIRED_PREFIX + view.item_id)
        if selected is not None and selected in table.rows:
            table.move_cursor(row=table.get_row_index(selected))
        self._show_guidance()

    def _cells(self, view: ItemView, progress: HireProgress) -> tuple[object, ...]:
        app = self.peer_app
        status = view.state.status
        mark_style = {"done": "bold", "skipped": "dim", "open": ""}[status]
        title = Text(shorten(view.title(app.lang), self._title_width()),
                     style="dim strike" if status == "skipped" else "")
        owner = [Text(owner_word(view.item.owner if view.item else None, app.lang))]
        return (
            Text(STATE_MARKS[status], style=mark_style), title,
            due_text(view, progress.today, app.error_color),
            *(owner if self._owner_fits() else []),
            Text("✎" if view.state.note else ""),
        )

    def _owner_fits(self) -> bool:
        return self.query_one("#items", DataTable).size.width >= 70

    def _title_width(self) -> int:
        """Titles get what the table has left after the other columns, so nothing scrolls sideways."""
        available = self.query_one("#items", DataTable).size.width
        others = 1 + 13 + (16 if self._owner_fits() else 0) + 1
        columns = 5 if self._owner_fits() else 4
        return max(16, available - others - 2 * columns - 2) if available else 50

    def on_resize(self) -> None:
        self.refresh_data()

    def _show_guidance(self) -> None:
        app = self.peer_app
        view = self.selected_view()
        panel = self.query_one("#guidance", Static)
        if view is None:
            panel.update("")
            return
        lang = app.lang
        text = Text(view.title(lang), style="bold")
        state = view.state
        text.append(f"\n{outcome(state, lang)}")
        item = view.item
        if item is None:
            text.append("\n\n" + app.t("panel.retired"), style="italic")
        else:
            details = []
            if view.due:
                details.append(f"{app.t('panel.due')}: {view.due}{moved_from(view, lang)}")
            if item.owner:
                details.append(f"{app.t('panel.owner')}: {owner_word(item.owner, lang)}")
            if item.optional:
                details.append(app.t("panel.optional"))
            if details:
                text.append("\n" + " · ".join(details))
            guidance = item.guidance.in_lang(lang) if item.guidance else app.t("panel.no_guidance")
            text.append("\n\n" + guidance)
            source = " · ".join(part for part in (
                item.ref, item.source.in_lang(lang) if item.source else None) if part)
            if source:
                text.append(f"\n\n{app.t('panel.ref')}: {source}", style="italic")
        if state.note:
            text.append(f"\n\n{app.t('note')}: ", style="bold")
            text.append(masked(state.note, self.progress.record, app.private) if self.progress else "")
        panel.update(text)

    # --- selection -------------------------------------------------------------------------

    def selected_key(self) -> str | None:
        table = self.query_one("#items", DataTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def selected_view(self) -> ItemView | None:
        progress, key = self.progress, self.selected_key()
        if progress is None or key is None or key.startswith(PHASE_PREFIX):
            return None
        if key.startswith(RETIRED_PREFIX):
            item_id = key[len(RETIRED_PREFIX):]
            return next((v for v in progress.retired if v.item_id == item_id), None)
        return next((v for v in progress.items if v.item_id == key), None)

    def _current_item(self) -> ItemView | None:
        """The focused item, if it is one that can be changed (not a heading, not retired)."""
        view = self.selected_view()
        return None if view is None or view.retired else view

    def _move_to(self, key: str) -> None:
        table = self.query_one("#items", DataTable)
        if key in table.rows:
            table.move_cursor(row=table.get_row_index(key))

    def _move_to_first_item(self) -> None:
        progress = self.progress
        if progress and progress.items:
            self._move_to(progress.items[0].item_id)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_guidance()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_toggle()

    # --- actions ---------------------------------------------------------------------------

    def action_toggle(self) -> None:
        view = self._current_item()
        if view is None:
            return
        # what the leader meant is what the screen showed: an open item gets ticked, even if it
        # was ticked elsewhere meanwhile (then it stays done), and a finished one is opened again
        onboarding = self.peer_app.onboarding
        change = onboarding.check if view.state.status == "open" else onboarding.uncheck
        self.peer_app.change_item(self.hire_id, view.item_id, lambda record: change(record, view.item_id))

    def action_skip(self) -> None:
        view = self._current_item()
        if view is None:
            return
        app = self.peer_app
        if view.state.status == "skipped":
            app.change_item(self.hire_id, view.item_id,
                            lambda record: app.onboarding.uncheck(record, view.item_id))
            return

        def skip(reason: str | None) -> None:
            if reason:
                app.change_item(self.hire_id, view.item_id,
                                lambda record: app.onboarding.skip(record, view.item_id, reason))

        prompt = TextPrompt(app.t("prompt.reason", item=view.title(app.lang)), "",
                            required=app.t("prompt.need_reason"))
        app.push_screen(prompt, skip)

    def action_note(self) -> None:
        view = self._current_item()
        if view is None or self.progress is None:
            return
        app = self.peer_app
        if view.state.note and masked(view.state.note, self.progress.record, app.private) != view.state.note:
            app.notify(app.t("toast.private_note"), severity="warning")  # editing would show the name
            return

        def save(text: str | None) -> None:
            if text is not None and text != (view.state.note or ""):
                app.change_item(self.hire_id, view.item_id,
                                lambda record: app.onboarding.note(record, view.item_id, text))

        prompt = TextPrompt(app.t("prompt.note", item=view.title(app.lang)), view.state.note or "",
                            hint=app.t("prompt.note_hint"))
        app.push_screen(prompt, save)

    def action_due(self) -> None:
        view = self._current_item()
        if view is None:
            return
        app = self.peer_app
        current = view.due or app.onboarding.today()

        def check(text: str) -> str | None:
            try:
                move_date(text, current)
            except ValueError:
                return app.t("prompt.bad_due")
            return None

        def save(text: str | None) -> None:
            if text is not None and (text or view.moved):  # empty on an unmoved item: nothing to do
                app.change_item(self.hire_id, view.item_id,
                                lambda record: app.onboarding.set_due(record, view.item_id, text))

        prompt = TextPrompt(app.t("prompt.due", item=view.title(app.lang)),
                            view.due.isoformat() if view.moved and view.due else "",
                            hint=app.t("prompt.due_hint", planned=view.planned or "–"), check=check)
        app.push_screen(prompt, save)

    def action_back(self) -> None:
        self.app.pop_screen()
