"""The subcommands: each turns arguments into core calls and prints the outcome."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import tomlsource
from .checklist import parse_checklist
from .cli import EXIT_OK, EXIT_PROBLEM, parse_date_option, print_json, report
from .dates import TODAY_ENV, now, today
from .errors import PeerError
from .i18n import choose_language, say
from .library import ChecklistLibrary
from .onboarding import Onboarding
from .paths import Paths
from .problems import FormatError, Problem
from .record import HIRE_ID_PATTERN, HireRecord, parse_record
from .settings import Settings
from .store import HireStore

if TYPE_CHECKING:  # the commands that change one item import only what they need, to start fast
    from .progress import HireProgress, ItemView

MAX_AGENDA_DAYS = 3650


class Context:
    """Everything one run needs: where files are, the language, the checklists, the records."""

    def __init__(self, paths: Paths, lang: str, onboarding: Onboarding) -> None:
        self.paths = paths
        self.lang = lang
        self.onboarding = onboarding

    @classmethod
    def create(cls, args: argparse.Namespace) -> Context:
        paths = Paths.resolve(args.data_dir, args.config_dir)
        settings = Settings.load(paths.config_file)
        lang = choose_language(args.lang, settings.lang)
        folders = [*(args.checklists or []), *getattr(args, "checklists_after", [])]
        extra = [Path(folder).expanduser() for folder in folders]
        try:
            today()
        except ValueError as error:
            raise PeerError("err.field", option=TODAY_ENV, reason=str(error)) from None
        library = ChecklistLibrary.standard(paths.user_checklists_dir, extra, paths.checklist_cache_dir)
        store = HireStore(paths.data_dir)
        return cls(paths, lang, Onboarding(store, library, settings.user_name(), today))

    @property
    def library(self) -> ChecklistLibrary:
        return self.onboarding.library

    def warn_checklist_problems(self) -> None:
        """A checklist file this command needed but could not load is never silently skipped."""
        for problem in self.library.problems_so_far:
            print(f"warning: {problem}", file=sys.stderr)


# --- checklists and validate -----------------------------------------------------------------

def cmd_checklists(ctx: Context, args: argparse.Namespace) -> int:
    checklists = ctx.library.ordered()
    if args.json:
        print_json([
            {
                "id": c.id, "version": c.version, "title": c.title.in_lang(ctx.lang),
                "items": c.item_count, "file": str(c.path), "builtin": ctx.library.is_builtin(c.id),
                "source": c.source.in_lang(ctx.lang) if c.source else None,
            }
            for c in checklists
        ])
    else:
        rows = [[c.id, c.title.in_lang(ctx.lang), str(c.item_count),
                 f"{c.path}" + (f" ({say('builtin', ctx.lang)})" if ctx.library.is_builtin(c.id) else "")]
                for c in checklists]
        heads = [say(k, ctx.lang) for k in ("col.id", "col.title", "col.items", "col.file")]
        print(_table(heads, rows))
        sources = [f"{c.id}: {c.source.in_lang(ctx.lang)}" for c in checklists if c.source]
        if sources:
            print("\n" + say("sources", ctx.lang) + "\n" + "\n".join(sources))
    return report(ctx.library.problems)


def cmd_validate(ctx: Context, args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        try:
            text = tomlsource.read_text(path)
            data = tomlsource.parse(text, path)
            if _looks_like_record(data):
                record = parse_record(data, path, text)
                print(f"{path}: ok (hire record {record.id})")
            else:
                checklist = parse_checklist(data, path, text)
                print(f"{path}: ok (checklist {checklist.id}, {checklist.item_count} items)")
        except FormatError as error:
            failed = True
            for problem in error.problems:
                print(problem, file=sys.stderr)
    return EXIT_PROBLEM if failed else EXIT_OK


def _looks_like_record(data: dict[str, Any]) -> bool:
    return "phases" not in data and ("start_date" in data or "name" in data)


# --- hires -----------------------------------------------------------------------------------

def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    start = parse_date_option(args.start, "--start")
    record = ctx.onboarding.add(args.name, start, args.checklist, args.unit, args.mentor)
    print(record.id)
    return EXIT_OK


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from .exports.common import hire_data

    hires, problems = ctx.onboarding.all_progress()
    if args.json:
        print_json([hire_data(h, ctx.lang) for h in hires])
    elif not hires and not problems:
        print(say("no_hires", ctx.lang))
    else:
        heads = [say(k, ctx.lang) for k in ("col.id", "col.name", "col.unit", "col.start",
                                            "col.checklist", "col.progress", "col.overdue", "col.next")]
        rows = []
        for hire in hires:
            record, summary, next_due = hire.record, hire.summary(), hire.next_due
            rows.append([
                record.id, record.name, record.unit or "", record.start_date.isoformat(),
                record.checklist, f"{summary['done'] + summary['skipped']}/{summary['total']}",
                str(summary["overdue"]) if summary["overdue"] else "",
                f"{next_due.due} {next_due.title(ctx.lang)}" if next_due else "",
            ])
        print(_table(heads, rows))
    return report(problems)


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    from .exports.common import hire_data

    record = ctx.onboarding.find(args.hire)
    hire = ctx.onboarding.progress(record)
    if args.json:
        print_json(hire_data(hire, ctx.lang, items=True))
    else:
        print(_show_text(hire, ctx.lang))
    if hire.checklist is None:
        missing = say("err.hire_checklist", ctx.lang, hire=record.id, checklist=record.checklist)
        print(f"peeronboard: {missing}", file=sys.stderr)
        return EXIT_PROBLEM
    return EXIT_OK


def _item_command(change: Callable[[Context, str, argparse.Namespace], HireRecord], message: str):
    def run(ctx: Context, args: argparse.Namespace) -> int:
        updated = change(ctx, ctx.onboarding.find_id(args.hire), args)
        print(f"{updated.name}: {say(message, ctx.lang, item=_item_title(ctx, updated, args.item))}")
        return EXIT_OK
    return run


def _check(ctx: Context, hire_id: str, args: argparse.Namespace) -> HireRecord:
    on = parse_date_option(args.on, "--on") if args.on else None
    if on is not None and on > ctx.onboarding.today():
        raise PeerError("err.future", option="--on", date=on.isoformat())
    return ctx.onboarding.check(hire_id, args.item, note=_optional_text(args.note),
                                by=_optional_text(args.by), on=on)


cmd_check = _item_command(_check, "checked")
cmd_uncheck = _item_command(lambda ctx, r, a: ctx.onboarding.uncheck(r, a.item), "unchecked")
cmd_skip = _item_command(lambda ctx, r, a: ctx.onboarding.skip(r, a.item, a.reason), "skipped")
cmd_note = _item_command(lambda ctx, r, a: ctx.onboarding.note(r, a.item, a.text), "noted")


def cmd_due(ctx: Context, args: argparse.Namespace) -> int:
    onboarding = ctx.onboarding
    updated = onboarding.set_due(onboarding.find_id(args.hire), args.item, args.when, args.reason)
    planned = onboarding.planned_due(updated, args.item)
    due = updated.state(args.item).due
    title = _item_title(ctx, updated, args.item)
    print(f"{updated.name}: " + say("due.moved" if due else "due.reset", ctx.lang, item=title, due=due,
                                    planned=planned or "–"))
    return EXIT_OK


def _item_title(ctx: Context, record: HireRecord, item_id: str) -> str:
    item = ctx.onboarding.checklist_for(record).item(item_id)
    return item.title.in_lang(ctx.lang) if item else item_id


def cmd_agenda(ctx: Context, args: argparse.Namespace) -> int:
    if not 0 <= args.days <= MAX_AGENDA_DAYS:
        raise PeerError("err.days", most=MAX_AGENDA_DAYS)
    from .exports.common import item_data
    from .progress import agenda

    hires, problems = ctx.onboarding.all_progress()
    day = ctx.onboarding.today()
    entries = agenda(hires, day, args.days)
    if args.json:
        print_json([
            {**item_data(e.view, ctx.lang, day), "hire": e.progress.record.id,
             "name": e.progress.record.name}
            for e in entries
        ])
    elif not entries:
        print(say("agenda.empty", ctx.lang, days=args.days))
    else:
        heads = [say(k, ctx.lang) for k in ("col.due", "col.hire", "col.item", "col.title", "col.unit")]
        rows = [[
            f"{e.due}" + (f" ({say('overdue', ctx.lang)})" if e.view.is_overdue(day) else ""),
            f"{e.progress.record.name} ({e.progress.record.id})", e.view.item_id,
            e.view.title(ctx.lang), e.progress.record.unit or "",
        ] for e in entries]
        print(_table(heads, rows))
    return report(problems)


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    from .exports.formats import ExportOptions, export_bytes, write_export

    problems: list[Problem] = []
    if args.hires:
        chosen: dict[str, HireProgress] = {}
        for query in args.hires:
            record = ctx.onboarding.find(query)
            chosen.setdefault(record.id, ctx.onboarding.progress(record))
        hires = list(chosen.values())
    else:
        hires, problems = ctx.onboarding.all_progress()
    options = ExportOptions(lang=ctx.lang, only=args.only, notes=not args.no_notes,
                            today=ctx.onboarding.today(),
                            generated=now())
    data = export_bytes(args.format, hires, options)
    if args.output and not _is_standard_output(args.output):
        path = write_export(Path(args.output), data)
        # to a device or a pipe, the message must not land in what reads the summary
        print(say("exported", ctx.lang, count=len(hires), path=path),
              file=sys.stdout if path.is_file() else sys.stderr)
    else:
        sys.stdout.write(data.decode("utf-8"))
    return report(problems)


def _is_standard_output(output: str) -> bool:
    """``-``, or a name for this process's standard output (``/dev/stdout``, ``/dev/fd/1``)."""
    if output == "-":
        return True
    try:
        return os.path.samestat(os.stat(output), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError, AttributeError):
        return False


