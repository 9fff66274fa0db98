"""One browser tab's app. ``peeronboard serve`` starts ``python -m peeronboard.ui.web.tab`` for each tab
that connects; textual-serve sets Textual's web driver in its environment, so the app draws into the
tab instead of a terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def tab_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The folders, and this tab's language and privacy mode, as the server passes them."""
    parser = argparse.ArgumentParser(prog="peeronboard-tab")
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--config-dir", required=True)
    parser.add_argument("--checklists", action="append", default=[])
    parser.add_argument("--lang", choices=("da", "en"))
    parser.add_argument("--private", action="store_true")
    parser.add_argument("--demo", action="store_true")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    from ...cli.context import Context
    from ...cli.output import EXIT_PROBLEM, report
    from ...errors import PeerError
    from ...i18n import Phrase, choose_language
    from ...problems import FormatError

    args = tab_arguments(argv)
    lang = choose_language(args.lang, None)
    try:  # what goes wrong is said on the server's terminal: textual-serve shows the tab's stderr there
        ctx = Context.create(args)
    except FormatError as error:
        return report(error.problems, lang)
    except PeerError as error:
        print(f"peeronboard: {error.message(lang)}", file=sys.stderr)
        return EXIT_PROBLEM
    from ..app import make_app

    app = make_app(ctx.onboarding, ctx.lang, private=args.private,
                   banner=Phrase("demo.banner") if args.demo else None)
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
