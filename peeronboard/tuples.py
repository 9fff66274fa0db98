"""``NamedTuple`` for peeronboard's own record types: ``typing.NamedTuple`` as type checkers see it, and
at run time the same class made straight by ``collections.namedtuple``.

``typing.NamedTuple`` checks every field's annotation as it makes the class, and with postponed
annotations (``from __future__ import annotations``) that means compiling each one: about 0.3 ms a
class, 4 to 7 ms of every command's start and of the app's (measured: 15 classes for a tick, 24 before
the dashboard's first frame). The class made here is the one typing would make (the fields, their
defaults, the methods and the docstring, ``__annotations__`` as written), without that check.
"""

from __future__ import annotations

import collections

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    # what typing.NamedTuple keeps of the class body, and what it refuses to have replaced
    _KEPT_BY_NAMEDTUPLE = frozenset({"__module__", "__name__", "__annotations__", "__qualname__"})
    _PROHIBITED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                             "_field_defaults", "_make", "_replace", "_asdict", "_source"})

    class _NamedTupleMeta(type):
        def __new__(cls, typename: str, bases: tuple[type, ...], namespace: dict[str, object]) -> type:
            if bases != (_Root,):
                raise TypeError("a NamedTuple inherits from NamedTuple alone")
            if "__annotations__" not in namespace and "__annotate__" in namespace:  # lazy ones (3.14)
                raise TypeError(f"{typename}: its module needs 'from __future__ import annotations'")
            annotations = namespace.get("__annotations__", {})
            defaults: list[object] = []
            for field in annotations:
                if field in namespace:
                    defaults.append(namespace[field])
                elif defaults:
                    raise TypeError(f"non-default NamedTuple field {field} cannot follow default fields")
            made = collections.namedtuple(typename, list(annotations), defaults=defaults,
                                          module=namespace["__module__"])  # type: ignore[misc]
            made.__annotations__ = made.__new__.__annotations__ = dict(annotations)
            made.__qualname__ = namespace.get("__qualname__", typename)  # type: ignore[assignment]
            for key, value in namespace.items():
                if key in _PROHIBITED:
                    raise AttributeError(f"Cannot overwrite NamedTuple attribute {key}")
                if key not in _KEPT_BY_NAMEDTUPLE and key not in made._fields:
                    setattr(made, key, value)
            return made

    _Root = type.__new__(_NamedTupleMeta, "NamedTuple", (), {})

    def NamedTuple(typename: str, fields: object = None, /) -> type:  # noqa: N802 - as typing's
        """Only the class form (``class Row(NamedTuple): ...``) is used in peeronboard."""
        raise TypeError("use the class form: class Name(NamedTuple): ...")

    NamedTuple.__mro_entries__ = lambda bases: (_Root,)  # type: ignore[attr-defined]
