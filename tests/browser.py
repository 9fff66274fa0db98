"""A headless Chromium driven over the DevTools protocol, through aiohttp's websocket client (aiohttp comes
with textual-serve): enough to open tabs, press keys, read what a served app draws and receive downloads.
Nothing is downloaded: it runs the system's ``chromium``.

xterm.js draws on a canvas, so what a tab shows is read from what its app sends: every tab's websocket is
watched from the first script of the page on, and the text it receives is kept without its escapes."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import re
import shutil
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WAIT = 60.0  # seconds any one thing may take on a slow, busy machine; polled, so a fast one never waits
_ESCAPES = re.compile(r"\x1b\[[0-9;?<=>]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")

# kept in each tab from its first script on: everything its websockets received, as text
WATCH_WEBSOCKETS = """
(() => {
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.__received = "";
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (typeof event.data !== "string") {
          window.__received += decoder.decode(event.data, {stream: true});
        }
      });
    }
  };
})();
"""

_KEYS = {"Enter": (13, "\r"), "Tab": (9, ""), "Escape": (27, ""), " ": (32, " "), "ArrowDown": (40, ""),
         "ArrowUp": (38, "")}


async def until(check: Callable[[], Awaitable[Any]], what: str, wait: float = WAIT) -> Any:
    """Polls ``check`` until it gives something true, and returns it; fails naming ``what``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    while True:
        result = await check()
        if result:
            return result
        if loop.time() > deadline:
            raise AssertionError(f"not within {wait:.0f} s: {what}")
        await asyncio.sleep(0.1)


class Browser:
    """One Chromium process and its DevTools connection."""

    def __init__(self, process: asyncio.subprocess.Process, socket: aiohttp.ClientWebSocketResponse,
                 session: aiohttp.ClientSession) -> None:
        self.process, self.socket, self.session = process, socket, session
        self._ids = itertools.count(1)
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self.events: list[dict[str, Any]] = []
        self._reader = asyncio.create_task(self._read())

    @classmethod
    @contextlib.asynccontextmanager
    async def launched(cls, downloads: Path) -> AsyncIterator[Browser]:
        assert CHROMIUM is not None
        profile = tempfile.mkdtemp(prefix="peeronboard-chromium-")
        arguments = ["--headless=new", "--remote-debugging-port=0", f"--user-data-dir={profile}",
                     "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--metrics-recording-only", "--window-size=1280,900", "about:blank"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            arguments.insert(0, "--no-sandbox")  # Chromium's sandbox refuses to run as root
        process = await asyncio.create_subprocess_exec(CHROMIUM, *arguments, stdin=asyncio.subprocess.DEVNULL,
                                                       stdout=asyncio.subprocess.DEVNULL,
                                                       stderr=asyncio.subprocess.PIPE)
        session = aiohttp.ClientSession()
        try:
            address = await asyncio.wait_for(_devtools_address(process), WAIT)
            socket = await session.ws_connect(address, max_msg_size=0)
            browser = cls(process, socket, session)
            await browser.send("Browser.setDownloadBehavior", behavior="allow", downloadPath=str(downloads),
                               eventsEnabled=True)
            yield browser
        finally:
            await session.close()
            if process.returncode is None:
                process.kill()
            await process.wait()
            shutil.rmtree(profile, ignore_errors=True)

    async def _read(self) -> None:
        async for message in self.socket:
            data = json.loads(message.data)
            if "id" in data and data["id"] in self._waiting:
                self._waiting.pop(data["id"]).set_result(data)
            else:
                self.events.append(data)

    async def send(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        call_id = next(self._ids)
        answer = self._waiting[call_id] = asyncio.get_running_loop().create_future()
        await self.socket.send_json({"id": call_id, "method": method, "params": params,
                                     **({"sessionId": session} if session else {})})
        data = await asyncio.wait_for(answer, WAIT)
        if "error" in data:
            raise RuntimeError(f"{method}: {data['error']}")
        return data["result"]

    async def open(self, url: str) -> Tab:
        """A new tab on ``url``, watched from its first script on."""
        target = (await self.send("Target.createTarget", url="about:blank"))["targetId"]
        session = (await self.send("Target.attachToTarget", targetId=target, flatten=True))["sessionId"]
        tab = Tab(self, session)
        for domain in ("Page", "Runtime", "Network"):
            await self.send(f"{domain}.enable", session)
        await self.send("Page.addScriptToEvaluateOnNewDocument", session, source=WATCH_WEBSOCKETS)
        await self.send("Page.navigate", session, url=url)
        return tab

    def requested_urls(self) -> list[str]:
        """Every URL any tab asked for so far."""
        return [event["params"]["request"]["url"] for event in self.events
                if event.get("method") == "Network.requestWillBeSent"]


async def _devtools_address(process: asyncio.subprocess.Process) -> str:
    assert process.stderr is not None
    while line := (await process.stderr.readline()).decode(errors="replace"):
        if found := re.search(r"DevTools listening on (ws://\S+)", line):
            return found.group(1)
    raise AssertionError("Chromium ended before it opened its DevTools port")


class Tab:
    def __init__(self, browser: Browser, session: str) -> None:
        self.browser, self.session = browser, session

    async def evaluate(self, expression: str) -> Any:
        result = await self.browser.send("Runtime.evaluate", self.session, expression=expression,
                                         returnByValue=True, awaitPromise=True)
        return result["result"].get("value")

    async def received(self) -> str:
        """What the tab's app has sent so far, as text without escapes."""
        return _ESCAPES.sub("", await self.evaluate("window.__received || ''") or "")

    async def shows(self, text: str, after: int = 0) -> int:
        """Waits until ``text`` arrives (after the first ``after`` characters); where it ends."""
        async def found() -> int:
            received = await self.received()
            at = received.find(text, after)
            return at + len(text) if at >= 0 else 0
        return await until(found, f"the tab shows {text!r}")

    async def focus(self) -> None:
        await self.browser.send("Target.activateTarget", targetId=await self._target_id())
        await until(lambda: self.evaluate(
            "(() => { const area = document.querySelector('.xterm-helper-textarea');"
            " if (area) { area.focus(); } return !!area && document.activeElement === area; })()"),
            "the terminal has the keyboard")

    async def _target_id(self) -> str:
        info = await self.browser.send("Target.getTargetInfo", self.session)
        return info["targetInfo"]["targetId"]

    async def press(self, key: str) -> None:
        """One key, as a person presses it (a trusted event: a download it starts is not a pop-up)."""
        code, text = _KEYS[key] if key in _KEYS else (ord(key.upper()) if key.isalnum() else 0, key)
        common = {"key": key, "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code}
        await self.browser.send("Input.dispatchKeyEvent", self.session, type="keyDown",
                                **common, **({"text": text} if text else {}))
        await self.browser.send("Input.dispatchKeyEvent", self.session, type="keyUp", **common)

    async def type(self, text: str) -> None:
        for character in text:
            await self.press(character)
