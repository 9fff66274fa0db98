"""The terminal app under hostile data (issue #11): escapes and bidi controls from files are shown, never
obeyed; names are never markup; a crash prints one line and no personal data; a held lock never freezes
the app; a 5,000-item checklist stays responsive; odd files in ``hires/`` are problem rows."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.command import CommandList
from textual.widgets import DataTable, Input, OptionList, Static

from peeronboard.dates import today
from peeronboard.library import ChecklistLibrary
from peeronboard.onboarding import Onboarding
from peeronboard.paths import builtin_checklists_dir
from peeronboard.safetext import has_unsafe
from peeronboard.store import HireStore
from peeronboard.ui.app import PeerOnboardApp
from peeronboard.ui.screens.hire import HireScreen
from peeronboard.ui.widgets.row_table import RowTable

from .conftest import DATA
from .test_tui import START, app_for, cell_texts, hire_rows, item_state, screen_text, started

# retitle the terminal, clear it, set the clipboard (OSC 52), and reorder what follows (U+202E)
EVIL = "\x1b]0;pwned\x07\x1b[2J\x1b]52;c;ZXZpbA==\x07\u202e"
SHOWN_ESC = "\\u001b"  # how the screen shows an ESC: as text


def toml_string(text: str) -> str:
    """A TOML basic string for ``text`` (BMP only): JSON writes every control as a ``\\uXXXX`` escape."""
    return json.dumps(text)


def write_record(hires_dir: Path, hire_id: str, name: str, *, unit: str | None = None,
                 mentor: str | None = None, items: dict[str, dict[str, str]] | None = None) -> Path:
    """A record written by hand, as a sync service or an editor could leave it."""
    lines = ["format = 2", f'id = "{hire_id}"', f"name = {toml_string(name)}", 'checklist = "sample"',
             "checklist_version = 1", f"start_date = {START}", "created = 2027-01-10T09:00:00Z"]
    lines += [f"{key} = {toml_string(value)}" for key, value in (("unit", unit), ("mentor", mentor)) if value]
    for item_id, fields in (items or {}).items():
        lines.append(f"[items.{item_id}]")
        lines += [f"{key} = {value if key == 'date' else toml_string(value)}" for key, value in fields.items()]
    hires_dir.mkdir(parents=True, exist_ok=True)
    path = hires_dir / f"{hire_id}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def widget_texts(app: PeerOnboardApp) -> str:
    """The whole text of every text widget, table cell and field on the screen, scrolled out of view
    or cut short on it too."""
    texts: list[str] = []
    for widget in app.screen.query("*"):
        if isinstance(widget, Static):
            texts.append(str(widget.render()))
        elif isinstance(widget, DataTable | RowTable):
            texts += [" | ".join(row) for row in cell_texts(widget)]
        elif isinstance(widget, Input):
            texts.append(widget.value)
        elif isinstance(widget, OptionList):  # a choice's options, the command palette's hits
            texts += [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]
    return "\n".join(texts)


def assert_shown_safely(app: PeerOnboardApp, *expected: str) -> None:
    """No raw control or bidi character on the screen or in any widget; each ``expected`` text in one."""
    for shown in (screen_text(app), widget_texts(app)):
        assert not has_unsafe(shown, multiline=True), [ch for ch in shown if has_unsafe(ch, multiline=True)]
    shown = widget_texts(app)
    for text in expected:
        assert text in shown, text


def hostile_checklist(folder: Path) -> None:
    """A checklist whose every text holds escapes."""
    folder.mkdir(parents=True, exist_ok=True)
    evil, guidance = toml_string(EVIL), toml_string(f"Guide {EVIL}\nsecond line")
    (folder / "evil.toml").write_text(f"""format = 1
id = "evil"
version = 1
title = {toml_string("Evil list " + EVIL)}

[[phases]]
id = "first"
title = {toml_string("Phase " + EVIL)}

