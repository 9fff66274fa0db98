"""Hostile files and input (issue #11): erase removes exactly one hire's files and never follows a link,
merge folds only the same hire, odd file kinds and deep nesting are problems, never hangs or crashes,
and no escape sequence from a file or an argument reaches the terminal."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from peeronboard.store import HireStore

from .conftest import DATA, run_process

RECORD = """format = 2
id = "{id}"
name = "{name}"
checklist = "sample"
checklist_version = 1
start_date = 2027-02-01
created = {created}
"""
CREATED = "2027-01-10T09:00:00Z"
posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX file kinds")


def write_record(hires_dir: Path, hire_id: str, name: str, *, file_name: str | None = None,
                 created: str = CREATED, extra: str = "") -> Path:
    hires_dir.mkdir(parents=True, exist_ok=True)
    path = hires_dir / (file_name or f"{hire_id}.toml")
    path.write_text(RECORD.format(id=hire_id, name=name, created=created) + extra, encoding="utf-8")
    return path


def names_left(folder: Path, name: str) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()
            and name in p.read_text(encoding="utf-8", errors="replace")]


# --- erase: exactly the hire's own files --------------------------------------------------------

def test_erase_does_not_match_other_records_by_substring(cli, hires_dir: Path) -> None:
    write_record(hires_dir, "anna", "Anna Berg")
    write_record(hires_dir, "anna-b", "Anna Bisgaard")
    write_record(hires_dir, "toml", "Tove Mølgaard")
    assert cli("erase", "anna", "--yes").code == 0
    assert cli("erase", "toml", "--yes").code == 0
    assert (hires_dir / "anna-b.toml").read_text(encoding="utf-8").count("Anna Bisgaard") == 1
    assert sorted(p.name for p in hires_dir.glob("*.toml")) == ["anna-b.toml"]


def test_erase_removes_what_list_calls_its_copies_and_every_copy_of_the_index(
        cli, hire: str, hires_dir: Path, data_dir: Path) -> None:
    record = hires_dir / f"{hire}.toml"
    shutil.copy(record, hires_dir / "backup-before-edit.toml")  # a copy made with cp
    shutil.copy(record, hires_dir / f"{hire}.toml~")  # an editor's backup
    shutil.copy(record, hires_dir / f".{hire}.toml.swp")
    listed = cli("list")
    assert f"backup-before-edit.toml:1: a conflicting copy of hire {hire}" in listed.err
    for name in ("index.json~", "index.json.bak"):
        shutil.copy(data_dir / "index.json", data_dir / name)
    erased = cli("erase", hire, "--yes")
    assert erased.code == 0, erased.err
    assert "No trace of the name is left" in erased.out
    assert names_left(data_dir, "Anna Ærø") == []
    assert list(hires_dir.iterdir()) == [hires_dir / ".lock"] or all(
        p.name.startswith(".lock") for p in hires_dir.iterdir())


def test_erase_leaves_a_file_that_claims_the_id_but_holds_another_person_and_says_so(
        cli, hires_dir: Path) -> None:
    write_record(hires_dir, "anna", "Anna Berg")
    stranger = write_record(hires_dir, "anna", "Bo Stranger", file_name="anna (copy).toml",
                            created="2026-05-05T12:00:00Z")
    erased = cli("erase", "anna", "--yes")
    assert erased.code == 1
    assert f"Not erased: {stranger}" in erased.err
    assert "No trace" not in erased.out
    assert "Bo Stranger" in stranger.read_text(encoding="utf-8")
    assert not (hires_dir / "anna.toml").exists()


@posix_only
def test_erase_never_follows_a_link_out_of_the_data_folder(cli, hire: str, hires_dir: Path,
                                                            data_dir: Path, tmp_path: Path) -> None:
    thesis, other = tmp_path / "thesis.txt", tmp_path / "other.json"
    thesis.write_text("three years of work", encoding="utf-8")
    other.write_text('{"keep": true}', encoding="utf-8")
    (hires_dir / f"{hire}.toml.bak").symlink_to(thesis)
    (data_dir / "index-old.json").symlink_to(other)
    assert cli("erase", hire, "--yes").code == 0
    assert thesis.read_text(encoding="utf-8") == "three years of work"
    assert other.read_text(encoding="utf-8") == '{"keep": true}'
    assert not os.path.lexists(hires_dir / f"{hire}.toml.bak")
    assert not os.path.lexists(data_dir / "index-old.json")


@posix_only
def test_a_record_that_is_a_link_is_a_problem_and_never_written_through(
        cli, hire: str, hires_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.toml"
    shutil.copy(hires_dir / f"{hire}.toml", outside)
    before = outside.read_bytes()
    (hires_dir / f"{hire}.toml").unlink()
    (hires_dir / f"{hire}.toml").symlink_to(outside)
    listed = cli("list")
    assert listed.code == 1 and "symbolic link" in listed.err
    assert cli("check", hire, "appoint-mentor").code == 1
    assert outside.read_bytes() == before


# --- merge: only the same hire ----------------------------------------------------------------

def test_merge_refuses_a_file_with_the_same_id_that_holds_another_person(cli, hires_dir: Path) -> None:
    write_record(hires_dir, "anna", "Anna Berg")
    stranger = write_record(hires_dir, "anna", "Bo Stranger", file_name="anna-laptop.toml",
                            created="2026-05-05T12:00:00Z",
                            extra='\n[items.appoint-mentor]\nstatus = "open"\nnote = "about Bo"\n')
    listed = cli("list")
    assert f"{stranger}:1: this file says it is hire anna, but it is not known to be the same hire" in listed.err
    assert str(hires_dir / "anna.toml") in listed.err
    merged = cli("merge")
    assert "No conflicting copies to merge." in merged.out
    assert stranger.exists()
    shown = cli("show", "anna")
    assert "about Bo" not in shown.out and "Anna Berg" in shown.out


def test_merge_keeps_a_name_corrected_on_the_other_side(cli, hires_dir: Path) -> None:
    write_record(hires_dir, "anna", "Anna Berg")
    copy = write_record(hires_dir, "anna", "Anna Bjerg", file_name="anna (conflicted copy).toml",
                        extra='\n[[log]]\nat = 2027-01-12T10:00:00Z\nby = "hr"\naction = "note"\n')
    merged = cli("merge")
    assert merged.code == 0, merged.err
    assert "name: the copy had 'Anna Bjerg', anna keeps 'Anna Berg'" in merged.out
    assert not copy.exists()
    record = HireStore(hires_dir.parent).load("anna")
    assert "Anna Bjerg" in (record.log[-1].text or ""), "the copy's name is kept in the log"


def test_merge_takes_a_mentor_that_only_the_copy_has(cli, hires_dir: Path) -> None:
    write_record(hires_dir, "anna", "Anna Berg")
    write_record(hires_dir, "anna", "Anna Berg", file_name="anna (1).toml", extra='mentor = "Mette"\n')
    assert cli("merge").code == 0
    assert HireStore(hires_dir.parent).load("anna").mentor == "Mette"


def test_merge_survives_a_log_time_without_a_utc_offset(cli, hire: str, hires_dir: Path) -> None:
    assert cli("skip", hire, "appoint-mentor", "--reason", "she has one").code == 0  # logged with a UTC offset
    copy = hires_dir / f"{hire}.sync-conflict-20270120.toml"
    text = (hires_dir / f"{hire}.toml").read_text(encoding="utf-8")
    head, table = text.split("[items.appoint-mentor]\n", 1)
    table = table.replace('status = "skipped"', 'status = "done"', 1)
    copy.write_text(f"{head}[items.appoint-mentor]\n{table}"
                    + '\n[[log]]\nat = 2027-01-15T10:00:00\nby = "hr"\naction = "check"\n'
                      'item = "appoint-mentor"\n', encoding="utf-8")
    assert cli("validate", str(copy)).code == 1  # a copy (its id is not its file name), but it parses
    merged = cli("merge")
    assert merged.code == 0, merged.err
    assert "unexpected error" not in merged.err
    assert not copy.exists()
    assert HireStore(hires_dir.parent).load(hire).state("appoint-mentor").status == "done"


@posix_only
def test_merge_never_shreds_through_a_link(cli, hire: str, hires_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "mine.toml"
    shutil.copy(hires_dir / f"{hire}.toml", outside)
    before = outside.read_bytes()
    (hires_dir / f"{hire} (conflicted copy).toml").symlink_to(outside)
    cli("merge")
    assert outside.read_bytes() == before


# --- file kinds and nesting: problems, never hangs or crashes ---------------------------------

DEEP = "x = " + "[" * 600 + "]" * 600 + "\n"


def test_deep_nesting_is_a_problem_for_that_file_and_every_other_hire_keeps_working(
        cli, hire: str, hires_dir: Path, tmp_path: Path) -> None:
    write_record(hires_dir, "deep", "Deep", extra=DEEP)
    for command in (["list"], ["agenda"], ["export"], ["show", hire]):
        result = cli(*command)
        assert "RecursionError" not in result.err and "unexpected" not in result.err, command
    listed = cli("list", "--json")
    assert listed.code == 1 and "nested too deeply" in listed.err
    assert [h["id"] for h in json.loads(listed.out)] == [hire]
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "deep.toml").write_text('format = 1\nid = "deep"\n' + DEEP, encoding="utf-8")
    for command in (["checklists"], ["validate", str(folder / "deep.toml")]):
        result = cli("--checklists", str(folder), *command)
        assert result.code == 1 and "nested too deeply" in result.err, command


@posix_only
@pytest.mark.parametrize("kind", ["fifo", "folder", "socket"])
def test_a_fifo_folder_or_socket_in_the_hires_folder_is_a_problem_row_and_nothing_hangs(
        hire: str, hires_dir: Path, kind: str) -> None:
    odd = hires_dir / "zz.toml"
    if kind == "fifo":
        os.mkfifo(odd)
    elif kind == "folder":
        odd.mkdir()
    else:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(odd))
    for command in (["list"], ["agenda"], ["export"], ["merge"], ["erase", hire, "--yes"]):
        result = run_process(*command)  # a timeout here would fail the test
        assert "unexpected" not in result.stderr, (command, result.stderr)
    assert os.path.lexists(odd)


def test_a_checklist_with_absurdly_many_items_is_refused_with_a_clear_message(cli, tmp_path: Path) -> None:
    folder = tmp_path / "lists"
    folder.mkdir()
    items = "".join(f'[[phases.items]]\nid = "i{n}"\ntitle = "Item {n}"\n' for n in range(10_001))
    (folder / "huge.toml").write_text('format = 1\nid = "huge"\nversion = 1\ntitle = "Huge"\n'
                                      '[[phases]]\nid = "p"\ntitle = "P"\n' + items, encoding="utf-8")
    result = cli("validate", str(folder / "huge.toml"))
    assert result.code == 1 and "10,001 items; peeronboard handles at most 10,000" in result.err


# --- temp files of killed writers ---------------------------------------------------------------

@posix_only
def test_a_killed_writers_temp_file_is_removed_by_the_next_write(
        hire: str, data_dir: Path, hires_dir: Path) -> None:
    from .test_crash_safety import WRITER

    def temp_files() -> list[Path]:
        return [p for p in hires_dir.iterdir() if p.name.endswith(".tmp")]

    for attempt in range(200):  # kill writers until one dies holding its temp file
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), str(DATA), hire],
                                  stdout=subprocess.PIPE, text=True)
        writer.stdout.readline()  # it is writing
        time.sleep(0.002 * (attempt % 20))
        writer.send_signal(signal.SIGKILL)
        writer.communicate()
        if temp_files():
            break
    (left,) = temp_files()  # a killed writer leaves at most one temp file
    assert run_process("check", hire, "appoint-mentor").returncode == 0
    assert temp_files() == [left], "a temp file a live writer could hold is never touched"
    os.utime(left, (time.time() - 120, time.time() - 120))  # a while later
    assert run_process("check", hire, "order-workstation").returncode == 0
    assert temp_files() == []


# --- escapes: nothing from a file or an argument reaches the terminal raw ----------------------

PAINT = "hello\x1b]0;pwned\x07\x1b[2J world"


def test_control_characters_typed_on_the_command_line_are_refused(cli, hire: str) -> None:
    for args in (["note", hire, "appoint-mentor", PAINT], ["check", hire, "appoint-mentor", "--by", "a\x1b[31m"],
                 ["skip", hire, "appoint-mentor", "--reason", "x\u202eevil"],
                 ["due", hire, "appoint-mentor", "+1w", "--reason", "nul\x00"],
                 ["add", "Anna\u202e", "--start", "2027-02-01"]):
        result = cli(*args)
        assert result.code == 1 and "control character" in result.err, args
    assert cli("note", hire, "appoint-mentor", "line one\nline two").code == 0


def test_escapes_in_hand_edited_records_are_shown_visibly_never_executed(cli, hires_dir: Path) -> None:
    write_record(hires_dir, "anna", "Anna \\u001b[2J Berg", extra=(
        '\n[items.appoint-mentor]\nstatus = "done"\nby = "x\\u001b]52;c;cGF3bmVk\\u0007"\n'
        'note = "hello\\u001b]0;pwned\\u0007\\u001b[2J world \\u202egnp.exe"\n'))
    (hires_dir / "bad\x1b[2J.toml").write_text("not toml [", encoding="utf-8")
    for command in (["list"], ["show", "anna"], ["agenda", "--days", "3650"], ["export"],
                    ["list", "--json"], ["show", "anna", "--json"]):
        result = cli(*command)
        for stream in (result.out, result.err):
            assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream, command
    shown = cli("show", "anna")
    assert "hello\\u001b]0;pwned\\u0007\\u001b[2J world \\u202egnp.exe" in shown.out
    assert json.loads(cli("show", "anna", "--json").out)["name"] == "Anna \x1b[2J Berg", \
        "JSON output stays valid and holds the real text"


def test_an_unexpected_error_prints_no_personal_data(cli, hire: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from peeronboard.cli import registry

    def broken(ctx, args):
        raise RuntimeError("Anna Ærø Jensen has a note about her psychiatric history")

    monkeypatch.setitem(registry.COMMANDS, "list", broken)
    result = cli("list")
    assert result.code == 1
    assert result.err.strip() == "peeronboard: unexpected error: RuntimeError (set PEERONBOARD_DEBUG=1 for details)"


# --- the app without a terminal, private folders, export to standard output -------------------

def test_without_a_terminal_the_app_says_so_and_exits_at_once(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "peeronboard"], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr and "peeronboard list" in result.stderr
    assert "\x1b" not in result.stdout


@posix_only
def test_new_folders_are_private_whatever_the_umask(tmp_path: Path) -> None:
    data = tmp_path / "new" / "deeper" / "data"
    cache = tmp_path / "cache-root"
    env = {**os.environ, "PEERONBOARD_CACHE_DIR": str(cache)}
    result = subprocess.run(
        [sys.executable, "-c", "import os, sys; os.umask(0); from peeronboard.cli import main; "
         f"sys.exit(main(['--data-dir', {str(data)!r}, 'add', 'Anna', '--start', '2027-02-01']))"],
        capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    for folder in (tmp_path / "new", tmp_path / "new" / "deeper", data, data / "hires", cache,
                   cache / "checklists"):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    for file in [*cache.rglob("*.json"), *data.rglob("*.toml")]:
        assert file.stat().st_mode & 0o777 == 0o600, file


def test_export_to_dash_writes_standard_output(cli, hire: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("export", hire, "-o", "-")
    assert result.code == 0 and "Anna Ærø Jensen" in result.out
    assert not (tmp_path / "-").exists()


# --- a fuzz test: any mix of file kinds, nesting depths and characters ----------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

RAW_TERMINAL = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066", "\x00")
hostile_text = st.lists(st.sampled_from(["a", "Æ", " ", "\x1b", "[2J", "\x07", "\u202e", "\u2066", "\x9b",
                                         "\x00", "\r", "\n", "]0;", '"', "\\"]), max_size=12).map("".join)
odd_file = st.one_of(
    st.tuples(st.just("bytes"), st.binary(max_size=200)),
    st.tuples(st.just("record"), hostile_text),
    st.tuples(st.just("deep"), st.integers(1, 3000)),
    st.tuples(st.sampled_from(["fifo", "folder", "link", "dangling"]), st.none()),
)


def toml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string is a TOML basic string, with \\uXXXX escapes


def plant(hires_dir: Path, index: int, kind: str, value: object, good: Path) -> None:
    path = hires_dir / f"odd{index}.toml"
    if kind == "bytes":
        path.write_bytes(value)  # type: ignore[arg-type]
    elif kind == "record":
        text = toml_string(str(value))
        path.write_text(RECORD.format(id=f"odd{index}", name="x", created=CREATED).replace(
            'name = "x"', f"name = {text}\nunit = {text}") +
            f'\n[items.appoint-mentor]\nstatus = "done"\nby = {text}\nnote = {text}\n', encoding="utf-8")
    elif kind == "deep":
        depth = int(value)  # type: ignore[call-overload]
        path.write_text("x = " + "[" * depth + "]" * depth + "\n", encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "link":
        path.symlink_to(good)
    else:
        path.symlink_to(hires_dir / "nowhere.toml")


@posix_only
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(odd_files=st.lists(odd_file, min_size=1, max_size=5))
def test_any_mix_of_hostile_files_never_crashes_hangs_or_paints_the_terminal(
        cli, hire: str, hires_dir: Path, odd_files: list[tuple[str, object]]) -> None:
    good = hires_dir / f"{hire}.toml"
    for path in hires_dir.glob("odd*"):
        path.rmdir() if path.is_dir() and not path.is_symlink() else path.unlink()
    for index, (kind, value) in enumerate(odd_files):
        plant(hires_dir, index, kind, value, good)
    before = {p.name: p.read_bytes() for p in hires_dir.glob("odd*") if p.is_file() and not p.is_symlink()}
    for command in (["list"], ["list", "--json"], ["show", hire], ["agenda", "--days", "3650"],
                    ["export", "--format", "md"], ["merge"]):
        result = cli(*command)
        assert result.code in (0, 1), (command, result.err)
        assert "unexpected error" not in result.err, (command, result.err)
        for stream in (result.out, result.err):
            assert not any(ch in stream for ch in RAW_TERMINAL), command
    assert hire in cli("list").out
    erased = cli("erase", hire, "--yes")
    assert erased.code == 0 and not os.path.lexists(good), erased.err
    after = {p.name: p.read_bytes() for p in hires_dir.glob("odd*") if p.is_file() and not p.is_symlink()}
    assert after == before, "no other file was changed"
    assert cli("add", "Anna Ærø Jensen", "--start", "2027-02-01", "--checklist", "sample").code == 0
    (new,) = [p for p in hires_dir.glob("*.toml") if not p.name.startswith("odd")]
    new.rename(good)  # the next example starts from the same hire
    good.write_text(good.read_text(encoding="utf-8").replace(f'id = "{new.stem}"', f'id = "{hire}"'),
                    encoding="utf-8")


def test_an_id_with_a_line_break_is_not_an_id(hires_dir: Path) -> None:
    with pytest.raises(ValueError):
        HireStore(hires_dir.parent).path_for("anna\n")


@posix_only
def test_export_to_dev_stdout_keeps_the_message_out_of_the_summary(hire: str, tmp_path: Path) -> None:
    out = tmp_path / "summary.md"
    with out.open("w") as stdout:
        result = subprocess.run([sys.executable, "-m", "peeronboard", "--checklists", str(DATA), "export",
                                 hire, "-o", "/dev/stdout"], stdout=stdout, stderr=subprocess.PIPE,
                                text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("*Made with peeronboard") and "# Anna Ærø Jensen" in text and "Exported" not in text


# --- a red-team pass: what it found ---------------------------------------------------------------

def test_erasing_an_unreadable_record_never_takes_another_persons_file(cli, hires_dir: Path) -> None:
    write_record(hires_dir, "anna", "Anna Berg", extra="broken =\n")
    other = write_record(hires_dir, "anna", "Bo Other", file_name="anna (1).toml",
                         created="2026-05-05T12:00:00Z")
    erased = cli("erase", "anna", "--yes")
    assert erased.code == 1 and f"Not erased: {other}" in erased.err
    assert "Bo Other" in other.read_text(encoding="utf-8")
    assert not (hires_dir / "anna.toml").exists()


def test_erase_goes_on_past_a_folder_and_says_what_it_could_not_remove(cli, hires_dir: Path) -> None:
    write_record(hires_dir, "anna", "Anna Berg")
    shutil.copy(hires_dir / "anna.toml", hires_dir / "anna.toml~")
    (hires_dir / "anna (1).toml").mkdir()
    erased = cli("erase", "anna", "--yes")
    assert erased.code == 1 and "could not erase" in erased.err and "anna (1).toml" in erased.err
    assert names_left(hires_dir, "Anna Berg") == []


def test_erase_by_id_reaches_the_files_left_once_the_record_is_gone(cli, hires_dir: Path) -> None:
    write_record(hires_dir, "anna", "Anna Berg", file_name="anna.toml~")
    write_record(hires_dir, "anna", "Anna Berg", file_name="anna (1).toml")
    listed = cli("list")
    assert "whose record" in listed.err and "is missing" in listed.err
    assert cli("erase", "anna", "--yes").code == 0
    assert names_left(hires_dir, "Anna Berg") == []


@posix_only
def test_shredding_never_zeroes_a_hard_link_to_a_file_outside(cli, hire: str, hires_dir: Path,
                                                              tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me", encoding="utf-8")
    os.link(precious, hires_dir / f"{hire}.toml~")
    assert cli("erase", hire, "--yes").code == 0
    assert precious.read_text(encoding="utf-8") == "keep me"


def test_erase_leaves_the_users_own_files_that_only_look_like_the_index(cli, hire: str, data_dir: Path) -> None:
    assert cli("list").code == 0
    mine = [data_dir / "index-notes.json", data_dir / "index.json.txt"]
    for path in mine:
        path.write_text('{"mine": true}', encoding="utf-8")
    shutil.copy(data_dir / "index.json", data_dir / "index (conflicted copy).json")
    assert cli("erase", hire, "--yes").code == 0
    assert all(path.read_text(encoding="utf-8") == '{"mine": true}' for path in mine)
    assert names_left(data_dir, "Anna Ærø") == []


@pytest.mark.parametrize("depth", [101, 999, 1001, 5000])
@pytest.mark.parametrize("nesting", ["lists", "inline tables", "dotted keys"])
def test_a_record_nested_past_100_levels_is_a_problem_at_any_depth_and_the_others_work(
        cli, hire: str, hires_dir: Path, depth: int, nesting: str) -> None:
    """The reader goes no deeper than the comment-keeping editor (100 levels), so every record that
    reads can be changed; the compiled parser would take 1,000, which a tick's comparison would not."""
    extra = {"lists": "x = " + "[" * depth + "]" * depth,
             "inline tables": "x = " + "{a = " * depth + "1" + "}" * depth,
             "dotted keys": "a." * depth + "b = 1"}[nesting]
    record = write_record(hires_dir, "deep", "Deep", extra=extra + "\n")
    before = record.read_bytes()
    for command in (["list"], ["check", "deep", "appoint-mentor"], ["show", "deep"]):
        result = cli(*command)
        assert result.code == 1 and "nested too deeply (more than 100 levels)" in result.err, (command, result)
        assert "unexpected" not in result.err and "RecursionError" not in result.err
    assert hire in cli("list").out and record.read_bytes() == before


