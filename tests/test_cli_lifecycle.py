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
    for first_name in ("Lise", "holm"):  # a name's words name the person too, but not a part of one
        named = json.loads(cli("agenda", "--days", "400", "--who", first_name, "--json").out)
        assert [e["id"] for e in named] == ["appoint-mentor"], first_name
    assert json.loads(cli("agenda", "--days", "400", "--who", "Lis", "--json").out) == []
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
    assert "3 open items move 14 days later; 1 keeps its own due date" in edited.out
    assert "unit: Afsnit S4 → –" in edited.out
    shown = json.loads(cli("show", hire, "--json").out)
    assert (shown["start_date"], shown["unit"], shown["hr_contact"]) == ("2027-02-15", None, "Karen")
    assert items_of(cli, hire)["appraisal"]["due"] == "2028-03-01"
    assert cli("edit", hire, "--start", "2027-02-30").code == 1
    assert cli("edit", hire, "--name", "x\x1b[2J").code == 1
    same = cli("edit", hire, "--hr", "Karen")
    assert same.code == 0 and "nothing" in same.out


def test_a_start_move_with_no_item_keeping_its_own_date_does_not_count_none(cli, hire: str) -> None:
    for lang, moved in (("en", "4 open items move 14 days later\n"), ("da", "4 åbne punkter flyttes 14 dage senere\n")):
        edited = cli("--lang", lang, "edit", hire, "--start", "2027-02-15" if lang == "en" else "2027-03-01")
        assert edited.code == 0, edited.err
        assert edited.out.endswith(moved), edited.out


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


# --- a red-team pass: what it found ---------------------------------------------------------------

def split(hires_dir: Path, hire: str) -> Path:
    """A sync service's copy of the record, as two computers start to differ."""
    copy = hires_dir / f"{hire} (conflicted copy).toml"
    copy.write_bytes((hires_dir / f"{hire}.toml").read_bytes())
    return copy


def on_the_copy(cli, hires_dir: Path, hire: str, copy: Path, *args: str) -> None:
    """Run a command as the other computer did: on the copy, as if it were the record."""
    record = hires_dir / f"{hire}.toml"
    mine = record.read_bytes()
    record.write_bytes(copy.read_bytes())
    assert cli(*args).code == 0
    copy.write_bytes(record.read_bytes())
    record.write_bytes(mine)


def test_a_merge_keeps_both_tasks_that_two_computers_added_under_one_number(
        cli, hire: str, hires_dir: Path) -> None:
    copy = split(hires_dir, hire)
    assert cli("add-item", hire, "own from here").out.strip() == "own-1"
    on_the_copy(cli, hires_dir, hire, copy, "add-item", hire, "own from there")
    on_the_copy(cli, hires_dir, hire, copy, "check", hire, "own-1")
    assert cli("merge").code == 0
    items = items_of(cli, hire)
    assert (items["own-1"]["title"], items["own-1"]["status"]) == ("own from here", "open")
    assert (items["own-2"]["title"], items["own-2"]["status"]) == ("own from there", "done")


def test_a_task_worked_on_one_side_after_the_other_removed_it_comes_back(cli, hire: str,
                                                                        hires_dir: Path) -> None:
    cli("add-item", hire, "Interpreter")
    copy = split(hires_dir, hire)
    assert cli("remove-item", hire, "own-1").code == 0
    on_the_copy(cli, hires_dir, hire, copy, "check", hire, "own-1", "--note", "booked")
    assert cli("merge").code == 0
    item = items_of(cli, hire)["own-1"]
    assert (item["title"], item["status"], item["note"]) == ("Interpreter", "done", "booked")


def test_hand_made_one_off_tasks_must_have_own_ids_and_one_line_titles(cli, hire: str, hires_dir: Path) -> None:
    record = hires_dir / f"{hire}.toml"
    text = record.read_text(encoding="utf-8")
    for bad in ('[own.appoint-mentor]\ntitle = "dup"\n', '[own.own-1]\ntitle = "two\\nlines"\n'):
        record.write_text(text + "\n" + bad, encoding="utf-8")
        listed = cli("list")
        assert listed.code == 1 and "unexpected" not in listed.err and ":own" not in listed.out
    record.write_text(text, encoding="utf-8")


def test_finish_refuses_a_day_in_the_future_or_out_of_range(cli, hire: str) -> None:
    assert "in the future" in cli("finish", hire, "--on", "2030-01-01").err
    old = cli("finish", hire, "--on", "1800-01-01")
    assert old.code == 1 and old.err.startswith("peeronboard: --on:")


def test_a_wrong_retention_setting_stops_only_the_retention_review(cli, hire: str, isolated: Path) -> None:
    (isolated / "config").mkdir(exist_ok=True)
    (isolated / "config" / "config.toml").write_text('retention_months = "12"\n', encoding="utf-8")
    ticked = cli("check", hire, "appoint-mentor")
    assert ticked.code == 0 and "warning:" in ticked.err and "retention_months" in ticked.err
    assert cli("retention").code == 1


def test_a_checklist_change_keeps_the_titles_of_items_it_retires_and_says_what_changed(
        cli, hire: str, tmp_path: Path) -> None:
    cli("check", hire, "appraisal")
    folder = tmp_path / "lists"
    folder.mkdir()
    text = (Path(__file__).parent / "data" / "sample.toml").read_text(encoding="utf-8")
    newer = text.replace("version = 2", "version = 3").replace('id = "sample"', 'id = "other"')
    (folder / "other.toml").write_text(newer[:newer.index('[[phases.items]]\nid = "appraisal"')], encoding="utf-8")
    moved = cli("--checklists", str(folder), "edit", hire, "--checklist", "other")
    assert moved.code == 0 and "checklist: sample → other" in moved.out and "checklist_version: 2 → 3" in moved.out
    retired = json.loads(cli("--checklists", str(folder), "show", hire, "--json").out)["retired"]
    assert [(r["id"], r["title"]) for r in retired] == [("appraisal", "Hold the annual appraisal")]
    logged = cli("--checklists", str(folder), "log", hire, "appraisal")
    assert logged.code == 0 and "Hold the annual appraisal" in logged.out


def test_typed_texts_have_a_sane_length_and_an_unknown_item_has_no_log(cli, hire: str) -> None:
    assert "longer than 500" in cli("add", "x" * 501, "--start", "2027-02-01").err
    assert "longer than 500" in cli("skip", hire, "appraisal", "--reason", "r" * 501).err
    assert cli("log", hire, "no-such-item").code == 1


def test_a_one_off_task_with_a_due_date_is_not_moved(cli, hire: str) -> None:
    cli("add-item", hire, "Interpreter", "--due", "+2w")
    assert "moved from" not in cli("show", hire).out


def test_a_change_of_a_hires_field_is_said_in_the_chosen_language(cli, hire: str) -> None:
    edited = cli("--lang", "da", "edit", hire, "--unit", "Afsnit S5", "--start", "2027-02-08")
    assert "enhed: Afsnit S4 → Afsnit S5" in edited.out and "startdato: 2027-02-01 → 2027-02-08" in edited.out
    assert "unit:" not in edited.out and "start_date" not in edited.out
    log = cli("--lang", "da", "log", hire).out
    assert "enhed: Afsnit S4 → Afsnit S5" in log and "start_date" not in log
    english = cli("log", hire).out
    assert "unit: Afsnit S4 → Afsnit S5" in english and "start date: 2027-02-01 → 2027-02-08" in english
    stored = json.loads(cli("log", hire, "--json").out)  # the record keeps the field's id
    assert any(entry["text"] == "unit: Afsnit S4 → Afsnit S5" for entry in stored)
