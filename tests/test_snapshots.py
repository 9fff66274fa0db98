"""What the leader sees, screen by screen, in Danish and English (pytest-textual-snapshot).

After a deliberate change to a screen: ``python3 run.py test tests/test_snapshots.py --snapshot-update``,
then look at the new SVGs under tests/__snapshots__/ before committing them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input

from peeronboard.dates import today
from peeronboard.library import ChecklistLibrary
from peeronboard.onboarding import Onboarding
from peeronboard.paths import builtin_checklists_dir
from peeronboard.store import HireStore
from peeronboard.ui.app import make_app

from .conftest import DATA

SIZE = (120, 34)
LANGS = ["da", "en"]


def onboarding_on(folder: Path, with_hires: bool) -> Onboarding:
    library = ChecklistLibrary.discover([builtin_checklists_dir(), DATA])
    onboarding = Onboarding(HireStore(folder), library, "Lise Holm", today)
    if with_hires:
        anna = onboarding.add("Anna Ærø Jensen", dt.date(2027, 2, 1), None, "Afsnit S4, Aalborg", "Mette")
        anna = onboarding.check(anna, "appoint-mentor", on=dt.date(2026, 11, 2))
        anna = onboarding.check(anna, "write-and-share-job-posting", on=dt.date(2026, 11, 9))
        anna = onboarding.skip(anna, "draft-employment-contract", "HR står for kontrakten")
        onboarding.note(anna, "introduce-peer-support-to-staff", "Personalemøde 26. januar")
        onboarding.add("Bo Nielsen", dt.date(2026, 12, 1), None, "Ambulatorium Hjørring")
        onboarding.add("Carla Mikkelsen", dt.date(2027, 4, 15), "sample")
    return onboarding


async def loaded(pilot) -> None:
    while not pilot.app.loaded:
        await pilot.pause(0.01)
    await pilot.pause()


def no_blink(pilot) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


@pytest.mark.parametrize("lang", LANGS)
def test_empty_dashboard(snap_compare, tmp_path: Path, lang: str) -> None:
    app = make_app(onboarding_on(tmp_path, False), lang, poll_seconds=0)
    assert snap_compare(app, terminal_size=SIZE, run_before=loaded)


@pytest.mark.parametrize("lang", LANGS)
def test_full_dashboard(snap_compare, tmp_path: Path, lang: str) -> None:
    app = make_app(onboarding_on(tmp_path, True), lang, poll_seconds=0)
    assert snap_compare(app, terminal_size=SIZE, run_before=loaded)


@pytest.mark.parametrize("lang", LANGS)
def test_hire_checklist(snap_compare, tmp_path: Path, lang: str) -> None:
    app = make_app(onboarding_on(tmp_path, True), lang, poll_seconds=0)

    async def open_anna(pilot) -> None:
        await loaded(pilot)
        await pilot.press("down", "enter", "down", "down", "down", "down")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=open_anna)


@pytest.mark.parametrize("lang", LANGS)
def test_new_hire_form_with_an_error(snap_compare, tmp_path: Path, lang: str) -> None:
    app = make_app(onboarding_on(tmp_path, False), lang, poll_seconds=0)

    async def fill_badly(pilot) -> None:
        await loaded(pilot)
        await pilot.press("n", *"Dina Holm", "tab", *"2027-02-30", "enter")
        await pilot.pause()
        no_blink(pilot)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=fill_badly)


@pytest.mark.parametrize("lang", LANGS)
def test_agenda(snap_compare, tmp_path: Path, lang: str) -> None:
    app = make_app(onboarding_on(tmp_path, True), lang, poll_seconds=0)

    async def agenda(pilot) -> None:
        await loaded(pilot)
        await pilot.press("a")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=agenda)


@pytest.mark.parametrize("lang", LANGS)
def test_help(snap_compare, tmp_path: Path, lang: str) -> None:
    app = make_app(onboarding_on(tmp_path, True), lang, poll_seconds=0)

    async def help_on_hire(pilot) -> None:
        await loaded(pilot)
        await pilot.press("enter", "question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=help_on_hire)


SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_report(snap_compare, tmp_path: Path, lang: str, size: tuple[int, int]) -> None:
    app = make_app(onboarding_on(tmp_path, True), lang, poll_seconds=0)

    async def report(pilot) -> None:
        await loaded(pilot)
        await pilot.press("g")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=report)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_hire_timeline(snap_compare, tmp_path: Path, lang: str, size: tuple[int, int]) -> None:
    app = make_app(onboarding_on(tmp_path, True), lang, poll_seconds=0)

    async def timeline_of_anna(pilot) -> None:
        await loaded(pilot)
        await pilot.press("down", "enter", "t", "right", "right")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=timeline_of_anna)
