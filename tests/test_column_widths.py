"""At 80 and 120 columns, in Danish and English, every table is sized to what it holds: a column is as
wide as its header or its widest cell (no wider), the title takes what is left, a cut text ends in "…",
and no row is wider than the screen. What a leader notices otherwise is a header cut to "Overskr…", a
date cut to "202", a unit cut silently to "Ambulat", a title cut to "Set up a …" beside a column of
blanks, or a row that scrolls sideways."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.widgets import DataTable

from peeronboard.onboarding import Onboarding
from peeronboard.ui.app import make_app
from peeronboard.ui.widgets.row_table import PAD, RowTable

from .test_snapshots import LANGS, OPEN_ANNA, OPEN_CARLA, onboarding_on, retire_carlas_items

SIZES = [(80, 24), (120, 40)]
WIDTHS = [80, 120]
HEIGHT = 24
SCROLLBAR = 2  # a DataTable keeps this room free, so a scrollbar never makes its rows scroll sideways

LONG_NAME = "Kirsten Retired Overgaard-Christiansen"  # 38 characters
LONG_UNIT = "Distriktspsykiatrisk Center Hjørring-Frederikshavn"
OWN_TITLE = "Introduktion af peermedarbejderen til teamets tavlemøde og til brugerrådet i distriktet"
RETIRED = {"da": "Bestille arbejdsstation, telefon, nøglekort og adgang til journalsystemet",
           "en": "Order a workstation, a phone, a key card and access to the records system"}
NOTE = "Udvalget: lederen og tillidsrepræsentanten aftaler introduktionen på personalemødet i februar"
OPEN_KIRSTEN = ("enter",)  # she starts first, so the dashboard lists her first


def add_kirsten(onboarding: Onboarding) -> None:
    """A hire with a long name and unit on the default checklist, a long one-off item, a retired item
    with a long title, and a note and a reason in her log."""
    kirsten = onboarding.add(LONG_NAME, dt.date(2026, 11, 2), None, LONG_UNIT, "Mette")
    onboarding.add_item(kirsten, OWN_TITLE, when="2027-01-25")
    item = onboarding.progress(onboarding.store.load(kirsten.id)).items[0].item_id
    onboarding.note(kirsten, item, NOTE)
    onboarding.skip(kirsten, item, NOTE)
    path = onboarding.store.path_for(kirsten.id)
    retired = (f'\n[items.old-workstation]\nstatus = "done"\ndate = 2026-11-20\nby = "Lise Holm"\n'
               f'title_da = "{RETIRED["da"]}"\ntitle_en = "{RETIRED["en"]}"\n')
    text = path.read_text(encoding="utf-8")
    at = text.index("[[log]]")
    path.write_text(text[:at] + retired.lstrip("\n") + "\n" + text[at:], encoding="utf-8")


@asynccontextmanager
async def table_after(tmp_path: Path, lang: str, size: tuple[int, int], keys: tuple[str, ...],
                      selector: str, long_texts: bool = False) -> AsyncIterator[RowTable | DataTable]:
    """The table a leader sees after pressing ``keys`` on the dashboard with the sample hires (and
    with Kirsten's long texts)."""
    onboarding = onboarding_on(tmp_path, True)
    if long_texts:
        add_kirsten(onboarding)
    app = make_app(onboarding, lang, poll_seconds=0)
    async with app.run_test(size=size) as pilot:
        while not app.loaded:
            await pilot.pause(0.01)
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.pause()
        yield app.screen.query_one(selector)


def cut_headers(table: RowTable) -> list[str]:
    """The headers that do not fit their column."""
    return [column.label for column in table.columns if len(column.label) > column.width]


def row_width(table: RowTable) -> int:
    return sum(column.width + 2 * PAD for column in table.columns)


# --- the whole picture of a table ------------------------------------------------------------------

@dataclass
class Shown:
    """A table as the leader sees it: headers and widths, the rows' cells as the screen hands them to
    the table, the room the table has, and how it cuts a cell too wide for its column."""

    keys: list[str]
    labels: list[str]
    widths: list[int]
    rows: list[list[str]]
    room: int  # the cells a row may take without scrolling sideways
    fill: int  # the cells a row should take before any column is cut
    marks_cuts: bool  # the table itself ends a cut cell in "…" (a DataTable cuts silently)

    @property
    def row_width(self) -> int:
        return sum(width + 2 * PAD for width in self.widths)

    def cell_widths(self, row: list[str]) -> list[int]:
        """The width of each of a row's cells: a row of fewer cells has its last cell span the rest."""
        if len(row) == len(self.widths):
            return self.widths
        before = self.widths[: len(row) - 1]
        return [*before, self.row_width - sum(width + 2 * PAD for width in before) - 2 * PAD]

    def shown(self, cell: str, width: int) -> str:
        if len(cell) <= width:
            return cell
        return cell[: width - 1] + "…" if self.marks_cuts else cell[:width]


def shown_table(table: RowTable | DataTable) -> Shown:
    if isinstance(table, RowTable):
        columns = table.columns
        room = table.scrollable_content_region.width
        return Shown([c.key for c in columns], [c.label for c in columns], [c.width for c in columns],
                     table.cell_texts(), room, room, True)
    data_columns = list(table.columns.values())
    rows = [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]
    widths = [c.get_render_width(table) - 2 * table.cell_padding for c in data_columns]
    return Shown([str(c.key.value) for c in data_columns], [str(c.label) for c in data_columns], widths,
                 rows, table.scrollable_content_region.width, table.size.width - SCROLLBAR, False)


def layout_defects(table: Shown, title: str) -> list[str]:
    """What the leader would notice: a cut header, a row wider than the screen, a text cut without
    "…", a heading cut on a row with room for it, a cut column beside one with spare cells or a row
    with room to spare, and a title cut narrower than another cut column."""
    found = [f"the header {label!r} is cut to {width}"
             for label, width in zip(table.labels, table.widths, strict=True) if len(label) > width]
    if table.row_width > table.room:
        found.append(f"a row is {table.row_width} cells wide on {table.room} cells: it scrolls sideways")
    whole_row = table.row_width - 2 * PAD
    columns = [row for row in table.rows if len(row) == len(table.widths)]
    for row in table.rows:  # a row of one text (a heading, a problem) may take the whole row
        filled = [(index, cell) for index, cell in enumerate(row) if cell]
        if len(filled) == 1:
            index, heading = filled[0]
            width = table.cell_widths(row)[index]
            if len(heading) > width and len(heading) <= whole_row:
                found.append(f"the heading {heading!r} is cut to {width} though its row has room for it")
    for row in columns:
        for cell, width in zip(row, table.widths, strict=True):
            if len(cell) > width and not table.shown(cell, width).endswith("…"):
                found.append(f"{cell!r} is cut to {table.shown(cell, width)!r} without a “…”")
    cut, spare = [], []
    for index, (label, width) in enumerate(zip(table.labels, table.widths, strict=True)):
        cells = [row[index] for row in columns]
        if any(len(cell) > width or "…" in cell for cell in cells):
            cut.append(index)
        elif width > (need := max([len(label), *map(len, cells)])):
            spare.append(f"{label or table.keys[index]!r} ({width} wide for {need})")
    left = table.fill - table.row_width
    if cut and left > 0:
        spare.append(f"{left} blank cells at the end of each row")
    if cut and spare:
        found.append(f"{[table.labels[i] for i in cut]} are cut while there is room: {', '.join(spare)}")
    if title in table.keys and table.keys.index(title) in cut:
        title_width = table.widths[table.keys.index(title)]
        wider = [table.labels[i] for i in cut if table.widths[i] > title_width]
        if wider:
            found.append(f"the title is cut to {title_width} cells while {wider} are cut wider")
    return found


SCREENS = [  # (screen, keys from the dashboard, the table, its title column)
    ("dashboard", (), "#hires", "col.next"),
    ("hire", OPEN_KIRSTEN, "#items", "title"),
    ("agenda", ("a",), "#agenda", "col.title"),
    ("history", (*OPEN_KIRSTEN, "l"), "#history", "note"),
]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("screen", "keys", "selector", "title"), SCREENS, ids=[s[0] for s in SCREENS])
async def test_every_column_fits_its_content_and_the_title_takes_what_is_left(
        tmp_path: Path, lang: str, size: tuple[int, int], screen: str, keys: tuple[str, ...],
        selector: str, title: str) -> None:
    """With a 38-character name, a long unit, long titles, a retired item and notes in the log: no
    column is cut while another has cells to spare, nothing is cut without "…", nothing scrolls."""
    async with table_after(tmp_path, lang, size, keys, selector, long_texts=True) as table:
        shown = shown_table(table)
        assert shown.rows, f"the {screen} shows no rows"
        assert layout_defects(shown, title) == []


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("lang", LANGS)
async def test_the_hire_screen_shows_the_retired_heading_whole(tmp_path: Path, lang: str,
                                                                size: tuple[int, int]) -> None:
    """A heading spans the row: "Retired items (no longer in the checklist)", not "Retired items (no
    long…" beside empty cells."""
    async with table_after(tmp_path, lang, size, OPEN_KIRSTEN, "#items", long_texts=True) as table:
        assert isinstance(table, RowTable)
        heading = {"da": "Udgåede punkter (ikke længere i tjeklisten)",
                   "en": "Retired items (no longer in the checklist)"}[lang]
        shown = shown_table(table)
        row = next(row for row in shown.rows if heading in row)
        assert shown.cell_widths(row)[row.index(heading)] >= len(heading)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("screen", "keys", "selector"), [
    ("dashboard", (), "#hires"),
    ("hire", OPEN_ANNA, "#items"),
])
async def test_row_table_headers_are_whole_and_rows_fit(tmp_path: Path, lang: str, width: int, screen: str,
                                                         keys: tuple[str, ...], selector: str) -> None:
    async with table_after(tmp_path, lang, (width, HEIGHT), keys, selector) as table:
        assert isinstance(table, RowTable)
        assert table.columns, f"the {screen} shows no columns"
        assert cut_headers(table) == [], f"the {screen} cuts these headers at {width} columns"
        room = table.scrollable_content_region.width
        assert row_width(table) <= room, f"a {screen} row is {row_width(table)} cells wide on {room} cells"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("long_texts", [False, True])
