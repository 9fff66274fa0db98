"""Issue 15: what a person sees on arrival at each screen, and the keys that seem to do nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Input, Static

from peeronboard.i18n import Phrase
from peeronboard.library import ChecklistLibrary
from peeronboard.onboarding import Onboarding
from peeronboard.paths import builtin_checklists_dir
from peeronboard.store import HireStore
from peeronboard.ui.app import PeerOnboardApp, make_app
from peeronboard.ui.screens.agenda import AgendaScreen
from peeronboard.ui.screens.dashboard import ProblemScreen
from peeronboard.ui.screens.hire import HireScreen
from peeronboard.ui.widgets.key_bar import KeyBar
from peeronboard.ui.widgets.row_table import RowTable

from .conftest import DATA
from .test_snapshots import ON_OPEN_ITEM, onboarding_on
from .test_tui import START, app_for, hire_rows, started, text_of
from .test_tui_hostile import screen_text

MAJA = "Maja Sørensen"


@pytest.fixture
def onboarding(data_dir: Path) -> Onboarding:
    library = ChecklistLibrary.discover([builtin_checklists_dir(), DATA])
    return Onboarding(HireStore(data_dir), library, "Lise", lambda: dt.date(2027, 1, 20))


@pytest.fixture
def maja(onboarding: Onboarding) -> str:
    return onboarding.add(MAJA, START, "sample", "Afsnit S4", "Mette").id


def dialog_text(app: PeerOnboardApp) -> str:
    """Every text of the screen on top, however it wraps."""
    return "\n".join(str(static.render()) for static in app.screen.query(Static))


def toasts(app: PeerOnboardApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def open_maja(pilot) -> None:
    await started(pilot)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HireScreen)


# --- 1. ? explains the marks ---------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "words"), [
    ("en", ["done", "not applicable", "open", "overdue", "moved", "has a note", "(own)"]),
    ("da", ["udført", "ikke relevant", "åben", "overskredet", "flyttet", "har en note", "(eget)"]),
])
async def test_help_explains_every_mark(onboarding: Onboarding, maja: str, lang: str, words: list[str]) -> None:
    app = app_for(onboarding, lang)
    async with app.run_test(size=(100, 60)) as pilot:
        await open_maja(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        for mark, word in zip("✔–·!*✎", words, strict=False):
            assert any(mark in line and word in line for line in lines), (mark, word)
        assert any(words[-1] in line for line in lines)


# --- 2. keys that do nothing say why ------------------------------------------------------------

@pytest.mark.parametrize("key", ["space", "x"])
async def test_agenda_says_it_is_for_looking(onboarding: Onboarding, maja: str, key: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press(key)
        await pilot.pause()
        assert any("open the item with Enter" in toast for toast in toasts(app))
        assert onboarding.store.load(maja).state("appoint-mentor").status == "open"


@pytest.mark.parametrize("key", ["space", "x"])
async def test_a_phase_heading_says_to_move_to_an_item(onboarding: Onboarding, maja: str, key: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await open_maja(pilot)
        await pilot.press("up", key)
        await pilot.pause()
        assert any("phase heading: move to an item" in toast for toast in toasts(app))


@pytest.fixture
def retired(onboarding: Onboarding, maja: str, tmp_path: Path) -> Onboarding:
    """Maja's appraisal was ticked, then the checklist dropped it."""
    onboarding.check(maja, "appraisal")
    text = (DATA / "sample.toml").read_text(encoding="utf-8")
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "sample.toml").write_text(text[:text.index('[[phases.items]]\nid = "appraisal"')], encoding="utf-8")
    return Onboarding(onboarding.store, ChecklistLibrary.discover([folder]), "Lise", onboarding.today)


@pytest.mark.parametrize("key", ["space", "x", "o", "d"])
async def test_a_retired_item_says_it_cannot_be_changed(retired: Onboarding, maja: str, key: str) -> None:
    app = app_for(retired)
    async with app.run_test(size=(140, 36)) as pilot:
        await open_maja(pilot)
        await pilot.press(*["down"] * 6)  # past the last phase, to the retired item
        await pilot.pause()
        assert app.screen.selected_key() == "retired:appraisal"
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HireScreen)  # no prompt opened
        assert any("retired from the checklist" in toast.lower() for toast in toasts(app))
        assert retired.store.load(maja).state("appraisal").status == "done"


# --- 3. undo names the hire and the kind of change -----------------------------------------------

