"""Any checklist the loader accepts survives a round trip: written as TOML and loaded again (from the
file and from the parse cache) it is the same checklist, in every language, item and due offset."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest
import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peeronboard import tomlsource
from peeronboard.checklist import CHECKLIST_FORMAT, Checklist, Item, Phase, load_checklist
from peeronboard.dates import Offset
from peeronboard.library import ChecklistLibrary
from peeronboard.paths import builtin_checklists_dir
from peeronboard.text import LocalText


def checklist_toml(checklist: Checklist) -> str:
    """``checklist`` as a checklist file, in the documented format (the inverse of the loader)."""
    def text(value: LocalText | None) -> object:
        return value.to_toml() if value is not None else None

    def table(**values: object) -> tomlkit.items.Table:
        made = tomlkit.table()
        for key, value in values.items():
            if value is not None:
                made.add(key, value)
        return made

    doc = tomlkit.document()
    for key, value in (("format", CHECKLIST_FORMAT), ("id", checklist.id), ("version", checklist.version),
                       ("title", text(checklist.title)), ("description", text(checklist.description)),
                       ("source", text(checklist.source))):
        if value is not None:
            doc.add(key, value)
    phases = tomlkit.aot()
    for phase in checklist.phases:
        written = table(id=phase.id, title=text(phase.title), description=text(phase.description))
        items = tomlkit.aot()
        for item in phase.items:
            items.append(table(id=item.id, title=text(item.title), owner=item.owner,
                               due=str(item.due) if item.due else None, ref=item.ref,
                               source=text(item.source), guidance=text(item.guidance),
                               optional=item.optional or None))
        if phase.items:
            written.add("items", items)
        phases.append(written)
    doc.add("phases", phases)
    return tomlkit.dumps(doc)


# --- what a checklist may hold ------------------------------------------------------------------

ids = st.from_regex(r"[a-z0-9æøå]{1,8}(-[a-z0-9æøå]{1,8}){0,2}", fullmatch=True)
words = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30).filter(str.strip)
languages = st.sampled_from(["da", "en", "de", "sv", "kl", "fao"])
local_texts = words.map(LocalText.plain) | st.dictionaries(languages, words, min_size=1, max_size=3).map(
    lambda texts: LocalText(tuple(texts.items())))
offsets = st.builds(lambda sign, amount, unit: Offset(sign * amount, unit), st.sampled_from([1, -1]),
                    st.integers(0, 99), st.sampled_from("dwmy"))


@st.composite
def checklists(draw: st.DrawFn) -> Checklist:
    phase_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    item_ids = iter(draw(st.lists(ids, min_size=6 * len(phase_ids), max_size=6 * len(phase_ids),
                                  unique=True)))
    phases = []
    for phase_id in phase_ids:
        items = tuple(
            Item(next(item_ids), phase_id, draw(local_texts), draw(st.none() | words), draw(st.none() | offsets),
                 draw(st.none() | words), draw(st.none() | local_texts), draw(st.none() | local_texts),
                 draw(st.booleans()))
            for _ in range(draw(st.integers(0, 5))))
        phases.append(Phase(phase_id, draw(local_texts), items, draw(st.none() | local_texts)))
    return Checklist(draw(ids), draw(local_texts), tuple(phases), draw(st.integers(1, 10**6)),
                     draw(st.none() | local_texts), draw(st.none() | local_texts))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(checklist=checklists())
def test_every_checklist_written_loads_back_equal_from_the_file_and_the_cache(
        tmp_path_factory: pytest.TempPathFactory, checklist: Checklist) -> None:
    folder = tmp_path_factory.mktemp("lists")
    path = folder / "list.toml"
    path.write_text(checklist_toml(checklist), encoding="utf-8")
    assert load_checklist(path) == checklist
    cache = tmp_path_factory.mktemp("cache")
    first = ChecklistLibrary.discover([folder], cache).get(checklist.id)
    with mock.patch.object(tomlsource, "load", side_effect=AssertionError("the TOML was parsed again")):
        again = ChecklistLibrary.discover([folder], cache).get(checklist.id)  # from the parse cache only
    assert first == again == checklist


@pytest.mark.parametrize("path", sorted(builtin_checklists_dir().glob("*.toml")), ids=lambda p: p.stem)
def test_every_builtin_checklist_survives_a_round_trip(tmp_path: Path, path: Path) -> None:
    builtin = load_checklist(path)
    copy = tmp_path / path.name
    copy.write_text(checklist_toml(builtin), encoding="utf-8")
    assert load_checklist(copy) == builtin
