"""The dialogs as they open on a small terminal: every field and hint can be seen, the export dialog
asks what to leave out and before it overwrites a file."""
# ruff: noqa: F811 - the fixtures come from test_tui

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Static

from peeronboard.onboarding import Onboarding
from peeronboard.ui.screens.export import ExportRequest, ExportScreen

from .test_tui import anna, app_for, onboarding, started, text_of  # noqa: F401

SMALL = (80, 24)


def on_screen(widget: Widget) -> bool:
    """Whether the whole widget can be seen: inside the terminal, and nothing covers or clips it."""
    screen = widget.screen
    region = widget.region
    if not region or not screen.region.contains_region(region):
        return False
    corners = (region.offset, region.bottom_right - (1, 1))
    return all(screen.get_widget_at(x, y)[0] in (widget, *widget.walk_children()) for x, y in corners)


async def comes_into_view(pilot, widget: Widget) -> bool:
    """Whether the widget is on screen once the scrolling it started is done (given up to 2 seconds)."""
    for _ in range(100):
        if on_screen(widget):
            return True
        await pilot.pause(0.02)
    return False


async def test_new_hire_form_on_a_small_terminal_shows_the_field_being_typed_in(
        onboarding: Onboarding) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        await pilot.press("n")
        await pilot.pause()
        name_label = app.screen.query("#new-hire Label").exclude(".dialog-title").first(Label)
        assert on_screen(name_label) and "Name" in str(name_label.render())  # the form opens at its top
        last = app.screen.query_one("#centre_contact", Input)
        while app.focused is not last:
            await pilot.press("tab")
        await pilot.pause()
        assert on_screen(last)
        await pilot.press(*"Centre Ida")
        await pilot.pause()
        assert on_screen(last) and last.value == "Centre Ida"
        assert on_screen(app.screen.query_one("#new-hire .hint", Static))  # "Enter saves" can be read
        assert "Enter saves" in text_of(app, "#new-hire .hint")
        await pilot.press("shift+tab", "shift+tab", "shift+tab")  # and back up to the unit
        await pilot.pause()
        assert app.focused is app.screen.query_one("#unit", Input) and on_screen(app.focused)


async def test_skip_dialog_says_enter_saves_and_escape_cancels(onboarding: Onboarding, anna: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        await pilot.press("enter", "down", "x")
        await pilot.pause()
        assert "Why does" in str(app.screen.query_one(".dialog-title", Static).render())
        hint = app.screen.query_one(".hint", Static)
        assert str(hint.render()) == "Enter saves · Escape cancels" and on_screen(hint)


async def open_export(app, pilot) -> list[ExportRequest | None]:
    """The export dialog on its own, so the test sees what it returns rather than what the app writes."""
    returned: list[ExportRequest | None] = []
    app.push_screen(ExportScreen("all", app.onboarding.today()), returned.append)
    await pilot.pause()
    return returned


async def test_export_dialog_asks_which_items_and_whether_notes_go_along(onboarding: Onboarding,
                                                                         tmp_path: Path) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        returned = await open_export(app, pilot)
        screen = app.screen
        for part in ("#format", "#only", "#notes", "#path", ".hint"):
            assert on_screen(screen.query_one(part)), part
        assert text_of(app, "#only #label") == "Every item"
        assert screen.query_one("#notes", Checkbox).value  # notes go along unless unticked
        screen.query_one("#only").focus()
        await pilot.press("enter", "down", "enter")  # the list: every item, open only, overdue only
        await pilot.press("tab", "space")  # untick the notes
        await pilot.pause()
        assert text_of(app, "#only #label") == "Open only" and not screen.query_one("#notes", Checkbox).value
        screen.query_one("#path", Input).value = str(tmp_path / "open.md")
        screen.query_one("#path", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert returned == [ExportRequest("md", tmp_path / "open.md", only="open", notes=False)]


async def test_export_dialog_by_default_exports_every_item_with_notes(onboarding: Onboarding,
                                                                      tmp_path: Path) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        returned = await open_export(app, pilot)
        app.screen.query_one("#path", Input).value = str(tmp_path / "all.html")
        await pilot.press("enter")
        await pilot.pause()
        assert returned == [ExportRequest("html", tmp_path / "all.html", only=None, notes=True)]


async def test_export_dialog_asks_before_overwriting_a_file(onboarding: Onboarding, tmp_path: Path) -> None:
    target = tmp_path / "summary.html"
    target.write_text("last week's summary", encoding="utf-8")
    app = app_for(onboarding)
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        returned = await open_export(app, pilot)
        app.screen.query_one("#path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert f"{target} already exists. Overwrite it?" in text_of(app, "#question")
        await pilot.press("enter")  # No is focused: the file stays, the dialog stays open to pick another
        await pilot.pause()
        assert returned == [] and type(app.screen) is ExportScreen
        assert app.focused is app.screen.query_one("#path", Input)
        await pilot.press("enter", "y")
        await pilot.pause()
        assert returned == [ExportRequest("html", target)]
        assert target.read_text(encoding="utf-8") == "last week's summary"  # the dialog itself writes nothing


async def test_new_hire_form_on_a_small_terminal_shows_an_error_above_the_field_typed_in(
        onboarding: Onboarding) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=SMALL) as pilot:
        await started(pilot)
        await pilot.press("n")
        await pilot.pause()
        last = app.screen.query_one("#centre_contact", Input)
        last.focus()
        await pilot.press(*"Centre Ida", "enter")  # no name, no start date
        await pilot.pause()
        assert app.focused is app.screen.query_one("#name", Input)
        assert text_of(app, "#name-error") == "Enter a name"
        assert await comes_into_view(pilot, app.screen.query_one("#name-error"))


async def test_the_export_dialogs_choices_reach_the_file(onboarding, tmp_path) -> None:
    """What the leader chose in the dialog (open items only, no notes) is what the file holds."""
    from .test_tui import app_for, started

    hire = onboarding.add("Anna Berg", __import__("datetime").date(2027, 2, 1), "sample").id
    onboarding.check(hire, "appoint-mentor", note="secret note")
    app = app_for(onboarding)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        target = tmp_path / "out.md"
        app.write_export("md", target, [hire], only="open", notes=False)
        await pilot.pause()
    text = target.read_text(encoding="utf-8")
    assert "Order a workstation" in text and "Appoint a mentor" not in text and "secret note" not in text
