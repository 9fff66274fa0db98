"""How core values look on screen: names (with privacy mode), progress bars, states and dates.

Any text that came from a file (a record, a checklist, a file name) reaches the screen through ``shown``:
records and checklists are edited by hand and arrive by sync, so they may hold terminal escapes and
bidi overrides, which the screen shows as visible ``\\u001b``-style text instead of obeying them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from ..progress import HireProgress, ItemView
from ..record import HireRecord
from ..rows import HireRow
from ..safetext import visible
from ..tuples import NamedTuple

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


class MarkedText(Text):
    """A cell's text ending in a mark (a title's "(own)") that stays when the text is cut."""

    __slots__ = ("mark_length",)

    @classmethod
    def of(cls, text: Text, mark: Text) -> MarkedText:
        marked = cls()
        marked.append_text(text)
        marked.append_text(mark)
        marked.mark_length = len(mark)
        return marked


def cut(cell: Text | str, width: int) -> Text:
    """A table cell as text no wider than ``width``, ending in "…" when it was cut (a text cut
    silently reads as a typo), a ``MarkedText``'s mark after the "…"; the cell itself is never changed."""
    mark = cell.mark_length if isinstance(cell, MarkedText) else 0
    if mark and cell_width(cell) > width > mark + 1:
        text = cut(cell[: len(cell) - mark], width - mark)
        text.append_text(cell[len(cell) - mark:])
        return text
    text = cell.copy() if isinstance(cell, Text) else Text(cell)
    text.no_wrap = True
    text.truncate(width, overflow="ellipsis")
    return text


def cell_width(cell: Text | str) -> int:
    return cell.cell_len if isinstance(cell, Text) else cell_len(cell)


# --- how wide a table's columns are -----------------------------------------------------------------

WHOLE = 1 << 16  # as a column's ``least``: cut only when nothing else can give way (a date, a bar)


class ColumnSpec(NamedTuple):
    """How a table's column is sized by ``fit_columns``; its header always stays whole."""

    key: str
    label: str
    least: int = 0  # cut no narrower than this while another column can give way
    most: int | None = None  # the most it takes while another column is short of room
    grows: bool = False  # the title: it takes what the other columns leave
    leave_out: int = 0  # > 0: left out on a narrow screen, the highest first, so the title keeps its least


def cell_widths(cells: Sequence[Text | str]) -> tuple[int, ...]:
    return tuple(cell_width(cell) for cell in cells)


def column_needs(specs: Sequence[ColumnSpec], rows: Iterable[Sequence[int]]) -> list[int]:
    """Each column's width in full: its header or its widest cell, whichever is wider, from the
    ``cell_widths`` of rows (a row of fewer cells, a heading, spans the columns and is not counted)."""
    needs = [cell_len(spec.label) for spec in specs]
    for widths in rows:
        if len(widths) == len(needs):
            needs = [max(need, width) for need, width in zip(needs, widths, strict=True)]
    return needs


def fit_columns(specs: Sequence[ColumnSpec], needs: Sequence[int], room: int, pad: int) -> list[int | None]:
    """Each column's width for a row of ``room`` cells (``pad`` blank cells either side of each cell),
    None for a column left out.

    Every column is as wide as it ``needs`` (up to its ``most``), and the title takes what the others
    leave. Short of room, the columns that may are left out while the title would get less than its
    ``least``; then the title is cut to its least, the other columns (the widest first) to theirs, and
    last any column to its header. Room left over goes to the columns still cut, the title first, and
    a cut title is as wide as any other cut column."""
    shown = list(range(len(specs)))
    while len(shown) > 1:
        optional = [i for i in shown if specs[i].leave_out]
        first_out = max(optional, key=lambda i: specs[i].leave_out) if optional else None
        if first_out is None or not _title_short([specs[i] for i in shown], [needs[i] for i in shown],
                                                 room - 2 * pad * len(shown), cut=shown.index(first_out)):
            break
        shown.remove(first_out)
    widths = _fitted([specs[i] for i in shown], [needs[i] for i in shown], room - 2 * pad * len(shown))
    fitted = dict(zip(shown, widths, strict=True))
    return [fitted.get(index) for index in range(len(specs))]


