"""Two computers on one synced folder: a conflicting copy is shown, merged, and no tick is dropped."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from peeronboard.library import ChecklistLibrary
from peeronboard.merge import plan_merge
from peeronboard.onboarding import Onboarding
from peeronboard.record import HireRecord, ItemState, LogEntry
from peeronboard.store import HireStore

from .conftest import DATA

START = dt.date(2027, 2, 1)


def computer(folder: Path, user: str) -> Onboarding:
    return Onboarding(HireStore(folder), ChecklistLibrary.discover([DATA]), user, lambda: dt.date(2027, 1, 20))


@pytest.fixture
def two_computers(data_dir: Path, tmp_path: Path) -> tuple[Onboarding, Onboarding, str]:
    """The office and a laptop, each with the same hire, before the sync service has caught up."""
    office = computer(data_dir, "Lise")
    hire = office.add("Anna Ærø", START, "sample").id
    laptop_folder = tmp_path / "laptop"
    (laptop_folder / "hires").mkdir(parents=True)
    shutil.copy2(office.store.path_for(hire), laptop_folder / "hires")
    return office, computer(laptop_folder, "Mette"), hire


def sync_conflict(office: Onboarding, laptop: Onboarding, hire: str, name: str) -> Path:
    """What a sync service does when both changed the file: keeps the other side as a copy."""
    copy = office.store.hires_dir / name
    shutil.copy2(laptop.store.path_for(hire), copy)
    return copy


@pytest.mark.parametrize("name", ["{id} (Mette's conflicted copy 2027-01-20).toml",
                                  "{id}.sync-conflict-20270120-101500-ABCDEFG.toml", "{id}-laptop.toml"])
def test_a_conflicting_copy_is_shown_then_merged_and_no_tick_is_lost(
        two_computers: tuple[Onboarding, Onboarding, str], cli, name: str) -> None:
    office, laptop, hire = two_computers
    office.check(hire, "appoint-mentor", note="Mette")
    laptop.check(hire, "order-workstation")
    laptop.skip(hire, "peer-training", "she has it already")
    copy = sync_conflict(office, laptop, hire, name.format(id=hire))

    listed = cli("list")
    assert listed.code == 1
    assert f"{copy}:1: a conflicting copy of hire {hire}" in listed.err
    assert "Anna Ærø" in listed.out, "the hire itself still works"

    merged = cli("merge")
    assert merged.code == 0, merged.err
    assert f"Merged {copy.name} into {hire} (Anna Ærø): 2 log entries, 2 items changed" in merged.out
    assert not copy.exists()
    record = office.store.load(hire)
    assert {i: s.status for i, s in record.items.items()} == {
        "appoint-mentor": "done", "order-workstation": "done", "peer-training": "skipped"}
    assert [(e.action, e.by) for e in record.log[:-1]] == [
        ("create", "Lise"), ("check", "Lise"), ("check", "Mette"), ("skip", "Mette")]
    assert (record.log[-1].action, record.log[-1].text) == ("merge", copy.name)
    assert cli("list").code == 0
    assert cli("merge").out.strip() == "No conflicting copies to merge."


def at(minute: int) -> dt.datetime:
    return dt.datetime(2027, 1, 20, 10, minute, tzinfo=dt.UTC)


def hire_with(items: dict[str, ItemState], log: list[LogEntry]) -> HireRecord:
    return HireRecord(id="abc234", name="Anna", checklist="sample", start_date=START, items=items,
                      log=(LogEntry(at(0), "Lise", "create"), *log))


def test_the_side_that_changed_an_item_last_wins() -> None:
    ours = hire_with({"a": ItemState("done", START, "Lise")}, [LogEntry(at(5), "Lise", "check", "a")])
    theirs = hire_with({"a": ItemState("open")}, [LogEntry(at(9), "Mette", "uncheck", "a")])
    assert plan_merge(ours, theirs).states == {"a": ItemState("open")}
    assert plan_merge(theirs, ours).states == {}, "our later change stays"


def test_without_a_log_a_tick_wins_over_open_and_two_outcomes_are_left_to_a_person() -> None:
    ticked = hire_with({"a": ItemState("done", START, "Mette")}, [])
    skipped = hire_with({"a": ItemState("skipped", START, "Lise", "HR does it")}, [])
    plain = hire_with({}, [])
    assert plan_merge(plain, ticked).states == {"a": ItemState("done", START, "Mette")}
    assert plan_merge(ticked, plain).states == {}
    decision = plan_merge(skipped, ticked)
    assert decision.states == {} and decision.undecided == {"a": ItemState("done", START, "Mette")}


def test_a_tick_on_one_side_and_a_postponement_on_the_other_are_both_kept() -> None:
    later = dt.date(2027, 3, 15)
    ticked = hire_with({"a": ItemState("done", START, "Lise")}, [LogEntry(at(5), "Lise", "check", "a")])
    moved = hire_with({"a": ItemState("open", due=later)}, [LogEntry(at(9), "Mette", "due", "a", "2027-03-15")])
    both = ItemState("done", START, "Lise", due=later)
    assert plan_merge(ticked, moved).states == {"a": both}
    assert plan_merge(moved, ticked).states == {"a": both}, "whichever side the copy is"
    moved_again = hire_with({"a": ItemState("done", START, "Lise", due=START)},
                            [LogEntry(at(5), "Lise", "check", "a"), LogEntry(at(2), "Lise", "due", "a")])
    assert plan_merge(moved_again, moved).states == {"a": both}, "the later move wins"


def test_a_tick_on_one_side_and_a_note_on_the_other_are_both_kept() -> None:
    ticked = hire_with({"a": ItemState("done", START, "Lise")}, [LogEntry(at(5), "Lise", "check", "a")])
    noted = hire_with({"a": ItemState("open", note="ring HR")}, [LogEntry(at(9), "Mette", "note", "a", "ring HR")])
    both = ItemState("done", START, "Lise", "ring HR")
    assert plan_merge(ticked, noted).states == {"a": both}
    assert plan_merge(noted, ticked).states == {"a": both}


async def test_undoing_a_postponement_does_not_undo_a_tick_made_on_the_other_computer(
        two_computers: tuple[Onboarding, Onboarding, str]) -> None:
    office, laptop, hire = two_computers
    moved = office.set_due(hire, "peer-training", "+1w").state("peer-training")
    laptop.check(hire, "peer-training")
    office.restore(hire, "peer-training", ItemState(), expected=moved)  # the app's undo
    copy = sync_conflict(office, laptop, hire, f"{hire} (Mette's conflicted copy).toml")
    ((_, merged, plan),) = office.merge_conflicts()
    state = merged.state("peer-training")
    assert (state.status, state.by, state.due) == ("done", "Mette", None)
    assert not plan.undecided and not copy.exists()


def test_an_unreadable_copy_is_reported_and_left_alone(
        two_computers: tuple[Onboarding, Onboarding, str], cli) -> None:
    office, _, hire = two_computers
    copy = office.store.hires_dir / f"{hire} (conflicted copy).toml"
    copy.write_text('id = "' + hire + '"\nformat = 1\n[items.x\n', encoding="utf-8")
    assert cli("merge").out.strip() == "No conflicting copies to merge."
    listed = cli("list", "--json")
    assert listed.code == 1 and str(copy) in listed.err
    assert [h["id"] for h in json.loads(listed.out)] == [hire]
    assert copy.exists()


def test_erase_also_shreds_a_synced_copy_of_the_index_and_the_rows(
        two_computers: tuple[Onboarding, Onboarding, str], cli, data_dir: Path) -> None:
    office, _, hire = two_computers
    assert cli("list").code == 0  # writes the rows file, which holds the name
    office.store.load_all()  # the index, as the app writes it, holds it too
    for name in ("index", "rows"):
        shutil.copy2(data_dir / f"{name}.json", data_dir / f"{name} (Mette's conflicted copy 2027-01-20).json")
    assert cli("erase", hire, "--yes").code == 0
    left = [p for p in data_dir.rglob("*") if p.is_file()]
    assert all("Anna" not in p.read_text(encoding="utf-8", errors="replace") for p in left)


async def test_the_app_shows_a_copy_that_arrives_while_it_runs_and_merges_it_from_the_palette(
        two_computers: tuple[Onboarding, Onboarding, str]) -> None:

    from .test_tui import app_for, hire_rows, started

    office, laptop, hire = two_computers
    app = app_for(office)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        laptop.check(hire, "order-workstation")
        copy = sync_conflict(office, laptop, hire, f"{hire} (Mette's conflicted copy).toml")
        app.poll_disk()  # what the app does every few seconds
        await pilot.pause()
        rows = hire_rows(app)
        assert any(f"a conflicting copy of hire {hire}" in " ".join(row) for row in rows)
        await pilot.press("ctrl+p", *"merge conflicting", "enter")
        await pilot.pause(0.3)
        assert not copy.exists()
        assert office.store.load(hire).state("order-workstation").status == "done"
        assert not app.broken, "the problem row is gone once the copy is merged"
        assert any(f"Merged {copy.name} into {hire}" in str(n.message) for n in app._notifications)
