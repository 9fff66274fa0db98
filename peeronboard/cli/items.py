"""One item of one hire: ``check``, ``uncheck``, ``skip``, ``note``, ``due``; and ``agenda`` across hires.

These run on every tick, so this module imports only what changing one item needs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import NoChange, PeerError
from ..i18n import MESSAGES, say
from .context import Context
from .output import EXIT_OK, json_text, parse_date_option, print_json, report, table, write_json_list

if TYPE_CHECKING:
    import datetime as dt

    from ..progress import AgendaEntry, HireProgress
    from ..record import HireRecord

MAX_AGENDA_DAYS = 3650

Change = Callable[[Context, str, argparse.Namespace], "HireRecord"]


def _item_command(change: Change, message: str) -> Callable[[Context, argparse.Namespace], int]:
    def run(ctx: Context, args: argparse.Namespace) -> int:
        hire_id = ctx.onboarding.find_id(args.hire)
        try:
            updated = change(ctx, hire_id, args)
        except NoChange as same:
            return said_nothing_changed(ctx, hire_id, args.item, same)
        print(f"{updated.name}: {say(message, ctx.lang, item=_item_title(ctx, updated, args.item))}")
        return EXIT_OK
    return run


def said_nothing_changed(ctx: Context, hire_id: str, item_id: str | None, same: NoChange) -> int:
    """A change that changed nothing: say so, and succeed (nothing was written or logged)."""
    record = ctx.onboarding.store.load(hire_id)
    what = f"{_item_title(ctx, record, item_id)}: " if item_id else ""
    print(f"{record.name}: {what}{same.message(ctx.lang)}")
    return EXIT_OK


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
    hire_id = onboarding.find_id(args.hire)
    try:
        updated = onboarding.set_due(hire_id, args.item, args.when, args.reason)
    except NoChange as same:
        return said_nothing_changed(ctx, hire_id, args.item, same)
    planned = onboarding.planned_due(updated, args.item)
    due = updated.state(args.item).due
    title = _item_title(ctx, updated, args.item)
    print(f"{updated.name}: " + say("due.moved" if due else "due.reset", ctx.lang, item=title, due=due,
                                    planned=planned or "–"))
    return EXIT_OK


def _item_title(ctx: Context, record: HireRecord, item_id: str) -> str:
    """The item's title: from the checklist, the hire's own tasks, or the title the record kept."""
    checklist = ctx.onboarding.library.get(record.checklist)
    item = checklist.item(item_id) if checklist else None
    if item is not None:
        return item.title.in_lang(ctx.lang)
    own = record.own.get(item_id)
    state = record.state(item_id)
    kept = state.title_da if ctx.lang == "da" else state.title_en
    return own.title if own else kept or state.title_en or state.title_da or item_id


def cmd_assign(ctx: Context, args: argparse.Namespace) -> int:
    """Name a person for one item (an empty PERSON: the person its owner role gives again)."""
    onboarding = ctx.onboarding
    hire_id = onboarding.find_id(args.hire)
    try:
        updated = onboarding.assign(hire_id, args.item, args.person)
    except NoChange as same:
        return said_nothing_changed(ctx, hire_id, args.item, same)
    from ..wording import owner_text

    title = _item_title(ctx, updated, args.item)
    view = next(v for v in onboarding.progress(updated).items if v.item_id == args.item)
    who = owner_text(view, updated, ctx.lang)
    if updated.state(args.item).assignee:
        print(f"{updated.name}: {say('assigned', ctx.lang, item=title, person=who)}")
    else:
        print(f"{updated.name}: {say('unassigned', ctx.lang, item=title, owner=who or '–')}")
    return EXIT_OK


def cmd_add_item(ctx: Context, args: argparse.Namespace) -> int:
    """Add a one-off item to one hire; prints the new item's id."""
    onboarding = ctx.onboarding
    updated, item_id = onboarding.add_item(onboarding.find_id(args.hire), args.title, args.phase, args.due,
                                           args.owner)
    print(item_id)
    phase = updated.own[item_id].phase
    print(f"{updated.name}: " + say("item.added", ctx.lang, id=item_id, title=args.title.strip(),
                                    phase=phase), file=sys.stderr)
    return EXIT_OK


def cmd_remove_item(ctx: Context, args: argparse.Namespace) -> int:
    onboarding = ctx.onboarding
    hire_id = onboarding.find_id(args.hire)
    record = onboarding.store.load(hire_id)
    title = _item_title(ctx, record, args.item)
    updated = onboarding.remove_item(hire_id, args.item)
    print(f"{updated.name}: {say('item.removed', ctx.lang, item=title)}")
    return EXIT_OK


def cmd_log(ctx: Context, args: argparse.Namespace) -> int:
    """The hire's log: who did what to which item, and when (optionally of one item)."""
    record = ctx.onboarding.find(args.hire)
    if record.path is not None and not record.log:
        record = ctx.onboarding.store.load(record.id)
    entries = [e for e in record.log if args.item is None or e.item == args.item]
    if args.item is not None and not entries:
        raise PeerError("err.no_item", hire=record.id, item=args.item, checklist=record.checklist)
    if args.json:
        print_json([{"at": e.at.isoformat(), "by": e.by, "action": e.action, "item": e.item, "text": e.text}
                    for e in entries])
        return EXIT_OK
    if not entries:
        print(say("log.empty", ctx.lang))
        return EXIT_OK
    heads = [say(k, ctx.lang) for k in ("col.when", "col.who", "col.action", "col.item", "col.text")]
    rows = [[e.at.astimezone().strftime("%Y-%m-%d %H:%M"), e.by, say_action(e.action, ctx.lang),
             _item_title(ctx, record, e.item) if e.item else "", " ".join((e.text or "").split())]
            for e in entries]
    print(table(heads, rows))
    return EXIT_OK