def cmd_erase(ctx: Context, args: argparse.Namespace) -> int:
    hire_id, name = _hire_to_erase(ctx, args.hire)
    if not args.yes:
        if not sys.stdin.isatty():
            raise PeerError("err.erase_needs_yes")
        # input() would write its prompt past the guard on standard output: the name may hold escapes
        sys.stdout.write(say("erase.confirm", ctx.lang, name=name, id=hire_id))
        sys.stdout.flush()
        if input().strip().lower() not in ("y", "yes", "j", "ja"):
            print(say("erase.cancelled", ctx.lang))
            return EXIT_OK
    left = ctx.onboarding.store.foreign_files(hire_id)  # before the record they differ from is gone
    removed, failed = ctx.onboarding.erase(hire_id)
    if not left and not failed:
        print(say("erased", ctx.lang, id=hire_id, count=len(removed), folder=ctx.paths.data_dir))
        return EXIT_OK
    print(say("erased.count", ctx.lang, id=hire_id, count=len(removed)))
    for path in left:
        print(say("erase.left", ctx.lang, path=path, id=hire_id), file=sys.stderr)
    for path, reason in failed:
        print(say("err.erase", ctx.lang, path=path, reason=reason), file=sys.stderr)
    return EXIT_PROBLEM


def _hire_to_erase(ctx: Context, query: str) -> tuple[str, str]:
    """The id and name of the hire to erase: also one whose record cannot be read, or is gone while
    other files of it are left (a backup, a copy)."""
    try:
        record = ctx.onboarding.find(query)
        return record.id, record.name
    except PeerError as error:
        as_id = query.strip().lower()
        if error.key == "err.unreadable" or (
                HIRE_ID_PATTERN.match(as_id) and ctx.onboarding.store.files_of(as_id)):
            return as_id, "?"
        raise


