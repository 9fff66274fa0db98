"""What a record means against its checklist: each item's state, due date, and the totals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cached_property

from .checklist import Checklist, Item
from .record import OPEN, HireRecord, ItemState
from .text import LocalText
from .tuples import NamedTuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any


class ItemView(NamedTuple):
    """One item of one hire, as a person sees it. (A named tuple: no ``dataclasses`` import, which
    every listing and export would wait for.)"""

    item_id: str
    phase: str | None  # None for a retired item
    item: Item | None  # None for a retired item
    state: ItemState
    due: dt.date | None  # the item's own due date if it has one, else the checklist's
    planned: dt.date | None = None  # the checklist's due date
    closed: bool = False  # the hire is finished: nothing of it is overdue any more

    @property
    def moved(self) -> bool:
        """Whether the item has its own due date, replacing the checklist's (never for a retired one)."""
        return (not self.retired and self.planned is not None and self.state.due is not None
                and self.state.due != self.planned)

    @property
    def retired(self) -> bool:
        return self.item is None

    @property
    def own(self) -> bool:
        """One of the hire's own one-off items (not the checklist's)."""
        return self.item is not None and self.item.own

    def is_overdue(self, today: dt.date) -> bool:
        """An open item past its due date; a retired item cannot be changed, so it is never overdue."""
        return (self.state.status == "open" and self.due is not None and self.due < today
                and not self.retired and not self.closed)

    def title(self, lang: str) -> str:
        """The item's title; a retired one shows its last known title (in ``lang`` where known)."""
        if self.item:
            return self.item.title.in_lang(lang)
        other = self.state.title_en if lang == "da" else self.state.title_da
        return getattr(self.state, f"title_{lang}", None) or other or self.item_id

    def person(self, record: HireRecord) -> str | None:
        """Who does it: the person named for the item, else the one the record names for its owner
        role (the mentor, the HR contact, the recovery-centre contact)."""
        return self.state.assignee or record.person_for(self.item.owner if self.item else None)


