"""What a record means against its checklist: each item's state, due date, and the totals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .checklist import Checklist, Item
from .record import HireRecord, ItemState


@dataclass(frozen=True, slots=True)
class ItemView:
    """One item of one hire, as a person sees it."""

    item_id: str
    phase: str | None  # None for a retired item
    item: Item | None  # None for a retired item
    state: ItemState
    due: dt.date | None

    @property
    def retired(self) -> bool:
        return self.item is None

    def is_overdue(self, today: dt.date) -> bool:
        return self.state.status == "open" and self.due is not None and self.due < today

    def title(self, lang: str) -> str:
        return self.item.title.in_lang(lang) if self.item else self.item_id


@dataclass(frozen=True)
class HireProgress:
    """A hire with every item resolved against the current checklist."""

    record: HireRecord
    checklist: Checklist | None
    items: tuple[ItemView, ...]  # current items, in checklist order
    retired: tuple[ItemView, ...]  # recorded items no longer in the checklist
    today: dt.date

    @classmethod
    def build(cls, record: HireRecord, checklist: Checklist | None, today: dt.date) -> HireProgress:
        current = []
        known: set[str] = set()
        if checklist is not None:
            for item in checklist.items:
                known.add(item.id)
                due = item.due.apply(record.start_date) if item.due else None
                current.append(ItemView(item.id, item.phase, item, record.state(item.id), due))
        retired = tuple(
            ItemView(item_id, None, None, state, None)
            for item_id, state in record.items.items()
            if item_id not in known
        )
        return cls(record, checklist, tuple(current), retired, today)

    def count(self, status: str) -> int:
        return sum(1 for view in self.items if view.state.status == status)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def overdue(self) -> list[ItemView]:
        return [view for view in self.items if view.is_overdue(self.today)]

    @property
    def next_due(self) -> ItemView | None:
        open_with_due = [v for v in self.items if v.state.status == "open" and v.due is not None]
        return min(open_with_due, key=lambda v: v.due, default=None)  # type: ignore[arg-type, return-value]

    def phase_items(self, phase_id: str) -> list[ItemView]:
        return [view for view in self.items if view.phase == phase_id]

    def summary(self) -> dict[str, int]:
        return {
            "total": self.total,
            "done": self.count("done"),
            "skipped": self.count("skipped"),
            "open": self.count("open"),
            "overdue": len(self.overdue),
        }


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
    entries = [
        AgendaEntry(progress, view)
        for progress in hires
        for view in progress.items
        if view.state.status == "open" and view.due is not None and view.due <= horizon
    ]
    entries.sort(key=lambda e: (e.due, e.progress.record.name.casefold(), e.view.item_id))
    return entries
