"""The app's writes, one at a time and in the order they were asked for, on a thread of their own.

Saving a change waits for the disk (fsync) and, when another program is writing, for the store's lock.
The screen awaits the result instead of waiting for it: it keeps drawing, and the keys after a change
are taken in once that change is saved, so "tick, untick" still means what it meant on screen.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

Result = TypeVar("Result")


class Writer:
    """A single writing thread the app hands its core calls to. A write that has begun is finished
    even when the app quits at once: Python waits for the thread before the program ends."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="peeronboard-writer")
        self.pending = 0  # writes asked for and not yet done (read on the UI thread)

    async def run(self, write: Callable[[], Result]) -> Result:
        """``write()`` on the writing thread, after every write asked for before it; its result, or
        the exception it raised."""
        self.pending += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(self._pool, write)
        finally:
            self.pending -= 1

    async def settled(self) -> None:
        """Once every write asked for so far is done (tests wait for this after a key)."""
        while self.pending:
            await asyncio.sleep(0.005)
