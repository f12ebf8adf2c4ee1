"""What a program does with its classes and their objects: making one (`Account(100)`),
reading, writing and calling its attributes, `super()`, and the built-in parts its class
derives from (`threading.Thread.__init__`, `BaseException.__init__`, `object.__init__`).

Only names the object or its class holds are found: an attribute a program reads is looked
up in the object's `attrs` and its classes' namespaces, never on a host object.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from .builtin import Builtin
from .classes import (
    MISSING,
    ClassMethod,
    Field,
    Instance,
    Method,
    Property,
    StaticMethod,
    Super,
    UserClass,
    class_of,
    own_attrs,
)
from .code import Code, Instr
from .values import ExceptionClass, Function, SimException, ThreadHandle, fail, type_name

if TYPE_CHECKING:
    from .machine import Machine, Thread

#: Thread attributes kept by the machine's thread table, not in the object's dict.
THREAD_STATE = frozenset({"name", "daemon", "ident", "native_id"})


def type_label(obj: Any) -> str:
    cls = class_of(obj)
    return cls.name if cls is not None else type_name(obj)


# -- reading and writing attributes ----------------------------------------------------------


def get(m: Machine, th: Thread, obj: Any, name: str) -> Any:
    """`obj.name` for an object of a program's class, a class, or `super()`; MISSING when
    the object's built-in part must answer (a thread's `name`, an exception's `args`)."""
    if isinstance(obj, Super):
        return _from_super(m, th, obj, name)
    if isinstance(obj, UserClass):
        return _from_class(obj, name)
    cls = class_of(obj)
    if isinstance(obj, ThreadHandle) and name in THREAD_STATE:
        return MISSING
    attrs = own_attrs(obj)
    found = cls.lookup(name) if cls is not None else MISSING
    if isinstance(found, Property):
        return _call_now(m, th, found.fget, [obj])
    if attrs is not None and name in attrs:
        return attrs[name]
    if found is not MISSING:
        return bind(found, obj, cls)
    if cls is not None and name == "__class__":
        return cls
    if cls is not None and cls.fields is not None and name == "__dict__":
        return dict(attrs or {})
    return MISSING


def _from_class(cls: UserClass, name: str) -> Any:
    found = cls.lookup(name)
    if found is MISSING:
        if name == "__name__":
            return cls.name
        if name == "__init__":
            return native_init(cls.native)
        raise fail("AttributeError", f"type object '{cls.name}' has no attribute '{name}'")
    if isinstance(found, StaticMethod):
        return found.fn
    if isinstance(found, ClassMethod):
        return Method(found.fn, cls)
    return found


def bind(found: Any, obj: Any, cls: UserClass) -> Any:
    """A class attribute as seen through an object: functions bound to it."""
    if isinstance(found, Function):
        return Method(found, obj)
    if isinstance(found, StaticMethod):
        return found.fn
    if isinstance(found, ClassMethod):
        return Method(found.fn, cls)
    return found


def _from_super(m: Machine, th: Thread, sup: Super, name: str) -> Any:
    cls = class_of(sup.obj) or (sup.obj if isinstance(sup.obj, UserClass) else None)
    if cls is None or sup.owner not in cls.mro:
        raise fail("TypeError", "super(type, obj): obj must be an instance or subtype of type")
    after = cls.mro[cls.mro.index(sup.owner) + 1:]
    for base in after:
        if isinstance(base, UserClass) and name in base.attrs:
            found = base.attrs[name]
            if isinstance(found, Property):
                return _call_now(m, th, found.fget, [sup.obj])
            return bind(found, sup.obj, cls)
    native = cls.native
    if name == "__init__":
        return Method(native_init(native), sup.obj)
    if name == "__new__":
        return NATIVES["object.__new__"]
    if name in ("__str__", "__repr__"):
        return Method(NATIVES[f"object.{name}"], sup.obj)
    if name == "run" and native is not None and not isinstance(native, ExceptionClass):
        return Method(NATIVES["Thread.run"], sup.obj)
    raise fail("AttributeError", f"'super' object has no attribute '{name}'")


