"""Many writers meeting a lock file left by a crash: exactly one takes it over, and no change is lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from peeronboard import locking
from peeronboard.store import HireStore

WRITERS = 16
ROUNDS = 30

# Each writer, before each of its changes, leaves a crashed writer's lock file behind if there is
# none (an old one, from another machine, so only its age says it is stale), then notes on an item.
WRITER = """
import os, sys, time
from pathlib import Path
from peeronboard.dates import now
from peeronboard.record import LogEntry
from peeronboard.store import HireStore

data, hire, writer, rounds = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
store = HireStore(data)
held = store.hires_dir / ".lock.held"
old = time.time() - 3600


def plant_crashed_lock():
    try:
        handle = os.open(held, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.write(handle, b"another-laptop pid 4242 at 2027-01-20 09:00:00\\n")
    os.close(handle)
    os.utime(held, (old, old))


def note(text):
    def change(fresh):
        state = fresh.state("appoint-mentor")._replace(note=text)
        return "appoint-mentor", state, LogEntry(now(), "tester", "note", "appoint-mentor", text)
    return change


acknowledged, refused = 0, []
for round_ in range(rounds):
    plant_crashed_lock()
    try:
        store.modify(hire, note(f"w{writer}-r{round_}"))
    except Exception as error:  # reported to the test, which fails on it
        refused.append(str(error))
    else:
        acknowledged += 1
print(acknowledged, len(refused), *refused[:1], sep="\t")
"""


def notes_logged(data_dir: Path, hire: str) -> list[str]:
    record = HireStore(data_dir).load(hire)
    return [entry.text or "" for entry in record.log if entry.action == "note"]


def test_writers_taking_over_a_crashed_lock_file_lose_no_change(data_dir: Path, hire: str) -> None:
    env = {**os.environ, locking.LOCK_ENV: "file"}
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), hire, str(n), str(ROUNDS)],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for n in range(WRITERS)]
    outcomes = [writer.communicate(timeout=120) for writer in writers]
    crashed = [err for writer, (_, err) in zip(writers, outcomes, strict=True) if writer.returncode]
    assert crashed == []
    reports = [out.rstrip("\n").split("\t") for out, _ in outcomes]
    acknowledged = sum(int(report[0]) for report in reports)
    refusals = [report[2] for report in reports if int(report[1])]
    assert refusals == [], f"{WRITERS * ROUNDS - acknowledged} changes failed, e.g. {refusals[0]}"
    logged = notes_logged(data_dir, hire)
    lost = sorted({f"w{n}-r{r}" for n in range(WRITERS) for r in range(ROUNDS)} - set(logged))
    assert lost == [], f"{len(lost)} of {acknowledged} acknowledged notes are missing from the record"
    assert len(logged) == acknowledged
