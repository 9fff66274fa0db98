"""Each item as it is really worked (issue #13), in record format 3: a reason apart from the note,
changes that change nothing are not changes, named people, one-off items, retired titles; and a
record written by 0.2 (format 2) reads as it was and is upgraded only when next written."""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path

import pytest

from peeronboard.errors import NoChange, PeerError
from peeronboard.library import ChecklistLibrary
from peeronboard.merge import plan_merge
from peeronboard.onboarding import Onboarding
from peeronboard.record import RECORD_FORMAT, HireRecord, ItemState, LogEntry, OwnItem
from peeronboard.store import HireStore

from .conftest import DATA

START = dt.date(2027, 2, 1)
FORMAT2 = DATA / "format2" / "a52j3w.toml"  # written by peeronboard 0.2 itself


@pytest.fixture
def anna(onboarding: Onboarding) -> str:
    return onboarding.add("Anna Berg", START, "sample", mentor="Mette").id


def file_of(onboarding: Onboarding, hire_id: str) -> bytes:
    return onboarding.store.path_for(hire_id).read_bytes()


# --- the reason apart from the note ---------------------------------------------------------------

def test_not_applicable_keeps_the_note_and_reopening_clears_only_the_reason(onboarding: Onboarding,
                                                                            anna: str) -> None:
    onboarding.note(anna, "peer-training", "Ask Karen from HR first")
    skipped = onboarding.skip(anna, "peer-training", "she has the course already").state("peer-training")
    assert (skipped.status, skipped.note, skipped.reason) == (
        "skipped", "Ask Karen from HR first", "she has the course already")
    reopened = onboarding.uncheck(anna, "peer-training")
    state = reopened.state("peer-training")
    assert (state.status, state.note, state.reason) == ("open", "Ask Karen from HR first", None)
    assert ("skip", "she has the course already") in [(e.action, e.text) for e in reopened.log]


# --- no-op changes are not changes ------------------------------------------------------------------

@pytest.mark.parametrize("repeat", [
    lambda o, h: o.check(h, "appoint-mentor"),
    lambda o, h: o.uncheck(h, "order-workstation"),
    lambda o, h: o.note(h, "peer-training", "same"),
    lambda o, h: o.set_due(h, "appraisal", "2028-03-01"),
    lambda o, h: o.skip(h, "appraisal", "no appraisal in the first year"),
    lambda o, h: o.assign(h, "peer-training", "Karen"),
], ids=["check", "uncheck", "note", "due", "skip", "assign"])
def test_a_change_that_changes_nothing_writes_and_logs_nothing(onboarding: Onboarding, anna: str,
                                                              repeat) -> None:
    onboarding.check(anna, "appoint-mentor")
    onboarding.note(anna, "peer-training", "same")
    onboarding.set_due(anna, "appraisal", "2028-03-01")
    onboarding.assign(anna, "peer-training", "Karen")
    onboarding.skip(anna, "appraisal", "no appraisal in the first year")
    before = file_of(onboarding, anna)
    with pytest.raises(NoChange):
        repeat(onboarding, anna)
    assert file_of(onboarding, anna) == before


# --- people, not only roles -----------------------------------------------------------------------

def test_an_item_is_done_by_the_person_named_for_it_or_for_its_role(onboarding: Onboarding, anna: str) -> None:
    record = onboarding.store.load(anna)
    views = {v.item_id: v for v in onboarding.progress(record).items}
    assert views["appoint-mentor"].person(record) is None  # owner "leader": nobody named
    record = onboarding.assign(anna, "appoint-mentor", "Lise Holm")
    views = {v.item_id: v for v in onboarding.progress(record).items}
    assert views["appoint-mentor"].person(record) == "Lise Holm"
    assert HireRecord(id="x", name="x", checklist="c", start_date=START, mentor="Mette",
                      hr_contact="Karen").person_for("hr") == "Karen"
    record = onboarding.assign(anna, "appoint-mentor", "")
    assert record.state("appoint-mentor").assignee is None


# --- one-off items --------------------------------------------------------------------------------

def test_a_one_off_item_counts_sits_in_its_phase_and_is_removed_with_its_state_logged(
        onboarding: Onboarding, anna: str) -> None:
    record, item_id = onboarding.add_item(anna, "Book the sign-language interpreter", when="-3d")
    assert item_id == "own-1"
    assert record.own[item_id] == OwnItem("Book the sign-language interpreter", "before", None)
    progress = onboarding.progress(record)
    assert progress.total == 5
    view = next(v for v in progress.phase_items("before") if v.item_id == item_id)
    assert view.own and view.due == dt.date(2027, 1, 29) and view.title("da") == view.title("en")
    onboarding.note(anna, item_id, "Tolkecentralen")
    done = onboarding.check(anna, item_id)
    assert onboarding.progress(done).count("done") == 1
    removed = onboarding.remove_item(anna, item_id)
    assert item_id not in removed.own and item_id not in removed.items
    assert removed.log[-1].action == "remove-item" and "Tolkecentralen" in (removed.log[-1].text or "")
    assert onboarding.progress(removed).total == 4
    _, again = onboarding.add_item(anna, "Another task")
    assert again == "own-2", "an id is never used twice"
    with pytest.raises(PeerError):
        onboarding.remove_item(anna, "appoint-mentor")


