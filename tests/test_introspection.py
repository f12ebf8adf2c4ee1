"""introspection.py: the built-ins that look at values or call through them (`isinstance`,
`type`, `callable`, `hash`, `id`, `getattr`, `hasattr`, `setattr`, `delattr`, `vars`, `map`,
`filter`, `object()`), against CPython 3.13 (the `cpython_worker` fixture)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.running import as_cpython_worker, outcome

Answer = Callable[[str], dict[str, Any]]

PRELUDE = """\
import threading
class A:
    kind = 'a'
    def __init__(self):
        self.x = 1
    def m(self):
        return self.x
class B(A):
    pass
def f():
    pass
"""

PROGRAMS = [
    "print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), "
    "isinstance('a', str), isinstance([], list), isinstance({}, dict), isinstance(None, int))",
    "print(isinstance(B(), A), isinstance(A(), B), isinstance(B(), (int, A)))",
    "print(isinstance(ValueError(), Exception), issubclass(KeyError, LookupError), "
    "isinstance(threading.Lock(), type(threading.Lock())))",
    "print(isinstance(threading.current_thread(), threading.Thread), "
    "isinstance(threading.Event(), threading.Event))",
    "print(isinstance(threading.Lock(), threading.Lock), isinstance(threading.RLock(), "
    "threading.Lock), isinstance(threading.BoundedSemaphore(), threading.Semaphore), "
    "isinstance(threading.Semaphore(), threading.BoundedSemaphore), "
    "isinstance(threading.Condition(), (threading.Event, threading.Condition)))",
    "isinstance(threading.RLock(), threading.RLock)",
    "print(type(threading.Event()).__name__, type(threading.Semaphore()).__name__)",
    "isinstance(1, 2)",
    "isinstance(1, (int, 2))",
    "isinstance(1)",
    "print(type(1), type('a'), type(None), type(f), type(A), type(A()), type(B()) is B, "
    "type(1) is int, type(True) == bool)",
    "print(type([]).__name__, type(None).__name__, type(f).__name__, type(print).__name__, "
    "type(A()).__name__)",
    "print(type(x for x in []).__name__, type(threading.Lock()).__name__, type(1.5)(2))",
    "type(1, 2)",
    "print(callable(f), callable(A), callable(A().m), callable(1), callable(print), "
    "callable(lambda: 0), callable(None))",
    "print(hash(1) == hash(1.0), hash('a') == hash('a'), hash((1, 'a')) == hash((1, 'a')))",
    "hash([])",
    "hash({})",
    "hash((1, []))",
    "a = A()\nprint(id(a) == id(a), id(a) != id(A()), id(1) == id(1))",
    "a = A()\nprint(getattr(a, 'x'), getattr(a, 'y', 'dflt'), getattr(A, 'kind'), "
    "hasattr(a, 'x'), hasattr(a, 'y'), hasattr(a, 'm'), hasattr(1, 'nope'))",
    "getattr(A(), 'y')",
    "getattr(A(), 1)",
    "getattr(A())",
    "a = A()\nsetattr(a, 'y', 5)\nprint(a.y)\ndelattr(a, 'y')\nprint(hasattr(a, 'y'))",
    "setattr(1, 'y', 5)",
    "delattr(A(), 'zz')",
    "print(vars(A()), sorted(vars(B())))",
    "vars(1)",
    "print(list(map(str, [1, 2])), list(map(lambda a, b: a + b, [1, 2], [10, 20, 30])), "
    "list(filter(None, [0, 1, '', 'a'])), list(filter(lambda v: v > 1, range(4))))",
    "m = map(str, [1])\nprint(next(m), next(m, 'end'))",
    "list(map(5, [1]))",
    "map(str)",
    "filter(None, 5)",
    "o = object()\nprint(type(o).__name__, o == o, o is not object(), isinstance(o, object))",
    "object().x = 1",
    "object(1)",
    "print(isinstance(A, type), isinstance(int, type), isinstance(f, type))",
    "callable()", "hash(1, 2)", "id()", "hasattr(1)", "setattr(1, 'a')", "delattr(1)",
    "filter(None)", "getattr(1, 'a', 2, 3)", "isinstance(1, int, 2)",
    "hash(x=1)", "print(hash((1, (2, 'a'))) == hash((1, (2, 'a'))))", "hash((1, (2, {})))",
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_introspection_answers_as_in_cpython(cpython_worker: Answer, program):
    source = PRELUDE + "try:\n" + "".join(f"    {line}\n" for line in program.splitlines()) + (
        "except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("program", ["print(hasattr(1, 'real'), hasattr(1.5, 'numerator'))"])
def test_host_attributes(cpython_worker: Answer, program):
    assert as_cpython_worker(program) == cpython_worker(program)



def test_a_primitives_method_as_a_value_is_named_as_in_cpython(cpython_worker: Answer):
    """`lock.acquire` is a C type's built-in method, `event.set` a Python class's method: its
    type's name and its `__name__` (a decorator printing `fn.__name__` of `target=q.get`)."""
    source = """
import threading, queue
for f in (threading.Lock().acquire, threading.RLock().release, threading.Event().set,
          threading.Condition().notify_all, threading.Semaphore().acquire, queue.Queue().get,
          queue.SimpleQueue().put, threading.Barrier(1).wait, threading.current_thread().join):
    print(type(f).__name__, f.__name__, callable(f))
"""
    assert as_cpython_worker(source) == cpython_worker(source)


