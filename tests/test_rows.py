"""The dashboard's rows file: hires on the first screen before any record is read, never out of date,
and harmless when damaged or hostile."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peeronboard.listing import all_rows
from peeronboard.onboarding import Onboarding
from peeronboard.rows import HEAD_BYTES, HireRow, RowsFile, checklist_stamps, row_for
from peeronboard.ui.widgets.row_table import RowTable

from .test_tui import START, app_for, hire_rows, started


def rows_now(onboarding: Onboarding) -> list:
    hires, _ = onboarding.all_progress()
    seen = onboarding.store.snapshot()
    return [row_for(h, seen[h.record.id]) for h in hires]


def write_rows(onboarding: Onboarding) -> RowsFile:
    rows = rows_now(onboarding)
    file = RowsFile(onboarding.store.rows_path)
    file.write(rows, checklist_stamps(onboarding.library, rows))
    return file


def held_back_full_load(onboarding: Onboarding) -> threading.Event:
    """Reading every record waits until the returned event is set (at most 10 s)."""
    release = threading.Event()
    real = onboarding.all_progress
    onboarding.all_progress = lambda: (release.wait(10), real())[1]  # type: ignore[method-assign]
    return release


def add_hires(onboarding: Onboarding, count: int) -> list[str]:
    return [onboarding.add(f"Person {n:03d} Hansen", START + dt.timedelta(days=n), "sample").id
            for n in range(count)]


def test_a_row_reads_back_as_written_and_counts_overdue_right_on_any_day(onboarding: Onboarding) -> None:
    ids = add_hires(onboarding, 3)
    onboarding.check(ids[0], "appoint-mentor")
    onboarding.set_due(ids[1], "appoint-mentor", (START + dt.timedelta(days=40)).isoformat())
    file = write_rows(onboarding)
    checklists, rows = file.read()
    assert rows == sorted(rows_now(onboarding), key=lambda r: r.start_order)
    assert set(checklists) == {"sample"}
    for offset in range(-40, 200, 7):  # the row is right on days after it was made, too
        day = START + dt.timedelta(days=offset)
        later = Onboarding(onboarding.store, onboarding.library, "Lise", lambda day=day: day)
        expected = {h.record.id: h.overdue_count for h in later.all_progress()[0]}
        assert {row.id: row.overdue(day) for row in rows} == expected


def test_the_first_screen_shows_hires_before_any_record_is_read(onboarding: Onboarding) -> None:
    """With the rows file from the last run, the first frame already lists the hires: the full load
    (held back here) is not waited for."""
    add_hires(onboarding, 3)
    write_rows(onboarding)
    release = held_back_full_load(onboarding)

    async def run() -> None:
        app = app_for(onboarding)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            assert not app.loaded
            assert [r[0] for r in hire_rows(app)] == ["Person 000 Hansen", "Person 001 Hansen",
                                                      "Person 002 Hansen"]
            release.set()
            await started(pilot)
    asyncio.run(run())


def test_a_record_changed_since_the_rows_were_written_shows_as_it_is_now(onboarding: Onboarding) -> None:
    ids = add_hires(onboarding, 2)
    write_rows(onboarding)
    onboarding.edit(ids[0], name="Anna Ærø Jensen")  # by the command line, after the app last ran
    onboarding.erase(ids[1])
    release = held_back_full_load(onboarding)

    async def run() -> None:
        app = app_for(onboarding)
        async with app.run_test(size=(120, 30)) as pilot:
            await pilot.pause()
            assert [r[0] for r in hire_rows(app)] == ["Anna Ærø Jensen"]
            release.set()
            await started(pilot)
            assert [r[0] for r in hire_rows(app)] == ["Anna Ærø Jensen"]
    asyncio.run(run())


def test_a_tick_in_the_app_is_in_the_rows_file_for_the_next_start(onboarding: Onboarding) -> None:
    (hire_id,) = add_hires(onboarding, 1)

    async def run() -> None:
        app = app_for(onboarding)
        async with app.run_test(size=(120, 30)) as pilot:
            await started(pilot)
            await app.change_item(hire_id, "appoint-mentor", lambda r: onboarding.check(r, "appoint-mentor"))
            await pilot.pause(1.5)  # the rows file is written a moment after a change
            await app.workers.wait_for_complete()
    asyncio.run(run())
    _, rows = RowsFile(onboarding.store.rows_path).read()
    assert [(row.id, row.finished_items) for row in rows] == [(hire_id, 1)]
    assert rows[0].stamp == onboarding.store.stamp_of(hire_id)


def test_the_whole_list_is_there_once_the_rows_are_read(onboarding: Onboarding) -> None:
    """More hires than the first screen reads: after the load every one can be scrolled to."""
    ids = add_hires(onboarding, 3)
    file = write_rows(onboarding)
    _, rows = file.read()
    padded = [rows[0]._replace(id=f"x{n:05d}", name=f"Zed {n:05d}") for n in range(3000)]
    file.write([*rows, *padded], checklist_stamps(onboarding.library, rows))
    assert len(file.read(head=True)[1]) < 3000 < len(file.read()[1])  # the head is only a start

    async def run() -> None:
        app = app_for(onboarding)
        async with app.run_test(size=(120, 30)) as pilot:
            await started(pilot)
            table = app.screen.query_one("#hires", RowTable)
            # the padded rows have no record file: they are not shown
            assert sorted(table.key_at(n) for n in range(table.row_count)) == sorted(ids)
    asyncio.run(run())


HEADER = '{"format":4,"rows":true,"checklists":{}}\n'
# a well-made row: its own values, the texts it adds (numbered 1 to 4: 0 is no text), then the number of
# each shared text (unit, mentor, HR, centre, start, checklist, due days, next due, next item, its
# titles in Danish and English, finished, reason)
WELL_MADE = ["x", [1, 2, 3], "N", 1, 1, 0, 2, ["2027-01-01", "c", "739495*1", ""], 0, 0, 0, 0, 1, 2, 3, 0, 0,
             4, 4, 0, 0]


def line(**changes: object) -> str:
    """The well-made row with some values changed (by index: ``at_7=[...]``)."""
    values = list(WELL_MADE)
    for key, value in changes.items():
        values[int(key.removeprefix("at_"))] = value
    return json.dumps(values) + "\n"


HOSTILE = [
    b"", b"\x00\xff" * 100, b"[" * 100_000, HEADER.encode() + b"[" * 100_000,
    *((HEADER + line(**change)).encode() for change in (
        {"at_7": ["2027-13-45", "c", "739495*1", ""]},  # no such day
        {"at_7": ["2027-01-01", "c", "9*x 7*1", ""]},  # due days that are not
        {"at_3": True},  # a checklist version that is not a number
        {"at_10": 7},  # a text that was never numbered
        {"at_8": -1},  # a number before the first
        {"at_13": 0},  # no checklist
        {"at_12": 2},  # a start date that is the checklist's id
        {"at_7": ["2027-01-01", "c", "739495*1", 5]},  # a text that is a number
        {"at_2": 1},  # a name by number
        {"at_8": 1.0},  # a number that is not whole
    )),
    (HEADER + '"' + "a" * (HEAD_BYTES * 2) + '"\n').encode(),
    b'{"format":4,"rows":true,"checklists":[]}\n', b'{"format":99}\n',
    b'{"format":3,"rows":true,"checklists":{}}\n["x",[1,2,3],"N",null,null,null,null,"2027-01-01","c",1,1,0,2,'
    b'"739495*1",null,null,"","",null,null]\n',  # a row of the format before: made again
]


def test_a_well_made_row_of_the_same_shape_is_read() -> None:
    """The damaged rows above differ from this one in one value each."""
    path = Path(os.environ["PEERONBOARD_DATA_DIR"]).parent / "rows.json"
    path.write_text(HEADER + line())
    (row,) = RowsFile(path).read()[1]
    assert (row.name, row.start, row.checklist, row.done, row.total) == ("N", dt.date(2027, 1, 1), "c", 1, 2)
    assert (row.unit, row.next_due, row.next_da) == (None, None, "")
    assert [row.overdue(dt.date.fromordinal(day)) for day in (739495, 739496)] == [0, 1]


def test_a_damaged_line_ends_the_rows_read_and_the_hires_after_it_are_read_from_their_records(
        onboarding: Onboarding) -> None:
    """A later row may name a text the damaged line added: the rows after it are not trusted, but
    every hire is still listed as its record is."""
    add_hires(onboarding, 4)
    file = write_rows(onboarding)
    lines = file.path.read_text().splitlines(keepends=True)
    file.path.write_text("".join([*lines[:3], '["damaged"\n', *lines[3:]]))
    _, rows = file.read()
    assert [row.name for row in rows] == ["Person 000 Hansen", "Person 001 Hansen"]
    listed, problems = all_rows(onboarding)
    assert [row.name for row in listed] == [f"Person {n:03d} Hansen" for n in range(4)] and not problems


SHARED_TEXT = st.sampled_from(["Afsnit 1", "Afsnit 2", "Ærø \u202e", "2027-01-01", "", "a\nb"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.none() | SHARED_TEXT, st.none() | SHARED_TEXT, SHARED_TEXT, SHARED_TEXT,
                          st.none() | SHARED_TEXT, st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1))),
                max_size=12))
def test_rows_that_share_texts_read_back_as_written(tmp_path: Path, values: list) -> None:
    base = HireRow("x", (1, 2, 3), "N", None, None, None, None, dt.date(2027, 1, 1), "c", 1, 0, 0, 1,
                   (739495,), (1,), None, None, "", "", None, None)
    rows = [base._replace(id=f"h{n:02d}", name=f"N{n:02d}", unit=unit, mentor=mentor, next_da=da,
                          next_en=en, finish_reason=reason, start=start, next_due=start)
            for n, (unit, mentor, da, en, reason, start) in enumerate(values)]
    file = RowsFile(tmp_path / "rows.json")
    file.write(rows, {})
    assert file.read()[1] == sorted(rows, key=lambda row: (*row.start_order, row.id))


@pytest.mark.parametrize("content", HOSTILE, ids=range(len(HOSTILE)))
def test_a_damaged_rows_file_is_no_rows(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "rows.json"
    path.write_bytes(content)
    for head in (True, False):
        assert RowsFile(path).read(head=head)[1] == []


@pytest.mark.skipif(os.name == "nt", reason="FIFOs and symbolic links are POSIX file kinds")
def test_a_rows_file_that_is_a_fifo_a_link_or_a_folder_is_never_read(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.json"
    target.write_text(HEADER)
    for name, make in (("fifo", os.mkfifo), ("link", lambda p: p.symlink_to(target)), ("dir", os.mkdir)):
        path = tmp_path / name
        make(path)
        assert RowsFile(path).read(head=True) == ({}, [])  # and it returns: a FIFO never blocks


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
                    lambda inner: st.lists(inner, max_size=17) | st.dictionaries(st.text(), inner),
                    max_leaves=40)
ROW_LIKE = st.lists(JSON | st.sampled_from(["2027-01-01", "739495*6 739525*7", [1, 2, 3], ["c", ""], 0, 3]),
                    min_size=21, max_size=21)  # a row's length, with values a row may hold


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(JSON | ROW_LIKE)
def test_any_json_in_a_row_is_a_row_or_nothing(tmp_path: Path, value: object) -> None:
    path = tmp_path / "rows.json"
    path.write_text(HEADER + json.dumps(value) + "\n")
    for row in RowsFile(path).read()[1]:
        assert isinstance(row.name, str) and isinstance(row.start, dt.date)
        row.overdue(dt.date(2027, 1, 1))


def test_erase_removes_the_rows_file_which_holds_names(onboarding: Onboarding) -> None:
    ids = add_hires(onboarding, 2)
    write_rows(onboarding)
    copy = onboarding.store.data_dir / "rows (conflicted copy).json"
    copy.write_bytes(onboarding.store.rows_path.read_bytes())
    onboarding.erase(ids[0])
    assert not onboarding.store.rows_path.exists() and not copy.exists()


def test_every_hire_is_filterable_while_the_full_read_waits_for_the_leader_to_pause(
        onboarding: Onboarding, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading every record in full competes with the screen: it waits while keys come."""
    from peeronboard.ui import app as app_module

    ids = add_hires(onboarding, 3)
    write_rows(onboarding)
    monkeypatch.setattr(app_module, "QUIET_BEFORE_FULL_LOAD", 60.0)

    async def run() -> None:
        app = app_for(onboarding)
        app._last_input = time.monotonic()  # the leader is typing from the start
        async with app.run_test(size=(120, 30)) as pilot:
            while not app.rows_ready:
                await pilot.pause(0.01)
            await pilot.press("slash", *"002")
            await pilot.pause(0.3)
            assert not app.loaded
            assert ["Person 002 Hansen" in " ".join(row) for row in hire_rows(app)] == [True]
            app._last_input = 0.0  # a pause
            await started(pilot)
            assert sorted(app.hires) == sorted(ids)
    asyncio.run(run())


def test_the_app_never_looks_at_every_record_file_on_its_ui_thread(onboarding: Onboarding) -> None:
    """At ten thousand hires a look at every file takes a tenth of a second: a key pressed as the
    load ends must not wait for it."""
    add_hires(onboarding, 3)
    write_rows(onboarding)
    looked_from: list[threading.Thread] = []
    real = onboarding.store.snapshot

    def snapshot() -> dict:
        looked_from.append(threading.current_thread())
        return real()

    onboarding.store.snapshot = snapshot  # type: ignore[method-assign]

    async def run() -> None:
        app = app_for(onboarding)
        async with app.run_test(size=(120, 30)) as pilot:
            await started(pilot)
            await pilot.pause(0.2)
    asyncio.run(run())
    assert looked_from and threading.main_thread() not in looked_from
