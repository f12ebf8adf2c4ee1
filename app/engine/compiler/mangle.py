"""Private names: inside a class, `self.__secret` is `self._Account__secret`, as CPython's
compiler rewrites it (name mangling). Done on the tree before anything reads it, so the
analysis and the compiler see the names CPython's bytecode holds: `acct.__secret` outside the
class is then an AttributeError naming `__secret`, and `acct._Account__secret` finds it."""

from __future__ import annotations

import ast


def _private(name: str) -> bool:
    return name.startswith("__") and not name.endswith("__") and "." not in name


def _mangled(owner: str, name: str) -> str:
    return f"_{owner}{name}" if _private(name) else name


def mangle(tree: ast.Module) -> None:
    """Rewrite the private names in every class body of `tree` (a class named only of
    underscores mangles nothing, as in CPython)."""
    todo: list[tuple[ast.AST, str | None]] = [(tree, None)]
    while todo:
        node, owner = todo.pop()
        for child in ast.iter_child_nodes(node):
            inner = owner
            if isinstance(child, ast.ClassDef):
                if owner is not None:
                    child.name = _mangled(owner, child.name)
                stripped = child.name.lstrip("_")
                inner = stripped or None
                for part in (*child.bases, *child.keywords, *child.decorator_list):
                    todo.append((part, owner))
                for stmt in child.body:
                    _rename(stmt, inner)
                    todo.append((stmt, inner))
                continue
            if owner is not None:
                _rename(child, owner)
            todo.append((child, inner))


def _rename(node: ast.AST, owner: str | None) -> None:
    if owner is None:
        return
    if isinstance(node, ast.Attribute):
        node.attr = _mangled(owner, node.attr)
    elif isinstance(node, ast.Name):
        node.id = _mangled(owner, node.id)
    elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        node.name = _mangled(owner, node.name)
    elif isinstance(node, ast.arg):
        node.arg = _mangled(owner, node.arg)
    elif isinstance(node, ast.Global | ast.Nonlocal):
        node.names = [_mangled(owner, n) for n in node.names]
