import threading
from dataclasses import dataclass, field
from enum import Enum


class Status(Enum):
    AVAILABLE = "available"
    LOANED = "loaned"


class LibraryError(Exception):
    pass


class NotAvailable(LibraryError):
    def __init__(self, book, holder):
        super().__init__(f"{book.title!r} is loaned to {holder}")
        self.book = book


@dataclass
class Book:
    isbn: str
    title: str
    status: Status = Status.AVAILABLE
    history: list = field(default_factory=list)


class Library:
    def __init__(self, books):
        self.books = {b.isbn: b for b in books}
        self.holders = {}
        self.lock = threading.Lock()

    def checkout(self, isbn, member):
        with self.lock:
            book = self.books[isbn]
            if book.status is Status.LOANED:
                raise NotAvailable(book, self.holders[isbn])
            book.status = Status.LOANED
            book.history.append(member)
            self.holders[isbn] = member

    def give_back(self, isbn):
        with self.lock:
            self.books[isbn].status = Status.AVAILABLE
            del self.holders[isbn]


lib = Library([Book("111", "Dune"), Book("222", "Emma")])
messages = []


def member(name, isbns):
    for isbn in isbns:
        try:
            lib.checkout(isbn, name)
            messages.append(f"{name} got {lib.books[isbn].title}")
        except LibraryError as e:
            messages.append(f"{name}: {e}")


for name, isbns in (("ann", ["111"]), ("bob", ["111", "222"])):
    t = threading.Thread(target=member, args=(name, isbns))
    t.start()
    t.join()
lib.give_back("111")
print("\n".join(messages))
for book in lib.books.values():
    print(book.title, book.status, book.status.value, book.history)
print(lib.holders, Status.LOANED in Status, Status("loaned") is Status.LOANED)
