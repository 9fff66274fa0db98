"""Hire records on disk: round trips, safe concurrent writes, unreadable files left alone."""

from __future__ import annotations

import datetime as dt
import os
import stat
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peeronboard.errors import NoChange
from peeronboard.library import ChecklistLibrary
from peeronboard.onboarding import Onboarding
from peeronboard.problems import FormatError
from peeronboard.record import RECORD_FORMAT, HireRecord, ItemState, LogEntry, OwnItem
from peeronboard.store import HireStore

from .conftest import DATA

START = dt.date(2027, 2, 1)
NOW = dt.datetime(2027, 1, 20, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def store(data_dir: Path) -> HireStore:
    return HireStore(data_dir)


@pytest.fixture
def onboarding(store: HireStore) -> Onboarding:
    return Onboarding(store, ChecklistLibrary.discover([DATA]), "leder", lambda: dt.date(2027, 1, 20))


def draft(**changes: object) -> HireRecord:
    fields: dict = {"id": "new", "name": "Anna", "checklist": "sample", "start_date": START}
    fields.update(changes)
    return HireRecord(**fields)


names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    lambda s: s.strip() == s and s.strip())
states = st.builds(
    ItemState,
    status=st.sampled_from(["open", "done", "skipped"]),
    date=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)),
    by=st.none() | names, note=st.none() | st.text(max_size=60).filter(lambda s: "\r" not in s),
    due=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)),
    reason=st.none() | names, assignee=st.none() | names, title_da=st.none() | names,
    title_en=st.none() | names,
)
own_items = st.dictionaries(st.integers(1, 99).map(lambda n: f"own-{n}"),
                            st.builds(OwnItem, title=names, phase=st.none() | names, owner=st.none() | names),
                            max_size=3)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=names, unit=st.none() | names, mentor=st.none() | names,
       start=st.dates(dt.date(1900, 1, 1), dt.date(2999, 12, 31)),
       items=st.dictionaries(st.from_regex(r"[a-z0-9æøå]+(-[a-z0-9]+)?", fullmatch=True), states, max_size=5),
       contacts=st.tuples(st.none() | names, st.none() | names),
       finished=st.none() | st.tuples(st.dates(dt.date(1900, 1, 1), dt.date(2999, 12, 31)), st.none() | names),
       own=own_items)
def test_any_record_written_reads_back_equal(store: HireStore, name: str, unit: str | None,
                                              mentor: str | None, start: dt.date,
                                              items: dict[str, ItemState], contacts: tuple,
                                              finished: tuple | None, own: dict[str, OwnItem]) -> None:
    log = (LogEntry(NOW, "leder", "create"),)
    ended, why = finished or (None, None)
    written = store.create(draft(name=name, unit=unit, mentor=mentor, start_date=start, items=items,
                                 log=log, created=NOW, hr_contact=contacts[0], centre_contact=contacts[1],
                                 finished=ended, finish_reason=why if ended else None, own=own))
    assert store.load(written.id) == written
    assert written.name == name and written.items == items and written.log == log
    assert (written.hr_contact, written.centre_contact, written.finished, dict(written.own)) == (
        contacts[0], contacts[1], ended, own)
    store.load_all()  # writes the index
    listed = {r.id: r for r in store.load_all()[0]}  # now from the index
    assert listed[written.id] == written._replace(log=()), "the index keeps every field of format 3"


def test_name_is_never_part_of_a_path(store: HireStore, hires_dir: Path) -> None:
    hostile = 'Bo "../../etc/passwd" / ~ Ærø 名前'
    record = store.create(draft(name=hostile))
    (path,) = hires_dir.glob("*.toml")
    assert path.name == f"{record.id}.toml"
    assert path.parent == hires_dir
    assert store.load(record.id).name == hostile


def test_folders_and_files_are_private(store: HireStore, data_dir: Path, hires_dir: Path) -> None:
    record = store.create(draft())
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(hires_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.path_for(record.id).stat().st_mode) == 0o600


