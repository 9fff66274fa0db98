"""What the leader sees, screen by screen and dialog by dialog, at 80x24 and 120x40, in Danish and English
(pytest-textual-snapshot).

After a deliberate change to a screen: ``python3 run.py test tests/test_snapshots.py --snapshot-update``,
then look at every new SVG as a picture (a browser draws them right) before committing them.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.widgets import Input

from peeronboard import onboarding as onboarding_module
from peeronboard.dates import today
from peeronboard.library import ChecklistLibrary
from peeronboard.onboarding import Onboarding
from peeronboard.paths import builtin_checklists_dir
from peeronboard.record import HireRecord
from peeronboard.store import HireStore
from peeronboard.ui.app import make_app

from .conftest import DATA

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
LANGS = ["da", "en"]
BROKEN_RECORD = 'id = "q7brkn"\nname = "Eva Lund\nstart_date = 2027-03-01\n'  # a string never closed
HOME = "/home/lise"  # where the export dialog proposes to write (the same on every machine)
DANISH_TIME = "CET-1CEST,M3.5.0,M10.5.0/3"  # the log's times, in Danish time (no zoneinfo file needed)
LOGGED_AT = dt.datetime(2027, 1, 19, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
# two items Carla's checklist once had and no longer has: what was recorded for them stays
RETIRED_ITEMS = """
[items.order-access-card]
status = "done"
date = 2026-11-16
by = "lise"
note = "Kortet ligger i receptionen"
title_da = "Bestille adgangskort"
title_en = "Order an access card"

[items.book-welcome-lunch]
status = "skipped"
date = 2026-11-20
by = "lise"
reason = "Afsnittet holder ikke velkomstfrokoster længere"
title_da = "Booke velkomstfrokost"
title_en = "Book a welcome lunch"
"""
# a file the export dialog is told to write, and that is there already; the question names its whole
# path, so it is the same in every run
EXISTING_EXPORT = "/tmp/peeronboard-snapshots/oversigt.html"


def add_hires(onboarding: Onboarding) -> None:
    """Three hires at different stages, one finished long enough ago to be due for erasure, and a record
    that cannot be read."""
    anna = onboarding.add("Anna Ærø Jensen", dt.date(2027, 2, 1), None, "Afsnit S4, Aalborg", "Mette")
    anna = onboarding.check(anna, "appoint-mentor", on=dt.date(2026, 11, 2))
    anna = onboarding.check(anna, "write-and-share-job-posting", on=dt.date(2026, 11, 9))
    anna = onboarding.skip(anna, "draft-employment-contract", "HR står for kontrakten")
    onboarding.note(anna, "introduce-peer-support-to-staff", "Personalemøde 26. januar")
    onboarding.add("Bo Nielsen", dt.date(2026, 12, 1), None, "Ambulatorium Hjørring")
    onboarding.add("Carla Mikkelsen", dt.date(2027, 4, 15), "sample")
    dorte = onboarding.add("Dorte Vestergaard", dt.date(2025, 3, 3), "sample", "Afsnit N2")
    onboarding.finish(dorte, "Forløbet er slut", on=dt.date(2025, 9, 30))
    (onboarding.store.hires_dir / "q7brkn.toml").write_text(BROKEN_RECORD, encoding="utf-8")


def record_of(onboarding: Onboarding, name: str) -> HireRecord:
    return next(record for record in onboarding.store.load_all()[0] if record.name == name)


def retire_carlas_items(onboarding: Onboarding) -> None:
    """Carla's record keeps two items that her checklist has dropped."""
    path = record_of(onboarding, "Carla Mikkelsen").path
    assert path is not None
    path.write_text(path.read_text(encoding="utf-8") + RETIRED_ITEMS, encoding="utf-8")


def export_file_exists(onboarding: Onboarding) -> None:
    """A summary written before, where the export dialog will be told to write."""
    Path(EXISTING_EXPORT).parent.mkdir(exist_ok=True)
    Path(EXISTING_EXPORT).write_text("<p>Oversigt fra sidste uge</p>\n", encoding="utf-8")


