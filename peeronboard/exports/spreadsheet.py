"""CSV for Excel as used in Denmark: UTF-8 with BOM, ``;`` between cells, one row per item per hire.

Rows are joined by hand rather than with the ``csv`` module: the cells that a checklist and a start
date decide (phase, item, title, owner, due date) are the same for every hire on that checklist and
start date, so they are quoted once and reused, and the whole file is joined in one go, which makes
exporting thousands of hires quick. The
quoting is the ``csv`` module's (``QUOTE_MINIMAL``), and the tests read the output back with it.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from itertools import chain, repeat

from ..checklist import Checklist, Item
from ..i18n import owner_word
from ..progress import HireProgress
from ..record import HireRecord, ItemState
from .common import ExportOptions, shown, wanted

COLUMNS = ("col.hire_id", "col.name", "col.unit", "col.start", "col.checklist", "col.phase", "col.item",
           "col.title", "panel.owner", "col.due", "col.status", "col.date", "col.by", "note")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# a cell starting with one of these is text to every importer, so most cells need no closer look
_PLAIN_START = frozenset(map(chr, range(0x21, 0x7F))) - set('"=+-@')


def safe(text: str) -> str:
    """User text as a cell: shown (``common.shown``), and with a leading apostrophe where a
    spreadsheet could run it as a formula, so it stays text."""
    cell = shown(text)
    return "'" + cell if could_be_formula(cell) else cell


def could_be_formula(cell: str) -> bool:
    """Whether a spreadsheet could read the cell as a formula: it starts with ``= + - @``, a tab or a
    CR, or does once its compatibility forms are folded (NFKC: the full-width ``＝ ＋ － ＠`` are
    ``= + - @``) and the whitespace, quote marks and invisible format characters (category Cf, such
    as U+200B, U+FEFF, U+2060) before it are skipped, as some importers and hand edits do."""
    if not cell or cell[0] in _PLAIN_START:
        return False
    if cell.startswith(_FORMULA_START):
        return True
    return _without_lead(unicodedata.normalize("NFKC", cell)).startswith(_FORMULA_START)


def _without_lead(text: str) -> str:
    """``text`` from its first character that is not whitespace, a quote mark or a format character."""
    for index, char in enumerate(text):
        if not (char.isspace() or char == '"' or unicodedata.category(char) == "Cf"):
            return text[index:]
    return ""


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
    """The CSV as UTF-8, joined once at the end from the four parts of each row: the hire's cells,
    the item's (phase, item, title, owner), its due date, and its state. The first three are made once
    and shared by every row they occur in; only recorded items' states are made per hire."""
    header = ("\ufeff".encode(), _line([options.t(key) for key in COLUMNS]))
    statuses = {status: options.t(f"status.{status}") for status in ("open", "done", "skipped")}
    unrecorded = _line([statuses["open"], "", "", ""])
    described: dict[int, list[bytes]] = {}  # checklist -> phase, item, title and owner of each item
    positions: dict[int, dict[str, int]] = {}  # checklist -> each item's place
    days = _DueCells()
    ends: dict[ItemState, bytes] = {}  # the end of a recorded item's row, by its state
    rows: list[Iterable[tuple[bytes, ...]]] = [(header,)]
    only, notes = options.only, options.notes

    def recorded(state: ItemState) -> bytes:
        end = ends.get(state)
        if end is None:
            end = ends[state] = _recorded(state, statuses, notes)
        return end

    for progress in hires:
        record, checklist = progress.record, progress.checklist
        if checklist is None:
            continue
        if id(checklist) not in described:
            described[id(checklist)] = [text.encode() for text in _described(checklist, options)]
            positions[id(checklist)] = {item.id: index for index, item in enumerate(checklist.item_list)}
        texts = described[id(checklist)]
        dues = checklist.due_dates(record.start_date)
        hire = (row([safe(record.id), safe(record.name), safe(record.unit or ""),
                     record.start_date.isoformat(), safe(record.checklist)]) + ";").encode()
        shared_dues = due_cells = days.cells(dues)
        states = [unrecorded] * len(texts)
        place = positions[id(checklist)]
        for item_id, state in record.items.items():
            index = place.get(item_id)
            if index is not None:  # a retired item is not in the checklist's rows
                states[index] = recorded(state)
                if state.due:  # its own due date: this hire gets its own copy of the cells
                    if due_cells is shared_dues:
                        due_cells = shared_dues.copy()
                    due_cells[index] = days[state.due]
        if only:
            rows.append(_selected_rows(hire, texts, due_cells, states, dues, record, checklist.item_list,
                                       options))
        else:
            rows.append(zip(repeat(hire), texts, due_cells, states))
    return b"".join(chain.from_iterable(chain.from_iterable(rows)))


def _recorded(state: ItemState, statuses: dict[str, str], notes: bool) -> bytes:
    """Status, date, by and note: the end of a recorded item's row."""
    note = state.note if notes else None
    return _line([statuses[state.status], state.date.isoformat() if state.date else "",
                  safe(state.by) if state.by else "", safe(note) if note else ""])


class _DueCells(dict[dt.date | None, bytes]):
    """Each due date as a cell with its ``;``, made once: many hires share their due dates."""

    def __init__(self) -> None:
        super().__init__()
        self._lists: dict[tuple[dt.date | None, ...], list[bytes]] = {}

    def __missing__(self, due: dt.date | None) -> bytes:
        made = self[due] = f"{due or ''};".encode()
        return made

    def cells(self, dues: tuple[dt.date | None, ...]) -> list[bytes]:
        """The cells of a checklist's due dates for one start date (the same list each time asked)."""
        made = self._lists.get(dues)
        if made is None:
            made = self._lists[dues] = [self[due] for due in dues]
        return made


def _selected_rows(hire: bytes, texts: list[bytes], due_cells: list[bytes], states: list[bytes],
                   dues: tuple[dt.date | None, ...], record: HireRecord, items: tuple[Item, ...],
                   options: ExportOptions) -> list[tuple[bytes, ...]]:
    """A hire's rows for the items that ``--only`` selects."""
    rows = []
    for index, item in enumerate(items):
        state = record.state(item.id)
        if wanted(state, state.due or dues[index], options):
            rows.append((hire, texts[index], due_cells[index], states[index]))
    return rows


def _described(checklist: Checklist, options: ExportOptions) -> list[str]:
    """Phase, item, title and owner of each item, joined and ending in ``;``."""
    phases = {p.id: safe(p.title.in_lang(options.lang)) for p in checklist.phases}
    return [row([phases.get(item.phase, ""), safe(item.id), safe(item.title.in_lang(options.lang)),
                 safe(owner_word(item.owner, options.lang))]) + ";"
            for item in checklist.item_list]
