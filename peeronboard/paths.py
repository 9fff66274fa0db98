"""The one module that knows where peeronboard keeps files.

Data (hire records) and configuration (config.toml, the user's own checklists) default to the
platform's usual folders and can be moved with ``PEERONBOARD_DATA_DIR`` / ``PEERONBOARD_CONFIG_DIR``
or the ``--data-dir`` / ``--config-dir`` options. A cache of parsed checklists (never personal
data) lives in the platform's cache folder or ``PEERONBOARD_CACHE_DIR``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

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


def _platform_data_dir() -> Path:
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def _platform_config_dir() -> Path:
    import platformdirs

    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def _platform_cache_dir() -> Path:
    import platformdirs

    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


class Paths(NamedTuple):
    """Where one run of peeronboard reads and writes."""

    data_dir: Path
    config_dir: Path
    cache_dir: Path | None = None

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None,
                config_dir: str | os.PathLike[str] | None = None) -> Paths:
        """Explicit folders first, then the environment, then the platform default."""
        data = data_dir or os.environ.get(DATA_ENV) or _platform_data_dir()
        config = config_dir or os.environ.get(CONFIG_ENV) or _platform_config_dir()
        cache = os.environ.get(CACHE_ENV) or _platform_cache_dir()
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