class HireProgress:
    """A hire resolved against its current checklist. Totals are computed without building every
    item's view, so a dashboard of thousands of hires stays quick; views are built when asked for.
    Equal to another made of the same record, checklist and day."""

    def __init__(self, record: HireRecord, checklist: Checklist | None, today: dt.date) -> None:
        self.record, self.checklist, self.today = record, checklist, today

    def _key(self) -> tuple[HireRecord, Checklist | None, dt.date]:
        return self.record, self.checklist, self.today

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HireProgress) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"HireProgress(record={self.record!r}, checklist={self.checklist!r}, today={self.today!r})"

    @classmethod
    def build(cls, record: HireRecord, checklist: Checklist | None, today: dt.date) -> HireProgress:
        return cls(record, checklist, today)

    @cached_property
    def items(self) -> tuple[ItemView, ...]:
        """The checklist's items in order, each with this hire's state and due date."""
        if self.checklist is None:
            return ()
        dues = self.checklist.due_dates(self.record.start_date)
        state = self.record.state
        closed = self.finished
        views = [_view(item, state(item.id), due, closed)
                 for item, due in zip(self.checklist.item_list, dues, strict=True)]
        if not self.record.own:
            return tuple(views)
        views += [_view(item, state(item.id), None, closed) for item in self.own_items]
        order = {phase.id: index for index, phase in enumerate(self.checklist.phases)}
        return tuple(sorted(views, key=lambda view: order[view.phase]))  # own items end their phase

    @cached_property
    def own_items(self) -> tuple[Item, ...]:
        """The hire's one-off items as items of its checklist (in the first phase when theirs is gone)."""
        if self.checklist is None or not self.record.own:
            return ()
        phases = {phase.id for phase in self.checklist.phases}
        first = self.checklist.phases[0].id
        return tuple(Item(item_id, own.phase if own.phase in phases else first, LocalText.plain(own.title),
                          own.owner, own=True) for item_id, own in self.record.own.items())

    @cached_property
    def retired(self) -> tuple[ItemView, ...]:
        """Recorded items that are no longer in the checklist, with what was recorded."""
        return tuple(
            ItemView(item_id, None, None, state, state.due)
            for item_id, state in self.record.items.items()
            if item_id not in self.record.own
            and (self.checklist is None or self.checklist.item(item_id) is None)
        )

    @cached_property
    def _totals(self) -> tuple[dict[str, int], int | str | None]:
        """Counts per status, overdue count, and the index of the open item due first (or the id of
        one of the hire's own). Worked out from what every hire of the checklist starting that day
        shares (``_Plan``) and the hire's recorded items alone, so ten thousand hires stay quick."""
        counts = {"done": 0, "skipped": 0, "open": 0, "overdue": 0}
        if self.checklist is None:
            return counts, None
        plan = _plan(self.checklist, self.record.start_date, self.today)
        dues, today, items = plan.dues, self.today, self.record.items
        counts["open"], overdue = len(dues), plan.overdue
        candidates: list[tuple[dt.date, int]] = []  # open items of the checklist with a due date
        for item_id, state in items.items():
            index = plan.place.get(item_id)
            if index is None:  # one of the hire's own items, or a retired one
                continue
            overdue -= plan.late[index]
            if state.status != "open":
                counts["open"] -= 1
                counts[state.status] += 1
            elif (due := state.due or dues[index]) is not None:
                candidates.append((due, index))
                overdue += due < today
        ids = plan.ids
        candidates += next(([entry] for entry in plan.by_due if ids[entry[1]] not in items), [])
        first_due, first = min(candidates, default=(None, None))
        for item in self.own_items:
            state = self.record.state(item.id)
            counts[state.status] += 1
            if state.status == "open" and state.due is not None:
                overdue += state.due < today
                if first_due is None or state.due < first_due:
                    first, first_due = item.id, state.due
        counts["overdue"] = 0 if self.finished else overdue
        return counts, first

    @property
    def finished(self) -> bool:
        """The hire's onboarding has ended (it leaves the dashboard, the agenda and default listings)."""
        return self.record.finished is not None

    @property
    def start_order(self) -> tuple[dt.date, str]:
        """Sort key used wherever hires are listed: by start date, then name."""
        return self.record.start_date, self.record.name.casefold()

    def count(self, status: str) -> int:
        return self._totals[0][status]

    @property
    def total(self) -> int:
        return self.checklist.item_count + len(self.own_items) if self.checklist else 0

    @property
    def overdue(self) -> list[ItemView]:
        return [view for view in self.items if view.is_overdue(self.today)]

    @property
    def overdue_count(self) -> int:
        return self._totals[0]["overdue"]

    @property
    def next_due(self) -> ItemView | None:
        """The open item with the earliest due date."""
        index = self._totals[1]
        if index is None or self.checklist is None:
            return None
        if isinstance(index, str):
            own = next(item for item in self.own_items if item.id == index)
            return _view(own, self.record.state(index), None, self.finished)
        item = self.checklist.item_list[index]
        due = self.checklist.due_dates(self.record.start_date)[index]
        return _view(item, self.record.state(item.id), due, self.finished)

    def phase_items(self, phase_id: str) -> list[ItemView]:
        return [view for view in self.items if view.phase == phase_id]

    def summary(self) -> dict[str, int]:
        counts = self._totals[0]
        return {"total": self.total, "done": counts["done"], "skipped": counts["skipped"],
                "open": counts["open"], "overdue": counts["overdue"]}


class _Plan(NamedTuple):
    """What every hire of one checklist starting on one day shares, seen on one day: each item's due
    date and place, how many items are overdue while none is recorded, and the items with a due date
    in the order they fall due (by date, then place)."""

    dues: tuple[dt.date | None, ...]
    ids: tuple[str, ...]
    place: dict[str, int]
    late: tuple[bool, ...]  # due before the day seen
    overdue: int
    by_due: list[tuple[dt.date, int]]


_PLANS: dict[tuple[int, dt.date, dt.date], tuple[Checklist, _Plan]] = {}
_MOST_PLANS = 20_000  # (checklist, start, today) triples kept; a long-running app starts over


def _kept(cache: dict[Any, tuple[Checklist, Any]], most: int, checklist: Checklist, day: dt.date,
          other: dt.date, make: Callable[[], Any]) -> Any:
    """What ``make`` makes for a checklist, a start day and another day, made once: kept with the
    checklist itself, so its id is never another's meanwhile; ``cache`` starts over at ``most``."""
    key = (id(checklist), day, other)
    kept = cache.get(key)
    if kept is not None and kept[0] is checklist:
        return kept[1]
    if len(cache) >= most:
        cache.clear()
    made = make()
    cache[key] = (checklist, made)
    return made


