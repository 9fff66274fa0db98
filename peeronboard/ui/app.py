"""The peeronboard terminal app: holds the hires in memory and turns every change into a core call."""

from __future__ import annotations

import contextlib
import gc
import os
import shutil
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen
from textual.timer import Timer
from textual.worker import WorkerFailed

from ..dates import now
from ..errors import DEBUG_ENV, NoChange, PeerError
from ..i18n import say
from ..index import Stamp, collector_paused
from ..listing import SINGLE_READS, known_rows, read_stale, rows_of, save_rows
from ..onboarding import Onboarding
from ..problems import FormatError, Problem
from ..progress import HireProgress, carry_views
from ..record import HireRecord, ItemState
from ..rows import HireRow, RowsFile, checklist_stamp, row_for, still_true
from ..safetext import visible
from .format import literal_markup, masked, shown, shown_name
from .localize import localize_bindings
from .writer import Writer

LOCK_WAIT = 0.5  # seconds a change waits for another writer before the app says to try again
FIRST_READS = 5  # records read before the first frame when their row is out of date
HIRE_SCREEN = "hire"  # the name of the hire screen the app keeps
ROWS_WRITE_DELAY = 1.0  # seconds after a change before the rows file is written again
ROW_CHANGES_KEPT = 50  # single-row changes remembered, so the dashboard re-sorts only those
QUIET_BEFORE_FULL_LOAD = 0.4  # seconds without a key or click before every record is read in full
THREAD_STACK = 8 << 20  # bytes of stack for each thread the app starts (see make_app)


@dataclass(frozen=True)
class UndoStep:
    hire_id: str
    item_id: str
    before: ItemState
    after: ItemState


