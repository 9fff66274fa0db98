"""What a record means against its checklist: each item's state, due date, and the totals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from .checklist import Checklist, Item
from .record import HireRecord, ItemState
from .text import LocalText


@dataclass(frozen=True, slots=True)
class ItemView:
    """One item of one hire, as a person sees it."""

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


@dataclass(frozen=True)
class HireProgress:
    """A hire resolved against its current checklist. Totals are computed without building every
    item's view, so a dashboard of thousands of hires stays quick; views are built when asked for."""

    record: HireRecord
    checklist: Checklist | None
    today: dt.date

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
        if self.checklist is None:
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
        """Counts per status, overdue count, and the index of the open item due first."""
        counts = {"done": 0, "skipped": 0, "open": 0, "overdue": 0}
        first: int | str | None = None  # the index of a checklist item, or the id of an own one
        if self.checklist is None:
            return counts, first
        states = self.record.items
        finished = self.finished
        dues = self.checklist.due_dates(self.record.start_date)
        first_due: dt.date | None = None
        for index, item in enumerate(self.checklist.item_list):
            recorded = states.get(item.id)
            status = recorded.status if recorded else "open"
            counts[status] += 1
            due = (recorded.due if recorded else None) or dues[index]
            if status == "open" and due is not None:
                if due < self.today and not finished:
                    counts["overdue"] += 1
                if first_due is None or due < first_due:
                    first, first_due = index, due
        for item in self.own_items:
            recorded = states.get(item.id)
            status = recorded.status if recorded else "open"
            counts[status] += 1
            due = recorded.due if recorded else None
            if status == "open" and due is not None:
                if due < self.today and not finished:
                    counts["overdue"] += 1
                if first_due is None or due < first_due:
                    first, first_due = item.id, due
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


def _view(item: Item, state: ItemState, planned: dt.date | None, closed: bool = False) -> ItemView:
    return ItemView(item.id, item.phase, item, state, state.due or planned, planned, closed)


@dataclass(frozen=True)
class AgendaEntry:
    progress: HireProgress
    view: ItemView

    @property
    def due(self) -> dt.date:
        assert self.view.due is not None
        return self.view.due


def agenda(hires: list[HireProgress], today: dt.date, days: int) -> list[AgendaEntry]:
    """Open items due within ``days`` days from today, and every overdue one, oldest first."""
    horizon = today + dt.timedelta(days=days)
    entries = []
    for progress in hires:
        if progress.checklist is None or progress.count("open") == 0:
            continue
        dues = progress.checklist.due_dates(progress.record.start_date)
        own = [state.due for state in progress.record.items.values() if state.due]
        if not any(due is not None and due <= horizon for due in [*dues, *own]):
            continue
        entries += [AgendaEntry(progress, view) for view in progress.items
                    if view.state.status == "open" and view.due is not None and view.due <= horizon]
    entries.sort(key=lambda e: (e.due, e.progress.record.name.casefold(), e.view.item_id))
    return entries
