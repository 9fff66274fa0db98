"""The web server of ``peeronboard serve``: textual-serve's, with an access token in front of everything,
each tab's own language and privacy mode, and its font served from here (the page asks nothing of the
internet).

Access: every request, the page, its scripts and fonts, the websocket and each download alike, must carry
the token, either as ``?token=`` (the link printed at start) or in the cookie that link sets. Without it,
or with a wrong one, the answer is 403 with nothing in it. Everything but that link lives under a path
made from the token (``/s-<hash>/``), and the cookie is sent only there: a browser sends a host's
cookies to every port of it, so another web server on the same host never receives it. A download
(which textual.js asks for at ``/download/<key>``, outside that path) is served while its key, a random
one its tab made, is being delivered. The websocket must also come from a page of this server (its
``Origin``), so another site open in the same browser cannot use the cookie.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import secrets
import shlex
import signal
import subprocess
import sys
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from string import Template
from urllib.parse import quote, urlencode, urlsplit

from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

TOKEN_PARAM = "token"
LANGS = ("da", "en")
ON_WORDS = ("1", "true", "yes", "ja", "on")
OFF_WORDS = ("0", "false", "no", "nej", "off")
PAGE = Path(__file__).with_name("page.html")
# a monospace font with the block, shade and box characters the progress bars and the report draw
# (textual-serve's own, Roboto Mono, has none of them); the first that exists is served
MONO_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"),  # Debian, Ubuntu (fonts-dejavu-core)
    Path("/usr/share/fonts/dejavu-sans-mono-fonts/DejaVuSansMono.ttf"),  # Fedora
    Path("/usr/share/fonts/TTF/DejaVuSansMono.ttf"),  # Arch
)
FALLBACK_FONT = "fonts/RobotoMono-VariableFont_wght.ttf"  # in textual-serve's static folder
# the page loads only what this server serves: no font, script or request from anywhere else
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'; "
                               "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
                               "connect-src 'self'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
}


def new_token() -> str:
    return secrets.token_urlsafe(32)


def base_path(token: str) -> str:
    """The path everything of a server lives under: made from its token, so only those who have the
    token know it, and the token cannot be read back from it."""
    return "/s-" + hashlib.sha256(token.encode("utf-8")).hexdigest()[:32]


def token_matches(given: str | None, token: str) -> bool:
    """Whether ``given`` is the access token, compared in constant time."""
    return given is not None and secrets.compare_digest(given.encode("utf-8"), token.encode("utf-8"))


@dataclass(frozen=True)
class TabOptions:
    """What one tab's link asks for (``?lang=da&private=1``); None: the server's default."""

    lang: str | None = None
    private: bool | None = None

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> TabOptions:
        lang = query.get("lang", "").lower()
        private = query.get("private", "").lower()
        return cls(lang if lang in LANGS else None,
                   True if private in ON_WORDS else False if private in OFF_WORDS else None)

    @property
    def query(self) -> dict[str, str]:
        """The query that asks for these options again."""
        shown = {"lang": self.lang} if self.lang else {}
        return shown | ({} if self.private is None else {"private": "1" if self.private else "0"})

    def link(self, base: str) -> str:
        """The page's address under ``base`` with these options (and nothing else)."""
        return f"{base}/" + (f"?{urlencode(self.query)}" if self.query else "")

    @property
    def websocket_path(self) -> str:
        """``/ws``, or ``/ws/da-private`` and the like: textual.js adds its own query to this URL."""
        words = [*([self.lang] if self.lang else []),
                 *([] if self.private is None else ["private" if self.private else "public"])]
        return "/ws/" + "-".join(words) if words else "/ws"

    @classmethod
    def from_path(cls, words: str) -> TabOptions | None:
        """The options of ``websocket_path``; None for words it never makes."""
        lang, private = None, None
        for word in filter(None, words.split("-")):
            if word in LANGS and lang is None:
                lang = word
            elif word in ("private", "public") and private is None:
                private = word == "private"
            else:
                return None
        return cls(lang, private)


