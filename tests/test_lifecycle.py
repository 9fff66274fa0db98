"""A hire's whole life (issue #12) in the core: change the details, finish, keep only as long as needed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peeronboard.errors import NoChange, PeerError
from peeronboard.library import ChecklistLibrary
from peeronboard.onboarding import Onboarding

from .conftest import DATA

START = dt.date(2027, 2, 1)


@pytest.fixture
def anna(onboarding: Onboarding) -> str:
    return onboarding.add("Anna Berg", START, "sample", unit="S4", mentor="Mette").id


def test_a_new_start_date_moves_open_items_and_keeps_own_dates_and_finished_ones(
        onboarding: Onboarding, anna: str) -> None:
    onboarding.check(anna, "appoint-mentor")
    onboarding.set_due(anna, "appraisal", "2028-03-01")
    record = onboarding.store.load(anna)
    later = START + dt.timedelta(days=14)
    assert onboarding.start_moves(record, later) == (2, 1, 14)  # workstation, training move; appraisal keeps
    edited = onboarding.edit(anna, start_date=later)
    views = {v.item_id: v for v in onboarding.progress(edited).items}
    assert views["order-workstation"].due == dt.date(2027, 2, 8)
    assert views["appraisal"].due == dt.date(2028, 3, 1)
    assert edited.state("appoint-mentor").status == "done"
    assert edited.log[-1].action == "edit" and edited.log[-1].text == "start_date: 2027-02-01 → 2027-02-15"


def test_edit_checks_each_field_clears_with_an_empty_text_and_logs_old_and_new(
        onboarding: Onboarding, anna: str) -> None:
    edited = onboarding.edit(anna, name="Anna Bjerg", unit="", mentor="Karen", hr_contact="Lone")
    assert (edited.name, edited.unit, edited.mentor, edited.hr_contact) == ("Anna Bjerg", None, "Karen", "Lone")
    assert {e.text for e in edited.log if e.action == "edit"} == {
        "name: Anna Berg → Anna Bjerg", "unit: S4 → –", "mentor: Mette → Karen", "hr_contact: – → Lone"}
    for bad in ({"name": " "}, {"unit": "a\x1b[2J"}, {"start_date": dt.date(1800, 1, 1)}, {"checklist": "nope"}):
        with pytest.raises(PeerError):
            onboarding.edit(anna, **bad)
    with pytest.raises(NoChange):
        onboarding.edit(anna, name="Anna Bjerg")


def test_a_new_checklist_carries_states_over_and_keeps_the_rest_as_retired(
        onboarding: Onboarding, anna: str, tmp_path: Path) -> None:
    onboarding.check(anna, "appoint-mentor")
    onboarding.note(anna, "appraisal", "in May")
    folder = tmp_path / "lists"
    folder.mkdir()
    text = (DATA / "sample.toml").read_text(encoding="utf-8").replace('id = "sample"', 'id = "other"')
    start = text.index('[[phases.items]]\nid = "appraisal"')
    (folder / "other.toml").write_text(text[:start], encoding="utf-8")
    both = Onboarding(onboarding.store, ChecklistLibrary.discover([DATA, folder]), "Lise", onboarding.today)
    moved = both.edit(anna, checklist="other")
    progress = both.progress(moved)
    assert moved.checklist == "other" and moved.state("appoint-mentor").status == "done"
    (retired,) = progress.retired
    assert retired.item_id == "appraisal" and retired.state.note == "in May"


def test_a_finished_hire_has_nothing_overdue_and_is_due_for_erasure_after_the_retention(
        onboarding: Onboarding, anna: str) -> None:
    assert onboarding.progress(onboarding.store.load(anna)).overdue_count == 1  # appoint-mentor, 2027-01-18
    finished = onboarding.finish(anna, "the person left", on=dt.date(2026, 1, 10))
    progress = onboarding.progress(finished)
    assert progress.finished and progress.overdue_count == 0 and progress.overdue == []
    hires, _ = onboarding.all_progress()
    assert [h.record.id for h in onboarding.due_for_erasure(hires, 12)] == [anna]
    assert onboarding.due_for_erasure(hires, 13) == []


def test_hires_with_the_same_name_are_found(onboarding: Onboarding, anna: str) -> None:
    other = onboarding.add("anna  berg", START, "sample").id
    assert [r.id for r in onboarding.same_name("Anna Berg", but=other)] == [anna]
