"""Dates: strict ISO parsing and due offsets such as ``-14d`` or ``+3m`` from a start date."""

from __future__ import annotations

import datetime as dt
import os
import re

from .errors import Invalid
from .tuples import NamedTuple

TODAY_ENV = "PEERONBOARD_TODAY"
_OFFSET = re.compile(r"^([+-]?)(\d{1,5})([dwmy])$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LIMITS = {"d": 36525, "w": 5218, "m": 1200, "y": 100}
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
EARLIEST_START = dt.date(1900, 1, 1)
LATEST_START = dt.date(2999, 12, 31)


def today() -> dt.date:
    """Today's date; ``PEERONBOARD_TODAY=YYYY-MM-DD`` pins it (for tests, demos and training)."""
    pinned = os.environ.get(TODAY_ENV)
    if pinned:
        return parse_date(pinned)
    return dt.date.today()


def now() -> dt.datetime:
    """This moment in local time, with its UTC offset, to the second (as the log records it)."""
    return dt.datetime.now(dt.UTC).astimezone().replace(microsecond=0)


def parse_date(text: str) -> dt.date:
    """``YYYY-MM-DD`` and nothing else; 2027-02-30 is a ValueError."""
    text = text.strip()
    if not _ISO_DATE.match(text):
        raise Invalid("why.date_form", text=text)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Invalid("why.date_real", text=text) from None


def check_start(day: dt.date) -> dt.date:
    """A hire's start date must lie between 1900 and 2999 (a typo guard that keeps due dates computable)."""
    if not EARLIEST_START <= day <= LATEST_START:
        raise Invalid("why.date_years", day=day.isoformat())
    return day


RESET_WORDS = ("", "reset", "nulstil")


def move_date(text: str, current: dt.date) -> dt.date | None:
    """An item's new due date from what a person typed: a date (``2027-03-01``), a move from its
    current due date (``+2w``, ``-3d``, ``1m``), or ``reset``/``nulstil``/nothing for None (the
    checklist's date again)."""
    text = text.strip()
    if text.casefold() in RESET_WORDS:
        return None
    if _ISO_DATE.match(text):
        day = parse_date(text)
    else:
        try:
            day = Offset.parse(text).apply(current)
        except ValueError:
            raise Invalid("why.move", text=text) from None
        except OverflowError:
            raise Invalid("why.move_range", text=text) from None
    if not EARLIEST_START <= day <= LATEST_START:
        raise Invalid("why.date_years", day=day.isoformat())
    return day


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar months; the day is clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    year, month = divmod(day.year * 12 + (day.month - 1) + months, 12)
    month += 1
    if not 1 <= year <= 9999:
        raise OverflowError("date out of range")
    last = 29 if month == 2 and _is_leap(year) else _MONTH_DAYS[month]
    return dt.date(year, month, min(day.day, last))


def shifted(start: dt.date, step: dt.timedelta | int) -> dt.date:
    """``start`` moved by an ``Offset.step``: days, or calendar months."""
    return start + step if type(step) is dt.timedelta else add_months(start, step)  # type: ignore[operator]


def shifted_each(start: dt.date, steps: list[dt.timedelta | int]) -> list[dt.date]:
    """``shifted(start, step)`` for each of ``steps``, in order: a checklist's due dates for one start.
    (A loop of its own: listing thousands of hires computes these for every start date there is.)"""
    months_at, day = start.year * 12 + start.month - 1, start.day
    dates: list[dt.date] = []
    for step in steps:
        if type(step) is dt.timedelta:
            dates.append(start + step)
            continue
        year, month = divmod(months_at + step, 12)  # type: ignore[operator]
        # a day up to the 28th is in every month: nothing to clamp (add_months does the rest)
        dates.append(dt.date(year, month + 1, day) if day <= 28 and 1 <= year <= 9999
                     else add_months(start, step))  # type: ignore[arg-type]
    return dates


def _is_leap(year: int) -> bool:
    """As ``calendar.isleap`` (not imported for this alone: a quicker start)."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


class Offset(NamedTuple):
    """A distance from a hire's start date: negative is before the start. (A named tuple: much cheaper
    to define than a frozen dataclass, which a one-tick command notices.)"""

    amount: int
    unit: str  # d, w, m or y

    @classmethod
    def parse(cls, text: str) -> Offset:
        match = _OFFSET.match(text.strip())
        if not match:
            raise Invalid("why.offset", text=text)
        sign, number, unit = match.groups()
        amount = int(number)
        if amount > _LIMITS[unit]:
            raise Invalid("why.offset_far", text=text)
        return cls(-amount if sign == "-" else amount, unit)

    def apply(self, start: dt.date) -> dt.date:
        return shifted(start, self.step)

    @property
    def step(self) -> dt.timedelta | int:
        """The distance as days (a timedelta) or as calendar months (an int), for ``shifted``."""
        if self.unit in "dw":
            return dt.timedelta(days=self.amount * (7 if self.unit == "w" else 1))
        return self.amount * (12 if self.unit == "y" else 1)

    def __str__(self) -> str:
        sign = "-" if self.amount < 0 else "+"
        return f"{sign}{abs(self.amount)}{self.unit}"
