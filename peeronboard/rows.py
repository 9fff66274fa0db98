"""The dashboard's rows, kept in a small derived file so the first screen shows hires at once.

``<data dir>/rows.json`` holds one line per hire, sorted as the dashboard sorts by default (start date,
then name): what its row shows, and the stamp (inode, modification time, size) of the record file it
was made from. Its first line names the format and each checklist's stamp. A text that many rows have
alike (a unit, a date, the next item's title) is written out once, by the first row that has it, and
numbered in the order written (0 is no text); each row gives its texts' numbers: the file is a third
of the size, and quicker to read. A damaged line ends what is read (the rows after it might name
texts wrongly). A row is only ever used while its record file and its checklist are unchanged; any
other row is made again from the record.
The file is a cache: it may be missing, damaged or hostile, and deleting it is always safe. It holds
names, so it is private (0600) and ``erase`` shreds it.

A row says on which days items fall due rather than how many are overdue, so it is right on any day.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .atomic import replace_file
from .safefile import read_regular
from .tuples import NamedTuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any

ROWS_FORMAT = 4  # raise it when a row's fields change: an older file is then made again
HEAD_BYTES = 64 * 1024  # what is read before the first frame: a screen of rows many times over
MAX_LINE = 16 * 1024  # a longer line is not a row this module wrote
BATCH = 200  # lines parsed at once
Stamp = tuple[int, int, int]


class HireRow(NamedTuple):
    """One hire as its dashboard row shows it."""

    id: str
    stamp: Stamp  # the record file's, when the row was made
    name: str
    unit: str | None
    mentor: str | None
    hr_contact: str | None
    centre_contact: str | None
    start: dt.date
    checklist: str
    checklist_version: int
    done: int
    skipped: int  # not applicable
    total: int
    open_dues: tuple[int, ...]  # the days (ordinals) open items fall due, in order, each day once
    open_counts: tuple[int, ...]  # how many open items fall due by each of those days, in all
    next_due: dt.date | None  # the open item due first
    next_item: str | None  # its id
    next_da: str
    next_en: str
    finished: dt.date | None  # the hire's onboarding ended
    finish_reason: str | None

    @property
    def finished_items(self) -> int:
        """Items done or not applicable."""
        return self.done + self.skipped

    def overdue(self, today: dt.date) -> int:
        """Open items past their due date; a finished hire has none."""
        if self.finished:
            return 0
        days = bisect.bisect_left(self.open_dues, today.toordinal())
        return self.open_counts[days - 1] if days else 0

    def next_title(self, lang: str) -> str:
        return self.next_da if lang == "da" else self.next_en

    @property
    def start_order(self) -> tuple[dt.date, str]:
        return self.start, self.name.casefold()


def row_for(progress: Any, stamp: Stamp) -> HireRow:  # a progress.HireProgress
    """The row of a hire resolved against its checklist (without building a view of every item)."""
    record = progress.record
    upcoming = progress.next_due
    return HireRow(
        record.id, stamp, record.name, record.unit, record.mentor, record.hr_contact, record.centre_contact,
        record.start_date, record.checklist, record.checklist_version, progress.count("done"),
        progress.count("skipped"), progress.total, *_open_dues(progress),
        upcoming.due if upcoming else None, upcoming.item_id if upcoming else None,
        upcoming.title("da") if upcoming else "", upcoming.title("en") if upcoming else "",
        record.finished, record.finish_reason,
    )


def _open_dues(progress: Any) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The days open items of the checklist or of the hire's own fall due, earliest first, and how
    many fall due by each of those days."""
    checklist = progress.checklist
    if checklist is None:
        return (), ()
    states = progress.record.items
    planned = zip(checklist.item_list, checklist.due_dates(progress.record.start_date), strict=True)
    dues = []
    for item, due in [*planned, *((own, None) for own in progress.own_items)]:
        state = states.get(item.id)
        if state is None or state.status == "open":
            day = (state.due if state else None) or due
            if day is not None:
                dues.append(day.toordinal())
    days: list[int] = []
    counts: list[int] = []
    for number, day in enumerate(sorted(dues), 1):
        if days and days[-1] == day:
            counts[-1] = number
        else:
            days.append(day)
            counts.append(number)
    return tuple(days), tuple(counts)


