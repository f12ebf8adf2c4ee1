"""stdlib/json.py: `json.dumps` and `json.loads` on random data, against CPython 3.13 (the
`cpython_worker` fixture): the same text, the same values back, the same errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.running import as_cpython_worker

Answer = Callable[[str], dict[str, Any]]

_DATA = st.recursive(
    st.one_of(st.integers(-10**20, 10**20), st.floats(allow_nan=True), st.text("aé\"\\\n\x01",
              max_size=4), st.booleans(), st.none()),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner)
    | st.dictionaries(st.text("ab", max_size=2) | st.integers(-3, 3) | st.booleans()
                      | st.none(), inner, max_size=3),
    max_leaves=12)


@settings(max_examples=60, deadline=None)
@given(_DATA, st.sampled_from(["", ", indent=2", ", sort_keys=True", ", ensure_ascii=False",
                               ", separators=(',', ':')", ", indent='--'", ", allow_nan=False",
                               ", indent=0, sort_keys=True"]))
def test_dumps_and_loads_answer_as_cpython(cpython_worker: Answer, data,
                                           options):
    source = (f"import json\ntry:\n    text = json.dumps({data!r}{options})\n    print(text)\n"
              f"    print(repr(json.loads(text)))\nexcept Exception as e:\n"
              f"    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


@pytest.mark.parametrize("call", [
    "json.loads('[1, 2')", "json.loads('')", "json.loads('{\"a\": }')", "json.loads(5)",
    "json.loads('NaN')", "json.loads('[1e400, -0.0, 1E2]')", "json.loads(' \"\\\\u00e9\" ')",
    "json.loads('{\"a\": 1, \"a\": 2}')", "json.loads('[1] x')", "json.dumps({(1, 2): 3})",
    "json.dumps({1: 'a', 'b': 2}, sort_keys=True)", "json.dumps(object())",
    "json.dumps({1, 2})", "json.dumps(print)", "json.dumps([1], foo=1)",
    "isinstance(json.JSONDecodeError('m', 'd', 0), ValueError)",
    "json.loads('tru')", "json.loads('\"abc')", "json.loads('[1,]')", "json.loads('{\"a\" 1}')",
    "json.loads('[1 , ]')", "json.loads('{\"a\": 1 ,\\n }')", "json.loads('[,]')",
    "json.loads('{,}')", "json.loads('[1,,]')",
])
def test_edge_cases_answer_as_cpython(cpython_worker: Answer, call):
    source = (f"import json\ntry:\n    print(repr({call}))\nexcept Exception as e:\n"
              f"    print(type(e).__name__, e)\n")
    assert as_cpython_worker(source) == cpython_worker(source)


ENCODER_PROGRAMS = [
    # A subclass's `default`, with `super().default` for the rest, through `cls=`, `dump`
    # and `encode`; its calls in the order CPython's encoder meets the values.
    """
import io
import json
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
class PointEncoder(json.JSONEncoder):
    def default(self, o):
        print("default:", type(o).__name__)
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
data = {"b": Point(1, 2), "a": [Point(3, 4), {5, 4}], "c": None}
print(json.dumps(data, cls=PointEncoder))
print(json.dumps(data, cls=PointEncoder, sort_keys=True, indent=1))
print(PointEncoder(separators=(",", ":")).encode([Point(0, 0)]))
f = io.StringIO()
json.dump({"p": Point(7, 8)}, f, cls=PointEncoder)
print(f.getvalue(), isinstance(PointEncoder(), json.JSONEncoder))
try:
    json.dumps([object()], cls=PointEncoder)
except TypeError as e:
    print("TypeError:", e)
""",
    # `default=` alone, a default that returns its argument, and one that raises.
    """
import json
print(json.dumps({"when": {3, 1}}, default=sorted), json.dumps(1.5, default=str))
print(json.JSONEncoder(default=list).encode(frozenset([2])))
for default in (lambda o: o, lambda o: [o]):
    try:
        json.dumps(object(), default=default)
    except ValueError as e:
        print("ValueError:", e)
def refuse(o):
    raise KeyError(type(o).__name__)
try:
    json.dumps([1, {2}], default=refuse)
except KeyError as e:
    print("KeyError:", e)
try:
    json.JSONEncoder().encode([set()])
except TypeError as e:
    print("TypeError:", e)
""",
]


ENCODER_PROGRAMS.append(  # and the decoder's hooks
    """
import json
from decimal import Decimal
from collections import OrderedDict
from types import SimpleNamespace
print(json.loads('{"a": 1, "b": {"c": [1.5, 2]}}', object_hook=lambda d: sorted(d)))
print(json.loads('{"price": 1.10, "n": 3}', parse_float=Decimal, parse_int=float))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
ns = json.loads('{"user": {"name": "ann", "id": 7}}', object_hook=lambda d: SimpleNamespace(**d))
print(ns.user.name, ns.user.id)
def hook(d):
    print("hook", sorted(d))
    return d
json.loads('[{"x": {"y": 1}}, {"z": 2}]', object_hook=hook)
try:
    json.loads('{}', object_hook=lambda d: 1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
""")


@pytest.mark.parametrize("source", ENCODER_PROGRAMS)
def test_an_encoders_default_answers_as_cpython(cpython_worker: Answer, source):
    assert as_cpython_worker(source) == cpython_worker(source)