def _plan(checklist: Checklist, start: dt.date, today: dt.date) -> _Plan:
    def make() -> _Plan:
        dues = checklist.due_dates(start)
        by_due = sorted((due, index) for index, due in enumerate(dues) if due is not None)
        ids = tuple(item.id for item in checklist.item_list)
        late = tuple(due is not None and due < today for due in dues)
        places = {item_id: index for index, item_id in enumerate(ids)}
        return _Plan(dues, ids, places, late, sum(late), by_due)

    return _kept(_PLANS, _MOST_PLANS, checklist, start, today, make)


def carry_views(new: HireProgress, old: HireProgress | None, most: int = 50) -> None:
    """Give ``new`` the item views ``old`` made, but for the items whose state differs (a tick, a
    note): the same hire, checklist, start, own items and day, so a change on a hire of thousands of
    items does not make a view of each again. Does nothing when more than ``most`` items differ."""
    if (old is None or "items" not in old.__dict__ or old.checklist is not new.checklist
            or old.today != new.today or old.finished != new.finished
            or old.record.start_date != new.record.start_date or old.record.own != new.record.own):
        return
    before, after = old.record.items, new.record.items
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    if len(changed) > most:
        return
    state = new.record.state
    new.__dict__["items"] = tuple(
        _view(view.item, state(view.item_id), view.planned, view.closed)  # type: ignore[arg-type]
        if view.item_id in changed else view for view in old.items)


def _view(item: Item, state: ItemState, planned: dt.date | None, closed: bool = False) -> ItemView:
    # as ``ItemView(...)`` makes it, without its Python-level ``__new__`` (a listing makes thousands)
    return _new_tuple(ItemView, (item.id, item.phase, item, state, state.due or planned, planned, closed))


_new_tuple = tuple.__new__


class AgendaEntry(NamedTuple):
    """One open item of one hire on the agenda."""

    progress: HireProgress
    view: ItemView

    @property
    def due(self) -> dt.date:
        assert self.view.due is not None
        return self.view.due


# The agenda's entries of one hire that fall due on one day, next to each other on the agenda (by item
# id): the day, the hire and the entries' views. A plain tuple: an agenda has a hundred thousand.
AgendaRun = tuple[dt.date, HireProgress, tuple[ItemView, ...]]
# A hire's agenda runs without the hire: by due date, each run by item id. Hires of one checklist and
# start day that recorded the same items share one list (``_AgendaPlan.without``; never to be changed),
# so what is made of a run can be made once for them all.
HireRuns = list[tuple[dt.date, tuple[ItemView, ...]]]
# Hires of the same name (casefolded), in their order, each with its runs: on the agenda their entries
# of a day interleave by item id (``group_runs``); a group is mostly one hire.
AgendaGroup = list[tuple[HireProgress, HireRuns]]


def agenda(hires: list[HireProgress], today: dt.date, days: int) -> list[AgendaEntry]:
    """Open items due within ``days`` days from today, and every overdue one, oldest first (then by
    the hire's name and the item's id)."""
    from .index import collector_paused

    with collector_paused():  # thousands of entries, none of them garbage
        return [AgendaEntry(progress, view) for _, progress, views in agenda_runs(hires, today, days)
                for view in views]


def agenda_runs(hires: list[HireProgress], today: dt.date, days: int) -> list[AgendaRun]:
    """The agenda (``agenda``) as runs of entries, so that what shows ten thousand hires' agenda can
    show each run at once."""
    return agenda_days(agenda_groups(hires, today, days))


def agenda_groups(hires: list[HireProgress], today: dt.date, days: int) -> list[AgendaGroup]:
    """The hires with entries on the agenda (``agenda``) in the order of their names, each with its
    runs, hires of the same name together (``AgendaGroup``). The items a hire has not recorded are
    seen through the views that every hire of its checklist starting that day shares
    (``_AgendaPlan``); only its recorded items are its own."""
    from .index import collector_paused

    horizon = today + dt.timedelta(days=days)
    names = [progress.record.name.casefold() for progress in hires]
    by_name = sorted(range(len(hires)), key=names.__getitem__)  # hires of the same name in their order
    groups: list[AgendaGroup] = []
    last_name = None
    with collector_paused():
        for number in by_name:
            progress = hires[number]
            runs = _hire_runs(progress, horizon)
            if not runs:
                continue
            if names[number] == last_name:
                groups[-1].append((progress, runs))
            else:
                groups.append([(progress, runs)])
                last_name = names[number]
    return groups


def agenda_days(groups: list[AgendaGroup]) -> list[AgendaRun]:
    """The groups' runs in the agenda's order: by day, each day's in the groups' order."""
    days_runs: dict[dt.date, list[AgendaRun]] = {}
    for group in groups:
        for run in group_runs(group):
            runs = days_runs.get(run[0])
            if runs is None:
                runs = days_runs[run[0]] = []
            runs.append(run)
    return [run for day in sorted(days_runs) for run in days_runs[day]]


