"""What the commands print and return: exit codes, problem lines, JSON, aligned text tables."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from itertools import islice
from typing import Any

from ..dates import parse_date
from ..errors import PeerError
from ..i18n import in_lang
from ..problems import Problem

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def report(problems: list[Problem], lang: str) -> int:
    """One line per problem on stderr, in ``lang`` where it can be; the exit code says whether there
    were any."""
    for problem in problems:
        print(problem_line(problem, lang), file=sys.stderr)
    return EXIT_PROBLEM if problems else EXIT_OK


def problem_line(problem: Problem, lang: str) -> str:
    """``FILE:LINE: message``, the message in ``lang`` when it is known in it."""
    return str(replace(problem, message=in_lang(problem.message, lang)))


def parse_date_option(text: str, option: str) -> date:
    """The date an option gives; a bad one is the user's error, naming the option."""
    try:
        return parse_date(text)
    except ValueError as error:
        raise PeerError("err.date", option=option, reason=str(error)) from None


def print_json(data: Any) -> None:
    """``data`` as JSON indented by two spaces, written piece by piece (see ``json_pieces``)."""
    write_batched(json_pieces(data), sys.stdout.write)
    sys.stdout.write("\n")


def write_batched(pieces: Iterable[str], write: Callable[[str], object], size: int = 1 << 20) -> None:
    """The pieces written a megabyte or so at a time (each write of standard output is checked for
    control characters, see ``safetext.VisibleStream``: a few large ones are quicker than many)."""
    batch: list[str] = []
    held = 0
    for piece in pieces:
        batch.append(piece)
        held += len(piece)
        if held >= size:
            write("".join(batch))
            batch, held = [], 0
    write("".join(batch))


def json_pieces(data: Any, level: int = 0) -> Iterator[str]:
    """``data`` as ``json.dumps(data, ensure_ascii=False, indent=2, default=str)`` writes it, in pieces
    made by the C encoder: Python's indenting encoder is several times slower, and a listing of ten
    thousand hires need not be held whole. A list gives one piece per element."""
    pad = "\n" + "  " * (level + 1)
    if isinstance(data, (list, tuple)) and data:
        yield "[" + pad
        for index, element in enumerate(data):
            if index:
                yield "," + pad
            yield from json_pieces(element, level + 1)
        yield pad[:-2] + "]"
    elif isinstance(data, dict) and data:
        yield _dict_text(data, level, pad)
    else:
        yield _encoder(level).encode(data)


def _dict_text(data: dict[Any, Any], level: int, pad: str) -> str:
    """A non-empty dict: its runs of plain values (or empty containers) encoded at once, the others
    one by one."""
    encode = _encoder(level).encode
    if _CONTAINER_TYPES.isdisjoint(map(type, data.values())):  # the usual case: one call
        return "{" + pad + encode(data)[1:-1] + pad[:-2] + "}"
    keys = list(data)
    plain_end = len(keys)  # plain values, then containers (a hire, then its next item due): two calls
    while plain_end and isinstance(data[keys[plain_end - 1]], _CONTAINERS):
        plain_end -= 1
    head = dict(islice(data.items(), plain_end))
    if head and _CONTAINER_TYPES.isdisjoint(map(type, head.values())) \
            and all(type(key) is str for key in keys[plain_end:]):
        return "{" + pad + ("," + pad).join([encode(head)[1:-1], *(
            encode(key) + ": " + "".join(json_pieces(data[key], level + 1)) for key in keys[plain_end:])]) \
            + pad[:-2] + "}"
    parts, plain = [], {}
    for key, value in data.items():
        if isinstance(value, _CONTAINERS) and value:
            if type(key) is not str:  # a key JSON writes as text: rare, the slow way
                return json.dumps(data, ensure_ascii=False, indent=2, default=str).replace("\n", pad[:-2])
            if plain:
                parts.append(encode(plain)[1:-1])
                plain = {}
            parts.append(encode(key) + ": " + "".join(json_pieces(value, level + 1)))
        else:
            plain[key] = value
    if plain:
        parts.append(encode(plain)[1:-1])
    return "{" + pad + ("," + pad).join(parts) + pad[:-2] + "}"


_CONTAINERS = (list, tuple, dict)
_CONTAINER_TYPES = frozenset(_CONTAINERS)
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
