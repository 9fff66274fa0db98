"""``checklists`` and ``validate``: which checklists there are, and whether files are well formed."""

from __future__ import annotations

import argparse
import sys

from .. import tomlsource
from ..checklist import parse_checklist
from ..i18n import say
from ..problems import FormatError
from ..record import parse_record
from .context import Context
from .output import EXIT_OK, EXIT_PROBLEM, print_json, problem_line, report, table

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any


def cmd_checklists(ctx: Context, args: argparse.Namespace) -> int:
    checklists = ctx.library.ordered()
    if args.json:
        print_json([
            {
                "id": c.id, "version": c.version, "title": c.title.in_lang(ctx.lang),
                "items": c.item_count, "file": str(c.path), "builtin": ctx.library.is_builtin(c.id),
                "source": c.source.in_lang(ctx.lang) if c.source else None,
            }
            for c in checklists
        ])
    else:
        rows = [[c.id, c.title.in_lang(ctx.lang), str(c.item_count),
                 f"{c.path}" + (f" ({say('builtin', ctx.lang)})" if ctx.library.is_builtin(c.id) else "")]
                for c in checklists]
        heads = [say(k, ctx.lang) for k in ("col.id", "col.title", "col.items", "col.file")]
        print(table(heads, rows))
        sources = [f"{c.id}: {c.source.in_lang(ctx.lang)}" for c in checklists if c.source]
        if sources:
            print("\n" + say("sources", ctx.lang) + "\n" + "\n".join(sources))
    return report(ctx.library.problems, ctx.lang)


def cmd_validate(ctx: Context, args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        try:
            text = tomlsource.read_text(path)
            data = tomlsource.parse(text, path)
            if _looks_like_record(data):
                record = parse_record(data, path, text)
                print(f"{path}: ok (hire record {record.id})")
            else:
                checklist = parse_checklist(data, path, text)
                print(f"{path}: ok (checklist {checklist.id}, {checklist.item_count} items)")
        except FormatError as error:
            failed = True
            for problem in error.problems:
                print(problem_line(problem, ctx.lang), file=sys.stderr)
    return EXIT_PROBLEM if failed else EXIT_OK


def _looks_like_record(data: dict[str, Any]) -> bool:
    return "phases" not in data and ("start_date" in data or "name" in data)
