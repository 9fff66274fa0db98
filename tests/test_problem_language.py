"""The problems found in a hire record or a TOML file, in Danish: on the command line and in the app."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest
import tomli

from peeronboard import tomlsource
from peeronboard.i18n import in_lang
from peeronboard.onboarding import Onboarding
from peeronboard.problems import FormatError
from peeronboard.ui.screens.dashboard import ProblemScreen

from .conftest import DATA
from .test_hostile_files import write_record
from .test_tui import anna, app_for, hire_rows, onboarding, started  # noqa: F401 (fixtures)
from .test_tui_polish import dialog_text


def set_status(record: Path, item_id: str, status: str) -> None:
    record.write_text(record.read_text(encoding="utf-8")
                      + f'\n[items.{item_id}]\nstatus = "{status}"\n', encoding="utf-8")


def problem_of(text: str | bytes, path: Path) -> str:
    """The message of the one problem a file with ``text`` has, as the CLI shows it in Danish."""
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    with pytest.raises(FormatError) as raised:
        tomlsource.load(path)
    (problem,) = raised.value.problems
    return in_lang(problem.message, "da")


# --- a record's problems on the command line --------------------------------------------------------

@pytest.mark.parametrize("command", ["validate", "list"])
def test_a_wrong_status_is_explained_in_danish(cli, hire: str, hires_dir: Path, command: str) -> None:
    record = hires_dir / f"{hire}.toml"
    set_status(record, "appoint-mentor", "finished")
    result = cli("--lang", "da", command, *([str(record)] if command == "validate" else []))
    assert result.code == 1
    assert "items.appoint-mentor.status skal være en af open, done, skipped, ikke 'finished'" in result.err
    assert "must be" not in result.err


def test_showing_an_unreadable_hire_by_its_id_explains_it_in_danish(cli, hire: str, hires_dir: Path) -> None:
    set_status(hires_dir / f"{hire}.toml", "appoint-mentor", "finished")
    result = cli("--lang", "da", "show", hire)
    assert result.code != 0
    assert "skal være en af open, done, skipped" in result.err and "must be" not in result.err


def test_a_wrong_status_reads_as_before_in_english(cli, hire: str, hires_dir: Path) -> None:
    record = hires_dir / f"{hire}.toml"
    set_status(record, "appoint-mentor", "finished")
    result = cli("validate", str(record))
    assert "items.appoint-mentor.status must be one of open, done, skipped, not 'finished'" in result.err


def test_a_record_with_a_missing_name_and_a_bad_date_is_explained_in_danish(cli, tmp_path: Path) -> None:
    record = tmp_path / "anna.toml"
    record.write_text('format = 3\nid = "anna"\nchecklist = "sample"\nstart_date = "1. februar"\n',
                      encoding="utf-8")
    result = cli("--lang", "da", "validate", str(record))
    assert f"{record}:1: den påkrævede nøgle 'name' mangler" in result.err, result.err
    assert f"{record}:4: start_date skal være en dato som 2027-03-01, ikke '1. februar'" in result.err


# --- a file that is not TOML ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "danish"), [
    ("name = ", "1:8: TOML-syntaks: ugyldig værdi ved filens slutning"),
    ("[a]\n[a]\n", "2:3: TOML-syntaks: tabellen [a] er angivet to gange"),
    ('name = "Anna', "1:13: TOML-syntaks: en tekst mangler sit afsluttende anførselstegn ved filens slutning"),
])
def test_a_toml_syntax_error_is_explained_in_danish(cli, tmp_path: Path, text: str, danish: str) -> None:
    path = tmp_path / "anna.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("--lang", "da", "validate", str(path))
    assert result.code == 1 and f"{path}:{danish}" in result.err, result.err
    assert "TOML syntax" not in result.err


def test_a_file_that_is_not_utf8_is_explained_in_danish(cli, tmp_path: Path) -> None:
    path = tmp_path / "anna.toml"
    path.write_bytes(b'name = "Anna \xe6r\xf8"\n')
    result = cli("--lang", "da", "validate", str(path))
    assert result.code == 1 and f"{path}:1:14: ikke UTF-8-tekst (byte 0xe6)" in result.err, result.err


def test_a_missing_file_is_explained_in_danish(cli, tmp_path: Path) -> None:
    result = cli("--lang", "da", "validate", str(tmp_path / "nope.toml"))
    assert result.code == 1 and f"{tmp_path / 'nope.toml'}: kan ikke læses: filen findes ikke" in result.err, \
        result.err


def test_a_file_without_read_permission_is_explained_in_danish(
        cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(path: Path, **options: object) -> bytes:  # as the system refuses it (tests run as root)
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tomlsource, "read_regular", refused)
    result = cli("--lang", "da", "validate", str(tmp_path / "anna.toml"))
    assert result.code == 1 and f"{tmp_path / 'anna.toml'}: kan ikke læses: adgang nægtet" in result.err, \
        result.err


# every message of the TOML parser (tomli, as Python 3.11's tomllib), each from a file that makes it
TOMLLIB_MESSAGES = {
    "Invalid statement": "= 1\n",
    "Expected newline or end of document after a statement": "a = 1 b = 2\n",
    "Expected \"'\" at end of file": "a = 'x",
    "Found invalid character '\\x00'": "a = 1 # \x00\n",
    "Cannot declare ('a',) twice": "[a]\n[a]\n",
    "Cannot overwrite a value": "a = 1\na = 2\n",
    "Expected ']' at the end of a table declaration": "[a\n",
    "Cannot mutate immutable namespace ('a',)": "a = {b = 1}\na.c = 2\n",
    "Expected ']]' at the end of an array declaration": "[[a]\n",
    "Cannot redefine namespace ('a', 'b')": "[a.b]\n[a]\nb.c = 1\n",
    "Expected '=' after a key in a key/value pair": "a 1\n",
    "Invalid initial character for a key part": "[?]\n",
    "Unclosed array": "a = [1 2]\n",
    "Duplicate inline table key 'b'": "a = {b = 1, b = 2}\n",
    "Unclosed inline table": "a = {b = 1\n",
    "Unescaped '\\' in a string": 'a = "\\q"\n',
    "Invalid hex value": 'a = "\\uZZZZ"\n',
    "Escaped character is not a Unicode scalar value": 'a = "\\uD800"\n',
    "Unterminated string at end of file": 'a = "x',
    "Illegal character '\\x01'": 'a = "x\x01"\n',
    "Invalid date or datetime": "a = 2027-02-30\n",
    "Invalid value": "a = \n",
}


@pytest.mark.parametrize(("english", "text"), TOMLLIB_MESSAGES.items())
def test_every_toml_syntax_message_has_its_danish(tmp_path: Path, english: str, text: str) -> None:
    path = tmp_path / "file.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as raised:
        tomlsource.load(path)
    message = raised.value.problems[0].message
    assert message == f"TOML syntax: {english}"  # the English text as before
    danish = in_lang(message, "da")
    assert danish.startswith("TOML-syntaks: ") and english.split(" (")[0] not in danish, danish


def test_a_toml_message_peeronboard_does_not_know_stays_english_in_the_danish_sentence(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def newer_parser(text: str) -> dict[str, object]:
        raise tomli.TOMLDecodeError("Something new went wrong", "a = 1\n", 1)

    monkeypatch.setattr(tomli, "loads", newer_parser)  # as tomlsource imports it at its first parse
    assert problem_of("a = 1\n", tmp_path / "a.toml") == "TOML-syntaks: Something new went wrong"


# --- files of the hires folder that are not records ------------------------------------------------

def test_a_conflicting_copy_is_explained_in_danish(cli, hire: str, hires_dir: Path) -> None:
    shutil.copy(hires_dir / f"{hire}.toml", hires_dir / "backup.toml")
    listed = cli("--lang", "da", "list")
    assert f"backup.toml:1: en konfliktkopi af ansat {hire}, lavet da to computere ændrede den samtidig" \
        in listed.err, listed.err


def test_a_file_of_another_person_with_the_same_id_is_explained_in_danish(cli, hires_dir: Path) -> None:
    write_record(hires_dir, "anna", "Anna Berg")
    stranger = write_record(hires_dir, "anna", "Bo Stranger", file_name="anna-laptop.toml",
                            created="2026-05-05T12:00:00Z")
    listed = cli("--lang", "da", "list")
    assert f"{stranger}:1: filen siger, at den er ansat anna, men det vides ikke, om det er samme ansatte " \
           f"som {hires_dir / 'anna.toml'} (created 2026-05-05T12:00:00+00:00, ikke " in listed.err, listed.err


def test_a_record_too_deep_to_read_is_explained_in_danish(cli, hires_dir: Path) -> None:
    deep = "deep = " + "[" * 150 + "]" * 150 + "\n"
    write_record(hires_dir, "anna", "Anna Berg", extra=deep)
    write_record(hires_dir, "anna", "Anna Berg", file_name="anna (1).toml",
                 extra=deep + '\n[items.appoint-mentor]\nstatus = "done"\n')
    merged = cli("--lang", "da", "merge")
    assert merged.code == 1 and "værdierne er indlejret for dybt (mere end 100 niveauer)" in merged.err, \
        merged.err


# --- the app ----------------------------------------------------------------------------------------

async def test_the_problem_row_and_dialog_give_the_reason_in_danish(
        onboarding: Onboarding, anna: str, hires_dir: Path) -> None:  # noqa: F811 (fixtures)
    set_status(hires_dir / f"{anna}.toml", "appoint-mentor", "finished")
    app = app_for(onboarding, "da")
    async with app.run_test(size=(160, 30)) as pilot:
        await started(pilot)
        row = hire_rows(app)[-1][0]
        reason = "items.appoint-mentor.status skal være en af open, done, skipped, ikke 'finished'"
        assert row.startswith(f"⚠ {anna}.toml kan ikke læses") and reason in row, row
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ProblemScreen)
        text = dialog_text(app)
        assert f"Hvad er galt: {reason}" in text and "must be" not in text, text


# --- a file's kind, the configuration, a checklist defined twice --------------------------------------

def test_a_fifo_given_as_a_file_is_explained_in_danish(cli, tmp_path: Path) -> None:
    fifo = tmp_path / "anna.toml"
    os.mkfifo(fifo)
    result = cli("--lang", "da", "validate", str(fifo))
    assert result.code != 0
    assert "det er en FIFO (navngivet rør), ikke en almindelig fil" in result.err
    assert "regular file" not in result.err
    assert "it is a FIFO (named pipe), not a regular file" in cli("validate", str(fifo)).err


def test_a_wrong_configuration_is_explained_in_danish(cli, isolated: Path) -> None:
    config = isolated / "config"
    config.mkdir()
    (config / "config.toml").write_text('farve = "blå"\n', encoding="utf-8")
    result = cli("--lang", "da", "list")
    assert result.code == 1
    assert "ukendt nøgle 'farve' (kendte: lang, user, retention_months)" in result.err


def test_a_checklist_defined_twice_is_explained_in_danish(cli, isolated: Path) -> None:
    mine = isolated / "config" / "checklists"
    mine.mkdir(parents=True)
    sample = (DATA / "sample.toml").read_text(encoding="utf-8")
    (mine / "a.toml").write_text(sample, encoding="utf-8")
    (mine / "b.toml").write_text(sample, encoding="utf-8")
    result = cli("--lang", "da", "checklists")
    assert "er også defineret i" in result.err and "denne fil bruges ikke" in result.err, result.err
