"""What a leader who knows the five sources would check in the built-in checklists: timings that can
happen, the two leader lists agreeing, the tasks the sources give the organisation, and honest labels."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peeronboard.checklist import Checklist, Item, load_checklist
from peeronboard.i18n import owner_word

FOLDER = Path(__file__).parent.parent / "checklists"
BUILTIN = sorted(FOLDER.glob("*.toml"))
STARTS = [dt.date(2027, 3, 1), dt.date(2027, 1, 31), dt.date(2028, 8, 15)]

# Tasks that cannot be done without the peer (or volunteer) there, whatever their title says.
NEEDS_THE_PEER = {
    "plan-and-run-introduction", "finalise-function-description", "peer-presents-self",
    "explain-sickness-practice", "train-duty-to-inform", "weekly-mentor-meeting", "mentor-onboards-peer",
    "align-expectations", "train-documentation", "attend-intro-course", "help-get-patient-contacts",
    "regular-leader-sparring",
}
# Titles that say the task is done together with the peer.
WITH_THE_PEER = ("sammen med peermedarbejderen", "med peermedarbejderen", "sammen med den frivillige")


def builtin(checklist_id: str) -> Checklist:
    return load_checklist(FOLDER / f"{checklist_id}.toml")


def due_dates(item: Item) -> list[dt.date]:
    assert item.due is not None, f"{item.id} has no due date"
    return [item.due.apply(start) for start in STARTS]


def needs_the_peer(item: Item) -> bool:
    title = item.title.in_lang("da").lower()
    return item.id in NEEDS_THE_PEER or any(words in title for words in WITH_THE_PEER)


@pytest.mark.parametrize("path", BUILTIN, ids=[p.stem for p in BUILTIN])
def test_no_task_that_needs_the_peer_in_person_is_due_before_the_first_day(path: Path) -> None:
    early = [item.id for item in load_checklist(path).items
             if needs_the_peer(item) and item.due is not None and item.due.amount < 0]
    assert early == []


def test_the_two_leader_lists_give_shared_tasks_the_same_due_date() -> None:
    official, extended = builtin("nordjylland-leder"), builtin("peermedarbejder-udvidet")
    for item in official.items:
        twin = extended.item(item.id)
        assert twin is not None, f"{item.id} is missing from the extended list"
        assert due_dates(twin) == due_dates(item), item.id


def test_the_mentor_is_appointed_before_the_committee_and_sits_on_it_once_it_exists() -> None:
    mentor_list = builtin("mentor")
    sitting = due_dates(mentor_list.item("join-hiring-committee"))
    for leader_list in (builtin("nordjylland-leder"), builtin("peermedarbejder-udvidet")):
        appointed = due_dates(leader_list.item("appoint-mentor"))
        set_up = due_dates(leader_list.item("set-up-hiring-committee"))
        assert all(a <= s <= m for a, s, m in zip(appointed, set_up, sitting, strict=True)), leader_list.id


@pytest.mark.parametrize(("checklist_id", "item_id"), [
    ("mentor", "enrol-mentor-in-training"),
    ("peermedarbejder-udvidet", "join-peer-community"),
    ("peermedarbejder-udvidet", "theme-day-after-training"),
])
def test_a_deadline_that_hangs_on_the_yearly_course_says_to_adjust_it(checklist_id: str, item_id: str) -> None:
    guidance = builtin(checklist_id).item(item_id).guidance
    assert "ret den til jeres holdstart" in guidance.in_lang("da")
    assert "adjust it to your course start" in guidance.in_lang("en")


def test_the_function_description_is_drafted_before_the_posting_and_finished_with_the_peer() -> None:
    extended = builtin("peermedarbejder-udvidet")
    draft, final = extended.item("prepare-function-description"), extended.item("finalise-function-description")
    posting = extended.item("write-and-share-job-posting")
    assert all(d < p for d, p in zip(due_dates(draft), due_dates(posting), strict=True))
    assert final.due.amount > 0 and "sammen med peermedarbejderen" in final.title.in_lang("da")


# The four tasks the sources make the organisation responsible for (issue #19, A-D), with the document
# each must cite.
ORGANISATION_TASKS = {
    "make-room-for-peer-voice": "001",
    "explain-decisions-on-staff-ideas": "003",
    "inform-external-partners": "003",
    "evaluate-implementation": "001",
}


@pytest.mark.parametrize(("item_id", "document"), ORGANISATION_TASKS.items())
def test_the_extended_list_has_the_tasks_the_sources_give_the_organisation(item_id: str, document: str) -> None:
    item = builtin("peermedarbejder-udvidet").item(item_id)
    assert item is not None
    assert item.owner == "leader" and document in (item.ref or "")
    assert item.title.has("da") and item.title.has("en")


def test_the_tasks_in_the_mentors_box_point_to_the_page_the_box_is_on() -> None:
    box = ["mentor-onboards-peer", "help-get-patient-contacts", "train-documentation",
           "enrol-mentor-in-training", "mentor-joins-mentor-erfa", "provide-sparring-as-needed"]
    mentor_list = builtin("mentor")
    for item_id in box:
        assert "Del 4, s. 20" in mentor_list.item(item_id).ref, item_id
    extended = builtin("peermedarbejder-udvidet")
    for item_id in ("mentor-onboards-peer", "enrol-mentor-in-training", "train-documentation"):
        assert "Del 4, s. 20" in extended.item(item_id).ref, item_id


@pytest.mark.parametrize("checklist_id", ["nordjylland-leder", "mentor", "peermedarbejder-udvidet"])
def test_a_list_with_the_guides_page_numbers_explains_them(checklist_id: str) -> None:
    source = builtin(checklist_id).source
    assert "indholdsfortegnelsen" in source.in_lang("da")
    assert "table of contents" in source.in_lang("en")


@pytest.mark.parametrize("item_id", ["match-volunteers-to-tasks", "plan-handover-at-dropout"])
def test_the_volunteer_coordinators_tasks_are_shown_as_the_coordinators(item_id: str) -> None:
    item = builtin("frivillig-peer").item(item_id)
    assert owner_word(item.owner, "da") == "frivilligkoordinator"
    assert owner_word(item.owner, "en") == "volunteer coordinator"


@pytest.mark.parametrize("item_id", ["screen-with-questionnaire", "discuss-hours-tasks-accommodations",
                                     "arrange-supervision-and-support", "join-peer-community",
                                     "enrol-peer-training", "support-emotional-involvement"])
def test_volunteer_advice_taken_from_paid_peer_work_says_so(item_id: str) -> None:
    guidance = builtin("frivillig-peer").item(item_id).guidance
    assert guidance.in_lang("da").startswith("Tilpasset fra lønnet peerarbejde")
    assert guidance.in_lang("en").startswith("Adapted from paid peer work")


def all_texts(checklist: Checklist, lang: str) -> list[str]:
    texts = [checklist.title, checklist.description, checklist.source]
    for item in checklist.items:
        texts += [item.title, item.guidance]
    return [text.in_lang(lang) for text in texts if text is not None]


@pytest.mark.parametrize("path", BUILTIN, ids=[p.stem for p in BUILTIN])
def test_one_name_for_the_region_and_one_spelling_of_erfa(path: Path) -> None:
    checklist = load_checklist(path)
    assert not [text for text in all_texts(checklist, "en") if "North Jutland" in text]
    assert not [text for text in all_texts(checklist, "da") if "ERFA" in text or "rfa-møde" in text]
