"""The exports opened in the programs people use (issue #16): the CSV and the workbook in LibreOffice
(with the options its import dialog pre-selects), each calendar in ``icalendar``, the Markdown in
markdown-it-py's GFM mode, and the page printed to PDF by headless Chromium and read back with
pdftotext. ``.ci/run`` installs the programs; a test skips only where one cannot be installed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from peeronboard.dates import today
from peeronboard.exports.formats import ExportOptions, export_bytes, export_text
from peeronboard.library import ChecklistLibrary
from peeronboard.onboarding import Onboarding
from peeronboard.paths import builtin_checklists_dir
from peeronboard.progress import HireProgress
from peeronboard.store import HireStore

from .conftest import DATA

GENERATED = dt.datetime(2027, 1, 20, 9, 30, tzinfo=dt.UTC)
ANNA = "Anna Ærø Åberg, Jensen"  # a comma in a name
LINKS = "se http://x og www.example.com, jobnet.dk eller skriv til hr@region.dk"
ENTITIES = "R&amp;D &copy; &#169; <b>fed</b> *stjerne* _streg_ ~~væk~~ `kode` [link](http://y)"
NOTE = 'Mette siger "ja", gerne; kl. 10\tfredag'  # comma, semicolon, quote and tab in one note
FORMULA = "=HYPERLINK(\"http://evil\";\"klik\")"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SOFFICE = shutil.which("soffice")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")
# LibreOffice's CSV import as its dialog opens a UTF-8 file: tab, comma and semicolon ticked, '"'
# quotes, UTF-8 (76), from line 1, standard column types, Danish (1030), no "quoted field as text",
# no "detect special numbers"; and, hostile on purpose, "evaluate formulas" on (the 13th token)
CSV_FILTER = "Text - txt - csv (StarCalc):9/44/59,34,76,1,,1030,false,false,false,false,false,-1,true"
needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                                                               "apt-get install libreoffice-calc-nogui")
needs_chromium = pytest.mark.skipif(CHROMIUM is None or PDFTOTEXT is None,
                                    reason="chromium or pdftotext is not installed: "
                                           "apt-get install chromium poppler-utils")


def options(lang: str = "da", **changes: object) -> ExportOptions:
    fields: dict = {"lang": lang, "today": dt.date(2027, 1, 20), "generated": GENERATED, **changes}
    return ExportOptions(**fields)


@pytest.fixture
def onboarding(data_dir: Path) -> Onboarding:
    library = ChecklistLibrary.discover([builtin_checklists_dir(), DATA])
    return Onboarding(HireStore(data_dir), library, "Lise Holm", today)


@pytest.fixture
def hires(onboarding: Onboarding) -> list[HireProgress]:
    """Anna (a comma in her name, a unit with a semicolon, notes full of separators, links and
    entities, an item moved, one done by a formula-like name) and a hire whose mentor is a formula."""
    anna = onboarding.add(ANNA, dt.date(2027, 2, 1), None, "Afsnit S4; Aalborg", "Mette, Ø")
    onboarding.check(anna, "appoint-mentor", on=dt.date(2026, 11, 2), note=NOTE)
    onboarding.skip(anna, "draft-employment-contract", ENTITIES)
    onboarding.check(anna, "write-and-share-job-posting", on=dt.date(2026, 11, 9), by="=HR+1")
    onboarding.note(anna, "order-workstation-and-equipment", LINKS)
    onboarding.set_due(anna, "order-workstation-and-equipment", "2027-02-20")
    onboarding.add("Bo Ågård", dt.date(2027, 1, 10), "sample", "+45 1234", FORMULA)
    return onboarding.all_progress()[0]


def soffice_to_xlsx(source: Path, tmp_path: Path, infilter: str | None = None) -> Path:
    """``source`` opened by LibreOffice headless (with the import filter options) and saved as xlsx."""
    out = tmp_path / "converted"
    command = [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
               "--convert-to", "xlsx", "--outdir", str(out), str(source)]
    if infilter:
        command[3:3] = [f"--infilter={infilter}"]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    return out / f"{source.stem}.xlsx"


def sheet_cells(path: Path, sheet: int = 0) -> list[list[tuple[object, str]]]:
    """Each row of a sheet as (value, openpyxl's data type: s text, n number, d date, f formula)."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    return [[(cell.value, cell.data_type) for cell in row] for row in book.worksheets[sheet].iter_rows()]


def as_typed(value: object) -> str:
    """A cell LibreOffice read, as the CSV wrote it: a date as ISO, an empty cell as ''."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return "" if value is None else str(value)


@needs_libreoffice
def test_libreoffice_opens_the_csv_with_every_cell_in_its_column(hires: list[HireProgress],
                                                                 tmp_path: Path) -> None:
    data = export_bytes("csv", hires, options())
    source = tmp_path / "summary.csv"
    source.write_bytes(data)
    written = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    opened = sheet_cells(soffice_to_xlsx(source, tmp_path, CSV_FILTER))
    assert len(opened) == len(written)
    for typed, cells in zip(written, opened, strict=True):
        assert [as_typed(value) for value, _ in cells][:len(typed)] == typed  # every cell in its column
        assert all(value is None for value, _ in cells[len(typed):])
        assert not any(kind == "f" for _, kind in cells)  # a guarded cell is never a formula
        dates = [kind for text, (_, kind) in zip(typed, cells, strict=False) if ISO_DATE.match(text)]
        assert set(dates) <= {"d"}  # dates are dates
    names = {value for row in opened[1:] for value, _ in row[1:2]}
    assert names == {ANNA, "Bo Ågård"}  # Æ Ø Å intact, the comma inside the name
    anna = {row[6][0]: row for row in opened if row[1][0] == ANNA}
    assert anna["appoint-mentor"][13][0] == NOTE
    assert anna["write-and-share-job-posting"][12][0] == "'=HR+1"
    moved = anna["order-workstation-and-equipment"][18]
    assert moved[0] is not None and moved[1] == "d"


@needs_libreoffice
def test_libreoffice_opens_the_workbook_with_dates_and_text_as_written(hires: list[HireProgress],
                                                                      tmp_path: Path) -> None:
    source = tmp_path / "summary.xlsx"
    source.write_bytes(export_bytes("xlsx", hires, options()))
    saved = tmp_path / "again"
    saved.mkdir()
    opened = soffice_to_xlsx(source.rename(saved / "summary.xlsx"), tmp_path)
    rows = sheet_cells(opened)
    assert [value for value, _ in rows[0]][:3] == ["Ansat-id", "Navn", "Enhed"]
    assert not any(kind == "f" for row in rows for _, kind in row)
    bo = [row for row in rows if row[1][0] == "Bo Ågård"]
    assert bo and all(row[17][0] == FORMULA and row[2][0] == "+45 1234" for row in bo)  # as typed
    assert all(row[3][1] == "d" and row[9][1] == "d" for row in rows[1:])  # start and due: dates
    hires_sheet = sheet_cells(opened, 1)
    assert {row[1][0] for row in hires_sheet[1:]} == {ANNA, "Bo Ågård"}


def test_every_calendar_passes_icalendar_validation(hires: list[HireProgress]) -> None:
    import icalendar

    for chosen in (hires, hires[:1], [], *([h] for h in hires)):
        for only in (None, "open", "overdue"):
            calendar = icalendar.Calendar.from_ical(export_text("ics", chosen, options(only=only)))
            calendar.validate()  # a component always, never an empty calendar
            for event in calendar.walk("VEVENT"):
                assert {"UID", "DTSTAMP", "DTSTART", "SEQUENCE", "STATUS"} <= set(event)


def _events(cli) -> dict[str, object]:
    import icalendar

    result = cli("export", "--format", "ics")
    assert result.code == 0, result.err
    calendar = icalendar.Calendar.from_ical(result.out)
    calendar.validate()
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_a_tick_exported_again_updates_the_same_entry_as_cancelled(cli, hire: str) -> None:
    before = _events(cli)
    uid = f"{hire}-order-workstation@peeronboard"
    assert before[uid]["STATUS"] == "CONFIRMED"
    assert cli("check", hire, "order-workstation").code == 0
    after = _events(cli)  # the records come from the index, without their log: it is loaded
    assert set(after) == set(before)  # the done item is still there, to be updated
    assert after[uid]["STATUS"] == "CANCELLED"
    assert int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"])
    assert cli("skip", hire, "peer-training", "--reason", "not needed").code == 0
    again = _events(cli)
    skipped = f"{hire}-peer-training@peeronboard"
    assert again[skipped]["STATUS"] == "CANCELLED"
    assert int(again[skipped]["SEQUENCE"]) > int(after[skipped]["SEQUENCE"])


def test_the_calendar_names_the_checklist_by_its_title(hires: list[HireProgress]) -> None:
    import icalendar

    calendar = icalendar.Calendar.from_ical(export_text("ics", hires, options("en")))
    descriptions = {str(event["DESCRIPTION"]).split("\n")[0] for event in calendar.walk("VEVENT")}
    assert descriptions == {"Checklist: Checklist for hiring a peer worker", "Checklist: Sample list"}


class _Rendered(HTMLParser):
    """The tags and the text of rendered Markdown."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_markdown_rendered_as_gfm_shows_user_text_as_typed(onboarding: Onboarding) -> None:
    from markdown_it import MarkdownIt

    hire = onboarding.add(f"{ENTITIES} www.peer.dk", dt.date(2027, 2, 1), "sample", mentor="a@b.dk")
    onboarding.note(hire, "appoint-mentor", LINKS)
    onboarding.note(hire, "order-workstation", ENTITIES)
    progress = onboarding.progress(onboarding.find(hire.id))
    page = _Rendered()
    page.feed(MarkdownIt("gfm-like").render(export_text("md", [progress], options("en"))))
    text = "".join(page.text)
    assert not {"a", "b", "code", "img"} & set(page.tags)  # (em, strong and del are the summary's own)
    assert f"{ENTITIES} www.peer.dk" in text  # the heading, as typed
    assert f"Note: {LINKS}" in text and f"Note: {ENTITIES}" in text
    assert "Mentor: a@b.dk" in text


def _print_to_pdf(html: bytes, tmp_path: Path) -> Path:
    page, pdf = tmp_path / "summary.html", tmp_path / "summary.pdf"
    page.write_bytes(html)
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run",
                    f"--user-data-dir={tmp_path / 'chromium-profile'}", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()], check=True, capture_output=True, timeout=180)
    return pdf


