"""CSV for Excel as used in Denmark: UTF-8 with BOM, ``;`` between cells, one row per item per hire."""

from __future__ import annotations

import csv
import io

from ..i18n import owner_word
from ..progress import HireProgress
from .common import ExportOptions, note_of, selected

COLUMNS = ("col.hire_id", "col.name", "col.unit", "col.start", "col.checklist", "col.phase", "col.item",
           "col.title", "panel.owner", "col.due", "col.status", "col.date", "col.by", "note")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe(cell: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe, so it stays text."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def render(hires: list[HireProgress], options: ExportOptions) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([options.t(key) for key in COLUMNS])
    statuses = {status: options.t(f"status.{status}") for status in ("open", "done", "skipped")}
    # texts shared by many rows are made safe once; ids, dates and status words cannot start a formula
    owners: dict[str | None, str] = {}
    titles: dict[tuple[str, str], str] = {}
    for progress in hires:
        record = progress.record
        hire = [record.id, safe(record.name), safe(record.unit or ""), record.start_date.isoformat(),
                record.checklist]
        phases = {p.id: safe(p.title.in_lang(options.lang)) for p in progress.checklist.phases} \
            if progress.checklist else {}
        rows = []
        for view in selected(progress, options):
            state = view.state
            title_key = (record.checklist, view.item_id)
            if title_key not in titles:
                titles[title_key] = safe(view.title(options.lang))
            owner = view.item.owner if view.item else None
            if owner not in owners:
                owners[owner] = safe(owner_word(owner, options.lang))
            note = note_of(view, options)
            rows.append(hire + [
                phases.get(view.phase or "", ""), view.item_id, titles[title_key], owners[owner],
                view.due.isoformat() if view.due else "", statuses[state.status],
                state.date.isoformat() if state.date else "", safe(state.by) if state.by else "",
                safe(note) if note else "",
            ])
        writer.writerows(rows)
    return "\ufeff" + out.getvalue()
