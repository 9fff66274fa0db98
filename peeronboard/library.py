"""Finding checklists: built-in ones, the user's own, and any extra folders; later ones win."""

from __future__ import annotations

import _thread  # threading's RLock, without importing threading (a quicker start)
import re
from collections.abc import Iterable
from pathlib import Path

from .i18n import Phrase
from .parsecache import ParseCache
from .paths import builtin_checklists_dir
from .problems import FormatError, Problem
from .safefile import read_regular

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from .checklist import Checklist

DEFAULT_CHECKLIST = "nordjylland-leder"
_TOP_ID = re.compile(r'^[ \t]*id[ \t]*=[ \t]*"([^"\\\n]*)"', re.MULTILINE)


def _scan_id(path: Path) -> str | None:
    """The file's top-level ``id``, read cheaply from the lines above its first table; None when the
    file has to be parsed to know (or to say what is wrong with it)."""
    try:
        text = read_regular(path).decode("utf-8").removeprefix("\ufeff")  # as utf-8-sig, not loaded
    except (OSError, UnicodeDecodeError):
        return None
    head = re.split(r"^[ \t]*\[", text, maxsplit=1, flags=re.MULTILINE)[0]
    found = _TOP_ID.findall(head)
    return found[0] if len(found) == 1 else None


class ChecklistLibrary:
    """Every checklist found, by id, and the problems with files that could not be used.

    Files are indexed by a cheap look at their ``id`` and parsed only when that checklist is needed,
    so ``check`` on one hire reads one checklist. A file that cannot be used is reported as a problem;
    where a later folder's file for an id is broken, the earlier one (e.g. the built-in) is used.
    """

    def __init__(self, folders: Iterable[Path] = (), cache: ParseCache | None = None) -> None:
        self.folders = list(folders)
        self.cache = cache
        self._candidates: dict[str, list[tuple[int, Path]]] | None = None  # id -> (tier, path)
        self._parsed: dict[Path, Checklist | None] = {}
        self._problems: list[Problem] = []
        self._lock = _thread.RLock()

    @classmethod
    def discover(cls, folders: Iterable[Path], cache_dir: Path | None = None) -> ChecklistLibrary:
        """Checklists from ``*.toml`` in each folder in order; a later folder replaces an earlier id.

        With ``cache_dir``, parsed files are kept there and not parsed again until they change."""
        return cls(list(folders), cache=ParseCache(cache_dir) if cache_dir else None)

    @classmethod
    def standard(cls, user_dir: Path, extra: Iterable[Path] = (),
                 cache_dir: Path | None = None) -> ChecklistLibrary:
        return cls.discover([builtin_checklists_dir(), user_dir, *extra], cache_dir)

    # --- lookups -------------------------------------------------------------------------------

    def get(self, checklist_id: str) -> Checklist | None:
        """The checklist with this id from the latest folder whose file for it loads."""
        with self._lock:
            for _tier, path in reversed(self._index().get(checklist_id, [])):
                checklist = self._parse(path)
                if checklist is not None and checklist.id == checklist_id:
                    return checklist
            return None

    @property
    def checklists(self) -> dict[str, Checklist]:
        """Every usable checklist by id (this parses every file)."""
        with self._lock:
            found = {}
            for checklist_id in self._index():
                checklist = self.get(checklist_id)
                if checklist is not None:
                    found[checklist_id] = checklist
            return found

    @property
    def problems(self) -> list[Problem]:
        """Every file that could not be used (this parses every file)."""
        self.checklists  # noqa: B018 - parsing is what finds the problems
        return self._problems

    @property
    def problems_so_far(self) -> list[Problem]:
        """The problems found by what has been read so far, without reading more."""
        return self._problems

    def ordered(self) -> list[Checklist]:
        """The default checklist first, then the rest by id."""
        return sorted(self.checklists.values(), key=lambda c: (c.id != DEFAULT_CHECKLIST, c.id))

    def is_builtin(self, checklist_id: str) -> bool:
        checklist = self.get(checklist_id)
        return checklist is not None and any(
            tier == 0 and path == checklist.path for tier, path in self._index().get(checklist_id, []))

    def files_of(self, checklist_id: str) -> list[Path]:
        """Every file that defines ``checklist_id``, the one in use among them (none are parsed)."""
        return [path for _tier, path in self._index().get(checklist_id, [])]

    # --- mechanics -----------------------------------------------------------------------------

    def _index(self) -> dict[str, list[tuple[int, Path]]]:
        if self._candidates is None:
            candidates: dict[str, list[tuple[int, Path]]] = {}
            for tier, folder in enumerate(self.folders):
                seen_here: dict[str, Path] = {}
                for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
                    checklist_id = _scan_id(path)
                    if checklist_id is None:  # parse it now: its id, or what is wrong with it
                        parsed = self._parse(path)
                        if parsed is None:
                            continue
                        checklist_id = parsed.id
                    if checklist_id in seen_here:
                        self._problems.append(Problem(path, Phrase(
                            "library.twice", id=checklist_id, other=seen_here[checklist_id]), 1))
                        continue
                    seen_here[checklist_id] = path
                    candidates.setdefault(checklist_id, []).append((tier, path))
            self._candidates = candidates
        return self._candidates

    def _parse(self, path: Path) -> Checklist | None:
        if path not in self._parsed:
            from . import tomlsource
            from .checklist import parse_checklist

            data, key = self.cache.get(path) if self.cache else (None, None)
            try:
                if data is not None:
                    self._parsed[path] = parse_checklist(data, path)
                else:
                    data, text = tomlsource.load(path)
                    self._parsed[path] = parse_checklist(data, path, text)
                    if self.cache:
                        self.cache.put(path, key, data)
            except FormatError as error:
                self._parsed[path] = None
                self._problems.extend(error.problems)
        return self._parsed[path]
