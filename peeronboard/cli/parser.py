"""The command line's grammar: global options, and each command's help and arguments, in English and
Danish (``Help``: the help shown is in the language of ``--help``, see ``help_language``).

To add a command: give it a ``Subcommand`` line in ``SUBCOMMANDS`` (where ``peeronboard --help`` should list
it) with a function adding its arguments, and its handler in ``registry.COMMANDS``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from .. import __version__
from ..tuples import NamedTuple

Arguments = Callable[[argparse.ArgumentParser], None]


class Help(str):
    """A help text: the string is its English, ``da`` its Danish; the one shown is picked (``said``) as
    help is formatted, so a command line that shows no help picks none."""

    da: str

    def __new__(cls, english: str, da: str) -> Help:
        text = super().__new__(cls, english)
        text.da = da
        return text

    def __getnewargs__(self) -> tuple[str, str]:  # copied or pickled with both languages
        return str(self), self.da


def said(text: str | None, lang: str) -> str | None:
    """``text`` in ``lang``: the Danish of a ``Help`` for da, else the text as it is."""
    return text.da if lang == "da" and isinstance(text, Help) else text


class Subcommand(NamedTuple):
    name: str
    help: Help
    arguments: Arguments | None = None


# argparse's own words (it looks them up through gettext as it uses them) and the headings here, in Danish
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
    "%r is not a whole number": "%r er ikke et helt tal",
}
# the names of the values in usage lines and help (metavars), in Danish
_DANISH_NAMES = {"NAME": "NAVN", "HIRE": "ANSAT", "ITEM": "PUNKT", "TEXT": "TEKST", "COMMAND": "KOMMANDO",
                 "YYYY-MM-DD": "ÅÅÅÅ-MM-DD", "DIR": "MAPPE", "FILE": "FIL", "PATH": "STI",
                 "TITLE": "TITEL", "WHEN": "HVORNÅR", "ROLE": "ROLLE", "HOST": "ADRESSE"}


def word(text: str, lang: str) -> str:
    """One of argparse's words or a heading here, in ``lang``."""
    return _DANISH.get(text, text) if lang == "da" else text


def _name_values(parser: argparse.ArgumentParser, lang: str) -> None:
    """The names of ``parser``'s values (``HIRE``, ``YYYY-MM-DD``) in ``lang``, in its usage, help and
    errors alike."""
    if lang != "da":
        return
    for action in parser._actions:  # noqa: SLF001 - argparse offers no public list
        if isinstance(action.metavar, str):
            action.metavar = _DANISH_NAMES.get(action.metavar, action.metavar)


def _whole_number(text: str) -> int:
    """An option's whole number; argparse's error names the option and the value, in the language of
    the command line (``_`` is argparse's, swapped by ``argparse_speaking``)."""
    try:
        return int(text)
    except ValueError:
        said = argparse._("%r is not a whole number")  # type: ignore[attr-defined]
        raise argparse.ArgumentTypeError(said % text) from None


@contextlib.contextmanager
def argparse_speaking(lang: str) -> Iterator[None]:
    """While inside, argparse says its own words (usage, options, errors) in ``lang``: it calls gettext's
    ``_`` and ``ngettext`` by their names in its module each time, so those are swapped and put back.
    (In English too: gettext would look for a translation catalogue at every word, ~80 per run.)"""
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
    group.add_argument("--data-dir", metavar="DIR", default=default, help=Help(
        "where hire records live (env PEERONBOARD_DATA_DIR)",
        "mappen med de ansattes registreringer (miljøvariabel PEERONBOARD_DATA_DIR)"))
    group.add_argument("--config-dir", metavar="DIR", default=default, help=Help(
        "where config.toml and your own checklists live (env PEERONBOARD_CONFIG_DIR)",
        "mappen med config.toml og dine egne tjeklister (miljøvariabel PEERONBOARD_CONFIG_DIR)"))
    # after the command, --checklists adds to the folders given before it instead of replacing them
    group.add_argument("--checklists", metavar="DIR", action="append", default=[] if defaults else default,
                       dest="checklists" if defaults else "checklists_after", help=Help(
                           "also load checklists from DIR (may be repeated)",
                           "hent også tjeklister fra mappen MAPPE (kan gentages)"))
    group.add_argument("--lang", choices=("da", "en"), default=default, help=Help(
        "language: da or en (env PEERONBOARD_LANG; default from config or locale)",
        "sprog: da eller en (miljøvariabel PEERONBOARD_LANG; ellers fra config.toml eller systemets sprog)"))
    group.add_argument("--private", action="store_true", default=False if defaults else default, help=Help(
        "terminal app: show names as initials (for a shared screen)",
        "terminalprogrammet: vis navne som initialer (til en skærm, andre kan se)"))


