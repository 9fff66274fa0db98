"""``agenda --json`` is written from pieces encoded once and joined in large runs; what a reader gets must
be, byte for byte, what ``json.dumps`` writes of every open item due by the horizon, made the plain
way: each hire's item views one by one, sorted by due date, the hire's name and the item's id, through
standard output's guard. On varied hires (recorded, moved and assigned items, one-off and retired
items, finished hires, hires of the same name, hostile text), in Danish and English."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from peeronboard.cli import main
from peeronboard.exports.common import item_data
from peeronboard.library import ChecklistLibrary
from peeronboard.onboarding import Onboarding
from peeronboard.paths import builtin_checklists_dir
from peeronboard.record import STATUSES, HireRecord, ItemState, OwnItem
from peeronboard.safetext import VisibleStream, has_unsafe
from peeronboard.store import HireStore

from .conftest import DATA, TODAY, run_process

DAY = dt.date.fromisoformat(TODAY)
LIBRARY = ChecklistLibrary.discover([builtin_checklists_dir(), DATA])
# a small one, one of mentor's items (several due the same day), and the largest
CHECKLISTS = [LIBRARY.get("sample"), LIBRARY.get("mentor"),
              max(LIBRARY.ordered(), key=lambda checklist: checklist.item_count)]

words = st.sampled_from(["Anna", "anna", "ANNA", 'Bo "B" 100%', "Ærø Søndergård – ø", "x\x1b[31m", "r\u202eb",
                         "a\u2028b", "\\n", "; , \t", "\u0085"]) | st.text(max_size=6)
names = st.sampled_from(["Anna", "anna"]) | words.filter(str.strip)  # often two of the same name
titles = names.filter(lambda text: not has_unsafe(text))  # a one-off item's title is one plain line
maybe = st.none() | words
days = st.dates(dt.date(2026, 9, 1), dt.date(2027, 4, 1))


@st.composite
def records(draw: st.DrawFn) -> HireRecord:
    """One hire on a known checklist (now and then an unknown one), often with nothing recorded (then
    hires of a checklist starting the same day share their agenda's views), or some items."""
    checklist = draw(st.sampled_from(CHECKLISTS))
    phases = [phase.id for phase in checklist.phases]
    ids = [item.id for item in checklist.items]
    own = draw(st.just({}) | st.dictionaries(st.sampled_from(["own-1", "own-2"]), st.builds(
        OwnItem, titles, st.sampled_from([None, "gone", *phases]), st.sampled_from([None, "leader", "mentor"])),
        max_size=2))
    start = draw(st.sampled_from([dt.date(2026, 10, 1), dt.date(2027, 1, 6)]) | days)
    planned = dict(zip(ids, checklist.due_dates(start), strict=True))
    items = {}
    recorded = st.lists(st.sampled_from([*ids[:8], *ids[-3:], *own, "retired-item"]), max_size=6)
    for item_id in draw(st.just([]) | recorded):
        due = draw(st.none() | days | st.just(planned.get(item_id)))  # none, any day, or the checklist's
        items[item_id] = draw(st.builds(ItemState, st.sampled_from(STATUSES), st.none() | days, maybe, maybe,
                                        st.just(due), maybe, maybe, maybe, maybe))
    known = draw(st.integers(0, 9)) > 0
    return HireRecord(
        id="new", name=draw(names), checklist=checklist.id if known else "no-such-checklist", start_date=start,
        unit=draw(maybe), mentor=draw(maybe), hr_contact=draw(maybe), centre_contact=draw(maybe), items=items,
        own=own, finished=draw(st.none() | st.just(dt.date(2027, 1, 2))), finish_reason=draw(maybe))


@contextlib.contextmanager
def stored(hires: list[HireRecord]) -> Iterator[Path]:
    """A data folder holding these hires (each under a fresh id)."""
    with tempfile.TemporaryDirectory() as folder:
        store = HireStore(Path(folder))
        for record in hires:
            store.create(record)
        yield Path(folder)


def _names(person: str | None, who: str) -> bool:
    """``--who``: the whole name or some of its words, in any case."""
    asked, words = who.casefold().split(), (person or "").casefold().split()
    return bool(asked) and set(asked) <= set(words)


def plain_agenda_json(data_dir: Path, lang: str, days_ahead: int, who: str | None = None,
                      owner: str | None = None) -> bytes:
    """The agenda's JSON made the plain way, as standard output's guard writes it in UTF-8: with
    ``who``, only the items that person does; with ``owner``, only the items of that owner role."""
    hires, _ = Onboarding(HireStore(data_dir), LIBRARY, "Lise", lambda: DAY).all_progress()
    horizon = DAY + dt.timedelta(days=days_ahead)
    entries = [(progress, view) for progress in hires if not progress.finished for view in progress.items
               if view.state.status == "open" and view.due is not None and view.due <= horizon
               and (who is None or _names(view.person(progress.record), who))
               and (owner is None or view.item is not None and (view.item.owner or "") == owner)]
    entries.sort(key=lambda entry: (entry[1].due, entry[0].record.name.casefold(), entry[1].item_id))
    data = [{**item_data(view, lang, DAY, record=progress.record), "hire": progress.record.id,
             "name": progress.record.name} for progress, view in entries]
    shown = io.StringIO()
    VisibleStream(shown).write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return shown.getvalue().encode()


def agenda_json(data_dir: Path, lang: str, days_ahead: int, *options: str) -> bytes:
    """What ``agenda --json`` writes to a standard output in UTF-8."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with contextlib.redirect_stdout(out):
        code = main(["--data-dir", str(data_dir), "--checklists", str(DATA), "--lang", lang,
                     "agenda", "--json", "--days", str(days_ahead), *options])
        out.flush()
    assert code == 0
    return out.buffer.getvalue()  # type: ignore[attr-defined]


@settings(max_examples=120, deadline=None)
@given(st.lists(records(), min_size=1, max_size=6), st.sampled_from([0, 14, 60]), st.sampled_from(["da", "en"]))
def test_the_agenda_json_is_json_dumps_of_every_open_item_due(hires: list[HireRecord], days_ahead: int,
                                                              lang: str) -> None:
    with stored(hires) as data_dir:
        assert agenda_json(data_dir, lang, days_ahead) == plain_agenda_json(data_dir, lang, days_ahead)


@settings(max_examples=60, deadline=None)
@given(st.lists(records(), min_size=1, max_size=6), st.sampled_from(["anna", "Ærø Søndergård – ø", "nobody"]),
       st.sampled_from(["leader", "mentor"]))
def test_the_agenda_json_of_one_person_or_role_is_json_dumps_of_their_items(hires: list[HireRecord],
                                                                            who: str, owner: str) -> None:
    with stored(hires) as data_dir:
        assert agenda_json(data_dir, "en", 60, "--who", who) == plain_agenda_json(data_dir, "en", 60, who=who)
        assert agenda_json(data_dir, "da", 60, "--owner", owner) == plain_agenda_json(data_dir, "da", 60,
                                                                                      owner=owner)


def test_the_agenda_json_of_a_varied_set_of_hires_is_json_dumps_in_both_languages(cli, data_dir: Path) -> None:
    """Made as a leader makes it (own items, not applicable, done, people named, moved, overdue, notes,
    two hires of the same name, one finished), written by the program itself to a pipe."""
    anna = cli("add", "Anna Ærø", "--start", "2027-01-06", "--checklist", "sample", "--mentor", "Mette Ø").out
    anna2 = cli("add", "anna ærø", "--start", "2027-01-06", "--checklist", "sample", "--hr", "Kim").out
    bo = cli("add", 'Bo "B" 100% Hansen', "--start", "2027-01-10", "--checklist", "sample").out
    gone = cli("add", "Finished Person", "--start", "2027-01-06", "--checklist", "sample").out
    anna, anna2, bo, gone = (hire.strip() for hire in (anna, anna2, bo, gone))
    for change in (["note", anna, "appoint-mentor", "ring 50% – “først”\nså mail"],
                   ["assign", anna2, "order-workstation", "Søren \\ Berg"],
                   ["skip", anna, "order-workstation", "--reason", "HR gør det"],
                   ["check", anna2, "appoint-mentor"],
                   ["due", bo, "peer-training", "2027-01-25"],
                   ["add-item", bo, "Ring til fagforeningen – 100%", "--due", "2027-01-15", "--owner", "leader"],
                   ["add-item", anna2, "Own task without a due date"],
                   # the same day for both of the same name: their entries interleave by item id
                   *(["due", hire, item, "2027-01-12"] for hire, item in (
                       (anna, "appoint-mentor"), (anna, "peer-training"), (anna2, "order-workstation"),
                       (anna2, "peer-training"))),
                   ["add-item", anna2, "Own task that day", "--due", "2027-01-12"],
                   ["finish", gone, "--reason", "stopped"]):
        assert cli(*change).code == 0, change
    for lang in ("da", "en"):
        for days_ahead in ("0", "14", "60"):
            done = run_process("--lang", lang, "agenda", "--json", "--days", days_ahead)
            assert done.returncode == 0 and done.stderr == ""
            assert done.stdout.encode() == plain_agenda_json(data_dir, lang, int(days_ahead))
    entries = json.loads(run_process("agenda", "--json", "--days", "60").stdout)
    assert {entry["hire"] for entry in entries} == {anna, anna2, bo}
    assert all(any(entry[key] for entry in entries) for key in ("note", "own", "assignee", "overdue"))
