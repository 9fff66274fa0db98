"""The fast in-place edit gives exactly what the style-preserving editor gives, or steps aside."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import tomlkit
from hypothesis import given, settings
from hypothesis import strategies as st

from peeronboard import quickedit
from peeronboard.record import (
    RECORD_FORMAT,
    HireRecord,
    ItemState,
    LogEntry,
    append_log,
    new_document,
    set_item_state,
    upgrade_format,
)

from .conftest import DATA
from .test_store import names, states

AT = dt.datetime(2027, 1, 20, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
item_ids = st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)?", fullmatch=True)
entries = st.builds(LogEntry, at=st.just(AT), by=names, action=st.sampled_from(["check", "note", "undo"]),
                    item=st.none() | item_ids, text=st.none() | st.text(max_size=40))


def record_text(items: dict[str, ItemState], log: tuple[LogEntry, ...] = ()) -> str:
    record = HireRecord(id="abc234", name="Anna", checklist="sample", start_date=dt.date(2027, 1, 1),
                        items=items, log=log)
    return tomlkit.dumps(new_document(record))


def slow_edit(text: str, item_id: str, state: ItemState, entry: LogEntry) -> str:
    doc = tomlkit.parse(text)
    upgrade_format(doc)
    set_item_state(doc, item_id, state)
    append_log(doc, entry)
    return tomlkit.dumps(doc)


@settings(max_examples=150, deadline=None)
@given(items=st.dictionaries(item_ids, states, max_size=4), log=st.lists(entries, max_size=3),
       item_id=item_ids, state=states, entry=entries, old_format=st.booleans())
def test_a_file_peeronboard_wrote_is_edited_fast_and_reads_as_the_slow_edit(
        items: dict[str, ItemState], log: list[LogEntry], item_id: str, state: ItemState,
        entry: LogEntry, old_format: bool) -> None:
    text = record_text(items, tuple(log))
    if old_format:  # as peeronboard 0.1 wrote it: upgraded by either editor
        text = text.replace(f"\nformat = {RECORD_FORMAT}\n", "\nformat = 1\n", 1)
    edited = quickedit.edit_item(text, tomllib.loads(text), item_id, state, entry)
    assert edited is not None, "a record in peeronboard's own shape must not need the slow editor"
    fast, parsed = edited
    assert tomllib.loads(fast) == parsed == tomllib.loads(slow_edit(text, item_id, state, entry))
    assert parsed["format"] == RECORD_FORMAT


def test_only_the_item_and_the_log_change() -> None:
    text = "# my own comment\n" + record_text({"a": ItemState("done", dt.date(2027, 1, 2), "Bo"),
                                               "b": ItemState("open", note="ring HR")})
    entry = LogEntry(AT, "leder", "check", "b")
    edited = quickedit.edit_item(text, tomllib.loads(text), "b", ItemState("done", dt.date(2027, 1, 20),
                                                                            "leder", "ring HR"), entry)
    assert edited is not None
    fast = edited[0]
    assert fast.startswith(text.split("[items.b]")[0])  # every byte before the item is untouched
    assert '[items.b]\nstatus = "done"\ndate = 2027-01-20\nby = "leder"\nnote = "ring HR"\n' in fast
    assert fast.endswith('[[log]]\nat = 2027-01-20T09:30:00+01:00\nby = "leder"\naction = "check"\n'
                         'item = "b"\n\n')


@pytest.mark.parametrize("shape", [
    '[items.a]\nstatus = "done" # said so in the meeting\n',  # a comment inside the item: keep it
    '[items.a]\nstatus = "done"\nroom = "B12"\n',  # a key of the user's own
    'items = { a = { status = "done" } }\n',  # an inline table
    '[items]\na.status = "done"\n',  # dotted keys
    'log = [{ at = 2027-01-01T00:00:00Z, by = "x", action = "create" }]\n',  # an inline log
])
def test_another_shape_is_left_to_the_style_preserving_editor(shape: str) -> None:
    text = 'format = 2\nid = "abc234"\nname = "Anna"\nchecklist = "sample"\nstart_date = 2027-01-01\n' + shape
    entry = LogEntry(AT, "leder", "check", "a")
    assert quickedit.edit_item(text, tomllib.loads(text), "a", ItemState("done"), entry) is None


@given(st.text())
def test_any_text_is_written_as_a_toml_string_that_reads_back(value: str) -> None:
    assert tomllib.loads(f"v = {quickedit.toml_value(value)}")["v"] == value


def test_a_tick_on_the_command_line_takes_the_fast_path(hire: str, data_dir: Path) -> None:
    """A tick never pays for the style-preserving editor on a record peeronboard wrote itself."""
    code = ("import sys; from peeronboard.cli import main; "
            f"code = main(['--checklists', {str(DATA)!r}, 'check', {hire!r}, 'appoint-mentor']); "
            "print(code, 'tomlkit' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "0 False"
    text = (data_dir / "hires" / f"{hire}.toml").read_text(encoding="utf-8")
    assert tomllib.loads(text)["items"]["appoint-mentor"]["status"] == "done"
