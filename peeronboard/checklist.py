"""Checklist definitions: the model and the strict loader for checklist TOML files."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from . import tomlsource
from .dates import Offset, shifted_each
from .i18n import Phrase
from .problems import FormatError, Problem
from .text import LocalText
from .tomlsource import KeyPath
from .tuples import NamedTuple

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any

CHECKLIST_FORMAT = 1
ID_PATTERN = re.compile(r"^[a-z0-9æøå]+(?:-[a-z0-9æøå]+)*\Z")
LANG_PATTERN = re.compile(r"^[a-z]{2,3}$")

_TOP_KEYS = {"format", "id", "version", "title", "description", "source", "phases"}
_PHASE_KEYS = {"id", "title", "description", "items"}
MAX_ITEMS = 10_000  # the app stays quick to about 5,000; far beyond that is a mistake, not a checklist
_ITEM_KEYS = {"id", "title", "owner", "due", "ref", "source", "guidance", "optional"}


class Item(NamedTuple):
    """One task on a checklist."""

    id: str
    phase: str
    title: LocalText
    owner: str | None = None
    due: Offset | None = None
    ref: str | None = None
    source: LocalText | None = None
    guidance: LocalText | None = None
    optional: bool = False
    own: bool = False  # a one-off item of one hire's own (from its record, never from a checklist)


class Phase(NamedTuple):
    """A stage of onboarding, with its items in order."""

    id: str
    title: LocalText
    items: tuple[Item, ...]
    description: LocalText | None = None


class Checklist:
    """A checklist definition as loaded from one TOML file. Never changed once made; two are equal
    when everything but the file they came from is. (A plain class with slots: much cheaper to define
    than a frozen dataclass, which a one-tick command notices.)"""

    __slots__ = ("id", "title", "phases", "version", "description", "source", "path",
                 "_by_id", "_item_list", "_dues", "_offset_slots")

    def __init__(self, id: str, title: LocalText, phases: tuple[Phase, ...], version: int = 1,  # noqa: A002
                 description: LocalText | None = None, source: LocalText | None = None,
                 path: Path | None = None) -> None:
        self.id = id
        self.title = title
        self.phases = phases
        self.version = version
        self.description = description
        self.source = source
        self.path = path
        self._dues: dict[dt.date, tuple[dt.date | None, ...]] = {}

    def _fields(self) -> tuple[object, ...]:
        return self.id, self.title, self.phases, self.version, self.description, self.source

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Checklist) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"Checklist(id={self.id!r}, version={self.version}, items={self.item_count}, path={self.path})"

    @property
    def items(self) -> Iterator[Item]:
        for phase in self.phases:
            yield from phase.items

    def item(self, item_id: str) -> Item | None:
        return self._items_by_id.get(item_id)

    @property
    def item_count(self) -> int:
        return len(self._items_by_id)

    @property
    def _items_by_id(self) -> dict[str, Item]:
        try:
            return self._by_id
        except AttributeError:
            self._by_id: dict[str, Item] = {item.id: item for item in self.items}
            return self._by_id

    @property
    def item_list(self) -> tuple[Item, ...]:
        """Every item in checklist order."""
        try:
            return self._item_list
        except AttributeError:
            self._item_list: tuple[Item, ...] = tuple(self.items)
            return self._item_list

    def due_dates(self, start: dt.date) -> tuple[dt.date | None, ...]:
        """Each item's due date for a hire starting on ``start`` (cached: many hires share a start)."""
        dues = self._dues.get(start)
        if dues is None:
            steps, slots = self._offsets
            applied = [*shifted_each(start, steps), None]  # slot -1: no due date
            dues = self._dues[start] = tuple(map(applied.__getitem__, slots))
        return dues

    @property
    def _offsets(self) -> tuple[list[dt.timedelta | int], list[int]]:
        """The distinct due offsets (as ``Offset.step``), and for each item the index of its own (-1:
        none); items share few."""
        try:
            return self._offset_slots
        except AttributeError:
            distinct: dict[Offset, int] = {}
            slots = [distinct.setdefault(item.due, len(distinct)) if item.due else -1
                     for item in self.item_list]
            self._offset_slots: tuple[list[dt.timedelta | int], list[int]] = (
                [offset.step for offset in distinct], slots)
            return self._offset_slots

    def phase(self, phase_id: str) -> Phase | None:
        return next((p for p in self.phases if p.id == phase_id), None)


