"""One writer at a time: across threads, across processes, and across machines where the folder allows.

The operating system's record lock (``fcntl.lockf``; ``msvcrt.locking`` on Windows) is used by default:
on a local disk, and on network file systems that pass locks on to the server (NFS with its lock
service, SMB/CIFS mounts). Where the file system refuses such locks, or with ``PEERONBOARD_LOCK=file``,
a lock *file* ``<lock>.held`` is created exclusively (``O_EXCL``, never through a link) instead, which
works on any folder that several machines write directly. Folders copied between machines by a sync
service (OneDrive, Dropbox, Nextcloud, Syncthing) share no lock at all: there, conflicting copies are
found and merged instead (see ``store``). In both modes a writer waits at most ``wait`` seconds, then
gives up with ``err.locked``.

A lock file says who holds it: ``<host> pid <n> at <time>``, a random token that makes every lock file
unlike any other, and (on Linux) the boot and process namespace in which that pid means something. It
is *stale* when it is older than ``STALE_AFTER`` (a write holds it for milliseconds), or at once when
its holder is a process of this machine that no longer runs. Anything unreadable in it (a hand-edited
or garbage file) only leaves the age rule.

Taking over a stale lock file must not race: two waiters may judge the same file stale, and a plain
"unlink, then create" lets the slower one unlink the *fresh* lock the quicker one has just made. So a
waiter that finds the lock file stale first creates, exclusively, a *breaker* file named after what it
saw (its time stamp and a checksum of its text, the same on every machine): ``<lock>.held.<seen>.0``.
Only the waiter that creates it may remove that lock file. Holding it, the waiter looks again and
removes the lock file only if it is still exactly the one it judged (same time stamp, size and text;
the token makes any newer lock file differ) and still stale by the file server's own clock (the
breaker's time stamp is that clock's now). Nobody removes that lock file in between: other waiters
would need the same breaker, and its holder is gone (the assumption every lock that can be taken over
rests on). Then the waiter tries to create the lock file like everyone else. A breaker is held for
microseconds; one left by a crash is judged stale by the same rules, and the next waiter then takes
the next name (``.1``, ``.2``, ...) instead of removing it: a breaker is removed only by the waiter
that made it, or once the lock file it guards is gone for good (when holding it allows nothing). A
writer removes its own lock file at the end only if it still says its token.
"""

from __future__ import annotations

import _thread  # the threading module's locks, without importing threading (a quicker start)
import contextlib
import errno
import os
import stat
import time
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

from .errors import StoreError
from .tuples import NamedTuple

LOCK_ENV = "PEERONBOARD_LOCK"
STALE_AFTER = 60.0  # seconds; a write holds the lock for milliseconds
WAIT_AT_MOST = 20.0  # seconds a writer waits for the lock before giving up
OS_HOLDER = "another program"  # who holds an operating-system lock: it does not say
THIS_PROGRAM = "this program"  # another thread of this process holds it
_RETRY_EVERY = 0.02  # seconds between attempts at a lock someone else holds
_UNSUPPORTED = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL}
_BUSY = {errno.EACCES, errno.EAGAIN, errno.EDEADLK}  # a non-blocking attempt found the lock taken
_PRIVATE_FILE = 0o600
_NO_LINKS = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_CREATE_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_LINKS
_READ_NOW = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _NO_LINKS  # never waits on a FIFO's writer
_READ_AT_MOST = 4096  # bytes of a lock file read to find its holder
_SHOWN_AT_MOST = 200  # characters of the holder line shown in a message
_MAX_PID = 2**31 - 1

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _os_lock(handle: int) -> None:
        msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)

    def _os_unlock(handle: int) -> None:
        msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _os_lock(handle: int) -> None:
        """One attempt at the lock, without waiting: OSError (EAGAIN/EACCES) if another holds it."""
        fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _os_unlock(handle: int) -> None:
        fcntl.lockf(handle, fcntl.LOCK_UN)

# Record locks belong to a process, not a thread: threads of one process take turns here first.
_THREAD_LOCKS: dict[Path, _thread.LockType] = {}
_THREAD_LOCKS_GUARD = _thread.allocate_lock()


