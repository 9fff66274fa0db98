"""Exports show the record-format-3 item model (issues #12 and #13): a reason apart from the note, the
person who does an item ("Mette (mentor)"), one-off items, retired items by their last known title,
and a finished hire's end; ``--no-notes`` leaves out notes and reasons everywhere."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from peeronboard.exports.formats import ExportOptions, export_text
from peeronboard.library import ChecklistLibrary
from peeronboard.onboarding import Onboarding
from peeronboard.progress import HireProgress
from peeronboard.record import HireRecord, ItemState
from peeronboard.store import HireStore

from .conftest import DATA

TODAY = dt.date(2027, 1, 20)
NOTE = "Ask Karen from HR first"
REASON = "she has the course already"
OWN_TITLE = "Book the sign-language interpreter"
FINISHED = dt.date(2027, 1, 15)  # finishing is told on a day that has come
TEXT_FORMATS = ("md", "csv", "html", "ics")


def _sample_with_mentor_items() -> str:
    """The test checklist with its two after-hiring items owned by the mentor."""
    text = (DATA / "sample.toml").read_text(encoding="utf-8")
    for item in ("peer-training", "appraisal"):
        text = text.replace(f'id = "{item}"\n', f'id = "{item}"\nowner = "mentor"\n')
    return text


def _library(folder: Path, text: str) -> ChecklistLibrary:
    folder.mkdir()
    (folder / "sample.toml").write_text(text, encoding="utf-8")
    return ChecklistLibrary.discover([folder])


@pytest.fixture
def anna(data_dir: Path, tmp_path: Path) -> HireProgress:
    """Anna, mentored by Mette: peer-training not applicable (with a note and a reason), the
    appraisal given to Jonas, a one-off item of her own, order-workstation done and then retired
    from the checklist, and her onboarding finished."""
    then = _sample_with_mentor_items()
    onboarding = Onboarding(HireStore(data_dir), _library(tmp_path / "then", then), "Lise", lambda: TODAY)
    hire = onboarding.add("Anna Berg", dt.date(2027, 2, 1), "sample", mentor="Mette").id
    onboarding.check(hire, "order-workstation", on=dt.date(2027, 1, 12))
    onboarding.note(hire, "peer-training", NOTE)
    onboarding.skip(hire, "peer-training", REASON)
    onboarding.assign(hire, "appraisal", "Jonas")
    onboarding.add_item(hire, OWN_TITLE, when="-3d")
    start = then.index('[[phases.items]]\nid = "order-workstation"')
    now = then[:start] + then[then.index("[[phases]]", start):]
    later = Onboarding(onboarding.store, _library(tmp_path / "now", now), "Lise", lambda: TODAY)
    return later.progress(later.finish(hire, "onboarding completed", on=FINISHED))


def export(fmt: str, hire: HireProgress, lang: str = "en", **changes: object) -> str:
    """The summary of one hire; a calendar's long lines unfolded, as a calendar program reads them."""
    text = export_text(fmt, [hire], ExportOptions(lang=lang, today=TODAY, **changes))
    return text.replace("\r\n ", "") if fmt == "ics" else text


def csv_table(text: str) -> tuple[list[str], dict[str, dict[str, str]]]:
    """The header, and each row as {column: cell} by its item id."""
    header, *rows = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";")
    return header, {row[6]: dict(zip(header, row, strict=True)) for row in rows}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)


def page_text(html: str) -> str:
    """What a browser shows of the page, one line of text per element."""
    parser = _Text()
    parser.feed(html)
    return "\n".join(parser.chunks)


def ics_descriptions(text: str) -> list[str]:
    return [line.removeprefix("DESCRIPTION:").replace("\\n", "\n")
            for line in text.split("\r\n") if line.startswith("DESCRIPTION:")]


# --- the reason apart from the note -------------------------------------------------------------

@pytest.mark.parametrize("lang, label", [("en", "Reason"), ("da", "Begrundelse")])
def test_a_skipped_item_shows_its_reason_and_its_note_in_markdown(anna: HireProgress, lang: str,
                                                                  label: str) -> None:
    lines = export("md", anna, lang).split("\n")
    assert f"  - {label}: {REASON}" in lines and f"  - Note: {NOTE}" in lines


