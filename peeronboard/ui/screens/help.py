"""Help: every key of the screen underneath, and the app-wide ones, in the app's language."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ...i18n import MESSAGES
from .base import PeerScreenMixin


class HelpScreen(PeerScreenMixin, ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "key.close"),
        Binding("question_mark", "close", "key.close", show=False),
    ]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        app = self.peer_app
        rows: list[tuple[str, str]] = []
        for node in (self.under, app):
            for _key, binding in node._bindings:  # noqa: SLF001
                # a key left out of the footer for room (erase) is still listed, once
                said = binding.show or all(binding.description != text for _, text in rows)
                if binding.id in MESSAGES and said:
                    rows.append((app.get_key_display(binding), binding.description))
        rows.append((app.get_key_display(Binding("ctrl+p", "command_palette")), app.t("key.palette")))
        width = max(len(key) for key, _ in rows) + 3
        table = Text()
        for key, description in rows:
            table.append(key.ljust(width), style="bold")
            table.append(description + "\n")
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(Text(app.t("screen.help"), style="bold"), classes="dialog-title")
            yield Static(table)

    def action_close(self) -> None:
        self.dismiss(None)
