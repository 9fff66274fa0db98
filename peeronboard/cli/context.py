"""What every command gets: where files are, the language, the checklists and the records."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..dates import TODAY_ENV, today
from ..errors import PeerError
from ..i18n import choose_language
from ..library import ChecklistLibrary
from ..onboarding import Onboarding
from ..paths import Paths
from ..settings import Settings
from ..store import HireStore
from .output import problem_line


class Context:
    """Everything one run needs: where files are, the language, the checklists, the records."""

    def __init__(self, paths: Paths, lang: str, onboarding: Onboarding,
                 settings: Settings | None = None) -> None:
        self.paths = paths
        self.lang = lang
        self.onboarding = onboarding
        self.settings = settings or Settings()

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
        return cls(paths, lang, Onboarding(store, library, settings.user_name(), today,
                                           settings.retention_months), settings)

    @property
    def library(self) -> ChecklistLibrary:
        return self.onboarding.library

    def warn_checklist_problems(self) -> None:
        """A checklist file this command needed but could not load is never silently skipped."""
        problems = [*self.library.problems_so_far, *filter(None, [self.settings.retention_problem])]
        for problem in problems:
            print(f"warning: {problem_line(problem, self.lang)}", file=sys.stderr)
