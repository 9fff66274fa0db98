"""Reading TOML files with errors that point at a line, and finding the line of a key."""

from __future__ import annotations

import contextlib
import errno
import re
from pathlib import Path

from .i18n import Phrase
from .problems import FormatError, Problem
from .safefile import read_regular

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any

KeyPath = tuple[str | int, ...]
# the deepest nesting of tables and lists a file may have: what the comment-keeping editor (tomlkit)
# takes, so that every file that reads can also be changed; far less than the parser goes (about
# 1,000, which no part of peeronboard needs and some would not survive, comparing or writing it)
MAX_NESTING = 100

# patterns of an error message and of the line scanner: the strings, compiled (and kept by ``re``) at
# their first use, as a file that loads without a problem needs none of them
_POSITION = r"\s*\(at line (\d+), column (\d+)\)$"
_AT_END = r"\s*\(at end of document\)$"
_HEADER = r"^\s*(\[\[?)(.+?)(\]\]?)\s*(?:#.*)?$"
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_KEY = rf"^\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=(.*)$"
_BARE_KEY = r"[A-Za-z0-9_-]+"
_QUOTED = r"""(?:'.*'|".*")"""  # a text as the parser writes it, with repr
# the parser's messages (tomli 2.2-2.3, as Python 3.11's tomllib), each with the key of its words in
# both languages (see "toml.*" in i18n.MESSAGES); a key written as a tuple, ('a', 'b'), is the group "key"
_PARSER_MESSAGES = (
    ("Invalid value", "toml.invalid_value"),
    ("Invalid statement", "toml.invalid_statement"),
    ("Expected newline or end of document after a statement", "toml.newline_expected"),
    ("Expected '=' after a key in a key/value pair", "toml.equals_expected"),
    ("Expected ']' at the end of a table declaration", "toml.table_end"),
    ("Expected ']]' at the end of an array declaration", "toml.array_end"),
    (f"Expected (?P<expected>{_QUOTED})", "toml.expected"),
    (f"Found invalid character (?P<char>{_QUOTED})", "toml.invalid_character"),
    (f"Illegal character (?P<char>{_QUOTED})", "toml.illegal_character"),
    (r"Cannot declare (?P<key>\(.*\)) twice", "toml.declared_twice"),
    (r"Cannot mutate immutable namespace (?P<key>\(.*\))", "toml.immutable"),
    (r"Cannot redefine namespace (?P<key>\(.*\))", "toml.redefine"),
    (f"Duplicate inline table key (?P<stem>{_QUOTED})", "toml.inline_key_twice"),
    ("Cannot overwrite a value", "toml.overwrite"),
    ("Invalid initial character for a key part", "toml.key_start"),
    ("Unclosed array", "toml.unclosed_array"),
    ("Unclosed inline table", "toml.unclosed_inline_table"),
    (r"Unescaped '\\' in a string", "toml.unescaped_backslash"),
    ("Invalid hex value", "toml.hex"),
    ("Escaped character is not a Unicode scalar value", "toml.not_scalar"),
    ("Unterminated string", "toml.unterminated"),
    ("Invalid date or datetime", "toml.invalid_date"),
)


def read_text(path: Path, *, follow_links: bool = True) -> str:
    """The file's text; not-UTF-8 content is a problem at the first bad byte. Anything but a regular
    file (a FIFO, a device, a folder; a symbolic link unless ``follow_links``) is a problem, never
    opened for a read that could block."""
    try:
        raw = read_regular(path, follow_links=follow_links)
    except OSError as error:
        raise FormatError([Problem(path, Phrase("toml.cannot_read", reason=_os_reason(error)))]) from None
    return decode(raw, path)


# the reasons the system most often gives, in both languages (another one is said as the system says it)
_OS_REASONS = {errno.ENOENT: "toml.no_file", errno.EACCES: "toml.no_access"}


def _os_reason(error: OSError) -> str:
    reason = error.strerror or str(error)
    key = _OS_REASONS.get(error.errno)
    return phrase if key and (phrase := Phrase(key)) == reason else reason


def decode(raw: bytes, path: Path | None) -> str:
    """UTF-8 text without a byte order mark first (as the codec utf-8-sig, which is not loaded for
    this; and a bad byte's place counts from the file's start, the mark included)."""
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = Phrase("toml.not_utf8", byte=f"{raw[error.start]:02x}")
        raise FormatError([Problem(path, message, line, column)]) from None


def parse(text: str, path: Path | None) -> dict[str, Any]:
    """Parse with tomli, compiled (the parser Python ships as ``tomllib``, some three times quicker
    and quicker to import); a syntax error becomes a FILE:LINE:COL problem. The parser is imported at
    the first file parsed: a command answered from the index and the parse cache (``list``,
    ``agenda``, ``export``) parses none."""
    import tomli

    try:
        data = tomli.loads(text)
    except RecursionError:
        data = None
    except tomli.TOMLDecodeError as error:
        message, at_end = str(error), False
        line = column = None
        if match := re.search(_POSITION, message):
            line, column = int(match.group(1)), int(match.group(2))
            message = message[: match.start()]
        elif match := re.search(_AT_END, message):
            lines = text.split("\n")
            line, column = len(lines), len(lines[-1]) + 1
            message, at_end = message[: match.start()], True
        reason = _in_words(message)
        if at_end:
            reason = Phrase("toml.at_end", reason=reason)
        raise FormatError([Problem(path, Phrase("toml.syntax", reason=reason), line, column)]) from None
    if data is None or _deeper_than(data, MAX_NESTING):
        raise FormatError([Problem(path, Phrase("toml.too_deep", levels=MAX_NESTING), 1)])
    return data


def _deeper_than(data: dict[str, Any], limit: int) -> bool:
    """Whether a table or list in ``data`` lies more than ``limit`` levels below the file's top (looked
    for without recursion, so that any depth is only an answer)."""
    pending: list[tuple[object, int]] = [(data, 0)]
    while pending:
        value, depth = pending.pop()
        if depth > limit:
            return True
        children = value.values() if type(value) is dict else value
        pending.extend((child, depth + 1) for child in children if type(child) in (dict, list))
    return False


def _in_words(message: str) -> str:
    """The parser's message as a Phrase that says it in either language; one it does not know (from
    another Python) as it is."""
    for pattern, key in _PARSER_MESSAGES:
        if match := re.fullmatch(pattern, message):
            found = match.groupdict()
            if "key" in found:
                found["name"] = _dotted(found["key"])
            phrase = Phrase(key, **found)
            return phrase if phrase == message else message
    return message


def _dotted(written: str) -> str:
    """A key as the parser writes it, ``('a', 'b c')``, as a TOML file does: ``a."b c"``."""
    import ast  # only for a file with a syntax error
    import json

    try:
        parts = ast.literal_eval(written)
    except (ValueError, SyntaxError):
        return written
    if not isinstance(parts, tuple) or not all(isinstance(part, str) for part in parts):
        return written
    return ".".join(part if re.fullmatch(_BARE_KEY, part) else json.dumps(part, ensure_ascii=False)
                    for part in parts)


def load(path: Path, *, follow_links: bool = True) -> tuple[dict[str, Any], str]:
    """Read and parse one TOML file; returns the data and the text it came from."""
    text = read_text(path, follow_links=follow_links)
    return parse(text, path), text


def _split_key(key: str) -> list[str]:
    import tomli

    parts = []
    for part in re.findall(_KEY_PART, key):
        if part[0] in "\"'":
            with contextlib.suppress(tomli.TOMLDecodeError):  # a line the scanner took for a key: as written
                part = tomli.loads(f"k = {part}")["k"]
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
