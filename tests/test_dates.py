import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peeronboard.dates import Offset, add_months, parse_date, shifted, shifted_each

D = dt.date


@pytest.mark.parametrize(
    ("start", "offset", "due"),
    [
        (D(2027, 3, 1), "-14d", D(2027, 2, 15)),
        (D(2027, 3, 1), "+2w", D(2027, 3, 15)),
        (D(2027, 3, 1), "3m", D(2027, 6, 1)),
        (D(2027, 1, 31), "+1m", D(2027, 2, 28)),  # month end clamps
        (D(2028, 1, 31), "+1m", D(2028, 2, 29)),  # leap year
        (D(2027, 3, 31), "-1m", D(2027, 2, 28)),  # negative months clamp too
        (D(2028, 2, 29), "+1y", D(2029, 2, 28)),  # leap day a year on
        (D(2028, 2, 29), "-4y", D(2024, 2, 29)),
        (D(2027, 1, 15), "-2m", D(2026, 11, 15)),  # across a year boundary
        (D(2027, 3, 1), "0d", D(2027, 3, 1)),
    ],
)
def test_due_offsets_follow_the_calendar(start: dt.date, offset: str, due: dt.date) -> None:
    assert Offset.parse(offset).apply(start) == due


@pytest.mark.parametrize("text", ["14", "-14", "d", "+-2d", "2x", "1.5m", "-14 d", "", "2D", "99999y"])
def test_malformed_offsets_are_refused_with_the_expected_form(text: str) -> None:
    with pytest.raises(ValueError, match=r"offset|too far"):
        Offset.parse(text)


def test_offset_prints_as_written() -> None:
    assert str(Offset.parse("-14d")) == "-14d"
    assert str(Offset.parse("3m")) == "+3m"


@pytest.mark.parametrize("text", ["2027-02-30", "2027-13-01", "27-02-01", "2027-2-1", "01-02-2027", "today"])
def test_invalid_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_valid_date_parses() -> None:
    assert parse_date("2028-02-29") == D(2028, 2, 29)


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2999, 12, 31)), st.integers(-1200, 1200))
def test_months_land_in_the_right_month_and_never_past_its_end(start: dt.date, months: int) -> None:
    due = add_months(start, months)
    assert (due.year * 12 + due.month) - (start.year * 12 + start.month) == months
    assert due.day == start.day or due.day < start.day and (due + dt.timedelta(days=1)).day == 1


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)),
       st.integers(-400, 400), st.sampled_from("dwmy"))
def test_shifting_by_a_step_is_applying_the_offset(start: dt.date, amount: int, unit: str) -> None:
    """A checklist works out due dates by each offset's step (``shifted``): the same dates as the
    offset itself, month ends and leap days included."""
    offset = Offset(amount, unit)
    if unit in "dw":
        expected = start + dt.timedelta(days=amount * (7 if unit == "w" else 1))
    else:
        months = start.year * 12 + start.month - 1 + amount * (12 if unit == "y" else 1)
        year, month = divmod(months, 12)
        last = (dt.date(year + (month == 11), (month + 1) % 12 + 1, 1) - dt.timedelta(days=1)).day
        expected = dt.date(year, month + 1, min(start.day, last))
    assert shifted(start, offset.step) == offset.apply(start) == expected


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
       st.lists(st.one_of(st.integers(-24, 24), st.integers(-400, 400).map(lambda days: dt.timedelta(days=days))),
                max_size=12))
def test_a_checklists_due_dates_for_one_start_are_each_steps_date(start: dt.date, steps: list) -> None:
    """``shifted_each`` is ``shifted`` for every step (a month from the 31st is the month's last day),
    or raises as ``shifted`` does past the calendar's ends."""
    try:
        expected = [shifted(start, step) for step in steps]
    except (OverflowError, ValueError) as error:
        with pytest.raises(type(error)):
            shifted_each(start, steps)
        return
    assert shifted_each(start, steps) == expected
