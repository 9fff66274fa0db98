"""Exports of hostile text and to unusual paths: hand-edited records and checklists may hold anything,
and ``export -o`` may name a device, a pipe, a folder or a link."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import socket
import stat
import threading
import tomllib
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peeronboard.checklist import Checklist, parse_checklist
from peeronboard.errors import StoreError
from peeronboard.exports import formats
from peeronboard.exports.formats import ExportOptions, export_text, write_export
from peeronboard.progress import HireProgress
from peeronboard.record import HireRecord, ItemState
from peeronboard.safetext import has_unsafe

from .conftest import DATA

TODAY = dt.date(2027, 1, 20)
SAMPLE_TOML = tomllib.loads((DATA / "sample.toml").read_text(encoding="utf-8"))
SAMPLE = parse_checklist(SAMPLE_TOML)
TERMINAL_ATTACK = "hello\x1b]0;pwned\x07\x1b[2J world"
REORDERED = "invoice \u202eexe.pdf"  # shows as "invoice fdp.exe"
FORMULA_CHARACTERS = ("=", "+", "-", "@")
DATE_COLUMNS = (3, 9, 11)  # start, due, date


def hire(*, name: str = "Anna Jensen", unit: str | None = "Afsnit S4", mentor: str | None = None,
         by: str | None = None, note: str | None = None, reason: str | None = None,
         assignee: str | None = None, checklist: Checklist = SAMPLE) -> HireProgress:
    """A hire in memory: one done item (by, with the note, the reason and the person named for it) and
    one open item due soon (with the note)."""
    items = {"appoint-mentor": ItemState("done", dt.date(2027, 1, 5), by, note, reason=reason, assignee=assignee),
             "order-workstation": ItemState("open", note=note)}
    record = HireRecord(id="k4m9tx", name=name, checklist="sample", start_date=dt.date(2027, 2, 1),
                        unit=unit, mentor=mentor, items=items)
    return HireProgress.build(record, checklist, TODAY)


def export(fmt: str, *hires: HireProgress, lang: str = "en") -> str:
    generated = dt.datetime(2027, 1, 20, 9, 30, tzinfo=dt.UTC)
    return export_text(fmt, list(hires), ExportOptions(lang=lang, today=TODAY, generated=generated))


def csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))[1:]


def importer_view(cell: str) -> str:
    """A cell as the most forgiving spreadsheet import reads it: compatibility forms folded (NFKC, so
    a full-width ＝ is =), leading whitespace, quote marks and invisible format characters skipped."""
    seen = None
    while cell != seen:
        seen = cell
        cell = unicodedata.normalize("NFKC", cell)
        while cell and (cell[0].isspace() or cell[0] == '"' or unicodedata.category(cell[0]) == "Cf"):
            cell = cell[1:]
    return cell


def opens_as_formula(cell: str) -> bool:
    """Whether a spreadsheet may run the cell: a guarded cell starts with an apostrophe."""
    if cell.startswith("'"):
        return False
    return cell.startswith(("\t", "\r")) or importer_view(cell).startswith(FORMULA_CHARACTERS)


# --- CSV: formulas ------------------------------------------------------------------------------

DISGUISED_FORMULAS = [
    " =1+1",  # a leading space, from a hand-edited record
    '"=1+1',  # a quote mark first
    "\u200b=1+1",  # a zero-width space first
    "\ufeff+1",  # a byte order mark first
    "\u2060@SUM(A1:A9)",  # a word joiner first
    "＝1+1", "＋1", "－1", "＠SUM(A1)",  # full-width forms
    "\u3000-1",  # an ideographic space first
    "\u00a0=1",  # a no-break space first
    "\n=1+1",  # a line break first
    "\r=1+1",
    " \u200b \"=HYPERLINK(\"http://x\")",
]


@pytest.mark.parametrize("formula", DISGUISED_FORMULAS)
def test_a_disguised_formula_in_any_user_cell_opens_as_text(formula: str) -> None:
    rows = csv_rows(export("csv", hire(name=formula, unit=formula, mentor=formula, by=formula, note=formula,
                                       reason=formula, assignee=formula)))
    done = next(r for r in rows if r[6] == "appoint-mentor")
    for cell in (done[1], done[2], done[8], done[12], done[13], done[14], done[15]):
        # name, unit, owner ("<person> (leader)"), by, note, reason, person
        assert cell.startswith("'") and not opens_as_formula(cell), repr(cell)


def test_a_disguised_formula_in_a_checklist_opens_as_text() -> None:
    data = json.loads(json.dumps(SAMPLE_TOML))  # a deep copy
    data["phases"][0]["title"] = " =1+1"
    data["phases"][0]["items"][0]["title"] = "\u200b=1+1"
    data["phases"][0]["items"][0]["owner"] = "＝1+1"
    rows = csv_rows(export("csv", hire(checklist=parse_checklist(data))))
    first = next(r for r in rows if r[6] == "appoint-mentor")
    assert [first[5][0], first[7][0], first[8][0]] == ["'", "'", "'"]
    assert not any(opens_as_formula(cell) for row in rows for cell in row)


def test_dates_and_plain_text_are_not_guarded() -> None:
    rows = csv_rows(export("csv", hire(name="Ærø Østergaard", unit="1. sal", by="Mette", note="ok")))
    done = next(r for r in rows if r[6] == "appoint-mentor")
    assert (done[1], done[2], done[12], done[13]) == ("Ærø Østergaard", "1. sal", "Mette", "ok")
    assert (done[3], done[9], done[11]) == ("2027-02-01", "2027-01-18", "2027-01-05")


HOSTILE_ALPHABET = st.sampled_from(list(" \t\r\n\"'=+-@;＝＋－＠\u200b\ufeff\u2060\u3000\u00a0\u202e\x1ba1Æ"))
USER_TEXT = st.one_of(st.text(), st.text(HOSTILE_ALPHABET))


@given(name=USER_TEXT.filter(str.strip), unit=USER_TEXT, by=USER_TEXT, note=USER_TEXT, person=USER_TEXT)
def test_no_csv_cell_from_user_text_opens_as_a_formula(name: str, unit: str, by: str, note: str,
                                                       person: str) -> None:
    text = export("csv", hire(name=name, unit=unit or None, by=by or None, note=note or None,
                              reason=note or None, assignee=person or None, mentor=person or None))
    rows = csv_rows(text)
    assert len(rows) == SAMPLE.item_count
    assert not any(opens_as_formula(cell) for row in rows for cell in row)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d|", row[column]) for row in rows for column in DATE_COLUMNS)
    assert not has_unsafe(text.replace("\r\n", "\n"), multiline=True)


# --- line breaks and control characters in text exports -----------------------------------------

def test_a_cr_in_a_note_cannot_start_a_calendar_entry() -> None:
    note = "x\rBEGIN:VEVENT\rSUMMARY:pwned\rEND:VEVENT\r\nmore"
    text = export("ics", hire(note=note))
    entries = export("ics", hire(note="x")).count("BEGIN:VEVENT")  # the hire's open items with a due date
    for lines in (text.splitlines(), re.split(r"\r\n|\r|\n", text)):
        assert lines.count("BEGIN:VEVENT") == entries
        assert not any(line.startswith("SUMMARY:pwned") for line in lines)
    assert "\r" not in text.replace("\r\n", "")
    unfolded = text.replace("\r\n ", "")
    assert "x\\nBEGIN:VEVENT\\nSUMMARY:pwned\\nEND:VEVENT\\nmore" in unfolded


def test_a_cr_in_a_note_stays_on_the_note_line_in_markdown() -> None:
    text = export("md", hire(note="first\rsecond\r\nthird\nfourth"))
    assert text.splitlines() == text.split("\n")[:-1]  # every reader sees the same lines
    assert "  - Note: first second third fourth" in text.split("\n")


@pytest.mark.parametrize("fmt", ["md", "csv", "ics", "html"])
def test_no_terminal_escape_or_bidi_override_reaches_a_text_export(fmt: str) -> None:
    text = export(fmt, hire(name=f"Anna {REORDERED}", unit=REORDERED, mentor=REORDERED, by=TERMINAL_ATTACK,
                            note=f"{TERMINAL_ATTACK}\u2028{REORDERED}", reason=TERMINAL_ATTACK,
                            assignee=REORDERED))
    assert not has_unsafe(text.replace("\r\n", "\n"), multiline=True)  # cat shows it as written
    assert "u001b" in text and "u202e" in text  # shown, as visible escapes


def test_json_keeps_the_exact_text() -> None:
    note = f"{TERMINAL_ATTACK}\r\n{REORDERED}\u2028"
    document = json.loads(export("json", hire(name=REORDERED, note=note)))
    (person,) = document["hires"]
    assert person["name"] == REORDERED
    assert {item["note"] for item in person["items"] if item["note"]} == {note}


# --- where export -o writes ---------------------------------------------------------------------

def finishes(call: Callable[[], Any], seconds: float = 60) -> Any:
    """``call()``'s result (or its error), failing the test instead of hanging if it never returns."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(("value", call()))
        except BaseException as error:  # noqa: BLE001 - handed back to the test
            outcome.append(("error", error))

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert outcome, f"still running after {seconds} s"
    kind, value = outcome[0]
    if kind == "error":
        raise value
    return value