async def test_undo_of_a_tick_names_the_hire_and_the_state(onboarding: Onboarding, maja: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await open_maja(pilot)
        await pilot.press("space", "u")
        await pilot.pause()
        assert f"Undone on {MAJA}: “Appoint a mentor” is open again" in toasts(app)


async def test_undo_of_a_due_date_says_the_date_it_is_back_to(onboarding: Onboarding, maja: str) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await open_maja(pilot)
        planned = onboarding.progress(onboarding.store.load(maja)).items[0].due
        await app.change_item(maja, "appoint-mentor",
                        lambda record: onboarding.set_due(record, "appoint-mentor", "2027-03-01", None))
        await pilot.press("u")
        await pilot.pause()
        assert f"Undone on {MAJA}: due date of “Appoint a mentor” back to {planned}" in toasts(app)


async def test_undo_of_a_note_and_a_person_say_so(onboarding: Onboarding, maja: str) -> None:
    app = app_for(onboarding, "da")
    async with app.run_test(size=(140, 36)) as pilot:
        await open_maja(pilot)
        await app.change_item(maja, "appoint-mentor", lambda r: onboarding.note(r, "appoint-mentor", "ring"))
        await app.change_item(maja, "appoint-mentor", lambda r: onboarding.assign(r, "appoint-mentor", "Jonas"))
        await pilot.press("u")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        said = toasts(app)
        assert any(t.startswith(f"Fortrudt for {MAJA}: ansvarlig for «Udpege mentor» er igen") for t in said)
        assert f"Fortrudt for {MAJA}: noten til «Udpege mentor» er som før" in said


async def test_a_refused_undo_names_the_item_by_its_title(onboarding: Onboarding, maja: str, cli) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await open_maja(pilot)
        await pilot.press("space")
        await pilot.pause()
        onboarding.note(maja, "appoint-mentor", "From elsewhere")
        await pilot.press("u")
        await pilot.pause()
        refused = [toast for toast in toasts(app) if "changed elsewhere" in toast]
        assert refused and "Appoint a mentor" in refused[0] and "appoint-mentor" not in refused[0]


# --- 4. privacy mode shows it is on, and still finds a hire by name --------------------------------

async def test_privacy_mode_says_it_is_on(onboarding: Onboarding, maja: str) -> None:
    app = app_for(onboarding, private=True)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        assert "privacy mode" in text_of(app, "#title")
        await pilot.press("enter")
        await pilot.pause()
        assert "privacy mode" in text_of(app, "#hire-header") and MAJA not in text_of(app, "#hire-header")
        app.action_toggle_private()
        await pilot.pause()
        assert "privacy mode" not in text_of(app, "#hire-header")


async def test_the_filter_finds_a_hire_by_real_name_in_privacy_mode(onboarding: Onboarding, maja: str) -> None:
    onboarding.add("Bo Berg", START, "sample")
    app = app_for(onboarding, private=True)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("slash", *"maja")
        await pilot.pause()
        rows = hire_rows(app)
        assert [row[0] for row in rows] == ["M. S."]


async def test_the_palette_finds_a_hire_by_real_name_in_privacy_mode(onboarding: Onboarding, maja: str) -> None:
    app = app_for(onboarding, private=True)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("ctrl+p", *"maja")
        prompts: list[str] = []
        for _ in range(50):
            await pilot.pause(0.05)
            commands = app.screen.query_one(CommandList)
            prompts = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
            if prompts:
                break
        assert any("Open: M. S." in prompt for prompt in prompts), prompts
        assert not any("Maja" in prompt for prompt in prompts)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HireScreen) and app.screen.hire_id == maja


# --- 5. a problem row opens the problem in full --------------------------------------------------

async def test_enter_on_a_problem_row_shows_the_problem_and_what_to_do(
        onboarding: Onboarding, maja: str, hires_dir: Path) -> None:
    (hires_dir / "brokn1.toml").write_text("name = ", encoding="utf-8")
    app = app_for(onboarding)
    async with app.run_test(size=(100, 30)) as pilot:
        await started(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ProblemScreen)
        text = dialog_text(app)
        assert f"File: {hires_dir / 'brokn1.toml'}:1" in text and "TOML syntax" in text
        assert f"peeronboard validate {hires_dir / 'brokn1.toml'}" in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ProblemScreen)


async def test_a_conflicting_copy_problem_says_to_merge(onboarding: Onboarding, maja: str, hires_dir: Path) -> None:
    record = (hires_dir / f"{maja}.toml").read_text(encoding="utf-8")
    (hires_dir / f"{maja} (conflicted copy).toml").write_text(record, encoding="utf-8")
    app = app_for(onboarding)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        table = app.screen.query_one("#hires", RowTable)
        assert any(table.key_at(n).startswith("!") for n in range(table.row_count))
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ProblemScreen)
        assert "A conflicting copy: peeronboard merge puts it into the record" in dialog_text(app)


