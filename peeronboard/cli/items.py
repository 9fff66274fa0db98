"""One item of one hire: ``check``, ``uncheck``, ``skip``, ``note``, ``due``; and ``agenda`` across hires.

These run on every tick, so this module imports only what changing one item needs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import PeerError
from ..i18n import say
from .context import Context
from .output import EXIT_OK, parse_date_option, print_json, report, table

if TYPE_CHECKING:
    from ..record import HireRecord

MAX_AGENDA_DAYS = 3650

Change = Callable[[Context, str, argparse.Namespace], "HireRecord"]


def _item_command(change: Change, message: str) -> Callable[[Context, argparse.Namespace], int]:
    def run(ctx: Context, args: argparse.Namespace) -> int:
        updated = change(ctx, ctx.onboarding.find_id(args.hire), args)
        print(f"{updated.name}: {say(message, ctx.lang, item=_item_title(ctx, updated, args.item))}")
        return EXIT_OK
    return run


def _check(ctx: Context, hire_id: str, args: argparse.Namespace) -> HireRecord:
    on = parse_date_option(args.on, "--on") if args.on else None
    if on is not None and on > ctx.onboarding.today():
        raise PeerError("err.future", option="--on", date=on.isoformat())
    return ctx.onboarding.check(hire_id, args.item, note=_optional_text(args.note),
                                by=_optional_text(args.by), on=on)


def _optional_text(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


cmd_check = _item_command(_check, "checked")
cmd_uncheck = _item_command(lambda ctx, r, a: ctx.onboarding.uncheck(r, a.item), "unchecked")
cmd_skip = _item_command(lambda ctx, r, a: ctx.onboarding.skip(r, a.item, a.reason), "skipped")
cmd_note = _item_command(lambda ctx, r, a: ctx.onboarding.note(r, a.item, a.text), "noted")


def cmd_due(ctx: Context, args: argparse.Namespace) -> int:
    onboarding = ctx.onboarding
    updated = onboarding.set_due(onboarding.find_id(args.hire), args.item, args.when, args.reason)
    planned = onboarding.planned_due(updated, args.item)
    due = updated.state(args.item).due
    title = _item_title(ctx, updated, args.item)
    print(f"{updated.name}: " + say("due.moved" if due else "due.reset", ctx.lang, item=title, due=due,
                                    planned=planned or "–"))
    return EXIT_OK


def _item_title(ctx: Context, record: HireRecord, item_id: str) -> str:
    item = ctx.onboarding.checklist_for(record).item(item_id)
    return item.title.in_lang(ctx.lang) if item else item_id


def cmd_agenda(ctx: Context, args: argparse.Namespace) -> int:
    if not 0 <= args.days <= MAX_AGENDA_DAYS:
        raise PeerError("err.days", most=MAX_AGENDA_DAYS)
    from ..exports.common import item_data
    from ..progress import agenda

    hires, problems = ctx.onboarding.all_progress()
    day = ctx.onboarding.today()
    entries = agenda(hires, day, args.days)
    if args.json:
        print_json([
            {**item_data(e.view, ctx.lang, day), "hire": e.progress.record.id,
             "name": e.progress.record.name}
            for e in entries
        ])
    elif not entries:
        print(say("agenda.empty", ctx.lang, days=args.days))
    else:
        heads = [say(k, ctx.lang) for k in ("col.due", "col.hire", "col.item", "col.title", "col.unit")]
        rows = [[
            f"{e.due}" + (f" ({say('overdue', ctx.lang)})" if e.view.is_overdue(day) else ""),
            f"{e.progress.record.name} ({e.progress.record.id})", e.view.item_id,
            e.view.title(ctx.lang), e.progress.record.unit or "",
        ] for e in entries]
        print(table(heads, rows))
    return report(problems)
