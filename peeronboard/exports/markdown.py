"""Markdown: a heading per hire, phases as sub-headings, items as GFM task lists."""

from __future__ import annotations

import re

from ..progress import HireProgress
from ..wording import hire_facts, outcome
from .common import ExportOptions, due_words, note_of, phase_groups, shown, source_ref

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def escape(text: str) -> str:
    """User text as literal Markdown on one line: no emphasis, links or HTML can come from a name or a
    note, and a line break (LF, CR or CRLF) is a space."""
    return _SPECIAL.sub(r"\\\1", shown(text)).replace("\n", " ")


def render(hires: list[HireProgress], options: ExportOptions) -> str:
    t = options.t
    lines = [f"*{options.made}*", ""]
    for progress in hires:
        record = progress.record
        checklist = progress.checklist
        lines.append(f"# {escape(record.name)}")
        lines.append("")
        facts = hire_facts(record, options.lang, escape)
        title = checklist.title.in_lang(options.lang) if checklist else record.checklist
        facts.append(f"{t('hire.checklist')}: {escape(title)}")
        lines.append(" · ".join(facts))
        lines.append("")
        summary = progress.summary()
        line = t("progress.line", **summary)
        if summary["overdue"]:
            line += f" · **{summary['overdue']} {t('overdue')}**"
        lines += [line, ""]
        for phase_title, views, finished, total in phase_groups(progress, options):
            lines += [f"## {escape(phase_title)} ({finished}/{total})", ""]
            for view in views:
                lines += _item_lines(view, progress, options)
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _item_lines(view, progress: HireProgress, options: ExportOptions) -> list[str]:
    t = options.t
    state = view.state
    title = escape(view.title(options.lang))
    if state.status == "done":
        head = f"- [x] {title}"
    elif state.status == "skipped":
        head = f"- [x] ~~{title}~~ *({t('status.skipped')})*"
    else:
        head = f"- [ ] {title}"
    details = []
    if view.due:
        due = due_words(view, options)
        details.append(f"**{due} — {t('overdue')}**" if view.is_overdue(progress.today) else due)
    if state.status != "open" and state.date:
        details.append(outcome(state, options.lang, escape))
    reference = source_ref(view, options.lang)
    if reference:
        details.append(escape(reference))
    lines = [head + (" — " + " · ".join(details) if details else "")]
    note = note_of(view, options)
    if note:
        lines.append(f"  - {t('note')}: {escape(note)}")
    return lines
