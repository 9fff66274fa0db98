"""The totals a listing shows (done, not applicable, open, overdue, the next item due) are worked out
without building every item's view: they must say what the hire's items, one by one, say."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from peeronboard.library import ChecklistLibrary
from peeronboard.progress import HireProgress
from peeronboard.record import HireRecord, ItemState, OwnItem

DATA = Path(__file__).parent / "data"
CHECKLIST = ChecklistLibrary.discover([DATA]).get("sample")
assert CHECKLIST is not None
ITEM_IDS = [item.id for item in CHECKLIST.item_list]
days = st.dates(dt.date(2026, 1, 1), dt.date(2028, 12, 31))
states = st.builds(ItemState, status=st.sampled_from(["open", "done", "skipped"]),
                   due=st.none() | days)
recorded = st.dictionaries(st.sampled_from([*ITEM_IDS, "retired-one"]), states, max_size=len(ITEM_IDS))
own = st.dictionaries(st.sampled_from(["own-1", "own-2", "own-3"]),
                      st.builds(OwnItem, title=st.just("Own task"), phase=st.none()), max_size=3)


@settings(max_examples=300, deadline=None)
@given(start=days, today=days, items=recorded, own_items=own,
       own_states=st.dictionaries(st.sampled_from(["own-1", "own-2"]), states, max_size=2),
       finished=st.none() | days)
def test_the_totals_are_what_the_items_say(start: dt.date, today: dt.date, items: dict[str, ItemState],
                                           own_items: dict[str, OwnItem], own_states: dict[str, ItemState],
                                           finished: dt.date | None) -> None:
    record = HireRecord(id="anna", name="Anna", checklist="sample", start_date=start, finished=finished,
                        items={**items, **{k: v for k, v in own_states.items() if k in own_items}},
                        own=own_items)
    hire = HireProgress.build(record, CHECKLIST, today)
    views = hire.items
    statuses = Counter(view.state.status for view in views)
    assert hire.summary() == {"total": len(views), "done": statuses["done"], "skipped": statuses["skipped"],
                              "open": statuses["open"], "overdue": len(hire.overdue)}
    open_dues = [view.due for view in views if view.state.status == "open" and view.due is not None]
    upcoming = hire.next_due
    if not open_dues:
        assert upcoming is None
    else:
        assert upcoming is not None and upcoming.state.status == "open" and upcoming.due == min(open_dues)
        assert upcoming in views


@settings(max_examples=200, deadline=None)
@given(start=days, today=days, items=recorded, own_items=own, days_ahead=st.integers(0, 400))
def test_the_agenda_holds_each_open_item_due_by_its_horizon(start: dt.date, today: dt.date,
                                                            items: dict[str, ItemState],
                                                            own_items: dict[str, OwnItem],
                                                            days_ahead: int) -> None:
    from peeronboard.progress import agenda

    record = HireRecord(id="anna", name="Anna", checklist="sample", start_date=start, items=items,
                        own=own_items)
    hire = HireProgress.build(record, CHECKLIST, today)
    horizon = today + dt.timedelta(days=days_ahead)
    expected = sorted((view for view in hire.items if view.state.status == "open" and view.due is not None
                       and view.due <= horizon), key=lambda view: (view.due, view.item_id))
    assert [entry.view for entry in agenda([hire], today, days_ahead)] == expected


@settings(max_examples=200, deadline=None)
@given(start=days, today=days, before=recorded, after=recorded, own_items=own)
def test_views_carried_over_a_change_are_the_views_made_anew(
        start: dt.date, today: dt.date, before: dict[str, ItemState], after: dict[str, ItemState],
        own_items: dict[str, OwnItem]) -> None:
    """A tick on a hire of thousands of items keeps the other items' views; they must be exactly
    what a fresh look at the record gives."""
    from peeronboard.progress import carry_views

    old_record = HireRecord(id="anna", name="Anna", checklist="sample", start_date=start, items=before,
                            own=own_items)
    old = HireProgress.build(old_record, CHECKLIST, today)
    old.items  # noqa: B018 - made, as the screen that showed the hire made them
    new_record = old_record._replace(items=after)
    carried = HireProgress.build(new_record, CHECKLIST, today)
    carry_views(carried, old)
    assert carried.items == HireProgress.build(new_record, CHECKLIST, today).items
