"""Issue 15: every word the app shows is in the chosen language and says what it means: the palette's
"no matches", what ? lists on each screen, the agenda's person key and prompt, the edit form's warning,
and an export whose file name names another format than the one chosen."""

# ruff: noqa: F811 - the fixtures come from test_tui_polish
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from peeronboard.onboarding import Onboarding
from peeronboard.ui.app import PeerOnboardApp
from peeronboard.ui.localize import CommandPalette
from peeronboard.ui.screens.agenda import AgendaScreen
from peeronboard.ui.screens.export import ExportRequest, ExportScreen
from peeronboard.ui.screens.report import ReportScreen
from peeronboard.ui.widgets.key_bar import KeyBar

from .test_tui import START, app_for, screen_text, started, text_of
from .test_tui_polish import maja, onboarding  # noqa: F401 - Maja, on the built-in and test checklists

SIZE = (120, 60)  # room for the whole of ? (help)


def lines_of(app: PeerOnboardApp) -> list[str]:
    return [" ".join(line.split()) for line in screen_text(app).splitlines()]


def inside(line: str) -> str:
    """A line of a dialog without the dialog's border (a block either side)."""
    return line.removeprefix("█").removesuffix("█").strip()


async def help_of(pilot, *keys: str) -> list[str]:
    """The lines ? shows over the screen the keys lead to."""
    await started(pilot)
    await pilot.press(*keys)
    await pilot.pause(0.2)
    await pilot.press("question_mark")
    await pilot.pause()
    return lines_of(pilot.app)


# --- 1. the palette's "no matches" ---------------------------------------------------------------

@pytest.mark.parametrize(("lang", "said", "unsaid"), [("da", "Ingen resultater", "No matches found"),
                                                       ("en", "No matches found", "Ingen resultater")])
async def test_the_palette_says_it_found_nothing_in_the_app_s_language(
        onboarding: Onboarding, maja: str, lang: str, said: str, unsaid: str) -> None:
    app = app_for(onboarding, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"zqxj")
        shown = ""
        for _ in range(250):  # Textual says it after a short wait
            await pilot.pause(0.02)
            shown = screen_text(app)
            if said in shown or unsaid in shown:
                break
        assert said in shown and unsaid not in shown, [line for line in shown.splitlines() if line.strip()]


async def test_the_app_s_palette_class_says_it_found_nothing_in_danish(onboarding: Onboarding) -> None:
    app = app_for(onboarding, "da")
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        app.push_screen(CommandPalette(placeholder=app.t("palette.search")))
        await pilot.pause()
        await pilot.press(*"zqxj")
        for _ in range(250):
            await pilot.pause(0.02)
            if "Ingen resultater" in screen_text(app):
                break
        assert "Ingen resultater" in screen_text(app) and "No matches" not in screen_text(app)


# --- 2. what ? lists ---------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "enter", "tab"), [
    ("da", "⏎ Udført/åben", "tab Til sidepanelet (vejledningen) og tilbage: ↑↓ ruller det"),
    ("en", "⏎ Tick/untick", "tab To the side panel (the guidance) and back: ↑↓ scroll it"),
])
async def test_help_on_a_hire_lists_enter_as_tick_and_tab_to_the_side_panel(
        onboarding: Onboarding, maja: str, lang: str, enter: str, tab: str) -> None:
    app = app_for(onboarding, lang)
    async with app.run_test(size=SIZE) as pilot:
        shown = await help_of(pilot, "enter")
        assert any(inside(line).startswith(enter) for line in shown), shown
        assert any(inside(line).startswith(tab) for line in shown), shown
        await pilot.press("escape", "tab")  # and Tab does what help says
        await pilot.pause()
        assert app.focused is app.screen.query_one("#guidance-box")
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#items")


@pytest.mark.parametrize(("lang", "offered"), [
    ("da", "Kommandopalet: åbn en ansat ved navn, ny ansat, frister, eksportér, rapport, skift sprog, "
           "privat visning til/fra, flet modstridende kopier, til sletning, vis/skjul afsluttede, tema, "
           "afslut"),
    ("en", "Command palette: open a hire by name, new hire, agenda, export, report, switch language, "
           "privacy mode on/off, merge conflicting copies, due for erasure, show/hide finished hires, theme, "
           "quit"),
])
async def test_help_says_what_the_palette_offers(onboarding: Onboarding, maja: str, lang: str,
                                                 offered: str) -> None:
    app = app_for(onboarding, lang)
    async with app.run_test(size=SIZE) as pilot:
        shown = " ".join(inside(line) for line in await help_of(pilot))
        assert offered in shown, shown
        titles = [command.title for command in app.get_system_commands(app.screen) if command.discover]
        for title in titles:  # every command the palette lists, by its words before a colon
            assert title.split(":")[0].casefold() in offered.casefold(), title


