"""`math` (CPython's functions, on numbers only, results within the integer budget) and type
hints (`typing` and `__future__` imports, for annotations only), against CPython 3.13."""

from __future__ import annotations

import pytest

from app.engine import CompileError, compile_program, make_policy, run

PROGRAMS = {
    "functions": """
        import math
        print(math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.trunc(-2.5), math.fabs(-3))
        print(math.factorial(10), math.comb(5, 2), math.perm(5, 2), math.perm(4), math.gcd(12, 18))
        print(math.lcm(4, 6), math.isqrt(17), math.prod([1, 2, 3, 4]), math.prod([], start=5))
        print(math.log(8, 2), math.log2(1024), math.log10(1000), round(math.exp(1), 6))
        print(math.hypot(3, 4), math.dist((0, 0), (3, 4)), math.fsum([0.1] * 10), math.pow(2, 10))
        print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2))
        print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
        print(round(math.sin(math.pi / 2), 3), math.degrees(math.pi), math.atan2(1, 1))
    """,
    "errors": """
        import math
        for call in (lambda: math.sqrt(-1), lambda: math.sqrt("4"), lambda: math.factorial(-1),
                     lambda: math.factorial(2.5), lambda: math.log(0), lambda: math.pow(10, 400),
                     lambda: math.floor(math.inf), lambda: math.comb(3, -1),
                     lambda: math.gcd(1.5, 2), lambda: math.prod(5)):
            try:
                call()
            except ValueError as e:
                print("ValueError", e)
            except TypeError as e:
                print("TypeError", e)
            except OverflowError as e:
                print("OverflowError", e)
    """,
    "monte_carlo": """
        from __future__ import annotations
        import math
        import threading
        from typing import List, Optional

        inside: List[int] = []
        lock = threading.Lock()

        def count(seed: int, label: Optional[str] = None) -> None:
            points = [((seed * i) % 97 / 97, (seed * i * 7) % 89 / 89) for i in range(200)]
            hits = sum(1 for x, y in points if math.hypot(x, y) <= 1)
            with lock:
                inside.append(hits)

        threads = [threading.Thread(target=count, args=(s,)) for s in (3, 5, 11)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        estimate: float = 4 * sum(inside) / 600
        print(f"pi is about {estimate:.3f}, off by {abs(estimate - math.pi):.3f}")
    """,
    "type_checking": """
        import typing
        from typing import TYPE_CHECKING, Dict
        if TYPE_CHECKING:
            print("never")
        totals: Dict[str, int] = {"a": 1}
        def f(x: typing.Any) -> typing.Optional[int]:
            return x
        print(f(totals["a"]), TYPE_CHECKING)
    """,
    "generic_subclasses": """
        from typing import Generic, Protocol, TypeVar
        T = TypeVar("T")
        class Box(Generic[T]):
            def __init__(self, item: T):
                self.item = item
        class LabeledBox(Box[T]):
            pass
        class IntBox(Box[int]):
            pass
        class Runner(Protocol):
            def run(self) -> None: ...
        class Named(Runner, Protocol):
            pass
        class Plain:
            pass
        x: Box[str] = Box[str]("s")
        print(x.item, LabeledBox("x").item, IntBox(5).item, isinstance(IntBox(1), Box))
        try:
            Plain[int]
        except TypeError as e:
            print(e)
    """,
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_prints_what_cpython_prints(name, run_cpython):
    import textwrap
    source = textwrap.dedent(PROGRAMS[name])
    expected, errors = run_cpython(source)
    assert not errors
    outcome = run(compile_program(source), make_policy("cpython"), record=False).outcome
    assert outcome.kind == "done" and not outcome.errors
    assert list(outcome.output) == expected


def test_results_are_checked_against_the_integer_budget_first():
    for expression in ("math.factorial(10**6)", "math.comb(10**7, 10**5)",
                       "math.perm(10**6)", "math.prod([2**60000, 2**60000])"):
        outcome = run(compile_program(f"import math\nx = {expression}\n"),
                      make_policy("rr"), record=False).outcome
        assert outcome.kind == "limit", expression
        assert "over the limit of 100,000 bits for one integer" in outcome.reason


@pytest.mark.parametrize(("source", "message"), [
    ("from typing import List\nx = List\n", "'List' from typing can only be used in annotations"),
    ("import typing\ny = typing.get_type_hints(int)\n", "typing.get_type_hints is not supported"),
    ("from typing import NewType\n", "typing.NewType is not supported"),
    ("from __future__ import braces\n", "__future__.braces is not supported"),
])
def test_what_is_refused_says_so_where(source, message):
    with pytest.raises(CompileError) as caught:
        compile_program(source)
    assert message in str(caught.value)


CONVERSIONS = """
print(chr(65), ord("a"), hex(255), bin(-5), oct(8), pow(2, 10), pow(2, -1), pow(3, 4, 5))
print(pow(2, -1, 7), ascii("café"), ascii(["é"]))
for call in (lambda: chr("a"), lambda: ord("ab"), lambda: ord(1), lambda: hex(1.5),
             lambda: pow(2, 3, 0), lambda: chr(-1)):
    try:
        call()
    except ValueError as e:
        print("ValueError", e)
    except TypeError as e:
        print("TypeError", e)
"""


def test_conversions_print_what_cpython_prints(run_cpython):
    expected, errors = run_cpython(CONVERSIONS)
    outcome = run(compile_program(CONVERSIONS), make_policy("rr"), record=False).outcome
    assert (list(outcome.output), outcome.errors) == (expected, ())


def test_pow_with_a_modulus_is_bounded_by_its_work():
    source = "x = pow(3, (1 << 99990) - 1, (1 << 99990) + 1)\n"
    outcome = run(compile_program(source), make_policy("rr"), record=False).outcome
    assert outcome.kind == "limit" and "pow() with a 99,990-bit exponent" in outcome.reason
    assert run(compile_program("x = pow(3, 1 << 99990, 7)\n"), make_policy("rr"),
               record=False).outcome.globals == {"x": pow(3, 1 << 99990, 7)}


NUMBER_METHODS = """
print(int.from_bytes(b"\\x01\\x00", "big"), (1024).to_bytes(2, "little"), (5).to_bytes())
print(int.from_bytes(b"\\xff", "big", signed=True), (-1).to_bytes(2, "big", signed=True))
print((0.5).as_integer_ratio(), (6).as_integer_ratio(), float.hex(1.5), (0.1).hex())
print(float.fromhex("0x1.8p1"), (3).conjugate(), (2.5).conjugate())
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError", e)
"""


def test_int_and_float_methods_print_what_cpython_prints(run_cpython):
    expected, errors = run_cpython(NUMBER_METHODS)
    outcome = run(compile_program(NUMBER_METHODS), make_policy("rr"), record=False).outcome
    assert (list(outcome.output), outcome.errors) == (expected, ())


@pytest.mark.parametrize("expression", ["(1).to_bytes(10 ** 9, 'big')",
                                        "int.from_bytes(bytes(500_000), 'big')"])
def test_int_bytes_are_bounded_first(expression):
    outcome = run(compile_program(f"x = {expression}\n"), make_policy("rr"),
                  record=False).outcome
    assert outcome.kind == "limit", expression


PROTOCOLS = """
from typing import Protocol, runtime_checkable
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
@runtime_checkable
class Named(Protocol):
    name: str
class Plain(Protocol):
    def run(self) -> None: ...
class F:
    def close(self): pass
class G:
    def __init__(self): self.name = "g"
class Impl(Closer):
    pass
print(isinstance(F(), Closer), isinstance(1, Closer), isinstance(G(), Named),
      isinstance(F(), Named), isinstance(G(), (Closer, Named)), isinstance(Impl(), Closer))
for call in (lambda: isinstance(F(), Plain), lambda: runtime_checkable(F)):
    try:
        call()
    except TypeError as e:
        print(e)
"""


def test_a_runtime_checkable_protocol_checks_members_as_cpython(run_cpython):
    expected, errors = run_cpython(PROTOCOLS)
    outcome = run(compile_program(PROTOCOLS), make_policy("rr"), record=False).outcome
    assert (list(outcome.output), outcome.errors) == (expected, ())
