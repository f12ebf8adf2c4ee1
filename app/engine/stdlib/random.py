"""`random`: CPython's own generator, one shared by the module's functions and one per
`random.Random(seed)` a program makes.

Same seed, same numbers: each generator holds a host `random.Random`, whose Mersenne Twister,
seeding and methods are CPython's (unchanged from 3.11 to 3.13 for the methods offered here).
A program never reaches that object: it calls the methods named in `Random.METHODS`, which
check their arguments first (sizes against the program's budgets; types and ranges where the
host, 3.11 or 3.12, words an error otherwise than 3.13: `randrange`, `seed`), then ask the host.

A run must be a pure function of its program and its schedule, so a generator given no seed
(the module's before any `random.seed(x)`, `random.seed()`, `random.Random()`) is seeded with
SEED = 0, never from the operating system: the module's first `random.random()` is then
0.8444218515250481 and its first `random.randint(1, 6)` is 4, as in CPython after
`random.seed(0)`.

The module's functions draw from `Machine.rng`, one generator all threads share: each call is
a step, and its state is part of the machine's (snapshots write it, so the explorer's states
hold it), so schedules that draw in another order get other numbers and a replay gets the same.
"""

from __future__ import annotations

import random as host
import sys
from operator import index
from typing import TYPE_CHECKING, Any

from ..arith import check_ranges
from ..budgets import DEFAULT_BUDGETS
from ..builtin import Builtin
from ..errors import BudgetError
from ..values import LibraryObject, fail, type_name

if TYPE_CHECKING:
    from ..machine import Machine, Thread

#: The seed of a generator given none (see the module's docstring).
SEED = 0
#: `randrange`'s default step, which CPython tells from an explicit one by identity.
_ONE = 1
_SEED_TYPES = (type(None), int, float, str, bytes, bytearray)
#: What a program's `len()` applies to: anything else has no len(), worded as CPython words it.
_SIZED = (list, tuple, str, range, dict, bytes)
_SEED_TYPE_ERROR = ("The only supported seed types are:\n"
                    "None, int, float, str, bytes, and bytearray.")
#: The distributions whose host code (3.11's) draws and words its errors as 3.13's does:
#: a queue simulation's `expovariate` arrivals, a `triangular` or `normalvariate` duration.
_DISTRIBUTIONS = ("triangular", "betavariate", "gammavariate", "normalvariate",
                  "lognormvariate", "vonmisesvariate", "paretovariate", "weibullvariate")


