"""iCalendar (.ics): an all-day entry per item with a due date, with stable UIDs, so importing again
updates the entries instead of duplicating them (RFC 5545: CRLF lines folded at 75 octets).

An open item is a confirmed entry; a done or not-applicable one (and any item of a finished hire) stays
in the file as a cancelled entry, so that importing again takes it out of the calendar instead of
leaving it there. ``SEQUENCE`` is the number of entries in the hire's log: every change of an item or
of the hire (a new name, mentor or start date) is logged, and a log only grows, so the number rises
whenever an entry changes and a calendar takes the new version. The log is needed for that: records
listed from the index come without it (``store.load_all``), so the caller loads it first
(``formats.NEEDS_LOG``).
"""

from __future__ import annotations

import datetime as dt

from ..progress import HireProgress, ItemView
from ..wording import outcome, owner_text
from .common import ExportOptions, remarks, shown, source_ref, wanted

# a calendar must hold a component (RFC 5545): when no item has a due date, this time zone, which no
# calendar shows as an entry, keeps the file valid
_PLACEHOLDER = (
    "BEGIN:VTIMEZONE", "TZID:Europe/Copenhagen",
    "BEGIN:STANDARD", "DTSTART:19701025T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
    "BEGIN:DAYLIGHT", "DTSTART:19700329T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
    "END:VTIMEZONE",
)


def escape(text: str) -> str:
    """Text as an iCalendar TEXT value: a line break (LF, CR or CRLF) is ``\\n``, and no control
    character is left raw (RFC 5545 allows none but tab in TEXT)."""
    return (shown(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line: str) -> bytes:
    """A content line as UTF-8 in chunks of at most 75 octets, never inside a character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return data
    chunks, start, limit = [], 0, 75
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a continuation byte: the character starts earlier
            end -= 1
        chunks.append(data[start:end])
        start, limit = end, 74  # continuation lines start with a space
    chunks.append(data[start:])
    return b"\r\n ".join(chunks)


def render(hires: list[HireProgress], options: ExportOptions) -> str:
    return render_bytes(hires, options).decode("utf-8")


def render_bytes(hires: list[HireProgress], options: ExportOptions) -> bytes:
    stamp = (options.generated or dt.datetime.combine(options.today, dt.time())).astimezone(dt.UTC)
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//peeronboard//peeronboard//EN", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(options.t('export.title'))}",
    ]
    header = len(lines)
    for progress in hires:
        for view in progress.items:
            if view.due is not None and (_cancelled(view) or wanted(view.state, view.due, options)):
                lines += _event(progress, view, options, f"{stamp:%Y%m%dT%H%M%SZ}")
    if len(lines) == header:
        lines += _PLACEHOLDER
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) + b"\r\n" for line in lines)


def _cancelled(view: ItemView) -> bool:
    """Whether the item is no longer work: done, not applicable, or of a finished hire."""
    return view.state.status != "open" or view.closed


def _event(progress: HireProgress, view: ItemView, options: ExportOptions, stamp: str) -> list[str]:
    record = progress.record
    assert view.due is not None
    return [
        "BEGIN:VEVENT",
        f"UID:{escape(f'{record.id}-{view.item_id}@peeronboard')}",
        f"SEQUENCE:{len(record.log)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{view.due:%Y%m%d}",
        f"DTEND;VALUE=DATE:{view.due + dt.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape(f'{record.name}: {view.title(options.lang)}')}",
        f"DESCRIPTION:{escape(chr(10).join(_description(progress, view, options)))}",
        f"STATUS:{'CANCELLED' if _cancelled(view) else 'CONFIRMED'}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _description(progress: HireProgress, view: ItemView, options: ExportOptions) -> list[str]:
    """The checklist by its title, the item's outcome once it is closed, who does it, its source,
    and its reason and note (as the options allow)."""
    t = options.t
    record, checklist = progress.record, progress.checklist
    title = checklist.title.in_lang(options.lang) if checklist else record.checklist
    description = [f"{t('hire.checklist')}: {title}"]
    if view.state.status != "open":
        description.append(outcome(view.state, options.lang))
    owner = owner_text(view, record, options.lang)
    if owner:
        description.append(f"{t('panel.owner')}: {owner}")
    reference = source_ref(view, options.lang)
    if reference:
        description.append(f"{t('panel.ref')}: {reference}")
    return description + [f"{t(key)}: {text}" for key, text in remarks(view, options)]
