"""``peeronboard serve`` in a real browser: headless Chromium opens the printed link, adds a hire through
the form, ticks an item and downloads the export; a second tab, in Danish and privacy mode, sees the tick;
the record on disk has it, and the page asked nothing of any other server. Skipped only where Chromium is
not installed (``.ci/run`` installs it)."""

from __future__ import annotations

import asyncio
import os
import re
import sys
import tomllib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .browser import CHROMIUM, WAIT, Browser, Tab, until
from .conftest import TODAY

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")


@dataclass
class Serving:
    link: str
    process: asyncio.subprocess.Process
    output: list[str]

    @property
    def origin(self) -> str:
        parts = urlsplit(self.link)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def token(self) -> str:
        return self.link.partition("token=")[2]


@pytest.fixture
async def serving(isolated: Path) -> AsyncIterator[Serving]:
    """``peeronboard serve`` on a free loopback port, on the test's own folders; its home is a folder of
    its own, so a file written there instead of downloaded would be seen."""
    (isolated / "home").mkdir()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "peeronboard", "serve", "--port", "0", stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
        env={**os.environ, "HOME": str(isolated / "home")})
    assert process.stdout is not None
    output: list[str] = []

    async def link() -> str:
        while line := (await process.stdout.readline()).decode():
            output.append(line)
            if found := re.search(r"http://127\.0\.0\.1:\d+/\?token=\S+", line):
                return found.group(0)
        raise AssertionError(f"serve ended without a link: {''.join(output)}")

    try:
        serving = Serving(await asyncio.wait_for(link(), WAIT), process, output)
        reading = asyncio.create_task(_keep_reading(process, output))
        yield serving
        process.terminate()
        assert await asyncio.wait_for(process.wait(), WAIT) == 0  # a clean stop, every tab closed
        await reading
        assert "".join(output).count(serving.token) == 1  # printed once, for whoever started it
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def _keep_reading(process: asyncio.subprocess.Process, output: list[str]) -> None:
    assert process.stdout is not None
    while line := await process.stdout.readline():
        output.append(line.decode(errors="replace"))


def _records(data_dir: Path) -> list[dict]:
    return [tomllib.loads(path.read_text(encoding="utf-8")) for path in (data_dir / "hires").glob("*.toml")]


async def _ready(tab: Tab, title: str) -> None:
    await tab.shows(title)
    await tab.focus()


async def test_a_leader_works_in_the_browser_and_a_second_tab_sees_it(serving: Serving, isolated: Path) -> None:
    data_dir, downloads = isolated / "data", isolated / "downloads"
    downloads.mkdir()
    async with Browser.launched(downloads) as browser:
        first = await browser.open(serving.link + "&lang=en")
        await _ready(first, "Hires")
        second = await browser.open(serving.link + "&lang=da&private=1")
        await second.shows("Ansatte")  # this tab's own language ...
        await second.shows("privat visning")  # ... and privacy mode

        await first.focus()
        await first.press("n")
        seen = await first.shows("Start date (YYYY-MM-DD)")  # the form (the key bar says "New hire" too)
        await first.type("Anna Browser")
        seen = await first.shows("Anna Browser", after=seen)
        await first.press("Tab")
        await first.type("2027-03-01")
        await first.press("Enter")
        seen = await first.shows("Tick/untick", after=seen)  # the new hire's checklist, by its key bar
        (record,) = await until(lambda: _async(_records(data_dir)), "the new hire's record is on disk")
        assert record["name"] == "Anna Browser" and str(record["start_date"]) == "2027-03-01"

        await first.press(" ")  # tick the focused item

        def ticked() -> list[str]:
            return [item for record in _records(data_dir)
                    for item, state in record.get("items", {}).items() if state.get("status") == "done"]

        (item,) = await until(lambda: _async(ticked()), "the tick is in the record on disk")
        at = await second.shows("A. B.")  # the other tab has the new hire, by its initials only ...
        await second.shows("1/11", after=at)  # ... and sees the tick in its progress
        assert "Anna Browser" not in await second.received()

        await first.press("e")
        await first.shows("Export a progress summary", after=seen)
        await first.press("Enter")
        name = f"peeronboard-{record['id']}-{TODAY}.html"
        summary = await until(lambda: _async(_finished_download(downloads / name)), f"{name} is downloaded")
        assert "Anna Browser" in summary and item

        fonts = await first.evaluate("[...document.fonts].map(f => f.family + ' ' + f.status).join(', ')")
        assert "Roboto Mono loaded" in fonts  # the terminal's font, from the server itself
        asked = browser.requested_urls()
        assert asked and all(url.startswith(serving.origin) or url.startswith(("data:", "blob:"))
                             for url in asked), asked

    assert not list((isolated / "home").rglob("*.html")), "the export was written on the server"
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert serving.token.encode() not in path.read_bytes(), path


async def _async(value: object) -> object:
    return value


def _finished_download(path: Path) -> str | None:
    """The downloaded file's text once Chromium has finished writing it (it renames it into place)."""
    return path.read_text(encoding="utf-8") if path.is_file() else None
