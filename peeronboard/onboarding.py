"""The operations a leader performs, shared by the command line and the terminal app."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .checklist import Checklist, Item
from .dates import add_months, check_start, move_date, now
from .dates import today as system_today
from .errors import NoChange, PeerError
from .library import DEFAULT_CHECKLIST, ChecklistLibrary
from .problems import FormatError, Problem
from .record import (
    EDIT,
    HIRE_ID_PATTERN,
    HireRecord,
    ItemState,
    LogEntry,
    OwnItem,
    next_own_ids,
    own_number,
    remove_item_state,
    set_hire_fields,
    set_item_state,
    set_own_item,
    validate_line,
    validate_name,
    validate_note,
)
from .store import HireStore, ItemChange

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from pathlib import Path

    from .merge import Merge
    from .progress import HireProgress


_Change = tuple[ItemState, str, str | None]  # an item's new state, the log action and the logged text


class Onboarding:
    """A leader's onboarding records: the store, the checklists and who is at the keyboard."""

    def __init__(self, store: HireStore, library: ChecklistLibrary, user: str,
                 today: Callable[[], dt.date] = system_today, retention_months: int = 12) -> None:
        self.store = store
        self.library = library
        self.user = user
        self.today = today
        self.retention_months = retention_months  # config.toml's: finished hires are kept this long

    # --- reading ---------------------------------------------------------------------------

    def all_progress(self) -> tuple[list[HireProgress], list[Problem]]:
        """Every readable hire with its progress, sorted by start date, and the unreadable ones."""
        from .index import collector_paused
        from .progress import HireProgress

        records, problems = self.store.load_all()
        day, checklist = self.today(), self.library.get
        with collector_paused():
            hires = [HireProgress.build(r, checklist(r.checklist), day) for r in records]
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
            listing = ", ".join(  # what tells two people of one name apart
                f"{r.id} ({', '.join(p for p in (r.name, f'start {r.start_date}', r.unit) if p)})"
                for r in matches)
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
            unit: str | None = None, mentor: str | None = None, **contacts: str | None) -> HireRecord:
        """Create a record for a new hire; every field is checked here, for the CLI and the app alike.
        ``contacts``: ``hr_contact``, ``centre_contact``."""
        fields = _checked_fields(name=name, start_date=start, unit=unit or "", mentor=mentor or "",
                                 **{key: value or "" for key, value in contacts.items()})
        checklist = self.library.get(checklist_id or DEFAULT_CHECKLIST)
        if checklist is None:
            raise PeerError("err.no_checklist", checklist=checklist_id or DEFAULT_CHECKLIST)
        created = now()
        draft = HireRecord(
            id="new", checklist=checklist.id, checklist_version=checklist.version, created=created,
            log=(LogEntry(created, self.user, "create"),), **fields,  # type: ignore[arg-type]
        )
        return self.store.create(draft)

    def same_name(self, name: str, but: str | None = None) -> list[HireRecord]:
        """Other hires with this name (case and spacing aside), so a leader can tell them apart."""
        wanted = " ".join(name.split()).casefold()
        records, _ = self.store.load_all()
        return [r for r in records if " ".join(r.name.split()).casefold() == wanted and r.id != but]

    def edit(self, hire: HireRecord | str, **changes: object) -> HireRecord:
        """Change the hire's details (see ``edit_report``); the record as written."""
        return self.edit_report(hire, **changes)[0]

    def edit_report(self, hire: HireRecord | str,
                    **changes: object) -> tuple[HireRecord, list[LogEntry], tuple[int, int, int] | None]:
        """Change the hire's details: ``name``, ``start_date``, ``unit``, ``mentor``, ``hr_contact``,
        ``centre_contact`` (an empty text clears it) and ``checklist`` (an id). Each field is checked
        as in ``add`` and logged old → new. A new start date moves every open item with it (an item
        with its own due date keeps it); a new checklist carries each item's state over by its id,
        and recorded items the new one lacks are kept as retired."""
        checked = _checked_fields(**{k: v for k, v in changes.items() if k != "checklist"})
        checklist_id = changes.get("checklist")
        checklist = self.library.get(str(checklist_id)) if checklist_id else None
        if checklist_id and checklist is None:
            raise PeerError("err.no_checklist", checklist=checklist_id)
        if checklist is not None:
            checked.update(checklist=checklist.id, checklist_version=checklist.version)

        done: list[object] = []  # what the change wrote and moved, as judged under the lock

        def change(fresh: HireRecord) -> tuple[Callable[[object], None], list[LogEntry]]:
            new = {key: value for key, value in checked.items() if getattr(fresh, key) != value}
            if not new:
                raise NoChange("same.nothing")
            entries = [LogEntry(now(), self.user, EDIT, None,
                                f"{key}: {_shown(getattr(fresh, key))} → {_shown(value)}")
                       for key, value in new.items()]
            titled = self._titles_kept(fresh, new.get("checklist"))
            start = new.get("start_date")
            done.extend([entries, self.start_moves(fresh, start) if isinstance(start, dt.date) else None])

            def edit(doc: object) -> None:
                set_hire_fields(doc, new)
                for item_id, state in titled.items():
                    set_item_state(doc, item_id, state)

            return edit, entries

        record = self.store.edit(_hire_id(hire), change)
        return record, done[0], done[1]  # type: ignore[return-value]

    def _titles_kept(self, record: HireRecord, checklist_id: object) -> dict[str, ItemState]:
        """Before a hire moves to another checklist: the recorded items the new one lacks, with the
        titles the old one gives them, so they show by name once retired."""
        old, new = self.library.get(record.checklist), self.library.get(str(checklist_id or ""))
        if old is None or new is None or not checklist_id:
            return {}
        kept = {}
        for item_id, state in record.items.items():
            item = old.item(item_id)
            if item is not None and new.item(item_id) is None and state.title_en is None:
                kept[item_id] = state._replace(title_da=item.title.in_lang("da"),
                                               title_en=item.title.in_lang("en"))
        return kept

    def start_moves(self, record: HireRecord, start: dt.date) -> tuple[int, int, int]:
        """What a new start date does to the hire's open items: how many move, how many keep their
        own due date, and by how many days (negative: earlier)."""
        progress = self.progress(record)
        open_views = [v for v in progress.items if v.state.status == "open" and v.due is not None]
        keeping = sum(1 for v in open_views if v.state.due is not None)
        return len(open_views) - keeping, keeping, (start - record.start_date).days

    def due_for_erasure(self, hires: list[HireProgress], months: int | None = None) -> list[HireProgress]:
        """Finished hires whose finish lies ``months`` (by default the configured retention) or more
        months back: their data should go (GDPR art. 5, storage limitation); nothing is erased
        without the leader confirming it."""
        return [h for h in hires if self.erasure_due(h.record.finished, months)]

    def erasure_due(self, finished: dt.date | None, months: int | None = None) -> bool:
        """Whether a hire finished on ``finished`` is due for erasure (see ``due_for_erasure``)."""
        months = self.retention_months if months is None else months
        return finished is not None and add_months(finished, months) <= self.today()

    def check(self, hire: HireRecord | str, item_id: str, *, note: str | None = None,
              by: str | None = None, on: dt.date | None = None) -> HireRecord:
        """Tick an item (``hire``: a record or its id); a new note replaces the old one."""
        note = _typed(note, "--note", validate_note)
        who, day = _typed(by, "--by", validate_line) or self.user, on or self.today()

        def change(fresh: HireRecord) -> _Change:
            old = fresh.state(item_id)
            if old.status == "done" and note in (None, old.note):
                raise NoChange("same.done")
            return old._replace(status="done", date=day, by=who, note=note or old.note,
                                reason=None), "check", note

        return self._change(hire, item_id, change)

    def uncheck(self, hire: HireRecord | str, item_id: str) -> HireRecord:
        """Open an item again; a reason for not applicable goes (the log keeps it)."""
        return self._change(hire, item_id, lambda fresh: (
            fresh.state(item_id)._replace(status="open", date=None, by=None, reason=None), "uncheck", None))

    def skip(self, hire: HireRecord | str, item_id: str, reason: str) -> HireRecord:
        """Mark an item not applicable; the reason is required and kept apart from the note."""
        reason = _required_text(_typed(reason, "--reason", validate_line) or "", "--reason")
        day = self.today()

        def change(fresh: HireRecord) -> _Change:
            old = fresh.state(item_id)
            if old.status == "skipped" and old.reason == reason:
                raise NoChange("same.skipped")
            return old._replace(status="skipped", date=day, by=self.user, reason=reason), "skip", reason

        return self._change(hire, item_id, change)

    def note(self, hire: HireRecord | str, item_id: str, text: str) -> HireRecord:
        """Set the item's note; an empty text removes it. The status does not change."""
        text = _typed(text, "note", validate_note) or ""
        return self._change(hire, item_id, lambda fresh: (
            fresh.state(item_id)._replace(note=text or None), "note", text))

    def assign(self, hire: HireRecord | str, item_id: str, person: str) -> HireRecord:
        """Name a person for one item (an empty name: back to the person its owner role gives)."""
        person = _typed(person, "PERSON", validate_line) or ""
        return self._change(hire, item_id, lambda fresh: (
            fresh.state(item_id)._replace(assignee=person or None), "assign", person))

    def add_item(self, hire: HireRecord | str, title: str, phase: str | None = None,
                 when: str | None = None, owner: str | None = None) -> tuple[HireRecord, str]:
        """Add a one-off item that only this hire needs; returns the record and the new item's id.
        ``when`` is a due date or a move from the start date (``+2w``, ``-1m``)."""
        title = _required_text(_typed(title, "TITLE", validate_line) or "", "TITLE")
        owner = _typed(owner, "--owner", validate_line)

        def change(fresh: HireRecord) -> tuple[Callable[[object], None], LogEntry]:
            checklist = self.checklist_for(fresh)
            if phase is not None and all(p.id != phase for p in checklist.phases):
                raise PeerError("err.no_phase", phase=phase, checklist=checklist.id)
            try:
                due = move_date(when, fresh.start_date) if when else None
            except ValueError:
                raise PeerError("err.when", text=(when or "").strip()) from None
            (item_id,) = next_own_ids((fresh,))
            own = OwnItem(title, phase or _phase_for(checklist, fresh, due), owner)
            state = ItemState(due=due)

            def edit(doc: object) -> None:
                set_own_item(doc, item_id, own)
                if due is not None:
                    set_item_state(doc, item_id, state)

            return edit, LogEntry(now(), self.user, "add-item", item_id, title)

        record = self.store.edit(_hire_id(hire), change)
        return record, max(record.own, key=own_number)

    def remove_item(self, hire: HireRecord | str, item_id: str) -> HireRecord:
        """Remove one of the hire's one-off items (never a checklist's); the log keeps its state."""
        def change(fresh: HireRecord) -> tuple[Callable[[object], None], LogEntry]:
            own = fresh.own.get(item_id)
            if own is None:
                raise PeerError("err.not_own", item=item_id, hire=fresh.id)
            state = fresh.state(item_id)
            text = f"{own.title} ({state.status}{', ' + state.note if state.note else ''})"

            def edit(doc: object) -> None:
                set_own_item(doc, item_id, None)
                remove_item_state(doc, item_id)

            return edit, LogEntry(now(), self.user, "remove-item", item_id, text)

        return self.store.edit(_hire_id(hire), change)

    def finish(self, hire: HireRecord | str, reason: str | None = None,
               on: dt.date | None = None) -> HireRecord:
        """End the hire's onboarding (completed, the person left, the hiring was stopped)."""
        reason = _typed(reason, "--reason", validate_line)
        day = on or self.today()
        if day > self.today():
            raise PeerError("err.future", option="--on", date=day.isoformat())
        try:
            check_start(day)
        except ValueError as error:
            raise PeerError("err.date", option="--on", reason=str(error)) from None

        def change(fresh: HireRecord) -> tuple[Callable[[object], None], LogEntry]:
            if fresh.finished == day and fresh.finish_reason == reason:
                raise NoChange("same.finished")

            def edit(doc: object) -> None:
                set_hire_fields(doc, {"finished": day, "finish_reason": reason})

            return edit, LogEntry(now(), self.user, "finish", None,
                                  ": ".join(part for part in (day.isoformat(), reason) if part))

        return self.store.edit(_hire_id(hire), change)

    def reopen(self, hire: HireRecord | str) -> HireRecord:
        """Take a finished hire back onto the dashboard."""
        def change(fresh: HireRecord) -> tuple[Callable[[object], None], LogEntry]:
            if fresh.finished is None:
                raise NoChange("same.reopened")

            def edit(doc: object) -> None:
                set_hire_fields(doc, {"finished": None, "finish_reason": None})

            return edit, LogEntry(now(), self.user, "reopen", None, fresh.finished.isoformat())

        return self.store.edit(_hire_id(hire), change)

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
            if current.due != state.due and current._replace(due=state.due).work() == state.work():
                return state, "due", f"{state.due or 'reset'}: undo"
            if current.note != state.note and current._replace(note=state.note).work() == state.work():
                return state, "note", state.note or ""
            return state, "undo", state.status

        return self._change(hire, item_id, change)

    def _change(self, hire: HireRecord | str, item_id: str,
                change: Callable[[HireRecord], _Change]) -> HireRecord:
        """Apply ``change`` to the record as it is on disk, under the store's lock, and log it. A
        change that changes nothing writes nothing and raises NoChange; the item's title is kept
        with its state, so the item shows it even after a checklist drops it."""
        def edit(fresh: HireRecord) -> ItemChange:
            item = self._current_item(fresh, item_id)
            old = fresh.state(item_id)
            state, action, text = change(fresh)
            if state.work() == old.work():
                raise NoChange(_SAME.get(action, "same.nothing"))
            if item is not None:
                state = state._replace(title_da=item.title.in_lang("da"), title_en=item.title.in_lang("en"))
            return item_id, state, LogEntry(now(), self.user, action, item_id, text)

        return self.store.modify(_hire_id(hire), edit)

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

    def _current_item(self, record: HireRecord, item_id: str) -> Item | None:
        """The checklist's item (None for one of the hire's own); a retired or unknown one is an error."""
        checklist = self.checklist_for(record)
        item = checklist.item(item_id)
        if item is not None or item_id in record.own:
            return item
        if item_id in record.items:
            raise PeerError("err.retired_item", item=item_id, checklist=checklist.id)
        raise PeerError("err.no_item", hire=record.id, item=item_id, checklist=checklist.id)


