"""The terminal app: the only part of peeronboard that imports Textual.

A lone Escape is told from the start of a key's escape sequence by waiting for what follows; Textual
waits 100 ms, which every Escape (back, clear the filter, close a dialog) then takes. Terminals send a
key's sequence at once, so peeronboard waits 25 ms unless ``ESCDELAY`` (milliseconds) says otherwise,
e.g. ``ESCDELAY=100`` over a slow remote connection where arrow keys arrive as Escape and letters.
"""

import os

os.environ.setdefault("ESCDELAY", "25")  # read when Textual is first imported, which is after this
