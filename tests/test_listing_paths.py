"""The quick ways the listings of thousands of hires are made (the agenda's runs of shared views, the
agenda's and the hire list's JSON from pieces encoded once, the CSV's rows joined once for every hire
of a start day) give exactly what the plain constructions give, on varied hires: recorded, moved and
assigned items, one-off and retired items, finished hires, hires of the same name, hostile text."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from peeronboard.cli.items import _AgendaJson
from peeronboard.cli.output import fields_text, write_encoded_json_list
from peeronboard.exports import spreadsheet
from peeronboard.exports.common import HIRE_FIELDS, ExportOptions, hire_data, hire_values, item_data, selected
from peeronboard.library import ChecklistLibrary
from peeronboard.paths import builtin_checklists_dir
from peeronboard.progress import HireProgress, ItemView, agenda, agenda_groups, agenda_runs
from peeronboard.record import STATUSES, HireRecord, ItemState, OwnItem
from peeronboard.safetext import VisibleStream
from peeronboard.wording import owner_text

from .conftest import DATA

TODAY = dt.date(2027, 1, 20)
LIBRARY = ChecklistLibrary.discover([builtin_checklists_dir(), DATA])
CHECKLISTS = [LIBRARY.get("sample"), max(LIBRARY.ordered(), key=lambda checklist: checklist.item_count)]

words = st.sampled_from(["Anna", "anna", "ANNA", 'Bo "B" 100%', "Ærø – ø", "x\x1b[31m", "r\u202eb", "a\u2028b",
                         "=SUM(A1)", "; , \t", "\u0085"]) | st.text(max_size=6)
maybe = st.none() | words
days = st.dates(dt.date(2026, 9, 1), dt.date(2027, 4, 1))
starts = st.sampled_from([dt.date(2026, 10, 1), dt.date(2027, 1, 6), dt.date(2027, 2, 1)]) | days


@st.composite
def hires(draw: st.DrawFn) -> list[HireProgress]:
    """A few hires on one checklist (or none known), as ``Onboarding.all_progress`` lists them."""
    checklist = draw(st.sampled_from(CHECKLISTS))
    phases = [phase.id for phase in checklist.phases]
    ids = [item.id for item in checklist.items]
    listed = []
    for number in range(draw(st.integers(1, 6))):
        own = draw(st.dictionaries(st.sampled_from(["own-1", "own-2"]), st.builds(
            OwnItem, words, st.sampled_from([None, "gone", *phases]), st.sampled_from([None, "leader", "mentor"])),
            max_size=2))
        start = draw(starts)
        planned = dict(zip(ids, checklist.due_dates(start), strict=True))
        items = {}
        for item_id in draw(st.lists(st.sampled_from([*ids[:8], *ids[-3:], *own, "retired-item"]), max_size=6)):
            # an item's own due date: none, any day, or the checklist's own (not a move)
            due = draw(st.none() | days | st.just(planned.get(item_id)))
            items[item_id] = draw(st.builds(ItemState, st.sampled_from(STATUSES), st.none() | days, maybe, maybe,
                                            st.just(due), maybe, maybe, maybe, maybe))
        record = HireRecord(
            id=f"h{number}x", name=draw(words), checklist=checklist.id, start_date=start, unit=draw(maybe),
            mentor=draw(maybe), hr_contact=draw(maybe), centre_contact=draw(maybe), items=items, own=own,
            finished=draw(st.none() | st.just(dt.date(2027, 1, 2))), finish_reason=draw(maybe))
        known = None if draw(st.integers(0, 9)) == 0 else checklist
        listed.append(HireProgress.build(record, known, TODAY))
    return sorted(listed, key=lambda progress: progress.start_order)


def plain_agenda(listed: list[HireProgress], days: int) -> list[tuple[HireProgress, ItemView]]:
    """Every hire's open items due by the horizon, sorted by due date, name and item id."""
    horizon = TODAY + dt.timedelta(days=days)
    entries = [(progress, view) for progress in listed for view in progress.items
               if view.state.status == "open" and view.due is not None and view.due <= horizon]
    return sorted(entries, key=lambda entry: (entry[1].due, entry[0].record.name.casefold(), entry[1].item_id))


@settings(max_examples=300, deadline=None)
@given(hires(), st.sampled_from([0, 14, 60]))
def test_the_agenda_is_every_open_item_due_by_its_horizon_in_order(listed: list[HireProgress], days: int) -> None:
    expected = plain_agenda(listed, days)
    assert [(entry.progress, entry.view) for entry in agenda(listed, TODAY, days)] == expected
    runs = agenda_runs(listed, TODAY, days)
    assert all(view.due == due for due, _, views in runs for view in views)


