"""Replacing a file all at once: a private temp file in the same folder, fsync, then rename.

A reader sees the old file or the new one, never half of one; after a crash the old one is intact.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

PRIVATE_FILE = 0o600
_PIECES_BUFFER = 1 << 20


def replace_file(path: Path, data: bytes | Iterable[bytes], *, durable: bool = True,
                 temp: Path | None = None) -> None:
    """Write ``data`` (bytes, or pieces of them: a summary made piece by piece) to ``path``
    atomically, readable by the owner only (raises OSError).

    With ``durable``, the data and the rename are on disk before this returns. A temp file
    (``temp``, by default ``.<name>.<random>.tmp``) is never left behind by a failure; it is created
    exclusively, never through a link.
    """
    temp = temp or path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    handle = os.open(temp, flags, PRIVATE_FILE)
    try:
        # pieces go through a large buffer, written a mebibyte at a time
        with os.fdopen(handle, "wb", buffering=-1 if isinstance(data, bytes) else _PIECES_BUFFER) as out:
            if isinstance(data, bytes):
                out.write(data)
            else:
                out.writelines(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    if durable:
        fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the platform can)."""
    if os.name == "nt":  # pragma: no cover - Windows has no directory handles to fsync
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
