"""Which names are local, which are shared, and which globals never change once threads run.

This analysis is what keeps traces readable without making them lie:
- a global that some function reads or writes is *shared*: every access is a step;
- a global bound once at module level before any thread can start, and never rebound by a
  function (a `def`, `lock = threading.Lock()`, `N = 5`), is *constant*: reading it is local;
- a global that only the module body uses is *private* to the main thread: local too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class Scope:
    """One function (or lambda, or the module): its locals and `global` declarations."""

    node: ast.AST
    parent: Scope | None
    params: tuple[str, ...] = ()
    locals: set[str] = field(default_factory=set)
    declared_global: set[str] = field(default_factory=set)
    declared_nonlocal: set[str] = field(default_factory=set)

    @property
    def is_module(self) -> bool:
        return self.parent is None

    @property
    def is_class(self) -> bool:
        """A class body: its names are the class's attributes, which the functions defined
        in it do not see (they look past it, as in CPython)."""
        return isinstance(self.node, ast.ClassDef)

    def resolve(self, name: str) -> str:
        """"local", "closure" or "global" (a global may still turn out to be a builtin)."""
        if self.is_module or name in self.declared_global:
            return "global"
        if name in self.declared_nonlocal:
            return "closure"
        if name in self.locals:
            return "local"
        return "closure" if self.closure_depth(name) else "global"

    def closure_depth(self, name: str) -> int:
        """How many functions out `name` is a local (1: the enclosing one), 0 if none is.
        Class bodies in between do not count: their functions do not see their names."""
        depth, scope = 1, self.parent
        while scope is not None and not scope.is_module:
            if scope.is_class:
                scope = scope.parent
                continue
            if name in scope.declared_global:
                return 0
            if name in scope.locals:
                return depth
            depth, scope = depth + 1, scope.parent
        return 0


def _bound_names(target: ast.AST) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Tuple | ast.List):
        return [n for elt in target.elts for n in _bound_names(elt)]
    if isinstance(target, ast.Starred):
        return _bound_names(target.value)
    return []


#: A function, class, lambda or generator expression in a scope: each has a scope of its own.
_Nested = ast.FunctionDef | ast.ClassDef | ast.Lambda | ast.GeneratorExp
#: The parameter a generator expression's function takes: the iterator of its first `for`,
#: made where it is written (CPython's `.0`).
FIRST_ITER = ".0"


class _Collector(ast.NodeVisitor):
    """Collects one scope's bindings, not descending into nested functions."""

    def __init__(self, scope: Scope, nested: list[_Nested]) -> None:
        self.scope = scope
        self.nested = nested

    def bind(self, name: str) -> None:
        self.scope.locals.add(name)

    def visit_Global(self, node: ast.Global) -> None:
        self.scope.declared_global.update(node.names)

    def visit_Nonlocal(self, node: ast.Nonlocal) -> None:
        self.scope.declared_nonlocal.update(node.names)

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self.bind(node.name)
        for default in defaults_of(node.args):
            self.visit(default)
        self.nested.append(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.bind(node.name)
        for part in (*node.bases, *node.keywords, *node.decorator_list):
            self.visit(part)
        self.nested.append(node)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        for default in defaults_of(node.args):
            self.visit(default)
        self.nested.append(node)

    def visit_ListComp(self, node: ast.AST) -> None:
        # Comprehension variables are renamed by the compiler; only the iterables and the
        # element expressions can mention this scope's names.
        for gen in node.generators:  # type: ignore[attr-defined]
            self.visit(gen.iter)
            for cond in gen.ifs:
                self.visit(cond)
        for part in ("elt", "key", "value"):
            if hasattr(node, part):
                self.visit(getattr(node, part))

    visit_DictComp = visit_SetComp = visit_ListComp

    def visit_GeneratorExp(self, node: ast.GeneratorExp) -> None:
        """A function of its own, run later: only its first iterable is evaluated here; an
        `(x := …)` in it binds a name of this scope, as in CPython."""
        self.visit(node.generators[0].iter)
        for name in walrus_names(node):
            self.bind(name)
        self.nested.append(node)

    def visit_Name(self, node: ast.Name) -> None:
        if isinstance(node.ctx, ast.Store | ast.Del):
            self.bind(node.id)

    def visit_MatchAs(self, node: ast.MatchAs | ast.MatchStar) -> None:
        if node.name:
            self.bind(node.name)
        self.generic_visit(node)

    visit_MatchStar = visit_MatchAs

    def visit_MatchMapping(self, node: ast.MatchMapping) -> None:
        if node.rest:
            self.bind(node.rest)
        self.generic_visit(node)

    def visit_ExceptHandler(self, node: ast.ExceptHandler) -> None:
        if node.name:
            self.bind(node.name)
        self.generic_visit(node)


@dataclass
class Analysis:
    scopes: dict[ast.AST, Scope]
    module_bindings: dict[str, int]
    #: Globals any function (or lambda) mentions, and those a function assigns.
    used_in_functions: set[str]
    written_in_functions: set[str]
    constant: set[str]
    #: Module-private lists and dicts that never escape the main thread (see `_private`).
    private: set[str]
    #: Attribute names some code other than an `__init__` assigns (`_changing_attributes`).
    changing: set[str] = field(default_factory=set)

    def shared(self, name: str) -> bool:
        return name in self.used_in_functions and name not in self.constant


def analyse(module: ast.Module) -> Analysis:
    scopes: dict[ast.AST, Scope] = {}
    root = Scope(module, None)
    pending: list[tuple[ast.Module | _Nested, Scope]] = [(module, root)]
    while pending:
        node, scope = pending.pop()
        scopes[node] = scope
        nested: list[_Nested] = []
        collector = _Collector(scope, nested)
        for stmt in _body(node):
            collector.visit(stmt)
        scope.locals -= scope.declared_nonlocal  # the enclosing function's, written here
        for child in nested:
            if isinstance(child, ast.ClassDef):
                pending.append((child, Scope(child, scope)))
                continue
            if isinstance(child, ast.GeneratorExp):
                pending.append((child, _generator_scope(child, scope)))
                continue
            params = parameters(child.args)
            inner = Scope(child, scope, params, set(params))
            pending.append((child, inner))

    used: set[str] = set()
    written: set[str] = set()
    for owner, scope in scopes.items():
        if scope.is_module or scope.is_class:  # a class body runs once, like the module's
            continue
        for sub in _own_nodes(owner):
            if isinstance(sub, ast.Name) and scope.resolve(sub.id) == "global":
                used.add(sub.id)
                if isinstance(sub.ctx, ast.Store | ast.Del):
                    written.add(sub.id)

    bindings = _module_bindings(module)
    constant = _constants(module, bindings, written)
    return Analysis(scopes, bindings, used, written, constant, _private(module, used),
                    _changing_attributes(module))


def _body(node: ast.AST) -> list[ast.AST]:
    """What a scope's own code is made of: a body's statements, a lambda's expression, or a
    generator expression's parts but its first iterable (evaluated where it is written)."""
    if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef):
        return list(node.body)
    if isinstance(node, ast.GeneratorExp):
        first, *others = node.generators
        return [first.target, *first.ifs,
                *(part for g in others for part in (g.iter, g.target, *g.ifs)), node.elt]
    assert isinstance(node, ast.Lambda)
    return [node.body]


