"""Danish everywhere: the reasons behind an error, checklist problems, counts of one, --help, the locale."""

from __future__ import annotations

from pathlib import Path

import pytest

from peeronboard.i18n import say, system_language

from .conftest import run_process

BAD_CHECKLIST = """format = 1
id = "mine"
title = "Mine"
colour = "red"

[[phases]]
id = "before"
title = "Before"

[[phases.items]]
id = "first"
title = "First"
due = "soon"

[[phases.items]]
id = "first"
title = ""
"""


# --- the reasons behind an error, in Danish -----------------------------------------------------

def test_an_empty_name_is_explained_in_danish(cli) -> None:
    result = cli("--lang", "da", "add", "   ", "--start", "2027-02-01", "--checklist", "sample")
    assert result.code == 1
    assert "navn: navnet er tomt" in result.err, result.err
    assert "the name" not in result.err


def test_a_name_with_an_escape_is_explained_in_danish(cli) -> None:
    result = cli("--lang", "da", "add", "Anna\x1b[31m", "--start", "2027-02-01", "--checklist", "sample")
    assert result.code == 1 and "kontroltegn" in result.err, result.err


def test_the_english_reason_is_unchanged(cli) -> None:
    result = cli("add", "   ", "--start", "2027-02-01", "--checklist", "sample")
    assert result.err.strip() == "peeronboard: name: the name is empty"


@pytest.mark.parametrize(("start", "danish"), [
    ("2027-02-30", "--start: '2027-02-30' er ikke en rigtig dato"),
    ("1.2.2027", "--start: '1.2.2027' er ikke en dato på formen ÅÅÅÅ-MM-DD"),
])
def test_a_bad_start_date_is_explained_in_danish(cli, start: str, danish: str) -> None:
    result = cli("--lang", "da", "add", "Anna", "--start", start, "--checklist", "sample")
    assert result.code == 1 and danish in result.err, result.err


def test_a_finish_date_out_of_range_is_explained_in_danish(cli, hire: str) -> None:
    result = cli("--lang", "da", "finish", hire, "--on", "1850-05-01")
    assert result.code == 1
    assert "--on: 1850-05-01 ligger uden for årene 1900-2999" in result.err, result.err


def test_a_bad_on_date_when_ticking_is_explained_in_danish(cli, hire: str) -> None:
    result = cli("--lang", "da", "check", hire, "appoint-mentor", "--on", "2027-13-01")
    assert result.code == 1 and "--on: '2027-13-01' er ikke en rigtig dato" in result.err, result.err


# --- checklist problems ------------------------------------------------------------------------

