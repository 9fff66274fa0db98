"""Progress summaries for the staff meeting, HR and the calendar (see ``formats``).

Kept empty so that importing ``exports.common`` (for the command line's JSON) loads no format.
"""
