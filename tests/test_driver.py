"""Escape is answered in ESCDELAY, not in Textual's 100 ms input wait."""

from __future__ import annotations

import selectors
import subprocess
import sys

import pytest
from textual.drivers.linux_driver import LinuxDriver

from peeronboard.ui.driver import PromptEscapeDriver, _PromptSelector, prompt_driver


def test_the_terminal_app_uses_the_prompt_driver_and_a_web_driver_stays() -> None:
    class WebDriver:
        pass

    assert prompt_driver(LinuxDriver) is PromptEscapeDriver
    assert prompt_driver(WebDriver) is WebDriver


def test_the_input_thread_never_waits_longer_than_escdelay(monkeypatch: pytest.MonkeyPatch) -> None:
    from textual import constants

    waits: list[float | None] = []
    monkeypatch.setattr(selectors.SelectSelector, "select", lambda self, timeout=None: waits.append(timeout) or [])
    selector = _PromptSelector()
    selector.select(0.1)
    selector.select(None)
    selector.select(0.001)
    assert waits == [constants.ESCAPE_DELAY, constants.ESCAPE_DELAY, 0.001]


def test_escdelay_is_25_ms_unless_the_user_set_it() -> None:
    code = "import peeronboard.ui.app; from textual import constants; print(constants.ESCAPE_DELAY)"
    for env, expected in (({}, "0.025"), ({"ESCDELAY": "150"}, "0.15")):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                env={"PATH": "/usr/bin:/bin", **env})
        assert result.stdout.strip() == expected