[[phases.items]]
id = "call"
title = {toml_string("Call " + EVIL)}
owner = {evil}
due = "-7d"
ref = {toml_string("Ref " + EVIL)}
source = {toml_string("Source " + EVIL)}
guidance = {guidance}
""", encoding="utf-8")


@pytest.fixture
def lists_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "lists"
    hostile_checklist(folder)
    return folder


@pytest.fixture
def onboarding(data_dir: Path, lists_dir: Path, tmp_path: Path) -> Onboarding:
    library = ChecklistLibrary.standard(tmp_path / "user-lists", [DATA, lists_dir], tmp_path / "cache")
    return Onboarding(HireStore(data_dir), library, "Lise", today)


# --- item 9: escapes and bidi controls are shown as text --------------------------------------------

EVIL_ITEMS = {
    "appoint-mentor": {"status": "open", "note": f"hello{EVIL} world\nsecond line {EVIL}"},
    "order-workstation": {"status": "skipped", "date": "2027-01-12", "by": f"Lise{EVIL}",
                          "note": f"IT{EVIL}"},
}


async def test_escapes_in_a_record_are_shown_as_text_on_every_screen(onboarding: Onboarding,
                                                                      hires_dir: Path) -> None:
    write_record(hires_dir, "evil01", f"Eve{EVIL} Berg", unit=f"S4{EVIL}", mentor=f"Mette{EVIL}",
                 items=EVIL_ITEMS)
    app = app_for(onboarding)
    async with app.run_test(size=(160, 40)) as pilot:
        await started(pilot)
        assert_shown_safely(app, f"Eve{SHOWN_ESC}]0;pwned", f"S4{SHOWN_ESC}]0;")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HireScreen)
        assert_shown_safely(app, "Mette\\u001b]0;pwned", "hello\\u001b]0;pwned\\u0007\\u001b[2J\\u001b]52",
                            "\\u202e world")
        await pilot.press("down")
        await pilot.pause()
        assert_shown_safely(app, "Lise\\u001b]0;", "IT\\u001b]0;")
        await pilot.press("up", "o")  # the note dialog, prefilled with the note
        await pilot.pause()
        field = app.screen.query_one("#text", Input)
        assert not has_unsafe(field.value) and field.value.startswith("hello\\u001b]0;pwned")
        assert_shown_safely(app)
        await pilot.press("enter")  # saved unchanged: the note stays as it was written
        await pilot.pause()
        assert item_state(onboarding, "evil01", "appoint-mentor")[1] == EVIL_ITEMS["appoint-mentor"]["note"]
        await pilot.press("a")
        await pilot.pause()
        assert_shown_safely(app, f"Eve{SHOWN_ESC}]0;pwned")
        app.action_toggle_private()  # initials of a name full of escapes
        await pilot.pause()
        assert_shown_safely(app)


async def test_a_note_edited_in_the_app_keeps_its_line_breaks(onboarding: Onboarding, hires_dir: Path) -> None:
    write_record(hires_dir, "evil01", "Eve Berg", items={"appoint-mentor": {"status": "open",
                                                                            "note": "one\ntwo"}})
    app = app_for(onboarding)
    async with app.run_test(size=(160, 40)) as pilot:
        await started(pilot)
        await pilot.press("enter", "o", "end", *" three", "enter")
        await pilot.pause()
        assert item_state(onboarding, "evil01", "appoint-mentor")[1] == "one\ntwo three"


async def test_the_filter_finds_a_name_holding_escapes_by_what_the_screen_shows(onboarding: Onboarding,
                                                                                hires_dir: Path) -> None:
    """The filter looks in names as shown: an escape typed as its visible ``\\u001b`` finds the hire
    whose name holds one, and a plain name beside it is found as it is written."""
    write_record(hires_dir, "evil01", f"Eve{EVIL} Berg")
    write_record(hires_dir, "good01", "Anna Berg")
    app = app_for(onboarding)
    async with app.run_test(size=(160, 40)) as pilot:
        await started(pilot)
        await pilot.press("slash", *"eve\\u001b]0;pw")
        await pilot.pause()
        assert [row[0].startswith(f"Eve{SHOWN_ESC}]0;pwned") for row in hire_rows(app)] == [True]
        field = app.screen.query_one(Input)
        field.value = "anna"
        await pilot.pause()
        assert [row[0] for row in hire_rows(app)] == ["Anna Berg"]
        assert_shown_safely(app)


async def test_escapes_in_a_checklist_are_shown_as_text(onboarding: Onboarding) -> None:
    onboarding.add("Anna Berg", START, "evil")
    app = app_for(onboarding)
    async with app.run_test(size=(160, 40)) as pilot:
        await started(pilot)
        assert_shown_safely(app, f"Call {SHOWN_ESC}]0;pwned")  # the next item due
        await pilot.press("enter")
        await pilot.pause()
        assert_shown_safely(app, f"Evil list {SHOWN_ESC}", f"Phase {SHOWN_ESC}", f"Guide {SHOWN_ESC}",
                            f"Ref {SHOWN_ESC}", f"Source {SHOWN_ESC}")
        await pilot.press("x")  # the reason dialog names the item
        await pilot.pause()
        assert_shown_safely(app, f"Call {SHOWN_ESC}")
        await pilot.press("escape", "a")
        await pilot.pause()
        assert_shown_safely(app, f"Call {SHOWN_ESC}")
        await pilot.press("escape", "escape", "n", "tab", "tab", "enter")  # the checklist choice, open
        await pilot.pause()
        assert_shown_safely(app, f"Evil list {SHOWN_ESC}")


async def test_file_names_in_problem_rows_and_toasts_are_shown_as_text(
        onboarding: Onboarding, hires_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from peeronboard.errors import StoreError

    write_record(hires_dir, "good01", "Anna Berg")
    (hires_dir / "x\x1b[2J\u202e.toml").write_text("name = ", encoding="utf-8")
    user_lists = onboarding.library.folders[1]
    user_lists.mkdir(parents=True)
    (user_lists / "bad\x1b]0;pwned\x07.toml").write_text('format = 1\nid = "bad"\ntitle = ', encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise StoreError("err.store", path=f"x{EVIL}.toml", reason=f"Read-only{EVIL}")

    monkeypatch.setattr(onboarding, "check", refuse)
    app = app_for(onboarding)
    async with app.run_test(size=(160, 40), notifications=True) as pilot:  # toasts on screen
        await started(pilot)
        await pilot.pause(0.2)
        assert_shown_safely(app, f"x{SHOWN_ESC}[2J\\u202e.toml", f"bad{SHOWN_ESC}]0;pwned")
        app.clear_notifications()
        await pilot.press("enter", "space")
        await pilot.pause()
        assert_shown_safely(app, "Not saved", f"Read-only{SHOWN_ESC}")


# --- item 10: names are text, never markup ----------------------------------------------------------

def palette_prompts(app: PeerOnboardApp) -> list[str]:
    commands = app.screen.query_one(CommandList)
    return [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]


@pytest.mark.parametrize("name", ["[bold red]Rød[/]", "[link=file:///etc/passwd]Lisbeth[/]", "[$accent]Bo"])
async def test_a_name_with_markup_is_found_and_shown_literally_in_the_palette(
        onboarding: Onboarding, name: str) -> None:
    hire_id = onboarding.add(name, START, "sample").id
    onboarding.add("Anna Berg", START, "sample")
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("ctrl+p", *name.split("]")[1][:3])
        for _ in range(50):
            await pilot.pause(0.05)
            if any(name in prompt for prompt in palette_prompts(app)):
                break
        assert any(f"Open: {name}" in prompt for prompt in palette_prompts(app)), palette_prompts(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HireScreen) and app.screen.hire_id == hire_id
        assert name in screen_text(app)


# --- item 8: a crash prints one line, no personal data -----------------------------------------------

SECRET = "Anna Ærø Jensen"


def crash_on_open(monkeypatch: pytest.MonkeyPatch, message: str) -> None:
    """Opening a hire fails with a local that holds every record; ``message`` may name the hire."""
    def explode(self: HireScreen) -> None:
        everyone = {hire_id: progress.record for hire_id, progress in self.peer_app.hires.items()}
        raise RuntimeError(message.format(name=everyone[self.hire_id].name, count=len(everyone)))

    monkeypatch.setattr(HireScreen, "refresh_data", explode)


async def run_until_crash(app: PeerOnboardApp) -> None:
    with pytest.raises(RuntimeError):  # run_test hands the error on, for the tests
        async with app.run_test(size=(140, 36)) as pilot:
            await started(pilot)
            await pilot.press("enter")
            await pilot.pause()


async def test_a_crash_prints_one_line_without_personal_data(
        onboarding: Onboarding, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    onboarding.add(SECRET, START, "sample", "Afsnit S4")
    crash_on_open(monkeypatch, "cannot open {name}")
    app = app_for(onboarding)
    await run_until_crash(app)
    printed = capsys.readouterr()
    assert app.return_code == 1
    assert printed.err.strip() == ("peeronboard: unexpected error: RuntimeError "
                                   "(set PEERONBOARD_DEBUG=1 for details)")
    assert "Anna" not in printed.out + printed.err


async def test_with_debug_a_crash_prints_a_traceback_without_locals(
        onboarding: Onboarding, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    onboarding.add(SECRET, START, "sample", "Afsnit S4")
    crash_on_open(monkeypatch, "{count} hires")
    monkeypatch.setenv("PEERONBOARD_DEBUG", "1")
    app = app_for(onboarding)
    await run_until_crash(app)
    printed = capsys.readouterr().err
    assert app.return_code == 1
    assert "Traceback" in printed and "in explode" in printed and "RuntimeError: 1 hires" in printed
    assert "Anna" not in printed


# --- item 16: a held lock never freezes the app -----------------------------------------------------

@contextlib.contextmanager
def lock_held_elsewhere(store: HireStore, how: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Another writer holds the store's lock (another thread of this program, or a lock file left by
    another machine) until the block ends, or 15 seconds at most."""
    if how == "lock file":
        monkeypatch.setenv("PEERONBOARD_LOCK", "file")
        held = store.hires_dir / ".lock.held"
        held.write_text("another-pc pid 4242 at 2027-01-20 10:00:00\n", encoding="utf-8")
        try:
            yield
        finally:
            held.unlink(missing_ok=True)
        return
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        with store.locked():
            taken.set()
            release.wait(15)

    holder = threading.Thread(target=hold)
    holder.start()
    taken.wait(5)
    try:
        yield
    finally:
        release.set()
        holder.join()


