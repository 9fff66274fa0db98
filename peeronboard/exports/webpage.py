"""HTML: one self-contained page (inline CSS, no external requests) that prints well on A4: each hire on
pages of its own with its name at the top of every page (a table header, which browsers repeat), and no
page ending with a phase's heading."""

from __future__ import annotations

from html import escape as escape_markup

from ..progress import HireProgress, ItemView
from ..timeline import MARKS as TIMELINE_MARKS
from ..timeline import Plan, place, plan_of
from ..wording import outcome, owner_text
from .common import (
    ExportOptions,
    due_words,
    facts,
    phase_groups,
    remarks,
    retired_views,
    selected,
    shown,
    source_ref,
)

STYLE = """
@page { size: A4; margin: 16mm; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1d1d1f;
       max-width: 860px; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
header.made { color: #666; font-size: .85em; margin-bottom: 1.5em; }
section.hire { margin-bottom: 3em; }
section.hire + section.hire { border-top: 1px solid #ccc; padding-top: 1.5em; }
table.pages { border-collapse: collapse; width: 100%; }
table.pages > thead > tr > th, table.pages > tbody > tr > td { padding: 0; text-align: left;
                                                               font-weight: normal; }
h1 { font-size: 1.5em; margin: 0 0 .2em; }
h2 { font-size: 1.1em; margin: 1.4em 0 .3em; display: flex; justify-content: space-between; gap: 1em; }
h1, h2, .phase-head, .bar { break-after: avoid; page-break-after: avoid; }
.phase-head { break-inside: avoid; page-break-inside: avoid; }
.facts, .summary { margin: .2em 0; }
.overdue-count { color: #b00020; font-weight: bold; }
.bar { height: 8px; background: #e5e5ea; border-radius: 4px; overflow: hidden; margin-bottom: .5em; }
.bar > span { display: block; height: 100%; background: #2e7d32; }
ul.items { list-style: none; padding: 0; margin: 0; }
ul.items li { padding: .35em 0; border-bottom: 1px solid #eee; display: grid;
              grid-template-columns: 1.6em 1fr auto; gap: .2em .6em; break-inside: avoid; }
.mark { font-weight: bold; }
.done .mark { color: #2e7d32; }
.skipped .title { text-decoration: line-through; color: #777; }
.retired .title { color: #777; }
.own-mark { font-style: italic; color: #555; }
.due { color: #444; text-align: right; max-width: 16em; overflow-wrap: anywhere; }
.overdue .due { color: #b00020; font-weight: bold; }
.meta { grid-column: 2 / 4; color: #555; font-size: .85em; }
.note, .reason { grid-column: 2 / 4; font-size: .9em; background: #f6f6f6; padding: .2em .5em;
                 border-radius: 3px; white-space: pre-wrap; overflow-wrap: anywhere; }
figure.timeline { margin: .8em 0 0; break-inside: avoid; page-break-inside: avoid; }
figure.timeline svg { width: 100%; height: auto; font-family: inherit; }
figure.timeline figcaption { color: #555; font-size: .8em; }
figure.timeline figcaption span { margin-right: 1.2em; white-space: nowrap; }
@media print {
  body { margin: 0; max-width: none; }
  section.hire { break-after: page; border-top: none !important; padding-top: 0 !important; }
  section.hire:last-of-type { break-after: auto; }
  table.pages > thead { display: table-header-group; }
}
"""

MARKS = {"done": "✔", "skipped": "–", "open": "☐"}


def escape(text: str) -> str:
    """Text as HTML text: markup escaped, and control and bidi characters shown as visible escapes,
    so that no override can reorder what a printed page shows."""
    return escape_markup(shown(text))