@contextlib.contextmanager
def exclusive(path: Path, wait: float = WAIT_AT_MOST) -> Iterator[None]:
    """Hold the lock named by ``path`` (created if missing, mode 0600) for the ``with`` block.

    Waits at most ``wait`` seconds for another writer (0: one try), then raises
    ``StoreError("err.locked")``."""
    wait = max(0.0, wait)
    deadline = time.monotonic() + wait
    with _THREAD_LOCKS_GUARD:
        in_process = _THREAD_LOCKS.setdefault(path, _thread.allocate_lock())
    taken = in_process.acquire(True, min(wait, _thread.TIMEOUT_MAX)) if wait else in_process.acquire(False)
    if not taken:
        raise StoreError("err.busy", path=path, holder=THIS_PROGRAM)
    try:
        if os.environ.get(LOCK_ENV) == "file":
            with _lock_file(path, deadline):
                yield
        else:
            with _os_locked(path, deadline):
                yield
    finally:
        in_process.release()


@contextlib.contextmanager
def _os_locked(path: Path, deadline: float) -> Iterator[None]:
    """The operating system's lock on ``path``, or a lock file where the file system has none."""
    try:
        handle = os.open(path, os.O_RDWR | os.O_CREAT | _NO_LINKS, _PRIVATE_FILE)
    except OSError as error:
        raise _store_error(path, error) from None
    try:
        if _take_os_lock(handle, path, deadline):
            try:
                yield
            finally:
                with contextlib.suppress(OSError):
                    _os_unlock(handle)
        else:  # this file system does not lock: fall back to a lock file
            with _lock_file(path, deadline):
                yield
    finally:
        os.close(handle)


def _take_os_lock(handle: int, path: Path, deadline: float) -> bool:
    """Try until ``deadline``: True once locked, False if the file system has no such locks."""
    while True:
        try:
            _os_lock(handle)
            return True
        except OSError as error:
            if error.errno in _UNSUPPORTED:
                return False
            if error.errno not in _BUSY:
                raise _store_error(path, error) from None
        if not _pause(deadline):
            raise StoreError("err.busy", path=path, holder=OS_HOLDER)


# --- the lock file -------------------------------------------------------------------------------


class _Seen(NamedTuple):
    """What was found at a lock file's name: enough to tell that file from any later one."""

    kind: int  # stat.S_IFMT: a regular file, or something a person put there
    size: int
    modified_ns: int
    text: str  # what it says ("" unless it is a regular file)


@contextlib.contextmanager
def _lock_file(path: Path, deadline: float) -> Iterator[None]:
    """A lock held by creating ``<path>.held`` exclusively (see the module's description)."""
    held = path.with_name(path.name + ".held")
    while (mine := _create(held)) is None:
        seen = _look(held)
        if seen is not None and _is_stale(seen) and _take_over(held, seen):
            continue  # taken over: try again at once
        if not _pause(deadline):
            raise StoreError("err.locked", path=held, holder=_holder_shown(seen.text if seen else ""))
    try:
        yield
    finally:
        _remove_own(held, mine)


def _create(path: Path) -> str | None:
    """Create ``path`` exclusively and write who holds it: that text, or None if ``path`` exists."""
    try:
        handle = os.open(path, _CREATE_NEW, _PRIVATE_FILE)
    except FileExistsError:
        return None
    except OSError as error:
        raise _store_error(path, error) from None
    note = _holder_note()
    try:
        os.write(handle, note.encode("utf-8"))
    except OSError as error:
        os.close(handle)
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise _store_error(path, error) from None
    os.close(handle)
    return note


def _take_over(held: Path, seen: _Seen) -> bool:
    """Remove the stale lock file ``seen`` if this waiter wins the right to: True to try again at
    once (it is gone), False to wait (another waiter is taking it over, or it is not stale after all)."""
    breakers = _breakers(held, seen)
    generation, passed = 0, []
    while (breaker_note := _create(breakers(generation))) is None:
        other = _look(breakers(generation))
        if other is not None:  # (None: just removed, so that name is free again)
            if not _is_stale(other):
                return False  # another waiter is taking it over right now
            passed.append(other)
            generation += 1
    breaker = breakers(generation)
    try:
        ours = _look(breaker)
        if _look(held) != seen:
            return True  # gone, or a newer lock file: never touched
        server_now = ours.modified_ns / 1e9 if ours else None  # the file server's clock
        if not all(_is_stale(found, server_now) for found in (seen, *passed)):
            return False
        os.unlink(held)
    except OSError:
        return False
    else:  # what the breakers guarded is gone for good: left ones may go too
        for left in range(generation):
            with contextlib.suppress(OSError):
                os.unlink(breakers(left))
        return True
    finally:
        _remove_own(breaker, breaker_note)


def _breakers(held: Path, seen: _Seen) -> Callable[[int], Path]:
    """The names of the breaker files for the lock file ``seen``, by generation: the same on every
    machine that sees it (its time stamp in whole seconds, which any client shows alike, and a
    checksum of its text)."""
    import zlib

    seconds = seen.modified_ns // 1_000_000_000
    name = f"{held.name}.{seconds:x}-{zlib.crc32(seen.text.encode('utf-8')):08x}"
    return lambda generation: held.with_name(f"{name}.{generation}")


