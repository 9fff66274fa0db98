"""Hire records: one TOML file per hire, its model, validation, and edits that keep comments."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

from . import tomlsource
from .dates import EARLIEST_START, LATEST_START
from .errors import Invalid
from .i18n import Phrase
from .problems import FormatError, Problem
from .safetext import has_unsafe
from .tomlsource import KeyPath
from .tuples import NamedTuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:  # tomlkit is imported only where a record is written, to keep reading fast
    from typing import Any

    import tomlkit

# Format 2 added an item's own due date (``due``), which format-1 programs would silently ignore.
# Format 3 added an item's reason for not applicable apart from its note (``reason``), the person named
# for it (``assignee``) and its last known title (``title_da``, ``title_en``, so a retired item keeps
# it); the hire's HR and recovery-centre contacts, its end (``finished``, ``finish_reason``), and
# one-off items of its own (``[own.<id>]``). An older record reads as it is and is written as the
# current format the next time it changes.
RECORD_FORMAT = 3
STATUSES = ("open", "done", "skipped")
HIRE_ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
OWN_ID_PATTERN = re.compile(r"^own-[1-9][0-9]*\Z")
MAX_LINE = 500  # characters in one line of typed text (a name, a reason); a note may hold more
MAX_NOTE = 10_000
HEADER_COMMENT = (
    "peeronboard hire record: one file per hire. peeronboard writes it; comments you add are kept."
)


class ItemState(NamedTuple):
    """What has been recorded for one checklist item."""

    status: str = "open"
    date: dt.date | None = None
    by: str | None = None
    note: str | None = None
    due: dt.date | None = None  # the item's own due date, replacing the checklist's
    reason: str | None = None  # why the item is not applicable (kept apart from the note)
    assignee: str | None = None  # the person named for this item, over the one its owner role gives
    title_da: str | None = None  # the item's last known title, so a retired item keeps it
    title_en: str | None = None

    def work(self) -> ItemState:
        """The state without the remembered titles: what a change must alter to be a change."""
        return self._replace(title_da=None, title_en=None)


OPEN = ItemState()
NO_ITEMS: Mapping[str, ItemState] = MappingProxyType({})


class OwnItem(NamedTuple):
    """A one-off item that only this hire has (``[own.<id>]``); its state is in ``[items]``."""

    title: str
    phase: str | None = None
    owner: str | None = None


NO_OWN: Mapping[str, OwnItem] = MappingProxyType({})
HIRE_TEXT_FIELDS = ("unit", "mentor", "hr_contact", "centre_contact", "finish_reason")
EDIT = "edit"  # a logged change of hire fields; its text starts with the field: "name: old → new"


class LogEntry(NamedTuple):
    """One change, appended to the record's log and never rewritten."""

    at: dt.datetime
    by: str
    action: str
    item: str | None = None
    text: str | None = None


class HireRecord(NamedTuple):
    """One hire: who, which checklist, from when, and the state of each item. Never changed in
    place: ``_replace`` makes a changed copy. (A named tuple: much cheaper to define than a dataclass,
    which a one-tick command notices.)"""

    id: str
    name: str
    checklist: str
    start_date: dt.date
    checklist_version: int = 1
    unit: str | None = None
    mentor: str | None = None
    created: dt.datetime | None = None
    items: Mapping[str, ItemState] = NO_ITEMS
    log: tuple[LogEntry, ...] = ()
    format: int = RECORD_FORMAT
    path: Path | None = None
    hr_contact: str | None = None
    centre_contact: str | None = None
    finished: dt.date | None = None  # when onboarding ended (completed, the person left, stopped)
    finish_reason: str | None = None
    own: Mapping[str, OwnItem] = NO_OWN

    def person_for(self, role: str | None) -> str | None:
        """The person this record names for an owner role (mentor, hr, centre), or None."""
        return {"mentor": self.mentor, "hr": self.hr_contact, "centre": self.centre_contact}.get(
            (role or "").lower())

    def state(self, item_id: str) -> ItemState:
        return self.items.get(item_id) or OPEN


def own_number(item_id: str) -> int:
    """The number of a one-off item's id (``own-3`` → 3), or 0 for any other id."""
    tail = item_id[4:]
    return int(tail) if item_id.startswith("own-") and tail.isdigit() else 0


