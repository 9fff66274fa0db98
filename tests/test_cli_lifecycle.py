"""The command line for a hire's whole life (#12) and each item as it is worked (#13)."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import Result


def items_of(cli, hire: str) -> dict[str, dict]:
    return {i["id"]: i for i in json.loads(cli("show", hire, "--json").out)["items"]}


def test_a_change_that_changes_nothing_says_so_and_succeeds(cli, hire: str, hires_dir: Path) -> None:
    assert cli("check", hire, "appoint-mentor").code == 0
    before = (hires_dir / f"{hire}.toml").read_bytes()
    for args, words in ((["check", hire, "appoint-mentor"], "already done"),
                        (["uncheck", hire, "order-workstation"], "already open"),
                        (["due", hire, "appraisal", "reset"], "already that")):
        result = cli(*args)
        assert result.code == 0 and words in result.out, (args, result)
    assert (hires_dir / f"{hire}.toml").read_bytes() == before, "nothing written, nothing logged"


def test_skip_keeps_the_note_and_show_prints_both(cli, hire: str) -> None:
    cli("note", hire, "peer-training", "Ask Karen from HR first")
    cli("skip", hire, "peer-training", "--reason", "she has the course already")
    shown = cli("show", hire).out
    assert "Reason: she has the course already" in shown and "Note: Ask Karen from HR first" in shown
    item = items_of(cli, hire)["peer-training"]
    assert (item["note"], item["reason"]) == ("Ask Karen from HR first", "she has the course already")
    cli("uncheck", hire, "peer-training")
    assert items_of(cli, hire)["peer-training"]["reason"] is None


def test_people_are_named_per_item_and_resolved_from_the_roles(cli, hire: str) -> None:
    assert cli("assign", hire, "appoint-mentor", "Lise Holm").out.strip() == \
        "Anna Ærø Jensen: Appoint a mentor: Lise Holm (leader)"
    assert items_of(cli, hire)["appoint-mentor"]["assignee"] == "Lise Holm"
    agenda = json.loads(cli("agenda", "--days", "400", "--who", "lise holm", "--json").out)
    assert [e["id"] for e in agenda] == ["appoint-mentor"]
    assert cli("assign", hire, "appoint-mentor", "").code == 0
    assert items_of(cli, hire)["appoint-mentor"]["assignee"] is None
    assert json.loads(cli("agenda", "--days", "400", "--owner", "leader", "--json").out)


def test_a_one_off_item_is_added_worked_and_removed(cli, hire: str) -> None:
    added = cli("add-item", hire, "Book the sign-language interpreter", "--due", "-3d")
    assert added.code == 0 and added.out.strip() == "own-1"
    item = items_of(cli, hire)["own-1"]
    assert (item["due"], item["own"], item["phase"]) == ("2027-01-29", True, "before")
    assert "Book the sign-language interpreter (own task)" in cli("show", hire).out
    assert cli("check", hire, "own-1").code == 0
    assert json.loads(cli("list", "--json").out)[0]["total"] == 5
    removed = cli("remove-item", hire, "own-1")
    assert removed.code == 0 and "removed" in removed.out
    assert "own-1" not in items_of(cli, hire)
    refused = cli("remove-item", hire, "appoint-mentor")
    assert refused.code == 1 and "only those can be removed" in refused.err


def test_the_log_shows_who_did_what_and_when(cli, hire: str) -> None:
    cli("check", hire, "appoint-mentor", "--note", "Mette")
    cli("skip", hire, "appraisal", "--reason", "not this year")
    entries = json.loads(cli("log", hire, "--json").out)
    assert [(e["action"], e["item"], e["text"]) for e in entries] == [
        ("create", None, None), ("check", "appoint-mentor", "Mette"), ("skip", "appraisal", "not this year")]
    assert set(entries[0]) == {"at", "by", "action", "item", "text"}
    one = cli("log", hire, "appraisal").out
    assert "not applicable" in one and "Hold the annual appraisal" in one and "Appoint" not in one


def test_edit_moves_the_open_items_and_logs_each_field(cli, hire: str) -> None:
    cli("due", hire, "appraisal", "2028-03-01")
    edited = cli("edit", hire, "--start", "2027-02-15", "--unit", "", "--hr", "Karen")
    assert edited.code == 0, edited.err
    assert "3 open items move 14 days later; 1 keep their own due date" in edited.out
    assert "unit: Afsnit S4 → –" in edited.out
    shown = json.loads(cli("show", hire, "--json").out)
    assert (shown["start_date"], shown["unit"], shown["hr_contact"]) == ("2027-02-15", None, "Karen")
    assert items_of(cli, hire)["appraisal"]["due"] == "2028-03-01"
    assert cli("edit", hire, "--start", "2027-02-30").code == 1
    assert cli("edit", hire, "--name", "x\x1b[2J").code == 1
    same = cli("edit", hire, "--hr", "Karen")
    assert same.code == 0 and "nothing" in same.out


def test_a_finished_hire_leaves_the_lists_and_comes_back(cli, hire: str) -> None:
    other = cli("add", "Bo Nielsen", "--start", "2027-01-10", "--checklist", "sample").out.strip()
    finished = cli("finish", hire, "--reason", "onboarding completed", "--on", "2027-01-15")
    assert finished.code == 0 and "finished 2027-01-15: onboarding completed" in finished.out
    assert [h["id"] for h in json.loads(cli("list", "--json").out)] == [other]
    everyone = {h["id"]: h for h in json.loads(cli("list", "--all", "--json").out)}
    assert (everyone[hire]["finished"], everyone[hire]["finish_reason"]) == ("2027-01-15", "onboarding completed")
    assert everyone[hire]["overdue"] == 0
    assert "finished 2027-01-15" in cli("list", "--all").out
    assert "Anna" not in cli("agenda", "--days", "400").out
    assert "Anna" not in cli("export").out
    assert "Anna Ærø Jensen" in cli("export", hire).out, "by its id a finished hire still exports"
    assert cli("reopen", hire).code == 0
    assert hire in {h["id"] for h in json.loads(cli("list", "--json").out)}


def test_retention_lists_finished_hires_kept_too_long(cli, hire: str, isolated: Path) -> None:
    cli("finish", hire, "--on", "2025-12-01")
    due = json.loads(cli("retention", "--json").out)
    assert [(h["id"], h["finished"]) for h in due] == [(hire, "2025-12-01")]
    (isolated / "config").mkdir(exist_ok=True)
    (isolated / "config" / "config.toml").write_text("retention_months = 24\n", encoding="utf-8")
    assert json.loads(cli("retention", "--json").out) == []
    (isolated / "config" / "config.toml").write_text("retention_months = 0\n", encoding="utf-8")
    bad: Result = cli("retention")
    assert bad.code == 1 and "config.toml:1: retention_months must be a whole number" in bad.err


def test_a_name_used_twice_is_told_apart(cli, hire: str) -> None:
    added = cli("add", "Anna Ærø Jensen", "--start", "2027-05-01", "--checklist", "sample", "--unit", "S7")
    assert added.code == 0 and f"{hire} (Anna Ærø Jensen, start 2027-02-01, Afsnit S4)" in added.err
    ambiguous = cli("show", "Anna")
    assert ambiguous.code == 1 and "start 2027-05-01, S7" in ambiguous.err
