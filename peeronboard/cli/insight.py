"""``report``: which checklist items fall through across hires, how late, and why (anonymous by default)."""

from __future__ import annotations

import argparse
import json
import sys
from html import escape
from pathlib import Path

from ..errors import PeerError
from ..i18n import say
from ..report import MIN_UNIT_HIRES, OTHER_UNITS, Report, Tally, build_report, report_data, report_title
from ..safetext import visible
from .context import Context
from .output import EXIT_OK, parse_date_option, report, table

BAR_WIDTH = 20


def cmd_report(ctx: Context, args: argparse.Namespace) -> int:
    hires, problems = ctx.onboarding.all_progress()
    if args.checklist:
        hires = [h for h in hires if h.record.checklist == args.checklist]
    if args.since:
        since = parse_date_option(args.since, "--since")
        hires = [h for h in hires if h.record.start_date >= since]
    if args.unit:
        wanted = args.unit.strip().casefold()
        hires = [h for h in hires if (h.record.unit or "").strip().casefold() == wanted]
        if 0 < len(hires) < MIN_UNIT_HIRES and not args.with_names:
            raise PeerError("err.report_small_unit", unit=args.unit, count=len(hires), least=MIN_UNIT_HIRES)
    result = build_report(hires, reasons=args.with_reasons, names=args.with_names)
    render = {"text": _text, "md": _markdown, "html": _html, "json": _json}[args.format]
    text = render(result, ctx.lang)
    if args.output and args.output != "-":
        from ..exports.formats import write_export

        path = write_export(Path(args.output), text.encode("utf-8"))
        print(say("report.written", ctx.lang, path=path), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return report(problems, ctx.lang) if problems else EXIT_OK


def _late(tally: Tally, lang: str) -> str:
    if not tally.late:
        return "0"
    return say("report.late_days", lang, count=tally.late, median=_days(tally.median_days_late),
               worst=tally.worst_days_late)


def _days(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _bar(tally: Tally, width: int = BAR_WIDTH) -> str:
    """Done on time, late, not applicable, overdue, as a bar of blocks of different weight."""
    if not tally.reached:
        return ""
    parts = [(tally.on_time, "█"), (tally.late, "▓"), (tally.skipped, "▒"), (tally.overdue, "░")]
    cells = [round(width * count / tally.reached) for count, _ in parts]
    return "".join(mark * cells[index] for index, (_, mark) in enumerate(parts))


def _heads(lang: str) -> list[str]:
    return [say(key, lang) for key in ("col.title", "report.reached", "report.on_time", "report.late",
                                       "report.skipped", "report.overdue")]


def _cells(entry_tally: Tally, lang: str) -> list[str]:
    return [str(entry_tally.reached), str(entry_tally.on_time), _late(entry_tally, lang),
            str(entry_tally.skipped), str(entry_tally.overdue)]


def _text(result: Report, lang: str) -> str:
    if not result.items:
        return say("report.empty", lang, hires=result.hires) + "\n"
    lines = [report_title(result, lang), say("report.legend", lang), ""]
    rows = [[visible(entry.titles[lang], multiline=False), *_cells(entry.tally, lang), _bar(entry.tally)]
            for entry in result.items]
    lines.append(table([*_heads(lang), ""], rows))
    for entry in result.items:
        extra = [f"  {visible(text, multiline=False)} ({count})" for text, count in entry.reasons]
        if entry.names:
            extra.append("  " + ", ".join(visible(name, multiline=False) for name in entry.names))
        if extra:
            lines += ["", f"{visible(entry.titles[lang], multiline=False)}:", *extra]
    lines += ["", say("report.phases", lang)]
    lines.append(table([say("col.phase", lang), *_heads(lang)[1:], ""],
                       [[_phase(result, key, lang), *_cells(tally, lang), _bar(tally)]
                        for key, tally in result.phases.items()]))
    lines += ["", say("report.units", lang)]
    lines.append(table([say("col.unit", lang), *_heads(lang)[1:], ""],
                       [[_unit(unit, lang), *_cells(tally, lang), _bar(tally)]
                        for unit, tally in sorted(result.units.items())]))
    lines += [folded] if (folded := _folded(result, lang)) else []
    return "\n".join(lines) + "\n"


def _phase(result: Report, key: tuple[str, str], lang: str) -> str:
    title = result.phase_titles.get(key, {}).get(lang) or key[1]
    several = len({checklist for checklist, _ in result.phases}) > 1
    return visible(f"{title} ({result.checklist_title(key[0], lang)})" if several else title, multiline=False)


def _folded(result: Report, lang: str) -> str:
    """Why "other units" is there, when it is: small units are counted together, so no one is singled out."""
    return say("report.folded", lang, least=MIN_UNIT_HIRES) if OTHER_UNITS in result.units else ""


def _unit(unit: str, lang: str) -> str:
    return say("report.other_units", lang) if unit == OTHER_UNITS else visible(unit, multiline=False)


def _markdown(result: Report, lang: str) -> str:
    from ..exports.markdown import escape as md

    lines = [f"# {report_title(result, lang)}", "", say("report.legend", lang), ""]
    heads = _heads(lang)
    lines += ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    lines += ["| " + " | ".join([md(entry.titles[lang]), *_cells(entry.tally, lang)]) + " |"
              for entry in result.items]
    for entry in result.items:
        if entry.reasons or entry.names:
            lines += ["", f"**{md(entry.titles[lang])}**", ""]
            lines += [f"- {md(text)} ({count})" for text, count in entry.reasons]
            if entry.names:
                lines.append("- " + ", ".join(md(name) for name in entry.names))
    phase_heads = [say("col.phase", lang), *heads[1:]]
    lines += ["", f"## {say('report.phases', lang)}", "", "| " + " | ".join(phase_heads) + " |",
              "|" + "---|" * len(heads)]
    lines += ["| " + " | ".join([md(_phase(result, key, lang)), *_cells(tally, lang)]) + " |"
              for key, tally in result.phases.items()]
    unit_heads = [say("col.unit", lang), *heads[1:]]
    lines += ["", f"## {say('report.units', lang)}", "", "| " + " | ".join(unit_heads) + " |",
              "|" + "---|" * len(heads)]
    lines += ["| " + " | ".join([md(_unit(unit, lang)), *_cells(tally, lang)]) + " |"
              for unit, tally in sorted(result.units.items())]
    lines += ["", md(folded)] if (folded := _folded(result, lang)) else []
    return "\n".join(lines) + "\n"


_COLOURS = (("on_time", "#2e7d32"), ("late", "#f9a825"), ("skipped", "#9e9e9e"), ("overdue", "#c62828"))


def _svg_bar(tally: Tally, width: int = 240, height: int = 14) -> str:
    """The same bar as inline SVG (no script, no link: the page's policy stays strict)."""
    if not tally.reached:
        return ""
    x, rects = 0.0, []
    for field, colour in _COLOURS:
        part = width * getattr(tally, field) / tally.reached
        if part:
            rects.append(f'<rect x="{x:.1f}" y="0" width="{part:.1f}" height="{height}" fill="{colour}"/>')
        x += part
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
            f'aria-label="{tally.on_time}/{tally.late}/{tally.skipped}/{tally.overdue}">{"".join(rects)}</svg>')


def _html(result: Report, lang: str) -> str:
    def text(value: str) -> str:
        return escape(visible(value))

    heads = "".join(f"<th>{text(head)}</th>" for head in _heads(lang)) + "<th></th>"
    rows = "".join("<tr><td>" + text(entry.titles[lang]) + "</td>"
                   + "".join(f"<td>{text(cell)}</td>" for cell in _cells(entry.tally, lang))
                   + f"<td>{_svg_bar(entry.tally)}</td></tr>" for entry in result.items)
    phases = "".join("<tr><td>" + text(_phase(result, key, lang)) + "</td>"
                     + "".join(f"<td>{text(cell)}</td>" for cell in _cells(tally, lang))
                     + f"<td>{_svg_bar(tally)}</td></tr>" for key, tally in result.phases.items())
    units = "".join("<tr><td>" + text(_unit(unit, lang)) + "</td>"
                    + "".join(f"<td>{text(cell)}</td>" for cell in _cells(tally, lang))
                    + f"<td>{_svg_bar(tally)}</td></tr>" for unit, tally in sorted(result.units.items()))
    details = "".join(
        f"<h3>{text(entry.titles[lang])}</h3><ul>"
        + "".join(f"<li>{text(reason)} ({count})</li>" for reason, count in entry.reasons)
        + (f"<li>{text(', '.join(entry.names))}</li>" if entry.names else "") + "</ul>"
        for entry in result.items if entry.reasons or entry.names)
    title = text(report_title(result, lang))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{title}</title>
<style>body {{ font-family: system-ui, sans-serif; max-width: 960px; margin: 2em auto; padding: 0 1em;
}}
table {{ border-collapse: collapse; width: 100%; }} th, td {{ text-align: left; padding: .25em .5em;
border-bottom: 1px solid #ddd; }} thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; }}</style>
</head><body><h1>{title}</h1><p>{text(say("report.legend", lang))}</p>
<table><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>{details}
<h2>{text(say("report.phases", lang))}</h2>
<table><thead><tr><th>{text(say("col.phase", lang))}</th>{heads[heads.index("</th>") + 5:]}</tr></thead>
<tbody>{phases}</tbody></table>
<h2>{text(say("report.units", lang))}</h2>
<table><thead><tr><th>{text(say("col.unit", lang))}</th>{heads[heads.index("</th>") + 5:]}</tr></thead>
<tbody>{units}</tbody></table>{f"<p>{text(folded)}</p>" if (folded := _folded(result, lang)) else ""}
</body></html>
"""


def _json(result: Report, lang: str) -> str:
    return json.dumps(report_data(result, lang), ensure_ascii=False, indent=2) + "\n"
