"""Markdown: a heading per hire, phases as sub-headings, items as GFM task lists."""

from __future__ import annotations

import re

from ..progress import HireProgress, ItemView
from ..wording import outcome, owner_text
from .common import ExportOptions, due_words, facts, phase_groups, remarks, retired_views, shown, source_ref

# what Markdown would read as markup: emphasis, code, links, HTML, headings, tables, strikethrough, and
# the ``&`` of an entity (``&copy;`` would show as ©)
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
# what GFM and linkify autolink: ``http://x``, ``www.example.com``, ``jobnet.dk``, ``a@b.dk``. Escaping
# the ``:`` after a scheme, each ``.`` inside a word and each ``@`` breaks the link and shows the same
_LINKING = re.compile(r"(?<=\w)\.(?=\w)|(?<=\w):(?=//)|@")


def escape(text: str) -> str:
    """User text as literal Markdown on one line, rendered as typed: no emphasis, links, entities or
    HTML can come from a name or a note, and a line break (LF, CR or CRLF) is a space."""
    marked = _SPECIAL.sub(r"\\\1", shown(text))
    return _LINKING.sub(lambda match: "\\" + match.group(0), marked).replace("\n", " ")


def render(hires: list[HireProgress], options: ExportOptions) -> str:
    t = options.t
    lines = [f"*{options.made}*", ""]
    for progress in hires:
        record = progress.record
        checklist = progress.checklist
        lines.append(f"# {escape(record.name)}")
        lines.append("")
        told = facts(record, options, escape)
        title = checklist.title.in_lang(options.lang) if checklist else record.checklist
        told.append(f"{t('hire.checklist')}: {escape(title)}")
        lines.append(" · ".join(told))
        lines.append("")
        summary = progress.summary()
        line = t("progress.line", **summary)
        if summary["overdue"]:
            line += f" · **{summary['overdue']} {t('overdue')}**"
        lines += [line, ""]
        for phase_title, views, finished, total in phase_groups(progress, options):
            lines += [f"## {escape(phase_title)} ({finished}/{total})", ""]
            lines += _items_lines(views, progress, options)
        retired = retired_views(progress, options)
        if retired:
            lines += [f"## {escape(t('retired.heading'))}", ""]
            lines += _items_lines(retired, progress, options)
    return "\n".join(lines).rstrip() + "\n"


def _items_lines(views: tuple[ItemView, ...] | list[ItemView], progress: HireProgress,
                 options: ExportOptions) -> list[str]:
    """A group's items, then the blank line that ends it."""
    return [line for view in views for line in _item_lines(view, progress, options)] + [""]


def _item_lines(view: ItemView, progress: HireProgress, options: ExportOptions) -> list[str]:
    t = options.t
    state = view.state
    title = escape(view.title(options.lang))
    own = f" *({t('own.mark')})*" if view.own else ""
    if state.status == "done":
        head = f"- [x] {title}{own}"
    elif state.status == "skipped":
        head = f"- [x] ~~{title}~~{own} *({t('status.skipped')})*"
    else:
        head = f"- [ ] {title}{own}"
    details = []
    if view.due:
        due = due_words(view, options)
        details.append(f"**{due} — {t('overdue')}**" if view.is_overdue(progress.today) else due)
    if state.status != "open" and state.date:
        details.append(outcome(state, options.lang, escape))
    owner = owner_text(view, progress.record, options.lang)
    if owner:
        details.append(f"{t('panel.owner')}: {escape(owner)}")
    reference = source_ref(view, options.lang)
    if reference:
        details.append(escape(reference))
    lines = [head + (" — " + " · ".join(details) if details else "")]
    lines += [f"  - {t(key)}: {escape(text)}" for key, text in remarks(view, options)]
    return lines
