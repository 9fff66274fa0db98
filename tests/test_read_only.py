"""A folder the user may not write to: a clear error, the record as it was, and reading still works.

Root ignores file modes, so when the tests run as root (as in CI) the program runs as ``nobody``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import DATA, TODAY

NOBODY = 65534
pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")


@pytest.fixture
def base() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="peeronboard-readonly-"))  # outside root's private tmp
    if os.geteuid() == 0:
        os.chown(folder, NOBODY, NOBODY)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir():
            path.chmod(0o700)
    shutil.rmtree(folder)


def run_as_user(base: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run peeronboard as an ordinary user, to whom the folder's modes apply."""
    env = {"PATH": os.environ.get("PATH", ""), "PEERONBOARD_DATA_DIR": str(base / "data"),
           "PEERONBOARD_CONFIG_DIR": str(base / "config"), "PEERONBOARD_CACHE_DIR": str(base / "cache"),
           "PEERONBOARD_LANG": "en", "PEERONBOARD_TODAY": TODAY, "USER": "leder", "HOME": str(base)}
    as_nobody = os.geteuid() == 0

    def drop_root() -> None:
        os.setgid(NOBODY)
        os.setgroups([])
        os.setuid(NOBODY)

    return subprocess.run([sys.executable, "-m", "peeronboard", "--checklists", str(DATA), *args],
                          capture_output=True, text=True, env=env, timeout=60,
                          preexec_fn=drop_root if as_nobody else None)


def test_a_read_only_folder_gives_a_clear_error_and_keeps_the_record(base: Path) -> None:
    added = run_as_user(base, "add", "Anna", "--start", "2027-02-01", "--checklist", "sample")
    assert added.returncode == 0, added.stderr
    hire = added.stdout.strip()
    record = base / "data" / "hires" / f"{hire}.toml"
    before = record.read_bytes()
    for folder in (base / "data" / "hires", base / "data"):
        folder.chmod(0o500)  # the user may read and enter the folders, not write in them

    ticked = run_as_user(base, "check", hire, "appoint-mentor")
    assert ticked.returncode == 1
    assert ticked.stderr.count("\n") == 1 and "Traceback" not in ticked.stderr
    assert f"could not save {record}: Permission denied" in ticked.stderr
    assert record.read_bytes() == before
    assert sorted(p.name for p in record.parent.iterdir()) == [".lock", record.name]
    assert (base / "data" / "hires").stat().st_mode & 0o777 == 0o500, "the folder's mode is the user's"

    listed = run_as_user(base, "list")
    assert listed.returncode == 0, listed.stderr
    assert "Anna" in listed.stdout
