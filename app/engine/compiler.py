"""Python source → our instructions, with `ast`. The program is parsed, never executed.

Anything outside the supported subset is a CompileError with its line, column and a hint.
docs/semantics.md has the table of which construct becomes which steps.
"""

from __future__ import annotations

import ast
import builtins
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from . import instructions as ops
from . import primitives as prim
from .budgets import DEFAULT_BUDGETS, Budgets
from .calls import BUILTINS, THREAD_METHODS
from .code import Code, Instr
from .errors import BudgetError, CompileError
from .instructions import Label
from .program import Program
from .scope import Analysis, Scope, analyse, defaults_of
from .stdlib import HINTS, MODULES

#: Brackets open at once: `ast.parse` itself gives up at 200.
MAX_BRACKETS = 100

SUPPORTED = (
    "Supported: module-level variables and functions, lambda, if/while/for, try/except/finally, "
    "with, raise, assert, arithmetic, comparisons, lists, dicts, tuples, f-strings, print, and "
    "the threading API (Thread, Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event, "
    "Barrier, local) plus time.sleep."
)

BINOPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
          ast.Mod: "%", ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>", ast.BitAnd: "&",
          ast.BitOr: "|", ast.BitXor: "^"}
CMPOPS = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">",
          ast.GtE: ">=", ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in"}
UNOPS = {ast.USub: "-", ast.UAdd: "+", ast.Invert: "~", ast.Not: "not"}


def error(node: ast.AST, message: str, hint: str = SUPPORTED) -> CompileError:
    return CompileError(message, getattr(node, "lineno", 1), getattr(node, "col_offset", 0) + 1,
                        hint)


def compile_program(source: str, filename: str = "<program>",
                    budgets: Budgets = DEFAULT_BUDGETS) -> Program:
    """Compile a threading program to run under `budgets`. Raises CompileError (or
    BudgetError for oversized input)."""
    if len(source.encode("utf-8", "surrogatepass")) > budgets.source_bytes:
        raise BudgetError(f"the program is over the limit of {budgets.source_bytes:,} bytes")
    _check_nesting(source, budgets.nesting)
    try:
        tree = ast.parse(source, filename)
    except SyntaxError as e:
        raise CompileError(f"SyntaxError: {e.msg}", e.lineno or 1, e.offset or 1,
                           "This is not valid Python.") from None
    except (ValueError, RecursionError, MemoryError) as e:
        raise CompileError(f"cannot parse the program: {e}", 1, 1, "") from None
    try:
        unit = Unit(analyse(tree), source_lines(source), budgets)
        unit.collect_imports(tree)
        module = FunctionCompiler(unit, unit.analysis.scopes[tree], "<module>").module(tree)
    except RecursionError:
        raise BudgetError(
            "an expression in the program is nested too deeply to compile") from None
    analysis = unit.analysis
    variables = set(analysis.module_bindings) | analysis.written_in_functions
    return Program(source=source, filename=filename, module=module,
                   shared=frozenset(n for n in analysis.used_in_functions
                                    if n in variables and analysis.shared(n)),
                   lines=tuple(source_lines(source)), budgets=budgets)


def source_lines(source: str) -> list[str]:
    """Lines as Python numbers them: only \n, \r\n and \r end a line (not form feeds or
    U+2028, which `str.splitlines` also splits at)."""
    lines = re.split(r"\r\n|\r|\n", source)
    return lines[:-1] if lines and lines[-1] == "" else lines


def _segment(lines: list[str], node: ast.AST) -> str:
    """The source of `node`, sliced from the lines it spans. (`ast.get_source_segment` splits
    the whole program at every call: a program of 5,000 calls took 12 s to compile.)"""
    first, last = getattr(node, "lineno", None), getattr(node, "end_lineno", None)
    if first is None or last is None:
        return ""
    start, end = node.col_offset, node.end_col_offset  # type: ignore[attr-defined]
    head = lines[first - 1].encode()  # ast counts columns in UTF-8 bytes
    if first == last:
        return head[start:end].decode(errors="replace")
    return "\n".join([head[start:].decode(errors="replace"), *lines[first:last - 1],
                      lines[last - 1].encode()[:end].decode(errors="replace")])


def _check_nesting(source: str, nesting: int) -> None:
    """Refuse absurdly nested input before `ast.parse` (which can crash on it), naming the
    line and column where it goes too deep."""
    depth = 0
    for number, line in enumerate(source.splitlines(), 1):
        indent = len(line) - len(line.lstrip(" "))
        # Loose (twice the indentation of `nesting` levels): blocks are counted exactly as
        # they are compiled.
        if indent > 4 * nesting * 2:
            raise _too_deep(number, indent + 1, f"{nesting} levels")
        for col, ch in enumerate(line, 1):
            if ch in "([{":
                depth += 1
                if depth > MAX_BRACKETS:
                    raise _too_deep(number, col, f"{MAX_BRACKETS} brackets")
            elif ch in ")]}":
                depth -= 1


