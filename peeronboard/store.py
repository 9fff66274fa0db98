"""The hire records on disk: safe writes, a lock against concurrent writers, real erasure.

Every change takes the store's lock, re-reads the record, applies the change, writes a temp file
in the same folder, fsyncs it and renames it over the record. A record that cannot be read is
never written.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import tomlsource
from .atomic import fsync_dir, replace_file
from .dates import now
from .errors import StoreError
from .index import Stamp, entry_for, read_index, record_from, write_index
from .locking import exclusive
from .problems import FormatError, Problem
from .record import (
    HIRE_ID_PATTERN,
    HireRecord,
    ItemState,
    LogEntry,
    append_log,
    new_document,
    parse_record,
    set_item_state,
    upgrade_format,
)

CONFLICT_MESSAGE = (
    "a conflicting copy of hire {id}, made when two computers changed it at the same time; nothing "
    "is lost: 'peeronboard merge' puts its changes into {id}.toml")
_ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_ID_LENGTH = 6
PRIVATE_DIR = 0o700

if TYPE_CHECKING:
    from .merge import Merge

# a change to one item: given the record as it is on disk now, the item's new state and the log entry
ItemChange = tuple[str, ItemState, LogEntry]
Change = Callable[[HireRecord], ItemChange]


class HireStore:
    """One folder of hire records, ``<data dir>/hires/<id>.toml``."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.hires_dir = data_dir / "hires"
        self._lock_path = self.hires_dir / ".lock"
        self._index_path = data_dir / "index.json"

    # --- reading ---------------------------------------------------------------------------

    def record_paths(self) -> list[Path]:
        if not self.hires_dir.is_dir():
            return []
        return sorted(p for p in self.hires_dir.glob("*.toml") if not p.name.startswith("."))

    def path_for(self, hire_id: str) -> Path:
        if not HIRE_ID_PATTERN.match(hire_id):
            raise ValueError(f"not a hire id: {hire_id!r}")
        return self.hires_dir / f"{hire_id}.toml"

    def load_path(self, path: Path) -> HireRecord:
        data, text = tomlsource.load(path)
        return parse_record(data, path, text)

    def load(self, hire_id: str) -> HireRecord:
        return self.load_path(self.path_for(hire_id))

    def load_all(self) -> tuple[list[HireRecord], list[Problem]]:
        """Every readable record, and one problem per record that could not be read.

        Records come without their log, which listings do not need (``load`` gives the whole
        record). Records whose file is unchanged since the last listing come from the index; the rest
        are read and parsed, and the index is updated.
        """
        records: list[HireRecord] = []
        problems: list[Problem] = []
        cached = read_index(self._index_path)
        entries: dict[str, dict] = {}
        for hire_id, stamp in sorted(self.snapshot().items()):
            path = self.hires_dir / f"{hire_id}.toml"
            entry = cached.get(hire_id)
            record = record_from(entry, hire_id, stamp, path) if entry else None
            if record is None:
                try:
                    record = self.load_listed(hire_id)
                except FormatError as error:
                    problems.extend(error.problems)
                    continue
                entry = entry_for(record, stamp)
                record = record._replace(log=())
            records.append(record)
            entries[hire_id] = entry
        if entries != cached and self.hires_dir.is_dir():
            with self.locked():  # never write back an entry that an erase removed meanwhile
                current = self.snapshot()
                write_index(self._index_path, {hire_id: entry for hire_id, entry in entries.items()
                                               if hire_id in current})
        return records, problems

    def load_listed(self, name: str) -> HireRecord:
        """The record in ``hires/<name>.toml``, as listings see each file in the folder: a conflicting
        copy made by a sync service is a problem that names the hire it is a copy of."""
        path = self.hires_dir / f"{name}.toml"
        try:
            return self.load_path(path)
        except FormatError:
            original = self.copy_of(path)
            if original is None:
                raise
            raise FormatError([Problem(path, CONFLICT_MESSAGE.format(id=original), 1)]) from None

    def snapshot(self) -> dict[str, Stamp]:
        """Each record's id with its file's inode, modification time and size: a cheap change check."""
        found: dict[str, Stamp] = {}
        try:
            entries = os.scandir(self.hires_dir)
        except OSError:
            return found
        with entries:
            for entry in entries:
                if entry.name.endswith(".toml") and not entry.name.startswith("."):
                    with contextlib.suppress(OSError):
                        info = entry.stat()
                        found[entry.name[:-5]] = (info.st_ino, info.st_mtime_ns, info.st_size)
        return found

    def copy_of(self, path: Path) -> str | None:
        """The id of the record that ``path`` is a conflicting copy of (as a sync service names them:
        ``<id> (conflicted copy …).toml``, ``<id>.sync-conflict-….toml``), or None."""
        try:
            hire_id = tomlsource.load(path)[0].get("id")
        except FormatError:
            return None
        if (isinstance(hire_id, str) and hire_id != path.stem and HIRE_ID_PATTERN.match(hire_id)
                and self.path_for(hire_id).exists()):
            return hire_id
        return None

    def conflict_copies(self) -> dict[Path, str]:
        """Every conflicting copy in the folder, with the id of the record it is a copy of."""
        copies = {}
        for path in self.record_paths():
            original = self.copy_of(path)
            if original:
                copies[path] = original
        return copies

    # --- writing ---------------------------------------------------------------------------

    def create(self, record: HireRecord) -> HireRecord:
        """Write a new record under a fresh random id (never derived from the name)."""
        import secrets

        import tomlkit

        with self.locked():
            while True:
                hire_id = "".join(secrets.choice(_ID_ALPHABET) for _ in range(_ID_LENGTH))
                if not self.path_for(hire_id).exists():
                    break
            fresh = record._replace(id=hire_id, path=None)
            doc = new_document(fresh)
            return self._write(hire_id, tomlkit.dumps(doc))

    def modify(self, hire_id: str, change: Change) -> HireRecord:
        """Lock, re-read the record, apply ``change`` to it and write it back safely.

        A file in the shape peeronboard writes is edited in place (see ``quickedit``); any other
        shape goes through tomlkit, which keeps the user's comments and order.
        """
        from .quickedit import edit_item

        path = self.path_for(hire_id)
        with self.locked():
            text = tomlsource.read_text(path)
            data = tomlsource.parse(text, path)
            item_id, state, entry = change(parse_record(data, path, text))
            edited = edit_item(text, data, item_id, state, entry)
            if edited is None:
                return self._write(hire_id, _edit_document(text, path, item_id, state, entry))
            return self._write(hire_id, *edited)

    def merge_copy(self, copy_path: Path, by: str) -> tuple[HireRecord, Merge]:
        """Merge a conflicting copy into its record (see ``merge``), then shred the copy.

        The copy is removed only once the record holding everything from it is safely written."""
        import tomlkit

        from .merge import plan_merge

        with self.locked():
            hire_id = self.copy_of(copy_path)
            if hire_id is None:
                raise FormatError([Problem(copy_path, "not a conflicting copy of a hire record", 1)])
            copy_text = tomlsource.read_text(copy_path)
            copy = parse_record(tomlsource.parse(copy_text, copy_path), None, copy_text)
            path = self.path_for(hire_id)
            text = tomlsource.read_text(path)
            record = parse_record(tomlsource.parse(text, path), path, text)
            plan = plan_merge(record, copy)
            doc = tomlkit.parse(text)
            upgrade_format(doc)
            for item_id, state in plan.states.items():
                set_item_state(doc, item_id, state)
            for entry in plan.entries:
                append_log(doc, entry)
            append_log(doc, LogEntry(now(), by, "merge", text=copy_path.name))
            merged = self._write(hire_id, tomlkit.dumps(doc))
            _shred(copy_path)
            fsync_dir(self.hires_dir)
        return merged, plan

    def erase(self, hire_id: str) -> list[Path]:
        """Remove the record, every other file of it in the folder (temp files, editor backups such as
        ``<id>.toml~``) and the index, which holds names. Works on a record that cannot be read, too.

        Returns what was removed. The index is rebuilt from the remaining records on the next listing.
        """
        self.path_for(hire_id)  # checks that this is an id, not a pattern
        removed = []
        with self.locked():
            copies = [p for p in self.hires_dir.iterdir() if hire_id in p.name and p.is_file()]
            # the index, its temp files, and copies a sync service made of it (they hold names too)
            indexes = sorted({self._index_path, *self.data_dir.glob(".index.*.tmp"),
                              *self.data_dir.glob("index*.json")})
            for target in [*copies, *indexes]:
                if target.exists():
                    _shred(target)
                    removed.append(target)
            fsync_dir(self.hires_dir)
        return removed

    # --- mechanics -------------------------------------------------------------------------

    def ensure_folders(self) -> None:
        try:
            # a data folder chosen by the user keeps its mode; the records' own folder is private
            self.data_dir.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
            self.hires_dir.mkdir(mode=PRIVATE_DIR, exist_ok=True)
            mode = stat.S_IMODE(self.hires_dir.stat().st_mode)
            if mode & ~PRIVATE_DIR:  # others may look in: close it, but never widen what the owner set
                self.hires_dir.chmod(mode & PRIVATE_DIR)
        except OSError as error:
            raise StoreError("err.store", path=self.hires_dir, reason=_reason(error)) from None

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """An exclusive lock on the store, held by one writer (thread, process or machine) at a time."""
        self.ensure_folders()
        with exclusive(self._lock_path):
            yield

    def _write(self, hire_id: str, text: str, data: dict[str, Any] | None = None) -> HireRecord:
        """Check the new text (``data``: it parsed) reads back as a valid record, then replace the
        file atomically."""
        path = self.path_for(hire_id)
        record = parse_record(data if data is not None else tomlsource.parse(text, path), path, text)
        try:
            replace_file(path, text.encode("utf-8"))
        except OSError as error:
            raise StoreError("err.store", path=path, reason=_reason(error)) from None
        return record


def _edit_document(text: str, path: Path, item_id: str, state: ItemState, entry: LogEntry) -> str:
    """The change made with tomlkit, for any valid shape of record file; never a partial write."""
    import tomlkit

    try:
        doc = tomlkit.parse(text)
        upgrade_format(doc)
        set_item_state(doc, item_id, state)
        append_log(doc, entry)
        return tomlkit.dumps(doc)
    except Exception as error:  # a hand-edited shape the editor cannot handle: never write
        raise FormatError([Problem(
            path, f"cannot update this record automatically ({error}); the file is left as it "
            "was: edit it by hand and check it with peeronboard validate", 1)]) from None


def _shred(path: Path) -> None:
    """Overwrite a file's bytes with zeros before unlinking it.

    This makes the name unreadable through the file system; it cannot promise more on SSDs, on
    copy-on-write file systems or for blocks freed by earlier versions of the record.
    """
    with contextlib.suppress(OSError):
        size = path.stat().st_size
        with open(path, "r+b") as handle:
            handle.write(b"\0" * size)
            handle.flush()
            os.fsync(handle.fileno())
    path.unlink()


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
