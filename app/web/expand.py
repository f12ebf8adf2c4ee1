"""A read-modify-write as the steps the simulator takes for it, like The Deadlock Empire's
"Expand": `counter += 1` is `tmp = counter`, `tmp = tmp + 1`, `counter = tmp`, and the one
the thread takes next is marked. Only the line's text is read (with `ast`), never run.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import lru_cache

#: The step kind (app/engine/trace.py) that each part is.
_PART = {"read": 0, "compute": 1, "write": 2}


@dataclass(frozen=True)
class Expansion:
    statement: str  # "counter += 1"
    parts: tuple[str, str, str]  # "tmp = counter", "tmp = tmp + 1", "counter = tmp"
    current: int | None  # the part the thread takes next (None: none of them)


def expansion(line: str, kind: str) -> Expansion | None:
    """The line's statement in steps, when it is a read-modify-write of one target and the
    thread's next step (of `kind`) is one of them."""
    found = _parts(line)
    if found is None or kind not in _PART:
        return None
    return Expansion(found[0], found[1], _PART[kind])


@lru_cache(maxsize=1024)
def _parts(line: str) -> tuple[str, tuple[str, str, str]] | None:
    try:
        body = ast.parse(line.strip()).body
    except SyntaxError:  # a line of a longer statement
        return None
    if len(body) != 1:
        return None
    node = body[0]
    target: ast.expr
    if isinstance(node, ast.AugAssign):
        target, op, value = node.target, node.op, node.value
    elif (isinstance(node, ast.Assign) and len(node.targets) == 1
          and isinstance(node.value, ast.BinOp)
          and ast.unparse(node.value.left) == ast.unparse(node.targets[0])):
        target, op, value = node.targets[0], node.value.op, node.value.right  # x = x + 1
    else:
        return None
    if not isinstance(target, ast.Name | ast.Attribute | ast.Subscript):
        return None
    name, sign, operand = ast.unparse(target), _SIGNS.get(type(op)), ast.unparse(value)
    if sign is None:
        return None
    statement = ast.unparse(node)
    return statement, (f"tmp = {name}", f"tmp = tmp {sign} {operand}", f"{name} = tmp")


_SIGNS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
          ast.Mod: "%", ast.Pow: "**", ast.BitOr: "|", ast.BitAnd: "&", ast.BitXor: "^",
          ast.LShift: "<<", ast.RShift: ">>", ast.MatMult: "@"}