# --- each command's arguments ----------------------------------------------------------------

def _json(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--json", action="store_true", help=Help("print JSON", "udskriv som JSON"))


def _hire(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("hire", metavar="HIRE", help=Help(
        "hire id or an unambiguous part of the name", "den ansattes id eller en entydig del af navnet"))


def _hire_item(sub: argparse.ArgumentParser) -> None:
    _hire(sub)
    sub.add_argument("item", metavar="ITEM", help=Help(
        "item id (see: peeronboard show HIRE)", "punktets id (se: peeronboard show ANSAT)"))


def _validate(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("files", nargs="+", metavar="FILE", type=Path, help=Help(
        "a checklist or hire file", "en tjekliste- eller ansat-fil"))


def _add(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("name", metavar="NAME", help=Help(
        "the person's name (kept inside the record only)", "personens navn (gemmes kun i registreringen)"))
    sub.add_argument("--start", required=True, metavar="YYYY-MM-DD",
                     help=Help("first working day", "første arbejdsdag"))
    sub.add_argument("--checklist", metavar="ID", help=Help(
        "checklist id (default nordjylland-leder)", "tjeklistens id (standard: nordjylland-leder)"))
    sub.add_argument("--unit", metavar="TEXT", help=Help("unit, ward or team", "enhed, afsnit eller team"))
    sub.add_argument("--mentor", metavar="TEXT", help=Help("the mentor's name", "mentorens navn"))
    _contacts(sub)


def _contacts(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--hr", metavar="TEXT", help=Help(
        "the HR contact's name (does the items owned by hr)",
        "navnet på kontaktpersonen i HR (står for punkterne med ansvarlig hr)"))
    sub.add_argument("--centre", metavar="TEXT",
                     help=Help("the recovery centre's contact (does the items owned by centre)",
                               "kontaktpersonen i recoverycentret (står for punkterne med ansvarlig centre)"))


def _list(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--all", action="store_true", help=Help(
        "also finished hires (marked with the date)", "også afsluttede ansatte (med datoen)"))
    _json(sub)


def _edit(sub: argparse.ArgumentParser) -> None:
    _hire(sub)
    sub.add_argument("--name", metavar="TEXT", help=Help("the person's name", "personens navn"))
    sub.add_argument("--start", metavar="YYYY-MM-DD",
                     help=Help("a new first working day: open items move with it (own due dates stay)",
                               "en ny første arbejdsdag: åbne punkter flytter med (egne frister bliver)"))
    sub.add_argument("--unit", metavar="TEXT", help=Help(
        "unit, ward or team ('' clears it)", "enhed, afsnit eller team ('' fjerner den)"))
    sub.add_argument("--mentor", metavar="TEXT",
                     help=Help("the mentor's name ('' clears it)", "mentorens navn ('' fjerner det)"))
    _contacts(sub)
    sub.add_argument("--checklist", metavar="ID",
                     help=Help("another checklist: each item's state carries over by its id; the rest is "
                               "kept as retired",
                               "en anden tjekliste: hvert punkts status følger med via dets id; resten "
                               "gemmes som udgået"))


def _finish(sub: argparse.ArgumentParser) -> None:
    _hire(sub)
    sub.add_argument("--reason", metavar="TEXT",
                     help=Help("why: onboarding completed, the person left, the hiring was stopped",
                               "hvorfor: oplæringen er gennemført, personen er stoppet, ansættelsen blev "
                               "afbrudt"))
    sub.add_argument("--on", metavar="YYYY-MM-DD",
                     help=Help("when (default: today)", "hvornår (standard: i dag)"))


def _assign(sub: argparse.ArgumentParser) -> None:
    _hire_item(sub)
    sub.add_argument("person", metavar="PERSON", help=Help(
        "who does it ('' for the person of its owner role)",
        "hvem står for det ('' for personen i punktets ansvarlige rolle)"))


def _add_item(sub: argparse.ArgumentParser) -> None:
    _hire(sub)
    sub.add_argument("title", metavar="TITLE", help=Help("what is to be done", "hvad der skal gøres"))
    sub.add_argument("--phase", metavar="ID", help=Help(
        "the checklist's phase (default: by the due date)", "tjeklistens fase (standard: efter fristen)"))
    sub.add_argument("--due", metavar="WHEN",
                     help=Help("a date (YYYY-MM-DD) or a move from the start date (+2w, -3d, +1m)",
                               "en dato (ÅÅÅÅ-MM-DD) eller en forskydning fra startdatoen (+2w, -3d, +1m)"))
    sub.add_argument("--owner", metavar="ROLE", help=Help(
        "leader, mentor, hr, peer, centre, staff, ...",
        "leader (leder), mentor, hr, peer (peermedarbejder), centre, staff (personale), ..."))


_OUTPUT = Help("write to PATH ('-' or none: standard output)",
               "skriv til STI ('-' eller intet: standardoutput)")


def _report(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--checklist", metavar="ID", help=Help(
        "only hires on this checklist", "kun ansatte på denne tjekliste"))
    sub.add_argument("--unit", metavar="TEXT",
                     help=Help("only hires of this unit (at least 3, so nobody is singled out)",
                               "kun ansatte i denne enhed (mindst 3, så ingen enkeltperson kan udpeges)"))
    sub.add_argument("--since", metavar="YYYY-MM-DD", help=Help(
        "only hires starting on or after this day", "kun ansatte, der starter denne dag eller senere"))
    sub.add_argument("--format", choices=("text", "md", "html", "json"), default="text",
                     help=Help("text (default), md, html (with bars) or json",
                               "text (standard), md, html (med søjler) eller json"))
    sub.add_argument("-o", "--output", metavar="PATH", help=_OUTPUT)
    sub.add_argument("--with-reasons", action="store_true",
                     help=Help("also the most common reasons for not applicable (free text a leader wrote)",
                               "også de hyppigste begrundelser for ikke relevant (fritekst skrevet af en "
                               "leder)"))
    sub.add_argument("--with-names", action="store_true",
                     help=Help("also the names of the hires for whom an item fell through",
                               "også navnene på de ansatte, hvor et punkt er glippet"))


def _log(sub: argparse.ArgumentParser) -> None:
    _hire(sub)
    sub.add_argument("item", metavar="ITEM", nargs="?",
                     help=Help("only this item's history", "kun dette punkts historik"))
    _json(sub)


def _show(sub: argparse.ArgumentParser) -> None:
    _hire(sub)
    _json(sub)


def _check(sub: argparse.ArgumentParser) -> None:
    _hire_item(sub)
    sub.add_argument("--note", metavar="TEXT", help=Help("a note on the item", "en note til punktet"))
    sub.add_argument("--by", metavar="NAME",
                     help=Help("who did it (default: you)", "hvem gjorde det (standard: dig)"))
    sub.add_argument("--on", metavar="YYYY-MM-DD", help=Help(
        "when it was done (default: today)", "hvornår det blev gjort (standard: i dag)"))


def _skip(sub: argparse.ArgumentParser) -> None:
    _hire_item(sub)
    sub.add_argument("--reason", required=True, metavar="TEXT", help=Help(
        "why it does not apply", "hvorfor det ikke er relevant"))


def _note(sub: argparse.ArgumentParser) -> None:
    _hire_item(sub)
    sub.add_argument("text", metavar="TEXT", help=Help("the note ('' removes it)", "noten ('' fjerner den)"))


def _due(sub: argparse.ArgumentParser) -> None:
    _hire_item(sub)
    sub.add_argument("when", metavar="WHEN",
                     help=Help("a date (YYYY-MM-DD), a move from the item's due date now (+2w, -3d, +1m), "
                               "or 'reset' for the checklist's date",
                               "en dato (ÅÅÅÅ-MM-DD), en forskydning fra punktets nuværende frist (+2w, -3d, "
                               "+1m) eller 'nulstil' for tjeklistens dato"))
    sub.add_argument("--reason", metavar="TEXT",
                     help=Help("why (kept in the record's log)", "hvorfor (gemmes i registreringens log)"))


def _agenda(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--days", type=_whole_number, default=14, metavar="N", help=Help(
        "look N days ahead (default 14)", "se N dage frem (standard 14)"))
    sub.add_argument("--who", metavar="PERSON", help=Help(
        "only what this person does (by name)", "kun hvad denne person står for (efter navn)"))
    sub.add_argument("--owner", metavar="ROLE", help=Help(
        "only items of this owner role (mentor, hr, ...)",
        "kun punkter med denne ansvarlige rolle (mentor, hr, ...)"))
    _json(sub)


