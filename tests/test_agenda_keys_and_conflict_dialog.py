"""Two things a leader reads before acting: the agenda's key bar offers Enter (open the item) whenever
there are items to open (and not the key to the agenda itself), and a sync conflict copy's dialog says it is a conflicting copy, not that a
file cannot be read."""

from __future__ import annotations

import pytest

from peeronboard.onboarding import Onboarding
from peeronboard.ui.screens.dashboard import ProblemScreen
from peeronboard.ui.widgets.key_bar import KeyBar

from .test_tui import START, app_for, started
from .test_tui_polish import dialog_text

ENTER = {"da": "⏎ Åbn", "en": "⏎ Open"}
AGENDA_KEY = {"da": "a Frister", "en": "a Agenda"}
HEADINGS = {"da": ("En modstridende kopi af en registrering", "En fil kan ikke læses"),
            "en": ("A conflicting copy of a record", "A file cannot be read")}


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("lang", ["da", "en"])
async def test_the_agenda_key_bar_offers_enter_when_it_lists_items(onboarding: Onboarding, lang: str,
                                                                  width: int) -> None:
    onboarding.add("Anna Ærø Jensen", START, "sample", "Afsnit S4")
    app = app_for(onboarding, lang)
    async with app.run_test(size=(width, 24)) as pilot:
        await started(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.table.row_count > 0
        bar = str(app.screen.query_one(KeyBar).render())
        assert ENTER[lang] in bar, bar
        assert AGENDA_KEY[lang] not in bar, bar  # the key to the screen the leader is on already


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_a_conflicting_copy_is_headed_as_one(onboarding: Onboarding, lang: str) -> None:
    hire = onboarding.add("Maja Sørensen", START, "sample").id
    path = onboarding.store.path_for(hire)
    path.with_name(f"{hire} (conflicted copy).toml").write_text(path.read_text(encoding="utf-8"),
                                                                 encoding="utf-8")
    app = app_for(onboarding, lang)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ProblemScreen)
        heading, unreadable = HEADINGS[lang]
        text = dialog_text(app)
        assert text.startswith(heading) and unreadable not in text, text
