"""Footer and help texts in the app's language: bindings carry message keys as descriptions."""

from __future__ import annotations

import dataclasses

from textual.binding import Binding
from textual.dom import DOMNode

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