def test_a_skipped_item_shows_its_reason_and_its_note_in_csv(anna: HireProgress) -> None:
    header, rows = csv_table(export("csv", anna))
    assert header[:14] == ["Hire id", "Name", "Unit", "Start", "Checklist", "Phase", "Item", "Title", "Owner",
                           "Due", "Status", "Date", "By", "Note"], "existing columns keep their places"
    skipped = rows["peer-training"]
    assert (skipped["Status"], skipped["Note"], skipped["Reason"]) == ("not applicable", NOTE, REASON)


def test_a_skipped_item_shows_its_reason_and_its_note_in_html(anna: HireProgress) -> None:
    shown = page_text(export("html", anna)).split("\n")
    assert f"Reason: {REASON}" in shown and f"Note: {NOTE}" in shown


def test_a_calendar_entry_shows_the_reason_and_the_note_it_has(anna: HireProgress) -> None:
    """An open item (a hand-edited record may give one a reason) and the not-applicable one, which
    stays in the calendar as a cancelled entry."""
    state = ItemState("open", note=NOTE, reason=REASON)
    record = anna.record._replace(items={**anna.record.items, "appoint-mentor": state}, finished=None)
    hire = HireProgress.build(record, anna.checklist, TODAY)
    descriptions = [d.split("\n") for d in ics_descriptions(export("ics", hire)) if NOTE in d]
    assert len(descriptions) == 2
    assert all(f"Reason: {REASON}" in lines and f"Note: {NOTE}" in lines for lines in descriptions)


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_no_notes_leaves_out_notes_and_reasons(anna: HireProgress, fmt: str) -> None:
    state = ItemState("open", note=NOTE, reason=REASON)  # an open one too, for the calendar
    record = anna.record._replace(items={**anna.record.items, "appoint-mentor": state})
    hire = HireProgress.build(record, anna.checklist, TODAY)
    assert NOTE in export(fmt, hire) and REASON in export(fmt, hire)
    private = export(fmt, hire, notes=False)
    assert NOTE not in private and REASON not in private and "onboarding completed" not in private


def test_no_notes_leaves_the_reasons_out_of_json_too(anna: HireProgress) -> None:
    private = export("json", anna, notes=False)
    assert NOTE not in private and REASON not in private and "onboarding completed" not in private


# --- who does it ----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_an_item_of_the_mentor_names_the_mentor_and_an_assignee_wins(anna: HireProgress, fmt: str) -> None:
    record = anna.record._replace(finished=None, items={  # open, so that they are calendar entries too
        item: state._replace(status="open", date=None, by=None) for item, state in anna.record.items.items()})
    text = export(fmt, HireProgress.build(record, anna.checklist, TODAY))
    assert "Mette (mentor)" in text  # peer-training: the mentor's item, and Anna's mentor is Mette
    assert "Jonas (mentor)" in text  # appraisal: the mentor's item, but named for Jonas


def test_the_owner_is_the_role_word_when_nobody_is_named(anna: HireProgress) -> None:
    _, rows = csv_table(export("csv", anna, "da"))
    assert (rows["appoint-mentor"]["Ansvarlig"], rows["appoint-mentor"]["Person"]) == ("leder", "")
    assert (rows["peer-training"]["Ansvarlig"], rows["peer-training"]["Person"]) == ("Mette (mentor)", "Mette")
    assert rows["appraisal"]["Person"] == "Jonas"


# --- one-off and retired items ----------------------------------------------------------------------

@pytest.mark.parametrize("lang, mark", [("en", "own task"), ("da", "egen opgave")])
def test_a_one_off_item_is_marked_as_the_hires_own(anna: HireProgress, lang: str, mark: str) -> None:
    (line,) = [line for line in export("md", anna, lang).split("\n") if OWN_TITLE in line]
    assert f"({mark})" in line and line.startswith("- [ ] ")
    shown = page_text(export("html", anna, lang))
    assert re.search(rf"{OWN_TITLE} ?\n\({mark}\)", shown)
    title, kind, phase = ("Titel", "Type", "Fase") if lang == "da" else ("Title", "Kind", "Phase")
    _, rows = csv_table(export("csv", anna, lang))
    own = next(row for row in rows.values() if row[title] == OWN_TITLE)
    assert own[kind] == mark
    assert own[phase] == ("Før ansættelse" if lang == "da" else "Before hiring")


