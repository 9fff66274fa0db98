"""The built-in checklists: valid, complete in both languages, and true to their sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from peeronboard.checklist import load_checklist

BUILTIN = sorted((Path(__file__).parent.parent / "checklists").glob("*.toml"))

NORDJYLLAND_TITLES = {
    "before": [
        "Udpege mentor",
        "Udarbejde stillingsopslag",
        "Nedsætte ansættelsesudvalg",
        "Udarbejde ansættelseskontrakt",
        "Introducere til personalegruppen",
        "Bestille arbejdsstation og andet udstyr",
    ],
    "after": [
        "Tilmelde peeruddannelse",
        "Tilmelde obligatoriske kurser",
        "Oplæring i dokumentation",
        "Introduktion af peermedarbejderen til personalegruppen",
        "Afvikle workshops om personlig recovery",
    ],
}
NORDJYLLAND_REFS = ["s. 19", "s. 21", "s. 21", None, "s. 23", "s. 23", "s.17", "s. 22", "s. 22", "s. 25", "s. 23"]


@pytest.mark.parametrize("path", BUILTIN, ids=[p.stem for p in BUILTIN])
def test_builtin_checklist_is_complete(path: Path) -> None:
    checklist = load_checklist(path)
    assert checklist.id == path.stem
    assert checklist.title.has("da") and checklist.title.has("en")
    assert checklist.source is not None
    for phase in checklist.phases:
        assert phase.title.has("da") and phase.title.has("en")
    for item in checklist.items:
        assert item.title.has("da") and item.title.has("en"), item.id
        assert item.owner in {"leader", "mentor", "hr", "peer", "centre", "staff", "coordinator"}, item.id
        assert item.ref, item.id
        assert item.guidance is not None and item.guidance.has("da") and item.guidance.has("en"), item.id


def test_nordjylland_titles_are_the_guides_word_for_word() -> None:
    checklist = load_checklist(Path(__file__).parent.parent / "checklists" / "nordjylland-leder.toml")
    titles = {phase.id: [item.title.in_lang("da") for item in phase.items] for phase in checklist.phases}
    assert titles == NORDJYLLAND_TITLES
    assert [p.title.in_lang("da") for p in checklist.phases] == ["Før ansættelse", "Efter ansættelse"]
    for item, page in zip(checklist.items, NORDJYLLAND_REFS, strict=True):
        if page is not None:
            assert item.ref is not None and page.replace(" ", "") in item.ref.replace(" ", ""), item.id
    before = checklist.phases[0].items
    assert all(item.due is not None and item.due.amount <= 0 for item in before)
