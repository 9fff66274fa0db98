"""The export formats: Markdown, CSV, JSON, HTML and iCalendar, and writing a summary to a file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..atomic import replace_file
from ..errors import StoreError
from ..progress import HireProgress
from . import icalendar, jsondoc, markdown, spreadsheet, webpage
from .common import ONLY_CHOICES, ExportOptions, hire_data, item_data

Renderer = Callable[[list[HireProgress], ExportOptions], str]

FORMATS: dict[str, tuple[Renderer, str]] = {
    "md": (markdown.render, ".md"),
    "csv": (spreadsheet.render, ".csv"),
    "json": (jsondoc.render, ".json"),
    "html": (webpage.render, ".html"),
    "ics": (icalendar.render, ".ics"),
}

__all__ = ["FORMATS", "ONLY_CHOICES", "ExportOptions", "export_text", "hire_data", "item_data",
           "write_export"]  # the common names too, so callers need one import


def export_text(fmt: str, hires: list[HireProgress], options: ExportOptions) -> str:
    """The summary of ``hires`` in format ``fmt`` (one of FORMATS)."""
    return FORMATS[fmt][0](hires, options)


def write_export(path: Path, text: str) -> Path:
    """Write a summary atomically and privately (0600): it holds personal data."""
    path = path.expanduser()
    try:
        replace_file(path, text.encode("utf-8"))
    except OSError as error:
        raise StoreError("err.store", path=path, reason=error.strerror or str(error)) from None
    return path