class Random(LibraryObject):
    """`random.Random`: a generator of the program's. Its methods have CPython's signatures
    and name (`Random.randint() missing 1 required positional argument: 'b'` is Python's own
    message); `_budgets` are those of the program calling, set by `call` before each method."""

    __slots__ = ("_host", "_budgets")
    METHODS = frozenset({"seed", "random", "uniform", "randint", "randrange", "choice",
                         "choices", "shuffle", "sample", "gauss", "expovariate", "getrandbits",
                         "getstate", "setstate", "randbytes", *_DISTRIBUTIONS})

    def __init__(self, x: Any = None) -> None:
        self._host = host.Random(SEED)
        self._budgets = DEFAULT_BUDGETS
        self.seed(x)

    def __repr__(self) -> str:
        return "<random.Random object>"  # never a memory address, which differs by run

    def call(self, m: Machine, name: str, args: list[Any], kwargs: dict[str, Any]) -> Any:
        self._budgets = m.program.budgets
        if name in _DISTRIBUTIONS:  # the name is one of those: never a program's text
            return getattr(self._host, name)(*args, **kwargs)
        return getattr(self, name)(*args, **kwargs)

    def state(self) -> tuple[Any, ...]:
        """What a snapshot writes: the host generator's state (CPython's `getstate()`)."""
        return self._host.getstate()

    @classmethod
    def restored(cls, state: tuple[Any, ...]) -> Random:
        """A generator in the `state` a snapshot wrote."""
        new = cls.__new__(cls)
        new._host = host.Random(SEED)
        new._host.setstate(state)
        new._budgets = DEFAULT_BUDGETS
        return new

    # -- the methods a program may call --------------------------------------------------------

    def seed(self, a: Any = None, version: Any = 2) -> None:
        if not isinstance(a, _SEED_TYPES):
            raise fail("TypeError", _SEED_TYPE_ERROR)
        self._host.seed(SEED if a is None else a, version)

    def random(self, *args: Any, **kwargs: Any) -> float:
        """A C method in CPython, which words a wrong call its own way."""
        if kwargs:
            raise fail("TypeError", "Random.random() takes no keyword arguments")
        if args:
            raise fail("TypeError", f"Random.random() takes no arguments ({len(args)} given)")
        return self._host.random()

    def uniform(self, a: Any, b: Any) -> Any:
        return self._host.uniform(a, b)

    def gauss(self, mu: Any = 0.0, sigma: Any = 1.0) -> Any:
        return self._host.gauss(mu, sigma)

    def expovariate(self, lambd: Any = 1.0) -> Any:
        """3.12 gave `lambd` its default; the draw is the host's."""
        return self._host.expovariate(lambd)

    def getrandbits(self, k: Any) -> int:
        bits = self._budgets.int_bits
        if isinstance(k, int) and k > bits:
            raise BudgetError(f"getrandbits({k:,}) is over the limit of {bits:,} bits")
        return self._host.getrandbits(k)

    def getstate(self) -> tuple[Any, ...]:
        """CPython's state: (3, 625 ints, the next gauss), ints and floats only."""
        return self._host.getstate()

    def setstate(self, state: Any) -> None:
        """A state `getstate` gave: checked to be one (ints, a float or None) before the
        host reads it."""
        if not (isinstance(state, tuple) and len(state) == 3 and isinstance(state[1], tuple)
                and len(state[1]) == 625 and all(type(x) is int for x in state[1])
                and (state[2] is None or type(state[2]) is float)):
            raise fail("ValueError", "state is not one random.getstate() gave")
        try:
            self._host.setstate(state)
        except (TypeError, ValueError, OverflowError) as e:
            raise fail(type(e).__name__, str(e)) from None

    def randbytes(self, n: Any) -> bytes:
        if isinstance(n, int) and n > self._budgets.items:
            raise BudgetError(f"randbytes({n:,}) is over the limit of "
                              f"{self._budgets.items:,} items")
        return self._host.randbytes(n)

    def randint(self, a: Any, b: Any) -> int:
        return self.randrange(a, b + 1)

    def randrange(self, start: Any, stop: Any = None, step: Any = _ONE) -> int:
        """CPython 3.13's checks and messages (3.11 takes an integral float, and words its
        errors otherwise), then the host's draw on ints, the same as 3.13's."""
        istart = _index(start)
        if stop is None:
            if step is not _ONE:
                raise fail("TypeError", "Missing a non-None stop argument")
            if istart > 0:
                return self._below(istart)
            raise fail("ValueError", "empty range for randrange()")
        istop = _index(stop)
        width = istop - istart
        istep = _index(step)
        if istep == 1:
            if width > 0:
                return istart + self._below(width)
            raise fail("ValueError", f"empty range in randrange({start}, {stop})")
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise fail("ValueError", "zero step for randrange()")
        if n <= 0:
            raise fail("ValueError", f"empty range in randrange({start}, {stop}, {step})")
        return istart + istep * self._below(n)

    def choice(self, seq: Any) -> Any:
        _sized(seq)
        return self._host.choice(seq)

    def choices(self, population: Any, weights: Any = None, *, cum_weights: Any = None,
                k: Any = 1) -> list[Any]:
        _sized(population)
        check_ranges((weights, cum_weights), self._budgets)  # the host makes lists of them
        self._check_size("choices", k)
        return self._host.choices(population, weights, cum_weights=cum_weights, k=k)

    def shuffle(self, x: Any) -> None:
        _sized(x)
        self._host.shuffle(x)

    def sample(self, population: Any, k: Any, *, counts: Any = None) -> list[Any]:
        check_ranges((counts,), self._budgets)
        # CPython's ValueError for a k larger than the population comes first.
        if counts is not None or (isinstance(population, _SIZED) and not isinstance(
                population, dict) and isinstance(k, int) and k <= _length(population)):
            self._check_size("sample", k)
        return self._host.sample(population, k, counts=counts)

    # -- checks ---------------------------------------------------------------------------------

    def _below(self, n: int) -> int:
        """A number in range(n), n > 0, drawn as CPython's `_randbelow` draws it (n is no
        bigger than the integers the program's budget lets it make: no check needed)."""
        return self._host.randrange(n)

    def _check_size(self, name: str, k: Any) -> None:
        items = self._budgets.items
        if isinstance(k, int) and k > items:
            raise BudgetError(f"{name}() of {k:,} items is over the limit of {items:,} items")


def _index(value: Any) -> int:
    """`operator.index`, with CPython's message for our own objects too."""
    if not isinstance(value, int):
        raise fail("TypeError",
                   f"'{type_name(value)}' object cannot be interpreted as an integer")
    return index(value)


def _sized(value: Any) -> None:
    if not isinstance(value, _SIZED):
        raise fail("TypeError", f"object of type '{type_name(value)}' has no len()")


def _length(seq: Any) -> int:
    try:
        return len(seq)
    except OverflowError:  # more items than a C size: the budget is blown anyway
        return sys.maxsize + 1


def own_generator(m: Machine, key: str) -> Random:
    """A generator of the machine's apart from the module's (`uuid4`'s, `secrets`'), seeded
    with SEED at its first use and kept in the globals under `key` (a name no program can
    write): what CPython draws from the operating system, the same in every run here."""
    rng = m.globals.get(key)
    if rng is None:
        rng = m.globals[key] = Random()
    assert isinstance(rng, Random)
    return rng


def _function(name: str) -> Builtin:
    """`random.name(...)`: the method of the machine's generator, made at its first use."""
    def call(m: Machine, th: Thread, *args: Any, **kwargs: Any) -> Any:
        if m.rng is None:
            m.rng = Random()
        return m.rng.call(m, name, list(args), kwargs)
    return Builtin(name, call, "always", "random")


TABLE: dict[str, Any] = {
    **{name: _function(name) for name in sorted(Random.METHODS)},
    "Random": Builtin("Random", lambda m, th, *args, **kwargs: Random(*args, **kwargs),
                      module="random"),
}

HINT = "Supported: " + ", ".join(sorted(TABLE)) + "."
