"""The bench's data: hires on the largest built-in checklist, written fast, cached under /tmp by count.

Each record is the record module's own serializer output (``new_document``) for that hire: the text of
one serialized record with its id, name, start date and unit put in, and a sample of the records is
checked byte for byte against the serializer, so the app reads them exactly as records it wrote.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import re
import shutil
import tempfile
from pathlib import Path
from typing import NamedTuple

CACHE_ROOT = Path(tempfile.gettempdir()) / "peeronboard-bench-data"
CHECKLIST = "peermedarbejder-udvidet"  # the largest built-in checklist
ITEMS_DONE = 5
DAYS_SPREAD = 700
FIRST_START = dt.date(2026, 1, 1)
MOMENT = dt.datetime(2026, 1, 1, 9, 0, tzinfo=dt.UTC)  # fixed, so the same count gives the same files
ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # as HireStore.create makes ids
ID_LENGTH = 6


class DataSet(NamedTuple):
    folder: Path  # holds data/ (the hires); copy it before use, since the app writes to it
    count: int
    ids: list[str]  # in the order the dashboard lists them: start date, then name
    first_name: str  # the dashboard's first row
    last_name: str  # the dashboard's last row
    checklist_items: int
    open_item: str  # the first item that is not done on every hire


def hire_name(number: int) -> str:
    return f"Person {number:05d} Hansen"


def start_date(number: int) -> dt.date:
    return FIRST_START + dt.timedelta(days=number % DAYS_SPREAD)


def listed_order(count: int) -> list[int]:
    """Hire numbers as the dashboard sorts them: by start date, then by name."""
    return sorted(range(count), key=lambda n: (start_date(n), hire_name(n)))


def _checklist():
    from peeronboard.library import ChecklistLibrary
    from peeronboard.paths import builtin_checklists_dir

    library = ChecklistLibrary.discover([builtin_checklists_dir()])
    return library.get(CHECKLIST) or max(library.ordered(), key=lambda c: len(list(c.items)))


def _serialized(checklist, hire_id: str, number: int) -> str:
    """One hire's record text, straight from the record module's serializer."""
    import tomlkit

    from peeronboard.record import HireRecord, ItemState, LogEntry, new_document

    done = [item.id for item in checklist.items][:ITEMS_DONE]
    record = HireRecord(
        id=hire_id, name=hire_name(number), checklist=checklist.id, start_date=start_date(number),
        unit=f"Afsnit {number % 40}", checklist_version=checklist.version, created=MOMENT,
        items={item: ItemState("done", FIRST_START, "bench", "ok") for item in done},
        log=tuple(LogEntry(MOMENT, "bench", "check", item) for item in done),
    )
    return tomlkit.dumps(new_document(record))


_FIELDS = {"id": r'^id = ".*"$', "name": r'^name = ".*"$', "start_date": r"^start_date = .*$",
           "unit": r'^unit = ".*"$'}


def _template(text: str) -> str:
    """The record text with its four per-hire fields replaced by ``{field}`` placeholders."""
    template = text.replace("{", "{{").replace("}", "}}")
    for field, pattern in _FIELDS.items():
        template, found = re.subn(pattern, f"{field} = {{{field}}}", template, count=1, flags=re.M)
        assert found == 1, f"the serializer no longer writes {field} on a line of its own"
    return template


def _filled(template: str, hire_id: str, number: int) -> str:
    return template.format(id=f'"{hire_id}"', name=f'"{hire_name(number)}"',
                           start_date=start_date(number).isoformat(), unit=f'"Afsnit {number % 40}"')


def _ids(count: int) -> list[str]:
    chooser = random.Random(count)
    ids: dict[str, None] = {}
    while len(ids) < count:
        ids["".join(chooser.choice(ID_ALPHABET) for _ in range(ID_LENGTH))] = None
    return list(ids)


def _write(hires: Path, checklist, ids: list[str]) -> None:
    template = _template(_serialized(checklist, ids[0], 0))
    sample = set(range(0, len(ids), max(1, len(ids) // 7))) | {len(ids) - 1}
    for number, hire_id in enumerate(ids):
        text = _filled(template, hire_id, number)
        if number in sample and text != _serialized(checklist, hire_id, number):
            raise AssertionError("the bench's record text differs from the serializer's")
        (hires / f"{hire_id}.toml").write_text(text, encoding="utf-8")


def data_set(count: int) -> DataSet:
    """``count`` hires, made once per count (and per record format) and kept under /tmp."""
    checklist = _checklist()
    ids = _ids(count)
    key = hashlib.sha256(_serialized(checklist, "a", 0).encode()).hexdigest()[:12]
    folder = CACHE_ROOT / f"{count}-{key}"
    if not (folder / "data" / "hires").is_dir():
        CACHE_ROOT.mkdir(parents=True, exist_ok=True)
        building = Path(tempfile.mkdtemp(prefix=f".{count}-", dir=CACHE_ROOT))
        (building / "data" / "hires").mkdir(parents=True)
        _write(building / "data" / "hires", checklist, ids)
        try:
            os.rename(building, folder)
        except OSError:  # another bench made it meanwhile
            shutil.rmtree(building)
    order = listed_order(count)
    items = [item.id for item in checklist.items]
    return DataSet(folder, count, [ids[n] for n in order], hire_name(order[0]), hire_name(order[-1]),
                   len(items), items[ITEMS_DONE])


def working_copy(data: DataSet, into: Path) -> Path:
    """A copy of the data set's data folder (times kept) that a run may change; returns it."""
    target = into / f"data-{data.count}"
    shutil.copytree(data.folder / "data", target, copy_function=shutil.copy2)
    return target
