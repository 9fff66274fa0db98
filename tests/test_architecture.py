"""The headless core imports no Textual, no modules import each other, and an installed wheel carries the
built-in checklists."""

from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "peeronboard"
CORE = ["checklist", "cli", "cli.checklists", "cli.completion", "cli.context", "cli.exporting", "cli.hires", "cli.insight", "cli.items", "cli.lifecycle",
        "cli.output", "cli.parser", "cli.registry", "cli.serving", "cli.sharing", "dates", "demo", "errors", "i18n",
        "library", "listing", "onboarding", "paths", "atomic", "index", "locking", "merge", "parsecache", "problems",
        "progress", "quickedit", "record", "report", "rows", "safefile", "safetext", "settings", "store", "text", "timeline", "tomlsource", "tuples",
        "wording"]


def test_core_modules_import_no_textual() -> None:
    imports = "; ".join(f"import peeronboard.{name}" for name in CORE)
    code = f"import sys; {imports}; print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_every_core_module_is_covered_by_the_import_test() -> None:
    modules = {p.stem for p in PACKAGE.glob("*.py") if not p.stem.startswith("_")}
    modules |= {"cli"} | {f"cli.{p.stem}" for p in (PACKAGE / "cli").glob("*.py") if not p.stem.startswith("_")}
    assert modules == set(CORE)


def import_graph(package: Path) -> dict[str, set[str]]:
    """Each module of the package (``ui.app``, ``cli``) and the package's modules it imports, also inside
    functions (an import put off until a call still makes the two depend on each other); not those for
    type hints only (``if TYPE_CHECKING:``), which never run."""
    modules = {_module_name(path, package): path for path in package.rglob("*.py")}
    return {name: set(_imports(name, path, modules)) - {name} for name, path in modules.items()}


def _module_name(path: Path, package: Path) -> str:
    parts = [package.name, *path.relative_to(package).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(name: str, path: Path, modules: dict[str, Path]) -> Iterator[str]:
    here = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = here.split(".")[: len(here.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            for alias in node.names:
                if f"{base}.{alias.name}" in modules:  # from . import store
                    yield f"{base}.{alias.name}"
                elif base in modules:  # from .store import HireStore
                    yield base


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of the tree outside ``if TYPE_CHECKING:`` blocks."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            yield from (n for branch in node.orelse for n in (branch, *_runtime_nodes(branch)))
            continue
        yield node
        yield from _runtime_nodes(node)


def test_no_modules_import_each_other() -> None:
    """Dependencies flow one way, so each module can be read knowing only those below it."""
    graph = import_graph(PACKAGE)
    assert {"peeronboard.store", "peeronboard.cli.output"} <= graph["peeronboard.cli.context"] | \
        graph["peeronboard.cli.items"], "the graph sees both absolute-style and relative imports"
    try:
        TopologicalSorter(graph).prepare()
    except CycleError as error:
        raise AssertionError(f"modules import each other: {' -> '.join(error.args[1])}") from None


def test_no_module_of_the_command_line_imports_its_package_init() -> None:
    """``peeronboard.cli`` (``main``) stands above its modules: they never reach back to it."""
    graph = import_graph(PACKAGE)
    below = sorted(name for name, imported in graph.items()
                   if name.startswith("peeronboard.cli.") and "peeronboard.cli" in imported)
    assert below == []


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
