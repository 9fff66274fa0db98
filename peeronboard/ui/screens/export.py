"""The export dialog: a format, which items, whether notes go along, and a destination; returns them, and
the app writes the file. A file that is there already is overwritten only after a question."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalGroup, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static

from ...exports.formats import FORMATS
from .base import PeerScreenMixin
from .dialogs import SCROLLING_DIALOG_CSS, ConfirmScreen

FORMAT_KEYS = {"md": "format.md", "csv": "format.csv", "json": "format.json", "html": "format.html",
               "ics": "format.ics", "xlsx": "format.xlsx"}
ONLY_KEYS = {"all": "export.only_all", "open": "export.only_open", "overdue": "export.only_overdue"}


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    path: Path
    only: str | None = None  # None: every item; "open" or "overdue", as the command line's --only
    notes: bool = True  # False leaves notes and reasons out, as --no-notes


class ExportScreen(PeerScreenMixin, ModalScreen[ExportRequest | None]):
    """Enter in the file name exports; Escape cancels. The extension follows the chosen format."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]
    AUTO_FOCUS = ""  # none: on_mount focuses the file name without scrolling the dialog's top away
    DEFAULT_CSS = SCROLLING_DIALOG_CSS + """
    #export-choices { height: auto; }
    #export-format { width: 1fr; margin-right: 2; }
    #export-only { width: 24; }
    #export #path-error { display: none; }
    """

    def __init__(self, what: str, today: dt.date) -> None:
        super().__init__()
        self.stem = str(Path.home() / f"peeronboard-{what}-{today.isoformat()}")

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
            yield Label(app.t("export.file"))
            yield Input(self.stem + FORMATS["html"][1], id="path")
            yield Static("", id="path-error", classes="field-error")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus(scroll_visible=False)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "format":
            return
        field = self.query_one("#path", Input)
        current = Path(field.value)
        if current.suffix in {ext for _, ext in FORMATS.values()}:
            field.value = str(current.with_suffix(FORMATS[str(event.value)][1]))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = Path(event.value.strip()).expanduser()
        if not event.value.strip() or path.is_dir() or not path.parent.is_dir():
            error = self.query_one("#path-error", Static)
            error.update(Text(self.peer_app.t("export.bad_path")))
            error.display = True
            return
        request = self.request(path)
        if not path.exists():
            self.dismiss(request)
            return
        app = self.peer_app

        def answered(overwrite: bool | None) -> None:
            if overwrite:
                self.dismiss(request)

        question = app.t("export.overwrite", path=str(path))
        app.push_screen(ConfirmScreen(question, app.t("export.overwrite_yes")), answered)

    def request(self, path: Path) -> ExportRequest:
        """What the dialog's fields ask for, written to ``path``."""
        fmt, only = (str(self.query_one(f"#{name}", Select).value) for name in ("format", "only"))
        notes = self.query_one("#notes", Checkbox).value
        return ExportRequest(fmt, path, None if only == "all" else only, notes)

    def action_cancel(self) -> None:
        self.dismiss(None)
