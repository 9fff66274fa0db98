"""``peeronboard serve``: nobody without the link's token gets anything (not the page, a script, the font,
the websocket or a download, nor whether a path exists); a tab's link chooses its language and privacy
mode; a non-loopback address needs --allow-remote; in a browser the export dialog downloads instead of
writing on the server; and no other command loads the web server."""

from __future__ import annotations

import datetime as dt
import re
import socket
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer
from textual.widgets import Input, Label, Static

from peeronboard.cli.serving import is_loopback
from peeronboard.onboarding import Onboarding
from peeronboard.ui.app import PeerOnboardApp
from peeronboard.ui.web.server import PeerServer, Served, TabOptions, base_path, token_matches

from .test_cli_startup import _fresh_run
from .test_tui import app_for, started

TOKEN = "the-right-token-0123456789abcdefghijklmnop"
BASE = base_path(TOKEN)  # everything but the printed link lives under it
# every kind of thing the server serves (under its path, and where textual-serve would serve it), and
# paths it does not serve
SERVED = ["/", "/?lang=da", "/static/js/textual.js", "/static/css/xterm.css", "/static/",
          "/static/fonts/RobotoMono-VariableFont_wght.ttf", "/font/mono.ttf", "/ws", "/ws/da-private"]
PATHS = [*SERVED, *(BASE + path for path in SERVED), "/download/0123456789abcdef", "/favicon.ico",
         "/no/such/path"]


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[TestClient]:
    server = PeerServer(Served(tmp_path / "data", tmp_path / "config"), TOKEN, host="127.0.0.1", port=8000,
                        title="peeronboard")
    async with TestClient(TestServer(await server._make_app())) as client:
        client.peer_server = server  # type: ignore[attr-defined]
        yield client


def _cookie(token: str) -> dict[str, str]:
    return {"Cookie": f"peeronboard-8000={token}"}


def test_the_token_is_compared_whole_and_in_constant_time() -> None:
    assert token_matches(TOKEN, TOKEN)
    for wrong in (None, "", TOKEN[:-1], TOKEN + "x", TOKEN.upper(), "tøken ✔"):
        assert not token_matches(wrong, TOKEN), wrong


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("given", ["none", "wrong query", "wrong cookie", "empty query"])
async def test_without_the_token_nothing_is_served(client: TestClient, path: str, given: str) -> None:
    separator = "&" if "?" in path else "?"
    url = {"wrong query": f"{path}{separator}token=wrong", "empty query": f"{path}{separator}token="}.get(
        given, path)
    headers = _cookie("wrong") if given == "wrong cookie" else {}
    response = await client.get(url, headers=headers, allow_redirects=False)
    assert response.status == 403
    assert await response.read() == b""
    assert "Set-Cookie" not in response.headers and "Location" not in response.headers
    assert "aiohttp" not in str(response.headers) and "Python" not in str(response.headers)


async def test_the_websocket_refuses_a_tab_without_the_token(client: TestClient) -> None:
    for headers in ({}, _cookie("wrong")):
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await client.ws_connect(f"{BASE}/ws", headers=headers)
        assert refused.value.status == 403


async def test_the_websocket_refuses_a_page_of_another_site_even_with_the_cookie(client: TestClient) -> None:
    """Another site open in the same browser would send the cookie along: its Origin gives it away."""
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await client.ws_connect(f"{BASE}/ws", headers={**_cookie(TOKEN), "Origin": "https://elsewhere.example"})
    assert refused.value.status == 403


async def test_the_link_sets_the_cookie_and_leaves_the_address_bar_without_the_token(client: TestClient) -> None:
    response = await client.get(f"/?token={TOKEN}&lang=da&private=1", allow_redirects=False)
    assert response.status == 302
    assert response.headers["Location"] == f"{BASE}/?lang=da&private=1"
    cookie = response.headers["Set-Cookie"]
    assert f"peeronboard-8000={TOKEN}" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert f"Path={BASE}/" in cookie  # never sent to another server on this host: it has no such path