def load_checklist(path: Path) -> Checklist:
    """Load and validate one checklist file; raises FormatError listing every problem."""
    data, text = tomlsource.load(path)
    return parse_checklist(data, path, text)


def parse_checklist(data: dict[str, Any], path: Path | None = None, text: str = "") -> Checklist:
    checker = _Checker(path, text)
    checklist = checker.checklist(data)
    if checker.problems or checklist is None:
        raise FormatError(checker.problems)
    return checklist


class _Checker:
    """Walks the parsed data, building the model and collecting problems with their lines."""

    def __init__(self, path: Path | None, text: str) -> None:
        self.path = path
        self.text = text
        self.problems: list[Problem] = []

    def problem(self, at: KeyPath, message: str) -> None:
        line = tomlsource.locate(self.text, at) if self.text else None
        self.problems.append(Problem(self.path, message, line or 1))

    def unknown_keys(self, table: dict[str, Any], allowed: set[str], at: KeyPath) -> None:
        for key in table:
            if key not in allowed:
                self.problem(at + (key,), _at_level("check.unknown", at, key))

    def required(self, table: dict[str, Any], key: str, at: KeyPath) -> Any:
        if key not in table:
            self.problem(at, _at_level("check.missing", at, key))
        return table.get(key)

    def text_value(self, value: Any, at: KeyPath) -> LocalText | None:
        if isinstance(value, str):
            if not value.strip():
                self.problem(at, Phrase("check.empty", name=_dotted(at)))
                return None
            return LocalText.plain(value)
        if isinstance(value, dict):
            if not value:
                self.problem(at, Phrase("check.no_text", name=_dotted(at)))
                return None
            pairs = []
            for lang, text in value.items():
                if not LANG_PATTERN.match(lang):
                    self.problem(at + (lang,), Phrase("check.lang_code", name=_dotted(at), lang=lang))
                elif not isinstance(text, str) or not text.strip():
                    self.problem(at + (lang,), Phrase("check.lang_text", name=_dotted(at), lang=lang))
                else:
                    pairs.append((lang, text))
            return LocalText(tuple(pairs)) if pairs else None
        self.problem(at, Phrase("check.text_type", name=_dotted(at)))
        return None

    def optional_text(self, table: dict[str, Any], key: str, at: KeyPath) -> LocalText | None:
        return self.text_value(table[key], at + (key,)) if key in table else None

    def identifier(self, value: Any, at: KeyPath) -> str | None:
        if not isinstance(value, str) or not ID_PATTERN.match(value):
            self.problem(at, Phrase("check.bad_id", name=_dotted(at), value=_show(value)))
            return None
        return value

    def checklist(self, data: dict[str, Any]) -> Checklist | None:
        self.unknown_keys(data, _TOP_KEYS, ())
        fmt = self.required(data, "format", ())
        if fmt is not None:
            if not isinstance(fmt, int) or isinstance(fmt, bool) or fmt < 1:
                self.problem(("format",), Phrase("check.format_type", value=_show(fmt)))
            elif fmt > CHECKLIST_FORMAT:
                self.problem(("format",), Phrase("check.format_newer", format=fmt, known=CHECKLIST_FORMAT))
                return None
        raw_id = self.required(data, "id", ())
        checklist_id = self.identifier(raw_id, ("id",)) if raw_id is not None else None
        version = data.get("version", 1)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.problem(("version",), Phrase("check.version", value=_show(version)))
            version = 1
        title = self.required(data, "title", ())
        title_text = self.text_value(title, ("title",)) if title is not None else None
        description = self.optional_text(data, "description", ())
        source = self.optional_text(data, "source", ())
        phases = self.phases(self.required(data, "phases", ()))
        if checklist_id is None or title_text is None or phases is None:
            return None
        return Checklist(
            id=checklist_id, title=title_text, phases=phases, version=version,
            description=description, source=source, path=self.path,
        )

    def phases(self, value: Any) -> tuple[Phase, ...] | None:
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(p, dict) for p in value):
            self.problem(("phases",), Phrase("check.phase_tables"))
            return None
        if not value:
            self.problem(("phases",), Phrase("check.no_phase"))
        phases: list[Phase] = []
        phase_ids: set[str] = set()
        item_ids: set[str] = set()
        count = sum(len(p["items"]) for p in value if isinstance(p.get("items"), list))
        if count > MAX_ITEMS:
            self.problem(("phases",), Phrase("check.too_many", count=count, most=MAX_ITEMS))
            return None
        for index, raw in enumerate(value):
            at: KeyPath = ("phases", index)
            self.unknown_keys(raw, _PHASE_KEYS, at)
            raw_id = self.required(raw, "id", at)
            phase_id = self.identifier(raw_id, at + ("id",)) if raw_id is not None else None
            if phase_id is not None:
                if phase_id in phase_ids:
                    self.problem(at + ("id",), Phrase("check.phase_twice", id=phase_id))
                phase_ids.add(phase_id)
            title = self.required(raw, "title", at)
            title_text = self.text_value(title, at + ("title",)) if title is not None else None
            description = self.optional_text(raw, "description", at)
            items = self.items(raw.get("items", []), at, phase_id or "", item_ids)
            if phase_id and title_text and items is not None:
                phases.append(Phase(phase_id, title_text, items, description))
        return tuple(phases)

    def items(self, value: Any, phase_at: KeyPath, phase_id: str,
              seen: set[str]) -> tuple[Item, ...] | None:
        if not isinstance(value, list) or not all(isinstance(i, dict) for i in value):
            self.problem(phase_at + ("items",), Phrase("check.item_tables"))
            return None
        items: list[Item] = []
        for index, raw in enumerate(value):
            item = self.item(raw, phase_at + ("items", index), phase_id, seen)
            if item is not None:
                items.append(item)
        return tuple(items)

    def item(self, raw: dict[str, Any], at: KeyPath, phase_id: str, seen: set[str]) -> Item | None:
        self.unknown_keys(raw, _ITEM_KEYS, at)
        raw_id = self.required(raw, "id", at)
        item_id = self.identifier(raw_id, at + ("id",)) if raw_id is not None else None
        if item_id is not None:
            if item_id in seen:
                self.problem(at + ("id",), Phrase("check.item_twice", id=item_id))
            seen.add(item_id)
        title = self.required(raw, "title", at)
        title_text = self.text_value(title, at + ("title",)) if title is not None else None
        owner = raw.get("owner")
        if owner is not None and (not isinstance(owner, str) or not owner.strip()):
            self.problem(at + ("owner",), Phrase("check.text_field", field="owner", value=_show(owner)))
            owner = None
        due = None
        if "due" in raw:
            if isinstance(raw["due"], str):
                try:
                    due = Offset.parse(raw["due"])
                except ValueError as error:
                    self.problem(at + ("due",), Phrase("check.due", reason=str(error)))
            else:
                self.problem(at + ("due",), Phrase("check.due_type", value=_show(raw["due"])))
        ref = raw.get("ref")
        if ref is not None and (not isinstance(ref, str) or not ref.strip()):
            self.problem(at + ("ref",), Phrase("check.text_field", field="ref", value=_show(ref)))
            ref = None
        optional = raw.get("optional", False)
        if not isinstance(optional, bool):
            self.problem(at + ("optional",), Phrase("check.optional", value=_show(optional)))
            optional = False
        source = self.optional_text(raw, "source", at)
        guidance = self.optional_text(raw, "guidance", at)
        if item_id is None or title_text is None:
            return None
        return Item(item_id, phase_id, title_text, owner, due, ref, source, guidance, optional)


def _at_level(message: str, at: KeyPath, key: str) -> Phrase:
    """The ``message`` about ``key`` in a table: ``message_top`` for the top level, else naming it."""
    return Phrase(f"{message}_top", key=key) if not at else Phrase(message, where=_dotted(at), key=key)


def _dotted(at: KeyPath) -> str:
    out = ""
    for key in at:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else key)
    return out


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
