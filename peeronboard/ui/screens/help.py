"""Help: every key of the screen underneath, and the app-wide ones, in the app's language."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.actions import parse
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ...i18n import MESSAGES
from ..format import STATE_MARKS
from ..widgets.key_bar import key_label
from .agenda import AgendaScreen
from .base import PeerScreenMixin
from .hire import HireScreen
from .report import OUTCOMES, ReportScreen

# what each mark in the lists means: (mark, message key); the own-item mark is a word, said in the
# app's language
MARKS = ((STATE_MARKS["done"], "help.mark.done"), (STATE_MARKS["skipped"], "help.mark.skipped"),
         (STATE_MARKS["open"], "help.mark.open"), ("!", "help.mark.overdue"), ("*", "help.mark.moved"),
         ("✎", "help.mark.note"), ("", "help.mark.own"))
# the report's bars: each outcome's block and what it means
BAR_MARKS = tuple((block, f"help.report.{field}") for field, block, _ in OUTCOMES)
# keys a screen's widgets take, not a binding of the screen: (screen, key, message key). On a hire the
# list's Enter ticks as Space does, and Tab goes to the side panel (its own scrolling) and back
WIDGET_KEYS = ((HireScreen, "enter", "key.toggle"), (HireScreen, "tab", "help.key.panel"))
# the app's keys that open a screen: not listed on that screen, where they do nothing
OPENS = {"agenda": AgendaScreen}


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
        rows = self._key_rows()
        on_report = isinstance(self.under, ReportScreen)
        marks = [(mark or app.t("mark.own"), app.t(key)) for mark, key in (BAR_MARKS if on_report else MARKS)]
        width = max(len(key) for key, _ in rows + marks)
        with VerticalScroll(classes="dialog", id="help"):
            with VerticalGroup(classes="dialog-head"):
                yield Static(Text(app.t("screen.help"), style="bold"), classes="dialog-title")
            with VerticalGroup(classes="dialog-foot"):
                yield Static(app.t("help.hint"), classes="hint")
            yield Static(_two_columns(rows, width), id="help-keys")
            heading = app.t("help.report_marks" if on_report else "help.marks")
            yield Static(Text(heading, style="bold"), classes="help-heading")
            yield Static(_two_columns(marks, width), id="help-marks")

    def _key_rows(self) -> list[tuple[str, str]]:
        """(key, what it does): the screen's keys, those its widgets take, the app's, the palette; only
        the keys that do something there now (Escape clears a filter only while filtering), each shown
        as the key bar shows it."""
        app = self.peer_app
        rows: list[tuple[str, str]] = []

        def add_bindings(node: DOMNode) -> None:
            for _key, binding in node._bindings:  # noqa: SLF001
                # a key left out of the footer for room (erase) is still listed, once
                said = binding.show or all(binding.description != text for _, text in rows)
                if (binding.id in MESSAGES and said and binding.action != "command_palette"
                        and self._works_here(node, binding)):
                    rows.append((key_label(app, binding), binding.description))

        add_bindings(self.under)
        rows += [(key_label(app, Binding(key, "")), app.t(words))
                 for screen, key, words in WIDGET_KEYS if isinstance(self.under, screen)]
        add_bindings(app)
        rows.append((key_label(app, Binding("ctrl+p", "command_palette")), self._palette_offers()))
        return rows

    def _works_here(self, node: DOMNode, binding: Binding) -> bool:
        """Whether the key does something on the screen underneath now: not one its screen turns off
        for now (Escape with no filter to clear), nor one opening the screen it is on (``a``, on the
        agenda)."""
        namespace, action, parameters = parse(binding.action)
        target = self.app if namespace == "app" else node
        opens = OPENS.get(binding.action)
        return target.check_action(action, parameters) is not False and not (
            opens is not None and isinstance(self.under, opens))

    def _palette_offers(self) -> str:
        """What the palette offers over the screen underneath, by the words its commands start with."""
        app = self.peer_app
        titles = (str(command.title).split(":")[0] for command in app.get_system_commands(self.under)
                  if command.discover)  # not the hires, found by name
        return app.t("key.palette", commands=", ".join(title[:1].lower() + title[1:] for title in titles))

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
