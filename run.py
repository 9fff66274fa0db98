#!/usr/bin/env python3
"""Start peeronboard or run its tests from a fresh checkout, with nothing but Python 3.11+.

    python3 run.py [ARGS...]   set up .venv on first use, then run ``peeronboard ARGS``
    python3 run.py test [ARGS] set up .venv with the test tools, then run ``pytest ARGS``
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".peeronboard-installed"


def ensure_environment() -> None:
    """Create .venv and install peeronboard (editable, with test tools) when pyproject.toml changed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - run.py must explain itself on an old Python
        sys.exit(f"peeronboard needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not PYTHON.exists():
        print("Setting up .venv (first run only)...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    subprocess.run([PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted)


def main(args: list[str]) -> int:
    ensure_environment()
    if args[:1] == ["test"]:
        command = [str(PYTHON), "-m", "pytest", *args[1:]]
    else:
        command = [str(PYTHON), "-m", "peeronboard", *args]
    return subprocess.call(command, cwd=ROOT if args[:1] == ["test"] else None)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
