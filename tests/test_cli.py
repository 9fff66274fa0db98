"""The command line end to end on a temporary data folder: what a leader types and sees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peeronboard import __version__

from .conftest import DATA, run_process


def test_version_and_help() -> None:
    result = run_process("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"peeronboard {__version__}"
    for command in ("checklists", "validate", "add", "list", "show", "check", "uncheck", "skip",
                    "note", "agenda", "erase"):
        shown = run_process(command, "--help")
        assert shown.returncode == 0 and f"usage: peeronboard {command}" in shown.stdout


def test_wrong_usage_exits_2(cli) -> None:
    assert cli("frobnicate").code == 2
    assert cli("add", "Anna").code == 2  # --start is required
    assert cli("skip", "x", "y").code == 2  # --reason is required


def test_add_prints_an_id_and_the_hire_is_listed(cli, hire: str) -> None:
    assert len(hire) == 6 and hire.isalnum()
    listed = cli("list")
    assert listed.code == 0
    assert "Anna Ærø Jensen" in listed.out and hire in listed.out and "0/4" in listed.out


def test_list_json_has_the_documented_fields(cli, hire: str) -> None:
    cli("check", hire, "appoint-mentor")
    (entry,) = json.loads(cli("list", "--json").out)
    assert {k: entry[k] for k in ("id", "name", "start_date", "checklist", "total", "done", "skipped",
                                  "open", "overdue")} == {
        "id": hire, "name": "Anna Ærø Jensen", "start_date": "2027-02-01", "checklist": "sample",
        "total": 4, "done": 1, "skipped": 0, "open": 3, "overdue": 0}


def test_show_json_lists_items_with_due_dates_and_states(cli, hire: str) -> None:
    cli("check", hire, "appoint-mentor", "--by", "Mette", "--on", "2027-01-15", "--note", "done early")
    data = json.loads(cli("show", hire, "--json").out)
    assert data["name"] == "Anna Ærø Jensen" and data["unit"] == "Afsnit S4" and data["mentor"] == "Mette"
    first, second, third, fourth = data["items"]
    assert first == {**first, "id": "appoint-mentor", "phase": "before", "title": "Appoint a mentor",
                     "status": "done", "due": "2027-01-18", "date": "2027-01-15", "by": "Mette",
                     "note": "done early"}
    assert (second["id"], second["status"], second["due"], second["date"]) == (
        "order-workstation", "open", "2027-01-25", None)
    assert third["due"] == "2027-03-01" and fourth["due"] == "2028-02-01"


def test_show_in_danish(cli, hire: str) -> None:
    shown = cli("--lang", "da", "show", "anna")
    assert "Udpege mentor" in shown.out and "Før ansættelse" in shown.out and "Startdato: 2027-02-01" in shown.out


def test_check_uncheck_skip_note_round(cli, hire: str) -> None:
    assert cli("check", hire, "appoint-mentor").out.strip() == "Anna Ærø Jensen: Appoint a mentor: done"
    assert cli("uncheck", hire, "appoint-mentor").code == 0
    assert cli("skip", hire, "appraisal", "--reason", "not this year").code == 0
    assert cli("note", hire, "peer-training", "Course starts in March").code == 0
    items = {i["id"]: i for i in json.loads(cli("show", hire, "--json").out)["items"]}
    assert items["appoint-mentor"]["status"] == "open" and items["appoint-mentor"]["date"] is None
    assert (items["appraisal"]["status"], items["appraisal"]["reason"], items["appraisal"]["note"]) == (
        "skipped", "not this year", None), "the reason is its own field, never the note"
    assert (items["peer-training"]["status"], items["peer-training"]["note"]) == (
        "open", "Course starts in March")


def test_hire_by_part_of_the_name_and_ambiguity(cli, hire: str) -> None:
    cli("add", "Anne Hansen", "--start", "2027-03-01", "--checklist", "sample")
    assert cli("check", "ærø", "appoint-mentor").code == 0  # case-insensitive part of the name
    ambiguous = cli("check", "an", "appoint-mentor")
    assert ambiguous.code == 1
    assert ambiguous.err.startswith("peeronboard: 'an' matches several hires: ")
    assert "Anna Ærø Jensen" in ambiguous.err and "Anne Hansen" in ambiguous.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "nobody", "appoint-mentor"], "peeronboard: no hire matches 'nobody'\n"),
        (["check", "HIRE", "no-such-item"], "has no item 'no-such-item' in checklist sample"),
        (["check", "HIRE", "appoint-mentor", "--on", "2027-02-30"],
         "peeronboard: --on: '2027-02-30' is not a real date\n"),
        (["check", "HIRE", "appoint-mentor", "--on", "2030-01-01"], "--on: 2030-01-01 is in the future"),
        (["add", "Bo", "--start", "2027-02-30"], "peeronboard: --start: '2027-02-30' is not a real date\n"),
        (["add", "Bo", "--start", "1/2/2027"], "is not a date in the form YYYY-MM-DD"),
        (["add", "Bo", "--start", "2027-02-01", "--checklist", "nope"], "unknown checklist 'nope'"),
        (["add", "  ", "--start", "2027-02-01"], "name: the name is empty"),
        (["skip", "HIRE", "appraisal", "--reason", " "], "--reason must not be empty"),
        (["agenda", "--days", "-1"], "--days must be between 0 and 3650"),
        (["agenda", "--days", "999999999"], "--days must be between 0 and 3650"),
        (["add", "Bo", "--start", "1850-01-01"], "peeronboard: --start: 1850-01-01 is outside the years 1900-2999\n"),
        (["add", "Bo", "--start", "2027-02-01", "--unit", "S4\x1b[2J"], "unit: it contains a control character"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(cli, hire: str, args: list[str], message: str) -> None:
    result = cli(*[hire if a == "HIRE" else a for a in args])
    assert result.code == 1
    assert message in result.err
    assert result.err.count("\n") == 1 and "Traceback" not in result.err


def test_agenda_shows_due_soon_and_overdue_oldest_first(cli, hire: str) -> None:
    cli("add", "Bo", "--start", "2027-01-10", "--checklist", "sample")  # two items already overdue
    rows = json.loads(cli("agenda", "--json").out)
    assert [(r["name"], r["id"], r["due"], r["overdue"]) for r in rows] == [
        ("Bo", "appoint-mentor", "2026-12-27", True),
        ("Bo", "order-workstation", "2027-01-03", True),
        ("Anna Ærø Jensen", "appoint-mentor", "2027-01-18", True),
        ("Anna Ærø Jensen", "order-workstation", "2027-01-25", False),
    ]
    wider = json.loads(cli("agenda", "--days", "60", "--json").out)
    assert len(wider) == 6  # peer-training for both hires comes within 60 days
    text = cli("agenda").out
    assert "2026-12-27 (overdue)" in text


def test_erase_removes_every_trace_of_the_name(cli, hire: str, data_dir: Path, hires_dir: Path) -> None:
    other = cli("add", "Bo Hansen", "--start", "2027-03-01", "--checklist", "sample").out.strip()
    assert cli("list").code == 0 and (data_dir / "index.json").exists()  # the index holds both names
    assert b"Anna" in (data_dir / "index.json").read_bytes()
    backup = hires_dir / f"{hire}.toml~"
    backup.write_bytes((hires_dir / f"{hire}.toml").read_bytes())  # an editor's backup copy
    assert cli("erase", hire).code == 1  # without --yes and without a terminal to ask
    assert cli("erase", "anna", "--yes").code == 0
    leftovers = [p for p in data_dir.rglob("*") if p.is_file()]
    assert leftovers and all(b"Anna" not in p.read_bytes() for p in leftovers)
    assert cli("show", hire).code == 1
    assert cli("show", other).code == 0
    assert cli("list").code == 0 and b"Bo Hansen" in (data_dir / "index.json").read_bytes()  # rebuilt


def test_an_unreadable_record_can_be_erased_by_id(cli, hires_dir: Path) -> None:
    broken = hires_dir / "brokn1.toml"
    hires_dir.mkdir(parents=True)
    broken.write_bytes(b'name = "Anna" = broken')
    assert cli("erase", "brokn1", "--yes").code == 0
    assert not broken.exists()


def test_unreadable_record_is_reported_and_everything_else_works(cli, hire: str, hires_dir: Path) -> None:
    broken = hires_dir / "zzzzzz.toml"
    broken.write_bytes(b"\xff\xfe not toml")
    listed = cli("list")
    assert listed.code == 1
    assert hire in listed.out
    assert listed.err.startswith(f"{broken}:1:1: not UTF-8 text")
    assert cli("check", hire, "appoint-mentor").code == 0
    assert broken.read_bytes() == b"\xff\xfe not toml"


def test_checklists_lists_id_title_count_and_file(cli) -> None:
    result = cli("checklists", "--json")
    assert result.code == 0
    sample = next(c for c in json.loads(result.out) if c["id"] == "sample")
    assert sample == {**sample, "title": "Sample list", "items": 4, "file": str(DATA / "sample.toml"),
                      "builtin": False}


def test_checklists_text_names_each_source(cli) -> None:
    shown = cli("--lang", "da", "checklists").out
    assert "nordjylland-leder" in shown and "(indbygget)" in shown
    assert "nordjylland-leder: Peerstøtte i Psykiatrien i Region Nordjylland" in shown
    assert "sample: Test fixture" in shown


def test_user_checklist_replaces_a_builtin_one(cli, isolated: Path) -> None:
    user_dir = isolated / "config" / "checklists"
    user_dir.mkdir(parents=True)
    source = (Path(__file__).parent.parent / "checklists" / "nordjylland-leder.toml").read_text("utf-8")
    adapted = source.replace('id = "appoint-mentor"', 'id = "appoint-two-mentors"', 1)
    (user_dir / "ours.toml").write_text(adapted, encoding="utf-8")
    listed = {c["id"]: c for c in json.loads(cli("checklists", "--json", checklists=False).out)}
    assert listed["nordjylland-leder"]["file"] == str(user_dir / "ours.toml")
    assert listed["nordjylland-leder"]["builtin"] is False


def test_validate_reports_each_problem_as_file_line_message(cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('format = 1\nid = "x"\ntitle = "X"\n[[phases]]\nid = "p"\ntitle = "P"\n'
                   '[[phases.items]]\nid = "a"\ntitel = "A"\n', encoding="utf-8")
    syntax = tmp_path / "syntax.toml"
    syntax.write_text("format = = 1\n", encoding="utf-8")
    result = cli("validate", str(DATA / "sample.toml"), str(bad), str(syntax))
    assert result.code == 1
    assert f"{DATA / 'sample.toml'}: ok (checklist sample, 4 items)" in result.out
    assert result.err.splitlines() == [
        f"{bad}:9: unknown key 'titel' in phases[0].items[0]",
        f"{bad}:7: missing required key 'title' in phases[0].items[0]",
        f"{syntax}:1:10: TOML syntax: Invalid value",
    ]


def test_validate_accepts_a_hire_record(cli, hire: str, hires_dir: Path) -> None:
    result = cli("validate", str(hires_dir / f"{hire}.toml"))
    assert result.code == 0 and f"ok (hire record {hire})" in result.out


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02\xff", "æøå = [".encode()])
def test_validate_never_shows_a_traceback(cli, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "odd.toml"
    path.write_bytes(content)
    result = cli("validate", str(path))
    assert result.code == 1 and result.err.startswith(f"{path}:") and "Traceback" not in result.err


def test_validate_missing_file(cli, tmp_path: Path) -> None:
    result = cli("validate", str(tmp_path / "nope.toml"))
    assert result.code == 1 and "cannot read: No such file or directory" in result.err


def test_broken_config_file_is_named(cli, isolated: Path) -> None:
    config = isolated / "config"
    config.mkdir()
    (config / "config.toml").write_text('lang = "fr"\n', encoding="utf-8")
    result = cli("list")
    assert result.code == 1 and result.err == f"{config / 'config.toml'}:1: lang must be \"da\" or \"en\", not 'fr'\n"


def test_config_user_is_the_default_done_by(cli, isolated: Path, hire: str) -> None:
    config = isolated / "config"
    config.mkdir()
    (config / "config.toml").write_text('user = "Leder Lise"\n', encoding="utf-8")
    cli("check", hire, "appoint-mentor")
    (item, *_) = json.loads(cli("show", hire, "--json").out)["items"]
    assert item["by"] == "Leder Lise"


def test_ids_are_found_whatever_their_case(cli, hire: str) -> None:
    assert cli("show", hire.upper()).code == 0


def test_checklist_folders_before_and_after_the_command_add_up(cli, tmp_path: Path) -> None:
    other = tmp_path / "more"
    other.mkdir()
    (other / "tiny.toml").write_text('format = 1\nid = "tiny"\ntitle = "Tiny"\n'
                                     '[[phases]]\nid = "p"\ntitle = "P"\n', encoding="utf-8")
    listed = {c["id"] for c in json.loads(cli("checklists", "--json", "--checklists", str(other)).out)}
    assert {"sample", "tiny"} <= listed


def test_a_broken_user_checklist_is_never_skipped_silently(cli, isolated: Path) -> None:
    user_dir = isolated / "config" / "checklists"
    user_dir.mkdir(parents=True)
    (user_dir / "ours.toml").write_text('format = 1\nid = "nordjylland-leder"\n', encoding="utf-8")
    added = cli("add", "Bo", "--start", "2027-03-01")  # needs the (overridden) default checklist
    assert added.code == 0  # the built-in list is used instead, and the user is told why
    assert added.err.startswith(f"warning: {user_dir / 'ours.toml'}:1: missing required key 'title'")
    listed = cli("checklists")
    assert listed.code == 1 and "ours.toml:1: missing required key 'title'" in listed.err


def test_a_bad_pinned_today_is_named(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEERONBOARD_TODAY", "2027-13-01")
    result = cli("list")
    assert result.code == 1 and result.err.startswith("peeronboard: PEERONBOARD_TODAY: '2027-13-01'")


def test_a_hand_edited_record_stays_writable(cli, hire: str, hires_dir: Path) -> None:
    path = hires_dir / f"{hire}.toml"
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("[[log]]")]
    path.write_text(head + 'items = { appoint-mentor = { status = "done", note = "kept" } }\nlog = []\n',
                    encoding="utf-8")
    assert cli("check", hire, "order-workstation").code == 0
    items = {i["id"]: i for i in json.loads(cli("show", hire, "--json").out)["items"]}
    assert (items["appoint-mentor"]["status"], items["appoint-mentor"]["note"]) == ("done", "kept")
    assert items["order-workstation"]["status"] == "done"
    assert cli("validate", str(path)).code == 0


def test_a_record_the_editor_cannot_handle_is_left_as_it_was(cli, hire: str, hires_dir: Path) -> None:
    path = hires_dir / f"{hire}.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n[items]\nappoint-mentor = 3\n", encoding="utf-8")
    before = path.read_bytes()
    result = cli("check", hire, "order-workstation")
    assert result.code == 1 and "Traceback" not in result.err
    assert path.read_bytes() == before


def test_a_date_option_outside_the_years_kept_names_the_option(cli, hire: str, hires_dir: Path) -> None:
    before = (hires_dir / f"{hire}.toml").read_bytes()
    result = cli("check", hire, "appoint-mentor", "--on", "1800-01-01")
    assert result.code == 1
    assert result.err == "peeronboard: --on: 1800-01-01 is outside the years 1900-2999\n"
    assert (hires_dir / f"{hire}.toml").read_bytes() == before
    danish = cli("--lang", "da", "check", hire, "appoint-mentor", "--on", "1800-01-01")
    assert danish.err == "peeronboard: --on: 1800-01-01 ligger uden for årene 1900-2999\n"
