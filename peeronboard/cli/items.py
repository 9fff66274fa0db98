"""One item of one hire: ``check``, ``uncheck``, ``skip``, ``note``, ``due``; and ``agenda`` across hires.

These run on every tick, so this module imports only what changing one item needs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator

from ..errors import NoChange, PeerError
from ..i18n import say
from ..wording import action_words, entry_text, is_named
from .context import Context
from .output import (
    ENCODED_BETWEEN,
    EXIT_OK,
    encoder,
    json_text,
    parse_date_option,
    print_json,
    report,
    table,
    write_encoded_json_list,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    import datetime as dt

    from ..progress import AgendaGroup, HireProgress, HireRuns, ItemView
    from ..record import HireRecord

    # an agenda entry's text around its values (``_AgendaJson._text_around``): the pieces up to the
    # hire's id, encoded, and the two after it
    _Around = tuple[tuple[bytes, ...], tuple[str, str]]
    # one day of the agenda's JSON: for each of its runs, the hire's part of the run's entries and
    # the items' parts (``_AgendaJson._parts``), which the hire's part joins into the run's text
    _Day = tuple[list[bytes], list[list[bytes]]]
    # where a hire's runs go: for each run, its day's lists and the items' parts of its entries
    _Slots = list[tuple[list[bytes], list[list[bytes]], list[bytes]]]

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
    rows = [[e.at.astimezone().strftime("%Y-%m-%d %H:%M"), e.by, action_words(e.action, ctx.lang),
             _item_title(ctx, record, e.item) if e.item else "",
             " ".join(entry_text(e.action, e.text, ctx.lang).split())] for e in entries]
    print(table(heads, rows))
    return EXIT_OK


def cmd_agenda(ctx: Context, args: argparse.Namespace) -> int:
    if not 0 <= args.days <= MAX_AGENDA_DAYS:
        raise PeerError("err.days", most=MAX_AGENDA_DAYS)
    from ..index import collector_paused

    with collector_paused(keep=True):  # thousands of items, none of them garbage
        return _agenda(ctx, args)


def _agenda(ctx: Context, args: argparse.Namespace) -> int:
    from ..progress import agenda_days, agenda_groups

    hires, problems = ctx.onboarding.all_progress()
    day = ctx.onboarding.today()
    groups = agenda_groups([h for h in hires if not h.finished], day, args.days)
    if getattr(args, "who", None) or getattr(args, "owner", None):
        groups = _wanted_groups(groups, args)
    if args.json:
        write_encoded_json_list(_AgendaJson(ctx.lang, day).texts(groups))
        return report(problems, ctx.lang)
    runs = agenda_days(groups)
    if not runs:
        print(say("agenda.empty", ctx.lang, days=args.days))
    else:
        from ..wording import owner_text

        heads = [say(k, ctx.lang) for k in ("col.due", "col.hire", "col.item", "col.title", "col.owner",
                                            "col.unit")]
        rows = [[
            f"{due}" + (f" ({say('overdue', ctx.lang)})" if view.is_overdue(day) else ""),
            f"{hire.record.name} ({hire.record.id})", view.item_id,
            view.title(ctx.lang), owner_text(view, hire.record, ctx.lang), hire.record.unit or "",
        ] for due, hire, views in runs for view in views]
        print(table(heads, rows))
    return report(problems, ctx.lang)


def _wanted_groups(groups: list[AgendaGroup], args: argparse.Namespace) -> list[AgendaGroup]:
    """The groups with only the entries that ``--who`` and ``--owner`` ask for (``_wanted``)."""
    kept = []
    for group in groups:
        wanted = [(progress, runs) for progress, every_run in group
                  if (runs := _wanted_runs(every_run, progress.record, args))]
        if wanted:
            kept.append(wanted)
    return kept


def _wanted_runs(runs: HireRuns, record: HireRecord, args: argparse.Namespace) -> HireRuns:
    """The runs with only the views ``_wanted``, and without the runs left empty."""
    kept = [(due, tuple(view for view in views if _wanted(view, record, args))) for due, views in runs]
    return [(due, views) for due, views in kept if views]


def _wanted(view: object, record: HireRecord, args: argparse.Namespace) -> bool:
    """The agenda's ``--who PERSON`` (the person who does it) and ``--owner ROLE`` filters."""
    who, role = getattr(args, "who", None), getattr(args, "owner", None)
    if who and not is_named(view.person(record), who):  # type: ignore[attr-defined]
        return False
    item = view.item  # type: ignore[attr-defined]
    return not role or (item is not None and (item.owner or "").casefold() == role.strip().casefold())


