"""What a program does with its classes and their objects: making one (`Account(100)`),
reading, writing and calling its attributes, `super()`, and the built-in parts its class
derives from (`threading.Thread.__init__`, `BaseException.__init__`, `object.__init__`).

Only names the object or its class holds are found: an attribute a program reads is looked
up in the object's `attrs` and its classes' namespaces, never on a host object.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from . import (
    protocols,  # noqa: F401  (installs the operators on Instance)
    records,
)
from .builtin import OBJECT, Builtin
from .classes import (
    MISSING,
    CachedProperty,
    ClassMethod,
    Field,
    Instance,
    Method,
    Property,
    StaticMethod,
    Super,
    UserClass,
    abstract_error,
    class_of,
    data_descriptor,
    descriptor_method,
    is_instance,
    own_attrs,
)
from .code import Code, Instr
from .generators import PUSHED
from .machine import RUNNING, Frame, push_frame
from .nested import call_now
from .returns import ret
from .special import default_repr, text_of
from .stdlib.enum import by_value, members_map
from .threadlocal import LocalInstance, enter, is_local_class
from .threadstate import ALIVE, NEW
from .upcalls import PENDING, UP
from .values import (
    EXCEPTION_BASES,
    OWN_REPRS,
    ExceptionClass,
    Function,
    LibraryObject,
    MethodDescriptor,
    Partial,
    SimException,
    ThreadHandle,
    TypeValue,
    display,
    fail,
    mappingproxy,
    quoted,
    represent,
    type_name,
)

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
        found = _from_class(obj, name)
        getter = descriptor_method(found, "__get__")  # `Order.qty`: __get__(None, Order)
        return found if getter is None else call_now(m, th, getter, [found, None, obj])
    if type(obj) is LocalInstance:
        enter(m, th, obj)
    cls = class_of(obj)
    if isinstance(obj, ThreadHandle) and name in THREAD_STATE:
        return MISSING
    attrs = own_attrs(obj)
    if cls is not None and name == "__class__":  # no entry in `__dict__` can hide it
        return cls
    found = cls.lookup(name) if cls is not None else MISSING
    if isinstance(found, Property):
        return call_now(m, th, found.fget, [obj])
    getter = descriptor_method(found, "__get__")
    if getter is not None and (data_descriptor(found) or attrs is None or name not in attrs):
        return call_now(m, th, getter, [found, obj, cls])
    if attrs is not None and name in attrs:
        return attrs[name]
    if isinstance(found, CachedProperty) and attrs is not None:
        attrs[name] = value = call_now(m, th, found.fn, [obj])
        return value
    if found is not MISSING and cls is not None:  # (found is MISSING without a class)
        return bind(found, obj, cls)
    if attrs is not None and name == "__dict__" and (cls is None or cls.slots is None):
        return attrs  # live, as CPython's: `self.__dict__.update(kwargs)` sets attributes
    return MISSING


def _from_class(cls: UserClass, name: str) -> Any:
    if name == "__doc__":  # a class's own docstring: not inherited
        return cls.attrs.get(name)
    found = cls.lookup(name)
    if found is MISSING:
        if name in _CLASS_FACTS:
            return _CLASS_FACTS[name](cls)
        if name == "__init__":
            return native_init(cls.native)
        raise fail("AttributeError", f"type object '{cls.name}' has no attribute '{name}'")
    if isinstance(found, StaticMethod):
        return found.fn
    if isinstance(found, ClassMethod):
        return Method(found.fn, cls)
    return found


def _mro(cls: UserClass) -> tuple[Any, ...]:
    """`cls.__mro__`: its classes, the built-in ones it derives from, and `object`."""
    mro = list(cls.mro)
    native = cls.native
    if isinstance(native, ExceptionClass):
        base = EXCEPTION_BASES.get(native.name)
        while base is not None:
            mro.append(ExceptionClass(base))
            base = EXCEPTION_BASES.get(base)
    return (*mro, OBJECT)


def _bases(cls: UserClass) -> tuple[Any, ...]:
    return cls.bases or (OBJECT,)


def _metaclass(cls: UserClass) -> TypeValue:
    """A class's own class: `type`."""
    return TypeValue("type")


