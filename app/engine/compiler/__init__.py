"""Python source → our instructions, with `ast`. The program is parsed, never executed.

Anything outside the supported subset is a CompileError with its line, column and a hint.
docs/semantics.md has the table of which construct becomes which steps. The modules here:
`source` (the program's text, errors and hints), `unit` (what a program's functions share),
`function` (one function: names, loads, stores), `statements` and `expressions` (its mixins).
"""

from __future__ import annotations

import ast
import sys

from ..budgets import DEFAULT_BUDGETS, Budgets
from ..classes import SPECIAL
from ..code import COMPILERS, Code
from ..errors import BudgetError, CompileError
from ..program import Program, names_in
from ..scope import analyse
from .function import FunctionCompiler
from .mangle import mangle
from .source import check_nesting, source_lines
from .unit import Unit

__all__ = ["compile_program", "library_function", "source_lines"]

#: The parser is the host's: on 3.11, valid 3.12+ syntax reads as a SyntaxError, which the
#: hint names, with the 3.11 way to write what is most often met.
SYNTAX_HINT = "This is not valid Python." if sys.version_info >= (3, 12) else (
    "This is not valid Python 3.11, whose grammar the simulator reads: newer syntax is not "
    "read either, such as an f-string that reuses its quotes inside a field "
    "(f\"{d[\"k\"]}\": write f\"{d['k']}\"), `type X = …`, or `def f[T](…)` and `class C[T]`.")


def compile_program(source: str, filename: str = "<program>",
                    budgets: Budgets = DEFAULT_BUDGETS) -> Program:
    """Compile a threading program to run under `budgets`. Raises CompileError (or
    BudgetError for oversized input)."""
    if len(source.encode("utf-8", "surrogatepass")) > budgets.source_bytes:
        raise BudgetError(f"the program is over the limit of {budgets.source_bytes:,} bytes")
    check_nesting(source, budgets.nesting)
    try:
        tree = ast.parse(source, filename)
    except SyntaxError as e:
        raise CompileError(f"SyntaxError: {e.msg}", e.lineno or 1, e.offset or 1,
                           SYNTAX_HINT) from None
    except (ValueError, RecursionError, MemoryError) as e:
        raise CompileError(f"cannot parse the program: {e}", 1, 1, "") from None
    names = names_in(tree)  # the text's own names: mangling rewrites the tree
    mangle(tree)
    try:
        unit = Unit(analyse(tree), source_lines(source), budgets,
                    doc=ast.get_docstring(tree, clean=False))
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
                   named_in_functions=frozenset(analysis.used_in_functions),
                   lines=tuple(source_lines(source)), budgets=budgets,
                   names=names, special=_defines_special_methods(tree))


def _defines_special_methods(tree: ast.Module) -> bool:
    """Whether a class of the program defines a method Python's operators call, or derives
    from `dict` or `list`, or the program names a library class whose objects' operators
    are such methods (`_SPECIAL_NAMES`: enum's flags make members, a SimpleNamespace
    compares by its `__eq__` and a Path joins by its `__truediv__`, written in Python)."""
    return any((isinstance(node, ast.ClassDef) and (any(
        isinstance(stmt, ast.FunctionDef) and stmt.name in SPECIAL for stmt in node.body)
        or any(isinstance(base, ast.Name) and base.id in ("dict", "list")
               for base in node.bases)))
        or (isinstance(node, ast.ImportFrom) and any(
            alias.name in _SPECIAL_NAMES.get(node.module or "", ()) for alias in node.names))
        or (isinstance(node, ast.Attribute) and any(
            node.attr in names for names in _SPECIAL_NAMES.values()))
        for node in ast.walk(tree))


_SPECIAL_NAMES = {"enum": ("Flag", "IntFlag"), "types": ("SimpleNamespace",),
                  "collections": ("UserDict", "UserList"),
                  "pathlib": ("Path", "PosixPath", "PurePath", "PurePosixPath"),
                  "weakref": ("ref", "ReferenceType", "WeakValueDictionary",
                              "WeakKeyDictionary", "WeakSet")}


def library_function(source: str) -> Code:
    """The code of the one function `source` defines: a library's own Python (a thread
    pool's worker loop), compiled as a program's is. Its instructions are at line 0, the
    library's, so the page never shows a line of the program for them."""
    tree = ast.parse(source)
    unit = Unit(analyse(tree), source_lines(source), DEFAULT_BUDGETS)
    node = tree.body[0]
    assert isinstance(node, ast.FunctionDef)
    code = FunctionCompiler(unit, unit.analysis.scopes[node], node.name).function(node)
    for ins in code.instrs:
        ins.line = ins.col = 0
    code.first_line = code.last_line = 0
    return code


COMPILERS.program = compile_program
COMPILERS.function = library_function
