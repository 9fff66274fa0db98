"""``python -m peeronboard``."""

import sys

from .cli import main

sys.exit(main())
