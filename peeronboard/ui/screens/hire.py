"""One hire's checklist: items by phase, their states and due dates, and the focused item's guidance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ...dates import move_date
from ...i18n import owner_word
from ...progress import HireProgress, ItemView
from ...record import HireRecord
from ...timeline import plan_of
from ...wording import action_words, hire_facts, moved_from, outcome, owner_text
from ..format import STATE_MARKS, WHOLE, ColumnSpec, MarkedText, due_text, masked, shown, shown_line
from ..widgets.key_bar import KeyBar
from ..widgets.row_table import RowTable
from .base import PeerScreenMixin
from .dialogs import ConfirmScreen, Field, FieldsPrompt
from .history import log_text, log_time
from .prompt import TextPrompt
from .timeline import Timeline, nearest_mark

PHASE_PREFIX = "phase:"
RETIRED_PREFIX = "retired:"
RowSource = ItemView | str  # what a row shows: an item, or a heading's text
PANEL_LOG = 3  # log entries of the focused item in the side panel
# the state's mark, the title (which takes what is left), the due date, the owner (left out on a narrow
# screen, and where every item has the same one: the guidance panel names it too) and the note's mark
COLUMNS = (ColumnSpec("mark", ""), ColumnSpec("title", "col.title", least=24, grows=True),
           ColumnSpec("due", "col.due", least=WHOLE),
           ColumnSpec("owner", "panel.owner", most=22, leave_out=1), ColumnSpec("note", ""))


@dataclass(frozen=True)
class TableLayout:
    """What every row depends on besides its own item."""

    lang: str
    today: dt.date
    error_color: str
    own_mark: str = ""
    owners: bool = True  # the owner column is shown


class HireScreen(PeerScreenMixin, Screen[None]):
    """Work through one hire's checklist with the keyboard."""

    BINDINGS = [
        Binding("space", "toggle", "key.toggle", key_display="space"),
        Binding("x", "skip", "key.skip"),
        Binding("o", "note", "key.note"),
        Binding("d", "due", "key.due"),
        Binding("p", "assign", "key.assign"),
        Binding("plus", "add_item", "key.add_item", key_display="+"),
        Binding("minus", "remove_item", "key.remove_item", key_display="-", show=False),
        Binding("l", "history", "key.history", show=False),
        Binding("s", "sort", "key.sort", show=False),
        Binding("t", "timeline", "key.timeline"),
        Binding("c", "edit", "key.edit", show=False),
        Binding("f", "finish", "key.finish", show=False),
        Binding("f", "reopen", "key.reopen", show=False),  # instead of finish, on a finished hire
        Binding("e", "app.export", "key.export"),
        Binding("delete", "erase", "key.erase", key_display="Del", show=False),
        Binding("escape", "back", "key.back"),
    ]  # the keys left out of the footer for room are listed by ? (help)

    _finished = False  # the hire was finished when last drawn

    def __init__(self, hire_id: str, focus_item: str | None = None) -> None:
        super().__init__()
        self.begin(hire_id, focus_item)

    def begin(self, hire_id: str, focus_item: str | None = None) -> None:
        """Show this hire (the app keeps one hire screen and shows each hire on it: no new widgets)."""
        self.hire_id = hire_id
        self.focus_item = focus_item
        self._drawn = False  # the items were drawn for this hire: the cursor stays where it is
        self._guided: str | None = None  # the item the guidance panel shows, to start a new one at its top
        self.by_due = False  # ``s``: every item by due date instead of the checklist's phases
        if self.is_mounted and self.timeline_shown:
            self.query_one("#items", RowTable).display = True
            self.query_one(Timeline).display = False
        self.timeline_shown = False  # ``t``: the items on a time axis instead of the list

    @property
    def progress(self) -> HireProgress | None:
        return self.peer_app.hires.get(self.hire_id)

    def compose(self) -> ComposeResult:
        yield Static(id="hire-header", classes="title")
        with Horizontal(id="hire-body"):
            yield RowTable(lambda row: row[0], id="items")
            yield Timeline(id="timeline")
            with VerticalScroll(id="guidance-box"):
                yield Static(id="guidance")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_data()  # at once, so keys pressed straight away find the items

    def on_screen_resume(self) -> None:
        self.refresh_data()
        self.query_one("#items", RowTable).focus()

    # --- drawing ---------------------------------------------------------------------------

    def refresh_data(self) -> None:
        progress = self.progress
        if progress is None:  # erased or unreadable meanwhile
            if self.app.screen is self:  # (not again, when it was taken off already)
                self.app.pop_screen()
            return
        self._show_header(progress)
        self._draw_items(progress)
        if (progress.record.finished is not None) != self._finished:  # f: finish, or reopen
            self._finished = not self._finished
            self.refresh_bindings()
        if self.timeline_shown:
            self._draw_timeline(progress)
        self._show_guidance()

    def _show_header(self, progress: HireProgress) -> None:
        app = self.peer_app
        lang = app.lang
        record, checklist = progress.record, progress.checklist
        summary = progress.summary()
        header = Text(app.name_of(record), style="bold")
        if app.private:
            header.append(f" · {app.t('private.shown')}", style="italic")
        header.append("\n" + " · ".join(hire_facts(record, lang, escape=shown)))
        title = shown(checklist.title.in_lang(lang) if checklist else record.checklist)
        header.append(f"\n{app.t('hire.checklist')}: {title}")
        if self.by_due:
            header.append(" · " + app.t("sort.by", by=app.t("sort.due")), style="italic")
        header.append("\n" + app.t("progress.line", **summary))
        if summary["overdue"]:
            header.append(f" · {summary['overdue']} {app.t('overdue')}", style=f"bold {app.error_color}")
        self.query_one("#hire-header", Static).update(header)

    def _draw_items(self, progress: HireProgress) -> None:
        """The items by phase. Only the rows on screen are ever rendered, so a long checklist stays
        quick."""
        table = self.query_one("#items", RowTable)
        layout = self._layout(progress)
        rows = self._row_sources(progress)
        app = self.peer_app
        columns = [column._replace(label=app.t(column.label) if column.label else "") for column in COLUMNS
                   if layout.owners or column.key != "owner"]
        selected = table.selected_key if self._drawn else self._first_focus(rows)
        table.show(columns, list(rows.items()), lambda row: self._cells(row[1], layout), keep=selected)
        self._drawn = True

    def _row_sources(self, progress: HireProgress) -> dict[str, RowSource]:
        """What each row shows, by row key in order: an item's view, or a heading's text."""
        app = self.peer_app
        by_phase: dict[str | None, list[ItemView]] = {}
        for view in progress.items:
            by_phase.setdefault(view.phase, []).append(view)
        rows: dict[str, RowSource] = {}
        if self.by_due:
            undated = dt.date.max
            ordered = sorted(progress.items, key=lambda view: view.due or undated)  # stable: checklist order
            rows.update((view.item_id, view) for view in ordered)
        for phase in progress.checklist.phases if progress.checklist and not self.by_due else ():
            views = by_phase.get(phase.id, [])
            done = sum(1 for v in views if v.state.status != "open")
            rows[PHASE_PREFIX + phase.id] = f"{phase.title.in_lang(app.lang)}  {done}/{len(views)}"
            rows.update((view.item_id, view) for view in views)
        if progress.retired:
            rows[PHASE_PREFIX + "retired"] = app.t("retired.heading")
            rows.update((RETIRED_PREFIX + view.item_id, view) for view in progress.retired)
        return rows

    def _cells(self, source: RowSource, layout: TableLayout) -> tuple[Text | str, ...]:
        if isinstance(source, str):  # a heading, across the row
            return ("", shown_line(source, "bold underline"))
        view = source
        status = view.state.status
        mark_style = {"done": "bold", "skipped": "dim", "open": ""}[status]
        title = shown_line(view.title(layout.lang), "dim strike" if status == "skipped" else "")
        if view.own:  # the mark stays when the title is cut
            title = MarkedText.of(title, Text(f" {layout.own_mark}", style="italic"))
        assert self.progress is not None
        mark = Text(STATE_MARKS[status], style=mark_style)
        due, note = due_text(view, layout.today, layout.error_color), Text("✎" if view.state.note else "")
        if not layout.owners:
            return mark, title, due, note
        return mark, title, due, shown_line(owner_text(view, self.progress.record, layout.lang)), note

    def _layout(self, progress: HireProgress) -> TableLayout:
        app = self.peer_app
        views = (*progress.items, *progress.retired)
        owners = {owner_text(view, progress.record, app.lang) for view in views}
        return TableLayout(app.lang, progress.today, app.error_color, app.t("mark.own"), len(owners) > 1)

    def _show_guidance(self) -> None:
        app = self.peer_app
        view = self.selected_view()
        panel = self.query_one("#guidance", Static)
        if view is None:
            panel.update("")
            return
        state = view.state
        text = shown_line(view.title(app.lang), "bold")
        text.append(f"\n{outcome(state, app.lang, escape=shown)}")
        if state.reason and self.progress:
            text.append(f"\n{app.t('panel.reason')}: ", style="bold")
            text.append(shown(masked(state.reason, self.progress.record, app.private)))
        if state.note and self.progress:  # what the leader wrote comes before a long guidance
            text.append(f"\n{app.t('note')}: ", style="bold")
            text.append(shown(masked(state.note, self.progress.record, app.private), multiline=True))
        if view.item is None:
            text.append("\n\n" + app.t("panel.retired"), style="italic")
        else:
            self._describe_item(text, view)
        if self.progress:
            self._describe_history(text, view, self.progress.record)
        panel.update(text)
        if view.item_id != self._guided:  # a newly focused item: its title and state first
            self._guided = view.item_id
            self.query_one("#guidance-box", VerticalScroll).scroll_home(animate=False)

    def _describe_history(self, text: Text, view: ItemView, record: HireRecord) -> None:
        """The focused item's last few log entries: when, who, what."""
        entries = [entry for entry in record.log if entry.item == view.item_id][-PANEL_LOG:]
        if not entries:
            return
        text.append(f"\n\n{self.peer_app.t('panel.history')}", style="bold")
        for entry in reversed(entries):
            said = log_text(entry, record, self.peer_app.private, self.peer_app.lang)
            said_action = shown(action_words(entry.action, self.peer_app.lang))
            text.append(f"\n{log_time(entry)} · {shown(entry.by)} · {said_action}"
                        + (f": {said}" if said else ""))

    def _describe_item(self, text: Text, view: ItemView) -> None:
        """Add the item's due date, owner, guidance and source to the guidance panel's ``text``."""
        app, item = self.peer_app, view.item
        assert item is not None
        lang = app.lang
        details = []
        if view.due:
            moved = "" if view.own else moved_from(view, lang)  # an own item has no checklist date
            details.append(f"{app.t('panel.due')}: {view.due}{moved}")
        assert self.progress is not None
        who = owner_text(view, self.progress.record, lang)
        if who:
            details.append(f"{app.t('panel.owner')}: {shown(who)}")
        if item.optional:
            details.append(app.t("panel.optional"))
        if view.own:
            details.append(app.t("panel.own"))
        if details:
            text.append("\n" + " · ".join(details))
        guidance = item.guidance.in_lang(lang) if item.guidance else app.t("panel.no_guidance")
        text.append("\n\n" + shown(guidance, multiline=True))
        source = " · ".join(shown(part) for part in (
            item.ref, item.source.in_lang(lang) if item.source else None) if part)
        if source:
            text.append(f"\n\n{app.t('panel.ref')}: {source}", style="italic")

    # --- selection -------------------------------------------------------------------------

    def selected_key(self) -> str | None:
        return self.query_one("#items", RowTable).selected_key

    def selected_view(self) -> ItemView | None:
        progress = self.progress
        key = self.query_one(Timeline).current if self.timeline_shown else self.selected_key()
        if progress is None or key is None or key.startswith(PHASE_PREFIX):
            return None
        if key.startswith(RETIRED_PREFIX):
            item_id = key[len(RETIRED_PREFIX):]
            return next((v for v in progress.retired if v.item_id == item_id), None)
        return next((v for v in progress.items if v.item_id == key), None)

    def _current_item(self) -> ItemView | None:
        """The focused item, if it is one that can be changed; on a heading or a retired item a calm
        toast says why the key does nothing."""
        view = self.selected_view()
        key = None if self.timeline_shown else self.selected_key()
        if view is None and key is not None and key.startswith(PHASE_PREFIX):
            self.peer_app.notify(self.peer_app.t("why.heading"))
        elif view is not None and view.retired:
            self.peer_app.notify(self.peer_app.t("why.retired"))
        else:
            return view
        return None

    def _first_focus(self, rows: dict[str, RowSource]) -> str | None:
        """Where the cursor starts: the item asked for, else the first item."""
        if self.focus_item in rows:
            return self.focus_item
        return next((key for key, source in rows.items() if not isinstance(source, str)), None)

    def on_row_table_highlighted(self, event: RowTable.Highlighted) -> None:
        self._show_guidance()

    async def on_row_table_selected(self, event: RowTable.Selected) -> None:
        event.stop()
        await self.action_toggle()

    # --- actions ---------------------------------------------------------------------------

    async def action_toggle(self) -> None:
        view = self._current_item()
        if view is None:
            return
        # what the leader meant is what the screen showed: an open item gets ticked, even if it
        # was ticked elsewhere meanwhile (then it stays done), and a finished one is opened again
        onboarding = self.peer_app.onboarding
        change = onboarding.check if view.state.status == "open" else onboarding.uncheck
        await self.peer_app.change_item(self.hire_id, view.item_id,
                                        lambda record: change(record, view.item_id))

    async def action_skip(self) -> None:
        view = self._current_item()
        if view is None:
            return
        app = self.peer_app
        if view.state.status == "skipped":
            await app.change_item(self.hire_id, view.item_id,
                            lambda record: app.onboarding.uncheck(record, view.item_id))
            return

        async def skip(reason: str | None) -> None:
            if reason:
                await app.change_item(self.hire_id, view.item_id,
                                lambda record: app.onboarding.skip(record, view.item_id, reason))

        note = view.state.note
        # the reason does not replace the note; the keys' hint stays
        hint = app.t("prompt.skip_note", note=note) + " · " + app.t("prompt.hint") if note else None
        prompt = TextPrompt(app.t("prompt.reason", item=view.title(app.lang)), "",
                            required=app.t("prompt.need_reason"), hint=hint)
        app.push_screen(prompt, skip)

    def action_note(self) -> None:
        view = self._current_item()
        if view is None or self.progress is None:
            return
        app = self.peer_app
        if view.state.note and masked(view.state.note, self.progress.record, app.private) != view.state.note:
            app.notify(app.t("toast.private_note"), severity="warning")  # editing would show the name
            return

        async def save(text: str | None) -> None:
            if text is not None and text != (view.state.note or ""):
                await app.change_item(self.hire_id, view.item_id,
                                lambda record: app.onboarding.note(record, view.item_id, text))

        prompt = TextPrompt(app.t("prompt.note", item=view.title(app.lang)), view.state.note or "",
                            hint=app.t("prompt.note_hint"))
        app.push_screen(prompt, save)

    def action_due(self) -> None:
        """A new due date (a date, a move, or empty for the checklist's) and why, for the history."""
        view = self._current_item()
        if view is None:
            return
        app = self.peer_app
        current = view.due or app.onboarding.today()

        def check(values: dict[str, str]) -> dict[str, str]:
            try:
                move_date(values["when"], current)
            except ValueError:
                return {"when": app.t("prompt.bad_due")}
            return {}

        async def save(values: dict[str, str] | None) -> None:
            if values is not None:
                await app.change_item(self.hire_id, view.item_id, lambda record: app.onboarding.set_due(
                    record, view.item_id, values["when"], values["reason"] or None))

        moved = view.due.isoformat() if view.moved and view.due else ""
        fields = [Field("when", app.t("prompt.when"), moved),
                  Field("reason", app.t("prompt.due_reason"))]
        app.push_screen(FieldsPrompt(app.t("prompt.due", item=view.title(app.lang)), fields, check=check,
                                     hint=app.t("prompt.due_hint", planned=view.planned or "–")), save)

    def action_assign(self) -> None:
        """Name the person who does the focused item; empty: the person its owner role gives."""
        view = self._current_item()
        if view is None or self.progress is None:
            return
        app = self.peer_app
        owner = view.item.owner if view.item else None
        role_person = self.progress.record.person_for(owner)
        role = owner_word(owner, app.lang)
        hint = (app.t("prompt.assign_hint", person=shown(role_person)) if role_person
                else app.t("prompt.assign_role_hint", role=shown(role)) if role
                else app.t("prompt.assign_nobody_hint"))

        async def save(person: str | None) -> None:
            if person is not None:
                await app.change_item(self.hire_id, view.item_id,
                                lambda record: app.onboarding.assign(record, view.item_id, person))

        prompt = TextPrompt(app.t("prompt.assign", item=view.title(app.lang)), view.state.assignee or "",
                            hint=hint)
        app.push_screen(prompt, save)

    def action_add_item(self) -> None:
        """A one-off item that only this hire needs: a title, and a due date if it has one."""
        progress = self.progress
        if progress is None:
            return
        app = self.peer_app
        start = progress.record.start_date

        def check(values: dict[str, str]) -> dict[str, str]:
            errors = {} if values["title"] else {"title": app.t("prompt.need_title")}
            try:
                move_date(values["when"], start)
            except ValueError:
                errors["when"] = app.t("prompt.bad_when")
            return errors

        async def save(values: dict[str, str] | None) -> None:
            if values is None:
                return
            added: list[str] = []

            def add() -> HireRecord:
                record, item_id = app.onboarding.add_item(self.hire_id, values["title"],
                                                          when=values["when"] or None)
                added.append(item_id)
                return record

            said = app.t("toast.item_added", item=values["title"])
            if await app.save_hire(self.hire_id, add, lambda _: said):
                self.move_to(added[0])

        fields = [Field("title", app.t("prompt.item_title")), Field("when", app.t("prompt.item_when"))]
        app.push_screen(FieldsPrompt(app.t("prompt.add_item", name=app.name_of(progress.record)), fields,
                                     check=check), save)

    def action_remove_item(self) -> None:
        """Remove the focused item if it is one of the hire's own, after asking."""
        view = self._current_item()
        if view is None or self.progress is None:
            return
        app = self.peer_app
        if not view.own:
            app.notify(app.t("toast.not_own"), severity="warning")
            return
        title = view.title(app.lang)

        async def remove(yes: bool | None) -> None:
            if yes:
                app.forget_undo(self.hire_id, view.item_id)
                await app.save_hire(self.hire_id,
                                    lambda: app.onboarding.remove_item(self.hire_id, view.item_id),
                                    lambda _: app.t("item.removed", item=title))

        question = app.t("confirm.remove_item", item=title, name=app.name_of(self.progress.record))
        app.push_screen(ConfirmScreen(question, app.t("confirm.remove_yes")), remove)

    def move_to(self, item_id: str) -> None:
        self.query_one("#items", RowTable).move_to(item_id)
        if self.timeline_shown:
            self.query_one(Timeline).select(item_id)

    # --- the timeline ----------------------------------------------------------------------

    def _draw_timeline(self, progress: HireProgress) -> None:
        phases = progress.checklist.phases if progress.checklist else ()
        titles = {phase.id: phase.title.in_lang(self.peer_app.lang) for phase in phases}
        plan = plan_of(progress.items, progress.record.start_date, progress.today)
        self.query_one(Timeline).show(plan, titles, self.peer_app.lang)

    def action_timeline(self) -> None:
        """Show the items on a time axis instead of the list, or the list again, on the same item."""
        progress = self.progress
        if progress is None:
            return
        table, timeline = self.query_one("#items", RowTable), self.query_one(Timeline)
        if self.timeline_shown:
            item_id = timeline.current
            self.timeline_shown, table.display = False, True
            if item_id is not None:
                self.move_to(item_id)
            table.focus()
        else:
            wanted = self.selected_key()
            self.timeline_shown, table.display = True, False
            self._draw_timeline(progress)
            assert timeline.plan is not None
            start = nearest_mark(timeline.plan, wanted)
            if start is not None:
                timeline.select(start, announce=False)
            timeline.focus()
        timeline.display = self.timeline_shown
        self._show_guidance()

    def on_timeline_moved(self, event: Timeline.Moved) -> None:
        event.stop()
        self._show_guidance()

    def action_history(self) -> None:
        from .history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.hire_id))

    def action_sort(self) -> None:
        self.by_due = not self.by_due
        self.refresh_data()

    def action_edit(self) -> None:
        self.peer_app.edit_hire(self.hire_id)

    async def action_finish(self) -> None:
        await self.peer_app.finish_or_reopen(self.hire_id)

    action_reopen = action_finish  # the same key: the app knows which the hire needs

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``f`` finishes an open hire and reopens a finished one, and is named for what it does."""
        if action in ("finish", "reopen"):
            finished = self.progress is not None and self.progress.record.finished is not None
            return finished == (action == "reopen")
        return True

    def action_erase(self) -> None:
        self.peer_app.erase_hire(self.hire_id)

    def action_back(self) -> None:
        self.app.pop_screen()
