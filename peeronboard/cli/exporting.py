"""``export``: a progress summary as Markdown, CSV, JSON, HTML, iCalendar or an Excel workbook, to a file
or standard output (a workbook never to a terminal)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..dates import now
from ..i18n import say
from ..problems import Problem
from .context import Context
from .output import EXIT_PROBLEM, report

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from ..progress import HireProgress


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    from ..index import collector_paused

    # the hires listed live until the summary is written, and writing it makes no garbage with cycles:
    # the garbage collector would only walk the listing again and again
    with collector_paused(keep=True):
        return _export(ctx, args)


def _export(ctx: Context, args: argparse.Namespace) -> int:
    from ..exports import formats

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
    to_file = args.output and not _is_standard_output(args.output)
    if args.format in formats.BINARY_FORMATS and not to_file and sys.stdout.isatty():
        print(f"peeronboard: {say('err.export_binary', ctx.lang, format=args.format)}", file=sys.stderr)
        return EXIT_PROBLEM
    if args.format in formats.NEEDS_LOG:
        hires = formats.with_logs(hires, ctx.onboarding.store.load)
    options = formats.ExportOptions(lang=ctx.lang, only=args.only, notes=not args.no_notes,
                                    today=ctx.onboarding.today(), generated=now())
    if to_file:  # written as it is made: a summary of thousands of hires is never held whole
        path = formats.write_export(Path(args.output), formats.export_chunks(args.format, hires, options))
        # to a device or a pipe, the message must not land in what reads the summary
        print(say("exported", ctx.lang, count=len(hires), path=path),
              file=sys.stdout if path.is_file() else sys.stderr)
        return report(problems, ctx.lang)
    data = formats.export_bytes(args.format, hires, options)
    if args.format in formats.BINARY_FORMATS:  # standard output is a file or a pipe: the bytes as such
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        sys.stdout.write(data.decode("utf-8"))
    return report(problems, ctx.lang)


def _is_standard_output(output: str) -> bool:
    """``-``, or a name for this process's standard output (``/dev/stdout``, ``/dev/fd/1``)."""
    if output == "-":
        return True
    try:
        return os.path.samestat(os.stat(output), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError, AttributeError):
        return False
