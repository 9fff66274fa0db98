"""The command line around the exports (issue #16): no abbreviated options, a workbook never to a
terminal, completion scripts made from the real parser, and a wheel that carries the licence."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from peeronboard.cli.parser import SUBCOMMANDS

from .conftest import DATA

ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize("line", [["export", "--form", "csv"], ["export", "--no-n"], ["--data", "x", "list"],
                                  ["list", "--js"]], ids=" ".join)
def test_an_abbreviated_option_is_wrong_usage(cli, hire: str, line: list[str]) -> None:
    result = cli(*line)
    assert result.code == 2 and "usage:" in result.err  # not taken for --format, --no-notes, ...


def _export_to_terminal(*extra: str) -> tuple[int, bytes]:
    """``export --format xlsx`` with standard output a terminal: its exit code and what the terminal got."""
    main, terminal = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "peeronboard", "--checklists", str(DATA), "export",
                               "--format", "xlsx", *extra], stdout=terminal, stderr=terminal, timeout=60)
        os.close(terminal)
        said = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal is closed and read empty
                break
            if not chunk:
                break
            said += chunk
    finally:
        os.close(main)
    return done.returncode, said


def test_a_workbook_is_never_written_to_a_terminal(hire: str, tmp_path: Path) -> None:
    code, said = _export_to_terminal()
    assert code == 1 and b"-o PATH" in said and b"PK" not in said
    assert _export_to_terminal("-o", "-")[0] == 1
    target = tmp_path / "summary.xlsx"
    code, said = _export_to_terminal("-o", str(target))
    assert code == 0 and target.read_bytes().startswith(b"PK\x03\x04")


def test_a_workbook_goes_to_standard_output_when_that_is_a_file(hire: str, tmp_path: Path) -> None:
    import openpyxl

    target = tmp_path / "piped.xlsx"
    with target.open("wb") as out:
        subprocess.run([sys.executable, "-m", "peeronboard", "--checklists", str(DATA), "export", "--format",
                        "xlsx"], stdout=out, check=True, timeout=60)
    rows = list(openpyxl.load_workbook(target).worksheets[0].iter_rows(min_row=2, values_only=True))
    assert {row[1] for row in rows} == {"Anna Ærø Jensen"}


def _complete(script: str, *words: str) -> list[str]:
    """What bash offers after ``peeronboard WORDS`` with the script loaded."""
    line = " ".join(f"'{word}'" for word in words)
    program = (f'source "$1"; COMP_WORDS=(peeronboard {line}); COMP_CWORD={len(words)}; '
               'COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}; _shtab_peeronboard; '
               'printf "%s\\n" "${COMPREPLY[@]}"')
    done = subprocess.run(["bash", "-c", program, "bash", script], capture_output=True, text=True,
                          check=True, timeout=60)
    return done.stdout.split()


def test_bash_completion_offers_the_real_commands_and_choices(cli, tmp_path: Path) -> None:
    result = cli("completion", "bash")
    assert result.code == 0
    script = tmp_path / "peeronboard.bash"
    script.write_text(result.out, encoding="utf-8")
    assert set(_complete(str(script), "")) >= {command.name for command in SUBCOMMANDS}
    assert _complete(str(script), "comp") == ["completion"]
    assert "xlsx" in _complete(str(script), "export", "--format", "")
    assert "--no-notes" in _complete(str(script), "export", "--no")


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_completion_know_every_command(cli, shell: str) -> None:
    result = cli("completion", shell)
    assert result.code == 0
    assert all(command.name in result.out for command in SUBCOMMANDS)
    assert "xlsx" in result.out and "no-notes" in result.out


def test_the_wheel_carries_the_licence(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path / "wheel"), str(ROOT)], check=True, capture_output=True)
    (wheel,) = (tmp_path / "wheel").glob("peeronboard-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (licence,) = [name for name in names if name.endswith(".dist-info/licenses/LICENSE")]
        (metadata,) = [name for name in names if name.endswith(".dist-info/METADATA")]
        text, meta = archive.read(licence).decode(), archive.read(metadata).decode()
    assert text == (ROOT / "LICENSE").read_text(encoding="utf-8") and text.startswith("MIT License")
    assert "License-Expression: MIT" in meta and "License-File: LICENSE" in meta
    assert "Classifier: Natural Language :: Danish" in meta


@pytest.mark.parametrize(("start", "dues"), [
    ("2027-01-15", ["2027-01-01", "2027-01-08", "2027-02-15", "2028-01-15"]),
    ("2027-01-31", ["2027-01-17", "2027-01-24", "2027-02-28", "2028-01-31"]),  # a month's end clamps
    ("2028-02-29", ["2028-02-15", "2028-02-22", "2028-03-29", "2029-02-28"]),  # so does a leap day's year
])
def test_a_csv_export_gives_each_item_its_due_date_from_the_start(cli, start: str, dues: list[str]) -> None:
    import csv

    assert cli("add", "Bo Holm", "--start", start, "--checklist", "sample").code == 0
    result = cli("export", "--format", "csv")
    assert result.code == 0, result.err
    rows = list(csv.reader(result.out.lstrip("\ufeff").splitlines(), delimiter=";"))
    item, due = rows[0].index("Item"), rows[0].index("Due")
    assert {row[item]: row[due] for row in rows[1:]} == dict(zip(
        ["appoint-mentor", "order-workstation", "peer-training", "appraisal"], dues, strict=True))