def test_a_record_nested_100_levels_deep_is_read_ticked_and_edited(cli, hires_dir: Path) -> None:
    record = write_record(hires_dir, "deep", "Deep", extra="x = " + "[" * 100 + "]" * 100 + "\n")
    assert cli("list").out.count("Deep") == 1
    assert cli("check", "deep", "appoint-mentor").code == 0
    assert cli("edit", "deep", "--unit", "Afsnit 3").code == 0
    assert 'unit = "Afsnit 3"' in record.read_text(encoding="utf-8")


def test_merge_of_a_record_too_deep_to_read_is_refused_and_both_files_stay(cli, hires_dir: Path) -> None:
    deep = "deep = " + "[" * 150 + "]" * 150 + "\n"
    record = write_record(hires_dir, "anna", "Anna Berg", extra=deep)
    copy = write_record(hires_dir, "anna", "Anna Berg", file_name="anna (1).toml",
                        extra=deep + '\n[items.appoint-mentor]\nstatus = "done"\n')
    before = record.read_bytes()
    merged = cli("merge")
    assert merged.code == 1 and "unexpected" not in merged.err
    assert "anna (1).toml:1: values are nested too deeply (more than 100 levels)" in merged.err, merged.err
    assert record.read_bytes() == before and copy.exists()