def cmd_merge(ctx: Context, args: argparse.Namespace) -> int:
    problems: list[Problem] = []
    merged = ctx.onboarding.merge_conflicts(problems)
    for copy, record, plan in merged:
        print(say("merged", ctx.lang, copy=copy.name, id=record.id, name=record.name,
                  entries=len(plan.entries), items=len(plan.states)))
        for item_id, state in plan.undecided.items():
            print(say("merge.undecided", ctx.lang, item=item_id, id=record.id,
                      status=say(f"status.{state.status}", ctx.lang)))
        for field, (ours, theirs) in plan.field_conflicts.items():
            print(say("merge.field_kept", ctx.lang, field=field, id=record.id, ours=ours, theirs=theirs))
    if not merged:
        print(say("merge.none", ctx.lang))
    store = ctx.onboarding.store
    _, remaining = store.load_all()  # copies merge cannot take: another person, no record, unreadable
    problems += [p for p in remaining if p.path is not None and (owner := store.owner_of(p.path))
                 and owner.kind in ("foreign", "orphan", "named-copy")]
    return report(problems)


def cmd_demo(ctx: Context, args: argparse.Namespace) -> int:
    import shutil
    import tempfile

    from .cli import _open_app
    from .demo import fill_demo

    folder = Path(tempfile.mkdtemp(prefix="peeronboard-demo-"))
    try:
        demo = Onboarding(HireStore(folder), ctx.library, ctx.onboarding.user, ctx.onboarding.today)
        fill_demo(demo)
        demo_ctx = Context(Paths(folder, ctx.paths.config_dir, ctx.paths.cache_dir), ctx.lang, demo)
        return _open_app(demo_ctx, args.private, banner=say("demo.banner", ctx.lang))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