def _pages(pdf: Path) -> list[list[str]]:
    """Each printed page's non-empty lines, as pdftotext reads them."""
    text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")
            if page.strip()]


@needs_chromium
def test_the_printed_page_names_its_hire_on_every_page_and_ends_no_page_with_a_heading(
        onboarding: Onboarding, tmp_path: Path) -> None:
    names = ("Bodil Ærø Østergård", "Carl Nielsen")
    for name in names:
        hire = onboarding.add(name, dt.date(2027, 2, 1), "peermedarbejder-udvidet", mentor="Mette")
        for item in onboarding.progress(hire).items[::3]:
            onboarding.note(hire, item.item_id, "Første linje\nanden linje\ntredje linje, og så en lang "
                                                "tekst der fylder godt op på siden " * 2)
    hires = onboarding.all_progress()[0]
    pages = _pages(_print_to_pdf(export_bytes("html", hires, options()), tmp_path))
    assert len(pages) > 4
    owners = [[name for name in names if any(name in line for line in lines)] for lines in pages]
    assert all(len(named) == 1 for named in owners), owners  # every page names its hire, one only
    assert [named[0] for named in owners] == sorted(named[0] for named in owners)
    checklist = hires[0].checklist
    assert checklist is not None
    headings = [phase.title.in_lang("da") for phase in checklist.phases]
    last_lines = [lines[-1] for lines in pages]
    assert not [line for line in last_lines if line.startswith(tuple(headings))]
