"""The command line as a user runs it: fresh processes, wall time from spawn to exit, peak memory from
the kernel's rusage of that child (``os.wait4``), output to /dev/null (``-o FILE`` for the export)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Callable
from typing import NamedTuple

REFERENCE = [sys.executable, "-c", "import tomllib, os"]


class Command(NamedTuple):
    argv: Callable[[int], list[str]]  # the n-th run's command line (a check ticks another hire each run)
    env: dict[str, str]


class Sample(NamedTuple):
    seconds: float
    peak_kib: int


# Runs one command and reports its wall time and peak memory. The kernel's rusage of a child counts the
# memory of the process it was forked from (Linux keeps the pre-exec high-water mark), so the command
# is forked from this small launcher, not from the bench (which holds the data module's imports).
LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        os.execv(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run_once(name: str, argv: list[str], env: dict[str, str]) -> Sample:
    """Wall time from fork to exit, and peak resident memory, of one run of ``argv``."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a long error cannot block it
        done = subprocess.run([sys.executable, "-S", "-c", LAUNCHER, *argv], env=env,
                              stdout=subprocess.PIPE, stderr=errors, text=True, check=True)
        seconds, peak_kib, code = done.stdout.split()
        if int(code) != 0:
            errors.seek(0)
            said = errors.read().decode(errors="replace")
            raise SystemExit(f"{name} failed ({code}): {' '.join(argv)}\n{said}")
    return Sample(float(seconds), int(peak_kib))


def timed_rounds(commands: dict[str, Command], repeat: int) -> dict[str, list[Sample]]:
    """``repeat`` runs of each command after one warm-up run each; rounds interleave the commands so
    that the machine's drift hits all alike."""
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    for round_ in range(repeat + 1):
        for name, command in commands.items():
            sample = run_once(name, command.argv(round_), command.env)
            if round_:
                samples[name].append(sample)
    return samples