def test_a_one_off_item_sits_at_the_end_of_its_phase_in_csv(anna: HireProgress) -> None:
    _, rows = csv_table(export("csv", anna))
    assert list(rows)[:3] == ["appoint-mentor", "own-1", "peer-training"]


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_a_retired_item_shows_its_last_known_title_in_a_final_group(anna: HireProgress, fmt: str) -> None:
    text = export(fmt, anna, "da")
    heading = "Udgåede punkter (ikke længere i tjeklisten)"
    assert heading in text and "Bestille arbejdsstation" in text
    assert text.rindex("Bestille arbejdsstation") > text.rindex("Afholde MUS") and text.index(heading) > \
        text.rindex("Afholde MUS"), "the retired items come last"


def test_a_retired_item_in_csv_is_marked_retired(anna: HireProgress) -> None:
    _, rows = csv_table(export("csv", anna))
    retired = rows["order-workstation"]
    assert (retired["Title"], retired["Status"], retired["Date"], retired["Kind"]) == (
        "Order a workstation", "done", "2027-01-12", "retired")


def test_only_open_work_leaves_the_retired_items_out(anna: HireProgress) -> None:
    for fmt in ("md", "html", "csv"):
        assert "Order a workstation" not in export(fmt, anna, only="open")


# --- a finished hire ----------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("lang, words", [("en", "Finished 2027-01-15: onboarding completed"),
                                         ("da", "Afsluttet 2027-01-15: onboarding completed")])
def test_a_finished_hire_says_when_and_why_under_its_name(anna: HireProgress, fmt: str, lang: str,
                                                          words: str) -> None:
    text = export(fmt, anna, lang)
    shown = page_text(text) if fmt == "html" else text
    assert words in shown and shown.index("Anna Berg") < shown.index(words) < shown.index(anna.items[0].title(lang))


def test_a_hire_that_is_not_finished_says_nothing_of_it(anna: HireProgress) -> None:
    record: HireRecord = anna.record._replace(finished=None, finish_reason=None)
    text = export("md", HireProgress.build(record, anna.checklist, TODAY))
    assert "Finished" not in text


# --- the JSON document and its schema ------------------------------------------------------------

SCHEMA = Path(__file__).parent.parent / "peeronboard" / "exports" / "schema.json"


def validate(document: dict) -> None:
    import jsonschema

    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")),
                        format_checker=jsonschema.FormatChecker())


def test_json_holds_the_item_model_and_follows_the_schema(anna: HireProgress) -> None:
    document = json.loads(export("json", anna))
    validate(document)
    (hire,) = document["hires"]
    assert (hire["finished"], hire["finish_reason"]) == ("2027-01-15", "onboarding completed")
    items = {item["id"]: item for item in hire["items"]}
    assert (items["peer-training"]["reason"], items["peer-training"]["note"]) == (REASON, NOTE)
    assert (items["peer-training"]["assignee"], items["appraisal"]["assignee"]) == ("Mette", "Jonas")
    assert items["own-1"]["own"] and not items["appoint-mentor"]["own"]
    assert [(item["id"], item["title"]) for item in hire["retired"]] == [("order-workstation", "Order a workstation")]


@pytest.mark.parametrize("field", ["hr_contact", "centre_contact", "finished", "finish_reason"])
def test_the_schema_requires_every_field_of_a_hire_the_export_writes(anna: HireProgress, field: str) -> None:
    import jsonschema

    document = json.loads(export("json", anna))
    del document["hires"][0][field]
    with pytest.raises(jsonschema.ValidationError):
        validate(document)


@pytest.mark.parametrize("field", ["reason", "assignee", "own"])
def test_the_schema_requires_every_field_of_an_item_the_export_writes(anna: HireProgress, field: str) -> None:
    import jsonschema

    document = json.loads(export("json", anna))
    del document["hires"][0]["items"][0][field]
    with pytest.raises(jsonschema.ValidationError):
        validate(document)


def test_the_schema_takes_only_real_dates(anna: HireProgress) -> None:
    import jsonschema

    document = json.loads(export("json", anna))
    document["hires"][0]["finished"] = "2027-02-30"  # the pattern fits; the calendar does not
    with pytest.raises(jsonschema.ValidationError):
        validate(document)
