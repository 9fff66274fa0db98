"""Reading a file whole: every byte of it, and a one-line refusal past the limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from peeronboard.safefile import NotAFile, read_regular


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 3 * 1024 * 1024 + 7])
def test_a_file_is_read_to_its_last_byte(tmp_path: Path, size: int) -> None:
    path = tmp_path / "record.toml"
    data = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    path.write_bytes(data)
    assert read_regular(path) == data


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"x" * 3_000_000)
    with pytest.raises(NotAFile, match="larger than"):
        read_regular(path, max_bytes=2 * 1024 * 1024)


class Growing:
    """A file that is longer when read than when its size was taken (another writer appends)."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def read(self, count: int) -> bytes:
        piece = self.data[self.at:self.at + count]
        self.at += len(piece)
        return piece


def test_a_file_that_grew_since_its_size_was_taken_is_read_whole_or_refused() -> None:
    from peeronboard.safefile import _read_to_end

    assert _read_to_end(Growing(b"a" * 5000), 100, 10_000) == b"a" * 5000
    assert len(_read_to_end(Growing(b"a" * 50_000), 100, 10_000)) == 10_001  # one more: too large