async def test_the_cookie_opens_nothing_outside_the_tokens_path(client: TestClient) -> None:
    """A browser sends a host's cookies to each of its ports: another web server on this host must not
    learn the token from them, and this one serves nothing where textual-serve would."""
    assert TOKEN not in BASE and BASE.startswith("/s-")
    for path in ("/static/js/textual.js", "/font/mono.ttf", "/?lang=da"):
        response = await client.get(path, headers=_cookie(TOKEN), allow_redirects=False)
        assert response.status in (403, 404) and await response.read() in (b"", b"404: Not Found"), path
    inside = await client.get(f"{BASE}/static/js/textual.js", headers=_cookie(TOKEN))
    assert inside.status == 200


async def test_with_the_cookie_the_page_asks_only_this_server(client: TestClient) -> None:
    response = await client.get(f"{BASE}/?lang=da&private=1", headers=_cookie(TOKEN))
    page = await response.text()
    assert response.status == 200
    assert re.findall(r"https?://", page) == []  # textual-serve's own page loads its font from Google
    assert f'"{BASE}/ws/da-private"' in page  # the tab's app gets its language and privacy mode
    assert f'src="{BASE}/static/js/textual.js"' in page
    assert "font-src 'self'" in response.headers["Content-Security-Policy"]
    font = await client.get(f"{BASE}/font/mono.ttf", headers=_cookie(TOKEN))
    assert font.status == 200 and (await font.read())[:4] in (b"\x00\x01\x00\x00", b"true")


async def test_a_download_keeps_its_danish_name(client: TestClient) -> None:
    class EndedTab:  # an app that has nothing more to send
        app_service_id = "tab"

        async def send_meta(self, data: dict) -> bool:
            return False

    await client.peer_server.download_manager.create_download(  # type: ignore[attr-defined]
        app_service=EndedTab(), delivery_key="k1", file_name="Oversigt æøå; uge 3.html",
        open_method="download", mime_type="text/html; charset=utf-8")
    response = await client.get("/download/k1")  # the cookie is not sent here: the key is the pass
    assert response.status == 200
    assert response.content_disposition.filename == "Oversigt æøå; uge 3.html"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="Oversigt ___')
    again = await client.get("/download/k1")  # delivered: the key opens nothing any more
    assert again.status == 403 and await again.read() == b""


async def test_a_link_with_other_parameters_is_sent_to_the_plain_page(client: TestClient) -> None:
    """textual.js would fetch whatever ``?ping=`` names: the page is only served without it."""
    response = await client.get(f"{BASE}/?ping=https://elsewhere.example/&lang=en", headers=_cookie(TOKEN),
                                allow_redirects=False)
    assert response.status == 302 and response.headers["Location"] == f"{BASE}/?lang=en"


def test_a_tabs_link_chooses_its_language_and_privacy_mode(tmp_path: Path) -> None:
    served = Served(tmp_path / "data", tmp_path / "config", (tmp_path / "lists",), lang="en", private=True)
    danish_public = served.tab_argv(TabOptions.from_query({"lang": "da", "private": "0"}))
    assert danish_public[danish_public.index("--lang") + 1] == "da" and "--private" not in danish_public
    default = served.tab_argv(TabOptions.from_query({}))
    assert default[default.index("--lang") + 1] == "en" and "--private" in default
    assert default[default.index("--data-dir") + 1] == str(tmp_path / "data")
    assert default[default.index("--checklists") + 1] == str(tmp_path / "lists")
    for options in (TabOptions(), TabOptions("da"), TabOptions(None, True), TabOptions("en", False)):
        assert TabOptions.from_path(options.websocket_path.removeprefix("/ws").lstrip("/")) == options
    assert TabOptions.from_path("rm -rf") is None and TabOptions.from_path("da-da") is None


async def test_a_websocket_path_the_page_never_makes_is_not_found(client: TestClient) -> None:
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await client.ws_connect(f"{BASE}/ws/sv", headers=_cookie(TOKEN))
    assert refused.value.status == 404


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_loopback_addresses_need_no_flag(host: str) -> None:
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "10.0.0.5", "192.168.1.2", "server.region.dk", ""])
def test_an_address_others_can_reach_needs_allow_remote(cli, host: str) -> None:
    assert not is_loopback(host)
    result = cli("serve", "--host", host, "--port", "0")
    assert result.code == 1
    assert result.err.count("\n") == 1 and "--allow-remote" in result.err and "Traceback" not in result.err
    assert result.out == ""  # no link, no token


