"""The ``peeronboard`` command: the terminal app with no arguments, subcommands for everything else."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .dates import parse_date
from .errors import PeerError
from .i18n import choose_language, say
from .problems import FormatError, Problem
from .safetext import VisibleStream

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2
DEBUG_ENV = "PEERONBOARD_DEBUG"


def _global_options(parser: argparse.ArgumentParser, defaults: bool) -> None:
    """Options that may stand before or after the subcommand."""
    default = None if defaults else argparse.SUPPRESS
    group = parser.add_argument_group("global options")
    group.add_argument("--data-dir", metavar="DIR", default=default,
                       help="where hire records live (env PEERONBOARD_DATA_DIR)")
    group.add_argument("--config-dir", metavar="DIR", default=default,
                       help="where config.toml and your own checklists live (env PEERONBOARD_CONFIG_DIR)")
    # after the command, --checklists adds to the folders given before it instead of replacing them
    group.add_argument("--checklists", metavar="DIR", action="append", default=[] if defaults else default,
                       dest="checklists" if defaults else "checklists_after",
                       help="also load checklists from DIR (may be repeated)")
    group.add_argument("--lang", choices=("da", "en"), default=default,
                       help="language: da or en (env PEERONBOARD_LANG; default from config or locale)")
    group.add_argument("--private", action="store_true", default=False if defaults else default,
                       help="terminal app: show names as initials (for a shared screen)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="peeronboard",
        description="Hire and onboard a peer support worker (peermedarbejder): "
                    "one living checklist per hire. With no command, opens the terminal app.",
    )
    parser.add_argument("--version", action="version", version=f"peeronboard {__version__}")
    _global_options(parser, defaults=True)
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, defaults=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help_text, description=help_text, parents=[common])

    command("demo", "Open the terminal app on sample hires in a temporary folder (your data is untouched).")
    sub = command("checklists", "List the available checklists and the file each came from.")
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub = command("validate", "Check checklist or hire files; prints FILE:LINE: message per problem.")
    sub.add_argument("files", nargs="+", metavar="FILE", type=Path)
    sub = command("add", "Add a hire; prints the new hire's id.")
    sub.add_argument("name", metavar="NAME", help="the person's name (kept inside the record only)")
    sub.add_argument("--start", required=True, metavar="YYYY-MM-DD", help="first working day")
    sub.add_argument("--checklist", metavar="ID", help="checklist id (default nordjylland-leder)")
    sub.add_argument("--unit", metavar="TEXT", help="unit, ward or team")
    sub.add_argument("--mentor", metavar="TEXT", help="the mentor's name")
    sub = command("list", "List hires with their progress.")
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub = command("show", "Show a hire's checklist with each item's state.")
    sub.add_argument("hire", metavar="HIRE", help="hire id or an unambiguous part of the name")
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub = command("check", "Mark an item done.")
    _hire_item(sub)
    sub.add_argument("--note", metavar="TEXT", help="a note on the item")
    sub.add_argument("--by", metavar="NAME", help="who did it (default: you)")
    sub.add_argument("--on", metavar="YYYY-MM-DD", help="when it was done (default: today)")
    sub = command("uncheck", "Mark an item open again.")
    _hire_item(sub)
    sub = command("skip", "Mark an item not applicable, with the reason.")
    _hire_item(sub)
    sub.add_argument("--reason", required=True, metavar="TEXT", help="why it does not apply")
    sub = command("note", "Set the note on an item (an empty text removes it).")
    _hire_item(sub)
    sub.add_argument("text", metavar="TEXT")
    sub = command("due", "Give an item its own due date (postpone it, or bring it forward).")
    _hire_item(sub)
    sub.add_argument("when", metavar="WHEN",
                     help="a date (YYYY-MM-DD), a move from the item's due date now (+2w, -3d, +1m), "
                          "or 'reset' for the checklist's date")
    sub.add_argument("--reason", metavar="TEXT", help="why (kept in the record's log)")
    sub = command("agenda", "Items due soon and overdue ones, across all hires.")
    sub.add_argument("--days", type=int, default=14, metavar="N", help="look N days ahead (default 14)")
    sub.add_argument("--json", action="store_true", help="print JSON")
    sub = command("export", "Write a progress summary: Markdown, CSV (Excel), JSON, HTML or iCalendar.")
    sub.add_argument("hires", nargs="*", metavar="HIRE", help="hires to include (default: all)")
    sub.add_argument("--format", choices=("md", "csv", "json", "html", "ics"), default="md",
                     help="md (default), csv, json, html or ics")
    sub.add_argument("-o", "--output", metavar="PATH",
                     help="write to PATH ('-' or none: standard output)")
    sub.add_argument("--only", choices=("open", "overdue"), help="only open, or only overdue, items")
    sub.add_argument("--no-notes", action="store_true",
                     help="leave notes and reasons out (for readers who should not see them)")
    command("merge", "Merge conflicting copies of records that a sync service (OneDrive, Dropbox, "
                     "Nextcloud, Syncthing) made when two computers changed a hire at once.")
    sub = command("erase", "Delete a hire's record and every trace of the name peeronboard keeps.")
    sub.add_argument("hire", metavar="HIRE", help="hire id or an unambiguous part of the name")
    sub.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    return parser


def _hire_item(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("hire", metavar="HIRE", help="hire id or an unambiguous part of the name")
    parser.add_argument("item", metavar="ITEM", help="item id (see: peeronboard show HIRE)")


# due's WHEN may be a move back in time such as -3d, which argparse would take for an option: after the
# due command, a leading space makes it a value (move_date and the reason strip it)
_BACKWARD_MOVE = re.compile(r"^-\d+[dwmy]$")


def _moves_as_values(arguments: list[str]) -> list[str]:
    if "due" not in arguments:
        return arguments
    at = arguments.index("due") + 1
    return arguments[:at] + [" " + a if _BACKWARD_MOVE.match(a) else a for a in arguments[at:]]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (0 done, 1 a problem with input or data, 2 usage)."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    out, err = sys.stdout, sys.stderr
    # text from records, checklists, file names and arguments may hold terminal escapes: never pass
    # them on (argparse's own messages quote the arguments)
    sys.stdout, sys.stderr = VisibleStream(out), VisibleStream(err)
    try:
        args = build_parser().parse_args(_moves_as_values(arguments))
        return _run(args)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last guard: one line, never a traceback unless asked
        if os.environ.get(DEBUG_ENV):
            raise
        # the name of the error only: its message may quote a record (a name, a note)
        print(f"peeronboard: unexpected error: {type(error).__name__} "
              f"(set {DEBUG_ENV}=1 for details)", file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        sys.stdout, sys.stderr = out, err


def _run(args: argparse.Namespace) -> int:
    from .commands import COMMANDS, Context

    lang = args.lang
    try:
        context = Context.create(args)
    except FormatError as error:
        return report(error.problems)
    except PeerError as error:
        print(f"peeronboard: {error.message(choose_language(lang, None))}", file=sys.stderr)
        return EXIT_PROBLEM
    if args.command is None:
        return _open_app(context, args.private)
    handler: Callable[[Context, argparse.Namespace], int] = COMMANDS[args.command]
    try:
        code = handler(context, args)
        if args.command not in ("checklists", "validate"):  # those two report them as results
            context.warn_checklist_problems()
        return code
    except PeerError as error:
        print(f"peeronboard: {error.message(context.lang)}", file=sys.stderr)
        return EXIT_PROBLEM
    except FormatError as error:
        return report(error.problems)


def _open_app(context: Any, private: bool, banner: str | None = None) -> int:
    if not has_terminal():
        print(f"peeronboard: {say('err.no_terminal', context.lang)}", file=sys.stderr)
        return EXIT_USAGE
    from .ui.app import make_app

    app = make_app(context.onboarding, context.lang, private=private, banner=banner)
    app.run()
    return app.return_code or EXIT_OK  # 1 after a crash (the app has said so in one line)


def has_terminal() -> bool:
    """Whether the app can run: keys come from a terminal and the screen goes to one."""
    return all(stream is not None and stream.isatty()
               for stream in (sys.__stdin__, sys.__stdout__, sys.__stderr__))


def report(problems: list[Problem]) -> int:
    """One line per problem on stderr; the exit code says whether there were any."""
    for problem in problems:
        print(problem, file=sys.stderr)
    return EXIT_PROBLEM if problems else EXIT_OK


def parse_date_option(text: str, option: str) -> Any:
    try:
        return parse_date(text)
    except ValueError as error:
        raise PeerError("err.date", option=option, reason=str(error)) from None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


if __name__ == "__main__":
    sys.exit(main())
