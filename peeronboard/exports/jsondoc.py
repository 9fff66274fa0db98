"""JSON: a versioned document (``format``); fields may be added in later versions, never removed."""

from __future__ import annotations

import datetime as dt
import json

from ..progress import HireProgress
from .common import ExportOptions, hire_data

JSON_FORMAT = 1


def render(hires: list[HireProgress], options: ExportOptions) -> str:
    document = {
        "format": JSON_FORMAT,
        "generated": (options.generated or dt.datetime.combine(options.today, dt.time(), dt.UTC)).isoformat(),
        "today": options.today.isoformat(),
        "lang": options.lang,
        "only": options.only,
        "notes": options.notes,
        "hires": [hire_data(h, options.lang, items=True, options=options) for h in hires],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