def test_a_port_in_use_is_a_one_line_error(cli) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = cli("serve", "--port", str(taken.getsockname()[1]))
    assert result.code == 1 and result.err.startswith("peeronboard: cannot listen on 127.0.0.1:")
    assert result.err.count("\n") == 1 and result.out == ""


def test_a_port_out_of_range_is_a_one_line_error(cli) -> None:
    result = cli("serve", "--port", "70000")
    assert result.code == 1 and "--port" in result.err and result.err.count("\n") == 1


def test_without_the_serve_extra_serve_says_how_to_install_it(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [name for name in sys.modules if name.split(".")[0] == "textual_serve"]:
        monkeypatch.setitem(sys.modules, name, None)  # as if textual-serve were not installed
    monkeypatch.delitem(sys.modules, "peeronboard.ui.web.server")
    result = cli("serve", "--port", "0")
    assert result.code == 1 and "pip install 'peeronboard[serve]'" in result.err and result.out == ""


def test_serve_is_in_the_help_and_the_shell_completion(cli) -> None:
    assert "--allow-remote" in cli("serve", "--help").out
    assert "adgangsnøgle" in cli("--lang", "da", "--help").out
    assert re.search(r"\bserve\b", cli("completion", "bash").out)


@pytest.mark.parametrize("command", [["--help"], ["list"], ["completion", "bash"]])
def test_no_other_command_loads_the_web_server(command: list[str]) -> None:
    _, modules = _fresh_run(*command)
    assert not {m for m in modules if m.split(".")[0] in ("aiohttp", "textual_serve", "jinja2")}
    assert "peeronboard.ui.web" not in modules


# --- the export dialog in a browser ---------------------------------------------------------


@pytest.fixture
def in_a_browser(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bytes, dict]]:
    """The app as Textual's web driver runs it: what it hands the browser is kept, not sent."""
    delivered: list[tuple[bytes, dict]] = []
    monkeypatch.setattr(PeerOnboardApp, "is_web", property(lambda app: True))
    monkeypatch.setattr(PeerOnboardApp, "deliver_binary",
                        lambda app, file, **how: delivered.append((file.read(), how)) or "key")
    return delivered


async def test_in_a_browser_the_export_is_downloaded_not_written_on_the_server(
        onboarding: Onboarding, in_a_browser: list[tuple[bytes, dict]], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    onboarding.add("Anna Ærø Jensen", dt.date(2027, 2, 1), "sample")
    app = app_for(onboarding)
    async with app.run_test(size=(140, 40)) as pilot:
        await started(pilot)
        await pilot.press("e")
        await pilot.pause()
        field = app.screen.query_one("#path", Input)
        assert field.value == "peeronboard-all-2027-01-20.html"  # a name: the browser knows where
        assert "File name (the browser downloads it)" in [str(label.render()) for label in app.screen.query(Label)]
        await pilot.press("enter")
        await pilot.pause()
    ((data, how),) = in_a_browser
    assert "Anna Ærø Jensen" in data.decode("utf-8") and data.startswith(b"<!DOCTYPE html>")
    assert how["save_filename"] == "peeronboard-all-2027-01-20.html"
    assert how["mime_type"] == "text/html; charset=utf-8"
    assert list(home.rglob("*")) == []
    assert any("The browser downloads peeronboard-all-2027-01-20.html" in str(n.message)
               for n in app._notifications)


async def test_in_a_browser_a_name_with_a_folder_is_refused(onboarding: Onboarding,
                                                            in_a_browser: list[tuple[bytes, dict]]) -> None:
    app = app_for(onboarding)
    async with app.run_test(size=(140, 40)) as pilot:
        await started(pilot)
        await pilot.press("e")
        await pilot.pause()
        for name in ("/etc/summary.html", "../summary.html", ""):
            app.screen.query_one("#path", Input).value = name
            await pilot.press("enter")
            await pilot.pause()
            assert str(app.screen.query_one("#path-error", Static).render()) == "Enter a file name without a folder"
    assert in_a_browser == []
