"""CSV for Excel as used in Denmark: UTF-8 with BOM, ``;`` between cells, one row per item per hire.

Rows are joined by hand rather than with the ``csv`` module: the cells that a checklist, a start date
and a hire's people decide (phase, item, title, owner, due date, person) are the same for every hire
that shares them, so they are quoted once and reused, and the whole file is joined in one go, which
makes exporting thousands of hires quick. A cell is quoted as the ``csv`` module quotes it, but also
when it holds a comma or a tab: LibreOffice's import dialog ticks tab, comma and semicolon at once, and
would split such a cell. New columns are only ever added at the end (reason, person and kind came in
0.3, mentor and moved-from in 0.4), so a reader that counts columns keeps working.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from itertools import repeat

from ..checklist import Checklist
from ..progress import HireProgress, ItemView
from ..record import OPEN, HireRecord, ItemState
from ..tuples import NamedTuple
from ..wording import owner_text
from .common import ExportOptions, retired_views, shown, wanted

COLUMNS = ("col.hire_id", "col.name", "col.unit", "col.start", "col.checklist", "col.phase", "col.item",
           "col.title", "panel.owner", "col.due", "col.status", "col.date", "col.by", "note",
           "reason", "col.person", "col.kind", "hire.mentor", "col.moved_from")  # only ever added at the end
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# a cell starting with one of these is text to every importer, so most cells need no closer look
_PLAIN_START = frozenset(map(chr, range(0x21, 0x7F))) - set('"=+-@')
# a separator any common importer may pick (LibreOffice ticks tab, comma and semicolon), a quote, a line end
_NEEDS_QUOTES = re.compile('[;,\t"\r\n]')


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
    """One cell, quoted (with quotes doubled) when it holds a separator of any common importer (``;``,
    ``,``, tab), a quote or a line end; the ``csv`` module reads it back with any of those delimiters."""
    if _NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def row(cells: list[str]) -> str:
    return ";".join(cell(text) for text in cells)


def _line(cells: list[str]) -> bytes:
    return (row(cells) + "\r\n").encode()


def render(hires: list[HireProgress], options: ExportOptions) -> str:
    return render_bytes(hires, options).decode("utf-8")


def render_bytes(hires: list[HireProgress], options: ExportOptions) -> bytes:
    """The CSV as UTF-8, joined once at the end from the parts of each row (see ``_Parts``)."""
    return b"".join(render_chunks(hires, options))


def render_chunks(hires: list[HireProgress], options: ExportOptions) -> Iterator[bytes]:
    """The CSV as UTF-8, a hire's rows at a time, so a file of ten thousand hires is written without
    ever being held whole, and each hire's rows are written and let go before the next are made (the
    memory is used again: fresh memory is what makes a large summary slow)."""
    parts = _Parts(options)
    yield "\ufeff".encode() + _line([options.t(key) for key in COLUMNS])
    for progress in hires:
        if progress.checklist is not None:
            yield parts.hire_text(progress)


class _Described(NamedTuple):
    """What a checklist decides of its rows: each item's phase, item and title cells (ending in
    ``;``), each item's place, and the title of each phase."""

    texts: list[bytes]
    place: dict[str, int]
    phases: dict[str, str]


class _Shared(NamedTuple):
    """What a checklist and a hire's people (mentor, HR and centre contacts) decide of the rows of
    items that name no person of their own: the start of each row after the hire's cells (phase,
    item, title, owner); the end of an unrecorded item's row (its state, the person, the kind); and
    the person and kind alone, which end a recorded item's row."""

    heads: list[bytes]
    tails: list[bytes]
    people: list[bytes]


