"""`collections.ChainMap`: dicts searched in order as one mapping (layered settings).

A dict subclass of ours, so that indexing, `in`, `len`, iteration and a thread's touch of
it go the way a dict's do; its own dict part stays empty and each method reads `maps`, as
CPython's `Lib/collections/__init__.py` does: a lookup takes the first dict that has the
key, a write or deletion changes the first dict only. Its dicts are dicts (a program's own
mapping classes are not taken), so no program code runs inside its methods. A ChainMap is
refused when it is made (a call, `new_child`, `parents`, `copy`) with dicts that hold more
than `limit` keys together (the items budget): one big dict listed a thousand times is
small, a walk of its keys is not.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import BudgetError
from ..values import SimException, Thrown, fail, quoted, type_name


class ChainMap(dict[Any, Any]):
    """`ChainMap(*maps)`: `maps` is the live list of the dicts, first searched first."""

    NOT_DATA = True  # values.not_data: json refuses it, as CPython's does

    def __init__(self, maps: list[Any], limit: int) -> None:
        super().__init__()
        for mapping in maps:
            if not isinstance(mapping, dict):
                raise fail("TypeError", f"ChainMap takes dicts here, not "
                                        f"{quoted(type_name(mapping))}")
        total = sum(len(mapping) for mapping in maps)
        if total > limit:
            raise BudgetError(f"a ChainMap of {total:,} keys in all is over the limit of "
                              f"{limit:,}")
        self.maps: list[dict[Any, Any]] = list(maps) or [{}]
        self.limit = limit

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuilt, (self.maps, self.limit)  # as it is, grown or not: never refused

    def _chain(self, maps: list[Any]) -> ChainMap:
        return ChainMap(maps, self.limit)

    def __getitem__(self, key: Any) -> Any:
        for mapping in self.maps:
            if key in mapping:
                return mapping[key]
        raise Thrown(SimException("KeyError", (key,)))

    def get(self, key: Any, default: Any = None) -> Any:
        return self[key] if key in self else default

    def __contains__(self, key: object) -> bool:
        return any(key in mapping for mapping in self.maps)

    def __len__(self) -> int:
        return len(self._merged())

    def __iter__(self) -> Iterator[Any]:
        return iter(self._merged())

    def __bool__(self) -> bool:
        return any(self.maps)

    def _merged(self) -> dict[Any, None]:
        """The keys in CPython's order: the last dict's first, each key once."""
        keys: dict[Any, None] = {}
        for mapping in reversed(self.maps):
            keys.update(dict.fromkeys(mapping))
        return keys

    def keys(self) -> Any:
        return list(self._merged())

    def values(self) -> Any:
        return [self[key] for key in self._merged()]

    def items(self) -> Any:
        return [(key, self[key]) for key in self._merged()]

    def __repr__(self) -> str:  # the engine shows it by values.LAYOUTS; never the host's
        return "ChainMap(...)"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, dict):
            return NotImplemented
        mine = dict(self.items())
        return mine == (dict(other.items()) if isinstance(other, ChainMap) else other)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None

    def __setitem__(self, key: Any, value: Any) -> None:
        self.maps[0][key] = value

    def __delitem__(self, key: Any) -> None:
        if key not in self.maps[0]:
            raise Thrown(SimException("KeyError", (
                f"Key not found in the first mapping: {quoted(key)}",)))
        del self.maps[0][key]

    def pop(self, key: Any, *default: Any) -> Any:
        if key in self.maps[0]:
            return self.maps[0].pop(key)
        if default:
            return default[0]
        raise Thrown(SimException("KeyError", (
            f"Key not found in the first mapping: {quoted(key)}",)))

    def setdefault(self, key: Any, default: Any = None) -> Any:
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, *args: Any, **kwargs: Any) -> None:
        self.maps[0].update(*args, **kwargs)

    def clear(self) -> None:
        self.maps[0].clear()

    def copy(self) -> ChainMap:
        return self._chain([self.maps[0].copy(), *self.maps[1:]])

    def new_child(self, m: Any = None, **kwargs: Any) -> ChainMap:
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self._chain([m, *self.maps])

    @property
    def parents(self) -> ChainMap:
        return self._chain(self.maps[1:])


def _rebuilt(maps: list[dict[Any, Any]], limit: int) -> ChainMap:
    """A ChainMap read back from a snapshot."""
    chain = ChainMap.__new__(ChainMap)
    chain.maps, chain.limit = maps, limit
    return chain
