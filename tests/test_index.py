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


# an entry (index format 4): [inode, mtime, size, name, checklist, start_date, checklist_version,
# format, created, items, unit, mentor, hr_contact, centre_contact, finished, finish_reason, own]
ENTRY_DAMAGE = {
    "BAD_STATUS": lambda e: e[:9] + [{"appoint-mentor": ["finished"]}] + e[10:],
    "NAME_NOT_TEXT": lambda e: e[:3] + [42] + e[4:],
    "STATE_NOT_A_LIST": lambda e: e[:9] + [{"appoint-mentor": "done"}] + e[10:],
    "STATE_TOO_LONG": lambda e: e[:9] + [{"appoint-mentor": ["done"] + [None] * 20}] + e[10:],
    "STATE_TEXT_NOT_TEXT": lambda e: e[:9] + [{"appoint-mentor": ["done", None, ["Lise"]]}] + e[10:],
    "ITEMS_A_LIST": lambda e: e[:9] + [[["done"]]] + e[10:],
    "TOO_SHORT": lambda e: e[:5],
    "TOO_LONG": lambda e: e + [None] * 5 + [{}],
    "A_TABLE": lambda e: {"stamp": e[:3], "record": {"name": e[3]}},
    "VERSION_TRUE": lambda e: e[:6] + [True] + e[7:],
    "START_FAR_AWAY": lambda e: e[:5] + ["9999-12-31"] + e[6:],
    "START_NOT_TEXT": lambda e: e[:5] + [20270201] + e[6:],
    "CREATED_NOT_A_TIME": lambda e: e[:8] + ["soon"] + e[9:],
    "OWN_NOT_A_TABLE": lambda e: (e + [None] * 17)[:16] + [["own-1"]],
    "OWN_WITHOUT_TITLE": lambda e: (e + [None] * 17)[:16] + [{"own-1": [None, "p"]}],
    "FINISHED_A_NUMBER": lambda e: (e + [None] * 17)[:14] + [7] + (e + [None] * 17)[15:17],
}


@pytest.mark.parametrize("damage", [
    b"not json", b'{"format": 1, "records": {"x": 3}}', b'{"format": 99, "records": {}}',
    b'{"format": 4, "records": [1]}', b"[" * 100_000, b'{"format": 4, "records": ' + b"[" * 100_000,
    b"\xff\xfe\x00garbage", *ENTRY_DAMAGE,
])
def test_a_damaged_index_is_ignored_and_rebuilt(store: HireStore, data_dir: Path, damage: object) -> None:
    store.load_all()
    index = data_dir / "index.json"
    if isinstance(damage, bytes):
        index.write_bytes(damage)
    else:
        data = json.loads(index.read_bytes())
        data["records"] = {hire_id: ENTRY_DAMAGE[damage](entry) for hire_id, entry in data["records"].items()}
        index.write_text(json.dumps(data), encoding="utf-8")
    records, problems = store.load_all()
    assert not problems
    assert records == fresh_parse(store)
    rebuilt = json.loads(index.read_bytes())
    assert rebuilt["format"] == 4 and sorted(rebuilt["records"]) == sorted(r.id for r in records)
    assert store.load_all()[0] == records  # and served from the rebuilt index


def test_an_index_of_the_older_format_is_rebuilt_in_the_new_one(store: HireStore, data_dir: Path) -> None:
    store.load_all()
    index = data_dir / "index.json"
    index.write_text(json.dumps({"format": 3, "records": {r.id: {"stamp": [0, 0, 0], "record": {}}
                                                          for r in fresh_parse(store)}}), encoding="utf-8")
    records, _ = store.load_all()
    assert records == fresh_parse(store)
    assert json.loads(index.read_bytes())["format"] == 4


def test_a_hire_with_only_the_checklists_items_lists_right_from_the_index(data_dir: Path) -> None:
    store = HireStore(data_dir)
    bare = store.create(HireRecord(id="new", name="Dea", checklist="sample", start_date=dt.date(2027, 2, 1)))
    store.load_all()
    entry = json.loads((data_dir / "index.json").read_bytes())["records"][bare.id]
    assert entry[3:] == ["Dea", "sample", "2027-02-01", 1, 3, None, {}], "nothing stored the record lacks"
    (listed,), _ = store.load_all()
    assert listed == store.load(bare.id)._replace(log=())
    assert listed.items == {} and listed.unit is None and listed.own == {}


def test_the_index_is_private(store: HireStore, data_dir: Path) -> None:
    store.load_all()
    assert (data_dir / "index.json").stat().st_mode & 0o077 == 0


def test_a_listed_record_has_its_file_s_path_read_or_from_the_index(store: HireStore,
                                                                    data_dir: Path) -> None:
    from peeronboard.store import _child_maker

    read, _ = store.load_all()
    indexed, _ = store.load_all()
    for record in read + indexed:
        expected = data_dir / "hires" / f"{record.id}.toml"
        assert record.path == expected and str(record.path) == str(expected)
        assert record.path.name == f"{record.id}.toml" and record.path.parent == expected.parent
    # where pathlib has no quick maker of a child (another Python), the path is made the usual way

    class Folder:
        def joinpath(self, name: str) -> Path:
            return data_dir / name

    assert _child_maker(Folder())("x.toml") == data_dir / "x.toml"  # type: ignore[arg-type]
