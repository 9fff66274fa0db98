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
