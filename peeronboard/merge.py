"""Merging a conflicting copy of a record, as sync services make when two computers changed a hire.

Nothing either side recorded is dropped: every log entry of the copy that the record lacks is added,
and where the two disagree about an item, the side that logged a change to it last wins. Without a
logged change to go by, a ticked or not-applicable item wins over an open one; two different
outcomes without a log are kept as the record has them and reported, so a person can decide.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from .record import HireRecord, ItemState, LogEntry


class Merge(NamedTuple):
    """What merging a copy changes in the record."""

    states: dict[str, ItemState]  # items whose state the copy changes
    entries: list[LogEntry]  # the copy's log entries the record lacks, oldest first
    undecided: dict[str, ItemState]  # items where the copy's different outcome was not taken


def plan_merge(record: HireRecord, copy: HireRecord) -> Merge:
    """How ``copy`` (another version of ``record``) merges into it. An item's outcome (status, date,
    by, note) and its own due date are merged apart, so ticking on one side and postponing on the
    other keeps both."""
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
        merged = outcome._replace(due=_due(record, copy, item_id))
        if merged != ours:
            states[item_id] = merged
    return Merge(states, entries, undecided)


def _outcome(record: HireRecord, copy: HireRecord, item_id: str) -> tuple[ItemState, bool]:
    """The item's merged outcome, and False when the copy's different outcome was left for a person."""
    ours, theirs = record.state(item_id), copy.state(item_id)
    if ours._replace(due=None) == theirs._replace(due=None):
        return ours, True
    our_last, their_last = _last_change(record, item_id), _last_change(copy, item_id)
    if our_last is not None and their_last is not None and our_last != their_last:
        return (theirs if their_last > our_last else ours), True
    if (our_last is None) != (their_last is None):
        return (theirs if their_last is not None else ours), True
    if ours.status == "open" and theirs.status != "open":
        return theirs, True
    if ours.status == theirs.status:
        return _combined(ours, theirs), True
    return ours, theirs.status == "open"


def _due(record: HireRecord, copy: HireRecord, item_id: str) -> dt.date | None:
    """The item's own due date: the side that moved it last wins; without a log, a set date wins."""
    ours, theirs = record.state(item_id).due, copy.state(item_id).due
    if ours == theirs:
        return ours
    our_last, their_last = _last_change(record, item_id, DUE), _last_change(copy, item_id, DUE)
    if their_last is not None and (our_last is None or their_last > our_last):
        return theirs
    return ours if our_last is not None else ours or theirs


DUE = "due"  # the log action that moves an item's due date; every other action changes its outcome


def _last_change(record: HireRecord, item_id: str, action: str | None = None) -> dt.datetime | None:
    """When the item's outcome (or, with ``action="due"``, its due date) was last changed."""
    return max((e.at for e in record.log if e.item == item_id and (e.action == DUE) == (action == DUE)),
               default=None)


def _combined(ours: ItemState, theirs: ItemState) -> ItemState:
    """The same outcome on both sides: keep ours, filling in what only theirs says."""
    return ItemState(*(mine if mine is not None else other for mine, other in zip(ours, theirs, strict=True)))
