"""A derived cache of parsed hire records, so listing a thousand hires does not re-parse a thousand files.

``<data dir>/index.json`` maps each hire id to the identity of its record file (inode, modification time,
size) and the fields read from it. An entry is used only while the file's identity is unchanged; anything
else is re-read from the record. The index is never trusted over the records: deleting it is always safe.
It holds names, so it is private (0600) and ``erase`` shreds it.

An entry is one compact array (see ``entry_for``): reading ten thousand of them is most of what a
listing does, and an array of what the record holds decodes several times faster than named fields.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
from collections.abc import Iterator
from pathlib import Path

from .atomic import replace_file
from .dates import EARLIEST_START, LATEST_START
from .record import STATUSES, HireRecord, ItemState, OwnItem
from .safefile import read_regular

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any

# 2: an item's own due date; 3: record format 3 (reasons, people, finished, own items); 4: each entry
# one array, without the trailing fields a record does not have
INDEX_FORMAT = 4
Stamp = tuple[int, int, int]
Entry = list  # list[Any] (an alias made at run time, where typing is not imported)
# an entry: the stamp (inode, modification time, size), then the fields in this order; the ones after
# ``items`` are left off at the end while the record has none of them
_FIELDS = ("name", "checklist", "start_date", "checklist_version", "format", "created", "items",
           "unit", "mentor", "hr_contact", "centre_contact", "finished", "finish_reason", "own")
_ENTRY_LENGTH = 3 + len(_FIELDS)
_OPTIONAL_AT = 3 + _FIELDS.index("unit")  # the first field that may be left off
_STATE_LENGTH = len(ItemState._fields)
_OWN_LENGTH = len(OwnItem._fields)


@contextlib.contextmanager
def collector_paused(*, keep: bool = False) -> Iterator[None]:
    """No garbage collection while a listing builds thousands of objects that all stay alive (each
    collection would look at every one of them again); as it was afterwards. With ``keep`` (a command
    that ends with its listing), what is alive then is frozen first (``gc.freeze``), so the first
    collection after does not look at it all either."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep:
            gc.freeze()
        if enabled:
            gc.enable()


def read_index(path: Path) -> dict[str, Entry]:
    """The cached entries, or nothing when the index is missing, damaged or from another format."""
    try:
        data = json.loads(read_regular(path, follow_links=False))
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("format") != INDEX_FORMAT:
        return {}
    entries = data.get("records")
    return entries if isinstance(entries, dict) else {}


def looks_like_index(path: Path) -> bool:
    """Whether ``path`` holds an index (a copy of one, under another name), by how it starts."""
    try:
        start = read_regular(path, follow_links=False, max_bytes=64, head=True)
    except OSError:
        return False
    return start.startswith(b'{"format":') and b'"records"' in start


def write_index(path: Path, entries: dict[str, Entry]) -> None:
    """Replace the index atomically; a failure only means the next listing reads the records again."""
    text = json.dumps({"format": INDEX_FORMAT, "records": entries}, ensure_ascii=False,
                      separators=(",", ":"))
    with contextlib.suppress(OSError):
        replace_file(path, text.encode("utf-8"), durable=False)


def entry_for(record: HireRecord, stamp: Stamp) -> Entry:
    """The record as an entry: its stamp and fields (see ``_FIELDS``), each item's state and each
    one-off item as an array without its trailing empty values."""
    entry = [
        *stamp, record.name, record.checklist, record.start_date.isoformat(), record.checklist_version,
        record.format, record.created.isoformat() if record.created else None,
        {item_id: _trimmed([s.status, _day(s.date), s.by, s.note, _day(s.due), *s[5:]])
         for item_id, s in record.items.items()},
        record.unit, record.mentor, record.hr_contact, record.centre_contact, _day(record.finished),
        record.finish_reason, {item_id: _trimmed(list(own)) for item_id, own in record.own.items()} or None,
    ]
    return _trimmed(entry, keep=_OPTIONAL_AT)


