"""``merge``: join the conflicting copies a sync service made when two computers changed a hire at once."""

from __future__ import annotations

import argparse

from ..i18n import say
from ..problems import Problem
from .context import Context
from .output import report


def cmd_merge(ctx: Context, args: argparse.Namespace) -> int:
    problems: list[Problem] = []
    merged = ctx.onboarding.merge_conflicts(problems)
    for copy, record, plan in merged:
        print(say("merged", ctx.lang, copy=copy.name, id=record.id, name=record.name,
                  entries=len(plan.entries), items=len(plan.states)))
        for item_id, state in plan.undecided.items():
            print(say("merge.undecided", ctx.lang, item=item_id, id=record.id,
                      status=say(f"status.{state.status}", ctx.lang)))
        for field, (ours, theirs) in plan.field_conflicts.items():
            print(say("merge.field_kept", ctx.lang, field=field, id=record.id, ours=ours, theirs=theirs))
    if not merged:
        print(say("merge.none", ctx.lang))
    store = ctx.onboarding.store
    _, remaining = store.load_all()  # copies merge cannot take: another person, no record, unreadable
    problems += [p for p in remaining if p.path is not None and (owner := store.owner_of(p.path))
                 and owner.kind in ("foreign", "orphan", "named-copy")]
    return report(problems, ctx.lang)
