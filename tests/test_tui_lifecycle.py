"""The app over a hire's whole life: finishing, erasing, editing, people, one-off items, history, sorting."""
# ruff: noqa: F811 - the fixtures come from test_tui

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from textual.widgets import Input, Static

from peeronboard.onboarding import Onboarding
from peeronboard.ui.widgets.row_table import RowTable

from .test_tui import START, anna, app_for, cell_texts, onboarding, screen_text, started, text_of  # noqa: F401

TODAY = dt.date(2027, 1, 20)  # conftest's fixed day


def toasts(app) -> list[tuple[str, str]]:
    return [(str(n.message), n.severity) for n in app._notifications]


def rows_of(app, table: str) -> list[list[str]]:
    return cell_texts(app.screen.query_one(table))


async def test_a_change_that_changes_nothing_is_a_calm_toast_and_cannot_be_undone(
        onboarding: Onboarding, anna: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("enter")
        await pilot.pause()
        onboarding.check(anna, "appoint-mentor")  # ticked in another window; the screen still shows open
        await pilot.press("space")
        await pilot.pause()
        assert toasts(app)[-1] == ("already done; nothing changed", "information")
        assert not any("Not saved" in text for text, _ in toasts(app))
        await pilot.press("u")
        await pilot.pause()
        assert toasts(app)[-1] == ("Nothing to undo", "warning")
        assert onboarding.store.load(anna).state("appoint-mentor").status == "done"


async def test_the_due_date_dialog_keeps_a_reason_in_the_history(onboarding: Onboarding, anna: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 40)) as pilot:
        await started(pilot)
        await pilot.press("enter", "d", *"+1w", "tab", *"mentor on leave", "enter")
        await pilot.pause()
        record = onboarding.store.load(anna)
        assert record.state("appoint-mentor").due == dt.date(2027, 1, 25)
        assert record.log[-1].text == "2027-01-25: mentor on leave"
        assert "due date: 2027-01-25: mentor on leave" in text_of(app, "#guidance")  # the panel's history


async def test_skip_dialog_shows_the_note_and_the_panel_shows_reason_and_note_apart(
        onboarding: Onboarding, anna: str) -> None:
    onboarding.note(anna, "appoint-mentor", "Mette asked")
    app = app_for(onboarding)
    async with app.run_test(size=(140, 40)) as pilot:
        await started(pilot)
        await pilot.press("enter", "x")
        await pilot.pause()
        assert "The note (unchanged): Mette asked" in "".join(str(s.render()) for s in app.screen.query(Static))
        await pilot.press(*"mentor exists", "enter")
        await pilot.pause()
        panel = text_of(app, "#guidance")
        assert "Reason: mentor exists" in panel and "Note: Mette asked" in panel


async def test_f_finishes_a_hire_which_leaves_dashboard_and_agenda_and_v_shows_it(
        onboarding: Onboarding, anna: str) -> None:
    onboarding.add("Bo Hansen", START, "sample")
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("enter", "f", *"completed", "enter")
        await pilot.pause()
        record = onboarding.store.load(anna)
        assert (record.finished, record.finish_reason) == (TODAY, "completed")
        assert ("Anna Ærø Jensen: finished 2027-01-20", "information") in toasts(app)
        await pilot.press("escape")
        await pilot.pause()
        assert [r[0] for r in rows_of(app, "#hires")] == ["Bo Hansen"]
        await pilot.press("a")
        await pilot.pause()
        assert {r[1] for r in rows_of(app, "#agenda")} == {"Bo Hansen"}
        await pilot.press("escape", "v")
        await pilot.pause()
        rows = {r[0]: r[-1] for r in rows_of(app, "#hires")}
        assert rows["Anna Ærø Jensen"] == "■ finished 2027-01-20: completed"
        assert "finished shown" in text_of(app, "#title")
        app.screen.query_one("#hires", RowTable).move_to(anna)
        await pilot.press("f")  # the focused finished hire: reopen, no question
        await pilot.pause()
        assert onboarding.store.load(anna).finished is None
        assert "Anna Ærø Jensen: open again (was finished 2027-01-20)" in toasts(app)[-1][0]


async def test_hires_due_for_erasure_are_counted_and_erased_from_the_review(
        onboarding: Onboarding, anna: str, hires_dir: Path) -> None:
    onboarding.finish(anna, "left", on=dt.date(2025, 6, 1))
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        assert "1 finished hire due for erasure (press r)" in text_of(app, "#title")
        await pilot.press("r")
        await pilot.pause()
        assert rows_of(app, "#erasure") == [["Anna Ærø Jensen", "2027-02-01", "2025-06-01", "left"]]
        await pilot.press("delete")
        await pilot.pause()
        assert f"Erase Anna Ærø Jensen ({anna}) and the whole record for good?" in text_of(app, "#question")
        await pilot.press("enter")  # No is focused
        await pilot.pause()
        assert (hires_dir / f"{anna}.toml").exists()
        await pilot.press("delete", "y")
        await pilot.pause()
        assert not (hires_dir / f"{anna}.toml").exists()
        assert toasts(app)[-1][0].startswith(f"Erased {anna} (")
        assert text_of(app, "#erasure-empty") == "No finished hire is due for erasure."


