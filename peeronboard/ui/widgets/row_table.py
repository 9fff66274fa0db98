"""A table that draws only the rows on screen, so ten thousand hires cost what one screen of them does.

The owner gives the columns (``ColumnSpec``: how each may be sized), a sequence of rows (any objects) and
a function making a row's cells, one per column; the table sizes the columns to the first rows' cells
(a bounded sample: a filter key never measures ten thousand rows) and its own width, leaving out the
columns that do not fit, renders a row's cells only when that row comes into view, and keeps the lines
it drew until the rows change. A row of fewer cells than columns (a heading, a problem row) has its
last cell span the rest of the line.
Keys: arrows, PageUp/PageDown, Home/End move the cursor; Enter or a click on the cursor row selects it
(``RowTable.Selected``); every cursor move posts ``RowTable.Highlighted``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import islice
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, messages
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...tuples import NamedTuple
from ..format import ColumnSpec, cell_widths, column_needs, cut, fit_columns

PAD = 1  # blank cells either side of each cell, as Textual's DataTable has
SAMPLE = 100  # the rows whose cells size the columns: the first ones, as the leader first sees them
CURSORS = (("rowtable--cursor",), ("rowtable--cursor-blurred",))  # the cursor row's, with and without focus


class Column(NamedTuple):
    """A column as shown: its width is what ``fit_columns`` gave it."""

    key: str
    label: str
    width: int


Cells = Callable[[Any], Sequence[Text | str]]


class RowTable(ScrollView, can_focus=True):
    """Rows of cells under one header line; only what is on screen is ever rendered."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home,ctrl+home", "to_end(0)", show=False),
        Binding("end,ctrl+end", "to_end(1)", show=False),
        Binding("enter", "select", show=False),
    ]
    # the cursor has a class for each focus state (not a ``:focus`` rule), so gaining or losing the
    # focus changes no style and only the cursor's line is drawn again
    COMPONENT_CLASSES: ClassVar[set[str]] = {"rowtable--header", "rowtable--even-row", "rowtable--cursor",
                                             "rowtable--cursor-blurred"}

    class Highlighted(Message):
        def __init__(self, table: RowTable, key: str | None) -> None:
            super().__init__()
            self.table, self.key = table, key

        @property
        def control(self) -> RowTable:
            return self.table

    class Selected(Highlighted):
        pass

    def __init__(self, key: Callable[[Any], str], *, id: str | None = None,  # noqa: A002
                 classes: str | None = None, alone: bool = False) -> None:
        super().__init__(id=id, classes=classes)
        self._key_of = key
        self._alone = alone  # little else on its screen changes with it (see _tell_screen)
        self._specs: tuple[ColumnSpec, ...] = ()
        self._needs: list[int] = []  # each column's width in full, from the sampled rows
        self._shown: tuple[int, ...] = ()  # the columns shown, as indices into the specs
        self._columns: tuple[Column, ...] = ()
        self._rows: Sequence[Any] = ()
        self._sized_rows = 0  # how many rows the columns are sized by (a filter keeps the whole list's)
        self._cells: Cells = lambda row: ()
        self._positions: dict[str, int] | None = None
        self._lines: dict[tuple[Any, ...], tuple[Any, Strip]] = {}  # drawn lines, with the row each shows
        # each drawn row's cells as segments before the line's own colours (the cursor's, an even row's,
        # the focus's): a row that only moves, or a table that only gains or loses the focus, is
        # coloured again without making and cutting its cells again
        self._texts: dict[tuple[int, int], tuple[Any, list[Segment]]] = {}
        self._measured: dict[int, tuple[Any, tuple[int, ...]]] = {}  # rows' cell widths, by id (see show)
        # the cells made to measure a row, drawn with while ``drawn_with`` and the theme stay the same
        self._made: dict[int, tuple[Any, Sequence[Text | str]]] = {}
        self._drawn_with: object = None  # what the cached lines were drawn with (see ``show``)
        self._theme: object = None  # the app's theme the cached lines and cells were made in
        self.cursor = 0

    # --- what the owner calls --------------------------------------------------------------

    def show(self, columns: Sequence[ColumnSpec], rows: Sequence[Any], cells: Cells, *,
             keep: str | None = None, drawn_with: object = None,
             sized_by: Sequence[Any] | None = None) -> None:
        """Show ``rows`` (rendered by ``cells``, a cell per column) under ``columns`` sized to them (or to
        ``sized_by``: a filter's rows keep the columns of the whole list, so they neither jump nor are
        drawn again), the cursor on the row keyed ``keep`` if it is there, else on the same position.

        ``drawn_with`` names everything besides the row that its cells depend on (the language, the
        day, ...), for rows that are immutable: while it stays the same, a row drawn or measured
        before is not drawn or measured again (a filter key shows many of the rows it showed). None
        draws every row anew."""
        before = self.cursor
        on_screen = self._on_screen()
        if drawn_with is None or drawn_with != self._drawn_with or len(self._measured) > 4 * SAMPLE:
            self._measured.clear()
            self._made.clear()  # (kept otherwise: the first frame's rows are made once, not twice)
        self._specs, self._rows, self._cells = tuple(columns), rows, cells
        sizing = rows if sized_by is None else sized_by
        self._sized_rows = len(sizing)
        self._needs = column_needs(self._specs, map(self._measure, islice(sizing, SAMPLE)))
        shown = self._fitted()
        same = (shown, drawn_with) == ((self._shown, self._columns), self._drawn_with)
        reuse = drawn_with is not None and same
        self._shown, self._columns = shown
        self._drawn_with = drawn_with
        self._positions = None
        if not reuse:
            self._forget_lines()
        self._set_virtual_size(Size(self._width(), len(rows) + 1))
        if keep is not None and before < len(rows) and self._key_of(rows[before]) == keep:
            found: int | None = before  # where it was: no need to look through every row
        else:  # a look that stops where the row is, not a map of every row that this show forgets
            key_of = self._key_of
            found = next((n for n, row in enumerate(rows) if key_of(row) == keep), None) if keep else None
        self._move(found if found is not None else self.cursor, post=False, force=True, repaint=False)
        self._repaint_changed(on_screen if reuse else None)

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def rows(self) -> Sequence[Any]:
        return self._rows

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    @property
    def selected_key(self) -> str | None:
        return self._key_of(self._rows[self.cursor]) if self._rows else None

    def key_at(self, index: int) -> str:
        return self._key_of(self._rows[index])

    def index_of(self, key: str) -> int | None:
        if self._positions is None:
            self._positions = {self._key_of(row): n for n, row in enumerate(self._rows)}
        return self._positions.get(key)

    def move_to(self, key: str) -> bool:
        """Put the cursor on the row keyed ``key``; False if there is none."""
        index = self.index_of(key)
        if index is not None:
            self._move(index)
        return index is not None

    def cell_texts(self) -> list[list[str]]:
        """Every row's cells in the columns shown, as plain text (uncut)."""
        return [[str(cell) for cell in self._shown_cells(row)] for row in self._rows]

    def _shown_cells(self, row: Any) -> Sequence[Text | str]:
        """A row's cells in the columns shown (a row of fewer cells is shown as it is); those made to
        measure the row are used again (the first screen's rows are all measured)."""
        made = self._made.get(id(row))
        cells = made[1] if made is not None and made[0] is row else self._cells(row)
        return [cells[index] for index in self._shown] if len(cells) == len(self._specs) else cells

    def _measure(self, row: Any) -> tuple[int, ...]:
        """The widths of a row's cells, kept while the rows are drawn with the same ``drawn_with``; the
        cells made for them are kept as long (and the theme), to draw the row with."""
        known = self._measured.get(id(row))
        if known is not None and known[0] is row:
            return known[1]
        cells = self._cells(row)
        widths = cell_widths(cells)
        self._measured[id(row)] = (row, widths)
        self._made[id(row)] = (row, cells)
        return widths

    def _fitted(self) -> tuple[tuple[int, ...], tuple[Column, ...]]:
        """The columns that fit the table's width, sized to their sampled cells."""
        widths = fit_columns(self._specs, self._needs, self._room(), PAD)
        shown = tuple(index for index, width in enumerate(widths) if width is not None)
        return shown, tuple(Column(self._specs[i].key, self._specs[i].label, widths[i] or 0) for i in shown)

    def _room(self) -> int:
        """The cells a row has: the table's width (the screen's before the first layout), less the
        scrollbar's when the rows the columns are sized by are more than the table's height."""
        width = self.size.width or self.app.size.width
        scrolls = self._sized_rows + 1 > (self.size.height or self.app.size.height)
        return width - (self.styles.scrollbar_size_vertical if scrolls else 0)

    # --- keys and the mouse ------------------------------------------------------------------

    @property
    def page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_cursor(self, step: int) -> None:
        self._move(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self._move(self.cursor + direction * self.page)

    def action_to_end(self, last: int) -> None:
        self._move(len(self._rows) - 1 if last else 0)

    def action_select(self) -> None:
        if self._rows:
            self.post_message(self.Selected(self, self.selected_key))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        index = int(self.scroll_y) + offset.y - 1
        if 0 <= index < len(self._rows):
            event.stop()
            if index == self.cursor:
                self.action_select()
            else:
                self._move(index)

    def _on_focus(self, event: events.Focus) -> None:
        event.prevent_default()  # Textual's own handler draws every line again; only the cursor's changes
        self.has_focus = True
        self._refresh_row(self.cursor)
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self))

    def _on_blur(self, event: events.Blur) -> None:
        event.prevent_default()
        self.has_focus = False
        self._refresh_row(self.cursor)
        if self.parent is not None:
            self.parent.post_message(events.DescendantBlur(self))

    def _move(self, index: int, *, post: bool = True, force: bool = False, repaint: bool = True) -> None:
        index = max(0, min(index, len(self._rows) - 1))
        if index == self.cursor and not force:
            return
        on_screen = self._on_screen()
        self.cursor = index
        top = int(self.scroll_y)
        if index < top:
            self.scroll_to(y=index, animate=False, immediate=True)
        elif index >= top + self.page:
            self.scroll_to(y=index - self.page + 1, animate=False, immediate=True)
        if repaint:
            self._repaint_changed(on_screen)
        if post:
            self.post_message(self.Highlighted(self, self.selected_key))

    def on_resize(self) -> None:
        """The columns sized again for the new width."""
        shown = self._fitted()
        if shown != (self._shown, self._columns):
            self._shown, self._columns = shown
            self._forget_lines()
            self.refresh()
        self.virtual_size = Size(self._width(), len(self._rows) + 1)

    def notify_style_update(self) -> None:
        """A new theme: every line is drawn again in it (not only rows that changed), from cells made
        anew (a cell's colour may come from the theme, as the overdue count's does). Gaining or losing
        the focus (as ``/`` moves it to the filter) changes only the lines' own colours, which each
        line is kept by: its cells are coloured again, not made again."""
        app = self.app
        theme = (app.theme, id(app.current_theme), app.ansi_color)
        if theme != self._theme:
            self._theme = theme
            self._forget_lines()
            self._made.clear()
        super().notify_style_update()

    def _forget_lines(self) -> None:
        self._lines.clear()
        self._texts.clear()

    def _set_virtual_size(self, size: Size) -> None:
        """The rows' scrollable size, without laying the screen out again (which redraws every widget
        on it, and a filter key must not wait for that): only the scrollbar and this table change. The
        scrollbar's update lays out on its own when it appears or goes."""
        if not self.is_mounted or not self.container_size:
            self.virtual_size = size
            if size.height > self.app.size.height and self.styles.overflow_y == "auto":
                # more rows than the screen has lines: the first frame has the scrollbar (Textual would
                # find it out in the first layout and lay the screen out again for it)
                self.show_vertical_scrollbar = True
                self.vertical_scrollbar.display = True
            return
        self.set_reactive(RowTable.virtual_size, size)
        self._scroll_update(size)
        self.scroll_y = self.validate_scroll_y(self.scroll_y)

    # --- what is drawn again --------------------------------------------------------------------

    def _on_screen(self) -> tuple[int, int, int, list[int]]:
        """What the screen shows now, to tell which lines a change redraws: the first row shown, the
        width, the cursor, and the rows on screen (by identity: rows are immutable)."""
        top = int(self.scroll_y)
        return top, self.size.width, self.cursor, list(map(id, self._rows[top:top + self.page]))

    def _repaint_changed(self, before: tuple[int, int, int, list[int]] | None) -> None:
        """Draw again the lines that changed since ``before`` (None: every line). Each line drawn
        again is sent to the terminal, so a change that leaves the screen as it was sends nothing."""
        now = self._on_screen()
        if before is None or before[:2] != now[:2]:
            self.refresh()
        else:
            top, _, cursor_before, rows_before = before
            for offset in range(max(len(rows_before), len(now[3]))):
                index = top + offset
                if (rows_before[offset:offset + 1] != now[3][offset:offset + 1]
                        or (index in (cursor_before, self.cursor) and cursor_before != self.cursor)):
                    self._refresh_row(index, tell=False)
        self._tell_screen()

    def _refresh_row(self, index: int, *, tell: bool = True) -> None:
        """Draw again the line of the row at ``index``, if it is on screen."""
        line = index - int(self.scroll_y) + 1
        if 1 <= line < self.size.height:
            self.refresh(Region(0, line, self.size.width, 1))
            if tell:
                self._tell_screen()

    def _tell_screen(self) -> None:
        """A table made ``alone`` has the screen draw the lines asked for in its next update. Textual
        tells the screen of them once the table is next idle: after a layout another widget asked for
        just now (the dashboard's title line, as Escape shows every row again, or the first frame),
        and they wait a frame (30 ms). A table whose screen changes more with it (a tick's side
        panel) is not alone: told at once, the screen would draw its lines in an update of their
        own, and the rest a frame later."""
        if self._alone and self._repaint_required and self.is_mounted:
            self.screen.post_message(messages.Update(self))

    # --- drawing --------------------------------------------------------------------------------

    def _width(self) -> int:
        return sum(column.width + 2 * PAD for column in self._columns)

    def on_mount(self) -> None:
        """The scrollbar styled now: Textual styles it first when the focus next moves, which lays
        the screen out again (a ``/`` would wait for that)."""
        self.app.stylesheet.update_nodes([self.vertical_scrollbar])

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            return self._line("header", None, self._header, "rowtable--header", width)
        index = int(self.scroll_y) + y - 1
        if index >= len(self._rows):
            return Strip.blank(width, self.rich_style)
        row = self._rows[index]
        if index == self.cursor:
            parts: tuple[str, ...] = ("rowtable--cursor" if self.has_focus else "rowtable--cursor-blurred",)
        else:
            parts = ("rowtable--even-row",) if index % 2 else ()
        return self._line(id(row), row, lambda: self._shown_cells(row), parts, width)

    def _header(self) -> Sequence[Text | str]:
        return [Text(column.label) for column in self._columns]

    def _line(self, key: object, row: Any, cells: Callable[[], Sequence[Text | str]],
              components: str | tuple[str, ...], width: int) -> Strip:
        """The line showing ``row`` (None: the header), kept by the colours it is drawn in."""
        base, over = self.rich_style, None  # (Textual keeps both until the styles change)
        if components in CURSORS:  # the cursor's colours win, so its row is legible
            over = self.get_component_rich_style(*components)
        elif components:
            base = base + self.get_component_rich_style(*((components,) if isinstance(components, str)
                                                          else components))
        cache_key = (key, width, base, over)
        cached = self._lines.get(cache_key)
        line = cached[1] if cached is not None and cached[0] is row else None  # an id may be reused
        if line is None:
            known = self._texts.get((id(row), width)) if row is not None else None
            segments = known[1] if known is not None and known[0] is row else None
            if segments is None:
                segments = self._cell_segments(cells(), width)
                if row is not None:
                    if len(self._texts) > 2 * max(self.size.height, 1) + 8:
                        self._texts.clear()
                    self._texts[id(row), width] = (row, segments)
            line = self._coloured(segments, base, width, over)
            if len(self._lines) > 4 * max(self.size.height, 1) + 8:
                self._lines.clear()
            self._lines[cache_key] = (row, line)
        return line

    def _cell_segments(self, cells: Sequence[Text | str], width: int) -> list[Segment]:
        """A row's cells, each cut to its column and padded, as segments in the cells' own styles."""
        console = self.app.console
        segments: list[Segment] = []
        blank = " " * PAD
        columns = self._columns
        if len(cells) < len(columns):  # the last cell spans the rest of the line, as wide as it is
            before = columns[: len(cells) - 1]
            rest = max(self._width(), width) - sum(column.width + 2 * PAD for column in before) - 2 * PAD
            columns = (*before, Column("", "", rest))
        for column, cell in zip(columns, cells, strict=False):
            segments.append(Segment(blank))
            plain = cell if isinstance(cell, str) else None if cell._spans else cell.plain  # noqa: SLF001
            if plain is not None and cell_len(plain) <= column.width:  # most cells: one run of text
                style = cell.style if isinstance(cell, Text) else ""
                segments.append(Segment(plain, console.get_style(style) if style else None))
                used = cell_len(plain)
            else:
                text = cut(cell, column.width)
                rendered = text.render(console, end="")  # the text's own style is left to the caller
                segments.extend(Segment.apply_style(rendered, console.get_style(text.style)) if text.style
                                else rendered)
                used = text.cell_len
            segments.append(Segment(" " * (column.width - used) + blank))  # unstyled: no underline
        return segments

    @staticmethod
    def _coloured(segments: list[Segment], base: Style, width: int, over: Style | None = None) -> Strip:
        """The line of a row's segments in the table's colours (``over`` wins over the cells' own)."""
        strip = Strip(Segment.apply_style(segments, base, over))
        # neighbours in the same colours as one segment: a row's cells and their padding mostly are,
        # and each segment costs the compositor its work and the terminal its colour codes
        return strip.adjust_cell_length(width, base + over if over else base).crop(0, width).simplify()
