"""Problems found in a user's file, reported as ``FILE:LINE[:COL]: message``."""

from __future__ import annotations

from .tuples import NamedTuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from pathlib import Path


class Problem(NamedTuple):
    """One thing wrong with one file, at a line (and column, for syntax errors) when known. (A named
    tuple: much cheaper to define than a frozen dataclass, which a one-tick command notices.)"""

    path: Path | None
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = str(self.path) if self.path is not None else "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"

    def said(self, lang: str) -> str:
        """``FILE:LINE: message`` with the message in ``lang`` (when it is a Phrase)."""
        said = getattr(self.message, "said", None)
        return str(self._replace(message=said(lang))) if said else str(self)


class FormatError(Exception):
    """A file that could not be read as what it should be; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems
