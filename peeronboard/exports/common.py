"""What every export shares: the options, which items to include, and the words in both languages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..i18n import say
from ..progress import HireProgress, ItemView
from ..record import HireRecord, ItemState
from ..safetext import visible
from ..tuples import NamedTuple
from ..wording import hire_facts, moved_from

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any

    from ..rows import HireRow

ONLY_CHOICES = ("open", "overdue")


class ExportOptions(NamedTuple):
    """How a summary is made: language, which items, whether free text goes along, and when. (A named
    tuple: much cheaper to define than a frozen dataclass, which an export from the command line
    notices.)"""

    lang: str = "en"
    only: str | None = None  # None (every item), "open" or "overdue"
    notes: bool = True  # False leaves notes and reasons out, for readers who should not see them
    today: dt.date = dt.date(2000, 1, 1)
    generated: dt.datetime | None = None  # when the summary was made (printed on it)

    def t(self, key: str, **params: object) -> str:
        return say(key, self.lang, **params)

    @property
    def made(self) -> str:
        """The "made with peeronboard on …" line printed on a summary."""
        when = f"{self.generated:%Y-%m-%d %H:%M}" if self.generated else self.today.isoformat()
        return self.t("export.made", when=when)


def shown(text: str) -> str:
    """User text as a text export writes it: a CR or CRLF is a line break like LF, and every other
    control or bidi character is a visible ``\\u001b``-style escape (records are edited by hand, so a
    note may hold terminal escapes or a CR that a reader would take as the start of a new line)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return visible(text)


def selected(progress: HireProgress, options: ExportOptions) -> list[ItemView]:
    """The hire's current items that the options ask for, in checklist order."""
    return [v for v in progress.items if wanted(v.state, v.due, options)]


def wanted(state: ItemState, due: dt.date | None, options: ExportOptions) -> bool:
    """Whether an item in this state, due then, goes into a summary made with these options."""
    if options.only == "open":
        return state.status == "open"
    if options.only == "overdue":
        return state.status == "open" and due is not None and due < options.today
    return True


def due_words(view: ItemView, options: ExportOptions) -> str:
    """"Due 2027-03-01", and where the item has its own date, the checklist's date it replaced."""
    return f"{options.t('panel.due')} {view.due}{moved_from(view, options.lang)}"


def remarks(view: ItemView, options: ExportOptions) -> list[tuple[str, str]]:
    """The item's reason (why it is not applicable) and note, as (message key, text), those it has;
    none with ``--no-notes``."""
    if not options.notes:
        return []
    return [(key, text) for key, text in (("reason", view.state.reason), ("note", view.state.note)) if text]


def facts(record: HireRecord, options: ExportOptions, escape: Callable[[str], str] = str) -> list[str]:
    """The facts under a hire's name (``wording.hire_facts``); ``--no-notes`` leaves out why it
    finished, free text as a note is."""
    told = record if options.notes else record._replace(finish_reason=None)
    return hire_facts(told, options.lang, escape)


def retired_views(progress: HireProgress, options: ExportOptions) -> tuple[ItemView, ...]:
    """The items no longer in the checklist, shown last: only in a summary of every item (they can
    no longer be worked, so they are neither open nor overdue work)."""
    if options.only is not None or progress.checklist is None:
        return ()
    return progress.retired


def status_word(view: ItemView, options: ExportOptions) -> str:
    return options.t(f"status.{view.state.status}")


# what ``hire_data`` holds of every hire, in its order (``hire_values``)
HIRE_FIELDS = ("id", "name", "unit", "mentor", "hr_contact", "centre_contact", "start_date", "checklist",
               "checklist_version", "finished", "finish_reason", "total", "done", "skipped", "open",
               "overdue", "next_due")


def hire_data(progress: HireProgress, lang: str, *, items: bool = False,
              options: ExportOptions | None = None) -> dict[str, Any]:
    """A hire as plain data (the command line's --json and the JSON export share it)."""
    notes = options.notes if options else True
    data = dict(zip(HIRE_FIELDS, hire_values(progress, notes), strict=True))
    if items:
        record = progress.record
        chosen = selected(progress, options) if options else list(progress.items)
        data["items"] = [item_data(v, lang, progress.today, notes, record) for v in chosen]
        data["retired"] = [item_data(v, lang, progress.today, notes, record) for v in progress.retired]
    return data


def hire_values(progress: HireProgress, notes: bool = True) -> tuple[Any, ...]:
    """The values of ``hire_data`` without items, in the order of ``HIRE_FIELDS`` (a listing of ten
    thousand hires writes them without making a dict of each)."""
    record = progress.record
    next_due = progress.next_due
    counts = progress.summary()
    return (
        record.id, record.name, record.unit, record.mentor, record.hr_contact, record.centre_contact,
        record.start_date.isoformat(), record.checklist, record.checklist_version,
        record.finished.isoformat() if record.finished else None, record.finish_reason if notes else None,
        counts["total"], counts["done"], counts["skipped"], counts["open"], counts["overdue"],
        {"item": next_due.item_id, "due": next_due.due.isoformat()} if next_due and next_due.due else None,
    )


def row_values(row: HireRow, today: dt.date) -> tuple[Any, ...]:
    """``hire_values`` of the hire whose dashboard row this is (a listing that never reads a record)."""
    return (
        row.id, row.name, row.unit, row.mentor, row.hr_contact, row.centre_contact, row.start.isoformat(),
        row.checklist, row.checklist_version, row.finished.isoformat() if row.finished else None,
        row.finish_reason, row.total, row.done, row.skipped, row.total - row.done - row.skipped,
        row.overdue(today),
        {"item": row.next_item, "due": row.next_due.isoformat()} if row.next_due else None,
    )


def item_data(view: ItemView, lang: str, today: dt.date, notes: bool = True,
              record: HireRecord | None = None) -> dict[str, Any]:
    """An item as plain data; with ``record``, the person resolved for it (``assignee``)."""
    item = view.item
    return {
        "id": view.item_id, "phase": view.phase, "title": view.title(lang),
        "status": view.state.status, "due": view.due.isoformat() if view.due else None,
        "checklist_due": view.planned.isoformat() if view.planned else None,
        "overdue": view.is_overdue(today),
        "date": view.state.date.isoformat() if view.state.date else None,
        "by": view.state.by, "note": view.state.note if notes else None,
        "reason": view.state.reason if notes else None,
        "owner": item.owner if item else None,
        "assignee": view.person(record) if record is not None else view.state.assignee,
        "ref": item.ref if item else None, "optional": item.optional if item else False,
        "own": view.own,
    }


PhaseGroup = tuple[str, list[ItemView], int, int]


def phase_groups(progress: HireProgress, options: ExportOptions) -> list[PhaseGroup]:
    """(phase title, chosen items, finished in phase, items in phase) for each phase with items."""
    if progress.checklist is None:
        return []
    chosen = {v.item_id for v in selected(progress, options)}
    groups = []
    for phase in progress.checklist.phases:
        views = progress.phase_items(phase.id)
        finished = sum(1 for v in views if v.state.status != "open")
        shown = [v for v in views if v.item_id in chosen]
        if shown or options.only is None:
            groups.append((phase.title.in_lang(options.lang), shown, finished, len(views)))
    return groups


def source_ref(view: ItemView, lang: str) -> str:
    item = view.item
    if item is None:
        return ""
    return " · ".join(part for part in (item.ref, item.source.in_lang(lang) if item.source else None)
                      if part)
