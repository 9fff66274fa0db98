"""CSV for Excel as used in Denmark: UTF-8 with BOM, ``;`` between cells, one row per item per hire.

Rows are joined by hand rather than with the ``csv`` module: the cells that a checklist and a start
date decide (phase, item, title, owner, due date) are the same for every hire on that checklist and
start date, so they are quoted once and reused, which makes exporting thousands of hires quick. The
quoting is the ``csv`` module's (``QUOTE_MINIMAL``), and the tests read the output back with it.
"""

from __future__ import annotations

import datetime as dt

from ..checklist import Checklist
from ..i18n import owner_word
from ..progress import HireProgress
from .common import ExportOptions, wanted

COLUMNS = ("col.hire_id", "col.name", "col.unit", "col.start", "col.checklist", "col.phase", "col.item",
           "col.title", "panel.owner", "col.due", "col.status", "col.date", "col.by", "note")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe(cell: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe, so it stays text."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def cell(text: str) -> str:
    """One cell as the ``csv`` module writes it: quoted, with quotes doubled, only when it must be."""
    if ";" in text or '"' in text or "\n" in text or "\r" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def row(cells: list[str]) -> str:
    return ";".join(cell(text) for text in cells)


def _line(cells: list[str]) -> bytes:
    return (row(cells) + "\r\n").encode()


def render(hires: list[HireProgress], options: ExportOptions) -> str:
    return render_bytes(hires, options).decode("utf-8")


def render_bytes(hires: list[HireProgress], options: ExportOptions) -> bytes:
    """The CSV as UTF-8: parts are encoded once each and joined once at the end."""
    parts = ["\ufeff".encode(), _line([options.t(key) for key in COLUMNS])]
    statuses = {status: options.t(f"status.{status}") for status in ("open", "done", "skipped")}
    unrecorded = _line([statuses["open"], "", "", ""])
    described: dict[int, list[str]] = {}  # checklist -> phase, item, title and owner of each item
    shared: dict[tuple[int, dt.date], list[bytes]] = {}  # (checklist, start date) -> those and the due
    only, notes = options.only, options.notes
    for progress in hires:
        record, checklist = progress.record, progress.checklist
        if checklist is None:
            continue
        start = record.start_date
        key = (id(checklist), start)
        if key not in shared:
            if id(checklist) not in described:
                described[id(checklist)] = _described(checklist, options)
            dues = checklist.due_dates(start)
            shared[key] = [(text + (due.isoformat() if due else "") + ";").encode()
                           for text, due in zip(described[id(checklist)], dues, strict=True)]
        items = shared[key]
        hire = (row([record.id, safe(record.name), safe(record.unit or ""), start.isoformat(),
                     record.checklist]) + ";").encode()
        states = record.items
        if not states and not only:  # nothing recorded yet: every row is the same but for the item
            for cells in items:
                parts += (hire, cells, unrecorded)
            continue
        dues = checklist.due_dates(start)
        for index, item in enumerate(checklist.item_list):
            state = states.get(item.id)
            if state is None:
                if only != "overdue" or (dues[index] is not None and dues[index] < options.today):
                    parts += (hire, items[index], unrecorded)
                continue
            cells, due = items[index], dues[index]
            if state.due:  # the item's own due date
                due = state.due
                cells = (described[id(checklist)][index] + due.isoformat() + ";").encode()
            if only and not wanted(state, due, options):
                continue
            note = state.note if notes else None
            parts += (hire, cells, _line([
                statuses[state.status], state.date.isoformat() if state.date else "",
                safe(state.by) if state.by else "", safe(note) if note else ""]))
    return b"".join(parts)


def _described(checklist: Checklist, options: ExportOptions) -> list[str]:
    """Phase, item, title and owner of each item, joined and ending in ``;``."""
    phases = {p.id: safe(p.title.in_lang(options.lang)) for p in checklist.phases}
    return [row([phases.get(item.phase, ""), item.id, safe(item.title.in_lang(options.lang)),
                 safe(owner_word(item.owner, options.lang))]) + ";"
            for item in checklist.item_list]
