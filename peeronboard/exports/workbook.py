"""An Excel workbook (.xlsx, written with XlsxWriter, imported only for this format): a sheet with a
row per item per hire (the CSV's columns) and a sheet with a row per hire (progress, overdue, next due).

Dates are real date cells; every text from a user is written as a text cell, so no formula can run and
no leading ``'`` is needed. Each sheet has a frozen header row with filters and columns as wide as
their content (within bounds).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from ..progress import HireProgress, ItemView
from ..wording import owner_text
from .common import ExportOptions, retired_views, selected, shown
from .spreadsheet import COLUMNS

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any

Cell = str | int | float | dt.date | None
HIRE_COLUMNS = ("col.hire_id", "col.name", "col.unit", "hire.mentor", "col.start", "col.checklist",
                "col.progress", "status.done", "status.skipped", "status.open", "col.overdue", "col.next",
                "col.item")
WIDEST = 60  # characters: a long note wraps in its cell instead of widening the sheet
NARROWEST = 6


def render_bytes(hires: list[HireProgress], options: ExportOptions) -> bytes:
    import xlsxwriter  # only when a workbook is asked for

    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False,
                                     "strings_to_numbers": False, "strings_to_urls": False,
                                     "default_date_format": "yyyy-mm-dd"})
    if options.generated:
        book.set_properties({"created": options.generated.replace(tzinfo=None)})
    formats = {"header": book.add_format({"bold": True, "bg_color": "#E5E5EA", "border": 1}),
               "date": book.add_format({"num_format": "yyyy-mm-dd"}),
               "percent": book.add_format({"num_format": "0%"}),
               "text": book.add_format({"text_wrap": True, "valign": "top"})}
    items = [row for progress in hires if progress.checklist is not None
             for row in _item_rows(progress, options)]
    _sheet(book, formats, options.t("col.items"), [options.t(key) for key in COLUMNS], items)
    _sheet(book, formats, options.t("sheet.hires"), [options.t(key) for key in HIRE_COLUMNS],
           [_hire_row(progress, options) for progress in hires])
    book.close()
    return out.getvalue()


def _sheet(book: Any, formats: dict[str, Any], name: str, header: list[str],
           rows: Sequence[Sequence[Cell]]) -> None:
    """One sheet: the header frozen with filters over it, each value as its kind of cell."""
    sheet = book.add_worksheet(name)
    widths = [len(title) + 3 for title in header]  # room for the filter button
    for column, title in enumerate(header):
        sheet.write_string(0, column, title, formats["header"])
    for line, values in enumerate(rows, start=1):
        for column, value in enumerate(values):
            widths[column] = max(widths[column], _write(sheet, formats, line, column, value))
    for column, width in enumerate(widths):
        sheet.set_column(column, column, max(NARROWEST, min(width, WIDEST)),
                         formats["text"] if width > WIDEST else None)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(rows), len(header) - 1)


def _write(sheet: Any, formats: dict[str, Any], line: int, column: int, value: Cell) -> int:
    """Write one cell as its kind (a date, a number, a text); how many characters wide it is."""
    if value is None or value == "":
        return 0
    if isinstance(value, dt.date):
        sheet.write_datetime(line, column, dt.datetime.combine(value, dt.time()), formats["date"])
        return 10
    if isinstance(value, float):
        sheet.write_number(line, column, value, formats["percent"])
        return 5
    if isinstance(value, int):
        sheet.write_number(line, column, value)
        return len(str(value))
    sheet.write_string(line, column, value)
    return max(len(part) for part in value.split("\n"))


def _item_rows(progress: HireProgress, options: ExportOptions) -> list[list[Cell]]:
    """The CSV's rows as cells: the items the options select, then the retired ones."""
    assert progress.checklist is not None
    lang = options.lang
    phases = {phase.id: phase.title.in_lang(lang) for phase in progress.checklist.phases}
    retired = options.t("retired.heading")
    return [_item_row(progress, view, phases.get(view.phase or "", retired), options)
            for view in (*selected(progress, options), *retired_views(progress, options))]


def _item_row(progress: HireProgress, view: ItemView, phase: str, options: ExportOptions) -> list[Cell]:
    record, state, t = progress.record, view.state, options.t
    person = view.person(record)
    note, reason = (state.note, state.reason) if options.notes else (None, None)
    kind = t("own.mark") if view.own else t("status.retired") if view.retired else ""
    return [
        _text(record.id), _text(record.name), _text(record.unit), record.start_date, _text(record.checklist),
        _text(phase), _text(view.item_id), _text(view.title(options.lang)),
        _text(owner_text(view, record, options.lang)), view.due, t(f"status.{state.status}"), state.date,
        _text(state.by), _text(note), _text(reason), _text(person), kind, _text(record.mentor),
        view.planned if view.moved else None,
    ]


def _hire_row(progress: HireProgress, options: ExportOptions) -> list[Cell]:
    record, summary = progress.record, progress.summary()
    finished = summary["done"] + summary["skipped"]
    next_due = progress.next_due
    return [
        _text(record.id), _text(record.name), _text(record.unit), _text(record.mentor), record.start_date,
        _text(progress.checklist.title.in_lang(options.lang) if progress.checklist else record.checklist),
        finished / summary["total"] if summary["total"] else 0.0, summary["done"], summary["skipped"],
        summary["open"], summary["overdue"], next_due.due if next_due else None,
        _text(next_due.title(options.lang)) if next_due else None,
    ]


def _text(text: str | None) -> str | None:
    """User text as a cell shows it: control and bidi characters visible (``common.shown``)."""
    return shown(text) if text else None