def _remove_own(path: Path, note: str) -> None:
    """Remove the lock (or breaker) file this writer made, unless another has taken it over since."""
    with contextlib.suppress(OSError, StoreError):
        found = _look(path)
        if found is not None and found.text == note:
            os.unlink(path)


def _look(path: Path) -> _Seen | None:
    """What is at ``path`` now (None: nothing); only a regular file is opened, never one behind a
    link, and opening never waits. Text that cannot be read is ""."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise _store_error(path, error) from None
    nothing_to_read = _Seen(stat.S_IFMT(info.st_mode), info.st_size, info.st_mtime_ns, "")
    if not stat.S_ISREG(info.st_mode):
        return nothing_to_read
    try:
        handle = os.open(path, _READ_NOW)
    except FileNotFoundError:
        return None
    except OSError:  # not ours to read, or replaced by a link meanwhile
        return nothing_to_read
    try:
        info = os.fstat(handle)  # the file opened, which may have replaced the one looked at
        data = os.read(handle, _READ_AT_MOST) if stat.S_ISREG(info.st_mode) else b""
    except OSError:
        data = b""
    finally:
        os.close(handle)
    text = data.decode("utf-8", errors="replace")
    return _Seen(stat.S_IFMT(info.st_mode), info.st_size, info.st_mtime_ns, text)


def _is_stale(seen: _Seen, now: float | None = None) -> bool:
    """Left by a crash: older than ``STALE_AFTER`` at ``now``, or its holder no longer runs."""
    age = (time.time() if now is None else now) - seen.modified_ns / 1e9
    return age > STALE_AFTER or _holder_is_gone(seen.text)


def _pause(deadline: float) -> bool:
    """Sleep a little before the next attempt; False once ``deadline`` has passed."""
    left = deadline - time.monotonic()
    if left <= 0:
        return False
    time.sleep(min(_RETRY_EVERY, left))
    return True


# --- who holds a lock file -----------------------------------------------------------------------


class _Holder(NamedTuple):
    host: str
    pid: int
    pid_space: str | None  # where the pid means something; None when the file does not say


def _holder_note() -> str:
    """The text of a new lock file: who holds it (a person reads the first line), and a token."""
    lines = [f"{_host()} pid {os.getpid()} at {time.strftime('%Y-%m-%d %H:%M:%S')}",
             f"token {os.urandom(8).hex()}"]
    if _pid_space():
        lines.append(f"pids {_pid_space()}")
    return "\n".join(lines) + "\n"


def _parse_holder(text: str) -> _Holder | None:
    """The holder named by a lock file's text, or None when it names none in the expected form."""
    lines = text.splitlines() or [""]
    words = lines[0].split(" ")
    if len(words) < 4 or not words[0] or words[1] != "pid" or words[3] != "at":
        return None
    digits = words[2]
    if not (digits.isascii() and digits.isdigit() and len(digits) <= 10 and 0 < int(digits) <= _MAX_PID):
        return None
    spaces = [line[len("pids "):] for line in lines[1:] if line.startswith("pids ")]
    return _Holder(words[0], int(digits), spaces[0] if spaces else None)


def _holder_is_gone(text: str) -> bool:
    """Whether the lock file's holder is a process of this machine (and boot) that no longer runs."""
    holder = _parse_holder(text)
    if os.name == "nt" or holder is None or holder.host != _host():
        return False  # (on Windows, os.kill would end the process it asks about)
    if holder.pid_space is not None and holder.pid_space != _pid_space():
        return False  # another boot, or another container with this host name
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it runs, as another user
        return False
    return False


def _holder_shown(text: str) -> str:
    """The lock file's first line, safe to show in a message."""
    from .safetext import visible

    line = (text.splitlines() or [""])[0].strip()[:_SHOWN_AT_MOST]
    return visible(line, multiline=False) or "?"


@cache
def _host() -> str:
    import socket

    return "".join(socket.gethostname().split()) or "?"


@cache
def _pid_space() -> str:
    """This boot and process namespace (Linux), in which a pid names one process; "" elsewhere."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as boot:
            boot_id = boot.read().strip()
        namespace = os.readlink("/proc/self/ns/pid")
    except (OSError, UnicodeDecodeError):
        return ""
    return f"{boot_id}/{namespace}" if boot_id.isprintable() else ""


def _store_error(path: Path, error: OSError) -> StoreError:
    return StoreError("err.store", path=path, reason=error.strerror or str(error))
