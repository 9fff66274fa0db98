"""The user's settings from ``<config dir>/config.toml``: language and the name used for "done by"."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from . import tomlsource
from .problems import FormatError, Problem
from .text import LANGUAGES

_KEYS = {"lang", "user"}


class Settings(NamedTuple):
    """What config.toml says (None where it says nothing)."""

    lang: str | None = None
    user: str | None = None

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
                problems.append(Problem(path, f"unknown key '{key}' (known: lang, user)", line))
            elif key == "lang" and value not in LANGUAGES:
                problems.append(Problem(path, f"lang must be \"da\" or \"en\", not {value!r}", line))
            elif key == "user" and (not isinstance(value, str) or not value.strip()):
                problems.append(Problem(path, f"user must be a non-empty string, not {value!r}", line))
        if problems:
            raise FormatError(problems)
        return cls(lang=data.get("lang"), user=data.get("user"))

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
