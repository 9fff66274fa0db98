"""The command line's grammar: global options, and each command's help and arguments.

To add a command: give it a ``Subcommand`` line in ``SUBCOMMANDS`` (where ``peeronboard --help`` should list
it) with a function adding its arguments, and its handler in ``registry.COMMANDS``.
"""

from __future__ import annotations

import argparse
import contextlib
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from .. import __version__

Arguments = Callable[[argparse.ArgumentParser], None]


class Subcommand(NamedTuple):
    name: str
    help: str
    arguments: Arguments | None = None


# argparse's own words (it looks them up through gettext as it uses them) and the headings here, in Danish;
# the commands' and options' help texts are in English only
_DANISH = {
    "usage: ": "brug: ",
    "positional arguments": "argumenter",
    "options": "tilvalg",
    "global options": "fælles tilvalg",
    "show this help message and exit": "vis denne hjælp og afslut",
    "show program's version number and exit": "vis programmets version og afslut",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "følgende argumenter mangler: %s",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ugyldigt valg: %(value)r (vælg mellem %(choices)s)",
    "invalid %(type)s value: %(value)r": "ugyldig værdi (%(type)s): %(value)r",
    "expected one argument": "der skal stå én værdi efter",
    "expected at most one argument": "der må højst stå én værdi efter",
    "expected at least one argument": "der skal stå mindst én værdi efter",
    "expected %s argument": "der skal stå %s værdi efter",
    "expected %s arguments": "der skal stå %s værdier efter",
    "ambiguous option: %(option)s could match %(matches)s":
        "flertydigt tilvalg: %(option)s kan være %(matches)s",
    "not allowed with argument %s": "ikke tilladt sammen med %s",
    "one of the arguments %s is required": "et af argumenterne %s skal angives",
    "ignored explicit argument %r": "ignorerede den angivne værdi %r",
    "unexpected option string: %s": "uventet tilvalg: %s",
}


def word(text: str, lang: str) -> str:
    """One of argparse's words or a heading here, in ``lang``."""
    return _DANISH.get(text, text) if lang == "da" else text


@contextlib.contextmanager
def argparse_speaking(lang: str) -> Iterator[None]:
    """While inside, argparse says its own words (usage, options, errors) in ``lang``: it calls gettext's
    ``_`` and ``ngettext`` by their names in its module each time, so those are swapped and put back."""
    if lang == "en":
        yield
        return
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._ = lambda text: word(text, lang)  # type: ignore[attr-defined]
    argparse.ngettext = lambda one, many, count: word(one if count == 1 else many, lang)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def help_language(arguments: Sequence[str]) -> str:
    """The language of ``--help`` and usage errors: the command line's last ``--lang``, else
    PEERONBOARD_LANG or the system's (config.toml is read only after parsing)."""
    from ..i18n import choose_language

    given = None
    for at, argument in enumerate(arguments):
        if argument == "--lang" and at + 1 < len(arguments):
            given = arguments[at + 1]
        elif argument.startswith("--lang="):
            given = argument.removeprefix("--lang=")
    return choose_language(given, None)


def _global_options(parser: argparse.ArgumentParser, defaults: bool, lang: str) -> None:
    """Options that may stand before or after the subcommand."""
    default = None if defaults else argparse.SUPPRESS
    group = parser.add_argument_group(word("global options", lang))
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


# --- each command's arguments ----------------------------------------------------------------

