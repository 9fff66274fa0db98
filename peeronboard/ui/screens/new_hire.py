"""The new-hire form, also the edit form of a hire: a modal that checks its fields and returns them; the
app does the saving. Before saving, it says what the leader may not expect: another hire with the same
name, and what a new start date moves; Enter again saves."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from ...dates import check_start, parse_date
from ...record import HireRecord, validate_name
from ..format import editable, shown, shown_line, typed_back
from .base import PeerScreenMixin

TEXT_FIELDS = (("unit", "form.unit"), ("mentor", "form.mentor"), ("hr_contact", "form.hr"),
               ("centre_contact", "form.centre"))


@dataclass(frozen=True)
class NewHire:
    name: str
    start: dt.date
    checklist: str
    unit: str | None
    mentor: str | None
    hr_contact: str | None = None
    centre_contact: str | None = None


class NewHireScreen(PeerScreenMixin, ModalScreen[NewHire | None]):
    """Focus starts in the name; Enter in any field saves when the form is valid; Escape cancels.
    With ``record``, the form edits that hire and starts filled in with its details."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]
    AUTO_FOCUS = ""  # none: on_mount focuses the name without scrolling its label away

    def __init__(self, record: HireRecord | None = None) -> None:
        super().__init__()
        self.record = record
        self._warned: tuple[tuple[str, str], ...] = ()  # the warnings shown for the values as they were then

    def _value(self, field: str) -> str:
        return str(getattr(self.record, field) or "") if self.record else ""

    def compose(self) -> ComposeResult:
        app, record = self.peer_app, self.record
        checklists = app.onboarding.library.ordered()
        choices = [(shown_line(c.title.in_lang(app.lang)), c.id) for c in checklists]
        if record and all(c.id != record.checklist for c in checklists):  # a checklist that is gone
            choices.append((shown_line(record.checklist), record.checklist))
        chosen = record.checklist if record else checklists[0].id if checklists else Select.NULL
        title = app.t("form.edit_title", name=app.name_of(record)) if record else app.t("form.title")
        with VerticalScroll(classes="dialog", id="new-hire", can_focus=False):
            with VerticalGroup(classes="dialog-head"):
                yield Label(shown_line(title), classes="dialog-title")
            with VerticalGroup(classes="dialog-foot"):
                yield Static(app.t("form.hint"), classes="hint")
            yield Label(app.t("form.name"))
            yield Input(editable(self._value("name")), id="name")
            yield Static("", id="name-error", classes="field-error")
            yield Label(app.t("form.start"))
            yield Input(record.start_date.isoformat() if record else "", id="start", placeholder="2027-03-01")
            yield Static("", id="start-error", classes="field-error")
            yield Label(app.t("form.checklist"))
            yield Select(choices, id="checklist", allow_blank=False, value=chosen)
            for field, label in TEXT_FIELDS:
                yield Label(app.t(label))
                yield Input(editable(self._value(field)), id=field)

    def on_mount(self) -> None:
        # on a short terminal the fields scroll and Textual brings each focused one into view
        self.query_one("#name", Input).focus(scroll_visible=False)

    def _typed(self, field: str) -> str:
        return typed_back(self.query_one(f"#{field}", Input).value.strip(), self._value(field))

    def validated(self) -> NewHire | None:
        """The form's values, or None after showing what is wrong next to each bad field."""
        app = self.peer_app
        name_error = start_error = ""
        name = start = None
        try:
            name = validate_name(self._typed("name"))
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
        self._say("name", name_error)
        self._say("start", start_error)
        if name is None or start is None:
            self.query_one("#name" if name is None else "#start", Input).focus()  # its error in view
            return None
        checklist = self.query_one("#checklist", Select).value
        texts = {field: self._typed(field) or None for field, _ in TEXT_FIELDS}
        return NewHire(name, start, str(checklist), **texts)

    def warnings(self, form: NewHire) -> dict[str, str]:
        """What to tell the leader before saving: a name another hire has, what a new start moves."""
        app, record = self.peer_app, self.record
        found: dict[str, str] = {}
        if record is None or form.name != record.name:
            others = app.onboarding.same_name(form.name, but=record.id if record else None)
            if others:
                found["name"] = app.t("form.same_name", hires=", ".join(
                    f"{other.id} ({other.start_date})" for other in others))
        if record is not None and form.start != record.start_date:
            moving, keeping, days = app.onboarding.start_moves(record, form.start)
            if moving or keeping:
                key = "form.moves_later" if days > 0 else "form.moves_earlier"
                kept = app.t("form.kept", keeping=keeping) if keeping else ""
                found["start"] = app.t(key, moving=moving, kept=kept, days=abs(days))
        return found

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        form = self.validated()
        if form is None:
            return
        warnings = self.warnings(form)
        shown_now = tuple(sorted(warnings.items()))
        if warnings and shown_now != self._warned:  # said once; Enter again saves
            self._warned = shown_now
            for field, text in warnings.items():
                self._say(field, shown(text), warning=True)
            return
        self.dismiss(form)

    def _say(self, field: str, text: str, *, warning: bool = False) -> None:
        """What is wrong with a field under it, in the error's colour; or, ``warning``, what saving it
        will do, in the warning's colour (Enter again saves)."""
        line = self.query_one(f"#{field}-error", Static)
        line.update(Text(text))
        line.set_class(warning, "warning")

    def action_cancel(self) -> None:
        self.dismiss(None)
