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
    for progress in hires:
        record = progress.record
        phases = {p.id: p.title.in_lang(options.lang) for p in progress.checklist.phases} \
            if progress.checklist else {}
        for view in selected(progress, options):
            state = view.state
            cells = [
                record.id, record.name, record.unit or "", record.start_date.isoformat(), record.checklist,
                phases.get(view.phase or "", ""), view.item_id, view.title(options.lang),
                owner_word(view.item.owner, options.lang) if view.item else "",
                view.due.isoformat() if view.due else "",
                options.t(f"status.{state.status}"), state.date.isoformat() if state.date else "",
                state.by or "", note_of(view, options) or "",
            ]
            writer.writerow([safe(cell) for cell in cells])
    return "\ufeff" + out.getvalue()