def walrus_names(node: ast.GeneratorExp) -> set[str]:
    """The names `(name := …)` binds in a generator expression (and the comprehensions in
    it): the enclosing function's, not its own (PEP 572)."""
    names: set[str] = set()
    stack: list[ast.AST] = _body(node)
    while stack:
        sub = stack.pop()
        if isinstance(sub, ast.NamedExpr) and isinstance(sub.target, ast.Name):
            names.add(sub.target.id)
        if not isinstance(sub, ast.FunctionDef | ast.Lambda | ast.ClassDef):
            stack.extend(ast.iter_child_nodes(sub))
    return names


def _generator_scope(node: ast.GeneratorExp, parent: Scope) -> Scope:
    """A generator expression's scope: its `.0` and its loop variables are its locals; what
    an `(x := …)` binds belongs to the function it is written in (or is a global)."""
    scope = Scope(node, parent, (FIRST_ITER,), {FIRST_ITER})
    owner = parent
    while isinstance(owner.node, ast.GeneratorExp) and owner.parent is not None:
        owner = owner.parent
    walrus = walrus_names(node)
    if owner.is_module:
        scope.declared_global.update(walrus)
    else:
        scope.declared_nonlocal.update(walrus)
    return scope


def _own_nodes(node: ast.AST) -> Iterator[ast.AST]:
    """Nodes of a function body, without nested functions, classes and generator expressions
    (which have their own scope)."""
    stack = _body(node)
    while stack:
        sub = stack.pop()
        yield sub
        for child in ast.iter_child_nodes(sub):
            if isinstance(child, ast.FunctionDef | ast.Lambda):
                stack.extend(defaults_of(child.args))
                continue
            if isinstance(child, ast.GeneratorExp):
                stack.append(child.generators[0].iter)
                continue
            if isinstance(child, ast.ClassDef):
                stack.extend((*child.bases, *child.decorator_list))
                continue
            stack.append(child)


#: Methods that run while their object is being made: what they assign is set before any
#: other thread can see the object.
_BUILDERS = frozenset({"__init__", "__post_init__"})


def _changing_attributes(module: ast.Module) -> set[str]:
    """Attribute names assigned anywhere but directly in an `__init__`: reading one of them
    is a step (a shared value that may change); reading any other is local, as it is set
    once, before the object is published (classes.py)."""
    changing: set[str] = set()
    stack: list[tuple[ast.AST, bool]] = [(module, False)]
    while stack:
        node, building = stack.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef):
                stack.append((child, child.name in _BUILDERS))
                continue
            if isinstance(child, ast.Attribute) and isinstance(child.ctx, ast.Store | ast.Del):
                if not building:
                    changing.add(child.attr)
            elif isinstance(child, ast.AugAssign) and isinstance(child.target, ast.Attribute):
                changing.add(child.target.attr)
            stack.append((child, building))
    return changing


