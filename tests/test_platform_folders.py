"""On Linux the folders for records, settings and the checklist cache are worked out without importing
platformdirs (a tenth of a command's time), and they are exactly the folders platformdirs gives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from peeronboard import paths

ROOT = Path(__file__).parent.parent
VARIABLES = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")
HOMES = ("/home/mette", "/home/mette/", "/", "relative/home", "", None)
XDG_VALUES = (None, "", "/srv/xdg", "/srv/xdg/", "relative/xdg", " /srv/xdg", "/srv/æøå xdg")


@pytest.mark.parametrize("home", HOMES)
@pytest.mark.parametrize("xdg", XDG_VALUES)
@pytest.mark.parametrize("kind", ("data", "config", "cache"))
def test_each_folder_is_the_one_platformdirs_gives(monkeypatch: pytest.MonkeyPatch, kind: str,
                                                   home: str | None, xdg: str | None) -> None:
    for name, value in (("HOME", home), *((variable, xdg) for variable in VARIABLES)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    try:
        expected = paths._platformdirs_dir(kind)
    except RuntimeError:  # platformdirs finds no home at all (a relative HOME and no passwd entry)
        expected = None
    worked_out = paths._xdg_dir(kind)
    if sys.platform == "linux" and home and home.startswith("/") and (not xdg or xdg.startswith("/")):
        assert worked_out is not None  # the usual case is worked out here (a relative XDG value is not)
    if worked_out is not None:
        assert worked_out == expected
        assert paths._platform_dir(kind) == Path(expected)

@pytest.mark.skipif(sys.platform != "linux", reason="the worked-out folders are Linux's")
def test_a_command_with_the_default_folders_does_not_import_platformdirs(tmp_path: Path) -> None:
    code = ("import sys\nfrom peeronboard.paths import Paths\nfound = Paths.resolve()\n"
            "print(found.data_dir, found.config_dir, found.cache_dir)\n"
            "print('platformdirs' in sys.modules)\n")
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                           env=env, timeout=60, check=True).stdout.splitlines()
    assert shown == [f"{tmp_path}/.local/share/peeronboard {tmp_path}/.config/peeronboard "
                     f"{tmp_path}/.cache/peeronboard", "False"]


def test_an_android_environment_is_left_to_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", "/data/home")
    monkeypatch.setenv("ANDROID_DATA", "/data")
    monkeypatch.setenv("ANDROID_ROOT", "/system")
    assert paths._xdg_dir("config") is None