async def test_the_dashboard_keeps_the_next_due_column(tmp_path: Path, lang: str, width: int,
                                                       long_texts: bool) -> None:
    """What is due next is the dashboard's reason to be: it stays at 80 columns too, with room for the
    date and more than a word of the title."""
    async with table_after(tmp_path, lang, (width, HEIGHT), (), "#hires", long_texts) as table:
        assert isinstance(table, RowTable)
        widths = {column.key: column.width for column in table.columns}
        assert widths.get("col.next", 0) >= len("2027-01-20 ") + 12, widths


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
async def test_agenda_shows_dates_and_names_whole_and_fits(tmp_path: Path, lang: str, width: int) -> None:
    """On arrival the due dates and the hires' names are whole (not "202", "Lars"), every header is
    whole, and the rows fit the screen (nothing hides to the right)."""
    async with table_after(tmp_path, lang, (width, HEIGHT), ("a",), "#agenda") as table:
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
    async with table_after(tmp_path, lang, (width, HEIGHT), ("a",), "#agenda", long_texts=True) as table:
        assert isinstance(table, DataTable)
        columns = list(table.columns.values())
        silently_cut = {str(cell) for index in range(table.row_count)
                        for cell, column in zip(table.get_row_at(index), columns, strict=True)
                        if len(str(cell)) > column.width and not str(cell).endswith("…")}
        assert silently_cut == set()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("lang", LANGS)
