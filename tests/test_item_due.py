"""An item's own due date: postponed (or brought forward) by the leader, kept through every change."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from peeronboard.dates import move_date
from peeronboard.errors import PeerError
from peeronboard.onboarding import Onboarding
from peeronboard.record import ItemState, LogEntry
from peeronboard.ui.widgets.row_table import RowTable

from .test_tui import app_for, cell_texts, started, text_of

START = dt.date(2027, 2, 1)  # appoint-mentor is due 2027-01-18 (overdue on 2027-01-20), peer-training 2027-03-01


@pytest.fixture
def anna(onboarding: Onboarding) -> str:
    return onboarding.add("Anna", START, "sample").id


@pytest.mark.parametrize(("typed", "current", "expected"), [
    ("2027-03-01", dt.date(2027, 1, 18), dt.date(2027, 3, 1)),
    ("+2w", dt.date(2027, 1, 18), dt.date(2027, 2, 1)),
    ("-3d", dt.date(2027, 1, 18), dt.date(2027, 1, 15)),
    ("1m", dt.date(2027, 1, 31), dt.date(2027, 2, 28)),
    ("reset", dt.date(2027, 1, 18), None),
    ("Nulstil", dt.date(2027, 1, 18), None),
    ("", dt.date(2027, 1, 18), None),
])
def test_a_new_due_date_is_a_date_a_move_or_reset(typed: str, current: dt.date,
                                                  expected: dt.date | None) -> None:
    assert move_date(typed, current) == expected


@pytest.mark.parametrize("typed", ["next week", "2027-02-30", "+2x", "3000-01-01", "+100y"])
def test_a_due_date_that_is_not_one_is_refused(typed: str) -> None:
    with pytest.raises(ValueError, match="is not a|is outside the years 1900-2999"):
        move_date(typed, dt.date(2950, 1, 1))


def test_postponing_makes_an_overdue_item_due_later_everywhere(onboarding: Onboarding, anna: str) -> None:
    assert onboarding.progress(onboarding.store.load(anna)).overdue_count == 1
    record = onboarding.set_due(anna, "appoint-mentor", "+3w", reason="mentor on holiday")
    assert record.state("appoint-mentor").due == dt.date(2027, 2, 8)
    progress = onboarding.progress(record)
    assert progress.overdue_count == 0
    assert progress.next_due is not None and progress.next_due.item_id == "order-workstation"
    view = next(v for v in progress.items if v.item_id == "appoint-mentor")
    assert (view.due, view.planned, view.moved) == (dt.date(2027, 2, 8), dt.date(2027, 1, 18), True)
    assert record.log[-1].action == "due" and record.log[-1].text == "2027-02-08: mentor on holiday"
    listed = {h.record.id: h for h in onboarding.all_progress()[0]}
    assert listed[anna].overdue_count == 0  # the listing (served from the index next time) agrees


def test_the_own_due_date_survives_tick_untick_skip_note_and_index(onboarding: Onboarding, anna: str) -> None:
    onboarding.set_due(anna, "peer-training", "2027-05-03")
    onboarding.check(anna, "peer-training", note="booked")
    onboarding.uncheck(anna, "peer-training")
    onboarding.note(anna, "peer-training", "waiting list")
    onboarding.skip(anna, "peer-training", "has it already")
    state = onboarding.store.load(anna).state("peer-training")
    assert (state.status, state.note, state.reason, state.due) == (
        "skipped", "waiting list", "has it already", dt.date(2027, 5, 3)), "the reason never replaces the note"
    onboarding.store.load_all()  # writes the index
    (cached,), _ = onboarding.store.load_all()
    assert cached.state("peer-training").due == dt.date(2027, 5, 3)


def test_reset_gives_the_checklist_date_back(onboarding: Onboarding, anna: str) -> None:
    onboarding.set_due(anna, "appoint-mentor", "2027-02-15")
    record = onboarding.set_due(anna, "appoint-mentor", "reset")
    assert record.state("appoint-mentor").due is None
    assert onboarding.progress(record).overdue_count == 1
    onboarding.set_due(anna, "appoint-mentor", "+2w")
    record = onboarding.set_due(anna, "appoint-mentor", "2027-01-18")  # the checklist's own date
    assert record.state("appoint-mentor").due is None, "so a new checklist version can still move it"


def test_the_agenda_follows_the_own_due_date(cli, hire: str) -> None:
    assert "peer-training" not in cli("agenda", "--days", "14").out  # due 2027-03-01
    moved = cli("due", hire, "peer-training", "2027-01-25", "--reason", "course starts early")
    assert moved.code == 0, moved.err
    assert moved.out == ("Anna Ærø Jensen: Tilmelde peeruddannelse: due 2027-01-25 "
                         "(the checklist says 2027-03-01)\n")
    assert "2027-01-25" in next(line for line in cli("agenda", "--days", "14").out.splitlines()
                                if "peer-training" in line)
    earlier = cli("due", hire, "peer-training", "-3d", "--reason", "a day off")
    assert earlier.code == 0, earlier.err
    assert "due 2027-01-22" in earlier.out
    assert cli("check", hire, "appoint-mentor", "--note", "-3d").code == 2, "only due takes a move"
    assert "2027-01-22 (moved from 2027-03-01)" in cli("show", hire).out
    back = cli("due", hire, "peer-training", "reset")
    assert back.out.endswith("due date from the checklist again (2027-03-01)\n")


def test_a_bad_due_date_is_one_line_and_changes_nothing(cli, hire: str, hires_dir: Path) -> None:
    before = (hires_dir / f"{hire}.toml").read_bytes()
    result = cli("due", hire, "appoint-mentor", "soon")
    assert result.code == 1
    assert result.err.count("\n") == 1 and "'soon' is not a date like 2027-03-01" in result.err
    assert "'snart' er ikke en dato som 2027-03-01" in cli("due", hire, "appoint-mentor", "snart", "--lang", "da").err
    assert (hires_dir / f"{hire}.toml").read_bytes() == before


def test_an_unknown_item_cannot_be_given_a_due_date(onboarding: Onboarding, anna: str) -> None:
    with pytest.raises(PeerError):
        onboarding.set_due(anna, "no-such-item", "+1w")


def test_the_csv_export_shows_the_own_due_date(cli, hire: str) -> None:
    cli("due", hire, "appraisal", "2027-12-01")
    rows = list(csv.reader(io.StringIO(cli("export", "--format", "csv").out.lstrip("\ufeff")), delimiter=";"))
    dues = {row[6]: row[9] for row in rows[1:]}
    assert dues["appraisal"] == "2027-12-01" and dues["peer-training"] == "2027-03-01"
    overdue = cli("export", "--format", "csv", "--only", "overdue").out
    cli("due", hire, "appoint-mentor", "+1w")
    assert "appoint-mentor" in overdue and "appoint-mentor" not in cli(
        "export", "--format", "csv", "--only", "overdue").out


async def test_d_sets_a_due_date_and_a_wrong_one_is_explained(onboarding: Onboarding, anna: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("enter", "d", *"soon", "enter")
        await pilot.pause()
        assert text_of(app, "#error-when").startswith("Type a date like 2027-03-01")
        assert onboarding.store.load(anna).state("appoint-mentor").due is None
        await pilot.press(*["backspace"] * 4, *"+3w", "enter")
        await pilot.pause()
        assert onboarding.store.load(anna).state("appoint-mentor").due == dt.date(2027, 2, 8)
        row = next(r for r in cell_texts(app.screen.query_one("#items", RowTable)) if "mentor" in r[1])
        assert row[2] == "2027-02-08 *"
        assert "Due: 2027-02-08 (moved from 2027-01-18)" in text_of(app, "#guidance")
        await pilot.press("u")  # undo gives the checklist's date back
        await pilot.pause()
        assert onboarding.store.load(anna).state("appoint-mentor").due is None


def test_summaries_say_the_item_was_moved_and_from_when(cli, hire: str) -> None:
    cli("due", hire, "peer-training", "2027-04-05")
    assert "Due 2027-04-05 (moved from 2027-03-01)" in cli("export", hire).out
    assert "Frist 2027-04-05 (flyttet fra 2027-03-01)" in cli("export", hire, "--format", "html",
                                                                "--lang", "da").out
    shown = json.loads(cli("show", hire, "--json").out)
    moved = next(item for item in shown["items"] if item["id"] == "peer-training")
    assert (moved["due"], moved["checklist_due"]) == ("2027-04-05", "2027-03-01")


def test_a_retired_item_with_its_own_due_date_is_never_overdue(onboarding: Onboarding, anna: str) -> None:
    retire = LogEntry(dt.datetime(2027, 1, 2, tzinfo=dt.UTC), "test", "due", "old-item")
    onboarding.store.modify(anna, lambda r: ("old-item", ItemState("open", due=dt.date(2026, 1, 1)), retire))
    (view,) = onboarding.progress(onboarding.store.load(anna)).retired
    assert view.due == dt.date(2026, 1, 1) and not view.is_overdue(dt.date(2027, 1, 20)) and not view.moved
