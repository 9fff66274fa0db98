"""``peeronboard demo`` removes its temporary folder also when the terminal is closed or it is killed."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from peeronboard.cli.context import Context

from .conftest import DATA

ENDINGS = [signal.SIGTERM, signal.SIGHUP]  # killed, and the terminal window closed


@pytest.mark.parametrize("ending", ENDINGS, ids=lambda s: signal.Signals(s).name)
def test_the_demo_folder_is_removed_when_the_demo_is_ended_by_a_signal(
        cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ending: signal.Signals) -> None:
    seen: dict[str, Path] = {}

    def app_ended_by_signal(ctx: Context, private: bool, banner: str | None = None) -> int:
        seen["folder"] = ctx.onboarding.store.data_dir
        assert len(ctx.onboarding.store.record_paths()) == 4, "the sample hires are there while it runs"
        os.kill(os.getpid(), ending)
        for _ in range(1000):  # the handler runs between two steps of Python
            time.sleep(0.01)
        raise AssertionError("the signal did not end the demo")

    def earlier_handler(signum: int, frame: object) -> None:
        """Stands in for the default (which would end the test run itself) once the demo is over."""

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr("peeronboard.cli.hires.open_app", app_ended_by_signal)
    previous = signal.signal(ending, earlier_handler)
    try:
        result = cli("demo")
        assert signal.getsignal(ending) is earlier_handler, "the earlier handler is back afterwards"
    finally:
        signal.signal(ending, previous)
    assert result.code == 128 + ending
    assert seen["folder"].name.startswith("peeronboard-demo-")
    assert not seen["folder"].exists(), "the demo folder is removed"


def test_closing_the_terminal_of_a_real_demo_removes_its_folder(tmp_path: Path) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    environment = {**os.environ, "TMPDIR": str(temporary), "TERM": "xterm-256color", "LINES": "40",
                   "COLUMNS": "120"}
    primary, secondary = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "peeronboard", "--checklists", str(DATA), "demo"],
                               stdin=secondary, stdout=secondary, stderr=secondary, env=environment,
                               start_new_session=True)
    os.close(secondary)
    try:
        folder = _first_demo_folder(temporary, process, primary)
        assert any((folder / "hires").glob("*.toml")), "the demo runs on its sample hires"
        _read_for(primary, 1.0)  # let the app draw its first screen
        process.send_signal(signal.SIGHUP)
        _wait_reading(process, primary)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(primary)
    assert process.returncode == 128 + signal.SIGHUP
    assert not list(temporary.iterdir()), "nothing is left in the temporary folder"


def _first_demo_folder(temporary: Path, process: subprocess.Popen[bytes], primary: int) -> Path:
    for _ in range(600):
        folders = [p for p in temporary.glob("peeronboard-demo-*") if any((p / "hires").glob("*.toml"))]
        if folders:
            return folders[0]
        assert process.poll() is None, _read_for(primary, 0.1)
        _read_for(primary, 0.1)
    raise AssertionError("the demo never made its folder")


def _wait_reading(process: subprocess.Popen[bytes], primary: int) -> None:
    """Wait up to a minute for the process to end, reading what it draws so it never blocks on a full
    terminal (once the terminal is closed a read fails at once, so the minute is counted by the clock)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return
        _read_for(primary, 0.1)
        time.sleep(0.01)
    raise AssertionError("the demo did not end")


def _read_for(primary: int, seconds: float) -> str:
    import select

    end = time.monotonic() + seconds
    out = b""
    while (left := end - time.monotonic()) > 0:
        ready, _, _ = select.select([primary], [], [], left)
        if not ready:
            break
        try:
            out += os.read(primary, 65536)
        except OSError:
            break
    return out.decode("utf-8", "replace")
