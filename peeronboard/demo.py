"""Sample hires for ``peeronboard demo``: four people at different stages, in a folder of their own."""

from __future__ import annotations

import datetime as dt

from .onboarding import Onboarding

DEMO_HIRES = [
    # name, unit, mentor, days from today to the start date, items done, items not applicable
    ("Maja Sørensen", "Afsnit S4, Aalborg", "Jens Kristensen", 45, 2, 0),
    ("Ahmed Nielsen", "Ambulatorium Hjørring", "Lone Poulsen", -10, 6, 1),
    ("Sofie Kjær", "Akutmodtagelsen", "Peter Larsen", -150, 10, 1),
    ("Lars Mikkelsen", "Distriktspsykiatrien Thisted", None, -40, 2, 0),
]


def fill_demo(onboarding: Onboarding) -> None:
    """Add the sample hires, ticking the earliest items off as a real leader would have."""
    today = onboarding.today()
    for name, unit, mentor, start_in, done, skipped in DEMO_HIRES:
        record = onboarding.add(name, today + dt.timedelta(days=start_in), None, unit, mentor)
        checklist = onboarding.checklist_for(record)
        items = list(checklist.items)
        for item in items[:done]:
            due = item.due.apply(record.start_date) if item.due else today
            record = onboarding.check(record, item.id, on=min(due, today))
        for item in items[done:done + skipped]:
            record = onboarding.skip(record, item.id, "Varetages af HR / handled by HR")
        if name.startswith("Ahmed"):
            record = onboarding.note(record, items[done + skipped].id, "Venter på svar fra Centeret")
            record = onboarding.set_due(record, items[done + skipped].id, "+3w", "Centeret svarer efter "
                                        "næste holdmøde / the Centre answers after its next meeting")