def test_a_merge_goes_on_past_a_copy_it_cannot_take_and_names_it(cli, hire: str, hires_dir: Path) -> None:
    write_record(hires_dir, "zz", "Zacharias", file_name="zz-orphan.toml")  # its record zz.toml is missing
    shutil.copy(hires_dir / f"{hire}.toml", hires_dir / f"{hire} (1).toml")
    merged = cli("merge")
    assert merged.code == 1 and f"Merged {hire} (1).toml" in merged.out
    assert "zz-orphan.toml" in merged.err and "is missing" in merged.err


@posix_only
def test_names_and_arguments_that_are_not_utf8_are_refused_or_shown_never_crash(cli, hire: str,
                                                                               tmp_path: Path) -> None:
    bad = os.fsdecode(b"Ok\xff\x9b[2J")
    for args in (["add", bad, "--start", "2027-02-01"], ["note", hire, "appoint-mentor", bad],
                 ["add", "Bo", "--start", "2027-02-01", "--mentor", bad]):
        result = cli(*args)
        assert result.code == 1 and "unexpected" not in result.err, args
    folder = tmp_path / "lists"
    folder.mkdir()
    shutil.copy(DATA / "sample.toml", folder / os.fsdecode(b"x\xe9\x9b[2J.toml"))
    for args in (["--checklists", str(folder), "checklists"], ["validate", str(next(folder.iterdir()))]):
        result = cli(*args)
        assert "unexpected" not in result.err, args
        assert not any(ch in result.out + result.err for ch in ("\x1b", "\x9b", "\udc9b")), args


