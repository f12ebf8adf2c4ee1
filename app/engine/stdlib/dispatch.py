"""`functools.singledispatch` and `singledispatchmethod`, written in Python after CPython
3.13's Lib/functools.py (stdlib/written.py): the function they return is a function of the
program's kind, so a call of it runs the implementation as the program's own call (it may
take a lock, or sleep), and `register`, `dispatch` and `registry` are its attributes.

Where CPython's differs:
- dispatch picks, among the registered classes the argument's class derives from, the most
  derived one (the first in the class's `__mro__` when two are unrelated), which is what
  CPython's MRO walk picks; ABCs count only through `issubclass`, and no ambiguity between
  two of them is reported.
- `@register` on an annotated function reads its first annotation as `get_type_hints` does
  under `from __future__ import annotations` (the compiler skips annotations): the text is
  evaluated when `register` runs, with the program's imports and globals (a class local
  to a function is not seen, as `get_type_hints` does not see it). `Union[...]` and
  `Optional[...]` are read as `|`.
- `registry` is a dict (CPython's a read-only view of one); `singledispatchmethod` takes a
  plain function (not a `classmethod` or `staticmethod` object).

`partialmethod` is here too, functools' other written class: a descriptor whose `__get__`
makes the `partial` of the function and the object.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..builtin import OBJECT, Builtin, UnionType
from ..classes import UserClass
from ..code import COMPILERS, Code
from ..errors import CompileError
from ..introspect import CLASS_BUILTINS
from ..machine import Machine
from ..nested import call_now
from ..values import Function, Thrown, TypeValue, fail
from .written import as_library, library_functions

if TYPE_CHECKING:
    from ..machine import Thread

SOURCE = '''
def _make(update_wrapper, annotation, union_args, find, library, partial):
    def valid(cls):
        args = union_args(cls)
        if args is None:
            return isinstance(cls, type)
        for arg in args:
            if not isinstance(arg, type):
                return False
        return True

    def singledispatch(func):
        registry = {}

        def dispatch(cls):
            return find(registry, cls)

        def register(cls, func=None):
            if valid(cls):
                if func is None:
                    return library(lambda f: register(cls, f))
            else:
                if func is not None:
                    raise TypeError(f"Invalid first argument to `register()`. "
                                    f"{cls!r} is not a class or union type.")
                hinted = annotation(cls)
                if hinted is None:
                    raise TypeError(f"Invalid first argument to `register()`: {cls!r}. "
                                    f"Use either `@register(some_class)` or plain "
                                    f"`@register` on an annotated function.")
                func = cls
                argname, cls = hinted
                if not valid(cls):
                    if union_args(cls) is not None:
                        raise TypeError(f"Invalid annotation for {argname!r}. "
                                        f"{cls!r} not all arguments are classes.")
                    raise TypeError(f"Invalid annotation for {argname!r}. "
                                    f"{cls!r} is not a class.")
            for each in union_args(cls) or (cls,):
                registry[each] = func
            return func

        def wrapper(*args, **kw):
            if not args:
                raise TypeError(f"{funcname} requires at least 1 positional argument")
            return find(registry, type(args[0]))(*args, **kw)

        funcname = getattr(func, "__name__", "singledispatch function")
        registry[object] = func
        wrapper.register = library(register)
        wrapper.dispatch = library(dispatch)
        wrapper.registry = registry
        return update_wrapper(library(wrapper), func)

    def singledispatchmethod(func):
        if not callable(func):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        dispatcher = singledispatch(func)
        funcname = getattr(func, "__name__", "singledispatchmethod method")

        def _method(self, /, *args, **kwargs):
            if not args:
                raise TypeError(f"{funcname} requires at least 1 positional argument")
            return dispatcher.dispatch(type(args[0]))(self, *args, **kwargs)

        def register(cls, method=None):
            return dispatcher.register(cls, func=method)

        _method.register = library(register)
        _method.dispatcher = dispatcher
        return update_wrapper(library(_method), func)

    class partialmethod:
        def __init__(self, func, /, *args, **keywords):
            if not callable(func):
                raise TypeError(f"{func!r} is not callable or a descriptor")
            self.func = func
            self.args = args
            self.keywords = keywords

        def __get__(self, obj, cls=None):
            if obj is None:
                return self
            return partial(self.func, obj, *self.args, **self.keywords)

    return {"functools.singledispatch": singledispatch,
            "functools.singledispatchmethod": singledispatchmethod,
            "functools.partialmethod": partialmethod}

_made = _make(*_given)
'''


def _find(m: Machine, th: Thread, registry: dict[Any, Any], cls: Any) -> Any:
    """The implementation for `cls`: the registered class it derives from that derives
    from every other it derives from, and among unrelated ones the first in its MRO;
    `object`'s when none is (a registry always has it)."""
    found = [k for k in registry if _derives(m, th, cls, k)]
    best = [k for k in found if not any(o is not k and _derives(m, th, o, k) for o in found)]
    if len(best) > 1 and isinstance(cls, UserClass):
        best.sort(key=lambda k: next((i for i, c in enumerate(cls.mro) if _same(c, k)),
                                     len(cls.mro)))
    return registry[best[0]] if best else registry[OBJECT]


def _derives(m: Machine, th: Thread, sub: Any, base: Any) -> bool:
    """`issubclass(sub, base)`, False for what is no class; a class deriving from the
    written `dict` or `list` (containers_base.py) derives from the built-in."""
    if base is OBJECT or sub == base:  # `type(None)`, which is no class here
        return True
    try:
        if CLASS_BUILTINS["issubclass"].fn(m, th, sub, base):
            return True
    except Thrown:
        return False
    return isinstance(sub, UserClass) and any(_same(c, base) for c in sub.mro)


