"""The export dialog: a format, which items, whether notes go along, and a destination; returns them, and
the app writes the file. A file that is there already is overwritten only after a question.

In a browser (``peeronboard serve``: Textual's web driver) the destination is a file name only, and the
browser downloads the summary (``deliver_export``): nothing is written on the server."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalGroup, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static

from ...exports.formats import FORMATS
from ..format import shown
from .base import PeerScreenMixin
from .dialogs import ConfirmScreen

if TYPE_CHECKING:
    from ..app import PeerOnboardApp

FORMAT_KEYS = {"md": "format.md", "csv": "format.csv", "json": "format.json", "html": "format.html",
               "ics": "format.ics", "xlsx": "format.xlsx"}
# what a browser is told each format is (text ones in UTF-8)
MEDIA_TYPES = {"md": "text/markdown; charset=utf-8", "csv": "text/csv; charset=utf-8",
               "json": "application/json; charset=utf-8", "html": "text/html; charset=utf-8",
               "ics": "text/calendar; charset=utf-8",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
ONLY_KEYS = {"all": "export.only_all", "open": "export.only_open", "overdue": "export.only_overdue"}
SUFFIX_FORMATS = {suffix: fmt for fmt, (_, suffix) in FORMATS.items()}  # ".md" -> "md"


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    path: Path
    only: str | None = None  # None: every item; "open" or "overdue", as the command line's --only
    notes: bool = True  # False leaves notes and reasons out, as --no-notes
    download: bool = False  # the browser downloads it (``path`` is then a file name only)


class ExportScreen(PeerScreenMixin, ModalScreen[ExportRequest | None]):
    """Enter in the file name exports; Escape cancels. The extension follows the chosen format, and the
    format a typed extension names."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]
    AUTO_FOCUS = ""  # none: on_mount focuses the file name without scrolling the dialog's top away

    def __init__(self, what: str, today: dt.date) -> None:
        super().__init__()
        self.name_stem = f"peeronboard-{what}-{today.isoformat()}"

    @property
    def downloads(self) -> bool:
        """In a browser: the summary is downloaded, not written on the computer running the app."""
        return self.app.is_web

    def compose(self) -> ComposeResult:
        app = self.peer_app
        with VerticalScroll(classes="dialog", id="export", can_focus=False):
            with VerticalGroup(classes="dialog-head"):
                yield Label(app.t("export.dialog"), classes="dialog-title")
            with VerticalGroup(classes="dialog-foot"):
                yield Static(Text(app.t("export.hint")), classes="hint")
            with Horizontal(id="export-choices"):
                with VerticalGroup(id="export-format"):
                    yield Label(app.t("export.format"))
                    yield Select([(app.t(FORMAT_KEYS[f]), f) for f in FORMATS], id="format",
                                 value="html", allow_blank=False)
                with VerticalGroup(id="export-only"):
                    yield Label(app.t("export.only"))
                    yield Select([(app.t(key), only) for only, key in ONLY_KEYS.items()], id="only",
                                 value="all", allow_blank=False)
            yield Checkbox(app.t("export.notes"), value=True, id="notes")
            yield Label(app.t("export.download_name" if self.downloads else "export.file"))
            stem = self.name_stem if self.downloads else str(Path.home() / self.name_stem)
            yield Input(stem + FORMATS["html"][1], id="path")
            yield Static("", id="path-error", classes="field-error")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus(scroll_visible=False)

    def on_select_changed(self, event: Select.Changed) -> None:
        """A format chosen: a file name that ends in a format's suffix gets this format's."""
        if event.select.id != "format":
            return
        field = self.query_one("#path", Input)
        current = Path(field.value)
        if current.suffix in SUFFIX_FORMATS:
            field.value = str(current.with_suffix(FORMATS[str(event.value)][1]))

    def on_input_changed(self, event: Input.Changed) -> None:
        """A file name typed that ends in a format's suffix (``all.md``): that format is chosen, so the
        file holds what its name says, and the dialog shows it."""
        named = SUFFIX_FORMATS.get(Path(event.value.strip()).suffix.lower())
        chosen = self.query_one("#format", Select)
        if event.input.id == "path" and named and chosen.value != named:
            chosen.value = named

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.downloads:
            self._download(event.value.strip())
            return
        path = Path(event.value.strip()).expanduser().absolute()  # the question and the toast say where
        if not event.value.strip() or path.is_dir() or not path.parent.is_dir():
            self._say_wrong("export.bad_path")
            return
        request = self.request(path)
        if not path.exists():
            self.dismiss(request)
            return
        app = self.peer_app

        def answered(overwrite: bool | None) -> None:
            if overwrite:
                self.dismiss(request)

        question = app.t("export.overwrite", path=shown(str(path)))
        app.push_screen(ConfirmScreen(question, app.t("export.overwrite_yes")), answered)

    def _download(self, name: str) -> None:
        """A file name without a folder: the browser saves it where its user says."""
        if not name or name in (".", "..") or Path(name).name != name or "\\" in name:
            self._say_wrong("export.bad_name")
            return
        self.dismiss(self.request(Path(name), download=True))

    def _say_wrong(self, key: str) -> None:
        error = self.query_one("#path-error", Static)
        error.update(Text(self.peer_app.t(key)))
        error.display = True

    def request(self, path: Path, *, download: bool = False) -> ExportRequest:
        """What the dialog's fields ask for, written to ``path`` (or downloaded under its name)."""
        fmt, only = (str(self.query_one(f"#{name}", Select).value) for name in ("format", "only"))
        notes = self.query_one("#notes", Checkbox).value
        return ExportRequest(fmt, path, None if only == "all" else only, notes, download)

    def action_cancel(self) -> None:
        self.dismiss(None)


def deliver_export(app: PeerOnboardApp, fmt: str, name: str, data: bytes) -> None:
    """Hands the summary to the browser, which downloads it as ``name``."""
    app.deliver_binary(io.BytesIO(data), save_filename=name, mime_type=MEDIA_TYPES[fmt])
    app.notify(app.t("toast.downloading", name=name))
