"""A fast edit of one item in a record file, for files in the shape peeronboard writes.

Ticking an item rewrites only that item's ``[items.<id>]`` table and appends one ``[[log]]`` entry;
every other byte of the file stays as it was. The result is parsed and compared with what the change
must give; when the file has another shape (comments inside the item's table, an inline ``items``,
a ``log = [...]`` array) the answer is None and the store uses the style-preserving editor instead.
"""

from __future__ import annotations

import datetime as dt
import re

import tomli

from .record import RECORD_FORMAT, ItemState, LogEntry

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import Any

# a line as peeronboard writes it: one known key, a string or a date, nothing after (no comment); the
# patterns are kept as text, which ``re`` compiles at the first use (ticking a new item needs neither)
_ITEM_KEYS = "status|date|by|note|due|reason|assignee|title_da|title_en"
_PLAIN_LINE = rf'^(?:{_ITEM_KEYS}) = (?:"(?:[^"\\\n]|\\.)*"|\d{{4}}-\d{{2}}-\d{{2}})\n?$'
_FORMAT_LINE = r"^format = (\d+)(?=\s|#|$)"
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def edit_item(text: str, data: dict[str, Any], item_id: str, state: ItemState,
              entry: LogEntry) -> tuple[str, dict[str, Any]] | None:
    """``text`` with the item set to ``state`` and ``entry`` appended to the log, and that text
    parsed; or None when that cannot be done here and proven right. ``data`` is ``text`` parsed."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if data.get("format") != RECORD_FORMAT and not _upgrade_format(lines):
        return None
    table = _key_lines(state)
    header = f"[items.{item_id}]\n"
    start = next((n for n, line in enumerate(lines) if line.rstrip() + "\n" == header), None)
    if start is None:
        at = next((n for n, line in enumerate(lines) if line.strip() == "[[log]]"), len(lines))
        gap = ["\n"] if at and lines[at - 1].strip() else []
        lines[at:at] = [*gap, header, *table, "\n"]
    else:
        end = start + 1
        while end < len(lines) and not lines[end].lstrip().startswith("["):
            end += 1
        body = [line for line in lines[start + 1:end] if line.strip()]
        if not all(re.match(_PLAIN_LINE, line) for line in body):
            return None  # comments or keys of the user's own: the style-preserving editor keeps them
        blank_tail = [line for line in lines[start + 1:end] if not line.strip()]
        lines[start + 1:end] = [*table, *(blank_tail[-1:] if end < len(lines) else [])]
    if lines and lines[-1].strip():
        lines.append("\n")
    lines.extend(["[[log]]\n", *_key_lines(entry), "\n"])
    result = "".join(lines)
    try:
        parsed = tomli.loads(result)
    except tomli.TOMLDecodeError:
        return None
    return (result, parsed) if _is_the_change(data, parsed, item_id, state, entry) else None


def _upgrade_format(lines: list[str]) -> bool:
    """Write the current format number into an older record's ``format = N`` line (a comment after
    it stays); False when there is no such line to change."""
    for number, line in enumerate(lines):
        match = re.match(_FORMAT_LINE, line)
        if match:
            lines[number] = f"format = {RECORD_FORMAT}" + line[match.end():]
            return True
        if line.lstrip().startswith("["):
            break
    return False


def _key_lines(values: ItemState | LogEntry) -> list[str]:
    """The table's ``key = value`` lines, in field order, leaving out what is not set."""
    return [f"{key} = {toml_value(value)}\n" for key, value in _set_fields(values).items()]


def _set_fields(values: ItemState | LogEntry) -> dict[str, Any]:
    return {key: value for key, value in values._asdict().items() if value is not None}


def _is_the_change(before: dict[str, Any], after: dict[str, Any], item_id: str, state: ItemState,
                   entry: LogEntry) -> bool:
    """Whether ``after`` is ``before`` with exactly this item state and one more log entry."""
    item, logged = _set_fields(state), _set_fields(entry)
    old_items, new_items = before.get("items", {}), after.get("items")
    old_log, new_log = before.get("log", []), after.get("log")
    return (
        isinstance(new_items, dict) and new_items.get(item_id) == item
        and {k: v for k, v in new_items.items() if k != item_id}
        == {k: v for k, v in old_items.items() if k != item_id}
        and isinstance(new_log, list) and new_log[:-1] == old_log and new_log[-1:] == [logged]
        and after.get("format") == RECORD_FORMAT
        and {k: v for k, v in after.items() if k not in ("items", "log", "format")}
        == {k: v for k, v in before.items() if k not in ("items", "log", "format")}
    )


def toml_value(value: str | int | dt.date) -> str:
    """One TOML value, written the way tomlkit writes it."""
    if isinstance(value, str):
        return '"' + "".join(_ESCAPES.get(ch) or (f"\\u{ord(ch):04x}" if ord(ch) < 32 or ord(ch) == 127
                                                  else ch) for ch in value) + '"'
    if isinstance(value, bool) or not isinstance(value, int | dt.date):
        raise TypeError(f"not a record value: {value!r}")
    if isinstance(value, dt.datetime):
        return value.isoformat().replace("+00:00", "Z")
    return str(value) if isinstance(value, int) else value.isoformat()