COMMANDS: dict[str, Callable[[Context, argparse.Namespace], int]] = {
    "demo": cmd_demo, "checklists": cmd_checklists, "validate": cmd_validate, "add": cmd_add,
    "list": cmd_list, "show": cmd_show, "check": cmd_check, "uncheck": cmd_uncheck, "skip": cmd_skip,
    "note": cmd_note, "due": cmd_due, "agenda": cmd_agenda, "export": cmd_export, "merge": cmd_merge,
    "erase": cmd_erase,
}


# --- output helpers --------------------------------------------------------------------------

def _optional_text(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


_MARKS = {"done": "[x]", "skipped": "[-]", "open": "[ ]"}


def _show_text(hire: HireProgress, lang: str) -> str:
    from .wording import hire_facts

    record, checklist = hire.record, hire.checklist
    lines = [f"{record.name} ({record.id})"]
    title = checklist.title.in_lang(lang) if checklist else "?"
    lines.append(f"{say('hire.checklist', lang)}: {title} ({record.checklist})")
    lines.append(" · ".join(hire_facts(record, lang)))
    summary = hire.summary()
    progress = say("progress.line", lang, **summary)
    if summary["overdue"]:
        progress += f" · {summary['overdue']} {say('overdue', lang)}"
    lines.append(progress)
    for phase in checklist.phases if checklist else ():
        views = hire.phase_items(phase.id)
        finished = sum(1 for v in views if v.state.status != "open")
        lines += ["", f"{phase.title.in_lang(lang)} ({finished}/{len(views)})"]
        lines += _item_lines(views, lang, hire.today)
    if hire.retired:
        lines += ["", say("retired.heading", lang)]
        lines += _item_lines(list(hire.retired), lang, hire.today)
    return "\n".join(lines)


def _item_lines(views: list[ItemView], lang: str, day: Any) -> list[str]:
    from .wording import moved_from, outcome

    rows = []
    notes: dict[int, str] = {}
    for view in views:
        state = view.state
        due = f"{view.due}{moved_from(view, lang)}" if view.due else ""
        if view.is_overdue(day):
            due += f" {say('overdue', lang).upper()}"
        done = outcome(state, lang) if state.status != "open" else ""
        rows.append([f"  {_MARKS[state.status]}", view.item_id, view.title(lang), due, done])
        if state.note:
            notes[len(rows) - 1] = state.note
    out = []
    for index, line in enumerate(_table(None, rows).split("\n")):
        out.append(line)
        if index in notes:
            out.append(f"      {say('note', lang)}: {notes[index]}")
    return out


def _table(heads: list[str] | None, rows: list[list[str]]) -> str:
    """Columns aligned with two spaces between them; trailing blanks trimmed."""
    everything = ([heads] if heads else []) + rows
    widths = [max(len(row[i]) for row in everything) for i in range(len(everything[0]))] if everything else []
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in everything]
    return "\n".join(lines)
