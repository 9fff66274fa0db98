"""What the commands print and return: exit codes, problem lines, JSON, aligned text tables."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from ..dates import check_start, parse_date
from ..errors import PeerError
from ..i18n import in_lang
from ..problems import Problem
from ..safetext import visible

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any, AnyStr

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def report(problems: list[Problem], lang: str) -> int:
    """One line per problem on stderr, in ``lang`` where it can be; the exit code says whether there
    were any."""
    for problem in problems:
        print(problem_line(problem, lang), file=sys.stderr)
    return EXIT_PROBLEM if problems else EXIT_OK


def problem_line(problem: Problem, lang: str) -> str:
    """``FILE:LINE: message``, the message in ``lang`` when it is known in it."""
    return str(problem._replace(message=in_lang(problem.message, lang)))


def parse_date_option(text: str, option: str) -> date:
    """The date an option gives, in the years peeronboard keeps (1900-2999); a bad one is the user's
    error, naming the option."""
    try:
        return check_start(parse_date(text))
    except ValueError as error:
        raise PeerError("err.date", option=option, reason=str(error)) from None


def print_json(data: Any) -> None:
    """``data`` as JSON indented by two spaces, written piece by piece (see ``json_pieces``)."""
    write_batched(json_pieces(data), sys.stdout.write)
    sys.stdout.write("\n")


def write_json_list(texts: Iterable[str]) -> None:
    """A list whose elements come already written as ``json_text(element, 1)`` writes them, as
    ``print_json`` writes that list."""
    encode = encoder()
    write_encoded_json_list(encode(text) + ENCODED_BETWEEN for text in texts)


def write_encoded_json_list(texts: Iterable[bytes]) -> None:
    """``write_json_list`` for elements that come guarded and encoded (``encoder``), each followed by
    ``ENCODED_BETWEEN``: written to standard output's binary buffer as they are (many megabytes are
    neither checked nor encoded again), joined some 64 KiB at a time (a longer one is not copied)."""
    write = _encoded_writer()
    held = b""  # the last batch, written once another comes (its separator is the list's end)
    for batch in _batches(texts, 1 << 16):
        write(held or b"[\n  ")
        held = b"".join(batch)
    write(held[:-len(ENCODED_BETWEEN)] + b"\n]\n" if held else b"[]\n")


ENCODED_BETWEEN = b",\n  "  # what follows each element of ``write_encoded_json_list``


def encoder() -> Callable[[str], bytes]:
    """What makes text what the guard on standard output writes (``safetext.VisibleStream``; for
    text without a CR, as JSON is, that is ``visible``), in standard output's encoding (as it is now:
    made once for many texts)."""
    encoding, errors = _output_encoding()
    return lambda text: visible(text).encode(encoding, errors)


def _output_encoding() -> tuple[str, str]:
    stream = sys.stdout
    return getattr(stream, "encoding", None) or "utf-8", getattr(stream, "errors", None) or "strict"


def _encoded_writer() -> Callable[[bytes], object]:
    """What writes encoded text: standard output's binary buffer after what it holds as text, or the
    text stream itself where it has no buffer or translates line ends."""
    stream = sys.stdout
    buffer = getattr(stream, "buffer", None)
    if buffer is None or os.linesep != "\n":
        encoding = getattr(stream, "encoding", None) or "utf-8"
        return lambda data: stream.write(data.decode(encoding, "surrogateescape"))
    stream.flush()
    return buffer.write


def write_batched(pieces: Iterable[str], write: Callable[[str], object]) -> None:
    """The pieces written a megabyte or so at a time (each write of standard output is checked for
    control characters, see ``safetext.VisibleStream``: a few large ones are quicker than many)."""
    for batch in _batches(pieces):
        write("".join(batch))


def _batches(pieces: Iterable[AnyStr], size: int = 1 << 20) -> Iterator[list[AnyStr]]:
    """The pieces in lists of ``size`` characters (or bytes) or a little more, the last maybe less."""
    batch: list[AnyStr] = []
    held = 0
    for piece in pieces:
        batch.append(piece)
        held += len(piece)
        if held >= size:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def json_pieces(data: Any, level: int = 0) -> Iterator[str]:
    """``data`` as ``json.dumps(data, ensure_ascii=False, indent=2, default=str)`` writes it, in pieces:
    Python's indenting encoder is several times slower, and a listing of ten thousand hires need not be
    held whole. A list gives one piece per element."""
    if isinstance(data, (list, tuple)) and data:
        pad = "\n" + "  " * (level + 1)
        yield "[" + pad
        for index, element in enumerate(data):
            if index:
                yield "," + pad
            yield from json_pieces(element, level + 1)
        yield pad[:-2] + "]"
    else:
        yield json_text(data, level)


def json_text(data: Any, level: int = 0) -> str:
    """One value as ``json_pieces`` writes it, whole."""
    scalar = _SCALARS.get(type(data))
    if scalar is not None:
        return scalar(data)
    if isinstance(data, dict) and data:
        return _dict_text(data, level)
    if isinstance(data, (list, tuple)) and data:
        return "".join(json_pieces(data, level))
    return _encoder(level).encode(data)  # empty, a float, a subclass, or written as text (``default``)


def _dict_text(data: dict[Any, Any], level: int) -> str:
    """A non-empty dict at this level (see ``fields_text``)."""
    keys = tuple(data)
    if (keys, level) not in _TEMPLATES and not all(type(key) is str for key in keys):
        # a key JSON writes as text: rare, the slow way
        return json.dumps(data, ensure_ascii=False, indent=2, default=str).replace("\n", "\n" + "  " * level)
    return fields_text(keys, data.values(), level)


def fields_text(keys: tuple[str, ...], values: Iterable[Any], level: int) -> str:
    """The dict of these text keys and values as ``json_text`` writes it: the values filled into the
    text the keys make at this level (kept: a listing repeats the same keys thousands of times)."""
    template = _TEMPLATES.get((keys, level))
    if template is None:
        if len(_TEMPLATES) >= _MOST_TEMPLATES:
            _TEMPLATES.clear()
        pad = "\n" + "  " * (level + 1)
        template = _TEMPLATES[keys, level] = "{" + pad + ("," + pad).join(
            json.encoder.encode_basestring(key).replace("%", "%%") + ": %s" for key in keys) + pad[:-2] + "}"
    scalar, inner = _SCALARS.get, level + 1
    return template % tuple([encode(value) if (encode := scalar(type(value))) else json_text(value, inner)
                             for value in values])


# how JSON writes a value of exactly these types (others, subclasses too, go through the encoder); each
# a built-in, which a listing of ten thousand hires calls quickest
_SCALARS: dict[type, Callable[[Any], str]] = {
    str: json.encoder.encode_basestring, int: int.__repr__, bool: {True: "true", False: "false"}.__getitem__,
    type(None): {None: "null"}.__getitem__}
_TEMPLATES: dict[tuple[tuple[str, ...], int], str] = {}
_MOST_TEMPLATES = 1000
_ENCODERS: dict[int, json.JSONEncoder] = {}


def _encoder(level: int) -> json.JSONEncoder:
    """The C encoder that writes a dict's values one per line, indented as at ``level``."""
    encoder = _ENCODERS.get(level)
    if encoder is None:
        encoder = _ENCODERS[level] = json.JSONEncoder(
            ensure_ascii=False, default=str, separators=("," + "\n" + "  " * (level + 1), ": "))
    return encoder


def table(heads: list[str] | None, rows: list[list[str]]) -> str:
    """Columns aligned with two spaces between them; trailing blanks trimmed."""
    everything = ([heads] if heads else []) + rows
    widths = [max(len(row[i]) for row in everything) for i in range(len(everything[0]))] if everything else []
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in everything]
    return "\n".join(lines)
