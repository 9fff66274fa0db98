"""What a snapshot review of issue #15 found on help, the key bar, the edit form and the export dialog, as a
leader sees it: help lists the keys that work now on the screen underneath, Danish says "quit" in words
that cannot be taken for "finish the onboarding", a warning to confirm is drawn as a warning, and the
overwrite question names the whole path."""
# ruff: noqa: F811 - the fixtures come from test_tui

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.color import Color
from textual.widgets import Input, Static

from peeronboard.onboarding import Onboarding
from peeronboard.ui.app import PeerOnboardApp
from peeronboard.ui.screens.help import HelpScreen
from peeronboard.ui.widgets.key_bar import KeyBar

from .test_tui import anna, app_for, onboarding, screen_text, started, text_of  # noqa: F401

SIZES = [(80, 24), (120, 40)]
CLEAR_FILTER = {"da": "Ryd filter", "en": "Clear filter"}
AGENDA = {"da": "Frister", "en": "Agenda"}
OPEN = {"da": "Åbn", "en": "Open"}
QUIT = {"da": "Luk", "en": "Quit"}


def help_rows(app: PeerOnboardApp) -> list[tuple[str, str]]:
    """(key, what it does) for each line of the help's key list, as the screen shows it."""
    assert isinstance(app.screen, HelpScreen)
    rows = []
    for line in screen_text(app).splitlines():
        match = re.fullmatch(r"█(\S+)\s+(\S.*?)\s*█", line.strip())
        if match:
            rows.append((match[1], match[2]))
    return rows


async def help_over(pilot, *keys: str) -> list[tuple[str, str]]:
    """The help's key rows over the screen ``keys`` lead to."""
    await pilot.press(*keys)
    await pilot.pause()
    await pilot.press("question_mark")
    await pilot.pause()
    return help_rows(pilot.app)


def key_bar(app: PeerOnboardApp) -> tuple[list[tuple[str, str]], str]:
    """The key bar's (key, what it does) pairs, and its line as drawn."""
    bar = app.screen.query_one(KeyBar)
    return [(key.shown, key.description) for key in bar.shown_keys], str(bar.render()).rstrip()


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_help_lists_escape_clears_the_filter_only_while_filtering(onboarding: Onboarding, anna: str,
                                                                       lang: str) -> None:
    app = app_for(onboarding, lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        unfiltered = await help_over(pilot)
        assert ("esc", CLEAR_FILTER[lang]) not in unfiltered, unfiltered
        assert ("/", {"da": "Filtrér", "en": "Filter"}[lang]) in unfiltered
        await pilot.press("escape")  # help closes
        filtering = await help_over(pilot, "slash", *"anna", "enter")  # the list has the focus again
        assert ("esc", CLEAR_FILTER[lang]) in filtering, filtering


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_help_on_the_agenda_leaves_out_the_key_that_opens_the_agenda(onboarding: Onboarding, anna: str,
                                                                          lang: str) -> None:
    app = app_for(onboarding, lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        assert ("a", AGENDA[lang]) in await help_over(pilot), "on the dashboard, a opens the agenda"
        await pilot.press("escape")
        on_agenda = await help_over(pilot, "a")
        assert ("a", AGENDA[lang]) not in on_agenda, on_agenda
        assert ("u", {"da": "Fortryd", "en": "Undo"}[lang]) in on_agenda, "the other app keys stay"


async def test_help_names_enter_as_the_key_bar_does(onboarding: Onboarding, anna: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await pilot.press("a")
        await pilot.pause()
        in_bar = next(key for key, words in key_bar(app)[0] if words == "Open")
        assert (in_bar, "Open") in await help_over(pilot)


@pytest.mark.parametrize("size", SIZES)
async def test_danish_quit_cannot_be_taken_for_finishing_an_onboarding(onboarding: Onboarding, anna: str,
                                                                      size: tuple[int, int]) -> None:
    app = app_for(onboarding, "da")
    async with app.run_test(size=size) as pilot:
        await started(pilot)
        for screen_keys in ((), ("enter",)):  # the dashboard, then Anna's checklist
            await pilot.press(*screen_keys)
            await pilot.pause()
            keys, line = key_bar(app)
            assert len(line) <= size[0] and keys[-2:] == [("?", "Hjælp"), ("^p", "palet")], line
            assert ("q", "Afslut") not in keys, line


async def test_danish_quit_fits_the_dashboard_key_bar_at_120_columns_and_help_says_it(onboarding: Onboarding,
                                                                                      anna: str) -> None:
    app = app_for(onboarding, "da")
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        keys, line = key_bar(app)
        assert {("q", QUIT["da"]), ("u", "Fortryd"), ("a", "Frister")} <= set(keys) and len(line) <= 120, line
        rows = await help_over(pilot)
        assert ("q", QUIT["da"]) in rows and ("f", "Afslut forløb") in rows, rows


async def test_a_start_date_that_moves_items_is_drawn_as_a_warning_not_an_error(onboarding: Onboarding,
                                                                               anna: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await pilot.press("c", "tab", *"2027-03-01", "enter")
        await pilot.pause()
        message = app.screen.query_one("#start-error", Static)
        assert "move 28 days later" in text_of(app, "#start-error")
        warning, error = (Color.parse(app.theme_variables[name]) for name in ("warning", "error"))
        assert message.styles.color == warning != error
        field = app.screen.query_one("#start", Input)
        field.value = "2027-02-30"  # no such day: now it is an error, in the error's colour
        await pilot.press("enter")
        await pilot.pause()
        assert "That date does not exist" in text_of(app, "#start-error") and message.styles.color == error


async def test_the_overwrite_question_names_the_whole_path(onboarding: Onboarding, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "oversigt.html").write_text("<p>last week</p>", encoding="utf-8")
    app = app_for(onboarding)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = "oversigt.html"
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app, "#question") == f"{tmp_path / 'oversigt.html'} already exists. Overwrite it?"
        await pilot.press("y")
        await pilot.pause()
        assert any(str(tmp_path / "oversigt.html") in str(toast.message) for toast in app._notifications)


async def test_an_item_moved_and_overdue_shows_both_marks(onboarding: Onboarding, anna: str) -> None:
    """? says "*" marks a due date moved from the checklist's and "!" an overdue one: an item that is
    both shows both, not "!" alone."""
    onboarding.set_due(anna, "appoint-mentor", "2027-01-12")  # moved, and before the tests' day
    app = app_for(onboarding)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        await pilot.press("enter")
        rows = [" ".join(row) for row in app.screen.query_one("#items").cell_texts()]
        assert any("Appoint a mentor" in row and "2027-01-12 *!" in row for row in rows), rows


async def test_the_history_says_a_changed_field_in_the_apps_language(onboarding: Onboarding, anna: str) -> None:
    onboarding.edit(anna, unit="Afsnit S5")
    app = app_for(onboarding, "da")
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        await pilot.press("enter", "l")
        text = screen_text(app)
        assert "enhed: Afsnit S4 → Afsnit S5" in text and "unit:" not in text, text


async def test_the_history_is_headed_as_the_command_lines_log(onboarding: Onboarding, anna: str, cli) -> None:
    heads = cli("--lang", "da", "log", anna).out.splitlines()[0].split()
    app = app_for(onboarding, "da")
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        await pilot.press("enter", "l")
        shown = [line.split() for line in screen_text(app).splitlines()]
        assert heads in shown, (heads, shown[:4])
