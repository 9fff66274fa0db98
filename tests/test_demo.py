"""``peeronboard demo``: sample hires at different stages, in a folder of their own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peeronboard.dates import today
from peeronboard.demo import fill_demo
from peeronboard.i18n import Phrase
from peeronboard.library import ChecklistLibrary
from peeronboard.onboarding import Onboarding
from peeronboard.paths import builtin_checklists_dir
from peeronboard.store import HireStore


def test_demo_hires_are_at_different_stages(tmp_path: Path) -> None:
    onboarding = Onboarding(HireStore(tmp_path), ChecklistLibrary.discover([builtin_checklists_dir()]),
                            "demo", today)
    fill_demo(onboarding)
    hires, problems = onboarding.all_progress()
    assert not problems and len(hires) == 4
    day = today()
    before_start = [h for h in hires if h.record.start_date > day]
    first_weeks = [h for h in hires if dt.timedelta(0) <= day - h.record.start_date <= dt.timedelta(weeks=4)]
    nearly_done = [h for h in hires if h.count("open") <= 1]
    overdue = [h for h in hires if h.overdue]
    assert before_start and first_weeks and nearly_done and overdue
    assert any(view.moved for hire in hires for view in hire.items), "one item shows a postponed due date"


def test_demo_command_opens_the_app_on_a_temporary_folder(cli, data_dir: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from peeronboard.ui.app import PeerOnboardApp

    seen: dict[str, object] = {}

    def fake_run(app: PeerOnboardApp, *args: object, **kwargs: object) -> None:
        store = app.onboarding.store
        seen["folder"] = store.data_dir
        seen["hires"] = len(store.record_paths())
        seen["banner"] = app.banner

    monkeypatch.setattr(PeerOnboardApp, "run", fake_run)
    monkeypatch.setattr("peeronboard.cli.hires.has_terminal", lambda: True)
    result = cli("demo")
    assert result.code == 0
    assert seen["hires"] == 4
    assert "Demo" in str(seen["banner"])
    banner = seen["banner"]  # said in the language the leader switches to, not the one it started in
    assert isinstance(banner, Phrase) and "eksempeldata" in banner.said("da")
    assert not Path(str(seen["folder"])).exists(), "the demo folder is removed afterwards"
    assert not data_dir.exists(), "the user's own data folder is untouched"
