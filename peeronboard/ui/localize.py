"""Footer and help texts in the app's language: bindings carry message keys as descriptions."""

from __future__ import annotations

import dataclasses

from rich.align import Align
from rich.text import Text
from textual.binding import Binding
from textual.command import CommandList
from textual.command import CommandPalette as TextualPalette
from textual.dom import DOMNode
from textual.widgets.option_list import Option

from ..i18n import MESSAGES, say


def localize_bindings(node: DOMNode, lang: str) -> None:
    """Give each binding of ``node`` whose description is a message key the text in ``lang``.

    The original key is kept in the binding's ``id`` so the language can be switched again later.
    """
    bindings = node._bindings.key_to_bindings  # noqa: SLF001 - Textual offers no public setter
    for key, listed in bindings.items():
        bindings[key] = [_translated(binding, lang) for binding in listed]


# bindings Textual makes itself, whose descriptions are English words: their message key by action
BUILT_IN = {"command_palette": "key.palette_bar"}


def _translated(binding: Binding, lang: str) -> Binding:
    message_key = (binding.id if binding.id in MESSAGES
                   else BUILT_IN.get(binding.action, binding.description))
    if message_key not in MESSAGES:
        return binding
    return dataclasses.replace(binding, description=say(message_key, lang), id=message_key)


class CommandPalette(TextualPalette):
    """Textual's palette saying "no matches" in the app's language (Textual writes it in English, in
    ``_start_no_matches_countdown``, which this follows: the same wait, the same disabled option)."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()
        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN,
                                                lambda: self._show_no_matches(search_value))

    def _show_no_matches(self, search_value: str) -> None:
        if not search_value:  # nothing typed: Textual's discovery list, where "no matches" means nothing
            self._list_visible = False
            return
        words = say("palette.no_matches", getattr(self.app, "lang", "en"))
        self.query_one(CommandList).add_option(
            Option(Align.center(Text(words, style="not bold")), disabled=True, id=self._NO_MATCHES))
        self._list_visible = True
