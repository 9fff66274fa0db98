"""A derived cache of parsed hire records, so listing a thousand hires does not re-parse a thousand files.

``<data dir>/index.json`` maps each hire id to the identity of its record file (inode, modification time,
size) and the fields read from it. An entry is used only while the file's identity is unchanged; anything
else is re-read from the record. The index is never trusted over the records: deleting it is always safe.
It holds names, so it is private (0600) and ``erase`` shreds it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path
from typing import Any

from .atomic import replace_file
from .record import STATUSES, HireRecord, ItemState, OwnItem
from .safefile import read_regular

INDEX_FORMAT = 3  # 2: an item's own due date; 3: record format 3 (reasons, people, finished, own items)
Stamp = tuple[int, int, int]


def read_index(path: Path) -> dict[str, dict[str, Any]]:
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


def write_index(path: Path, entries: dict[str, dict[str, Any]]) -> None:
    """Replace the index atomically; a failure only means the next listing reads the records again."""
    text = json.dumps({"format": INDEX_FORMAT, "records": entries}, ensure_ascii=False,
                      separators=(",", ":"))
    with contextlib.suppress(OSError):
        replace_file(path, text.encode("utf-8"), durable=False)


def entry_for(record: HireRecord, stamp: Stamp) -> dict[str, Any]:
    return {
        "stamp": list(stamp),
        "record": {
            "name": record.name, "checklist": record.checklist, "start_date": record.start_date.isoformat(),
            "checklist_version": record.checklist_version, "unit": record.unit, "mentor": record.mentor,
            "created": record.created.isoformat() if record.created else None, "format": record.format,
            "hr_contact": record.hr_contact, "centre_contact": record.centre_contact,
            "finished": _day(record.finished), "finish_reason": record.finish_reason,
            "own": {item_id: list(own) for item_id, own in record.own.items()},
            "items": {item_id: [s.status, _day(s.date), s.by, s.note, _day(s.due), *s[5:]]
                      for item_id, s in record.items.items()},
        },
    }


def record_from(entry: dict[str, Any], hire_id: str, stamp: Stamp, path: Path) -> HireRecord | None:
    """The cached record when the entry matches the file as it is now, else None (read the file)."""
    if not isinstance(entry, dict) or entry.get("stamp") != list(stamp):
        return None
    try:
        data = entry["record"]
        items = {item_id: ItemState(status, _date(day), by, note, _date(due), *rest)
                 for item_id, (status, day, by, note, due, *rest) in data["items"].items()}
        own = {item_id: OwnItem(*fields) for item_id, fields in data["own"].items()}
        if not _well_typed(data, items):
            return None
        return HireRecord(
            id=hire_id, name=data["name"], checklist=data["checklist"],
            start_date=dt.date.fromisoformat(data["start_date"]),
            checklist_version=data["checklist_version"], unit=data["unit"], mentor=data["mentor"],
            created=dt.datetime.fromisoformat(data["created"]) if data["created"] else None,
            items=items, format=data["format"], path=path, hr_contact=data["hr_contact"],
            centre_contact=data["centre_contact"], finished=_date(data["finished"]),
            finish_reason=data["finish_reason"], own=own,
        )
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


def _well_typed(data: dict[str, Any], items: dict[str, ItemState]) -> bool:
    """Whether an entry holds what ``entry_for`` writes (a damaged or hand-made index is a miss)."""
    text, maybe_text = str, (str, type(None))
    return (isinstance(data["name"], text) and isinstance(data["checklist"], text)
            and all(isinstance(data[key], maybe_text) for key in (
                "unit", "mentor", "created", "hr_contact", "centre_contact", "finish_reason"))
            and all(isinstance(value, maybe_text) for own in data["own"].values() for value in own)
            and all(isinstance(data[key], int) and not isinstance(data[key], bool)
                    for key in ("checklist_version", "format"))
            and all(state.status in STATUSES and all(isinstance(value, maybe_text) for value in (
                state.by, state.note, *state[5:])) for state in items.values()))


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
