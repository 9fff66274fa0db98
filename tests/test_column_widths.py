"""At 80 and 120 columns, in Danish and English, every table's headers are whole and its rows fit the screen:
what a leader notices is a header cut to "Overskr…", a date cut to "202", or a row that scrolls sideways."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.widgets import DataTable

from peeronboard.ui.app import make_app
from peeronboard.ui.widgets.row_table import PAD, RowTable

from .test_snapshots import LANGS, OPEN_ANNA, onboarding_on

WIDTHS = [80, 120]
HEIGHT = 24


@asynccontextmanager
async def table_after(tmp_path: Path, lang: str, width: int, keys: tuple[str, ...],
                      selector: str) -> AsyncIterator[RowTable | DataTable]:
    """The table a leader sees after pressing ``keys`` on the dashboard with the sample hires."""
    app = make_app(onboarding_on(tmp_path, True), lang, poll_seconds=0)
    async with app.run_test(size=(width, HEIGHT)) as pilot:
        while not app.loaded:
            await pilot.pause(0.01)
        await pilot.press(*keys)
        await pilot.pause()
        yield app.screen.query_one(selector)


def cut_headers(table: RowTable) -> list[str]:
    """The headers that do not fit their column."""
    return [column.label for column in table.columns if len(column.label) > column.width]


def row_width(table: RowTable) -> int:
    return sum(column.width + 2 * PAD for column in table.columns)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("screen", "keys", "selector"), [
    ("dashboard", (), "#hires"),
    ("hire", OPEN_ANNA, "#items"),
])
async def test_row_table_headers_are_whole_and_rows_fit(tmp_path: Path, lang: str, width: int, screen: str,
                                                         keys: tuple[str, ...], selector: str) -> None:
    async with table_after(tmp_path, lang, width, keys, selector) as table:
        assert isinstance(table, RowTable)
        assert table.columns, f"the {screen} shows no columns"
        assert cut_headers(table) == [], f"the {screen} cuts these headers at {width} columns"
        room = table.scrollable_content_region.width
        assert row_width(table) <= room, f"a {screen} row is {row_width(table)} cells wide on {room} cells"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
async def test_the_dashboard_keeps_the_next_due_column(tmp_path: Path, lang: str, width: int) -> None:
    """What is due next is the dashboard's reason to be: it stays at 80 columns too."""
    async with table_after(tmp_path, lang, width, (), "#hires") as table:
        assert isinstance(table, RowTable)
        assert "col.next" in [column.key for column in table.columns]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
async def test_agenda_shows_dates_and_names_whole_and_fits(tmp_path: Path, lang: str, width: int) -> None:
    """On arrival the due dates and the hires' names are whole (not "202", "Lars"), every header is
    whole, and the rows fit the screen (nothing hides to the right)."""
    async with table_after(tmp_path, lang, width, ("a",), "#agenda") as table:
        assert isinstance(table, DataTable)
        columns = list(table.columns.values())
        assert [str(c.label) for c in columns if c.label.cell_len > c.width] == []
        rows = [table.get_row_at(index) for index in range(table.row_count)]
        assert rows, "the agenda of the sample hires is not empty"
        for index in (0, 1):  # the due date (with "overdue") and the hire's name
            widest = max(len(str(row[index])) for row in rows)
            assert columns[index].width >= widest, f"{columns[index].label} is cut"
        row = sum(column.get_render_width(table) for column in columns)
        assert row <= table.size.width, f"an agenda row is {row} cells wide on a {table.size.width}-cell screen"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
async def test_agenda_marks_a_cut_text(tmp_path: Path, lang: str, width: int) -> None:
    """A title or unit too long for its column ends in "…"; cut silently ("Ambulatorium Hjørrin") it
    reads as a typo."""
    async with table_after(tmp_path, lang, width, ("a",), "#agenda") as table:
        assert isinstance(table, DataTable)
        columns = list(table.columns.values())
        silently_cut = {str(cell) for index in range(table.row_count)
                        for cell, column in zip(table.get_row_at(index), columns, strict=True)
                        if len(str(cell)) > column.width and not str(cell).endswith("…")}
        assert silently_cut == set()
