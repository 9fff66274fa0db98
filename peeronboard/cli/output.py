"""What the commands print and return: exit codes, problem lines, JSON, aligned text tables."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from datetime import date
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
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def table(heads: list[str] | None, rows: list[list[str]]) -> str:
    """Columns aligned with two spaces between them; trailing blanks trimmed."""
    everything = ([heads] if heads else []) + rows
    widths = [max(len(row[i]) for row in everything) for i in range(len(everything[0]))] if everything else []
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in everything]
    return "\n".join(lines)
