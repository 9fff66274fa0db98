"""iCalendar (.ics): an all-day entry per open item with a due date, with stable UIDs, so importing
again updates the entries instead of duplicating them (RFC 5545: CRLF lines folded at 75 octets)."""

from __future__ import annotations

import datetime as dt

from ..progress import HireProgress
from ..wording import owner_text
from .common import ExportOptions, remarks, selected, shown, source_ref


def escape(text: str) -> str:
    """Text as an iCalendar TEXT value: a line break (LF, CR or CRLF) is ``\\n``, and no control
    character is left raw (RFC 5545 allows none but tab in TEXT)."""
    return (shown(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line: str) -> str:
    """Split a content line into chunks of at most 75 octets, never inside a UTF-8 character."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines start with a space
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def render(hires: list[HireProgress], options: ExportOptions) -> str:
    t = options.t
    stamp = (options.generated or dt.datetime.combine(options.today, dt.time())).astimezone(dt.UTC)
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//peeronboard//peeronboard//EN", "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH", f"X-WR-CALNAME:{escape(t('export.title'))}",
    ]
    for progress in hires:
        record = progress.record
        for view in selected(progress, options):
            if view.state.status != "open" or view.due is None:
                continue
            description = [f"{t('hire.checklist')}: {record.checklist}"]
            owner = owner_text(view, record, options.lang)
            if owner:
                description.append(f"{t('panel.owner')}: {owner}")
            reference = source_ref(view, options.lang)
            if reference:
                description.append(f"{t('panel.ref')}: {reference}")
            description += [f"{t(key)}: {text}" for key, text in remarks(view, options)]
            lines += [
                "BEGIN:VEVENT",
                f"UID:{escape(f'{record.id}-{view.item_id}@peeronboard')}",
                f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
                f"DTSTART;VALUE=DATE:{view.due:%Y%m%d}",
                f"DTEND;VALUE=DATE:{view.due + dt.timedelta(days=1):%Y%m%d}",
                f"SUMMARY:{escape(f'{record.name}: {view.title(options.lang)}')}",
                f"DESCRIPTION:{escape(chr(10).join(description))}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
