"""peeronboard's ``NamedTuple`` makes the class ``typing.NamedTuple`` would (the same fields, defaults,
methods, docstring and annotations), only quicker, so every record type behaves as before."""

from __future__ import annotations

import pickle
import typing

import pytest

from peeronboard import tuples
from peeronboard.record import HireRecord, ItemState


def _make(base: type) -> type:
    class Shift(base):  # type: ignore[misc, valid-type]
        """Two dates and a reason."""

        start: int
        end: int = 0
        reason: str | None = None

        @property
        def days(self) -> int:
            return self.end - self.start

        @classmethod
        def of(cls, text: str) -> Shift:
            return cls(*map(int, text.split("-")))

    return Shift


def test_a_class_is_made_as_typing_makes_it() -> None:
    ours, typings = _make(tuples.NamedTuple), _make(typing.NamedTuple)
    for made in (ours, typings):
        shift = made(3, 10)
        assert shift == (3, 10, None) and shift.days == 7 and made.of("1-4").days == 3
        assert shift._replace(reason="x").reason == "x" and shift._asdict()["end"] == 10
        assert made._make([1, 2, "y"]) == (1, 2, "y")
    assert ours._fields == typings._fields
    assert ours._field_defaults == typings._field_defaults
    assert ours.__doc__ == typings.__doc__ and ours.__name__ == typings.__name__
    assert ours.__qualname__ == typings.__qualname__ and ours.__module__ == typings.__module__
    assert ours.__annotations__ == {"start": "int", "end": "int", "reason": "str | None"}
    assert repr(ours(1)) == repr(typings(1)) == "Shift(start=1, end=0, reason=None)"
    assert ours.__mro__[1:] == (tuple, object)


def test_a_record_type_is_a_plain_named_tuple_that_pickles() -> None:
    state = ItemState("done")
    assert isinstance(state, tuple) and pickle.loads(pickle.dumps(state)) == state
    assert "own" in HireRecord._fields and HireRecord.__doc__


def test_what_typing_refuses_is_refused() -> None:
    with pytest.raises(TypeError, match="non-default"):
        class Wrong(tuples.NamedTuple):
            first: int = 0
            second: int
    with pytest.raises(AttributeError, match="_replace"):
        class Replacing(tuples.NamedTuple):
            first: int

            def _replace(self) -> None: ...
    with pytest.raises(TypeError):
        tuples.NamedTuple("Functional", [("a", int)])


def test_a_class_whose_annotations_are_made_lazily_is_refused_not_made_without_fields() -> None:
    """Python 3.14 keeps a class's annotations in ``__annotate__`` unless the module postpones them:
    such a class would silently have no fields."""
    with pytest.raises(TypeError, match="from __future__ import annotations"):
        class Lazy(tuples.NamedTuple):  # as 3.14 makes a class whose annotations are not postponed
            __annotate__ = staticmethod(lambda requested: {"a": int})