def test_a_tick_is_logged_with_who_and_what(onboarding: Onboarding) -> None:
    record = onboarding.add("Anna", START, "sample")
    updated = onboarding.check(record, "appoint-mentor", note="Mette")
    state = updated.state("appoint-mentor")
    assert state.work() == ItemState("done", dt.date(2027, 1, 20), "leder", "Mette")
    assert state.title_en == "Appoint a mentor", "the title is kept, for when the checklist drops the item"
    assert [(e.action, e.item, e.by) for e in updated.log] == [
        ("create", None, "leder"), ("check", "appoint-mentor", "leder")]


def test_edits_keep_the_users_comments_and_unknown_keys(onboarding: Onboarding, store: HireStore) -> None:
    record = onboarding.add("Anna", START, "sample")
    path = store.path_for(record.id)
    text = path.read_text(encoding="utf-8").replace(
        'name = "Anna"', 'name = "Anna"  # prefers Anna over Anne\nphone_extension = "4711"')
    path.write_text("# written by hand\n" + text, encoding="utf-8")
    onboarding.check(record, "appoint-mentor")
    after = path.read_text(encoding="utf-8")
    assert after.startswith("# written by hand\n")
    assert 'name = "Anna"  # prefers Anna over Anne' in after
    assert 'phone_extension = "4711"' in after


def test_unreadable_record_is_reported_untouched_and_others_still_work(
        onboarding: Onboarding, store: HireStore, hires_dir: Path) -> None:
    good = onboarding.add("Anna", START, "sample")
    broken = hires_dir / "brokn1.toml"
    broken.write_bytes(b'format = 1\nid = "brokn1"\nname = "Bo\n')
    before = broken.read_bytes()
    records, problems = store.load_all()
    assert [r.id for r in records] == [good.id]
    assert len(problems) == 1 and str(problems[0]).startswith(f"{broken}:3:")
    with pytest.raises(FormatError):
        store.modify("brokn1", _never_applied)
    assert broken.read_bytes() == before
    onboarding.check(good, "appoint-mentor")
    assert store.load(good.id).state("appoint-mentor").status == "done"