def render(hires: list[HireProgress], options: ExportOptions) -> str:
    t = options.t
    made = escape(options.made)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(options.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # nothing on the page may load or run anything
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{escape(t('export.title'))}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f'<header class="made">{made}</header>',
    ]
    for progress in hires:
        parts += _hire(progress, options)
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def _hire(progress: HireProgress, options: ExportOptions) -> list[str]:
    t = options.t
    record, checklist = progress.record, progress.checklist
    told = facts(record, options)
    told.append(f"{t('hire.checklist')}: "
                f"{checklist.title.in_lang(options.lang) if checklist else record.checklist}")
    summary = progress.summary()
    out = [
        '<section class="hire">',
        # the header of a table is repeated at the top of each printed page: the name on every page
        '<table class="pages">',
        f"<thead><tr><th><h1>{escape(record.name)}</h1></th></tr></thead>",
        "<tbody><tr><td>",
        f'<p class="facts">{escape(" · ".join(told))}</p>',
        f'<p class="summary">{escape(t("progress.line", **summary))}'
        + (f' · <span class="overdue-count">{summary["overdue"]} {escape(t("overdue"))}</span>'
           if summary["overdue"] else "") + "</p>",
        *_timeline(progress, options),
    ]
    for title, views, finished, total in phase_groups(progress, options):
        percent = round(100 * finished / total) if total else 0
        out += [
            '<div class="phase-head">',
            f"<h2><span>{escape(title)}</span><span>{finished}/{total}</span></h2>",
            f'<div class="bar" role="progressbar" aria-valuenow="{percent}" aria-valuemin="0" '
            f'aria-valuemax="100"><span style="width: {percent}%"></span></div>',
            "</div>",
            *_items(views, progress, options),
        ]
    retired = retired_views(progress, options)
    if retired:
        out += [f'<div class="phase-head"><h2><span>{escape(t("retired.heading"))}</span></h2></div>',
                *_items(retired, progress, options)]
    out += ["</td></tr></tbody>", "</table>", "</section>"]
    return out


# the timeline: the same plan as the app's (peeronboard.timeline), in pixels instead of columns
SVG_WIDTH, SVG_EDGE, SVG_ROW, SVG_AXIS = 760, 12, 16, 24
SVG_PLOT = SVG_WIDTH - 2 * SVG_EDGE  # the axis, from the first day shown to the last
SVG_MARK_GAP, SVG_LABEL_GAP = 12, 36
SVG_COLOURS = {"done": "#2e7d32", "open": "#1d1d1f", "overdue": "#b00020", "skipped": "#8a8a8a",
               "moved": "#a15c00", "start": "#1565c0", "today": "#6a1b9a"}
KIND_WORDS = {"done": "status.done", "open": "status.open", "overdue": "overdue", "skipped": "status.skipped",
              "moved": "status.open"}


def _timeline(progress: HireProgress, options: ExportOptions) -> list[str]:
    """The hire's plan at a glance as inline SVG (no script, no link): weeks from the start across, a
    band per phase, a mark per item on its due date (its title when pointed at), the start and today
    as lines; it is never split across printed pages."""
    views = {view.item_id: view for view in selected(progress, options)}
    plan = plan_of(list(views.values()), progress.record.start_date, progress.today)
    if not plan.marks:
        return []
    t = options.t
    bands, height = _svg_bands(plan, progress, options, views)
    lines = [_svg_line(plan, line, height) for line in ("start", "today")]
    parts = [*_svg_axis(plan, height), *bands, *lines]
    said = [t("timeline.weeks"), *t("timeline.lines", start=plan.span.start, today=plan.today).split("  "),
            *t("timeline.legend").split("  ")]
    caption = "".join(f"<span>{escape(piece)}</span>" for piece in said)
    return ['<figure class="timeline">',
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SVG_WIDTH} {height}" width="{SVG_WIDTH}" '
            f'height="{height}" role="img" aria-label="{escape(t("key.timeline"))}">',
            *parts, "</svg>", f"<figcaption>{caption}</figcaption>", "</figure>"]


def _svg_axis(plan: Plan, height: int) -> list[str]:
    out = [f'<line x1="{SVG_EDGE}" y1="{SVG_AXIS - 4}" x2="{SVG_WIDTH - SVG_EDGE}" y2="{SVG_AXIS - 4}" '
           'stroke="#999"/>']
    for day, weeks in plan.span.ticks(SVG_PLOT, SVG_LABEL_GAP):
        x = SVG_EDGE + plan.span.fraction(day) * SVG_PLOT
        out.append(f'<line x1="{x:.1f}" y1="{SVG_AXIS - 8}" x2="{x:.1f}" y2="{height}" stroke="#e0e0e0"/>')
        out.append(f'<text x="{x:.1f}" y="{SVG_AXIS - 11}" font-size="10" text-anchor="middle" '
                   f'fill="#666">{f"{weeks:+d}" if weeks else "0"}</text>')
    return out


