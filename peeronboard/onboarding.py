"""The operations a leader performs, shared by the command line and the terminal app."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from .checklist import Checklist
from .dates import check_start, move_date, now
from .dates import today as system_today
from .errors import PeerError
from .library import DEFAULT_CHECKLIST, ChecklistLibrary
from .problems import FormatError, Problem
from .record import (
    HIRE_ID_PATTERN,
    HireRecord,
    ItemState,
    LogEntry,
    validate_line,
    validate_name,
    validate_note,
)
from .store import HireStore, ItemChange

if TYPE_CHECKING:
    from pathlib import Path

    from .merge import Merge
    from .progress import HireProgress


_Change = tuple[ItemState, str, str | None]  # an item's new state, the log action and the logged text


class Onboarding:
    """A leader's onboarding records: the store, the checklists and who is at the keyboard."""

    def __init__(self, store: HireStore, library: ChecklistLibrary, user: str,
                 today: Callable[[], dt.date] = system_today) -> None:
        self.store = store
        self.library = library
        self.user = user
        self.today = today

    # --- reading ---------------------------------------------------------------------------

    def all_progress(self) -> tuple[list[HireProgress], list[Problem]]:
        """Every readable hire with its progress, sorted by start date, and the unreadable ones."""
        from .progress import HireProgress

        records, problems = self.store.load_all()
        day = self.today()
        hires = [HireProgress.build(r, self.library.get(r.checklist), day) for r in records]
        hires.sort(key=lambda h: h.start_order)
        return hires, problems

    def progress(self, record: HireRecord) -> HireProgress:
        from .progress import HireProgress

        return HireProgress.build(record, self.library.get(record.checklist), self.today())

    def find(self, query: str) -> HireRecord:
        """A hire by its id or by an unambiguous part of its name."""
        query = query.strip()
        if not query:
            raise PeerError("err.no_hire", query=query)
        as_id = query.lower()
        if HIRE_ID_PATTERN.match(as_id) and self.store.path_for(as_id).exists():
            try:
                return self.store.load(as_id)
            except FormatError as error:
                raise PeerError("err.unreadable", problem=error.problems[0]) from None
        records, _ = self.store.load_all()
        needle = query.casefold()
        exact = [r for r in records if r.name.casefold() == needle]
        matches = exact or [r for r in records if needle in r.name.casefold()]
        if not matches:
            raise PeerError("err.no_hire", query=query)
        if len(matches) > 1:
            listing = ", ".join(f"{r.id} ({r.name})" for r in matches)
            raise PeerError("err.ambiguous", query=query, matches=listing)
        return matches[0]

    def find_id(self, query: str) -> str:
        """The id of the hire ``find`` would give, without reading the record when ``query`` is an
        id (a change reads it anyway, under the store's lock)."""
        as_id = query.strip().lower()
        if HIRE_ID_PATTERN.match(as_id) and self.store.path_for(as_id).exists():
            return as_id
        return self.find(query).id

    def checklist_for(self, record: HireRecord) -> Checklist:
        checklist = self.library.get(record.checklist)
        if checklist is None:
            raise PeerError("err.hire_checklist", hire=record.id, checklist=record.checklist)
        return checklist

    # --- changing --------------------------------------------------------------------------

    def add(self, name: str, start: dt.date, checklist_id: str | None = None,
            unit: str | None = None, mentor: str | None = None) -> HireRecord:
        """Create a record for a new hire; every field is checked here, for the CLI and the app alike."""
        try:
            name = validate_name(name)
        except ValueError as error:
            raise PeerError("err.name", reason=str(error)) from None
        try:
            check_start(start)
        except ValueError as error:
            raise PeerError("err.date", option="start", reason=str(error)) from None
        extra = {}
        for field, value in (("unit", unit), ("mentor", mentor)):
            try:
                extra[field] = validate_line(value or "") or None
            except ValueError as error:
                raise PeerError("err.field", option=field, reason=str(error)) from None
        checklist = self.library.get(checklist_id or DEFAULT_CHECKLIST)
        if checklist is None:
            raise PeerError("err.no_checklist", checklist=checklist_id or DEFAULT_CHECKLIST)
        created = now()
        draft = HireRecord(
            id="new", name=name, checklist=checklist.id, start_date=start,
            checklist_version=checklist.version, unit=extra["unit"], mentor=extra["mentor"],
            created=created, log=(LogEntry(created, self.user, "create"),),
        )
        return self.store.create(draft)

    def check(self, hire: HireRecord | str, item_id: str, *, note: str | None = None,
              by: str | None = None, on: dt.date | None = None) -> HireRecord:
        """Tick an item (``hire``: a record or its id); a new note replaces the old one."""
        note = _typed(note, "--note", validate_note)
        who, day = _typed(by, "--by", validate_line) or self.user, on or self.today()

        def change(fresh: HireRecord) -> _Change:
            old = fresh.state(item_id)
            return old._replace(status="done", date=day, by=who, note=note or old.note), "check", note

        return self._change(hire, item_id, change)

    def uncheck(self, hire: HireRecord | str, item_id: str) -> HireRecord:
        return self._change(hire, item_id, lambda fresh: (
            fresh.state(item_id)._replace(status="open", date=None, by=None), "uncheck", None))

    def skip(self, hire: HireRecord | str, item_id: str, reason: str) -> HireRecord:
        """Mark an item not applicable; the reason is required and becomes its note."""
        reason = _required_text(_typed(reason, "--reason", validate_line) or "", "--reason")
        day = self.today()
        return self._change(hire, item_id, lambda fresh: (fresh.state(item_id)._replace(
            status="skipped", date=day, by=self.user, note=reason), "skip", reason))

    def note(self, hire: HireRecord | str, item_id: str, text: str) -> HireRecord:
        """Set the item's note; an empty text removes it. The status does not change."""
        text = _typed(text, "note", validate_note) or ""
        return self._change(hire, item_id, lambda fresh: (
            fresh.state(item_id)._replace(note=text or None), "note", text))

    def set_due(self, hire: HireRecord | str, item_id: str, when: str,
                reason: str | None = None) -> HireRecord:
        """Give an item its own due date: ``when`` is a date (YYYY-MM-DD), a move such as ``+2w``
        from its due date now, or ``reset`` (or empty) for the checklist's date. The log keeps the new
        date and the reason."""
        reason = _typed(reason, "--reason", validate_line)

        def change(fresh: HireRecord) -> _Change:
            old, planned = fresh.state(item_id), self.planned_due(fresh, item_id)
            try:
                due = move_date(when, old.due or planned or self.today())
            except ValueError:
                raise PeerError("err.when", text=when.strip()) from None
            text = ": ".join(part for part in (due.isoformat() if due else "reset", reason) if part)
            # the checklist's own date is not kept as the item's: a later checklist version may move it
            return old._replace(due=None if due == planned else due), "due", text

        return self._change(hire, item_id, change)

    def planned_due(self, record: HireRecord, item_id: str) -> dt.date | None:
        """The due date the checklist gives the item."""
        checklist = self.checklist_for(record)
        item = checklist.item(item_id)
        index = checklist.item_list.index(item) if item else None
        return checklist.due_dates(record.start_date)[index] if index is not None else None

    def restore(self, hire: HireRecord | str, item_id: str, state: ItemState,
                expected: ItemState | None = None) -> HireRecord:
        """Put an item back to an earlier state (undo); logged like any other change.

        With ``expected``, nothing is written unless the item is still in that state, so an undo
        never overwrites a change made meanwhile in another window or on the command line.
        """
        def change(fresh: HireRecord) -> _Change:
            current = fresh.state(item_id)
            if expected is not None and current != expected:
                raise PeerError("err.changed_elsewhere", item=item_id)
            # logged as what it changes, so a merge weighs it against the right changes on the other side
            if current.due != state.due and current._replace(due=state.due) == state:
                return state, "due", f"{state.due or 'reset'}: undo"
            if current.note != state.note and current._replace(note=state.note) == state:
                return state, "note", state.note or ""
            return state, "undo", state.status

        return self._change(hire, item_id, change)

    def _change(self, hire: HireRecord | str, item_id: str,
                change: Callable[[HireRecord], _Change]) -> HireRecord:
        """Apply ``change`` to the record as it is on disk, under the store's lock, and log it."""
        def edit(fresh: HireRecord) -> ItemChange:
            self._current_item(fresh, item_id)
            state, action, text = change(fresh)
            return item_id, state, LogEntry(now(), self.user, action, item_id, text)

        return self.store.modify(hire if isinstance(hire, str) else hire.id, edit)

    def merge_conflicts(self, problems: list[Problem] | None = None) -> list[tuple[Path, HireRecord, Merge]]:
        """Merge every conflicting copy a sync service left into its record (see ``merge``). With
        ``problems``, a copy that cannot be merged is added there and the others still are."""
        merged = []
        for path in self.store.conflict_copies():
            try:
                merged.append((path, *self.store.merge_copy(path, self.user)))
            except FormatError as error:
                if problems is None:
                    raise
                problems.extend(error.problems)
        return merged

    def erase(self, hire_id: str) -> tuple[list[Path], list[tuple[Path, str]]]:
        """Remove the hire's files (see ``HireStore.erase``): what was removed, what could not be."""
        return self.store.erase(hire_id)

    def _current_item(self, record: HireRecord, item_id: str) -> None:
        checklist = self.checklist_for(record)
        if checklist.item(item_id) is not None:
            return
        if item_id in record.items:
            raise PeerError("err.retired_item", item=item_id, checklist=checklist.id)
        raise PeerError("err.no_item", hire=record.id, item=item_id, checklist=checklist.id)


def _typed(text: str | None, option: str, validate: Callable[[str], str]) -> str | None:
    """Text a person typed, checked (no control characters, see ``record``); None when empty."""
    if text is None:
        return None
    try:
        return validate(text) or None
    except ValueError as error:
        raise PeerError("err.field", option=option, reason=str(error)) from None


def _required_text(text: str, option: str) -> str:
    text = text.strip()
    if not text:
        raise PeerError("err.empty", option=option)
    return text