def next_own_ids(records: tuple[HireRecord, ...], count: int = 1) -> list[str]:
    """Fresh ids for one-off items, never one these records used before (their logs remember them)."""
    used = {item_id for record in records
            for item_id in (*record.own, *record.items, *(e.item for e in record.log if e.item))}
    start = max(map(own_number, used), default=0)
    return [f"own-{start + n}" for n in range(1, count + 1)]


def validate_name(name: str) -> str:
    """A hire's name: any Unicode text, but not empty and without control characters."""
    cleaned = validate_line(name)
    if not cleaned:
        raise Invalid("why.name_empty")
    return cleaned


def validate_line(text: str) -> str:
    """One line of user text (a name, unit, mentor, who did it, a reason): stripped, and without
    control characters or bidi overrides, which would reach the terminal as escape sequences or
    reorder what a reader sees."""
    cleaned = text.strip()
    if has_unsafe(cleaned):
        raise Invalid("why.control_line")
    if len(cleaned) > MAX_LINE:
        raise Invalid("why.too_long", most=MAX_LINE)
    return cleaned


def validate_note(text: str) -> str:
    """A note: like one line of text, but line breaks and tabs may stay (CRLF becomes LF)."""
    cleaned = text.replace("\r\n", "\n").strip()
    if has_unsafe(cleaned, multiline=True):
        raise Invalid("why.control_note")
    if len(cleaned) > MAX_NOTE:
        raise Invalid("why.too_long", most=MAX_NOTE)
    return cleaned


def same_hire(record: HireRecord, data: dict[str, Any]) -> str:
    """Whether ``data`` (another file claiming the record's id) holds the same hire: "" when it does,
    else why not. The ``created`` time stamp is the hire's identity; without it, the name."""
    created = data.get("created")
    if isinstance(created, dt.datetime) and record.created is not None:
        created = _aware(created)
        if created == record.created:
            return ""
        return Phrase("record.other_created", theirs=created.isoformat(), ours=record.created.isoformat())
    name = data.get("name")
    if isinstance(name, str) and name.strip().casefold() == record.name.strip().casefold():
        return ""
    return Phrase("record.other_name")