def class_dict(cls: UserClass) -> mappingproxy:
    """`cls.__dict__`, `vars(cls)`: a read-only copy of the names its body made, after its
    module and docstring, as CPython's begins (its own entries for `__dict__` and
    `__weakref__`, descriptors of the interpreter's, are left out)."""
    return mappingproxy({"__module__": "__main__", "__doc__": None, **cls.attrs})


#: What a class tells of itself besides its namespace (`Worker.__name__`, `__mro__`).
_CLASS_FACTS = {"__name__": lambda cls: cls.name, "__qualname__": lambda cls: cls.qualname,
                "__module__": lambda cls: "__main__", "__mro__": _mro, "__bases__": _bases,
                "__members__": members_map, "__dict__": class_dict,
                "__class__": _metaclass}


def bind(found: Any, obj: Any, cls: UserClass) -> Any:
    """A class attribute as seen through an object: functions bound to it."""
    if isinstance(found, Function) or isinstance(found, LibraryObject) and found.BINDS:
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
                return call_now(m, th, found.fget, [sup.obj])
            return bind(found, sup.obj, cls)
        if name == "__init__" and isinstance(base, UserClass) and base.fields is not None:
            # the `__init__` @dataclass wrote for the base (records.init)
            return Method(Partial(NATIVES["dataclass.__init__"], (base,), {}), sup.obj)
    native = cls.native
    if name == "__init__":
        return Method(native_init(native), sup.obj)
    if name == "__new__":
        return NATIVES["object.__new__"]
    if name in ("__str__", "__repr__", "__init_subclass__", "__setattr__", "__delattr__"):
        return Method(NATIVES[f"object.{name}"], sup.obj)
    if name == "run" and native is not None and not isinstance(native, ExceptionClass):
        return Method(NATIVES["Thread.run"], sup.obj)
    if name in _THREAD_METHODS and native is not None and not isinstance(native,
                                                                         ExceptionClass):
        return Method(MethodDescriptor("Thread", name), sup.obj)  # `super().join()`
    raise fail("AttributeError", f"'super' object has no attribute '{name}'")


#: Thread's methods a subclass reaches through super() (`super().join(timeout)`).
_THREAD_METHODS = frozenset({"start", "join", "is_alive", "getName", "setName", "isDaemon",
                             "setDaemon"})


def set_value(m: Machine, th: Thread, obj: Any, name: str, value: Any) -> bool:
    """`obj.name = value` for a program's object or class; False when the object's
    built-in part must take it (a thread's name or daemon flag)."""
    if isinstance(obj, UserClass):
        obj.attrs[name] = value
        return True
    if type(obj) is LocalInstance:
        enter(m, th, obj)
    cls = class_of(obj)
    if isinstance(obj, ThreadHandle) and name in THREAD_STATE:
        return False
    if cls is not None:
        if cls.frozen:
            raise records.frozen_error(name)
        if name in ("name", "value") and "enum" in cls.options:  # Enum's own properties
            raise fail("AttributeError", f"<enum 'Enum'> cannot set attribute '{name}'")
        found = cls.lookup(name)
        setter = descriptor_method(found, "__set__")
        if setter is not None:  # a data descriptor in the class takes the assignment
            call_now(m, th, setter, [found, obj, value])
            return True
        if cls.slots is not None and name not in cls.slots and not isinstance(
                found, Property) and type(obj) is not LocalInstance:
            if found is MISSING:
                raise fail("AttributeError", f"'{cls.name}' object has no attribute '{name}' "
                                             f"and no __dict__ for setting new attributes")
            raise fail("AttributeError", f"'{cls.name}' object attribute '{name}' is "
                                         f"read-only")
        if isinstance(found, Property):
            if found.fset is None:
                raise fail("AttributeError", f"property '{name}' of '{cls.name}' object has "
                                             f"no setter")
            call_now(m, th, found.fset, [obj, value])
            return True
    attrs = own_attrs(obj)
    if attrs is None:
        return False
    attrs[name] = value
    return True


