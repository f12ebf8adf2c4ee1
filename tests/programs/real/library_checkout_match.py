import threading
from dataclasses import dataclass
from typing import Literal

@dataclass
class Book:
    isbn: str
    title: str
    copies: int

@dataclass
class Borrow:
    member: str
    isbn: str

@dataclass
class Return:
    member: str
    isbn: str

@dataclass
class Reserve:
    member: str
    isbn: str
    priority: Literal["normal", "urgent"] = "normal"

class Library:
    def __init__(self, books):
        self.books = {b.isbn: b for b in books}
        self.loans: dict[str, set[str]] = {}
        self.waitlist: list[tuple[int, str, str]] = []
        self.lock = threading.Lock()
        self.journal: list[str] = []

    def handle(self, request):
        with self.lock:
            match request:
                case Borrow(member=m, isbn=i) if i in self.books and self.books[i].copies > 0:
                    self.books[i].copies -= 1
                    self.loans.setdefault(m, set()).add(i)
                    result = f"{m} borrowed {self.books[i].title!r}"
                case Borrow(member=m, isbn=i) if i in self.books:
                    result = f"{m} must wait for {self.books[i].title!r}"
                case Return(m, i) if i in self.loans.get(m, set()):
                    self.loans[m].discard(i)
                    self.books[i].copies += 1
                    result = f"{m} returned {i}"
                case Reserve(member=m, isbn=i, priority="urgent"):
                    self.waitlist.insert(0, (0, m, i))
                    result = f"{m} reserved {i} urgently"
                case Reserve(m, i):
                    self.waitlist.append((1, m, i))
                    result = f"{m} reserved {i}"
                case _:
                    result = f"rejected {request}"
            self.journal.append(result)

lib = Library([Book("111", "Dune", 1), Book("222", "Emma", 2)])
requests = [Borrow("ann", "111"), Borrow("bob", "111"), Borrow("cy", "222"), Return("ann", "111"),
            Return("bob", "111"), Reserve("dee", "111", "urgent"), Reserve("eve", "222"), Borrow("fay", "999")]
for r in requests:
    t = threading.Thread(target=lib.handle, args=(r,))
    t.start()
    t.join()
print("\n".join(lib.journal))
print({k: sorted(v) for k, v in lib.loans.items()}, [b.copies for b in lib.books.values()])
print(sorted(lib.waitlist), Reserve("x", "1") == Reserve("x", "1", "normal"))