class _Parts:
    """The five parts of a row: the hire's cells (id, name, unit, start, checklist); the item's
    (phase, item, title) with its owner ("Mette (mentor)"); its due date; its state (status, date,
    by, note, reason) with the person who does it and the kind of item (own, retired); and the
    closing cells, the mentor and the checklist's date an item's own due date moved it from. Each is
    made once and shared by every row it occurs in: a checklist and the hire's people decide the
    second, a start date the due dates, and only recorded items (a handful per hire) get their own
    state. The rows of the items a hire has not recorded are joined once for every hire of the same
    checklist, people and start day; a recorded item's row is the hire's own."""

    def __init__(self, options: ExportOptions) -> None:
        self.options = options
        self.statuses = {status: options.t(f"status.{status}") for status in ("open", "done", "skipped")}
        self.ends: dict[ItemState, bytes] = {}  # by the recorded state
        self.unrecorded = self._end(OPEN)
        self.days = _DueCells()
        self.described: dict[int, _Described] = {}  # by the checklist's id()
        self.shared: dict[tuple[object, ...], _Shared] = {}  # see _shared
        self.people: dict[tuple[object, ...], tuple[bytes, bytes]] = {}  # see _person
        self.closings: dict[tuple[str | None, dt.date | None], bytes] = {}  # see _closing
        self.rests: tuple[tuple[object, ...], list[bytes]] = ((), [])  # the last made, see _plain_rests

    def hire_text(self, progress: HireProgress) -> bytes:
        """The hire's rows: each is the hire's cells (id, name, unit, start, checklist) and the rest of
        it (``hire_rests``)."""
        hire, rests = self.hire_rests(progress)
        return hire.join([b"", *rests])

    def hire_rests(self, progress: HireProgress) -> tuple[bytes, list[bytes]]:
        """The hire's cells, and the rest of each of its rows: its checklist's items with its own at
        the end of their phase, then its retired items, those the options select. An item the hire
        has not recorded has the rest that every hire of its checklist, people and start day shares
        (``_plain_rests``)."""
        record, checklist = progress.record, progress.checklist
        assert checklist is not None
        described = self._described(checklist)
        hire = (row([safe(record.id), safe(record.name), safe(record.unit or ""),
                     record.start_date.isoformat(), safe(record.checklist)]) + ";").encode()
        planned = checklist.due_dates(record.start_date)
        due_cells = self.days.cells(planned)
        shared = self._shared(checklist, described, record)
        closing = self._closing(record.mentor, None)
        unrecorded = self._plain_rests(shared, due_cells, closing)
        rests = unrecorded.copy() if record.items else unrecorded
        has_retired = False
        for item_id, state in record.items.items():
            index = described.place.get(item_id)
            if index is None:  # one of the hire's own items, or a retired one
                has_retired = has_retired or item_id not in record.own
                continue
            head, person = shared.heads[index], shared.people[index]
            if state.assignee:  # a person named for the item
                item = checklist.item_list[index]
                owner, person = self._person(ItemView(item.id, item.phase, item, state, None), record)
                head = described.texts[index] + owner
            moved = state.due is not None and state.due != planned[index]  # its own due date
            rests[index] = b"".join((head, self.days[state.due] if state.due else due_cells[index],
                                     self._end(state), person,
                                     self._closing(record.mentor, planned[index]) if moved else closing))
        if record.own or self.options.only:
            rests = self._chosen(rests, progress, described)
        if has_retired:
            heading = self.options.t("retired.heading")
            rests += [self._row(view, record, heading) for view in retired_views(progress, self.options)]
        return hire, rests

    def _plain_rests(self, shared: _Shared, due_cells: list[bytes], closing: bytes) -> list[bytes]:
        """The rest of each row of an item that is not recorded, for these people and due dates (the
        same list when asked again straight after: hires come by start date, so the hires that share
        a start day and people come one after another, and only the last is kept)."""
        key = (id(shared), id(due_cells), closing)  # both kept for as long as this is
        last_key, made = self.rests
        if key != last_key:
            made = list(map(b"".join, zip(shared.heads, due_cells, shared.tails, repeat(closing))))
            self.rests = key, made
        return made

    def _chosen(self, rests: list[bytes], progress: HireProgress, described: _Described) -> list[bytes]:
        """The rows' rests (in checklist order) in the order of the hire's items, its own among them,
        those the options select."""
        chosen = []
        for view in progress.items:
            if wanted(view.state, view.due, self.options):
                chosen.append(self._row(view, progress.record, described.phases[view.phase or ""])
                              if view.own else rests[described.place[view.item_id]])
        return chosen

    def _row(self, view: ItemView, record: HireRecord, phase: str) -> bytes:
        """The rest of the row of an item that only this hire has: one of its own, or a retired one."""
        text = (row([safe(phase), safe(view.item_id), safe(view.title(self.options.lang))]) + ";").encode()
        owner, person = self._person(view, record)
        closing = self._closing(record.mentor, view.planned if view.moved else None)
        return b"".join((text, owner, self.days[view.due], self._end(view.state), person, closing))

    def _described(self, checklist: Checklist) -> _Described:
        made = self.described.get(id(checklist))
        if made is None:
            lang = self.options.lang
            phases = {phase.id: phase.title.in_lang(lang) for phase in checklist.phases}
            texts = [(row([safe(phases.get(item.phase, "")), safe(item.id), safe(item.title.in_lang(lang))])
                      + ";").encode() for item in checklist.item_list]
            place = {item.id: index for index, item in enumerate(checklist.item_list)}
            made = self.described[id(checklist)] = _Described(texts, place, phases)
        return made

    def _shared(self, checklist: Checklist, described: _Described, record: HireRecord) -> _Shared:
        key = (id(checklist), record.mentor, record.hr_contact, record.centre_contact)
        made = self.shared.get(key)
        if made is None:
            cells = [self._person(ItemView(item.id, item.phase, item, OPEN, None), record)
                     for item in checklist.item_list]
            made = self.shared[key] = _Shared(
                [text + owner for text, (owner, _) in zip(described.texts, cells, strict=True)],
                [self.unrecorded + person for _, person in cells], [person for _, person in cells])
        return made

    def _person(self, view: ItemView, record: HireRecord) -> tuple[bytes, bytes]:
        """The item's owner cell, and the person who does it and the kind of item it is (each cell
        with its ``;``). Made once for each owner, person and kind."""
        person = view.person(record)
        key = (view.item.owner if view.item else None, person, view.own, view.retired)
        made = self.people.get(key)
        if made is None:
            t = self.options.t
            owner = owner_text(view, record, self.options.lang)
            kind = t("own.mark") if view.own else t("status.retired") if view.retired else ""
            made = self.people[key] = ((cell(safe(owner)) + ";").encode(),
                                       (row([safe(person) if person else "", kind]) + ";").encode())
        return made

    def _closing(self, mentor: str | None, moved_from: dt.date | None) -> bytes:
        """The last cells of a row, with its line end: the hire's mentor and the checklist's due date
        that the item's own date replaced."""
        key = (mentor, moved_from)
        made = self.closings.get(key)
        if made is None:
            made = self.closings[key] = _line([safe(mentor) if mentor else "",
                                               moved_from.isoformat() if moved_from else ""])
        return made

    def _end(self, state: ItemState) -> bytes:
        """Status, date, by, note and reason (each with its ``;``); notes and reasons only as the
        options allow."""
        end = self.ends.get(state)
        if end is None:
            note, reason = (state.note, state.reason) if self.options.notes else (None, None)
            end = self.ends[state] = (row([
                self.statuses[state.status], state.date.isoformat() if state.date else "",
                safe(state.by) if state.by else "", safe(note) if note else "",
                safe(reason) if reason else "",
            ]) + ";").encode()
        return end


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
