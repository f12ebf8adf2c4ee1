"""One function's compiler: what all functions of a program share (`Unit`), the blocks
that `break`, `continue` and `return` leave, and how names load and store. Statements and
expressions are compiled by the mixins in `statements.py` and `expressions.py`."""

from __future__ import annotations

import ast
import builtins
from typing import Any

from .. import instructions as ops
from ..builtin import ModuleVariable
from ..classes import SPECIAL
from ..code import Code, Instr
from ..instructions import Label
from ..library import BUILTINS, HINTS, SETTERS
from ..scope import Scope
from ..stdlib.typing import is_annotation
from ..unpacking import unpack_ex
from .expressions import Expressions
from .patterns import Patterns
from .refusals import builtin_hint
from .source import error, hint_for, segment, too_deep, what
from .statements import Statements
from .unit import Block, Unit

#: Dunder attributes a program may name: what the model's classes and objects define.
DUNDERS = frozenset({*SPECIAL, "__init__", "__new__", "__name__", "__class__", "__dict__",
                     "__qualname__", "__module__", "__mro__", "__bases__", "__slots__",
                     "__members__",
                     "__post_init__", "__init_subclass__", "__self__", "__func__", "__cause__",
                     "__doc__", "__wrapped__", "__context__", "__suppress_context__",
                     "__traceback__", "__missing__", "__notes__", "__setattr__",
                     "__delattr__"})


def _yields(node: ast.FunctionDef | ast.Lambda) -> bool:
    """Whether `yield` is in the function's own body (not a nested function's)."""
    todo: list[ast.AST] = list(node.body) if isinstance(node, ast.FunctionDef) else [node.body]
    while todo:
        sub = todo.pop()
        if isinstance(sub, ast.Yield | ast.YieldFrom):
            return True
        if not isinstance(sub, ast.FunctionDef | ast.Lambda | ast.ClassDef):
            todo.extend(ast.iter_child_nodes(sub))
    return False


