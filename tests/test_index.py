"""The record index is a cache: it speeds listings up and is never trusted over the records."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from peeronboard.record import HireRecord, ItemState, LogEntry
from peeronboard.store import HireStore

NOW = dt.datetime(2027, 1, 20, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def store(data_dir: Path) -> HireStore:
    store = HireStore(data_dir)
    for n, name in enumerate(["Anna Ærø", "Bo", "Cai"]):
        store.create(HireRecord(
            id="new", name=name, checklist="sample", start_date=dt.date(2027, 2, 1 + n),
            unit=f"Unit {n}", mentor=f"Mentor {n}", created=NOW, checklist_version=2,
            items={"appoint-mentor": ItemState("done", dt.date(2027, 1, 2), "Lise", "note æ"),
                   "enrol-peer-training": ItemState("open", due=dt.date(2027, 3, 1))},
            log=(LogEntry(NOW, "Lise", "create"),)))
    return store


def fresh_parse(store: HireStore) -> list[HireRecord]:
    """Every record parsed from its file, as listings give them (without the log)."""

    return [store.load_path(path)._replace(log=()) for path in store.record_paths()]


def test_listing_from_the_index_equals_parsing_every_record(store: HireStore, data_dir: Path) -> None:
    first, _ = store.load_all()
    assert (data_dir / "index.json").exists()
    second, _ = store.load_all()  # now served from the index
    assert second == fresh_parse(store) == first
    assert sorted((r.unit, r.mentor) for r in second) == [("Unit 0", "Mentor 0"), ("Unit 1", "Mentor 1"),
                                                   ("Unit 2", "Mentor 2")]


def test_a_record_edited_in_place_is_read_again(store: HireStore) -> None:
    store.load_all()
    path = store.record_paths()[0]
    hire_id = path.stem
    inode = path.stat().st_ino
    text = path.read_text(encoding="utf-8")
    with open(path, "r+", encoding="utf-8") as handle:  # same inode, same size, new content
        handle.write(text.replace('status = "done"', 'status = "open"'))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert path.stat().st_ino == inode
    records, _ = store.load_all()
    assert {r.id: r for r in records}[hire_id].state("appoint-mentor").status == "open"


@pytest.mark.parametrize("damage", [
    b"not json", b'{"format": 1, "records": {"x": 3}}', b'{"format": 99, "records": {}}',
    "BAD_STATUS", "NAME_NOT_TEXT",
])
def test_a_damaged_index_is_ignored_and_rebuilt(store: HireStore, data_dir: Path, damage: object) -> None:
    store.load_all()
    index = data_dir / "index.json"
    if isinstance(damage, bytes):
        index.write_bytes(damage)
    else:
        data = json.loads(index.read_bytes())
        for entry in data["records"].values():
            if damage == "BAD_STATUS":
                entry["record"]["items"]["appoint-mentor"][0] = "finished"
            else:
                entry["record"]["name"] = 42
        index.write_text(json.dumps(data), encoding="utf-8")
    records, problems = store.load_all()
    assert not problems
    assert records == fresh_parse(store)


def test_the_index_is_private(store: HireStore, data_dir: Path) -> None:
    store.load_all()
    assert (data_dir / "index.json").stat().st_mode & 0o077 == 0
