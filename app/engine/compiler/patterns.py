"""`match` statements: each case's pattern into a tree for app/engine/matching.py's MATCH,
its values (`case Color.RED`, `case Point(x=0)`'s class, a mapping's keys) pushed first. A
mixin of `FunctionCompiler`.

A case is: the values, the subject (kept in a hidden local), MATCH, a jump to the next case
if it failed, the captured names stored (before the guard, as CPython binds them), the
guard, the body, and a jump to the end.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING, Any

from .. import instructions as ops
from ..instructions import Label
from ..matching import match_case
from .source import error

if TYPE_CHECKING:
    from .host import Host
else:
    Host = object


class Patterns(Host):
    """The `stmt_Match` method of `FunctionCompiler`."""

    def stmt_Match(self, node: ast.Match) -> None:
        line, col = node.lineno, node.col_offset
        subject = self.temp("match")
        self.expr(node.subject)
        self.emit(ops.store_local(subject, line, col))
        end = Label()
        for case in node.cases:
            following = Label()
            pline, pcol = case.pattern.lineno, case.pattern.col_offset
            names: list[str] = []
            values: list[ast.expr] = []
            tree = self.pattern(case.pattern, names, values)
            for value in values:
                self.expr(value)
            self.emit(ops.load_local(subject, pline, pcol))
            self.emit(match_case(tree, len(values), tuple(names), self.text(case.pattern),
                                 pline, pcol))
            self.emit(ops.branch(False, following, pline, pcol))
            if names:
                self.emit(ops.unpack(len(names), pline, pcol))
                for name in names:
                    self.store(ast.Name(name, ast.Store(), lineno=pline, col_offset=pcol))
            else:
                self.emit(ops.pop(pline, pcol))
            if case.guard is not None:
                self.condition(case.guard, False, following)
            self.body(case.body)
            self.emit(ops.jump(end, pline, pcol))
            self.mark(following)
        self.mark(end)

    def pattern(self, node: ast.pattern, names: list[str], values: list[ast.expr]
                ) -> tuple[Any, ...]:
        """The tree of `node`, adding the names it captures and the values it needs."""
        def value(expr: ast.expr) -> int:
            values.append(expr)
            return len(values) - 1

        def capture(name: str | None) -> str | None:
            if name is not None:
                if name in names:
                    raise error(node, f"multiple assignments to name '{name}' in pattern", "")
                names.append(name)
            return name

        if isinstance(node, ast.MatchValue):
            return ("value", value(node.value))
        if isinstance(node, ast.MatchSingleton):
            return ("singleton", node.value)
        if isinstance(node, ast.MatchAs):
            sub = None if node.pattern is None else self.pattern(node.pattern, names, values)
            return ("as", capture(node.name), sub)
        if isinstance(node, ast.MatchOr):
            first: list[str] = []
            alternatives = []
            for i, alternative in enumerate(node.patterns):
                own: list[str] = []
                alternatives.append(self.pattern(alternative, own, values))
                if i == 0:
                    first = own
                elif set(own) != set(first):
                    raise error(node, "alternative patterns bind different names", "")
            for name in first:
                capture(name)
            return ("or", tuple(alternatives))
        if isinstance(node, ast.MatchSequence):
            stars = [i for i, p in enumerate(node.patterns) if isinstance(p, ast.MatchStar)]
            if len(stars) > 1:
                raise error(node, "multiple starred names in sequence pattern", "")
            items = tuple(("star", capture(p.name)) if isinstance(p, ast.MatchStar)
                          else self.pattern(p, names, values) for p in node.patterns)
            return ("seq", items, stars[0] if stars else -1)
        if isinstance(node, ast.MatchMapping):
            entries = tuple((value(key), self.pattern(sub, names, values))
                            for key, sub in zip(node.keys, node.patterns, strict=True))
            return ("map", entries, capture(node.rest))
        if isinstance(node, ast.MatchClass):
            cls = value(node.cls)
            positional = tuple(self.pattern(p, names, values) for p in node.patterns)
            keywords = tuple((attr, self.pattern(p, names, values))
                             for attr, p in zip(node.kwd_attrs, node.kwd_patterns, strict=True))
            return ("class", cls, positional, keywords)
        raise error(node, "this pattern is not supported", "")