async def test_erase_from_the_hire_screen_reports_what_could_not_be_removed(
        onboarding: Onboarding, anna: str, hires_dir: Path) -> None:
    stuck = hires_dir / f"{anna}.toml~"  # an editor backup of the record, but a folder: cannot be shredded
    stuck.mkdir()
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("enter", "delete")
        await pilot.pause()
        await pilot.press("escape")  # cancelled
        await pilot.pause()
        assert (hires_dir / f"{anna}.toml").exists() and type(app.screen).__name__ == "HireScreen"
        await pilot.press("delete", "y")
        await pilot.pause()
        assert not (hires_dir / f"{anna}.toml").exists()
        assert type(app.screen).__name__ == "DashboardScreen"
        message, severity = toasts(app)[-1]
        assert severity == "error" and "could not erase" in message and stuck.name in message


async def test_the_edit_form_says_what_a_new_start_moves_and_warns_of_a_name_in_use(
        onboarding: Onboarding, anna: str) -> None:
    bo = onboarding.add("Bo Hansen", START, "sample").id
    onboarding.set_due(anna, "peer-training", "2027-04-01")
    app = app_for(onboarding)
    async with app.run_test(size=(120, 50)) as pilot:
        await started(pilot)
        await pilot.press("enter", "c")
        await pilot.pause()
        assert app.screen.query_one("#mentor", Input).value == "Mette"
        start = app.screen.query_one("#start", Input)
        start.value = "2027-02-15"
        await pilot.press("enter")
        await pilot.pause()
        assert text_of(app, "#start-error") == "3 open items move 14 days later; 1 keeps its own due date · Enter again saves"
        assert onboarding.store.load(anna).start_date == START
        await pilot.press("enter")
        await pilot.pause()
        assert onboarding.store.load(anna).start_date == dt.date(2027, 2, 15)
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one("#name", Input).value = "BO HANSEN"
        app.screen.query_one("#hr_contact", Input).value = "Hanne HR"
        await pilot.press("enter")
        await pilot.pause()
        assert bo in text_of(app, "#name-error")
        await pilot.press("enter")
        await pilot.pause()
        record = onboarding.store.load(anna)
        assert (record.name, record.hr_contact) == ("BO HANSEN", "Hanne HR")


