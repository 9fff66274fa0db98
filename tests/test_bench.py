"""``bench/bench.py`` runs end to end with tiny numbers and prints a row for every measure (not timed:
the numbers themselves are the bench's business)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).parents[1] / "bench" / "bench.py"
TINY = ["--hires", "80", "--keys-hires", "80", "--small", "80", "--large", "80",  # 80: PageDown has
        "--repeat", "1", "--presses", "2"]                                         # a next page
KEYS = ["Enter: the hire's checklist shows", "Space: the tick shows", "Escape: back on the dashboard",
        "a / filter key: filtered rows show", "Escape from the filter: all rows back",
        "PageDown: the next page shows"]
COMMANDS = ["`--version`", "`check HIRE ITEM`, 80 hires", "`list --json`, 80 hires",
            "`agenda --json`, 80 hires", "CSV export, 80 hires", "peak memory: CSV export, 80 hires"]
TERMINAL = ["first hire row on screen, 80 hires", "full load (last hire found by `/`), 80 hires",
            "peak memory: the app, 80 hires loaded",
            *(f"{key}, 80 hires" for key in KEYS), *(f"{key}, first after start, 80 hires" for key in KEYS)]
ROW = re.compile(r"^\| (?P<measure>.+?) \| (?P<ratio>[\d.]+)× \| [\d.]+× \| .+ \| .+ \| .+ \| (yes|\*\*no\*\*) \|$")


def bench(*args: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([sys.executable, str(BENCH), *args], capture_output=True, text=True,
                          timeout=240, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def measures(output: str) -> list[str]:
    return [match["measure"] for line in output.splitlines() if (match := ROW.match(line))]


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")
def test_the_bench_prints_a_row_with_its_ratio_and_verdict_for_every_measure() -> None:
    output = bench(*TINY)
    assert sorted(measures(output)) == sorted(TERMINAL + COMMANDS), output
    assert "66-item records" in output


def test_without_tmux_the_bench_says_why_it_skips_the_terminal_and_still_times_the_commands() -> None:
    env = {**os.environ, "PATH": ""}  # the bench runs Python by its full path; tmux is not found
    output = bench(*TINY, "--only", "first-row,cli", env=env)
    assert "skipped the terminal measures" in output and "tmux is not installed" in output
    assert measures(output) == COMMANDS[:-1], output


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")
def test_a_program_in_the_bench_terminal_sees_only_the_environment_it_is_given(tmp_path: Path,
                                                                                monkeypatch) -> None:
    """The tmux server carries the bench's own environment: a PYTHONDONTWRITEBYTECODE there must not
    reach the app (it would compile its modules on every start, which a user's Python does once)."""
    sys.path.insert(0, str(BENCH.parent))
    try:
        from terminal import Tmux
    finally:
        sys.path.remove(str(BENCH.parent))
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")  # in the server's environment, not the program's
    given = {"PATH": os.environ["PATH"], "GIVEN": "yes"}
    shows = "import os, time; print(os.environ.get('PYTHONDONTWRITEBYTECODE'), os.environ.get('GIVEN')); time.sleep(9)"
    with Tmux() as tmux:
        pane = tmux.start([sys.executable, "-c", shows], given, tmp_path)
        try:
            _, screen = pane.wait(lambda screen: screen.strip() != "", pane.started, timeout=20)
        finally:
            pane.close()
    assert screen.split()[:2] == ["None", "yes"]
