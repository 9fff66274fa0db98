"""``peeronboard serve``: the app in a browser, one app process per tab (``tab``), behind an access
token (``server``). Only that command imports this package; it needs the ``serve`` extra
(``textual-serve``, which brings aiohttp)."""