def _export(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("hires", nargs="*", metavar="HIRE",
                     help=Help("hires to include (default: every hire not finished)",
                               "ansatte, der skal med (standard: alle, der ikke er afsluttet)"))
    sub.add_argument("--all", action="store_true",
                     help=Help("also finished hires", "også afsluttede ansatte"))
    sub.add_argument("--format", choices=("md", "csv", "json", "html", "ics", "xlsx"), default="md",
                     help=Help("md (default), csv, json, html, ics or xlsx (an Excel workbook: needs -o PATH "
                               "on a terminal)",
                               "md (standard), csv, json, html, ics eller xlsx (en Excel-projektmappe: "
                               "kræver -o STI i en terminal)"))
    sub.add_argument("-o", "--output", metavar="PATH", help=_OUTPUT)
    sub.add_argument("--only", choices=("open", "overdue"), help=Help(
        "only open, or only overdue, items", "kun åbne eller kun overskredne punkter"))
    sub.add_argument("--no-notes", action="store_true",
                     help=Help("leave notes and reasons out (for readers who should not see them)",
                               "udelad noter og begrundelser (til læsere, der ikke skal se dem)"))


def _completion(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("shell", choices=("bash", "zsh", "fish"),
                     help=Help("the shell: bash (source it, or put it in bash-completion's folder), zsh or "
                               "fish",
                               "skallen: bash (indlæs den med source, eller læg den i bash-completions "
                               "mappe), zsh eller fish"))


def _serve(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--host", default="127.0.0.1", metavar="HOST", help=Help(
        "the address to listen on (default 127.0.0.1: this computer only)",
        "adressen, der lyttes på (standard 127.0.0.1: kun denne computer)"))
    sub.add_argument("--port", type=_whole_number, default=8000, help=Help(
        "the port (default 8000; 0: any free one)", "porten (standard 8000; 0: en hvilken som helst ledig)"))
    sub.add_argument("--allow-remote", action="store_true", help=Help(
        "allow a --host other computers can reach (put an HTTPS proxy with a login in front)",
        "tillad en --host, som andre computere kan nå (sæt en HTTPS-proxy med login foran)"))
    sub.add_argument("--demo", action="store_true", help=Help(
        "serve sample hires in a temporary folder (your data is untouched)",
        "vis eksempler på ansatte i en midlertidig mappe (dine data røres ikke)"))


def _erase(sub: argparse.ArgumentParser) -> None:
    _hire(sub)
    sub.add_argument("--yes", action="store_true",
                     help=Help("do not ask for confirmation", "spørg ikke om bekræftelse"))


# in the order ``peeronboard --help`` lists them
SUBCOMMANDS: tuple[Subcommand, ...] = (
    Subcommand("demo", Help(
        "Open the terminal app on sample hires in a temporary folder (your data is untouched).",
        "Åbn terminalprogrammet med eksempler på ansatte i en midlertidig mappe (dine data røres ikke).")),
    Subcommand("checklists", Help(
        "List the available checklists and the file each came from.",
        "Vis de tjeklister, der findes, og filen hver af dem kommer fra."), _json),
    Subcommand("validate", Help(
        "Check checklist or hire files; prints FILE:LINE: message per problem.",
        "Kontrollér tjekliste- eller ansat-filer; skriver FIL:LINJE: besked for hvert problem."), _validate),
    Subcommand("add", Help(
        "Add a hire; prints the new hire's id.",
        "Opret en ansat; skriver den nye ansattes id."), _add),
    Subcommand("list", Help(
        "List hires with their progress (finished ones with --all).",
        "Vis de ansatte og hvor langt de er (også de afsluttede med --all)."), _list),
    Subcommand("show", Help(
        "Show a hire's checklist with each item's state.",
        "Vis en ansats tjekliste med status for hvert punkt."), _show),
    Subcommand("check", Help("Mark an item done.", "Markér et punkt som udført."), _check),
    Subcommand("uncheck", Help("Mark an item open again.", "Markér et punkt som åbent igen."), _hire_item),
    Subcommand("skip", Help(
        "Mark an item not applicable, with the reason.",
        "Markér et punkt som ikke relevant, med begrundelsen."), _skip),
    Subcommand("note", Help(
        "Set the note on an item (an empty text removes it).",
        "Skriv noten til et punkt (en tom tekst fjerner den)."), _note),
    Subcommand("due", Help(
        "Give an item its own due date (postpone it, or bring it forward).",
        "Giv et punkt sin egen frist (udskyd det eller ryk det frem)."), _due),
    Subcommand("agenda", Help(
        "Items due soon and overdue ones, across all hires.",
        "Punkter med frist snart og overskredne punkter, for alle ansatte."), _agenda),
    Subcommand("assign", Help(
        "Name the person who does one item (instead of the person of its owner role).",
        "Angiv, hvem der står for et punkt (i stedet for personen i punktets ansvarlige rolle)."), _assign),
    Subcommand("add-item", Help(
        "Add a task that only this hire needs; prints the new item's id.",
        "Tilføj en opgave, som kun gælder denne ansatte; skriver det nye punkts id."), _add_item),
    Subcommand("remove-item", Help(
        "Remove one of the hire's own tasks (the log keeps what it was).",
        "Fjern en af den ansattes egne opgaver (loggen husker, hvad den var)."), _hire_item),
    Subcommand("log", Help(
        "Show the hire's history: when, who, what, which item.",
        "Vis den ansattes historik: hvornår, hvem, hvad og hvilket punkt."), _log),
    Subcommand("edit", Help(
        "Change a hire's name, start date, unit, mentor, contacts or checklist.",
        "Ret en ansats navn, startdato, enhed, mentor, kontaktpersoner eller tjekliste."), _edit),
    Subcommand("finish", Help(
        "Finish a hire's onboarding (completed, left, stopped): it leaves the dashboard.",
        "Afslut en ansats oplæring (gennemført, stoppet, afbrudt): den ansatte forsvinder fra overblikket."),
               _finish),
    Subcommand("reopen", Help("Take a finished hire back.", "Tag en afsluttet ansat tilbage."), _hire),
    Subcommand("report", Help(
        "Across all hires: which items are done late, not applicable or overdue, and how often (counts "
        "only, unless asked).",
        "På tværs af alle ansatte: hvilke punkter der bliver udført for sent, er ikke relevante eller er "
        "overskredne, og hvor ofte (kun antal, medmindre andet ønskes)."), _report),
    Subcommand("retention", Help(
        "List finished hires kept longer than retention_months, due for erasure.",
        "Vis afsluttede ansatte, der er gemt længere end retention_months og skal slettes."), _json),
    Subcommand("export", Help(
        "Write a progress summary: Markdown, CSV, JSON, HTML, iCalendar or Excel (xlsx).",
        "Skriv et overblik over fremdriften: Markdown, CSV, JSON, HTML, iCalendar eller Excel (xlsx)."),
               _export),
    Subcommand("merge", Help(
        "Merge conflicting copies of records that a sync service (OneDrive, Dropbox, Nextcloud, Syncthing) "
        "made when two computers changed a hire at once.",
        "Flet modstridende kopier af registreringer sammen, som en synkroniseringstjeneste (OneDrive, "
        "Dropbox, Nextcloud, Syncthing) har lavet, da to computere ændrede en ansat på samme tid.")),
    Subcommand("erase", Help(
        "Delete a hire's record and every trace of the name peeronboard keeps.",
        "Slet en ansats registrering og alle spor af navnet, som peeronboard gemmer."), _erase),
    Subcommand("completion", Help(
        "Print a shell completion script (bash, zsh or fish), e.g. 'peeronboard completion bash > "
        "~/.local/share/bash-completion/completions/peeronboard'.",
        "Skriv et script til tab-fuldførelse i skallen (bash, zsh eller fish), fx 'peeronboard completion "
        "bash > ~/.local/share/bash-completion/completions/peeronboard'."), _completion),
    Subcommand("serve", Help(
        "Serve the app to browsers (one app per tab) behind an access token; prints the link.",
        "Vis programmet i en browser (ét program pr. fane) bag en adgangsnøgle; skriver linket."), _serve),
)

_DESCRIPTION = Help(
    "Hire and onboard a peer support worker (peermedarbejder): one living checklist per hire. With no "
    "command, opens the terminal app.",
    "Ansættelse og introduktion af en peermedarbejder: én levende tjekliste pr. ansat. Uden en kommando "
    "åbnes terminalprogrammet.")


def build_parser(arguments: Sequence[str] | None = None, lang: str = "en") -> argparse.ArgumentParser:
    """The parser, its help in ``lang``; given the command line, only the commands it names get a parser
    of their own.

    That is the same parser for this command line, built faster: argparse picks a command by its exact
    name only, and the overview (``--help``, a wrong command) shows each command's name and help alone,
    so a command not named stands in the list of commands without a parser (``_NotNamed``).
    Its headings are in ``lang`` (with argparse's own words too, inside ``argparse_speaking``).
    """
    named = None if arguments is None else set(arguments)
    formatter = functools.partial(_Formatter, lang=lang)
    parser = argparse.ArgumentParser(prog="peeronboard", allow_abbrev=False, formatter_class=formatter,
                                     description=said(_DESCRIPTION, lang))
    parser.add_argument("--version", action="version", version=f"peeronboard {__version__}",
                        help=word("show program's version number and exit", lang))
    _global_options(parser, defaults=True, lang=lang)
    common = argparse.ArgumentParser(add_help=False, allow_abbrev=False, formatter_class=formatter)
    _global_options(common, defaults=False, lang=lang)
    # prog given: argparse would otherwise format a usage line to find it (importing shutil for that)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", prog="peeronboard",
                                     parser_class=_command_parser)
    _name_values(parser, lang)
    for command in SUBCOMMANDS:
        wanted = named is None or command.name in named
        sub = commands.add_parser(command.name, help=command.help, description=said(command.help, lang),
                                  parents=[common], allow_abbrev=False, formatter_class=formatter,
                                  wanted=wanted)
        if wanted and command.arguments:
            command.arguments(sub)
        if wanted:
            _name_values(sub, lang)
    return parser


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout with each help text in ``lang``, told the terminal's width: argparse makes a
    formatter for every argument added (to check its metavar), and one left to measure the terminal
    itself imports shutil for it."""

    def __init__(self, prog: str, lang: str) -> None:
        super().__init__(prog, width=_terminal_columns() - 2)
        self.lang = lang

    def _get_help_string(self, action: argparse.Action) -> str | None:  # as argparse's own formatters do
        return said(action.help, self.lang)


def _terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it: COLUMNS, else the terminal's
    own, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _NotNamed:
    """Where a command's parser would be when the command line does not name the command: argparse lists
    the command (its name and help are kept apart) and never parses with it."""

    def __init__(self, prog: str) -> None:
        self.prog = prog

    def __getattr__(self, name: str) -> object:
        raise AttributeError(f"{self.prog} was not built: the command line does not name it")


def _command_parser(*, wanted: bool, **options: object) -> argparse.ArgumentParser | _NotNamed:
    """A command's parser when ``wanted``, else its stand-in (argparse's ``parser_class``)."""
    if wanted:
        return argparse.ArgumentParser(**options)  # type: ignore[arg-type]
    return _NotNamed(str(options["prog"]))


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
