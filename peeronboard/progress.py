"""What a record means against its checklist: each item's state, due date, and the totals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from .checklist import Checklist, Item
from .record import HireRecord, ItemState


@dataclass(frozen=True, slots=True)
class ItemView:
    """One item of one hire, as a person sees it."""

    item_id: str
    phase: str | None  # None for a retired item
    item: Item | None  # None for a retired item
    state: ItemState
    due: dt.date | None  # the item's own due date if it has one, else the checklist's
    planned: dt.date | None = None  # the checklist's due date

    @property
    def moved(self) -> bool:
        """Whether the item has its own due date, replacing the checklist's (never for a retired one)."""
        return not self.retired and self.state.due is not None and self.state.due != self.planned

    @property
    def retired(self) -> bool:
        return self.item is None

    def is_overdue(self, today: dt.date) -> bool:
        """An open item past its due date; a retired item cannot be changed, so it is never overdue."""
        return self.state.status == "open" and self.due is not None and self.due < today and not self.retired

    def title(self, lang: str) -> str:
        return self.item.title.in_lang(lang) if self.item else self.item_id


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
        return tuple(_view(item, state(item.id), due)
                     for item, due in zip(self.checklist.item_list, dues, strict=True))

    @cached_property
    def retired(self) -> tuple[ItemView, ...]:
        """Recorded items that are no longer in the checklist, with what was recorded."""
        return tuple(
            ItemView(item_id, None, None, state, state.due)
            for item_id, state in self.record.items.items()
            if self.checklist is None or self.checklist.item(item_id) is None
        )

    @cached_property
    def _totals(self) -> tuple[dict[str, int], int | None]:
        """Counts per status, overdue count, and the index of the open item due first."""
        counts = {"done": 0, "skipped": 0, "open": 0, "overdue": 0}
        first: int | None = None
        if self.checklist is None:
            return counts, first
        states = self.record.items
        dues = self.checklist.due_dates(self.record.start_date)
        first_due: dt.date | None = None
        for index, item in enumerate(self.checklist.item_list):
            recorded = states.get(item.id)
            status = recorded.status if recorded else "open"
            counts[status] += 1
            due = (recorded.due if recorded else None) or dues[index]
            if status == "open" and due is not None:
                if due < self.today:
                    counts["overdue"] += 1
                if first_due is None or due < first_due:
                    first, first_due = index, due
        return counts, first

    @property
    def start_order(self) -> tuple[dt.date, str]:
        """Sort key used wherever hires are listed: by start date, then name."""
        return self.record.start_date, self.record.name.casefold()

    def count(self, status: str) -> int:
        return self._totals[0][status]

    @property
    def total(self) -> int:
        return self.checklist.item_count if self.checklist else 0

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
        item = self.checklist.item_list[index]
        due = self.checklist.due_dates(self.record.start_date)[index]
        return _view(item, self.record.state(item.id), due)

    def phase_items(self, phase_id: str) -> list[ItemView]:
        return [view for view in self.items if view.phase == phase_id]

    def summary(self) -> dict[str, int]:
        counts = self._totals[0]
        return {"total": self.total, "done": counts["done"], "skipped": counts["skipped"],
                "open": counts["open"], "overdue": counts["overdue"]}


def _view(item: Item, state: ItemState, planned: dt.date | None) -> ItemView:
    return ItemView(item.id, item.phase, item, state, state.due or planned, planned)


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
