"""The hire records on disk: safe writes, a lock against concurrent writers, real erasure.

Every change takes the store's lock, re-reads the record, applies the change, writes a temp file
in the same folder, fsyncs it and renames it over the record. A record that cannot be read is
never written.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from . import tomlsource
from .atomic import fsync_dir, replace_file
from .dates import now
from .errors import StoreError
from .i18n import Phrase
from .index import (
    Entry,
    Stamp,
    collector_paused,
    entry_for,
    looks_like_index,
    read_index,
    record_from,
    write_index,
)
from .locking import STALE_AFTER, WAIT_AT_MOST, exclusive
from .problems import FormatError, Problem
from .record import (
    HIRE_ID_PATTERN,
    HireRecord,
    ItemState,
    LogEntry,
    append_log,
    new_document,
    parse_record,
    remove_item_state,
    set_item_state,
    set_own_item,
    upgrade_format,
)
from .safefile import make_private_dirs, shred
from .tuples import NamedTuple

_ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
_ID_LENGTH = 6
PRIVATE_DIR = 0o700
_EUID = os.geteuid() if hasattr(os, "geteuid") else -1

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any

    from .merge import Merge

# File-name patterns, kept as text: ``re`` compiles one at its first use and keeps it (a tick needs none).
# names a hire's own files have besides its record: an editor's backups and swap files, and the temp
# file of a write (``.<id>.toml.tmp``; older versions added a random part)
_OWN_NAME = (r"^(?:\.#|#|\.)?(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\.toml"
             r"(?P<rest>|~|#|\.bak|\.orig|\.old|\.save|\.sw[a-p]|\.tmp|\.[0-9a-f]+\.tmp)$")
# a copy a sync service named after the record: the id, then a character no id has, then anything
_COPY_NAME = r"^(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)[ .].*\.toml\Z"
# the index and the rows file, their temp files and backups by name; other index*.json and rows*.json
# files are copies only by content
_INDEX_NAME = (r"^(?:(?:index|rows)\.json(?:~|\.bak|\.orig|\.old)?"
               r"|\.(?:index|rows)\.json\.[0-9a-f]+\.tmp)\Z")
_INDEX_LIKE = r"^(?:index|rows).*\.json\Z"


class Owner(NamedTuple):
    """Whose file a name in ``hires/`` is: the hire's id and what the file is to it: ``record``,
    ``backup``, ``temp``, ``copy`` (of the same hire, by the id inside; mergeable), ``orphan`` (a
    copy whose record is missing), ``named-copy`` (a copy by its name only: it cannot be read), or
    ``foreign``: a file that claims the id but is not known to be the same hire (another person, or a
    record that cannot be read to compare); never the hire's: erase leaves it, merge refuses it."""

    hire_id: str
    kind: str
    why: str = ""

# a change to one item: given the record as it is on disk now, the item's new state and the log entry
ItemChange = tuple[str, ItemState, LogEntry]
Change = Callable[[HireRecord], ItemChange]
# a change to the hire: given the record as it is on disk now, an edit of its document and the log entry
if TYPE_CHECKING:  # (only annotations name it)
    DocumentChange = Callable[[HireRecord], tuple[Callable[[Any], None], LogEntry | list[LogEntry]]]


def _child_maker(folder: Path) -> Callable[[str], Path]:
    """What makes the path of a name in ``folder``, as ``folder / name`` does: pathlib's own maker of a
    child from one plain name, where this Python has it (3.11, 3.12), skips parsing the name again,
    three times quicker (a listing of ten thousand hires makes ten thousand paths)."""
    quick = getattr(folder, "_make_child_relpath", None)
    return quick if callable(quick) else folder.joinpath


_STAT_IN_FOLDER = os.stat in os.supports_dir_fd and os.listdir in os.supports_fd


def _is_record_name(name: str) -> bool:
    """Whether a name in ``hires/`` is a record's (``ID.toml``, not hidden)."""
    return name.endswith(".toml") and not name.startswith(".")


def _stamps_in(folder: int) -> dict[str, Stamp]:
    """``snapshot`` of the open folder ``folder``: every ``ID.toml`` not hidden, by its id."""
    found: dict[str, Stamp] = {}
    stat = os.stat
    try:
        names = os.listdir(folder)
    except OSError:
        return found
    for name in names:
        if _is_record_name(name):
            try:
                info = stat(name, dir_fd=folder, follow_symlinks=False)
            except OSError:
                continue
            found[name[:-5]] = (info.st_ino, info.st_mtime_ns, info.st_size)
    return found