def guarded(text: str) -> bytes:
    """What standard output's guard makes of ``text``, as UTF-8."""
    shown = io.StringIO()
    VisibleStream(shown).write(text)
    return shown.getvalue().encode()


def written(write: object, *args: object) -> bytes:
    """What ``write(*args)`` writes to a standard output in UTF-8."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with contextlib.redirect_stdout(out):
        write(*args)  # type: ignore[operator]
        out.flush()
    return out.buffer.getvalue()  # type: ignore[attr-defined]


@settings(max_examples=200, deadline=None)
@given(hires(), st.sampled_from([0, 14, 60]), st.sampled_from(["da", "en"]))
def test_the_agenda_json_is_each_items_data_with_its_hire(listed: list[HireProgress], days: int,
                                                          lang: str) -> None:
    expected = [{**item_data(view, lang, TODAY, record=progress.record), "hire": progress.record.id,
                 "name": progress.record.name} for progress, view in plain_agenda(listed, days)]
    groups = agenda_groups(listed, TODAY, days)
    assert written(write_encoded_json_list, _AgendaJson(lang, TODAY).texts(groups)) == guarded(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n")


@settings(max_examples=200, deadline=None)
@given(hires())
def test_a_hire_in_the_list_json_is_its_hire_data(listed: list[HireProgress]) -> None:
    for progress in listed:
        text = json.dumps(hire_data(progress, "en"), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        assert fields_text(HIRE_FIELDS, hire_values(progress), 1) == text


def plain_csv(listed: list[HireProgress], options: ExportOptions) -> bytes:
    """The CSV made a row at a time from each selected item's cells (then the retired items)."""
    t, lang = options.t, options.lang
    lines = ["\ufeff" + spreadsheet.row([t(key) for key in spreadsheet.COLUMNS])]
    for progress in listed:
        record, checklist = progress.record, progress.checklist
        if checklist is None:
            continue
        phases = {phase.id: phase.title.in_lang(lang) for phase in checklist.phases}
        retired = list(progress.retired) if options.only is None else []
        for view in selected(progress, options) + retired:
            state, person = view.state, view.person(record)
            note, reason = (state.note, state.reason) if options.notes else (None, None)
            lines.append(spreadsheet.row([
                spreadsheet.safe(text) for text in (record.id, record.name, record.unit or "")
            ] + [record.start_date.isoformat(), spreadsheet.safe(record.checklist)] + [
                spreadsheet.safe(text) for text in (
                    t("retired.heading") if view.retired else phases.get(view.phase or "", ""), view.item_id,
                    view.title(lang), owner_text(view, record, lang))
            ] + [f"{view.due or ''}", t(f"status.{state.status}"), state.date.isoformat() if state.date else ""] + [
                spreadsheet.safe(text) if text else "" for text in (state.by, note, reason, person)
            ] + [t("own.mark") if view.own else t("status.retired") if view.retired else "",
                 spreadsheet.safe(record.mentor) if record.mentor else "",
                 view.planned.isoformat() if view.moved and view.planned else ""]))
    return "".join(line + "\r\n" for line in lines).encode()


@settings(max_examples=200, deadline=None)
@given(hires(), st.sampled_from([None, "open", "overdue"]), st.booleans(), st.sampled_from(["da", "en"]))
def test_the_csv_is_a_row_of_cells_for_each_selected_item(listed: list[HireProgress], only: str | None,
                                                          notes: bool, lang: str) -> None:
    options = ExportOptions(lang=lang, only=only, notes=notes, today=TODAY)
    assert spreadsheet.render_bytes(listed, options) == plain_csv(listed, options)


def test_encoded_json_goes_to_a_standard_output_without_a_binary_buffer_as_text() -> None:
    """A standard output that is text only (a test's, an embedding program's) gets the same JSON."""
    pieces = [b'{\n    "name": "\\u001b \xc3\xa6"\n  },\n  ', b'{}' + b",\n  "]
    shown = io.StringIO()
    with contextlib.redirect_stdout(shown):
        write_encoded_json_list(pieces)
    assert shown.getvalue() == '[\n  {\n    "name": "\\u001b æ"\n  },\n  {}\n]\n'
    with contextlib.redirect_stdout(shown := io.StringIO()):
        write_encoded_json_list([])
    assert shown.getvalue() == "[]\n"