def _aware(moment: dt.datetime) -> dt.datetime:
    """A time stamp written without a UTC offset (by hand) is taken as this computer's local time."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def parse_record(data: dict[str, Any], path: Path | None = None, text: str = "") -> HireRecord:
    """Validate parsed record data; raises FormatError naming each bad key and its line."""
    problems: list[Problem] = []

    def problem(at: KeyPath, message: str) -> None:
        line = tomlsource.locate(text, at) if text else None
        problems.append(Problem(path, message, line or 1))

    fmt = data.get("format")
    if fmt is None:
        problem((), Phrase("record.missing", key="format"))
    elif not isinstance(fmt, int) or isinstance(fmt, bool) or fmt < 1:
        problem(("format",), Phrase("record.whole_number", key="format", value=repr(fmt)))
    elif fmt > RECORD_FORMAT:
        problem(("format",), Phrase("record.format_newer", format=str(fmt), known=str(RECORD_FORMAT)))
        raise FormatError(problems)

    def string(key: str, required: bool = False) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                problem((), Phrase("record.missing", key=key))
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            problem((key,), Phrase("record.text", key=key, value=repr(value)))
            return None
        return value

    hire_id = string("id", required=True)
    if hire_id is not None and not HIRE_ID_PATTERN.match(hire_id):
        problem(("id",), Phrase("record.id_pattern", id=repr(hire_id)))
    if path is not None and hire_id is not None and path.stem != hire_id:
        problem(("id",), Phrase("record.id_file", id=repr(hire_id), file=repr(path.name)))
    name = string("name", required=True)
    checklist = string("checklist", required=True)
    hire_texts = {key: string(key) for key in HIRE_TEXT_FIELDS}
    finished = _date_value(data.get("finished"), ("finished",), problem, in_range=True)
    start = _date_value(data.get("start_date"), ("start_date",), problem, required=True)
    if start is not None and not EARLIEST_START <= start <= LATEST_START:
        problem(("start_date",), Phrase("record.outside", key="start_date", day=str(start)))
        start = None
    version = data.get("checklist_version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problem(("checklist_version",), Phrase("record.whole_number", key="checklist_version",
                                               value=repr(version)))
    created = data.get("created")
    if created is not None and not isinstance(created, dt.datetime):
        problem(("created",), Phrase("record.created"))
        created = None
    elif created is not None:
        created = _aware(created)

    items: dict[str, ItemState] = {}
    raw_items = data.get("items", {})
    if not isinstance(raw_items, dict):
        problem(("items",), Phrase("record.items"))
        raw_items = {}
    for item_id, raw in raw_items.items():
        at: KeyPath = ("items", item_id)
        if not isinstance(raw, dict):
            problem(at, Phrase("record.item_table", item=item_id))
            continue
        status = raw.get("status", "open")
        if status not in STATUSES:
            problem(at + ("status",), Phrase("record.status", item=item_id, statuses=", ".join(STATUSES),
                                             value=repr(status)))
            continue
        day = _date_value(raw.get("date"), at + ("date",), problem, in_range=True)
        due = _date_value(raw.get("due"), at + ("due",), problem, in_range=True)
        texts = {}
        for key in _ITEM_TEXTS:
            value = raw.get(key)
            if value is not None and not isinstance(value, str):
                problem(at + (key,), Phrase("record.item_text", item=item_id, key=key, value=repr(value)))
                value = None
            texts[key] = value
        items[item_id] = ItemState(status, day, due=due, **texts)

    own = _own_items(data.get("own", {}), problem)

    log: list[LogEntry] = []
    raw_log = data.get("log", [])
    if not isinstance(raw_log, list):
        problem(("log",), Phrase("record.log"))
        raw_log = []
    for index, raw in enumerate(raw_log):
        at = ("log", index)
        if not isinstance(raw, dict) or not isinstance(raw.get("at"), dt.datetime) \
                or not isinstance(raw.get("action"), str):
            problem(at, Phrase("record.log_entry"))
            continue
        item = raw.get("item")
        entry_text = raw.get("text")
        log.append(LogEntry(_aware(raw["at"]), str(raw.get("by", "")), raw["action"],
                            item if isinstance(item, str) else None,
                            entry_text if isinstance(entry_text, str) else None))

    if problems:
        raise FormatError(problems)
    assert hire_id and name and checklist and start
    return HireRecord(
        id=hire_id, name=name, checklist=checklist, start_date=start,
        checklist_version=version, created=created, items=items, log=tuple(log), format=fmt,
        path=path, finished=finished, own=own, **hire_texts,
    )


_ITEM_TEXTS = ("by", "note", "reason", "assignee", "title_da", "title_en")


def _own_items(raw_own: Any, problem: Any) -> dict[str, OwnItem]:
    """The hire's one-off items, ``[own.<id>]`` tables with a title (and a phase and an owner)."""
    own: dict[str, OwnItem] = {}
    if not isinstance(raw_own, dict):
        problem(("own",), Phrase("record.own"))
        return own
    for item_id, raw in raw_own.items():
        at: KeyPath = ("own", item_id)
        if not OWN_ID_PATTERN.match(item_id):
            problem(at, Phrase("record.own_id", item=item_id))
            continue
        title = raw.get("title") if isinstance(raw, dict) else None
        if not isinstance(title, str) or not title.strip() or has_unsafe(title):
            problem(at, Phrase("record.own_title", item=item_id))
            continue
        extra = {key: raw.get(key) for key in ("phase", "owner")}
        if any(value is not None and not isinstance(value, str) for value in extra.values()):
            problem(at, Phrase("record.own_texts", item=item_id))
            continue
        own[item_id] = OwnItem(title, **extra)
    return own


def _date_value(value: Any, at: KeyPath, problem: Any, required: bool = False,
                in_range: bool = False) -> dt.date | None:
    """A date from the record; with ``in_range``, one from 1900 to 2999 (as a start date is), so a
    hand-written 9999-12-31 cannot overflow the date arithmetic of exports."""
    day = None
    if value is None:
        if required:
            problem(at[:-1], Phrase("record.missing", key=str(at[-1])))
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        with contextlib.suppress(ValueError):
            day = dt.date.fromisoformat(value)
    where = ".".join(map(str, at))
    if day is None:
        problem(at, Phrase("record.date", key=where, value=repr(value)))
    elif in_range and not EARLIEST_START <= day <= LATEST_START:
        problem(at, Phrase("record.outside", key=where, day=str(day)))
        day = None
    return day


# --- writing -----------------------------------------------------------------------------------

