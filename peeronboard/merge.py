"""Merging a conflicting copy of a record, as sync services make when two computers changed a hire.

Nothing either side recorded is dropped: every log entry of the copy that the record lacks is added.
An item's state is merged in three parts, each by the log entries that change it: its outcome (status,
when and by whom), its note, and its own due date. For each part that the two sides disagree on, the
side that logged a change to it last wins, so a tick on one side and a note or a postponement on the
other are all kept. Without a logged change to go by, a ticked or not-applicable item wins over an
open one, and a note or due date wins over none; two different outcomes without a log are kept as
the record has them and reported, so a person can decide.
"""

from __future__ import annotations

import datetime as dt

from .record import EDIT, HireRecord, ItemState, LogEntry, OwnItem, next_own_ids
from .tuples import NamedTuple

OUTCOME, NOTE, DUE, REASON, ASSIGNEE = "outcome", "note", "due", "reason", "assignee"
PARTS = (NOTE, DUE, REASON, ASSIGNEE)  # weighed apart from the outcome

HIRE_FIELDS = ("name", "start_date", "unit", "mentor", "hr_contact", "centre_contact", "finished",
               "finish_reason")
ENDING = {"finish", "reopen"}  # logged changes of finished and finish_reason


class Merge(NamedTuple):
    """What merging a copy changes in the record."""

    states: dict[str, ItemState]  # items whose state the copy changes
    entries: list[LogEntry]  # the copy's log entries the record lacks, oldest first
    undecided: dict[str, ItemState]  # items where the copy's different outcome was not taken
    fields: dict[str, object]  # hire fields the copy changes (None: the field is removed)
    field_conflicts: dict[str, tuple[object, object]]  # fields kept as the record has them: (ours, theirs)
    own: dict[str, OwnItem | None]  # one-off items the copy adds (None: removes)


def plan_merge(record: HireRecord, copy: HireRecord) -> Merge:
    """How ``copy`` (another version of ``record``) merges into it. A one-off task both sides added
    under the same id (each computer numbers its own) is kept twice: the copy's gets a fresh id."""
    copy = _renumbered(record, copy)
    known = set(record.log)
    entries = sorted((e for e in copy.log if e not in known), key=lambda e: e.at)
    states: dict[str, ItemState] = {}
    undecided: dict[str, ItemState] = {}
    for item_id in dict.fromkeys([*record.items, *copy.items]):
        ours, theirs = record.state(item_id), copy.state(item_id)
        if ours == theirs:
            continue
        outcome, settled = _outcome(record, copy, item_id)
        if not settled:
            undecided[item_id] = theirs
        merged = outcome._replace(**{part: _part(record, copy, item_id, part) for part in PARTS},
                                  title_da=ours.title_da or theirs.title_da,
                                  title_en=ours.title_en or theirs.title_en)
        if merged != ours:
            states[item_id] = merged
    fields, conflicts = _hire_fields(record, copy)
    own = _own_items(record, copy)
    for item_id, kept in own.items():  # a task that goes takes its state with it
        if kept is None:
            states.pop(item_id, None)
    for item_id in [i for i in states if i in record.own or i in copy.own]:
        if (own[item_id] if item_id in own else record.own.get(item_id)) is None:
            del states[item_id]  # the state of a task removed here, untouched there since
    return Merge(states, entries, undecided, fields, conflicts, own)


def _renumbered(record: HireRecord, copy: HireRecord) -> HireRecord:
    """``copy`` with each one-off task that clashes with a different one of the record's (both sides
    added ``own-2``) under a fresh id, in its items, its one-off tasks and its log entries the record
    lacks."""
    clashes = [item_id for item_id, theirs in copy.own.items()
               if item_id in record.own and record.own[item_id] != theirs
               and _added_apart(record, copy, item_id)]
    if not clashes:
        return copy
    renames = dict(zip(clashes, next_own_ids((record, copy), len(clashes)), strict=True))
    known = set(record.log)
    return copy._replace(
        own={renames.get(i, i): own for i, own in copy.own.items()},
        items={renames.get(i, i): state for i, state in copy.items.items()},
        log=tuple(e if e in known or e.item not in renames else e._replace(item=renames[e.item])
                  for e in copy.log))


def _added_apart(record: HireRecord, copy: HireRecord, item_id: str) -> bool:
    """Whether the two sides added the task each on their own (different add-item entries)."""
    def added(side: HireRecord) -> set[LogEntry]:
        return {e for e in side.log if e.item == item_id and e.action == "add-item"}

    return added(record) != added(copy)


