"""stdlib/hashlib.py: digests of the bytes `str.encode` makes, as CPython 3.13 computes them
(the `cpython_worker` fixture), and a hash shared by threads through the explorer's
snapshots."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.engine import compile_program, explore
from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]


@pytest.mark.parametrize("call", [
    "hashlib.sha256('hello'.encode()).hexdigest()",
    "hashlib.md5('caf\u00e9'.encode('utf-8')).hexdigest()",
    "hashlib.sha1('x'.encode()).digest()[:6]",
    "hashlib.sha512().hexdigest()[:16]",
    "hashlib.new('SHA224', 'abc'.encode()).hexdigest()",
    "(lambda h: (h.update('a'.encode()), h.update('b'.encode()), h.hexdigest())[2])"
    "(hashlib.sha256())",
    "(lambda h: (h.copy().hexdigest() == h.hexdigest(), h.name, h.digest_size, "
    "h.block_size))(hashlib.sha384('z'.encode()))",
    "hashlib.sha256('text')", "hashlib.md5(5)", "hashlib.new('nope')", "hashlib.new(3)",
    "hashlib.sha256().update()", "hashlib.sha256().hexdigest(1)",
    "type(hashlib.sha256()).__name__",
])
def test_hashes_answer_as_cpython(cpython_worker: Answer, call):
    source = (f"import hashlib\ntry:\n    print(repr({call}))\n"
              f"except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


def test_a_hash_updated_by_threads_is_explored_to_one_digest_per_order():
    """The two orders of the updates give two digests, each a state the snapshots keep."""
    source = """
import hashlib, threading
h = hashlib.sha256()
def add(word):
    h.update(word.encode())
ts = [threading.Thread(target=add, args=(w,)) for w in ("ab", "cd")]
for t in ts: t.start()
for t in ts: t.join()
print(h.hexdigest()[:12])
"""
    import hashlib
    found = explore(compile_program(source))
    assert found.complete
    assert {o.outcome.output for o in found.outcomes} == {
        (hashlib.sha256(b"abcd").hexdigest()[:12],), (hashlib.sha256(b"cdab").hexdigest()[:12],)}
