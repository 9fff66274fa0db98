"""The store's lock: threads and processes take turns, and a folder that refuses locks still gets one."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
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
    held = tmp_path / ".lock.held"
    held.write_text("laptop pid 4242 at 2027-01-20 09:00:00\n", encoding="utf-8")
    with (pytest.raises(StoreError, match=r"someone else is writing to the folder \(laptop pid 4242"),
          locking.exclusive(tmp_path / ".lock", wait=0.2)):
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


# --- giving up after a while, in both modes -------------------------------------------------------

GENEROUS = 15.0  # seconds: a lock attempt that takes longer than this is taken to wait forever

HOLDER = """
import sys
from pathlib import Path
from peeronboard import locking
with locking.exclusive(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.read()
"""


def attempt(lock: Path, wait: float) -> BaseException | None:
    """Take the lock and let it go again, in a thread, so that a lock waiting forever fails the test
    instead of hanging it: the error it gave up with, or None."""
    outcome: list[BaseException | None] = []

    def take() -> None:
        try:
            with locking.exclusive(lock, wait=wait):
                pass
        except BaseException as error:  # handed to the test
            outcome.append(error)
        else:
            outcome.append(None)

    thread = threading.Thread(target=take, daemon=True)
    thread.start()
    thread.join(GENEROUS)
    assert outcome, f"still waiting for the lock after {GENEROUS} s"
    return outcome[0]


def assert_locked(error: BaseException | None, holder: str) -> None:
    """The writer was told to wait: a lock file names who holds it; an operating-system lock says
    only that another program or window writes, and never to delete anything."""
    assert isinstance(error, StoreError), error
    if holder in (locking.OS_HOLDER, locking.THIS_PROGRAM):
        assert error.key == "err.busy" and "try again" in str(error) and "delete" not in str(error)
    else:
        assert error.key == "err.locked" and f"({holder}" in str(error)


@contextlib.contextmanager
def held_by_another_process(lock: Path, mode: str) -> Iterator[subprocess.Popen[str]]:
    """Another program holding the lock (``mode``: "os" or "file") until the block ends."""
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(lock)], text=True,
                             env={**os.environ, locking.LOCK_ENV: mode},
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert child.stdout is not None and child.stdout.readline() == "held\n"
        yield child
    finally:
        child.kill()
        child.wait()


def test_a_writer_gives_up_on_a_lock_another_program_holds(tmp_path: Path) -> None:
    lock = tmp_path / ".lock"
    with held_by_another_process(lock, "os"):
        assert_locked(attempt(lock, wait=0.3), locking.OS_HOLDER)
        assert_locked(attempt(lock, wait=0), locking.OS_HOLDER)
    assert attempt(lock, wait=0) is None, "free again once the other program has ended"


def test_a_writer_gives_up_on_a_lock_another_thread_holds(tmp_path: Path) -> None:
    lock, taken, release = tmp_path / ".lock", threading.Event(), threading.Event()

    def hold() -> None:
        with locking.exclusive(lock):
            taken.set()
            release.wait(GENEROUS)

    holder = threading.Thread(target=hold, daemon=True)
    holder.start()
    assert taken.wait(GENEROUS)
    try:
        assert_locked(attempt(lock, wait=0.2), locking.THIS_PROGRAM)
    finally:
        release.set()
        holder.join()
    assert attempt(lock, wait=0) is None


# --- a lock file whose writer crashed -------------------------------------------------------------


@pytest.fixture
def dead_pid() -> int:
    """The pid of a process of this machine that has ended."""
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    return ended.pid


def make_old(path: Path) -> None:
    old = time.time() - locking.STALE_AFTER - 5
    os.utime(path, (old, old), follow_symlinks=False)


def test_a_lock_file_left_by_a_writer_killed_on_this_machine_is_taken_over_at_once(
        tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(locking.LOCK_ENV, "file")
    lock = tmp_path / ".lock"
    with held_by_another_process(lock, "file") as writer:
        writer.kill()
    held = tmp_path / ".lock.held"
    assert f"{socket.gethostname()} pid {writer.pid} at" in held.read_text(encoding="utf-8")
    assert attempt(lock, wait=0) is None
    assert list(tmp_path.iterdir()) == [], "no lock or breaker file is left"


def test_a_lock_file_of_a_writer_still_running_on_this_machine_is_waited_for(
        tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(locking.LOCK_ENV, "file")
    lock = tmp_path / ".lock"
    with held_by_another_process(lock, "file") as writer:
        assert_locked(attempt(lock, wait=0.2), f"{socket.gethostname()} pid {writer.pid} at")
        assert (tmp_path / ".lock.held").exists()


GARBAGE = {
    "empty": b"",
    "binary": b"\x00\xff\xfe\x80 pid \xff at",
    "a huge pid": f"{socket.gethostname()} pid {'9' * 40} at now".encode(),
    "pid 0 (the whole process group)": f"{socket.gethostname()} pid 0 at now".encode(),
    "a negative pid": f"{socket.gethostname()} pid -1 at now".encode(),
    "no host": b" pid 12 at now",
    "terminal escapes": b"\x1b[2J\x1b]0;owned\x07laptop pid 12 at now",
    "a megabyte": b"x" * 1_000_000,
}


@pytest.mark.parametrize("text", GARBAGE.values(), ids=GARBAGE.keys())
def test_a_garbage_lock_file_is_judged_by_its_age_only(tmp_path: Path, monkeypatch, text: bytes) -> None:
    monkeypatch.setenv(locking.LOCK_ENV, "file")
    lock, held = tmp_path / ".lock", tmp_path / ".lock.held"
    held.write_bytes(text)
    error = attempt(lock, wait=0.1)
    assert isinstance(error, StoreError) and error.key == "err.locked", error
    assert "\x1b" not in str(error) and len(str(error)) < 500, "shown harmlessly, in one short line"
    assert held.read_bytes() == text, "a lock file that is not old is left alone"
    make_old(held)
    assert attempt(lock, wait=0) is None
    assert not held.exists()


def test_a_lock_file_that_is_a_link_is_never_followed(tmp_path: Path, monkeypatch, dead_pid: int) -> None:
    monkeypatch.setenv(locking.LOCK_ENV, "file")
    lock, held, target = tmp_path / ".lock", tmp_path / ".lock.held", tmp_path / "elsewhere.txt"
    says = f"{socket.gethostname()} pid {dead_pid} at 2027-01-20 09:00:00\n"  # read, it would be stale
    target.write_text(says, encoding="utf-8")
    held.symlink_to(target)
    assert_locked(attempt(lock, wait=0.1), "?")
    make_old(held)
    assert attempt(lock, wait=0) is None
    assert target.read_text(encoding="utf-8") == says, "the file the link points to is untouched"
    assert not held.is_symlink()


def test_a_fifo_in_place_of_the_lock_file_never_blocks_a_writer(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(locking.LOCK_ENV, "file")
    lock, held = tmp_path / ".lock", tmp_path / ".lock.held"
    os.mkfifo(held)
    assert_locked(attempt(lock, wait=0.1), "?")
    make_old(held)
    assert attempt(lock, wait=0) is None
    assert not held.exists()


# --- taking over a stale lock file, one waiter only ------------------------------------------------


def test_a_waiter_never_removes_the_lock_file_another_made_after_it_judged_the_old_one_stale(
        tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(locking.LOCK_ENV, "file")
    held = tmp_path / ".lock.held"
    held.write_text("laptop pid 4242 at 2027-01-20 09:00:00\n", encoding="utf-8")
    make_old(held)
    judge, taken_over = locking._is_stale, []

    def judged_while_another_takes_over(*args: object) -> bool:
        stale = judge(*args)
        if stale and not taken_over:  # just then, a quicker waiter replaces it with its own
            held.unlink()
            held.write_text("desktop pid 777 at 2027-01-20 09:00:01\n", encoding="utf-8")
            taken_over.append(True)
        return stale

    monkeypatch.setattr(locking, "_is_stale", judged_while_another_takes_over)
    assert_locked(attempt(tmp_path / ".lock", wait=0.2), "desktop pid 777")
    assert held.read_text(encoding="utf-8").startswith("desktop pid 777"), "the new holder keeps its lock"


def test_a_writer_leaves_alone_a_lock_file_that_is_no_longer_its_own(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(locking.LOCK_ENV, "file")
    held = tmp_path / ".lock.held"
    with locking.exclusive(tmp_path / ".lock"):  # so slow that another took its lock over meanwhile
        held.unlink()
        held.write_text("desktop pid 777 at 2027-01-20 09:00:01\n", encoding="utf-8")
    assert held.read_text(encoding="utf-8").startswith("desktop pid 777")


@pytest.mark.parametrize("breaker_alive", [False, True], ids=["crashed", "running"])
def test_a_takeover_that_crashed_halfway_does_not_block_writers(
        tmp_path: Path, monkeypatch, dead_pid: int, breaker_alive: bool) -> None:
    monkeypatch.setenv(locking.LOCK_ENV, "file")
    lock, held = tmp_path / ".lock", tmp_path / ".lock.held"
    held.write_text("laptop pid 4242 at 2027-01-20 09:00:00\n", encoding="utf-8")
    make_old(held)
    breaker = locking._breakers(held, locking._look(held))(0)
    pid = os.getppid() if breaker_alive else dead_pid
    breaker.write_text(f"{socket.gethostname()} pid {pid} at 2027-01-20 09:00:01\n", encoding="utf-8")
    if breaker_alive:  # someone is taking it over right now: wait for them
        assert_locked(attempt(lock, wait=0.1), "laptop pid 4242")
    else:
        assert attempt(lock, wait=0) is None
        assert list(tmp_path.iterdir()) == [], "no lock or breaker file is left"