def say_action(action: str, lang: str) -> str:
    """A logged action in words ("check" → "done"); an unknown one (written by hand) as it is."""
    key = f"action.{action}"
    return say(key, lang) if key in MESSAGES else action


def cmd_agenda(ctx: Context, args: argparse.Namespace) -> int:
    if not 0 <= args.days <= MAX_AGENDA_DAYS:
        raise PeerError("err.days", most=MAX_AGENDA_DAYS)
    from ..progress import agenda

    hires, problems = ctx.onboarding.all_progress()
    day = ctx.onboarding.today()
    entries = agenda([h for h in hires if not h.finished], day, args.days)
    if getattr(args, "who", None) or getattr(args, "owner", None):
        entries = [e for e in entries if _wanted(e.view, e.progress.record, args)]
    if args.json:
        from ..index import collector_paused

        with collector_paused():  # thousands of items, none of them garbage
            write_json_list(map(_AgendaJson(ctx.lang, day).text, entries))
    elif not entries:
        print(say("agenda.empty", ctx.lang, days=args.days))
    else:
        from ..wording import owner_text

        heads = [say(k, ctx.lang) for k in ("col.due", "col.hire", "col.item", "col.title", "col.owner",
                                            "col.unit")]
        rows = [[
            f"{e.due}" + (f" ({say('overdue', ctx.lang)})" if e.view.is_overdue(day) else ""),
            f"{e.progress.record.name} ({e.progress.record.id})", e.view.item_id,
            e.view.title(ctx.lang), owner_text(e.view, e.progress.record, ctx.lang),
            e.progress.record.unit or "",
        ] for e in entries]
        print(table(heads, rows))
    return report(problems, ctx.lang)


def _wanted(view: object, record: HireRecord, args: argparse.Namespace) -> bool:
    """The agenda's ``--who PERSON`` (the person who does it) and ``--owner ROLE`` filters."""
    who, role = getattr(args, "who", None), getattr(args, "owner", None)
    if who and (view.person(record) or "").casefold() != who.strip().casefold():  # type: ignore[attr-defined]
        return False
    item = view.item  # type: ignore[attr-defined]
    return not role or (item is not None and (item.owner or "").casefold() == role.strip().casefold())


class _AgendaJson:
    """The agenda's entries as ``--json`` writes them: ``item_data`` with the hire's id and name, each
    entry's text filled into the text of its item and recorded state (encoded once: ten thousand hires
    share their checklist's items, and most share their states), so only what differs from entry to
    entry (its dates, whether it is overdue, its person, its hire) is encoded for each."""

    _PER_ENTRY = ("due", "checklist_due", "overdue", "assignee", "hire", "name")

    def __init__(self, lang: str, today: dt.date) -> None:
        self.lang, self.today = lang, today
        self._texts: dict[tuple[int, int], tuple[str, ...]] = {}
        self._days: dict[dt.date | None, str] = {None: "null"}
        self._hires: dict[int, tuple[str, str]] = {}

    def text(self, entry: AgendaEntry) -> str:
        view, progress = entry.view, entry.progress
        if view.item is None:  # never in an agenda (a retired item is never due); the slow way
            return json_text(self._data(entry), 1)
        # the entries keep their items, states and hires alive: no id is reused meanwhile
        text = self._texts.get((id(view.item), id(view.state))) or self._text_around(entry)
        hire, name = self._hires.get(id(progress)) or self._hire(progress)
        days = self._days
        due = days.get(view.due) or self._day(view.due)
        planned = days.get(view.planned) or self._day(view.planned)
        overdue = "true" if view.is_overdue(self.today) else "false"
        person = json_text(view.person(progress.record))
        return "".join((text[0], due, text[1], planned, text[2], overdue, text[3], person, text[4], hire,
                        text[5], name, text[6]))

    def _hire(self, progress: HireProgress) -> tuple[str, str]:
        record = progress.record
        texts = self._hires[id(progress)] = (json_text(record.id), json_text(record.name))
        return texts

    def _data(self, entry: AgendaEntry) -> dict[str, object]:
        from ..exports.common import item_data

        record = entry.progress.record
        return {**item_data(entry.view, self.lang, self.today, record=record), "hire": record.id,
                "name": record.name}

    def _text_around(self, entry: AgendaEntry) -> tuple[str, ...]:
        """The entry's text around the values that may differ between entries of its item and state
        (``_PER_ENTRY``, in that order; each marked by a NUL, which JSON text never holds raw)."""
        pad = "\n    "
        data = self._data(entry)
        assert tuple(key for key in data if key in self._PER_ENTRY) == self._PER_ENTRY
        fields = [json_text(key) + ": " + ("\0" if key in self._PER_ENTRY else json_text(value, 2))
                  for key, value in data.items()]
        text = self._texts[id(entry.view.item), id(entry.view.state)] = tuple(
            ("{" + pad + ("," + pad).join(fields) + "\n  }").split("\0"))
        return text

    def _day(self, day: dt.date) -> str:
        text = self._days[day] = f'"{day.isoformat()}"'
        return text
