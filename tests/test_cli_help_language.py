"""The command line's help in the leader's language: every command's and option's help text in Danish or
English, chosen as argparse's own words are (``--lang``, PEERONBOARD_LANG, the system's language)."""

from __future__ import annotations

import argparse
import re

import pytest

from peeronboard.cli import main
from peeronboard.cli.parser import SUBCOMMANDS, Help, Subcommand


class _Recording(argparse.ArgumentParser):
    """A parser that keeps the help text of every argument added to it."""

    def __init__(self) -> None:
        super().__init__(add_help=False)
        self.helps: list[str | None] = []

    def add_argument(self, *names: str, **options: object) -> argparse.Action:  # type: ignore[override]
        self.helps.append(options.get("help"))  # type: ignore[arg-type]
        return super().add_argument(*names, **options)  # type: ignore[arg-type]


def _helps(command: Subcommand) -> list[str | None]:
    recording = _Recording()
    if command.arguments:
        command.arguments(recording)
    return [command.help, *recording.helps]


def _help_shown(capsys: pytest.CaptureFixture[str], *arguments: str) -> str:
    """The help printed, with lines joined as they were before argparse wrapped them."""
    with pytest.raises(SystemExit) as stop:
        main([*arguments, "--help"])
    assert stop.value.code == 0
    return " ".join(capsys.readouterr().out.split()).replace("- ", "-")


def _unwrapped(text: str) -> str:
    return " ".join(text.split()).replace("- ", "-")


@pytest.mark.parametrize("choice", ["--lang", "PEERONBOARD_LANG", "LANGUAGE"])
def test_check_help_is_danish_when_danish_is_chosen(choice: str, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PEERONBOARD_LANG")
    if choice == "--lang":
        shown = _help_shown(capsys, "--lang", "da", "check")
    else:
        monkeypatch.setenv(choice, "da")
        shown = _help_shown(capsys, "check")
    assert "brug: peeronboard check" in shown
    assert "Markér et punkt som udført." in shown and "--note TEKST en note til punktet" in shown
    assert "fælles tilvalg: --data-dir MAPPE mappen med de ansattes registreringer" in shown
    assert "Mark an item done." not in shown and "a note on the item" not in shown


def test_check_help_is_english_when_english_is_chosen(capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "da")
    shown = _help_shown(capsys, "--lang", "en", "check")
    assert "usage: peeronboard check" in shown
    assert "Mark an item done." in shown and "--note TEXT a note on the item" in shown
    assert "global options: --data-dir DIR where hire records live" in shown
    assert "Markér" not in shown and "en note til punktet" not in shown


@pytest.mark.parametrize("command", SUBCOMMANDS, ids=lambda command: command.name)
def test_every_help_text_of_a_command_is_said_in_danish_and_in_english(
        command: Subcommand, capsys: pytest.CaptureFixture[str]) -> None:
    danish = _help_shown(capsys, "--lang", "da", command.name)
    english = _help_shown(capsys, "--lang", "en", command.name)
    assert danish != english
    for text in _helps(command):
        assert isinstance(text, Help) and text.da != text, text
        assert _unwrapped(text.da) in danish and _unwrapped(text) not in danish, text
        assert _unwrapped(text) in english and _unwrapped(text.da) not in english, text


def test_the_list_of_commands_is_danish_too(capsys: pytest.CaptureFixture[str]) -> None:
    shown = _help_shown(capsys, "--lang", "da")
    assert "Ansættelse og introduktion af en peermedarbejder" in shown
    for command in SUBCOMMANDS:
        assert f" {command.name} {_unwrapped(command.help.da)}" in shown, command.name


# --- the names of the values (metavars) ------------------------------------------------------------

ENGLISH_NAMES = re.compile(r"\b(NAME|HIRE|ITEM|TEXT|COMMAND|YYYY-MM-DD|DIR|FILE|PATH|TITLE|WHEN|ROLE|HOST)\b")


@pytest.mark.parametrize(("command", "names"), [
    ("due", "[--reason TEKST] ANSAT PUNKT HVORNÅR"),
    ("add", "--start ÅÅÅÅ-MM-DD [--checklist ID] [--unit TEKST] [--mentor TEKST]"),
    ("check", "[--by NAVN] [--on ÅÅÅÅ-MM-DD]"),
    ("add", "[--hr TEKST] [--centre TEKST] NAVN"),
    ("", "[--private] KOMMANDO ..."),
])
def test_danish_help_names_the_values_in_danish(capsys: pytest.CaptureFixture[str], command: str,
                                                 names: str) -> None:
    shown = _help_shown(capsys, "--lang", "da", *([command] if command else []))
    assert names in shown, shown


@pytest.mark.parametrize("command", ["", *(command.name for command in SUBCOMMANDS)])
def test_danish_help_has_no_english_names_of_values(capsys: pytest.CaptureFixture[str], command: str) -> None:
    shown = _help_shown(capsys, "--lang", "da", *([command] if command else []))
    assert not ENGLISH_NAMES.findall(shown), (ENGLISH_NAMES.findall(shown), shown)


def test_a_missing_value_is_named_in_danish_and_in_english(cli, capsys: pytest.CaptureFixture[str]) -> None:
    result = cli("--lang", "da", "due", "anna")
    assert result.code == 2 and "følgende argumenter mangler: PUNKT, HVORNÅR" in result.err, result.err
    english = cli("--lang", "en", "due", "anna")
    assert "the following arguments are required: ITEM, WHEN" in english.err, english.err
    assert "[--reason TEXT] HIRE ITEM WHEN" in _help_shown(capsys, "--lang", "en", "due")


# --- a value that is not a number ------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "said"), [("da", "--days: 'x' er ikke et helt tal"),
                                            ("en", "--days: 'x' is not a whole number")])
def test_a_days_that_is_no_number_is_named_with_its_option(cli, lang: str, said: str) -> None:
    result = cli("--lang", lang, "agenda", "--days", "x")
    assert result.code == 2 and said in result.err, result.err
    assert "(int)" not in result.err and "invalid int" not in result.err


# --- due's word for the checklist's date ------------------------------------------------------------

def test_danish_due_says_nulstil_as_its_help_does(cli, hire: str, capsys: pytest.CaptureFixture[str]) -> None:
    result = cli("--lang", "da", "due", hire, "appoint-mentor", "snart")
    assert result.code == 1 and "eller nulstil" in result.err and "reset" not in result.err, result.err
    assert "'nulstil' for tjeklistens dato" in _help_shown(capsys, "--lang", "da", "due")
    assert cli("--lang", "da", "due", hire, "appoint-mentor", "nulstil").code == 0
