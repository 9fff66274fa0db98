"""Errors a user can act on: each carries a message key so it can be said in Danish or English."""

from __future__ import annotations

from .i18n import say

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