class FunctionCompiler(Statements, Expressions, Patterns):
    """Compiles one function body (or the module body) into a Code object."""

    def __init__(self, unit: Unit, scope: Scope, name: str) -> None:
        self.unit = unit
        self.scope = scope
        self.code = Code(name, scope.params)
        self.blocks: list[Block] = []
        self.renames: dict[str, str] = {}
        #: Comprehension variables of an enclosing comprehension this function reads (a
        #: lambda written inside one): name → (its renamed slot, how many functions out its
        #: frame is; 0 for the module's, where the slot is a global).
        self.lent: dict[str, tuple[str, int]] = {}
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
        src = segment(self.unit.lines, node) or ast.unparse(node)
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
        code.generator = _yields(node)
        code.doc = ast.get_docstring(node, clean=False) if isinstance(
            node, ast.FunctionDef) else None
        if isinstance(node, ast.Lambda):
            self.expr(node.body)
            self.emit(ops.ret(node.lineno, node.col_offset))
            return self.code
        self.body(node.body)
        self.finish(node)
        return self.code

    def generator_expression(self, node: ast.GeneratorExp) -> Code:
        """A generator expression's function: `.0`, the iterator of its first iterable, in;
        each item yielded."""
        code = self.code
        code.params = self.scope.params
        code.first_line = node.lineno
        code.last_line = node.end_lineno or node.lineno
        code.generator = True
        self.comprehension(node, node.generators, 0)
        self.finish(node)
        return code

    def finish(self, node: ast.AST) -> None:
        line = getattr(node, "end_lineno", None) or 1
        self.emit(ops.const(None, line, 0))
        self.emit(ops.ret(line, 0))

    # -- statements ----------------------------------------------------------------------------

    def body(self, stmts: list[ast.stmt]) -> None:
        self.depth += 1
        if self.depth > self.unit.budgets.nesting and stmts:
            raise too_deep(stmts[0].lineno, stmts[0].col_offset + 1,
                            f"{self.unit.budgets.nesting} levels")
        for stmt in stmts:
            method = getattr(self, "stmt_" + type(stmt).__name__, None)
            if method is None:
                raise error(stmt, f"{what(stmt)} is not supported", hint_for(stmt))
            method(stmt)
        self.depth -= 1


    # -- names ---------------------------------------------------------------------------------

    def kind_of(self, name: str) -> str:
        """"local", "closure", "shared", "global" (quiet), "import", "builtin", or "lent"
        (an enclosing comprehension's variable)."""
        if name in self.renames:
            return "local"
        if name in self.lent:
            return "lent"
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

    def lend(self, scope: Scope) -> dict[str, tuple[str, int]]:
        """The comprehension variables a function defined here with `scope` reads from
        here: those of the comprehensions it is written in (renamed slots of this frame,
        CPython's cells), and those lent to this function, one function further out; not
        the names it binds itself. A class body lends none (its functions do not see it)."""
        if self.scope.is_class:
            return {}
        here = 0 if self.scope.is_module else 1
        lent = {name: (slot, here) for name, slot in self.renames.items()}
        for name, (slot, depth) in self.lent.items():
            lent.setdefault(name, (slot, depth + 1 if depth else 0))
        own = scope.locals | scope.declared_global | scope.declared_nonlocal
        return {name: where for name, where in lent.items() if name not in own}

    def load_name(self, name: str, node: ast.AST) -> None:
        line, col = node.lineno, node.col_offset  # type: ignore[attr-defined]
        kind = self.kind_of(name)
        if kind == "local":
            self.emit(ops.load_local(self.renames.get(name, name), line, col))
        elif kind == "closure":
            self.emit(ops.load_closure(name, line, col, self.scope.closure_depth(name)))
        elif kind == "lent":  # `[lambda: i for i in …]` reads the comprehension's `i` late
            slot, depth = self.lent[name]
            self.emit(ops.load_closure(slot, line, col, depth) if depth else
                      ops.load_global(slot, line, col))
        elif kind == "shared":
            self.emit(ops.read(name, line, col))
        elif kind == "global":
            self.emit(ops.load_global(name, line, col))
        elif kind == "import":
            if name in self.unit.modules:
                raise error(node, f"the module '{name}' can only be used as {name}.name",
                            HINTS[self.unit.modules[name]])
            self.imported(node, name, self.unit.imported[name])
        elif name == "__doc__":  # the module's, as `__name__` is "__main__"
            self.emit(ops.const(self.unit.doc, line, col))
        elif name in BUILTINS:
            self.emit(ops.const(BUILTINS[name], line, col))
        elif name in dir(builtins):
            raise error(node, f"the built-in '{name}' is not supported", builtin_hint(
                name, "Supported built-ins: " + ", ".join(sorted(
                    n for n in BUILTINS if n[0].islower())) + "."))
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
            elif kind == "closure" and name in self.scope.declared_nonlocal:
                self.emit(ops.store_closure(name, line, col, self.scope.closure_depth(name)))
            else:
                raise error(target, f"cannot assign to '{name}' here")
        elif isinstance(target, ast.Tuple | ast.List):
            starred = [i for i, e in enumerate(target.elts) if isinstance(e, ast.Starred)]
            if len(starred) > 1:
                raise error(target, "multiple starred expressions in assignment", "")
            if starred:
                before = starred[0]
                self.emit(unpack_ex(before, len(target.elts) - before - 1, line, col))
            else:
                self.emit(ops.unpack(len(target.elts), line, col))
            for elt in target.elts:
                self.store(elt.value if isinstance(elt, ast.Starred) else elt)
        elif isinstance(target, ast.Subscript):
            self.expr(target.value)
            self.expr(target.slice)
            self.emit(ops.store_subscr(self.text(target), line, col,
                                       self.private(target.value)))
        elif isinstance(target, ast.Attribute) and (
                self.module_of(target.value) or "", target.attr) in SETTERS:
            # `threading.excepthook = hook`, `sys.stdout = f`: the module's setter, called
            setter = SETTERS[self.module_of(target.value) or "", target.attr]
            self.emit(ops.const(setter, line, col))
            self.emit(ops.rot(2, line, col))
            self.emit(ops.call(1, (), self.text(target), line, col))
            self.emit(ops.pop(line, col))
        elif isinstance(target, ast.Attribute):
            self.expr(target.value)
            self.emit(ops.set_attr(self.attr_name(target), line, col,
                                   self.settled(target.attr)))
        else:
            raise error(target, "this assignment target is not supported")

    def delete_name(self, target: ast.Name) -> None:
        """`del name`: unbinds it where an assignment would bind it."""
        line, col = target.lineno, target.col_offset
        name = target.id
        kind = self.kind_of(name)
        if kind in ("import", "builtin") and self.scope.is_module:
            kind = "local"
        if kind == "local":
            self.emit(ops.delete_local(self.renames.get(name, name), line, col))
        elif kind in ("global", "shared"):
            self.emit(ops.delete_global(name, line, col, kind == "shared"))
        else:
            raise error(target, f"cannot delete '{name}' here",
                        "`del` of a variable of an enclosing function is not supported")

    def private(self, node: ast.AST) -> bool:
        """A list or dict no other thread can reach, so using it is local: a display built
        right here (`for x in [1, 2]`), or one only MainThread holds (scope._private)."""
        if isinstance(node, ast.List | ast.ListComp | ast.Dict | ast.DictComp | ast.Set
                      | ast.SetComp):
            return True
        return (self.scope.is_module and isinstance(node, ast.Name)
                and node.id in self.unit.analysis.private)

    def attr_name(self, node: ast.Attribute) -> str:
        """An attribute a program may name: any but the dunders of Python's object model,
        except those our classes define (`__init__`, `__str__`…)."""
        name = node.attr
        if name.startswith("__") and name.endswith("__") and name not in DUNDERS:
            raise error(node, f"the attribute '{name}' is not supported",
                        "Special attributes of Python's object model are outside the "
                        "supported subset; these are supported: "
                        + ", ".join(sorted(DUNDERS)) + ".")
        return name

    def settled(self, name: str) -> bool:
        """Whether only `__init__` methods assign attributes of this name: reading one is
        then local (classes.py)."""
        return name not in self.unit.analysis.changing

    def imported(self, node: ast.AST, name: str, value: Any) -> None:
        """Push an imported name's value; a typing name is for annotations only."""
        if is_annotation(value):
            raise error(node, f"'{name}' from {value.module} can only be used in annotations",
                        "Annotations are skipped, as `from __future__ import annotations` "
                        "makes CPython do; use the name only in them.")
        if isinstance(value, ModuleVariable):
            self.emit(ops.const(value.getter, node.lineno, node.col_offset))  # type: ignore[attr-defined]
            self.emit(ops.call(0, (), name, node.lineno, node.col_offset))  # type: ignore[attr-defined]
            return
        self.emit(ops.const(value, node.lineno, node.col_offset))  # type: ignore[attr-defined]