def group_runs(group: AgendaGroup) -> list[AgendaRun]:
    """The group's runs by day: a hire's own runs, or for hires of the same name one run for each
    entry, interleaved by item id (the hires' order among equal ids)."""
    if len(group) == 1:
        progress, runs = group[0]
        return [(due, progress, views) for due, views in runs]
    singles = [(due, progress, (view,)) for progress, runs in group for due, views in runs for view in views]
    return sorted(singles, key=lambda single: (single[0], single[2][0].item_id))  # stable: the hires' order


def _hire_runs(progress: HireProgress, horizon: dt.date) -> HireRuns:
    """The hire's agenda runs by due date, each by item id: those of its checklist and start day
    (``_AgendaPlan``), but where it has recorded an item."""
    checklist, record = progress.checklist, progress.record
    if checklist is None:
        return []
    if record.own or progress.finished:  # views of its own: the general way
        return _grouped(_open_views(progress, horizon))
    plan = _agenda_plan(checklist, record.start_date, horizon)
    runs = plan.without(frozenset(record.items))
    recorded = _recorded_views(record, plan, horizon)
    if recorded:  # in its recorded state, maybe on another day
        return _grouped([view for _, views in runs for view in views] + recorded)
    return runs


def _recorded_views(record: HireRecord, plan: _AgendaPlan, horizon: dt.date) -> list[ItemView]:
    """Views of the record's open items of the plan's checklist (not retired ones: those are never
    due) that are due by ``horizon``."""
    views = []
    for item_id, state in record.items.items():
        if state.status == "open" and item_id in plan.items:
            item, planned = plan.items[item_id]
            due = state.due or planned
            if due is not None and due <= horizon:
                views.append(_view(item, state, planned))
    return views


def _grouped(views: list[ItemView]) -> HireRuns:
    """Views (each with a due date) as runs: by due date, each run by item id."""
    from operator import attrgetter

    by_id = sorted(views, key=attrgetter("item_id"))
    return _runs_of(sorted(by_id, key=attrgetter("due")))  # stable: by id within a day


def _runs_of(ordered: list[ItemView]) -> HireRuns:
    """Views in the order of their due dates (each has one) as runs: those due the same day."""
    from itertools import groupby
    from operator import attrgetter

    return [(day, tuple(run)) for day, run in groupby(ordered, key=attrgetter("due"))]


class _AgendaPlan(NamedTuple):
    """The agenda of every hire of one checklist starting on one day that has recorded nothing: its
    runs (by due date, each by item id), and each item of the checklist with its due date."""

    runs: HireRuns
    items: dict[str, tuple[Item, dt.date | None]]
    left: dict[frozenset[str], HireRuns]  # see ``without``

    def without(self, item_ids: frozenset[str]) -> HireRuns:
        """The runs without the views of ``item_ids`` (the same list each time asked: hires that
        started the same day have often recorded the same items)."""
        made = self.left.get(item_ids)
        if made is None:
            if len(self.left) >= _MOST_LEFT:
                self.left.clear()
            kept = [view for _, views in self.runs for view in views if view.item_id not in item_ids]
            made = self.left[item_ids] = _runs_of(kept)
        return made


_AGENDA_PLANS: dict[tuple[int, dt.date, dt.date], tuple[Checklist, _AgendaPlan]] = {}
_MOST_AGENDA_PLANS = 5_000  # (checklist, start, horizon) triples kept, each with its views; then anew
_MOST_LEFT = 1_000  # sets of recorded items kept for each


def _agenda_plan(checklist: Checklist, start: dt.date, horizon: dt.date) -> _AgendaPlan:
    def make() -> _AgendaPlan:
        dues = zip(checklist.item_list, checklist.due_dates(start), strict=True)
        items = {item.id: (item, due) for item, due in dues}
        runs = _grouped([_view(item, OPEN, due) for item, due in items.values()
                         if due is not None and due <= horizon])
        return _AgendaPlan(runs, items, {})

    return _kept(_AGENDA_PLANS, _MOST_AGENDA_PLANS, checklist, start, horizon, make)


def _open_views(progress: HireProgress, horizon: dt.date) -> list[ItemView]:
    """The hire's open items due by ``horizon``, in its items' order."""
    return [view for view in progress.items
            if view.state.status == "open" and view.due is not None and view.due <= horizon]
