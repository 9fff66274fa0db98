"""The export dialog: a format and a destination; returns them, and the app writes the file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from ...exports.formats import FORMATS
from .base import PeerScreenMixin

FORMAT_KEYS = {"md": "format.md", "csv": "format.csv", "json": "format.json", "html": "format.html",
               "ics": "format.ics", "xlsx": "format.xlsx"}


@dataclass(frozen=True)
class ExportRequest:
    fmt: str
    path: Path


class ExportScreen(PeerScreenMixin, ModalScreen[ExportRequest | None]):
    """Enter in the file name exports; Escape cancels. The extension follows the chosen format."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, what: str, today: dt.date) -> None:
        super().__init__()
        self.stem = str(Path.home() / f"peeronboard-{what}-{today.isoformat()}")

    def compose(self) -> ComposeResult:
        app = self.peer_app
        with Vertical(classes="dialog", id="export"):
            yield Label(app.t("export.dialog"), classes="dialog-title")
            yield Label(app.t("export.format"))
            yield Select([(app.t(FORMAT_KEYS[f]), f) for f in FORMATS], id="format", value="html",
                         allow_blank=False)
            yield Label(app.t("export.file"))
            yield Input(self.stem + FORMATS["html"][1], id="path")
            yield Static("", id="path-error", classes="field-error")
            yield Static(Text(app.t("export.hint")), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        field = self.query_one("#path", Input)
        current = Path(field.value)
        if current.suffix in {ext for _, ext in FORMATS.values()}:
            field.value = str(current.with_suffix(FORMATS[str(event.value)][1]))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = Path(event.value.strip()).expanduser()
        if not event.value.strip() or path.is_dir() or not path.parent.is_dir():
            self.query_one("#path-error", Static).update(Text(self.peer_app.t("export.bad_path")))
            return
        self.dismiss(ExportRequest(str(self.query_one("#format", Select).value), path))

    def action_cancel(self) -> None:
        self.dismiss(None)