# --- 6. the guidance panel starts at its top -------------------------------------------------------

async def test_the_guidance_panel_starts_at_the_top_for_each_item(onboarding: Onboarding, maja: str) -> None:
    long_note = "\n".join(f"line {n}" for n in range(60))
    onboarding.note(maja, "appoint-mentor", long_note)
    onboarding.note(maja, "order-workstation", long_note)
    app = app_for(onboarding)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_maja(pilot)
        box = app.screen.query_one("#guidance-box", VerticalScroll)
        box.scroll_end(animate=False)
        await pilot.pause()
        assert box.scroll_y > 0
        await pilot.press("down")
        await pilot.pause()
        assert box.scroll_y == 0
        assert "Order a workstation" in screen_text(app)


async def test_what_is_typed_straight_after_slash_goes_into_the_filter(onboarding: Onboarding) -> None:
    """A fast typist's keys arrive before the app has dealt with "/": none is lost to the dashboard
    (where "s" would sort and "n" start a new hire)."""
    from textual import events

    for name in ("Anna Ærø Jensen", "Bo Hansen"):
        onboarding.add(name, START, "sample")
    app = app_for(onboarding)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        for key, character in (("slash", "/"), ("b", "b"), ("o", "o"), ("space", " "), ("s", "s"),
                               ("slash", "/")):
            typed = events.Key(key, character)
            typed.set_sender(app)
            app._driver.send_message(typed)  # as the terminal does: all queued before any is handled
        await pilot.pause(0.2)
        assert app.screen.query_one("#filter").value == "bo s/"  # a "/" in the filter is text
        assert app.screen.sort == "start"


async def test_a_change_moves_its_hire_to_its_place_in_the_chosen_order(onboarding: Onboarding) -> None:
    """The dashboard re-sorts only the changed row; the order is the same as sorting them all."""
    ids = [onboarding.add(name, START + dt.timedelta(days=n), "sample").id
           for n, name in enumerate(["Anna Berg", "Bo Dahl", "Cai Eg", "Dan Fog"])]
    app = app_for(onboarding)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        await pilot.press("s", "s")  # by progress
        await pilot.pause()
        assert [r[0] for r in hire_rows(app)] == ["Anna Berg", "Bo Dahl", "Cai Eg", "Dan Fog"]
        for item in ("appoint-mentor", "order-workstation"):
            await app.change_item(ids[0], item, lambda r, item=item: onboarding.check(r, item))
        onboarding.edit(ids[3], start_date=START - dt.timedelta(days=9))  # by the command line
        app.poll_disk()
        await pilot.pause()
        assert [r[0] for r in hire_rows(app)] == ["Dan Fog", "Bo Dahl", "Cai Eg", "Anna Berg"]
        await pilot.press("s", "s", "s", "s")  # round to "progress" again: every row sorted anew
        await pilot.pause()
        assert app.screen.sort == "progress"
        assert [r[0] for r in hire_rows(app)] == ["Dan Fog", "Bo Dahl", "Cai Eg", "Anna Berg"]