async def test_a_heading_is_drawn_whole_when_short_titles_leave_the_columns_narrower_than_the_table(
        tmp_path: Path, lang: str, size: tuple[int, int]) -> None:
    """What the screen draws, not what the cells hold: Carla's short titles leave the columns narrower
    than the table, and her retired items' heading still runs across it."""
    onboarding = onboarding_on(tmp_path, True)
    retire_carlas_items(onboarding)
    heading = {"da": "Udgåede punkter (ikke længere i tjeklisten)",
               "en": "Retired items (no longer in the checklist)"}[lang]
    app = make_app(onboarding, lang, poll_seconds=0)
    async with app.run_test(size=size) as pilot:
        while not app.loaded:
            await pilot.pause(0.01)
        await pilot.press(*OPEN_CARLA)
        await pilot.pause()
        table = app.screen.query_one("#items", RowTable)
        drawn = [table.render_line(y).text for y in range(table.size.height)]
        assert any(heading in line for line in drawn), drawn


@pytest.mark.parametrize("lang", LANGS)
async def test_the_dashboards_columns_stay_put_while_a_filter_is_typed(tmp_path: Path, lang: str) -> None:
    """Opening the filter and typing in it neither narrows the table nor resizes its columns (they are
    sized by the whole list), so nothing jumps and the rows drawn before are kept."""
    async with table_after(tmp_path, lang, (120, 40), (), "#hires", long_texts=True) as table:
        assert isinstance(table, RowTable)
        before = (table.size.width, [column.width for column in table.columns])
        screen = table.app.screen
        screen.action_filter()
        field = screen.query_one("#filter")
        field.value = "anna"
        for _ in range(3):
            await asyncio.sleep(0.05)
        assert table.row_count < 5  # filtered
        assert (table.size.width, [column.width for column in table.columns]) == before


