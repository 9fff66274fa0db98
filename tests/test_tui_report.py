"""The report in the app (issue #17, ``g``): the numbers a leader sees for hires whose answers are known,
anonymous, in both languages, at 80×24 and 120×40."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from rich.console import Console

from peeronboard.dates import today
from peeronboard.library import ChecklistLibrary
from peeronboard.onboarding import Onboarding
from peeronboard.paths import builtin_checklists_dir
from peeronboard.store import HireStore
from peeronboard.ui.app import make_app
from peeronboard.ui.screens.dashboard import DashboardScreen
from peeronboard.ui.screens.report import ReportScreen, ReportView, bar_cells

from .conftest import DATA
from .test_tui import screen_text

REASON = "she has the course already"


@pytest.fixture
def onboarding(data_dir: Path) -> Onboarding:
    """As tests/test_report.py: four hires in Afsnit S4 and one alone in Ambulatoriet, on 2027-01-20.

    appoint-mentor: Anna on time, Bo 3 days late, Carl 10 days late, Dina not applicable, Eva overdue.
    order-workstation: due for all but Dina; Anna on time, Bo, Carl and Eva overdue (Carl's hire finished
    after it was due: it still counts).
    """
    library = ChecklistLibrary.discover([builtin_checklists_dir(), DATA])
    onboarding = Onboarding(HireStore(data_dir), library, "Lise", today)
    hires = {name: onboarding.add(name, dt.date.fromisoformat(start), "sample", unit)
             for name, start, unit in (("Anna", "2027-01-10", "Afsnit S4"), ("Bo", "2027-01-10", "Afsnit S4"),
                                       ("Carl", "2027-01-10", "Afsnit S4"), ("Dina", "2027-01-30", "Afsnit S4"),
                                       ("Eva", "2027-01-20", "Ambulatoriet"))}
    onboarding.check(hires["Anna"], "appoint-mentor", on=dt.date(2026, 12, 27))
    onboarding.check(onboarding.store.load(hires["Anna"].id), "order-workstation", on=dt.date(2027, 1, 2))
    onboarding.check(hires["Bo"], "appoint-mentor", on=dt.date(2026, 12, 30))
    onboarding.check(hires["Carl"], "appoint-mentor", on=dt.date(2027, 1, 6))
    onboarding.finish(hires["Carl"].id, "left", on=dt.date(2027, 1, 15))
    onboarding.skip(hires["Dina"], "appoint-mentor", REASON)
    return onboarding


def seen(app) -> str:
    """The report as the leader reads it, at the widget's width."""
    view = app.screen.query_one(ReportView)
    out = io.StringIO()
    Console(file=out, width=view.size.width, color_system=None).print(view.render())
    return out.getvalue()


async def report_open(pilot) -> None:
    while not pilot.app.loaded:
        await pilot.pause(0.01)
    await pilot.pause()
    await pilot.press("g")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize(("size", "bar_width"), [((80, 24), 20), ((120, 40), 30)])
async def test_g_shows_per_item_the_counts_and_then_the_units(onboarding: Onboarding, size: tuple[int, int],
                                                              bar_width: int) -> None:
    app = make_app(onboarding, "en", poll_seconds=0)
    async with app.run_test(size=size) as pilot:
        await report_open(pilot)
        assert isinstance(app.screen, ReportScreen)
        text = seen(app)
        assert max(len(line) for line in text.splitlines()) <= size[0]
        mentor = text.index("Appoint a mentor")
        workstation = text.index("Order a workstation")
        assert mentor < workstation < text.index("Per unit"), "what falls through most first, units last"
        bar = "".join(block * cells for block, cells in zip("█▓▒░", bar_cells([1, 2, 1, 1], bar_width), strict=True))
        assert text[mentor:].splitlines()[0].rstrip().endswith(bar), "1 on time, 2 late, 1 n/a, 1 overdue"
        said = " ".join(text[mentor:workstation].split())
        for words in ("Reached 5", "On time 1", "Late 2 (median 6.5 d, worst 10 d)", "Not applicable 1",
                      "Overdue 1"):
            assert words in said, words
        said = " ".join(text[workstation:text.index("Per unit")].split())
        assert "Reached 4" in said and "On time 1" in said and "Overdue 3" in said
        units = " ".join(text[text.index("Per unit"):].translate({ord(block): " " for block in "█▓▒░"}).split())
        assert "Afsnit S4 Reached 7" in units and "other units Reached 2" in units
        title = str(app.screen.query_one("#report-title").render())  # Carl's hire counts, and it is said
        assert title.endswith("Where onboarding falls through: 5 hires, 1 of them finished"), title
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_the_report_names_nobody_and_speaks_danish(onboarding: Onboarding) -> None:
    app = make_app(onboarding, "da", poll_seconds=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await report_open(pilot)
        text = seen(app)
        assert " ".join(text.split()).count("For sent 2 (median 6.5 d, højst 10 d)") == 2  # the item, the unit
        assert "Udpege mentor" in text and "andre enheder" in text
        for secret in ("Anna", "Bo ", "Carl", "Dina", "Eva", REASON, "Ambulatoriet"):
            assert secret not in text, secret


async def test_the_palette_opens_the_report_and_help_lists_g(onboarding: Onboarding) -> None:
    app = make_app(onboarding, "en", poll_seconds=0)
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.loaded:
            await pilot.pause(0.01)
        command = next(c for c in app.get_system_commands(app.screen) if c.title.startswith("Report"))
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Report" in screen_text(app)
        await pilot.press("escape")
        command.callback()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReportScreen) and "Reached 5" in seen(app)