@pytest.mark.parametrize(("lang", "marks"), [
    ("da", ["█ udført senest på fristen", "▓ udført efter fristen", "▒ markeret ikke relevant",
            "░ stadig åben efter fristen"]),
    ("en", ["█ done by its due date", "▓ done after its due date", "▒ marked not applicable",
            "░ still open after its due date"]),
])
async def test_help_on_the_report_explains_its_bars_not_the_checklist_s_marks(
        onboarding: Onboarding, maja: str, lang: str, marks: list[str]) -> None:
    app = app_for(onboarding, lang)
    async with app.run_test(size=SIZE) as pilot:
        shown = await help_of(pilot, "g")
        assert isinstance(app.screen.under, ReportScreen)
        stripped = [inside(line) for line in shown]
        for mark in marks:
            assert mark in stripped, (mark, stripped)
        assert not any(line.startswith(("✎", "(eget)", "(own)", "✔")) for line in stripped), stripped


# --- 3. the agenda's person key and its prompt --------------------------------------------------

@pytest.mark.parametrize(("lang", "key", "hint"), [
    ("da", "w Hvem", "Et navn (Mette) eller en rolle (mentor, hr, leder) · tom viser alle · Enter viser · "
                     "Esc annullerer"),
    ("en", "w Whose", "A name (Mette) or a role (mentor, hr, leader) · empty shows all · Enter shows · "
                      "Escape cancels"),
])
async def test_the_agenda_s_person_key_and_prompt_say_what_they_do(onboarding: Onboarding, maja: str,
                                                                   lang: str, key: str, hint: str) -> None:
    app = app_for(onboarding, lang)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        footer = next(line for line in reversed(lines_of(app)) if line)
        assert key in footer and "Hvis" not in footer, footer
        await pilot.press("w")
        await pilot.pause()
        assert text_of(app, ".hint") == hint


# --- 4. the edit form's warning when every open item moves --------------------------------------

@pytest.mark.parametrize(("lang", "said", "unsaid"), [
    ("da", "4 åbne punkter flyttes 28 dage senere · Enter igen gemmer", "beholder"),
    ("en", "4 open items move 28 days later · Enter again saves", "keep"),
])
async def test_the_edit_form_says_nothing_of_items_keeping_their_date_when_none_does(
        onboarding: Onboarding, maja: str, lang: str, said: str, unsaid: str) -> None:
    app = app_for(onboarding, lang)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one("#start", Input).value = (START + dt.timedelta(days=28)).isoformat()
        app.screen.query_one("#start", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        warning = text_of(app, "#start-error")
        assert warning == said and unsaid not in warning


async def test_the_edit_form_says_how_many_keep_their_own_date_only_when_some_do(onboarding: Onboarding,
                                                                                  maja: str) -> None:
    app = app_for(onboarding, "da")
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one("#start", Input).value = "2027-02-08"
        app.screen.query_one("#start", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app, "#start-error") == "4 åbne punkter flyttes 7 dage senere · Enter igen gemmer"
        await pilot.press("escape")
        onboarding.set_due(maja, "appraisal", "2028-06-01")
        app.poll_disk()
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one("#start", Input).value = "2027-02-08"
        app.screen.query_one("#start", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app, "#start-error") == ("3 åbne punkter flyttes 7 dage senere; 1 beholder sin egen "
                                                 "frist · Enter igen gemmer")


# --- 7. an export whose file name names another format ------------------------------------------

async def test_an_export_named_md_is_markdown_even_when_html_was_chosen(onboarding: Onboarding, maja: str,
                                                                        tmp_path: Path) -> None:
    app = app_for(onboarding, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        returned: list[ExportRequest | None] = []
        app.push_screen(ExportScreen("all", app.onboarding.today()), returned.append)
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#format", Select).value == "html"
        screen.query_one("#path", Input).value = str(tmp_path / "all.md")
        await pilot.pause()
        assert screen.query_one("#format", Select).value == "md"  # the dialog shows what it will write
        assert "Markdown" in str(screen.query_one("#format").query_one("#label", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        assert returned == [ExportRequest("md", tmp_path / "all.md")]


async def test_an_export_named_md_writes_markdown(onboarding: Onboarding, maja: str, tmp_path: Path) -> None:
    app = app_for(onboarding, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(tmp_path / "all.md")
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(200):
            await pilot.pause(0.02)
            if (tmp_path / "all.md").exists():
                break
        written = (tmp_path / "all.md").read_text(encoding="utf-8")
        assert "\n# Maja Sørensen\n" in written and "- [ ] " in written and "<html" not in written.casefold()


@pytest.mark.parametrize(("start", "then", "tick"), [("da", "en", "Tick/untick"), ("en", "da", "Udført/åben")])
async def test_a_switch_of_language_reaches_the_hire_screen_kept_behind_the_dashboard(
        onboarding: Onboarding, start: str, then: str, tick: str) -> None:
    """The hire screen is kept while the dashboard shows: its keys follow a switch made there."""
    onboarding.add("Anna Berg", START)
    app = app_for(onboarding, start)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        await pilot.press("enter")  # the hire screen is made, then kept
        await pilot.press("escape")
        app.action_switch_language()
        await pilot.press("enter")
        bar = str(app.screen.query_one(KeyBar).render())
        assert f"space {tick}" in bar, bar