class _AgendaJson:
    """One agenda's entries as ``--json`` writes them: ``item_data`` with the hire's id and name,
    guarded and encoded (``output.encoder``). An entry's text is its item's part, up to the hire's id,
    and the hire's part. The items' parts are made once for each view and person, each from the text of
    its item and state, encoded once with holes for what differs between entries (``_text_around``);
    the hire's part once for each hire. Each day gathers, run by run, the hire's part and the items'
    parts, which one join makes the run's text when the day is written (``_Day``); where a hire's runs
    go is worked out once for the hires that share the same runs and people (``_slots``)."""

    _PER_ENTRY = ("due", "checklist_due", "overdue", "assignee", "hire", "name")

    def __init__(self, lang: str, today: dt.date) -> None:
        self.lang, self.today = lang, today
        self._around: dict[tuple[int, int], _Around] = {}  # by item and state
        self._items: dict[tuple[int, str | None], bytes] = {}  # by view and person
        self._days: dict[dt.date, _Day] = {}
        self._placed: dict[tuple[int, str | None, str | None, str | None], tuple[HireRuns, _Slots]] = {}
        self._values: dict[object, bytes] = {}  # a date, a person or None, as JSON
        self._encoded = encoder()

    def texts(self, groups: list[AgendaGroup]) -> Iterator[bytes]:
        """Each day's entries, encoded, each followed by ``ENCODED_BETWEEN`` (one piece a day)."""
        for group in groups:
            if len(group) == 1:
                self._add_hire(*group[0])
            else:
                self._add_group(group)
        days = self._days
        for day in sorted(days):
            hires, items = days.pop(day)
            yield b"".join(map(bytes.join, hires, items))

    def _add_hire(self, progress: HireProgress, runs: HireRuns) -> None:
        """The hire's runs, each on its day."""
        record = progress.record
        hire = self._hire(record, runs[0][1][0])
        for hires, items, parts in self._slots(runs, record):
            hires.append(hire)
            items.append(parts)

    def _add_group(self, group: AgendaGroup) -> None:
        """The runs of hires of the same name, each on its day (``group_runs``)."""
        from ..progress import group_runs

        hires = {id(progress): self._hire(progress.record, runs[0][1][0]) for progress, runs in group}
        for due, progress, views in group_runs(group):
            day_hires, day_items = self._day(due)
            day_hires.append(hires[id(progress)])
            day_items.append(self._parts(views, progress.record))

    def _slots(self, runs: HireRuns, record: HireRecord) -> _Slots:
        """Where the runs go for a hire of the record's people: each run's day and its items' parts."""
        key = (id(runs), record.mentor, record.hr_contact, record.centre_contact)
        placed = self._placed.get(key)
        if placed is None:  # kept with the runs: their id is no other's meanwhile
            slots = [(*self._day(due), self._parts(views, record)) for due, views in runs]
            placed = self._placed[key] = (runs, slots)
        return placed[1]

    def _day(self, day: dt.date) -> _Day:
        made = self._days.get(day)
        if made is None:
            made = self._days[day] = ([], [])
        return made

    def _parts(self, views: tuple[ItemView, ...], record: HireRecord) -> list[bytes]:
        """The items' parts of a run's entries, each made once for each view and person (``_item``),
        and an empty one: the hire's part joins them."""
        made, parts = self._items, []
        for view in views:
            person = view.person(record)
            part = made.get((id(view), person))
            if part is None:
                part = made[id(view), person] = self._item(view, person, record)
            parts.append(part)
        parts.append(b"")
        return parts

    def _item(self, view: ItemView, person: str | None, record: HireRecord) -> bytes:
        """The entry's text up to the hire's id."""
        text, value = self._text_around(view, record)[0], self._value
        overdue = b"true" if view.is_overdue(self.today) else b"false"
        return b"".join((text[0], value(view.due), text[1], value(view.planned), text[2], overdue, text[3],
                         value(person), text[4]))

    def _hire(self, record: HireRecord, view: ItemView) -> bytes:
        """The hire's part of its entries (from the hire's id on), and what follows an entry."""
        _, (before_name, end) = self._text_around(view, record)
        text = "".join((json_text(record.id), before_name, json_text(record.name), end))
        return self._encoded(text) + ENCODED_BETWEEN

    def _value(self, value: dt.date | str | None) -> bytes:
        """The value as JSON, encoded (kept: entries share few)."""
        made = self._values.get(value)
        if made is None:
            made = self._values[value] = self._encoded(json_text(value))
        return made

    def _text_around(self, view: ItemView, record: HireRecord) -> _Around:
        """The entry's text around the values that may differ between entries of its item and state
        (``_PER_ENTRY``, in that order; each marked by a NUL, which JSON text never holds raw): the
        pieces up to the hire's id, encoded, and the two after it."""
        made = self._around.get((id(view.item), id(view.state)))
        if made is not None:
            return made
        from ..exports.common import item_data

        pad = "\n    "
        data = {**item_data(view, self.lang, self.today, record=record), "hire": record.id,
                "name": record.name}
        assert tuple(key for key in data if key in self._PER_ENTRY) == self._PER_ENTRY
        fields = [json_text(key) + ": " + ("\0" if key in self._PER_ENTRY else json_text(value, 2))
                  for key, value in data.items()]
        pieces = ("{" + pad + ("," + pad).join(fields) + "\n  }").split("\0")
        made = self._around[id(view.item), id(view.state)] = (tuple(map(self._encoded, pieces[:5])),
                                                              (pieces[5], pieces[6]))
        return made
