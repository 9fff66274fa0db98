"""Text from files shown harmlessly, and text a person types checked for invisible controls.

Records and checklists are edited by hand and arrive by sync, so any text in them (a note, a name, a
checklist title, a file name) may hold terminal escapes (ESC, CSI), other control characters or the
bidirectional overrides that reorder what a reader sees (the "Trojan Source" trick). Wherever such text
is shown, each of those characters is written as a visible ``\\u001b``-style escape instead, which never
reaches the terminal as a command. (In a JSON string that spelling is the same character again, so
JSON output stays valid and equal.)

Most text holds none of them, and a listing writes megabytes of it: text is cleared by deleting its
harmless bytes and seeing nothing left (``_plainly_harmless``), many times quicker than a regular
expression over its characters; the expressions are compiled when first needed.
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
# other text as UTF-8: the bytes that are never part of an escaped character (every byte but the
# controls, DEL, and the first bytes of C1 controls, U+0600-U+063F and U+2000-U+2FFF); and the sequences of
# those first bytes that are escaped characters (no escaped character starts with any other byte)
_SUSPECT_STARTS = b"\xc2\xd8\xe2"
_HARMLESS_UTF_8 = bytes(b for b in range(0x20, 0x100) if b != 0x7f and b not in _SUSPECT_STARTS)
_HARMLESS_UTF_8_LINES = _HARMLESS_UTF_8 + b"\n\t"
# (one expression each: one that starts with a known byte is searched for quickly)
_UNSAFE_UTF_8 = {0xc2: rb"\xc2[\x80-\x9f]", 0xd8: rb"\xd8\x9c",
                 0xe2: rb"\xe2(?:\x80[\x8e\x8f\xa8-\xae]|\x81[\xa6-\xa9])"}


def _pattern(name: str) -> re.Pattern[str]:
    compiled = _COMPILED.get(name)
    if compiled is None:
        import re

        compiled = _COMPILED[name] = re.compile(_PATTERNS[name])
    return compiled


def _plainly_harmless(text: str, lines: bool) -> bool:
    """Whether ``text`` certainly holds no character to escape (line feeds and tabs allowed with
    ``lines``); False: look closer. Latin-1 text is cleared by deleting its harmless bytes and seeing
    nothing left; other text likewise as UTF-8, where what is left must be first bytes that start no
    escaped character."""
    try:
        one_byte = text.encode("latin-1")
    except UnicodeEncodeError:
        pass
    else:
        return not one_byte.translate(None, _HARMLESS_LATIN_1_LINES if lines else _HARMLESS_LATIN_1)
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    left = raw.translate(None, _HARMLESS_UTF_8_LINES if lines else _HARMLESS_UTF_8)
    if not left:
        return True
    if left.translate(None, _SUSPECT_STARTS):  # a control character
        return False
    import re

    return not any(start in left and re.search(unsafe, raw) for start, unsafe in _UNSAFE_UTF_8.items())


def _escape(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group(0)):04x}"


def visible(text: str, *, multiline: bool = True) -> str:
    """``text`` with every control and bidi character shown as ``\\uXXXX``; line breaks and tabs
    are kept unless ``multiline`` is False (for one-line places such as a table cell)."""
    if _plainly_harmless(text, multiline):
        return text
    pattern = _pattern("unsafe" if multiline else "unsafe or line break")
    if not pattern.search(text):
        return text
    return pattern.sub(_escape, text)


def has_unsafe(text: str, *, multiline: bool = False) -> bool:
    """Whether typed text holds a character that ``visible`` would escape (with ``multiline``, line
    breaks and tabs are allowed)."""
    if _plainly_harmless(text, multiline):
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
        if not _plainly_harmless(text, True) and _pattern("unsafe or CR").search(text):
            text = _pattern("unsafe but CRLF").sub(_escape, text)
        self._stream.write(text)
        return written

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)
