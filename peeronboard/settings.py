"""The user's settings from ``<config dir>/config.toml``: language and the name used for "done by"."""

from __future__ import annotations

import os
from pathlib import Path

from . import tomlsource
from .i18n import Phrase
from .problems import FormatError, Problem
from .text import LANGUAGES
from .tuples import NamedTuple

_KEYS = {"lang", "user", "retention_months"}
DEFAULT_RETENTION_MONTHS = 12
MAX_RETENTION_MONTHS = 1200


class Settings(NamedTuple):
    """What config.toml says (None where it says nothing)."""

    lang: str | None = None
    user: str | None = None
    retention_months: int = DEFAULT_RETENTION_MONTHS  # a finished hire is due for erasure after this
    retention_problem: Problem | None = None  # a wrong retention_months: the default is used instead

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Read config.toml; a missing file means defaults, a broken one is a FormatError."""
        if not path.exists():
            return cls()
        data, text = tomlsource.load(path)
        problems = []
        for key, value in data.items():
            line = tomlsource.locate(text, (key,)) or 1
            if key not in _KEYS:
                problems.append(Problem(path, Phrase("config.unknown", key=key), line))
            elif key == "lang" and value not in LANGUAGES:
                problems.append(Problem(path, Phrase("config.lang", value=repr(value)), line))
            elif key == "user" and (not isinstance(value, str) or not value.strip()):
                problems.append(Problem(path, Phrase("config.user", value=repr(value)), line))
        if problems:
            raise FormatError(problems)
        months = data.get("retention_months", DEFAULT_RETENTION_MONTHS)
        whole = isinstance(months, int) and not isinstance(months, bool)
        if not whole or not 1 <= months <= MAX_RETENTION_MONTHS:
            # only the retention review depends on it: every other command goes on (with a warning)
            line = tomlsource.locate(text, ("retention_months",)) or 1
            wrong = Problem(path, Phrase("config.retention", most=MAX_RETENTION_MONTHS, value=repr(months),
                                         default=DEFAULT_RETENTION_MONTHS), line)
            return cls(lang=data.get("lang"), user=data.get("user"), retention_problem=wrong)
        return cls(lang=data.get("lang"), user=data.get("user"), retention_months=months)

    def user_name(self) -> str:
        """Who is doing things: the configured user, else the login name."""
        if self.user:
            return self.user.strip()
        for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):  # as getpass.getuser() looks
            if os.environ.get(variable):
                return os.environ[variable]
        try:
            import pwd

            return pwd.getpwuid(os.getuid()).pw_name
        except (ImportError, KeyError, OSError):  # Windows, or no login name in some containers
            return "unknown"
