"""`match` statements at run time: one case's pattern tried on the subject, in one step.

The compiler (compiler/patterns.py) turns a case's pattern into a tree of tuples, its values
(`case Color.RED`, a class, a mapping's key) evaluated before the MATCH instruction and
referred to by index. MATCH takes the values and the subject off the stack and leaves the
captured names' values (in the compiler's order) and True, or just False. The rules are
CPython's (PEP 634): a sequence pattern matches a list, tuple, range or deque but not a str;
a mapping pattern a dict; a class pattern checks `isinstance` and reads attributes, with a
single positional pattern matching the subject itself for the built-in types, and
`__match_args__` (a dataclass's fields) naming the others.

Trees: ("value", i) `==`; ("singleton", c) `is`; ("as", name or None, sub or None);
("or", alternatives); ("seq", items, star index or -1) with ("star", name or None) at the
star; ("map", ((key index, sub), …), rest name or None); ("class", class index, positional
subs, ((attribute, sub), …)).
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any

from .builtin import CONTAINERS, Builtin
from .calls import get_attribute
from .classes import MISSING, UserClass
from .code import Instr
from .introspection import isinstance_
from .values import fail, shown

if TYPE_CHECKING:
    from .machine import Machine, Thread

#: Built-in classes whose single positional pattern matches the subject itself.
_SELF_MATCHING = frozenset({"bool", "bytearray", "bytes", "dict", "float", "frozenset", "int",
                            "list", "set", "str", "tuple"})
_SEQUENCES = (list, tuple, range, deque)


class _Matcher:
    def __init__(self, m: Machine, th: Thread, values: list[Any]) -> None:
        self.m, self.th, self.values = m, th, values
        self.bound: dict[str, Any] = {}

    def match(self, pattern: tuple[Any, ...], subject: Any) -> bool:
        kind = pattern[0]
        if kind == "value":
            return bool(subject == self.values[pattern[1]])
        if kind == "singleton":
            return subject is pattern[1]
        if kind == "as":
            _, name, sub = pattern
            if sub is not None and not self.match(sub, subject):
                return False
            if name is not None:
                self.bound[name] = subject
            return True
        if kind == "or":
            return any(self.match(alternative, subject) for alternative in pattern[1])
        if kind == "seq":
            return self._sequence(pattern, subject)
        if kind == "map":
            return self._mapping(pattern, subject)
        return self._class(pattern, subject)

    def _sequence(self, pattern: tuple[Any, ...], subject: Any) -> bool:
        _, items, star = pattern
        if not isinstance(subject, _SEQUENCES):
            return False
        values = list(subject)
        if star < 0:
            if len(values) != len(items):
                return False
            return all(self.match(p, v) for p, v in zip(items, values, strict=True))
        after = len(items) - star - 1
        if len(values) < len(items) - 1:
            return False
        head, tail = values[:star], values[len(values) - after:]
        if not all(self.match(p, v) for p, v in zip(items[:star], head, strict=True)):
            return False
        name = items[star][1]
        if name is not None:
            self.bound[name] = values[star:len(values) - after]
        return all(self.match(p, v) for p, v in zip(items[star + 1:], tail, strict=True))

    def _mapping(self, pattern: tuple[Any, ...], subject: Any) -> bool:
        _, entries, rest = pattern
        if not isinstance(subject, dict):
            return False
        for index, sub in entries:
            key = self.values[index]
            if key not in subject or not self.match(sub, subject[key]):
                return False
        if rest is not None:
            keys = {self.values[index] for index, _ in entries}
            self.bound[rest] = {k: v for k, v in subject.items() if k not in keys}
        return True

    def _class(self, pattern: tuple[Any, ...], subject: Any) -> bool:
        """As CPython's `match_class`: every attribute read first, positional then keyword
        (a missing one fails the match; one named twice is a TypeError), then the
        sub-patterns matched in order."""
        _, index, positional, keywords = pattern
        cls = self.values[index]
        if not isinstance_(self.m, self.th, subject, cls):
            return False
        label = getattr(cls, "name", "?")
        found: list[tuple[tuple[Any, ...], Any]] = []  # (sub-pattern, what it matches)
        named = list(keywords)
        if positional:
            if isinstance(cls, Builtin) and not cls.module and cls.name in _SELF_MATCHING:
                if len(positional) > 1:
                    raise fail("TypeError", f"{cls.name}() accepts 1 positional sub-pattern "
                                            f"({len(positional)} given)")
                found.append((positional[0], subject))
            else:
                names = _match_args(cls, len(positional))
                named = [*zip(names, positional, strict=True), *named]
        seen: set[str] = set()
        for name, sub in named:
            if name in seen:
                raise fail("TypeError", f"{label}() got multiple sub-patterns for attribute "
                                        f"{name!r}")
            seen.add(name)
            try:
                found.append((sub, get_attribute(self.m, self.th, subject, name)))
            except Exception:  # CPython's getattr: a missing attribute fails the match
                return False
        return all(self.match(sub, value) for sub, value in found)


def _match_args(cls: Any, count: int) -> list[str]:
    """The attributes a class pattern's positional sub-patterns name: `__match_args__`, or
    a dataclass's fields."""
    label = getattr(cls, "name", "?")
    names: Any = MISSING
    if isinstance(cls, UserClass):
        names = cls.lookup("__match_args__")
        if names is MISSING and cls.fields is not None:
            names = tuple(f.name for f in cls.fields if f.init and not f.kw_only)
    if names is MISSING:
        raise fail("TypeError", f"{label}() accepts 0 positional sub-patterns ({count} given)")
    if not isinstance(names, tuple):
        raise fail("TypeError", f"{label}.__match_args__ must be a tuple (got "
                                f"{type(names).__name__})")
    if count > len(names):
        raise fail("TypeError", f"{label}() accepts {len(names)} positional sub-pattern"
                                f"{'' if len(names) == 1 else 's'} ({count} given)")
    return list(names[:count])


def match_case(pattern: tuple[Any, ...], nvalues: int, names: tuple[str, ...], text: str, line: int,
               col: int) -> Instr:
    """MATCH: the case's values and the subject off the stack; then the captured values (a
    tuple in the order of `names`) and True, or False."""
    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        s = f.stack
        subject = s.pop()
        values = s[len(s) - nvalues:]
        del s[len(s) - nvalues:]
        matcher = _Matcher(m, th, values)
        matched = matcher.match(pattern, subject)
        if matched:
            s.append(tuple(matcher.bound.get(name) for name in names))
        s.append(matched)
        f.pc += 1
        if isinstance(subject, CONTAINERS):
            return ("test", f"{shown(subject)} matches {text}: {matched}", matched)
        return None
    return Instr("MATCH", text, line, col, run,
                 visible=lambda th: isinstance(th.frames[-1].stack[-1], CONTAINERS))