@pytest.mark.parametrize("how", ["thread", "lock file"])
async def test_a_tick_while_someone_else_writes_says_try_again_at_once(
        onboarding: Onboarding, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    hire_id = onboarding.add("Anna Berg", START, "sample").id
    app = app_for(onboarding)
    async with app.run_test(size=(140, 36)) as pilot:
        await started(pilot)
        await pilot.press("enter")
        await pilot.pause()
        items = app.screen.query_one("#items", RowTable)
        with lock_held_elsewhere(onboarding.store, how, monkeypatch):
            began = time.monotonic()
            await pilot.press("space")
            await pilot.pause()
            answered_in = time.monotonic() - began
            assert cell_texts(items)[1][0] == "·"
            assert any("Not saved" in str(n.message) and "try again" in str(n.message)
                       for n in app._notifications)
            assert item_state(onboarding, hire_id, "appoint-mentor")[0] == "open"
        assert answered_in < 10, "the app answered only after the other writer let go"
        await pilot.press("space")
        await pilot.pause()
        assert cell_texts(items)[1][0] == "✔"
        assert item_state(onboarding, hire_id, "appoint-mentor")[0] == "done"


# --- item 18: a 5,000-item checklist ----------------------------------------------------------------

def huge_checklist(folder: Path, items: int = 5000, phases: int = 10) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = ['format = 1', 'id = "huge"', 'version = 1', 'title = "Huge list"']
    for phase in range(phases):
        lines += ["[[phases]]", f'id = "p{phase}"', f'title = "Phase {phase}"']
        for item in range(items // phases):
            lines += ["[[phases.items]]", f'id = "i{phase}-{item}"', f'title = "Item {phase}-{item}"',
                      'owner = "leader"', f'due = "+{item % 90}d"']
    (folder / "huge.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def count_rows_drawn(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every row a table renders from now on (one line each)."""
    drawn: list[object] = []
    render = RowTable._cell_segments

    def counting(self: RowTable, *args: object, **options: object) -> object:
        drawn.append(args[0])
        return render(self, *args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(RowTable, "_cell_segments", counting)
    return drawn


async def test_a_5000_item_checklist_opens_and_a_tick_redraws_only_the_rows_on_screen(
        data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    huge_checklist(tmp_path / "huge")
    library = ChecklistLibrary.standard(tmp_path / "user-lists", [tmp_path / "huge"], tmp_path / "cache")
    onboarding = Onboarding(HireStore(data_dir), library, "Lise", today)
    hire_id = onboarding.add("Anna Berg", START, "huge").id
    app = app_for(onboarding)
    async with app.run_test(size=(140, 40)) as pilot:
        await started(pilot)
        await pilot.press("enter")
        await pilot.pause()
        items = app.screen.query_one("#items", RowTable)
        assert items.row_count == 5010  # every item, and a heading per phase
        drawn = count_rows_drawn(monkeypatch)
        await pilot.press("down", "space")
        await pilot.pause()
        assert 0 < len(drawn) <= 3 * 40  # the lines of the screen (drawn again after each key), not 5,010
        rows = cell_texts(items)
        assert rows[2][0] == "✔" and rows[1][0] == "·" and rows[0][1] == "Phase 0  1/500"
        assert app.screen.selected_key() == "i0-1"  # the cursor stays on the ticked item
        assert item_state(onboarding, hire_id, "i0-1")[0] == "done"
        await pilot.press("ctrl+end", "space")
        await pilot.pause()
        rows = cell_texts(items)
        assert rows[-1][0] == "✔" and rows[-501][1] == "Phase 9  1/500"
        await pilot.press("ctrl+home", "down", "down", "space")
        await pilot.pause()
        assert cell_texts(items)[2][0] == "·" and cell_texts(items)[0][1] == "Phase 0  0/500"


# --- the fuzz test: random controls in every field, odd files beside ---------------------------------

HOSTILE_CHARS = st.characters(max_codepoint=0xFFFF, exclude_categories=["Cs"]) | st.sampled_from(
    [chr(c) for c in [*range(0x20), 0x7f, 0x85, 0x9b, 0x200e, 0x202a, 0x202e, 0x2066, 0x2069, 0x2028]])
HOSTILE_TEXT = st.text(HOSTILE_CHARS, max_size=12)
ODD_FILES = ["empty", "bytes", "deep", "folder", "link", "fifo"]


def plant_odd_file(hires_dir: Path, kind: str, good: Path, noise: bytes) -> str:
    """One odd thing named ``<kind>.toml`` in the hires folder; returns its stem."""
    path = hires_dir / f"{kind}.toml"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "bytes":
        path.write_bytes(b"\xff\xfe" + noise)
    elif kind == "deep":
        path.write_text("x = " + "[" * 600 + "]" * 600 + "\n", encoding="utf-8")
    elif kind == "folder":
        path.mkdir()
    elif kind == "link":
        path.symlink_to(good)
    else:
        os.mkfifo(path)
    return path.stem


def free_fifo_readers(hires_dir: Path) -> None:
    """Let a reader stuck opening a FIFO go (an app without the core's fix would wait forever)."""
    for path in hires_dir.glob("*.toml"):
        if path.is_fifo():
            with contextlib.suppress(OSError):
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


async def fuzz_once(root: Path, texts: list[str], odd: list[str], noise: bytes) -> None:
    name, unit, mentor, note, by = texts
    hires_dir = root / "data" / "hires"
    good = write_record(hires_dir, "good01", f"Anna{name}", unit=unit or None, mentor=mentor or None,
                        items={"appoint-mentor": {"status": "done", "date": "2027-01-12",
                                                  "by": f"Lise{by}", "note": f"n{note}"},
                               "order-workstation": {"status": "open", "note": f"{note}\n{name}"}})
    stems = {plant_odd_file(hires_dir, kind, good, noise) for kind in odd}
    library = ChecklistLibrary.discover([builtin_checklists_dir(), DATA])
    app = app_for(Onboarding(HireStore(root / "data"), library, "Lise", today))
    async with app.run_test(size=(160, 40)) as pilot:
        try:
            await asyncio.wait_for(started(pilot), 20)
        finally:
            free_fifo_readers(hires_dir)
        rows = app.screen.query_one("#hires", RowTable)
        keys = [rows.key_at(n) for n in range(rows.row_count)]
        assert keys[0] == "good01" and sorted(keys[1:]) == sorted(f"!{stem}" for stem in stems)
        assert_shown_safely(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HireScreen)
        assert_shown_safely(app)
        await pilot.press("down")
        await pilot.pause()
        assert_shown_safely(app)


@pytest.mark.skipif(os.name == "nt", reason="FIFOs and symbolic links are POSIX file kinds")
@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(texts=st.lists(HOSTILE_TEXT, min_size=5, max_size=5),
       odd=st.lists(st.sampled_from(ODD_FILES), unique=True, max_size=len(ODD_FILES)),
       noise=st.binary(max_size=64))
def test_the_app_survives_hostile_text_and_odd_files(texts: list[str], odd: list[str], noise: bytes) -> None:
    with tempfile.TemporaryDirectory() as root:
        asyncio.run(fuzz_once(Path(root), texts, odd, noise))


def test_every_odd_file_at_once_is_a_problem_row() -> None:
    with tempfile.TemporaryDirectory() as root:
        asyncio.run(fuzz_once(Path(root), [EVIL, EVIL, EVIL, EVIL, EVIL], ODD_FILES, b"\x00\x1b[2J"))



@pytest.mark.skipif(os.uname().sysname != "Linux", reason="the thread stack is set on Linux")
def test_the_apps_threads_have_the_stack_the_parser_needs_for_the_deepest_hostile_record(
        onboarding: Onboarding, tmp_path: Path) -> None:
    """The compiled parser takes ~1,000 levels on the thread's own stack before it refuses a file; a
    thread of 128 KiB (musl's) crashed the whole app at 200. The app's threads get 8 MiB, and on one
    the deepest file is a problem like any other."""
    from peeronboard import tomlsource
    from peeronboard.problems import FormatError

    threading.stack_size(0)  # the platform's own
    app_for(onboarding)
    app_for(onboarding)  # a second app keeps it
    size = threading.stack_size(0)  # (it sets a size too, and says the one before)
    threading.stack_size(size)
    assert size >= 8 << 20
    said: list[str] = []

    def read_deepest() -> None:
        try:
            tomlsource.parse("x = " + "[{a = " * 500 + "1" + "}]" * 500 + "\n", tmp_path / "deep.toml")
        except FormatError as error:
            said.append(str(error.problems[0]))

    reader = threading.Thread(target=read_deepest)
    reader.start()
    reader.join()
    assert said and "nested too deeply" in said[0]
