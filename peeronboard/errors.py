"""Errors a user can act on: each carries a message key so it can be said in Danish or English."""

from __future__ import annotations

from .i18n import Phrase, say

DEBUG_ENV = "PEERONBOARD_DEBUG"  # set to show a traceback (without local values) for a bug report


class PeerError(Exception):
    """A problem with the input or the data, reported as one line and exit code 1."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(say(key, "en", **params))

    def message(self, lang: str) -> str:
        return say(self.key, lang, **self.params)


class StoreError(PeerError):
    """The disk said no: full, read-only, or a file that could not be read or written."""


class NoChange(PeerError):
    """A change that would change nothing (ticking a done item): nothing is written or logged, and
    the command says so and succeeds."""


class Invalid(ValueError):
    """A value that is not right (an empty name, a date that does not exist), with the reason as a
    ``Phrase``: ``str()`` gives the English reason as before, and a ``PeerError`` made with it as a
    value says it in the user's language."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.phrase = Phrase(key, **params)
        super().__init__(self.phrase)

    def __str__(self) -> str:
        return self.phrase  # the Phrase itself, so ``reason=str(error)`` keeps it
