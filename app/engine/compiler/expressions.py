"""Expressions: operators, containers, comprehensions, attributes and calls, each into the
steps docs/semantics.md lists. A mixin of `FunctionCompiler`."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, TypeGuard

from .. import instructions as ops
from ..generators import delegated, yield_value
from ..instructions import Label
from ..library import HINTS, MODULES
from ..primitives import Primitive
from ..scope import FIRST_ITER
from ..unpacking import build_spread
from ..values import BoundMethod
from .source import BINOPS, CMPOPS, UNOPS, error, hint_for, target_names, what
from .unit import OWN_STEPS

if TYPE_CHECKING:
    from .host import Host
else:
    Host = object


class Expressions(Host):
    """The `expr_*` methods of `FunctionCompiler`, and the calls they make."""

    def expr(self, node: ast.expr, compute_step: bool = False) -> None:
        """Push the value of `node`. With `compute_step`, the final arithmetic on a value read
        from shared state is its own step (the `+ 1` of `counter = counter + 1`)."""
        method = getattr(self, "expr_" + type(node).__name__, None)
        if method is None:
            raise error(node, f"{what(node)} is not supported", hint_for(node))
        if compute_step and isinstance(node, ast.BinOp):
            self.expr_BinOp(node, compute_step=self.reads_shared(node))
        else:
            method(node)

    def reads_shared(self, node: ast.AST) -> bool:
        return any(isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
                   and self.kind_of(n.id) == "shared" for n in ast.walk(node))

    def expr_Constant(self, node: ast.Constant) -> None:
        self.emit(ops.const(node.value, node.lineno, node.col_offset))

    def expr_Name(self, node: ast.Name) -> None:
        self.load_name(node.id, node)

    def expr_NamedExpr(self, node: ast.NamedExpr) -> None:
        """`(name := value)`: the value, also stored in `name` (a comprehension's own names
        are renamed, so `name` is the enclosing function's, as in CPython)."""
        self.expr(node.value, compute_step=self.is_shared_target(node.target))
        self.emit(ops.dup(node.lineno, node.col_offset))
        self.store(node.target)

    def expr_BinOp(self, node: ast.BinOp, compute_step: bool = False) -> None:
        op = BINOPS.get(type(node.op))
        if op is None:
            raise error(node, "this operator is not supported")
        self.expr(node.left)
        self.expr(node.right)
        self.emit((ops.compute if compute_step else ops.binop)(op, self.unit.budgets,
                                                               node.lineno, node.col_offset))

    def expr_UnaryOp(self, node: ast.UnaryOp) -> None:
        self.expr(node.operand)
        self.emit(ops.unaryop(UNOPS[type(node.op)], node.lineno, node.col_offset))

    def expr_BoolOp(self, node: ast.BoolOp) -> None:
        end = Label()
        when = isinstance(node.op, ast.Or)
        for value in node.values[:-1]:
            self.expr(value)
            self.emit(ops.branch(when, end, value.lineno, value.col_offset, keep=True))
        self.expr(node.values[-1])
        self.mark(end)

    def expr_Compare(self, node: ast.Compare) -> None:
        line, col = node.lineno, node.col_offset
        self.expr(node.left)
        if len(node.ops) == 1:
            self.expr(node.comparators[0])
            self.emit(ops.compare(CMPOPS[type(node.ops[0])], line, col))
            return
        # a < b < c: b is evaluated once; stop at the first false comparison.
        cleanup, end = Label(), Label()
        for i, (op, right) in enumerate(zip(node.ops, node.comparators, strict=True)):
            self.expr(right)
            last = i == len(node.ops) - 1
            if not last:
                self.emit(ops.dup(line, col))
                self.emit(ops.rot(3, line, col))
            self.emit(ops.compare(CMPOPS[type(op)], line, col))
            if not last:  # false: jump keeping it; true: drop it, `right` is the next left
                self.emit(ops.branch(False, cleanup, line, col, keep=True))
        self.emit(ops.jump(end, line, col))
        self.mark(cleanup)
        self.emit(ops.rot(2, line, col))
        self.emit(ops.pop(line, col))
        self.mark(end)

    def expr_IfExp(self, node: ast.IfExp) -> None:
        orelse, end = Label(), Label()
        self.condition(node.test, False, orelse)
        self.expr(node.body)
        self.emit(ops.jump(end, node.lineno, node.col_offset))
        self.mark(orelse)
        self.expr(node.orelse)
        self.mark(end)

    def condition(self, test: ast.expr, when: bool, target: Label) -> None:
        self.expr(test)
        self.emit(ops.branch(when, target, test.lineno, test.col_offset))

    def expr_Yield(self, node: ast.Yield) -> None:
        """The value yielded, then what the resumer sends (None for `next`)."""
        self.in_generator(node)
        line, col = node.lineno, node.col_offset
        if node.value is None:
            self.emit(ops.const(None, line, col))
        else:
            self.expr(node.value)
        self.emit(yield_value(line, col))

    def expr_YieldFrom(self, node: ast.YieldFrom) -> None:
        """CPython's loop of SEND and YIELD: each value sent to this generator goes on to
        the iterator (`send`), which `throw` and `close` reach too (generators.py); the
        value is the iterator's return value."""
        self.in_generator(node)
        line, col = node.lineno, node.col_offset
        head, done = Label(), Label()
        slot = self.temp("from")
        self.expr(node.value)
        self.emit(ops.get_iter(line, col))
        self.emit(ops.dup(line, col))
        self.emit(ops.store_local(slot, line, col))
        self.emit(ops.const(None, line, col))
        self.mark(head)
        self.emit(ops.send(done, line, col))
        self.emit(yield_value(line, col, delegating=True))
        self.emit(ops.jump(head, line, col, backward=True))
        self.mark(done)
        self.emit(ops.load_local(slot, line, col))
        self.emit(delegated(line, col))

    def in_generator(self, node: ast.Yield | ast.YieldFrom) -> None:
        if self.code.name == "<genexpr>":
            raise error(node, f"'{what(node)}' inside generator expression",
                        "A generator expression gives its items itself: drop the yield.")
        if not self.code.generator:  # the module, or a lambda
            raise error(node, f"'{what(node)}' outside function",
                        "Use yield inside a function (def), which makes it a generator.")

    def expr_Lambda(self, node: ast.Lambda) -> None:
        self.make_function(node)

    def expr_List(self, node: ast.List) -> None:
        self.sequence(node, "list")

    def expr_Tuple(self, node: ast.Tuple) -> None:
        self.sequence(node, "tuple")

    def sequence(self, node: ast.List | ast.Tuple | ast.Set, kind: str) -> None:
        spread = tuple(isinstance(elt, ast.Starred) for elt in node.elts)
        for elt in node.elts:
            self.expr(elt.value if isinstance(elt, ast.Starred) else elt)
        if any(spread):
            self.emit(build_spread(kind, spread, node.lineno, node.col_offset))
        else:
            self.emit(ops.build(kind, len(node.elts), node.lineno, node.col_offset))

    def expr_Dict(self, node: ast.Dict) -> None:
        for key, value in zip(node.keys, node.values, strict=True):
            if key is not None:
                self.expr(key)
            self.expr(value)
        spread = tuple(key is None for key in node.keys)
        if any(spread):  # `{**defaults, **overrides}`
            self.emit(build_spread("dict", spread, node.lineno, node.col_offset))
        else:
            self.emit(ops.build("dict", len(node.keys), node.lineno, node.col_offset))

    def expr_Set(self, node: ast.Set) -> None:
        self.sequence(node, "set")

    def expr_Subscript(self, node: ast.Subscript) -> None:
        self.expr(node.value)
        self.expr(node.slice)
        self.emit(ops.subscr(self.text(node), node.lineno, node.col_offset,
                             self.private(node.value)))

    def expr_Slice(self, node: ast.Slice) -> None:
        line, col = node.lineno, node.col_offset
        for part in (node.lower, node.upper, node.step):
            if part is None:
                self.emit(ops.const(None, line, col))
            else:
                self.expr(part)
        self.emit(ops.build("slice", 3, line, col))

    def expr_JoinedStr(self, node: ast.JoinedStr) -> None:
        for value in node.values:
            self.expr(value)
        self.emit(ops.build("string", len(node.values), node.lineno, node.col_offset))

    def expr_FormattedValue(self, node: ast.FormattedValue) -> None:
        self.expr(node.value)
        if node.format_spec is not None:
            self.expr(node.format_spec)
        self.emit(ops.format_value(node.conversion, node.format_spec is not None,
                                   node.lineno, node.col_offset))

    def expr_Attribute(self, node: ast.Attribute) -> None:
        module = self.module_of(node.value)
        if module is not None:
            table = MODULES[module]
            if f"{module}.{node.attr}" in MODULES:
                raise error(node, f"the module '{module}.{node.attr}' can only be used as "
                                  f"{self.text(node)}.name", HINTS[f"{module}.{node.attr}"])
            if node.attr not in table:
                raise error(node, f"{module}.{node.attr} is not supported",
                            HINTS[module])
            self.imported(node, f"{module}.{node.attr}", table[node.attr])
            return
        self.expr(node.value)
        self.emit(ops.get_attr(self.attr_name(node), node.lineno, node.col_offset,
                               self.settled(node.attr)))

    def module_of(self, node: ast.AST) -> str | None:
        """The module `node` names: `threading`, or a package's submodule such as
        `concurrent.futures`."""
        if isinstance(node, ast.Name) and self.kind_of(node.id) == "import":
            return self.unit.modules.get(node.id)
        if isinstance(node, ast.Attribute):
            package = self.module_of(node.value)
            if package is not None and f"{package}.{node.attr}" in MODULES:
                return f"{package}.{node.attr}"
        return None

    def library_method(self, func: ast.expr) -> BoundMethod | None:
        """A library function that may wait (`concurrent.futures.wait`): a method of a
        primitive of the library's, called like a primitive's method, as a step."""
        value = None
        if isinstance(func, ast.Name) and self.kind_of(func.id) == "import":
            value = self.unit.imported.get(func.id)
        elif isinstance(func, ast.Attribute):
            module = self.module_of(func.value)
            if module is not None:
                value = MODULES[module].get(func.attr)
        if isinstance(value, BoundMethod) and isinstance(value.obj, Primitive):
            return value
        return None

    def expr_ListComp(self, node: ast.ListComp) -> None:
        """Built in the current frame with renamed variables: the fresh list is unshared."""
        line, col = node.lineno, node.col_offset
        self.emit(ops.build("list", 0, line, col))
        saved = dict(self.renames)
        self.comprehension(node, node.generators, 0)
        self.renames = saved

    def expr_GeneratorExp(self, node: ast.GeneratorExp) -> None:
        """A generator, as in CPython: a function of its own (`<genexpr>`), called at once
        with the iterator of its first iterable, made here; the rest runs as it is resumed."""
        line, col = node.lineno, node.col_offset
        scope = self.unit.analysis.scopes[node]
        compiler = type(self)(self.unit, scope, "<genexpr>")
        compiler.code.qualname = self.qualified("<genexpr>")
        compiler.lent = self.lend(scope)
        code = compiler.generator_expression(node)
        self.emit(ops.make_function(code, 0, self.closure_kind(), line, col))
        first = node.generators[0].iter
        self.expr(first)
        self.emit(ops.get_iter(first.lineno, first.col_offset, self.private(first)))
        self.emit(ops.call(1, (), self.text(node), line, col))

    def expr_SetComp(self, node: ast.SetComp | ast.DictComp) -> None:
        """As a list comprehension, into a fresh set or dict."""
        kind = "set" if isinstance(node, ast.SetComp) else "dict"
        self.emit(ops.build(kind, 0, node.lineno, node.col_offset))
        saved = dict(self.renames)
        self.comprehension(node, node.generators, 0)
        self.renames = saved

    expr_DictComp = expr_SetComp

    def comprehension(self, node: ast.ListComp | ast.GeneratorExp | ast.SetComp | ast.DictComp,
                      generators: list[ast.comprehension], depth: int) -> None:
        """The loops of a comprehension; a generator expression's first one walks the
        iterator its function was given, and its innermost yields."""
        if not generators:
            line, col = node.lineno, node.col_offset
            if isinstance(node, ast.DictComp):
                self.expr(node.key)
                self.expr(node.value)
                self.emit(ops.collect("dict", depth + 1, line, col))
            elif isinstance(node, ast.SetComp):
                self.expr(node.elt)
                self.emit(ops.collect("set", depth + 1, line, col))
            elif isinstance(node, ast.GeneratorExp):  # it stops at its element, as CPython's
                self.expr(node.elt)
                self.emit(yield_value(node.elt.lineno, node.elt.col_offset))
                self.emit(ops.pop(node.elt.lineno, node.elt.col_offset))
            else:
                self.expr(node.elt)
                self.emit(ops.list_append(depth + 1, line, col))
            return
        gen = generators[0]
        if gen.is_async:
            raise error(node, "async comprehensions are not supported")
        line, col = gen.iter.lineno, gen.iter.col_offset
        head, done = Label(), Label()
        if isinstance(node, ast.GeneratorExp) and depth == 0:
            self.emit(ops.load_local(FIRST_ITER, line, col))
        else:
            self.expr(gen.iter)
            self.emit(ops.get_iter(line, col, self.private(gen.iter)))
        self.mark(head)
        self.emit(ops.for_iter(done, line, col))
        for name in target_names(gen.target):
            self.renames[name] = self.temp("comp_" + name)
        self.store(gen.target)
        for cond in gen.ifs:
            self.condition(cond, False, head)
        self.comprehension(node, generators[1:], depth + 1)
        self.emit(ops.jump(head, line, col, backward=True))
        self.mark(done)

    def expr_Call(self, node: ast.Call) -> None:
        line, col = node.lineno, node.col_offset
        args = node.args
        kwnames = tuple(k.arg for k in node.keywords if k.arg is not None)
        func = node.func
        text = self.text(node)
        if isinstance(func, ast.Name) and func.id == "super" and self.kind_of("super") == (
                "builtin"):
            self.super_call(node)
            return
        if any(isinstance(a, ast.Starred) for a in args) or len(kwnames) < len(node.keywords):
            self.call_spread(node, text)
            return
        method = self.library_method(func)
        if method is not None:
            self.emit(ops.const(method.obj, line, col))
            self.call_args(args, node.keywords)
            self.emit(ops.call_method_instr(method.name, len(args), kwnames, text, line, col))
            return
        if isinstance(func, ast.Attribute) and self.module_of(func.value) is None:
            if func.attr == "wait_for":
                self.wait_for(node)
                return
            self.expr(func.value)
            self.call_args(args, node.keywords)
            self.emit(ops.call_method_instr(self.attr_name(func), len(args), kwnames, text,
                                            line, col, self.private(func.value)))
            return
        self.expr(func)
        self.call_args(args, node.keywords)
        private = (isinstance(func, ast.Name) and func.id == "len" and len(args) == 1
                   and self.private(args[0]))
        self.emit(ops.call(len(args), kwnames, text, line, col, private))

    def call_spread(self, node: ast.Call, text: str) -> None:
        """`f(*args, k=v, **kwargs)`: the arguments gathered into a tuple and a dict, then
        one call."""
        func = node.func
        # A call that may wait (or start a thread) is a method call: the object, then its
        # arguments gathered, so that the call can stay put until it can be made.
        method = self.library_method(func)
        name = method.name if method is not None else (
            self.attr_name(func) if self.own_step(func) else None)
        if method is not None:
            self.emit(ops.const(method.obj, node.lineno, node.col_offset))
        elif name is not None:
            self.expr(func.value)  # type: ignore[attr-defined]
        else:
            self.expr(func)
        for arg in node.args:
            self.expr(arg.value if isinstance(arg, ast.Starred) else arg)
        self.emit(ops.gather(tuple(isinstance(a, ast.Starred) for a in node.args),
                             node.lineno, node.col_offset))
        if node.keywords:
            for keyword in node.keywords:
                self.expr(keyword.value)
            self.emit(ops.gather_keywords(tuple(k.arg for k in node.keywords), node.lineno,
                                          node.col_offset))
        if name is not None:
            self.emit(ops.call_method_spread(name, bool(node.keywords), text, node.lineno,
                                             node.col_offset))
            return
        self.emit(ops.call_spread(bool(node.keywords), text, node.lineno, node.col_offset))

    def own_step(self, func: ast.expr) -> TypeGuard[ast.Attribute]:
        """`obj.name(…)` where `name` is a method that may wait or start a thread."""
        return (isinstance(func, ast.Attribute) and func.attr in OWN_STEPS
                and self.module_of(func.value) is None)

    def call_args(self, args: list[ast.expr], keywords: list[ast.keyword]) -> None:
        for arg in args:
            self.expr(arg)
        for kw in keywords:
            self.expr(kw.value)

    def wait_for(self, node: ast.Call) -> None:
        """`cond.wait_for(pred, timeout)` as CPython's loop (threading.py:375): predicate calls
        and waits are steps of their own."""
        assert isinstance(node.func, ast.Attribute)
        line, col = node.lineno, node.col_offset
        names = ("predicate", "timeout")
        given: dict[str, ast.expr] = dict(zip(names, node.args, strict=False))
        for kw in node.keywords:
            if kw.arg not in names or kw.arg in given:
                raise error(node, f"wait_for() got an unexpected keyword argument '{kw.arg}'",
                            "wait_for(predicate, timeout=None)")
            given[kw.arg] = kw.value
        if "predicate" not in given or len(node.args) > 2:
            raise error(node, "wait_for() takes a predicate and an optional timeout",
                        "wait_for(predicate, timeout=None)")
        cond, pred, timeout, result = (self.temp(n) for n in ("cond", "pred", "timeout", "r"))
        self.expr(node.func.value)
        self.emit(ops.store_local(cond, line, col))
        self.expr(given["predicate"])
        self.emit(ops.store_local(pred, line, col))
        if "timeout" in given:
            self.expr(given["timeout"])
        else:
            self.emit(ops.const(None, line, col))
        self.emit(ops.store_local(timeout, line, col))
        loop, done = Label(), Label()
        self.call_local(pred, result, line, col)
        self.mark(loop)
        self.emit(ops.load_local(result, line, col))
        self.emit(ops.branch(True, done, line, col))
        self.emit(ops.load_local(cond, line, col))
        self.emit(ops.load_local(timeout, line, col))
        self.emit(ops.call_method_instr("wait", 1, (), self.text(node), line, col))
        self.call_local(pred, result, line, col)
        self.emit(ops.branch(False, done, line, col))
        self.emit(ops.jump(loop, line, col, backward=True))
        self.mark(done)
        self.emit(ops.load_local(result, line, col))

    def call_local(self, fn: str, result: str, line: int, col: int) -> None:
        self.emit(ops.load_local(fn, line, col))
        self.emit(ops.call(0, (), "predicate()", line, col))
        self.emit(ops.store_local(result, line, col))


    def super_call(self, node: ast.Call) -> None:
        """`super()` in a method: the class whose body defines it (by its name, as CPython's
        `__class__` cell would give it) and the method's first argument; or `super(C, obj)`."""
        line, col = node.lineno, node.col_offset
        if node.keywords or len(node.args) not in (0, 2):
            raise error(node, "super() takes no arguments, or a class and an object",
                            "Write super().method(...) inside a method.")
        if node.args:
            self.expr(node.args[0])
            self.expr(node.args[1])
        else:
            scope = self.scope
            owner = scope.parent
            if owner is None or not owner.is_class or not scope.params:
                raise error(node, "super(): no arguments outside a method",
                            "Call super() inside a method of a class.")
            assert isinstance(owner.node, ast.ClassDef)
            self.load_name(owner.node.name, node)
            self.emit(ops.load_local(scope.params[0], line, col))
        self.emit(ops.make_super(line, col))
