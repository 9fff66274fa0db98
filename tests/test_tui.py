"""The terminal app driven with Textual's Pilot: what each key changes on screen and on disk."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest
from textual.color import Color
from textual.widgets import DataTable, Input, Static

from peeronboard.dates import today
from peeronboard.errors import StoreError
from peeronboard.library import ChecklistLibrary
from peeronboard.onboarding import Onboarding
from peeronboard.paths import builtin_checklists_dir
from peeronboard.store import HireStore
from peeronboard.ui.app import PeerOnboardApp, make_app
from peeronboard.ui.widgets.row_table import RowTable

from .conftest import DATA

START = dt.date(2027, 2, 1)


@pytest.fixture
def onboarding(data_dir: Path) -> Onboarding:
    library = ChecklistLibrary.discover([builtin_checklists_dir(), DATA])
    return Onboarding(HireStore(data_dir), library, "Lise", today)


@pytest.fixture
def anna(onboarding: Onboarding) -> str:
    return onboarding.add("Anna Ærø Jensen", START, "sample", "Afsnit S4", "Mette").id


def app_for(onboarding: Onboarding, lang: str = "en", **options: object) -> PeerOnboardApp:
    return make_app(onboarding, lang, poll_seconds=0, **options)


async def started(pilot) -> None:
    """Wait until the records are read and on screen."""
    while not pilot.app.loaded:
        await pilot.pause(0.01)
    await pilot.pause()


def cell_texts(table: DataTable | RowTable) -> list[list[str]]:
    if isinstance(table, RowTable):
        return table.cell_texts()
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def hire_rows(app: PeerOnboardApp) -> list[list[str]]:
    """The dashboard's rows, each as the text of its cells."""
    return app.screen.query_one("#hires", RowTable).cell_texts()


