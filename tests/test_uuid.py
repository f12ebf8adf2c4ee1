"""stdlib/uuid.py: `uuid4` from the machine's own seeded generator, `uuid5`/`uuid3`, and
`UUID(text)` with its fields, against CPython 3.13 (the `cpython_worker` fixture)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.support.running import as_cpython_worker, outcome

Answer = Callable[[str], dict[str, Any]]


@pytest.mark.parametrize("call", [
    "uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')",
    "str(uuid.uuid3(uuid.NAMESPACE_URL, 'http://x'))",
    "uuid.UUID('12345678123456781234567812345678')",
    "uuid.UUID('{12345678-1234-5678-1234-567812345678}').hex",
    "uuid.UUID(int=5).int", "uuid.UUID('12345678-1234-5678-1234-567812345678').urn",
    "uuid.uuid5(uuid.NAMESPACE_OID, 'a').version",
    "uuid.uuid5(uuid.NAMESPACE_DNS, 'a') == uuid.uuid5(uuid.NAMESPACE_DNS, 'a')",
    "sorted([uuid.UUID(int=3), uuid.UUID(int=1)])", "{uuid.UUID(int=1): 'one'}",
    "isinstance(uuid.uuid4(), uuid.UUID)", "uuid.uuid4().version", "len(str(uuid.uuid4()))",
    "f'{uuid.UUID(int=255)}'", "uuid.UUID('nope')", "uuid.UUID(int=-1)",
    "type(uuid.uuid4()).__name__", "uuid.uuid5(uuid.NAMESPACE_DNS, 5)",
    "uuid.uuid3('x', 'a')",
])
def test_uuids_answer_as_cpython(cpython_worker: Answer, call):
    source = (f"import uuid\ntry:\n    print(repr({call}))\n"
              f"except Exception as e:\n    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


def test_uuid4_is_the_same_in_every_run_and_leaves_random_numbers_as_cpython():
    source = """
        import random, threading, uuid
        random.seed(7)
        ids = []
        def work():
            ids.append(uuid.uuid4())
        ts = [threading.Thread(target=work) for _ in range(3)]
        for t in ts: t.start()
        for t in ts: t.join()
        print(len(set(ids)), [u.version for u in ids], random.random())
        print(ids)
    """
    first, second = outcome(source).output, outcome(source).output
    assert first == second
    assert first[0] == f"3 [4, 4, 4] {__import__('random').Random(7).random()}"


def test_a_name_too_long_to_hash_is_refused():
    done = outcome("import uuid\nuuid.uuid5(uuid.NAMESPACE_DNS, 'a' * 100_000)\n")
    assert done.kind == "limit" and "10,000 characters" in done.reason