class PeerOnboardApp(App[None]):
    """A leader's hires and their checklists, keyboard first."""

    CSS_PATH = Path(__file__).with_name("peeronboard.tcss")
    COMMANDS = App.COMMANDS | {lambda: private_hire_commands()}
    TITLE = "peeronboard"
    ALLOW_IN_MAXIMIZED_VIEW = "KeyBar"  # a maximized table keeps the key bar, which says Escape restores it
    BINDINGS = [
        Binding("q", "quit", "key.quit"),
        Binding("question_mark", "help", "key.help", key_display="?"),
        Binding("a", "agenda", "key.agenda"),
        Binding("u", "undo", "key.undo"),
    ]

    def __init__(self, onboarding: Onboarding, lang: str = "en", *, private: bool = False,
                 poll_seconds: float = 3.0, banner: str | None = None) -> None:
        super().__init__()
        self.onboarding = onboarding
        onboarding.store.lock_wait = LOCK_WAIT  # a change waits this long for another writer at most
        self.writer = Writer()  # every change is saved on its thread: the screen never waits for the disk
        self.lang = lang
        self.private = private
        self.poll_seconds = poll_seconds
        self.banner = banner
        self.hires: dict[str, HireProgress] = {}  # every hire in full, once ``loaded``
        self.rows: dict[str, HireRow] = {}  # the dashboard's rows: every hire's once ``rows_ready``
        self.rows_version = 0  # counts the changes to ``rows``, so a screen can keep its order of them
        self._row_changes: list[tuple[int, str]] = []  # (version, hire id) of the last few changes
        self.broken: dict[str, Problem] = {}
        self.loaded = False
        self.rows_ready = False
        self._rows_timer: Timer | None = None
        self._freezing = False  # keep what the start and the full load made out of the collector's way
        self._seen: dict[str, Stamp] = {}
        self._undo: list[UndoStep] = []
        self._crash_report: str | None = None
        self._last_input = 0.0  # when the leader last pressed a key or clicked (monotonic)
        self.show_finished = False  # the dashboard shows finished hires too
        localize_bindings(self, lang)

    # --- words -----------------------------------------------------------------------------

    def t(self, key: str, **params: object) -> str:
        return say(key, self.lang, **params)

    def name_of(self, record: HireRecord | HireRow) -> str:
        return shown_name(record, self.private)

    @property
    def error_color(self) -> str:
        return self.current_theme.error or "red"

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """A toast. Its text may quote a file, so it is never read as markup (``markup`` is ignored)
        and no control character in it reaches the terminal."""
        super().notify(shown(message, multiline=True), title=shown(title), severity=severity,
                       timeout=timeout, markup=False)

    # --- when something goes wrong ---------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """An unhandled error ends the app, as in Textual, but what it prints names the error's type
        only: Textual's traceback shows local variables (other hires, their notes), and the message
        itself may quote a record. ``PEERONBOARD_DEBUG=1`` prints a traceback without locals."""
        self._return_code = 1
        if self._exception is None:  # run_test hands it on to the tests
            self._exception = error
            self._exception_event.set()
        if self._crash_report is None:
            self._crash_report = crash_report(error, debug=bool(os.environ.get(DEBUG_ENV)))
        self._close_messages_no_wait()

    def _print_error_renderables(self) -> None:
        if self._crash_report is not None:  # plain text: Rich would wrap or crop the line
            sys.stderr.write(self._crash_report)
            sys.stderr.flush()
            self._crash_report = None
        super()._print_error_renderables()

    # --- start-up and outside changes ------------------------------------------------------

    def get_driver_class(self) -> type[Driver]:
        from .driver import prompt_driver

        return prompt_driver(super().get_driver_class())

    def get_default_screen(self) -> Screen[None]:
        from .screens.dashboard import DashboardScreen

        self._first_rows()
        return DashboardScreen()

    def _first_rows(self) -> None:
        """Before the first frame: the first rows of the dashboard from the rows file, each checked
        against its record file (one that changed is read again; a missing one is left out)."""
        store, library = self.onboarding.store, self.onboarding.library
        wanted = shutil.get_terminal_size((80, 40)).lines  # a screenful: more would only cost time
        checklists, rows = RowsFile(store.rows_path).read(head=True, limit=wanted)
        current: dict[str, object] = {}
        shown_rows: dict[str, HireRow] = {}
        reads_left = FIRST_READS
        for row in rows:
            if row.finished is not None:
                continue
            if row.checklist not in current:
                current[row.checklist] = checklist_stamp(library, row.checklist)
            stamp = store.stamp_of(row.id)
            if still_true(row, stamp, checklists, current):
                shown_rows[row.id] = row
            elif stamp is not None and reads_left > 0:
                reads_left -= 1
                with contextlib.suppress(FormatError, ValueError):
                    progress = self.onboarding.progress(store.load(row.id))
                    shown_rows[row.id] = row_for(progress, stamp)
        self.rows = shown_rows
        self._rows_replaced()

    def on_ready(self) -> None:
        """The first screen is drawn: now read the records, so reading never delays it. What was made
        to start is kept for good (frozen: the collector never looks at it again) when the command
        line started the app with the collector off; an app made by a test leaves it alone."""
        self._freezing = not gc.isenabled()
        if self._freezing:
            gc.freeze()
            gc.enable()
        self.load_hires()

    def on_mount(self) -> None:
        if self.poll_seconds:
            self.set_interval(self.poll_seconds, self._poll_in_background)

    @work(thread=True, exclusive=True, group="load")
    def load_hires(self) -> None:
        """Off the UI thread: first every hire's row (from the rows file where its record is unchanged),
        then every hire in full, for the agenda, the report and the exports."""
        onboarding = self.onboarding
        known = known_rows(onboarding, keep=self._freezing)
        if len(known.stale) <= SINGLE_READS:
            rows, problems = read_stale(onboarding, known)
            broken = {p.path.stem: p for p in problems if p.path is not None}
            self.call_from_thread(self._rows_loaded, rows, broken, known.seen)
            self._wait_for_a_pause()
        with collector_paused():  # the bulk load makes many objects that all live on
            hires, problems = onboarding.all_progress()
        if self._freezing:
            gc.freeze()
        fresh = rows_of(hires, known)
        after = onboarding.store.snapshot()  # what changed meanwhile, looked for here: not on the UI thread
        # imported here, before the hire screen is made on the UI thread (``_loaded``), not there
        from .screens import hire  # noqa: F401
        self.call_from_thread(self._loaded, hires, problems, known.seen, fresh, after)
        save_rows(onboarding, fresh.values(), known)

    def _wait_for_a_pause(self) -> None:
        """Off the UI thread, once every row is on the dashboard: wait while the leader is typing or
        scrolling, since reading every record in full takes the interpreter from the screen."""
        while (left := self._last_input + QUIET_BEFORE_FULL_LOAD - time.monotonic()) > 0:
            time.sleep(left)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)) and not event.is_forwarded:
            self._last_input = time.monotonic()
        await super().on_event(event)

    def _rows_loaded(self, rows: dict[str, HireRow], broken: dict[str, Problem],
                     seen: dict[str, Stamp]) -> None:
        """Every hire's row is known: the dashboard can scroll and filter them all."""
        if self.loaded:
            return
        self.rows, self.broken, self._seen = rows, broken, seen
        self._rows_replaced()
        self.rows_ready = True
        self.refresh_screen()

    def _loaded(self, hires: list[HireProgress], problems: list[Problem],
                seen: dict[str, Stamp], rows: dict[str, HireRow], after: dict[str, Stamp]) -> None:
        self.hires = {h.record.id: h for h in hires}
        self.rows = rows
        self._rows_replaced()
        self.broken = {p.path.stem: p for p in problems if p.path is not None}
        self._seen = seen
        self.loaded = self.rows_ready = True
        self.refresh_screen()
        for problem in self.onboarding.library.problems:
            self.notify(shown(str(problem)), title=self.t("toast.checklist_problem"), severity="warning",
                        timeout=15)
        self._take_in(after)  # what changed while the records were read
        self.call_after_refresh(self._prepare_hire_screen)

    def _prepare_hire_screen(self) -> None:
        """Make the hire screen now, while the leader looks at the dashboard, so that the first Enter
        only fills it in, as every later one does (composing and styling it took the first Enter about
        30 ms more: at ten thousand hires past a tenth of a second)."""
        from .screens.hire import HireScreen

        if self.hires and not self.is_screen_installed(HIRE_SCREEN):
            self.install_screen(HireScreen(next(iter(self.hires))), HIRE_SCREEN)
            self._get_screen(HIRE_SCREEN)  # Textual's own first step in showing a screen: mount it

    def on_app_focus(self) -> None:
        self._poll_in_background()

    @work(thread=True, exclusive=True, group="poll")
    def _poll_in_background(self) -> None:
        """Every few seconds: look for outside changes off the UI thread (at ten thousand hires a
        look at every file takes a tenth of a second), then take them in on it."""
        if self.loaded:
            now = self.onboarding.store.snapshot()
            self.call_from_thread(self._take_in, now)

    def poll_disk(self) -> None:
        """Re-read only the records whose file changed since we last looked (CLI, another window)."""
        if self.loaded:
            self._take_in(self.onboarding.store.snapshot())

    def _take_in(self, now: dict[str, Stamp]) -> None:
        changed = [hire_id for hire_id, stamp in now.items() if self._seen.get(hire_id) != stamp]
        gone = [hire_id for hire_id in self._seen if hire_id not in now]
        if not changed and not gone:
            return
        for hire_id in gone:
            self._forget(hire_id)
        for hire_id in changed:
            self._reload(hire_id, now[hire_id])
        self._seen = now
        self.refresh_screen()

    def _reload(self, hire_id: str, stamp: Stamp) -> None:
        try:
            record = self.onboarding.store.load_listed(hire_id)  # any file: a copy a sync service made, too
        except FormatError as error:
            self.hires.pop(hire_id, None)
            self.rows.pop(hire_id, None)
            self._row_changed(hire_id)
            self.broken[hire_id] = error.problems[0]
            return
        self.broken.pop(hire_id, None)
        self._keep(self.onboarding.progress(record), stamp)

    def _keep(self, progress: HireProgress, stamp: Stamp | None = None) -> None:
        """A hire as it is now (after a change here or elsewhere), with its dashboard row; the rows
        file is written again a moment later, once for a burst of changes."""
        hire_id = progress.record.id
        stamp = stamp or self.onboarding.store.stamp_of(hire_id)
        carry_views(progress, self.hires.get(hire_id))
        self.hires[hire_id] = progress
        if stamp is not None:
            self._seen[hire_id] = stamp
            self.rows[hire_id] = row_for(progress, stamp)
            self._row_changed(hire_id)
        self._rows_changed()

    def _rows_replaced(self) -> None:
        self.rows_version += 1
        self._row_changes = [(self.rows_version, "")]  # "" : every row may have changed

    def _row_changed(self, hire_id: str) -> None:
        self.rows_version += 1
        self._row_changes = [*self._row_changes[-ROW_CHANGES_KEPT:], (self.rows_version, hire_id)]

    def rows_changed_since(self, version: int) -> set[str] | None:
        """The hires whose row changed since ``rows_version`` was ``version``, or None when that is
        not known (every row was replaced, or too long ago): a screen then orders them all again."""
        if not self._row_changes or self._row_changes[0][0] > version + 1:
            return None
        changed = {hire_id for at, hire_id in self._row_changes if at > version}
        return None if "" in changed else changed

    def _forget(self, hire_id: str) -> None:
        self.hires.pop(hire_id, None)
        self.rows.pop(hire_id, None)
        self._row_changed(hire_id)
        self.broken.pop(hire_id, None)
        self._seen.pop(hire_id, None)
        self._rows_changed()

    def _rows_changed(self) -> None:
        if self.loaded and self._rows_timer is None:
            self._rows_timer = self.set_timer(ROWS_WRITE_DELAY, self._write_rows)

    @work(thread=True, exclusive=True, group="rows")
    def _write_rows(self) -> None:
        self._rows_timer = None
        save_rows(self.onboarding, list(self.rows.values()))

    def _with_log(self, hire_id: str) -> HireProgress | None:
        """The hire in full with its log, which the side panel and ``l`` show (listings read records
        without it; every record's log has at least its creation)."""
        progress = self.progress_of(hire_id)
        if progress is not None and not progress.record.log:
            with contextlib.suppress(FormatError, ValueError):
                progress = self.onboarding.progress(self.onboarding.store.load(hire_id))
                self.hires[hire_id] = progress
        return progress

    def progress_of(self, hire_id: str) -> HireProgress | None:
        """The hire in full; before the full load is done, read from its record now."""
        progress = self.hires.get(hire_id)
        if progress is None and not self.loaded and hire_id in self.rows:
            with contextlib.suppress(FormatError, ValueError):
                progress = self.onboarding.progress(self.onboarding.store.load(hire_id))
                self.hires[hire_id] = progress
        return progress

    def refresh_screen(self) -> None:
        refresh = getattr(self.screen, "refresh_data", None)
        if refresh is not None:
            refresh()

    # --- changes ---------------------------------------------------------------------------

    async def change_item(self, hire_id: str, item_id: str,
                          change: Callable[[HireRecord], HireRecord], *, undoable: bool = True) -> bool:
        """Run one change through the core, on the writing thread; on failure the leader sees why and
        nothing looks changed."""
        if self.progress_of(hire_id) is None:
            return False

        def write() -> tuple[ItemState, HireRecord]:
            fresh = self.onboarding.store.load(hire_id)  # for undo: the state as it is on disk now
            return fresh.state(item_id), change(fresh)

        try:
            before, record = await self.writer.run(write)
        except NoChange as same:
            self.notify(same.message(self.lang))  # calm: what the leader wanted is already so
            return False
        except (PeerError, FormatError) as error:
            self.report_failure(error)
            return False
        self._keep(self.onboarding.progress(record))
        if undoable:
            self._undo.append(UndoStep(hire_id, item_id, before, record.state(item_id)))
        self.refresh_screen()
        return True

    async def save_hire(self, hire_id: str, change: Callable[[], HireRecord],
                        said: Callable[[HireRecord], str]) -> HireRecord | None:
        """Run one change of the hire itself (its details, its end, an item of its own) through the
        core, on the writing thread; the toast says ``said(record)``, or why nothing was saved."""
        try:
            record = await self.writer.run(change)
        except NoChange as same:
            self.notify(same.message(self.lang))
            return None
        except (PeerError, FormatError) as error:
            self.report_failure(error)
            return None
        self._keep(self.onboarding.progress(record))
        self.notify(said(record))
        self.refresh_screen()
        return record

    def report_failure(self, error: PeerError | FormatError) -> None:
        """A change that did not happen: say why, in the app's language."""
        reason = (error.message(self.lang) if isinstance(error, PeerError)
                  else error.problems[0].said(self.lang))
        self.notify(self.t("toast.save_failed", reason=shown(reason)), severity="error")

    def add_hire(self, record: HireRecord) -> None:
        self._keep(self.onboarding.progress(record))
        self.notify(self.t("toast.added", name=self.name_of(record)))
        self.refresh_screen()

    def forget_undo(self, hire_id: str, item_id: str | None = None) -> None:
        """Drop the undo steps of a hire (or one of its items) that is going away."""
        self._undo = [step for step in self._undo
                      if step.hire_id != hire_id or (item_id is not None and step.item_id != item_id)]

    async def action_undo(self) -> None:
        if not self._undo:
            self.notify(self.t("toast.nothing_to_undo"), severity="warning")
            return
        step = self._undo.pop()
        progress = self.hires.get(step.hire_id)
        if progress is None:
            return
        title = self._item_title(progress, step.item_id)

        def restore(record: HireRecord) -> HireRecord:
            try:
                return self.onboarding.restore(record, step.item_id, step.before, expected=step.after)
            except PeerError as error:  # the core names the item by its id; the screen by its title
                if error.key == "err.changed_elsewhere":
                    raise PeerError(error.key, item=title) from error
                raise

        if await self.change_item(step.hire_id, step.item_id, restore, undoable=False):
            self.notify(self._undone(step, title))

    def _item_title(self, progress: HireProgress, item_id: str) -> str:
        views = (*progress.items, *progress.retired)
        view = next((v for v in views if v.item_id == item_id), None)
        return view.title(self.lang) if view else item_id

    def _undone(self, step: UndoStep, title: str) -> str:
        """"Undone on Maja Sørensen: due date of “…” back to 2026-09-24": the hire, and what came back."""
        progress = self.hires[step.hire_id]
        record = progress.record
        view = next((v for v in progress.items if v.item_id == step.item_id), None)
        said = {"name": self.name_of(record), "item": shown(title)}
        before, after = step.before, step.after
        if before.status != after.status or view is None:
            return self.t("undo.status", status=self.t(f"status.{before.status}"), **said)
        if before.due != after.due:
            return self.t("undo.due", date=view.due or "–", **said)
        if before.note != after.note:
            return self.t("undo.note", **said)
        if before.assignee != after.assignee:
            person = view.person(record)
            who = shown(masked(person, record, self.private)) if person else "–"
            return self.t("undo.person", person=who, **said)
        return self.t("toast.undone", item=shown(title))

    # --- navigation ------------------------------------------------------------------------

    def open_hire(self, hire_id: str, item_id: str | None = None) -> None:
        """The hire's checklist, on the one hire screen the app keeps (it is made once: Enter on the
        next hire only fills it in), or on a new one when that is open further down already."""
        from .screens.hire import HireScreen

        if self._with_log(hire_id) is None:
            return
        if not self.is_screen_installed(HIRE_SCREEN):
            self.install_screen(HireScreen(hire_id, item_id), HIRE_SCREEN)
            self.push_screen(HIRE_SCREEN)
            return
        screen = self.get_screen(HIRE_SCREEN)
        if screen in self.screen_stack:
            self.push_screen(HireScreen(hire_id, item_id))
            return
        assert isinstance(screen, HireScreen)
        screen.begin(hire_id, item_id)
        self.push_screen(screen)

    @property
    def base_screen(self) -> Screen[object]:
        """The screen under any dialog (help, a prompt): the one whose keys the key bar shows."""
        return next((screen for screen in reversed(self.screen_stack) if not isinstance(screen, ModalScreen)),
                    self.screen)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The agenda's key is neither shown nor offered on the agenda itself, nor under a dialog on it."""
        return not (action == "agenda" and getattr(self.base_screen, "LISTING", None) == "agenda")

    def action_agenda(self) -> None:
        from .screens.agenda import AgendaScreen

        if not isinstance(self.base_screen, AgendaScreen):
            self.push_screen(AgendaScreen())

    def action_report(self) -> None:
        from .screens.report import ReportScreen

        if not isinstance(self.screen, ReportScreen):
            self.push_screen(ReportScreen())

    def search_themes(self) -> None:
        """Textual's theme search (the palette's Theme), its search field in the app's language."""
        from textual.theme import ThemeProvider

        from .localize import CommandPalette

        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=self.t("palette.themes")))

    def action_command_palette(self) -> None:
        """Textual's palette, its search field in the app's language."""
        from .localize import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette", placeholder=self.t("palette.search")))

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_new_hire(self) -> None:
        from .screens.new_hire import NewHireScreen

        self.push_screen(NewHireScreen(), self._create_hire)

    async def _create_hire(self, form: object) -> None:
        from .screens.new_hire import NewHire

        if not isinstance(form, NewHire):
            return
        try:
            record = await self.writer.run(lambda: self.onboarding.add(
                form.name, form.start, form.checklist, form.unit, form.mentor,
                hr_contact=form.hr_contact, centre_contact=form.centre_contact))
        except (PeerError, FormatError) as error:
            self.report_failure(error)
            return
        self.add_hire(record)
        self.open_hire(record.id)

    # --- a hire's whole life -----------------------------------------------------------------

    def edit_hire(self, hire_id: str) -> None:
        """The form filled in with the hire's details; saving changes only what was changed."""
        from .screens.new_hire import NewHire, NewHireScreen

        progress = self.progress_of(hire_id)
        if progress is None:
            return
        record = progress.record

        async def save(form: object) -> None:
            if isinstance(form, NewHire):
                changes = {"name": form.name, "start_date": form.start, "checklist": form.checklist,
                           "unit": form.unit or "", "mentor": form.mentor or "",
                           "hr_contact": form.hr_contact or "", "centre_contact": form.centre_contact or ""}
                await self.save_hire(hire_id, lambda: self.onboarding.edit(hire_id, **changes),
                               lambda saved: self.t("toast.edited", name=self.name_of(saved)))

        self.push_screen(NewHireScreen(record), save)

    async def finish_or_reopen(self, hire_id: str) -> None:
        """Finish the hire's onboarding (asking why), or take a finished hire back."""
        from .screens.prompt import TextPrompt

        progress = self.progress_of(hire_id)
        if progress is None:
            return
        record = progress.record
        if record.finished is not None:
            was = record.finished
            await self.save_hire(hire_id, lambda: self.onboarding.reopen(hire_id),
                           lambda saved: self.t("toast.reopened", name=self.name_of(saved), date=was))
            return

        async def finish(reason: str | None) -> None:
            if reason is not None:
                await self.save_hire(hire_id, lambda: self.onboarding.finish(hire_id, reason or None),
                               lambda saved: self.t("toast.finished", name=self.name_of(saved),
                                                    date=saved.finished))

        self.push_screen(TextPrompt(self.t("prompt.finish", name=self.name_of(record)), "",
                                    hint=self.t("prompt.finish_hint")), finish)

    def erase_hire(self, hire_id: str) -> None:
        """Erase every file of the hire, after a question that names it and defaults to No."""
        from .screens.dialogs import ConfirmScreen

        progress = self.progress_of(hire_id)
        name = self.name_of(progress.record) if progress else self.t("unreadable")

        def erase(yes: bool | None) -> None:
            if yes:
                self._erase(hire_id)

        self.push_screen(ConfirmScreen(self.t("confirm.erase", name=name, id=hire_id),
                                       self.t("confirm.erase_yes")), erase)

    def _erase(self, hire_id: str) -> None:
        """As ``peeronboard erase``: the core removes the files; what it could not is said."""
        store = self.onboarding.store
        try:
            left = store.foreign_files(hire_id)  # before the record they differ from is gone
            removed, failed = self.onboarding.erase(hire_id)
        except (PeerError, FormatError) as error:
            self.report_failure(error)
            return
        self._forget(hire_id)
        self.forget_undo(hire_id)
        if not left and not failed:
            self.notify(self.t("erased", id=hire_id, count=len(removed), folder=store.data_dir))
        else:
            lines = [self.t("erased.count", id=hire_id, count=len(removed))]
            lines += [self.t("erase.left", path=path, id=hire_id) for path in left]
            lines += [self.t("err.erase", path=path, reason=reason) for path, reason in failed]
            self.notify("\n".join(lines), severity="error", timeout=30)
        self.refresh_screen()

    def action_review_erasure(self) -> None:
        from .screens.erasure import ErasureScreen

        if not isinstance(self.screen, ErasureScreen):
            self.push_screen(ErasureScreen())

    def action_show_finished(self) -> None:
        self.show_finished = not self.show_finished
        self.refresh_screen()

    def action_export(self) -> None:
        """Export the hire on screen, or every hire from anywhere else."""
        from .screens.export import ExportScreen
        from .screens.hire import HireScreen

        hire_id = self.screen.hire_id if isinstance(self.screen, HireScreen) else None
        what = hire_id or self.t("export.all")

        def write(request: object) -> None:
            from .screens.export import ExportRequest

            if isinstance(request, ExportRequest):
                self.write_export(request.fmt, request.path, [hire_id] if hire_id else None,
                                  only=request.only, notes=request.notes, download=request.download)

        self.push_screen(ExportScreen(what, self.onboarding.today()), write)

    def write_export(self, fmt: str, path: Path, hire_ids: list[str] | None = None, *,
                     only: str | None = None, notes: bool = True, download: bool = False) -> None:
        """Write a summary through the core (``only``, ``notes``: as the CLI's --only and --no-notes);
        the toast says where it went."""
        from ..exports.formats import NEEDS_LOG, ExportOptions, export_bytes, with_logs, write_export

        chosen = [self.hires[h] for h in hire_ids if h in self.hires] if hire_ids else sorted(
            (h for h in self.hires.values() if not h.finished), key=lambda h: h.start_order)
        options = ExportOptions(lang=self.lang, only=only, notes=notes, today=self.onboarding.today(),
                                generated=now())
        try:
            if fmt in NEEDS_LOG:  # the calendar's SEQUENCE counts each hire's logged changes
                chosen = with_logs(chosen, self.onboarding.store.load)
            data = export_bytes(fmt, chosen, options)
            if download:  # in a browser (peeronboard serve): it downloads the summary as path's name
                from .screens.export import deliver_export

                deliver_export(self, fmt, path.name, data)
                return
            written = write_export(path, data)
        except PeerError as error:
            self.report_failure(error)
            return
        self.notify(self.t("toast.exported", path=shown(str(written))))

    def action_switch_language(self) -> None:
        self.lang = "en" if self.lang == "da" else "da"
        localize_bindings(self, self.lang)
        kept = [self.get_screen(HIRE_SCREEN)] if self.is_screen_installed(HIRE_SCREEN) else []
        for screen in {*self.screen_stack, *kept}:  # the hire screen is kept while the dashboard shows
            localize_bindings(screen, self.lang)
        self.refresh_screen()
        self.screen.refresh_bindings()
        self.notify(self.t("toast.language"))

    def action_toggle_private(self) -> None:
        self.private = not self.private
        self.refresh_screen()
        self.notify(self.t("toast.private_on" if self.private else "toast.private_off"))

    def action_merge_copies(self) -> None:
        """Merge the conflicting copies a sync service left, as ``peeronboard merge`` does."""
        try:
            merged = self.onboarding.merge_conflicts()
        except (PeerError, FormatError) as error:
            self.report_failure(error)
            return
        if not merged:
            self.notify(self.t("merge.none"))
        for copy, record, plan in merged:
            lines = [self.t("merged", copy=shown(copy.name), id=record.id, name=self.name_of(record),
                            entries=len(plan.entries), items=len(plan.states))]
            lines += [self.t("merge.undecided", item=shown(item_id), id=record.id,
                             status=self.t(f"status.{state.status}")).strip()
                      for item_id, state in plan.undecided.items()]
            self.notify("\n".join(lines), timeout=20 if plan.undecided else 6,
                        severity="warning" if plan.undecided else "information")
        self.poll_disk()

    def _hires_by_name(self) -> list[HireRow]:
        return sorted(self.rows.values(), key=lambda row: row.name.casefold())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand(self.t("cmd.new"), self.t("cmd.new_help"), self.action_new_hire)
        yield SystemCommand(self.t("cmd.agenda"), self.t("cmd.agenda_help"), self.action_agenda)
        yield SystemCommand(self.t("cmd.export"), self.t("cmd.export_help"), self.action_export)
        yield SystemCommand(self.t("cmd.report"), self.t("cmd.report_help"), self.action_report)
        yield SystemCommand(self.t("cmd.language"), self.t("cmd.language_help"), self.action_switch_language)
        yield SystemCommand(self.t("cmd.private"), self.t("cmd.private_help"), self.action_toggle_private)
        yield SystemCommand(self.t("cmd.merge"), self.t("cmd.merge_help"), self.action_merge_copies)
        yield SystemCommand(self.t("cmd.review"), self.t("cmd.review_help"), self.action_review_erasure)
        yield SystemCommand(self.t("cmd.show_finished"), self.t("cmd.show_finished_help"),
                            self.action_show_finished)
        for row in () if self.private else self._hires_by_name():  # private: PrivateHireCommands
            name = self.name_of(row)
            hire_id = row.id
            # the palette reads titles and help as markup: a name is only ever text
            yield SystemCommand(literal_markup(self.t("cmd.open", name=name)),
                                literal_markup(self.t("cmd.open_help", name=name)),
                                lambda hire_id=hire_id: self.open_hire(hire_id), discover=False)
        for command in super().get_system_commands(screen):  # Textual's own, in the app's language
            key = TEXTUAL_COMMANDS.get(command.title, "")
            if key:
                yield command._replace(title=self.t(key), help=self.t(f"{key}_help"))
            # the rest (Screenshot) is left out: it would write the screen, names and all, to a file
            # outside the data folder, where erase cannot reach it; exports are the way to share


