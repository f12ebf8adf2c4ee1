"""What the compiler knows about the program's text: its lines, the source of a node, the
nesting it refuses before parsing, and each error with its line, column and hint."""

from __future__ import annotations

import ast
import re
from typing import cast

from ..errors import CompileError

MAX_BRACKETS = 100

SUPPORTED = (
    "Supported: module-level variables and functions, lambda, closures and nonlocal, "
    "decorators, generators (yield), if/while/for, try/except/finally, with, raise, assert, "
    "arithmetic, comparisons, lists, dicts, sets, tuples, comprehensions, f-strings, print, "
    "and the threading API (Thread, Lock, RLock, Semaphore, BoundedSemaphore, Condition, "
    "Event, Barrier, local) plus time.sleep."
)

BINOPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
          ast.Mod: "%", ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>", ast.BitAnd: "&",
          ast.BitOr: "|", ast.BitXor: "^", ast.MatMult: "@"}
CMPOPS = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">",
          ast.GtE: ">=", ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in"}
UNOPS = {ast.USub: "-", ast.UAdd: "+", ast.Invert: "~", ast.Not: "not"}


def error(node: ast.AST, message: str, hint: str = SUPPORTED) -> CompileError:
    return CompileError(message, getattr(node, "lineno", 1), getattr(node, "col_offset", 0) + 1,
                        hint)


def source_lines(source: str) -> list[str]:
    """Lines as Python numbers them: only \n, \r\n and \r end a line (not form feeds or
    U+2028, which `str.splitlines` also splits at)."""
    lines = re.split(r"\r\n|\r|\n", source)
    return lines[:-1] if lines and lines[-1] == "" else lines


def segment(lines: list[str], node: ast.AST) -> str:
    """The source of `node`, sliced from the lines it spans. (`ast.get_source_segment` splits
    the whole program at every call: compiling would take time quadratic in its length.)"""
    first, last = getattr(node, "lineno", None), getattr(node, "end_lineno", None)
    if first is None or last is None:
        return ""
    start, end = node.col_offset, node.end_col_offset  # type: ignore[attr-defined]
    head = lines[first - 1].encode()  # ast counts columns in UTF-8 bytes
    if first == last:
        return cast("str", head[start:end].decode(errors="replace"))
    return "\n".join([head[start:].decode(errors="replace"), *lines[first:last - 1],
                      lines[last - 1].encode()[:end].decode(errors="replace")])


def check_nesting(source: str, nesting: int) -> None:
    """Refuse absurdly nested input before `ast.parse` (which can crash on it), naming the
    line and column where it goes too deep."""
    depth = 0
    for number, line in enumerate(source.splitlines(), 1):
        indent = len(line) - len(line.lstrip(" "))
        # Loose (twice the indentation of `nesting` levels): blocks are counted exactly as
        # they are compiled.
        if indent > 4 * nesting * 2:
            raise too_deep(number, indent + 1, f"{nesting} levels")
        for col, ch in enumerate(line, 1):
            if ch in "([{":
                depth += 1
                if depth > MAX_BRACKETS:
                    raise too_deep(number, col, f"{MAX_BRACKETS} brackets")
            elif ch in ")]}":
                depth -= 1


def too_deep(line: int, col: int, limit: str) -> CompileError:
    return CompileError(f"the program is nested too deeply (over {limit})", line, col,
                        "Split it into smaller expressions or functions.")



_NAMES = {
    "ClassDef": "a class definition", "AsyncFunctionDef": "async def", "AsyncFor": "async for",
    "AsyncWith": "async with", "Yield": "yield", "YieldFrom": "yield from",
    "Await": "await", "Starred": "a starred expression",
    "TypeAlias": "a type alias", "TryStar": "try/except*",
}


def what(node: ast.AST) -> str:
    name = type(node).__name__
    return _NAMES.get(name, f"`{name}`")


def hint_for(node: ast.AST) -> str:
    hints = {
        "ClassDef": "Classes are not supported: use module-level variables and functions.",
        "AsyncFunctionDef": "async code is not supported: Interleave simulates threads.",
        "Await": "async code is not supported: Interleave simulates threads.",
    }
    return hints.get(type(node).__name__, SUPPORTED)


def target_names(target: ast.AST) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Tuple | ast.List):
        return [n for e in target.elts for n in target_names(e)]
    if isinstance(target, ast.Starred):
        return target_names(target.value)
    return []
