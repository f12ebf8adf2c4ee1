from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from typing import Callable, Dict, Generic, Iterator, List, Optional, Protocol, TypeVar, Union

T = TypeVar("T")
K = TypeVar("K")

class Repository(ABC, Generic[T]):
    @abstractmethod
    def add(self, item: T) -> None: ...
    @abstractmethod
    def get(self, key: int) -> Optional[T]: ...
    def __iter__(self) -> Iterator[T]:
        return iter(self.all())
    @abstractmethod
    def all(self) -> List[T]: ...

class User:
    _ids = 0
    _id_lock = threading.Lock()
    def __init__(self, name: str, email: str) -> None:
        with User._id_lock:
            User._ids += 1
            self.id = User._ids
        self.name = name
        self.email = email
    def __repr__(self) -> str:
        return f"User(id={self.id}, name={self.name!r})"
    def __lt__(self, other: User) -> bool:
        return self.name < other.name

class InMemoryRepository(Repository[T]):
    def __init__(self) -> None:
        self._data: Dict[int, T] = {}
        self._lock = threading.RLock()
        self.listeners: list[Callable[[str, T], None]] = []
    def add(self, item: T) -> None:
        with self._lock:
            self._data[item.id] = item
            for listener in self.listeners:
                listener("added", item)
    def get(self, key: int) -> Optional[T]:
        with self._lock:
            return self._data.get(key)
    def all(self) -> List[T]:
        with self._lock:
            return list(self._data.values())
    def find(self, predicate: Callable[[T], bool]) -> List[T]:
        with self._lock:
            return [x for x in self.all() if predicate(x)]

events: list[str] = []
repo: InMemoryRepository[User] = InMemoryRepository()
repo.listeners.append(lambda kind, u: events.append(f"{kind}:{u.name}"))

def register(names: list[str]) -> None:
    for n in names:
        repo.add(User(n, f"{n.lower()}@example.com"))

batches = [["Ann", "Bob"], ["Cid"], ["Dee", "Eve", "Fay"]]
threads = [threading.Thread(target=register, args=(b,)) for b in batches]
for t in threads:
    t.start()
    t.join()

print(sorted(repo))
print(repo.get(3), repo.get(99))
print([u.email for u in repo.find(lambda u: len(u.name) == 3 and u.name < "D")])
print(len(events), events[:2])
try:
    Repository()
except TypeError as e:
    print("TypeError:", e)

print(isinstance(repo, Repository), issubclass(InMemoryRepository, Repository))
