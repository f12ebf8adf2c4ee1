import threading
from typing import Generic, List, Optional, TypeVar

T = TypeVar("T")


class SafeStack(Generic[T]):
    """A typed, thread-safe stack in the modern style (type hints everywhere)."""

    def __init__(self) -> None:
        self._items: List[T] = []
        self._lock = threading.Lock()

    def push(self, item: T) -> None:
        with self._lock:
            self._items.append(item)

    def pop(self) -> Optional[T]:
        with self._lock:
            return self._items.pop() if self._items else None

    def __len__(self) -> int:
        return len(self._items)


stack: SafeStack[int] = SafeStack()
threads = [threading.Thread(target=stack.push, args=(i * i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(stack), sorted(stack.pop() for _ in range(5)), stack.pop())
print(T, SafeStack.__mro__[0].__name__, len(SafeStack.__bases__))
