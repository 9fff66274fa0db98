"""The installed ``peeronboard`` in a real terminal (tmux): add a hire, open it, tick an item, quit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

PROGRAM = Path(sys.executable).with_name("peeronboard")

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="tmux is not installed (.ci/run installs it)")


class Terminal:
    def __init__(self, session: str) -> None:
        self.session = session

    def keys(self, *keys: str, literal: bool = False) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.session, *(["-l"] if literal else []), *keys],
                       check=True)

    def screen(self) -> str:
        result = subprocess.run(["tmux", "capture-pane", "-p", "-t", self.session],
                                capture_output=True, text=True)
        return result.stdout

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def alive(self) -> bool:
        return subprocess.run(["tmux", "has-session", "-t", self.session], capture_output=True).returncode == 0


@pytest.fixture
def terminal(data_dir: Path, isolated: Path):
    assert PROGRAM.exists(), f"peeronboard is not installed next to {sys.executable}"
    session = f"peeronboard-test-{os.getpid()}"
    env = {"PEERONBOARD_DATA_DIR": str(data_dir), "PEERONBOARD_CONFIG_DIR": str(isolated / "config"),
           "PEERONBOARD_CACHE_DIR": str(isolated / "cache"),
           "PEERONBOARD_LANG": "en", "PEERONBOARD_TODAY": "2027-01-20", "TERM": "xterm-256color"}
    command = " ".join([*(f"{k}={v}" for k, v in env.items()), str(PROGRAM)])
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "36", command], check=True)
    yield Terminal(session)
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def test_a_leader_adds_a_hire_ticks_an_item_and_quits(terminal: Terminal, hires_dir: Path) -> None:
    terminal.wait_for("No hires yet")
    terminal.keys("n")
    terminal.wait_for("Start date")
    terminal.keys("Kim Østergaard", literal=True)
    terminal.wait_for("Kim Østergaard")
    terminal.keys("Tab")
    time.sleep(0.5)  # Textual moves the focus on its next turn; a person is never faster than that
    terminal.keys("2027-03-01", literal=True)
    terminal.wait_for("2027-03-01")
    time.sleep(0.3)  # let the field settle before Enter, as a person would
    terminal.keys("Enter")
    terminal.wait_for("Appoint a mentor")  # a saved hire opens on its checklist
    terminal.wait_for("0 of 11 done")
    terminal.keys("Space")
    terminal.wait_for("1 of 11 done")
    terminal.keys("q")
    deadline = time.monotonic() + 15
    while terminal.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not terminal.alive(), "q did not quit the app"

    (path,) = hires_dir.glob("*.toml")
    record = tomllib.loads(path.read_text(encoding="utf-8"))
    assert record["name"] == "Kim Østergaard"
    assert record["start_date"].isoformat() == "2027-03-01"
    assert record["items"]["appoint-mentor"]["status"] == "done"
    assert record["items"]["appoint-mentor"]["date"].isoformat() == "2027-01-20"
    assert [entry["action"] for entry in record["log"]] == ["create", "check"]