def _svg_bands(plan: Plan, progress: HireProgress, options: ExportOptions,
               views: dict[str, ItemView]) -> tuple[list[str], int]:
    """Each phase's band (its title, then its lanes of marks); and where the last band ends."""
    placed = place(plan, SVG_PLOT, SVG_MARK_GAP, cells=False)
    phases = progress.checklist.phases if progress.checklist else ()
    titles = {phase.id: phase.title.in_lang(options.lang) for phase in phases}
    out, top = [], SVG_AXIS
    for band, phase in enumerate(plan.phases):
        ours = [spot for spot in placed if spot.mark.phase == phase]
        rows = 1 + max(spot.lane for spot in ours) + 1
        if band % 2 == 0:
            out.append(f'<rect x="0" y="{top}" width="{SVG_WIDTH}" height="{rows * SVG_ROW}" '
                       'fill="#f2f2f5"/>')
        out.append(f'<text x="{SVG_EDGE}" y="{top + 12}" font-size="11" font-weight="bold" '
                   f'fill="#444">{escape(titles.get(phase, phase))}</text>')
        for spot in ours:
            mark, view = spot.mark, views[spot.mark.item_id]
            said = f"{view.title(options.lang)} · {mark.due} · {options.t(KIND_WORDS[mark.kind])}"
            out.append(f'<text x="{SVG_EDGE + spot.position:.1f}" y="{top + SVG_ROW * (spot.lane + 1) + 12}" '
                       f'font-size="13" font-weight="bold" text-anchor="middle" '
                       f'fill="{SVG_COLOURS[mark.kind]}"><title>{escape(said)}</title>'
                       f"{TIMELINE_MARKS[mark.kind]}</text>")
        top += rows * SVG_ROW
    return out, top + 4


def _svg_line(plan: Plan, line: str, height: int) -> str:
    """The start date (solid) or today (dashed) from the axis to the bottom."""
    day = plan.span.start if line == "start" else plan.today
    x = SVG_EDGE + plan.span.fraction(day) * SVG_PLOT
    dash = ' stroke-dasharray="4 3"' if line == "today" else ""
    return (f'<line x1="{x:.1f}" y1="{SVG_AXIS - 8}" x2="{x:.1f}" y2="{height}" stroke="{SVG_COLOURS[line]}" '
            f'stroke-width="2"{dash}/>')


def _items(views: tuple[ItemView, ...] | list[ItemView], progress: HireProgress,
           options: ExportOptions) -> list[str]:
    return ['<ul class="items">', *(_item(view, progress, options) for view in views), "</ul>"]


def _item(view: ItemView, progress: HireProgress, options: ExportOptions) -> str:
    t = options.t
    state = view.state
    overdue = view.is_overdue(progress.today)
    flags = {"overdue": overdue, "own": view.own, "retired": view.retired}
    classes = " ".join([state.status, *(name for name, on in flags.items() if on)])
    due = ""
    if view.due:
        due = due_words(view, options) + (f" — {t('overdue')}" if overdue else "")
    meta = []
    if state.status != "open":
        meta.append(outcome(state, options.lang))
    owner = owner_text(view, progress.record, options.lang)
    if owner:
        meta.append(f"{t('panel.owner')}: {owner}")
    reference = source_ref(view, options.lang)
    if reference:
        meta.append(f"{t('panel.ref')}: {reference}")
    own = f' <em class="own-mark">({escape(t("own.mark"))})</em>' if view.own else ""
    html = (f'<li class="{classes}"><span class="mark">{MARKS[state.status]}</span>'
            f'<span class="title">{escape(view.title(options.lang))}{own}</span>'
            f'<span class="due">{escape(due)}</span>')
    if meta:
        html += f'<span class="meta">{escape(" · ".join(meta))}</span>'
    for key, text in remarks(view, options):
        html += f'<span class="{key}">{escape(t(key))}: {escape(text)}</span>'
    return html + "</li>"