def new_document(record: HireRecord) -> tomlkit.TOMLDocument:
    """A fresh, readable record file holding everything in ``record``."""
    import tomlkit

    doc = tomlkit.document()
    doc.add(tomlkit.comment(HEADER_COMMENT))
    doc.add("format", RECORD_FORMAT)
    doc.add("id", record.id)
    doc.add("name", record.name)
    doc.add("checklist", record.checklist)
    doc.add("checklist_version", record.checklist_version)
    doc.add("start_date", record.start_date)
    for key in ("unit", "mentor", "hr_contact", "centre_contact"):
        value = getattr(record, key)
        if value:
            doc.add(key, value)
    if record.created is not None:
        doc.add("created", record.created)
    if record.finished is not None:
        doc.add("finished", record.finished)
        if record.finish_reason:
            doc.add("finish_reason", record.finish_reason)
    doc.add(tomlkit.nl())
    for item_id, own in record.own.items():
        set_own_item(doc, item_id, own)
    for item_id, state in record.items.items():
        set_item_state(doc, item_id, state)
    for entry in record.log:
        append_log(doc, entry)
    return doc


def upgrade_format(doc: tomlkit.TOMLDocument) -> None:
    """Mark a record of an older format as the current one: every older record reads as the current
    format does (formats 2 and 3 only added keys), so the number is all that changes."""
    if doc.get("format", RECORD_FORMAT) < RECORD_FORMAT:
        doc["format"] = RECORD_FORMAT


def set_item_state(doc: tomlkit.TOMLDocument, item_id: str, state: ItemState) -> None:
    """Write one item's state, keeping any comments and unknown keys in its table."""

    values = state._asdict()
    items = _tables_of(doc, "items", before=("log",))
    table = items.get(item_id)
    if table is None:
        items[item_id] = _table({key: value for key, value in values.items() if value is not None})
        return
    for key, value in values.items():
        if value is None:
            if key in table:
                del table[key]
        else:
            table[key] = value


def set_own_item(doc: tomlkit.TOMLDocument, item_id: str, own: OwnItem | None) -> None:
    """Write (or, with None, remove) one of the hire's one-off items, ``[own.<id>]``, placed before
    the items and the log."""
    from tomlkit.items import Table

    table = doc.get("own")
    if own is None:
        if isinstance(table, Table) and item_id in table:
            del table[item_id]
            if not table:
                doc.remove("own")
        return
    table = _tables_of(doc, "own", before=("items", "log"))
    table[item_id] = _table({key: value for key, value in own._asdict().items() if value is not None})


def _tables_of(doc: tomlkit.TOMLDocument, key: str, before: tuple[str, ...]) -> Any:
    """The ``[key.<id>]`` tables of the document; when there are none yet, or they were written by hand
    as an inline table, made so, placed before the ``before`` keys and keeping every recorded value."""
    import tomlkit
    from tomlkit.items import Table

    tables = doc.get(key)
    if isinstance(tables, Table):
        return tables
    existing = tables.unwrap() if tables is not None else {}
    later = {name: doc[name] for name in before if name in doc}
    for name in [key, *later]:
        if name in doc:
            doc.remove(name)
    tables = tomlkit.table(is_super_table=True)
    for other_id, other in existing.items():
        tables.add(other_id, _table(other))
    doc.add(key, tables)
    for name, value in later.items():
        doc.add(name, value)
    return tables


def set_hire_fields(doc: tomlkit.TOMLDocument, values: dict[str, Any]) -> None:
    """Set (or, with None, remove) top-level fields of the hire, keeping everything else."""
    for key, value in values.items():
        if value is None:
            if key in doc:
                doc.remove(key)
        else:
            doc[key] = value


def remove_item_state(doc: tomlkit.TOMLDocument, item_id: str) -> None:
    """Remove one item's recorded state (the log keeps what it was)."""
    from tomlkit.items import Table

    items = doc.get("items")
    if isinstance(items, Table) and item_id in items:
        del items[item_id]


def append_log(doc: tomlkit.TOMLDocument, entry: LogEntry) -> None:
    """Add one entry at the end of the record's log (a hand-written ``log = [...]`` becomes [[log]])."""
    import tomlkit
    from tomlkit.items import AoT

    table = _table({key: value for key, value in entry._asdict().items() if value is not None})
    table.add(tomlkit.nl())
    log = doc.get("log")
    if not isinstance(log, AoT):
        earlier = log.unwrap() if log is not None else []
        if log is not None:
            doc.remove("log")
        doc.add("log", tomlkit.aot())
        for old in earlier:
            doc["log"].append(_table(old))
    doc["log"].append(table)


def _table(values: dict[str, Any]) -> Any:
    import tomlkit

    table = tomlkit.table()
    for key, value in values.items():
        table.add(key, value)
    return table
