"""Finding checklists: built-in ones, the user's own, and any extra folders; later ones win."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .paths import builtin_checklists_dir
from .problems import FormatError, Problem

if TYPE_CHECKING:
    from .checklist import Checklist

DEFAULT_CHECKLIST = "nordjylland-leder"


@dataclass
class ChecklistLibrary:
    """Every checklist found, by id, and the problems with files that could not be used.

    Files are read on first use, so a program that never needs a checklist never parses one.
    """

    folders: list[Path] = field(default_factory=list)
    _loaded: bool = False
    _checklists: dict[str, Checklist] = field(default_factory=dict)
    _problems: list[Problem] = field(default_factory=list)
    _builtin_ids: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @classmethod
    def discover(cls, folders: Iterable[Path]) -> ChecklistLibrary:
        """Checklists from ``*.toml`` in each folder in order; a later folder replaces an earlier id."""
        return cls(list(folders))

    @property
    def checklists(self) -> dict[str, Checklist]:
        self._load()
        return self._checklists

    @property
    def problems(self) -> list[Problem]:
        self._load()
        return self._problems

    @property
    def builtin_ids(self) -> set[str]:
        self._load()
        return self._builtin_ids

    def _load(self) -> None:
        with self._lock:
            if self._loaded:
                return
            for tier, folder in enumerate(self.folders):
                self._load_folder(folder, builtin=tier == 0)
            self._loaded = True

    def _load_folder(self, folder: Path, builtin: bool) -> None:
        from .checklist import load_checklist

        found_here: dict[str, Path] = {}
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
            try:
                checklist = load_checklist(path)
            except FormatError as error:
                self._problems.extend(error.problems)
                continue
            if checklist.id in found_here:
                self._problems.append(Problem(
                    path, f"checklist id '{checklist.id}' is also defined in "
                    f"{found_here[checklist.id]}; this file is ignored", 1))
                continue
            found_here[checklist.id] = path
            self._checklists[checklist.id] = checklist
            if builtin:
                self._builtin_ids.add(checklist.id)
            else:
                self._builtin_ids.discard(checklist.id)

    @classmethod
    def standard(cls, user_dir: Path, extra: Iterable[Path] = ()) -> ChecklistLibrary:
        return cls.discover([builtin_checklists_dir(), user_dir, *extra])

    def get(self, checklist_id: str) -> Checklist | None:
        return self.checklists.get(checklist_id)

    def ordered(self) -> list[Checklist]:
        """The default checklist first, then the rest by id."""
        return sorted(self.checklists.values(),
                      key=lambda c: (c.id != DEFAULT_CHECKLIST, c.id))

    def is_builtin(self, checklist_id: str) -> bool:
        return checklist_id in self.builtin_ids