def checklist_stamp(library: Any, checklist_id: str) -> list[Any]:  # a library.ChecklistLibrary
    """What changes when the checklist is edited, added or taken away: the identity of each file
    that defines it (read without parsing any of them)."""
    stamp = []
    for path in library.files_of(checklist_id):
        try:
            info = os.stat(path)
        except OSError:
            continue
        stamp.append([str(path), info.st_mtime_ns, info.st_size])
    return stamp


def checklist_stamps(library: Any, rows: Iterable[HireRow]) -> dict[str, list[Any]]:
    """The stamp of each checklist the rows were made with."""
    return {checklist_id: checklist_stamp(library, checklist_id)
            for checklist_id in {row.checklist for row in rows}}


# --- the file --------------------------------------------------------------------------------

def _dump(row: HireRow, numbers: dict[str | None, int]) -> list[Any]:
    """A row's line: its own values, then the texts it is the first to have (each numbered in
    ``numbers``, which the rows written before it built up), then the number of each of its shared
    texts."""
    days = " ".join(f"{day}*{count}" for day, count in zip(row.open_dues, row.open_counts, strict=True))
    shared = (row.unit, row.mentor, row.hr_contact, row.centre_contact, row.start.isoformat(), row.checklist,
              days, _day(row.next_due), row.next_item, row.next_da, row.next_en, _day(row.finished),
              row.finish_reason)
    added = []
    for text in shared:
        if text not in numbers:
            numbers[text] = len(numbers)
            added.append(text)
    return [row.id, list(row.stamp), row.name, row.checklist_version, row.done, row.skipped, row.total,
            added, *map(numbers.__getitem__, shared)]


# a row's line: id, stamp, name, checklist version, done, not applicable, total, the texts it adds,
# and then a number for each of the texts many rows share: unit, mentor, HR contact, recovery centre
# contact, start, checklist, due days, next due, next item, its Danish and English title, finished,
# the reason it finished
_LINE_LENGTH = 8 + 13
_OWN_KINDS = (str, list, str, int, int, int, int, list)
_NOT_READ = object()
_new_row = tuple.__new__  # a row of all its values, without a call of HireRow's own __new__


class _RowReader:
    """Reads rows as ``_dump`` wrote them, in the file's order (a row names its texts by the number
    they were given where they first came). Values many rows have alike (the days items fall due,
    dates) are made once and kept: ten thousand rows stay small, and quick to read."""

    def __init__(self) -> None:
        self._texts: list[str | None] = [None]  # the shared texts so far, by number
        self._days: dict[str, tuple[tuple[int, ...], tuple[int, ...]] | None] = {}
        self._dates: dict[Any, dt.date | None | bool] = {None: None}
        self._fits: dict[tuple[type, ...], bool] = {}  # whether a line of values of these types may be a row

    def row(self, data: Any) -> HireRow | None:
        """The row ``data`` holds, or None for anything else (after which no later row can be read:
        the texts it may have added are not known)."""
        if type(data) is not list or len(data) != _LINE_LENGTH:
            return None
        kinds = tuple(map(type, data))
        fits = self._fits.get(kinds)
        if fits is None:
            fits = self._fits[kinds] = kinds[:8] == _OWN_KINDS and all(kind is int for kind in kinds[8:])
        if not fits:
            return None
        hire_id, stamp, name, version, done, skipped, total, added, *numbers = data
        texts = self._texts
        if added:
            if not all(type(text) is str for text in added):
                return None
            texts.extend(added)
        if min(numbers) < 0 or max(numbers) >= len(texts):
            return None
        (unit, mentor, hr_contact, centre_contact, start, checklist, days, next_due, next_item, next_da,
         next_en, finished, reason) = map(texts.__getitem__, numbers)
        if not (done >= 0 and skipped >= 0 and total >= 0 and len(stamp) == 3
                and type(stamp[0]) is type(stamp[1]) is type(stamp[2]) is int and type(checklist) is str
                and type(days) is str and type(next_da) is str and type(next_en) is str):
            return None
        dues = self._days.get(days, _NOT_READ)
        if dues is _NOT_READ:
            dues = self._days[days] = _days(days)
        day, due, ended = self._date(start), self._date(next_due), self._date(finished)
        if dues is None or not isinstance(day, dt.date) or due is False or ended is False:
            return None
        return _new_row(HireRow, (hire_id, (stamp[0], stamp[1], stamp[2]), name, unit, mentor, hr_contact,
                                  centre_contact, day, checklist, version, done, skipped, total, dues[0],
                                  dues[1], due, next_item, next_da, next_en, ended, reason))

    def _date(self, text: str | None) -> dt.date | None | bool:
        day = self._dates.get(text, _NOT_READ)
        if day is _NOT_READ:
            day = self._dates[text] = _date(text)
        return day  # type: ignore[return-value]


