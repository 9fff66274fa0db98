"""The README's key table lists every key the app's footers and ? (help) show, on the screens it names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.binding import Binding

from peeronboard.ui.app import PeerOnboardApp
from peeronboard.ui.screens.agenda import AgendaScreen
from peeronboard.ui.screens.dashboard import DashboardScreen
from peeronboard.ui.screens.dialogs import ConfirmScreen
from peeronboard.ui.screens.erasure import ErasureScreen
from peeronboard.ui.screens.help import WIDGET_KEYS
from peeronboard.ui.screens.hire import HireScreen
from peeronboard.ui.screens.history import HistoryScreen
from peeronboard.ui.screens.report import ReportScreen

README = Path(__file__).parent.parent / "README.md"
# each screen's word in the table's "where" column
WHERE = {PeerOnboardApp: "anywhere", DashboardScreen: "dashboard", HireScreen: "hire", AgendaScreen: "agenda",
         ReportScreen: "report", HistoryScreen: "log", ErasureScreen: "erasure review",
         ConfirmScreen: "questions"}
# Textual's key names as the README writes them
NAMES = {"question_mark": "?", "slash": "/", "plus": "+", "minus": "-", "delete": "Del", "escape": "Escape",
         "enter": "Enter", "space": "Space", "tab": "Tab"}


def readme_keys() -> dict[str, str]:
    """Each key of the README's key table (``n``, ``+``, ``Escape``) and where it works."""
    table = README.read_text(encoding="utf-8").split("| key | where | what |", 1)[1].split("\n\n", 1)[0]
    keys: dict[str, str] = {}
    for row in table.splitlines()[2:]:
        key_cell, where = row.split(" | ")[:2]
        for key in re.findall(r"`([^`]+)`", key_cell):
            keys[key] = keys.get(key, "") + " " + where
    return keys


def shown_keys() -> list[tuple[str, str]]:
    """(key, where) for every key the footers or ? show: the bindings with a description, and the keys
    the screens' widgets take (the hire's Enter and Tab)."""
    keys = [(binding.key.split(",")[0], where) for screen, where in WHERE.items()
            for binding in screen.BINDINGS if isinstance(binding, Binding) and binding.description]
    keys += [(key, WHERE[screen]) for screen, key, _ in WIDGET_KEYS]
    return keys


@pytest.mark.parametrize(("key", "where"), shown_keys(), ids=lambda part: part)
def test_the_readme_key_table_lists_every_key_the_app_shows(key: str, where: str) -> None:
    listed = readme_keys()
    written = NAMES.get(key, key)
    assert written in listed, f"{written} ({where}) is not in the README's key table"
    assert where in listed[written], f"{written}: the README says {listed[written]!r}, not {where}"


def test_the_readme_says_what_the_palette_offers() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    row = next(line for line in lines if line.startswith("| `ctrl+p`"))
    for command in ("open a hire by name", "new hire", "agenda", "export", "report", "switch language",
                    "privacy mode", "merge conflicting copies", "due for erasure", "show/hide finished hires",
                    "theme", "quit"):
        assert command in row, command