def delete(m: Machine, th: Thread, obj: Any, name: str) -> None:
    """`del obj.name` (and `delattr`) for a program's object or class."""
    if isinstance(obj, UserClass):
        if name not in obj.attrs:
            raise fail("AttributeError", f"type object '{obj.name}' has no attribute "
                                         f"'{name}'")
        del obj.attrs[name]
        return
    if type(obj) is LocalInstance:
        enter(m, th, obj)
    cls = class_of(obj)
    if cls is not None and cls.frozen:
        raise fail("FrozenInstanceError", f"cannot delete field '{name}'")
    found = cls.lookup(name) if cls is not None else MISSING
    deleter = descriptor_method(found, "__delete__")
    if deleter is not None:  # a data descriptor in the class takes the `del`
        call_now(m, th, deleter, [found, obj])
        return
    if isinstance(found, Property):
        if found.fdel is None:
            raise fail("AttributeError", f"property '{name}' of '{type_label(obj)}' object has "
                                         f"no deleter")
        call_now(m, th, found.fdel, [obj])
        return
    attrs = own_attrs(obj)
    if attrs is None or name not in attrs or (
            isinstance(obj, ThreadHandle) and name in THREAD_STATE):
        label = cls.name if cls is not None else type_label(obj)
        raise fail("AttributeError", f"'{label}' object has no attribute '{name}'")
    del attrs[name]


def property_function(obj: Any, name: str, which: str) -> Function | None:
    """The getter (`which` "fget") or setter ("fset") of the property `name` of `obj`'s
    class, when it is a function of the program's: GET_ATTR and SET_ATTR call it as
    the thread's own call, so a lock it takes may wait like any other."""
    cls = class_of(obj)
    if cls is None or name not in cls.properties:
        return None
    found = cls.lookup(name)
    fn = getattr(found, which, None) if isinstance(found, Property) else None
    return fn if isinstance(fn, Function) and not fn.code.generator else None


def drop_result(m: Machine, th: Thread) -> None:
    """A frame's `cleanup` that makes its RETURN drop the value (a property's setter)."""


# -- making objects ----------------------------------------------------------------------------


def construct(m: Machine, th: Thread, cls: UserClass, args: list[Any],
              kwargs: dict[str, Any]) -> tuple[bool, Any]:
    """`cls(*args, **kwargs)`: (True, the object) when it is made at once, (False, None)
    when a frame was pushed that runs `__init__` and returns the object."""
    if cls.abstract:
        raise abstract_error(cls)
    if "enum" in cls.options:
        if not args and not kwargs:
            raise fail("TypeError", "EnumType.__call__() missing 1 required positional "
                                    "argument: 'value'")
        if len(args) != 1 or kwargs:
            raise fail("TypeError", f"{cls.name}() takes exactly one argument here (the "
                                    f"value of a member)")
        return True, by_value(cls, args[0])
    new = cls.lookup("__new__")
    if isinstance(new, StaticMethod) and isinstance(new.fn, Function):
        th.frames.append(_init_frame(new.fn, cls, args, kwargs, _new_code()))
        return False, None
    obj = _blank(m, th, cls, args, kwargs)
    init = cls.lookup("__init__")
    if isinstance(init, Function):
        th.frames.append(_init_frame(init, obj, args, kwargs))
        return False, None
    if init is MISSING and cls.fields is not None:
        records.init(m, th, cls, obj, args, kwargs)
    elif init is MISSING:
        _native_construct(m, th, cls, obj, args, kwargs)
    else:
        UP.call_value(m, th, init, [obj, *args], kwargs)
    _built(obj)
    return True, obj