def _days(text: str) -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """The days open items fall due and how many by each, from "739495*6 739525*7"; None if that is
    not what it holds."""
    if not text.isascii() or len(text) > MAX_LINE:
        return None
    dues, counts = [], []
    for part in text.split():
        day, star, count = part.partition("*")
        if not (star and day.isdigit() and count.isdigit()):
            return None
        dues.append(int(day))
        counts.append(int(count))
    if dues != sorted(set(dues)) or (dues and not 0 < dues[-1] <= dt.date.max.toordinal()):
        return None
    return tuple(dues), tuple(counts)


def _lines(text: str, complete: bool) -> Iterator[Any]:
    """Each line's JSON; a last line cut off by a partial read is left out, a damaged line is None."""
    lines = text.split("\n")
    if not complete:
        lines = lines[:-1]
    lines = [line for line in lines if line]
    for start in range(0, len(lines), BATCH):  # a parse per batch of lines: quick, and never all at once
        batch = lines[start:start + BATCH]
        if all(len(line) <= MAX_LINE for line in batch):
            try:
                yield from json.loads(f"[{','.join(batch)}]")
                continue
            except (ValueError, RecursionError):
                pass  # a damaged line in the batch: each line on its own
        for line in batch:
            try:
                yield json.loads(line) if len(line) <= MAX_LINE else None
            except (ValueError, RecursionError):
                yield None


class RowsFile:
    """The rows of every hire, sorted by start order, with the checklists' stamps they were made with."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self, head: bool = False, limit: int | None = None) -> tuple[dict[str, Any], list[HireRow]]:
        """The checklists' stamps and the rows, or nothing when the file is missing or not this format;
        with ``head``, only the rows in the file's first ``HEAD_BYTES``, and at most ``limit`` rows of
        hires not finished. Damaged rows are left out."""
        try:
            data = (read_regular(self.path, follow_links=False, max_bytes=HEAD_BYTES, head=True) if head
                    else read_regular(self.path, follow_links=False))
        except OSError:
            return {}, []
        lines = _lines(data.decode("utf-8", "replace"), complete=not head or len(data) < HEAD_BYTES)
        header = next(lines, None)
        if (not isinstance(header, dict) or header.get("format") != ROWS_FORMAT
                or not isinstance(header.get("checklists"), dict)):
            return {}, []
        rows: list[HireRow] = []
        current = 0
        for row in map(_RowReader().row, lines):
            if row is None:  # damaged: the rows after it are made from their records
                break
            rows.append(row)
            current += row.finished is None
            if limit is not None and current >= limit:
                break
        return header["checklists"], rows

    def write(self, rows: Iterable[HireRow], checklists: dict[str, Any]) -> None:
        """Replace the file; a failure only means the next start makes the rows again."""
        ordered = sorted(rows, key=lambda row: (*row.start_order, row.id))
        numbers: dict[str | None, int] = {None: 0}  # the texts numbered so far: no text is 0
        text = "\n".join([json.dumps({"format": ROWS_FORMAT, "rows": True, "checklists": checklists},
                                     ensure_ascii=False, separators=(",", ":")),
                          *(json.dumps(_dump(row, numbers), ensure_ascii=False, separators=(",", ":"))
                            for row in ordered)]) + "\n"
        with contextlib.suppress(OSError, ValueError):
            replace_file(self.path, text.encode("utf-8", "surrogateescape"), durable=False)


def looks_like_rows(path: Path) -> bool:
    """Whether ``path`` holds a rows file (a copy of one, under another name), by how it starts."""
    try:
        start = read_regular(path, follow_links=False, max_bytes=64, head=True)
    except OSError:
        return False
    return start.startswith(b'{"format":') and b'"rows":true' in start


def still_true(row: HireRow, stamp: Stamp | None, checklists: dict[str, Any],
               current: dict[str, Any]) -> bool:
    """Whether ``row`` still shows its record: the file has the stamp it was made from, and the
    checklist is the one it was made with."""
    return (stamp is not None and tuple(row.stamp) == tuple(stamp)
            and checklists.get(row.checklist) == current.get(row.checklist))


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _date(text: Any) -> dt.date | None | bool:
    """The date an ISO text names, None for none, False for anything else."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text) if type(text) is str else False
    except ValueError:
        return False
