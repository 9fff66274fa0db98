#!/usr/bin/env python3
"""Measure what a leader waits for in peeronboard (issue 14), as ratios against references run in the
same session on the same machine; prints a Markdown table the README can quote as it is.

    .venv/bin/python bench/bench.py [--hires 1000,10000] [--repeat 5] [--presses 20] [--only keys]

Sections (``--only`` takes a comma list of them):
  first-row  tmux 120x40: start -> the dashboard's first hire shows, vs a bare Textual app's "Hello"
  full-load  start -> the last hire shows through the ``/`` filter (every hire loaded), vs the same
  keys       each key -> its result on screen, p95 and median; vs a key to a bare Textual app
  cli        --version, check, list --json, agenda --json, CSV export, vs ``python -c "import tomllib, os"``
  memory     peak resident memory: the app once fully loaded (tmux), the CSV export of --large hires
Data: hires on the largest built-in checklist, 5 items done, start dates over 700 days, made once per
count under /tmp; each run works on a fresh copy, warmed by one ``peeronboard list`` (as a user's second
start). Each measure takes one warm-up run that is not counted, then --repeat runs interleaved.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from app_measures import AppRunner, hello_key_times, key_times
from cli_measures import REFERENCE, Command, Sample, run_once, timed_rounds
from data import DataSet, data_set, working_copy
from report import Row, table
from terminal import Tmux, missing_reason

SECTIONS = ("first-row", "full-load", "keys", "cli", "memory")
TODAY = "2027-01-20"  # fixed, so that what is due and overdue is the same in every run
MIB = 1024


def counts(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def sections(text: str) -> set[str]:
    chosen = {part.strip() for part in text.split(",") if part.strip()}
    if unknown := chosen - set(SECTIONS):
        raise argparse.ArgumentTypeError(f"unknown section(s) {', '.join(sorted(unknown))}; "
                                         f"choose from {', '.join(SECTIONS)}")
    return chosen


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hires", type=counts, default=[1000, 10000],
                        help="hire counts for the first hire row (e.g. 1000,10000,50000)")
    parser.add_argument("--keys-hires", type=counts, default=[1000, 10000],
                        help="hire counts for the keys (default 1000,10000)")
    parser.add_argument("--small", type=int, default=1000, help="hires for check and CSV export")
    parser.add_argument("--large", type=int, default=10000,
                        help="hires for the full load, list/agenda --json and memory")
    parser.add_argument("--repeat", type=int, default=5, help="counted runs of each start and command")
    parser.add_argument("--presses", type=int, default=20, help="counted presses of each key")
    parser.add_argument("--only", type=sections, default=set(SECTIONS),
                        help=f"comma list of sections: {', '.join(SECTIONS)}")
    return parser.parse_args(argv)


class Bench:
    """The data copies, the environment and the rows measured so far."""

    def __init__(self, args: argparse.Namespace, folder: Path) -> None:
        self.args, self.folder = args, folder
        # a user's Python caches compiled modules; a sandbox may switch that off, which would time
        # compiling peeronboard's source on every start instead of starting it
        env = {key: value for key, value in os.environ.items()
               if key != "PYTHONDONTWRITEBYTECODE" and not key.startswith("PEERONBOARD_")}
        self.env = {**env, "PEERONBOARD_CONFIG_DIR": str(folder / "config"),
                    "PEERONBOARD_CACHE_DIR": str(folder / "cache"), "PEERONBOARD_LANG": "en",
                    "PEERONBOARD_TODAY": TODAY, "TERM": "xterm-256color"}
        self.sets: dict[int, tuple[DataSet, Path]] = {}
        self.rows: list[Row] = []

    def data(self, count: int) -> tuple[DataSet, Path]:
        """The data set of ``count`` hires and this run's warmed copy of it."""
        if count not in self.sets:
            made = data_set(count)
            copy = working_copy(made, self.folder)
            run_once("warm-up list", [sys.executable, "-m", "peeronboard", "list"], self.env_for(copy))
            self.sets[count] = made, copy
        return self.sets[count]

    def env_for(self, data_dir: Path) -> dict[str, str]:
        return {**self.env, "PEERONBOARD_DATA_DIR": str(data_dir)}

    # --- the terminal ---------------------------------------------------------------------

    def terminal(self) -> None:
        chosen = self.args.only
        if not chosen & {"first-row", "full-load", "keys", "memory"}:
            return
        if reason := missing_reason():
            print(f"skipped the terminal measures (first-row, full-load, keys, app memory): {reason}")
            return
        with Tmux() as tmux:
            runner = AppRunner(tmux, self.env, self.folder)
            if chosen & {"first-row", "full-load", "memory"}:
                self.starts(runner)
            if "keys" in chosen:
                self.keys(runner)

    def starts(self, runner: AppRunner) -> None:
        """Interleaved rounds: the reference, then the app at each count; one warm-up round."""
        chosen, large = self.args.only, self.args.large
        full = bool(chosen & {"full-load", "memory"})
        wanted = list(self.args.hires) if "first-row" in chosen else []
        wanted += [large] if full and large not in wanted else []
        hello: list[float] = []
        hello_kib: list[int] = []
        first_rows: dict[int, list[float]] = {count: [] for count in wanted}
        loads: list[float] = []
        peaks: list[int] = []
        for round_ in range(self.args.repeat + 1):
            seconds, kib = runner.hello_first_frame()
            for count in wanted:
                data, copy = self.data(count)
                # the warm-up round runs each start to its full load, as a leader's first day with
                # the app does: the rows file it leaves is what every later start begins from
                run = runner.start(data, copy, full=(full and count == large) or not round_,
                                   leave_rows=not round_)
                if round_:
                    first_rows[count].append(run.first_row)
                    if run.full_load is not None:
                        loads.append(run.full_load)
                        peaks.append(run.peak_kib or 0)
            if round_:
                hello.append(seconds)
                hello_kib.append(kib)
        for count in wanted if "first-row" in chosen else []:
            if count in self.args.hires:
                self.rows.append(Row.ratio(f"first hire row on screen, {count:,} hires", first_rows[count],
                                           hello, 1.2))
        if "full-load" in chosen:
            self.rows.append(Row.ratio(f"full load (last hire found by `/`), {large:,} hires", loads,
                                       hello, 2.0))
        if "memory" in chosen:
            self.rows.append(Row.memory(f"peak memory: the app, {large:,} hires loaded", peaks,
                                        hello_kib, 100 * MIB))

    def keys(self, runner: AppRunner) -> None:
        presses = self.args.presses
        reference = hello_key_times(runner, presses)
        for count in self.args.keys_hires:
            data, copy = self.data(count)
            for name, seconds in key_times(runner, data, copy, presses).items():
                self.rows.append(Row.key(f"{name}, {count:,} hires", seconds, reference))

    # --- the command line -----------------------------------------------------------------

    def command_line(self) -> None:
        chosen = self.args.only
        if not chosen & {"cli", "memory"}:
            return
        small, small_copy = self.data(self.args.small)
        _, large_copy = self.data(self.args.large)
        program = [sys.executable, "-m", "peeronboard"]
        small_env, large_env = self.env_for(small_copy), self.env_for(large_copy)
        few, many = f"{self.args.small:,} hires", f"{self.args.large:,} hires"

        def fixed(*args: str) -> Callable[[int], list[str]]:
            return lambda _: [*program, *args]

        def check(run: int) -> list[str]:  # another hire each run: each is a real write
            return [*program, "check", small.ids[run % small.count], small.open_item]

        def export(to: str) -> Callable[[int], list[str]]:
            return fixed("export", "--format", "csv", "-o", str(self.folder / to))

        timed = {  # label -> the command and its target ratio
            "`--version`": (Command(fixed("--version"), small_env), 1.0),
            f"`check HIRE ITEM`, {few}": (Command(check, small_env), 1.6),
            f"`list --json`, {many}": (Command(fixed("list", "--json"), large_env), 10.0),
            f"`agenda --json`, {many}": (Command(fixed("agenda", "--json"), large_env), 15.0),
            f"CSV export, {few}": (Command(export("small.csv"), small_env), 4.0),
        } if "cli" in chosen else {}
        memory = f"peak memory: CSV export, {many}"
        commands = {"reference": Command(lambda _: REFERENCE, small_env),
                    **{label: command for label, (command, _) in timed.items()}}
        if "memory" in chosen:
            commands[memory] = Command(export("large.csv"), large_env)
        samples = timed_rounds(commands, self.args.repeat)
        reference = samples["reference"]
        for label, (_, target) in timed.items():
            self.rows.append(Row.ratio(label, seconds(samples[label]), seconds(reference), target))
        if "memory" in chosen:
            self.rows.append(Row.memory(memory, peaks(samples[memory]), peaks(reference), 150 * MIB))