def _too_deep(line: int, col: int, limit: str) -> CompileError:
    return CompileError(f"the program is nested too deeply (over {limit})", line, col,
                        "Split it into smaller expressions or functions.")


#: Methods whose calls are steps of their own (they may block, or start or join a thread):
#: their arguments are given one by one.
_OWN_STEPS = frozenset({*THREAD_METHODS, *(name for kind in (
    prim.Lock, prim.RLock, prim.Condition, prim.Semaphore, prim.Event, prim.Barrier)
    for name in kind.METHODS)})
_SUPPORTED_MODULES = ("Supported modules: " + ", ".join(sorted(MODULES))
                      + " (each with the names its hint lists).")


@dataclass
class Unit:
    """What every function's compiler shares: the analysis, the budgets, the imports."""

    analysis: Analysis
    lines: list[str]
    budgets: Budgets
    modules: dict[str, str] = field(default_factory=dict)  # alias → module
    imported: dict[str, Any] = field(default_factory=dict)  # name → value

    def collect_imports(self, tree: ast.Module) -> None:
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name not in MODULES:
                        raise error(node, f"import of '{alias.name}' is not supported",
                                    _SUPPORTED_MODULES)
                    self.modules[alias.asname or alias.name] = alias.name
            elif isinstance(node, ast.ImportFrom):
                if node.module not in MODULES or node.level:
                    raise error(node, f"import from '{node.module}' is not supported",
                                _SUPPORTED_MODULES)
                table = MODULES[node.module]
                for alias in node.names:
                    if alias.name not in table:
                        raise error(node, f"{node.module}.{alias.name} is not supported",
                                    HINTS[node.module])
                    self.imported[alias.asname or alias.name] = table[alias.name]
        for name in (*self.modules, *self.imported):
            if self.analysis.module_bindings.get(name, 0) or (
                    name in self.analysis.written_in_functions):
                raise error(tree, f"the imported name '{name}' is assigned elsewhere",
                            "Keep imported names bound to what they import.")


@dataclass
class Block:
    """An enclosing construct that `break`, `continue` and `return` must clean up after."""

    kind: str  # "loop", "for", "with", "try", "finally"
    brk: Label | None = None
    cont: Label | None = None
    name: str = ""
    finalbody: list[ast.stmt] | None = None


