"""The engine's layers look only down, and its modules import each other without a cycle.

Every module of app/engine is read with `ast`: its imports at the top and inside functions
(an `if TYPE_CHECKING:` block is for the type checker only and never runs). An import may go
to the importer's own layer or a lower one (docs/architecture.md has the same table), and the
imports that run when a module is loaded form no cycle, so no module needs an import inside a
function to load.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

ENGINE = Path(__file__).parent.parent / "app" / "engine"
PACKAGE = "app.engine"

#: The layers, lowest first. A name covers a module, or a package and everything in it.
LAYERS: dict[str, tuple[str, ...]] = {
    # What both the compiler and the runtime stand on: a compiled program's code and ops,
    # the budgets, the engine's errors, a thread's states.
    "basics": ("errors", "budgets", "threadstate", "deprecation", "opcodes", "code",
               "program", "scope"),
    # Simulated Python values as data, with the built-ins that only look at them (`builtin`:
    # what a built-in is; `introspect`: isinstance, callable…) and the iterators over
    # containers. Nothing here runs a program's code.
    "values": ("values", "classes", "binding", "iterators", "builtin", "introspect"),
    # What runs a program: the machine and its threads, calling (calls, objects, nested,
    # generators, iteration), the primitives, the library (stdlib/, library), each op's `run`
    # (instructions/), copying a machine (snapshot). `upcalls` is where its few calls that go
    # up are filled in.
    "runtime": ("upcalls", "tracebacks", "machine", "nested", "arith", "encoding",
                "formatting", "conversions", "records", "special", "protocols", "keyed",
                "threadlocal", "generators", "returns", "primitives", "objects", "calls",
                "iteration", "introspection", "builtin_functions", "lazy", "matching",
                "unpacking", "instructions", "stdlib", "library", "snapshot"),
    # Source → code whose instructions are the runtime's.
    "language": ("compiler",),
    "running": ("policies", "runner", "schedule", "descriptions", "trace", "verify", "goal",
                "probes"),
    "exploring": ("explorer", "symmetry", "fairness", "reduction", "parts", "accesses", "plain",
                  "lifted", "racing"),
    # The package's public names (app/engine/__init__.py).
    "public": ("",),
}


def _module_names() -> dict[str, Path]:
    """Every engine module by its dotted name relative to app.engine ("" for the package)."""
    names = {}
    for path in ENGINE.rglob("*.py"):
        parts = list(path.relative_to(ENGINE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


MODULES = _module_names()


def layer_of(module: str) -> int:
    """The index in LAYERS of the layer that holds `module` (its longest matching name)."""
    best, found = -1, None
    for index, names in enumerate(LAYERS.values()):
        for name in names:
            covers = module == name or (name != "" and module.startswith(name + "."))
            if covers and len(name) > best:
                best, found = len(name), index
    assert found is not None, f"app/engine/{module}: place it in a layer of LAYERS"
    return found


def _resolve(module: str, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    """The engine modules an import statement names (relative to app.engine)."""
    if isinstance(node, ast.Import):
        targets = [alias.name for alias in node.names]
    else:
        if node.level:
            base = f"{PACKAGE}.{module}".rstrip(".").split(".")
            if MODULES[module].name != "__init__.py":
                base.pop()
            base = base[:len(base) - node.level + 1]
            if node.module:
                base.append(node.module)
            origin = ".".join(base)
        else:
            origin = node.module or ""
        # `from . import instructions` names a module; `from .calls import PENDING` a name.
        targets = [f"{origin}.{alias.name}" for alias in node.names]
        targets = [t if _relative(t) in MODULES else origin for t in targets]
    for target in targets:
        relative = _relative(target)
        if relative is not None:
            while relative not in MODULES:
                relative = relative.rpartition(".")[0]
            yield relative


def _relative(name: str) -> str | None:
    if name == PACKAGE:
        return ""
    if name.startswith(PACKAGE + "."):
        return name[len(PACKAGE) + 1:]
    return None


def _imports(tree: ast.AST, in_function: bool = False,
             ) -> Iterator[tuple[ast.Import | ast.ImportFrom, bool]]:
    """Each import statement, and whether it runs only when a function is called."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for other in node.orelse:
                yield from _imports(other, in_function)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            yield node, in_function
        else:
            yield from _imports(node, in_function or isinstance(
                node, ast.FunctionDef | ast.AsyncFunctionDef))


def _edges() -> list[tuple[str, str, int, bool, str]]:
    """(importer, imported, line, inside a function, statement) for every engine import."""
    edges = []
    for module, path in sorted(MODULES.items()):
        for node, in_function in _imports(ast.parse(path.read_text(), str(path))):
            for target in _resolve(module, node):
                if target != module:
                    edges.append((module, target, node.lineno, in_function, ast.unparse(node)))
    return edges


EDGES = _edges()


def _where(module: str, line: int) -> str:
    return f"{MODULES[module].relative_to(ENGINE.parent.parent)}:{line}"


def test_every_module_has_a_layer() -> None:
    for module in MODULES:
        layer_of(module)


def test_imports_look_down() -> None:
    names = list(LAYERS)
    upward = dict.fromkeys(
        f"{_where(module, line)} `{statement}`: {names[layer_of(module)]} imports "
        f"{target or PACKAGE} ({names[layer_of(target)]})"
        for module, target, line, _, statement in EDGES if layer_of(target) > layer_of(module))
    assert not upward, "imports into a higher layer:\n" + "\n".join(upward)


def _loaded_with(module: str, target: str) -> list[str]:
    """The modules loading `module` runs when it imports `target`: the target and, when the
    importer is outside it, each package above the target but app.engine (whose
    `__init__` runs first for every engine module, the one place that imports every layer)."""
    loaded = [target]
    parts = target.split(".")
    for n in range(1, len(parts)):
        package = ".".join(parts[:n])
        if module != package and not module.startswith(package + "."):
            loaded.append(package)
    return loaded


def test_module_imports_form_no_cycle() -> None:
    graph: dict[str, set[str]] = {module: set() for module in MODULES if module}
    for module, target, _, in_function, _ in EDGES:
        if module and target and not in_function:
            graph[module].update(t for t in _loaded_with(module, target) if t != module)
    try:
        TopologicalSorter(graph).prepare()
    except CycleError as e:
        pytest.fail("modules that import each other: " + " → ".join(reversed(e.args[1])))


def test_no_imports_inside_functions() -> None:
    inside = dict.fromkeys(f"{_where(module, line)} `{statement}`"
                           for module, _, line, in_function, statement in EDGES if in_function)
    assert not inside, ("imports inside functions (put what they need where the importer "
                        "can import it at the top, or see app/engine/upcalls.py):\n"
                        + "\n".join(inside))
