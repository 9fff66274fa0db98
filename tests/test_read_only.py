"""A folder the user may not write to: a clear error, the record as it was, and reading still works.

Root ignores file modes, so when the tests run as root (as in CI) the program runs without root's
power to override them (the capabilities CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH are dropped).
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import DATA, TODAY

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux file modes")


def drop_root_override() -> None:
    """In the child before it runs Python: root keeps its uid but must obey file modes."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


@pytest.fixture
def base(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "readonly"
    folder.mkdir()
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir():
            path.chmod(0o700)  # so that pytest can clean up


def run_as_user(base: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run peeronboard as an ordinary user, to whom the folder's modes apply."""
    env = {"PATH": os.environ.get("PATH", ""), "PEERONBOARD_DATA_DIR": str(base / "data"),
           "PEERONBOARD_CONFIG_DIR": str(base / "config"), "PEERONBOARD_CACHE_DIR": str(base / "cache"),
           "PEERONBOARD_LANG": "en", "PEERONBOARD_TODAY": TODAY, "USER": "leder", "HOME": str(base)}
    return subprocess.run([sys.executable, "-m", "peeronboard", "--checklists", str(DATA), *args],
                          capture_output=True, text=True, env=env, timeout=60,
                          preexec_fn=drop_root_override if os.geteuid() == 0 else None)


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


CAP_FOWNER = 3


def drop_owner_override() -> None:
    """Also give up root's power over files it does not own (chmod, utime), as an ordinary user has."""
    drop_root_override()
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_CAPBSET_DROP, CAP_FOWNER, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "cannot drop a capability")


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to hand the folder to another owner")
def test_a_read_only_share_owned_by_someone_else_is_listed_exported_and_never_chmodded(base: Path) -> None:
    added = run_as_user(base, "add", "Anna", "--start", "2027-02-01", "--checklist", "sample")
    hire = added.stdout.strip()
    assert run_as_user(base, "list").returncode == 0  # the index is written
    record = base / "data" / "hires" / f"{hire}.toml"
    with record.open("a", encoding="utf-8") as out:
        out.write("# changed on another computer\n")  # the index is stale now
    for path in [base / "data", *(base / "data").rglob("*")]:
        os.chown(path, 65534, 65534)  # the share belongs to someone else ...
        path.chmod(0o755 if path.is_dir() else 0o644)  # ... who lets others read it
    as_reader = dict(preexec_fn=drop_owner_override)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        env = {"PATH": os.environ.get("PATH", ""), "PEERONBOARD_DATA_DIR": str(base / "data"),
               "PEERONBOARD_CONFIG_DIR": str(base / "config"), "PEERONBOARD_CACHE_DIR": str(base / "cache"),
               "PEERONBOARD_LANG": "en", "PEERONBOARD_TODAY": TODAY, "USER": "leder", "HOME": str(base)}
        return subprocess.run([sys.executable, "-m", "peeronboard", "--checklists", str(DATA), *args],
                              capture_output=True, text=True, env=env, timeout=60, **as_reader)

    listed = run("list")
    assert listed.returncode == 0, listed.stderr
    assert "Anna" in listed.stdout
    exported = run("export", "--format", "csv")
    assert exported.returncode == 0 and "Anna" in exported.stdout, exported.stderr
    assert (base / "data" / "hires").stat().st_mode & 0o777 == 0o755, "never chmod another's folder"
    erased = run("erase", hire, "--yes")
    assert erased.returncode == 1
    assert erased.stderr.count("\n") == 1 and "unexpected" not in erased.stderr
    assert "Permission denied" in erased.stderr
    assert record.exists()
    for path in [base / "data", *(base / "data").rglob("*")]:
        os.chown(path, 0, 0)  # so that pytest can clean up
