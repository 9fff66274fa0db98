"""Checklist files already parsed, kept as JSON so a command does not parse the TOML again.

An entry holds the file's path and stamp (inode, modification time, size) and the peeronboard
version; anything else is a miss, and the file is parsed as usual. Only files that loaded without a
problem are kept. The cache is never needed: it can be deleted at any time.
"""

from __future__ import annotations

import contextlib
import json
import zlib
from pathlib import Path

from . import __version__
from .atomic import replace_file
from .safefile import make_private_dirs, read_regular

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any

_KEEP_AT_MOST = 200


class ParseCache:
    """Parsed data of TOML files, in ``<folder>/<crc of path>.json``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, path: Path) -> tuple[dict[str, Any] | None, list[Any] | None]:
        """The kept data for ``path`` if the file is unchanged, and the file's key as it is now
        (taken before the file is read, so a change while it is parsed is a miss next time)."""
        try:
            key = _key(path)
        except OSError:
            return None, None
        try:
            entry = json.loads(read_regular(self._entry_path(path), follow_links=False))
            data = entry["data"] if entry["key"] == key else None
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return None, key
        return (data if isinstance(data, dict) else None), key

    def put(self, path: Path, key: list[Any] | None, data: dict[str, Any]) -> None:
        """Keep ``data`` for ``path``; quietly does nothing when it cannot (the cache is optional)."""
        if key is None:
            return
        try:
            # ASCII: a path that is not UTF-8 (surrogates) is written as escapes and read back equal
            text = json.dumps({"key": key, "data": data})
        except (TypeError, ValueError, RecursionError):  # a value JSON cannot hold, such as a date
            return
        with contextlib.suppress(OSError):
            make_private_dirs(self.folder)
            replace_file(self._entry_path(path), text.encode("utf-8"), durable=False)
            self._prune()

    def _entry_path(self, path: Path) -> Path:
        return self.folder / f"{zlib.crc32(str(path.absolute()).encode('utf-8', 'surrogateescape')):08x}.json"

    def _prune(self) -> None:
        entries = sorted(self.folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
        for stale in entries[:-_KEEP_AT_MOST]:
            with contextlib.suppress(OSError):
                stale.unlink()


def _key(path: Path) -> list[Any]:
    info = path.stat()
    return [__version__, str(path.absolute()), info.st_ino, info.st_mtime_ns, info.st_size]
