import threading
from typing import Generic, Iterator, Optional, TypeVar

T = TypeVar("T")

class Node(Generic[T]):
    __slots__ = ("value", "next")

    def __init__(self, value: T, next: "Optional[Node[T]]" = None) -> None:
        self.value = value
        self.next = next

class LinkedQueue(Generic[T]):
    """A FIFO queue of linked nodes, safe to share between threads."""

    def __init__(self) -> None:
        self._head: Optional[Node[T]] = None
        self._tail: Optional[Node[T]] = None
        self._size = 0
        self._lock = threading.Lock()
        self._not_empty = threading.Condition(self._lock)

    def put(self, value: T) -> None:
        with self._not_empty:
            node = Node(value)
            if self._tail is None:
                self._head = self._tail = node
            else:
                self._tail.next = node
                self._tail = node
            self._size += 1
            self._not_empty.notify()

    def get(self) -> T:
        with self._not_empty:
            while self._head is None:
                self._not_empty.wait()
            node = self._head
            self._head = node.next
            if self._head is None:
                self._tail = None
            self._size -= 1
            return node.value

    def __len__(self) -> int:
        with self._lock:
            return self._size

    def __iter__(self) -> Iterator[T]:
        with self._lock:
            node, values = self._head, []
            while node:
                values.append(node.value)
                node = node.next
        yield from values

    def __repr__(self) -> str:
        return f"LinkedQueue({list(self)!r})"

q: LinkedQueue[int] = LinkedQueue()
out: list[int] = []

def consumer(n: int) -> None:
    for _ in range(n):
        out.append(q.get() * 10)

c = threading.Thread(target=consumer, args=(6,))
c.start()
for i in range(1, 9):
    q.put(i)
c.join()
print(sorted(out), len(q), q, 7 in q, list(reversed(list(q))), bool(q), sum(q))
while q:
    q.get()
print(len(q), repr(q), not q)
