"""How core values look on screen: names (with privacy mode), progress bars, states and dates.

Any text that came from a file (a record, a checklist, a file name) reaches the screen through ``shown``:
records and checklists are edited by hand and arrive by sync, so they may hold terminal escapes and
bidi overrides, which the screen shows as visible ``\\u001b``-style text instead of obeying them.
"""

from __future__ import annotations

import datetime as dt
import re

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from ..progress import HireProgress, ItemView
from ..record import HireRecord
from ..rows import HireRow
from ..safetext import visible

STATE_MARKS = {"done": "✔", "skipped": "–", "open": "·"}


def shown(text: str | None, *, multiline: bool = False) -> str:
    """Text from a file as the screen shows it: controls and bidi characters as visible escapes, and
    on one line unless ``multiline`` (a note, guidance)."""
    return visible(text or "", multiline=multiline)


def shown_line(text: str | None, style: str = "") -> Text:
    """One line of text from a file, for a table cell or a title."""
    return Text(shown(text), style=style)


def literal_markup(text: str) -> str:
    """``text`` for a place that reads Textual markup (the command palette): every ``[`` escaped, so
    a name such as ``[bold]Bo[/]`` is shown as written."""
    return text.replace("[", "\\[")


def editable(text: str) -> str:
    """A text from a file as a one-line input field starts out: nothing in it can reach the terminal."""
    return shown(text)


def typed_back(typed: str, original: str) -> str:
    """What the leader meant by ``typed`` in a field that started as ``editable(original)``: the original
    itself if nothing was changed, else the typed text with the original's line breaks and tabs back."""
    if typed.strip() == editable(original).strip():
        return original
    for kept in "\n\t":
        if kept in original:
            typed = typed.replace(shown(kept), kept)
    return typed


def initials(name: str) -> str:
    """"Anna Ærø Jensen" → "A. Æ. J." for a screen others can see."""
    return " ".join(f"{part[0]}." for part in name.split() if part) or "?"


def shown_name(record: HireRecord | HireRow, private: bool) -> str:
    return shown(initials(record.name) if private else record.name)


def masked(text: str, record: HireRecord, private: bool) -> str:
    """Free text (a note) as privacy mode shows it: each part of the hire's name as it is written
    (capitalised, so "Bo" but not "bo"; "Anne-Marie" as "Anne" and "Marie"), also with a Danish
    genitive s ("Annas"), becomes its initial."""
    parts = sorted({part for part in re.findall(r"\w+", record.name) if len(part) > 1}, key=len, reverse=True)
    if not private or not parts:
        return text
    name = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, parts)) + r")s?(?!\w)")
    return name.sub(lambda found: found.group(0)[0] + ".", text)


def progress_bar(done: int, total: int, width: int = 8) -> Text:
    """A bar of finished (done or not applicable) items out of all, then the count."""
    filled = round(width * done / total) if total else 0
    bar = Text("█" * filled, style="bold") + Text("░" * (width - filled), style="dim")
    return bar + Text(f" {done}/{total}")


def cut(cell: Text | str, width: int) -> Text:
    """A table cell as text no wider than ``width``, ending in "…" when it was cut (a text cut
    silently reads as a typo); the cell itself is never changed."""
    text = cell.copy() if isinstance(cell, Text) else Text(cell)
    text.no_wrap = True
    text.truncate(width, overflow="ellipsis")
    return text


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def finished(progress: HireProgress) -> int:
    return progress.count("done") + progress.count("skipped")


def due_text(view: ItemView, today: dt.date, error_style: str) -> Text:
    if view.due is None:
        return Text("")
    if view.is_overdue(today):
        return Text(f"{view.due} !", style=f"bold {error_style}")
    moved = view.moved and not view.own  # an own item's date is its only one
    return Text(f"{view.due} *" if moved else view.due.isoformat())


def flowed(pieces: list[Text], width: int, gap: str = "  ", indent: int = 0) -> list[Text]:
    """The pieces on as few lines of ``width`` cells as they fit on, never splitting one ("! overdue")."""
    lines = [Text(" " * indent, end="")]
    for piece in pieces:
        line = lines[-1]
        if line.cell_len > indent and line.cell_len + len(gap) + piece.cell_len > width:
            lines.append(line := Text(" " * indent, end=""))
        if line.cell_len > indent:
            line.append(gap)
        line.append_text(piece)
    return lines


class Flow:
    """A Rich renderable of pieces that wrap between each other but never inside one."""

    def __init__(self, pieces: list[Text], gap: str = " · ") -> None:
        self.pieces, self.gap = pieces, gap

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = flowed(self.pieces, options.max_width, self.gap)
        for line in lines:
            line.no_wrap, line.overflow, line.end = True, "ellipsis", "\n"
        yield from lines
