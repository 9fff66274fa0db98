"""Every dialog at 80x24, in Danish and English, shows its whole hint (what Enter and Escape do), every
label whole, and the field being typed into: a hint cut to "· Esc", a label cut to "(+2w," or a field
below the fold is typed into blind."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Label

from peeronboard.ui.app import make_app

from .test_snapshots import LANGS, SCENES, loaded, onboarding_on

DIALOGS = ["help", "problem", "note", "reason", "due", "person", "own-task", "edit", "export", "confirm-erase"]


def inside(widget: Widget, box: Region) -> bool:
    return box.contains_region(widget.region)


def drawn(widget: Widget) -> str:
    """What the widget draws on screen, without the spaces (a wrapped text breaks where it likes)."""
    return "".join("".join(strip.text.split()) for strip in widget.render_lines(widget.size.region))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("scene", DIALOGS)
async def test_a_dialog_shows_its_whole_hint_and_the_focused_field(tmp_path: Path, lang: str, scene: str) -> None:
    app = make_app(onboarding_on(tmp_path, True), lang, poll_seconds=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press(*SCENES[scene].keys)
        await pilot.pause()
        dialog = app.screen.query_one(".dialog")
        box = dialog.content_region
        hints = list(dialog.query(".hint"))
        assert hints, f"the {scene} dialog has no hint"
        for hint in hints:
            assert inside(hint, box), f"{scene}: the hint {hint.render()!s:.60} is cut off"
        for label in dialog.query(Label):
            whole = "".join(str(label.render()).split())
            assert whole in drawn(label), f"{scene}: the label {whole!r} is cut to {drawn(label)!r}"
            assert label.region.right <= box.right, f"{scene}: the label {whole!r} runs past the dialog"
        focused = app.screen.focused
        if focused is not None and focused is not dialog:
            assert inside(focused, box), f"{scene}: the focused {focused!r} is not in view"