def test_a_classs_dict_holds_its_body_s_names(cpython_worker: Answer):
    """`vars(cls)` and `cls.__dict__`: a read-only mapping of what the class body made."""
    source = ('class A:\n    """Doc."""\n    x = 1\n    def f(self):\n        pass\n'
              'class B(A):\n    y = 2\n'
              'print(sorted(k for k in A.__dict__ if not k.startswith("__")), A.__dict__["x"])\n'
              'print("x" in vars(A), "x" in vars(B), vars(B).get("y"), vars(A)["__doc__"],\n'
              '      vars(B)["__doc__"], vars(A)["__module__"])\n'
              'try:\n    vars(A)["z"] = 3\nexcept TypeError as e:\n    print(e)\n')
    assert as_cpython_worker(source) == cpython_worker(source)


def test_any_values_class_is_its_type(cpython_worker: Answer):
    """`value.__class__` is `type(value)`: an exception's (`e.__class__.__name__` in an
    `except` block), a built-in value's, a lock's, a class's own."""
    source = ("import threading\ntry:\n    1 / 0\nexcept Exception as e:\n"
              "    print(e.__class__.__name__, e.__class__)\n"
              "print(threading.current_thread().__class__.__name__,\n"
              "      threading.Lock().__class__.__name__)\n"
              "class A:\n    pass\n"
              "print(A().__class__.__name__, A.__class__.__name__, A.__class__)\n"
              "print([].__class__.__name__, (1).__class__, 'x'.__class__.__name__,\n"
              "      None.__class__.__name__, {}.__class__ is dict, (1.5).__class__ is float)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


DIR = """
import threading
class A: pass
class B:
    __slots__ = ("x",)
class C:
    '''doc'''
    k = 1
    def __init__(self): self.z = 2
    def m(self): pass
class D(C):
    j = 3
class E(Exception): pass
class T(threading.Thread):
    def run(self): pass
print(dir(A()))
print(dir(A) == dir(A()))
print(dir(B()))
print([n for n in dir(C()) if not n.startswith("__")],
      [n for n in dir(D) if not n.startswith("_")])
print(dir(D()) == sorted(set(dir(C())) | {"j"}))
print(sorted(set(dir(E("x"))) - set(dir(A()))))
print([n for n in dir(T()) if not n.startswith("_")])
c = C(); c.extra = 1
print("extra" in dir(c), "extra" in dir(C), len(dir(c)))
try:
    dir(1, 2)
except TypeError as e:
    print(e)
"""


def test_dir_of_an_object_or_class_of_the_programs_lists_cpythons_names(cpython_worker: Answer):
    """`dir(obj)`: the names the object, its class and the classes it derives from have,
    with object's and a class's own dunder names, sorted, as CPython 3.13 lists them."""
    assert as_cpython_worker(DIR) == cpython_worker(DIR)


def test_dir_of_a_built_in_value_is_refused_in_words():
    done = outcome("try:\n    dir([])\nexcept TypeError as e:\n    print(e)\n")
    assert done.output == ("dir() of a 'list' is not supported here: of an object or a class "
                           "of the program's only",)