def seconds(samples: list[Sample]) -> list[float]:
    return [sample.seconds for sample in samples]


def peaks(samples: list[Sample]) -> list[int]:
    return [sample.peak_kib for sample in samples]


def context_line(args: argparse.Namespace, load_before: float) -> str:
    return (f"{dt.date.today().isoformat()}, {os.cpu_count()} cores, load average {load_before:.1f} -> "
            f"{os.getloadavg()[0]:.1f}, Python {sys.version.split()[0]}, Textual {version('textual')}; "
            f"{args.repeat} counted runs of each start and command (after one warm-up)"
            + (f", {args.presses} counted presses of each key (after one round)" if "keys" in args.only
               else "") + memory_note())


def memory_note() -> str:
    """The page cache at the end, and whether the kernel pages out memory it sees as cold (DAMON's
    ``pageout``): then files read a while ago are read from disk again, and every start and key is
    slower and varies more, the references' too."""
    try:
        cached = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("Cached:"))
    except (OSError, StopIteration, ValueError, IndexError):
        return ""
    damon = Path("/sys/kernel/mm/damon/admin/kdamonds")
    try:
        paging_out = any(
            (kdamond / "state").read_text().strip() == "on"
            and any(action.read_text().strip() == "pageout"
                    for action in kdamond.glob("contexts/*/schemes/*/action"))
            for kdamond in damon.iterdir() if kdamond.name.isdigit())
    except OSError:
        paging_out = False
    return f"; page cache {cached // 1024:,} MiB" + (", the kernel's DAMON pages out cold memory"
                                                     if paging_out else "")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="peeronboard-bench-") as folder:
        bench = Bench(args, Path(folder))
        bench.terminal()
        bench.command_line()
        checklist = next(iter(bench.sets.values()))[0].checklist_items if bench.sets else 0
    print()
    print(table(bench.rows))
    print(f"\n{context_line(args, load_before)}; {checklist}-item records (the largest built-in "
          "checklist), 5 items done, each data copy warmed by one `peeronboard list` (as a user's second "
          "start); reference times are medians too.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