def onboarding_on(folder: Path, with_hires: bool) -> Onboarding:
    library = ChecklistLibrary.discover([builtin_checklists_dir(), DATA])
    onboarding = Onboarding(HireStore(folder), library, "Lise Holm", today)
    if with_hires:
        add_hires(onboarding)
    return onboarding


@dataclass(frozen=True)
class Scene:
    """A screen or dialog as the leader reaches it: the keys pressed once the hires are loaded."""

    keys: tuple[str, ...] = ()
    hires: bool = True
    prepare: Callable[[Onboarding], None] | None = None  # a change to the data before the app starts


OPEN_ANNA = ("down", "enter")  # the dashboard lists Bo first (by start date), then Anna
OPEN_CARLA = ("down", "down", "enter")  # ... then Carla
ON_OPEN_ITEM = (*OPEN_ANNA, "down", "down", "down", "down")  # an open item of Anna's first phase
SCENES = {
    "dashboard-empty": Scene(hires=False),
    "dashboard": Scene(),
    "dashboard-filtered": Scene(("slash", *"anna")),
    "problem": Scene(("end", "enter")),
    "hire": Scene(ON_OPEN_ITEM),
    "timeline": Scene((*OPEN_ANNA, "t", "right", "right")),
    "log": Scene((*OPEN_ANNA, "l")),
    "agenda": Scene(("a",)),
    "report": Scene(("g",)),
    "erasure": Scene(("r",)),
    "help": Scene((*OPEN_ANNA, "question_mark")),
    "new-hire-error": Scene(("n", *"Dina Holm", "tab", *"2027-02-30", "enter"), hires=False),
    "edit": Scene(("down", "c")),
    "export": Scene(("e",)),
    "confirm-erase": Scene(("delete",)),
    "note": Scene((*ON_OPEN_ITEM, "o")),  # the item that has a note
    "reason": Scene((*ON_OPEN_ITEM, "x")),
    "due": Scene((*ON_OPEN_ITEM, "d")),
    "person": Scene((*ON_OPEN_ITEM, "p")),
    "own-task": Scene((*OPEN_ANNA, "plus")),
    "palette": Scene(("ctrl+p",)),
    "hire-retired": Scene((*OPEN_CARLA, "end"), prepare=retire_carlas_items),  # on the last retired item
    "edit-error": Scene(("down", "c", "backspace", "tab", *"2027-02-30", "enter")),  # no name, no such day
    "edit-moves": Scene(("down", "c", "tab", *"2027-03-01", "enter")),  # a later start: Anna's open items move
    "finish": Scene(("down", "f")),
    "agenda-who": Scene(("a", "w", *"Mette")),
    "export-overwrite": Scene(("e", *EXISTING_EXPORT, "enter"), prepare=export_file_exists),
    "remove-own-task": Scene((*OPEN_ANNA, "plus", *"Ringe til Anna", "enter", "minus")),
    "help-dashboard": Scene(("question_mark",)),
    "help-agenda": Scene(("a", "question_mark")),
    "help-report": Scene(("g", "question_mark")),
}


async def loaded(pilot) -> None:
    while not pilot.app.loaded:
        await pilot.pause(0.01)
    await pilot.pause()


async def settled(pilot) -> None:
    """Everything the keys started is done, and no cursor blinks (a blink would differ run to run)."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


@pytest.fixture
def same_every_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """What would differ run to run is fixed: the hires' ids, the log's times and time zone, the
    folders a screen names (``data/hires/…``, the export's home folder)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", HOME)
    monkeypatch.setenv("TZ", DANISH_TIME)
    time.tzset()
    monkeypatch.setattr(secrets, "choice", random.Random(15).choice)
    monkeypatch.setattr(onboarding_module, "now", lambda: LOGGED_AT)
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("same_every_run")
@pytest.mark.parametrize("scene", SCENES)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_screen(snap_compare, lang: str, size: str, scene: str) -> None:
    shown = SCENES[scene]
    onboarding = onboarding_on(Path("data"), shown.hires)
    if shown.prepare:
        shown.prepare(onboarding)
    app = make_app(onboarding, lang, poll_seconds=0)

    async def reach(pilot) -> None:
        await loaded(pilot)
        await pilot.press(*shown.keys)
        await settled(pilot)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=reach)
