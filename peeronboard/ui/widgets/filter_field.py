"""The dashboard's filter field: Textual's Input, without laying the whole screen out at every key."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class FilterField(Input):
    """An Input of a fixed width. Textual's Input sets its scrollable size at every key, and that size
    lays out the whole screen again (every widget redrawn, some 25 ms at 120x40), which a field whose
    size never depends on its text has no need of; its own redraw still happens."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
