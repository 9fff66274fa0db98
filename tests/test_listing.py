"""``list`` is served from the rows file: what it prints is what reading every record says, on any day,
a record changed by hand shows as it is now, and the file never brings back an erased hire."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from peeronboard import tomlsource
from peeronboard.exports.common import hire_data
from peeronboard.listing import SINGLE_READS, all_rows, known_rows, save_rows
from peeronboard.onboarding import Onboarding
from peeronboard.rows import RowsFile

START = dt.date(2027, 1, 4)


def varied_hires(onboarding: Onboarding) -> list[str]:
    """Hires with every kind of thing a row shows: contacts, own items, moved dues, skips, an end."""
    ids = []
    for number in range(6):
        record = onboarding.add(f"Person {number} Ærø", START + dt.timedelta(days=9 * number - 20), "sample",
                                unit="Afsnit S4" if number % 2 else None, mentor="Mette" if number < 3 else None)
        ids.append(record.id)
    first, second, third, fourth, fifth, _ = ids
    onboarding.edit(first, hr_contact="Hanne (HR)", centre_contact="Recovery-centret")
    onboarding.check(first, "appoint-mentor")
    onboarding.skip(second, "appoint-mentor", "handled by HR")
    onboarding.set_due(second, "peer-training", "2027-03-01")
    onboarding.add_item(third, "Book the training place", when="2027-01-10")
    onboarding.add_item(third, "Meet the team")
    onboarding.assign(fourth, "appoint-mentor", "Jens")
    onboarding.finish(fifth, "moved on")
    return ids


def listed(onboarding: Onboarding, cli, day: dt.date, *args: str) -> str:
    cli_day = pytest.MonkeyPatch()
    cli_day.setenv("PEERONBOARD_TODAY", day.isoformat())
    try:
        result = cli("list", *args)
    finally:
        cli_day.undo()
    assert result.code == 0, result.err
    return result.out


@pytest.mark.parametrize("offset", [-30, 0, 5, 20, 60, 400])
def test_list_json_from_the_rows_file_is_what_every_record_says(onboarding: Onboarding, cli, offset: int) -> None:
    varied_hires(onboarding)
    day = START + dt.timedelta(days=offset)
    on_the_day = Onboarding(onboarding.store, onboarding.library, "Lise", lambda: day)
    hires, _ = on_the_day.all_progress()
    expected = [hire_data(h, "en") for h in hires]
    first = json.loads(listed(onboarding, cli, day, "--json", "--all"))  # makes the rows file
    assert onboarding.store.rows_path.exists()
    again = json.loads(listed(onboarding, cli, day, "--json", "--all"))  # served from it
    assert first == again == expected
    active = json.loads(listed(onboarding, cli, day, "--json"))
    assert active == [data for data in expected if data["finished"] is None]


def test_list_reads_no_record_whose_row_is_still_true(onboarding: Onboarding, cli,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    varied_hires(onboarding)
    before = listed(onboarding, cli, START, "--all")

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("a record was read")

    monkeypatch.setattr(tomlsource, "load", never)
    monkeypatch.setattr(onboarding.store.__class__, "load_all", never)
    assert listed(onboarding, cli, START, "--all") == before


def test_a_record_changed_by_hand_lists_as_it_is_now(onboarding: Onboarding, cli) -> None:
    ids = varied_hires(onboarding)
    listed(onboarding, cli, START)
    path = onboarding.store.path_for(ids[0])
    path.write_text(path.read_text(encoding="utf-8").replace("Person 0 Ærø", "Person 0 Renamed"),
                    encoding="utf-8")
    assert "Person 0 Renamed" in listed(onboarding, cli, START)
    assert "Person 0 Renamed" in RowsFile(onboarding.store.rows_path).path.read_text(encoding="utf-8")


def test_an_unreadable_record_is_reported_the_same_from_the_rows_file(onboarding: Onboarding, cli,
                                                                      hires_dir: Path) -> None:
    ids = varied_hires(onboarding)
    (hires_dir / f"{ids[1]}.toml").write_text("name = [", encoding="utf-8")
    (hires_dir / f"{ids[2]} (conflicted copy).toml").write_bytes(
        (hires_dir / f"{ids[2]}.toml").read_bytes())
    _, expected = onboarding.store.load_all()
    made, served = cli("list"), cli("list")  # the rows file made, then used
    assert made.code == served.code != 0
    assert made.err == served.err
    for problem in expected:
        assert problem.path.name in served.err
    assert "Person 1" not in served.out and "Person 2" in served.out
    _, problems = all_rows(onboarding)
    assert [(p.path, p.message) for p in problems] == [(p.path, p.message) for p in expected]


def test_many_changed_records_are_read_at_once_and_a_few_one_at_a_time(onboarding: Onboarding,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    for number in range(SINGLE_READS + 1):
        onboarding.add(f"Person {number:03d}", START, "sample")
    bulk_reads = []
    real = onboarding.all_progress
    monkeypatch.setattr(onboarding, "all_progress", lambda: (bulk_reads.append(1), real())[1])
    rows, _ = all_rows(onboarding)  # no rows file yet: every record at once
    assert len(rows) == SINGLE_READS + 1 and bulk_reads == [1]
    onboarding.check(rows[0].id, "appoint-mentor")
    again, _ = all_rows(onboarding)  # one changed: that one alone
    assert bulk_reads == [1]
    assert next(row for row in again if row.id == rows[0].id).done == 1


def test_a_rows_file_written_by_a_listing_never_holds_a_hire_erased_meanwhile(onboarding: Onboarding) -> None:
    ids = varied_hires(onboarding)
    rows, _ = all_rows(onboarding)
    onboarding.store.rows_path.unlink()
    known = known_rows(onboarding)
    onboarding.store.erase(ids[0])  # while the listing was reading
    save_rows(onboarding, rows, known)
    text = onboarding.store.rows_path.read_text(encoding="utf-8")
    assert "Person 0" not in text and ids[0] not in text
    assert "Person 1" in text


def test_a_touched_checklist_is_read_once_then_the_rows_file_serves_again(onboarding: Onboarding, cli,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A checklist file touched without a change (a sync, an upgrade that puts the built-in ones anew)
    makes every row out of date once: the rows, made again the same, are written with the checklist's
    new stamp, so the next listing reads no record (it once read every record on every start)."""
    varied_hires(onboarding)
    before = listed(onboarding, cli, START, "--all")
    checklist = onboarding.library.files_of("sample")[0]
    later = checklist.stat().st_mtime_ns + 5_000_000_000
    os.utime(checklist, ns=(later, later))
    assert listed(onboarding, cli, START, "--all") == before  # every record read again: the same rows

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("a record was read")

    monkeypatch.setattr(tomlsource, "load", never)
    monkeypatch.setattr(onboarding.store.__class__, "load_all", never)
    assert listed(onboarding, cli, START, "--all") == before
