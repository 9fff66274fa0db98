"""The command line's parts fit: every command parses and runs, the quick parser is the whole parser,
and a tick loads the code of its own command only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from peeronboard.cli.parser import SUBCOMMANDS, build_parser, moves_as_values
from peeronboard.cli.registry import COMMANDS

from .conftest import DATA

LINES = [
    [], ["--private"], ["--lang", "da", "list"], ["list", "--json"], ["--data-dir", "check", "list"],
    ["check", "anna", "list", "--note", "show", "--by", "me", "--on", "2027-01-02"],
    ["--checklists", "a", "show", "anna", "--checklists", "b"], ["due", "anna", "x", "-3d", "--reason", "ill"],
    ["export", "anna", "bo", "--format", "csv", "-o", "-", "--no-notes", "--only", "open"],
    ["agenda", "--days", "3"], ["validate", "a.toml", "b.toml"], ["erase", "anna", "--yes"],
    ["add", "Anna", "--start", "2027-02-01", "--unit", "B", "--mentor", "C", "--checklist", "x"],
    ["skip", "anna", "x", "--reason", "no"], ["note", "anna", "x", ""], ["uncheck", "anna", "x"],
    ["merge"], ["demo"], ["checklists"],
]
WRONG = [["bogus"], ["check", "anna"], ["add", "Anna"], ["agenda", "--days", "many"], ["list", "--nope"],
         ["--lang", "fr"], ["skip", "anna", "x"], ["--data-dir"]]


def test_every_command_of_the_parser_has_a_handler_and_no_other() -> None:
    assert [command.name for command in SUBCOMMANDS] == list(COMMANDS)


@pytest.mark.parametrize("line", LINES, ids=" ".join)
def test_the_parser_built_for_a_command_line_reads_it_as_the_whole_parser(line: list[str]) -> None:
    arguments = moves_as_values(line)
    assert vars(build_parser(line).parse_args(arguments)) == vars(build_parser().parse_args(arguments))


@pytest.mark.parametrize("line", [*WRONG, ["--help"], *([name, "--help"] for name in COMMANDS)], ids=" ".join)
def test_the_parser_built_for_a_command_line_says_what_the_whole_parser_says(
        line: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    said = []
    for parser in (build_parser(line), build_parser()):
        with pytest.raises(SystemExit) as stop:
            parser.parse_args(line)
        said.append((stop.value.code, capsys.readouterr()))
    assert said[0] == said[1]
    assert said[0][1].out or said[0][1].err


def test_a_tick_loads_the_code_of_no_other_command(hire: str) -> None:
    code = ("import sys; from peeronboard.cli import main; "
            f"code = main(['--checklists', {str(DATA)!r}, 'check', {hire!r}, 'appoint-mentor']); "
            "print(code, sorted(m for m in sys.modules "
            "if m.startswith(('peeronboard.cli.', 'peeronboard.exports', 'peeronboard.demo'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).parent.parent)
    loaded = ["peeronboard.cli.context", "peeronboard.cli.items", "peeronboard.cli.output",
              "peeronboard.cli.parser", "peeronboard.cli.registry"]
    assert result.stdout.splitlines()[-1] == f"0 {loaded}"
