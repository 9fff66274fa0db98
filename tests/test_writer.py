"""The app saves on a writing thread of its own: while a save waits for another writer's lock the screen
is free, the save lands once the lock is let go, and changes land in the order they were made."""

from __future__ import annotations

import asyncio
import threading

from peeronboard.onboarding import Onboarding

from .test_tui import START, app_for, started


def hold_the_lock(onboarding: Onboarding, taken: threading.Event, release: threading.Event) -> threading.Thread:
    """Another writer holds the store's lock until ``release`` is set."""

    def hold() -> None:
        with onboarding.store.locked():
            taken.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    assert taken.wait(5)
    return thread


async def test_a_save_waiting_for_another_writers_lock_leaves_the_screen_free(onboarding: Onboarding) -> None:
    hire = onboarding.add("Anna Berg", START, "sample").id
    app = app_for(onboarding)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        taken, release = threading.Event(), threading.Event()
        holder = hold_the_lock(onboarding, taken, release)
        ticking = asyncio.create_task(
            app.change_item(hire, "appoint-mentor", lambda r: onboarding.check(r, "appoint-mentor")))
        drawn = 0
        for _ in range(10):  # the screen goes on drawing while the save waits
            app.screen.refresh()
            await asyncio.sleep(0.02)
            drawn += 1
        assert drawn == 10 and not ticking.done() and app.writer.pending == 1
        release.set()
        assert await ticking
        holder.join()
        assert onboarding.store.load(hire).state("appoint-mentor").status == "done"
        assert app.hires[hire].record.state("appoint-mentor").status == "done"


async def test_quick_changes_are_saved_in_the_order_they_were_made(onboarding: Onboarding) -> None:
    hire = onboarding.add("Anna Berg", START, "sample").id
    app = app_for(onboarding)
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        notes = [f"note {n}" for n in range(8)]
        await asyncio.gather(*(app.change_item(hire, "appoint-mentor",
                                               lambda r, text=text: onboarding.note(r, "appoint-mentor", text))
                               for text in notes))
        assert onboarding.store.load(hire).state("appoint-mentor").note == notes[-1]
        assert app.hires[hire].record.state("appoint-mentor").note == notes[-1]
