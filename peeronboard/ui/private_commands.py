"""The command palette's hire search in privacy mode: "Open: M. S.", found by the name the leader types."""

from __future__ import annotations

from functools import partial

from textual.command import Hit, Hits, Provider
from textual.content import Content


class PrivateHireCommands(Provider):
    """In privacy mode, "Open: M. S." for each hire, found by the name the leader types ("maja")."""

    async def search(self, query: str) -> Hits:
        app = self.app  # the PeerOnboardApp (not imported here: it imports this module)
        if not getattr(app, "private", False):
            return
        matcher = self.matcher(query)
        for record in app._hires_by_name():  # noqa: SLF001 - the app's own list
            score = max(matcher.match(app.t("cmd.open", name=record.name)),
                        matcher.match(app.t("cmd.open", name=app.name_of(record))))
            if score > 0:
                shown_as = app.t("cmd.open", name=app.name_of(record))
                yield Hit(score, Content(shown_as), partial(app.open_hire, record.id), text=shown_as,
                          help=Content(app.t("cmd.open_help", name=app.name_of(record))))
