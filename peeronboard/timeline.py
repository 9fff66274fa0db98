"""One hire's plan on a time axis: where each item's due date, the start date and today fall across the
weeks shown, and which lane an item takes when it would cover another. Shared by the app's timeline and
the HTML export (which only differ in the unit of a position: a column, or a pixel); nothing is drawn here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .progress import ItemView
from .tuples import NamedTuple

WEEK = 7
MARKS = {"done": "✔", "open": "·", "overdue": "!", "skipped": "–", "moved": "*"}
TICK_STEPS = (1, 2, 4, 8, 13, 26, 52)  # weeks between labelled ticks, the smallest that fits is used


def kind_of(view: ItemView, today: dt.date) -> str:
    """Which mark an item gets: done, not applicable, overdue, moved (open with its own date), open."""
    status = view.state.status
    if status != "open":
        return status
    if view.is_overdue(today):
        return "overdue"
    return "moved" if view.moved and not view.own else "open"


@dataclass(frozen=True)
class Span:
    """The days shown, whole weeks counted from the start date."""

    first: dt.date
    last: dt.date
    start: dt.date

    def fraction(self, day: dt.date) -> float:
        """How far across the span ``day`` is, from 0 (the first day) to 1 (the last)."""
        days = max((self.last - self.first).days, 1)
        return min(max((day - self.first).days / days, 0.0), 1.0)

    def column(self, day: dt.date, width: int) -> int:
        """The column (0 to width - 1) that ``day`` falls in, on a line ``width`` cells wide."""
        return round(self.fraction(day) * (width - 1))

    def ticks(self, length: float, least_gap: float) -> list[tuple[dt.date, int]]:
        """Labelled ticks (the day, weeks from the start) every few weeks, at least ``least_gap``
        apart on an axis ``length`` long; the start itself is always one."""
        weeks = max((self.last - self.first).days / WEEK, 1)
        step = next((s for s in TICK_STEPS if length * s / weeks >= least_gap), TICK_STEPS[-1])
        before = (self.start - self.first).days // (WEEK * step)
        after = (self.last - self.start).days // (WEEK * step)
        return [(self.start + dt.timedelta(weeks=k * step), k * step) for k in range(-before, after + 1)]


def span_for(days: Iterable[dt.date], start: dt.date, today: dt.date) -> Span:
    """Whole weeks from the start date that hold every day given, the start and today."""
    shown = [start, today, *days]
    weeks_before = math.ceil((start - min(shown)).days / WEEK)
    weeks_after = max(math.ceil((max(shown) - start).days / WEEK), 1 if weeks_before == 0 else 0)
    return Span(start - dt.timedelta(weeks=weeks_before), start + dt.timedelta(weeks=weeks_after), start)


class Mark(NamedTuple):
    item_id: str
    phase: str
    due: dt.date
    kind: str  # a key of MARKS


@dataclass(frozen=True)
class Plan:
    """The hire's dated items in due order (ties in checklist order), and how many have no date."""

    span: Span
    marks: tuple[Mark, ...]
    phases: tuple[str, ...]  # the phases with dated items, in checklist order
    undated: int
    today: dt.date


def plan_of(views: Sequence[ItemView], start: dt.date, today: dt.date) -> Plan:
    """The plan of a hire's current items (retired ones have no place on it)."""
    current = [view for view in views if not view.retired]
    dated = [view for view in current if view.due is not None]
    marks = tuple(sorted((Mark(view.item_id, view.phase or "", view.due, kind_of(view, today))
                          for view in dated if view.due is not None), key=lambda mark: mark.due))
    phases = tuple(dict.fromkeys(view.phase or "" for view in dated))
    span = span_for((mark.due for mark in marks), start, today)
    return Plan(span, marks, phases, len(current) - len(dated), today)


def lanes(positions: Sequence[float], gap: float) -> list[int]:
    """For positions in ascending order, the lowest lane (0, 1, ...) in which each keeps ``gap`` from
    the one before it in the same lane, so no mark covers another."""
    ends: list[float] = []
    chosen = []
    for position in positions:
        lane = next((index for index, end in enumerate(ends) if position - end >= gap), len(ends))
        if lane == len(ends):
            ends.append(position)
        ends[lane] = position
        chosen.append(lane)
    return chosen


class Placed(NamedTuple):
    mark: Mark
    position: float  # a column, or a pixel
    lane: int  # within the mark's phase


def place(plan: Plan, length: float, gap: float, *, cells: bool = True) -> list[Placed]:
    """Each mark of the plan at its position on an axis ``length`` long (whole columns of a line
    ``length`` cells wide when ``cells``), with its lane within its phase; in the plan's order."""
    def position(day: dt.date) -> float:
        return plan.span.column(day, int(length)) if cells else plan.span.fraction(day) * length

    placed: dict[int, Placed] = {}
    for phase in plan.phases:
        indexes = [index for index, mark in enumerate(plan.marks) if mark.phase == phase]
        spots = [position(plan.marks[index].due) for index in indexes]
        for index, spot, lane in zip(indexes, spots, lanes(spots, gap), strict=True):
            placed[index] = Placed(plan.marks[index], spot, lane)
    return [placed[index] for index in range(len(plan.marks))]
