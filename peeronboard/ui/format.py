"""How core values look on screen: names (with privacy mode), progress bars, states and dates."""

from __future__ import annotations

import datetime as dt
import re

from rich.text import Text

from ..progress import HireProgress, ItemView
from ..record import HireRecord

STATE_MARKS = {"done": "✔", "skipped": "–", "open": "·"}


def initials(name: str) -> str:
    """"Anna Ærø Jensen" → "A. Æ. J." for a screen others can see."""
    return " ".join(f"{part[0]}." for part in name.split() if part) or "?"


def shown_name(record: HireRecord, private: bool) -> str:
    return initials(record.name) if private else record.name


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


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def finished(progress: HireProgress) -> int:
    return progress.count("done") + progress.count("skipped")


def due_text(view: ItemView, today: dt.date, error_style: str) -> Text:
    if view.due is None:
        return Text("")
    if view.is_overdue(today):
        return Text(f"{view.due} !", style=f"bold {error_style}")
    return Text(f"{view.due} *" if view.moved else view.due.isoformat())
