"""The command line's --json output is written in pieces by the C encoder: byte for byte what
``json.dumps(indent=2)`` writes, so a reader (or a person) sees the same text as before."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from peeronboard.cli.output import json_pieces

plain = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
         | st.dates().map(lambda day: day) | st.datetimes(timezones=st.just(dt.UTC)))
documents = st.recursive(plain, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                         | st.dictionaries(st.text(max_size=5), inner, max_size=4)
                         | st.dictionaries(st.integers() | st.none(), inner, max_size=2), max_leaves=25)


@settings(max_examples=400, deadline=None)
@given(documents)
def test_the_pieces_are_the_indented_json(document: object) -> None:
    assert "".join(json_pieces(document)) == json.dumps(document, ensure_ascii=False, indent=2, default=str)


def test_list_json_writes_one_indented_object_per_hire(cli) -> None:
    for name in ("Anna Ærø", "Bo \"B\" Hansen"):
        assert cli("add", name, "--start", "2027-02-01", "--checklist", "sample").code == 0
    result = cli("list", "--json")
    hires = json.loads(result.out)
    assert result.out == json.dumps(hires, ensure_ascii=False, indent=2) + "\n"
    assert [h["name"] for h in hires] == ["Anna Ærø", "Bo \"B\" Hansen"]


def test_keys_with_percent_signs_and_the_same_keys_at_other_depths_are_written_as_json_dumps_does() -> None:
    row = {"100%": 1, "%s": "50%", "a%%b": None, "ok": True, "": [], "next": {"%(x)s": 2.5}}
    document = [row, {**row, "next": [row, {}]}, {"rows": [row, row]}, (row,)]
    assert "".join(json_pieces(document)) == json.dumps(document, ensure_ascii=False, indent=2, default=str)


def test_agenda_json_is_each_items_data_with_its_hire_as_json_dumps_writes_it(cli, onboarding) -> None:
    """The agenda writes its entries from pieces encoded once per item and state: the text is still
    ``item_data`` of every entry with the hire's id and name, indented by ``json.dumps``."""
    bo = cli("add", 'Bo "B" 100% Hansen', "--start", "2027-01-10", "--checklist", "sample",
             "--mentor", "Mette %s").out.strip()
    anna = cli("add", "Anna Ærø", "--start", "2027-02-01", "--checklist", "sample").out.strip()
    for change in (["note", bo, "appoint-mentor", "ring 50% – “først”\nså mail"],
                   ["assign", anna, "order-workstation", "Kim \\ Berg"],
                   ["due", bo, "peer-training", "2027-01-25"],
                   ["add-item", bo, "Call the union – 100%", "--due", "2027-01-22", "--owner", "leader"],
                   ["check", anna, "appoint-mentor"]):
        assert cli(*change).code == 0
    from peeronboard.exports.common import item_data
    from peeronboard.progress import agenda

    hires, _ = onboarding.all_progress()
    expected = [{**item_data(e.view, "en", onboarding.today(), record=e.progress.record),
                 "hire": e.progress.record.id, "name": e.progress.record.name}
                for e in agenda(hires, onboarding.today(), 60)]
    assert len(expected) >= 6 and {e["hire"] for e in expected} == {bo, anna}
    assert any(e["note"] for e in expected) and any(e["own"] for e in expected)
    assert any(e["assignee"] for e in expected) and any(e["overdue"] for e in expected)
    assert cli("agenda", "--days", "60", "--json").out == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"
    assert cli("agenda", "--days", "60", "--json", "--who", "nobody").out == "[]\n"
