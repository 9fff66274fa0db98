"""The command line starts quickly: each run is a fresh process, so every module it loads is time a leader
waits. ``--version`` loads nothing else, a tick loads neither the terminal app nor the style-keeping
editor, and building less changes nothing the command line shows."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from peeronboard import __version__
from peeronboard.cli import main
from peeronboard.cli.parser import SUBCOMMANDS

from .conftest import DATA, run_process

ROOT = Path(__file__).parent.parent
MARK = "loaded modules:"


def _fresh_run(*arguments: str) -> tuple[str, set[str]]:
    """What ``main(arguments)`` prints in a fresh interpreter, and the modules loaded by its end."""
    code = ("import sys\nfrom peeronboard.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            f"sys.stderr.write('\\n{MARK} ' + ' '.join(sorted(sys.modules)) + '\\n')\n")
    result = subprocess.run([sys.executable, "-c", code, *arguments], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    return result.stdout, set(result.stderr.rpartition(MARK)[2].split())


def _heavy(modules: set[str], names: tuple[str, ...]) -> set[str]:
    return {module for module in modules if module.split(".")[0] in names}


def test_version_answers_before_loading_anything_else() -> None:
    shown, modules = _fresh_run("--version")
    assert shown == f"peeronboard {__version__}\n"
    assert not _heavy(modules, ("argparse", "dataclasses", "tomli", "tomllib", "tomlkit", "textual", "rich"))
    assert {module for module in modules if module.startswith("peeronboard")} == {"peeronboard",
                                                                                  "peeronboard.cli"}


def test_a_tick_loads_neither_the_app_nor_the_editor_that_keeps_comments(cli, hire: str) -> None:
    shown, modules = _fresh_run("--checklists", str(DATA), "check", hire, "appoint-mentor")
    assert shown.endswith(": done\n")
    assert not _heavy(modules, ("textual", "rich", "tomlkit", "shtab", "platformdirs"))
    assert "[x]" in cli("show", hire).out.split("appoint-mentor")[0].splitlines()[-1]


@pytest.mark.parametrize("command", [("list", "--json"), ("agenda", "--json"), ("export", "--format", "csv")],
                         ids=["list", "agenda", "export"])
def test_listings_and_exports_load_no_typing_once_the_files_are_known(hire: str, tmp_path: Path,
                                                                      command: tuple[str, ...]) -> None:
    """From the second run on (the records' index and the checklists' parse are kept), a listing or an
    export parses no TOML, and so loads neither ``typing`` (some 2 ms of every start) nor a TOML parser."""
    arguments = ("--checklists", str(DATA), *command, *(("-o", str(tmp_path / "out.csv")) if
                                                       command[0] == "export" else ()))
    _fresh_run(*arguments)
    shown, modules = _fresh_run(*arguments)
    assert not {"typing", "tomli", "tomllib"} & modules
    assert hire in (shown if command[0] != "export" else (tmp_path / "out.csv").read_text("utf-8-sig"))


def test_help_lists_every_command_with_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert stop.value.code == 0
    for command in SUBCOMMANDS:
        assert f" {command.name} {' '.join(command.help.split()[:4])}" in shown, command.name


def test_a_wrong_command_is_told_every_command_there_is(cli) -> None:
    result = cli("chekc", "anna", "x")
    choices = ", ".join(repr(command.name) for command in SUBCOMMANDS)
    assert result.code == 2
    assert f"invalid choice: 'chekc' (choose from {choices})" in result.err


def test_a_command_run_in_process_leaves_the_garbage_collector_as_it_was(cli, hire: str) -> None:
    assert cli("check", hire, "appoint-mentor").code == 0
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with pytest.raises(SystemExit):
        main(["--help"])
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_the_program_ends_at_once_with_its_output_whole_and_its_exit_code(hire: str) -> None:
    """The program skips tearing down what it built (``run_program``): what it printed still arrives
    whole, through a pipe, and its exit code is the command's."""
    exported = run_process("export", "--format", "json", "-o", "-")
    assert exported.returncode == 0
    assert [entry["id"] for entry in json.loads(exported.stdout)["hires"]] == [hire]
    missing = run_process("show", "nobody")
    assert missing.returncode == 1
    assert missing.stderr == "peeronboard: no hire matches 'nobody'\n" and missing.stdout == ""


def _closed_run(arguments: str, closed: str) -> subprocess.CompletedProcess[str]:
    command = f'"{sys.executable}" -m peeronboard --checklists "{DATA}"'
    return subprocess.run(["sh", "-c", f"{command} {arguments} {closed}>&-"], capture_output=True, text=True,
                          timeout=60)


def _ticked(hire: str) -> bool:
    return "[x]" in run_process("show", hire).stdout.split("appoint-mentor")[0].splitlines()[-1]


def test_a_closed_standard_output_is_said_in_one_line_and_nothing_is_done(hire: str) -> None:
    """Started with standard output closed (``>&-``): a command says so on standard error, in the
    language asked for, and changes nothing; ``--version`` says nothing and ends as usual."""
    done = _closed_run(f"check {hire} appoint-mentor", "1")
    assert done.returncode == 1 and not _ticked(hire)
    assert done.stderr == "peeronboard: standard output is closed: nothing could be shown, so nothing was done\n"
    danish = _closed_run(f"--lang da check {hire} appoint-mentor", "1")
    assert danish.stderr == "peeronboard: standard-ud er lukket: intet kunne vises, så intet blev gjort\n"
    version = subprocess.run(["sh", "-c", f'"{sys.executable}" -m peeronboard --version >&-'],
                             capture_output=True, text=True, timeout=60)
    assert (version.returncode, version.stderr) == (0, "")


def test_with_standard_error_closed_a_command_runs_and_its_output_stays_clean(hire: str,
                                                                            hires_dir: Path) -> None:
    """Started with standard error closed (``2>&-``): the command runs, and what it would have said
    there (a broken record, say) is not written into its output instead."""
    done = _closed_run(f"check {hire} appoint-mentor", "2")
    assert done.returncode == 0 and done.stdout.endswith(": done\n") and _ticked(hire)
    (hires_dir / "zzzzzz.toml").write_text("broken = [\n", encoding="utf-8")
    listed = _closed_run("list --json", "2")
    assert listed.returncode == 1  # the broken record is a problem, said on the closed stream
    assert [row["id"] for row in json.loads(listed.stdout)] == [hire]
