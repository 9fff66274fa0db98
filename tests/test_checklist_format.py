"""The checklist TOML format: what loads, and the one-line messages for what does not."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peeronboard.checklist import load_checklist
from peeronboard.problems import FormatError

from .conftest import DATA

GOOD_HEAD = 'format = 1\nid = "x"\ntitle = "X"\n'


def problems_of(tmp_path: Path, text: str | bytes) -> list[str]:
    path = tmp_path / "list.toml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        load_checklist(path)
    return [str(p) for p in caught.value.problems]


def test_sample_checklist_loads_with_phases_items_and_languages() -> None:
    checklist = load_checklist(DATA / "sample.toml")
    assert checklist.id == "sample"
    assert checklist.version == 2
    assert [p.id for p in checklist.phases] == ["before", "after"]
    assert checklist.item_count == 4
    mentor = checklist.item("appoint-mentor")
    assert mentor is not None
    assert mentor.title.in_lang("da") == "Udpege mentor"
    assert mentor.title.in_lang("en") == "Appoint a mentor"
    assert mentor.owner == "leader" and mentor.ref == "s. 19" and str(mentor.due) == "-14d"
    plain = checklist.item("peer-training")
    assert plain is not None and plain.title.in_lang("en") == "Tilmelde peeruddannelse"
    appraisal = checklist.item("appraisal")
    assert appraisal is not None and appraisal.optional


def test_text_falls_back_to_the_other_language(tmp_path: Path) -> None:
    path = tmp_path / "l.toml"
    path.write_text('format = 1\nid = "x"\ntitle = { da = "Kun dansk" }\n'
                    '[[phases]]\nid = "p"\ntitle = "P"\n', encoding="utf-8")
    assert load_checklist(path).title.in_lang("en") == "Kun dansk"


def test_unknown_key_is_reported_at_its_line(tmp_path: Path) -> None:
    text = GOOD_HEAD + '[[phases]]\nid = "p"\ntitle = "P"\n\n[[phases.items]]\nid = "a"\ntitle = "A"\nownr = "leader"\n'
    assert problems_of(tmp_path, text) == [
        f"{tmp_path / 'list.toml'}:11: unknown key 'ownr' in phases[0].items[0]"
    ]


def test_bad_due_offset_points_at_the_right_item_in_the_right_phase(tmp_path: Path) -> None:
    text = GOOD_HEAD + (
        '[[phases]]\nid = "p"\ntitle = "P"\n'
        '[[phases.items]]\nid = "a"\ntitle = "A"\ndue = "-14d"\n'
        '[[phases]]\nid = "q"\ntitle = "Q"\n'
        '[[phases.items]]\nid = "b"\ntitle = "B"\n'
        '[[phases.items]]\nid = "c"\ntitle = "C"\ndue = "two weeks"\n'
    )
    (problem,) = problems_of(tmp_path, text)
    assert problem.startswith(f"{tmp_path / 'list.toml'}:20: due: 'two weeks' is not an offset")


def test_future_format_says_to_upgrade(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, 'format = 2\nid = "x"\ntitle = "X"\n')
    assert problem.endswith(":1: format 2 is newer than this peeronboard understands (up to 1); "
                            "upgrade peeronboard to read it")


def test_duplicate_ids_are_reported(tmp_path: Path) -> None:
    text = GOOD_HEAD + (
        '[[phases]]\nid = "p"\ntitle = "P"\n[[phases.items]]\nid = "a"\ntitle = "A"\n'
        '[[phases]]\nid = "p"\ntitle = "P2"\n[[phases.items]]\nid = "a"\ntitle = "A2"\n'
    )
    found = problems_of(tmp_path, text)
    assert any(":11: phase id 'p' is used twice" in p for p in found)
    assert any(":14: item id 'a' is used twice" in p for p in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ":1: missing required key 'format' in the top level"),
        ('format = 1\nid = "Bad Id"\ntitle = "X"\nphases = []\n', ":2: id = 'Bad Id' is not a valid id"),
        ('format = "1"\n', ":1: format must be a whole number, not '1'"),
        (GOOD_HEAD + 'phases = []\n', ":4: a checklist needs at least one phase"),
        (GOOD_HEAD + '[[phases]]\nid = "p"\ntitle = { dansk = "x" }\n', ":6: phases[0].title: 'dansk' is not a language code"),
        (GOOD_HEAD + '[[phases]]\nid = "p"\ntitle = 3\n', ":6: phases[0].title must be a string or a table"),
        (GOOD_HEAD + '[[phases]]\nid = "p"\ntitle = "P"\n[[phases.items]]\nid = "a"\ntitle = "A"\noptional = "no"\n',
         ":10: optional must be true or false"),
        (GOOD_HEAD + '[[phases]]\nid = "p"\ntitle = "P"\n[[phases.items]]\nid = "a"\ntitle = "A"\ndue = 14\n',
         ':10: due must be a string like "-14d"'),
        (GOOD_HEAD + '[[phases]]\nid = "p"\ntitle = "P"\n[[phases.items]]\nid = "a"\n', ":7: missing required key 'title'"),
    ],
)
def test_bad_values_name_the_line_and_the_field(tmp_path: Path, text: str, expected: str) -> None:
    found = problems_of(tmp_path, text)
    assert any(expected in p for p in found), found


def test_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, 'format = 1\nid = "x\n')
    assert problem.startswith(f"{tmp_path / 'list.toml'}:2:")
    assert "TOML syntax" in problem


def test_not_utf8_points_at_the_bad_byte(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, b'format = 1\nid = "caf\xe9"\n')
    assert problem == f"{tmp_path / 'list.toml'}:2:10: not UTF-8 text (byte 0xe9)"


def test_binary_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path, bytes(range(256)) * 4)
    assert "list.toml:" in problem


def test_ten_thousand_items_load(tmp_path: Path) -> None:
    items = "".join(f'[[phases.items]]\nid = "i{n}"\ntitle = "Item {n}"\ndue = "+{n % 300}d"\n'
                    for n in range(10_000))
    path = tmp_path / "big.toml"
    path.write_text(GOOD_HEAD + '[[phases]]\nid = "p"\ntitle = "P"\n' + items, encoding="utf-8")
    assert load_checklist(path).item_count == 10_000


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_random_bytes_never_crash_the_loader(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "random.toml"
    path.write_bytes(raw)
    try:
        load_checklist(path)
    except FormatError as error:
        assert error.problems and all(str(p).startswith(str(path)) for p in error.problems)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["format", "id", "title", "version", "phases", "source", "x"]),
                       st.one_of(st.integers(), st.text(max_size=5), st.booleans(),
                                 st.lists(st.integers(), max_size=2),
                                 st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2))))
def test_wrong_types_never_crash_the_loader(tmp_path: Path, data: dict) -> None:
    import tomlkit

    path = tmp_path / "typed.toml"
    path.write_text(tomlkit.dumps(data), encoding="utf-8")
    try:
        load_checklist(path)
    except FormatError as error:
        assert error.problems


SAMPLE_BYTES = (DATA / "sample.toml").read_bytes()


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.integers(0, len(SAMPLE_BYTES) - 1))
def test_a_truncated_checklist_is_a_problem_or_still_valid(tmp_path: Path, cut: int) -> None:
    """A file cut short (a copy or a sync that stopped half-way) never crashes the loader."""
    path = tmp_path / "cut.toml"
    path.write_bytes(SAMPLE_BYTES[:cut])
    try:
        load_checklist(path)
    except FormatError as error:
        assert error.problems and all(str(p).startswith(str(path)) for p in error.problems)
