"""One writer at a time: across threads, across processes, and across machines where the folder allows.

The operating system's record lock (``fcntl.lockf``; ``msvcrt.locking`` on Windows) is used by default:
on a local disk, and on network file systems that pass locks on to the server (NFS with its lock
service, SMB/CIFS mounts). Where the file system refuses such locks, or with ``PEERONBOARD_LOCK=file``,
a lock *file* is created exclusively next to the lock instead, which works on any folder that several
machines write directly. A lock file older than a minute is taken to be left by a crash and removed.
Folders copied between machines by a sync service (OneDrive, Dropbox, Nextcloud, Syncthing) share no
lock at all: there, conflicting copies are found and merged instead (see ``store``).
"""

from __future__ import annotations

import _thread  # the threading module's locks, without importing threading (a quicker start)
import contextlib
import errno
import os
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import StoreError

LOCK_ENV = "PEERONBOARD_LOCK"
STALE_AFTER = 60.0  # seconds; a write holds the lock for milliseconds
WAIT_AT_MOST = 20.0  # seconds before giving up on a lock file someone else holds
_UNSUPPORTED = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL}
_PRIVATE_FILE = 0o600

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _os_lock(handle: int) -> None:
        msvcrt.locking(handle, msvcrt.LK_LOCK, 1)

    def _os_unlock(handle: int) -> None:
        msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _os_lock(handle: int) -> None:
        fcntl.lockf(handle, fcntl.LOCK_EX)

    def _os_unlock(handle: int) -> None:
        fcntl.lockf(handle, fcntl.LOCK_UN)

# Record locks belong to a process, not a thread: threads of one process take turns here first.
_THREAD_LOCKS: dict[Path, _thread.LockType] = {}
_THREAD_LOCKS_GUARD = _thread.allocate_lock()


@contextlib.contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold the lock named by ``path`` (created if missing, mode 0600) for the ``with`` block."""
    with _THREAD_LOCKS_GUARD:
        in_process = _THREAD_LOCKS.setdefault(path, _thread.allocate_lock())
    with in_process:
        if os.environ.get(LOCK_ENV) == "file":
            with _lock_file(path):
                yield
            return
        try:
            handle = os.open(path, os.O_RDWR | os.O_CREAT, _PRIVATE_FILE)
        except OSError as error:
            raise StoreError("err.store", path=path, reason=error.strerror or str(error)) from None
        try:
            try:
                _os_lock(handle)
            except OSError as error:
                if error.errno not in _UNSUPPORTED:
                    raise StoreError("err.store", path=path,
                                     reason=error.strerror or str(error)) from None
                locked = False
            else:
                locked = True
            if locked:
                try:
                    yield
                finally:
                    with contextlib.suppress(OSError):
                        _os_unlock(handle)
            else:  # this file system does not lock: fall back to a lock file
                with _lock_file(path):
                    yield
        finally:
            os.close(handle)


@contextlib.contextmanager
def _lock_file(path: Path) -> Iterator[None]:
    """A lock held by creating ``<path>.held`` exclusively; it says who holds it, for a person to read."""
    held = path.with_name(path.name + ".held")
    deadline = time.monotonic() + WAIT_AT_MOST
    while True:
        try:
            handle = os.open(held, os.O_WRONLY | os.O_CREAT | os.O_EXCL, _PRIVATE_FILE)
            break
        except FileExistsError:
            if _is_stale(held):
                with contextlib.suppress(OSError):
                    held.unlink()
                continue
            if time.monotonic() > deadline:
                raise StoreError("err.locked", path=held, holder=_holder(held)) from None
            time.sleep(0.02)
        except OSError as error:
            raise StoreError("err.store", path=held, reason=error.strerror or str(error)) from None
    import socket

    try:
        with os.fdopen(handle, "w", encoding="utf-8") as note:
            note.write(f"{socket.gethostname()} pid {os.getpid()} at {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
        yield
    finally:
        with contextlib.suppress(OSError):
            held.unlink()


def _is_stale(held: Path) -> bool:
    try:
        return time.time() - held.stat().st_mtime > STALE_AFTER
    except OSError:
        return False  # gone meanwhile: try again


def _holder(held: Path) -> str:
    try:
        return held.read_text(encoding="utf-8").strip() or "?"
    except OSError:
        return "?"
