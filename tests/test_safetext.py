"""The escaping of control and bidi characters, and its quick path for text with none of them.

``safetext`` clears text that fits in one byte per character (ASCII, Danish Latin-1) without a regular
expression: these tests make sure that every character the guard escapes is escaped whatever text is
around it (plain ASCII, Latin-1, wider text, one chunk of a megabyte), and that nothing else changes.
"""

from __future__ import annotations

import io

import pytest

from peeronboard.safetext import VisibleStream, has_unsafe, visible

C0 = [chr(c) for c in range(0x20) if chr(c) not in "\t\n"]
C1_AND_DEL = [chr(c) for c in range(0x7F, 0xA0)]
BIDI_AND_SEPARATORS = [*"\u061c\u200e\u200f\u2028\u2029", *map(chr, range(0x202A, 0x202F)),
                       *map(chr, range(0x2066, 0x206A))]
SURROGATES = [chr(c) for c in range(0xD800, 0xE000)]
ALWAYS_ESCAPED = C0 + C1_AND_DEL + BIDI_AND_SEPARATORS + SURROGATES
# what surrounds the character: ASCII, Latin-1 (one byte a character), wider text
AROUND = ["Anna Berg", "Søren Ærø, «Afsnit» ½", "Frist – “møde” • 💡"]
IDS = ["ascii", "latin-1", "wide"]
MEGABYTE = '{\n  "name": "Søren Ærø"\n}\n' * 40_000


def escaped(character: str) -> str:
    return f"\\u{ord(character):04x}"


def written(text: str) -> str:
    out = io.StringIO()
    VisibleStream(out).write(text)
    return out.getvalue()


@pytest.mark.parametrize("around", AROUND, ids=IDS)
def test_every_control_bidi_and_c1_character_is_escaped_whatever_text_is_around_it(around: str) -> None:
    for character in ALWAYS_ESCAPED:
        text = around + character + around
        for shown in (visible(text), visible(text, multiline=False), written(text)):
            assert character not in shown and escaped(character) in shown
        assert has_unsafe(text) and has_unsafe(text, multiline=True)


@pytest.mark.parametrize("character", ["\x1b", "\x7f", "\x85", "\x9b", "\u202e", "\u2028", "\udcff"])
def test_one_such_character_in_a_megabyte_of_output_is_escaped(character: str) -> None:
    text = MEGABYTE + character + MEGABYTE
    assert written(text) == MEGABYTE + escaped(character) + MEGABYTE
    assert visible(text) == MEGABYTE + escaped(character) + MEGABYTE and has_unsafe(text, multiline=True)


def test_every_other_character_is_left_as_it_is() -> None:
    unsafe = set(ALWAYS_ESCAPED) | {"\t", "\n"}
    harmless = "".join(chr(c) for c in range(0x110000) if chr(c) not in unsafe)
    assert visible(harmless) == harmless == visible(harmless, multiline=False) == written(harmless)
    assert not has_unsafe(harmless)
    latin_1 = "".join(chr(c) for c in range(0x100) if chr(c) not in unsafe)
    assert visible(latin_1, multiline=False) == latin_1 and not has_unsafe(latin_1)


@pytest.mark.parametrize("around", AROUND, ids=IDS)
def test_line_breaks_and_tabs_are_kept_in_text_of_several_lines_only(around: str) -> None:
    text = f"{around}one\ttab\nnext line{around}"
    assert visible(text) == text and not has_unsafe(text, multiline=True)
    assert visible(text, multiline=False) == text.replace("\t", "\\u0009").replace("\n", "\\u000a")
    assert has_unsafe(text)


@pytest.mark.parametrize("around", AROUND, ids=IDS)
def test_output_keeps_crlf_line_ends_and_escapes_a_lone_cr(around: str) -> None:
    assert written(f"{around}BEGIN\r\nEND\r\n") == f"{around}BEGIN\r\nEND\r\n"
    assert written(f"{around}paid\rnot paid") == f"{around}paid\\u000dnot paid"
    assert written(f"{around}\r\n\r") == f"{around}\r\n\\u000d"


def test_the_stream_says_it_wrote_what_it_was_given() -> None:
    assert VisibleStream(io.StringIO()).write("a\x1b[2Jb") == 6
