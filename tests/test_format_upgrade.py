"""A record written by peeronboard 0.1 (record format 1) reads as it was and is upgraded when next written.

``data/format1/hxfta5.toml`` is a file as 0.1 wrote it (only the user name was changed, and a comment
added after the mentor, as a leader might).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tomllib
from pathlib import Path

import pytest

from peeronboard.library import ChecklistLibrary
from peeronboard.onboarding import Onboarding
from peeronboard.paths import builtin_checklists_dir
from peeronboard.record import RECORD_FORMAT, ItemState
from peeronboard.store import HireStore

from .conftest import DATA

OLD = DATA / "format1" / "hxfta5.toml"
HIRE = "hxfta5"


@pytest.fixture
def onboarding(data_dir: Path) -> Onboarding:
    (data_dir / "hires").mkdir(parents=True)
    shutil.copy(OLD, data_dir / "hires" / OLD.name)
    library = ChecklistLibrary.discover([builtin_checklists_dir()])
    return Onboarding(HireStore(data_dir), library, "Lise", lambda: dt.date(2026, 11, 23))


def test_a_format_1_record_reads_with_everything_it_holds(onboarding: Onboarding) -> None:
    record = onboarding.store.load(HIRE)
    assert (record.format, record.name, record.mentor) == (1, "Karen Holm Jensen", "Lone Bak")
    assert record.state("appoint-mentor") == ItemState("done", dt.date(2025, 11, 28), "Mette Lund",
                                                       "Lone Bak, sygeplejerske")
    assert record.state("set-up-hiring-committee").status == "skipped"
    assert record.state("enrol-peer-training") == ItemState("open", note="Venter på plads på holdet i maj")
    assert [e.action for e in record.log] == ["create", "check", "check", "skip", "note", "check", "uncheck"]
    assert onboarding.progress(record).summary() == {"total": 11, "done": 2, "skipped": 1, "open": 8,
                                                     "overdue": 8}


def test_reading_and_listing_never_rewrite_an_old_record(onboarding: Onboarding, data_dir: Path) -> None:
    onboarding.all_progress()
    onboarding.all_progress()
    onboarding.find("Karen")
    assert (data_dir / "hires" / OLD.name).read_bytes() == OLD.read_bytes()


def _unchanged_except(old: dict, new: dict, item_id: str) -> bool:
    return ({k: v for k, v in new.items() if k not in ("format", "items", "log")}
            == {k: v for k, v in old.items() if k not in ("format", "items", "log")}
            and {k: v for k, v in new["items"].items() if k != item_id}
            == {k: v for k, v in old["items"].items() if k != item_id}
            and new["log"][:-1] == old["log"])


def test_the_next_tick_upgrades_the_record_and_keeps_every_byte_it_can(
        onboarding: Onboarding, data_dir: Path) -> None:
    onboarding.check(HIRE, "draft-employment-contract")
    text = (data_dir / "hires" / OLD.name).read_text(encoding="utf-8")
    assert f"\nformat = {RECORD_FORMAT}\n" in text
    old_text = OLD.read_text(encoding="utf-8")
    head = old_text.split("[items.draft-employment-contract]")[0]
    assert text.startswith(head.replace("format = 1", f"format = {RECORD_FORMAT}"))  # comment and all
    assert _unchanged_except(tomllib.loads(old_text), tomllib.loads(text), "draft-employment-contract")
    record = onboarding.store.load(HIRE)
    assert record.format == RECORD_FORMAT
    assert record.state("draft-employment-contract").status == "done"


def test_a_hand_edited_old_record_is_upgraded_by_the_style_preserving_editor(
        onboarding: Onboarding, data_dir: Path) -> None:
    path = data_dir / "hires" / OLD.name
    # a comment inside the item's table sends the change through tomlkit
    path.write_text(OLD.read_text(encoding="utf-8").replace(
        '[items.draft-employment-contract]\nstatus = "open"\n',
        '[items.draft-employment-contract]\nstatus = "open"  # HR sender udkast\n'), encoding="utf-8")
    before = tomllib.loads(path.read_text(encoding="utf-8"))
    onboarding.set_due(HIRE, "draft-employment-contract", "2026-12-01", reason="HR")
    text = path.read_text(encoding="utf-8")
    assert "# HR sender udkast" in text and "# fast mentor fra 1. marts" in text
    after = tomllib.loads(text)
    assert after["format"] == RECORD_FORMAT
    assert after["items"]["draft-employment-contract"]["due"] == dt.date(2026, 12, 1)
    assert _unchanged_except(before, after, "draft-employment-contract")


def test_a_format_1_conflict_copy_merges_into_an_upgraded_record(onboarding: Onboarding,
                                                                  data_dir: Path) -> None:
    copy = data_dir / "hires" / "hxfta5 (Mette's conflicted copy).toml"
    shutil.copy(OLD, copy)  # made by a computer still running 0.1 before this one upgraded the record
    onboarding.check(HIRE, "order-workstation-and-equipment")
    text = copy.read_text(encoding="utf-8").replace(
        '[items.draft-employment-contract]\nstatus = "open"\n',
        '[items.draft-employment-contract]\nstatus = "done"\ndate = 2026-11-20\nby = "Mette Lund"\n')
    copy.write_text(text.rstrip("\n") + '\n\n[[log]]\nat = 2026-11-20T10:00:00Z\nby = "Mette Lund"\n'
                    'action = "check"\nitem = "draft-employment-contract"\n', encoding="utf-8")
    ((_, merged, _),) = onboarding.merge_conflicts()
    assert merged.format == RECORD_FORMAT
    assert merged.state("draft-employment-contract").status == "done"
    assert merged.state("order-workstation-and-equipment").status == "done"
    assert not copy.exists()
