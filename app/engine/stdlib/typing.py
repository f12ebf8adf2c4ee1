"""`typing` and `__future__`: imported for annotations, which are never evaluated.

Type hints are everywhere in modern tutorials (`def worker(n: int) -> None`, `results:
List[int] = []`); the compiler skips annotations, as `from __future__ import annotations`
makes CPython do, so a typing name only has to be importable. Used anywhere else (`cast`,
`TypeVar`, `List[int]` as a value) it is a compile error: the compiler asks `is_annotation`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Annotation:
    """A name from `typing` (or a `__future__` feature): valid in annotations only."""

    module: str
    name: str


_TYPING = ("Any", "Callable", "ClassVar", "Deque", "DefaultDict", "Dict", "Final", "FrozenSet",
           "Generator", "Iterable", "Iterator", "List", "Literal", "Mapping", "NamedTuple",
           "NoReturn", "Optional", "Sequence", "Set", "Tuple", "Type", "Union")
_FUTURE = ("annotations", "division", "absolute_import", "print_function", "generator_stop",
           "unicode_literals", "with_statement", "nested_scopes", "generators")

HINT = ("typing names are for annotations only (" + ", ".join(_TYPING) + "), and "
        "TYPE_CHECKING, which is False.")
FUTURE_HINT = "Supported from __future__: " + ", ".join(_FUTURE) + " (all have no effect)."

TABLE: dict[str, Any] = {"TYPE_CHECKING": False,
                         **{name: Annotation("typing", name) for name in _TYPING}}
FUTURE: dict[str, Any] = {name: Annotation("__future__", name) for name in _FUTURE}


def is_annotation(value: Any) -> bool:
    return isinstance(value, Annotation)
