"""The new-hire form: a modal that checks its fields and returns them; the app does the saving."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from ...dates import check_start, parse_date
from ...record import validate_name
from ..format import shown_line
from .base import PeerScreenMixin


@dataclass(frozen=True)
class NewHire:
    name: str
    start: dt.date
    checklist: str
    unit: str | None
    mentor: str | None


class NewHireScreen(PeerScreenMixin, ModalScreen[NewHire | None]):
    """Focus starts in the name; Enter in any field saves when the form is valid; Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]


    def compose(self) -> ComposeResult:
        app = self.peer_app
        checklists = app.onboarding.library.ordered()
        with Vertical(classes="dialog", id="new-hire"):
            yield Label(app.t("form.title"), classes="dialog-title")
            yield Label(app.t("form.name"))
            yield Input(id="name")
            yield Static("", id="name-error", classes="field-error")
            yield Label(app.t("form.start"))
            yield Input(id="start", placeholder="2027-03-01")
            yield Static("", id="start-error", classes="field-error")
            yield Label(app.t("form.checklist"))
            yield Select([(shown_line(c.title.in_lang(app.lang)), c.id) for c in checklists], id="checklist",
                         allow_blank=False, value=checklists[0].id if checklists else Select.NULL)
            yield Label(app.t("form.unit"))
            yield Input(id="unit")
            yield Label(app.t("form.mentor"))
            yield Input(id="mentor")
            yield Static(app.t("form.hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def validated(self) -> NewHire | None:
        """The form's values, or None after showing what is wrong next to each bad field."""
        app = self.peer_app
        name_error = start_error = ""
        name = start = None
        try:
            name = validate_name(self.query_one("#name", Input).value)
        except ValueError:
            name_error = app.t("form.need_name")
        start_text = self.query_one("#start", Input).value.strip()
        try:
            start = parse_date(start_text)
        except ValueError:
            bad_form = not start_text or len(start_text) != 10 or start_text.count("-") != 2
            start_error = app.t("form.bad_date" if bad_form else "form.not_a_date")
        else:
            try:
                check_start(start)
            except ValueError:
                start, start_error = None, app.t("form.out_of_range")
        self.query_one("#name-error", Static).update(Text(name_error))
        self.query_one("#start-error", Static).update(Text(start_error))
        if name is None or start is None:
            return None
        checklist = self.query_one("#checklist", Select).value
        unit = self.query_one("#unit", Input).value.strip() or None
        mentor = self.query_one("#mentor", Input).value.strip() or None
        return NewHire(name, start, str(checklist), unit, mentor)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        form = self.validated()
        if form is not None:
            self.dismiss(form)

    def action_cancel(self) -> None:
        self.dismiss(None)
