"""The one module that knows where peeronboard keeps files.

Data (hire records) and configuration (config.toml, the user's own checklists) default to the
platform's usual folders and can be moved with ``PEERONBOARD_DATA_DIR`` / ``PEERONBOARD_CONFIG_DIR``
or the ``--data-dir`` / ``--config-dir`` options. A cache of parsed checklists (never personal
data) lives in the platform's cache folder or ``PEERONBOARD_CACHE_DIR``.
"""

from __future__ import annotations

import os
import posixpath
import sys
from pathlib import Path

from .tuples import NamedTuple

APP_NAME = "peeronboard"
DATA_ENV = "PEERONBOARD_DATA_DIR"
CONFIG_ENV = "PEERONBOARD_CONFIG_DIR"
CACHE_ENV = "PEERONBOARD_CACHE_DIR"


def builtin_checklists_dir() -> Path:
    """The checklists shipped with peeronboard (in the wheel, or the repo's top-level folder)."""
    packaged = Path(__file__).parent / "_checklists"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "checklists"


# the Linux defaults of the XDG base directory spec, as platformdirs gives them: the variable when it
# holds an absolute path, else (unset or empty) this folder under the home folder
_XDG_DEFAULTS = {"data": ("XDG_DATA_HOME", "~/.local/share"), "config": ("XDG_CONFIG_HOME", "~/.config"),
                 "cache": ("XDG_CACHE_HOME", "~/.cache")}


def _platform_dir(kind: str) -> Path:
    """The platform's folder for peeronboard's ``kind`` of files (data, config or cache)."""
    return Path(_xdg_dir(kind) or _platformdirs_dir(kind))


def _xdg_dir(kind: str) -> str | None:
    """On plain Linux with an absolute ``HOME``, the folder platformdirs would give, worked out here:
    importing platformdirs costs a command a tenth of its time. None elsewhere (macOS, Windows,
    Android, an unusual home), where platformdirs decides."""
    home = os.environ.get("HOME", "")
    if (sys.platform != "linux" or hasattr(sys, "getandroidapilevel") or not posixpath.isabs(home)
            or "ANDROID_DATA" in os.environ or "ANDROID_ROOT" in os.environ):
        return None
    variable, default = _XDG_DEFAULTS[kind]
    base = os.environ.get(variable, "")
    if base and not posixpath.isabs(base):  # platformdirs releases differ on a relative one: theirs decides
        return None
    return os.path.join(base or os.path.expanduser(default), APP_NAME)


def _platformdirs_dir(kind: str) -> str:
    import platformdirs

    return getattr(platformdirs.PlatformDirs(APP_NAME, appauthor=False), f"user_{kind}_dir")


class Paths(NamedTuple):
    """Where one run of peeronboard reads and writes."""

    data_dir: Path
    config_dir: Path
    cache_dir: Path | None = None

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None,
                config_dir: str | os.PathLike[str] | None = None) -> Paths:
        """Explicit folders first, then the environment, then the platform default."""
        data = data_dir or os.environ.get(DATA_ENV) or _platform_dir("data")
        config = config_dir or os.environ.get(CONFIG_ENV) or _platform_dir("config")
        cache = os.environ.get(CACHE_ENV) or _platform_dir("cache")
        return cls(Path(data).expanduser(), Path(config).expanduser(), Path(cache).expanduser())

    @property
    def checklist_cache_dir(self) -> Path | None:
        """Parsed checklists (no personal data: hire records are never cached here)."""
        return self.cache_dir / "checklists" if self.cache_dir else None

    @property
    def hires_dir(self) -> Path:
        return self.data_dir / "hires"

    @property
    def user_checklists_dir(self) -> Path:
        return self.config_dir / "checklists"

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"