def _same(cls: Any, key: Any) -> bool:
    return cls is key or isinstance(cls, UserClass) and isinstance(key, Builtin) and (
        cls.name == key.name and cls.attrs.get("__module__") == (key.module or "builtins"))


def _union_args(m: Machine, th: Thread, value: Any) -> tuple[Any, ...] | None:
    """A union's classes (`int | None`: int and NoneType), or None for anything else."""
    if not isinstance(value, UnionType):
        return None
    return tuple(TypeValue("NoneType") if arg is None else arg for arg in value.args)


def _library(m: Machine, th: Thread, fn: Any) -> Any:
    """A function the library's code made: its code is the library's, at line 0."""
    if isinstance(fn, Function):
        as_library(fn.code, fn.code.name)
    return fn


def _annotation(m: Machine, th: Thread, func: Any) -> tuple[str, Any] | None:
    """`next(iter(get_type_hints(func).items()))`: the first annotated parameter of a
    program's function and its annotation's value, or None if it has none."""
    if not isinstance(func, Function) or not func.code.first_line:
        return None
    found = _annotations(m.program.source).get((func.code.name, func.code.first_line))
    if found is None:
        return None
    name, text, thunk = found
    if not isinstance(thunk, Code):
        raise fail("TypeError", f"Invalid annotation for '{name}'. {text} is not a class."
                                + thunk)
    return name, call_now(m, th, Function(thunk), [])


@lru_cache(maxsize=8)
def _annotations(source: str) -> dict[tuple[str, int], tuple[str, str, Code | str]]:
    """Each annotated function of the program by (name, line of its `def`): its first
    annotated parameter, the annotation's text, and the code of a function that evaluates
    it with the program's imports, or why the compiler refuses it (a typing name, which
    is no class, needs no why)."""
    tree = ast.parse(source)
    imports = [ast.unparse(node) for node in tree.body if isinstance(node, ast.Import) or (
        isinstance(node, ast.ImportFrom) and node.module != "__future__")]
    found = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        a = node.args
        params = [*a.posonlyargs, *a.args, *([a.vararg] if a.vararg else []), *a.kwonlyargs,
                  *([a.kwarg] if a.kwarg else [])]
        hinted = [(p.arg, p.annotation) for p in params if p.annotation is not None]
        if node.returns is not None:
            hinted.append(("return", node.returns))
        if hinted:
            name, expr = hinted[0]
            expr = _unquoted(expr)
            text = _as_union(expr)
            thunk = _evaluator(imports, text)
            if thunk == "":  # a typing name (`List[int]`), shown as CPython's repr shows it
                head, bracket, tail = ast.unparse(expr).partition("[")
                text = f"typing.{head.rpartition('.')[2]}{bracket}{tail}"
            found[(node.name, node.lineno)] = (name, text, thunk)
    return found


def _unquoted(expr: ast.expr) -> ast.expr:
    """A string annotation's expression (`arg: "Shape"`)."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        try:
            return ast.parse(expr.value.strip(), mode="eval").body
        except SyntaxError:
            return expr
    return expr


def _as_union(expr: ast.expr) -> str:
    """The annotation's text, `Union[a, b]` and `Optional[a]` written as `a | b` and
    `a | None`, which is what CPython's `register` makes of them."""
    if isinstance(expr, ast.Subscript):
        name = ast.unparse(expr.value).rpartition(".")[2]
        items = expr.slice.elts if isinstance(expr.slice, ast.Tuple) else [expr.slice]
        if name == "Union":
            return " | ".join(_as_union(item) for item in items)
        if name == "Optional" and len(items) == 1:
            return f"{_as_union(items[0])} | None"
    return ast.unparse(expr)


def _evaluator(imports: list[str], text: str) -> Code | str:
    try:
        return _evaluating("".join(f"{line}\n" for line in imports)
                           + f"def _annotation():\n    return {text}\n")
    except CompileError as e:
        return "" if "only be used in annotations" in e.message else f" ({e.message})"


@lru_cache(maxsize=64)
def _evaluating(source: str) -> Code:
    """The code of `_annotation` in `source`: the program's imports at the top, as its
    names need (a function's own imports are not a library function's)."""
    maker = Machine(COMPILERS.program(source), start=False)
    maker.begin()  # it only imports and defines: no step, so it runs to its end at once
    made = maker.globals["_annotation"]
    assert isinstance(made, Function)
    as_library(made.code, "get_type_hints")
    return made.code


def written(name: str, update_wrapper: Builtin, partial: Builtin) -> Builtin:
    """`singledispatch(func)`, `singledispatchmethod(func)` or `partialmethod(func, …)`: the
    machine's own function or class (stdlib/written.py) called on `func`, inside the step
    (it only makes functions and objects)."""
    def make(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
        made = library_functions(m, "functools", SOURCE, update_wrapper, _ANNOTATION,
                                 _UNION_ARGS, _FIND, _LIBRARY, partial)[f"functools.{name}"]
        return call_now(m, th, made, list(args), kwargs)
    return Builtin(name, make, module="functools")


_ANNOTATION = Builtin("annotation", _annotation, module="functools")
_UNION_ARGS = Builtin("union_args", _union_args, module="functools")
_LIBRARY = Builtin("library", _library, module="functools")
_FIND = Builtin("dispatch", _find, "containers", "functools")
#: The built-ins the written code is given (snapshots find them by key: library.BY_NAME).
GIVEN = (_ANNOTATION, _UNION_ARGS, _LIBRARY, _FIND)
