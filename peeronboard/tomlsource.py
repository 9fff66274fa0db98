"""Reading TOML files with errors that point at a line, and finding the line of a key."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path
from typing import Any

from .problems import FormatError, Problem
from .safefile import read_regular

KeyPath = tuple[str | int, ...]

# patterns of an error message and of the line scanner: the strings, compiled (and kept by ``re``) at
# their first use, as a file that loads without a problem needs none of them
_POSITION = r"\s*\(at line (\d+), column (\d+)\)$"
_AT_END = r"\s*\(at end of document\)$"
_HEADER = r"^\s*(\[\[?)(.+?)(\]\]?)\s*(?:#.*)?$"
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_KEY = rf"^\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=(.*)$"


def read_text(path: Path, *, follow_links: bool = True) -> str:
    """The file's text; not-UTF-8 content is a problem at the first bad byte. Anything but a regular
    file (a FIFO, a device, a folder; a symbolic link unless ``follow_links``) is a problem, never
    opened for a read that could block."""
    try:
        raw = read_regular(path, follow_links=follow_links)
    except OSError as error:
        raise FormatError([Problem(path, f"cannot read: {error.strerror or error}")]) from None
    return decode(raw, path)


def decode(raw: bytes, path: Path | None) -> str:
    """UTF-8 text without a byte order mark first (as the codec utf-8-sig, which is not loaded for
    this; and a bad byte's place counts from the file's start, the mark included)."""
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"not UTF-8 text (byte 0x{raw[error.start]:02x})"
        raise FormatError([Problem(path, message, line, column)]) from None


def parse(text: str, path: Path | None) -> dict[str, Any]:
    """Parse with the fast stdlib parser; a syntax error becomes a FILE:LINE:COL problem."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise FormatError([Problem(path, f"values are nested too deeply (more than about "
                                         f"{sys.getrecursionlimit() // 4} levels)", 1)]) from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line = column = None
        if match := re.search(_POSITION, message):
            line, column = int(match.group(1)), int(match.group(2))
            message = message[: match.start()]
        elif match := re.search(_AT_END, message):
            lines = text.split("\n")
            line, column = len(lines), len(lines[-1]) + 1
            message = message[: match.start()] + " at end of file"
        raise FormatError([Problem(path, f"TOML syntax: {message}", line, column)]) from None


def load(path: Path, *, follow_links: bool = True) -> tuple[dict[str, Any], str]:
    """Read and parse one TOML file; returns the data and the text it came from."""
    text = read_text(path, follow_links=follow_links)
    return parse(text, path), text


def _split_key(key: str) -> list[str]:
    parts = []
    for part in re.findall(_KEY_PART, key):
        if part[0] in "\"'":
            part = tomllib.loads(f"k = {part}")["k"]
        parts.append(part)
    return parts


def locate(text: str, target: KeyPath) -> int | None:
    """The line where ``target`` (or the nearest table or key that contains it) is written.

    A light line scanner: it follows ``[table]`` and ``[[array]]`` headers and ``key =`` lines,
    skipping multi-line strings. Good enough to point a person at the right place.
    """
    best_line, best_depth = None, 0
    current: KeyPath = ()
    array_counts: dict[KeyPath, int] = {}
    open_string: str | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if open_string:
            if line.count(open_string) % 2 == 1:
                open_string = None
            continue
        candidate: KeyPath
        if header := re.match(_HEADER, line):
            keys = _split_key(header.group(2))
            if not keys:
                continue
            parent: KeyPath = ()
            for key in keys[:-1]:
                parent += (key,)
                if parent in array_counts:
                    parent += (array_counts[parent] - 1,)
            base = parent + (keys[-1],)
            if header.group(1) == "[[":
                index = array_counts.get(base, 0)
                array_counts[base] = index + 1
                current = base + (index,)
            else:
                current = base
            candidate = current
        elif key_line := re.match(_KEY, line):
            candidate = current + tuple(_split_key(key_line.group(1)))
            rest = key_line.group(2)
            for quote in ('"""', "'''"):
                if rest.count(quote) % 2 == 1:
                    open_string = quote
                    break
        else:
            continue
        depth = len(candidate)
        if depth > best_depth and target[:depth] == candidate:
            best_line, best_depth = number, depth
            if depth == len(target):
                break
    return best_line
