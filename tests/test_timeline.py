"""A hire's plan at a glance (issue #17): where each item's mark lands given the dates and a width, the
app's timeline (cursor, side panel, back to the list) and the HTML export's inline SVG."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from textual.widgets import Static

from peeronboard.dates import today
from peeronboard.exports.formats import ExportOptions, export_text
from peeronboard.library import ChecklistLibrary
from peeronboard.onboarding import Onboarding
from peeronboard.paths import builtin_checklists_dir
from peeronboard.store import HireStore
from peeronboard.timeline import Span, lanes, place, plan_of, span_for
from peeronboard.ui.app import make_app
from peeronboard.ui.screens.timeline import EDGE, Timeline
from peeronboard.ui.widgets.row_table import RowTable

from .conftest import DATA

START = dt.date(2027, 2, 1)
TODAY = dt.date(2027, 1, 20)  # conftest's today


@pytest.fixture
def onboarding(data_dir: Path) -> Onboarding:
    library = ChecklistLibrary.discover([builtin_checklists_dir(), DATA])
    return Onboarding(HireStore(data_dir), library, "Lise", today)


@pytest.fixture
def anna(onboarding: Onboarding) -> str:
    """Sample list from 2027-02-01: mentor due 01-18 (overdue), workstation 01-25, training 03-01 (done),
    appraisal 2028-02-01 (not applicable)."""
    record = onboarding.add("Anna Ærø Jensen", START, "sample", "Afsnit S4", "Mette")
    record = onboarding.check(record, "peer-training", on=TODAY)
    return onboarding.skip(record, "appraisal", "not this year").id


# --- the layout, without a screen ---------------------------------------------------------------

def test_the_span_is_whole_weeks_from_the_start_and_holds_today() -> None:
    span = span_for([dt.date(2027, 1, 18), dt.date(2027, 3, 1)], START, dt.date(2027, 1, 10))
    assert (span.first, span.last) == (dt.date(2027, 1, 4), dt.date(2027, 3, 1))  # 4 weeks either side
    assert span.column(span.first, 41) == 0 and span.column(span.last, 41) == 40
    assert span.column(START, 11) == 5 and span.column(dt.date(2027, 2, 15), 41) == 30


def test_each_mark_lands_in_the_column_of_its_due_date(onboarding: Onboarding, anna: str) -> None:
    progress = onboarding.progress(onboarding.store.load(anna))
    plan = plan_of(progress.items, START, TODAY)
    assert plan.span == Span(dt.date(2027, 1, 18), dt.date(2028, 2, 7), START)  # 2 weeks before, 53 after
    placed = {spot.mark.item_id: spot for spot in place(plan, 111, 2)}
    days = (plan.span.last - plan.span.first).days  # 385: a column is 3.5 days
    assert {item: spot.position for item, spot in placed.items()} == {
        "appoint-mentor": 0, "order-workstation": round(7 * 110 / days),
        "peer-training": round(42 * 110 / days), "appraisal": round(378 * 110 / days)}
    assert [m.kind for m in plan.marks] == ["overdue", "open", "done", "skipped"]
    assert placed["order-workstation"].lane == 0, "two columns apart: no need for a second lane"
    narrow = {spot.mark.item_id: spot.lane for spot in place(plan, 30, 2)}
    assert narrow["appoint-mentor"] == 0 and narrow["order-workstation"] == 1, "one would cover the other"


def test_lanes_keep_marks_apart() -> None:
    assert lanes([0, 0, 1, 2, 2, 5], 2) == [0, 1, 2, 0, 1, 0]


# --- the app -----------------------------------------------------------------------------------

async def opened(pilot) -> None:
    while not pilot.app.loaded:
        await pilot.pause(0.01)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


def panel(app) -> str:
    return str(app.screen.query_one("#guidance", Static).render())


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_t_shows_the_marks_where_their_dates_are_and_the_cursor_moves(
        onboarding: Onboarding, anna: str, size: tuple[int, int]) -> None:
    app = make_app(onboarding, "en", poll_seconds=0)
    async with app.run_test(size=size) as pilot:
        await opened(pilot)
        await pilot.press("down", "t")  # the list's cursor on the workstation: the timeline starts there
        await pilot.pause()
        timeline = app.screen.query_one(Timeline)
        assert timeline.display and not app.screen.query_one("#items", RowTable).display
        assert timeline.current == "order-workstation" and "Order a workstation" in panel(app)
        lines = timeline.plain_lines()
        width = timeline.line_width - 2 * EDGE
        assert max(len(line) for line in lines[:-3]) <= timeline.size.width, "nothing runs off the screen"
        spots = {spot.mark.item_id: spot for spot in place(timeline.plan, width, 2)}
        before = next(i for i, line in enumerate(lines) if "Before hiring" in line)
        mentor = spots["appoint-mentor"]
        assert lines[before + 1 + mentor.lane][EDGE + int(mentor.position)] == "!"  # overdue
        after = next(i for i, line in enumerate(lines) if "After hiring" in line)
        training, appraisal = spots["peer-training"], spots["appraisal"]
        assert lines[after + 1 + training.lane][EDGE + int(training.position)] == "✔"
        assert lines[after + 1 + appraisal.lane][EDGE + int(appraisal.position)] == "–"
        start = EDGE + timeline.plan.span.column(START, width)
        assert lines[1][start] == "│" and "start 2027-02-01" in "".join(lines)  # on the axis
        await pilot.press("right")
        await pilot.pause()
        assert timeline.current == "peer-training" and "Tilmelde peeruddannelse" in panel(app)
        await pilot.press("space")  # the hire screen's keys act on the item under the cursor
        await pilot.pause()
        assert onboarding.store.load(anna).state("peer-training").status == "open"
        await pilot.press("left", "left", "left")
        await pilot.pause()
        assert timeline.current == "appoint-mentor" and "Find a mentor." in panel(app)
        await pilot.press("t")
        await pilot.pause()
        table = app.screen.query_one("#items", RowTable)
        assert table.display and not timeline.display and table.has_focus
        assert table.selected_key == "appoint-mentor"


async def test_the_timeline_in_danish_and_in_privacy_mode_names_nobody(onboarding: Onboarding, anna: str) -> None:
    onboarding.note(onboarding.store.load(anna), "appoint-mentor", "Anna wants Mette")
    app = make_app(onboarding, "da", poll_seconds=0, private=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(pilot)
        await pilot.press("t")
        await pilot.pause()
        text = "\n".join(app.screen.query_one(Timeline).plain_lines())
        assert "Før ansættelse" in text and "i dag 2027-01-20" in text and "overskredet" in text
        assert "Anna" not in text and "Mette" not in text
        assert "Anna" not in str(app.screen.query_one("#hire-header", Static).render())


# --- the HTML export ---------------------------------------------------------------------------

def test_the_html_export_draws_the_timeline_as_svg_without_script(onboarding: Onboarding, anna: str) -> None:
    hires = onboarding.all_progress()[0]
    page = export_text("html", hires, ExportOptions(lang="en", today=TODAY))

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[str] = []

        def handle_starttag(self, tag: str, attrs: list) -> None:
            self.seen.append(tag)

    tags = Tags()
    tags.feed(page)
    assert "script" not in tags.seen and tags.seen.count("svg") == 1
    assert "content=\"default-src 'none'; style-src 'unsafe-inline'\"" in page
    assert "break-inside: avoid" in page[page.index("figure.timeline"):]
    svg = ET.fromstring(page[page.index("<svg"):page.index("</svg>") + 6])
    svg_text = "{http://www.w3.org/2000/svg}text"
    marks = [(title.text, title.tail, float(mark.get("x"))) for mark in svg.iter(svg_text)
             for title in mark.iter("{http://www.w3.org/2000/svg}title")]
    assert [(said, glyph) for said, glyph, _ in marks] == [
        ("Appoint a mentor · 2027-01-18 · overdue", "!"), ("Order a workstation · 2027-01-25 · open", "·"),
        ("Tilmelde peeruddannelse · 2027-03-01 · done", "✔"),
        ("Hold the annual appraisal · 2028-02-01 · not applicable", "–")]
    xs = [x for _, _, x in marks]
    assert xs == sorted(xs) and xs[0] < xs[1], "each mark further right the later it is due"
