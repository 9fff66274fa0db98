"""The ``peeronboard`` command: the terminal app with no arguments, subcommands for everything else.

How a run flows: ``main`` guards the output streams and parses (``parser``), ``_run`` builds the ``Context``
and calls the command's handler from the ``registry``, which imports the module of that command's group
(``checklists``, ``hires``, ``items``, ``exporting``, ``sharing``) only then. Those modules print through
``output``. No module of this package imports this one.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from ..errors import DEBUG_ENV, PeerError
from ..i18n import choose_language
from ..problems import FormatError
from ..safetext import VisibleStream
from .output import EXIT_OK, EXIT_PROBLEM, report
from .parser import argparse_speaking, build_parser, help_language, moves_as_values

__all__ = ["DEBUG_ENV", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (0 done, 1 a problem with input or data, 2 usage)."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    out, err = sys.stdout, sys.stderr
    # text from records, checklists, file names and arguments may hold terminal escapes: never pass
    # them on (argparse's own messages quote the arguments)
    sys.stdout, sys.stderr = VisibleStream(out), VisibleStream(err)
    try:
        lang = help_language(arguments)
        with argparse_speaking(lang):
            args = build_parser(arguments, lang).parse_args(moves_as_values(arguments))
        return _run(args)
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


def _run(args: argparse.Namespace) -> int:
    from .context import Context
    from .registry import APP, COMMANDS, REPORT_CHECKLIST_PROBLEMS

    try:
        context = Context.create(args)
    except FormatError as error:
        return report(error.problems, choose_language(args.lang, None))
    except PeerError as error:
        print(f"peeronboard: {error.message(choose_language(args.lang, None))}", file=sys.stderr)
        return EXIT_PROBLEM
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