def test_newer_record_format_is_refused_and_never_rewritten(store: HireStore, hires_dir: Path) -> None:
    record = store.create(draft())
    path = store.path_for(record.id)
    path.write_text(path.read_text(encoding="utf-8").replace(f"format = {RECORD_FORMAT}", "format = 9"),
                    encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(FormatError, match="record format 9 is newer"):
        store.modify(record.id, _never_applied)
    assert path.read_bytes() == before


def _never_applied(record: HireRecord) -> tuple[str, ItemState, LogEntry]:
    raise AssertionError("a change was applied to a record that could not be read")


def test_retired_items_keep_their_state(onboarding: Onboarding, store: HireStore) -> None:
    record = onboarding.add("Anna", START, "sample")
    retire = LogEntry(dt.datetime(2027, 1, 2, tzinfo=dt.UTC), "test", "check", "old-item")
    store.modify(record.id, lambda r: ("old-item", ItemState("done", note="kept"), retire))
    progress = onboarding.progress(store.load(record.id))
    assert [v.item_id for v in progress.retired] == ["old-item"]
    assert progress.retired[0].state.note == "kept"
    assert progress.total == 4  # the retired item does not count against the checklist


def test_threads_ticking_different_items_lose_nothing(onboarding: Onboarding, store: HireStore) -> None:
    record = onboarding.add("Anna", START, "sample")
    items = ["appoint-mentor", "order-workstation", "peer-training", "appraisal"] * 3
    errors: list[BaseException] = []

    already: list[NoChange] = []

    def tick(item: str) -> None:
        try:
            onboarding.note(record, item, f"note from {threading.get_ident()}")
            onboarding.check(record, item)
        except NoChange as same:  # another thread ticked it first: nothing to do, nothing logged
            already.append(same)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=tick, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    final = store.load(record.id)
    assert {i: s.status for i, s in final.items.items()} == dict.fromkeys(set(items), "done")
    assert len(already) == len(items) - len(set(items))
    assert len(final.log) == 1 + len(items) + len(set(items)), "every note, and each item ticked once"


def test_erase_removes_the_record_and_leftover_temp_files(store: HireStore, hires_dir: Path) -> None:
    record = store.create(draft(name="Kirsten Østergaard"))
    leftover = hires_dir / f".{record.id}.toml.abc123.tmp"
    leftover.write_text('name = "Kirsten Østergaard"', encoding="utf-8")
    other = store.create(draft(name="Other"))
    store.erase(record.id)
    remaining = [p for p in hires_dir.rglob("*") if p.is_file()]
    assert all("Østergaard" not in p.read_text(encoding="utf-8", errors="replace") for p in remaining)
    assert store.path_for(other.id).exists()
    assert not store.path_for(record.id).exists()


def test_full_disk_gives_a_clear_error_and_keeps_the_old_record(
        onboarding: Onboarding, store: HireStore, hires_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from peeronboard.errors import StoreError

    record = onboarding.add("Anna", START, "sample")
    before = store.path_for(record.id).read_bytes()

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(StoreError, match="could not save .*No space left on device"):
        onboarding.check(record, "appoint-mentor")
    monkeypatch.undo()
    assert store.path_for(record.id).read_bytes() == before
    assert not list(hires_dir.glob(".*.tmp")), "the half-written temp file is cleaned up"


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(cut=st.floats(0, 1, exclude_max=True))
def test_a_truncated_record_is_reported_and_left_alone(onboarding: Onboarding, store: HireStore,
                                                       cut: float) -> None:
    """A record cut short (a copy or a sync that stopped half-way) is a problem row, never a crash,
    and a change to it is refused without touching it."""
    record = onboarding.add("Anna", START, "sample")
    onboarding.check(record, "appoint-mentor", note="Mette")
    path = store.path_for(record.id)
    raw = path.read_bytes()
    path.write_bytes(raw[:int(len(raw) * cut)])
    before = path.read_bytes()
    try:
        store.load(record.id)
    except FormatError as error:
        assert all(p.path == path for p in error.problems)
        with pytest.raises(FormatError):
            onboarding.check(record.id, "order-workstation")
        assert path.read_bytes() == before
        records, problems = store.load_all()
        assert record.id not in {r.id for r in records} and problems
    store.erase(record.id)


@pytest.mark.parametrize("in_folder", [True, False], ids=["in the open folder", "by path"])
def test_a_snapshot_stamps_each_record_file_itself_and_nothing_else(store: HireStore, hires_dir: Path,
                                                                    monkeypatch: pytest.MonkeyPatch,
                                                                    in_folder: bool) -> None:
    """Both ways of looking (in the open folder, where the system can; by each whole path) see the
    same: every ``ID.toml``, a link by the link's own stamp (never its target's), no hidden file,
    no other name."""
    import peeronboard.store as store_module

    if in_folder and not store_module._STAT_IN_FOLDER:
        pytest.skip("this system cannot look up a file in an open folder")
    monkeypatch.setattr(store_module, "_STAT_IN_FOLDER", in_folder)
    hires_dir.mkdir(parents=True, exist_ok=True)
    (hires_dir / "anna01.toml").write_text("x = 1\n")
    (hires_dir / ".hidden.toml").write_text("")
    (hires_dir / "notes.txt").write_text("")
    (hires_dir / "folder.toml").mkdir()
    target = hires_dir.parent / "elsewhere.toml"
    target.write_text("a much longer file than the link\n")
    if os.name != "nt":
        (hires_dir / "link01.toml").symlink_to(target)
    found = store.snapshot()
    expected = {name[:-5]: os.lstat(hires_dir / name) for name in ("anna01.toml", "folder.toml", "link01.toml")
                if os.path.lexists(hires_dir / name)}
    assert found == {hire_id: (info.st_ino, info.st_mtime_ns, info.st_size) for hire_id, info in expected.items()}
    (hires_dir / "anna01.toml").write_text("x = 12\n")
    assert store.snapshot()["anna01"][2] == 7  # a change shows in the stamp


def test_a_snapshot_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert HireStore(tmp_path / "nowhere").snapshot() == {}
