"""Small dialogs: a yes/no question that defaults to No, and a form of a few labelled text fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ..format import editable, shown_line, typed_back
from .base import PeerScreenMixin


class ConfirmScreen(PeerScreenMixin, ModalScreen[bool]):
    """A question with No focused: Enter keeps things as they are; ``y`` (or ``j``) or the Yes button
    goes ahead."""

    BINDINGS = [
        Binding("escape", "answer(False)", "key.cancel"),
        Binding("n", "answer(False)", "key.no"),
        Binding("y", "answer(True)", "key.yes"),
        Binding("j", "answer(True)", "key.yes", show=False),
    ]

    def __init__(self, question: str, yes: str) -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        app = self.peer_app
        with Vertical(classes="dialog", id="confirm"):
            yield Label(shown_line(self.question), classes="dialog-title", id="question")
            with Horizontal(classes="buttons"):
                yield Button(app.t("confirm.no"), id="no", variant="primary")
                yield Button(shown_line(self.yes), id="yes", variant="error")
            yield Static(app.t("confirm.hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


@dataclass(frozen=True)
class Field:
    """One text field of a ``FieldsPrompt``: ``value`` is the text as a file has it."""

    key: str
    label: str
    value: str = ""


Checker = Callable[[dict[str, str]], dict[str, str]]  # the typed values → an error text per bad field


class FieldsPrompt(PeerScreenMixin, ModalScreen[dict[str, str] | None]):
    """A few labelled fields; Enter in any of them returns every field's text (stripped) when
    ``check`` finds nothing wrong, else shows each error under its field; Escape returns None."""

    BINDINGS = [Binding("escape", "cancel", "key.cancel")]

    def __init__(self, title: str, fields: Sequence[Field], *, check: Checker | None = None,
                 hint: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.fields = tuple(fields)
        self.check = check
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(shown_line(self.title_text), classes="dialog-title")
            for field in self.fields:
                yield Label(shown_line(field.label))
                yield Input(editable(field.value), id=f"field-{field.key}")
                error = Static("", id=f"error-{field.key}", classes="field-error")
                error.display = False  # a line only when there is an error: 80x24 has none to spare
                yield error
            yield Static(shown_line(self.hint or self.peer_app.t("prompt.fields_hint")), classes="hint")

    def values(self) -> dict[str, str]:
        return {field.key: typed_back(self.query_one(f"#field-{field.key}", Input).value.strip(), field.value)
                for field in self.fields}

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        values = self.values()
        errors = self.check(values) if self.check else {}
        for field in self.fields:
            error = self.query_one(f"#error-{field.key}", Static)
            error.update(shown_line(errors.get(field.key, "")))
            error.display = field.key in errors
        if not errors:
            self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)
