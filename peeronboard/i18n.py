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
    "col.hire_id": {"da": "Ansat-id", "en": "Hire id"},
    "col.phase": {"da": "Fase", "en": "Phase"},
    "col.status": {"da": "Status", "en": "Status"},
    "col.date": {"da": "Dato", "en": "Date"},
    "col.by": {"da": "Af", "en": "By"},
    "export.made": {"da": "Lavet med peeronboard {when}", "en": "Made with peeronboard {when}"},
    "export.title": {"da": "Onboarding af peermedarbejdere", "en": "Onboarding peer workers"},
    "exported": {"da": "Eksporteret {count} ansatte til {path}", "en": "Exported {count} hires to {path}"},
    "sources": {"da": "Kilder:", "en": "Sources:"},
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
    "same.done": {"da": "allerede udført; intet ændret", "en": "already done; nothing changed"},
    "same.open": {"da": "allerede åben; intet ændret", "en": "already open; nothing changed"},
    "same.skipped": {"da": "allerede ikke relevant af den grund; intet ændret",
                     "en": "already not applicable for that reason; nothing changed"},
    "same.note": {"da": "noten er allerede sådan; intet ændret",
                  "en": "the note is already that; nothing changed"},
    "same.due": {"da": "fristen er allerede den; intet ændret",
                 "en": "the due date is already that; nothing changed"},
    "same.assignee": {"da": "allerede den person; intet ændret",
                      "en": "already that person; nothing changed"},
    "same.nothing": {"da": "intet at ændre", "en": "nothing to change"},
    "same.finished": {"da": "allerede afsluttet sådan; intet ændret",
                      "en": "already finished so; nothing changed"},
    "same.reopened": {"da": "er ikke afsluttet; intet ændret", "en": "is not finished; nothing changed"},
    "assigned": {"da": "{item}: {person}", "en": "{item}: {person}"},
    "unassigned": {"da": "{item}: ingen person navngivet (ansvar: {owner})",
                   "en": "{item}: no person named (owner: {owner})"},
    "item.added": {"da": "{id}: {title} (i fasen {phase})", "en": "{id}: {title} (in phase {phase})"},
    "item.removed": {"da": "{item}: fjernet (loggen husker det)", "en": "{item}: removed (the log keeps it)"},
    "finished": {"da": "afsluttet {date}", "en": "finished {date}"},
    "reopened": {"da": "åben igen (var afsluttet {date})", "en": "open again (was finished {date})"},
    "err.no_phase": {"da": "tjeklisten {checklist} har ingen fase '{phase}'",
                     "en": "checklist {checklist} has no phase '{phase}'"},
    "err.not_own": {"da": "'{item}' er ikke et af {hire}s egne punkter; kun de kan fjernes",
                    "en": "'{item}' is not one of {hire}'s own items; only those can be removed"},
    "due.moved": {"da": "{item}: frist {due} (tjeklisten siger {planned})",
                  "en": "{item}: due {due} (the checklist says {planned})"},
    "due.reset": {"da": "{item}: frist fra tjeklisten igen ({planned})",
                  "en": "{item}: due date from the checklist again ({planned})"},
    "panel.moved": {"da": "flyttet fra {planned}", "en": "moved from {planned}"},
    "merged": {"da": "{copy} er flettet ind i {id} ({name}): {entries} logposter, {items} punkter ændret",
               "en": "Merged {copy} into {id} ({name}): {entries} log entries, {items} items changed"},
    "merge.undecided": {
        "da": "  {item}: kopien sagde '{status}' uden en logpost at afgøre det ud fra; {id} beholder sit. "
              "Ret det, hvis kopien havde ret",
        "en": "  {item}: the copy said '{status}' with no logged change to decide by; {id} keeps its own. "
              "Change it if the copy was right",
    },
    "merge.none": {"da": "Ingen modstridende kopier at flette.", "en": "No conflicting copies to merge."},
    "erased": {"da": "Slettet: {id} ({count} filer overskrevet med nuller og fjernet). Intet spor af "
                     "navnet er tilbage i {folder}.",
               "en": "Erased {id} ({count} files overwritten with zeros and removed). No trace of the "
                     "name is left in {folder}."},
    "erased.count": {"da": "Slettet: {id} ({count} filer overskrevet med nuller og fjernet).",
                     "en": "Erased {id} ({count} files overwritten with zeros and removed)."},
    "erase.left": {
        "da": "Ikke slettet: {path} siger, at den er {id}, men det vides ikke, om det er samme ansatte; "
              "se på den selv",
        "en": "Not erased: {path} says it is {id} but is not known to be the same hire; look at it yourself"},
    "merge.field_kept": {
        "da": "  {field}: kopien havde '{theirs}', {id} beholder '{ours}' (kopiens værdi står i loggen). "
              "Ret det, hvis kopien havde ret",
        "en": "  {field}: the copy had '{theirs}', {id} keeps '{ours}' (the copy's value is in the log). "
              "Change it if the copy was right"},
    "erase.confirm": {"da": "Slet {name} ({id}) og hele registreringen for altid? [j/N] ",
                      "en": "Erase {name} ({id}) and the whole record for good? [y/N] "},
    "erase.cancelled": {"da": "Intet slettet.", "en": "Nothing erased."},
    "no_hires": {"da": "Ingen ansatte endnu. Opret en med: peeronboard add NAVN --start ÅÅÅÅ-MM-DD",
                 "en": "No hires yet. Add one with: peeronboard add NAME --start YYYY-MM-DD"},
    "agenda.empty": {"da": "Intet forfalder de næste {days} dage, og intet er overskredet.",
                     "en": "Nothing due in the next {days} days, and nothing overdue."},
    # the terminal app
    "key.quit": {"da": "Afslut", "en": "Quit"},
    "key.help": {"da": "Hjælp", "en": "Help"},
    "key.agenda": {"da": "Frister", "en": "Agenda"},
    "key.undo": {"da": "Fortryd", "en": "Undo"},
    "key.new": {"da": "Ny ansat", "en": "New hire"},
    "key.open": {"da": "Åbn", "en": "Open"},
    "key.filter": {"da": "Filtrér", "en": "Filter"},
    "key.back": {"da": "Tilbage", "en": "Back"},
    "key.toggle": {"da": "Udført/åben", "en": "Tick/untick"},
    "key.skip": {"da": "Ikke relevant", "en": "Not applicable"},
    "key.note": {"da": "Note", "en": "Note"},
    "key.due": {"da": "Flyt frist", "en": "Move due"},
    "key.close": {"da": "Luk", "en": "Close"},
    "key.export": {"da": "Eksportér", "en": "Export"},
    "export.dialog": {"da": "Eksportér status", "en": "Export a progress summary"},
    "export.format": {"da": "Format", "en": "Format"},
    "export.file": {"da": "Fil", "en": "File"},
    "export.hint": {"da": "Enter eksporterer · Esc annullerer", "en": "Enter exports · Escape cancels"},
    "export.bad_path": {"da": "Skriv et filnavn i en mappe, der findes",
                        "en": "Enter a file name in a folder that exists"},
    "export.all": {"da": "alle", "en": "all"},
    "format.md": {"da": "Markdown (personalemøde, notater)", "en": "Markdown (staff meeting, notes)"},
    "format.csv": {"da": "CSV til Excel", "en": "CSV for Excel"},
    "format.json": {"da": "JSON (til andre programmer)", "en": "JSON (for other programs)"},
    "format.html": {"da": "HTML (browser, udskrift på A4)", "en": "HTML (browser, prints on A4)"},
    "format.ics": {"da": "Kalender (.ics) med frister", "en": "Calendar (.ics) with due dates"},
    "cmd.export": {"da": "Eksportér", "en": "Export"},
    "cmd.export_help": {"da": "Skriv en status som Markdown, CSV, JSON, HTML eller kalender",
                        "en": "Write a summary as Markdown, CSV, JSON, HTML or calendar"},
    "key.palette": {"da": "Kommandopalet: åbn en ansat, ny ansat, eksport, sprog, privat visning",
                    "en": "Command palette: open a hire, new hire, export, language, privacy mode"},
    "key.submit": {"da": "Gem", "en": "Save"},
    "key.cancel": {"da": "Annullér", "en": "Cancel"},
    "screen.hires": {"da": "Ansatte", "en": "Hires"},
    "screen.agenda": {"da": "Frister de næste {days} dage og overskredne",
                      "en": "Due in the next {days} days, and overdue"},
    "screen.help": {"da": "Taster på denne skærm", "en": "Keys on this screen"},
    "loading": {"da": "Indlæser ansatte …", "en": "Loading hires …"},
    "empty.hires": {"da": "Ingen ansatte endnu.\n\nTryk [b]n[/b] for at oprette den første, "
                          "eller prøv demoen med [b]peeronboard demo[/b].",
                    "en": "No hires yet.\n\nPress [b]n[/b] to add the first one, "
                          "or try the demo with [b]peeronboard demo[/b]."},
    "empty.filter": {"da": "Ingen ansatte matcher filteret.", "en": "No hires match the filter."},
    "filter.placeholder": {"da": "Filtrér på navn eller enhed (Esc rydder)",
                           "en": "Filter by name or unit (Esc clears)"},
    "unreadable": {"da": "⚠ kan ikke læses", "en": "⚠ unreadable"},
    "form.title": {"da": "Ny ansat", "en": "New hire"},
    "form.name": {"da": "Navn", "en": "Name"},
    "form.start": {"da": "Startdato (ÅÅÅÅ-MM-DD)", "en": "Start date (YYYY-MM-DD)"},
    "form.checklist": {"da": "Tjekliste", "en": "Checklist"},
    "form.unit": {"da": "Enhed (valgfri)", "en": "Unit (optional)"},
    "form.mentor": {"da": "Mentor (valgfri)", "en": "Mentor (optional)"},
    "form.hint": {"da": "Enter gemmer · Esc annullerer", "en": "Enter saves · Escape cancels"},
    "form.need_name": {"da": "Skriv et navn", "en": "Enter a name"},
    "form.bad_date": {"da": "Skriv en dato som 2027-03-01", "en": "Enter a date like 2027-03-01"},
    "form.not_a_date": {"da": "Den dato findes ikke", "en": "That date does not exist"},
    "form.out_of_range": {"da": "Vælg en dato mellem år 1900 og 2999",
                          "en": "Choose a date between the years 1900 and 2999"},
    "prompt.note": {"da": "Note til: {item}", "en": "Note on: {item}"},
    "prompt.due": {"da": "Ny frist for: {item}", "en": "New due date for: {item}"},
    "prompt.bad_due": {"da": "Skriv en dato som 2027-03-01, en flytning som +2w eller -3d, eller ingenting",
                       "en": "Type a date like 2027-03-01, a move like +2w or -3d, or nothing"},
    "prompt.due_hint": {
        "da": "En dato (2027-03-01), en flytning fra fristen nu (+2w, -3d, +1m) eller tom for tjeklistens "
              "frist ({planned}) · Esc annullerer",
        "en": "A date (2027-03-01), a move from the due date now (+2w, -3d, +1m), or empty for the "
              "checklist's date ({planned}) · Esc cancels"},
    "prompt.reason": {"da": "Hvorfor er «{item}» ikke relevant?", "en": "Why does “{item}” not apply?"},
    "prompt.need_reason": {"da": "Skriv en begrundelse", "en": "Enter a reason"},
    "prompt.note_hint": {"da": "Enter gemmer · tom note fjerner den · Esc annullerer",
                         "en": "Enter saves · an empty note removes it · Escape cancels"},
    "toast.exported": {"da": "Eksporteret til {path}", "en": "Exported to {path}"},
    "toast.added": {"da": "{name} er oprettet", "en": "{name} added"},
    "toast.undone": {"da": "Fortrudt: {item}", "en": "Undone: {item}"},
    "toast.nothing_to_undo": {"da": "Intet at fortryde", "en": "Nothing to undo"},
    "toast.save_failed": {"da": "Ikke gemt: {reason}", "en": "Not saved: {reason}"},
    "toast.language": {"da": "Sprog: dansk", "en": "Language: English"},
    "toast.private_on": {"da": "Privat visning: kun initialer", "en": "Privacy mode: initials only"},
    "toast.private_note": {"da": "Noten nævner navnet: slå privat visning fra for at redigere den",
                           "en": "The note names the hire: turn privacy mode off to edit it"},
    "toast.private_off": {"da": "Privat visning slået fra", "en": "Privacy mode off"},
    "toast.checklist_problem": {"da": "En tjekliste kunne ikke indlæses",
                                "en": "A checklist could not be loaded"},
    "panel.owner": {"da": "Ansvarlig", "en": "Owner"},
    "panel.due": {"da": "Frist", "en": "Due"},
    "panel.ref": {"da": "Kilde", "en": "Source"},
    "panel.optional": {"da": "valgfrit punkt", "en": "optional item"},
    "panel.no_guidance": {"da": "Ingen vejledning til dette punkt.", "en": "No guidance for this item."},
    "panel.retired": {"da": "Punktet er ikke længere i tjeklisten; det registrerede er bevaret.",
                      "en": "This item is no longer in the checklist; what was recorded is kept."},
    "owner.leader": {"da": "leder", "en": "leader"},
    "owner.mentor": {"da": "mentor", "en": "mentor"},
    "owner.hr": {"da": "HR", "en": "HR"},
    "owner.peer": {"da": "peermedarbejder", "en": "peer worker"},
    "owner.centre": {"da": "recoverycenter", "en": "recovery centre"},
    "owner.staff": {"da": "personalegruppen", "en": "staff group"},
    "owner.coordinator": {"da": "frivilligkoordinator", "en": "volunteer coordinator"},
    "cmd.open": {"da": "Åbn: {name}", "en": "Open: {name}"},
    "cmd.open_help": {"da": "Vis tjeklisten for {name}", "en": "Show the checklist of {name}"},
    "cmd.new": {"da": "Ny ansat", "en": "New hire"},
    "cmd.new_help": {"da": "Opret en ny ansat", "en": "Add a new hire"},
    "cmd.agenda": {"da": "Frister", "en": "Agenda"},
    "cmd.agenda_help": {"da": "Hvad forfalder snart, og hvad er overskredet",
                        "en": "What is due soon, and what is overdue"},
    "cmd.language": {"da": "Skift sprog: English", "en": "Switch language: dansk"},
    "cmd.language_help": {"da": "Vis appen på engelsk", "en": "Show the app in Danish"},
    "cmd.theme": {"da": "Tema", "en": "Theme"},
    "cmd.theme_help": {"da": "Skift farvetema", "en": "Change the colour theme"},
    "cmd.quit": {"da": "Afslut", "en": "Quit"},
    "cmd.quit_help": {"da": "Luk peeronboard (alt er allerede gemt)",
                      "en": "Close peeronboard (everything is already saved)"},
    "cmd.keys": {"da": "Taster", "en": "Keys"},
    "cmd.keys_help": {"da": "Vis eller skjul panelet med taster og hjælp til det valgte felt",
                      "en": "Show or hide the panel of keys and help for the focused field"},
    "cmd.maximize": {"da": "Maksimér", "en": "Maximize"},
    "cmd.maximize_help": {"da": "Gør det valgte felt så stort som skærmen",
                          "en": "Make the focused field fill the screen"},
    "cmd.minimize": {"da": "Normal størrelse", "en": "Normal size"},
    "cmd.minimize_help": {"da": "Giv feltet sin normale størrelse igen",
                          "en": "Give the field its normal size again"},
    "cmd.merge": {"da": "Flet modstridende kopier", "en": "Merge conflicting copies"},
    "cmd.merge_help": {"da": "Flet de kopier, som OneDrive, Dropbox m.fl. lavede, ind i de ansattes filer",
                       "en": "Merge the copies that OneDrive, Dropbox and the like made into the records"},
    "cmd.private": {"da": "Privat visning til/fra", "en": "Privacy mode on/off"},
    "cmd.private_help": {"da": "Vis kun initialer, fx på et personalemøde",
                         "en": "Show initials only, e.g. at a staff meeting"},
    "demo.banner": {"da": "Demo: eksempeldata i en midlertidig mappe; dine egne data røres ikke.",
                    "en": "Demo: sample data in a temporary folder; your own data is untouched."},
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
    "err.when": {"da": "'{text}' er ikke en dato som 2027-03-01 (i årene 1900-2999), en flytning som "
                       "+2w eller -3d, eller reset",
                 "en": "'{text}' is not a date like 2027-03-01 (in the years 1900-2999), a move like "
                       "+2w or -3d, or reset"},
    "err.date": {"da": "{option}: {reason}", "en": "{option}: {reason}"},
    "err.field": {"da": "{option}: {reason}", "en": "{option}: {reason}"},
    "err.future": {"da": "{option}: {date} ligger i fremtiden", "en": "{option}: {date} is in the future"},
    "err.name": {"da": "navn: {reason}", "en": "name: {reason}"},
    "err.empty": {"da": "{option} må ikke være tom", "en": "{option} must not be empty"},
    "err.erase_needs_yes": {"da": "sletning kræver bekræftelse: kør igen med --yes",
                            "en": "erasing needs confirmation: run again with --yes"},
    "err.store": {"da": "kunne ikke gemme {path}: {reason}", "en": "could not save {path}: {reason}"},
    "err.export_folder": {"da": "{path} er en mappe: angiv en fil at gemme oversigten i",
                          "en": "{path} is a folder: name a file to save the summary in"},
    "err.export_no_reader": {"da": "ingen læser fra {path} (et navngivet rør): start læseren først",
                             "en": "nobody is reading from {path} (a named pipe): start the reader first"},
    "err.export_link": {"da": "{path} er et link, som en anden har lagt i en fælles mappe; det følges ikke: "
                              "vælg et andet navn",
                        "en": "{path} is a link someone else put in a shared folder; it is not followed: "
                              "choose another name"},
    "err.erase": {"da": "kunne ikke slette {path}: {reason}", "en": "could not erase {path}: {reason}"},
    "err.no_terminal": {
        "da": "appen skal bruge en terminal (standard-ind og -ud er ikke en terminal); brug en "
              "underkommando, fx 'peeronboard list' (se 'peeronboard --help')",
        "en": "the app needs a terminal (standard input and output are not one); use a subcommand "
              "such as 'peeronboard list' (see 'peeronboard --help')"},
    "err.locked": {
        "da": "en anden skriver til mappen ({holder}); prøv igen, eller slet {path} hvis ingen gør",
        "en": "someone else is writing to the folder ({holder}); try again, or delete {path} if no one is",
    },
    "err.busy": {  # an operating-system lock: it names no holder and goes when its holder ends
        "da": "et andet program eller vindue skriver til mappen lige nu; prøv igen om lidt",
        "en": "another program or window is writing to the folder right now; try again in a moment",
    },
    "err.unreadable": {"da": "{problem}", "en": "{problem}"},
    "err.changed_elsewhere": {"da": "'{item}' er ændret et andet sted siden; intet fortrudt",
                              "en": "'{item}' was changed elsewhere since; nothing undone"},
    "err.days": {"da": "--days skal være mellem 0 og {most}", "en": "--days must be between 0 and {most}"},
}


def say(key: str, lang: str, **params: object) -> str:
    """The message ``key`` in ``lang`` (Danish or English), with ``params`` filled in."""
    texts = MESSAGES[key]
    return texts.get(lang, texts["en"]).format(**params)


def owner_word(owner: str | None, lang: str) -> str:
    """The usual owners (leader, mentor, hr, peer, centre, staff, coordinator) in ``lang``; other text
    as written."""
    if not owner:
        return ""
    key = f"owner.{owner.lower()}"
    return say(key, lang) if key in MESSAGES else owner


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
