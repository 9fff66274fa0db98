"""The words peeronboard says, in Danish and English, and how the language is chosen."""

from __future__ import annotations

import locale
import os

from .text import LANGUAGES

LANG_ENV = "PEERONBOARD_LANG"

MESSAGES: dict[str, dict[str, str]] = {
    # states and words
    "status.open": {"da": "åben", "en": "open"},
    "status.done": {"da": "udført", "en": "done"},
    "status.skipped": {"da": "ikke relevant", "en": "not applicable"},
    "status.retired": {"da": "udgået", "en": "retired"},
    "overdue": {"da": "overskredet", "en": "overdue"},
    "retired.heading": {"da": "Udgåede punkter (ikke længere i tjeklisten)",
                        "en": "Retired items (no longer in the checklist)"},
    "col.id": {"da": "ID", "en": "ID"},
    "col.name": {"da": "Navn", "en": "Name"},
    "col.unit": {"da": "Enhed", "en": "Unit"},
    "col.start": {"da": "Start", "en": "Start"},
    "col.checklist": {"da": "Tjekliste", "en": "Checklist"},
    "col.progress": {"da": "Fremdrift", "en": "Progress"},
    "col.overdue": {"da": "Overskredet", "en": "Overdue"},
    "col.next": {"da": "Næste frist", "en": "Next due"},
    "col.title": {"da": "Titel", "en": "Title"},
    "col.items": {"da": "Punkter", "en": "Items"},
    "col.file": {"da": "Fil", "en": "File"},
    "col.due": {"da": "Frist", "en": "Due"},
    "col.hire": {"da": "Ansat", "en": "Hire"},
    "col.item": {"da": "Punkt", "en": "Item"},
    "builtin": {"da": "indbygget", "en": "built-in"},
    "hire.mentor": {"da": "Mentor", "en": "Mentor"},
    "hire.unit": {"da": "Enhed", "en": "Unit"},
    "hire.start": {"da": "Startdato", "en": "Start date"},
    "hire.checklist": {"da": "Tjekliste", "en": "Checklist"},
    "progress.line": {"da": "{done} af {total} udført · ikke relevant: {skipped} · åbne: {open}",
                      "en": "{done} of {total} done · not applicable: {skipped} · open: {open}"},
    "by": {"da": "af", "en": "by"},
    "note": {"da": "Note", "en": "Note"},
    # outcomes
    "added": {"da": "Oprettet {name} ({id})", "en": "Added {name} ({id})"},
    "checked": {"da": "{item}: udført", "en": "{item}: done"},
    "unchecked": {"da": "{item}: åben igen", "en": "{item}: open again"},
    "skipped": {"da": "{item}: ikke relevant", "en": "{item}: not applicable"},
    "noted": {"da": "{item}: note gemt", "en": "{item}: note saved"},
    "erased": {"da": "Slettet: {id}. Intet spor af navnet er tilbage i {folder}.",
               "en": "Erased {id}. No trace of the name is left in {folder}."},
    "erase.confirm": {"da": "Slet {name} ({id}) og hele registreringen for altid? [j/N] ",
                      "en": "Erase {name} ({id}) and the whole record for good? [y/N] "},
    "erase.cancelled": {"da": "Intet slettet.", "en": "Nothing erased."},
    "no_hires": {"da": "Ingen ansatte endnu. Opret en med: peeronboard add NAVN --start ÅÅÅÅ-MM-DD",
                 "en": "No hires yet. Add one with: peeronboard add NAME --start YYYY-MM-DD"},
    "agenda.empty": {"da": "Intet forfalder de næste {days} dage, og intet er overskredet.",
                     "en": "Nothing due in the next {days} days, and nothing overdue."},
    "tui.missing": {"da": "Terminalappen er ikke bygget endnu. Brug underkommandoerne; "
                          "se peeronboard --help.",
                    "en": "The terminal app is not built yet. Use the subcommands; see peeronboard --help."},
    # errors
    "err.no_hire": {"da": "ingen ansat matcher '{query}'", "en": "no hire matches '{query}'"},
    "err.ambiguous": {"da": "'{query}' matcher flere ansatte: {matches}",
                      "en": "'{query}' matches several hires: {matches}"},
    "err.no_item": {"da": "{hire} har intet punkt '{item}' i tjeklisten {checklist}",
                    "en": "{hire} has no item '{item}' in checklist {checklist}"},
    "err.retired_item": {"da": "punktet '{item}' er udgået af tjeklisten {checklist} og kan ikke ændres",
                         "en": "item '{item}' is retired from checklist {checklist} and cannot be changed"},
    "err.no_checklist": {"da": "ukendt tjekliste '{checklist}' (se peeronboard checklists)",
                         "en": "unknown checklist '{checklist}' (see peeronboard checklists)"},
    "err.hire_checklist": {"da": "{hire} bruger tjeklisten '{checklist}', som ikke findes",
                           "en": "{hire} uses checklist '{checklist}', which was not found"},
    "err.date": {"da": "{option}: {reason}", "en": "{option}: {reason}"},
    "err.future": {"da": "{option}: {date} ligger i fremtiden", "en": "{option}: {date} is in the future"},
    "err.name": {"da": "navn: {reason}", "en": "name: {reason}"},
    "err.empty": {"da": "{option} må ikke være tom", "en": "{option} must not be empty"},
    "err.erase_needs_yes": {"da": "sletning kræver bekræftelse: kør igen med --yes",
                            "en": "erasing needs confirmation: run again with --yes"},
    "err.store": {"da": "kunne ikke gemme {path}: {reason}", "en": "could not save {path}: {reason}"},
    "err.unreadable": {"da": "{problem}", "en": "{problem}"},
    "err.days": {"da": "--days skal være 0 eller mere", "en": "--days must be 0 or more"},
}


def say(key: str, lang: str, **params: object) -> str:
    """The message ``key`` in ``lang`` (Danish or English), with ``params`` filled in."""
    texts = MESSAGES[key]
    return texts.get(lang, texts["en"]).format(**params)


def system_language() -> str:
    """Danish when the system locale is Danish, otherwise English."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable)
        if value:
            return "da" if value.lower().startswith("da") else "en"
    try:
        code = locale.getlocale()[0] or ""
    except ValueError:
        code = ""
    return "da" if code.lower().startswith("da") else "en"


def choose_language(explicit: str | None, configured: str | None) -> str:
    """``--lang``, then PEERONBOARD_LANG, then config.toml, then the system locale."""
    for candidate in (explicit, os.environ.get(LANG_ENV), configured):
        if candidate in LANGUAGES:
            return candidate
    return system_language()
