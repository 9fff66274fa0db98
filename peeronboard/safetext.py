"""Text from files shown harmlessly, and text a person types checked for invisible controls.

Records and checklists are edited by hand and arrive by sync, so any text in them (a note, a name, a
checklist title, a file name) may hold terminal escapes (ESC, CSI), other control characters or the
bidirectional overrides that reorder what a reader sees (the "Trojan Source" trick). Wherever such text
is shown, each of those characters is written as a visible ``\\u001b``-style escape instead, which never
reaches the terminal as a command. (In a JSON string that spelling is the same character again, so
JSON output stays valid and equal.)
"""

from __future__ import annotations

import re
from typing import TextIO

# C0 controls but tab and line feed, DEL, C1 controls; bidi marks, embeddings, overrides and isolates;
# the Unicode line and paragraph separators (line breaks a terminal does not show as such); lone
# surrogates, which stand for bytes that were not UTF-8 (in file names and arguments)
_OTHER_UNSAFE = r"\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = re.compile(rf"[\x00-\x08\x0b-\x1f{_OTHER_UNSAFE}]")
_UNSAFE_OR_LINE_BREAK = re.compile(rf"[\x00-\x1f{_OTHER_UNSAFE}]")
# on output, a CR that ends a line (CRLF, as iCalendar writes) is a line break, not an overwrite
_UNSAFE_BUT_CRLF = re.compile(rf"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f{_OTHER_UNSAFE}]")


def _escape(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group(0)):04x}"


def visible(text: str, *, multiline: bool = True) -> str:
    """``text`` with every control and bidi character shown as ``\\uXXXX``; line breaks and tabs
    are kept unless ``multiline`` is False (for one-line places such as a table cell)."""
    pattern = _UNSAFE if multiline else _UNSAFE_OR_LINE_BREAK
    if not pattern.search(text):
        return text
    return pattern.sub(_escape, text)


def has_unsafe(text: str, *, multiline: bool = False) -> bool:
    """Whether typed text holds a character that ``visible`` would escape (with ``multiline``, line
    breaks and tabs are allowed)."""
    return bool((_UNSAFE if multiline else _UNSAFE_OR_LINE_BREAK).search(text))


class VisibleStream:
    """A text stream that writes everything through ``visible``: the last guard before a terminal.

    Line feeds, tabs and CRLF line ends pass; a lone CR (which would let text overwrite what was
    printed before it) and every other control or bidi character is escaped.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(_UNSAFE_BUT_CRLF.sub(_escape, text))
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)