@pytest.fixture
def no_rename_under_dev(monkeypatch: pytest.MonkeyPatch) -> None:
    """A safety net: whatever the code does, no test renames a file over the machine's devices."""
    real_replace = os.replace

    def replace(source: Any, target: Any, **kwargs: Any) -> None:
        assert not os.path.realpath(target).startswith("/dev/"), f"renamed over {target}"
        real_replace(source, target, **kwargs)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "rename", replace)


def test_export_to_dev_null_leaves_the_device(no_rename_under_dev: None) -> None:
    before = os.stat("/dev/null")
    assert write_export(Path("/dev/null"), b"names") == Path("/dev/null")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev and after.st_ino == before.st_ino


def test_export_to_a_named_pipe_feeds_its_reader_and_leaves_the_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "summary.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    data = b"x" * 200_000  # more than a pipe holds at once
    finishes(lambda: write_export(pipe, data))
    reader.join(60)
    assert received == [data]
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_export_to_a_named_pipe_nobody_reads_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats, "READER_WAIT", 0.3)  # the wait for a reader, made short
    pipe = tmp_path / "summary.pipe"
    os.mkfifo(pipe)
    with pytest.raises(StoreError) as raised:
        finishes(lambda: write_export(pipe, b"names"))
    assert "nobody is reading" in raised.value.message("en") and str(pipe) in raised.value.message("en")
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_export_to_a_socket_sends_to_its_listener(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    received: list[bytes] = []
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener:
        listener.bind(str(path))
        listener.listen(1)

        def serve() -> None:
            connection, _ = listener.accept()
            with connection:
                received.append(b"".join(iter(lambda: connection.recv(65536), b"")))

        server = threading.Thread(target=serve, daemon=True)
        server.start()
        finishes(lambda: write_export(path, b"names"))
        server.join(60)
    assert received == [b"names"] and stat.S_ISSOCK(os.lstat(path).st_mode)


def test_export_to_a_folder_says_it_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(StoreError) as raised:
        write_export(folder, b"names")
    assert "is a folder" in raised.value.message("en") and "er en mappe" in raised.value.message("da")
    assert folder.is_dir() and not any(folder.iterdir()) and sorted(tmp_path.iterdir()) == [folder]


@pytest.mark.parametrize("existing", [True, False])
def test_export_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path: Path,
                                                                          existing: bool) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "summary.csv"
    if existing:
        target.write_bytes(b"old")
    link = tmp_path / "summary.csv"
    link.symlink_to(target)
    assert write_export(link, b"new") == link
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == b"new" and target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in shared.iterdir()) == ["summary.csv"]  # no temp file left


def test_export_does_not_follow_a_link_someone_else_planted_in_a_shared_folder(tmp_path: Path) -> None:
    shared = tmp_path / "tmp"
    shared.mkdir()
    shared.chmod(0o1777)  # like /tmp
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    link = shared / "summary.csv"
    link.symlink_to(victim)
    os.lchown(link, 54321, 54321)  # another user's link
    with pytest.raises(StoreError) as raised:
        write_export(link, b"names")
    assert "someone else" in raised.value.message("en")
    assert victim.read_bytes() == b"precious" and link.is_symlink()


def test_export_to_a_regular_file_replaces_it_privately(tmp_path: Path) -> None:
    target = tmp_path / "summary.csv"
    target.write_bytes(b"old and longer")
    target.chmod(0o644)
    write_export(target, b"new")
    assert target.read_bytes() == b"new" and target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["summary.csv"]