def test_argument_errors_never_echo_escapes(cli) -> None:
    result = cli("list", "\x1b[31mX\x07")
    assert result.code == 2 and "\x1b" not in result.err and "\x07" not in result.err


def test_a_far_future_due_date_written_by_hand_is_a_problem_not_a_crash(cli, hire: str, hires_dir: Path) -> None:
    with (hires_dir / f"{hire}.toml").open("a", encoding="utf-8") as out:
        out.write('\n[items.appoint-mentor]\ndue = 9999-12-31\n')
    for fmt in ("ics", "md", "csv"):
        result = cli("export", "--format", fmt)
        assert result.code == 1 and "outside 1900-2999" in result.err and "unexpected" not in result.err


def test_a_damaged_index_entry_is_read_again_from_the_record(cli, hire: str, data_dir: Path) -> None:
    assert cli("list").code == 0
    index = json.loads((data_dir / "index.json").read_text(encoding="utf-8"))
    entry = index["records"][hire]  # [inode, mtime, size, name, checklist, start, version, format, created,
    entry[9] = {"appoint-mentor": ["done", None, 7, ["n"], None]}  # items, unit, ...]
    entry[10:11] = [["x"]]
    (data_dir / "index.json").write_text(json.dumps(index), encoding="utf-8")
    for command in (["list"], ["agenda"], ["export"]):
        result = cli(*command)
        assert result.code == 0 and "Anna" in result.out, (command, result.err)


