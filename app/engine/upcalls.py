"""The few calls that go up the layers, each filled in by the module that answers it.

The engine's modules import only the layers below them and never each other in a circle
(tests/test_layers.py). Five calls must still go up, by the nature of what is simulated:

- `call_value`: calling a value (`calls`) may construct an object, run a `key=` function or
  a class's `__str__`, and those (`objects`, `nested`) call a value again: Python's calls
  recurse through every kind of value, so one side must find the other late;
- `call_in_thread`: a Barrier's action (`primitives`) is called as any value is (`calls`);
- `excepthook`: a thread that ends with an exception (`machine`) runs the program's
  `threading.excepthook`, which the library (`stdlib/threading.py`) calls;
- `at_exit`: the main thread's end (`machine`) runs the functions `atexit.register` gave the
  library (`stdlib/atexit.py`);
- `type_of`: any value's `__class__` (`calls`: `e.__class__.__name__`) is what `type(value)`
  gives (`introspection`, which stands above the built-ins and the library's classes).

The lower module calls `UP.<name>`; the higher one sets it when imported, and `app.engine`
imports them all before any program runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .machine import Machine, Thread
    from .values import SimException

#: A marker: the call has not returned; the thread stays in it (a blocking wait).
PENDING = object()


class Upcalls:
    """The calls, typed; see the module's docstring for who sets each."""

    #: `calls.call_value(m, th, callee, args, kwargs)` → (returned, result, text).
    call_value: Callable[[Machine, Thread, Any, list[Any], dict[str, Any]],
                         tuple[bool, Any, str]]
    #: `calls.call_in_thread(m, th, fn, on_raise)`: call `fn()` from inside a primitive.
    call_in_thread: Callable[[Machine, Thread, Any, Callable[[Machine, Thread], None]], None]
    #: `stdlib.threading.run_excepthook(m, th, exc)`: whether the program's hook took it.
    excepthook: Callable[[Machine, Thread, SimException], bool]
    #: `stdlib.atexit.at_exit(m, main)`: the main thread runs the atexit functions next.
    at_exit: Callable[[Machine, Thread], None]
    #: `introspection.type_of(value)`: `type(value)`, which is `value.__class__`.
    type_of: Callable[[Any], Any]


UP = Upcalls()
