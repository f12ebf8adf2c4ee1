"""stdlib/types.py: `types.SimpleNamespace`, against CPython 3.13 (the `run_cpython` fixture):
its text, attributes, `==`, a subclass, and threads changing it under a lock."""

from __future__ import annotations

from app.engine import RoundRobin
from tests.support.running import as_run_cpython

NAMESPACES = """
import threading, types
from types import SimpleNamespace
ns = SimpleNamespace(count=0, name="w")
print(type(ns), type(ns).__name__, isinstance(ns, SimpleNamespace),
      isinstance(ns, types.SimpleNamespace))
lock = threading.Lock()
def work():
    for _ in range(3):
        with lock:
            ns.count += 1
ts = [threading.Thread(target=work) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(ns, ns.count, ns != SimpleNamespace(), SimpleNamespace({"a": 1}, b=2),
      SimpleNamespace([("x", 1)]))
del ns.name
print(ns, hasattr(ns, "name"), getattr(ns, "count"), str(ns), f"{ns!r}", [ns])
class Config(SimpleNamespace):
    pass
c = Config(debug=True)
print(c, isinstance(c, SimpleNamespace), c == SimpleNamespace(debug=True))
"""


def test_a_simple_namespace_answers_as_cpython(run_cpython):
    assert as_run_cpython(NAMESPACES, RoundRobin()) == run_cpython(NAMESPACES)
