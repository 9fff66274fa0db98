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
    """How ``copy`` (another version of ``record``) merges into it."""
    known = set(record.log)
    entries = sorted((e for e in copy.log if e not in known), key=lambda e: e.at)
    states: dict[str, ItemState] = {}
    undecided: dict[str, ItemState] = {}
    for item_id in dict.fromkeys([*record.items, *copy.items]):
        ours, theirs = record.state(item_id), copy.state(item_id)
        if ours == theirs:
            continue
        our_last, their_last = _last_change(record, item_id), _last_change(copy, item_id)
        if our_last is not None and their_last is not None and our_last != their_last:
            if their_last > our_last:
                states[item_id] = theirs
        elif (our_last is None) != (their_last is None):
            if their_last is not None:
                states[item_id] = theirs
        elif ours.status == "open" and theirs.status != "open":
            states[item_id] = theirs
        elif ours.status == theirs.status:
            if _combined(ours, theirs) != ours:
                states[item_id] = _combined(ours, theirs)
        elif theirs.status != "open":
            undecided[item_id] = theirs
    return Merge(states, entries, undecided)


def _last_change(record: HireRecord, item_id: str) -> dt.datetime | None:
    return max((e.at for e in record.log if e.item == item_id), default=None)


def _combined(ours: ItemState, theirs: ItemState) -> ItemState:
    """The same outcome on both sides: keep ours, filling in what only theirs says."""
    return ItemState(*(mine if mine is not None else other for mine, other in zip(ours, theirs, strict=True)))
