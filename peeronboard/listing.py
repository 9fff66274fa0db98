"""Every hire's row as its record is now: the rows file where a record is unchanged, the record where not.

The dashboard and ``list`` show the same rows. Both take them from ``rows.json`` (``rows``) for every
record file with the stamp its row was made from, and read only the other records. When many are out
of date (a first start, or a sync that brought many), every record is read at once through the index,
which is quicker than one at a time. The rows file is then written again, under the store's lock and
only with hires whose record is still there, so an ``erase`` meanwhile is never undone.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable

from .errors import StoreError
from .index import collector_paused
from .problems import FormatError, Problem
from .rows import HireRow, RowsFile, Stamp, checklist_stamps, row_for
from .tuples import NamedTuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from .onboarding import Onboarding
    from .progress import HireProgress

SINGLE_READS = 50  # out-of-date rows made one record at a time; more, and every record is read at once
SAVE_WAIT = 1.0  # seconds a listing waits for another writer to let go of the lock, to save the rows


class KnownRows(NamedTuple):
    """The rows file's rows that still show their record, what the file held (its rows and the stamps
    of the checklists they were made with), and the stamp of every record file now."""

    rows: dict[str, HireRow]
    cached: list[HireRow]
    seen: dict[str, Stamp]
    checklists: dict[str, object]

    @property
    def stale(self) -> list[str]:
        """The records (in id order) whose row is missing or out of date."""
        return sorted(hire_id for hire_id in self.seen if hire_id not in self.rows)


def known_rows(onboarding: Onboarding, *, keep: bool = False) -> KnownRows:
    """The rows that can be shown without reading a record; with ``keep``, what is alive then is
    frozen (``gc.freeze``): the rows live on, and no collection needs to look at them again."""
    store = onboarding.store
    with collector_paused(keep=keep):  # thousands of rows, none of them garbage
        seen = store.snapshot()
        checklists, cached = RowsFile(store.rows_path).read()
    current = checklist_stamps(onboarding.library, cached)
    unchanged = {checklist for checklist, stamp in current.items() if checklists.get(checklist) == stamp}
    # still_true for every row, with each checklist compared once rather than once a row
    rows = {row.id: row for row in cached if row.checklist in unchanged and row.stamp == seen.get(row.id)}
    return KnownRows(rows, cached, seen, checklists)


def read_stale(onboarding: Onboarding, known: KnownRows) -> tuple[dict[str, HireRow], list[Problem]]:
    """Every hire's row, the out-of-date ones made from their records one at a time, and a problem
    for each record that cannot be read (as ``HireStore.load_all`` reports them)."""
    rows = dict(known.rows)
    problems: list[Problem] = []
    for hire_id in known.stale:
        try:
            progress = onboarding.progress(onboarding.store.load_listed(hire_id))
        except FormatError as error:
            problems.extend(error.problems)
            continue
        rows[hire_id] = row_for(progress, known.seen[hire_id])
    return rows, problems


def rows_of(hires: Iterable[HireProgress], known: KnownRows) -> dict[str, HireRow]:
    """The rows of hires read in full: the known row where it is still true, else one made now."""
    return {h.record.id: known.rows.get(h.record.id) or row_for(h, known.seen[h.record.id])
            for h in hires if h.record.id in known.seen}


def all_rows(onboarding: Onboarding) -> tuple[list[HireRow], list[Problem]]:
    """Every readable hire's row in start order (start date, name, id), and the unreadable records;
    the rows file is brought up to date for the next listing."""
    known = known_rows(onboarding)
    if len(known.stale) <= SINGLE_READS:
        rows, problems = read_stale(onboarding, known)
    else:
        hires, problems = onboarding.all_progress()
        rows = rows_of(hires, known)
    save_rows(onboarding, rows.values(), known)
    return sorted(rows.values(), key=lambda row: (*row.start_order, row.id)), problems


def save_rows(onboarding: Onboarding, rows: Iterable[HireRow], known: KnownRows | None = None) -> None:
    """Write the rows file (unless it holds these rows, made with these checklists, already: ``known``
    says what it held; or unless the folder cannot be written), leaving out any hire whose record is
    gone by the time the lock is held."""
    rows = list(rows)
    store = onboarding.store
    if (known is not None and {row.id: row for row in rows} == {row.id: row for row in known.cached}
            and checklist_stamps(onboarding.library, rows) == known.checklists):
        return
    if not os.access(store.data_dir, os.W_OK) or not store.hires_dir.is_dir():
        return
    with contextlib.suppress(StoreError), store.locked(create=False, wait=SAVE_WAIT):
        there = store.snapshot()
        kept = [row for row in rows if row.id in there]
        RowsFile(store.rows_path).write(kept, checklist_stamps(onboarding.library, kept))
