"""A writer killed with SIGKILL in the middle of writing leaves a record that loads and keeps every
change that was acknowledged."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from peeronboard.store import HireStore

from .conftest import DATA

WRITER = """
import datetime as dt, os, sys
from pathlib import Path
from peeronboard.library import ChecklistLibrary
from peeronboard.onboarding import Onboarding
from peeronboard.store import HireStore
store = HireStore(Path(sys.argv[1]))
onboarding = Onboarding(store, ChecklistLibrary.discover([Path(sys.argv[2])]), "writer",
                        lambda: dt.date(2027, 1, 20))
record = store.load(sys.argv[3])
for n in range(100000):
    onboarding.note(record, "peer-training", f"note {n} by {os.getpid()}")  # each one a change
    print(n, flush=True)  # acknowledged: the change is on disk
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("after_seconds", [0.3, 0.7, 1.1])
def test_killed_writer_leaves_a_whole_record_with_every_acknowledged_change(
        hire: str, data_dir: Path, after_seconds: float) -> None:
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), str(DATA), hire],
                              stdout=subprocess.PIPE, text=True)
    time.sleep(after_seconds)
    writer.send_signal(signal.SIGKILL)
    acknowledged = [int(line) for line in writer.communicate()[0].split()]
    assert acknowledged, "the writer made no change before it was killed"
    record = HireStore(data_dir).load(hire)  # loads: never half a file
    saved = int(record.state("peer-training").note.split()[1])
    assert saved >= acknowledged[-1]  # the last acknowledged change (or the one after it) is there
    assert sum(1 for entry in record.log if entry.action == "note") >= len(acknowledged)