def _blank(m: Machine, th: Thread, cls: UserClass, args: Any = (),
           kwargs: dict[str, Any] | None = None) -> Any:
    """A new object of `cls`, its `__init__` not run yet (what `object.__new__` makes)."""
    native = cls.native
    if isinstance(native, ExceptionClass):
        return SimException(cls.name, tuple(args), cls, {})
    if is_local_class(native):
        m.serial += 1
        return LocalInstance(cls, m.serial, th.tid, list(args), kwargs or {})
    if native is not None:
        obj = m.new_thread(th, "", None, (), {}, None).handle
        obj.cls = cls
        obj.building = True
        return obj
    m.serial += 1
    return Instance(cls, m.serial)


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
        native_init(native).fn(m, th, obj, *args, **kwargs)
        return
    if args or kwargs:
        raise fail("TypeError", f"{cls.name}() takes no arguments")


def _init_frame(init: Function, obj: Any, args: list[Any], kwargs: dict[str, Any],
                code: Code | None = None) -> Any:
    """The frame of `type.__call__`: `code` (the `__init__` call, or with a `__new__` of the
    class's, `_new_code`) with the callee, its first argument and the arguments stacked."""
    frame = Frame(code or _init_code(), {".self": obj, ".kwargs": kwargs, ".cls": obj,
                                         ".args": list(args)}, None)
    frame.stack.extend([init, obj, *args])
    return frame


def _call_init(m: Machine, th: Thread) -> None:
    f = th.frames[-1]
    init, *args = f.stack
    f.stack.clear()
    f.pc += 1
    push_frame(m, th, init, args, f.locals[".kwargs"])


