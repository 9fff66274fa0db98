"""Which function runs each command. A command's module is imported only when the command runs, so a
tick (``check``) does not load the code of ``export`` or ``merge``.

To add a command:
1. write ``cmd_NAME(ctx: Context, args: argparse.Namespace) -> int`` in the module of its group
   (``checklists``, ``hires``, ``items``, ``exporting``, ``sharing``, or a new module of this package);
2. add ``"NAME": _handler("MODULE:cmd_NAME")`` to ``COMMANDS`` below;
3. give it a ``Subcommand`` line (help and arguments) in ``parser.SUBCOMMANDS``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from importlib import import_module

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from .context import Context

Handler = Callable[["Context", argparse.Namespace], int]


def _handler(where: str) -> Handler:
    """``MODULE:FUNCTION`` of this package, imported at the first call."""
    module, function = where.split(":")

    def run(ctx: Context, args: argparse.Namespace) -> int:
        return getattr(import_module(f".{module}", __package__), function)(ctx, args)

    run.__qualname__ = run.__name__ = where
    return run


COMMANDS: dict[str, Handler] = {
    "demo": _handler("hires:cmd_demo"),
    "checklists": _handler("checklists:cmd_checklists"),
    "validate": _handler("checklists:cmd_validate"),
    "add": _handler("hires:cmd_add"),
    "list": _handler("hires:cmd_list"),
    "show": _handler("hires:cmd_show"),
    "check": _handler("items:cmd_check"),
    "uncheck": _handler("items:cmd_uncheck"),
    "skip": _handler("items:cmd_skip"),
    "note": _handler("items:cmd_note"),
    "due": _handler("items:cmd_due"),
    "agenda": _handler("items:cmd_agenda"),
    "assign": _handler("items:cmd_assign"),
    "add-item": _handler("items:cmd_add_item"),
    "remove-item": _handler("items:cmd_remove_item"),
    "log": _handler("items:cmd_log"),
    "edit": _handler("lifecycle:cmd_edit"),
    "finish": _handler("lifecycle:cmd_finish"),
    "reopen": _handler("lifecycle:cmd_reopen"),
    "report": _handler("insight:cmd_report"),
    "retention": _handler("lifecycle:cmd_retention"),
    "export": _handler("exporting:cmd_export"),
    "merge": _handler("sharing:cmd_merge"),
    "erase": _handler("hires:cmd_erase"),
    "completion": _handler("completion:cmd_completion"),
    "serve": _handler("serving:cmd_serve"),
}

# with no command: the terminal app
APP: Handler = _handler("hires:run_app")

# commands whose result is the checklists' problems: the others warn about them after their own output
REPORT_CHECKLIST_PROBLEMS = frozenset({"checklists", "validate"})
