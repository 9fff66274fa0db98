"""Phrases about a hire that the command line, the app and the exports all say the same way."""

from __future__ import annotations

from collections.abc import Callable

from .i18n import MESSAGES, say
from .record import EDIT, HireRecord, ItemState

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from .progress import ItemView


def _as_is(text: str) -> str:
    return text


def hire_facts(record: HireRecord, lang: str, escape: Callable[[str], str] = _as_is) -> list[str]:
    """"Start date: …", then unit and mentor when known; ``escape`` makes user text safe for a format."""
    facts = [f"{say('hire.start', lang)}: {record.start_date}"]
    if record.unit:
        facts.append(f"{say('hire.unit', lang)}: {escape(record.unit)}")
    if record.mentor:
        facts.append(f"{say('hire.mentor', lang)}: {escape(record.mentor)}")
    for key, value in (("hire.hr", record.hr_contact), ("hire.centre", record.centre_contact)):
        if value:
            facts.append(f"{say(key, lang)}: {escape(value)}")
    if record.finished:
        reason = f": {escape(record.finish_reason)}" if record.finish_reason else ""
        facts.append(f"{say('hire.finished', lang)} {record.finished}{reason}")
    return facts


def action_words(action: str, lang: str) -> str:
    """A logged action in words ("check" → "done"); an unknown one (written by hand) as it is."""
    key = f"action.{action}"
    return say(key, lang) if key in MESSAGES else action


def outcome(state: ItemState, lang: str, escape: Callable[[str], str] = _as_is) -> str:
    """The item's state in words, with when and by whom: "done 2027-01-15 by Mette"."""
    text = say(f"status.{state.status}", lang)
    if state.date:
        text += f" {state.date}"
    if state.by:
        text += f" {say('by', lang)} {escape(state.by)}"
    return text


def moved_from(view: ItemView, lang: str) -> str:
    """" (moved from 2027-03-01)" after an item's own due date, naming the checklist's; else nothing."""
    return f" ({say('panel.moved', lang, planned=view.planned or '–')})" if view.moved else ""


def owner_text(view: ItemView, record: HireRecord, lang: str) -> str:
    """Who does the item, as a person reads it: "Mette (mentor)" where a person is known (named for
    the item, or for its owner role), else the role alone ("mentor"), else the person alone."""
    from .i18n import owner_word

    role = owner_word(view.item.owner if view.item else None, lang)
    person = view.person(record)
    if person and role:
        return f"{person} ({role})"
    return person or role


def is_named(person: str | None, query: str) -> bool:
    """Whether ``query`` names ``person``: the whole name, or some of its words ("Mette" names Mette
    Kristensen, "jens" names Jens Jensen, and "Jen" names neither), in any case."""
    words = query.casefold().split()
    names = (person or "").casefold().split()
    return bool(words) and all(word in names for word in words)


EDITED_FIELDS = ("name", "start_date", "checklist", "unit", "mentor", "hr_contact", "centre_contact")


def entry_text(action: str, text: str | None, lang: str) -> str:
    """A logged text as said in ``lang``: a change of a hire's field is logged under the field's id
    ("unit: Afsnit S4 → Afsnit S5") and shown under its word ("enhed: …"); any other text as it is."""
    text = text or ""
    field, colon, rest = text.partition(": ")
    if action == EDIT and colon and field in EDITED_FIELDS:
        return f"{say(f'field.{field}', lang)}: {rest}"
    return text
