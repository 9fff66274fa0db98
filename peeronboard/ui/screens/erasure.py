"""Finished hires kept past the retention period, each of which can be erased here."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from ..format import shown_line
from .listing import ListingScreen

# name, start, finished, reason, with the most room each may take
_COLUMNS = (("form.name", 30), ("col.start", 10), ("col.finished", 10), ("col.reason", 50))


class ErasureScreen(ListingScreen):
    """One row per hire due for erasure; Del erases the focused one after asking."""

    LISTING = "erasure"
    BINDINGS = [
        Binding("delete", "erase", "key.erase", key_display="Del"),
        Binding("escape", "back", "key.back"),
    ]

    def refresh_data(self) -> None:
        app = self.peer_app
        due = app.onboarding.due_for_erasure(list(app.hires.values()))
        rows = [((Text(app.name_of(p.record)), str(p.record.start_date), str(p.record.finished),
                  shown_line(p.record.finish_reason)), p.record.id)
                for p in sorted(due, key=lambda h: h.record.finished or h.record.start_date)]
        self.show(app.t("screen.erasure", months=app.onboarding.retention_months), _COLUMNS, rows,
                  app.t("erasure.empty"))

    def action_erase(self) -> None:
        hire_id = self.focused_key()
        if hire_id:
            self.peer_app.erase_hire(hire_id)
