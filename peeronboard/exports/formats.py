"""The export formats: Markdown, CSV, JSON, HTML and iCalendar, and writing a summary to a file."""

from __future__ import annotations

import importlib
from pathlib import Path

from ..atomic import replace_file
from ..errors import StoreError
from ..progress import HireProgress
from .common import ONLY_CHOICES, ExportOptions, hire_data, item_data

# format -> (the module that renders it, imported when used; the file suffix)
FORMATS: dict[str, tuple[str, str]] = {
    "md": ("markdown", ".md"),
    "csv": ("spreadsheet", ".csv"),
    "json": ("jsondoc", ".json"),
    "html": ("webpage", ".html"),
    "ics": ("icalendar", ".ics"),
}

__all__ = ["FORMATS", "ONLY_CHOICES", "ExportOptions", "export_bytes", "export_text", "hire_data",
           "item_data", "write_export"]  # the common names too, so callers need one import


def export_bytes(fmt: str, hires: list[HireProgress], options: ExportOptions) -> bytes:
    """The summary of ``hires`` in format ``fmt`` (one of FORMATS), as UTF-8.

    A module may render bytes itself (``render_bytes``), which saves encoding a large summary."""
    module = importlib.import_module(f".{FORMATS[fmt][0]}", __package__)
    if hasattr(module, "render_bytes"):
        return module.render_bytes(hires, options)
    return module.render(hires, options).encode("utf-8")


def export_text(fmt: str, hires: list[HireProgress], options: ExportOptions) -> str:
    """The summary of ``hires`` in format ``fmt`` (one of FORMATS)."""
    return export_bytes(fmt, hires, options).decode("utf-8")


def write_export(path: Path, data: bytes) -> Path:
    """Write a summary atomically and privately (0600): it holds personal data."""
    path = path.expanduser()
    try:
        replace_file(path, data)
    except OSError as error:
        raise StoreError("err.store", path=path, reason=error.strerror or str(error)) from None
    return path
