"""Opening files that may be hostile: never through a link where that matters, never blocking on a FIFO
or a device, never more than a sane size; private folders; erasure that cannot reach past a link.

Records, checklists, the index and the caches are edited by hand and arrive by sync, so any name in
their folders may be a symbolic link, a directory, a FIFO, a device or a socket.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from .i18n import Phrase

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any

MAX_FILE_BYTES = 64 * 1024 * 1024  # far above any record or checklist; a bigger file is not read
PRIVATE_DIR = 0o700
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_KINDS = ((stat.S_ISDIR, "file.folder"), (stat.S_ISFIFO, "file.fifo"), (stat.S_ISSOCK, "file.socket"),
          (stat.S_ISCHR, "file.device"), (stat.S_ISBLK, "file.device"), (stat.S_ISLNK, "file.link"))


class NotAFile(OSError):
    """A name that is not a regular file peeronboard may read (its ``strerror`` says what it is)."""


def kind_of(mode: int) -> str:
    """What a file of this mode is, in words ("a FIFO (named pipe)"), for a problem message (a Phrase:
    said in the leader's language)."""
    return Phrase(next((key for test, key in _KINDS if test(mode)), "file.irregular"))


def _not_regular(mode: int) -> NotAFile:
    return NotAFile(0, Phrase("file.not_regular", kind=kind_of(mode)))


def _too_large(max_bytes: int) -> NotAFile:
    return NotAFile(0, Phrase("file.too_large", mib=max_bytes // (1024 * 1024)))


def read_regular(path: Path, *, follow_links: bool = True, max_bytes: int = MAX_FILE_BYTES,
                 head: bool = False) -> bytes:
    """The bytes of ``path`` if it is a regular file (raises OSError, or NotAFile saying what it is);
    with ``head``, only its first ``max_bytes``.

    Without ``follow_links``, a symbolic link is refused rather than read. Nothing here can block:
    the kind is checked before the file is opened, and it is opened non-blocking in case it changed.
    """
    info = os.stat(path, follow_symlinks=follow_links)
    if not stat.S_ISREG(info.st_mode):
        raise _not_regular(info.st_mode)
    flags = os.O_RDONLY | _NONBLOCK | _BINARY | (0 if follow_links else _NOFOLLOW)
    try:
        handle = os.open(path, flags)
    except OSError as error:
        if not follow_links and os.path.islink(path):
            raise _not_regular(stat.S_IFLNK) from None
        raise error
    with os.fdopen(handle, "rb") as file:
        opened = os.fstat(file.fileno())
        if not stat.S_ISREG(opened.st_mode):  # swapped for something else since the check
            raise _not_regular(opened.st_mode)
        if head:
            return file.read(max_bytes)
        if opened.st_size > max_bytes:
            raise _too_large(max_bytes)
        data = _read_to_end(file, opened.st_size, max_bytes)
    if len(data) > max_bytes:
        raise _too_large(max_bytes)
    return data


def make_private_dirs(folder: Path) -> None:
    """Create ``folder`` and any missing parents as 0700 (whatever the umask); existing ones keep
    their mode."""
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            break
        missing.append(candidate)
    for candidate in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(candidate, PRIVATE_DIR)
            os.chmod(candidate, PRIVATE_DIR)  # mkdir's mode is cut by the umask; never widened by it
    if not folder.is_dir():
        raise NotADirectoryError(0, Phrase("file.not_folder"), str(folder))


def shred(path: Path) -> None:
    """Overwrite a regular file's bytes with zeros, then remove the name (raises OSError).

    A symbolic link is removed as a link: what it points to is never opened, and a file with other
    hard links only loses this name. A FIFO, socket or device is removed without being opened. This
    makes the data unreadable through the file system; it cannot promise more on SSDs, on
    copy-on-write file systems, or for blocks earlier versions used.
    """
    info = os.lstat(path)
    # a hard link's data belongs to its other names too (perhaps a file outside the folder): unlink only
    if stat.S_ISREG(info.st_mode) and info.st_nlink <= 1:
        with contextlib.suppress(OSError):
            handle = os.open(path, os.O_WRONLY | _NOFOLLOW | _NONBLOCK | _BINARY)
            try:
                opened = os.fstat(handle)
                if stat.S_ISREG(opened.st_mode) and (opened.st_dev, opened.st_ino) == (
                        info.st_dev, info.st_ino):
                    zeros = b"\0" * min(opened.st_size, 1 << 20)
                    left = opened.st_size
                    while left > 0:
                        left -= os.write(handle, zeros[:left])
                    os.fsync(handle)
            finally:
                os.close(handle)
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(0, Phrase("file.never_folders"), str(path))
    os.unlink(path)


def _read_to_end(file: Any, size: int, max_bytes: int) -> bytes:
    """The file's bytes, at most ``max_bytes + 1`` of them (one more says it is too large). Read as
    large as the file is said to be, then on: one read of ``max_bytes`` would set that much memory
    aside for every small record."""
    chunks = [file.read(min(size, max_bytes) + 1)]
    total = len(chunks[0])
    while total <= max_bytes and (more := file.read(min(1 << 20, max_bytes + 1 - total))):
        chunks.append(more)
        total += len(more)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)
