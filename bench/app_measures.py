"""What a leader waits for in the terminal app, run as a user runs it (``python -m peeronboard``) in tmux.

- first hire row: from just before tmux starts the program until the dashboard's first hire shows;
  the reference is a bare Textual app started the same way, until its "Hello" shows;
- full load: from the same start until the last hire (last by start date, then name) shows after
  typing ``/`` and part of its name once the first row is on screen: every hire loaded and filterable;
- peak memory: the kernel's VmHWM of the app once the full load is done and the filter cleared;
- keys: from just before ``tmux send-keys`` until the screen first looked as it does once the result
  is there and nothing changed for SETTLE seconds; the reference is a Textual app whose text changes
  on a key, which is tmux's and Textual's own round trip.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from data import DataSet
from terminal import Pane, TerminalTimeout, Tmux

SETTLE = 0.05  # a key's result counts once the screen has not changed for this long
FILTER_CHARACTER = "7"  # one character of a name: at 1,000 hires 271 names hold it

HELLO = '''
from textual.app import App
from textual.widgets import Static

class Hello(App):
    """The reference: a bare Textual app; "x" changes its text (tmux's and Textual's round trip)."""
    presses = 0

    def compose(self):
        yield Static("Hello", id="text")

    def on_key(self, event):
        if event.key == "x":
            self.presses += 1
            self.query_one("#text", Static).update(f"Hello, pressed {self.presses}")

Hello().run()
'''


class StartRun(NamedTuple):
    first_row: float
    full_load: float | None
    peak_kib: int | None


def visible_key(name: str) -> str:
    """The part of a hire's name that shows even when the column cuts it short ("Person 00042")."""
    return " ".join(name.split()[:2])


class AppRunner:
    """Starts the app or the reference in tmux, with the bench's environment."""

    def __init__(self, tmux: Tmux, env: dict[str, str], folder: Path) -> None:
        self.tmux, self.env, self.folder = tmux, env, folder
        self.hello = folder / "hello.py"
        self.hello.write_text(HELLO, encoding="utf-8")

    def app(self, data_dir: Path) -> Pane:
        env = {**self.env, "PEERONBOARD_DATA_DIR": str(data_dir)}
        return self.tmux.start([sys.executable, "-m", "peeronboard"], env, self.folder)

    def reference(self) -> Pane:
        return self.tmux.start([sys.executable, str(self.hello)], self.env, self.folder)

    def hello_first_frame(self) -> tuple[float, int]:
        """The reference's seconds to its first frame, and its peak memory then (KiB)."""
        pane = self.reference()
        try:
            return pane.wait(lambda screen: "Hello" in screen, pane.started)[0], pane.peak_memory_kib()
        finally:
            pane.close()

    def start(self, data: DataSet, data_dir: Path, full: bool, leave_rows: bool = False) -> StartRun:
        """One start of the app: its first hire row, and (``full``) the full load and peak memory;
        with ``leave_rows``, the app is left running until it has written its rows file (as it has
        on any day after a leader's first)."""
        first, last = visible_key(data.first_name), visible_key(data.last_name)
        pane = self.app(data_dir)
        try:
            first_row = pane.wait(lambda screen: first in screen, pane.started)[0]
            if not full:
                return StartRun(first_row, None, None)
            open_filter(pane)
            type_filter(pane, last.split()[1])  # the number: the filter box never shows "Person"
            full_load = pane.wait(lambda screen: last in screen, pane.started)[0]
            clear_filter(pane, settle=1.0)
            if leave_rows:
                wait_for_file(data_dir / "rows.json")
            return StartRun(first_row, full_load, pane.peak_memory_kib())
        finally:
            pane.close()


def wait_for_file(path: Path, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.1)


def type_filter(pane: Pane, text: str) -> float:
    """Type ``text`` into the open filter box, again if the app missed it (a key typed while the
    focus is still moving); returns the moment just before the typing that showed."""
    for _ in range(5):
        since = pane.send(text, literal=True)
        try:
            pane.wait(lambda screen: any(text in line and "Person" not in line
                                         for line in screen.splitlines()), since, timeout=5)
            return since
        except TerminalTimeout:
            continue
    raise TerminalTimeout(f"the filter box never showed {text!r}:\n{pane.screen()}")