def _planned(spec: ColumnSpec, need: int) -> int:
    """A column's width while room allows: what it needs, up to its ``most`` (never below its header)."""
    return need if spec.grows or spec.most is None else min(need, max(spec.most, cell_len(spec.label)))


def _title_short(specs: Sequence[ColumnSpec], needs: Sequence[int], room: int, cut: int) -> bool:
    """Whether the other columns, as wide as planned but the one at ``cut`` cut to its least, leave
    the title less than its least: only then is that column left out (a unit cut to "Distriktsps…"
    beats no unit)."""
    titles = [(spec, need) for spec, need in zip(specs, needs, strict=True) if spec.grows]
    others = sum(_floor(spec, need) if index == cut else _planned(spec, need)
                 for index, (spec, need) in enumerate(zip(specs, needs, strict=True)) if not spec.grows)
    return any(room - others < min(need, spec.least) for spec, need in titles)


def _floor(spec: ColumnSpec, need: int) -> int:
    """The narrowest a column is cut while another can give way: its least, never below its header."""
    return max(cell_len(spec.label), min(spec.least, need))


def _fitted(specs: Sequence[ColumnSpec], needs: Sequence[int], room: int) -> list[int]:
    widths = [_planned(spec, need) for spec, need in zip(specs, needs, strict=True)]
    headers = [cell_len(spec.label) for spec in specs]
    floors = [_floor(spec, need) for spec, need in zip(specs, needs, strict=True)]
    titles = [index for index, spec in enumerate(specs) if spec.grows]
    others = [index for index, spec in enumerate(specs) if not spec.grows]
    excess = sum(widths) - room
    # the title to its least; the columns that may be left out (the first to go, first) to theirs;
    # the others, the widest first; then any column down to its header
    optional = sorted((i for i in others if specs[i].leave_out), key=lambda i: -specs[i].leave_out)
    stages = [(titles, floors), *(([index], floors) for index in optional), (others, floors),
              (range(len(specs)), headers)]
    for among, lowest in stages:
        excess = _squeeze(widths, lowest, among, excess)
    left = -excess
    for index in (*titles, *others):  # room to spare: for what is still cut
        grown = max(0, min(needs[index] - widths[index], left))
        widths[index] += grown
        left -= grown
    for title in titles:  # a cut title is never narrower than another cut column
        while widths[title] < needs[title]:
            wider = [index for index in others
                     if needs[index] > widths[index] > max(widths[title], floors[index])]
            if not wider:
                break
            widths[max(wider, key=widths.__getitem__)] -= 1
            widths[title] += 1
    return widths


def _squeeze(widths: list[int], floors: Sequence[int], among: Iterable[int], excess: int) -> int:
    """Take up to ``excess`` cells from the columns ``among``, the widest first, none below its floor;
    returns the excess that is left."""
    among = list(among)
    while excess > 0:
        able = [index for index in among if widths[index] > floors[index]]
        if not able:
            break
        widest = max(able, key=widths.__getitem__)
        second = max((widths[index] for index in able if index != widest), default=0)
        step = max(1, min(excess, widths[widest] - max(second, floors[widest])))
        widths[widest] -= step
        excess -= step
    return excess


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def finished(progress: HireProgress) -> int:
    return progress.count("done") + progress.count("skipped")


def due_text(view: ItemView, today: dt.date, error_style: str) -> Text:
    """The due date with its marks: "*" moved from the checklist's date, "!" overdue (both: "*!")."""
    if view.due is None:
        return Text("")
    moved = "*" if view.moved and not view.own else ""  # an own item's date is its only one
    if view.is_overdue(today):
        return Text(f"{view.due} {moved}!", style=f"bold {error_style}")
    return Text(f"{view.due} {moved}" if moved else view.due.isoformat())


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
