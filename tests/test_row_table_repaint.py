"""A table sends the terminal only the lines that changed: a filter key that leaves the screen as it
was sends nothing, a cursor step two lines, the focus moving away one (at ten thousand hires each
line drawn again is time a leader waits)."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools

from textual._compositor import Compositor
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import Static

from peeronboard.ui.format import ColumnSpec
from peeronboard.ui.widgets.row_table import RowTable

from .test_tui import app_for, hire_rows, started

COLUMNS = [ColumnSpec("name", "Name", least=8), ColumnSpec("unit", "Unit", least=6, grows=True)]
ROWS = [(f"h{n:03d}", f"Person {n:03d}", f"Afsnit {n % 7}") for n in range(100)]


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield RowTable(lambda row: row[0], id="table")
        yield Static("elsewhere", id="other")

    def on_mount(self) -> None:
        self.table.show(COLUMNS, ROWS, lambda row: list(row[1:]), drawn_with="same")
        self.table.focus()

    @property
    def table(self) -> RowTable:
        return self.query_one(RowTable)


def lines_redrawn(actions: list[str]) -> list[list[int]]:
    """For each action, the table's lines (0 is the header) asked to be drawn again; "all" as -1."""
    redrawn: list[list[int]] = []

    async def run() -> None:
        app = TableApp()
        async with app.run_test(size=(60, 20)) as pilot:
            await pilot.pause()
            table = app.table
            asked: list[int] = []
            real = table.refresh

            def refresh(*regions: Region, **options: object) -> RowTable:
                asked.extend([region.y for region in regions] or [-1])
                return real(*regions, **options)

            table.refresh = refresh  # type: ignore[method-assign]
            for action in actions:
                asked.clear()
                if action == "same rows":
                    table.show(COLUMNS, ROWS, lambda row: list(row[1:]), keep=table.selected_key,
                               drawn_with="same")
                elif action == "one row fewer":  # a filter key that leaves out the fifth row
                    table.show(COLUMNS, [*ROWS[:4], *ROWS[5:]], lambda row: list(row[1:]), keep=table.selected_key,
                               drawn_with="same")
                elif action == "focus away":
                    app.set_focus(None)
                else:
                    await pilot.press(action)
                await pilot.pause()
                redrawn.append(sorted(set(asked)))
    asyncio.run(run())
    return redrawn


def test_the_same_rows_shown_again_redraw_no_line() -> None:
    assert lines_redrawn(["same rows"]) == [[]]


def test_a_cursor_step_redraws_the_two_lines_it_leaves_and_enters() -> None:
    assert lines_redrawn(["down", "down", "up"]) == [[1, 2], [2, 3], [2, 3]]


def test_the_focus_moving_away_redraws_only_the_cursor_line() -> None:
    assert lines_redrawn(["down", "focus away"]) == [[1, 2], [2]]


def test_a_row_left_out_redraws_the_lines_from_its_own_down() -> None:
    (redrawn,) = lines_redrawn(["one row fewer"])
    assert redrawn[0] == 5 and redrawn == list(range(5, redrawn[-1] + 1)) and redrawn[-1] >= 15


def test_escape_from_the_filter_draws_the_title_and_every_row_in_one_update(onboarding) -> None:
    """The filter's line going is a layout of its own, which reaches the screen before the table
    says its lines changed: unless the table tells the screen at once, the rows come a frame later
    (30 ms here), and Escape seems slow."""
    for n in range(80):  # the filter below keeps more than a screenful: the scrollbar stays
        surname = "Hansen" if n % 2 else "Jensen"
        onboarding.add(f"Person {n:02d} {surname}", dt.date(2027, 1, 1) + dt.timedelta(days=n), "sample")
    updates: list[list[Region]] = []
    real = Compositor.render_partial_update

    def render_partial_update(compositor: Compositor):  # noqa: ANN202 - as Textual's
        updates.append(list(compositor._dirty_regions))
        return real(compositor)

    async def run() -> None:
        app = app_for(onboarding)
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            await pilot.press("slash", *"hansen")
            await pilot.pause(0.2)
            assert len(hire_rows(app)) == 40
            Compositor.render_partial_update = render_partial_update  # type: ignore[method-assign]
            try:
                await pilot.press("escape")
                await pilot.pause(0.2)
            finally:
                Compositor.render_partial_update = real  # type: ignore[method-assign]
            assert len(hire_rows(app)) == 80
            table = app.screen.query_one(RowTable)
            first_row_line = table.region.y + 1
            lines = {y for region in updates[0] for y in range(region.y, region.bottom)}
            assert {table.region.y - 1, first_row_line + 15} <= lines  # the title's line and the rows
    asyncio.run(run())


def test_a_line_sends_each_run_of_one_colour_once() -> None:
    """A row's cells and their padding in the same colours are one segment: each segment costs the
    terminal its colour codes (the first frame of 38 hires was 28 KB, now half)."""
    lines = []

    async def run() -> None:
        app = TableApp()
        async with app.run_test(size=(60, 20)) as pilot:
            await pilot.pause()
            lines.extend(app.table.render_line(y) for y in range(4))

    asyncio.run(run())
    for line in lines:
        styles = [segment.style for segment in line]
        assert all(before != after for before, after in itertools.pairwise(styles)), styles
        assert len(styles) <= 4  # the header, the cursor's row and an even row each in one colour, the
        #                          rest of the line (past the table) in another


def test_each_row_of_the_first_screen_is_made_once_though_it_is_shown_twice() -> None:
    """A screen shows its rows when it is mounted and again when it is first shown: a row measured
    for its column widths is drawn from the cells made then, not made again (each is time before
    the first frame)."""
    made: list[str] = []

    def cells(row: tuple[str, str, str]) -> list[str]:
        made.append(row[0])
        return list(row[1:])

    async def run() -> None:
        app = TableApp()
        async with app.run_test(size=(60, 20)) as pilot:
            await pilot.pause()
            made.clear()
            app.table.show(COLUMNS, ROWS[:10], cells, drawn_with="second")
            app.table.show(COLUMNS, ROWS[:10], cells, drawn_with="second")
            await pilot.pause()
            assert "Person 009" in "".join(segment.text for segment in app.table.render_line(10))

    asyncio.run(run())
    assert sorted(made) == [row[0] for row in ROWS[:10]]
