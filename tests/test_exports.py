"""Exports: golden files per format in both languages, and each format read back the way the
program a user opens it in would read it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import os
import secrets
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peeronboard.dates import today
from peeronboard.exports import spreadsheet
from peeronboard.exports.formats import FORMATS, TEXT_FORMATS, ExportOptions, export_text
from peeronboard.library import ChecklistLibrary
from peeronboard.onboarding import Onboarding
from peeronboard.paths import builtin_checklists_dir
from peeronboard.progress import HireProgress
from peeronboard.store import HireStore

from .conftest import DATA

GOLDEN = Path(__file__).parent / "golden"
SCHEMA = Path(__file__).parent.parent / "peeronboard" / "exports" / "schema.json"
GENERATED = dt.datetime(2027, 1, 20, 9, 30, tzinfo=dt.UTC)
HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def hires(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> list[HireProgress]:
    letters = itertools.cycle("abcdefghjkmnpqrstuvwxyz")
    monkeypatch.setattr(secrets, "choice", lambda alphabet: next(letters))  # ids the golden files know
    library = ChecklistLibrary.discover([builtin_checklists_dir(), DATA])
    onboarding = Onboarding(HireStore(data_dir), library, "Lise Holm", today)
    anna = onboarding.add("Anna Ærø Jensen", dt.date(2027, 2, 1), None, "Afsnit S4; Aalborg", "Mette")
    anna = onboarding.check(anna, "appoint-mentor", on=dt.date(2026, 11, 2), note='Mette siger "ja", gerne')
    anna = onboarding.skip(anna, "draft-employment-contract", "HR står for kontrakten")
    onboarding.check(anna, "write-and-share-job-posting", on=dt.date(2026, 11, 9), by="=HR+1")
    hostile = onboarding.add(HOSTILE, dt.date(2027, 1, 10), "sample", "=SUM(A1:A9)")
    onboarding.note(hostile, "order-workstation", "<b>bold</b> & \\\\ ; , line")
    return onboarding.all_progress()[0]


def options(lang: str, **changes: object) -> ExportOptions:
    fields: dict = {"lang": lang, "today": dt.date(2027, 1, 20), "generated": GENERATED, **changes}
    return ExportOptions(**fields)


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_export_matches_its_golden_file(hires: list[HireProgress], fmt: str, lang: str) -> None:
    text = export_text(fmt, hires, options(lang))
    golden = GOLDEN / f"summary.{lang}{FORMATS[fmt][1]}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(text.encode("utf-8"))
    assert text.encode("utf-8") == golden.read_bytes(), f"{golden.name} differs; UPDATE_GOLDEN=1 to renew"


def test_csv_reads_back_in_semicolon_mode_with_formulas_neutralised(hires: list[HireProgress]) -> None:
    text = export_text("csv", hires, options("da"))
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["Ansat-id", "Navn", "Enhed"] and len(header) == 19
    assert header[13:] == ["Note", "Begrundelse", "Person", "Type", "Mentor", "Flyttet fra"]  # added at the end
    assert len(body) == 11 + 4  # one row per item per hire
    hostile_rows = [r for r in body if r[1] == HOSTILE]
    assert hostile_rows and all(r[2] == "'=SUM(A1:A9)" for r in hostile_rows)
    anna = {r[6]: r for r in body if r[1] == "Anna Ærø Jensen"}
    assert anna["appoint-mentor"][13] == 'Mette siger "ja", gerne'
    assert anna["write-and-share-job-posting"][12] == "'=HR+1"
    assert anna["draft-employment-contract"][10] == "ikke relevant"
    assert anna["draft-employment-contract"][14] == "HR står for kontrakten"
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in body for cell in row)
    assert {r[17] for r in anna.values()} == {"Mette"} and {r[17] for r in hostile_rows} == {""}


def _split_on_any_separator(line: str) -> list[str]:
    """A line as LibreOffice's default import reads it: tab, comma and semicolon all separate cells,
    and a quoted cell is one cell (with ``""`` for a quote)."""
    cells, current, quoted, index = [], "", False, 0
    while index < len(line):
        char = line[index]
        if quoted and char == '"' and line[index + 1:index + 2] == '"':
            current, index = current + '"', index + 1
        elif char == '"':
            quoted = not quoted
        elif not quoted and char in ";,\t":
            cells, current = [*cells, current], ""
        else:
            current += char
        index += 1
    return [*cells, current]


def test_csv_keeps_every_cell_in_its_column_when_comma_and_tab_separate_too(hires: list[HireProgress]) -> None:
    text = export_text("csv", hires, options("en"))
    lines = text.removeprefix("\ufeff").removesuffix("\r\n").split("\r\n")
    rows = [_split_on_any_separator(line) for line in lines]
    assert {len(cells) for cells in rows} == {19}
    anna = {r[6]: r for r in rows if r[1] == "Anna Ærø Jensen"}
    assert anna["appoint-mentor"][13] == 'Mette siger "ja", gerne'  # a comma in a note
    assert anna["appoint-mentor"][2] == "Afsnit S4; Aalborg"


def test_csv_names_the_date_an_item_was_moved_from(data_dir: Path) -> None:
    library = ChecklistLibrary.discover([builtin_checklists_dir(), DATA])
    onboarding = Onboarding(HireStore(data_dir), library, "Lise Holm", today)
    anna = onboarding.add("Anna", dt.date(2027, 2, 1), "sample", mentor="Mette")
    onboarding.set_due(anna, "order-workstation", "2027-02-20")
    progress = onboarding.progress(onboarding.find(anna.id))
    rows = list(csv.reader(io.StringIO(export_text("csv", [progress], options("en"))[1:], newline=""),
                           delimiter=";"))
    moved = {r[6]: (r[9], r[18]) for r in rows[1:]}
    planned = next(v.planned for v in progress.items if v.item_id == "order-workstation")
    assert moved["order-workstation"] == ("2027-02-20", planned.isoformat())
    assert all(moved_from == "" for item, (_, moved_from) in moved.items() if item != "order-workstation")


def test_json_follows_its_documented_schema(hires: list[HireProgress]) -> None:
    import jsonschema

    document = json.loads(export_text("json", hires, options("en")))
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")),
                        format_checker=jsonschema.FormatChecker())  # dates are real dates too
    assert document["format"] == 1 and len(document["hires"]) == 2
    anna = next(h for h in document["hires"] if h["name"] == "Anna Ærø Jensen")
    assert (anna["done"], anna["skipped"]) == (2, 1)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_shows_user_text_as_text_and_loads_nothing(hires: list[HireProgress]) -> None:
    page = _Page()
    page.feed(export_text("html", hires, options("en")))
    assert "script" not in page.tags and "b" not in page.tags
    assert HOSTILE in page.text
    assert any("<b>bold</b>" in chunk for chunk in page.text)
    assert not any(name in ("src", "href") for name, _ in page.attrs)
    assert page.tags.count("section") == 2 and page.tags.count("h2") == 4  # two phases each


def _unfold(text: str) -> list[str]:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    raw = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in raw)
    lines: list[str] = []
    for line in raw:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def test_ics_parses_back_with_folding_crlf_and_stable_uids(hires: list[HireProgress]) -> None:
    first = _unfold(export_text("ics", hires, options("da")))
    again = _unfold(export_text("ics", hires, options("da", generated=GENERATED + dt.timedelta(days=1))))
    events = [line for line in first if line == "BEGIN:VEVENT"]
    assert len(events) == sum(1 for h in hires for v in h.items if v.due)  # done ones too, cancelled
    statuses = [line for line in first if line.startswith("STATUS:")]
    closed = sum(1 for h in hires for v in h.items if v.due and v.state.status != "open")
    assert statuses.count("STATUS:CANCELLED") == closed == 3
    uids = [line for line in first if line.startswith("UID:")]
    assert uids == [line for line in again if line.startswith("UID:")] and len(set(uids)) == len(uids)
    assert f"SUMMARY:{HOSTILE}: Bestille arbejdsstation" in first  # as text, escaped for iCalendar
    description = next(line for line in first if "bold" in line)
    assert "\\\\\\\\ \\; \\, line" in description


def test_only_overdue_and_no_notes(hires: list[HireProgress]) -> None:
    text = export_text("md", hires, options("en", only="overdue", notes=False))
    assert "- [ ] " in text and "- [x]" not in text
    assert "Mette siger" not in text and "bold" not in text and "HR står" not in text


def test_cli_export_writes_a_private_file(cli, hire: str, tmp_path: Path) -> None:
    target = tmp_path / "summary.html"
    result = cli("export", "--format", "html", "-o", str(target))
    assert result.code == 0 and str(target) in result.out
    assert target.stat().st_mode & 0o077 == 0
    assert "Anna Ærø Jensen" in target.read_text(encoding="utf-8")
    shown = cli("export", hire, "--format", "csv")
    assert shown.out.startswith("\ufeff") and shown.out.count("\r\n") == 5
    assert cli("export", "nobody").code == 1


@given(st.lists(st.text(), min_size=2, max_size=6))
def test_a_csv_row_reads_back_with_any_of_the_separators_importers_pick(cells: list[str]) -> None:
    line = spreadsheet.row(cells) + "\r\n"
    assert next(csv.reader(io.StringIO(line, newline=""), delimiter=";")) == cells
    if not any("\r" in cell or "\n" in cell for cell in cells):
        assert _split_on_any_separator(line.removesuffix("\r\n")) == cells


@pytest.mark.parametrize("only", [None, "open", "overdue"])
@pytest.mark.parametrize("notes", [True, False])
def test_csv_rows_are_the_items_the_options_select(hires: list[HireProgress], only: str | None,
                                                   notes: bool) -> None:
    from peeronboard.exports.common import selected

    chosen = options("en", only=only, notes=notes)
    rows = list(csv.reader(io.StringIO(export_text("csv", hires, chosen)[1:], newline=""), delimiter=";"))
    expected = [(h.record.id, v.item_id, chosen.t(f"status.{v.state.status}"), (v.state.note or "") if notes else "")
                for h in hires for v in selected(h, chosen)]
    assert [(r[0], r[6], r[10], r[13].lstrip("'")) for r in rows[1:]] == expected
    assert any(note for *_, note in expected) == notes


def _strict(schema: object) -> object:
    """The schema with ``unevaluatedProperties: false`` on every object: a field that is not
    described (a renamed one, say) is an error."""
    if isinstance(schema, dict):
        strict = {key: _strict(value) for key, value in schema.items()}
        if schema.get("type") == "object" or "properties" in schema:
            strict["unevaluatedProperties"] = False
        return strict
    if isinstance(schema, list):
        return [_strict(value) for value in schema]
    return schema


def test_json_follows_a_strict_copy_of_its_schema_with_dates_checked(hires: list[HireProgress]) -> None:
    import jsonschema

    checker = jsonschema.FormatChecker()
    assert {"date", "date-time"} <= set(checker.checkers)  # both formats are really checked
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert schema["properties"]["generated"]["format"] == "date-time"
    for made in (options("en"), options("da", generated=None, notes=False, only="open")):
        document = json.loads(export_text("json", hires, made))
        jsonschema.validate(document, _strict(schema), format_checker=checker)
    renamed = json.loads(export_text("json", hires, options("en")))
    renamed["hires"][0]["items"][0]["assigned"] = renamed["hires"][0]["items"][0].pop("assignee")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(renamed, _strict(schema), format_checker=checker)
    stamped = json.loads(export_text("json", hires, options("en")))
    stamped["generated"] = "2027-01-20 at half past nine"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(stamped, schema, format_checker=checker)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_workbook_has_date_cells_text_cells_and_a_frozen_filtered_header(
        hires: list[HireProgress], lang: str, tmp_path: Path) -> None:
    import openpyxl

    from peeronboard.exports.formats import export_bytes

    path = tmp_path / "summary.xlsx"
    path.write_bytes(export_bytes("xlsx", hires, options(lang)))
    book = openpyxl.load_workbook(path)
    items, people = book.worksheets
    made = options(lang)
    assert [c.value for c in items[1]] == [made.t(key) for key in spreadsheet.COLUMNS]
    assert items.title == made.t("col.items") and people.title == made.t("sheet.hires")
    for sheet in (items, people):
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == sheet.dimensions
    rows = list(items.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 15
    hostile = [row for row in rows if row[1] == HOSTILE]
    assert hostile and all(row[2] == "=SUM(A1:A9)" for row in hostile)  # as typed, no apostrophe
    assert all(cell.data_type != "f" for row in items.iter_rows() for cell in row)
    assert all(isinstance(row[3], dt.datetime) and isinstance(row[9], dt.datetime) for row in rows)
    anna = {row[6]: row for row in rows if row[1] == "Anna Ærø Jensen"}
    assert anna["appoint-mentor"][11] == dt.datetime(2026, 11, 2) and anna["appoint-mentor"][17] == "Mette"
    assert anna["write-and-share-job-posting"][12] == "=HR+1"
    widths = {column: items.column_dimensions[column].width for column in ("B", "H", "N")}
    assert widths["H"] > widths["B"] > 10 and all(width <= 61 for width in widths.values())
    by_name = {row[1]: row for row in people.iter_rows(min_row=2, values_only=True)}
    assert set(by_name) == {HOSTILE, "Anna Ærø Jensen"}
    anna_row = by_name["Anna Ærø Jensen"]
    assert anna_row[6] == pytest.approx(3 / 11) and anna_row[10] == 2  # progress, overdue
    assert isinstance(anna_row[11], dt.datetime) and anna_row[12]  # next due and what