@dataclass(frozen=True)
class Served:
    """What every tab opens: the folders, and the defaults a tab's link may change."""

    data_dir: Path
    config_dir: Path
    checklists: tuple[Path, ...] = ()
    lang: str | None = None
    private: bool = False
    demo: bool = False

    def tab_argv(self, options: TabOptions) -> list[str]:
        """The command line of one tab's app process (``tab``)."""
        argv = [sys.executable, "-m", "peeronboard.ui.web.tab",
                "--data-dir", str(self.data_dir), "--config-dir", str(self.config_dir)]
        for folder in self.checklists:
            argv += ["--checklists", str(folder)]
        lang = options.lang or self.lang
        argv += ["--lang", lang] if lang else []
        argv += ["--private"] if (self.private if options.private is None else options.private) else []
        return argv + (["--demo"] if self.demo else [])

    def tab_command(self, options: TabOptions) -> str:
        """``tab_argv`` as the shell line textual-serve runs."""
        argv = self.tab_argv(options)
        return subprocess.list2cmdline(argv) if os.name == "nt" else shlex.join(argv)


class PeerServer(Server):
    """textual-serve's server with the token check, per-tab options, a local font and a clean stop."""

    def __init__(self, served: Served, token: str, *, host: str, port: int, title: str) -> None:
        super().__init__("peeronboard", host=host, port=port, title=title)
        self.served = served
        self.token = token
        self.base = base_path(token)
        self.font = next((path for path in MONO_FONTS if path.is_file()), None)
        self.tabs: set[web.WebSocketResponse] = set()

    @property
    def cookie_name(self) -> str:
        return f"peeronboard-{self.port}"  # cookies do not tell ports apart: one per server

    # --- access ------------------------------------------------------------------------------

    def admitted(self, request: web.Request) -> bool:
        """The request carries the token (in its query, else in its cookie) and asks for the printed
        link or for something under the token's path; or it is a download being delivered."""
        if request.path.startswith("/download/"):
            return request.match_info.get("key") in self.download_manager._active_downloads  # noqa: SLF001
        given = request.query.get(TOKEN_PARAM)
        return (request.path == "/" or request.path.startswith(f"{self.base}/")) and token_matches(
            given if given is not None else request.cookies.get(self.cookie_name), self.token)

    @web.middleware
    async def guard(self, request: web.Request,
                    handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
        """Nothing for a request without the token: no page, no file, not even whether a path exists."""
        if not self.admitted(request) or not _from_here(request):
            return web.Response(status=403, headers={"Cache-Control": "no-store"})
        if TOKEN_PARAM in request.query and request.path == "/":
            return self._welcome(request)
        response = await handler(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    def _welcome(self, request: web.Request) -> web.StreamResponse:
        """The printed link: the token goes into a cookie for the token's path alone, and the address
        bar loses it."""
        link = TabOptions.from_query(request.query).link(self.base)
        response = web.Response(status=302, headers={"Location": link})
        response.set_cookie(self.cookie_name, self.token, httponly=True, samesite="Lax", path=f"{self.base}/",
                            secure=request.secure or request.headers.get("X-Forwarded-Proto") == "https")
        response.headers.update(SECURITY_HEADERS)
        return response

    # --- the routes --------------------------------------------------------------------------

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.guard])
        base = self.base
        app.add_routes([
            web.get(f"{base}/", self.handle_index, name="index"),
            web.get(f"{base}/ws", self.handle_websocket, name="websocket"),
            web.get(f"{base}/ws/{{options}}", self.handle_websocket),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.get(f"{base}/font/mono.ttf", self.handle_font),
            web.static(f"{base}/static", self.statics_path, show_index=False, name="static"),
        ])
        app.on_shutdown.append(self.on_shutdown)
        app.on_response_prepare.append(_last_headers)
        return app

    async def handle_index(self, request: web.Request) -> web.Response:
        """The page: textual-serve's terminal, its font from here, its websocket asking for this tab's
        options. A link with anything else in its query (textual.js reads ``ping`` and ``delay``) is
        sent to the plain one."""
        options = TabOptions.from_query(request.query)
        if set(request.query) - {"lang", "private", "fontsize"}:
            raise web.HTTPFound(options.link(self.base))
        font_size = min(max(to_int(request.query.get("fontsize", "16"), 16), 6), 48)
        page = Template(PAGE.read_text(encoding="utf-8")).substitute(
            title=_html(self.title), base=self.base,
            font_url=f"{self.base}/font/mono.ttf" if self.font else f"{self.base}/static/{FALLBACK_FONT}",
            websocket_path=self.base + options.websocket_path, font_size=font_size)
        return web.Response(text=page, content_type="text/html", charset="utf-8")

    async def handle_font(self, request: web.Request) -> web.StreamResponse:
        if self.font is None:
            raise web.HTTPNotFound()
        return web.FileResponse(self.font, headers={"Content-Type": "font/ttf"})

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab: its own app process, with the tab's language and privacy mode, for as long as the
        tab is open."""
        options = TabOptions.from_path(request.match_info.get("options", ""))
        if options is None:
            raise web.HTTPNotFound()
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        tab = AppService(self.served.tab_command(options), write_bytes=websocket.send_bytes,
                         write_str=websocket.send_str, close=websocket.close,
                         download_manager=self.download_manager)
        self.tabs.add(websocket)
        try:
            await tab.start(_cells(request, "width", 80), _cells(request, "height", 24))
            await self._process_messages(websocket, tab)
        finally:
            self.tabs.discard(websocket)
            await tab.stop()  # the app is told to quit, and its process waited for
        return websocket

    async def on_shutdown(self, app: web.Application) -> None:
        """Each open tab is closed, which ends its app."""
        for websocket in list(self.tabs):
            await websocket.close(code=WSCloseCode.GOING_AWAY)

    # --- running -----------------------------------------------------------------------------

    async def run(self, started: Callable[[int], None]) -> None:
        """Serve until SIGINT, SIGTERM or SIGHUP; ``started`` is told the port once it is open (the one
        the system chose, for port 0)."""
        runner = web.AppRunner(await self._make_app(), access_log=None, handle_signals=False)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port)
            await site.start()
            self.port = runner.addresses[0][1]
            started(self.port)
            await _until_stopped()
        finally:
            await runner.cleanup()


async def _last_headers(request: web.Request, response: web.StreamResponse) -> None:
    """No answer names the server's software and version (aiohttp's default would), and a download's
    file name reaches the browser whole, whatever its characters (textual-serve writes it bare)."""
    response.headers["Server"] = "peeronboard"
    how, _, name = response.headers.get("Content-Disposition", "").partition("; filename=")
    if name:
        response.headers["Content-Disposition"] = content_disposition(how, name)


def content_disposition(how: str, name: str) -> str:
    """``attachment; filename=...`` as every browser reads it (RFC 6266): the name in UTF-8, and a plain
    one for those that read only that."""
    plain = "".join(c if c.isascii() and c.isprintable() and c not in '"\\;' else "_" for c in name)
    return f"{how}; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}"


async def _until_stopped() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        with contextlib.suppress(AttributeError, NotImplementedError):  # Windows has fewer
            loop.add_signal_handler(getattr(signal, name), stop.set)
    await stop.wait()


def _from_here(request: web.Request) -> bool:
    """A websocket is opened by a page of this server (a browser always says which page in ``Origin``);
    other requests are not asked."""
    origin = request.headers.get("Origin")
    if request.headers.get("Upgrade", "").lower() != "websocket" or origin is None:
        return True
    return urlsplit(origin).netloc == request.host


def _cells(request: web.Request, name: str, default: int) -> int:
    return min(max(to_int(request.query.get(name, str(default)), default), 10), 1000)


def _html(text: str) -> str:
    from html import escape

    return escape(text)


def serve(served: Served, host: str, port: int, announce: Callable[[str], None], title: str) -> None:
    """Serve the app until stopped; ``announce`` is given the link with the token, once."""
    token = new_token()
    server = PeerServer(served, token, host=host, port=port, title=title)

    def started(bound: int) -> None:
        announce(f"http://{_url_host(host)}:{bound}/?{TOKEN_PARAM}={token}")

    asyncio.run(server.run(started))


def _url_host(host: str) -> str:
    """The host as a link names it: an address for all interfaces is this computer's name."""
    import socket

    if host in ("0.0.0.0", "::", ""):
        return socket.gethostname()
    return f"[{host}]" if ":" in host else host
