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


def start_app(data_dir: Path, isolated: Path, session: str, size: tuple[int, int] = (120, 36),
              lang: str = "en") -> Terminal:
    """The installed program in a tmux session of ``size`` (columns, lines)."""
    assert PROGRAM.exists(), f"peeronboard is not installed next to {sys.executable}"
    env = {"PEERONBOARD_DATA_DIR": str(data_dir), "PEERONBOARD_CONFIG_DIR": str(isolated / "config"),
           "PEERONBOARD_CACHE_DIR": str(isolated / "cache"),
           "PEERONBOARD_LANG": lang, "PEERONBOARD_TODAY": "2027-01-20", "TERM": "xterm-256color"}
    command = " ".join([*(f"{k}={v}" for k, v in env.items()), str(PROGRAM)])
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]),
                    command], check=True)
    return Terminal(session)


def quit_app(terminal: Terminal) -> None:
    terminal.keys("q")
    deadline = time.monotonic() + 15
    while terminal.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not terminal.alive(), "q did not quit the app"


@pytest.fixture
def terminal(data_dir: Path, isolated: Path):
    session = f"peeronboard-test-{os.getpid()}"
    yield start_app(data_dir, isolated, session)
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
    quit_app(terminal)

    (path,) = hires_dir.glob("*.toml")
    record = tomllib.loads(path.read_text(encoding="utf-8"))
    assert record["name"] == "Kim Østergaard"
    assert record["start_date"].isoformat() == "2027-03-01"
    assert record["items"]["appoint-mentor"]["status"] == "done"
    assert record["items"]["appoint-mentor"]["date"].isoformat() == "2027-01-20"
    assert [entry["action"] for entry in record["log"]] == ["create", "check"]


def test_in_danish_at_80_by_24_the_agenda_opens_a_hire_at_its_item_and_the_next_start_lists_at_once(
        data_dir: Path, isolated: Path, cli) -> None:
    """A small terminal in Danish: the key bar keeps ? (help) and the way back, the agenda opens a hire
    at the item, the filter finds a hire; the second start shows the hires from the rows file."""
    for name, start in (("Anna Ærø Jensen", "2027-02-01"), ("Bo Nielsen", "2027-01-10")):
        assert cli("add", name, "--start", start, "--unit", "Afsnit S4").code == 0
    session = f"peeronboard-test-80-{os.getpid()}"
    try:
        terminal = start_app(data_dir, isolated, session, (80, 24), "da")
        shown = terminal.wait_for("Anna Ærø Jensen")
        assert "Bo Nielsen" in shown and "? Hjælp" in shown.splitlines()[-1]
        terminal.keys("a")
        shown = terminal.wait_for("Frister")
        assert "Udpege" in shown and "esc Tilbage" in shown.splitlines()[-1]  # a title cut shows "…"
        terminal.keys("Enter")  # the first (oldest) item: Bo's
        shown = terminal.wait_for("Startdato")
        assert "Bo Nielsen" in shown
        terminal.keys("Escape")
        terminal.wait_for("Frister")
        terminal.keys("Escape")
        terminal.wait_for("sorteret efter startdato")
        terminal.keys("/")
        terminal.keys("anna", literal=True)
        deadline = time.monotonic() + 15
        while "Bo Nielsen" in terminal.screen() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert "Bo Nielsen" not in terminal.screen() and "Anna Ærø Jensen" in terminal.screen()
        terminal.keys("Enter")  # from the filter to the list (q in the filter would be a letter)
        time.sleep(1.5)  # the rows file is written a moment after the start
        quit_app(terminal)
        assert (data_dir / "rows.json").exists()
        terminal = start_app(data_dir, isolated, session, (80, 24), "da")
        shown = terminal.wait_for("Anna Ærø Jensen")
        assert "Bo Nielsen" in shown
        quit_app(terminal)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
