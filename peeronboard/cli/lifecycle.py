"""A hire's life after ``add``: ``edit`` its details, ``finish`` and ``reopen`` it, and ``retention``:
the finished hires kept longer than the configured months, due for erasure."""

from __future__ import annotations

import argparse

from ..errors import NoChange
from ..i18n import say
from ..wording import entry_text
from .context import Context
from .hires import described, warn_same_name
from .items import said_nothing_changed
from .output import EXIT_OK, parse_date_option, print_json, report

_EDIT_OPTIONS = {"name": "name", "unit": "unit", "mentor": "mentor", "hr": "hr_contact",
                 "centre": "centre_contact", "checklist": "checklist"}


def cmd_edit(ctx: Context, args: argparse.Namespace) -> int:
    """Change the hire's details; a new start date moves its open items (and says how)."""
    onboarding = ctx.onboarding
    hire_id = onboarding.find_id(args.hire)
    changes: dict[str, object] = {field: getattr(args, option) for option, field in _EDIT_OPTIONS.items()
                                  if getattr(args, option) is not None}
    if args.start is not None:
        changes["start_date"] = parse_date_option(args.start, "--start")
    try:
        updated, entries, moves = onboarding.edit_report(hire_id, **changes)
    except NoChange as same:
        return said_nothing_changed(ctx, hire_id, None, same)
    for entry in entries:
        print(f"{updated.name}: {entry_text(entry.action, entry.text, ctx.lang)}")
    if moves is not None:
        moving, keeping, days = moves
        way = say("edit.later" if days > 0 else "edit.earlier", ctx.lang)
        kept = say("form.kept", ctx.lang, keeping=keeping) if keeping else ""
        moved = say("edit.moves", ctx.lang, moving=moving, kept=kept, days=abs(days), way=way)
        print(f"{updated.name}: {moved}")
    if "name" in changes:
        warn_same_name(ctx, updated.name, updated.id)
    return EXIT_OK


def cmd_finish(ctx: Context, args: argparse.Namespace) -> int:
    """End the hire's onboarding: it leaves the dashboard, the agenda and the default listings."""
    onboarding = ctx.onboarding
    hire_id = onboarding.find_id(args.hire)
    on = parse_date_option(args.on, "--on") if args.on else None
    try:
        updated = onboarding.finish(hire_id, args.reason, on)
    except NoChange as same:
        return said_nothing_changed(ctx, hire_id, None, same)
    reason = f": {updated.finish_reason}" if updated.finish_reason else ""
    print(f"{updated.name}: {say('finished.line', ctx.lang, date=updated.finished, reason=reason)}")
    return EXIT_OK


def cmd_reopen(ctx: Context, args: argparse.Namespace) -> int:
    onboarding = ctx.onboarding
    hire_id = onboarding.find_id(args.hire)
    try:
        updated = onboarding.reopen(hire_id)
    except NoChange as same:
        return said_nothing_changed(ctx, hire_id, None, same)
    print(f"{updated.name}: {say('reopened', ctx.lang, date=updated.log[-1].text)}")
    return EXIT_OK


def cmd_retention(ctx: Context, args: argparse.Namespace) -> int:
    """Finished hires kept longer than ``retention_months``: listed, never erased without the leader."""
    hires, problems = ctx.onboarding.all_progress()
    if ctx.settings.retention_problem is not None:  # a review by the wrong number of months: refuse
        return report([ctx.settings.retention_problem], ctx.lang)
    due = ctx.onboarding.due_for_erasure(hires)
    months = ctx.onboarding.retention_months
    if args.json:
        print_json([{"id": h.record.id, "name": h.record.name, "finished": h.record.finished.isoformat(),
                     "finish_reason": h.record.finish_reason} for h in due if h.record.finished])
    elif not due:
        print(say("retention.none", ctx.lang, months=months))
    else:
        print(say("retention.heading", ctx.lang, months=months))
        for hire in due:
            record = hire.record
            reason = f": {record.finish_reason}" if record.finish_reason else ""
            print(f"  {described([record])}: "
                  f"{say('finished.line', ctx.lang, date=record.finished, reason=reason)}")
    return report(problems, ctx.lang)
