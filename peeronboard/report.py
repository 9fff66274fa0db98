"""Where onboarding goes wrong, across hires: per checklist item, how often it is done on time, done
late (and by how much), not applicable, or still open past its due date.

An item counts for a hire once its due date has been reached (by today, or by the day the hire's
onboarding finished: an ended onboarding reaches nothing after it). The report holds counts, never
names, notes or reasons unless asked; a unit with fewer than ``MIN_UNIT_HIRES`` hires is folded into
"other units", so no person can be singled out by their unit.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Iterable

from .i18n import say
from .progress import HireProgress, ItemView
from .tuples import NamedTuple

MIN_UNIT_HIRES = 3
OTHER_UNITS = ""  # the folded units' key; shown as "other units"


class Tally(NamedTuple):
    """Counts of hires for one item (or a group of items)."""

    reached: int = 0
    on_time: int = 0
    late: int = 0
    skipped: int = 0
    overdue: int = 0
    days_late: tuple[int, ...] = ()

    @property
    def fell_through(self) -> int:
        """Late, not applicable or overdue: the item did not happen as planned."""
        return self.late + self.skipped + self.overdue

    @property
    def share_fell_through(self) -> float:
        return self.fell_through / self.reached if self.reached else 0.0

    @property
    def median_days_late(self) -> float | None:
        return statistics.median(self.days_late) if self.days_late else None

    @property
    def worst_days_late(self) -> int | None:
        return max(self.days_late) if self.days_late else None

    def plus(self, other: Tally) -> Tally:
        return Tally(self.reached + other.reached, self.on_time + other.on_time, self.late + other.late,
                     self.skipped + other.skipped, self.overdue + other.overdue,
                     self.days_late + other.days_late)


class ItemReport(NamedTuple):
    checklist: str
    item: str
    phase: str
    titles: dict[str, str]  # by language
    tally: Tally
    reasons: tuple[tuple[str, int], ...]  # the most common reasons for not applicable, with counts
    names: tuple[str, ...]  # hires for whom it fell through (only with names asked for)


class Report(NamedTuple):
    items: list[ItemReport]  # the items that fall through most first
    phases: dict[tuple[str, str], Tally]  # (checklist, phase) -> totals
    units: dict[str, Tally]  # unit (OTHER_UNITS for the folded small ones) -> totals
    hires: int  # how many hires the report covers
    phase_titles: dict[tuple[str, str], dict[str, str]] = {}  # (checklist, phase) -> title by language
    checklist_titles: dict[str, dict[str, str]] = {}  # checklist id -> title by language
    finished: int = 0  # how many of the hires have finished their onboarding

    def checklist_title(self, checklist: str, lang: str) -> str:
        """The checklist's title in ``lang``, as the library gives it; its id if the report has none."""
        return self.checklist_titles.get(checklist, {}).get(lang) or checklist


def outcome_of(view: ItemView, cutoff: dt.date) -> Tally | None:
    """One hire's item as a tally of one, or None while its due date is not reached."""
    if view.due is None or view.due > cutoff:
        return None
    state = view.state
    if state.status == "done":
        late = (state.date - view.due).days if state.date else 0
        return Tally(1, 0, 1, days_late=(late,)) if late > 0 else Tally(1, 1)
    if state.status == "skipped":
        return Tally(1, skipped=1)
    return Tally(1, overdue=1)


def build_report(hires: Iterable[HireProgress], *, reasons: bool = False, names: bool = False,
                 reasons_shown: int = 3) -> Report:
    """The report over ``hires`` (finished ones count: they show what fell through too)."""
    hires = [h for h in hires if h.checklist is not None]
    per_item: dict[tuple[str, str], Tally] = {}
    why: dict[tuple[str, str], Counter[str]] = {}
    who: dict[tuple[str, str], list[str]] = {}
    meta: dict[tuple[str, str], tuple[str, dict[str, str]]] = {}
    unit_hires = Counter(h.record.unit or OTHER_UNITS for h in hires)
    units: dict[str, Tally] = {}
    for hire in hires:
        cutoff = min(hire.today, hire.record.finished or hire.today)
        unit = hire.record.unit or OTHER_UNITS
        unit = unit if unit_hires[unit] >= MIN_UNIT_HIRES else OTHER_UNITS
        for view in hire.items:
            if view.own or view.item is None:
                continue
            tally = outcome_of(view, cutoff)
            if tally is None:
                continue
            key = (hire.record.checklist, view.item_id)
            per_item[key] = per_item.get(key, Tally()).plus(tally)
            units[unit] = units.get(unit, Tally()).plus(tally)
            meta.setdefault(key, (view.phase or "", {"da": view.title("da"), "en": view.title("en")}))
            if tally.skipped and reasons and (view.state.reason or view.state.note):
                why.setdefault(key, Counter())[view.state.reason or view.state.note or ""] += 1
            if tally.fell_through and names:
                who.setdefault(key, []).append(hire.record.name)
    items = [ItemReport(checklist, item, meta[(checklist, item)][0], meta[(checklist, item)][1], tally,
                        tuple(why.get((checklist, item), Counter()).most_common(reasons_shown)),
                        tuple(who.get((checklist, item), ())))
             for (checklist, item), tally in per_item.items()]
    items.sort(key=lambda r: (-r.tally.share_fell_through, -r.tally.fell_through, r.checklist, r.item))
    phases: dict[tuple[str, str], Tally] = {}
    for entry in items:
        key = (entry.checklist, entry.phase)
        phases[key] = phases.get(key, Tally()).plus(entry.tally)
    titles = {(hire.record.checklist, phase.id): {lang: phase.title.in_lang(lang) for lang in ("da", "en")}
              for hire in hires if hire.checklist for phase in hire.checklist.phases}
    ordered = {key: phases[key] for key in titles if key in phases}  # in the checklists' order
    checklists = {hire.record.checklist: {lang: hire.checklist.title.in_lang(lang) for lang in ("da", "en")}
                  for hire in hires if hire.checklist}
    return Report(items, ordered, units, len(hires), titles, checklists,
                  sum(hire.record.finished is not None for hire in hires))


def report_title(report: Report, lang: str) -> str:
    """"Where onboarding falls through: 4 hires, 1 of them finished"."""
    finished = say("report.finished", lang, finished=report.finished) if report.finished else ""
    return say("report.title", lang, hires=report.hires, finished=finished)


def report_data(report: Report, lang: str) -> dict[str, object]:
    """The report as plain data (``--format json``), for other programs to chart."""
    def tally_data(tally: Tally) -> dict[str, object]:
        return {"reached": tally.reached, "on_time": tally.on_time, "late": tally.late,
                "skipped": tally.skipped, "overdue": tally.overdue,
                "median_days_late": tally.median_days_late, "worst_days_late": tally.worst_days_late}

    return {
        "hires": report.hires,
        "items": [{"checklist": r.checklist, "item": r.item, "phase": r.phase, "title": r.titles[lang],
                   **tally_data(r.tally),
                   **({"reasons": [{"reason": text, "count": count} for text, count in r.reasons]}
                      if r.reasons else {}),
                   **({"names": list(r.names)} if r.names else {})} for r in report.items],
        "phases": [{"checklist": checklist, "phase": phase, **tally_data(tally)}
                   for (checklist, phase), tally in report.phases.items()],
        "units": [{"unit": unit or None, **tally_data(tally)}
                  for unit, tally in sorted(report.units.items())],
    }