@posix_only
def test_the_erase_question_on_a_terminal_shows_a_name_with_escapes_harmlessly(hires_dir: Path) -> None:
    import pty
    import select

    write_record(hires_dir, "anna", "Anna\\u001b]0;PWNED\\u0007\\u001b[2J\\u202eX")
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "peeronboard", "--checklists", str(DATA), "erase",
                                "anna"], stdin=follower, stdout=follower, stderr=follower)
    os.close(follower)
    seen = b""
    deadline = time.monotonic() + 30
    while b"[y/N]" not in seen and time.monotonic() < deadline:
        if select.select([leader], [], [], 1)[0]:
            seen += os.read(leader, 4096)
    os.write(leader, b"n\n")
    assert process.wait(timeout=30) == 0
    try:
        while select.select([leader], [], [], 1)[0]:
            seen += os.read(leader, 4096)
    except OSError:  # the terminal is closed once the program has ended
        pass
    os.close(leader)
    assert b"[y/N]" in seen
    assert b"\x1b" not in seen and "\u202e".encode() not in seen
    assert b"Anna\\u001b]0;PWNED" in seen
    assert (hires_dir / "anna.toml").exists()


def test_a_line_inside_a_string_that_looks_like_a_table_never_stops_the_listing(
        cli, hire: str, hires_dir: Path) -> None:
    """Pointing at the line of a problem scans the file line by line; a string's line that looks like
    a table header with a key TOML cannot read (``["\\q"]``) is taken as written, not an error."""
    record = write_record(hires_dir, "odd", "Odd")
    odd_line = "notes = [\n'''\n[\"\\q\"]\n''']\n"  # before the key with the problem: scanned
    record.write_text(record.read_text(encoding="utf-8").replace("start_date = 2027-02-01",
                                                               odd_line + 'start_date = "soon"'), encoding="utf-8")
    listed = cli("list")
    assert listed.code == 1 and "unexpected" not in listed.err and "odd.toml" in listed.err, listed.err
    assert hire in listed.out