def test_a_bar_fills_its_width_exactly() -> None:
    assert bar_cells([1, 2, 1, 1], 20) == [4, 8, 4, 4]
    assert sum(bar_cells([1, 1, 1], 20)) == 20 and bar_cells([0, 0], 10) == [0, 0]


@pytest.mark.parametrize(("lang", "titles", "ids"), [
    ("en", ("Sample list", "Checklist for hiring a peer worker"), ("(sample)", "(nordjylland-leder)")),
    ("da", ("Prøveliste", "Tjekliste ved ansættelse af peermedarbejder"), ("(sample)", "(nordjylland-leder)")),
])
async def test_items_of_several_checklists_stand_under_each_checklists_title(
        onboarding: Onboarding, lang: str, titles: tuple[str, str], ids: tuple[str, str]) -> None:
    onboarding.add("Frida", dt.date(2027, 1, 10), "nordjylland-leder", "Afsnit S4")
    app = make_app(onboarding, lang, poll_seconds=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await report_open(pilot)
        lines = [line.strip() for line in seen(app).splitlines()]
        assert all(title in lines for title in titles), lines  # a heading of its own, in the language
        assert not any(label in line for label in ids for line in lines), "ids are for files, not leaders"
        sample, other = (lines.index(title) for title in titles)
        mentor = {"en": "Appoint a mentor", "da": "Udpege mentor"}[lang]
        under_sample = lines[sample:other] if sample < other else lines[sample:]
        assert any(line.startswith(mentor) for line in under_sample), "the sample list's items under it"


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Other units: units with fewer than 3 hires and hires without a unit"),
    ("da", "Andre enheder: enheder med færre end 3 ansatte og ansatte uden enhed"),
])
async def test_the_report_says_why_small_units_are_counted_together(data_dir: Path, lang: str,
                                                                    said: str) -> None:
    """As in the demo: every hire in a unit of their own, so "other units" is all the report shows of them."""
    library = ChecklistLibrary.discover([builtin_checklists_dir(), DATA])
    onboarding = Onboarding(HireStore(data_dir), library, "Lise", today)
    for name, unit in (("Maja", "Afsnit S4, Aalborg"), ("Ahmed", "Ambulatorium Hjørring"), ("Sofie", None)):
        onboarding.add(name, dt.date(2027, 1, 10), "sample", unit)
    app = make_app(onboarding, lang, poll_seconds=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await report_open(pilot)
        text = " ".join(seen(app).split())
        units = text[text.index({"en": "Per unit", "da": "Pr. enhed"}[lang]):]
        assert said in units, units
        assert "Ambulatorium" not in text and "Aalborg" not in text, "a unit of one is never named"


async def test_a_report_of_large_units_only_has_nothing_to_explain(onboarding: Onboarding) -> None:
    eva = next(record for record in onboarding.store.load_all()[0] if record.name == "Eva")
    onboarding.edit(eva.id, unit="Afsnit S4")
    app = make_app(onboarding, "en", poll_seconds=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await report_open(pilot)
        text = seen(app)
        assert "other units" not in text and "Other units:" not in text, text