# --- retired items keep their title -----------------------------------------------------------------

def test_a_retired_item_shows_its_last_known_title(onboarding: Onboarding, anna: str, tmp_path: Path) -> None:
    onboarding.check(anna, "order-workstation")
    newer = tmp_path / "lists"
    newer.mkdir()
    text = (DATA / "sample.toml").read_text(encoding="utf-8")
    start = text.index('[[phases.items]]\nid = "order-workstation"')
    end = text.index("[[phases]]", start)
    (newer / "sample.toml").write_text(text[:start] + text[end:], encoding="utf-8")
    later = Onboarding(onboarding.store, ChecklistLibrary.discover([newer]), "Lise", onboarding.today)
    (retired,) = later.progress(later.store.load(anna)).retired
    assert (retired.item_id, retired.title("en"), retired.title("da")) == (
        "order-workstation", "Order a workstation", "Bestille arbejdsstation")


# --- format 2 records, and merging the new parts -----------------------------------------------------

def test_a_format_2_record_reads_as_it_was_and_is_upgraded_only_when_written(data_dir: Path) -> None:
    (data_dir / "hires").mkdir(parents=True)
    shutil.copy(FORMAT2, data_dir / "hires")
    onboarding = Onboarding(HireStore(data_dir), ChecklistLibrary.discover([DATA]), "Lise",
                            lambda: dt.date(2027, 1, 20))
    path = onboarding.store.path_for("a52j3w")
    record = onboarding.store.load("a52j3w")
    assert (record.format, record.mentor, record.finished, dict(record.own)) == (2, "Mette", None, {})
    assert record.state("peer-training") == ItemState("skipped", dt.date(2027, 1, 20), "lise",
                                                      "has the course already")
    onboarding.all_progress()
    assert path.read_bytes() == FORMAT2.read_bytes(), "reading and listing never rewrite it"
    onboarding.check("a52j3w", "order-workstation")
    after = tomllib.loads(path.read_text(encoding="utf-8"))
    before = tomllib.loads(FORMAT2.read_text(encoding="utf-8"))
    assert after["format"] == RECORD_FORMAT == 3
    assert {k: v for k, v in after.items() if k not in ("format", "items", "log")} == {
        k: v for k, v in before.items() if k not in ("format", "items", "log")}
    assert after["log"][:-1] == before["log"]
    assert after["items"]["order-workstation"]["note"] == "ask Karen from HR first"


def at(minute: int) -> dt.datetime:
    return dt.datetime(2027, 1, 20, 10, minute, tzinfo=dt.UTC)


def test_a_merge_weighs_the_reason_the_assignee_and_one_off_items_by_the_log() -> None:
    base = HireRecord(id="abc234", name="Anna", checklist="sample", start_date=START,
                      log=(LogEntry(at(0), "Lise", "create"),))
    ours = base._replace(
        items={"peer-training": ItemState("skipped", reason="has it", note="n")},
        log=(*base.log, LogEntry(at(5), "Lise", "skip", "peer-training", "has it")))
    theirs = base._replace(
        items={"peer-training": ItemState(note="n", assignee="Karen")},
        own={"own-1": OwnItem("Interpreter", "before")},
        log=(*base.log, LogEntry(at(3), "Mette", "assign", "peer-training", "Karen"),
             LogEntry(at(4), "Mette", "add-item", "own-1", "Interpreter")))
    plan = plan_merge(ours, theirs)
    merged = plan.states["peer-training"]
    assert (merged.status, merged.reason, merged.assignee, merged.note) == ("skipped", "has it", "Karen", "n")
    assert plan.own == {"own-1": OwnItem("Interpreter", "before")}
    removed_here = ours._replace(log=(*ours.log, LogEntry(at(9), "Lise", "remove-item", "own-1", "x")))
    assert plan_merge(removed_here, theirs).own == {}, "removed after the other side added it"


def test_finishing_and_reopening_are_kept_in_the_record(onboarding: Onboarding, anna: str) -> None:
    finished = onboarding.finish(anna, "onboarding completed", on=dt.date(2027, 1, 15))
    assert (finished.finished, finished.finish_reason) == (dt.date(2027, 1, 15), "onboarding completed")
    with pytest.raises(NoChange):
        onboarding.finish(anna, "onboarding completed", on=dt.date(2027, 1, 15))
    reopened = onboarding.reopen(anna)
    assert (reopened.finished, reopened.finish_reason) == (None, None)
    assert [e.action for e in reopened.log][-2:] == ["finish", "reopen"]
    (listed,), _ = onboarding.store.load_all()
    assert listed.finished is None
