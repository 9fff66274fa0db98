"""The store's lock: threads and processes take turns, and a folder that refuses locks still gets one."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from peeronboard import locking
from peeronboard.errors import StoreError

from .conftest import DATA

ITEMS = ["appoint-mentor", "order-workstation", "peer-training", "appraisal"]


def count_turns(lock: Path, workers: int = 8) -> tuple[int, int]:
    """How many workers ran, and the most that were ever inside the lock at once."""
    inside, most, done = [0], [0], [0]

    def work() -> None:
        with locking.exclusive(lock):
            inside[0] += 1
            most[0] = max(most[0], inside[0])
            time.sleep(0.005)
            inside[0] -= 1
            done[0] += 1

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done[0], most[0]


def test_threads_of_one_process_take_turns(tmp_path: Path) -> None:
    assert count_turns(tmp_path / ".lock") == (8, 1)


def test_a_folder_that_refuses_locks_gets_a_lock_file(tmp_path: Path, monkeypatch) -> None:
    def no_locks(handle: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(locking, "_os_lock", no_locks)
    assert count_turns(tmp_path / ".lock") == (8, 1)
    assert not (tmp_path / ".lock.held").exists(), "the lock file is removed after each write"


def test_a_lock_file_left_by_a_crash_is_taken_over(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(locking.LOCK_ENV, "file")
    held = tmp_path / ".lock.held"
    held.write_text("laptop pid 4242 at 2027-01-20 09:00:00\n", encoding="utf-8")
    old = time.time() - locking.STALE_AFTER - 5
    os.utime(held, (old, old))
    with locking.exclusive(tmp_path / ".lock"):
        assert "4242" not in held.read_text(encoding="utf-8")


def test_a_lock_file_someone_holds_gives_a_clear_error_after_a_while(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(locking.LOCK_ENV, "file")
    monkeypatch.setattr(locking, "WAIT_AT_MOST", 0.2)
    held = tmp_path / ".lock.held"
    held.write_text("laptop pid 4242 at 2027-01-20 09:00:00\n", encoding="utf-8")
    with (pytest.raises(StoreError, match=r"someone else is writing to the folder \(laptop pid 4242"),
          locking.exclusive(tmp_path / ".lock")):
        pass
    assert held.exists(), "someone else's lock is left alone"


@pytest.mark.parametrize("lock", ["os", "file"])
def test_processes_ticking_one_hire_at_once_lose_nothing(cli, hire: str, lock: str) -> None:
    env = {**os.environ, locking.LOCK_ENV: lock}
    procs = [subprocess.Popen([sys.executable, "-m", "peeronboard", "--checklists", str(DATA),
                               "check", hire, item, "--note", f"n{n}"],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for n, item in enumerate(ITEMS * 3)]
    assert all(p.wait(timeout=60) == 0 for p in procs), [p.stderr.read() for p in procs]
    data = json.loads(cli("show", hire, "--json").out)
    assert data["done"] == len(ITEMS)
    record = cli("export", hire, "--format", "json").out
    assert len(json.loads(record)["hires"]) == 1
