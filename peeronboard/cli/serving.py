"""``serve``: the app in a browser, for a unit's leaders on one server and one data folder.

Only this command imports the web server (``ui.web``, which needs the ``serve`` extra). It binds to this
computer alone unless told otherwise (``--allow-remote``), and the link it prints carries the access
token that every request needs."""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import sys
from collections.abc import Iterator
from pathlib import Path

from ..errors import PeerError
from ..i18n import say
from .context import Context
from .output import EXIT_OK

SERVE_EXTRA = ("textual_serve", "aiohttp", "aiohttp_jinja2", "jinja2")  # what pip install '.[serve]' brings


def cmd_serve(ctx: Context, args: argparse.Namespace) -> int:
    if not args.allow_remote and not is_loopback(args.host):
        raise PeerError("err.serve_remote", host=args.host)
    if not 0 <= args.port <= 65535:
        raise PeerError("err.serve_port", port=args.port)
    try:
        from ..ui.web.server import Served, serve
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] not in SERVE_EXTRA:
            raise
        raise PeerError("err.serve_missing") from None

    def announce(link: str) -> None:
        print(say("serve.open", ctx.lang, link=link), flush=True)

    with _folder_to_serve(ctx, args.demo) as folder:
        served = Served(folder, ctx.paths.config_dir, tuple(_checklist_folders(args)), args.lang,
                        args.private, args.demo)
        try:
            serve(served, args.host, args.port, announce, title="peeronboard")
        except OSError as error:  # the port is taken, or the address is not this computer's
            raise PeerError("err.serve_bind", host=args.host, port=args.port,
                            reason=error.strerror or type(error).__name__) from None
    print(say("serve.stopped", ctx.lang), file=sys.stderr)
    return EXIT_OK


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this computer only."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a name: it may stand for any address
        return False


def _checklist_folders(args: argparse.Namespace) -> list[Path]:
    folders = [*(args.checklists or []), *getattr(args, "checklists_after", [])]
    return [Path(folder).expanduser().resolve() for folder in folders]


@contextlib.contextmanager
def _folder_to_serve(ctx: Context, demo: bool) -> Iterator[Path]:
    """The data folder, or with ``demo`` a temporary one with sample hires, gone afterwards."""
    if not demo:
        yield ctx.paths.data_dir.resolve()
        return
    import shutil
    import tempfile

    from ..demo import fill_demo
    from ..onboarding import Onboarding
    from ..store import HireStore

    folder = Path(tempfile.mkdtemp(prefix="peeronboard-demo-"))
    try:
        fill_demo(Onboarding(HireStore(folder), ctx.library, ctx.onboarding.user, ctx.onboarding.today))
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
