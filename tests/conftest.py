"""Every test runs on its own empty data and config folders, in English, on a fixed day."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from peeronboard.cli import main
from peeronboard.library import ChecklistLibrary
from peeronboard.onboarding import Onboarding
from peeronboard.store import HireStore

DATA = Path(__file__).parent / "data"
TODAY = "2027-01-20"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PEERONBOARD_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PEERONBOARD_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("PEERONBOARD_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PEERONBOARD_LANG", "en")
    monkeypatch.setenv("PEERONBOARD_TODAY", TODAY)
    monkeypatch.delenv("PEERONBOARD_DEBUG", raising=False)
    return tmp_path


@pytest.fixture(autouse=True)
def pilot_waits_for_saves(monkeypatch: pytest.MonkeyPatch) -> None:
    """A key that saves a change is done once the change is saved and on screen: the app saves on a
    writing thread of its own, and a person sees the result a few milliseconds after the key."""
    from textual.pilot import Pilot

    real_pause = Pilot.pause
    for name in ("press", "pause", "click"):
        real = getattr(Pilot, name)

        async def waiting(self: Pilot, *args: object, _real=real, **kwargs: object) -> object:
            result = await _real(self, *args, **kwargs)
            writer = getattr(self.app, "writer", None)
            if writer is not None and writer.pending:
                await writer.settled()
                await real_pause(self)
            return result

        monkeypatch.setattr(Pilot, name, waiting)


@pytest.fixture
def data_dir(isolated: Path) -> Path:
    return isolated / "data"


@pytest.fixture
def hires_dir(data_dir: Path) -> Path:
    return data_dir / "hires"


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Run the command line in this process, with the test checklists available."""

    def run(*args: str, checklists: bool = True) -> Result:
        argv = (["--checklists", str(DATA)] if checklists else []) + list(args)
        try:
            code = main(argv)
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def run_process(*args: str, env: dict[str, str] | None = None,
                input_text: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``peeronboard`` program in a separate process."""
    return subprocess.run(
        [sys.executable, "-m", "peeronboard", "--checklists", str(DATA), *args],
        capture_output=True, text=True, env={**os.environ, **(env or {})}, input=input_text,
        timeout=60,
    )


@pytest.fixture
def onboarding(data_dir: Path) -> Onboarding:
    """The core on the test data folder, with the sample checklists, as Lise on the tests' day."""
    return Onboarding(HireStore(data_dir), ChecklistLibrary.discover([DATA]), "Lise",
                      lambda: dt.date(2027, 1, 20))


@pytest.fixture
def hire(cli) -> str:
    """The id of one hire on the sample checklist, starting 2027-02-01."""
    result = cli("add", "Anna Ærø Jensen", "--start", "2027-02-01", "--checklist", "sample",
                 "--unit", "Afsnit S4", "--mentor", "Mette")
    assert result.code == 0, result.err
    return result.out.strip()