class FunctionCompiler:
    """Compiles one function body (or the module body) into a Code object."""

    def __init__(self, unit: Unit, scope: Scope, name: str) -> None:
        self.unit = unit
        self.scope = scope
        self.code = Code(name, scope.params)
        self.blocks: list[Block] = []
        self.renames: dict[str, str] = {}
        self.hidden = 0
        self.depth = 0

    # -- emitting ------------------------------------------------------------------------------

    def emit(self, instr: Instr) -> None:
        self.code.instrs.append(instr)

    def mark(self, label: Label) -> None:
        label.pc = len(self.code.instrs)

    def temp(self, what: str) -> str:
        self.hidden += 1
        return f".{what}{self.hidden}"

    def text(self, node: ast.AST) -> str:
        src = _segment(self.unit.lines, node) or ast.unparse(node)
        src = " ".join(src.split())
        return src if len(src) <= 60 else src[:57] + "…"

    # -- units ---------------------------------------------------------------------------------

    def module(self, tree: ast.Module) -> Code:
        self.body(tree.body)
        self.finish(tree)
        return self.code

    def function(self, node: ast.FunctionDef | ast.Lambda) -> Code:
        args, code = node.args, self.code
        code.params = tuple(a.arg for a in (*args.posonlyargs, *args.args))
        code.posonly = len(args.posonlyargs)
        code.kwonly = tuple(a.arg for a in args.kwonlyargs)
        code.kwdefaults = tuple(a.arg for a, default in zip(args.kwonlyargs, args.kw_defaults,
                                                             strict=True) if default is not None)
        code.varargs = args.vararg.arg if args.vararg else None
        code.varkw = args.kwarg.arg if args.kwarg else None
        self.code.first_line = node.lineno
        self.code.last_line = node.end_lineno or node.lineno
        if isinstance(node, ast.Lambda):
            self.expr(node.body)
            self.emit(ops.ret(node.lineno, node.col_offset))
            return self.code
        self.body(node.body)
        self.finish(node)
        return self.code

    def finish(self, node: ast.AST) -> None:
        line = getattr(node, "end_lineno", None) or 1
        self.emit(ops.const(None, line, 0))
        self.emit(ops.ret(line, 0))

    # -- statements ----------------------------------------------------------------------------

    def body(self, stmts: list[ast.stmt]) -> None:
        self.depth += 1
        if self.depth > self.unit.budgets.nesting and stmts:
            raise _too_deep(stmts[0].lineno, stmts[0].col_offset + 1,
                            f"{self.unit.budgets.nesting} levels")
        for stmt in stmts:
            method = getattr(self, "stmt_" + type(stmt).__name__, None)
            if method is None:
                raise error(stmt, f"{_what(stmt)} is not supported", _hint_for(stmt))
            method(stmt)
        self.depth -= 1

    def stmt_Expr(self, node: ast.Expr) -> None:
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return  # a docstring
        self.expr(node.value)
        self.emit(ops.pop(node.lineno, node.col_offset))

    def stmt_Pass(self, node: ast.Pass) -> None:
        pass

    def stmt_Global(self, node: ast.Global) -> None:
        if self.scope.is_module:
            raise error(node, "`global` at module level has no effect",
                        "Use `global name` inside a function that assigns a module variable.")

    def stmt_Nonlocal(self, node: ast.Nonlocal) -> None:
        raise error(node, "`nonlocal` is not supported",
                    "Share state through module-level variables with `global`.")

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
            self.expr(target.value)
            self.emit(ops.dup(line, col))
            self.emit(ops.get_attr(self.attr_name(target), line, col))
            self.expr(node.value)
            self.emit(ops.binop(op, self.unit.budgets, line, col, inplace=True))
            self.emit(ops.rot(2, line, col))
            self.emit(ops.set_attr(target.attr, line, col))
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
            if not isinstance(target, ast.Subscript):
                raise error(target, "only `del container[key]` is supported")
            self.expr(target.value)
            self.expr(target.slice)
            self.emit(ops.delete_subscr(self.text(target), node.lineno, node.col_offset))

    def stmt_FunctionDef(self, node: ast.FunctionDef) -> None:
        if node.decorator_list:
            raise error(node.decorator_list[0], "decorators are not supported",
                        "Call the function yourself instead.")
        self.make_function(node)
        self.store(ast.Name(node.name, ast.Store(), lineno=node.lineno,
                            col_offset=node.col_offset))

    def make_function(self, node: ast.FunctionDef | ast.Lambda) -> None:
        defaults = defaults_of(node.args)
        for default in defaults:
            self.expr(default)
        scope = self.unit.analysis.scopes[node]
        name = node.name if isinstance(node, ast.FunctionDef) else "<lambda>"
        compiler = FunctionCompiler(self.unit, scope, name)
        compiler.code.qualname = (name if self.scope.is_module
                                  else f"{self.code.qualname}.<locals>.{name}")
        code = compiler.function(node)
        closure = not self.scope.is_module
        self.emit(ops.make_function(code, len(defaults), closure, node.lineno,
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
        exc = self.temp("exc")
        self.emit(ops.store_local(exc, end_line, col))
        self.exit_with(slot, end_line, col)
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
            self.body(clause.body)
            self.blocks.pop()
            self.emit(ops.jump(end, cline, ccol))
            self.mark(skip)
        self.emit(ops.reraise(line, col))
        self.mark(end)

    # -- names ---------------------------------------------------------------------------------

    def kind_of(self, name: str) -> str:
        """"local", "closure", "shared", "global" (quiet), "import" or "builtin"."""
        if name in self.renames:
            return "local"
        where = self.scope.resolve(name)
        if where != "global":
            return where
        analysis = self.unit.analysis
        is_variable = name in analysis.module_bindings or name in analysis.written_in_functions
        if not is_variable:
            if name in self.unit.imported or name in self.unit.modules:
                return "import"
            return "builtin"
        if analysis.shared(name):
            return "shared"
        return "local" if self.scope.is_module else "global"

    def load_name(self, name: str, node: ast.AST) -> None:
        line, col = node.lineno, node.col_offset  # type: ignore[attr-defined]
        kind = self.kind_of(name)
        if kind == "local":
            self.emit(ops.load_local(self.renames.get(name, name), line, col))
        elif kind == "closure":
            self.emit(ops.load_closure(name, line, col))
        elif kind == "shared":
            self.emit(ops.read(name, line, col))
        elif kind == "global":
            self.emit(ops.load_global(name, line, col))
        elif kind == "import":
            if name in self.unit.modules:
                raise error(node, f"the module '{name}' can only be used as {name}.name",
                            HINTS[self.unit.modules[name]])
            self.emit(ops.const(self.unit.imported[name], line, col))
        elif name in BUILTINS:
            self.emit(ops.const(BUILTINS[name], line, col))
        elif name in dir(builtins):
            raise error(node, f"the built-in '{name}' is not supported",
                        "Supported built-ins: " + ", ".join(sorted(
                            n for n in BUILTINS if n[0].islower())) + ".")
        else:
            self.emit(ops.load_global(name, line, col))  # NameError when it runs

    def store(self, target: ast.AST) -> None:
        line, col = target.lineno, target.col_offset  # type: ignore[attr-defined]
        if isinstance(target, ast.Name):
            name = target.id
            kind = self.kind_of(name)
            if kind in ("import", "builtin") and self.scope.is_module:
                kind = "local"
            if self.scope.is_module and kind in ("local", "shared"):
                self.emit(ops.label_store(name, line, col))
            if kind == "shared":
                self.emit(ops.write(name, line, col))
            elif kind == "local":
                self.emit(ops.store_local(self.renames.get(name, name), line, col))
            elif kind == "global":
                self.emit(ops.store_global(name, line, col))
            else:
                raise error(target, f"cannot assign to '{name}' here")
        elif isinstance(target, ast.Tuple | ast.List):
            if any(isinstance(e, ast.Starred) for e in target.elts):
                raise error(target, "starred assignment is not supported")
            self.emit(ops.unpack(len(target.elts), line, col))
            for elt in target.elts:
                self.store(elt)
        elif isinstance(target, ast.Subscript):
            self.expr(target.value)
            self.expr(target.slice)
            self.emit(ops.store_subscr(self.text(target), line, col,
                                       self.private(target.value)))
        elif isinstance(target, ast.Attribute):
            self.expr(target.value)
            self.emit(ops.set_attr(self.attr_name(target), line, col))
        else:
            raise error(target, "this assignment target is not supported")

    def private(self, node: ast.AST) -> bool:
        """A list or dict no other thread can reach, so using it is local: a display built
        right here (`for x in [1, 2]`), or one only MainThread holds (scope._private)."""
        if isinstance(node, ast.List | ast.ListComp | ast.Dict | ast.DictComp):
            return True
        return (self.scope.is_module and isinstance(node, ast.Name)
                and node.id in self.unit.analysis.private)

    def attr_name(self, node: ast.Attribute) -> str:
        if node.attr.startswith("__") or node.attr.startswith("_"):
            raise error(node, f"the attribute '{node.attr}' is not supported",
                        "Private and dunder attributes are outside the supported subset.")
        return node.attr

    # -- expressions ---------------------------------------------------------------------------

    def expr(self, node: ast.expr, compute_step: bool = False) -> None:
        """Push the value of `node`. With `compute_step`, the final arithmetic on a value read
        from shared state is its own step (the `+ 1` of `counter = counter + 1`)."""
        method = getattr(self, "expr_" + type(node).__name__, None)
        if method is None:
            raise error(node, f"{_what(node)} is not supported", _hint_for(node))
        if compute_step and isinstance(node, ast.BinOp):
            self.expr_BinOp(node, compute_step=self.reads_shared(node))
        else:
            method(node)

    def reads_shared(self, node: ast.AST) -> bool:
        return any(isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
                   and self.kind_of(n.id) == "shared" for n in ast.walk(node))

    def expr_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, bytes | complex) or node.value is Ellipsis:
            raise error(node, f"{type(node.value).__name__} constants are not supported")
        self.emit(ops.const(node.value, node.lineno, node.col_offset))

    def expr_Name(self, node: ast.Name) -> None:
        self.load_name(node.id, node)

    def expr_BinOp(self, node: ast.BinOp, compute_step: bool = False) -> None:
        op = BINOPS.get(type(node.op))
        if op is None:
            raise error(node, "the @ operator is not supported")
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

    def expr_Lambda(self, node: ast.Lambda) -> None:
        self.make_function(node)

    def expr_List(self, node: ast.List) -> None:
        self.sequence(node, "list")

    def expr_Tuple(self, node: ast.Tuple) -> None:
        self.sequence(node, "tuple")

    def sequence(self, node: ast.List | ast.Tuple, kind: str) -> None:
        for elt in node.elts:
            if isinstance(elt, ast.Starred):
                raise error(elt, "starred expressions are not supported")
            self.expr(elt)
        self.emit(ops.build(kind, len(node.elts), node.lineno, node.col_offset))

    def expr_Dict(self, node: ast.Dict) -> None:
        for key, value in zip(node.keys, node.values, strict=True):
            if key is None:
                raise error(value, "** in a dict display is not supported")
            self.expr(key)
            self.expr(value)
        self.emit(ops.build("dict", len(node.keys), node.lineno, node.col_offset))

    def expr_Set(self, node: ast.Set) -> None:
        raise error(node, "sets are not supported", "Use a list or a dict.")

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
            if node.attr not in table:
                raise error(node, f"{module}.{node.attr} is not supported",
                            HINTS[module])
            self.emit(ops.const(table[node.attr], node.lineno, node.col_offset))
            return
        self.expr(node.value)
        self.emit(ops.get_attr(self.attr_name(node), node.lineno, node.col_offset))

    def module_of(self, node: ast.AST) -> str | None:
        if isinstance(node, ast.Name) and self.kind_of(node.id) == "import":
            return self.unit.modules.get(node.id)
        return None

    def expr_ListComp(self, node: ast.ListComp | ast.GeneratorExp) -> None:
        """Built in the current frame with renamed variables: the fresh list is unshared."""
        line, col = node.lineno, node.col_offset
        self.emit(ops.build("list", 0, line, col))
        saved = dict(self.renames)
        self.comprehension(node, node.generators, 0)
        self.renames = saved

    expr_GeneratorExp = expr_ListComp

    def comprehension(self, node: ast.ListComp | ast.GeneratorExp,
                      generators: list[ast.comprehension], depth: int) -> None:
        if not generators:
            self.expr(node.elt)
            self.emit(ops.list_append(depth + 1, node.lineno, node.col_offset))
            return
        gen = generators[0]
        if gen.is_async:
            raise error(node, "async comprehensions are not supported")
        line, col = gen.iter.lineno, gen.iter.col_offset
        head, done = Label(), Label()
        self.expr(gen.iter)
        self.emit(ops.get_iter(line, col, self.private(gen.iter)))
        self.mark(head)
        self.emit(ops.for_iter(done, line, col))
        for name in _target_names(gen.target):
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
        if "key" in kwnames:
            raise error(node, "key= functions are not supported",
                        "Sort plain values, or loop to find the minimum or maximum.")
        text = self.text(node)
        if any(isinstance(a, ast.Starred) for a in args) or len(kwnames) < len(node.keywords):
            self.call_spread(node, text)
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
        if isinstance(func, ast.Attribute) and func.attr in _OWN_STEPS and (
                self.module_of(func.value) is None):
            raise error(node, f"*args and **kwargs in a call of .{func.attr}() are not "
                              f"supported", "Pass the arguments one by one.")
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
        self.emit(ops.call_spread(bool(node.keywords), text, node.lineno, node.col_offset))

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


def _target_names(target: ast.AST) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Tuple | ast.List):
        return [n for e in target.elts for n in _target_names(e)]
    return []


