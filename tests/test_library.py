"""Finding checklists: later folders win, broken files are reported, and only what is needed is parsed."""

from __future__ import annotations

from pathlib import Path

from peeronboard.library import ChecklistLibrary

from .conftest import DATA

TINY = 'format = 1\nid = "{id}"\ntitle = "{title}"\n[[phases]]\nid = "p"\ntitle = "P"\n'


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_later_folder_replaces_an_id_and_a_broken_override_falls_back(tmp_path: Path) -> None:
    first, second = tmp_path / "builtin", tmp_path / "user"
    write(first, "a.toml", TINY.format(id="a", title="Built-in A"))
    write(first, "b.toml", TINY.format(id="b", title="Built-in B"))
    write(second, "a.toml", TINY.format(id="a", title="Our A"))
    broken = write(second, "b.toml", 'format = 1\nid = "b"\n')
    library = ChecklistLibrary.discover([first, second])
    assert library.get("a").title.in_lang("en") == "Our A"
    assert not library.is_builtin("a")
    assert library.get("b").title.in_lang("en") == "Built-in B" and library.is_builtin("b")
    found = [str(p) for p in library.problems_so_far]
    assert f"{broken}:1: missing required key 'title' in the top level" in found
    assert all(p.startswith(str(broken)) for p in found)


def test_only_the_needed_checklist_is_parsed(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", TINY.format(id="a", title="A"))
    write(tmp_path, "z.toml", 'format = 1\nid = "z"\ntitle = 3\n')  # broken, but not needed
    library = ChecklistLibrary.discover([tmp_path])
    assert library.get("a") is not None and library.problems_so_far == []
    assert library.problems and all(p.path.name == "z.toml" for p in library.problems)  # reads all


def test_two_files_with_one_id_in_a_folder_and_ids_written_unusually(tmp_path: Path) -> None:
    write(tmp_path, "one.toml", TINY.format(id="same", title="One"))
    twin = write(tmp_path, "two.toml", TINY.format(id="same", title="Two"))
    write(tmp_path, "quoted.toml", TINY.format(id="x", title="X").replace('id = "x"', "id = 'quoted'"))
    library = ChecklistLibrary.discover([tmp_path])
    assert library.get("same").title.in_lang("en") == "One"
    assert library.get("quoted") is not None  # found by parsing when the quick look cannot tell
    assert any(str(p).startswith(f"{twin}:1: checklist id 'same' is also defined in") for p in library.problems)


def test_the_sample_fixture_loads() -> None:
    assert ChecklistLibrary.discover([DATA]).get("sample").item_count == 4


def test_a_parsed_checklist_is_kept_and_a_changed_file_is_read_again(tmp_path: Path, monkeypatch) -> None:
    folder, cache = tmp_path / "checklists", tmp_path / "cache"
    path = write(folder, "a.toml", TINY.format(id="a", title="First"))
    assert ChecklistLibrary.discover([folder], cache).get("a").title.in_lang("en") == "First"

    def no_parsing(*args: object) -> None:
        raise AssertionError("an unchanged checklist was parsed again")

    monkeypatch.setattr("peeronboard.tomlsource.parse", no_parsing)
    assert ChecklistLibrary.discover([folder], cache).get("a").title.in_lang("en") == "First"
    monkeypatch.undo()

    path.write_text(TINY.format(id="a", title="Second, longer"), encoding="utf-8")
    assert ChecklistLibrary.discover([folder], cache).get("a").title.in_lang("en") == "Second, longer"


def test_a_damaged_cache_is_ignored_and_a_broken_file_is_never_kept(tmp_path: Path) -> None:
    folder, cache = tmp_path / "checklists", tmp_path / "cache"
    write(folder, "a.toml", TINY.format(id="a", title="A"))
    broken = write(folder, "b.toml", 'format = 1\nid = "b"\ntitle = "B"\n')  # no phases
    ChecklistLibrary.discover([folder], cache).checklists  # noqa: B018 - fills the cache
    assert len(list(cache.glob("*.json"))) == 1  # only the file that loaded
    for entry in cache.glob("*.json"):
        entry.write_bytes(b"\x00{not json")
    library = ChecklistLibrary.discover([folder], cache)
    assert library.get("a").title.in_lang("en") == "A"
    assert [p.path for p in library.problems] == [broken]
