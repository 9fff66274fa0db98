"""One hire's plan at a glance: the weeks around the start date across the screen, a band per phase, each
item a mark on its due date, and the start date and today as vertical lines. Left/right (or up/down)
move between the items in due order; the hire screen's side panel follows."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...i18n import say
from ...timeline import MARKS, Plan, place
from ..format import flowed, shorten, shown

MARK_GAP = 2  # columns between two marks in one lane: a mark and a space
LABEL_GAP = 5  # least columns between two labelled ticks ("+12" and a space or two)
EDGE = 1  # a blank column at either side, so a mark on the first or last day stands clear

Cell = tuple[str, str]  # a character and its role (a component class without the prefix)


class Timeline(ScrollView, can_focus=True):
    """The hire's dated items on a time axis; ``show`` gives it a plan, ``select`` an item."""

    COMPONENT_CLASSES = {f"timeline--{role}" for role in (
        *MARKS, "axis", "band", "phase", "start", "today", "cursor")}
    BINDINGS = [
        Binding("left", "move(-1)", show=False), Binding("up", "move(-1)", show=False),
        Binding("right", "move(1)", show=False), Binding("down", "move(1)", show=False),
        Binding("home", "move_to_end(0)", show=False), Binding("end", "move_to_end(-1)", show=False),
    ]

    class Moved(Message):
        """The cursor is on another item."""

        def __init__(self, item_id: str | None) -> None:
            super().__init__()
            self.item_id = item_id

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.plan: Plan | None = None
        self.phase_titles: dict[str, str] = {}
        self.lang = "en"
        self.cursor = 0
        self._lines: list[Text] = []
        self._drawn_for: tuple[object, ...] | None = None
        self._cursor_row: int | None = None

    # --- what it shows ---------------------------------------------------------------------

    def show(self, plan: Plan, phase_titles: dict[str, str], lang: str) -> None:
        """Draw ``plan``; the cursor stays on the item it was on, where that item still is."""
        was = self.current
        self.plan, self.phase_titles, self.lang = plan, phase_titles, lang
        self.cursor = 0
        if was is not None:
            self.select(was, announce=False)
        self._redraw()

    @property
    def current(self) -> str | None:
        """The id of the item under the cursor."""
        if self.plan is None or not self.plan.marks:
            return None
        return self.plan.marks[min(self.cursor, len(self.plan.marks) - 1)].item_id

    def select(self, item_id: str, *, announce: bool = True) -> bool:
        """Put the cursor on ``item_id`` if it is on the timeline."""
        ids = [mark.item_id for mark in self.plan.marks] if self.plan else []
        if item_id not in ids:
            return False
        self.cursor = ids.index(item_id)
        self._moved(announce)
        return True

    def plain_lines(self) -> list[str]:
        """The lines as drawn, without styles (what a test reads)."""
        self._build()
        return [line.plain for line in self._lines]

    # --- keys ------------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        if self.plan and self.plan.marks:
            self.cursor = max(0, min(self.cursor + step, len(self.plan.marks) - 1))
            self._moved(True)

    def action_move_to_end(self, index: int) -> None:
        if self.plan and self.plan.marks:
            self.cursor = index % len(self.plan.marks)
            self._moved(True)

    def _moved(self, announce: bool) -> None:
        self._redraw()
        if announce:
            self.post_message(self.Moved(self.current))

    # --- drawing ---------------------------------------------------------------------------

    @property
    def line_width(self) -> int:
        return self.scrollable_content_region.width or self.size.width or 40

    def on_resize(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        cursor_row = self._build()
        self.virtual_size = Size(self.line_width, len(self._lines))
        if cursor_row is not None:
            self.scroll_to_region(Region(0, cursor_row, 1, 1), animate=False, immediate=True)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        width = self.size.width
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        strip = Strip(list(self._lines[index].render(self.app.console))).apply_style(self.rich_style)
        return strip.crop_extend(0, width, self.rich_style)

    def _build(self) -> int | None:
        """Lay the lines out for the current width; the row of the cursor's mark."""
        key = (self.plan, self.cursor, self.line_width, self.lang, tuple(self.phase_titles.items()))
        if key == self._drawn_for:
            return self._cursor_row
        self._drawn_for = key
        self._cursor_row = None
        if self.plan is None:
            self._lines = []
            return None
        if not self.plan.marks:
            self._lines = [Text(say("timeline.empty", self.lang), style="italic")]
            return None
        rows, self._cursor_row = self._grid(self.plan, self.line_width - 2 * EDGE)
        self._lines = [self._styled(row) for row in rows] + self._legend(self.plan)
        return self._cursor_row

    def _grid(self, plan: Plan, width: int) -> tuple[list[list[Cell]], int | None]:
        """The axis, then each phase's heading and lanes, as rows of cells; and the cursor's row."""
        span = plan.span
        width = max(width, 8)
        placed = place(plan, width, MARK_GAP)
        rows = [self._tick_labels(plan, width), self._axis(plan, width)]
        cursor_row = None
        for band, phase in enumerate(plan.phases):
            role = "band" if band % 2 == 0 else ""
            title = shorten(shown(self.phase_titles.get(phase, phase)), width)
            heading = [(char, "phase" if role == "" else "phase band") for char in title]
            heading += [(" ", role)] * (width - len(heading))
            ours = [spot for spot in placed if spot.mark.phase == phase]
            lanes = [[(" ", role)] * width for _ in range(max(spot.lane for spot in ours) + 1)]
            for spot in ours:
                index = plan.marks.index(spot.mark)
                mark_role = spot.mark.kind + (" cursor" if index == self.cursor else "") + f" {role}"
                lanes[spot.lane][int(spot.position)] = (MARKS[spot.mark.kind], mark_role.strip())
                if index == self.cursor:
                    cursor_row = len(rows) + 1 + spot.lane
            rows += [heading, *lanes]
        for line in ("start", "today"):
            column = span.column(span.start if line == "start" else plan.today, width)
            glyph = "│" if line == "start" else "┃"
            for row in rows[1:]:
                char, role = row[column]
                if char == " " or char == "─" or row is rows[1]:
                    row[column] = (glyph, f"{role} {line}".strip())  # the line's colour wins
        return [[(" ", "")] * EDGE + row + [(" ", "")] * EDGE for row in rows], cursor_row

    def _tick_labels(self, plan: Plan, width: int) -> list[Cell]:
        """"-4   0   +4": weeks from the start at their ticks, none covering another."""
        row: list[Cell] = [(" ", "axis")] * width
        free = 0
        for day, weeks in plan.span.ticks(width, LABEL_GAP):
            label = f"{weeks:+d}" if weeks else "0"
            column = min(plan.span.column(day, width), width - len(label))
            if column < free:
                continue
            row[column:column + len(label)] = [(char, "axis") for char in label]
            free = column + len(label) + 1
        return row

    def _axis(self, plan: Plan, width: int) -> list[Cell]:
        row: list[Cell] = [("─", "axis")] * width
        for day, _weeks in plan.span.ticks(width, LABEL_GAP):
            row[plan.span.column(day, width)] = ("┬", "axis")
        return row

    def _styled(self, row: list[Cell]) -> Text:
        line = Text(no_wrap=True, end="")
        for char, roles in row:
            line.append(char, self._style(roles))
        return line

    def _style(self, roles: str) -> Style:
        style = Style()
        for role in roles.split():
            style += self.get_component_rich_style(f"timeline--{role}", partial=True)
        return style

    def _legend(self, plan: Plan) -> list[Text]:
        """What the numbers, lines and marks mean: pieces ("! overdue") that wrap as a whole."""
        lang = self.lang
        roles = {"│": "start", "┃": "today", **{glyph: kind for kind, glyph in MARKS.items()}}
        said = [say("timeline.weeks", lang),
                *say("timeline.lines", lang, start=plan.span.start, today=plan.today).split("  "),
                *say("timeline.legend", lang).split("  ")]
        pieces = [self._legend_piece(text, roles) for text in said]
        if plan.undated:
            pieces.append(Text(say("timeline.undated", lang, count=plan.undated), style="italic"))
        return flowed(pieces, max(self.line_width - EDGE, 8), indent=EDGE)

    def _legend_piece(self, text: str, roles: dict[str, str]) -> Text:
        piece = Text(no_wrap=True, end="")
        for char in text:
            piece.append(char, self._style(roles.get(char, "axis")))
        return piece


def nearest_mark(plan: Plan, wanted: str | None) -> str | None:
    """Where the cursor starts: the item wanted if it is on the timeline, else the first not done
    that is due today or later, else the first."""
    ids = [mark.item_id for mark in plan.marks]
    if wanted in ids:
        return wanted
    upcoming = [m.item_id for m in plan.marks if m.due >= plan.today and m.kind not in ("done", "skipped")]
    return (upcoming or ids or [None])[0]
