"""The words peeronboard says, in Danish and English, and how the language is chosen."""

from __future__ import annotations

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
    "col.owner": {"da": "Ansvarlig", "en": "Owner"},
    "col.when": {"da": "Hvornår", "en": "When"},
    "key.who": {"da": "Hvem", "en": "Whose"},
    "agenda.who": {"da": "kun {who}", "en": "only {who}"},
    "agenda.empty_who": {"da": "Intet for {who} forfalder {days:den|de} næste {days} {days:dag|dage}, og "
                               "intet af det er overskredet. Tryk w og ryd feltet for at se alle.",
                         "en": "Nothing of {who}'s is due in the next {days} {days:day|days}, and none of it "
                               "is overdue. Press w and clear the field to see everyone's."},
    "prompt.who": {"da": "Vis kun punkter for en person eller en rolle",
                   "en": "Show only the items of a person or a role"},
    "prompt.who_hint": {
        "da": "Et navn (Mette) eller en rolle (mentor, hr, leder) · tom viser alle · Enter viser · "
              "Esc annullerer",
        "en": "A name (Mette) or a role (mentor, hr, leader) · empty shows all · Enter shows · "
              "Escape cancels"},
    "report.title": {"da": "Hvor onboardingen glipper: {hires} {hires:ansat|ansatte}{finished}",
                     "en": "Where onboarding falls through: {hires} {hires:hire|hires}{finished}"},
    # report.title's {finished} when some hires have finished (they count: they show what fell through)
    "report.finished": {"da": ", heraf {finished} afsluttet",
                        "en": ", {finished} of them finished"},
    "report.legend": {
        "da": "Antal ansatte, hvis frist for punktet er nået. █ til tiden ▓ for sent ▒ ikke relevant "
              "░ overskredet",
        "en": "Counts of hires whose due date for the item has passed. █ on time ▓ late ▒ not applicable "
              "░ overdue"},
    "report.reached": {"da": "Nået", "en": "Reached"},
    "report.on_time": {"da": "Til tiden", "en": "On time"},
    "report.late": {"da": "For sent", "en": "Late"},
    "report.skipped": {"da": "Ikke relevant", "en": "Not applicable"},
    "report.overdue": {"da": "Overskredet", "en": "Overdue"},
    "report.late_days": {"da": "{count} (median {median} d, højst {worst} d)",
                         "en": "{count} (median {median} d, worst {worst} d)"},
    "report.units": {"da": "Pr. enhed", "en": "Per unit"},
    "report.phases": {"da": "Pr. fase", "en": "Per phase"},
    "report.other_units": {"da": "andre enheder", "en": "other units"},
    "report.folded": {"da": "Andre enheder: enheder med færre end {least} ansatte og ansatte uden enhed, "
                            "talt sammen, så ingen kan genkendes",
                      "en": "Other units: units with fewer than {least} hires and hires without a unit, "
                            "counted together so that no one can be recognised"},
    "report.empty": {"da": "Ingen frister er nået endnu ({hires} {hires:ansat|ansatte}).",
                     "en": "No due date has been reached yet ({hires} {hires:hire|hires})."},
    "report.written": {"da": "Rapporten er gemt i {path}", "en": "The report is in {path}"},
    # the app's report screen and a hire's timeline (issue #17)
    "key.report": {"da": "Rapport", "en": "Report"},
    "key.timeline": {"da": "Tidslinje", "en": "Timeline"},
    "cmd.report": {"da": "Rapport: hvor onboardingen glipper",
                   "en": "Report: where onboarding falls through"},
    "cmd.report_help": {"da": "Pr. punkt på tværs af ansatte: til tiden, for sent, ikke relevant, "
                              "overskredet",
                        "en": "Per item across hires: on time, late, not applicable, overdue"},
    "report.building": {"da": "Bygger rapporten …", "en": "Building the report …"},
    "timeline.legend": {"da": "✔ udført  · åben  ! overskredet  – ikke relevant  * flyttet",
                        "en": "✔ done  · open  ! overdue  – not applicable  * moved"},
    "timeline.lines": {"da": "│ start {start}  ┃ i dag {today}", "en": "│ start {start}  ┃ today {today}"},
    "timeline.weeks": {"da": "Uger fra start", "en": "Weeks from the start"},
    "timeline.undated": {"da": "{count} {count:punkt|punkter} uden frist vises ikke her",
                         "en": "{count} {count:item|items} without a due date {count:is|are} not shown here"},
    "timeline.empty": {"da": "Intet punkt har en frist.", "en": "No item has a due date."},
    "err.report_small_unit": {
        "da": "enheden '{unit}' har kun {count} {count:ansat|ansatte} (under {least}); rapporten ville "
              "udpege personer",
        "en": "unit '{unit}' has only {count} {count:hire|hires} (fewer than {least}); the report would "
              "single people out"},
    "col.who": {"da": "Hvem", "en": "Who"},
    "col.action": {"da": "Hvad", "en": "What"},
    "col.text": {"da": "Tekst", "en": "Text"},
    "col.finished": {"da": "Afsluttet", "en": "Finished"},
    "log.empty": {"da": "Loggen er tom.", "en": "The log is empty."},
    "action.create": {"da": "oprettet", "en": "created"},
    "action.check": {"da": "udført", "en": "done"},
    "action.uncheck": {"da": "åben igen", "en": "open again"},
    "action.skip": {"da": "ikke relevant", "en": "not applicable"},
    "action.note": {"da": "note", "en": "note"},
    "action.due": {"da": "frist", "en": "due date"},
    "action.assign": {"da": "person", "en": "person"},
    "action.undo": {"da": "fortrudt", "en": "undone"},
    "action.merge": {"da": "flettet", "en": "merged"},
    "action.edit": {"da": "ændret", "en": "changed"},
    "action.finish": {"da": "afsluttet", "en": "finished"},
    "action.reopen": {"da": "genåbnet", "en": "reopened"},
    "action.add-item": {"da": "eget punkt tilføjet", "en": "own item added"},
    "action.remove-item": {"da": "eget punkt fjernet", "en": "own item removed"},
    "edit.moves": {  # {kept}: form.kept when some items keep their own due date, else nothing
        "da": "{moving} {moving:åbent punkt|åbne punkter} flyttes {days} {days:dag|dage} {way}{kept}",
        "en": "{moving} open {moving:item moves|items move} {days} {days:day|days} {way}{kept}"},
    "edit.later": {"da": "senere", "en": "later"},
    "edit.earlier": {"da": "tidligere", "en": "earlier"},
    "no_hires.active": {"da": "Ingen ansatte under oplæring; 'peeronboard list --all' viser også "
                              "{count:den|de} {count} afsluttede.",
                        "en": "No hires being onboarded; 'peeronboard list --all' also shows the {count} "
                              "finished."},
    "edit.same_name": {"da": "bemærk: {matches} har også navnet",
                       "en": "note: {matches} has that name too"},
    "finished.line": {"da": "afsluttet {date}{reason}", "en": "finished {date}{reason}"},
    "retention.none": {
        "da": "Ingen afsluttede ansatte er forfaldne til sletning (opbevaring: {months} mdr.).",
        "en": "No finished hire is due for erasure (kept for {months} {months:month|months})."},
    "retention.heading": {
        "da": "Afsluttet for {months} {months:måned|måneder} siden eller mere; slet dem med "
              "'peeronboard erase HIRE':",
        "en": "Finished {months} {months:month|months} ago or more; erase them with 'peeronboard erase "
              "HIRE':"},
    "col.status": {"da": "Status", "en": "Status"},
    "col.date": {"da": "Dato", "en": "Date"},
    "col.by": {"da": "Af", "en": "By"},
    "export.made": {"da": "Lavet med peeronboard {when}", "en": "Made with peeronboard {when}"},
    "export.title": {"da": "Onboarding af peermedarbejdere", "en": "Onboarding peer workers"},
    "exported": {"da": "Eksporteret {count} {count:ansat|ansatte} til {path}",
                 "en": "Exported {count} {count:hire|hires} to {path}"},
    "sources": {"da": "Kilder:", "en": "Sources:"},
    "hire.mentor": {"da": "Mentor", "en": "Mentor"},
    "hire.unit": {"da": "Enhed", "en": "Unit"},
    "hire.start": {"da": "Startdato", "en": "Start date"},
    "hire.checklist": {"da": "Tjekliste", "en": "Checklist"},
    "progress.line": {"da": "{done} af {total} udført · ikke relevant: {skipped} · åbne: {open}",
                      "en": "{done} of {total} done · not applicable: {skipped} · open: {open}"},
    "by": {"da": "af", "en": "by"},
    "note": {"da": "Note", "en": "Note"},
    "reason": {"da": "Begrundelse", "en": "Reason"},
    "own.mark": {"da": "egen opgave", "en": "own task"},
    "col.person": {"da": "Person", "en": "Person"},
    "col.kind": {"da": "Type", "en": "Kind"},
    "col.moved_from": {"da": "Flyttet fra", "en": "Moved from"},
    "sheet.hires": {"da": "Ansatte", "en": "Hires"},
    "err.export_binary": {"da": "{format} er et binært format: skriv det til en fil med -o STI",
                          "en": "{format} is a binary format: write it to a file with -o PATH"},
    "hire.hr": {"da": "HR-kontakt", "en": "HR contact"},
    "hire.centre": {"da": "Recoverycenter-kontakt", "en": "Recovery centre contact"},
    "hire.finished": {"da": "Afsluttet", "en": "Finished"},
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
    "merged": {"da": "{copy} er flettet ind i {id} ({name}): {entries} {entries:logpost|logposter}, {items} "
                     "{items:punkt|punkter} ændret",
               "en": "Merged {copy} into {id} ({name}): {entries} log {entries:entry|entries}, {items} "
                     "{items:item|items} changed"},
    "merge.undecided": {
        "da": "  {item}: kopien sagde '{status}' uden en logpost at afgøre det ud fra; {id} beholder sit. "
              "Ret det, hvis kopien havde ret",
        "en": "  {item}: the copy said '{status}' with no logged change to decide by; {id} keeps its own. "
              "Change it if the copy was right",
    },
    "merge.none": {"da": "Ingen modstridende kopier at flette.", "en": "No conflicting copies to merge."},
    "erased": {"da": "Slettet: {id} ({count} {count:fil|filer} overskrevet med nuller og fjernet). "
                     "Intet spor af "
                     "navnet er tilbage i {folder}.",
               "en": "Erased {id} ({count} {count:file|files} overwritten with zeros and removed). No "
                     "trace of the "
                     "name is left in {folder}."},
    "erased.count": {"da": "Slettet: {id} ({count} {count:fil|filer} overskrevet med nuller og fjernet).",
                     "en": "Erased {id} ({count} {count:file|files} overwritten with zeros and removed)."},
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
    "agenda.empty": {"da": "Intet forfalder {days:den|de} næste {days} {days:dag|dage}, og intet er "
                           "overskredet.",
                     "en": "Nothing due in the next {days} {days:day|days}, and nothing overdue."},
    # the terminal app
    "key.quit": {"da": "Luk", "en": "Quit"},  # not "Afslut", which f says for a hire ("Afslut forløb")
    "key.help": {"da": "Hjælp", "en": "Help"},
    "key.agenda": {"da": "Frister", "en": "Agenda"},
    "key.undo": {"da": "Fortryd", "en": "Undo"},
    "key.new": {"da": "Ny ansat", "en": "New hire"},
    "key.open": {"da": "Åbn", "en": "Open"},
    "key.filter": {"da": "Filtrér", "en": "Filter"},
    "key.clear_filter": {"da": "Ryd filter", "en": "Clear filter"},
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
    "export.only": {"da": "Punkter", "en": "Items"},
    "export.only_all": {"da": "Alle punkter", "en": "Every item"},
    "export.only_open": {"da": "Kun åbne", "en": "Open only"},
    "export.only_overdue": {"da": "Kun overskredne", "en": "Overdue only"},
    "export.notes": {"da": "Medtag noter og begrundelser", "en": "Include notes and reasons"},
    "export.overwrite": {"da": "{path} findes allerede. Overskriv den?",
                         "en": "{path} already exists. Overwrite it?"},
    "export.overwrite_yes": {"da": "Ja, overskriv", "en": "Yes, overwrite"},
    "prompt.hint": {"da": "Enter gemmer · Esc annullerer", "en": "Enter saves · Escape cancels"},
    "format.md": {"da": "Markdown (personalemøde, notater)", "en": "Markdown (staff meeting, notes)"},
    "format.csv": {"da": "CSV til Excel", "en": "CSV for Excel"},
    "format.json": {"da": "JSON (til andre programmer)", "en": "JSON (for other programs)"},
    "format.html": {"da": "HTML (browser, udskrift på A4)", "en": "HTML (browser, prints on A4)"},
    "format.ics": {"da": "Kalender (.ics) med frister", "en": "Calendar (.ics) with due dates"},
    "format.xlsx": {"da": "Excel-projektmappe (.xlsx)", "en": "Excel workbook (.xlsx)"},
    "cmd.export": {"da": "Eksportér", "en": "Export"},
    "cmd.export_help": {"da": "Skriv en status som Markdown, CSV, JSON, HTML, kalender eller Excel",
                        "en": "Write a summary as Markdown, CSV, JSON, HTML, calendar or Excel"},
    "key.palette_bar": {"da": "palet", "en": "palette"},
    "palette.search": {"da": "Søg efter kommandoer…", "en": "Search for commands…"},
    "palette.themes": {"da": "Søg efter farvetemaer…", "en": "Search for themes…"},
    "palette.no_matches": {"da": "Ingen resultater", "en": "No matches found"},
    "key.palette": {"da": "Kommandopalet: åbn en ansat ved navn, {commands}",
                    "en": "Command palette: open a hire by name, {commands}"},
    "key.submit": {"da": "Gem", "en": "Save"},
    "key.cancel": {"da": "Annullér", "en": "Cancel"},
    "screen.hires": {"da": "Ansatte", "en": "Hires"},
    "screen.agenda": {"da": "Frister {days:den|de} næste {days} {days:dag|dage} og overskredne",
                      "en": "Due in the next {days} {days:day|days}, and overdue"},
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
    # a hire's field as its change is shown in the log ("enhed: Afsnit S4 → Afsnit S5")
    "field.name": {"da": "navn", "en": "name"},
    "field.start_date": {"da": "startdato", "en": "start date"},
    "field.checklist": {"da": "tjekliste", "en": "checklist"},
    "field.unit": {"da": "enhed", "en": "unit"},
    "field.mentor": {"da": "mentor", "en": "mentor"},
    "field.hr_contact": {"da": "HR-kontakt", "en": "HR contact"},
    "field.centre_contact": {"da": "kontakt i recoverycentret", "en": "recovery-centre contact"},
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
              "frist ({planned}) · Enter gemmer · Esc annullerer",
        "en": "A date (2027-03-01), a move from the due date now (+2w, -3d, +1m), or empty for the "
              "checklist's date ({planned}) · Enter saves · Escape cancels"},
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
    # the terminal app: a hire's whole life (finish, erase, edit, people, own items, history, sorting)
    "key.finish": {"da": "Afslut forløb", "en": "Finish"},
    "key.reopen": {"da": "Genåbn forløb", "en": "Reopen"},  # f on a finished hire
    "key.show_finished": {"da": "Vis afsluttede", "en": "Show finished"},
    "key.erase": {"da": "Slet ansat", "en": "Erase hire"},
    "key.review": {"da": "Til sletning", "en": "Due for erasure"},
    "key.edit": {"da": "Ret", "en": "Edit"},
    "key.assign": {"da": "Person", "en": "Person"},
    "key.add_item": {"da": "Nyt punkt", "en": "Add item"},
    "key.remove_item": {"da": "Fjern punkt", "en": "Remove item"},
    "key.history": {"da": "Historik", "en": "History"},
    "key.sort": {"da": "Sortér", "en": "Sort"},
    "key.yes": {"da": "Ja", "en": "Yes"},
    "toast.item_added": {"da": "Punkt tilføjet: {item}", "en": "Item added: {item}"},
    "filter.people": {"da": "Filtrér på navn, enhed eller mentor (Esc rydder)",
                      "en": "Filter by name, unit or mentor (Esc clears)"},
    "key.no": {"da": "Nej", "en": "No"},
    "sort.start": {"da": "startdato", "en": "start date"},
    "sort.name": {"da": "navn", "en": "name"},
    "sort.progress": {"da": "fremdrift", "en": "progress"},
    "sort.overdue": {"da": "overskredne", "en": "overdue"},
    "sort.checklist": {"da": "tjeklistens rækkefølge", "en": "checklist order"},
    "sort.due": {"da": "frist", "en": "due date"},
    "sort.by": {"da": "sorteret efter {by}", "en": "sorted by {by}"},
    "dash.finished_shown": {"da": "afsluttede vises", "en": "finished shown"},
    "dash.due_erasure": {"da": "{count} {count:afsluttet ansat|afsluttede ansatte} bør slettes (tryk r)",
                         "en": "{count} finished {count:hire|hires} due for erasure (press r)"},
    "mark.own": {"da": "(eget)", "en": "(own)"},
    # issue 15: the marks explained (?), keys that do nothing, undo, privacy mode, problem rows
    "help.marks": {"da": "Tegn i listerne", "en": "Marks in the lists"},
    "help.hint": {"da": "↑↓ ruller · Esc eller ? lukker", "en": "↑↓ scroll · Escape or ? closes"},
    "help.mark.done": {"da": "udført", "en": "done"},
    "help.mark.skipped": {"da": "ikke relevant", "en": "not applicable"},
    "help.mark.open": {"da": "åben", "en": "open"},
    "help.mark.overdue": {"da": "efter en dato: overskredet", "en": "after a date: overdue"},
    "help.mark.moved": {"da": "efter en dato: flyttet fra tjeklistens dato",
                        "en": "after a date: moved from the checklist's date"},
    "help.mark.note": {"da": "har en note", "en": "has a note"},
    "help.mark.own": {"da": "et punkt kun denne ansatte har (ikke fra tjeklisten)",
                      "en": "an item only this hire has (not from the checklist)"},
    "help.key.panel": {"da": "Til sidepanelet (vejledningen) og tilbage: ↑↓ ruller det",
                       "en": "To the side panel (the guidance) and back: ↑↓ scroll it"},
    "help.report_marks": {"da": "Tegn i søjlerne", "en": "Marks in the bars"},
    "help.report.on_time": {"da": "udført senest på fristen", "en": "done by its due date"},
    "help.report.late": {"da": "udført efter fristen", "en": "done after its due date"},
    "help.report.skipped": {"da": "markeret ikke relevant", "en": "marked not applicable"},
    "help.report.overdue": {"da": "stadig åben efter fristen", "en": "still open after its due date"},
    "why.agenda_looks": {"da": "Fristerne er til at se på: åbn punktet med Enter for at ændre det",
                         "en": "The agenda is for looking: open the item with Enter to change it"},
    "why.retired": {"da": "Udgået fra tjeklisten: punktet kan ikke længere ændres",
                    "en": "Retired from the checklist: it can no longer be changed"},
    "why.heading": {"da": "En fase-overskrift: gå til et punkt", "en": "A phase heading: move to an item"},
    "undo.status": {"da": "Fortrudt for {name}: «{item}» er {status} igen",
                    "en": "Undone on {name}: “{item}” is {status} again"},
    "undo.due": {"da": "Fortrudt for {name}: fristen for «{item}» er tilbage på {date}",
                 "en": "Undone on {name}: due date of “{item}” back to {date}"},
    "undo.note": {"da": "Fortrudt for {name}: noten til «{item}» er som før",
                  "en": "Undone on {name}: the note on “{item}” is as it was"},
    "undo.person": {"da": "Fortrudt for {name}: ansvarlig for «{item}» er igen {person}",
                    "en": "Undone on {name}: the person for “{item}” is {person} again"},
    "private.shown": {"da": "privat visning", "en": "privacy mode"},
    "problem.title": {"da": "En fil kan ikke læses", "en": "A file cannot be read"},
    "problem.conflict_title": {"da": "En modstridende kopi af en registrering",
                               "en": "A conflicting copy of a record"},
    "problem.file": {"da": "Fil", "en": "File"},
    "problem.reason": {"da": "Hvad er galt", "en": "What is wrong"},
    "problem.todo": {"da": "Hvad du kan gøre", "en": "What to do"},
    "problem.validate": {"da": "Se alle fejl i filen: peeronboard validate {path}",
                         "en": "See every problem in the file: peeronboard validate {path}"},
    "problem.merge": {
        "da": "En modstridende kopi: peeronboard merge fletter den ind (eller Ctrl+P, Flet)",
        "en": "A conflicting copy: peeronboard merge puts it into the record (or Ctrl+P, Merge)"},
    "problem.close": {"da": "Esc lukker", "en": "Escape closes"},
    "problem.row": {"da": "⚠ {file} kan ikke læses (Enter: hvad du kan gøre) · {where}{reason}",
                    "en": "⚠ {file} cannot be read (Enter: what to do) · {where}{reason}"},
    "problem.line": {"da": "linje {line}: ", "en": "line {line}: "},
    "prompt.finish": {"da": "Afslut onboardingen af {name}: hvorfor? (valgfrit)",
                      "en": "Finish the onboarding of {name}: why? (optional)"},
    "prompt.finish_hint": {"da": "Fx gennemført, fratrådt, ansættelsen stoppet · Enter afslutter · "
                                 "Esc annullerer",
                           "en": "E.g. completed, left, hiring stopped · Enter finishes · Escape cancels"},
    "toast.finished": {"da": "{name}: afsluttet {date}", "en": "{name}: finished {date}"},
    "toast.reopened": {"da": "{name}: åben igen (var afsluttet {date})",
                       "en": "{name}: open again (was finished {date})"},
    "confirm.erase": {"da": "Slet {name} ({id}) og hele registreringen for altid?",
                      "en": "Erase {name} ({id}) and the whole record for good?"},
    "confirm.erase_yes": {"da": "Ja, slet", "en": "Yes, erase"},
    "confirm.remove_item": {"da": "Fjern punktet «{item}» fra {name}s tjekliste? (loggen husker det)",
                            "en": "Remove the item “{item}” from {name}'s checklist? (the log keeps it)"},
    "confirm.remove_yes": {"da": "Ja, fjern", "en": "Yes, remove"},
    "confirm.no": {"da": "Nej", "en": "No"},
    "confirm.hint": {"da": "j: ja · n, Esc eller Enter på Nej: nej",
                     "en": "y: yes · n, Escape or Enter on No: no"},
    "toast.not_own": {"da": "Kun den ansattes egne punkter kan fjernes",
                      "en": "Only the hire's own items can be removed"},
    "screen.erasure": {"da": "Afsluttet for mere end {months} {months:måned|måneder} siden: bør slettes "
                             "(Del sletter)",
                       "en": "Finished more than {months} {months:month|months} ago: due for erasure "
                             "(Del erases)"},
    "erasure.empty": {"da": "Ingen afsluttede ansatte skal slettes endnu.",
                      "en": "No finished hire is due for erasure."},
    "col.reason": {"da": "Begrundelse", "en": "Reason"},
    "col.what": {"da": "Hvad", "en": "What"},
    "screen.log": {"da": "Historik for {name}", "en": "History of {name}"},
    "screen.entry": {"da": "En ændring i historikken", "en": "A change in the history"},
    "panel.reason": {"da": "Begrundelse", "en": "Reason"},
    "panel.history": {"da": "Seneste ændringer", "en": "Latest changes"},
    "panel.own": {"da": "et af den ansattes egne punkter", "en": "one of the hire's own items"},
    "prompt.due_reason": {"da": "Begrundelse (valgfri, gemmes i historikken)",
                          "en": "Reason (optional, kept in the history)"},
    "prompt.when": {"da": "Frist", "en": "Due"},
    "prompt.skip_note": {"da": "Noten (uændret): {note}", "en": "The note (unchanged): {note}"},
    "prompt.assign": {"da": "Hvem gør «{item}»?", "en": "Who does “{item}”?"},
    "prompt.assign_hint": {
        "da": "Et navn · tomt: personen for rollen ({person}) · Enter gemmer · Esc annullerer",
        "en": "A name · empty: the person for the role ({person}) · Enter saves · Escape cancels"},
    "prompt.assign_role_hint": {
        "da": "Et navn · tomt: ingen navngivet, rollen ({role}) gør det · Enter gemmer · Esc annullerer",
        "en": "A name · empty: no one named, the role ({role}) does it · Enter saves · Escape cancels"},
    "prompt.assign_nobody_hint": {"da": "Et navn · tomt: ingen navngivet · Enter gemmer · Esc annullerer",
                                  "en": "A name · empty: no one named · Enter saves · Escape cancels"},
    "prompt.add_item": {"da": "Et punkt kun for {name}", "en": "An item for {name} only"},
    "prompt.item_title": {"da": "Titel", "en": "Title"},
    "prompt.item_when": {"da": "Frist (valgfri): en dato eller en flytning fra startdatoen (+2w, -3d)",
                         "en": "Due (optional): a date or a move from the start date (+2w, -3d)"},
    "prompt.need_title": {"da": "Skriv en titel", "en": "Enter a title"},
    "prompt.bad_when": {"da": "Skriv en dato som 2027-03-01, en flytning som +2w, eller ingenting",
                        "en": "Type a date like 2027-03-01, a move like +2w, or nothing"},
    "prompt.fields_hint": {"da": "Enter gemmer · Tab skifter felt · Esc annullerer",
                           "en": "Enter saves · Tab moves between fields · Escape cancels"},
    "form.edit_title": {"da": "Ret oplysninger: {name}", "en": "Edit details: {name}"},
    "form.hr": {"da": "HR-kontakt (valgfri)", "en": "HR contact (optional)"},
    "form.centre": {"da": "Kontakt i recoverycentret (valgfri)", "en": "Recovery-centre contact (optional)"},
    "form.same_name": {"da": "Navnet bruges allerede af {hires}; Enter igen gemmer alligevel",
                       "en": "The name is already used by {hires}; Enter again saves anyway"},
    # {kept}: form.kept when some items keep their own due date, else nothing
    "form.moves_later": {"da": "{moving} {moving:åbent punkt|åbne punkter} flyttes {days} {days:dag|dage} "
                               "senere{kept} · Enter igen gemmer",
                         "en": "{moving} open {moving:item moves|items move} {days} {days:day|days} "
                               "later{kept} · Enter again saves"},
    "form.moves_earlier": {"da": "{moving} {moving:åbent punkt|åbne punkter} flyttes {days} {days:dag|dage} "
                                 "tidligere{kept} · Enter igen gemmer",
                           "en": "{moving} open {moving:item moves|items move} {days} {days:day|days} "
                                 "earlier{kept} · Enter again saves"},
    "form.kept": {"da": "; {keeping} beholder {keeping:sin|deres} egen frist",
                  "en": "; {keeping} {keeping:keeps its|keep their} own due date"},
    "toast.edited": {"da": "{name}: oplysninger gemt", "en": "{name}: details saved"},
    "cmd.review": {"da": "Til sletning", "en": "Due for erasure"},
    "cmd.review_help": {"da": "Afsluttede ansatte, hvis opbevaringstid er udløbet: slet dem her",
                        "en": "Finished hires kept past the retention period: erase them here"},
    "cmd.show_finished": {"da": "Vis/skjul afsluttede", "en": "Show/hide finished hires"},
    "cmd.show_finished_help": {"da": "Vis afsluttede ansatte på oversigten med dato og begrundelse",
                               "en": "Show finished hires on the dashboard with date and reason"},
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
                       "+2w eller -3d, eller nulstil",
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
    "err.stdout_closed": {
        "da": "standard-ud er lukket: intet kunne vises, så intet blev gjort",
        "en": "standard output is closed: nothing could be shown, so nothing was done"},
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
    # peeronboard serve: the app in a browser
    "err.serve_remote": {
        "da": "--host {host} kan nås fra andre computere: tilføj --allow-remote for at gøre det (bag en "
              "HTTPS-proxy med login, se README), eller udelad --host, så kun denne computer kan",
        "en": "--host {host} is reachable from other computers: add --allow-remote to serve there (behind "
              "an HTTPS proxy with a login, see the README), or leave --host out for this computer only"},
    "err.serve_port": {"da": "--port skal være mellem 0 og 65535, ikke {port}",
                       "en": "--port must be between 0 and 65535, not {port}"},
    "err.serve_missing": {"da": "serve kræver textual-serve: pip install 'peeronboard[serve]'",
                          "en": "serve needs textual-serve: pip install 'peeronboard[serve]'"},
    "err.serve_bind": {"da": "kan ikke lytte på {host}:{port}: {reason}",
                       "en": "cannot listen on {host}:{port}: {reason}"},
    "serve.open": {"da": "Åbn dette link i en browser (kun den, der har linket, kommer ind; Ctrl+C stopper):"
                         "\n  {link}",
                   "en": "Open this link in a browser (only those who have it get in; Ctrl+C stops):"
                         "\n  {link}"},
    "serve.stopped": {"da": "stoppet; alle faner er lukket", "en": "stopped; every tab is closed"},
    "export.download_name": {"da": "Filnavn (browseren henter filen)",
                             "en": "File name (the browser downloads it)"},
    "export.bad_name": {"da": "Skriv et filnavn uden mappe", "en": "Enter a file name without a folder"},
    "toast.downloading": {"da": "Browseren henter {name}", "en": "The browser downloads {name}"},
    "err.unreadable": {"da": "{problem}", "en": "{problem}"},
    "err.changed_elsewhere": {"da": "'{item}' er ændret et andet sted siden; intet fortrudt",
                              "en": "'{item}' was changed elsewhere since; nothing undone"},
    "err.days": {"da": "--days skal være mellem 0 og {most}", "en": "--days must be between 0 and {most}"},
    # why a value is not right (the reason in err.name, err.date, err.field)
    "why.date_form": {"da": "'{text}' er ikke en dato på formen ÅÅÅÅ-MM-DD",
                      "en": "'{text}' is not a date in the form YYYY-MM-DD"},
    "why.date_real": {"da": "'{text}' er ikke en rigtig dato", "en": "'{text}' is not a real date"},
    "why.date_years": {"da": "{day} ligger uden for årene 1900-2999",
                       "en": "{day} is outside the years 1900-2999"},
    "why.move": {"da": "'{text}' er ikke en dato som 2027-03-01, en flytning som +2w eller -3d, eller "
                       "nulstil",
                 "en": "'{text}' is not a date like 2027-03-01, a move like +2w or -3d, or reset"},
    "why.move_range": {"da": "'{text}' flytter datoen for langt",
                       "en": "'{text}' moves the date out of range"},
    "why.offset": {"da": "'{text}' er ikke en forskydning som -14d, +2w, 3m eller 1y "
                         "(et fortegn, et tal og d, w, m eller y)",
                   "en": "'{text}' is not an offset like -14d, +2w, 3m or 1y "
                         "(a sign, a number, and d, w, m or y)"},
    "why.offset_far": {"da": "'{text}' ligger for langt fra startdatoen (højst 100 år)",
                       "en": "'{text}' is too far from the start date (at most 100 years)"},
    "why.name_empty": {"da": "navnet er tomt", "en": "the name is empty"},
    "why.control_line": {"da": "den indeholder et kontroltegn (fx et linjeskift eller en escape-sekvens)",
                         "en": "it contains a control character (such as a line break or an escape)"},
    "why.control_note": {"da": "den indeholder et kontroltegn (fx en escape-sekvens)",
                         "en": "it contains a control character (such as an escape)"},
    "why.too_long": {"da": "den er længere end {most} tegn", "en": "it is longer than {most:,} characters"},
    # problems in a checklist file (FILE:LINE: message)
    "check.unknown_top": {"da": "ukendt nøgle '{key}' på øverste niveau",
                          "en": "unknown key '{key}' in the top level"},
    "check.unknown": {"da": "ukendt nøgle '{key}' i {where}", "en": "unknown key '{key}' in {where}"},
    "check.missing_top": {"da": "den påkrævede nøgle '{key}' mangler på øverste niveau",
                          "en": "missing required key '{key}' in the top level"},
    "check.missing": {"da": "den påkrævede nøgle '{key}' mangler i {where}",
                      "en": "missing required key '{key}' in {where}"},
    "check.empty": {"da": "{name} er tom", "en": "{name} is empty"},
    "check.no_text": {"da": "{name} har ingen tekst på noget sprog",
                      "en": "{name} has no text in any language"},
    "check.lang_code": {"da": "{name}: '{lang}' er ikke en sprogkode som da eller en",
                        "en": "{name}: '{lang}' is not a language code like da or en"},
    "check.lang_text": {"da": "{name}.{lang} skal være en tekst, der ikke er tom",
                        "en": "{name}.{lang} must be a non-empty string"},
    "check.text_type": {"da": "{name} skal være en tekst eller en tabel med sprog = tekst",
                        "en": "{name} must be a string or a table of language = string"},
    "check.bad_id": {"da": "{name} = {value} er ikke et gyldigt id (små bogstaver, cifre og enkelte "
                           "bindestreger)",
                     "en": "{name} = {value} is not a valid id (lowercase letters, digits and single "
                           "hyphens)"},
    "check.format_type": {"da": "format skal være et helt tal, ikke {value}",
                          "en": "format must be a whole number, not {value}"},
    "check.format_newer": {"da": "format {format} er nyere end denne peeronboard forstår (op til "
                                 "{known}); opgradér peeronboard for at læse den",
                           "en": "format {format} is newer than this peeronboard understands (up to "
                                 "{known}); upgrade peeronboard to read it"},
    "check.version": {"da": "version skal være et helt tal fra 1, ikke {value}",
                      "en": "version must be a whole number from 1, not {value}"},
    "check.phase_tables": {"da": "phases skal skrives som [[phases]]-tabeller",
                           "en": "phases must be written as [[phases]] tables"},
    "check.no_phase": {"da": "en tjekliste skal have mindst én fase",
                       "en": "a checklist needs at least one phase"},
    "check.too_many": {"da": "tjeklisten har {count} punkter; peeronboard kan højst have {most} (en "
                             "rigtig onboarding har nogle tiere): del den op",
                       "en": "the checklist has {count:,} items; peeronboard handles at most {most:,} "
                             "(a real onboarding has tens): split it up"},
    "check.phase_twice": {"da": "fase-id'et '{id}' er brugt to gange", "en": "phase id '{id}' is used twice"},
    "check.item_tables": {"da": "items skal skrives som [[phases.items]]-tabeller",
                          "en": "items must be written as [[phases.items]] tables"},
    "check.item_twice": {"da": "punkt-id'et '{id}' er brugt to gange i denne tjekliste",
                         "en": "item id '{id}' is used twice in this checklist"},
    "check.text_field": {"da": "{field} skal være en tekst, der ikke er tom, ikke {value}",
                         "en": "{field} must be a non-empty string, not {value}"},
    "check.due": {"da": "due: {reason}", "en": "due: {reason}"},
    "check.due_type": {"da": "due skal være en tekst som \"-14d\", ikke {value}",
                       "en": "due must be a string like \"-14d\", not {value}"},
    "check.optional": {"da": "optional skal være true eller false, ikke {value}",
                       "en": "optional must be true or false, not {value}"},
    # problems found in a hire record (record.py), a file of the hires folder (store.py) and a TOML file
    # (tomlsource.py); the English text is what users' scripts grep, so it stays as it is
    "record.missing": {"da": "den påkrævede nøgle '{key}' mangler", "en": "missing required key '{key}'"},
    "record.whole_number": {"da": "{key} skal være et helt tal, ikke {value}",
                            "en": "{key} must be a whole number, not {value}"},
    "record.format_newer": {
        "da": "registreringens format {format} er nyere end denne peeronboard forstår (op til {known}); "
              "opgradér peeronboard. Filen er ikke ændret",
        "en": "record format {format} is newer than this peeronboard understands (up to {known}); upgrade "
              "peeronboard. The file is left as it is"},
    "record.text": {"da": "{key} skal være en tekst, der ikke er tom, ikke {value}",
                    "en": "{key} must be a non-empty string, not {value}"},
    "record.id_pattern": {"da": "id {id} må kun bestå af små bogstaver, cifre og bindestreger",
                          "en": "id {id} must be lowercase letters, digits and hyphens"},
    "record.id_file": {"da": "id {id} passer ikke til filnavnet {file}",
                       "en": "id {id} does not match the file name {file}"},
    "record.outside": {"da": "{key} {day} ligger uden for 1900-2999",
                       "en": "{key} {day} is outside 1900-2999"},
    "record.created": {"da": "created skal være en dato og et klokkeslæt",
                       "en": "created must be a date and time"},
    "record.items": {"da": "items skal skrives som [items.<punkt-id>]-tabeller",
                     "en": "items must be a table of [items.<item-id>] tables"},
    "record.item_table": {"da": "items.{item} skal være en tabel", "en": "items.{item} must be a table"},
    "record.status": {"da": "items.{item}.status skal være en af {statuses}, ikke {value}",
                      "en": "items.{item}.status must be one of {statuses}, not {value}"},
    "record.item_text": {"da": "items.{item}.{key} skal være en tekst, ikke {value}",
                         "en": "items.{item}.{key} must be a string, not {value}"},
    "record.log": {"da": "log skal skrives som [[log]]-tabeller",
                   "en": "log must be written as [[log]] tables"},
    "record.log_entry": {"da": "hver [[log]]-post skal have at (en dato og et klokkeslæt) og action "
                               "(en tekst)",
                         "en": "each [[log]] entry needs at (a date and time) and action (a string)"},
    "record.own": {"da": "own skal skrives som [own.<punkt-id>]-tabeller",
                   "en": "own must be a table of [own.<item-id>] tables"},
    "record.own_id": {"da": "own.{item}: et eget punkts id er own-1, own-2, ... (så det aldrig er det "
                            "samme som et punkt i tjeklisten)",
                      "en": "own.{item}: a one-off item's id is own-1, own-2, ... (so it never clashes "
                            "with a checklist item's)"},
    "record.own_title": {"da": "own.{item} skal have en titel: én linje tekst",
                         "en": "own.{item} needs a title: one line of text"},
    "record.own_texts": {"da": "own.{item}: phase og owner skal være tekster",
                         "en": "own.{item}: phase and owner must be strings"},
    "record.date": {"da": "{key} skal være en dato som 2027-03-01, ikke {value}",
                    "en": "{key} must be a date like 2027-03-01, not {value}"},
    "record.other_created": {"da": "created {theirs}, ikke {ours}", "en": "created {theirs}, not {ours}"},
    "record.other_name": {"da": "et andet navn og intet created-tidsstempel at skelne dem ad",
                          "en": "another name, and no created time stamp to tell them apart"},
    "store.copy": {
        "da": "en konfliktkopi af ansat {id}, lavet da to computere ændrede den samtidig; intet er tabt: "
              "'peeronboard merge' fører dens ændringer ind i {id}.toml",
        "en": "a conflicting copy of hire {id}, made when two computers changed it at the same time; nothing "
              "is lost: 'peeronboard merge' puts its changes into {id}.toml"},
    "store.foreign": {
        "da": "filen siger, at den er ansat {id}, men det vides ikke, om det er samme ansatte som {record} "
              "({why}); den flettes ikke, og intet fjernes: se på begge filer, og omdøb eller fjern den "
              "forkerte",
        "en": "this file says it is hire {id}, but it is not known to be the same hire as {record} "
              "({why}); it is not merged and nothing is removed: look at both files and rename or remove "
              "the wrong one"},
    "store.orphan": {
        "da": "filen siger, at den er ansat {id}, hvis registrering {record} mangler: omdøb den til "
              "{id}.toml for at få den ansatte tilbage, eller fjern den med 'peeronboard erase {id}'",
        "en": "this file says it is hire {id}, whose record {record} is missing: rename it to {id}.toml to "
              "restore the hire, or 'peeronboard erase {id}' removes it"},
    "store.named-copy": {
        "da": "{problem} (efter navnet en kopi af ansat {id}; 'peeronboard erase {id}' fjerner også den)",
        "en": "{problem} (by its name a copy of hire {id}; 'peeronboard erase {id}' removes it too)"},
    "store.cannot_be_read": {"da": "kan ikke læses", "en": "cannot be read"},
    "store.not_a_copy": {"da": "ikke en konfliktkopi af en ansats registrering",
                         "en": "not a conflicting copy of a hire record"},
    "store.record_unreadable": {"da": "registreringen kan ikke læses, så de kan ikke sammenlignes",
                                "en": "the record cannot be read to compare them"},
    "store.merge_failed": {
        "da": "kan ikke flette {copy} ind i denne registrering automatisk ({error}); begge filer er, som "
              "de var",
        "en": "cannot merge {copy} into this record automatically ({error}); both files are left as they "
              "were"},
    "store.edit_failed": {
        "da": "kan ikke opdatere denne registrering automatisk ({error}); filen er, som den var: ret den "
              "i hånden, og kontrollér den med peeronboard validate",
        "en": "cannot update this record automatically ({error}); the file is left as it was: edit it by "
              "hand and check it with peeronboard validate"},
    # what a file is when it is not a regular file, and the other problems of a file's kind or size
    "file.folder": {"da": "en mappe", "en": "a folder"},
    "file.fifo": {"da": "en FIFO (navngivet rør)", "en": "a FIFO (named pipe)"},
    "file.socket": {"da": "en socket", "en": "a socket"},
    "file.device": {"da": "en enhed", "en": "a device"},
    "file.link": {"da": "et symbolsk link", "en": "a symbolic link"},
    "file.irregular": {"da": "ikke en almindelig fil", "en": "not a regular file"},
    "file.not_regular": {"da": "det er {kind}, ikke en almindelig fil",
                         "en": "it is {kind}, not a regular file"},
    "file.too_large": {"da": "den er større end {mib} MiB", "en": "it is larger than {mib} MiB"},
    "file.not_folder": {"da": "det er ikke en mappe", "en": "it is not a folder"},
    "file.never_folders": {"da": "det er en mappe; peeronboard fjerner aldrig mapper",
                           "en": "it is a folder; peeronboard never removes folders"},
    "library.twice": {"da": "tjekliste-id'et '{id}' er også defineret i {other}; denne fil bruges ikke",
                      "en": "checklist id '{id}' is also defined in {other}; this file is ignored"},
    "config.unknown": {"da": "ukendt nøgle '{key}' (kendte: lang, user, retention_months)",
                       "en": "unknown key '{key}' (known: lang, user, retention_months)"},
    "config.lang": {"da": "lang skal være \"da\" eller \"en\", ikke {value}",
                    "en": "lang must be \"da\" or \"en\", not {value}"},
    "config.user": {"da": "user skal være en tekst, der ikke er tom, ikke {value}",
                    "en": "user must be a non-empty string, not {value}"},
    "config.retention": {"da": "retention_months skal være et helt antal måneder fra 1 til {most}, ikke "
                               "{value} (bruger {default})",
                         "en": "retention_months must be a whole number of months from 1 to {most}, not "
                               "{value} (using {default})"},
    "toml.cannot_read": {"da": "kan ikke læses: {reason}", "en": "cannot read: {reason}"},
    "toml.no_file": {"da": "filen findes ikke", "en": "No such file or directory"},
    "toml.no_access": {"da": "adgang nægtet", "en": "Permission denied"},
    "toml.not_utf8": {"da": "ikke UTF-8-tekst (byte 0x{byte})", "en": "not UTF-8 text (byte 0x{byte})"},
    "toml.too_deep": {"da": "værdierne er indlejret for dybt (mere end {levels} niveauer)",
                      "en": "values are nested too deeply (more than {levels} levels)"},
    "toml.syntax": {"da": "TOML-syntaks: {reason}", "en": "TOML syntax: {reason}"},
    "toml.at_end": {"da": "{reason} ved filens slutning", "en": "{reason} at end of file"},
    # the TOML parser's own messages (tomli, as Python 3.11's tomllib); {name} is the key that it
    # writes as {key}, ('a', 'b')
    "toml.invalid_statement": {"da": "linjen er hverken en nøgle = værdi eller en [tabel]",
                               "en": "Invalid statement"},
    "toml.newline_expected": {"da": "efter en nøgle = værdi eller en [tabel] skal linjen slutte",
                              "en": "Expected newline or end of document after a statement"},
    "toml.expected": {"da": "mangler {expected}", "en": "Expected {expected}"},
    "toml.invalid_character": {"da": "ugyldigt tegn {char}", "en": "Found invalid character {char}"},
    "toml.declared_twice": {"da": "tabellen [{name}] er angivet to gange",
                            "en": "Cannot declare {key} twice"},
    "toml.overwrite": {"da": "værdien er allerede angivet og kan ikke overskrives",
                       "en": "Cannot overwrite a value"},
    "toml.table_end": {"da": "mangler ']' i slutningen af [tabel]-overskriften",
                       "en": "Expected ']' at the end of a table declaration"},
    "toml.immutable": {"da": "nøglen {name} er skrevet som én samlet værdi og kan ikke udvides",
                       "en": "Cannot mutate immutable namespace {key}"},
    "toml.array_end": {"da": "mangler ']]' i slutningen af [[tabel]]-overskriften",
                       "en": "Expected ']]' at the end of an array declaration"},
    "toml.redefine": {"da": "tabellen [{name}] er allerede angivet og kan ikke angives igen",
                      "en": "Cannot redefine namespace {key}"},
    "toml.equals_expected": {"da": "mangler '=' efter nøglen (nøgle = værdi)",
                             "en": "Expected '=' after a key in a key/value pair"},
    "toml.key_start": {"da": "en nøgle begynder med et ugyldigt tegn",
                       "en": "Invalid initial character for a key part"},
    "toml.unclosed_array": {"da": "en liste mangler sin afsluttende ']'", "en": "Unclosed array"},
    "toml.inline_key_twice": {"da": "nøglen {stem} står to gange i samme {{ … }}-tabel",
                              "en": "Duplicate inline table key {stem}"},
    "toml.unclosed_inline_table": {"da": "en {{ … }}-tabel mangler sin afsluttende '}}'",
                                   "en": "Unclosed inline table"},
    "toml.unescaped_backslash": {"da": "en '\\' i en tekst skal skrives som '\\\\'",
                                 "en": "Unescaped '\\' in a string"},
    "toml.hex": {"da": "ugyldig hex-værdi efter \\u eller \\U", "en": "Invalid hex value"},
    "toml.not_scalar": {"da": "det kodede tegn er ikke et gyldigt Unicode-tegn",
                        "en": "Escaped character is not a Unicode scalar value"},
    "toml.unterminated": {"da": "en tekst mangler sit afsluttende anførselstegn",
                          "en": "Unterminated string"},
    "toml.illegal_character": {"da": "tegnet {char} er ikke tilladt her", "en": "Illegal character {char}"},
    "toml.invalid_date": {"da": "ugyldig dato eller tidspunkt", "en": "Invalid date or datetime"},
    "toml.invalid_value": {"da": "ugyldig værdi", "en": "Invalid value"},
}