def private_hire_commands() -> type:
    """The palette's hire search in privacy mode (its module, and Textual's palette, are imported
    when the palette first opens, not at start)."""
    from .private_commands import PrivateHireCommands

    return PrivateHireCommands


def crash_report(error: BaseException, *, debug: bool) -> str:
    """What the terminal is told of an error that ended the app."""
    if isinstance(error, WorkerFailed):  # an error in a background task: name the error itself
        error = error.error
    if debug:
        return visible("".join(traceback.format_exception(error)))
    return f"peeronboard: unexpected error: {type(error).__name__} (set {DEBUG_ENV}=1 for details)\n"


# Textual's own commands the palette offers, by their English title. Left out: Screenshot (see
# get_system_commands) and Keys, whose panel names Textual's keys in English only (? lists every key of
# a screen in the app's language)
TEXTUAL_COMMANDS = {"Theme": "cmd.theme", "Quit": "cmd.quit", "Maximize": "cmd.maximize",
                    "Minimize": "cmd.minimize"}


def make_app(onboarding: Onboarding, lang: str = "en", **options: object) -> PeerOnboardApp:
    """The app on the given core; the command line and the tests build it the same way. The threads
    it starts (its workers, the writer) read records, and the compiled TOML parser goes up to about
    1,000 levels of a hostile file's nesting on the thread's own stack before it refuses it: on Linux
    they get the 8 MiB the main thread has (musl's own 128 KiB would not hold 200 levels)."""
    if sys.platform == "linux":  # (stack_size sets a size, and returns the one before: kept if larger)
        before = threading.stack_size(THREAD_STACK)
        if before > THREAD_STACK:
            threading.stack_size(before)
    return PeerOnboardApp(onboarding, lang, **options)  # type: ignore[arg-type]