async def test_while_filtering_the_key_bar_shows_how_to_clear_the_filter(onboarding: Onboarding) -> None:
    onboarding.add("Anna Berg", START, "sample")
    app = app_for(onboarding)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        keys = lambda: [key.description for key in app.screen.query_one(KeyBar).shown_keys]  # noqa: E731
        assert "Clear filter" not in keys()
        await pilot.press("slash", "a")
        await pilot.pause()
        assert "Clear filter" in keys()
        await pilot.press("escape")
        await pilot.pause()
        assert "Clear filter" not in keys() and "Help" in keys()


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_the_leaders_note_is_in_view_above_a_long_guidance_at_80x24(tmp_path: Path, lang: str) -> None:
    app = make_app(onboarding_on(tmp_path, True), lang, poll_seconds=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press(*ON_OPEN_ITEM)  # Anna's item with a note and a long guidance
        await pilot.pause()
        lines = screen_text(app).split("\n")
        panel = "".join(line.rpartition("▊")[2].rstrip("▇ ") for line in lines if "▊" in line).replace(" ", "")
        assert "Personalemøde26.januar" in panel


@pytest.mark.parametrize(("lang", "said"), [("en", "the role (leader) does it"), ("da", "rollen (leder) gør det")])
async def test_the_person_prompt_says_the_role_does_it_when_no_one_is_named(
        tmp_path: Path, lang: str, said: str) -> None:
    app = make_app(onboarding_on(tmp_path, True), lang, poll_seconds=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press(*ON_OPEN_ITEM, "p")  # an item the leader does, and no one named for it
        await pilot.pause()
        hint = str(app.screen.query_one(".hint", Static).render())
        assert said in hint and "(–)" not in hint and "Enter" in hint, hint


async def test_the_palette_and_its_key_speak_danish(onboarding: Onboarding, maja: str) -> None:
    app = make_app(onboarding, "da", poll_seconds=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        assert "^p palet" in screen_text(app) and "palette" not in screen_text(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(Input).placeholder == "Søg efter kommandoer…"


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_at_120_columns_the_dashboard_key_bar_shows_every_key(tmp_path: Path, lang: str) -> None:
    app = make_app(onboarding_on(tmp_path, True), lang, poll_seconds=0)
    async with app.run_test(size=(120, 24)) as pilot:
        await started(pilot)
        bar = app.screen.query_one(KeyBar)
        left_out = {key.description for key in bar._keys} - {key.description for key in bar.shown_keys}
        assert left_out == set()
        assert ("Fortryd" if lang == "da" else "Undo") in screen_text(app)


async def test_the_demo_banner_follows_a_switch_of_language(onboarding: Onboarding) -> None:
    app = make_app(onboarding, "da", poll_seconds=0, banner=Phrase("demo.banner"))
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        assert "eksempeldata" in text_of(app, "#banner")
        app.action_switch_language()
        await pilot.pause()
        assert "sample data" in text_of(app, "#banner")


@pytest.mark.parametrize(("lang", "words", "not_words"), [
    ("da", ["udført", "oprettet", "ikke relevant"], ["check", "create", "skip"]),
    ("en", ["done", "created", "not applicable"], ["check", "create", "skip"]),
])
async def test_the_log_says_what_was_done_in_words_of_the_language(
        tmp_path: Path, lang: str, words: list[str], not_words: list[str]) -> None:
    app = make_app(onboarding_on(tmp_path, True), lang, poll_seconds=0)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await pilot.press("down", "enter", "l")  # Anna's whole log
        await pilot.pause()
        what = [str(cell) for cell in app.screen.query_one("#history", DataTable).get_column("col.action")]
        assert all(word in what for word in words), what
        assert not set(not_words) & set(what), what


@pytest.mark.parametrize(("lang", "words"), [("en", "Normal size"), ("da", "Normal størrelse")])
async def test_a_maximized_table_keeps_the_key_bar_saying_escape_restores_it(
        tmp_path: Path, lang: str, words: str) -> None:
    """After the palette's "Maximize" the key bar stays on screen and says what Escape does; Escape
    gives the checklist its normal size and stays on the hire."""
    from peeronboard.ui.widgets.key_bar import KeyBar

    from .test_snapshots import OPEN_ANNA, onboarding_on

    app = make_app(onboarding_on(tmp_path, True), lang, poll_seconds=0)
    async with app.run_test(size=(80, 24)) as pilot:
        while not app.loaded:
            await pilot.pause(0.01)
        await pilot.press(*OPEN_ANNA)
        await pilot.pause()
        hire = app.screen
        hire.action_maximize()
        await pilot.pause()
        assert hire.maximized is not None
        bar = hire.query_one(KeyBar)
        assert bar.display and bar.region.height == 1, "the key bar is hidden in the maximized view"
        assert f"esc {words}" in str(bar.render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is hire and hire.maximized is None
        assert f"esc {words}" not in str(bar.render())


@pytest.mark.parametrize(("lang", "words"), [("en", "a Agenda"), ("da", "a Frister")])
async def test_help_over_the_agenda_leaves_its_key_bar_without_the_agenda_key(
        tmp_path: Path, lang: str, words: str) -> None:
    """The agenda does not offer ``a`` (it is there), also not while ``?`` is open over it, and ``a``
    pressed in help opens no second agenda."""
    from peeronboard.ui.screens.agenda import AgendaScreen
    from peeronboard.ui.widgets.key_bar import KeyBar

    from .test_snapshots import onboarding_on

    app = make_app(onboarding_on(tmp_path, True), lang, poll_seconds=0)
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.loaded:
            await pilot.pause(0.01)
        await pilot.press("a")
        await pilot.pause()
        agenda = app.screen
        assert words not in str(agenda.query_one(KeyBar).render())
        await pilot.press("question_mark")
        await pilot.pause()
        assert words not in str(agenda.query_one(KeyBar).render())
        await pilot.press("a", "escape")
        await pilot.pause()
        assert app.screen is agenda
        assert sum(isinstance(screen, AgendaScreen) for screen in app.screen_stack) == 1
