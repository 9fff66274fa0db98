"""A one-line text dialog (a note, a due date, why an item does not apply); returns the text or None."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ..format import editable, shown_line, typed_back
from .base import PeerScreenMixin


class TextPrompt(PeerScreenMixin, ModalScreen[str | None]):
    """Enter returns the text (``required`` makes an empty one an error, and ``check`` returns the
    error for a text it refuses); Escape returns None.

    ``value`` (a note as the file has it) starts the field with its controls shown as escapes; left
    unchanged, it is returned as it was. Without a ``hint``, the hint says what Enter and Escape do."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, question: str, value: str = "", *, required: str | None = None,
                 hint: str | None = None, check: Callable[[str], str | None] | None = None) -> None:
        super().__init__()
        self.check = check
        self.question = question
        self.value = value
        self.required = required
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(shown_line(self.question), classes="dialog-title")
            yield Input(editable(self.value), id="text")
            yield Static("", id="error", classes="field-error")
            yield Static(shown_line(self.hint or self.peer_app.t("prompt.hint")), classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = typed_back(event.value.strip(), self.value)
        error = self.required if self.required and not text else self.check(text) if self.check else None
        if error:
            self.query_one("#error", Static).update(shown_line(error))
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