_NAMES = {
    "ClassDef": "a class definition", "AsyncFunctionDef": "async def", "AsyncFor": "async for",
    "AsyncWith": "async with", "Match": "match", "Yield": "yield", "YieldFrom": "yield from",
    "Await": "await", "NamedExpr": "the := operator", "SetComp": "a set comprehension",
    "DictComp": "a dict comprehension", "Starred": "a starred expression",
    "TypeAlias": "a type alias", "TryStar": "try/except*",
}


def _what(node: ast.AST) -> str:
    name = type(node).__name__
    return _NAMES.get(name, f"`{name}`")


def _hint_for(node: ast.AST) -> str:
    hints = {
        "ClassDef": "Classes are not supported: use module-level variables and functions.",
        "AsyncFunctionDef": "async code is not supported: Interleave simulates threads.",
        "Match": "Use if/elif/else.",
        "Yield": "Generators are not supported.",
        "YieldFrom": "Generators are not supported.",
        "Await": "async code is not supported: Interleave simulates threads.",
        "NamedExpr": "Assign on its own line instead of using :=.",
    }
    return hints.get(type(node).__name__, SUPPORTED)


@cache
def trampoline_code() -> Code:
    """Code that calls a non-Python thread target (e.g. `target=print`) once."""
    from .calls import call_value
    from .values import represent

    def run(m: Any, th: Any) -> tuple:
        f = th.frames[-1]
        callee, *args = f.stack
        f.stack.clear()
        f.pc += 1
        th.brk = True
        returned, result, _ = call_value(m, th, callee, args, f.locals[".kwargs"])
        f.stack.append(result if returned else None)
        return ("call", f"call {represent(callee)}", result)

    code = Code("<call>", ())
    code.instrs.append(Instr("CALL_TARGET", None, 0, 0, run, visible=True))
    code.instrs.append(ops.ret(0, 0))
    return code