def say(key: str, lang: str, /, **params: object) -> str:
    """The message ``key`` in ``lang`` (Danish or English), with ``params`` filled in.

    A whole number fills ``{count}`` as usual and ``{count:hire|hires}`` with the word for one or for
    any other number; a ``Phrase`` is said in ``lang`` too."""
    texts = MESSAGES[key]
    return texts.get(lang, texts["en"]).format(**{name: _in_lang(value, lang)
                                                  for name, value in params.items()})


def _in_lang(value: object, lang: str) -> object:
    said = getattr(value, "said", None)  # a Phrase, or a Problem whose message is one
    if callable(said):
        return said(lang)
    if isinstance(value, int) and not isinstance(value, bool):
        return _Count(value)
    return value


class _Count(int):
    """A number in a message: the format ``one|many`` gives the word for its count."""

    def __format__(self, spec: str) -> str:
        if "|" in spec:
            one, many = spec.split("|", 1)
            return one if self == 1 else many
        return int.__format__(self, spec)


class Phrase(str):
    """A message kept with its key and values: as a string it is the English text (so a caller that
    knows nothing of it sees no change), and ``said(lang)`` gives it in any language; ``say`` does
    that for a Phrase among its values (an error's reason, a checklist problem)."""

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, /, **params: object) -> Phrase:
        phrase = super().__new__(cls, say(key, "en", **params))
        phrase.key, phrase.params = key, params
        return phrase

    def said(self, lang: str) -> str:
        return say(self.key, lang, **self.params)

    def __reduce__(self) -> tuple[object, ...]:  # copied or pickled whole, not as its English text
        return _phrase, (self.key, self.params)


def _phrase(key: str, params: dict[str, object]) -> Phrase:
    return Phrase(key, **params)


def in_lang(text: str, lang: str) -> str:
    """``text`` in ``lang`` when it is a Phrase; other text as it is."""
    return text.said(lang) if isinstance(text, Phrase) else text


def owner_word(owner: str | None, lang: str) -> str:
    """The usual owners (leader, mentor, hr, peer, centre, staff, coordinator) in ``lang``; other text
    as written."""
    if not owner:
        return ""
    key = f"owner.{owner.lower()}"
    return say(key, lang) if key in MESSAGES else owner


def system_language() -> str:
    """Danish when the system's language is Danish, otherwise English. As gettext does, the first of
    LANGUAGE (a list such as ``da:en``: its first language peeronboard speaks), LC_ALL, LC_MESSAGES
    and LANG that is set decides."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            spoken = [code for code in (part[:2].lower() for part in value.split(":")) if code in LANGUAGES]
            return "da" if spoken[:1] == ["da"] else "en"
    try:
        import locale  # only when nothing else names the language

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