def record_from(entry: Any, hire_id: str, stamp: Stamp, path: Path,
                states: dict[tuple[Any, ...], ItemState] | None = None) -> HireRecord | None:
    """The cached record when the entry matches the file as it is now and holds what ``entry_for``
    writes, else None (read the file): a damaged or hand-made index is a miss, never an error.
    ``states``: the item states already read, by their array, shared by every record that has one
    (many hires record the same states; an item state is never changed in place)."""
    if type(entry) is not list or not _OPTIONAL_AT <= len(entry) <= _ENTRY_LENGTH \
            or entry[0] != stamp[0] or entry[1] != stamp[1] or entry[2] != stamp[2]:
        return None
    (name, checklist, start, version, fmt, created, items, unit, mentor, hr_contact, centre_contact,
     finished, finish_reason, own) = entry[3:] + _MISSING[len(entry)]
    try:
        if not (type(name) is str and type(checklist) is str and type(version) is int
                and type(fmt) is int and type(items) is dict and (own is None or type(own) is dict)
                and {type(unit), type(mentor), type(hr_contact), type(centre_contact),
                     type(finish_reason)} <= _TEXT_TYPES):
            return None
        states = {} if states is None else states
        known = {item_id: _state(values, states) for item_id, values in items.items()}
        return _HIRE_RECORD((
            hire_id, name, checklist, _date(start, required=True), version, unit, mentor,
            _CREATED(created) if created is not None else None, known, (), fmt, path, hr_contact,
            centre_contact, _date(finished), finish_reason,
            {item_id: _own(values) for item_id, values in own.items()} if own else {}))
    except (TypeError, ValueError, OverflowError):
        return None


# the trailing fields an entry of each length leaves off (None)
_MISSING = [[None] * max(0, _ENTRY_LENGTH - length) for length in range(_ENTRY_LENGTH + 1)]
# a record is built by position, several times quicker than by name: in the order of its fields
_HIRE_RECORD = HireRecord._make
assert HireRecord._fields == (
    "id", "name", "checklist", "start_date", "checklist_version", "unit", "mentor", "created", "items", "log",
    "format", "path", "hr_contact", "centre_contact", "finished", "finish_reason", "own"), "see record_from"
_CREATED = dt.datetime.fromisoformat
_TEXT_TYPES = {str, type(None)}


def _state(values: Any, states: dict[tuple[Any, ...], ItemState]) -> ItemState:
    """An item's state from its array, kept in ``states``; raises ValueError when it is not one
    ``entry_for`` writes."""
    if type(values) is list:
        known = states.get(tuple(values))  # a TypeError when it holds a table or an array
        if known is not None:
            return known
    if type(values) is not list or not 1 <= len(values) <= _STATE_LENGTH or values[0] not in STATUSES:
        raise ValueError("not an item state")
    status, day, by, note, due, *rest = values + [None] * (_STATE_LENGTH - len(values))
    if not _texts((by, note, *rest)):
        raise ValueError("not an item state")
    state = states[tuple(values)] = ItemState(status, _date(day), by, note, _date(due), *rest)
    return state


def _own(values: Any) -> OwnItem:
    if type(values) is not list or not 1 <= len(values) <= _OWN_LENGTH or type(values[0]) is not str \
            or not _texts(values):
        raise ValueError("not a one-off item")
    return OwnItem(*values)


def _trimmed(values: list[Any], keep: int = 1) -> list[Any]:
    """``values`` without its trailing empty ones (None, or an empty table), keeping at least ``keep``."""
    end = len(values)
    while end > keep and values[end - 1] is None:
        end -= 1
    return values[:end]


def _texts(values: tuple[object, ...] | list[object]) -> bool:
    return all(value is None or type(value) is str for value in values)


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _date(text: Any, required: bool = False) -> dt.date | None:
    """A date the index holds, within the years a record may hold (a hand-made index may hold any)."""
    if text is None and not required:
        return None
    day = dt.date.fromisoformat(text)  # a TypeError for anything but text
    if not EARLIEST_START <= day <= LATEST_START:
        raise ValueError("a date outside 1900-2999")
    return day
