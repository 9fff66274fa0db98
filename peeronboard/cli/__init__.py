"""The ``peeronboard`` command: the terminal app with no arguments, subcommands for everything else.

How a run flows: ``main`` guards the output streams and parses (``parser``), ``_run`` builds the ``Context``
and calls the command's handler from the ``registry``, which imports the module of that command's group
(``checklists``, ``hires``, ``items``, ``exporting``, ``sharing``) only then. Those modules print through
``output``. No module of this package imports this one.

A run is a short-lived process, so this module imports only what its command needs, and only when it
needs it: ``--version`` alone answers before anything else is imported.
"""

from __future__ import annotations

import gc
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (a quicker --version)
if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence

__all__ = ["DEBUG_ENV", "build_parser", "main", "run_program"]


def __getattr__(name: str) -> object:
    """``DEBUG_ENV`` and ``build_parser``, imported at their first use."""
    if name == "DEBUG_ENV":
        from ..errors import DEBUG_ENV

        return DEBUG_ENV
    if name == "build_parser":
        from .parser import build_parser

        return build_parser
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (0 done, 1 a problem with input or data, 2 usage)."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments == ["--version"]:
        _say_version()
    # without argv, the run is this process's own: it ends with it, and so may its frozen objects
    with _CollectorAtStartUp(stays_frozen=argv is None) as collector:
        return _guarded(arguments, collector.started)


def run_program() -> None:
    """The program (``peeronboard``, ``python -m peeronboard``): ``main``, and then the process ends at
    once. Tearing down what a run built (every hire listed, a summary) only frees memory the process
    gives back anyway, and takes a large command a tenth of its time. So once the output is flushed the
    process ends without it, unless a thread or an ``atexit`` hook still has work to do."""
    code = main()
    import atexit
    import os

    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:  # noqa: BLE001 - a closed or broken stream: Python's own exit deals with it
        sys.exit(code)
    threads = sys.modules.get("threading")
    if getattr(atexit, "_ncallbacks", lambda: 1)() or (threads is not None and threads.active_count() > 1):
        sys.exit(code)
    os._exit(code)


def _guarded(arguments: list[str], started: Callable[[], None]) -> int:
    """The run, with its output streams guarded and every error said in one line."""
    import os

    from ..errors import DEBUG_ENV
    from ..safetext import VisibleStream
    from .output import EXIT_OK, EXIT_PROBLEM

    out, err = sys.stdout, sys.stderr
    if out is None:  # started with standard output closed (``>&-``): what a command does could not be shown
        from ..i18n import say
        from .parser import help_language

        said = say("err.stdout_closed", help_language(arguments))
        print(f"peeronboard: {said}", file=err)  # nowhere, if standard error is closed too
        return EXIT_PROBLEM
    # text from records, checklists, file names and arguments may hold terminal escapes: never pass
    # them on (argparse's own messages quote the arguments); with standard error closed, what would
    # go there goes nowhere (``print`` to None would write it into standard output)
    sys.stdout = VisibleStream(out)
    sys.stderr = VisibleStream(err if err is not None else open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
    try:
        return _run(_parse(arguments), started)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last guard: one line, never a traceback unless asked
        if os.environ.get(DEBUG_ENV):
            raise
        # the name of the error only: its message may quote a record (a name, a note)
        print(f"peeronboard: unexpected error: {type(error).__name__} "
              f"(set {DEBUG_ENV}=1 for details)", file=sys.stderr)
        return EXIT_PROBLEM
    finally:
        sys.stdout, sys.stderr = out, err


def _say_version() -> None:
    """What ``--version`` says (as argparse would: on standard output, then exit 0), importing nothing."""
    from .. import __version__

    print(f"peeronboard {__version__}")  # with standard output closed: nowhere
    sys.exit(0)


def _parse(arguments: list[str]) -> argparse.Namespace:
    from .parser import argparse_speaking, build_parser, help_language, moves_as_values

    lang = help_language(arguments)
    with argparse_speaking(lang):
        return build_parser(arguments, lang).parse_args(moves_as_values(arguments))


class _CollectorAtStartUp:
    """Start-up (imports, the parser, the context) makes objects that live as long as the run, so the
    garbage collector would only walk them again and again, and once more as the process exits (a
    sixth of a short command's work): inside, it waits until start-up is over (``started``), and then
    leaves those objects out (frozen). On leaving, it is as it was, unless ``stays_frozen``; a caller
    that goes on (a test) wants that."""

    def __init__(self, *, stays_frozen: bool) -> None:
        self.stays_frozen = stays_frozen

    def __enter__(self) -> _CollectorAtStartUp:
        self.was_enabled = gc.isenabled()
        self.freezing = self.was_enabled and gc.get_freeze_count() == 0
        gc.disable()
        return self

    def started(self) -> None:
        if self.freezing:
            gc.freeze()
        if self.was_enabled:
            gc.enable()

    def __exit__(self, *_: object) -> None:
        if self.freezing and not self.stays_frozen:
            gc.unfreeze()
        if self.was_enabled:
            gc.enable()


def _run(args: argparse.Namespace, started: Callable[[], None]) -> int:
    from ..errors import PeerError
    from ..i18n import choose_language
    from ..problems import FormatError
    from .context import Context
    from .output import EXIT_PROBLEM, report
    from .registry import APP, COMMANDS, REPORT_CHECKLIST_PROBLEMS

    try:
        context = Context.create(args)
    except FormatError as error:
        return report(error.problems, choose_language(args.lang, None))
    except PeerError as error:
        print(f"peeronboard: {error.message(choose_language(args.lang, None))}", file=sys.stderr)
        return EXIT_PROBLEM
    started()
    if args.command is None:
        return APP(context, args)
    try:
        code = COMMANDS[args.command](context, args)
        if args.command not in REPORT_CHECKLIST_PROBLEMS:
            context.warn_checklist_problems()
        return code
    except PeerError as error:
        print(f"peeronboard: {error.message(context.lang)}", file=sys.stderr)
        return EXIT_PROBLEM
    except FormatError as error:
        return report(error.problems, context.lang)
