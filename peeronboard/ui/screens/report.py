"""The report (``g``): where onboarding falls through across all hires, per item and per unit, as
``peeronboard report`` shows it: counts only, no names, no reasons."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from ...i18n import say
from ...progress import HireProgress
from ...report import MIN_UNIT_HIRES, OTHER_UNITS, ItemReport, Report, Tally, build_report, report_title
from ..format import Flow, shown
from ..widgets.key_bar import KeyBar
from .base import PeerScreenMixin

# each outcome's part of a bar: the tally's field, its block (told apart without colour too), its words
OUTCOMES = (("on_time", "█", "report.on_time"), ("late", "▓", "report.late"),
            ("skipped", "▒", "report.skipped"), ("overdue", "░", "report.overdue"))


def bar_cells(counts: list[int], width: int) -> list[int]:
    """Cells for each count on a bar ``width`` wide, summing to ``width`` (largest remainders first)."""
    total = sum(counts)
    if not total:
        return [0] * len(counts)
    exact = [width * count / total for count in counts]
    cells = [int(part) for part in exact]
    by_remainder = sorted(range(len(counts)), key=lambda i: exact[i] - cells[i], reverse=True)
    for index in by_remainder[: width - sum(cells)]:
        cells[index] += 1
    return cells


def late_words(tally: Tally, lang: str) -> str:
    """"2 (median 6.5 d, worst 10 d)", or "0"."""
    if not tally.late or tally.median_days_late is None:
        return str(tally.late)
    return say("report.late_days", lang, count=tally.late, median=f"{tally.median_days_late:g}",
               worst=tally.worst_days_late)


class ReportView(Widget):
    """The report drawn as text: per item its title and bar, then its counts; then the units."""

    COMPONENT_CLASSES = {"report--on-time", "report--late", "report--skipped", "report--overdue",
                         "report--label"}

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.report: Report | None = None
        self.lang = "en"

    def show(self, report: Report, lang: str) -> None:
        self.report, self.lang = report, lang
        self.refresh(layout=True)

    def _style(self, field: str) -> Style:
        return self.get_component_rich_style(f"report--{field.replace('_', '-')}", partial=True)

    def bar(self, tally: Tally, width: int) -> Text:
        cells = bar_cells([getattr(tally, field) for field, _, _ in OUTCOMES], width)
        bar = Text(no_wrap=True)
        for (field, block, _), count in zip(OUTCOMES, cells, strict=True):
            bar.append(block * count, self._style(field))
        return bar

    def counts(self, tally: Tally) -> Flow:
        """"Reached 5 · █ On time 1 · ▓ Late 2 (median 6.5 d, worst 10 d) · ▒ Not applicable 1 · …"."""
        lang = self.lang
        pieces = [Text(f"{say('report.reached', lang)} {tally.reached}")]
        for field, block, key in OUTCOMES:
            value = late_words(tally, lang) if field == "late" else str(getattr(tally, field))
            piece = Text()
            piece.append(block, self._style(field))
            piece.append(f" {say(key, lang)} {value}")
            pieces.append(piece)
        return Flow(pieces)

    def legend(self) -> Text:
        """The CLI's legend, its blocks in their colours."""
        blocks = {block: field for field, block, _ in OUTCOMES}
        legend = Text()
        for char in say("report.legend", self.lang):
            legend.append(char, self._style(blocks.get(char, "label")))
        return legend

    def rows(self, rows: list[tuple[Text, Tally]], bar_width: int) -> Table:
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(ratio=1)
        grid.add_column(width=bar_width, no_wrap=True)
        for title, tally in rows:
            title.no_wrap, title.overflow = True, "ellipsis"
            grid.add_row(Group(title, self.counts(tally)), self.bar(tally, bar_width))
        return grid

    def render(self) -> RenderableType:
        report, lang = self.report, self.lang
        if report is None:
            return Text("")
        if not report.items:
            return Text(say("report.empty", lang, hires=report.hires), style="italic")
        bar_width = max(12, min(32, self.app.size.width // 4))
        return Group(self.legend(), Text(""), *self.item_parts(report, bar_width),
                     *self.unit_parts(report, bar_width))

    def item_parts(self, report: Report, bar_width: int) -> list[RenderableType]:
        """The items with their bars; of several checklists, each checklist's under its title (the same
        item may stand in two), the checklist whose item falls through most first."""
        lang = self.lang
        by_checklist: dict[str, list[ItemReport]] = {}
        for entry in report.items:
            by_checklist.setdefault(entry.checklist, []).append(entry)
        parts: list[RenderableType] = []
        for checklist, entries in by_checklist.items():
            if len(by_checklist) > 1:
                parts.append(Text(shown(report.checklist_title(checklist, lang)), style="bold underline"))
            rows = [(Text(shown(entry.titles[lang]), style="bold"), entry.tally) for entry in entries]
            parts += [self.rows(rows, bar_width), Text("")]
        return parts

    def unit_parts(self, report: Report, bar_width: int) -> list[RenderableType]:
        """The units with their bars, and, when some are counted together, why."""
        lang = self.lang
        parts: list[RenderableType] = [Text(say("report.units", lang), style="bold underline")]
        if OTHER_UNITS in report.units:
            why = say("report.folded", lang, least=MIN_UNIT_HIRES)
            parts.append(Text(why, style=self._style("label") + Style(italic=True)))
        units = [(Text(say("report.other_units", lang) if unit == OTHER_UNITS else shown(unit), style="bold"),
                  tally) for unit, tally in sorted(report.units.items())]
        return [*parts, self.rows(units, bar_width)]


class ReportScreen(PeerScreenMixin, Screen[None]):
    """The report over every hire the app holds (finished ones count too); built off the UI thread."""

    BINDINGS = [Binding("escape", "back", "key.back")]

    def __init__(self) -> None:
        super().__init__()
        self.report: Report | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="report-title", classes="title")
        with VerticalScroll(id="report-box"):
            yield Static(id="report-status", classes="empty")
            yield ReportView(id="report")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one("#report-box").focus()

    def refresh_data(self) -> None:
        """Show what is known in the app's language now, and build the report again from the hires."""
        self._show()
        app = self.peer_app
        if app.loaded:
            self.build(list(app.hires.values()))

    @work(thread=True, exclusive=True, group="report")
    def build(self, hires: list[HireProgress]) -> None:
        report = build_report(hires)  # anonymous: no reasons, no names
        self.app.call_from_thread(self._built, report)

    def _built(self, report: Report) -> None:
        if not self.is_attached:  # the leader went back meanwhile
            return
        self.report = report
        self._show()

    def _show(self) -> None:
        app, report = self.peer_app, self.report
        title = report_title(report, app.lang) if report else app.t("key.report")
        self.query_one("#report-title", Static).update(Text(f"peeronboard · {title}", style="bold"))
        status = self.query_one("#report-status", Static)
        status.display = report is None
        status.update(app.t("report.building"))
        if report is not None:
            self.query_one(ReportView).show(report, app.lang)

    def action_back(self) -> None:
        self.app.pop_screen()
