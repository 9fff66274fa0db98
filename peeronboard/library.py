"""Finding checklists: built-in ones, the user's own, and any extra folders; later ones win."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .checklist import Checklist, load_checklist
from .paths import builtin_checklists_dir
from .problems import FormatError, Problem

DEFAULT_CHECKLIST = "nordjylland-leder"


@dataclass
class ChecklistLibrary:
    """Every checklist found, by id, and the problems with files that could not be used."""

    checklists: dict[str, Checklist] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    builtin_ids: set[str] = field(default_factory=set)

    @classmethod
    def discover(cls, folders: Iterable[Path]) -> ChecklistLibrary:
        """Load ``*.toml`` from each folder in order; a later folder replaces an id from an earlier one."""
        library = cls()
        for tier, folder in enumerate(folders):
            found_here: dict[str, Path] = {}
            for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
                try:
                    checklist = load_checklist(path)
                except FormatError as error:
                    library.problems.extend(error.problems)
                    continue
                if checklist.id in found_here:
                    library.problems.append(Problem(
                        path, f"checklist id '{checklist.id}' is also defined in "
                        f"{found_here[checklist.id]}; this file is ignored", 1))
                    continue
                found_here[checklist.id] = path
                library.checklists[checklist.id] = checklist
                if tier == 0:
                    library.builtin_ids.add(checklist.id)
                else:
                    library.builtin_ids.discard(checklist.id)
        return library

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