def _json(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--json", action="store_true", help="print JSON")


def _hire(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("hire", metavar="HIRE", help="hire id or an unambiguous part of the name")


def _hire_item(sub: argparse.ArgumentParser) -> None:
    _hire(sub)
    sub.add_argument("item", metavar="ITEM", help="item id (see: peeronboard show HIRE)")


def _validate(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("files", nargs="+", metavar="FILE", type=Path)


def _add(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("name", metavar="NAME", help="the person's name (kept inside the record only)")
    sub.add_argument("--start", required=True, metavar="YYYY-MM-DD", help="first working day")
    sub.add_argument("--checklist", metavar="ID", help="checklist id (default nordjylland-leder)")
    sub.add_argument("--unit", metavar="TEXT", help="unit, ward or team")
    sub.add_argument("--mentor", metavar="TEXT", help="the mentor's name")
    _contacts(sub)


def _contacts(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--hr", metavar="TEXT", help="the HR contact's name (does the items owned by hr)")
    sub.add_argument("--centre", metavar="TEXT",
                     help="the recovery centre's contact (does the items owned by centre)")


def _list(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--all", action="store_true", help="also finished hires (marked with the date)")
    _json(sub)


def _edit(sub: argparse.ArgumentParser) -> None:
    _hire(sub)
    sub.add_argument("--name", metavar="TEXT", help="the person's name")
    sub.add_argument("--start", metavar="YYYY-MM-DD",
                     help="a new first working day: open items move with it (own due dates stay)")
    sub.add_argument("--unit", metavar="TEXT", help="unit, ward or team ('' clears it)")
    sub.add_argument("--mentor", metavar="TEXT", help="the mentor's name ('' clears it)")
    _contacts(sub)
    sub.add_argument("--checklist", metavar="ID",
                     help="another checklist: each item's state carries over by its id; the rest is kept "
                          "as retired")


def _finish(sub: argparse.ArgumentParser) -> None:
    _hire(sub)
    sub.add_argument("--reason", metavar="TEXT",
                     help="why: onboarding completed, the person left, the hiring was stopped")
    sub.add_argument("--on", metavar="YYYY-MM-DD", help="when (default: today)")


def _assign(sub: argparse.ArgumentParser) -> None:
    _hire_item(sub)
    sub.add_argument("person", metavar="PERSON", help="who does it ('' for the person of its owner role)")


def _add_item(sub: argparse.ArgumentParser) -> None:
    _hire(sub)
    sub.add_argument("title", metavar="TITLE", help="what is to be done")
    sub.add_argument("--phase", metavar="ID", help="the checklist's phase (default: by the due date)")
    sub.add_argument("--due", metavar="WHEN",
                     help="a date (YYYY-MM-DD) or a move from the start date (+2w, -3d, +1m)")
    sub.add_argument("--owner", metavar="ROLE", help="leader, mentor, hr, peer, centre, staff, ...")


def _report(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--checklist", metavar="ID", help="only hires on this checklist")
    sub.add_argument("--unit", metavar="TEXT",
                     help="only hires of this unit (at least 3, so nobody is singled out)")
    sub.add_argument("--since", metavar="YYYY-MM-DD", help="only hires starting on or after this day")
    sub.add_argument("--format", choices=("text", "md", "html", "json"), default="text",
                     help="text (default), md, html (with bars) or json")
    sub.add_argument("-o", "--output", metavar="PATH", help="write to PATH ('-' or none: standard output)")
    sub.add_argument("--with-reasons", action="store_true",
                     help="also the most common reasons for not applicable (free text a leader wrote)")
    sub.add_argument("--with-names", action="store_true",
                     help="also the names of the hires for whom an item fell through")


def _log(sub: argparse.ArgumentParser) -> None:
    _hire(sub)
    sub.add_argument("item", metavar="ITEM", nargs="?", help="only this item's history")
    _json(sub)


def _show(sub: argparse.ArgumentParser) -> None:
    _hire(sub)
    _json(sub)


def _check(sub: argparse.ArgumentParser) -> None:
    _hire_item(sub)
    sub.add_argument("--note", metavar="TEXT", help="a note on the item")
    sub.add_argument("--by", metavar="NAME", help="who did it (default: you)")
    sub.add_argument("--on", metavar="YYYY-MM-DD", help="when it was done (default: today)")


def _skip(sub: argparse.ArgumentParser) -> None:
    _hire_item(sub)
    sub.add_argument("--reason", required=True, metavar="TEXT", help="why it does not apply")


def _note(sub: argparse.ArgumentParser) -> None:
    _hire_item(sub)
    sub.add_argument("text", metavar="TEXT")


def _due(sub: argparse.ArgumentParser) -> None:
    _hire_item(sub)
    sub.add_argument("when", metavar="WHEN",
                     help="a date (YYYY-MM-DD), a move from the item's due date now (+2w, -3d, +1m), "
                          "or 'reset' for the checklist's date")
    sub.add_argument("--reason", metavar="TEXT", help="why (kept in the record's log)")


def _agenda(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--days", type=int, default=14, metavar="N", help="look N days ahead (default 14)")
    sub.add_argument("--who", metavar="PERSON", help="only what this person does (by name)")
    sub.add_argument("--owner", metavar="ROLE", help="only items of this owner role (mentor, hr, ...)")
    _json(sub)


def _export(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("hires", nargs="*", metavar="HIRE",
                     help="hires to include (default: every hire not finished)")
    sub.add_argument("--all", action="store_true", help="also finished hires")
    sub.add_argument("--format", choices=("md", "csv", "json", "html", "ics", "xlsx"), default="md",
                     help="md (default), csv, json, html, ics or xlsx (an Excel workbook: needs -o PATH "
                          "on a terminal)")
    sub.add_argument("-o", "--output", metavar="PATH",
                     help="write to PATH ('-' or none: standard output)")
    sub.add_argument("--only", choices=("open", "overdue"), help="only open, or only overdue, items")
    sub.add_argument("--no-notes", action="store_true",
                     help="leave notes and reasons out (for readers who should not see them)")


def _completion(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("shell", choices=("bash", "zsh", "fish"),
                     help="the shell: bash (source it, or put it in bash-completion's folder), zsh or fish")


def _erase(sub: argparse.ArgumentParser) -> None:
    _hire(sub)
    sub.add_argument("--yes", action="store_true", help="do not ask for confirmation")


# in the order ``peeronboard --help`` lists them
SUBCOMMANDS: tuple[Subcommand, ...] = (
    Subcommand("demo", "Open the terminal app on sample hires in a temporary folder "
                       "(your data is untouched)."),
    Subcommand("checklists", "List the available checklists and the file each came from.", _json),
    Subcommand("validate", "Check checklist or hire files; prints FILE:LINE: message per problem.",
               _validate),
    Subcommand("add", "Add a hire; prints the new hire's id.", _add),
    Subcommand("list", "List hires with their progress (finished ones with --all).", _list),
    Subcommand("show", "Show a hire's checklist with each item's state.", _show),
    Subcommand("check", "Mark an item done.", _check),
    Subcommand("uncheck", "Mark an item open again.", _hire_item),
    Subcommand("skip", "Mark an item not applicable, with the reason.", _skip),
    Subcommand("note", "Set the note on an item (an empty text removes it).", _note),
    Subcommand("due", "Give an item its own due date (postpone it, or bring it forward).", _due),
    Subcommand("agenda", "Items due soon and overdue ones, across all hires.", _agenda),
    Subcommand("assign", "Name the person who does one item (instead of the person of its owner role).",
               _assign),
    Subcommand("add-item", "Add a task that only this hire needs; prints the new item's id.", _add_item),
    Subcommand("remove-item", "Remove one of the hire's own tasks (the log keeps what it was).",
               _hire_item),
    Subcommand("log", "Show the hire's history: when, who, what, which item.", _log),
    Subcommand("edit", "Change a hire's name, start date, unit, mentor, contacts or checklist.", _edit),
    Subcommand("finish", "Finish a hire's onboarding (completed, left, stopped): it leaves the dashboard.",
               _finish),
    Subcommand("reopen", "Take a finished hire back.", _hire),
    Subcommand("report", "Across all hires: which items are done late, not applicable or overdue, and how "
                         "often (counts only, unless asked).", _report),
    Subcommand("retention", "List finished hires kept longer than retention_months, due for erasure.",
               _json),
    Subcommand("export", "Write a progress summary: Markdown, CSV, JSON, HTML, iCalendar or Excel (xlsx).",
               _export),
    Subcommand("merge", "Merge conflicting copies of records that a sync service (OneDrive, Dropbox, "
                        "Nextcloud, Syncthing) made when two computers changed a hire at once."),
    Subcommand("erase", "Delete a hire's record and every trace of the name peeronboard keeps.", _erase),
    Subcommand("completion", "Print a shell completion script (bash, zsh or fish), e.g. "
                             "'peeronboard completion bash > ~/.local/share/bash-completion/completions/"
                             "peeronboard'.", _completion),
)


def build_parser(arguments: Sequence[str] | None = None, lang: str = "en") -> argparse.ArgumentParser:
    """The parser; given the command line, only the commands it names get their options and arguments.

    That is the same parser for this command line, built faster: argparse picks a command by its exact
    name only, and the overview (``--help``, a wrong command) shows each command's name and help alone.
    Its headings are in ``lang`` (with argparse's own words too, inside ``argparse_speaking``).
    """
    named = None if arguments is None else set(arguments)
    parser = argparse.ArgumentParser(
        prog="peeronboard", allow_abbrev=False,
        description="Hire and onboard a peer support worker (peermedarbejder): "
                    "one living checklist per hire. With no command, opens the terminal app.",
    )
    parser.add_argument("--version", action="version", version=f"peeronboard {__version__}",
                        help=word("show program's version number and exit", lang))
    _global_options(parser, defaults=True, lang=lang)
    common = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    _global_options(common, defaults=False, lang=lang)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in SUBCOMMANDS:
        complete = named is None or command.name in named
        sub = commands.add_parser(command.name, help=command.help, description=command.help,
                                  parents=[common] if complete else [], allow_abbrev=False)
        if complete and command.arguments:
            command.arguments(sub)
    return parser


# due's WHEN (and add-item's --due) may be a move back in time such as -3d, which argparse would take
# for an option: after those commands, a leading space makes it a value (move_date strips it)
_BACKWARD_MOVE = re.compile(r"^-\d+[dwmy]$")


_MOVING_COMMANDS = ("due", "add-item")  # their WHEN / --due may be a move back in time


def moves_as_values(arguments: list[str]) -> list[str]:
    """The command line with backward moves (``-3d``) kept as values, after due and add-item."""
    named = [a for a in arguments if a in _MOVING_COMMANDS]
    if not named:
        return arguments
    at = arguments.index(named[0]) + 1
    return arguments[:at] + [" " + a if _BACKWARD_MOVE.match(a) else a for a in arguments[at:]]