def set_value(m: Machine, th: Thread, obj: Any, name: str, value: Any) -> bool:
    """`obj.name = value` for a program's object or class; False when the object's
    built-in part must take it (a thread's name or daemon flag)."""
    if isinstance(obj, UserClass):
        obj.attrs[name] = value
        return True
    cls = class_of(obj)
    if isinstance(obj, ThreadHandle) and name in THREAD_STATE:
        return False
    if cls is not None:
        found = cls.lookup(name)
        if isinstance(found, Property):
            if found.fset is None:
                raise fail("AttributeError", f"property '{name}' of '{cls.name}' object has "
                                             f"no setter")
            _call_now(m, th, found.fset, [obj, value])
            return True
    attrs = own_attrs(obj)
    if attrs is None:
        return False
    attrs[name] = value
    return True


def _call_now(m: Machine, th: Thread, fn: Any, args: list[Any]) -> Any:
    from .nested import call_now  # nested imports calls, which imports this module

    return call_now(m, th, fn, args)


# -- making objects ----------------------------------------------------------------------------


def construct(m: Machine, th: Thread, cls: UserClass, args: list[Any],
              kwargs: dict[str, Any]) -> tuple[bool, Any]:
    """`cls(*args, **kwargs)`: (True, the object) when it is made at once, (False, None)
    when a frame was pushed that runs `__init__` and returns the object."""
    new = cls.lookup("__new__")
    if isinstance(new, Function | StaticMethod):  # the program's own __new__ runs first
        from .machine import Frame

        frame = Frame(_new_code(), {".cls": cls, ".args": args, ".kwargs": kwargs}, None)
        frame.stack.extend([new.fn if isinstance(new, StaticMethod) else new, cls, *args])
        th.frames.append(frame)
        return False, None
    obj = bare(m, th, cls)
    if isinstance(obj, SimException):  # BaseException.__new__ keeps the arguments
        object.__setattr__(obj, "args", tuple(args))
    init = cls.lookup("__init__")
    if isinstance(init, Function):
        th.frames.append(_init_frame(init, obj, args, kwargs))
        return False, None
    if init is MISSING and cls.fields is not None:
        _dataclass_init(m, th, cls, obj, args, kwargs)
    elif init is MISSING:
        _native_construct(m, th, cls, obj, args, kwargs)
    else:
        from .calls import call_value  # calls imports this module

        call_value(m, th, init, [obj, *args], kwargs)
    _built(obj)
    return True, obj


def bare(m: Machine, th: Thread, cls: UserClass) -> Any:
    """`object.__new__(cls)`: an object of `cls` with no attributes yet (an exception's or a
    thread's built-in part made too)."""
    native = cls.native
    if isinstance(native, ExceptionClass):
        return SimException(cls.name, (), cls, {})
    if native is not None:
        handle = m.new_thread(th, "", None, (), {}, None).handle
        handle.cls = cls
        handle.building = True
        return handle
    m.serial += 1
    return Instance(cls, m.serial)


def _object_new(m: Machine, th: Thread, cls: Any = None, *args: Any, **kwargs: Any) -> Any:
    if not isinstance(cls, UserClass):
        raise fail("TypeError", "object.__new__(X): X is not a type object "
                                f"({type_name(cls)})")
    obj = bare(m, th, cls)
    if isinstance(obj, SimException):
        object.__setattr__(obj, "args", tuple(args))
    return obj


def _built(obj: Any) -> None:
    if isinstance(obj, Instance | ThreadHandle):
        obj.building = False


def _native_construct(m: Machine, th: Thread, cls: UserClass, obj: Any, args: list[Any],
                      kwargs: dict[str, Any]) -> None:
    native = cls.native
    if isinstance(native, ExceptionClass):
        if kwargs:
            raise fail("TypeError", f"{cls.name}() takes no keyword arguments")
        return
    if native is not None:
        _thread_init(m, th, obj, *args, **kwargs)
        return
    if args or kwargs:
        raise fail("TypeError", f"{cls.name}() takes no arguments")