def open_filter(pane: Pane) -> None:
    """Press / and wait until the filter box has settled (Textual moves the focus a turn later)."""
    before = pane.screen()
    since = pane.send("/")
    pane.wait(lambda screen: screen != before, since, settle=0.05)  # it takes keys at once


class KeyPress(NamedTuple):
    name: str
    keys: tuple[str, ...]
    shows: Callable[[str, str], bool]  # (screen before, screen now) -> the result is there
    settle: float = SETTLE


def key_presses(data: DataSet) -> list[KeyPress]:
    """One round on the dashboard and a hire, ending where it began (the data as it was)."""
    first = visible_key(data.first_name)
    progress = f" of {data.checklist_items} done"

    def on_dashboard(_: str, screen: str) -> bool:
        return first in screen and progress not in screen

    def changed(before: str, screen: str) -> bool:
        return screen != before

    def first_gone(before: str, screen: str) -> bool:
        return screen != before and first not in screen

    return [
        KeyPress("Enter: the hire's checklist shows", ("Enter",), lambda _, s: progress in s),
        KeyPress("Space: the tick shows", ("Space",), changed),
        KeyPress("Space: the tick shows", ("Space",), changed),  # back as it was
        KeyPress("Escape: back on the dashboard", ("Escape",), on_dashboard),
        KeyPress("", ("/",), changed, settle=0.2),  # opening the filter: not timed
        KeyPress("a / filter key: filtered rows show", (FILTER_CHARACTER,), first_gone),
        KeyPress("Escape from the filter: all rows back", ("Escape",), on_dashboard),
        KeyPress("PageDown: the next page shows", ("PageDown",), first_gone),
        KeyPress("", ("PageUp",), on_dashboard),  # back to the top (pressed again if need be)
    ]


def press(pane: Pane, key: KeyPress) -> float:
    """Seconds from the key to its result; an untimed key is pressed again until its result shows
    (PageUp from the last page may need two)."""
    for _ in range(1 if key.name else 20):
        before = pane.screen()
        since = pane.send(*key.keys)
        try:
            return pane.wait(lambda screen, before=before: key.shows(before, screen), since,
                             settle=key.settle, timeout=60 if key.name else 3)[0]
        except TerminalTimeout:
            if key.name:
                raise
    raise TerminalTimeout(f"{key.keys} never showed its result:\n{pane.screen()}")


def key_times(runner: AppRunner, data: DataSet, data_dir: Path, presses: int) -> dict[str, list[float]]:
    """Each timed key's seconds over ``presses`` rounds, once every hire is loaded, after one round
    not counted (its keys are each the first since start: kept apart, as "..., first after start")."""
    pane = runner.app(data_dir)
    times: dict[str, list[float]] = {}
    try:
        first = visible_key(data.first_name)
        pane.wait(lambda screen: first in screen, pane.started)
        wait_loaded(pane, data)
        for round_ in range(presses + 1):
            for key in key_presses(data):
                seconds = press(pane, key)
                name = key.name if round_ else f"{key.name}, first after start"
                if key.name and (round_ or name not in times):
                    times.setdefault(name, []).append(seconds)
    finally:
        pane.close()
    return times


def wait_loaded(pane: Pane, data: DataSet) -> None:
    """Find the last hire with the filter (every hire is loaded), then the first (the cursor is on
    it: the dashboard at its top), and clear the filter."""
    for name in (data.last_name, data.first_name):
        open_filter(pane)
        shown = visible_key(name)
        since = type_filter(pane, shown.split()[1])
        pane.wait(lambda screen, shown=shown: shown in screen, since, settle=SETTLE)
        clear_filter(pane, settle=0.5)


def clear_filter(pane: Pane, settle: float) -> None:
    """Escape from the filter, and wait until the screen has been still for ``settle`` seconds."""
    before = pane.screen()
    since = pane.send("Escape")
    pane.wait(lambda screen: screen != before, since, settle=settle)


def hello_key_times(runner: AppRunner, presses: int) -> list[float]:
    """tmux's and Textual's own round trip: a key to a bare Textual app until its text changes."""
    pane = runner.reference()
    try:
        pane.wait(lambda screen: "Hello" in screen, pane.started, settle=0.3)
        times = []
        for n in range(1, presses + 1):
            since = pane.send("x")
            times.append(pane.wait(lambda screen, n=n: f"pressed {n}" in screen, since,
                                   settle=SETTLE)[0])
        return times
    finally:
        pane.close()

