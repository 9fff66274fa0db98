"""The export formats: Markdown, CSV, JSON, HTML, iCalendar and an Excel workbook, and writing a summary
to a file."""

from __future__ import annotations

import errno
import importlib
import os
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ..atomic import replace_file
from ..errors import StoreError
from ..problems import FormatError
from ..progress import HireProgress
from ..record import HireRecord
from .common import ONLY_CHOICES, ExportOptions, hire_data, item_data

# format -> (the module that renders it, imported when used; the file suffix)
FORMATS: dict[str, tuple[str, str]] = {
    "md": ("markdown", ".md"),
    "csv": ("spreadsheet", ".csv"),
    "json": ("jsondoc", ".json"),
    "html": ("webpage", ".html"),
    "ics": ("icalendar", ".ics"),
    "xlsx": ("workbook", ".xlsx"),
}
BINARY_FORMATS = frozenset({"xlsx"})  # not text: never written to a terminal
TEXT_FORMATS = tuple(fmt for fmt in FORMATS if fmt not in BINARY_FORMATS)
NEEDS_LOG = frozenset({"ics"})  # formats that read the records' logs (see ``with_logs``)
READER_WAIT = 2.0  # seconds a named pipe is given for its reader to open it
# a device, pipe or open stream is written as it is: never created, truncated or made a terminal's owner
_IN_PLACE = os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
_OPEN_FILE_FOLDERS = ("/proc/", "/dev/fd/")  # where /dev/stdout and the like lead

__all__ = ["BINARY_FORMATS", "FORMATS", "NEEDS_LOG", "ONLY_CHOICES", "TEXT_FORMATS", "ExportOptions",
           "export_bytes", "export_chunks", "export_text", "hire_data", "item_data", "with_logs",
           "write_export"]  # the common names too, so callers need one import


def export_bytes(fmt: str, hires: list[HireProgress], options: ExportOptions) -> bytes:
    """The summary of ``hires`` in format ``fmt`` (one of FORMATS), as UTF-8.

    A module may render bytes itself (``render_bytes``), which saves encoding a large summary."""
    module = importlib.import_module(f".{FORMATS[fmt][0]}", __package__)
    if hasattr(module, "render_bytes"):
        return module.render_bytes(hires, options)
    return module.render(hires, options).encode("utf-8")


def export_chunks(fmt: str, hires: list[HireProgress], options: ExportOptions) -> Iterable[bytes]:
    """The summary as ``export_bytes`` makes it, in pieces where the format makes it so
    (``render_chunks``): ``write_export`` writes them one by one, never holding the whole file."""
    module = importlib.import_module(f".{FORMATS[fmt][0]}", __package__)
    if hasattr(module, "render_chunks"):
        return module.render_chunks(hires, options)
    return (export_bytes(fmt, hires, options),)


def export_text(fmt: str, hires: list[HireProgress], options: ExportOptions) -> str:
    """The summary of ``hires`` in format ``fmt`` (one of TEXT_FORMATS)."""
    return export_bytes(fmt, hires, options).decode("utf-8")


def with_logs(hires: list[HireProgress], load: Callable[[str], HireRecord]) -> list[HireProgress]:
    """The hires with their records' logs, which a format in NEEDS_LOG reads: a record listed from
    the index has none (``store.load_all``), so it is loaded whole by ``load`` (``store.load``); one
    that can no longer be read is kept as it was listed."""
    def logged(progress: HireProgress) -> HireProgress:
        if progress.record.log:
            return progress
        try:
            record = load(progress.record.id)
        except (OSError, FormatError):
            return progress
        return HireProgress.build(record, progress.checklist, progress.today)

    return [logged(progress) for progress in hires]


def write_export(path: Path, data: bytes | Iterable[bytes]) -> Path:
    """Write a summary to ``path`` (returned with ``~`` expanded); what happens depends on what is there:

    - nothing yet, or a regular file: it is replaced atomically and privately (0600: it holds
      personal data);
    - a symlink: followed to its final target, which is treated as below; a regular file there is
      replaced (the link stays a link and now shows the new summary), and a dangling link's target
      is created. As the kernel's ``protected_symlinks`` does, a link in a sticky world-writable
      folder (``/tmp``) is followed only when it is the user's own or the folder owner's: a link
      someone else planted there is a StoreError, so it cannot aim the summary at another file;
    - a device, a named pipe or an open stream (``/dev/null``, ``/dev/stdout``, ``/dev/fd/3``): written
      to as it is, never replaced (a regular file behind ``/dev/stdout`` gets the summary added at its
      end, as the shell's ``>`` or ``>>`` left it); a pipe that nobody opens for reading within
      ``READER_WAIT`` seconds is a StoreError, not a hang;
    - a socket: the summary is sent to the program listening on it;
    - a folder: a StoreError that says so.

    ``data``: the bytes, or their pieces in order (``export_chunks``).
    """
    path = path.expanduser()
    try:
        _write(path, data)
    except OSError as error:
        raise StoreError("err.store", path=path, reason=error.strerror or str(error)) from None
    return path


def _write(path: Path, data: bytes | Iterable[bytes]) -> None:
    target, open_file = _followed(path)
    try:
        mode: int | None = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is None or (stat.S_ISREG(mode) and not open_file):
        replace_file(target, data)
        return
    if stat.S_ISDIR(mode):
        raise StoreError("err.export_folder", path=path)
    # a reader of a device, pipe or socket gets the whole summary or nothing, as before
    whole = data if isinstance(data, bytes) else b"".join(data)
    if stat.S_ISSOCK(mode) and not open_file:
        _send(target, whole)
    else:
        handle = _open_pipe(target) if stat.S_ISFIFO(mode) else os.open(target, _IN_PLACE)
        with os.fdopen(handle, "wb") as out:
            out.write(whole)


def _followed(path: Path) -> tuple[Path, bool]:
    """What ``path`` names once its links are followed, and whether that is a file by its open
    descriptor (``/dev/stdout`` is ``/proc/self/fd/1``): some process's open file, written to as it is."""
    for _ in range(40):  # as many links as the kernel follows
        if (os.path.realpath(path.parent) + "/").startswith(_OPEN_FILE_FOLDERS):
            return path, True
        if not path.is_symlink():
            return path, False
        if not _may_follow(path):
            raise StoreError("err.export_link", path=path)
        path = path.parent / os.readlink(path)
    raise OSError(errno.ELOOP, os.strerror(errno.ELOOP))


def _may_follow(link: Path) -> bool:
    """The kernel's ``protected_symlinks`` rule: in a sticky world-writable folder, only a link of
    the user's own or of the folder's owner is followed."""
    folder, own = os.stat(link.parent), os.lstat(link)
    shared = folder.st_mode & stat.S_ISVTX and folder.st_mode & stat.S_IWOTH
    return not shared or own.st_uid in (os.geteuid(), folder.st_uid)


def _open_pipe(path: Path) -> int:
    """A named pipe opened for writing, once a reader has it open (waiting ``READER_WAIT`` for one)."""
    deadline = time.monotonic() + READER_WAIT
    while True:
        try:
            handle = os.open(path, _IN_PLACE | os.O_NONBLOCK)  # fails at once while nobody reads
        except OSError as error:
            if error.errno != errno.ENXIO:
                raise
            if time.monotonic() >= deadline:
                raise StoreError("err.export_no_reader", path=path) from None
            time.sleep(0.05)
        else:
            os.set_blocking(handle, True)  # from here on, wait for the reader to take the data
            return handle


def _send(path: Path, data: bytes) -> None:
    import socket  # only for this rare case: the command line starts without it

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.connect(str(path))
        connection.sendall(data)
