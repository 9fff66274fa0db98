"""``export``: a progress summary as Markdown, CSV, JSON, HTML or iCalendar, to a file or standard output."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..dates import now
from ..i18n import say
from ..problems import Problem
from .context import Context
from .output import report

if TYPE_CHECKING:
    from ..progress import HireProgress


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    from ..exports.formats import ExportOptions, export_bytes, write_export

    problems: list[Problem] = []
    if args.hires:
        chosen: dict[str, HireProgress] = {}
        for query in args.hires:
            record = ctx.onboarding.find(query)
            chosen.setdefault(record.id, ctx.onboarding.progress(record))
        hires = list(chosen.values())
    else:  # every hire still being onboarded; a finished one by its name or id, or with --all
        hires, problems = ctx.onboarding.all_progress()
        hires = [h for h in hires if args.all or not h.finished]
    options = ExportOptions(lang=ctx.lang, only=args.only, notes=not args.no_notes,
                            today=ctx.onboarding.today(),
                            generated=now())
    data = export_bytes(args.format, hires, options)
    if args.output and not _is_standard_output(args.output):
        path = write_export(Path(args.output), data)
        # to a device or a pipe, the message must not land in what reads the summary
        print(say("exported", ctx.lang, count=len(hires), path=path),
              file=sys.stdout if path.is_file() else sys.stderr)
    else:
        sys.stdout.write(data.decode("utf-8"))
    return report(problems)


def _is_standard_output(output: str) -> bool:
    """``-``, or a name for this process's standard output (``/dev/stdout``, ``/dev/fd/1``)."""
    if output == "-":
        return True
    try:
        return os.path.samestat(os.stat(output), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError, AttributeError):
        return False