@cache
def _new_code() -> Code:
    """`cls(*args)` for a class with its own `__new__`: its result, and `__init__` run on it
    when it is an object of `cls` (as `type.__call__` does)."""
    def after_new(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        obj = f.stack.pop()
        cls, args, kwargs = f.locals[".cls"], f.locals[".args"], f.locals[".kwargs"]
        f.locals[".self"] = obj
        f.pc += 1
        init = cls.lookup("__init__")
        if not is_instance(obj, cls):
            f.pc = 3  # RETURN obj itself, no __init__
            f.stack.append(obj)
            return
        if isinstance(init, Function):
            push_frame(m, th, init, [obj, *args], kwargs)
            return
        if init is MISSING and cls.fields is not None:
            records.init(m, th, cls, obj, args, kwargs)
        f.stack.append(None)

    init_code = _init_code()
    code = Code("<new>", ())
    code.instrs.append(Instr("CALL_NEW", None, 0, 0, _call_init))
    code.instrs.append(Instr("INIT_NEW", None, 0, 0, after_new))
    code.instrs.extend(init_code.instrs[1:])  # END_INIT, RETURN
    return code


@cache
def _init_code() -> Code:
    """Calls `__init__(obj, *args)` and returns the object, as `type.__call__` does."""
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
    code.instrs.append(Instr("CALL_INIT", None, 0, 0, _call_init))
    code.instrs.append(Instr("END_INIT", None, 0, 0, finish))
    code.instrs.append(ret(0, 0))
    return code


# -- the built-in classes' methods a program's class inherits --------------------------------


def _native(owner: str, name: str, fn: Any) -> Builtin:
    return Builtin(name, fn, module=owner)


def _dataclass_init(m: Machine, th: Thread, cls: UserClass, obj: Any, *args: Any,
                    **kwargs: Any) -> None:
    records.init(m, th, cls, obj, list(args), kwargs)


def native_init(native: Any) -> Builtin:
    """`Base.__init__` for the built-in a class derives from, taking the object first."""
    if isinstance(native, ExceptionClass):
        return NATIVES["BaseException.__init__"]
    if native is not None and not is_local_class(native):
        return NATIVES["Timer.__init__" if native.key == "threading.Timer" else "Thread.__init__"]
    return NATIVES["object.__init__"]


def _exception_init(m: Machine, th: Thread, obj: Any, *args: Any, **kwargs: Any) -> None:
    if kwargs:
        raise fail("TypeError", f"{type_label(obj)}() takes no keyword arguments")
    if isinstance(obj, SimException):
        object.__setattr__(obj, "args", tuple(args))


def _object_new(m: Machine, th: Thread, cls: Any = None, *args: Any, **kwargs: Any) -> Any:
    """`object.__new__(cls)`: a new object of the program's class `cls`."""
    if not isinstance(cls, UserClass):
        raise fail("TypeError", f"object.__new__(X): X is not a type object "
                                f"({type_label(cls)})")
    if cls.abstract:
        raise abstract_error(cls)
    if (args or kwargs) and cls.lookup("__init__") is MISSING:
        raise fail("TypeError", f"{cls.name}() takes no arguments")
    return _blank(m, th, cls, args)


def _object_init(m: Machine, th: Thread, obj: Any, *args: Any, **kwargs: Any) -> None:
    if args or kwargs:
        raise fail("TypeError", "object.__init__() takes exactly one argument (the instance "
                                "to initialize)")


def _object_init_subclass(m: Machine, th: Thread, cls: Any, *args: Any, **kwargs: Any
                           ) -> None:
    """`object.__init_subclass__`, which a hook's `super().__init_subclass__()` reaches:
    nothing to do, and no arguments to take."""
    if kwargs:
        raise fail("TypeError", f"{cls.name}.__init_subclass__() takes no keyword arguments")
    if args:
        raise fail("TypeError", f"{cls.name}.__init_subclass__() takes no arguments "
                                f"({len(args)} given)")


def set_thread_state(m: Machine, obj: ThreadHandle, name: str, value: Any) -> None:
    """`t.name = …`, `t.daemon = …` (before it starts): the thread's own state."""
    target = m.threads[obj.tid]
    if name == "daemon":
        if target.state != NEW:
            raise fail("RuntimeError", "cannot set daemon status of active thread")
        target.daemon = value
    elif name == "name":
        target.name = obj.name = display(value)  # CPython: str(name)
    else:  # ident, native_id
        raise fail("AttributeError", f"property '{name}' of 'Thread' object has no setter")


def _object_setattr(m: Machine, th: Thread, obj: Any, name: Any, value: Any) -> None:
    """`object.__setattr__(obj, name, value)`, which a class's own `__setattr__` calls to
    store the value: set as if the class had none."""
    if not isinstance(name, str):
        raise fail("TypeError", f"attribute name must be string, not '{type_label(name)}'")
    if not set_value(m, th, obj, name, value):  # a thread's name or daemon flag
        set_thread_state(m, obj, name, value)


def _object_delattr(m: Machine, th: Thread, obj: Any, name: Any) -> None:
    """`object.__delattr__(obj, name)`, as `object.__setattr__`."""
    if not isinstance(name, str):
        raise fail("TypeError", f"attribute name must be string, not '{type_label(name)}'")
    delete(m, th, obj, name)


def set_names(m: Machine, th: Thread, cls: UserClass) -> None:
    """`__set_name__(owner, name)` of each descriptor a new class's body made, in order, as
    CPython's `type.__new__` calls it (before `__init_subclass__`)."""
    for name, value in list(cls.attrs.items()):
        hook = descriptor_method(value, "__set_name__")
        if hook is not None:
            call_now(m, th, hook, [value, cls, name])


def init_subclass(m: Machine, th: Thread, cls: UserClass,
                  kwargs: dict[str, Any] | None = None) -> None:
    """A new class's bases' `__init_subclass__` hook, called with the class (implicitly a
    classmethod, as in CPython) and the class statement's keywords, inside the step that
    made the class. `object`'s takes no keywords."""
    for base in cls.mro[1:]:
        if isinstance(base, UserClass) and "__init_subclass__" in base.attrs:
            hook = base.attrs["__init_subclass__"]
            call_now(m, th, hook.fn if isinstance(hook, ClassMethod) else hook, [cls],
                     kwargs)
            return
    if kwargs:
        raise fail("TypeError", f"{cls.name}.__init_subclass__() takes no keyword arguments")


def _thread_init(m: Machine, th: Thread, obj: Any, group: Any = None, target: Any = None,
                 name: Any = None, args: Any = (), kwargs: Any = None, *,
                 daemon: Any = None) -> None:
    """`threading.Thread.__init__`, on an object of a Thread subclass."""
    if not isinstance(obj, ThreadHandle):
        raise fail("TypeError", f"descriptor '__init__' requires a 'Thread' object but "
                                f"received a '{type_label(obj)}'")
    if group is not None:
        raise fail("AssertionError", "group argument must be None for now")
    record = m.threads[obj.tid]
    if name is None:
        name = m.default_name(target)
    record.name = obj.name = str(name)
    record.target, record.args, record.kwargs = target, args, dict(kwargs or {})
    obj.attrs.update(_target=target, _args=args, _kwargs=record.kwargs)
    if daemon is not None:
        record.daemon = bool(daemon)


def initialized(handle: ThreadHandle) -> bool:
    """Whether `Thread.__init__` ran on a thread object (its name is set then)."""
    return handle.name != ""


def _thread_run(m: Machine, th: Thread, obj: Any) -> Any:
    """`Thread.run(self)` (`super().run()` in a subclass's run): calls the target given to
    `Thread.__init__` (`self._target`) with `self._args`, `self._kwargs`, returns None and
    deletes the three, as Lib/threading.py does. Its frame runs the call (it may wait)."""
    if not isinstance(obj, ThreadHandle):
        raise fail("TypeError", f"descriptor 'run' for 'Thread' objects doesn't apply to a "
                                f"'{type_label(obj)}' object")
    record = m.threads[obj.tid]
    if "_target" not in obj.attrs and obj.cls is None:  # not a subclass's: in its record
        obj.attrs.update(_target=record.target, _args=record.args, _kwargs=record.kwargs)
    if record.state == NEW:  # run() before start(): start() then finds _target deleted
        record.target, record.args, record.kwargs = NATIVES["Thread.gone"], (), {}
    target = obj.attrs.get("_target")
    if target is None:
        for name in ("_target", "_args", "_kwargs"):
            obj.attrs.pop(name, None)
        return None
    frame = Frame(_run_code(), {".self": obj, ".kwargs": obj.attrs.get("_kwargs") or {}},
                  None)
    frame.stack.extend([target, *(obj.attrs.get("_args") or ())])
    th.frames.append(frame)
    return PUSHED


def _target_gone(m: Machine, th: Thread) -> None:
    """What a thread whose `run()` was called before `start()` runs: CPython's run has
    deleted `_target` by then."""
    raise fail("AttributeError", "'Thread' object has no attribute '_target'")


@cache
def _run_code() -> Code:
    def call_target(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        target, *args = f.stack
        f.stack.clear()
        f.pc += 1
        returned, result, _ = UP.call_value(m, th, target, args, f.locals[".kwargs"])
        if result is PENDING:
            raise fail("RuntimeError", "a target that waits cannot run from Thread.run() "
                                       "in this simulator")
        if returned:
            f.stack.append(result)

    def finish(m: Machine, th: Thread) -> None:
        f = th.frames[-1]
        f.stack.pop()
        for name in ("_target", "_args", "_kwargs"):
            f.locals[".self"].attrs.pop(name, None)
        f.stack.append(None)
        f.pc += 1

    code = Code("<Thread.run>", ())
    code.instrs.append(Instr("CALL_TARGET", None, 0, 0, call_target))
    code.instrs.append(Instr("END_RUN", None, 0, 0, finish))
    code.instrs.append(ret(0, 0))
    return code


def super_finds(sup: Super, name: str) -> bool:
    """Whether `super().name` is found in one of the program's classes."""
    cls = class_of(sup.obj)
    if cls is None or sup.owner not in cls.mro:
        return False
    return any(isinstance(base, UserClass) and name in base.attrs
               for base in cls.mro[cls.mro.index(sup.owner) + 1:])


def _native_text(which: str) -> Any:
    def text(m: Machine, th: Thread, obj: Any) -> str:
        if isinstance(obj, SimException):
            return display(SimException(obj.type, obj.args)) if which == "__str__" else (
                f"{obj.type}({', '.join(map(repr, obj.args))})")
        return default_repr(obj)
    return text


# -- text --------------------------------------------------------------------------------------


def describe(value: Any, strict: bool) -> str | None:
    """`repr(value)` for a class, an object of one, a bound method…; None for other values.
    `strict` (the program's own repr) runs the class's `__repr__`; the server's never does."""
    if isinstance(value, Instance):
        text = text_of(value, "__repr__") if strict else None
        if text is not None:
            return text
        fields = value.cls.fields
        if fields is None or value.building or "repr" not in value.cls.options:
            return default_repr(value)
        show = quoted if strict else represent
        parts = (f"{f.name}={show(value.attrs.get(f.name))}" for f in fields if f.repr)
        return f"{value.cls.qualname}({', '.join(parts)})"
    if isinstance(value, ThreadHandle):
        own = text_of(value, "__repr__") if value.cls is not None and strict else None
        return own if own is not None else _thread_repr(value)  # a subclass's own, if any
    if isinstance(value, UserClass):
        if "enum" in value.options:  # EnumType's repr
            return f"<{'flag' if 'flag' in value.options else 'enum'} {value.name!r}>"
        return f"<class '{value.attrs.get('__module__', '__main__')}.{value.qualname}'>"
    if isinstance(value, Method):
        fn = value.fn
        name = fn.code.qualname if isinstance(fn, Function) else getattr(fn, "name", "?")
        owner = (quoted if strict else represent)(value.obj)
        return f"<bound method {name} of {owner}>"
    if isinstance(value, Super):
        return f"<super: <class '{value.owner.name}'>, <{type_label(value.obj)} object>>"
    if isinstance(value, StaticMethod | ClassMethod | Property):
        return f"<{type_name(value)} object>"
    if isinstance(value, Field):
        return "Field(...)"
    return None


def _thread_repr(handle: ThreadHandle) -> str:
    """`Thread.__repr__`: `<Thread(Thread-1 (worker), started daemon 1)>`, its state read
    from the machine whose step shows it (`machine.showing`); with no step running (the
    page describing a value), its name only."""
    running = RUNNING.get()
    if running is None:
        return f"<{type_name(handle)}({handle.name})>"
    target = running[0].threads[handle.tid]
    status = _STATUS.get(target.state, "stopped")
    if target.daemon:
        status += " daemon"
    if target.state != NEW:
        status += f" {handle.tid}"  # its ident, as `t.ident` reads it
    kind = type_name(handle)
    if handle.cls is None and getattr(getattr(target.target, "code", None), "name",
                                      None) == "Timer.run":
        kind = "Timer"  # `threading.Timer(…)`: its thread runs Timer's run
    return f"<{kind}({target.name}, {status})>"


_STATUS = {NEW: "initial", ALIVE: "started"}


#: The built-in classes' methods a program's object may reach through `super()` or
#: `Base.__init__`, by key (snapshots name them by it).
NATIVES: dict[str, Builtin] = {b.key: b for b in (
    _native("BaseException", "__init__", _exception_init),
    _native("Thread", "__init__", _thread_init),
    _native("Thread", "run", _thread_run),
    _native("Thread", "gone", _target_gone),
    _native("object", "__init__", _object_init),
    _native("dataclass", "__init__", _dataclass_init),
    _native("object", "__new__", _object_new),
    _native("object", "__init_subclass__", _object_init_subclass),
    _native("object", "__setattr__", _object_setattr),
    _native("object", "__delattr__", _object_delattr),
    _native("object", "__str__", _native_text("__str__")),
    _native("object", "__repr__", _native_text("__repr__")),
)}

OWN_REPRS.append(describe)
