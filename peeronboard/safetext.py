"""Text from files shown harmlessly, and text a person types checked for invisible controls.

Records and checklists are edited by hand and arrive by sync, so any text in them (a note, a name, a
checklist title, a file name) may hold terminal escapes (ESC, CSI), other control characters or the
bidirectional overrides that reorder what a reader sees (the "Trojan Source" trick). Wherever such text
is shown, each of those characters is written as a visible ``\\u001b``-style escape instead, which never
reaches the terminal as a command. (In a JSON string that spelling is the same character again, so
JSON output stays valid and equal.)

Most text holds none of them, and a listing writes megabytes of it: text whose characters all fit in
one byte (Latin-1) is cleared by deleting its harmless bytes and seeing nothing left, which is many
times quicker than a regular expression; the expressions are compiled when first needed.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    import re
    from typing import TextIO

# C0 controls but tab and line feed, DEL, C1 controls; bidi marks, embeddings, overrides and isolates;
# the Unicode line and paragraph separators (line breaks a terminal does not show as such); lone
# surrogates, which stand for bytes that were not UTF-8 (in file names and arguments)
_OTHER_UNSAFE = r"\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_PATTERNS = {
    "unsafe": rf"[\x00-\x08\x0b-\x1f{_OTHER_UNSAFE}]",
    "unsafe or line break": rf"[\x00-\x1f{_OTHER_UNSAFE}]",
    # on output, a CR that ends a line (CRLF, as iCalendar writes) is a line break, not an overwrite
    "unsafe but CRLF": rf"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f{_OTHER_UNSAFE}]",
    # what may need "unsafe but CRLF": one class, which a search skips through quickly
    "unsafe or CR": rf"[\x00-\x08\x0b-\x1f{_OTHER_UNSAFE}]",
}
_COMPILED: dict[str, re.Pattern[str]] = {}

# the Latin-1 characters that are never escaped: printable ASCII, no-break space to ÿ; with line feed
# and tab for text of several lines
_HARMLESS_LATIN_1 = bytes([*range(0x20, 0x7f), *range(0xa0, 0x100)])
_HARMLESS_LATIN_1_LINES = _HARMLESS_LATIN_1 + b"\n\t"


def _pattern(name: str) -> re.Pattern[str]:
    compiled = _COMPILED.get(name)
    if compiled is None:
        import re

        compiled = _COMPILED[name] = re.compile(_PATTERNS[name])
    return compiled


def _plainly_harmless(text: str, harmless: bytes) -> bool:
    """Whether ``text`` is Latin-1 made only of ``harmless`` characters (False: look closer)."""
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return not raw.translate(None, harmless)


def _escape(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group(0)):04x}"


def visible(text: str, *, multiline: bool = True) -> str:
    """``text`` with every control and bidi character shown as ``\\uXXXX``; line breaks and tabs
    are kept unless ``multiline`` is False (for one-line places such as a table cell)."""
    if _plainly_harmless(text, _HARMLESS_LATIN_1_LINES if multiline else _HARMLESS_LATIN_1):
        return text
    pattern = _pattern("unsafe" if multiline else "unsafe or line break")
    if not pattern.search(text):
        return text
    return pattern.sub(_escape, text)


def has_unsafe(text: str, *, multiline: bool = False) -> bool:
    """Whether typed text holds a character that ``visible`` would escape (with ``multiline``, line
    breaks and tabs are allowed)."""
    if _plainly_harmless(text, _HARMLESS_LATIN_1_LINES if multiline else _HARMLESS_LATIN_1):
        return False
    return bool(_pattern("unsafe" if multiline else "unsafe or line break").search(text))


class VisibleStream:
    """A text stream that writes everything through ``visible``: the last guard before a terminal.

    Line feeds, tabs and CRLF line ends pass; a lone CR (which would let text overwrite what was
    printed before it) and every other control or bidi character is escaped.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        written = len(text)
        if not _plainly_harmless(text, _HARMLESS_LATIN_1_LINES) and _pattern("unsafe or CR").search(text):
            text = _pattern("unsafe but CRLF").sub(_escape, text)
        self._stream.write(text)
        return written

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)
