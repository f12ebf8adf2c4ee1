"""Statements: assignment, control flow, `with`, `try`, `raise`, `def`, each into the steps
docs/semantics.md lists. A mixin of `FunctionCompiler`."""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from .. import instructions as ops
from ..instructions import Label
from ..scope import defaults_of
from .source import BINOPS, error
from .unit import Block

if TYPE_CHECKING:
    from .host import Host
else:
    Host = object


class Statements(Host):
    """The `stmt_*` methods of `FunctionCompiler`."""

    def stmt_Expr(self, node: ast.Expr) -> None:
        if isinstance(node.value, ast.Constant) and (
                isinstance(node.value.value, str) or node.value.value is Ellipsis):
            return  # a docstring, or `...` as a body that does nothing
        self.expr(node.value)
        self.emit(ops.pop(node.lineno, node.col_offset))

    def stmt_Pass(self, node: ast.Pass) -> None:
        pass

    def stmt_Global(self, node: ast.Global) -> None:
        if self.scope.is_module:
            raise error(node, "`global` at module level has no effect",
                        "Use `global name` inside a function that assigns a module variable.")

    def stmt_Nonlocal(self, node: ast.Nonlocal) -> None:
        """Checked here; the names resolve to the enclosing function's (scope.Scope)."""
        if self.scope.is_module:
            raise error(node, "nonlocal declaration not allowed at module level", "")
        for name in node.names:
            if not self.scope.closure_depth(name):
                raise error(node, f"no binding for nonlocal '{name}' found",
                            "Bind the name in an enclosing function, or share it with "
                            "`global`.")

    def stmt_Import(self, node: ast.Import) -> None:
        pass  # resolved at compile time (Unit.collect_imports)

    stmt_ImportFrom = stmt_Import

    def stmt_Assign(self, node: ast.Assign) -> None:
        shared_target = any(self.is_shared_target(t) for t in node.targets)
        self.expr(node.value, compute_step=shared_target)
        for i, target in enumerate(node.targets):
            if i < len(node.targets) - 1:
                self.emit(ops.dup(node.lineno, node.col_offset))
            self.store(target)

    def stmt_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is None:
            return
        self.expr(node.value, compute_step=self.is_shared_target(node.target))
        self.store(node.target)

    def stmt_AugAssign(self, node: ast.AugAssign) -> None:
        op = BINOPS.get(type(node.op))
        if op is None:
            raise error(node, "this operator is not supported")
        line, col = node.lineno, node.col_offset
        target = node.target
        if isinstance(target, ast.Name):
            self.load_name(target.id, target)
            if self.is_shared_target(target) and isinstance(node.value, ast.Constant):
                self.emit(ops.compute_const(op, node.value.value, self.unit.budgets, line, col))
            else:
                self.expr(node.value)
                shared = self.is_shared_target(target)
                self.emit((ops.compute if shared else ops.binop)(op, self.unit.budgets, line, col,
                                                                 inplace=True))
            self.store(target)
        elif isinstance(target, ast.Subscript):
            self.expr(target.value)
            self.expr(target.slice)
            self.emit(ops.dup2(line, col))
            self.emit(ops.subscr(self.text(target), line, col))
            self.expr(node.value)
            self.emit(ops.compute(op, self.unit.budgets, line, col, inplace=True))
            self.emit(ops.rot(3, line, col))
            self.emit(ops.store_subscr(self.text(target), line, col))
        elif isinstance(target, ast.Attribute):
            name, settled = self.attr_name(target), self.settled(target.attr)
            self.expr(target.value)
            self.emit(ops.get_attr(name, line, col, settled, keep=True))
            if not settled and isinstance(node.value, ast.Constant):
                self.emit(ops.compute_attr(op, self.unit.budgets, line, col,
                                           node.value.value, constant=True))
            else:
                self.expr(node.value)
                self.emit(ops.compute_attr(op, self.unit.budgets, line, col) if not settled
                          else ops.binop(op, self.unit.budgets, line, col, inplace=True))
            self.emit(ops.set_attr(name, line, col, settled, under=True))
        else:
            raise error(node, "this assignment target is not supported")

    def is_shared_target(self, target: ast.AST) -> bool:
        if isinstance(target, ast.Name):
            return self.kind_of(target.id) == "shared"
        return isinstance(target, ast.Subscript)

    def stmt_If(self, node: ast.If) -> None:
        orelse, end = Label(), Label()
        self.condition(node.test, False, orelse)
        self.body(node.body)
        if node.orelse:
            self.emit(ops.jump(end, node.lineno, node.col_offset))
        self.mark(orelse)
        self.body(node.orelse)
        self.mark(end)

    def stmt_While(self, node: ast.While) -> None:
        head, done, brk = Label(), Label(), Label()
        self.mark(head)
        self.condition(node.test, False, done)
        self.blocks.append(Block("loop", brk, head))
        self.body(node.body)
        self.blocks.pop()
        self.emit(ops.jump(head, node.lineno, node.col_offset, backward=True))
        self.mark(done)
        self.body(node.orelse)
        self.mark(brk)

    def stmt_For(self, node: ast.For) -> None:
        line, col = node.lineno, node.col_offset
        head, done, brk = Label(), Label(), Label()
        self.expr(node.iter)
        self.emit(ops.get_iter(line, col, self.private(node.iter)))
        self.mark(head)
        self.emit(ops.for_iter(done, line, col))
        self.store(node.target)
        self.blocks.append(Block("for", brk, head))
        body = Label()
        self.mark(body)
        self.body(node.body)
        self.blocks.pop()
        target = node.target
        if (isinstance(target, ast.Name) and not self.scope.is_module
                and self.kind_of(target.id) == "local" and target.id not in self.renames):
            # Loop rotation: the back-edge also fetches and stores the next item.
            self.emit(ops.for_next(body, target.id, line, col))
        else:
            self.emit(ops.jump(head, line, col, backward=True))
        self.mark(done)
        self.body(node.orelse)
        self.mark(brk)

    def stmt_Break(self, node: ast.Break) -> None:
        self.leave(node, "break")

    def stmt_Continue(self, node: ast.Continue) -> None:
        self.leave(node, "continue")

    def stmt_Return(self, node: ast.Return) -> None:
        if self.scope.is_module:
            raise error(node, "'return' outside function", "")
        line, col = node.lineno, node.col_offset
        if node.value is None:
            self.emit(ops.const(None, line, col))
        else:
            self.expr(node.value)
        if any(b.kind in ("with", "try", "finally") for b in self.blocks):
            slot = self.temp("ret")
            self.emit(ops.store_local(slot, line, col))
            self.leave(node, "return")
            self.emit(ops.load_local(slot, line, col))
        self.emit(ops.ret(line, col))

    def leave(self, node: ast.stmt, how: str) -> None:
        """Clean up the enclosing blocks that `break`/`continue`/`return` jumps out of."""
        line, col = node.lineno, node.col_offset
        saved = self.blocks
        for i in range(len(saved) - 1, -1, -1):
            block = saved[i]
            if block.kind in ("loop", "for") and how != "return":
                if how == "continue":
                    assert block.cont is not None
                    self.emit(ops.jump(block.cont, line, col, backward=True))
                else:
                    if block.kind == "for":
                        self.emit(ops.pop(line, col))
                    assert block.brk is not None
                    self.emit(ops.jump(block.brk, line, col))
                return
            if block.kind in ("with", "try", "finally"):
                self.emit(ops.pop_handler(line, col))
            if block.kind == "with":
                self.exit_with(block.name, line, col)
            elif block.kind == "finally":
                assert block.finalbody is not None
                self.blocks = saved[:i]
                self.body(block.finalbody)
                self.blocks = saved
        if how != "return":
            raise error(node, f"'{how}' outside loop", "")

    def stmt_Raise(self, node: ast.Raise) -> None:
        line, col = node.lineno, node.col_offset
        if node.exc is None:
            active = [b for b in self.blocks if b.kind == "except"]
            if not active:
                self.emit(ops.fail_instr("RuntimeError", "No active exception to reraise",
                                         line, col))
                return
            self.emit(ops.load_local(active[-1].name, line, col))
            self.emit(ops.reraise(line, col))
            return
        self.expr(node.exc)
        if node.cause is not None:
            self.expr(node.cause)
        handling = [b for b in self.blocks if b.kind == "except"]
        if handling:  # the exception handled becomes the new one's __context__
            self.emit(ops.load_local(handling[-1].name, line, col))
            self.emit(ops.raise_in_handler(node.cause is not None, line, col))
        elif node.cause is not None:
            self.emit(ops.raise_from(line, col))
        else:
            self.emit(ops.raise_(line, col))

    def stmt_Assert(self, node: ast.Assert) -> None:
        ok = Label()
        self.condition(node.test, True, ok)
        if node.msg is not None:
            self.expr(node.msg)
        self.emit(ops.assert_fail(node.msg is not None, node.lineno, node.col_offset))
        self.mark(ok)

    def stmt_Delete(self, node: ast.Delete) -> None:
        for target in node.targets:
            if isinstance(target, ast.Attribute):
                self.expr(target.value)
                self.emit(ops.delete_attr(self.attr_name(target), node.lineno,
                                          node.col_offset))
                continue
            if isinstance(target, ast.Name):
                self.delete_name(target)
                continue
            if isinstance(target, ast.Tuple | ast.List):  # `del (a, b)`, `del [a, b]`
                self.stmt_Delete(ast.Delete(target.elts, lineno=node.lineno,
                                            col_offset=node.col_offset))
                continue
            if not isinstance(target, ast.Subscript):
                raise error(target, "this `del` target is not supported")
            self.expr(target.value)
            self.expr(target.slice)
            self.emit(ops.delete_subscr(self.text(target), node.lineno, node.col_offset))

    def stmt_FunctionDef(self, node: ast.FunctionDef) -> None:
        for decorator in node.decorator_list:
            self.expr(decorator)
        self.make_function(node)
        self.decorate(node)

    def decorate(self, node: ast.FunctionDef | ast.ClassDef) -> None:
        """Apply the decorators (pushed before the function or class), innermost first,
        then bind the name."""
        for decorator in reversed(node.decorator_list):
            self.emit(ops.call(1, (), "@" + self.text(decorator), decorator.lineno,
                               decorator.col_offset))
        self.store(ast.Name(node.name, ast.Store(), lineno=node.lineno,
                            col_offset=node.col_offset))

    def stmt_ClassDef(self, node: ast.ClassDef) -> None:
        """The body runs as a function whose locals become the class's namespace; then the
        class is made from it and its bases (`classes.make_class`)."""
        line, col = node.lineno, node.col_offset
        bases = list(node.bases)
        keywords = []  # for the bases' `__init_subclass__` (`class Upper(Plugin, name="up")`)
        for keyword in node.keywords:  # `metaclass=ABCMeta` is deriving from ABC
            if keyword.arg is None or (keyword.arg == "metaclass" and ast.unparse(
                    keyword.value) not in ("ABCMeta", "abc.ABCMeta")):
                raise error(keyword, "class keywords (metaclass=…) are not supported",
                            "Derive from the program's classes, an exception class, "
                            "threading.Thread or abc.ABC (metaclass=ABCMeta).")
            if keyword.arg == "metaclass":
                bases.append(keyword.value)
            else:
                keywords.append(keyword)
        for decorator in node.decorator_list:
            self.expr(decorator)
        for base in bases:
            if isinstance(base, ast.Starred):
                raise error(base, "starred bases are not supported")
            self.expr(base)
        for keyword in keywords:
            self.expr(keyword.value)
        compiler = type(self)(self.unit, self.unit.analysis.scopes[node], node.name)
        compiler.code.qualname = self.qualified(node.name)
        compiler.code.first_line = line
        doc = ast.get_docstring(node, clean=False)
        if doc is not None:  # the class's `__doc__`
            compiler.emit(ops.const(doc, line, col))
            compiler.emit(ops.store_local("__doc__", line, col))
        compiler.body(node.body)
        end = node.end_lineno or line
        compiler.emit(ops.namespace(end, 0))
        compiler.emit(ops.ret(end, 0))
        annotations = tuple(_field_entry(stmt.target.id, stmt.annotation)
                            for stmt in node.body
                            if isinstance(stmt, ast.AnnAssign)
                            and isinstance(stmt.target, ast.Name)
                            and not _class_variable(stmt.annotation))
        self.emit(ops.make_function(compiler.code, 0, self.closure_kind(), line, col))
        self.emit(ops.call(0, (), f"class {node.name}", line, col))
        self.emit(ops.build_class(node.name, compiler.code.qualname, len(bases),
                                  annotations, line, col,
                                  tuple(str(k.arg) for k in keywords)))
        self.decorate(node)

    def qualified(self, name: str) -> str:
        if self.scope.is_module:
            return name
        if self.scope.is_class:
            return f"{self.code.qualname}.{name}"
        return f"{self.code.qualname}.<locals>.{name}"

    def closure_kind(self) -> bool | str:
        """What a function defined here closes over: nothing at module level, this frame's
        locals in a function, and in a class body what the body itself closes over (methods
        do not see the class's names)."""
        if self.scope.is_module:
            return False
        return "outer" if self.scope.is_class else True

    def make_function(self, node: ast.FunctionDef | ast.Lambda) -> None:
        defaults = defaults_of(node.args)
        for default in defaults:
            self.expr(default)
        scope = self.unit.analysis.scopes[node]
        name = node.name if isinstance(node, ast.FunctionDef) else "<lambda>"
        compiler = type(self)(self.unit, scope, name)
        compiler.code.qualname = self.qualified(name)
        compiler.lent = self.lend(scope)
        code = compiler.function(node)
        self.emit(ops.make_function(code, len(defaults), self.closure_kind(), node.lineno,
                                    node.col_offset))

    def stmt_With(self, node: ast.With) -> None:
        self.with_items(node, node.items)

    def with_items(self, node: ast.With, items: list[ast.withitem]) -> None:
        """`with a, b:` is `with a: with b:`. The exit runs on every way out (a step)."""
        if not items:
            self.body(node.body)
            return
        item, line, col = items[0], node.lineno, node.col_offset
        slot = self.temp("with")
        handler, end = Label(), Label()
        self.expr(item.context_expr)
        self.emit(ops.dup(line, col))
        self.emit(ops.store_local(slot, line, col))
        self.emit(ops.call_method_instr("__enter__", 0, (), self.text(item.context_expr),
                                        line, col))
        if item.optional_vars is not None:
            self.store(item.optional_vars)
        else:
            self.emit(ops.pop(line, col))
        self.emit(ops.setup(handler, line, col))
        self.blocks.append(Block("with", name=slot))
        self.with_items(node, items[1:])
        self.blocks.pop()
        self.emit(ops.pop_handler(line, col))
        end_line = node.end_lineno or line
        self.exit_with(slot, end_line, col)
        self.emit(ops.jump(end, end_line, col))
        self.mark(handler)
        exc, reraise = self.temp("exc"), Label()
        self.emit(ops.store_local(exc, end_line, col))
        self.emit(ops.load_local(slot, end_line, col))
        self.emit(ops.load_local(exc, end_line, col))
        self.emit(ops.exc_info(end_line, col))
        self.emit(ops.call_method_instr("__exit__", 3, (), "exit", end_line, col))
        self.emit(ops.branch(False, reraise, end_line, col))
        self.emit(ops.jump(end, end_line, col))
        self.mark(reraise)
        self.emit(ops.load_local(exc, end_line, col))
        self.emit(ops.reraise(end_line, col))
        self.mark(end)

    def exit_with(self, slot: str, line: int, col: int) -> None:
        self.emit(ops.load_local(slot, line, col))
        self.emit(ops.call_method_instr("__exit__", 0, (), "exit", line, col))
        self.emit(ops.pop(line, col))

    def stmt_Try(self, node: ast.Try) -> None:
        if node.finalbody:
            self.try_finally(node)
        else:
            self.try_except(node)

    def try_finally(self, node: ast.Try) -> None:
        line, col = node.lineno, node.col_offset
        handler, end = Label(), Label()
        self.emit(ops.setup(handler, line, col))
        self.blocks.append(Block("finally", finalbody=node.finalbody))
        if node.handlers:
            self.try_except(node)
        else:
            self.body(node.body)
        self.blocks.pop()
        self.emit(ops.pop_handler(line, col))
        self.body(node.finalbody)
        self.emit(ops.jump(end, line, col))
        self.mark(handler)
        exc = self.temp("exc")
        self.emit(ops.store_local(exc, line, col))
        self.body(node.finalbody)
        self.emit(ops.load_local(exc, line, col))
        self.emit(ops.reraise(line, col))
        self.mark(end)

    def try_except(self, node: ast.Try) -> None:
        line, col = node.lineno, node.col_offset
        handler, end = Label(), Label()
        self.emit(ops.setup(handler, line, col))
        self.blocks.append(Block("try"))
        self.body(node.body)
        self.blocks.pop()
        self.emit(ops.pop_handler(line, col))
        self.body(node.orelse)
        self.emit(ops.jump(end, line, col))
        self.mark(handler)
        for clause in node.handlers:
            cline, ccol = clause.lineno, clause.col_offset
            skip = Label()
            if clause.type is not None:
                self.expr(clause.type)
                self.emit(ops.match_exc(cline, ccol))
                self.emit(ops.branch(False, skip, cline, ccol))
            slot = self.temp("exc")
            self.emit(ops.dup(cline, ccol))
            self.emit(ops.store_local(slot, cline, ccol))
            if clause.name:
                self.store(ast.Name(clause.name, ast.Store(), lineno=cline, col_offset=ccol))
            else:
                self.emit(ops.pop(cline, ccol))
            self.blocks.append(Block("except", name=slot))
            chained = Label()  # an exception leaving the block: the handled one its context
            self.emit(ops.setup(chained, cline, ccol))
            self.blocks.append(Block("try"))
            self.body(clause.body)
            self.blocks.pop()
            self.emit(ops.pop_handler(cline, ccol))
            self.blocks.pop()
            # Handled: no longer what `sys.exc_info()` or `logging.exception` find.
            self.emit(ops.const(None, cline, ccol))
            self.emit(ops.store_local(slot, cline, ccol))
            self.emit(ops.jump(end, cline, ccol))
            self.mark(chained)
            self.emit(ops.load_local(slot, cline, ccol))
            self.emit(ops.chain_context(cline, ccol))
            self.emit(ops.reraise(cline, ccol))
            self.mark(skip)
        self.emit(ops.reraise(line, col))
        self.mark(end)


def _field_entry(name: str, annotation: ast.expr) -> str:
    """A class's annotated name as `records.fields_of` reads it: `KW_ONLY`'s pseudo-field
    is "*" (the fields after it are keyword-only), an `InitVar[...]` is "+name" (an
    argument of `__init__` for `__post_init__`, no field). Dataclasses look for both by the
    annotation's name, as for `ClassVar`."""
    if ast.unparse(annotation) in ("KW_ONLY", "dataclasses.KW_ONLY"):
        return "*"
    if isinstance(annotation, ast.Subscript):
        annotation = annotation.value
    if ast.unparse(annotation) in ("InitVar", "dataclasses.InitVar"):
        return "+" + name
    return name


def _class_variable(annotation: ast.expr) -> bool:
    """`x: ClassVar[int] = 0`: a class attribute, not a dataclass field (CPython's
    dataclasses look for `ClassVar` the same way, by the annotation's name)."""
    if isinstance(annotation, ast.Subscript):
        annotation = annotation.value
    return ast.unparse(annotation) in ("ClassVar", "typing.ClassVar")