def test_checklist_problems_are_reported_in_danish(cli, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(BAD_CHECKLIST, encoding="utf-8")
    result = cli("--lang", "da", "validate", str(path))
    assert result.code == 1
    lines = result.err.splitlines()
    assert f"{path}:4: ukendt nøgle 'colour' på øverste niveau" in lines, result.err
    assert any(line.startswith(f"{path}:") and "due: 'soon' er ikke en forskydning" in line
               for line in lines), result.err
    assert any("punkt-id'et 'first' er brugt to gange i denne tjekliste" in line for line in lines), result.err
    assert any("phases[0].items[1].title er tom" in line for line in lines), result.err


def test_checklist_problems_stay_in_english_by_default(cli, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(BAD_CHECKLIST, encoding="utf-8")
    lines = cli("validate", str(path)).err.splitlines()
    assert f"{path}:4: unknown key 'colour' in the top level" in lines
    assert any("item id 'first' is used twice in this checklist" in line for line in lines)


def test_a_broken_checklist_folder_warns_in_danish(cli, tmp_path: Path) -> None:
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "mine.toml").write_text(BAD_CHECKLIST, encoding="utf-8")
    result = cli("--lang", "da", "--checklists", str(folder), "checklists")
    assert "ukendt nøgle 'colour' på øverste niveau" in result.err, result.err


# --- counts of one ---------------------------------------------------------------------------

def test_exporting_one_hire_says_hire(cli, hire: str, tmp_path: Path) -> None:
    english = cli("export", "--format", "md", "-o", str(tmp_path / "a.md"))
    assert f"Exported 1 hire to {tmp_path / 'a.md'}" in english.out, english.out
    danish = cli("--lang", "da", "export", "--format", "md", "-o", str(tmp_path / "b.md"))
    assert f"Eksporteret 1 ansat til {tmp_path / 'b.md'}" in danish.out, danish.out


@pytest.mark.parametrize(("key", "lang", "params", "expected"), [
    ("exported", "en", {"count": 2, "path": "x"}, "Exported 2 hires to x"),
    ("exported", "da", {"count": 2, "path": "x"}, "Eksporteret 2 ansatte til x"),
    ("report.title", "en", {"hires": 1, "finished": ""}, "Where onboarding falls through: 1 hire"),
    ("report.title", "da", {"hires": 1, "finished": ""}, "Hvor onboardingen glipper: 1 ansat"),
    ("agenda.empty", "da", {"days": 1}, "Intet forfalder den næste 1 dag, og intet er overskredet."),
    ("agenda.empty", "en", {"days": 1}, "Nothing due in the next 1 day, and nothing overdue."),
    ("retention.none", "en", {"months": 1}, "No finished hire is due for erasure (kept for 1 month)."),
    ("retention.heading", "da", {"months": 1},
     "Afsluttet for 1 måned siden eller mere; slet dem med 'peeronboard erase HIRE':"),
    ("edit.moves", "en", {"moving": 1, "kept": "; 1 keeps its own due date", "days": 1, "way": "later"},
     "1 open item moves 1 day later; 1 keeps its own due date"),
    ("edit.moves", "da", {"moving": 1, "kept": "", "days": 1, "way": "senere"},
     "1 åbent punkt flyttes 1 dag senere"),
    ("form.kept", "en", {"keeping": 1}, "; 1 keeps its own due date"),
    ("form.kept", "da", {"keeping": 2}, "; 2 beholder deres egen frist"),
    ("form.moves_later", "en", {"moving": 1, "kept": "", "days": 1},
     "1 open item moves 1 day later · Enter again saves"),
    ("form.moves_earlier", "da", {"moving": 1, "kept": "; 1 beholder sin egen frist", "days": 3},
     "1 åbent punkt flyttes 3 dage tidligere; 1 beholder sin egen frist · Enter igen gemmer"),
    ("form.kept", "da", {"keeping": 1}, "; 1 beholder sin egen frist"),
    ("erased.count", "en", {"id": "k4m9tx", "count": 1},
     "Erased k4m9tx (1 file overwritten with zeros and removed)."),
    ("erased.count", "da", {"id": "k4m9tx", "count": 1},
     "Slettet: k4m9tx (1 fil overskrevet med nuller og fjernet)."),
    ("merged", "en", {"copy": "c", "id": "i", "name": "n", "entries": 1, "items": 1},
     "Merged c into i (n): 1 log entry, 1 item changed"),
    ("merged", "da", {"copy": "c", "id": "i", "name": "n", "entries": 1, "items": 2},
     "c er flettet ind i i (n): 1 logpost, 2 punkter ændret"),
    ("dash.due_erasure", "en", {"count": 1}, "1 finished hire due for erasure (press r)"),
    ("dash.due_erasure", "da", {"count": 1}, "1 afsluttet ansat bør slettes (tryk r)"),
    ("err.report_small_unit", "en", {"unit": "S4", "count": 1, "least": 3},
     "unit 'S4' has only 1 hire (fewer than 3); the report would single people out"),
    ("no_hires.active", "en", {"count": 1},
     "No hires being onboarded; 'peeronboard list --all' also shows the 1 finished."),
])
def test_a_count_of_one_is_said_in_the_singular(key: str, lang: str, params: dict[str, object],
                                                 expected: str) -> None:
    assert say(key, lang, **params) == expected


# --- which language ------------------------------------------------------------------------------

@pytest.mark.parametrize(("environment", "expected"), [
    ({"LANGUAGE": "da:en", "LANG": "en_US.UTF-8"}, "da"),
    ({"LANGUAGE": "en:da", "LANG": "da_DK.UTF-8"}, "en"),
    ({"LANGUAGE": "sv:da", "LANG": "en_US.UTF-8"}, "da"),  # the first language peeronboard speaks
    ({"LANG": "da_DK.UTF-8"}, "da"),
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "da_DK.UTF-8"}, "en"),
])
def test_the_system_language_reads_language_first_as_gettext_does(
        monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: str) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert system_language() == expected


def test_language_da_en_with_an_english_locale_speaks_danish() -> None:
    result = run_process("list", env={"PEERONBOARD_LANG": "", "LC_ALL": "", "LC_MESSAGES": "",
                                      "LANGUAGE": "da:en", "LANG": "en_US.UTF-8"})
    assert result.returncode == 0 and "Ingen ansatte endnu" in result.stdout, result.stdout


# --- --help -------------------------------------------------------------------------------------

def test_help_in_danish_has_danish_headings(cli) -> None:
    shown = cli("--lang", "da", "add", "--help")
    assert shown.code == 0
    assert shown.out.startswith("brug: peeronboard add"), shown.out
    assert "tilvalg:" in shown.out and "vis denne hjælp og afslut" in shown.out
    assert "options:" not in shown.out and "usage:" not in shown.out


def test_a_usage_error_in_danish(cli) -> None:
    result = cli("--lang", "da", "add", "Anna")
    assert result.code == 2
    assert "fejl: følgende argumenter mangler: --start" in result.err, result.err


def test_help_in_english_is_argparse_s_own(cli) -> None:
    shown = cli("add", "--help")
    assert shown.out.startswith("usage: peeronboard add") and "options:" in shown.out
    assert "show this help message and exit" in shown.out