class HireStore:
    """One folder of hire records, ``<data dir>/hires/<id>.toml``."""

    def __init__(self, data_dir: Path, lock_wait: float = WAIT_AT_MOST) -> None:
        self.data_dir = data_dir
        self.hires_dir = data_dir / "hires"
        self.lock_wait = lock_wait  # seconds a write waits for another writer (the app waits briefly)
        self._lock_path = self.hires_dir / ".lock"
        self._index_path = data_dir / "index.json"
        self.rows_path = data_dir / "rows.json"  # the dashboard's rows (``rows``): a cache, as the index

    # --- reading ---------------------------------------------------------------------------

    def record_paths(self) -> list[Path]:
        if not self.hires_dir.is_dir():
            return []
        return sorted(p for p in self.hires_dir.glob("*.toml") if not p.name.startswith("."))

    def path_for(self, hire_id: str) -> Path:
        if not HIRE_ID_PATTERN.match(hire_id):
            raise ValueError(f"not a hire id: {hire_id!r}")
        return self.hires_dir / f"{hire_id}.toml"

    def stamp_of(self, hire_id: str) -> Stamp | None:
        """The record file's inode, modification time and size, as ``snapshot`` gives them; None when
        there is no such file."""
        try:
            info = os.lstat(self.path_for(hire_id))
        except (OSError, ValueError):
            return None
        return info.st_ino, info.st_mtime_ns, info.st_size

    def load_path(self, path: Path) -> HireRecord:
        """The record in ``path``; a symbolic link, FIFO, device or folder is a problem, never read."""
        data, text = tomlsource.load(path, follow_links=False)
        return parse_record(data, path, text)

    def load(self, hire_id: str) -> HireRecord:
        return self.load_path(self.path_for(hire_id))

    def load_all(self) -> tuple[list[HireRecord], list[Problem]]:
        """Every readable record, and one problem per record that could not be read.

        Records come without their log, which listings do not need (``load`` gives the whole
        record). Records whose file is unchanged since the last listing come from the index; the rest
        are read and parsed, and the index is updated where the folder can be written.
        """
        records: list[HireRecord] = []
        problems: list[Problem] = []
        entries: dict[str, Entry] = {}
        states: dict[tuple, ItemState] = {}  # the item states read from the index, shared
        child = _child_maker(self.hires_dir)
        with collector_paused():  # thousands of records, none of them garbage: nothing to collect
            cached = read_index(self._index_path)
            for hire_id, stamp in sorted(self.snapshot().items()):
                path = child(f"{hire_id}.toml")
                entry = cached.get(hire_id)
                record = record_from(entry, hire_id, stamp, path, states) if entry else None
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
            self._update_index(entries)
        return records, problems

    def _update_index(self, entries: dict[str, Entry]) -> None:
        """Write the index, unless the folder cannot be written: reading never needs write access."""
        if not os.access(self.data_dir, os.W_OK):
            return
        with contextlib.suppress(StoreError), self.locked(create=False):
            current = self.record_ids()  # never write back an entry that an erase removed meanwhile
            write_index(self._index_path, {hire_id: entry for hire_id, entry in entries.items()
                                           if hire_id in current})

    def load_listed(self, name: str) -> HireRecord:
        """The record in ``hires/<name>.toml``, as listings see each file in the folder: a conflicting
        copy made by a sync service is a problem that names the hire it is a copy of, and a file that
        claims another hire's id but holds someone else is a problem naming both files."""
        path = self.hires_dir / f"{name}.toml"
        try:
            return self.load_path(path)
        except FormatError as error:
            owner = self.owner_of(path)
            message = _OWNER_MESSAGES.get(owner.kind) if owner else None
            if owner is None or message is None:
                raise
            problem = error.problems[0]
            raise FormatError([Problem(path, Phrase(
                message, id=owner.hire_id, record=self.path_for(owner.hire_id), why=owner.why,
                problem=problem.message), problem.line if owner.kind == "named-copy" else 1,
                problem.column if owner.kind == "named-copy" else None)]) from None

    def snapshot(self) -> dict[str, Stamp]:
        """Each record's id with its file's inode, modification time and size: a cheap change check.
        Where the system can, each file is looked up in the open folder rather than by its whole path
        (a fifth quicker at ten thousand records)."""
        if not _STAT_IN_FOLDER:
            found: dict[str, Stamp] = {}
            for entry in self._record_entries():
                with contextlib.suppress(OSError):
                    info = entry.stat(follow_symlinks=False)
                    found[entry.name[:-5]] = (info.st_ino, info.st_mtime_ns, info.st_size)
            return found
        try:
            folder = os.open(self.hires_dir, os.O_RDONLY | os.O_DIRECTORY)
        except OSError:
            return {}
        try:
            return _stamps_in(folder)
        finally:
            os.close(folder)

    def record_ids(self) -> set[str]:
        """The ids ``snapshot`` gives, from the folder's names alone (no file's details are read)."""
        return {entry.name[:-5] for entry in self._record_entries()}

    def _record_entries(self) -> Iterator[os.DirEntry[str]]:
        """The names in ``hires/`` that are records' (``ID.toml``, not hidden); none if it cannot be read."""
        try:
            entries = os.scandir(self.hires_dir)
        except OSError:
            return
        with entries:
            for entry in entries:
                if _is_record_name(entry.name):
                    yield entry

    def owner_of(self, path: Path) -> Owner | None:
        """Whose file ``path`` (a name in ``hires/``) is, or None: the one rule that both listings
        (which call a file a conflicting copy of a hire) and ``erase`` (which removes a hire's files)
        follow.

        A record file that reads is its hire's by the ``id`` inside: a copy when it is the same hire
        (the same ``created`` time stamp; without one, the same name), foreign otherwise. Any other
        file is the hire's by its name only: an editor backup, a temp file, or a sync service's copy
        named ``<id>`` followed by a character no id has (``anna (1).toml`` is anna's, never
        ``anna-b.toml``'s).
        """
        own = re.match(_OWN_NAME, path.name)
        if own and (own.group("rest") or path.name[0] in ".#"):
            return Owner(own.group("id"), "temp" if own.group("rest").endswith(".tmp") else "backup")
        claimed = self._claimed_id(path) if path.name.endswith(".toml") else None
        if claimed is not None:
            return self._compare_with_record(path, *claimed)
        if own:
            return Owner(own.group("id"), "record")
        by_name = re.match(_COPY_NAME, path.name)
        return Owner(by_name.group("id"), "named-copy") if by_name else None

    def _claimed_id(self, path: Path) -> tuple[str, dict[str, Any]] | None:
        try:
            data = tomlsource.load(path, follow_links=False)[0]
        except FormatError:
            return None
        hire_id = data.get("id")
        if isinstance(hire_id, str) and hire_id != path.stem and HIRE_ID_PATTERN.match(hire_id):
            return hire_id, data
        return None

    def _compare_with_record(self, path: Path, hire_id: str, data: dict[str, Any]) -> Owner:
        """A file claiming ``hire_id``: a copy of that hire's record, or a foreign file."""
        from .record import same_hire

        record_path = self.path_for(hire_id)
        if not os.path.lexists(record_path):
            return Owner(hire_id, "orphan")
        try:
            record = self.load_path(record_path)
        except FormatError:
            return Owner(hire_id, "foreign", Phrase("store.record_unreadable"))
        why = same_hire(record, data)
        return Owner(hire_id, "foreign", why) if why else Owner(hire_id, "copy")

    def files_of(self, hire_id: str) -> list[Path]:
        """Every file in ``hires/`` that is the hire's own (see ``owner_of``), the record first."""
        try:
            names = sorted(os.listdir(self.hires_dir))
        except OSError:
            return []
        found = [self.hires_dir / name for name in names]
        return sorted((p for p in found if (o := self.owner_of(p)) and o.hire_id == hire_id
                       and o.kind != "foreign"), key=lambda p: p.name != f"{hire_id}.toml")

    def foreign_files(self, hire_id: str) -> list[Path]:
        """Files that claim the hire's id but hold another person."""
        return [p for p in self.record_paths()
                if (o := self.owner_of(p)) and o.hire_id == hire_id and o.kind == "foreign"]

    def conflict_copies(self) -> dict[Path, str]:
        """Every conflicting copy in the folder that can be merged, with its hire's id."""
        copies = {}
        for path in self.record_paths():
            owner = self.owner_of(path)
            if owner and owner.kind == "copy":
                copies[path] = owner.hire_id
        return copies

    def index_files(self) -> list[Path]:
        """The index and the rows file (both hold names), their temp files and backups, and the copies
        a sync service or a person made of them (``index (conflicted copy).json``: known by what it
        holds; a link of that name is removed as a link). Another ``index-notes.json`` of the user's is
        not the index's."""
        try:
            names = os.listdir(self.data_dir)
        except OSError:
            return []
        from .rows import looks_like_rows  # only erase needs it: a tick does not import it

        paths = [self.data_dir / name for name in names]
        return sorted(p for p in paths if re.match(_INDEX_NAME, p.name)
                      or (re.match(_INDEX_LIKE, p.name)
                          and (p.is_symlink() or looks_like_index(p) or looks_like_rows(p))))

    # --- writing ---------------------------------------------------------------------------

    def create(self, record: HireRecord) -> HireRecord:
        """Write a new record under a fresh random id (never derived from the name)."""
        import secrets

        import tomlkit

        with self.locked():
            while True:
                hire_id = "".join(secrets.choice(_ID_ALPHABET) for _ in range(_ID_LENGTH))
                if not os.path.lexists(self.path_for(hire_id)):
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
            text = tomlsource.read_text(path, follow_links=False)
            data = tomlsource.parse(text, path)
            item_id, state, entry = change(parse_record(data, path, text))
            edited = edit_item(text, data, item_id, state, entry)
            if edited is None:
                return self._write(hire_id, _edit_document(text, path, item_id, state, entry))
            return self._write(hire_id, *edited)

    def edit(self, hire_id: str, change: DocumentChange) -> HireRecord:
        """Lock, re-read the record, and apply a change to the hire itself (its fields, its one-off
        items) through the style-preserving editor, with its log entry."""
        path = self.path_for(hire_id)
        with self.locked():
            text = tomlsource.read_text(path, follow_links=False)
            record = parse_record(tomlsource.parse(text, path), path, text)
            edit, logged = change(record)
            entries = logged if isinstance(logged, list) else [logged]
            return self._write(hire_id, _edited_document(text, path, edit, *entries))

    def merge_copy(self, copy_path: Path, by: str) -> tuple[HireRecord, Merge]:
        """Merge a conflicting copy into its record (see ``merge``), then shred the copy.

        Only a copy of the same hire is merged (see ``owner_of``); the copy is removed only once the
        record holding everything from it is safely written."""
        import tomlkit

        from .merge import plan_merge

        with self.locked():
            owner = self.owner_of(copy_path)
            if owner is None or owner.kind != "copy":
                message = _OWNER_MESSAGES.get(owner.kind) if owner else None
                reason = Phrase(message, id=owner.hire_id, record=self.path_for(owner.hire_id), why=owner.why,
                                problem=Phrase("store.cannot_be_read")) if owner and message \
                    else Phrase("store.not_a_copy")
                raise FormatError([Problem(copy_path, reason, 1)])
            hire_id = owner.hire_id
            copy_text = tomlsource.read_text(copy_path, follow_links=False)
            copy = parse_record(tomlsource.parse(copy_text, copy_path), None, copy_text)
            path = self.path_for(hire_id)
            text = tomlsource.read_text(path, follow_links=False)
            record = parse_record(tomlsource.parse(text, path), path, text)
            plan = plan_merge(record, copy)
            kept = "; ".join(f"the copy had {field} = {theirs!s}"
                             for field, (_, theirs) in plan.field_conflicts.items())
            entry = LogEntry(now(), by, "merge", text="; ".join(
                part for part in (copy_path.name, kept) if part))
            try:
                doc = tomlkit.parse(text)
                upgrade_format(doc)
                for field, value in plan.fields.items():
                    if value is None:
                        doc.pop(field, None)
                    else:
                        doc[field] = value
                for item_id, own in plan.own.items():
                    set_own_item(doc, item_id, own)
                    if own is None:
                        remove_item_state(doc, item_id)
                for item_id, state in plan.states.items():
                    set_item_state(doc, item_id, state)
                for logged in [*plan.entries, entry]:
                    append_log(doc, logged)
                merged_text = tomlkit.dumps(doc)
            except Exception as error:  # a hand-edited shape (deep nesting) the editor refuses: never write
                raise FormatError([Problem(path, Phrase("store.merge_failed", copy=copy_path.name,
                                                        error=type(error).__name__), 1)]) from None
            merged = self._write(hire_id, merged_text)
            self._remove(copy_path)
            fsync_dir(self.hires_dir)
        return merged, plan

    def erase(self, hire_id: str) -> tuple[list[Path], list[tuple[Path, str]]]:
        """Remove exactly the hire's own files (``files_of``: its record, temp files, editor backups
        and the sync services' copies of it) and the index with its copies, which hold names. Works
        on a record that cannot be read, too. Links are removed as links, never followed.

        Returns what was removed, and each file that could not be (a folder, say) with the reason:
        one failure never stops the rest. The index is rebuilt on the next listing.
        """
        self.path_for(hire_id)  # checks that this is an id, not a pattern
        removed, failed = [], []
        with self.locked():
            for target in [*self.files_of(hire_id), *self.index_files()]:
                try:
                    shred(target)
                except FileNotFoundError:
                    continue
                except OSError as error:
                    failed.append((target, _reason(error)))
                    continue
                removed.append(target)
            fsync_dir(self.hires_dir)
        return removed, failed

    # --- mechanics -------------------------------------------------------------------------

    def ensure_folders(self) -> None:
        try:
            # a data folder chosen by the user keeps its mode; a new one (and its parents) is private
            make_private_dirs(self.data_dir)
            make_private_dirs(self.hires_dir)
            info = self.hires_dir.stat()
            mode = stat.S_IMODE(info.st_mode)
            # others may look in: close it, but never widen what the owner set, nor touch another's folder
            if mode & ~PRIVATE_DIR and info.st_uid == _EUID:
                self.hires_dir.chmod(mode & PRIVATE_DIR)
        except OSError as error:
            raise StoreError("err.store", path=self.hires_dir, reason=_reason(error)) from None

    @contextlib.contextmanager
    def locked(self, create: bool = True, wait: float | None = None) -> Iterator[None]:
        """An exclusive lock on the store, held by one writer (thread, process or machine) at a time,
        waited for ``wait`` seconds at most (the store's ``lock_wait`` unless said). Without
        ``create``, a missing folder is not made (a listing only refreshes its caches)."""
        if create:
            self.ensure_folders()
        with exclusive(self._lock_path, wait=self.lock_wait if wait is None else wait):
            yield

    def _write(self, hire_id: str, text: str, data: dict[str, Any] | None = None) -> HireRecord:
        """Check the new text (``data``: it parsed) reads back as a valid record, then replace the
        file atomically. A temp file of the record that a killed writer left (older than a lock can
        be held) is removed first: it may hold the name."""
        path = self.path_for(hire_id)
        record = parse_record(data if data is not None else tomlsource.parse(text, path), path, text)
        temp: Path | None = path.with_name(f".{path.name}.tmp")
        try:
            if _left_by_a_dead_writer(temp):
                shred(temp)
            elif os.path.lexists(temp):  # young: never touch a file a live writer may hold
                temp = None  # (a random name, as if the lock had failed)
            if os.path.islink(path):
                raise OSError(0, "it is a symbolic link; peeronboard never writes through a link")
            replace_file(path, text.encode("utf-8"), temp=temp)
        except OSError as error:
            raise StoreError("err.store", path=path, reason=_reason(error)) from None
        return record

    def _remove(self, path: Path) -> None:
        try:
            shred(path)
        except FileNotFoundError:
            pass
        except OSError as error:
            raise StoreError("err.erase", path=path, reason=_reason(error)) from None