def _module_bindings(module: ast.Module) -> dict[str, int]:
    """How many module-level statements bind each name (nested blocks count as unknown: 2)."""
    counts: dict[str, int] = {}
    for stmt in module.body:
        names, direct = _stmt_bindings(stmt)
        for name in names:
            counts[name] = counts.get(name, 0) + (1 if direct else 2)
    return counts


def _stmt_bindings(stmt: ast.stmt) -> tuple[list[str], bool]:
    if isinstance(stmt, ast.FunctionDef | ast.ClassDef):
        return [stmt.name], True
    if isinstance(stmt, ast.Assign):
        return [n for t in stmt.targets for n in _bound_names(t)], True
    if isinstance(stmt, ast.AnnAssign | ast.AugAssign):
        return _bound_names(stmt.target), isinstance(stmt, ast.AnnAssign)
    names = []
    for sub in ast.walk(stmt):
        if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store | ast.Del):
            names.append(sub.id)
        elif isinstance(sub, ast.ExceptHandler) and sub.name:
            names.append(sub.name)
        elif isinstance(sub, ast.MatchAs | ast.MatchStar) and sub.name:
            names.append(sub.name)
        elif isinstance(sub, ast.MatchMapping) and sub.rest:
            names.append(sub.rest)
        elif isinstance(sub, ast.FunctionDef):
            names.append(sub.name)
        elif isinstance(sub, ast.ListComp | ast.GeneratorExp | ast.DictComp | ast.SetComp):
            for gen in sub.generators:
                for n in _bound_names(gen.target):
                    names.remove(n) if n in names else None
    return names, False


def _may_start_threads(stmt: ast.stmt, functions: set[str]) -> bool:
    if isinstance(stmt, ast.FunctionDef):  # defining a function runs only its defaults
        parts: list[ast.AST] = list(defaults_of(stmt.args))
    elif isinstance(stmt, ast.ClassDef):  # a class body defines; its methods run later
        parts = [*stmt.bases, *stmt.decorator_list, *(
            s for s in stmt.body if not isinstance(s, ast.FunctionDef))]
    else:
        parts = [stmt]
    for sub in (n for part in parts for n in ast.walk(part)):
        if isinstance(sub, ast.Call):
            func = sub.func
            if isinstance(func, ast.Attribute) and func.attr == "start":
                return True
            if isinstance(func, ast.Name) and func.id in functions:
                return True
    return False


def _constants(module: ast.Module, bindings: dict[str, int], written: set[str]) -> set[str]:
    functions = {s.name for s in module.body if isinstance(s, ast.FunctionDef)}
    constant: set[str] = set()
    for stmt in module.body:
        if _may_start_threads(stmt, functions):
            break
        names, direct = _stmt_bindings(stmt)
        if direct and not isinstance(stmt, ast.AugAssign):
            constant.update(n for n in names if bindings.get(n) == 1 and n not in written)
    return constant


def _private(module: ast.Module, used_in_functions: set[str]) -> set[str]:
    """Module-level lists and dicts only the main thread can ever reach.

    A name qualifies when no function mentions it, every assignment to it is a fresh list or
    dict display (or comprehension), and every read of it only looks inside: `for x in name`,
    `name.method(…)`, `name[i]`, `len(name)`, `a, b = name`. Its contents then cannot be seen
    by another thread, so operations on it are local rather than steps (`for t in threads:
    t.start()`).
    """
    fresh = (ast.List, ast.ListComp, ast.Dict, ast.DictComp, ast.Set, ast.SetComp)
    candidates: set[str] = set()
    rejected: set[str] = set(used_in_functions)
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(module):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    for node in ast.walk(module):
        if not isinstance(node, ast.Name):
            continue
        parent = parents.get(node)
        if isinstance(node.ctx, ast.Store):
            if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(
                    parent.value, fresh):
                candidates.add(node.id)
            else:
                rejected.add(node.id)
        elif isinstance(node.ctx, ast.Load) and not _looks_inside(node, parent):
            rejected.add(node.id)
    return candidates - rejected


def _looks_inside(node: ast.Name, parent: ast.AST | None) -> bool:
    if isinstance(parent, ast.For | ast.comprehension) and parent.iter is node:
        return True
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return True
    if isinstance(parent, ast.Attribute) and parent.value is node:
        return True
    if isinstance(parent, ast.Assign) and parent.value is node:  # unpacked into names
        return all(isinstance(target, ast.Tuple | ast.List) for target in parent.targets)
    return (isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name)
            and parent.func.id == "len" and parent.args == [node])


def parameters(args: ast.arguments) -> tuple[str, ...]:
    """Every name a function's parameters bind, in order."""
    names = [a.arg for a in (*args.posonlyargs, *args.args)]
    if args.vararg is not None:
        names.append(args.vararg.arg)
    names.extend(a.arg for a in args.kwonlyargs)
    if args.kwarg is not None:
        names.append(args.kwarg.arg)
    return tuple(names)


def defaults_of(args: ast.arguments) -> list[ast.expr]:
    """The default values, evaluated when the function is defined: positional ones, then the
    keyword-only ones that have one."""
    return [*args.defaults, *(d for d in args.kw_defaults if d is not None)]