def _own_items(record: HireRecord, copy: HireRecord) -> dict[str, OwnItem | None]:
    """One-off tasks: one that one side added is kept unless the other side removed it later; one
    removed on one side comes back when the other side worked on it (ticked it, say) after that."""
    changes: dict[str, OwnItem | None] = {}
    for item_id in dict.fromkeys([*record.own, *copy.own]):
        ours, theirs = record.own.get(item_id), copy.own.get(item_id)
        if ours == theirs:
            continue
        our_last, their_last = _last_touch(record, item_id), _last_touch(copy, item_id)
        copy_changed_last = their_last is not None and (
            our_last is None or their_last > our_last
            or (their_last == our_last and ours is None))  # in the same second: keeping beats removing
        if copy_changed_last or (ours is None and our_last is None):  # or: added there, never here
            changes[item_id] = theirs  # None: removed there after anything done here
    return changes


def _last_touch(record: HireRecord, item_id: str) -> dt.datetime | None:
    """When this side last did anything to the item (added, removed, ticked, noted it ...)."""
    return max((e.at for e in record.log if e.item == item_id), default=None)


def _hire_fields(record: HireRecord, copy: HireRecord) -> tuple[dict[str, object],
                                                                 dict[str, tuple[object, object]]]:
    """The hire's own fields merged like an item's parts: the side that logged a change to the field
    last wins; without a log, a value wins over none, and two different values keep the record's and
    are reported (the merge's log entry keeps the copy's value, so it is never lost)."""
    fields: dict[str, object] = {}
    conflicts: dict[str, tuple[object, object]] = {}
    for field in HIRE_FIELDS:
        ours, theirs = getattr(record, field), getattr(copy, field)
        if ours == theirs:
            continue
        our_last, their_last = _last_edit(record, field), _last_edit(copy, field)
        if our_last != their_last and (our_last is None or (their_last is not None
                                                            and their_last > our_last)):
            fields[field] = theirs
        elif our_last != their_last:
            continue
        elif ours is None:
            fields[field] = theirs
        elif theirs is not None:
            conflicts[field] = (ours, theirs)
    return fields, conflicts


def _last_edit(record: HireRecord, field: str) -> dt.datetime | None:
    def edits(entry: LogEntry) -> bool:
        if entry.action in ENDING:
            return field.startswith("finish")
        return entry.action == EDIT and (entry.text or "").split(":", 1)[0].strip() == field

    return max((e.at for e in record.log if edits(e)), default=None)


def _outcome(record: HireRecord, copy: HireRecord, item_id: str) -> tuple[ItemState, bool]:
    """The item's merged outcome, and False when the copy's different outcome was left for a person."""
    ours, theirs = record.state(item_id), copy.state(item_id)
    if (ours.status, ours.date, ours.by) == (theirs.status, theirs.date, theirs.by):
        return ours, True
    newer = _newer(record, copy, item_id, OUTCOME)
    if newer is not None:
        return (theirs if newer else ours), True
    if ours.status == "open" and theirs.status != "open":
        return theirs, True
    if ours.status == theirs.status:
        return ItemState(ours.status, ours.date or theirs.date, ours.by or theirs.by), True
    return ours, theirs.status == "open"


def _part(record: HireRecord, copy: HireRecord, item_id: str, part: str) -> object:
    """The item's merged note or own due date: the side that changed it last; without a log, ours,
    or theirs where ours has none."""
    ours, theirs = getattr(record.state(item_id), part), getattr(copy.state(item_id), part)
    if ours == theirs:
        return ours
    newer = _newer(record, copy, item_id, part)
    if newer is None:
        return ours if ours is not None else theirs
    return theirs if newer else ours


def _newer(record: HireRecord, copy: HireRecord, item_id: str, part: str) -> bool | None:
    """Whether the copy changed this part of the item after the record did (None: no log says)."""
    our_last, their_last = _last_change(record, item_id, part), _last_change(copy, item_id, part)
    if our_last == their_last:
        return None
    if our_last is None or their_last is None:
        return their_last is not None
    return their_last > our_last


def _last_change(record: HireRecord, item_id: str, part: str) -> dt.datetime | None:
    return max((e.at for e in record.log if e.item == item_id and part in _changes(e)), default=None)


def _changes(entry: LogEntry) -> set[str]:
    """Which parts of an item a logged action changed."""
    if entry.action in (DUE, NOTE):
        return {entry.action}
    if entry.action == "assign":
        return {ASSIGNEE}
    if entry.action == "skip":  # before format 3 the reason was written into the note
        return {OUTCOME, REASON, NOTE}
    if entry.action == "check" and entry.text:  # the new note
        return {OUTCOME, NOTE}
    if entry.action in ("check", "uncheck"):
        return {OUTCOME, REASON}  # reopening clears the reason
    if entry.action in ("add-item", "remove-item"):
        return set()
    return {OUTCOME, NOTE, DUE, REASON, ASSIGNEE}  # undo, and anything written by hand
