"""Attributes, items and the containers a program builds: an object's shared attribute,
a list's or dict's item, are steps."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import arith, formatting, objects
from ..calls import (
    CONTAINERS,
    delete_attribute,
    get_attribute,
    set_attribute,
)
from ..classes import (
    MISSING,
    Instance,
    holds_data,
    label_of,
    setattr_hook,
    shared_object,
)
from ..code import Instr
from ..formatting import Converted, push_own, push_texts
from ..generators import listed, unpacked
from ..iterators import ITERABLES
from ..machine import push_frame, showing
from ..objects import drop_result, property_function
from ..primitives import Primitive
from ..special import text_method
from ..stdlib.collections import defaultdict
from ..values import (
    Function,
    ThreadHandle,
    fail,
    shown,
    type_name,
)

if TYPE_CHECKING:
    from ..budgets import Budgets
    from ..machine import Machine, Thread
from .base import _top_is_container


def get_attr(name: str, line: int, col: int, settled: bool = True,
             keep: bool = False) -> Instr:
    """`obj.name`. A step on a primitive (its state), and, unless only `__init__` sets the
    attribute (`settled`), on a value an object of the program's shares (classes.py).
    `keep`: the object stays below the value (`obj.name += v` writes it back)."""
    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        s = f.stack
        obj = s[-1]
        if type(obj) is Instance and name in obj.attrs and name not in obj.cls.properties:
            value = obj.attrs[name]  # the common case, first
            if keep:
                s.append(value)
            else:
                s[-1] = value
            f.pc += 1
            if settled or obj.building:
                return None
            return ("read", f"{obj.label}.{name}", value)
        getter = property_function(obj, name, "fget")
        if getter is not None:  # runs as a call of the thread's (its lock may wait)
            if not keep:
                s.pop()
            f.pc += 1
            push_frame(m, th, getter, [obj], {})
            return None
        if type(obj) is Instance and not keep and _getattr_first(m, th, obj, name):
            return None  # its class's `__getattr__` runs as the thread's call: it gives it
        value = get_attribute(m, th, obj, name)
        if keep:
            s.append(value)
        else:
            s[-1] = value
        f.pc += 1
        if isinstance(obj, Primitive):
            return ("call", f"{obj.label}.{name} → {shown(value)}", value)
        if not settled and holds_data(obj, name):
            return ("read", f"{label_of(obj)}.{name}", value)
        return None

    if settled:
        def visible(th: Thread) -> bool:
            return isinstance(th.frames[-1].stack[-1], Primitive)
    else:
        def visible(th: Thread) -> bool:
            obj = th.frames[-1].stack[-1]
            if type(obj) is Instance:
                return not obj.building and name in obj.attrs
            return isinstance(obj, Primitive) or holds_data(obj, name)
    return Instr("GET_ATTR", name, line, col, run, visible=visible)


def _getattr_first(m: Machine, th: Thread, obj: Instance, name: str) -> bool:
    """`obj.name` that the object and its class do not have, and its class's own
    `__getattr__` gives (a proxy's): that call pushed, as a property's getter is, so a lock
    it takes may wait. Never for a dunder name, which CPython looks up on the type alone."""
    hook = obj.cls.lookup("__getattr__")
    if not isinstance(hook, Function) or hook.code.generator or name.startswith("__") or (
            objects.get(m, th, obj, name) is not MISSING):
        return False
    push_frame(m, th, hook, [obj, name], {}).cleanup = Converted(1, "__getattr__", "item")
    return True


def set_attr(name: str, line: int, col: int, settled: bool = True,
             under: bool = False) -> Instr:
    """Stack: value, obj (`under`: obj, value, as `obj.name += v` leaves them). A step when
    the attribute is shared state (see `get_attr`)."""
    where = -2 if under else -1

    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        s = th.frames[-1].stack
        if under:
            value = s.pop()
            obj = s.pop()
        else:
            obj = s.pop()
            value = s.pop()
        if type(obj) is Instance and name not in obj.cls.properties and not obj.cls.guarded:
            obj.attrs[name] = value  # the common case, first
            th.frames[-1].pc += 1
            if settled or obj.building:
                return None
            return ("write", f"{obj.label}.{name}", value)
        hook = setattr_hook(obj.cls) if type(obj) is Instance else None
        if hook is not None:  # the class's own `__setattr__`, as the thread's call
            th.frames[-1].pc += 1
            push_frame(m, th, hook, [obj, name, value], {}).cleanup = drop_result
            return ("call", f"{label_of(obj)}.{name} ← {shown(value)} (its __setattr__)",
                    None) if not settled and shared_object(obj) else None
        setter = property_function(obj, name, "fset")
        if setter is not None:  # a call of the thread's; what it returns is dropped
            th.frames[-1].pc += 1
            push_frame(m, th, setter, [obj, value], {}).cleanup = drop_result
            return ("call", f"{label_of(obj)}.{name} ← {shown(value)} (its setter)",
                    None) if not settled and shared_object(obj) else None
        shared = not settled and shared_object(obj)
        set_attribute(m, th, obj, name, value)
        th.frames[-1].pc += 1
        return ("write", f"{label_of(obj)}.{name}", value) if shared else None
    return Instr("SET_ATTR", (name, where), line, col, run, visible=False if settled else (
        lambda th: shared_object(th.frames[-1].stack[where])))


def compute_attr(op: str, budgets: Budgets, line: int, col: int, right: Any = None,
                 constant: bool = False) -> Instr:
    """The arithmetic of `obj.name += v`: its own step when the object is shared (stack:
    obj, old value[, v]), a local one on an object still being built. With `constant`, v
    is `right`, not on the stack (`self.n += 1`)."""
    fn = arith.operator_for(op, budgets, inplace=True, **({"right": right} if constant else {}))

    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        s = f.stack
        b = right if constant else s.pop()
        a = s[-1]
        s[-1] = result = fn(a, b)
        f.pc += 1
        return ("compute", a, op, b, result) if shared_object(s[-2]) else None
    depth = -2 if constant else -3
    return Instr("COMPUTE_ATTR", (op, right) if constant else op, line, col, run,
                 visible=lambda th: shared_object(th.frames[-1].stack[depth]))


def subscr(text: str, line: int, col: int, private: bool = False) -> Instr:
    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        s = f.stack
        if push_own(m, th, s[-2], "__getitem__", [s[-1]], 2, "item"):
            return ("call", text, None) if isinstance(s[-2], CONTAINERS) else None
        key = s.pop()
        obj = s[-1]
        if type(obj) is defaultdict and key not in obj:  # runs its factory
            s[-1] = value = obj.missing(m, th, key)
        else:
            s[-1] = value = obj[key]
        f.pc += 1
        if isinstance(obj, CONTAINERS):
            return ("call", text, value)
        return None
    return Instr("SUBSCR", None, line, col, run, visible=False if private else (
        lambda th: isinstance(th.frames[-1].stack[-2], CONTAINERS)))


def store_subscr(text: str, line: int, col: int, private: bool = False) -> Instr:
    """Stack: value, obj, key."""
    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        s = f.stack
        key = s.pop()
        obj = s.pop()
        value = s.pop()
        if isinstance(obj, CONTAINERS) or type(obj) is Instance:  # its __setitem__
            if type(key) is slice and type(obj) is not Instance:  # `xs[a:b] = range(n)`
                arith.check_ranges([value], m.program.budgets)
                value = listed(m, th, value)  # a generator's items, as the host cannot run it
            # A set raises CPython's own TypeError; special.py gives Instance __setitem__.
            obj[key] = value  # type: ignore[index]
        else:
            raise fail("TypeError",
                       f"'{type_name(obj)}' object does not support item assignment")
        f.pc += 1
        return ("call", f"{text} ← {shown(value)}", value)
    return Instr("STORE_SUBSCR", None, line, col, run, visible=False if private else (
        lambda th: isinstance(th.frames[-1].stack[-2], CONTAINERS)))


def delete_attr(name: str, line: int, col: int) -> Instr:
    """`del obj.name`: a write (a step) when the object is shared."""
    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        obj = f.stack.pop()
        shared = shared_object(obj)
        delete_attribute(m, th, obj, name)
        f.pc += 1
        return ("write", f"del {label_of(obj)}.{name}", None) if shared else None
    return Instr("DELETE_ATTR", name, line, col, run,
                 visible=lambda th: shared_object(th.frames[-1].stack[-1]))


def delete_subscr(text: str, line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> tuple[Any, ...]:
        f = th.frames[-1]
        s = f.stack
        key = s.pop()
        obj = s.pop()
        if not isinstance(obj, CONTAINERS) and type(obj) is not Instance:
            raise fail("TypeError",
                       f"'{type_name(obj)}' object doesn't support item deletion")
        # A set raises CPython's own TypeError; special.py gives Instance __delitem__.
        del obj[key]  # type: ignore[union-attr]
        f.pc += 1
        return ("call", f"del {text}", None)
    return Instr("DELETE_SUBSCR", None, line, col, run, visible=True)


def build(kind: str, n: int, line: int, col: int) -> Instr:
    """BUILD_LIST / BUILD_TUPLE / BUILD_SET / BUILD_DICT (n pairs) / BUILD_SLICE /
    BUILD_STRING."""
    count = 2 * n if kind == "dict" else n

    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        s = f.stack
        items = s[len(s) - count:] if count else []
        del s[len(s) - count:]
        if kind == "list":
            value: Any = items
        elif kind == "tuple":
            value = tuple(items)
        elif kind == "set":
            value = set(items)
        elif kind == "dict":
            value = dict(zip(items[::2], items[1::2], strict=True))
        elif kind == "slice":
            value = slice(*items)
        else:
            value = formatting.join(items, m.program.budgets)
        s.append(value)
        f.pc += 1
    return Instr("BUILD_" + kind.upper(), n, line, col, run)


def list_append(depth: int, line: int, col: int) -> Instr:
    """Comprehension: append the top of stack to the (fresh, unshared) list at `depth`."""
    def run(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        value = f.stack.pop()
        f.stack[-depth].append(value)
        f.pc += 1
    return Instr("LIST_APPEND", depth, line, col, run)


def collect(kind: str, depth: int, line: int, col: int) -> Instr:
    """Set or dict comprehension: add the top of stack (a set's item, or a dict's key and
    value) to the fresh, unshared set or dict at `depth` below them."""
    if kind == "set":
        def run(m: Machine, th: Thread) -> None:
            f = th.frames[-1]
            value = f.stack.pop()
            f.stack[-depth].add(value)
            f.pc += 1
    else:
        def run(m: Machine, th: Thread) -> None:
            f = th.frames[-1]
            value = f.stack.pop()
            key = f.stack.pop()
            f.stack[-depth][key] = value
            f.pc += 1
    return Instr("SET_ADD" if kind == "set" else "MAP_ADD", depth, line, col, run)


def format_value(conversion: int, has_spec: bool, line: int, col: int) -> Instr:
    """An f-string's field: `conversion` is -1 (none) or the code of `s`, `r` or `a`."""
    convert = None if conversion == -1 else chr(conversion)

    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        s = f.stack
        if m.program.special and type(s[-2 if has_spec else -1]) in _OWN_TEXT and (
                _text_first(m, th, s, convert, has_spec)):
            return None  # its __str__ or __repr__ runs first, then this again
        at = -2 if has_spec else -1
        if m.program.special and isinstance(s[at], CONTAINERS) and not (has_spec and s[-1]) and (
                push_texts(m, th, [s[at]], len(s) + at)):
            return ("call", "the texts of its objects first", None)  # then this again
        spec = s.pop() if has_spec else ""
        value = s[-1]
        s[-1] = text = showing(m, th, formatting.format_field, value, convert, spec,
                               m.program.budgets)
        f.pc += 1
        if isinstance(value, CONTAINERS):
            return ("call", f"format {text}", text)
        return None
    return Instr("FORMAT", conversion, line, col, run,
                 visible=lambda th: isinstance(
                     th.frames[-1].stack[-2 if has_spec else -1], CONTAINERS))


#: The objects whose class may be the program's, with its own `__str__`.
_OWN_TEXT = (Instance, ThreadHandle)


def _text_first(m: Machine, th: Thread, s: list[Any], convert: str | None,
                has_spec: bool) -> bool:
    """An f-string field of an object whose text is the program's `__str__` / `__repr__`:
    that call pushed (its frame's RETURN puts the text in the object's place)."""
    value = s[-2 if has_spec else -1]
    if value.cls is None:  # a Thread, not a subclass's
        return False
    if convert is None:
        own = value.cls.lookup("__format__")
        if isinstance(own, Function) and not own.code.generator:  # `f"{temp:.1f}"`
            push_frame(m, th, own, [value, s[-1] if has_spec else ""], {}).cleanup = Converted(
                2 if has_spec else 1, "__format__", "formatted")
            return True
        if (has_spec and s[-1]) or own is not MISSING:
            return False
        convert = "s"
    if convert not in ("s", "r"):
        return False
    which = "__repr__" if convert == "r" else "__str__"
    method = text_method(value, which)
    if method is None:
        return False
    push_frame(m, th, method, [value], {}).cleanup = Converted(
        2 if has_spec else 1, method.code.name, "format")
    return True


def unpack(n: int, line: int, col: int) -> Instr:
    def run(m: Machine, th: Thread) -> tuple[Any, ...] | None:
        f = th.frames[-1]
        value = f.stack.pop()
        items = unpacked(m, th, value, n)
        if not isinstance(items, ITERABLES):
            raise fail("TypeError", f"cannot unpack non-iterable {type_name(value)} object")
        items = list(items)
        if len(items) < n:
            raise fail("ValueError",
                       f"not enough values to unpack (expected {n}, got {len(items)})")
        if len(items) > n:
            raise fail("ValueError", f"too many values to unpack (expected {n})")
        f.stack.extend(reversed(items))
        f.pc += 1
        if isinstance(value, CONTAINERS):
            return ("call", f"unpack {shown(value)}", value)
        return None
    return Instr("UNPACK", n, line, col, run, visible=_top_is_container)