@pytest.mark.parametrize("lang", LANGS)
async def test_the_hire_screen_shows_the_default_checklists_titles_whole_at_120_columns(
        tmp_path: Path, lang: str) -> None:
    """At 120 columns the items take the room the guidance panel need not have: "Introduction of the
    peer worker to the staff group" is whole, not "… to the st…" beside a 48-column panel of prose."""
    async with table_after(tmp_path, lang, (120, 40), OPEN_ANNA, "#items") as table:
        assert isinstance(table, RowTable)
        titles = [row[1] for row in table.cell_texts() if len(row) > 2]
        assert titles, "Anna's hire shows no items"
        width = next(column.width for column in table.columns if column.key == "title")
        assert [title for title in titles if len(title) > width] == []


@pytest.mark.parametrize("lang", LANGS)
async def test_the_owner_column_shows_only_where_the_items_have_different_owners(
        tmp_path: Path, lang: str) -> None:
    """A column that says "leader" on every row tells nothing and takes the titles' room; once one item
    is Mette's, the column is back and names her."""
    async with table_after(tmp_path, lang, (120, 40), OPEN_ANNA, "#items") as table:
        assert isinstance(table, RowTable)
        assert "owner" not in [column.key for column in table.columns]
        app = table.app
        screen = app.screen
        view = screen.selected_view()
        await app.change_item(screen.hire_id, view.item_id,
                              lambda record: app.onboarding.assign(record, view.item_id, "Mette"))
        await asyncio.sleep(0.05)
        assert "owner" in [column.key for column in table.columns]
        assert any("Mette" in cell for row in table.cell_texts() for cell in row)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("keys", [(), ("v",)], ids=["open", "finished-shown"])
async def test_the_dashboard_keeps_the_unit_at_120_columns_beside_a_long_name_and_unit(
        tmp_path: Path, lang: str, keys: tuple[str, ...]) -> None:
    """A 38-character name and a 50-character unit are cut ("…") rather than the unit column left
    out: at 120 columns there is room for name, unit, start, progress, overdue and what is next."""
    async with table_after(tmp_path, lang, (120, 40), keys, "#hires", long_texts=True) as table:
        assert isinstance(table, RowTable)
        widths = {column.key: column.width for column in table.columns}
        assert {"form.name", "col.unit", "col.start", "col.next"} <= set(widths), widths
        assert widths["col.unit"] >= 16 and widths["col.next"] >= 28, widths


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("private", [False, True], ids=["names", "initials"])
async def test_two_hires_of_the_same_name_are_told_apart_at_80_columns(
        tmp_path: Path, lang: str, private: bool) -> None:
    """At 80 columns the start column is left out, so two hires of one long name (a re-hire, or the
    same initials in privacy mode) would look alike; each name then ends in its start date, kept when
    the name is cut. A name no other hire has shows no date."""
    onboarding = onboarding_on(tmp_path, True)
    add_kirsten(onboarding)
    onboarding.add(LONG_NAME, dt.date(2027, 3, 1), None, LONG_UNIT, "Mette")
    app = make_app(onboarding, lang, poll_seconds=0, private=private)
    async with app.run_test(size=(80, 24)) as pilot:
        while not app.loaded:
            await pilot.pause(0.01)
        await pilot.pause()
        table = app.screen.query_one("#hires", RowTable)
        assert "col.start" not in [column.key for column in table.columns]
        drawn = [table.render_line(y).text for y in range(1, table.row_count + 1)]
        kirstens = [line for line in drawn if "2026-11-02" in line or "2027-03-01" in line]
        assert len(kirstens) == 2 and kirstens[0] != kirstens[1], drawn
        assert not any("2027-02-01" in line for line in drawn), "Anna's name needs no date"
