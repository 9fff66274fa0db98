"""The hires themselves: ``add``, ``list``, ``show``, ``erase``, and the terminal app (also as ``demo``)."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

from ..errors import PeerError
from ..i18n import Phrase, say
from ..onboarding import Onboarding
from ..paths import Paths
from ..record import HIRE_ID_PATTERN
from ..store import HireStore
from .context import Context
from .output import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, parse_date_option, print_json, report, table

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    import datetime as dt

    from ..progress import HireProgress, ItemView
    from ..record import HireRecord
    from ..rows import HireRow

_MARKS = {"done": "[x]", "skipped": "[-]", "open": "[ ]"}


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    start = parse_date_option(args.start, "--start")
    record = ctx.onboarding.add(args.name, start, args.checklist, args.unit, args.mentor,
                                hr_contact=args.hr, centre_contact=args.centre)
    print(record.id)
    warn_same_name(ctx, record.name, record.id)
    return EXIT_OK


def warn_same_name(ctx: Context, name: str, hire_id: str) -> None:
    """A name another hire has too: say which, so the leader can tell them apart (on stderr)."""
    others = ctx.onboarding.same_name(name, but=hire_id)
    if others:
        print(f"peeronboard: {say('edit.same_name', ctx.lang, matches=described(others))}", file=sys.stderr)


def described(records: list[HireRecord]) -> str:
    """Hires as a leader tells them apart: "k4m9tx (Anna Berg, start 2027-02-01, Afsnit S4)"."""
    return ", ".join(f"{r.id} ({', '.join(p for p in (r.name, f'start {r.start_date}', r.unit) if p)})"
                     for r in records)


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    from ..index import collector_paused

    with collector_paused(keep=True):  # a listing of thousands of hires makes no garbage worth collecting
        return _list(ctx, args)


def _list(ctx: Context, args: argparse.Namespace) -> int:
    from ..exports.common import HIRE_FIELDS, row_values
    from ..listing import all_rows
    from .output import fields_text, write_json_list

    everyone, problems = all_rows(ctx.onboarding)
    rows = everyone if args.all else [row for row in everyone if not row.finished]
    today = ctx.onboarding.today()
    if args.json:  # each hire's ``hire_data``, without making a dict of each
        write_json_list(fields_text(HIRE_FIELDS, row_values(row, today), 1) for row in rows)
    elif not rows and not problems:
        finished = len(everyone) - len(rows)
        print(say("no_hires.active", ctx.lang, count=finished) if finished else say("no_hires", ctx.lang))
    else:
        heads = [say(k, ctx.lang) for k in ("col.id", "col.name", "col.unit", "col.start",
                                            "col.checklist", "col.progress", "col.overdue", "col.next")]
        print(table(heads, [_list_line(row, today, ctx.lang) for row in rows]))
    return report(problems, ctx.lang)


def _list_line(row: HireRow, today: dt.date, lang: str) -> list[str]:
    overdue = row.overdue(today)
    reason = f": {row.finish_reason}" if row.finish_reason else ""
    return [
        row.id, row.name, row.unit or "", row.start.isoformat(), row.checklist,
        f"{row.finished_items}/{row.total}", str(overdue) if overdue else "",
        say("finished.line", lang, date=row.finished, reason=reason) if row.finished
        else f"{row.next_due} {row.next_title(lang)}" if row.next_due else "",
    ]


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    from ..exports.common import hire_data

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


def _show_text(hire: HireProgress, lang: str) -> str:
    from ..wording import hire_facts

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
        lines += _item_lines(views, hire, lang)
    if hire.retired:
        lines += ["", say("retired.heading", lang)]
        lines += _item_lines(list(hire.retired), hire, lang)
    return "\n".join(lines)


def _item_lines(views: list[ItemView], hire: HireProgress, lang: str) -> list[str]:
    """An item a line (mark, id, title, who does it, due, outcome), with its reason and note below."""
    from ..wording import moved_from, outcome, owner_text

    rows = []
    below: dict[int, list[str]] = {}
    for view in views:
        state = view.state
        due = f"{view.due}{moved_from(view, lang)}" if view.due else ""
        if view.is_overdue(hire.today):
            due += f" {say('overdue', lang).upper()}"
        done = outcome(state, lang) if state.status != "open" else ""
        title = view.title(lang) + (f" ({say('own.mark', lang)})" if view.own else "")
        rows.append([f"  {_MARKS[state.status]}", view.item_id, title, owner_text(view, hire.record, lang),
                     due, done])
        extra = [f"{say(key, lang)}: {text}" for key, text in (("reason", state.reason), ("note", state.note))
                 if text]
        if extra:
            below[len(rows) - 1] = extra
    out = []
    for index, line in enumerate(table(None, rows).split("\n")):
        out.append(line)
        for text in below.get(index, []):
            out += [f"      {part}" if number == 0 else f"        {part}"
                    for number, part in enumerate(text.split("\n"))]
    return out


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


# --- the terminal app ------------------------------------------------------------------------

def run_app(ctx: Context, args: argparse.Namespace) -> int:
    """``peeronboard`` with no command."""
    return open_app(ctx, args.private)


def cmd_demo(ctx: Context, args: argparse.Namespace) -> int:
    import shutil
    import tempfile

    from ..demo import fill_demo

    with _signals_end_the_run():  # a closed terminal or a kill must not leave the sample folder behind
        folder = Path(tempfile.mkdtemp(prefix="peeronboard-demo-"))
        try:
            demo = Onboarding(HireStore(folder), ctx.library, ctx.onboarding.user, ctx.onboarding.today)
            fill_demo(demo)
            demo_ctx = Context(Paths(folder, ctx.paths.config_dir, ctx.paths.cache_dir), ctx.lang, demo)
            return open_app(demo_ctx, args.private, banner=Phrase("demo.banner"))
        finally:
            shutil.rmtree(folder, ignore_errors=True)


_ENDING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


@contextlib.contextmanager
def _signals_end_the_run() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP raise SystemExit (exit code 128 + the signal), so ``finally``
    blocks run; further ones are ignored until the earlier handlers are back, on the way out."""
    if threading.current_thread() is not threading.main_thread():  # only there can handlers be set
        yield
        return

    def leave(signum: int, frame: object) -> None:
        for ending in _ENDING_SIGNALS:
            signal.signal(ending, signal.SIG_IGN)  # let the cleaning up finish
        raise SystemExit(128 + signum)

    earlier = {ending: signal.signal(ending, leave) for ending in _ENDING_SIGNALS}
    try:
        yield
    finally:
        for ending, handler in earlier.items():
            signal.signal(ending, signal.SIG_DFL if handler is None else handler)  # None: set outside Python


def open_app(ctx: Context, private: bool, banner: str | None = None) -> int:
    """Run the terminal app on this context's hires; its exit code."""
    if not has_terminal():
        print(f"peeronboard: {say('err.no_terminal', ctx.lang)}", file=sys.stderr)
        return EXIT_USAGE
    import gc

    gc.disable()  # until the first frame (the app turns it on): Textual's start makes no garbage
    from ..ui.app import make_app

    app = make_app(ctx.onboarding, ctx.lang, private=private, banner=banner)
    app.run()
    return app.return_code or EXIT_OK  # 1 after a crash (the app has said so in one line)


def has_terminal() -> bool:
    """Whether the app can run: keys come from a terminal and the screen goes to one."""
    return all(stream is not None and stream.isatty()
               for stream in (sys.__stdin__, sys.__stdout__, sys.__stderr__))