# the key of the problem a file of the hires folder is, by its kind (see ``owner_of``)
_OWNER_MESSAGES = {kind: f"store.{kind}" for kind in ("copy", "foreign", "orphan", "named-copy")}


def _edit_document(text: str, path: Path, item_id: str, state: ItemState, entry: LogEntry) -> str:
    """The change of one item made with tomlkit, for any valid shape of record file."""
    return _edited_document(text, path, lambda doc: set_item_state(doc, item_id, state), entry)


def _edited_document(text: str, path: Path, edit: Callable[[Any], None], *entries: LogEntry) -> str:
    """The change made with tomlkit, for any valid shape of record file; never a partial write."""
    import tomlkit

    try:
        doc = tomlkit.parse(text)
        upgrade_format(doc)
        edit(doc)
        for entry in entries:
            append_log(doc, entry)
        return tomlkit.dumps(doc)
    except Exception as error:  # a hand-edited shape the editor cannot handle: never write
        raise FormatError([Problem(path, Phrase("store.edit_failed", error=str(error)), 1)]) from None


def _left_by_a_dead_writer(temp: Path) -> bool:
    """Whether the record's temp file is older than any live writer could be (who holds the lock for
    milliseconds, and for at most ``STALE_AFTER``)."""
    try:
        return time.time() - os.lstat(temp).st_mtime > STALE_AFTER
    except OSError:
        return False


def _reason(error: OSError) -> str:
    return error.strerror or str(error)