_SAME = {"uncheck": "same.open", "note": "same.note", "due": "same.due", "assign": "same.assignee",
         "undo": "same.nothing"}


def _hire_id(hire: HireRecord | str) -> str:
    return hire if isinstance(hire, str) else hire.id


def _phase_for(checklist: Checklist, record: HireRecord, due: dt.date | None) -> str:
    """The phase a one-off item belongs in: that of the checklist item due nearest to it."""
    if due is None:
        return checklist.phases[0].id
    dues = checklist.due_dates(record.start_date)
    dated = [(abs((day - due).days), item.phase) for item, day in zip(checklist.item_list, dues, strict=True)
             if day is not None]
    return min(dated)[1] if dated else checklist.phases[0].id


def _checked_fields(**values: object) -> dict[str, object]:
    """Hire fields as a person typed them, checked: a name, a start date, one-line texts (an empty
    one clears the field)."""
    checked: dict[str, object] = {}
    for key, value in values.items():
        if value is None:
            continue
        try:
            if key == "name":
                checked[key] = validate_name(str(value))
            elif key == "start_date":
                assert isinstance(value, dt.date)
                checked[key] = check_start(value)
            else:
                checked[key] = validate_line(str(value)) or None
        except ValueError as error:
            option = {"name": "name", "start_date": "start"}.get(key, key)
            raise PeerError("err.name" if key == "name" else "err.field" if key != "start_date"
                            else "err.date", option=option, reason=str(error)) from None
    return checked


def _shown(value: object) -> str:
    return "–" if value is None else str(value)


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
