"""The screen's keys on one line at the bottom, as many as fit, and always the key that lists them all.

Textual's ``Footer`` makes a widget per key and makes them all again whenever the keys change (each
time a screen comes back), and on a narrow screen it cuts off whatever is last, which was ``?``. This
bar is one line of text: the screen's own keys first, then the app's, each one a click away, and ``?``
(help, which lists every key), the way back and the command palette's key are kept when others
must give way. While a widget is maximized (the palette's "Maximize") Escape gives it back its normal
size, and the bar says so (a key it always keeps).
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from ...i18n import say
from ...tuples import NamedTuple

# the actions whose keys are never left out: going back, the list of every key, the palette
KEPT = ("minimize", "back", "close", "clear_filter", "help", "command_palette")
GAP = " "


def key_label(app: App[object], binding: Binding) -> str:
    """A binding's key as the bar shows it ("/", "esc", "⏎", "^p"); help shows keys the same way."""
    return app.get_key_display(binding)


class Key(NamedTuple):
    key: str  # as Textual names it ("slash")
    shown: str  # as the bar shows it ("/")
    description: str
    action: str
    enabled: bool


class KeyBar(Widget):
    """One line of key hints for the screen it is on."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"keybar--key", "keybar--description"}

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[Key] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.watch(self.screen, "maximized", lambda _: self._read_keys(), init=False)
        self._read_keys()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self._read_keys()

    def _read_keys(self) -> None:
        keys: dict[str, Key] = {}
        palette = self.app.COMMAND_PALETTE_BINDING if self.app.ENABLE_COMMAND_PALETTE else None
        maximized = self.screen.maximized is not None
        if maximized:  # Textual takes Escape to restore the view, before any binding of it
            keys["minimize"] = Key("escape", key_label(self.app, Binding("escape", "")),
                                   say("cmd.minimize", getattr(self.app, "lang", "en")), "minimize", True)
        for key, (_node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if (binding.show or key == palette) and binding.action not in keys and not (
                    maximized and key == "escape"):
                keys[binding.action] = Key(key, key_label(self.app, binding), binding.description,
                                           binding.action, enabled)
        if self._keys != list(keys.values()):
            self._keys = list(keys.values())
            self.refresh()

    @property
    def shown_keys(self) -> list[Key]:
        """The keys that fit the bar's width, in the bar's order."""
        width = (self.size.width or 80) + len(GAP)  # the last key needs no gap after it
        ordered = [k for k in self._keys if not k.action.endswith(KEPT)]
        kept = [k for k in self._keys if k.action.endswith(KEPT)]
        used = sum(_width(k) for k in kept)
        shown = []
        for key in ordered:
            if used + _width(key) <= width:
                shown.append(key)
                used += _width(key)
        return shown + kept

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keybar--key")
        text_style = self.get_component_rich_style("keybar--description")
        line = Text(no_wrap=True, overflow="crop", end="")
        for key in self.shown_keys:
            click = Style.from_meta({"@click": f"app.simulate_key({key.key!r})"})
            dim = Style(dim=not key.enabled)
            line.append(f" {key.shown} ", key_style + click + dim)
            line.append(key.description, text_style + click + dim)
            line.append(GAP)
        return line


def _width(key: Key) -> int:
    return len(key.shown) + 2 + len(key.description) + len(GAP)
