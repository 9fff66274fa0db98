"""Textual's Linux driver with Escape answered in ``ESCDELAY`` milliseconds rather than 100.

A lone Escape is only known once nothing else follows it. Textual's input thread waits for input up to
100 ms at a time and looks at the clock after each wait, so every Escape (back, clear the filter, close
a dialog) takes 100 ms however short ``ESCDELAY`` is. This driver's input thread waits at most
``ESCDELAY`` at a time. Only what the driver looks up in its ``selectors`` module differs.
"""

from __future__ import annotations

import selectors
from typing import Any

from textual import constants
from textual.drivers import linux_driver


class _PromptSelector(selectors.SelectSelector):
    def select(self, timeout: float | None = None) -> list[tuple[selectors.SelectorKey, int]]:
        most = constants.ESCAPE_DELAY
        return super().select(most if timeout is None else min(timeout, most))


class _Selectors:
    """The names the Linux driver takes from ``selectors``, with the prompt selector."""

    SelectSelector = _PromptSelector
    EVENT_READ = selectors.EVENT_READ
    SelectorKey = selectors.SelectorKey


class PromptEscapeDriver(linux_driver.LinuxDriver):
    def run_input_thread(self) -> None:
        linux_driver.selectors = _Selectors  # type: ignore[assignment]  # the driver's only use of it
        super().run_input_thread()


def prompt_driver(driver: type[Any]) -> type[Any]:
    """``driver``, or the prompt one where it is Textual's Linux driver (a web driver stays as it is)."""
    return PromptEscapeDriver if driver is linux_driver.LinuxDriver else driver