def screen_text(app: PeerOnboardApp) -> str:
    """Every character the screen shows (toasts too), from Textual's own picture of it."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg.split("</style>")[-1])).replace("\xa0", " ")


def text_of(app: PeerOnboardApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def item_state(onboarding: Onboarding, hire_id: str, item_id: str) -> tuple[str, str | None]:
    state = onboarding.store.load(hire_id).state(item_id)
    return state.status, state.note


async def test_empty_dashboard_says_what_to_do(onboarding: Onboarding) -> None:
    app = app_for(onboarding)
    async with app.run_test() as pilot:
        await started(pilot)
        assert "No hires yet" in text_of(app, "#empty") and "Press n" in text_of(app, "#empty")
        assert not app.screen.query_one("#hires").display


async def test_dashboard_lists_hires_with_progress_and_overdue(onboarding: Onboarding, anna: str) -> None:
    onboarding.add("Bo Late", dt.date(2027, 1, 10), "sample")  # two items overdue on 2027-01-20
    app = app_for(onboarding)
    async with app.run_test(size=(140, 30)) as pilot:
        await started(pilot)
        rows = hire_rows(app)
        assert [r[0] for r in rows] == ["Bo Late", "Anna Ærø Jensen"]  # by start date
        bo, anna_row = rows
        assert bo[5] == "2" and anna_row[5] == "1"
        assert anna_row[4].endswith("0/4") and anna_row[6].startswith("2027-01-18 Appoint a mentor")


async def test_new_hire_form_creates_a_record(onboarding: Onboarding) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#name", Input)
        await pilot.press(*"Kim Østergaard")
        await pilot.press("tab", *"2027-03-01")
        await pilot.press("enter")
        await pilot.pause()
        (record,) = onboarding.store.load_all()[0]
        assert (record.name, record.start_date, record.checklist) == (
            "Kim Østergaard", dt.date(2027, 3, 1), "nordjylland-leder")
        assert type(app.screen).__name__ == "HireScreen"  # the new hire's checklist, ready to work on
        assert "Kim Østergaard" in text_of(app, "#hire-header")
        await pilot.press("escape")
        await pilot.pause()
        assert "Kim Østergaard" in str(hire_rows(app))


async def test_new_hire_form_shows_errors_next_to_fields_and_escape_cancels(onboarding: Onboarding) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await pilot.press("n")
        await pilot.press("tab", *"2027-02-30", "enter")
        await pilot.pause()
        assert text_of(app, "#name-error") == "Enter a name"
        assert text_of(app, "#start-error") == "That date does not exist"
        await pilot.press("escape")
        await pilot.pause()
        assert onboarding.store.record_paths() == []
        assert type(app.screen).__name__ == "DashboardScreen"


async def test_enter_opens_the_hire_and_space_ticks_and_unticks(onboarding: Onboarding, anna: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "HireScreen"
        assert "Find a mentor." in text_of(app, "#guidance")  # guidance of the focused item
        assert "Source: s. 19" in text_of(app, "#guidance")
        await pilot.press("space")
        await pilot.pause()
        assert item_state(onboarding, anna, "appoint-mentor") == ("done", None)
        assert cell_texts(app.screen.query_one("#items", RowTable))[1][0] == "✔"
        await pilot.press("space")
        await pilot.pause()
        assert item_state(onboarding, anna, "appoint-mentor") == ("open", None)


async def test_the_hire_screen_is_made_while_the_dashboard_shows_and_enter_fills_it_with_the_chosen_hire(
        onboarding: Onboarding, anna: str) -> None:
    bo = onboarding.add("Bo Berg", START + dt.timedelta(days=7), "sample", "Afsnit S5").id
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.pause()
        made = app.get_screen("hire")  # made once every hire was read, before any Enter
        assert made.is_mounted and app.screen is not made
        names = {anna: "Anna Ærø Jensen", bo: "Bo Berg"}
        other = made.hire_id
        wanted = bo if other == anna else anna  # the hire the made screen does not hold yet
        while app.screen.query_one("#hires", RowTable).selected_key != wanted:
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is made
        header = text_of(app, "#hire-header")
        assert names[wanted] in header and names[other] not in header


async def test_x_asks_for_a_reason_and_marks_not_applicable(onboarding: Onboarding, anna: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("enter", "down", "x")
        await pilot.pause()
        await pilot.press("enter")  # an empty reason is refused
        await pilot.pause()
        assert text_of(app, "#error") == "Enter a reason"
        await pilot.press(*"IT sets it up", "enter")
        await pilot.pause()
        state = onboarding.store.load(anna).state("order-workstation")
        assert (state.status, state.reason, state.note) == ("skipped", "IT sets it up", None)
        assert "Reason: IT sets it up" in text_of(app, "#guidance")


async def test_o_sets_a_note_and_u_undoes_the_last_change(onboarding: Onboarding, anna: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("enter", "o", *"Mette says yes", "enter")
        await pilot.pause()
        assert item_state(onboarding, anna, "appoint-mentor") == ("open", "Mette says yes")
        assert "Mette says yes" in text_of(app, "#guidance")
        await pilot.press("space")
        await pilot.pause()
        assert item_state(onboarding, anna, "appoint-mentor")[0] == "done"
        await pilot.press("u")
        await pilot.pause()
        assert item_state(onboarding, anna, "appoint-mentor") == ("open", "Mette says yes")
        await pilot.press("u")
        await pilot.pause()
        assert item_state(onboarding, anna, "appoint-mentor") == ("open", None)


async def test_a_failed_save_shows_an_error_and_nothing_looks_ticked(
        onboarding: Onboarding, anna: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise StoreError("err.store", path="x.toml", reason="Read-only file system")

    monkeypatch.setattr(onboarding, "check", refuse)
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("enter", "space")
        await pilot.pause()
        assert cell_texts(app.screen.query_one("#items", RowTable))[1][0] == "·"
        assert any("Not saved" in str(n.message) and "Read-only" in str(n.message)
                   for n in app._notifications)


async def test_agenda_lists_due_items_and_enter_jumps_to_the_item(onboarding: Onboarding, anna: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("a")
        await pilot.pause()
        rows = cell_texts(app.screen.query_one("#agenda", DataTable))
        assert [(r[0], r[2]) for r in rows] == [("2027-01-18  overdue", "Appoint a mentor"),
                                                ("2027-01-25", "Order a workstation")]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "HireScreen"
        assert app.screen.selected_key() == "order-workstation"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "AgendaScreen"


async def test_the_agenda_shows_only_whose_items_the_leader_asks_for(onboarding: Onboarding, anna: str) -> None:
    onboarding.assign(anna, "order-workstation", "Karen Holm")
    app = app_for(onboarding, "da")
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("a")
        await pilot.pause()
        for who, titles in (("karen holm", ["Bestille arbejdsstation"]), ("Karen", ["Bestille arbejdsstation"]),
                            ("leder", ["Udpege mentor", "Bestille arbejdsstation"]), ("Kar", []), ("Mette", [])):
            await pilot.press("w")
            await pilot.pause()
            field = app.screen.query_one("#text", Input)
            field.value = who
            await pilot.press("enter")
            await pilot.pause()
            agenda = app.screen.query_one("#agenda", DataTable)
            assert [r[2] for r in cell_texts(agenda)] == titles if titles else not agenda.display, who
        title = str(app.screen.query_one("#agenda-title", Static).render())
        assert "kun Mette" in title
        assert "Intet for Mette forfalder" in screen_text(app)  # not "nothing is due": others' items are


async def test_slash_filters_by_name_or_unit(onboarding: Onboarding, anna: str) -> None:
    onboarding.add("Bo Hansen", START, "sample", "Ambulatoriet")
    app = app_for(onboarding)
    async with app.run_test(size=(140, 30)) as pilot:
        await started(pilot)
        await pilot.press("slash", *"ambul")
        await pilot.pause()
        assert [r[0] for r in hire_rows(app)] == ["Bo Hansen"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#hires", RowTable).row_count == 2


async def test_help_shows_the_keys_of_the_current_screen(onboarding: Onboarding, anna: str) -> None:
    app = app_for(onboarding, "da")
    async with app.run_test(size=(140, 40)) as pilot:
        await started(pilot)
        await pilot.press("enter", "question_mark")
        await pilot.pause()
        shown = screen_text(app)
        for words in ("Udført/åben", "Ikke relevant", "Note", "Tilbage", "Fortryd", "Afslut", "Frister"):
            assert words in shown
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HireScreen"


async def test_changes_made_elsewhere_show_up(onboarding: Onboarding, anna: str, cli) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 30)) as pilot:
        await started(pilot)
        cli("check", anna, "appoint-mentor")
        app.poll_disk()
        await pilot.pause()
        assert hire_rows(app)[0][4].endswith("1/4")


async def test_unreadable_record_is_a_problem_row(onboarding: Onboarding, anna: str, hires_dir: Path) -> None:
    (hires_dir / "brokn1.toml").write_text("name = ", encoding="utf-8")
    app = app_for(onboarding)
    async with app.run_test(size=(140, 30)) as pilot:
        await started(pilot)
        rows = hire_rows(app)
        assert rows[-1][0].startswith("⚠ brokn1.toml cannot be read") and "line 1: TOML syntax" in rows[-1][0]


async def test_a_problem_row_at_80_columns_names_its_file_its_reason_and_enter(
        onboarding: Onboarding, anna: str, hires_dir: Path) -> None:
    (hires_dir / "brokn1.toml").write_text("name = ", encoding="utf-8")
    app = app_for(onboarding)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        table = app.screen.query_one("#hires", RowTable)
        drawn = table.render_line(table.row_count).text  # the last row, as the screen shows it
        assert "brokn1.toml" in drawn and "Enter" in drawn and "line 1" in drawn, drawn


async def test_privacy_mode_and_language_switch(onboarding: Onboarding, anna: str) -> None:
    app = app_for(onboarding, private=True)
    async with app.run_test(size=(140, 30)) as pilot:
        await started(pilot)
        assert hire_rows(app)[0][0] == "A. Æ. J."
        app.action_toggle_private()
        app.action_switch_language()
        await pilot.pause()
        assert hire_rows(app)[0][0] == "Anna Ærø Jensen"
        assert "Ansatte" in text_of(app, "#title")


async def test_privacy_mode_masks_the_hires_name_inside_notes_too(onboarding: Onboarding, anna: str) -> None:
    onboarding.note(anna, "appoint-mentor", "Mette ringer til Anna Ærø; Jensens kontrakt er klar (anna-koden)")
    app = app_for(onboarding, private=True)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("enter")
        await pilot.pause()
        shown = text_of(app, "#guidance")
        assert "Mette ringer til A. Æ.; J. kontrakt er klar (anna-koden)" in shown, shown
        await pilot.press("o")  # editing would show the note as written: refused while private
        await pilot.pause()
        assert type(app.screen).__name__ == "HireScreen"
        assert any("turn privacy mode off" in str(n.message) for n in app._notifications)
        app.action_toggle_private()
        await pilot.pause()
        assert "Anna Ærø; Jensens kontrakt" in text_of(app, "#guidance")
    assert onboarding.store.load(anna).state("appoint-mentor").note.startswith("Mette ringer til Anna")


async def test_click_highlights_a_row_and_a_second_click_opens_it(onboarding: Onboarding, anna: str) -> None:
    bo = onboarding.add("Bo Hansen", START + dt.timedelta(days=1), "sample").id
    app = app_for(onboarding)
    async with app.run_test(size=(140, 30)) as pilot:
        await started(pilot)
        await pilot.click("#hires", offset=(3, 2))
        await pilot.pause()
        assert type(app.screen).__name__ == "DashboardScreen"
        await pilot.click("#hires", offset=(3, 2))
        await pilot.pause()
        assert type(app.screen).__name__ == "HireScreen" and app.screen.hire_id == bo


async def test_q_quits(onboarding: Onboarding) -> None:
    app = app_for(onboarding)
    async with app.run_test() as pilot:
        await started(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_undo_never_overwrites_a_change_made_elsewhere(onboarding: Onboarding, anna: str, cli) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("enter", "space")
        await pilot.pause()
        cli("note", anna, "appoint-mentor", "Set from the command line")
        await pilot.press("u")
        await pilot.pause()
        assert item_state(onboarding, anna, "appoint-mentor") == ("done", "Set from the command line")
        assert any("changed elsewhere" in str(n.message) for n in app._notifications)


async def test_space_does_what_the_screen_showed(onboarding: Onboarding, anna: str, cli) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("enter")
        cli("check", anna, "appoint-mentor")  # ticked elsewhere; the screen has not polled yet
        await pilot.press("space")
        await pilot.pause()
        assert item_state(onboarding, anna, "appoint-mentor")[0] == "done"  # ticked, not unticked


async def test_new_hire_form_refuses_a_start_date_out_of_range(onboarding: Onboarding) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await pilot.press("n", *"Kim", "tab", *"1850-01-01", "enter")
        await pilot.pause()
        assert text_of(app, "#start-error") == "Choose a date between the years 1900 and 2999"
        assert onboarding.store.record_paths() == []


async def test_the_app_notices_outside_changes_by_itself(onboarding: Onboarding, anna: str, cli) -> None:
    app = make_app(onboarding, "en", poll_seconds=0.2)
    async with app.run_test(size=(140, 30)) as pilot:
        await started(pilot)
        cli("check", anna, "appoint-mentor")
        await pilot.pause(0.8)
        assert hire_rows(app)[0][4].endswith("1/4")


async def test_e_exports_the_hire_on_screen(onboarding: Onboarding, anna: str, tmp_path: Path) -> None:
    target = tmp_path / "anna.md"
    app = app_for(onboarding)
    async with app.run_test(size=(140, 40)) as pilot:
        await started(pilot)
        await pilot.press("enter", "e")
        await pilot.pause()
        field = app.screen.query_one("#path", Input)
        assert field.value.endswith(".html")  # HTML is the default: it opens anywhere
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        written = target.read_text(encoding="utf-8")
        assert "\n# Anna Ærø Jensen\n" in written  # a file named .md is Markdown: the format follows the name
        assert "Anna Ærø Jensen" in written
        assert any(str(target) in str(n.message) for n in app._notifications)


async def test_export_dialog_refuses_a_folder_that_does_not_exist(onboarding: Onboarding, anna: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 40)) as pilot:
        await started(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#path", Input).value = "/no/such/folder/x.html"
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app, "#path-error") == "Enter a file name in a folder that exists"


async def test_the_palette_speaks_danish_and_offers_no_screenshot_of_names(onboarding: Onboarding,
                                                                           anna: str) -> None:
    app = app_for(onboarding, "da")
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Tema", "Afslut", "Ny ansat", "Frister"} <= set(titles)
        # nor Textual's key panel, which names its keys in English only (? lists them in Danish)
        assert not {"Theme", "Quit", "Keys", "Taster", "Screenshot"} & set(titles)
        await pilot.press("ctrl+p", *"tema", "enter")
        await pilot.pause(0.3)
        assert "Søg efter farvetemaer…" in screen_text(app)  # Textual says "Search for themes…"
        await pilot.press(*"nord", "enter")  # Tema opens Textual's theme picker
        await pilot.pause(0.3)
        assert app.theme == "nord"


async def test_the_drawn_rows_follow_a_change_privacy_and_the_filter(onboarding: Onboarding, anna: str) -> None:
    """The table keeps the lines it drew while a filter narrows the rows: what it draws must still
    follow every change of a row, of privacy mode and of the language."""
    onboarding.add("Bo Hansen", START)
    app = app_for(onboarding)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        table = app.screen.query_one("#hires", RowTable)

        def drawn() -> str:
            return "\n".join(table.render_line(y).text for y in range(1, table.row_count + 1))

        assert "Anna Ærø Jensen" in drawn() and "0/4" in drawn()
        await pilot.press("slash", *"anna")
        await pilot.pause()
        assert "Bo Hansen" not in drawn() and "Anna Ærø Jensen" in drawn()
        await app.change_item(anna, "appoint-mentor", lambda r: onboarding.check(r, "appoint-mentor"))
        await pilot.pause()
        assert "1/4" in drawn()
        app.action_toggle_private()
        await pilot.pause()
        assert "A. Æ. J." in drawn() and "Anna" not in drawn()
        await pilot.press("escape")
        await pilot.pause()
        assert "Bo Hansen" not in drawn() and "B. H." in drawn()


async def test_the_filter_finds_a_hire_by_the_name_it_was_just_given(onboarding: Onboarding, anna: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        await pilot.press("slash", *"anna")
        await pilot.pause()
        assert [r[0] for r in hire_rows(app)] == ["Anna Ærø Jensen"]
        await app.save_hire(anna, lambda: onboarding.edit(anna, name="Annelise Holm"), lambda _: "")
        await pilot.pause()
        await pilot.press("backspace", "backspace", "backspace", "backspace", *"annelise")
        await pilot.pause()
        assert [r[0] for r in hire_rows(app)] == ["Annelise Holm"]


async def test_the_rows_take_the_new_theme_at_once(onboarding: Onboarding, anna: str) -> None:
    """textual-dark and textual-light share their error colour: the rows must still be drawn anew."""
    app = app_for(onboarding)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        table = app.screen.query_one("#hires", RowTable)
        table.render_line(1)
        app.theme = "textual-light"
        await pilot.pause()
        drawn = table.render_line(1)
        table._lines.clear()  # what a table that kept nothing draws
        assert list(drawn) == list(table.render_line(1))


async def test_the_filter_opens_in_the_titles_line_and_the_rows_stay_put(onboarding: Onboarding, anna: str,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """``/`` puts the filter field where the title was: the rows neither move nor have their cells made
    again (only coloured again, for the focus the table lost), and Escape brings the title back."""
    onboarding.add("Bo Berg", START, "sample", "Afsnit S4", "Mette")
    app = app_for(onboarding)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        table = app.screen.query_one("#hires", RowTable)
        title = app.screen.query_one("#title", Static)
        where, focused_line = table.region, list(table.render_line(1))
        made: list[object] = []
        real = RowTable._cell_segments
        monkeypatch.setattr(RowTable, "_cell_segments",
                            lambda self, *args: made.append(args) or real(self, *args))
        await pilot.press("slash")
        await pilot.pause()
        field = app.screen.query_one("#filter", Input)
        assert app.focused is field and not title.display
        assert (field.region.y, field.region.height) == (where.y - 1, 1)
        assert table.region == where and made == []
        assert list(table.render_line(1)) != focused_line  # the cursor row in the colours of no focus
        await pilot.press(*"bo")
        await pilot.pause()
        assert [row[0] for row in cell_texts(table)] == ["Bo Berg"]
        await pilot.press("escape")
        await pilot.pause()
        assert title.display and not field.display and table.region == where
        assert app.focused is table and table.selected_key != anna  # the cursor stayed on Bo
        await pilot.press("up")
        await pilot.pause()
        assert list(table.render_line(1)) == focused_line


async def test_an_overdue_count_takes_a_new_themes_error_colour(onboarding: Onboarding) -> None:
    """nord's error colour is not textual-dark's: after the theme changes, the dashboard's overdue
    count is drawn in the new one (the cells made to size the columns are made again too)."""
    onboarding.add("Bo Overdue", dt.date(2026, 6, 1), "sample", "Afsnit S4", "Mette")
    onboarding.add("Cai Later", dt.date(2027, 6, 1), "sample", "Afsnit S4", "Mette")
    app = app_for(onboarding)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        await pilot.press("down")  # the cursor's own colours off Bo's row
        table = app.screen.query_one("#hires", RowTable)

        def overdue_colours() -> set[str]:
            return {segment.style.color.name.lower() for segment in table.render_line(1)
                    if segment.text.strip().isdigit() and segment.style and segment.style.bold}

        def error_colour() -> str:
            return Color.parse(app.error_color).hex.lower()

        before = error_colour()
        assert overdue_colours() == {before}
        app.theme = "nord"
        await pilot.pause()
        assert error_colour() != before
        assert overdue_colours() == {error_colour()}
