#!/usr/bin/env python3
"""Measure peeronboard against fixed references on this machine; prints ratios, not absolute claims.

    python bench/bench.py [--hires 1000] [--repeat 5]

Each figure is the wall time of a fresh process (imports included), so start-up cost counts; ratios
are given for the median run and for the fastest run of each:
  - first frame: the terminal app, headless, until its first screen is drawn, vs. a hello-world Textual app;
  - dashboard filled: the same, until every hire's row is on screen;
  - check: ``peeronboard check`` on one hire vs. ``peeronboard --version``;
  - list: ``peeronboard list --json`` over all hires vs. ``peeronboard --version``;
  - export: ``peeronboard export --format csv -o FILE`` of all hires vs. ``peeronboard --version``;
  - report: ``peeronboard report --format json`` over all hires vs. ``peeronboard --version``;
and the peak resident memory of each.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Both apps stop the process the moment their first frame is on screen (Textual's Ready event), so
# the time is process start + imports + start-up + first frame, and threads still loading do not count.
HELLO = """
import os
from textual.app import App
from textual.widgets import Static
class Hello(App):
    def compose(self):
        yield Static("Hello")
    def on_ready(self):
        os._exit(0)
Hello().run(headless=True)
"""

PEERONBOARD = """
import os, sys
from peeronboard.cli import build_parser
from peeronboard.cli.context import Context
from peeronboard.ui.app import PeerOnboardApp
class Measured(PeerOnboardApp):
    def on_ready(self):
        if sys.argv[1] == "first":
            os._exit(0)
        super().on_ready()
    def refresh_screen(self):
        super().refresh_screen()
        if self.loaded:  # every hire's row is in the table: stop after it is painted
            self.call_after_refresh(os._exit, 0)
context = Context.create(build_parser().parse_args([]))
Measured(context.onboarding, context.lang, poll_seconds=0).run(headless=True)
"""


def make_hires(data_dir: Path, count: int, items_done: int = 5) -> str:
    """Write ``count`` hires on the extended checklist through the real store; returns one id."""
    from peeronboard.library import ChecklistLibrary
    from peeronboard.paths import builtin_checklists_dir
    from peeronboard.record import HireRecord, ItemState, LogEntry
    from peeronboard.store import HireStore

    library = ChecklistLibrary.discover([builtin_checklists_dir()])
    store = HireStore(data_dir)
    checklist = library.get("peermedarbejder-udvidet") or library.ordered()[0]
    items = [item.id for item in checklist.items][:items_done]
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    first = ""
    for n in range(count):
        record = HireRecord(
            id="new", name=f"Person {n:05d} Hansen", checklist=checklist.id,
            start_date=dt.date(2026, 1, 1) + dt.timedelta(days=n % 700), unit=f"Afsnit {n % 40}",
            checklist_version=checklist.version, created=now,
            items={item: ItemState("done", dt.date(2026, 1, 1), "bench", "ok") for item in items},
            log=tuple(LogEntry(now, "bench", "check", item) for item in items),
        )
        created = store.create(record).id
        first = first or created
    return first


PEAK_MEMORY: dict[str, int] = {}  # command name -> largest resident set seen, in KiB


def run_once(name: str, command: list[str], env: dict[str, str]) -> float:
    """Wall time of one run; its peak memory (from the kernel's rusage of that child) is kept too."""
    start = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{name} failed with exit code {child.returncode}: {command}")
    PEAK_MEMORY[name] = max(PEAK_MEMORY.get(name, 0), usage.ru_maxrss)
    return elapsed


def timed_rounds(commands: dict[str, list[str]], env: dict[str, str],
                 repeat: int) -> dict[str, list[float]]:
    """Wall times of each command; rounds interleave the commands so drift hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for name, command in commands.items():  # warm-up: bytecode caches, the record index
        run_once(name, command, env)
    for _ in range(repeat):
        for name, command in commands.items():
            times[name].append(run_once(name, command, env))
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hires", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="peeronboard-bench-") as folder:
        data = Path(folder) / "data"
        # a user's Python caches compiled modules; some sandboxes switch that off, which would time
        # compiling peeronboard's (editable) source on every start instead of starting it
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env = {**env, "PEERONBOARD_DATA_DIR": str(data),
               "PEERONBOARD_CONFIG_DIR": str(Path(folder) / "config"),
               "PEERONBOARD_CACHE_DIR": str(Path(folder) / "cache"), "PEERONBOARD_LANG": "en"}
        started = time.perf_counter()
        hire = make_hires(data, args.hires)
        print(f"made {args.hires} hires in {time.perf_counter() - started:.1f} s")
        py = sys.executable
        subprocess.run([py, "-m", "peeronboard", "list"], env=env, stdout=subprocess.DEVNULL, check=True)
        t = timed_rounds({
            "hello": [py, "-c", HELLO],
            "first": [py, "-c", PEERONBOARD, "first"],
            "filled": [py, "-c", PEERONBOARD, "filled"],
            "version": [py, "-m", "peeronboard", "--version"],
            "check": [py, "-m", "peeronboard", "check", hire, "clarify-needs-and-purpose"],
            "list": [py, "-m", "peeronboard", "list", "--json"],
            "export": [py, "-m", "peeronboard", "export", "--format", "csv", "-o",
                       str(Path(folder) / "all.csv")],
            "report": [py, "-m", "peeronboard", "report", "--format", "json"],
        }, env, args.repeat)
    rows = [
        ("TUI first frame vs hello-world Textual app", "first", "hello"),
        ("TUI dashboard filled vs hello-world Textual app", "filled", "hello"),
        ("check vs --version", "check", "version"),
        ("list --json (all hires) vs --version", "list", "version"),
        ("export --format csv (all hires) vs --version", "export", "version"),
        ("report --format json (all hires) vs --version", "report", "version"),
    ]
    # the median is the typical run; the fastest run is the cost without the machine's noise,
    # which on a shared machine can add tens of milliseconds to any single run
    median = {name: statistics.median(values) for name, values in t.items()}
    fastest = {name: min(values) for name, values in t.items()}
    print(f"\n{args.hires} hires, {args.repeat} runs each, Python {sys.version.split()[0]}")
    print(f"{'measure':50} {'median':>7} {'fastest':>8}  {'time':>8}  {'reference':>9}")
    for label, name, reference in rows:
        ratio, best = median[name] / median[reference], fastest[name] / fastest[reference]
        print(f"{label:50} {ratio:6.2f}x {best:7.2f}x"
              f"  {median[name] * 1000:6.0f}ms  {median[reference] * 1000:7.0f}ms")
    print("\npeak memory (resident, MiB): " + ", ".join(
        f"{name} {kib / 1024:.0f}" for name, kib in PEAK_MEMORY.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
