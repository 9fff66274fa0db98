"""Help: every key of the screen underneath, and the app-wide ones, in the app's language."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ...i18n import MESSAGES
from ..format import STATE_MARKS
from .base import PeerScreenMixin

# what each mark in the lists means: (mark, message key); the own-item mark is a word, said in the
# app's language
MARKS = ((STATE_MARKS["done"], "help.mark.done"), (STATE_MARKS["skipped"], "help.mark.skipped"),
         (STATE_MARKS["open"], "help.mark.open"), ("!", "help.mark.overdue"), ("*", "help.mark.moved"),
         ("✎", "help.mark.note"), ("", "help.mark.own"))


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
                if binding.id in MESSAGES and said and binding.action != "command_palette":
                    rows.append((app.get_key_display(binding), binding.description))
        rows.append((app.get_key_display(Binding("ctrl+p", "command_palette")), app.t("key.palette")))
        marks = [(mark or app.t("mark.own"), app.t(key)) for mark, key in MARKS]
        width = max(len(key) for key, _ in rows + marks)
        with VerticalScroll(classes="dialog", id="help"):
            with VerticalGroup(classes="dialog-head"):
                yield Static(Text(app.t("screen.help"), style="bold"), classes="dialog-title")
            with VerticalGroup(classes="dialog-foot"):
                yield Static(app.t("help.hint"), classes="hint")
            yield Static(_two_columns(rows, width), id="help-keys")
            yield Static(Text(app.t("help.marks"), style="bold"), classes="help-heading")
            yield Static(_two_columns(marks, width), id="help-marks")

    def action_close(self) -> None:
        self.dismiss(None)


def _two_columns(rows: list[tuple[str, str]], width: int) -> Table:
    """Each row's first part in bold, in a column ``width`` wide, then its second, which wraps under
    itself (not under the keys)."""
    table = Table.grid(padding=(0, 3, 0, 0))
    table.add_column(style="bold", min_width=width, no_wrap=True)
    table.add_column(ratio=1)
    for key, description in rows:
        table.add_row(Text(key), Text(description))  # as written: a "[" is not markup
    return table
