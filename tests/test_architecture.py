"""The headless core imports no Textual, and an installed wheel carries the built-in checklists."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).parent.parent
CORE = ["checklist", "cli", "commands", "dates", "demo", "errors", "i18n", "library", "onboarding", "paths",
        "atomic", "index", "locking", "merge", "parsecache", "problems", "progress", "quickedit", "record",
        "safefile", "safetext", "settings", "store", "text", "tomlsource",
        "wording"]


def test_core_modules_import_no_textual() -> None:
    imports = "; ".join(f"import peeronboard.{name}" for name in CORE)
    code = f"import sys; {imports}; print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_every_core_module_is_covered_by_the_import_test() -> None:
    modules = {p.stem for p in (ROOT / "peeronboard").glob("*.py") if not p.stem.startswith("_")}
    assert modules == set(CORE)


def test_plain_install_ships_the_builtin_checklists(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path / "wheel"), str(ROOT)], check=True, capture_output=True)
    (wheel,) = (tmp_path / "wheel").glob("peeronboard-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = {Path(n).name for n in archive.namelist() if n.startswith("peeronboard/_checklists/")}
    assert shipped == {p.name for p in (ROOT / "checklists").glob("*.toml")}
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    code = ("from peeronboard.paths import builtin_checklists_dir as d; "
            "print(d(), sorted(p.name for p in d().glob('*.toml')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={"PYTHONPATH": str(target)}, cwd=tmp_path)
    assert result.stdout.startswith(str(target / "peeronboard" / "_checklists"))
    assert "nordjylland-leder.toml" in result.stdout