def _init_frame(init: Function, obj: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
    from .machine import Frame

    frame = Frame(_init_code(), {".self": obj, ".kwargs": kwargs}, None)
    frame.stack.extend([init, obj, *args])
    return frame


@cache
def _init_code() -> Code:
    """Calls `__init__(obj, *args)` and returns the object, as `type.__call__` does."""
    from . import instructions as ops
    from .calls import push_frame

    def call_init(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        init, *args = f.stack
        f.stack.clear()
        f.pc += 1
        push_frame(m, th, init, args, f.locals[".kwargs"])

    def finish(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        result = f.stack.pop()
        if result is not None:
            raise fail("TypeError", f"__init__() should return None, not "
                                    f"'{type_name(result)}'")
        obj = f.locals[".self"]
        _built(obj)
        f.stack.append(obj)
        f.pc += 1

    code = Code("<init>", ())
    code.instrs.append(Instr("CALL_INIT", None, 0, 0, call_init))
    code.instrs.append(Instr("END_INIT", None, 0, 0, finish))
    code.instrs.append(ops.ret(0, 0))
    return code


@cache
def _new_code() -> Code:
    """Calls the class's `__new__(cls, *args)`, then, if it gave an object of the class, its
    `__init__(obj, *args)`; returns the object, as `type.__call__` does."""
    from .calls import call_value, push_frame

    def call_new(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        new, *args = f.stack
        f.stack.clear()
        f.pc += 1
        returned, result, _ = call_value(m, th, new, args, f.locals[".kwargs"])
        if returned:
            f.stack.append(result)

    def call_init(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        obj = f.locals[".self"] = f.stack.pop()
        cls = f.locals[".cls"]
        f.pc += 1
        own = class_of(obj)
        init = cls.lookup("__init__")
        if own is None or cls not in own.mro or not isinstance(init, Function):
            f.stack.append(None)  # CPython calls no __init__ on what is not a cls
            return
        push_frame(m, th, init, [obj, *f.locals[".args"]], f.locals[".kwargs"])

    code = Code("<new>", ())
    code.instrs.append(Instr("CALL_NEW", None, 0, 0, call_new))
    code.instrs.append(Instr("CALL_INIT", None, 0, 0, call_init))
    code.instrs.extend(_init_code().instrs[1:])  # END_INIT, RETURN
    return code


# -- the built-in classes' methods a program's class inherits --------------------------------


def _native(owner: str, name: str, fn: Any) -> Builtin:
    return Builtin(name, fn, module=owner)


def native_init(native: Any) -> Builtin:
    """`Base.__init__` for the built-in a class derives from, taking the object first."""
    if isinstance(native, ExceptionClass):
        return NATIVES["BaseException.__init__"]
    if native is not None:
        return NATIVES["Thread.__init__"]
    return NATIVES["object.__init__"]


def _exception_init(m: Machine, th: Thread, obj: Any, *args: Any, **kwargs: Any) -> None:
    if kwargs:
        raise fail("TypeError", f"{type_label(obj)}() takes no keyword arguments")
    if isinstance(obj, SimException):
        object.__setattr__(obj, "args", tuple(args))


def _object_init(m: Machine, th: Thread, obj: Any, *args: Any, **kwargs: Any) -> None:
    if args or kwargs:
        raise fail("TypeError", "object.__init__() takes exactly one argument (the instance "
                                "to initialize)")


def _thread_init(m: Machine, th: Thread, obj: Any, group: Any = None, target: Any = None,
                 name: Any = None, args: Any = (), kwargs: Any = None, *,
                 daemon: Any = None) -> None:
    """`threading.Thread.__init__`, on an object of a Thread subclass."""
    from .machine import _callable_name

    if not isinstance(obj, ThreadHandle):
        raise fail("TypeError", f"descriptor '__init__' requires a 'Thread' object but "
                                f"received a '{type_label(obj)}'")
    if group is not None:
        raise fail("AssertionError", "group argument must be None for now")
    record = m.threads[obj.tid]
    if name is None:
        m.unnamed += 1
        name = f"Thread-{m.unnamed}"
        target_name = _callable_name(target)
        if target_name is not None:
            name += f" ({target_name})"
    record.name = obj.name = str(name)
    record.target, record.args, record.kwargs = target, args, dict(kwargs or {})
    if daemon is not None:
        record.daemon = bool(daemon)


def initialized(handle: ThreadHandle) -> bool:
    """Whether `Thread.__init__` ran on a thread object (its name is set then)."""
    return handle.name != ""


def _thread_run(m: Machine, th: Thread, obj: Any) -> None:
    raise fail("RuntimeError", "super().run() is not supported: call the target yourself")


def _native_text(which: str) -> Any:
    def text(m: Machine, th: Thread, obj: Any) -> str:
        from .special import default_repr
        from .values import display

        if isinstance(obj, SimException):
            return display(SimException(obj.type, obj.args)) if which == "__str__" else (
                f"{obj.type}({', '.join(map(repr, obj.args))})")
        return default_repr(obj)
    return text


# -- @dataclass --------------------------------------------------------------------------------


def _dataclass_init(m: Machine, th: Thread, cls: UserClass, obj: Any, args: list[Any],
                    kwargs: dict[str, Any]) -> None:
    """The `__init__` @dataclass writes: one parameter per field, in order."""
    fields = list(cls.fields or ())
    names = [f[0] for f in fields]
    if len(args) > len(names):
        raise fail("TypeError", f"{cls.name}.__init__() takes {len(names) + 1} positional "
                                f"arguments but {len(args) + 1} were given")
    values = dict(zip(names, args, strict=False))
    for key, value in kwargs.items():
        if key not in names:
            raise fail("TypeError", f"{cls.name}.__init__() got an unexpected keyword "
                                    f"argument '{key}'")
        if key in values:
            raise fail("TypeError", f"{cls.name}.__init__() got multiple values for "
                                    f"argument '{key}'")
        values[key] = value
    missing = [n for n, default, factory, _ in fields
               if n not in values and default is MISSING and factory is None]
    if missing:
        listed = " and ".join(f"'{n}'" for n in missing) if len(missing) <= 2 else (
            ", ".join(f"'{n}'" for n in missing[:-1]) + f", and '{missing[-1]}'")
        raise fail("TypeError", f"{cls.name}.__init__() missing {len(missing)} required "
                                f"positional argument{'s' if len(missing) > 1 else ''}: "
                                f"{listed}")
    for name, default, factory, _ in fields:
        if name in values:
            value = values[name]
        elif factory is not None:
            value = _call_now(m, th, factory, [])
        else:
            value = default
        obj.attrs[name] = value


def dataclass_fields(cls: UserClass) -> tuple[tuple[str, Any, Any, bool], ...]:
    """The fields @dataclass finds: the bases' first, then the class's annotated names,
    with their defaults (a `field(...)` in the body gives a factory or hides it from repr)."""
    found: dict[str, tuple[str, Any, Any, bool]] = {}
    for base in reversed(cls.mro[1:]):
        if isinstance(base, UserClass) and base.fields is not None:
            found.update((f[0], f) for f in base.fields)
    for name in cls.annotations:
        default = cls.attrs.get(name, MISSING)
        if isinstance(default, Field):
            found[name] = (name, default.default, default.factory, default.repr)
            if default.default is MISSING:
                cls.attrs.pop(name)
            else:
                cls.attrs[name] = default.default
        else:
            found[name] = (name, default, None, True)
    fields = tuple(found.values())
    seen_default = False
    for name, default, factory, _ in fields:
        if default is not MISSING or factory is not None:
            seen_default = True
        elif seen_default:
            raise fail("TypeError", f"non-default argument '{name}' follows default argument")
    return fields


# -- text --------------------------------------------------------------------------------------


def describe(value: Any, strict: bool) -> str | None:
    """`repr(value)` for a class, an object of one, a bound method…; None for other values.
    `strict` (the program's own repr) runs the class's `__repr__`; the server's never does."""
    from .special import default_repr, text_of
    from .values import quoted, represent

    if isinstance(value, Instance):
        text = text_of(value, "__repr__") if strict else None
        if text is not None:
            return text
        fields = value.cls.fields
        if fields is None or value.building:
            return default_repr(value)
        show = quoted if strict else represent
        parts = (f"{name}={show(value.attrs.get(name))}" for name, _, _, shown in fields
                 if shown)
        return f"{value.cls.qualname}({', '.join(parts)})"
    if isinstance(value, UserClass):
        return f"<class '__main__.{value.qualname}'>"
    if isinstance(value, Method):
        fn = value.fn
        name = fn.code.qualname if isinstance(fn, Function) else getattr(fn, "name", "?")
        return f"<bound method {name}>"
    if isinstance(value, Super):
        return f"<super: <class '{value.owner.name}'>, <{type_label(value.obj)} object>>"
    if isinstance(value, StaticMethod | ClassMethod | Property):
        return f"<{type_name(value)} object>"
    if isinstance(value, Field):
        return "Field(...)"
    return None


#: The built-in classes' methods a program's object may reach through `super()` or
#: `Base.__init__`, by key (snapshots name them by it).
NATIVES: dict[str, Builtin] = {b.key: b for b in (
    _native("BaseException", "__init__", _exception_init),
    _native("Thread", "__init__", _thread_init),
    _native("Thread", "run", _thread_run),
    _native("object", "__init__", _object_init),
    _native("object", "__new__", _object_new),
    _native("object", "__str__", _native_text("__str__")),
    _native("object", "__repr__", _native_text("__repr__")),
)}