async def test_p_names_a_person_and_the_owner_column_shows_person_and_role(
        onboarding: Onboarding, anna: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("enter", "p", *"Jens", "enter")
        await pilot.pause()
        assert onboarding.store.load(anna).state("appoint-mentor").assignee == "Jens"
        assert rows_of(app, "#items")[1][3] == "Jens (leader)"
        assert "Owner: Jens (leader)" in text_of(app, "#guidance")
        await pilot.press("p", "ctrl+u", "enter")  # empty: back to the role's person
        await pilot.pause()
        assert onboarding.store.load(anna).state("appoint-mentor").assignee is None
        assert rows_of(app, "#items")[1][3] == "leader"


async def test_plus_adds_a_one_off_item_and_minus_removes_only_such_items(
        onboarding: Onboarding, anna: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("enter", "minus")  # a checklist item
        await pilot.pause()
        assert toasts(app)[-1] == ("Only the hire's own items can be removed", "warning")
        await pilot.press("plus", *"Meet the union rep", "tab", *"+2w", "enter")
        await pilot.pause()
        record = onboarding.store.load(anna)
        (item_id,) = record.own
        assert record.state(item_id).due == dt.date(2027, 2, 15)
        assert app.screen.selected_key() == item_id
        row = next(r for r in rows_of(app, "#items") if "Meet the union rep" in r[1])
        assert row[1].endswith("(own)") and row[2] == "2027-02-15"
        await pilot.press("minus")
        await pilot.pause()
        assert "Remove the item “Meet the union rep”" in text_of(app, "#question")
        await pilot.press("y")
        await pilot.pause()
        assert onboarding.store.load(anna).own == {}
        assert not any("Meet the union rep" in r[1] for r in rows_of(app, "#items"))


async def test_the_panel_shows_an_items_latest_changes_and_l_the_whole_log(
        onboarding: Onboarding, anna: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 40)) as pilot:
        await started(pilot)
        await pilot.press("enter", "space", "o", *"asked Mette", "enter")
        await pilot.pause()
        panel = text_of(app, "#guidance")
        assert "Latest changes" in panel
        assert panel.index("Lise · note: asked Mette") < panel.index("Lise · done")  # newest first
        await pilot.press("l")
        await pilot.pause()
        rows = rows_of(app, "#history")
        assert [(r[1], r[2], r[3]) for r in rows] == [("Lise", "note", "Appoint a mentor"),
                                                     ("Lise", "done", "Appoint a mentor"),
                                                     ("Lise", "created", "")]


async def test_s_sorts_the_dashboard_and_the_filter_matches_the_mentor(
        onboarding: Onboarding, anna: str) -> None:
    onboarding.add("Bo Late", dt.date(2027, 1, 10), "sample", mentor="Karin")
    onboarding.add("Cai Ahl", dt.date(2027, 3, 1), "sample")
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        names = lambda: [r[0] for r in rows_of(app, "#hires")]  # noqa: E731
        assert names() == ["Bo Late", "Anna Ærø Jensen", "Cai Ahl"] and "sorted by start date" in text_of(
            app, "#title")
        await pilot.press("s")
        await pilot.pause()
        assert names() == ["Anna Ærø Jensen", "Bo Late", "Cai Ahl"] and "sorted by name" in text_of(app, "#title")
        await pilot.press("s", "s")
        await pilot.pause()
        assert names()[0] == "Bo Late" and "sorted by overdue" in text_of(app, "#title")
        await pilot.press("slash", *"karin")
        await pilot.pause()
        assert names() == ["Bo Late"]


async def test_s_on_the_hire_screen_sorts_items_by_due_date(onboarding: Onboarding, anna: str) -> None:
    onboarding.set_due(anna, "appraisal", "2027-01-21")
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert rows_of(app, "#items")[0][1].startswith("Before hiring")  # the checklist's phases
        await pilot.press("s")
        await pilot.pause()
        assert [r[2].rstrip(" !*") for r in rows_of(app, "#items")] == [
            "2027-01-18", "2027-01-21", "2027-01-25", "2027-03-01"]
        assert "sorted by due date" in text_of(app, "#hire-header")


async def test_help_lists_the_new_keys_in_both_languages(onboarding: Onboarding, anna: str) -> None:
    for lang, words in (("en", ("Finish", "Erase hire", "Edit", "Person", "Add item",
                                "Remove item", "History", "Sort")),
                        ("da", ("Afslut", "Slet ansat", "Ret", "Person", "Nyt punkt",
                                "Fjern punkt", "Historik", "Sortér"))):
        app = app_for(onboarding, lang)
        async with app.run_test(size=(140, 50)) as pilot:
            await started(pilot)
            await pilot.press("enter", "question_mark")
            await pilot.pause()
            said = screen_text(app)
            assert all(word in said for word in words), (lang, said)


async def test_the_log_shows_what_was_done_also_for_a_hire_read_with_the_others(
        onboarding: Onboarding, anna: str) -> None:
    """Listings read records without their log; the hire screen and ``l`` show it all the same."""
    onboarding.check(anna, "appoint-mentor")
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("enter", "l")
        await pilot.pause()
        actions = [row[2] for row in rows_of(app, "#history")]
        assert actions == ["done", "created"]


def key_bar_text(app) -> str:
    from peeronboard.ui.widgets.key_bar import KeyBar
    return str(app.screen.query_one(KeyBar).render())


async def test_f_is_called_reopen_on_a_finished_hire_in_the_footer_and_in_help(
        onboarding: Onboarding, anna: str) -> None:
    """``f`` reopens a finished hire without a question, so its label says so: "f Reopen" on a finished
    row and in ``?`` over a finished hire's checklist; "f Finish" on an open one."""
    onboarding.add("Bo Hansen", START, "sample")
    onboarding.finish(anna, "completed")
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("v")
        await pilot.pause()
        table = app.screen.query_one("#hires", RowTable)
        table.move_to(anna)
        await pilot.pause()
        assert "f Reopen" in key_bar_text(app)
        assert "Finish" not in key_bar_text(app)
        await pilot.press("down" if table.key_at(0) == anna else "up")
        await pilot.pause()
        assert "f Finish" in key_bar_text(app)
        table.move_to(anna)
        await pilot.press("enter", "question_mark")
        await pilot.pause()
        help_text = screen_text(app)
        assert re.search(r"\bf\W+Reopen", help_text) and not re.search(r"\bf\W+Finish", help_text)
        await pilot.press("escape", "f")  # reopened: the hire screen's f finishes again
        await pilot.pause()
        assert onboarding.store.load(anna).finished is None
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = screen_text(app)
        assert re.search(r"\bf\W+Finish", help_text) and not re.search(r"\bf\W+Reopen", help_text)


async def test_enter_on_a_history_row_shows_the_whole_entry(onboarding: Onboarding, anna: str) -> None:
    """At 80 columns a long note is cut with "…" in the history; Enter opens that entry in full (when,
    who, what, which item, the whole text), and Escape goes back to the history."""
    note = ("Mette and the union representative agree the introduction at the staff meeting in February, "
            "and the peer worker meets the team the week after")
    onboarding.note(anna, "appoint-mentor", note)
    app = app_for(onboarding)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press("enter", "l")
        await pilot.pause()
        history = app.screen
        assert rows_of(app, "#history")[0][-1].endswith("…")
        assert "⏎ Open" in key_bar_text(app)
        await pilot.press("enter")
        await pilot.pause()
        shown = text_of(app, "#entry-text")
        assert note in shown
        assert "Appoint a mentor" in shown and "Lise" in shown
        assert note.split()[-1] in screen_text(app)  # wrapped in the dialog, to its last word
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is history
